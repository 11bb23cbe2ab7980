//! dropscope in the browser: drop a capture, read it in slices, analyse it with
//! `dropscope-core`, show what it holds. The capture never leaves the page.

mod examples;
mod loader;
mod view;

pub use view::App;

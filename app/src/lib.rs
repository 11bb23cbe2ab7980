//! dropscope in the browser: drop a capture, watch its packets cross the node, see where they
//! died and why. The capture never leaves the page.
//!
//! The page (`ui`) talks to a Web Worker (`worker`, the `dropscope-worker` binary) that reads
//! the capture in slices and keeps the report; they exchange the messages of `protocol`.
//! `session` (the worker's state), `layout` (geometry) and `fragment` (URL state) are plain
//! Rust, tested natively.

pub mod examples;
pub mod fragment;
pub mod layout;
pub mod protocol;
pub mod session;

#[cfg(target_arch = "wasm32")]
pub mod client;
#[cfg(target_arch = "wasm32")]
pub mod ui;
#[cfg(target_arch = "wasm32")]
pub mod worker;

#[cfg(target_arch = "wasm32")]
pub use ui::App;

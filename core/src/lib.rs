//! dropscope's analysis core: capture bytes in, report out.
//!
//! The pipeline is `capture` (container → frames) → `decode` (frame → layers) → ... The crate
//! has no file, DOM or clock access: callers push bytes and get data back, so the same code
//! runs in the CLI and in the browser.

pub mod capture;
pub mod connection;
pub mod decode;
pub mod fields;
pub mod journey;
pub mod packets;
pub mod report;
pub mod signatures;
pub mod summary;
mod wire;

//! dropscope's analysis core: capture bytes in, report out.
//!
//! The pipeline is `capture` (container → frames) → `decode` (frame → layers) → `journey` (one
//! packet across the node's interfaces) → `connection` (TCP, DNS, UDP exchanges across NAT), which
//! together make the `analysis`; `signatures` say what it means, and `report` is both. `words`
//! turns any of it into text. The crate has no file, DOM or clock access: callers push bytes and
//! get data back, so the same code runs in the CLI and in the browser.

/// A hash map for keys taken from a capture, looked up once or more per packet: fast, and
/// seeded per process so that a crafted capture cannot choose colliding keys.
pub(crate) type FastMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

pub mod analysis;
pub mod analyzer;
pub mod capture;
pub mod combine;
pub mod connection;
pub mod decode;
pub mod examples;
pub mod export;
pub mod fields;
pub mod files;
pub mod i18n;
pub mod journey;
pub mod names;
pub mod packets;
pub mod report;
pub mod signatures;
pub mod summary;
mod wire;
pub mod words;

//! The packet list of a viewer: a compact index of every packet, filters over it, and the
//! description of one packet (its row text and its decoded layers).
//!
//! A viewer cannot keep a large capture in memory, and need not: the index keeps for each
//! packet where its bytes are in the file and the few fields a filter needs (about 56 bytes
//! a packet, addresses interned). The rows on screen are read from the file again and
//! described by [`describe`].

mod describe;
mod filter;
mod index;

use crate::capture::Timestamp;

pub use describe::{describe, flag_names, flags_set, LayerDescription, PacketDescription};
pub use filter::PacketFilter;
pub use index::{PacketIndex, PacketRow};

/// Seconds from `start` to `time`, for a Time column.
pub fn seconds_since(start: Timestamp, time: Timestamp) -> f64 {
    (time.secs - start.secs) as f64 + (time.nanos as f64 - start.nanos as f64) / 1e9
}

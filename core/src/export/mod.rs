//! Evidence taken away: the frames of a finding, a connection or a filter written as pcapng.
//!
//! [`PcapngWriter`] writes one pcapng section into memory: a section header with comments,
//! interfaces (link type, name, description) and packets (original time and bytes, direction,
//! comments). [`export_frames`] picks frames of one capture file by number and writes them
//! with their interfaces; [`pick_frames`] and [`PickedFrames::declare_interfaces`] are its
//! parts, for callers that merge several files into one output. Nothing here does I/O: the
//! CLI and the browser save the bytes.

mod evidence;
mod frames;
mod pcapng;

pub use evidence::{evidence_pcapng, of_connection, of_finding, EvidencePacket, EvidenceSelection};
pub use frames::{export_frames, pick_frames, PickedFrame, PickedFrames};
pub use pcapng::{ExportError, Packet, PcapngWriter};

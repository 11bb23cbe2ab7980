//! A first report: what a capture holds, as counts. The journeys, connections and findings
//! build on the same pipeline.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::capture::{
    CaptureError, CaptureOutcome, CaptureReader, CaptureWarning, Format, FrameSlice, RecordKind,
};
use crate::decode::{decode, DecodeStop, Layer, PacketSlice};

/// How many decode problems we list individually; the rest are counted.
const MAX_LISTED_DECODE_STOPS: usize = 200;

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct CaptureSummary {
    pub format: Option<Format>,
    pub bytes: u64,
    /// Frames, numbered as Wireshark does (custom blocks included).
    pub frames: u64,
    pub packets: u64,
    /// Packets per link type, by name (e.g. `LINUX_SLL2(276)`).
    pub link_types: BTreeMap<String, u64>,
    pub interfaces: Vec<InterfaceSummary>,
    /// Packets that a TCP, UDP or IPv4-header checksum shows corrupt (offload is not counted).
    pub bad_checksums: u64,
    /// Packets whose checksums hold only the offload placeholder.
    pub offloaded_checksums: u64,
    /// The error that stopped reading, if any: everything before it is counted.
    pub error: Option<CaptureError>,
    pub warnings: Vec<CaptureWarning>,
    /// Packets whose headers could not be decoded to the end, with where they stopped.
    pub decode_stops: Vec<FrameDecodeStop>,
    pub decode_stops_total: u64,
    /// Frames the file held out of capture-time order (pcapng written per interface in turn),
    /// put back in time order for the analysis.
    #[serde(default)]
    pub reordered: u64,
    /// Frames that came later than the reorder window allows: analysed out of place. The first
    /// ones are listed.
    #[serde(default)]
    pub late_frames: Vec<u64>,
    #[serde(default)]
    pub late_total: u64,
    /// Where the capture was taken, inferred from the traffic (set by the analysis).
    #[serde(default)]
    pub vantage: Option<crate::analysis::VantageReport>,
    /// The capturing host's own addresses, as far as the traffic tells (its loopback, what it
    /// sent, the address in every packet of a one-interface capture).
    #[serde(default)]
    pub host_addresses: Vec<std::net::IpAddr>,
    /// The captures analysed together, when there are several (`crate::combine`); their
    /// frames' ids say which one they are in.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub files: Vec<crate::combine::CaptureFile>,
    /// Pods that packet comments name (ptcpdump), by the address on the pod's side.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub commented_pods: Vec<crate::names::ptcpdump::CommentedPod>,
    /// Packets per link type while reading: named once, in `link_types`, at the end.
    #[serde(skip)]
    link_type_counts: Vec<(crate::capture::LinkType, u64)>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct InterfaceSummary {
    pub id: u32,
    pub link_type: String,
    pub name: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct FrameDecodeStop {
    pub frame: u64,
    #[serde(flatten)]
    pub stop: DecodeStop,
}

/// Builds a [`CaptureSummary`] from chunks pushed in file order.
#[derive(Default)]
pub struct Summarizer {
    reader: CaptureReader,
    summary: CaptureSummary,
}

impl Summarizer {
    pub fn new() -> Summarizer {
        Summarizer::default()
    }

    pub fn push(&mut self, chunk: &[u8]) {
        let summary = &mut self.summary;
        self.reader.push(chunk, |frame| {
            summary.frames = frame.number;
            if frame.kind == RecordKind::Packet {
                summary.add_packet(frame, &decode(frame));
            }
        });
    }

    /// Frames read so far (for progress).
    pub fn frames(&self) -> u64 {
        self.summary.frames
    }

    pub fn finish(self) -> CaptureSummary {
        let mut summary = self.summary;
        summary.complete(self.reader);
        summary
    }
}

impl CaptureSummary {
    /// Adds what the reader knows once the input has ended.
    pub(crate) fn complete(&mut self, reader: CaptureReader) {
        for (link_type, count) in std::mem::take(&mut self.link_type_counts) {
            *self.link_types.entry(link_type.to_string()).or_default() += count;
        }
        self.interfaces = reader
            .interfaces()
            .iter()
            .map(|i| InterfaceSummary {
                id: i.id,
                link_type: i.link_type.to_string(),
                name: i.name.clone(),
            })
            .collect();
        let CaptureOutcome {
            format,
            bytes,
            error,
            warnings,
            ..
        } = reader.finish();
        self.format = format;
        self.bytes = bytes;
        self.error = error;
        self.warnings = warnings;
    }

    /// Counts one decoded packet.
    pub(crate) fn add_packet(&mut self, frame: &FrameSlice<'_>, packet: &PacketSlice<'_>) {
        self.packets += 1;
        // A capture has one link type per interface, a handful at most.
        match self
            .link_type_counts
            .iter_mut()
            .find(|(link_type, _)| *link_type == frame.link_type)
        {
            Some((_, count)) => *count += 1,
            None => self.link_type_counts.push((frame.link_type, 1)),
        }
        let mut bad = false;
        let mut offloaded = false;
        for layer in &packet.layers {
            let status = match layer {
                Layer::Ipv4(ip) => ip.header_checksum,
                Layer::Tcp(tcp) => tcp.checksum,
                Layer::Udp(udp) => udp.checksum,
                _ => continue,
            };
            bad |= status.is_bad();
            offloaded |= status.is_offloaded();
        }
        self.bad_checksums += bad as u64;
        self.offloaded_checksums += offloaded as u64;
        if let Some(stop) = &packet.stop {
            self.decode_stops_total += 1;
            if self.decode_stops.len() < MAX_LISTED_DECODE_STOPS {
                self.decode_stops.push(FrameDecodeStop {
                    frame: frame.number,
                    stop: stop.clone(),
                });
            }
        }
    }
}

/// Summarises a whole in-memory capture.
pub fn summarize(bytes: &[u8]) -> CaptureSummary {
    let mut summarizer = Summarizer::new();
    summarizer.push(bytes);
    summarizer.finish()
}

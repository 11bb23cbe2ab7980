//! IP fragment reassembly, so that a datagram split across frames is decoded like one (as
//! tshark does, and as DNS answers over UDP often need). The byte work is etherparse's
//! `IpDefragBuf`; this adds the keying, the bounds and the eviction.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;

use etherparse::defrag::IpDefragBuf;
use etherparse::{IpFragOffset, IpNumber};

use super::{Layer, PacketSlice, PseudoHeader};

/// Datagrams being reassembled at once. Real captures have a handful; a hostile one must not
/// make us hold more.
const MAX_PENDING_DATAGRAMS: usize = 1024;
/// Bytes held for incomplete datagrams, in total.
const MAX_PENDING_BYTES: usize = 16 * 1024 * 1024;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct DatagramKey {
    source: IpAddr,
    destination: IpAddr,
    identification: u32,
    protocol: u8,
}

struct Pending {
    buffer: IpDefragBuf,
    frames: Vec<u64>,
    bytes: usize,
}

/// A datagram whose fragments have all arrived.
#[derive(Debug)]
pub struct Reassembled {
    /// The IP protocol of the payload.
    pub protocol: u8,
    pub payload: Vec<u8>,
    pub pseudo_header: PseudoHeader,
    /// The frames whose fragments make it up, in arrival order (the last completed it).
    pub frames: Vec<u64>,
}

/// Collects fragments frame by frame; see the module documentation.
#[derive(Default)]
pub struct Reassembler {
    pending: HashMap<DatagramKey, Pending>,
    /// Oldest first, for eviction. May hold keys already completed; those are skipped.
    arrival: VecDeque<DatagramKey>,
    pending_bytes: usize,
}

impl Reassembler {
    pub fn new() -> Reassembler {
        Reassembler::default()
    }

    /// Adds `packet` if it is a fragment; returns the datagram when this fragment completes it.
    pub fn add(&mut self, frame: u64, packet: &PacketSlice<'_>) -> Option<Reassembled> {
        // The IP layer that carried the transport: the innermost one, outside any ICMP quote.
        let end = packet
            .layers
            .iter()
            .position(|l| matches!(l, Layer::IcmpQuote))
            .unwrap_or(packet.layers.len());
        let ip = packet.layers[..end]
            .iter()
            .rev()
            .find(|l| matches!(l, Layer::Ipv4(_) | Layer::Ipv6(_)))?;
        let (key, offset, more, payload, truncated, pseudo_header) = match ip {
            Layer::Ipv4(ip) if ip.is_fragment() => (
                DatagramKey {
                    source: ip.source.into(),
                    destination: ip.destination.into(),
                    identification: ip.identification as u32,
                    protocol: ip.protocol,
                },
                ip.fragment_offset,
                ip.more_fragments,
                ip.payload,
                ip.payload_truncated,
                PseudoHeader::V4(ip.source, ip.destination),
            ),
            Layer::Ipv6(ip) => {
                let fragment = ip.fragment.filter(|f| f.more_fragments || f.offset != 0)?;
                (
                    DatagramKey {
                        source: ip.source.into(),
                        destination: ip.destination.into(),
                        identification: fragment.identification,
                        protocol: ip.next_header,
                    },
                    fragment.offset,
                    fragment.more_fragments,
                    ip.payload,
                    ip.payload_truncated,
                    PseudoHeader::V6(ip.source, ip.destination),
                )
            }
            _ => return None,
        };
        if truncated {
            // A fragment the capture cut short cannot complete a datagram.
            return None;
        }
        let fragment_offset = IpFragOffset::try_new(offset / 8).ok()?;
        if !self.pending.contains_key(&key) {
            self.make_room(payload.len());
            let buffer = IpDefragBuf::new(IpNumber(key.protocol), Vec::new(), Vec::new());
            self.pending.insert(
                key,
                Pending {
                    buffer,
                    frames: Vec::new(),
                    bytes: 0,
                },
            );
            self.arrival.push_back(key);
        }
        let entry = self.pending.get_mut(&key)?;
        if entry.buffer.add(fragment_offset, more, payload).is_err() {
            // Overlapping or inconsistent fragments: give up on this datagram.
            self.remove(&key);
            return None;
        }
        entry.frames.push(frame);
        entry.bytes += payload.len();
        self.pending_bytes += payload.len();
        if !entry.buffer.is_complete() {
            return None;
        }
        let done = self.remove(&key)?;
        let (payload, _) = done.buffer.take_bufs();
        Some(Reassembled {
            protocol: key.protocol,
            payload,
            pseudo_header,
            frames: done.frames,
        })
    }

    fn remove(&mut self, key: &DatagramKey) -> Option<Pending> {
        let pending = self.pending.remove(key)?;
        self.pending_bytes -= pending.bytes;
        Some(pending)
    }

    /// Evicts the oldest datagrams until one more (of `incoming` bytes) fits the bounds.
    fn make_room(&mut self, incoming: usize) {
        while self.pending.len() >= MAX_PENDING_DATAGRAMS
            || self.pending_bytes + incoming > MAX_PENDING_BYTES
        {
            let Some(oldest) = self.arrival.pop_front() else {
                break;
            };
            self.remove(&oldest);
        }
        // Drop keys of datagrams already completed so the queue stays proportional.
        if self.arrival.len() > 2 * MAX_PENDING_DATAGRAMS {
            let pending = &self.pending;
            self.arrival.retain(|k| pending.contains_key(k));
        }
    }
}

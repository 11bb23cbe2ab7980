//! IP fragment reassembly, so that a datagram split across frames is decoded like one (as
//! tshark does, and as DNS answers over UDP often need). The byte work is etherparse's
//! `IpDefragBuf`; this adds the keying, the bounds and the eviction.

use std::collections::VecDeque;
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
    pending: crate::FastMap<DatagramKey, Pending>,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::capture::{FrameSlice, LinkType, RecordKind};
    use crate::decode::decode;

    /// An IPv4 fragment 10.0.0.1 → 10.0.0.2 (UDP, id 7) of `payload` at byte `offset`.
    fn fragment(offset: u16, more: bool, payload: &[u8]) -> Vec<u8> {
        let total = 20 + payload.len() as u16;
        let flags_offset = (if more { 0x2000 } else { 0 }) | (offset / 8);
        let mut packet = vec![0x45, 0x00];
        packet.extend(total.to_be_bytes());
        packet.extend([0x00, 0x07]);
        packet.extend(flags_offset.to_be_bytes());
        packet.extend([64, 17, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2]);
        packet.extend(payload);
        packet
    }

    fn add(reassembler: &mut Reassembler, frame: u64, bytes: &[u8]) -> Option<Reassembled> {
        let slice = FrameSlice {
            number: frame,
            kind: RecordKind::Packet,
            file_offset: 0,
            data_offset: 0,
            timestamp: None,
            interface: None,
            link_type: LinkType::RAW,
            original_len: bytes.len() as u32,
            data: bytes,
            options: crate::capture::PacketOptions::NONE,
        };
        reassembler.add(frame, &decode(&slice))
    }

    #[test]
    fn two_fragments_make_one_datagram_in_either_order() {
        let datagram: Vec<u8> = (0..24u8).collect();
        for order in [[0, 1], [1, 0]] {
            let pieces = [
                fragment(0, true, &datagram[..16]),
                fragment(16, false, &datagram[16..]),
            ];
            let mut reassembler = Reassembler::new();
            assert!(add(&mut reassembler, 1, &pieces[order[0]]).is_none());
            let whole = add(&mut reassembler, 2, &pieces[order[1]]).expect("complete");
            assert_eq!(whole.payload, datagram);
            assert_eq!(whole.protocol, 17);
            assert_eq!(whole.frames, [1, 2]);
        }
    }

    #[test]
    fn a_lone_fragment_never_completes_and_a_whole_packet_is_not_a_fragment() {
        let mut reassembler = Reassembler::new();
        assert!(add(&mut reassembler, 1, &fragment(16, false, &[0; 8])).is_none());
        assert!(add(&mut reassembler, 2, &fragment(16, false, &[0; 8])).is_none());
        // Offset 0 and no more fragments: an ordinary packet.
        assert!(add(&mut reassembler, 3, &fragment(0, false, &[0; 8])).is_none());
        assert_eq!(reassembler.pending.len(), 1);
    }

    #[test]
    fn pending_datagrams_are_bounded() {
        let mut reassembler = Reassembler::new();
        for id in 0..(MAX_PENDING_DATAGRAMS as u16 + 10) {
            let mut first = fragment(0, true, &[0; 8]);
            first[4..6].copy_from_slice(&id.to_be_bytes());
            add(&mut reassembler, id as u64, &first);
        }
        assert!(reassembler.pending.len() <= MAX_PENDING_DATAGRAMS);
    }
}

//! Checksum verification that tells checksum offload apart from corruption.
//!
//! With checksum offload (the default on veth, bridges and VXLAN devices) the kernel hands the
//! packet to the capture before the NIC fills in the TCP/UDP checksum: the field then holds only
//! the sum of the pseudo-header (CHECKSUM_PARTIAL). That is normal and must never be reported
//! as corruption.

use std::net::{Ipv4Addr, Ipv6Addr};

use etherparse::IpNumber;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChecksumStatus {
    Good,
    /// Wrong: neither the full checksum nor an offload placeholder.
    Bad {
        stored: u16,
        computed: u16,
    },
    /// Only the pseudo-header sum is present: checksum offload, not corruption.
    Partial,
    /// A tunnel's outer UDP checksum that is right once the inner checksum, left to the NIC,
    /// is filled in: Linux's local checksum offload (LCO) for VXLAN and Geneve. Not corruption.
    LocalOffload,
    /// UDP over IPv4 with checksum 0: the sender chose not to compute one.
    Absent,
    /// Cannot be checked: the capture holds less than the checksum covers.
    Unverifiable,
}

impl ChecksumStatus {
    /// True only for a checksum that is really wrong.
    pub fn is_bad(self) -> bool {
        matches!(self, ChecksumStatus::Bad { .. })
    }

    /// True for checksums left to the NIC (offload), which a capture sees unfinished.
    pub fn is_offloaded(self) -> bool {
        matches!(self, ChecksumStatus::Partial | ChecksumStatus::LocalOffload)
    }
}

#[derive(Clone, Copy, Debug)]
pub enum PseudoHeader {
    V4(Ipv4Addr, Ipv4Addr),
    V6(Ipv6Addr, Ipv6Addr),
    None,
}

/// One's-complement sum of big-endian 16-bit words, not yet folded.
/// The one's complement sum of `data` as big-endian 16-bit words, folded to 16 bits. A one's
/// complement sum does not depend on byte order (RFC 1071, 2(B)): the words are added eight
/// bytes at a time in the machine's order and the result swapped once.
fn sum_words(data: &[u8]) -> u64 {
    let mut sum = 0u128;
    let mut chunks = data.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        sum += u64::from_ne_bytes(word) as u128;
    }
    let rest = chunks.remainder();
    let mut padded = [0u8; 8];
    padded[..rest.len()].copy_from_slice(rest);
    sum += u64::from_ne_bytes(padded) as u128;
    // Fold 128 → 64 → 16 bits, end-around carries included.
    let mut folded = (sum as u64 as u128) + (sum >> 64);
    folded = (folded as u64 as u128) + (folded >> 64);
    let mut sum = folded as u64;
    while sum > 0xFFFF {
        sum = (sum & 0xFFFF) + (sum >> 16);
    }
    let sum = sum as u16;
    (if cfg!(target_endian = "little") {
        sum.swap_bytes()
    } else {
        sum
    }) as u64
}

fn fold(mut sum: u64) -> u16 {
    while sum > 0xFFFF {
        sum = (sum & 0xFFFF) + (sum >> 16);
    }
    sum as u16
}

/// The IPv4 header checksum: the header's words must sum to 0xFFFF.
pub fn ipv4_header(header: &[u8]) -> ChecksumStatus {
    if header.len() < 20 {
        return ChecksumStatus::Unverifiable;
    }
    let stored = u16::from_be_bytes([header[10], header[11]]);
    let folded = fold(sum_words(header));
    if folded == 0xFFFF {
        ChecksumStatus::Good
    } else {
        // Adding the field's one's complement takes it out of the sum.
        let computed = !fold(sum_words(header) + (0xFFFF - stored as u64));
        ChecksumStatus::Bad { stored, computed }
    }
}

/// The TCP or UDP checksum over the pseudo-header and `segment` (header and payload).
/// `truncated`: the capture holds less of the segment than the IP header announces.
pub fn transport(
    pseudo: PseudoHeader,
    protocol: IpNumber,
    segment: &[u8],
    stored: u16,
    checksum_at: usize,
    truncated: bool,
) -> ChecksumStatus {
    if truncated || segment.len() < checksum_at + 2 {
        return ChecksumStatus::Unverifiable;
    }
    let length = segment.len() as u64;
    let pseudo_sum = match pseudo {
        PseudoHeader::V4(source, destination) => {
            sum_words(&source.octets())
                + sum_words(&destination.octets())
                + protocol.0 as u64
                + length
        }
        PseudoHeader::V6(source, destination) => {
            sum_words(&source.octets())
                + sum_words(&destination.octets())
                + protocol.0 as u64
                + length
        }
        PseudoHeader::None => return ChecksumStatus::Unverifiable,
    };
    let total = fold(pseudo_sum + sum_words(segment));
    if total == 0xFFFF {
        return ChecksumStatus::Good;
    }
    // Offload placeholder: the field holds the folded pseudo-header sum (Linux stores
    // ~csum_tcpudp_magic(...), i.e. the sum itself, uncomplemented).
    let partial = fold(pseudo_sum);
    if stored == partial || (stored == 0 && partial == 0xFFFF) {
        return ChecksumStatus::Partial;
    }
    ChecksumStatus::Bad {
        stored,
        computed: expected(pseudo_sum, segment, checksum_at),
    }
}

/// The checksum `segment` should carry, or `None` when it cannot be computed.
pub fn expected_transport(
    pseudo: PseudoHeader,
    protocol: IpNumber,
    segment: &[u8],
    checksum_at: usize,
) -> Option<u16> {
    if segment.len() < checksum_at + 2 {
        return None;
    }
    let length = segment.len() as u64;
    let pseudo_sum = match pseudo {
        PseudoHeader::V4(source, destination) => {
            sum_words(&source.octets()) + sum_words(&destination.octets())
        }
        PseudoHeader::V6(source, destination) => {
            sum_words(&source.octets()) + sum_words(&destination.octets())
        }
        PseudoHeader::None => return None,
    } + protocol.0 as u64
        + length;
    Some(expected(pseudo_sum, segment, checksum_at))
}

/// Whether an outer checksum that does not verify becomes right when an inner checksum field
/// changes from `placeholder` to `completed` (local checksum offload).
pub fn right_after_completion(
    outer_expected: u16,
    outer_stored: u16,
    placeholder: u16,
    completed: u16,
) -> bool {
    // The sum without the outer field is ~outer_expected; swap the inner field's contribution.
    let sum = (!outer_expected) as u64 + (!placeholder) as u64 + completed as u64;
    let mut new_expected = !fold(sum);
    if new_expected == 0 {
        new_expected = 0xFFFF;
    }
    new_expected == outer_stored
}

/// The checksum the segment should carry: the sum with the checksum field taken as zero.
fn expected(pseudo_sum: u64, segment: &[u8], checksum_at: usize) -> u16 {
    let field = u16::from_be_bytes([segment[checksum_at], segment[checksum_at + 1]]) as u64;
    // Adding the one's complement of the field cancels it out of the sum.
    let without_field = pseudo_sum + sum_words(segment) + (0xFFFF - field);
    let value = !fold(without_field);
    if value == 0 {
        0xFFFF
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A UDP datagram 10.0.0.1:1000 → 10.0.0.2:2000 carrying "hi", checksum field zeroed.
    fn udp_segment() -> Vec<u8> {
        vec![0x03, 0xe8, 0x07, 0xd0, 0x00, 0x0a, 0x00, 0x00, b'h', b'i']
    }

    fn pseudo() -> PseudoHeader {
        PseudoHeader::V4(Ipv4Addr::new(10, 0, 0, 1), Ipv4Addr::new(10, 0, 0, 2))
    }

    #[test]
    fn a_full_checksum_verifies_and_a_flipped_bit_does_not() {
        let mut segment = udp_segment();
        let right = expected_transport(pseudo(), IpNumber::UDP, &segment, 6).unwrap();
        segment[6..8].copy_from_slice(&right.to_be_bytes());
        assert_eq!(
            transport(pseudo(), IpNumber::UDP, &segment, right, 6, false),
            ChecksumStatus::Good
        );
        segment[9] ^= 1;
        let status = transport(pseudo(), IpNumber::UDP, &segment, right, 6, false);
        assert!(status.is_bad(), "{status:?}");
    }

    #[test]
    fn the_pseudo_header_sum_alone_is_offload_not_corruption() {
        let mut segment = udp_segment();
        // What Linux leaves for the NIC: the folded pseudo-header sum, uncomplemented.
        let partial =
            fold(sum_words(&[10, 0, 0, 1]) + sum_words(&[10, 0, 0, 2]) + 17 + segment.len() as u64);
        segment[6..8].copy_from_slice(&partial.to_be_bytes());
        let status = transport(pseudo(), IpNumber::UDP, &segment, partial, 6, false);
        assert_eq!(status, ChecksumStatus::Partial);
        assert!(status.is_offloaded() && !status.is_bad());
    }

    #[test]
    fn a_cut_segment_cannot_be_checked() {
        let segment = udp_segment();
        assert_eq!(
            transport(pseudo(), IpNumber::UDP, &segment, 0, 6, true),
            ChecksumStatus::Unverifiable
        );
        assert_eq!(
            transport(pseudo(), IpNumber::UDP, &segment[..7], 0, 6, false),
            ChecksumStatus::Unverifiable
        );
    }

    #[test]
    fn ipv4_header_checksum() {
        // A 20-byte header, 10.0.0.1 → 10.0.0.2, TTL 64, UDP, checksum 0x66cc.
        let mut header = [
            0x45, 0x00, 0x00, 0x1e, 0x00, 0x01, 0x00, 0x00, 0x40, 0x11, 0x66, 0xcc, 10, 0, 0, 1,
            10, 0, 0, 2,
        ];
        assert_eq!(ipv4_header(&header), ChecksumStatus::Good);
        header[8] = 63; // the TTL changed without the checksum
        assert_eq!(
            ipv4_header(&header),
            ChecksumStatus::Bad {
                stored: 0x66cc,
                computed: 0x67cc
            }
        );
        assert_eq!(ipv4_header(&header[..19]), ChecksumStatus::Unverifiable);
    }

    #[test]
    fn an_outer_checksum_right_after_the_inner_one_is_filled_in() {
        // The outer sum covers the inner checksum field: with the placeholder there it is off
        // by exactly the difference the NIC will make.
        let (placeholder, completed) = (0x1234u16, 0xabcdu16);
        let outer_expected_now = 0x5555u16;
        let sum = (!outer_expected_now) as u64 + (!placeholder) as u64 + completed as u64;
        let stored = !fold(sum);
        assert!(right_after_completion(
            outer_expected_now,
            stored,
            placeholder,
            completed
        ));
        assert!(!right_after_completion(
            outer_expected_now,
            stored ^ 1,
            placeholder,
            completed
        ));
    }

    /// The sum eight bytes at a time is the sum word by word, for every length and content.
    #[test]
    fn the_wide_sum_is_the_word_by_word_sum() {
        fn word_by_word(data: &[u8]) -> u64 {
            let mut sum = 0u64;
            for pair in data.chunks(2) {
                sum += u64::from(pair[0]) << 8 | pair.get(1).copied().map_or(0, u64::from);
            }
            u64::from(fold(sum))
        }
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        for length in 0..200 {
            for _ in 0..20 {
                let data: Vec<u8> = (0..length)
                    .map(|_| {
                        state ^= state << 13;
                        state ^= state >> 7;
                        state ^= state << 17;
                        state as u8
                    })
                    .collect();
                assert_eq!(
                    u64::from(fold(sum_words(&data))),
                    word_by_word(&data),
                    "{data:?}"
                );
            }
            let ones = vec![0xFF; length];
            assert_eq!(u64::from(fold(sum_words(&ones))), word_by_word(&ones));
        }
    }
}

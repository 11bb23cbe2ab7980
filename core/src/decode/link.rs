//! Link headers etherparse does not parse: Linux cooked capture v2, and BSD loopback.
//! (SLL v1 is simple enough to read here alongside v2, keeping both in one shape.)

use serde::{Deserialize, Serialize};

/// Direction of a packet in a Linux cooked capture (`PACKET_*` in `linux/if_packet.h`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SllPacketType {
    /// Addressed to this host (received).
    Host,
    Broadcast,
    Multicast,
    /// Addressed to another host: seen by a bridge port or in promiscuous mode (received).
    OtherHost,
    /// Sent by this host.
    Outgoing,
    Other(u16),
}

impl SllPacketType {
    fn from_u16(value: u16) -> SllPacketType {
        match value {
            0 => SllPacketType::Host,
            1 => SllPacketType::Broadcast,
            2 => SllPacketType::Multicast,
            3 => SllPacketType::OtherHost,
            4 => SllPacketType::Outgoing,
            other => SllPacketType::Other(other),
        }
    }

    /// Whether the interface received the packet (as opposed to sending it).
    pub fn is_incoming(self) -> bool {
        !matches!(self, SllPacketType::Outgoing)
    }
}

/// A Linux cooked header, v1 (`LINKTYPE_LINUX_SLL`) or v2 (`LINKTYPE_LINUX_SLL2`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SllSlice {
    pub packet_type: SllPacketType,
    /// The interface index (v2 only): which interface of the node saw the packet.
    pub interface_index: Option<u32>,
    /// ARPHRD_* hardware type.
    pub hardware_type: u16,
    /// Link-layer source address (first `address_len` bytes are valid).
    pub address: [u8; 8],
    pub address_len: u8,
    /// An EtherType, or 1 (802.3) / 4 (802.2 LLC).
    pub protocol: u16,
}

/// SLL: packet type, hardware type, address length, address (8), protocol.
pub fn sll(data: &[u8]) -> Option<(SllSlice, &[u8])> {
    let header = data.get(..16)?;
    let be16 = |at: usize| u16::from_be_bytes([header[at], header[at + 1]]);
    let mut address = [0u8; 8];
    address.copy_from_slice(&header[6..14]);
    let sll = SllSlice {
        packet_type: SllPacketType::from_u16(be16(0)),
        interface_index: None,
        hardware_type: be16(2),
        address_len: be16(4).min(8) as u8,
        address,
        protocol: be16(14),
    };
    Some((sll, &data[16..]))
}

/// SLL2: protocol, reserved, interface index, hardware type, packet type, address length,
/// address (8).
pub fn sll2(data: &[u8]) -> Option<(SllSlice, &[u8])> {
    let header = data.get(..20)?;
    let mut address = [0u8; 8];
    address.copy_from_slice(&header[12..20]);
    let sll = SllSlice {
        packet_type: SllPacketType::from_u16(header[10] as u16),
        interface_index: Some(u32::from_be_bytes([
            header[4], header[5], header[6], header[7],
        ])),
        hardware_type: u16::from_be_bytes([header[8], header[9]]),
        address_len: header[11].min(8),
        address,
        protocol: u16::from_be_bytes([header[0], header[1]]),
    };
    Some((sll, &data[20..]))
}

/// The 4-byte address family of LINKTYPE_NULL (host byte order, which we guess as Wireshark
/// does: a family fits in 16 bits) or LINKTYPE_LOOP (network byte order).
pub fn loopback(data: &[u8], network_order: bool) -> Option<(u32, &[u8])> {
    let bytes: [u8; 4] = data.get(..4)?.try_into().ok()?;
    let family = if network_order {
        u32::from_be_bytes(bytes)
    } else {
        let little = u32::from_le_bytes(bytes);
        if little & 0xFFFF_0000 != 0 {
            u32::from_be_bytes(bytes)
        } else {
            little
        }
    };
    Some((family, &data[4..]))
}

/// The EtherType a loopback address family stands for. IPv6's AF_INET6 differs between
/// systems: 10 (Linux), 23 (Windows), 24 (NetBSD, OpenBSD), 28 (FreeBSD), 30 (macOS).
pub fn loopback_ether_type(family: u32) -> Option<u16> {
    match family {
        2 => Some(0x0800),
        10 | 23 | 24 | 28 | 30 => Some(0x86DD),
        _ => None,
    }
}

/// NFLOG (LINKTYPE_NFLOG): packets logged by iptables/nftables `NFLOG` rules, as network
/// policy logging does. A 4-byte header (address family, version, group), then TLVs whose
/// length and type are in the capturing host's byte order; type 9 holds the packet.
pub fn nflog(data: &[u8]) -> Option<(u8, &[u8])> {
    const NFULA_PAYLOAD: u16 = 9;
    let family = *data.first()?;
    let mut rest = data.get(4..)?;
    // Work out the host byte order from the first TLV: its length must fit what follows.
    let little_endian = match rest.get(..2) {
        Some(len) => {
            let le = u16::from_le_bytes([len[0], len[1]]) as usize;
            (4..=rest.len()).contains(&le)
        }
        None => return None,
    };
    let read = |bytes: &[u8]| {
        if little_endian {
            u16::from_le_bytes([bytes[0], bytes[1]])
        } else {
            u16::from_be_bytes([bytes[0], bytes[1]])
        }
    };
    while rest.len() >= 4 {
        let length = read(&rest[..2]) as usize;
        let tlv_type = read(&rest[2..4]) & 0x7FFF;
        if length < 4 || length > rest.len() {
            return None;
        }
        if tlv_type == NFULA_PAYLOAD {
            return Some((family, &rest[4..length]));
        }
        let padded = (length + 3) & !3;
        rest = rest.get(padded..)?;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sll_v1_reads_type_address_and_protocol() {
        let header = [
            0x00, 0x04, // PACKET_OUTGOING
            0x00, 0x01, // ARPHRD_ETHER
            0x00, 0x06, // address length
            0x02, 0x42, 0xac, 0x12, 0x00, 0x02, 0x00, 0x00, // address
            0x08, 0x00, // IPv4
            0x45, // the payload starts here
        ];
        let (sll, rest) = sll(&header).unwrap();
        assert_eq!(sll.packet_type, SllPacketType::Outgoing);
        assert!(!sll.packet_type.is_incoming());
        assert_eq!(sll.interface_index, None);
        assert_eq!(sll.hardware_type, 1);
        assert_eq!(
            &sll.address[..sll.address_len as usize],
            &[0x02, 0x42, 0xac, 0x12, 0, 2]
        );
        assert_eq!(sll.protocol, 0x0800);
        assert_eq!(rest, &[0x45]);
        assert!(super::sll(&header[..15]).is_none(), "one byte short");
    }

    #[test]
    fn sll_v2_reads_the_interface_index() {
        let header = [
            0x86, 0xdd, // IPv6
            0x00, 0x00, // reserved
            0x00, 0x00, 0x00, 0x07, // interface index 7
            0x00, 0x01, // ARPHRD_ETHER
            0x03, // PACKET_OTHERHOST
            0x06, // address length
            1, 2, 3, 4, 5, 6, 0, 0, // address
        ];
        let (sll, rest) = sll2(&header).unwrap();
        assert_eq!(sll.interface_index, Some(7));
        assert_eq!(sll.packet_type, SllPacketType::OtherHost);
        assert!(sll.packet_type.is_incoming());
        assert_eq!(sll.protocol, 0x86dd);
        assert!(rest.is_empty());
        // An address length above 8 is capped to the 8 bytes the header has.
        let mut long = header;
        long[11] = 200;
        assert_eq!(sll2(&long).unwrap().0.address_len, 8);
        assert!(sll2(&header[..19]).is_none());
    }

    #[test]
    fn loopback_families_in_either_byte_order() {
        // LINKTYPE_NULL written by a little-endian host: AF_INET = 2.
        assert_eq!(loopback(&[2, 0, 0, 0, 0x45], false), Some((2, &[0x45][..])));
        // The same field from a big-endian host: the value does not fit 16 bits little-endian.
        assert_eq!(loopback(&[0, 0, 0, 2], false).unwrap().0, 2);
        // LINKTYPE_LOOP is always network order; macOS's AF_INET6 is 30.
        assert_eq!(loopback(&[0, 0, 0, 30], true).unwrap().0, 30);
        assert_eq!(loopback_ether_type(30), Some(0x86DD));
        assert_eq!(loopback_ether_type(2), Some(0x0800));
        assert_eq!(loopback_ether_type(99), None);
        assert!(loopback(&[2, 0, 0], false).is_none());
    }

    #[test]
    fn nflog_finds_the_payload_tlv_in_the_hosts_byte_order() {
        let mut record = vec![2, 0, 0, 1]; // AF_INET, version 0, group 1
        record.extend([8, 0, 1, 0, 0, 0, 0, 0]); // a TLV of type 1 (little-endian length 8)
        record.extend([8, 0, 9, 0, 0x45, 0, 0, 0x14]); // the payload TLV, 4 bytes of packet
        let (family, payload) = nflog(&record).unwrap();
        assert_eq!(family, 2);
        assert_eq!(payload, &[0x45, 0, 0, 0x14]);
        // No payload TLV: nothing to decode.
        assert!(nflog(&record[..12]).is_none());
    }
}

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

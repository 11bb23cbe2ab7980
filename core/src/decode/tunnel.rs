//! Encapsulations etherparse does not parse: VXLAN, Geneve, GRE, MPLS, VN-Tag.

/// VXLAN: the IANA port and the Linux kernel's default, used by flannel.
pub const VXLAN_PORTS: [u16; 2] = [4789, 8472];
pub const GENEVE_PORT: u16 = 6081;

pub const ETHER_TYPE_MPLS: u16 = 0x8847;
pub const ETHER_TYPE_MPLS_MULTICAST: u16 = 0x8848;
pub const ETHER_TYPE_VNTAG: u16 = 0x8926;
/// Transparent Ethernet Bridging: an Ethernet frame follows.
pub const ETHER_TYPE_TEB: u16 = 0x6558;
const ETHER_TYPE_PPP: u16 = 0x880B;
const ETHER_TYPE_ERSPAN_II: u16 = 0x88BE;
const ETHER_TYPE_ERSPAN_III: u16 = 0x22EB;

/// VXLAN header (8 bytes): flags, reserved, 24-bit VNI, reserved. An Ethernet frame follows.
pub fn vxlan(data: &[u8]) -> Option<(u32, &[u8])> {
    let header = data.get(..8)?;
    let vni = u32::from_be_bytes([0, header[4], header[5], header[6]]);
    Some((vni, &data[8..]))
}

/// Geneve: version and options length, flags, protocol type, 24-bit VNI, reserved, options.
pub fn geneve(data: &[u8]) -> Option<(u32, u16, &[u8])> {
    let header = data.get(..8)?;
    let options_len = (header[0] & 0x3F) as usize * 4;
    let protocol = u16::from_be_bytes([header[2], header[3]]);
    let vni = u32::from_be_bytes([0, header[4], header[5], header[6]]);
    let inner = data.get(8 + options_len..)?;
    Some((vni, protocol, inner))
}

/// One MPLS label stack entry: label (20 bits), traffic class, bottom-of-stack, TTL.
pub fn mpls_label(data: &[u8]) -> Option<(u32, bool, &[u8])> {
    let entry: [u8; 4] = data.get(..4)?.try_into().ok()?;
    let value = u32::from_be_bytes(entry);
    Some((value >> 12, value & 0x100 != 0, &data[4..]))
}

/// VN-Tag: 4 bytes of tag after its EtherType, then the inner EtherType.
pub fn vntag(data: &[u8]) -> Option<(u16, &[u8])> {
    let header = data.get(..6)?;
    Some((u16::from_be_bytes([header[4], header[5]]), &data[6..]))
}

/// The TPID of a VLAN tag: the two bytes before the tag's TCI.
pub fn vlan_tpid(frame: &[u8], tag: &[u8]) -> u16 {
    // etherparse's tag slice starts at the TCI; the TPID is the previous EtherType field.
    let start = (tag.as_ptr() as usize).wrapping_sub(frame.as_ptr() as usize);
    match start.checked_sub(2).and_then(|at| frame.get(at..at + 2)) {
        Some(tpid) => u16::from_be_bytes([tpid[0], tpid[1]]),
        None => 0x8100,
    }
}

pub struct Gre<'a> {
    pub protocol: u16,
    pub key: Option<u32>,
    pub next: GreNext<'a>,
}

pub enum GreNext<'a> {
    EtherType(u16, &'a [u8]),
    Ip(&'a [u8]),
    Ethernet(&'a [u8]),
    Unknown,
}

/// GRE (RFC 2784/2890) and the enhanced GRE of PPTP (RFC 2637, version 1).
pub fn gre(data: &[u8]) -> Result<Gre<'_>, &'static str> {
    let header = data.get(..4).ok_or("shorter than a GRE header")?;
    let flags = u16::from_be_bytes([header[0], header[1]]);
    let protocol = u16::from_be_bytes([header[2], header[3]]);
    let version = flags & 0x7;
    let has_checksum = flags & 0x8000 != 0;
    let has_routing = flags & 0x4000 != 0;
    let has_key = flags & 0x2000 != 0;
    let has_sequence = flags & 0x1000 != 0;
    let has_ack = version == 1 && flags & 0x0080 != 0;
    let mut at = 4;
    if has_checksum || has_routing {
        at += 4;
    }
    let key = if has_key {
        let bytes = data.get(at..at + 4).ok_or("GRE key runs past the packet")?;
        at += 4;
        Some(u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]))
    } else {
        None
    };
    if has_sequence {
        at += 4;
    }
    if has_ack {
        at += 4;
    }
    if has_routing {
        // Source route entries (RFC 1701), ended by a null entry.
        loop {
            let entry = data
                .get(at..at + 4)
                .ok_or("GRE routing runs past the packet")?;
            let length = entry[3] as usize;
            at += 4 + length;
            if length == 0 {
                break;
            }
        }
    }
    let payload = data.get(at..).ok_or("GRE header runs past the packet")?;
    let next = match protocol {
        0x0800 | 0x86DD => GreNext::Ip(payload),
        ETHER_TYPE_TEB => GreNext::Ethernet(payload),
        ETHER_TYPE_PPP => ppp(payload),
        ETHER_TYPE_ERSPAN_II => match (has_sequence, payload.get(8..)) {
            // ERSPAN type II has an 8-byte header; type I (no sequence number) has none.
            (true, Some(inner)) => GreNext::Ethernet(inner),
            (false, _) => GreNext::Ethernet(payload),
            _ => GreNext::Unknown,
        },
        ETHER_TYPE_ERSPAN_III => {
            // 12 bytes, plus an 8-byte platform sub-header when the O flag is set.
            let optional = payload
                .get(11)
                .map_or(0, |b| if b & 0x01 != 0 { 8 } else { 0 });
            match payload.get(12 + optional..) {
                Some(inner) => GreNext::Ethernet(inner),
                None => GreNext::Unknown,
            }
        }
        other => GreNext::EtherType(other, payload),
    };
    Ok(Gre {
        protocol,
        key,
        next,
    })
}

/// PPP in PPTP's GRE: optional address/control bytes, then a 1- or 2-byte protocol.
fn ppp(data: &[u8]) -> GreNext<'_> {
    let data = if data.starts_with(&[0xFF, 0x03]) {
        &data[2..]
    } else {
        data
    };
    let (protocol, payload) = match data.first() {
        Some(&first) if first & 1 == 1 => (first as u16, &data[1..]),
        _ => match data.get(..2) {
            Some(bytes) => (u16::from_be_bytes([bytes[0], bytes[1]]), &data[2..]),
            None => return GreNext::Unknown,
        },
    };
    match protocol {
        0x0021 | 0x0057 => GreNext::Ip(payload),
        _ => GreNext::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vxlan_reads_the_24_bit_vni() {
        let header = [0x08, 0, 0, 0, 0x00, 0x00, 0x01, 0x00, 0xaa];
        assert_eq!(vxlan(&header), Some((1, &[0xaa][..])));
        let header = [0x08, 0, 0, 0, 0xff, 0xff, 0xff, 0x00];
        assert_eq!(vxlan(&header).unwrap().0, 0xff_ffff);
        assert!(vxlan(&header[..7]).is_none());
    }

    #[test]
    fn geneve_skips_its_options() {
        // Version 0, 2 words of options; protocol Transparent Ethernet Bridging; VNI 42.
        let mut header = vec![0x02, 0x00, 0x65, 0x58, 0, 0, 42, 0];
        header.extend([1, 2, 3, 4, 5, 6, 7, 8]); // the options
        header.push(0xee); // the inner frame
        let (vni, protocol, inner) = geneve(&header).unwrap();
        assert_eq!((vni, protocol), (42, ETHER_TYPE_TEB));
        assert_eq!(inner, &[0xee]);
        // Options that run past the packet.
        assert!(geneve(&header[..12]).is_none());
    }

    #[test]
    fn gre_with_a_key_carries_ip() {
        // K bit, protocol IPv4, key 0x01020304.
        let packet = [0x20, 0x00, 0x08, 0x00, 1, 2, 3, 4, 0x45];
        let gre = gre(&packet).unwrap();
        assert_eq!(gre.protocol, 0x0800);
        assert_eq!(gre.key, Some(0x0102_0304));
        assert!(matches!(gre.next, GreNext::Ip(&[0x45])));
        // The key promised by the flags is missing.
        assert!(super::gre(&packet[..6]).is_err());
    }

    #[test]
    fn gre_of_pptp_carries_ppp_then_ip() {
        // Version 1 with the key bit (PPTP always sets it), protocol PPP, then PPP's address,
        // control and protocol 0x0021 (IPv4).
        let packet = [
            0x20, 0x01, 0x88, 0x0b, 0, 4, 0, 1, 0xff, 0x03, 0x00, 0x21, 0x45,
        ];
        assert!(matches!(gre(&packet).unwrap().next, GreNext::Ip(&[0x45])));
    }

    #[test]
    fn mpls_and_vntag_entries() {
        // Label 16, bottom of stack, TTL 64.
        let entry = [0x00, 0x01, 0x01, 0x40, 0x45];
        assert_eq!(mpls_label(&entry), Some((16, true, &[0x45][..])));
        let tag = [0, 0, 0, 0, 0x08, 0x00, 0x45];
        assert_eq!(vntag(&tag), Some((0x0800, &[0x45][..])));
        assert!(vntag(&tag[..5]).is_none());
    }
}

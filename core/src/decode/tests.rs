use etherparse::PacketBuilder;

use super::*;
use crate::capture::{FrameSlice, LinkType, RecordKind};

fn frame(link_type: LinkType, data: &[u8]) -> FrameSlice<'_> {
    FrameSlice {
        number: 1,
        kind: RecordKind::Packet,
        file_offset: 0,
        data_offset: 0,
        timestamp: None,
        interface: None,
        link_type,
        original_len: data.len() as u32,
        data,
        options: crate::capture::PacketOptions::NONE,
    }
}

fn names(packet: &PacketSlice<'_>) -> Vec<&'static str> {
    packet.layers.iter().map(Layer::name).collect()
}

fn tcp_syn_ipv4() -> Vec<u8> {
    let builder = PacketBuilder::ethernet2([1, 2, 3, 4, 5, 6], [7, 8, 9, 10, 11, 12])
        .ipv4([10, 244, 0, 10], [10, 96, 0, 10], 64)
        .tcp(40000, 80, 1000, 64240)
        .syn();
    let mut out = Vec::new();
    builder.write(&mut out, &[]).unwrap();
    out
}

fn tcp_checksum(packet: &PacketSlice<'_>) -> ChecksumStatus {
    packet
        .layers
        .iter()
        .find_map(|l| match l {
            Layer::Tcp(tcp) => Some(tcp.checksum),
            _ => None,
        })
        .expect("a TCP layer")
}

#[test]
fn checksums_are_good_bad_or_offloaded() {
    let good = tcp_syn_ipv4();
    let packet = decode(&frame(LinkType::ETHERNET, &good));
    assert_eq!(names(&packet), ["eth", "ip", "tcp"]);
    assert_eq!(tcp_checksum(&packet), ChecksumStatus::Good);
    let Layer::Ipv4(ip) = &packet.layers[1] else {
        panic!()
    };
    assert_eq!(ip.header_checksum, ChecksumStatus::Good);

    // Checksum offload: the field holds the folded pseudo-header sum.
    let mut offloaded = good.clone();
    let pseudo: u32 = [0x0af4u32, 0x000a, 0x0a60, 0x000a, 6, 20].iter().sum();
    let folded = ((pseudo & 0xFFFF) + (pseudo >> 16)) as u16;
    offloaded[14 + 20 + 16..14 + 20 + 18].copy_from_slice(&folded.to_be_bytes());
    assert_eq!(
        tcp_checksum(&decode(&frame(LinkType::ETHERNET, &offloaded))),
        ChecksumStatus::Partial
    );

    let mut corrupt = good.clone();
    corrupt[14 + 20 + 16] ^= 0x55;
    let status = tcp_checksum(&decode(&frame(LinkType::ETHERNET, &corrupt)));
    let stored = u16::from_be_bytes([corrupt[14 + 20 + 16], corrupt[14 + 20 + 17]]);
    let right = u16::from_be_bytes([good[14 + 20 + 16], good[14 + 20 + 17]]);
    assert_eq!(
        status,
        ChecksumStatus::Bad {
            stored,
            computed: right
        }
    );

    // Cut by the snap length: the checksum cannot be checked.
    let cut = &good[..good.len() - 2];
    let packet = decode(&frame(LinkType::ETHERNET, cut));
    assert_eq!(
        names(&packet),
        ["eth", "ip", "tcp"],
        "a header cut short keeps its fields"
    );
}

fn vxlan(port: u16, inner: &[u8]) -> Vec<u8> {
    let mut payload = vec![0x08, 0, 0, 0, 0, 0, 42, 0];
    payload.extend(inner);
    let builder = PacketBuilder::ethernet2([0; 6], [1; 6])
        .ipv4([172, 18, 0, 2], [172, 18, 0, 3], 64)
        .udp(50000, port);
    let mut out = Vec::new();
    builder.write(&mut out, &payload).unwrap();
    out
}

#[test]
fn vxlan_on_both_ports_keeps_outer_and_inner() {
    for port in [4789, 8472] {
        let bytes = vxlan(port, &tcp_syn_ipv4());
        let packet = decode(&frame(LinkType::ETHERNET, &bytes));
        assert_eq!(
            names(&packet),
            ["eth", "ip", "udp", "vxlan", "eth", "ip", "tcp"],
            "port {port}"
        );
        assert!(matches!(packet.layers[3], Layer::Vxlan { vni: 42 }));
        assert_eq!(packet.stop, None);
    }
    // Another port is plain UDP.
    let bytes = vxlan(4790, &tcp_syn_ipv4());
    assert_eq!(
        names(&decode(&frame(LinkType::ETHERNET, &bytes))),
        ["eth", "ip", "udp"]
    );
}

#[test]
fn nesting_is_bounded() {
    // IP-in-IP thirty times over: decoding stops at the bound, with a reason.
    let mut packet = tcp_syn_ipv4()[14..].to_vec();
    for _ in 0..30 {
        let builder = PacketBuilder::ipv4([1, 1, 1, 1], [2, 2, 2, 2], 64);
        let mut outer = Vec::new();
        builder.write(&mut outer, ip_number::IPV4, &packet).unwrap();
        packet = outer;
    }
    let decoded = decode(&frame(LinkType::RAW, &packet));
    let stop = decoded.stop.expect("stopped");
    assert_eq!(stop.layer, "tunnel");
    assert_eq!(decoded.layers.len(), MAX_TUNNEL_DEPTH + 1);
}

#[test]
fn linux_cooked_headers() {
    let ip = &tcp_syn_ipv4()[14..];
    // SLL2: protocol, reserved, ifindex 7, ARPHRD_ETHER, PACKET_OUTGOING, address length 6.
    let mut sll2 = vec![
        0x08, 0x00, 0, 0, 0, 0, 0, 7, 0, 1, 4, 6, 1, 2, 3, 4, 5, 6, 0, 0,
    ];
    sll2.extend(ip);
    let packet = decode(&frame(LinkType::LINUX_SLL2, &sll2));
    let Layer::LinuxSll(sll) = &packet.layers[0] else {
        panic!()
    };
    assert_eq!(
        (sll.interface_index, sll.packet_type),
        (Some(7), SllPacketType::Outgoing)
    );
    assert_eq!(names(&packet), ["sll2", "ip", "tcp"]);
    // SLL v1: packet type 3 (other host).
    let mut sll1 = vec![0, 3, 0, 1, 0, 6, 1, 2, 3, 4, 5, 6, 0, 0, 0x08, 0x00];
    sll1.extend(ip);
    let packet = decode(&frame(LinkType::LINUX_SLL, &sll1));
    let Layer::LinuxSll(sll) = &packet.layers[0] else {
        panic!()
    };
    assert_eq!(
        (sll.interface_index, sll.packet_type),
        (None, SllPacketType::OtherHost)
    );
    assert_eq!(names(&packet), ["sll", "ip", "tcp"]);
}

#[test]
fn unsupported_link_types_say_so() {
    let packet = decode(&frame(LinkType(147), &[1, 2, 3]));
    assert!(packet.layers.is_empty());
    assert_eq!(
        packet.stop.expect("stopped").reason,
        "link type LINKTYPE(147) is not supported"
    );
}

/// A small deterministic generator, so the test needs no extra crate.
fn xorshift(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

#[test]
fn random_and_mutated_bytes_never_panic() {
    let mut state = 0x9E37_79B9_7F4A_7C15;
    let seeds = [tcp_syn_ipv4(), vxlan(8472, &tcp_syn_ipv4())];
    for link_type in [0, 1, 101, 108, 113, 228, 229, 239, 276] {
        for round in 0..2000 {
            let mut bytes = seeds[round % 2].clone();
            if round % 3 == 0 {
                let len = (xorshift(&mut state) % 200) as usize;
                bytes = (0..len).map(|_| xorshift(&mut state) as u8).collect();
            } else {
                for _ in 0..(1 + xorshift(&mut state) % 6) {
                    let at = (xorshift(&mut state) as usize) % bytes.len();
                    bytes[at] = xorshift(&mut state) as u8;
                }
                let keep = (xorshift(&mut state) as usize) % (bytes.len() + 1);
                bytes.truncate(keep.max(bytes.len() / 2));
            }
            let _ = decode(&frame(LinkType(link_type), &bytes));
        }
    }
}

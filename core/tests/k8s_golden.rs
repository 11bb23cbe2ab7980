//! Golden tests over the five Kubernetes failure captures (the built-in examples): every
//! frame's interface, direction, layers and checksum classes, checked against snapshots, and
//! the facts from the captures' README asserted outright.
//!
//! Update the snapshots after an intended change with `UPDATE_EXPECT=1 cargo test`.

use std::fmt::Write;
use std::path::PathBuf;

use dropscope_core::capture::{read_all, CaptureOutcome, LinkType};
use dropscope_core::decode::{decode, ChecksumStatus, Layer, SllPacketType};

fn example(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../public/examples")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// One line per frame: number, ifindex, direction, then each layer with what identifies it.
fn render(bytes: &[u8]) -> (String, CaptureOutcome) {
    let mut out = String::new();
    let outcome = read_all(bytes, |frame| {
        let packet = decode(frame);
        let _ = write!(out, "#{}", frame.number);
        for layer in &packet.layers {
            let _ = match layer {
                Layer::LinuxSll(sll) => write!(
                    out,
                    " if{} {:?}",
                    sll.interface_index.unwrap_or(0),
                    sll.packet_type
                ),
                Layer::Ethernet(_) => write!(out, " | eth"),
                Layer::Ipv4(ip) => write!(
                    out,
                    " | {} > {} id={} ip-csum={}",
                    ip.source,
                    ip.destination,
                    ip.identification,
                    status(ip.header_checksum)
                ),
                Layer::Tcp(tcp) => write!(
                    out,
                    " | tcp {}>{} flags={:03x} seq={} csum={}",
                    tcp.source_port,
                    tcp.destination_port,
                    tcp.flags,
                    tcp.sequence,
                    status(tcp.checksum)
                ),
                Layer::Udp(udp) => write!(
                    out,
                    " | udp {}>{} csum={}",
                    udp.source_port,
                    udp.destination_port,
                    status(udp.checksum)
                ),
                Layer::Vxlan { vni } => write!(out, " | vxlan {vni}"),
                other => write!(out, " | {}", other.name()),
            };
        }
        if let Some(stop) = &packet.stop {
            let _ = write!(
                out,
                " STOP {} at {}: {}",
                stop.layer, stop.offset, stop.reason
            );
        }
        out.push('\n');
    });
    (out, outcome)
}

fn status(status: ChecksumStatus) -> &'static str {
    match status {
        ChecksumStatus::Good => "good",
        ChecksumStatus::Bad { .. } => "BAD",
        ChecksumStatus::Partial => "partial",
        ChecksumStatus::LocalOffload => "lco",
        ChecksumStatus::Absent => "none",
        ChecksumStatus::Unverifiable => "unverifiable",
    }
}

fn check(name: &str, frames: u64, golden: expect_test::ExpectFile) {
    let bytes = example(name);
    let (rendered, outcome) = render(&bytes);
    assert_eq!(outcome.error, None, "{name}");
    assert!(
        outcome.warnings.is_empty(),
        "{name}: {:?}",
        outcome.warnings
    );
    assert_eq!(outcome.frames, frames, "{name}");
    // Offload placeholders are never reported as corruption, and nothing in these captures is
    // really corrupt.
    assert!(
        !rendered.contains("BAD"),
        "{name}: a checksum reported wrong:\n{rendered}"
    );
    assert!(
        rendered.contains("csum=partial"),
        "{name}: offload checksums not recognised"
    );
    assert!(!rendered.contains("STOP"), "{name}: decoding stopped early");
    golden.assert_eq(&rendered);
}

#[test]
fn d_bridge_nf_off() {
    check(
        "d_bridge_nf_off.any.pcap",
        84,
        expect_test::expect_file!["golden/d_bridge_nf_off.txt"],
    );
}

#[test]
fn c_nlb_hairpin_nosnat() {
    check(
        "c_nlb_hairpin_nosnat.any.pcap",
        117,
        expect_test::expect_file!["golden/c_nlb_hairpin_nosnat.txt"],
    );
}

#[test]
fn b_syn_backoff_vxlan8472() {
    check(
        "b_syn_backoff_vxlan8472.any.pcap",
        78,
        expect_test::expect_file!["golden/b_syn_backoff_vxlan8472.txt"],
    );
}

#[test]
fn a_asym_rpfilter_drop() {
    check(
        "a_asym_rpfilter_drop.any.pcap",
        27,
        expect_test::expect_file!["golden/a_asym_rpfilter_drop.txt"],
    );
}

#[test]
fn e_dns_aaaa_drop() {
    check(
        "e_dns_aaaa_drop.any.pcap",
        28,
        expect_test::expect_file!["golden/e_dns_aaaa_drop.txt"],
    );
}

/// Frame → (link type, SLL2 interface index, packet type) for the frames the README names.
fn sll_of(name: &str, wanted: u64) -> (LinkType, Option<u32>, SllPacketType) {
    let mut found = None;
    read_all(&example(name), |frame| {
        if frame.number == wanted {
            let packet = decode(frame);
            if let Some(Layer::LinuxSll(sll)) = packet.layers.first() {
                found = Some((frame.link_type, sll.interface_index, sll.packet_type));
            }
        }
    });
    found.unwrap_or_else(|| panic!("{name} has no frame {wanted} with an SLL header"))
}

#[test]
fn interfaces_and_directions_match_the_readme() {
    // d: #1 the SYN leaves pod A on vethpoda (3), received by the bridge port (PACKET_OTHERHOST:
    // the MAC is the ClusterIP's next hop, not the port's); #6 the SYN-ACK reaches pod A, sent
    // out of vethpoda.
    assert_eq!(
        sll_of("d_bridge_nf_off.any.pcap", 1),
        (LinkType::LINUX_SLL2, Some(3), SllPacketType::OtherHost)
    );
    let (_, ifindex, direction) = sll_of("d_bridge_nf_off.any.pcap", 6);
    assert_eq!((ifindex, direction), (Some(3), SllPacketType::Outgoing));
    // a: #3 the SYN-ACK arrives on trunk1 (3).
    let (_, ifindex, direction) = sll_of("a_asym_rpfilter_drop.any.pcap", 3);
    assert_eq!((ifindex, direction.is_incoming()), (Some(3), true));
    // e: #10 the AAAA answer arrives on eth0 (2).
    let (_, ifindex, direction) = sll_of("e_dns_aaaa_drop.any.pcap", 10);
    assert_eq!((ifindex, direction.is_incoming()), (Some(2), true));
}

#[test]
fn vxlan_8472_keeps_outer_and_inner_headers() {
    // b #4: the first SYN on eth0, inside VXLAN 172.18.0.2 → 172.18.0.3:8472, VNI 1.
    let mut layers = Vec::new();
    read_all(&example("b_syn_backoff_vxlan8472.any.pcap"), |frame| {
        if frame.number == 4 {
            layers = decode(frame)
                .layers
                .iter()
                .map(|l| match l {
                    Layer::LinuxSll(sll) => format!("sll2 if{}", sll.interface_index.unwrap_or(0)),
                    Layer::Ipv4(ip) => format!("ip {} > {}", ip.source, ip.destination),
                    Layer::Udp(udp) => format!(
                        "udp {} > {} {:?}",
                        udp.source_port, udp.destination_port, udp.checksum
                    ),
                    Layer::Vxlan { vni } => format!("vxlan {vni}"),
                    Layer::Tcp(tcp) => format!(
                        "tcp {} > {} syn={}",
                        tcp.source_port,
                        tcp.destination_port,
                        tcp.has(0x002)
                    ),
                    other => other.name().to_string(),
                })
                .collect();
        }
    });
    assert_eq!(
        layers,
        [
            "sll2 if2",
            "ip 172.18.0.2 > 172.18.0.3",
            "udp 50421 > 8472 LocalOffload",
            "vxlan 1",
            "eth",
            "ip 10.244.1.10 > 10.244.2.20",
            "tcp 38380 > 8080 syn=true",
        ]
    );
}

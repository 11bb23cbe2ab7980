//! One packet described for display: its row (protocol, addresses, an Info line as Wireshark's)
//! and each layer's fields.

use std::net::IpAddr;

use serde::{Deserialize, Serialize};

use crate::decode::{tcp_flags, ChecksumStatus, Layer, PacketSlice};

/// What a packet list shows for a packet, and what its detail pane shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PacketDescription {
    /// The innermost protocol: `TCP`, `DNS`, `ARP`, `ICMP`...
    pub protocol: String,
    pub source: String,
    pub destination: String,
    /// One line, as in Wireshark's Info column.
    pub info: String,
    /// Each layer, outermost first, with its fields.
    pub layers: Vec<LayerDescription>,
    /// Where decoding stopped early, and why.
    pub stopped: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LayerDescription {
    pub name: String,
    /// Whether this layer belongs to the packet inside a tunnel or an ICMP error's quote.
    pub inner: bool,
    pub fields: Vec<(String, String)>,
}

/// Describes a packet for display.
pub fn describe(packet: &PacketSlice<'_>) -> PacketDescription {
    let mut layers = Vec::new();
    let mut inner = false;
    for layer in &packet.layers {
        let (name, fields) = layer_fields(layer);
        layers.push(LayerDescription {
            name,
            inner,
            fields,
        });
        // What follows a tunnel header or an ICMP error's quote is an inner packet.
        inner |= layer.tunnel().is_some() || matches!(layer, Layer::IcmpQuote);
    }
    let sent = sent_layers(packet);
    let (source, destination) = match innermost_ip(sent) {
        Some((s, d, _)) => (s.to_string(), d.to_string()),
        None => (String::new(), String::new()),
    };
    let (protocol, info) = summary_line(packet, sent);
    PacketDescription {
        protocol,
        source,
        destination,
        info,
        layers,
        stopped: packet
            .stop
            .as_ref()
            .map(|s| format!("{} at byte {}: {}", s.layer, s.offset, s.reason)),
    }
}

/// The layers of the packet that was sent, without an ICMP error's quote.
pub(super) fn sent_layers<'p, 'a>(packet: &'p PacketSlice<'a>) -> &'p [Layer<'a>] {
    let end = packet
        .layers
        .iter()
        .position(|l| matches!(l, Layer::IcmpQuote))
        .unwrap_or(packet.layers.len());
    &packet.layers[..end]
}

pub(super) fn innermost_ip(layers: &[Layer<'_>]) -> Option<(IpAddr, IpAddr, u8)> {
    layers.iter().rev().find_map(|layer| match layer {
        Layer::Ipv4(ip) => Some((ip.source.into(), ip.destination.into(), ip.protocol)),
        Layer::Ipv6(ip) => Some((ip.source.into(), ip.destination.into(), ip.next_header)),
        _ => None,
    })
}

/// Ports of the innermost transport header, if it follows the innermost IP header.
pub(super) fn innermost_ports(layers: &[Layer<'_>]) -> Option<(u16, u16)> {
    for layer in layers.iter().rev() {
        match layer {
            Layer::Tcp(tcp) => return Some((tcp.source_port, tcp.destination_port)),
            Layer::Udp(udp) => return Some((udp.source_port, udp.destination_port)),
            Layer::Ipv4(_) | Layer::Ipv6(_) => return None,
            _ => {}
        }
    }
    None
}

/// `SYN, ACK`
pub fn flag_names(flags: u16) -> String {
    flags_set(flags)
        .map(|(_, name)| name)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The TCP flags set in `flags`, each with its name, in Wireshark's order.
pub fn flags_set(flags: u16) -> impl Iterator<Item = (u16, &'static str)> {
    [
        (tcp_flags::SYN, "SYN"),
        (tcp_flags::FIN, "FIN"),
        (tcp_flags::RST, "RST"),
        (tcp_flags::PSH, "PSH"),
        (tcp_flags::ACK, "ACK"),
        (tcp_flags::URG, "URG"),
        (tcp_flags::ECE, "ECE"),
        (tcp_flags::CWR, "CWR"),
    ]
    .into_iter()
    .filter(move |(bit, _)| flags & bit != 0)
}

fn summary_line(packet: &PacketSlice<'_>, sent: &[Layer<'_>]) -> (String, String) {
    let tunnel = packet.layers.iter().find_map(|l| {
        let tunnel = l.tunnel()?;
        Some(match tunnel.vni {
            Some(vni) if tunnel.kind != crate::decode::TunnelKind::Gre => {
                format!("{} {vni}: ", tunnel.kind)
            }
            _ => format!("{}: ", tunnel.kind),
        })
    });
    let prefix = tunnel.unwrap_or_default();
    for layer in sent.iter().rev() {
        let line = match layer {
            Layer::Tcp(tcp) => {
                let mut info = format!(
                    "{} → {} [{}] Seq={} Ack={} Win={} Len={}",
                    tcp.source_port,
                    tcp.destination_port,
                    flag_names(tcp.flags),
                    tcp.sequence,
                    tcp.acknowledgment,
                    tcp.window,
                    tcp.payload.len()
                );
                if tcp.checksum.is_bad() {
                    info.push_str(" [bad checksum]");
                }
                ("TCP", info)
            }
            Layer::Udp(udp) => {
                let dns = [53, 5353].contains(&udp.source_port)
                    || [53, 5353].contains(&udp.destination_port);
                match dns
                    .then(|| crate::journey::dns::parse(udp.payload))
                    .flatten()
                {
                    Some(dns) => {
                        let question = dns
                            .question
                            .map(|(name, qtype)| {
                                format!(" {} {name}", crate::journey::dns_type_name(qtype))
                            })
                            .unwrap_or_default();
                        let kind = if dns.response {
                            format!("response (rcode {})", dns.rcode)
                        } else {
                            "query".to_string()
                        };
                        ("DNS", format!("{kind} 0x{:04x}{question}", dns.id))
                    }
                    None => (
                        "UDP",
                        format!(
                            "{} → {} Len={}",
                            udp.source_port,
                            udp.destination_port,
                            udp.payload.len()
                        ),
                    ),
                }
            }
            Layer::Icmpv4 {
                icmp_type, code, ..
            } => ("ICMP", icmp_text(4, *icmp_type, *code)),
            Layer::Icmpv6 {
                icmp_type, code, ..
            } => ("ICMPv6", icmp_text(6, *icmp_type, *code)),
            Layer::Ipv4(ip) => ("IPv4", format!("protocol {}", ip.protocol)),
            Layer::Ipv6(ip) => ("IPv6", format!("next header {}", ip.next_header)),
            Layer::Arp => ("ARP", "ARP".to_string()),
            _ => continue,
        };
        let info = match packet.layers.iter().find(|l| matches!(l, Layer::IcmpQuote)) {
            Some(_) => format!("{prefix}{} (quotes a packet it refers to)", line.1),
            None => format!("{prefix}{}", line.1),
        };
        return (line.0.to_string(), info);
    }
    let name = packet
        .layers
        .last()
        .map_or("frame", |l| l.name())
        .to_ascii_uppercase();
    (name, String::new())
}

fn icmp_text(version: u8, icmp_type: u8, code: u8) -> String {
    let what = match (version, icmp_type, code) {
        (4, 0, _) | (6, 129, _) => "echo reply".to_string(),
        (4, 8, _) | (6, 128, _) => "echo request".to_string(),
        (4, 3, 3) | (6, 1, 4) => "destination unreachable (port unreachable)".to_string(),
        (4, 3, 4) => "destination unreachable (fragmentation needed)".to_string(),
        (4, 3, 13) | (6, 1, 1) => {
            "destination unreachable (administratively prohibited)".to_string()
        }
        (4, 3, c) | (6, 1, c) => format!("destination unreachable (code {c})"),
        (6, 2, _) => "packet too big".to_string(),
        (4, 11, _) | (6, 3, _) => "time exceeded".to_string(),
        (6, 135, _) => "neighbor solicitation".to_string(),
        (6, 136, _) => "neighbor advertisement".to_string(),
        (_, t, c) => format!("type {t} code {c}"),
    };
    what
}

fn checksum_text(status: ChecksumStatus) -> String {
    match status {
        ChecksumStatus::Good => "good".into(),
        ChecksumStatus::Bad { stored, computed } => {
            format!("BAD: 0x{stored:04x}, should be 0x{computed:04x}")
        }
        ChecksumStatus::Partial => "left to the NIC (checksum offload)".into(),
        ChecksumStatus::LocalOffload => "right once the NIC completes the inner one (LCO)".into(),
        ChecksumStatus::Absent => "none (0)".into(),
        ChecksumStatus::Unverifiable => "not verifiable (cut short)".into(),
    }
}

fn mac(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(":")
}

fn layer_fields(layer: &Layer<'_>) -> (String, Vec<(String, String)>) {
    let f = |k: &str, v: String| (k.to_string(), v);
    match layer {
        Layer::LinuxSll(sll) => {
            let mut fields = vec![f("packet type", format!("{:?}", sll.packet_type))];
            if let Some(index) = sll.interface_index {
                fields.push(f("interface index", index.to_string()));
            }
            let len = (sll.address_len as usize).min(8);
            fields.push(f("address", mac(&sll.address[..len])));
            fields.push(f("protocol", format!("0x{:04x}", sll.protocol)));
            let name = if sll.interface_index.is_some() {
                "Linux cooked capture v2"
            } else {
                "Linux cooked capture"
            };
            (name.into(), fields)
        }
        Layer::Loopback { family } => ("Loopback".into(), vec![f("family", family.to_string())]),
        Layer::Nflog { family } => ("NFLOG".into(), vec![f("family", family.to_string())]),
        Layer::Ethernet(eth) => (
            "Ethernet".into(),
            vec![
                f("source", mac(&eth.source)),
                f("destination", mac(&eth.destination)),
                f("type", format!("0x{:04x}", eth.ether_type)),
            ],
        ),
        Layer::Vlan(vlan) => (
            "VLAN".into(),
            vec![
                f("id", vlan.id.to_string()),
                f("priority", vlan.priority.to_string()),
                f("tpid", format!("0x{:04x}", vlan.tpid)),
            ],
        ),
        Layer::Mpls {
            label,
            bottom_of_stack,
        } => (
            "MPLS".into(),
            vec![
                f("label", label.to_string()),
                f("bottom of stack", bottom_of_stack.to_string()),
            ],
        ),
        Layer::VnTag => ("VN-Tag".into(), Vec::new()),
        Layer::Arp => ("ARP".into(), Vec::new()),
        Layer::Ipv4(ip) => {
            let mut fields = vec![
                f("source", ip.source.to_string()),
                f("destination", ip.destination.to_string()),
                f("protocol", ip.protocol.to_string()),
                f("identification", format!("0x{:04x}", ip.identification)),
                f("ttl", ip.ttl.to_string()),
                f("total length", ip.total_len.to_string()),
                f("don't fragment", ip.dont_fragment.to_string()),
                f("header checksum", checksum_text(ip.header_checksum)),
            ];
            if ip.is_fragment() {
                fields.push(f(
                    "fragment",
                    format!(
                        "offset {}, more fragments: {}",
                        ip.fragment_offset, ip.more_fragments
                    ),
                ));
            }
            if ip.payload_truncated {
                fields.push(f("payload", "cut short by the capture".into()));
            }
            ("IPv4".into(), fields)
        }
        Layer::Ipv6(ip) => {
            let mut fields = vec![
                f("source", ip.source.to_string()),
                f("destination", ip.destination.to_string()),
                f("next header", ip.next_header.to_string()),
                f("hop limit", ip.hop_limit.to_string()),
                f("flow label", format!("0x{:05x}", ip.flow_label)),
            ];
            if let Some(fragment) = ip.fragment {
                fields.push(f(
                    "fragment",
                    format!(
                        "id 0x{:08x}, offset {}, more fragments: {}",
                        fragment.identification, fragment.offset, fragment.more_fragments
                    ),
                ));
            }
            ("IPv6".into(), fields)
        }
        Layer::Tcp(tcp) => (
            "TCP".into(),
            vec![
                f("source port", tcp.source_port.to_string()),
                f("destination port", tcp.destination_port.to_string()),
                f("sequence", tcp.sequence.to_string()),
                f("acknowledgment", tcp.acknowledgment.to_string()),
                f(
                    "flags",
                    format!("0x{:03x} ({})", tcp.flags, flag_names(tcp.flags)),
                ),
                f("window", tcp.window.to_string()),
                f("checksum", checksum_text(tcp.checksum)),
                f("payload", format!("{} bytes", tcp.payload.len())),
            ],
        ),
        Layer::Udp(udp) => (
            "UDP".into(),
            vec![
                f("source port", udp.source_port.to_string()),
                f("destination port", udp.destination_port.to_string()),
                f("length", udp.length.to_string()),
                f("checksum", checksum_text(udp.checksum)),
            ],
        ),
        Layer::Icmpv4 {
            icmp_type,
            code,
            rest,
        } => (
            "ICMP".into(),
            vec![
                f("type", icmp_type.to_string()),
                f("code", code.to_string()),
                f("meaning", icmp_text(4, *icmp_type, *code)),
                f("rest of header", format!("0x{rest:08x}")),
            ],
        ),
        Layer::Icmpv6 {
            icmp_type,
            code,
            rest,
        } => (
            "ICMPv6".into(),
            vec![
                f("type", icmp_type.to_string()),
                f("code", code.to_string()),
                f("meaning", icmp_text(6, *icmp_type, *code)),
                f("rest of header", format!("0x{rest:08x}")),
            ],
        ),
        Layer::Vxlan { vni } => ("VXLAN".into(), vec![f("vni", vni.to_string())]),
        Layer::Geneve { vni, protocol } => (
            "Geneve".into(),
            vec![
                f("vni", vni.to_string()),
                f("protocol", format!("0x{protocol:04x}")),
            ],
        ),
        Layer::Gre { protocol, key } => {
            let mut fields = vec![f("protocol", format!("0x{protocol:04x}"))];
            if let Some(key) = key {
                fields.push(f("key", key.to_string()));
            }
            ("GRE".into(), fields)
        }
        Layer::IcmpQuote => (
            "Quoted packet (the one the ICMP error is about)".into(),
            Vec::new(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::tcp_flags;

    #[test]
    fn flags_are_named_in_wireshark_order() {
        assert_eq!(flag_names(tcp_flags::SYN | tcp_flags::ACK), "SYN, ACK");
        assert_eq!(flag_names(tcp_flags::RST), "RST");
    }
}

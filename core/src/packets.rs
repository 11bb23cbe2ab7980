//! The packet list of a viewer: a compact index of every packet, filters over it, and the
//! description of one packet (its row text and its decoded layers).
//!
//! A viewer cannot keep a large capture in memory, and need not: the index keeps for each
//! packet where its bytes are in the file and the few fields a filter needs (about 56 bytes
//! a packet, addresses interned). The rows on screen are read from the file again and
//! described by [`describe`].

use std::net::IpAddr;

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::capture::{FrameSlice, LinkType, RecordKind, Timestamp};
use crate::decode::{tcp_flags, ChecksumStatus, Layer, PacketSlice};
use crate::journey::{interface_key, Direction, Endpoint, InterfaceKey};

/// No address (ARP, undecodable frames).
const NO_ADDRESS: u32 = u32::MAX;

/// One packet of the capture, enough to filter it and to read it again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PacketRow {
    pub frame: u64,
    /// Where the packet's bytes start in the file.
    pub data_offset: u64,
    pub time: Option<Timestamp>,
    pub captured: u32,
    pub original: u32,
    pub link_type: LinkType,
    pub interface: InterfaceKey,
    pub direction: Direction,
    source: u32,
    destination: u32,
    pub source_port: u16,
    pub destination_port: u16,
    /// IP protocol number of the innermost packet (0 when there is none).
    pub protocol: u8,
}

impl PacketRow {
    /// The packet as a frame again, from its bytes read back from the file (`data` must be the
    /// `captured` bytes at `data_offset`), ready for [`crate::decode::decode`].
    pub fn frame<'a>(&self, data: &'a [u8]) -> FrameSlice<'a> {
        FrameSlice {
            number: self.frame,
            kind: RecordKind::Packet,
            file_offset: self.data_offset,
            data_offset: self.data_offset,
            timestamp: self.time,
            interface: None,
            link_type: self.link_type,
            original_len: self.original,
            data,
        }
    }
}

/// Every packet of a capture, in frame order.
#[derive(Default)]
pub struct PacketIndex {
    rows: Vec<PacketRow>,
    addresses: Vec<IpAddr>,
    address_ids: FxHashMap<IpAddr, u32>,
}

impl PacketIndex {
    pub fn new() -> PacketIndex {
        PacketIndex::default()
    }

    /// Adds a decoded packet. Records other than packets (pcapng custom blocks) are skipped:
    /// they keep their frame number but are no packet to show.
    pub fn add(&mut self, frame: &FrameSlice<'_>, packet: &PacketSlice<'_>) {
        if frame.kind != RecordKind::Packet {
            return;
        }
        let (interface, direction) = interface_key(frame, packet);
        let mut row = PacketRow {
            frame: frame.number,
            data_offset: frame.data_offset,
            time: frame.timestamp,
            captured: frame.captured_len(),
            original: frame.original_len,
            link_type: frame.link_type,
            interface,
            direction,
            source: NO_ADDRESS,
            destination: NO_ADDRESS,
            source_port: 0,
            destination_port: 0,
            protocol: 0,
        };
        let sent = sent_layers(packet);
        if let Some((source, destination, protocol)) = innermost_ip(sent) {
            row.source = self.intern(source);
            row.destination = self.intern(destination);
            row.protocol = protocol;
        }
        if let Some((source_port, destination_port)) = innermost_ports(sent) {
            row.source_port = source_port;
            row.destination_port = destination_port;
        }
        self.rows.push(row);
    }

    fn intern(&mut self, address: IpAddr) -> u32 {
        if let Some(&id) = self.address_ids.get(&address) {
            return id;
        }
        let id = self.addresses.len() as u32;
        self.addresses.push(address);
        self.address_ids.insert(address, id);
        id
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn rows(&self) -> &[PacketRow] {
        &self.rows
    }

    /// The row of a frame number, if that frame is a packet.
    pub fn row_of_frame(&self, frame: u64) -> Option<&PacketRow> {
        let at = self.rows.binary_search_by_key(&frame, |r| r.frame).ok()?;
        self.rows.get(at)
    }

    pub fn source(&self, row: &PacketRow) -> Option<IpAddr> {
        self.addresses.get(row.source as usize).copied()
    }

    pub fn destination(&self, row: &PacketRow) -> Option<IpAddr> {
        self.addresses.get(row.destination as usize).copied()
    }

    /// Positions (in [`PacketIndex::rows`]) of the rows the filter keeps.
    pub fn matching(&self, filter: &PacketFilter) -> Vec<u32> {
        if filter.is_empty() {
            return (0..self.rows.len() as u32).collect();
        }
        // Resolve addresses once, so that the scan compares integers.
        let addresses: Vec<Option<u32>> = filter
            .addresses
            .iter()
            .map(|a| self.address_ids.get(a).copied())
            .collect();
        if addresses.iter().any(Option::is_none) {
            return Vec::new();
        }
        let endpoints: Vec<(u32, u16, u32, u16)> = filter
            .endpoint_pairs
            .iter()
            .filter_map(|(a, b)| {
                Some((
                    *self.address_ids.get(&a.address)?,
                    a.port,
                    *self.address_ids.get(&b.address)?,
                    b.port,
                ))
            })
            .collect();
        if !filter.endpoint_pairs.is_empty() && endpoints.is_empty() {
            return Vec::new();
        }
        self.rows
            .iter()
            .enumerate()
            .filter(|(_, row)| {
                addresses
                    .iter()
                    .flatten()
                    .all(|&a| row.source == a || row.destination == a)
                    && filter
                        .ports
                        .iter()
                        .all(|&p| row.source_port == p || row.destination_port == p)
                    && filter.protocols.iter().all(|&p| row.protocol == p)
                    && filter.interfaces.iter().all(|&key| row.interface == key)
                    && (filter.frames.is_empty() || filter.frames.binary_search(&row.frame).is_ok())
                    && (endpoints.is_empty()
                        || endpoints.iter().any(|&(a, ap, b, bp)| {
                            (row.source == a
                                && row.source_port == ap
                                && row.destination == b
                                && row.destination_port == bp)
                                || (row.source == b
                                    && row.source_port == bp
                                    && row.destination == a
                                    && row.destination_port == ap)
                        }))
            })
            .map(|(at, _)| at as u32)
            .collect()
    }
}

/// Which packets to list. Every condition given must hold.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PacketFilter {
    /// Source or destination is each of these.
    pub addresses: Vec<IpAddr>,
    /// Source or destination port is each of these.
    pub ports: Vec<u16>,
    /// IP protocol numbers.
    pub protocols: Vec<u8>,
    pub interfaces: Vec<InterfaceKey>,
    /// Only these frames (sorted).
    pub frames: Vec<u64>,
    /// Packets between any of these pairs of endpoints, either way: the legs of a connection.
    pub endpoint_pairs: Vec<(Endpoint, Endpoint)>,
}

impl PacketFilter {
    pub fn is_empty(&self) -> bool {
        self == &PacketFilter::default()
    }

    /// Parses what a user types: words separated by spaces, all of which must hold:
    /// an address (`10.244.0.20`), a port (`port 53`, `:53`), a protocol (`tcp`, `udp`,
    /// `icmp`), an interface by name (`cni0`, via `interface`) or frames (`frame 12`).
    pub fn parse(
        text: &str,
        interface: impl Fn(&str) -> Option<InterfaceKey>,
    ) -> Result<PacketFilter, String> {
        let mut filter = PacketFilter::default();
        let mut words = text.split_whitespace().peekable();
        while let Some(word) = words.next() {
            let lower = word.to_ascii_lowercase();
            let number = |text: Option<&str>, what: &str| -> Result<u64, String> {
                text.and_then(|t| t.parse().ok())
                    .ok_or_else(|| format!("`{word}` needs a {what} after it"))
            };
            match lower.as_str() {
                "tcp" => filter.protocols.push(6),
                "udp" => filter.protocols.push(17),
                "icmp" => filter.protocols.push(1),
                "icmpv6" | "icmp6" => filter.protocols.push(58),
                "port" => {
                    let port = number(words.next(), "port number")?;
                    filter.ports.push(
                        u16::try_from(port).map_err(|_| format!("port {port} is above 65535"))?,
                    );
                }
                "frame" => filter.frames.push(number(words.next(), "frame number")?),
                _ => {
                    if let Some(port) = lower.strip_prefix(':') {
                        let port: u16 = port
                            .parse()
                            .map_err(|_| format!("`{word}` is not a port"))?;
                        filter.ports.push(port);
                    } else if let Ok(address) = word.parse::<IpAddr>() {
                        filter.addresses.push(address);
                    } else if let Some(key) = interface(word) {
                        filter.interfaces.push(key);
                    } else {
                        return Err(format!(
                            "`{word}` is not an address, a port (port 53, :53), a protocol (tcp, udp, icmp), an interface or `frame N`"
                        ));
                    }
                }
            }
        }
        filter.frames.sort_unstable();
        Ok(filter)
    }
}

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
        inner |= matches!(
            layer,
            Layer::Vxlan { .. } | Layer::Geneve { .. } | Layer::Gre { .. } | Layer::IcmpQuote
        );
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
fn sent_layers<'p, 'a>(packet: &'p PacketSlice<'a>) -> &'p [Layer<'a>] {
    let end = packet
        .layers
        .iter()
        .position(|l| matches!(l, Layer::IcmpQuote))
        .unwrap_or(packet.layers.len());
    &packet.layers[..end]
}

fn innermost_ip(layers: &[Layer<'_>]) -> Option<(IpAddr, IpAddr, u8)> {
    layers.iter().rev().find_map(|layer| match layer {
        Layer::Ipv4(ip) => Some((ip.source.into(), ip.destination.into(), ip.protocol)),
        Layer::Ipv6(ip) => Some((ip.source.into(), ip.destination.into(), ip.next_header)),
        _ => None,
    })
}

/// Ports of the innermost transport header, if it follows the innermost IP header.
fn innermost_ports(layers: &[Layer<'_>]) -> Option<(u16, u16)> {
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
    let names: Vec<&str> = [
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
    .filter(|(bit, _)| flags & bit != 0)
    .map(|(_, name)| name)
    .collect();
    names.join(", ")
}

fn summary_line(packet: &PacketSlice<'_>, sent: &[Layer<'_>]) -> (String, String) {
    let tunnel = packet.layers.iter().find_map(|l| match l {
        Layer::Vxlan { vni } => Some(format!("VXLAN {vni}: ")),
        Layer::Geneve { vni, .. } => Some(format!("Geneve {vni}: ")),
        Layer::Gre { .. } => Some("GRE: ".to_string()),
        _ => None,
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

/// Seconds from `start` to `time`, for a Time column.
pub fn seconds_since(start: Timestamp, time: Timestamp) -> f64 {
    (time.secs - start.secs) as f64 + (time.nanos as f64 - start.nanos as f64) / 1e9
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filter_text_parses_each_kind_of_word() {
        let filter = PacketFilter::parse("10.244.0.20 port 8080 tcp cni0 frame 7", |name| {
            (name == "cni0").then_some(2)
        })
        .unwrap();
        assert_eq!(
            filter.addresses,
            vec!["10.244.0.20".parse::<IpAddr>().unwrap()]
        );
        assert_eq!(filter.ports, vec![8080]);
        assert_eq!(filter.protocols, vec![6]);
        assert_eq!(filter.interfaces, vec![2]);
        assert_eq!(filter.frames, vec![7]);
        assert_eq!(
            PacketFilter::parse(":53 udp", |_| None).unwrap().ports,
            vec![53]
        );
    }

    #[test]
    fn filter_text_errors_name_the_word() {
        let error = PacketFilter::parse("tcp banana", |_| None).unwrap_err();
        assert!(error.contains("`banana`"), "{error}");
        let error = PacketFilter::parse("port 70000", |_| None).unwrap_err();
        assert!(error.contains("70000"), "{error}");
        assert!(PacketFilter::parse("port", |_| None).is_err());
    }

    #[test]
    fn flags_are_named_in_wireshark_order() {
        assert_eq!(flag_names(tcp_flags::SYN | tcp_flags::ACK), "SYN, ACK");
        assert_eq!(flag_names(tcp_flags::RST), "RST");
    }
}

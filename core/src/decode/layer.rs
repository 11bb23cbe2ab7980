//! The layer vocabulary: what a decoded packet is made of. [`super::decode`] produces these;
//! every later stage reads them. Tunnel knowledge lives here ([`Layer::tunnel`]), so that adding
//! a tunnel is a compile error everywhere a tunnel must be understood.

use std::net::{Ipv4Addr, Ipv6Addr};

use serde::{Deserialize, Serialize};

use super::checksum::ChecksumStatus;
use super::link::SllSlice;

/// One decoded packet: its layers, outermost first.
#[derive(Clone, Debug, Default)]
pub struct PacketSlice<'a> {
    pub layers: Vec<Layer<'a>>,
    /// Where decoding stopped before the end of the headers, and why.
    pub stop: Option<DecodeStop>,
}

/// Where and why decoding stopped.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecodeStop {
    /// Byte offset within the frame.
    pub offset: usize,
    /// The layer that could not be decoded.
    /// A name the code gives (`Cow` so that a report read back from JSON owns it).
    pub layer: std::borrow::Cow<'static, str>,
    pub reason: String,
}

/// One protocol header.
#[derive(Clone, Debug)]
pub enum Layer<'a> {
    /// Linux cooked capture v1 or v2 (`tcpdump -i any`).
    LinuxSll(SllSlice),
    /// BSD loopback / LINKTYPE_NULL: the address family.
    Loopback {
        family: u32,
    },
    /// A packet logged by netfilter's NFLOG target (address family of the payload).
    Nflog {
        family: u8,
    },
    Ethernet(EthernetLayer),
    Vlan(VlanLayer),
    Mpls {
        label: u32,
        bottom_of_stack: bool,
    },
    /// Cisco VN-Tag (802.1Qbh).
    VnTag,
    Arp,
    Ipv4(Ipv4Layer<'a>),
    Ipv6(Ipv6Layer<'a>),
    Tcp(TcpLayer<'a>),
    Udp(UdpLayer<'a>),
    /// `rest` is the type-specific second word of the header (the next-hop MTU of a
    /// "fragmentation needed", an echo's identifier and sequence...).
    Icmpv4 {
        icmp_type: u8,
        code: u8,
        rest: u32,
    },
    Icmpv6 {
        icmp_type: u8,
        code: u8,
        rest: u32,
    },
    Vxlan {
        vni: u32,
    },
    Geneve {
        vni: u32,
        protocol: u16,
    },
    Gre {
        protocol: u16,
        key: Option<u32>,
    },
    /// Everything after this marker is the packet an ICMP error quotes, not a packet sent.
    IcmpQuote,
}

impl Layer<'_> {
    /// Short lowercase protocol name.
    pub fn name(&self) -> &'static str {
        match self {
            Layer::LinuxSll(sll) if sll.interface_index.is_some() => "sll2",
            Layer::LinuxSll(_) => "sll",
            Layer::Loopback { .. } => "null",
            Layer::Nflog { .. } => "nflog",
            Layer::Ethernet(_) => "eth",
            Layer::Vlan(_) => "vlan",
            Layer::Mpls { .. } => "mpls",
            Layer::VnTag => "vntag",
            Layer::Arp => "arp",
            Layer::Ipv4(_) => "ip",
            Layer::Ipv6(_) => "ipv6",
            Layer::Tcp(_) => "tcp",
            Layer::Udp(_) => "udp",
            Layer::Icmpv4 { .. } => "icmp",
            Layer::Icmpv6 { .. } => "icmpv6",
            Layer::Vxlan { .. } => "vxlan",
            Layer::Geneve { .. } => "geneve",
            Layer::Gre { .. } => "gre",
            Layer::IcmpQuote => "icmp-quote",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EthernetLayer {
    pub source: [u8; 6],
    pub destination: [u8; 6],
    pub ether_type: u16,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VlanLayer {
    /// 0x8100 (802.1Q), 0x88a8 (802.1ad) or 0x9100.
    pub tpid: u16,
    pub id: u16,
    pub priority: u8,
}

#[derive(Clone, Copy, Debug)]
pub struct Ipv4Layer<'a> {
    pub source: Ipv4Addr,
    pub destination: Ipv4Addr,
    pub protocol: u8,
    pub identification: u16,
    pub ttl: u8,
    pub total_len: u16,
    pub dont_fragment: bool,
    pub more_fragments: bool,
    /// Fragment offset in bytes.
    pub fragment_offset: u16,
    pub header_checksum: ChecksumStatus,
    /// The header, options included.
    pub header: &'a [u8],
    /// The payload as captured (may be shorter than the header says).
    pub payload: &'a [u8],
    /// The capture holds less of the payload than the header announces.
    pub payload_truncated: bool,
}

impl Ipv4Layer<'_> {
    pub fn is_fragment(&self) -> bool {
        self.more_fragments || self.fragment_offset != 0
    }
}

#[derive(Clone, Copy, Debug)]
pub struct Ipv6Layer<'a> {
    pub source: Ipv6Addr,
    pub destination: Ipv6Addr,
    /// The protocol after the extension headers.
    pub next_header: u8,
    pub hop_limit: u8,
    pub flow_label: u32,
    /// From the fragment extension header, when there is one.
    pub fragment: Option<Ipv6Fragment>,
    pub payload: &'a [u8],
    pub payload_truncated: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ipv6Fragment {
    pub identification: u32,
    pub offset: u16,
    pub more_fragments: bool,
}

/// TCP flag bits as in the header's 12-bit flags field (NS/AE = 0x100).
pub mod tcp_flags {
    pub const FIN: u16 = 0x001;
    pub const SYN: u16 = 0x002;
    pub const RST: u16 = 0x004;
    pub const PSH: u16 = 0x008;
    pub const ACK: u16 = 0x010;
    pub const URG: u16 = 0x020;
    pub const ECE: u16 = 0x040;
    pub const CWR: u16 = 0x080;
    pub const AE: u16 = 0x100;
}

/// A TCP header. When the capture cut the header short, `header` is shorter than 20 bytes and
/// the fields it does not cover read as zero: check [`TcpLayer::has_field_at`].
#[derive(Clone, Copy, Debug)]
pub struct TcpLayer<'a> {
    pub source_port: u16,
    pub destination_port: u16,
    pub sequence: u32,
    pub acknowledgment: u32,
    /// The 12 bits after the data offset: reserved, AE, CWR, ECE, URG, ACK, PSH, RST, SYN, FIN.
    pub flags: u16,
    pub window: u16,
    pub checksum: ChecksumStatus,
    /// Header with options.
    pub header: &'a [u8],
    pub payload: &'a [u8],
}

impl TcpLayer<'_> {
    /// Whether the captured header reaches the field that ends at byte `end`
    /// (ports 4, sequence 8, acknowledgment 12, flags 14, window 16).
    pub fn has_field_at(&self, end: usize) -> bool {
        self.header.len() >= end
    }

    pub fn has(&self, flag: u16) -> bool {
        self.flags & flag == flag
    }
    pub fn options(&self) -> &[u8] {
        self.header.get(20..).unwrap_or(&[])
    }
}

#[derive(Clone, Copy, Debug)]
pub struct UdpLayer<'a> {
    pub source_port: u16,
    pub destination_port: u16,
    pub length: u16,
    pub checksum: ChecksumStatus,
    pub payload: &'a [u8],
}

/// The encapsulations container networks use between nodes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TunnelKind {
    /// VXLAN (UDP 4789; flannel and Cilium use 8472).
    Vxlan,
    /// Geneve (UDP 6081: OVN, Cilium, Antrea).
    Geneve,
    Gre,
    /// An IP packet directly inside another (Calico IPIP, IPv6-in-IPv4).
    IpInIp,
}

impl TunnelKind {
    /// The name engineers use for it.
    pub fn name(self) -> &'static str {
        match self {
            TunnelKind::Vxlan => "VXLAN",
            TunnelKind::Geneve => "Geneve",
            TunnelKind::Gre => "GRE",
            TunnelKind::IpInIp => "IP-in-IP",
        }
    }

    /// Whether a UDP datagram between these ports carries this tunnel (UDP tunnels only).
    pub fn uses_udp_port(self, port: u16) -> bool {
        match self {
            TunnelKind::Vxlan => super::tunnel::VXLAN_PORTS.contains(&port),
            TunnelKind::Geneve => port == super::tunnel::GENEVE_PORT,
            TunnelKind::Gre | TunnelKind::IpInIp => false,
        }
    }

    /// The UDP tunnel a datagram with these ports carries, if any.
    pub fn of_udp_ports(source: u16, destination: u16) -> Option<TunnelKind> {
        [TunnelKind::Vxlan, TunnelKind::Geneve]
            .into_iter()
            .find(|kind| kind.uses_udp_port(source) || kind.uses_udp_port(destination))
    }
}

impl std::fmt::Display for TunnelKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// A tunnel header, as far as the flow stages need it: which tunnel, and its network
/// identifier (VNI, GRE key).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TunnelHeader {
    pub kind: TunnelKind,
    pub vni: Option<u32>,
}

/// IP protocol numbers of an IP packet carried directly in IP.
const IP_IN_IP: [u8; 2] = [4, 41];

impl Layer<'_> {
    /// The tunnel this layer opens: what follows it is an inner packet. An IP header whose
    /// payload is IP opens an IP-in-IP tunnel. Matched exhaustively on purpose.
    pub fn tunnel(&self) -> Option<TunnelHeader> {
        match self {
            Layer::Vxlan { vni } => Some(TunnelHeader {
                kind: TunnelKind::Vxlan,
                vni: Some(*vni),
            }),
            Layer::Geneve { vni, .. } => Some(TunnelHeader {
                kind: TunnelKind::Geneve,
                vni: Some(*vni),
            }),
            Layer::Gre { key, .. } => Some(TunnelHeader {
                kind: TunnelKind::Gre,
                vni: *key,
            }),
            Layer::Ipv4(ip) if IP_IN_IP.contains(&ip.protocol) && !ip.is_fragment() => {
                Some(TunnelHeader {
                    kind: TunnelKind::IpInIp,
                    vni: None,
                })
            }
            Layer::Ipv6(ip) if IP_IN_IP.contains(&ip.next_header) && ip.fragment.is_none() => {
                Some(TunnelHeader {
                    kind: TunnelKind::IpInIp,
                    vni: None,
                })
            }
            Layer::LinuxSll(_)
            | Layer::Loopback { .. }
            | Layer::Nflog { .. }
            | Layer::Ethernet(_)
            | Layer::Vlan(_)
            | Layer::Mpls { .. }
            | Layer::VnTag
            | Layer::Arp
            | Layer::Ipv4(_)
            | Layer::Ipv6(_)
            | Layer::Tcp(_)
            | Layer::Udp(_)
            | Layer::Icmpv4 { .. }
            | Layer::Icmpv6 { .. }
            | Layer::IcmpQuote => None,
        }
    }
}

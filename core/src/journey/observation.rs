//! One sighting of a packet on one interface, reduced to what the flow stages need. This is
//! where frames stop being slices of the input: an [`Observation`] owns its few fields.

use std::hash::{Hash, Hasher};
use std::net::IpAddr;

use serde::{Deserialize, Serialize};

use crate::capture::{FrameSlice, Timestamp};
use crate::decode::{ChecksumStatus, Layer, PacketSlice, SllPacketType, TunnelKind};

fn unverifiable() -> ChecksumStatus {
    ChecksumStatus::Unverifiable
}

/// Which interface saw a packet: the SLL2 interface index when there is one (`tcpdump -i any`),
/// else the pcapng interface, else the single interface of a pcap file (0).
pub type InterfaceKey = u32;

/// Whether the node received or sent the packet on that interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    In,
    Out,
    /// The capture does not say (plain Ethernet, raw IP).
    Unknown,
}

/// Addresses and ports of the innermost IP packet as seen at one hop.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FiveTuple {
    pub source: IpAddr,
    pub destination: IpAddr,
    pub protocol: u8,
    pub source_port: u16,
    pub destination_port: u16,
}

impl FiveTuple {
    pub fn reversed(self) -> FiveTuple {
        FiveTuple {
            source: self.destination,
            destination: self.source,
            protocol: self.protocol,
            source_port: self.destination_port,
            destination_port: self.source_port,
        }
    }

    pub fn source_endpoint(&self) -> Endpoint {
        Endpoint {
            address: self.source,
            port: self.source_port,
        }
    }

    pub fn destination_endpoint(&self) -> Endpoint {
        Endpoint {
            address: self.destination,
            port: self.destination_port,
        }
    }
}

impl std::fmt::Display for FiveTuple {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} → {}",
            self.source_endpoint(),
            self.destination_endpoint()
        )
    }
}

/// An address and port, written `10.0.0.1:80` or `[fd00::1]:80`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Endpoint {
    pub address: IpAddr,
    pub port: u16,
}

impl std::fmt::Display for Endpoint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.address {
            IpAddr::V4(a) => write!(f, "{a}:{}", self.port),
            IpAddr::V6(a) => write!(f, "[{a}]:{}", self.port),
        }
    }
}

impl Serialize for Endpoint {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Endpoint {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        let socket: std::net::SocketAddr = text.parse().map_err(serde::de::Error::custom)?;
        Ok(Endpoint {
            address: socket.ip(),
            port: socket.port(),
        })
    }
}

/// The outer headers of an encapsulated packet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Encapsulation {
    pub kind: TunnelKind,
    /// The outer IP header's TTL (hop limit).
    #[serde(default)]
    pub ttl: u8,
    /// The outer UDP checksum of a UDP tunnel (VXLAN, Geneve), classified: zero (disabled),
    /// offloaded, right, wrong. The evidence of the double-SNAT checksum bug.
    #[serde(default = "unverifiable")]
    pub checksum: ChecksumStatus,
    pub source: IpAddr,
    pub destination: IpAddr,
    pub source_port: u16,
    pub destination_port: u16,
    pub vni: Option<u32>,
}

/// TCP fields that matter to connections.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TcpFields {
    pub sequence: u32,
    pub acknowledgment: u32,
    pub flags: u16,
    pub payload_len: u32,
}

/// A DNS message's identity: enough to pair queries and answers and to name them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DnsFields {
    pub id: u16,
    pub response: bool,
    pub rcode: u8,
    /// TC: the answer did not fit (UDP) and the client should ask again over TCP.
    pub truncated: bool,
    pub question: Option<(String, u16)>,
}

/// An ICMP or ICMPv6 message, with the packet an error quotes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IcmpFields {
    pub version6: bool,
    pub icmp_type: u8,
    pub code: u8,
    /// The second word of the header: the next-hop MTU of "fragmentation needed" (in its low
    /// 16 bits) and of ICMPv6 "packet too big".
    pub rest: u32,
    /// The addresses of the packet an error quotes, as it was sent.
    pub quoted: Option<FiveTuple>,
}

impl IcmpFields {
    /// Destination unreachable (any code).
    pub fn is_unreachable(&self) -> bool {
        (!self.version6 && self.icmp_type == 3) || (self.version6 && self.icmp_type == 1)
    }

    /// Fragmentation needed (IPv4) or packet too big (IPv6), with the MTU it announces.
    pub fn path_mtu(&self) -> Option<u32> {
        match (self.version6, self.icmp_type, self.code) {
            (false, 3, 4) => Some(self.rest & 0xFFFF),
            (true, 2, _) => Some(self.rest),
            _ => None,
        }
    }
}

/// The five-tuple of the packet an ICMP error quotes (the layers after the quote marker).
fn quoted_tuple(quote: &[Layer<'_>]) -> Option<FiveTuple> {
    let mut tuple = match quote
        .iter()
        .find(|l| matches!(l, Layer::Ipv4(_) | Layer::Ipv6(_)))?
    {
        Layer::Ipv4(ip) => FiveTuple {
            source: IpAddr::V4(ip.source),
            destination: IpAddr::V4(ip.destination),
            protocol: ip.protocol,
            source_port: 0,
            destination_port: 0,
        },
        Layer::Ipv6(ip) => FiveTuple {
            source: IpAddr::V6(ip.source),
            destination: IpAddr::V6(ip.destination),
            protocol: ip.next_header,
            source_port: 0,
            destination_port: 0,
        },
        _ => return None,
    };
    for layer in quote {
        match layer {
            Layer::Tcp(tcp) => {
                (tuple.source_port, tuple.destination_port) =
                    (tcp.source_port, tcp.destination_port)
            }
            Layer::Udp(udp) => {
                (tuple.source_port, tuple.destination_port) =
                    (udp.source_port, udp.destination_port)
            }
            _ => continue,
        }
        break;
    }
    Some(tuple)
}

/// Where and when a packet was seen, and how it was addressed there. An [`Observation`] is one
/// sighting with what identifies the packet; a journey's hops are sightings of one packet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sighting {
    pub frame: u64,
    pub time: Timestamp,
    pub interface: InterfaceKey,
    pub direction: Direction,
    pub tuple: FiveTuple,
    pub encapsulation: Option<Encapsulation>,
    /// IPv4 TTL or IPv6 hop limit of the innermost header.
    pub ttl: u8,
    /// The frame's Ethernet addresses, when it has an Ethernet header (it tells which way a
    /// frame went where the capture does not say).
    pub link: Option<LinkAddresses>,
}

/// The source and destination MAC addresses of a frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct LinkAddresses {
    pub source: [u8; 6],
    pub destination: [u8; 6],
}

impl LinkAddresses {
    /// Whether the destination is a group (broadcast or multicast) address.
    pub fn to_group(&self) -> bool {
        self.destination[0] & 1 == 1
    }
}

/// One packet seen on one interface.
#[derive(Clone, Debug)]
pub struct Observation {
    pub seen: Sighting,
    /// IPv4 identification of the innermost header (unchanged by NAT and encapsulation).
    pub ip_id: Option<u16>,
    pub tcp: Option<TcpFields>,
    pub dns: Option<DnsFields>,
    pub icmp: Option<IcmpFields>,
    /// Hash of what NAT and encapsulation leave alone: protocol, TCP sequence, ack, flags and
    /// options, and the payload. Copies of one packet share it; most retransmissions do not
    /// (TCP timestamps change), and the IPv4 identification tells the rest apart.
    pub fingerprint: u64,
    /// A checksum in the packet is really wrong (not offload).
    pub bad_checksum: bool,
}

/// The interface that saw `frame`, as a key.
pub fn interface_key(
    frame: &FrameSlice<'_>,
    packet: &PacketSlice<'_>,
) -> (InterfaceKey, Direction) {
    if let Some(Layer::LinuxSll(sll)) = packet.layers.first() {
        let direction = match sll.packet_type {
            SllPacketType::Outgoing => Direction::Out,
            _ => Direction::In,
        };
        if let Some(index) = sll.interface_index {
            return (index, direction);
        }
        return (frame.interface.map_or(0, |i| i.id), direction);
    }
    (frame.interface.map_or(0, |i| i.id), Direction::Unknown)
}

/// Reduces a decoded frame to an observation; `None` for what carries no IP transport packet
/// (ARP, custom blocks, undecodable frames).
pub fn observe(frame: &FrameSlice<'_>, packet: &PacketSlice<'_>) -> Option<Observation> {
    let time = frame.timestamp?;
    let (interface, direction) = interface_key(frame, packet);
    // Only the packet that was sent: stop at an ICMP error's quote.
    let end = packet
        .layers
        .iter()
        .position(|l| matches!(l, Layer::IcmpQuote))
        .unwrap_or(packet.layers.len());
    let layers = &packet.layers[..end];
    let inner_ip = layers
        .iter()
        .rposition(|l| matches!(l, Layer::Ipv4(_) | Layer::Ipv6(_)))?;
    let encapsulation = encapsulation_before(&layers[..inner_ip]);
    let (source, destination, protocol, ip_id, ttl) = match &layers[inner_ip] {
        Layer::Ipv4(ip) => (
            IpAddr::V4(ip.source),
            IpAddr::V4(ip.destination),
            ip.protocol,
            Some(ip.identification),
            ip.ttl,
        ),
        Layer::Ipv6(ip) => (
            IpAddr::V6(ip.source),
            IpAddr::V6(ip.destination),
            ip.next_header,
            None,
            ip.hop_limit,
        ),
        _ => return None,
    };
    let mut hasher = rustc_hash::FxHasher::default();
    protocol.hash(&mut hasher);
    let mut tuple = FiveTuple {
        source,
        destination,
        protocol,
        source_port: 0,
        destination_port: 0,
    };
    let mut tcp_fields = None;
    let mut dns = None;
    let mut icmp = None;
    let mut bad_checksum = false;
    for layer in &layers[inner_ip..] {
        match layer {
            Layer::Ipv4(ip) => bad_checksum |= ip.header_checksum.is_bad(),
            Layer::Tcp(tcp) => {
                tuple.source_port = tcp.source_port;
                tuple.destination_port = tcp.destination_port;
                tcp_fields = Some(TcpFields {
                    sequence: tcp.sequence,
                    acknowledgment: tcp.acknowledgment,
                    flags: tcp.flags,
                    payload_len: tcp.payload.len() as u32,
                });
                (
                    tcp.sequence,
                    tcp.acknowledgment,
                    tcp.flags,
                    tcp.options(),
                    tcp.payload,
                )
                    .hash(&mut hasher);
                bad_checksum |= tcp.checksum.is_bad();
                break;
            }
            Layer::Udp(udp) => {
                tuple.source_port = udp.source_port;
                tuple.destination_port = udp.destination_port;
                udp.payload.hash(&mut hasher);
                bad_checksum |= udp.checksum.is_bad();
                if udp.source_port == 53 || udp.destination_port == 53 {
                    dns = super::dns::parse(udp.payload);
                }
                break;
            }
            Layer::Icmpv4 {
                icmp_type,
                code,
                rest,
            }
            | Layer::Icmpv6 {
                icmp_type,
                code,
                rest,
            } => {
                (icmp_type, code).hash(&mut hasher);
                icmp = Some(IcmpFields {
                    version6: matches!(layer, Layer::Icmpv6 { .. }),
                    icmp_type: *icmp_type,
                    code: *code,
                    rest: *rest,
                    quoted: quoted_tuple(&packet.layers[end..]),
                });
            }
            _ => {}
        }
    }
    if tcp_fields.is_none() && tuple.source_port == 0 {
        // ICMP and other protocols: the IP payload identifies the packet.
        let payload = match &layers[inner_ip] {
            Layer::Ipv4(ip) => ip.payload,
            Layer::Ipv6(ip) => ip.payload,
            _ => &[],
        };
        payload.hash(&mut hasher);
    }
    Some(Observation {
        seen: Sighting {
            frame: frame.number,
            time,
            interface,
            direction,
            tuple,
            encapsulation,
            ttl,
            link: packet.layers.iter().find_map(|l| match l {
                Layer::Ethernet(ethernet) => Some(LinkAddresses {
                    source: ethernet.source,
                    destination: ethernet.destination,
                }),
                _ => None,
            }),
        },
        ip_id,
        tcp: tcp_fields,
        dns,
        icmp,
        fingerprint: hasher.finish(),
        bad_checksum,
    })
}

/// The tunnel (if any) that carries the IP layer following `outer`: the outermost IP header
/// before it, and the tunnel header that IP header's payload opens.
fn encapsulation_before(outer: &[Layer<'_>]) -> Option<Encapsulation> {
    let ip_index = outer
        .iter()
        .rposition(|l| matches!(l, Layer::Ipv4(_) | Layer::Ipv6(_)))?;
    let (source, destination, ttl) = match &outer[ip_index] {
        Layer::Ipv4(ip) => (IpAddr::V4(ip.source), IpAddr::V4(ip.destination), ip.ttl),
        Layer::Ipv6(ip) => (
            IpAddr::V6(ip.source),
            IpAddr::V6(ip.destination),
            ip.hop_limit,
        ),
        _ => return None,
    };
    let tunnel = outer[ip_index..].iter().find_map(|l| l.tunnel())?;
    let (source_port, destination_port, checksum) = outer[ip_index + 1..]
        .iter()
        .find_map(|l| match l {
            Layer::Udp(udp) => Some((udp.source_port, udp.destination_port, udp.checksum)),
            _ => None,
        })
        .unwrap_or((0, 0, ChecksumStatus::Unverifiable));
    Some(Encapsulation {
        kind: tunnel.kind,
        ttl,
        checksum,
        source,
        destination,
        source_port,
        destination_port,
        vni: tunnel.vni,
    })
}

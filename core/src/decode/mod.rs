//! Frames → layers.
//!
//! [`decode`] turns one [`FrameSlice`] into a [`PacketSlice`]: the protocol layers from the
//! outermost link header to the innermost transport header, tunnels included, each borrowing
//! from the frame. Decoding is lenient: it goes as deep as the bytes allow and records in
//! [`PacketSlice::stop`] where and why it stopped. It never panics, on any input.
//!
//! Ethernet, VLAN, IP, TCP, UDP and ICMP are etherparse's (lax slicing). This module adds what
//! etherparse lacks: Linux cooked headers (SLL, SLL2), BSD loopback, MPLS, VN-Tag, and the
//! tunnels of container networks — VXLAN (UDP 4789 and flannel's 8472), Geneve, GRE, IP-in-IP.

mod checksum;
mod defrag;
mod layer;
mod link;
mod tunnel;

use etherparse::{
    ip_number, EtherType, IpNumber, LaxLinkExtSlice, LaxNetSlice, LaxSlicedPacket, LinkSlice,
    TransportSlice,
};

use crate::capture::{FrameSlice, LinkType, RecordKind};

pub use checksum::{ChecksumStatus, PseudoHeader};
pub use defrag::{Reassembled, Reassembler};
pub use layer::{
    tcp_flags, DecodeStop, EthernetLayer, Ipv4Layer, Ipv6Fragment, Ipv6Layer, Layer, PacketSlice,
    TcpLayer, TunnelHeader, TunnelKind, UdpLayer, VlanLayer,
};
pub use link::{SllPacketType, SllSlice};

/// How many tunnel levels we follow. Real overlays nest one or two; the bound keeps a hostile
/// packet of nested headers from costing more than a fixed amount of work.
pub const MAX_TUNNEL_DEPTH: usize = 8;

/// Decodes one frame. Never panics; see [`PacketSlice::stop`] for how far it got.
pub fn decode<'a>(frame: &FrameSlice<'a>) -> PacketSlice<'a> {
    let mut decoder = Decoder {
        base: frame.data,
        packet: PacketSlice::default(),
        depth: 0,
    };
    if frame.kind != RecordKind::Packet {
        return decoder.packet;
    }
    decoder.link(frame.link_type, frame.data);
    decoder.packet
}

/// Decodes the payload of a reassembled IP datagram (see [`Reassembler`]): the transport header
/// and whatever it carries, as if it had followed the IP header of the last fragment.
pub fn decode_reassembled(datagram: &Reassembled) -> PacketSlice<'_> {
    let bytes = datagram.payload.as_slice();
    let mut decoder = Decoder {
        base: bytes,
        packet: PacketSlice::default(),
        depth: 0,
    };
    let pseudo = datagram.pseudo_header;
    let is_ipv4 = matches!(pseudo, checksum::PseudoHeader::V4(..));
    let next = match IpNumber(datagram.protocol) {
        ip_number::TCP => match etherparse::TcpSlice::from_slice(bytes) {
            Ok(tcp) => {
                decoder.tcp(&tcp, pseudo, false);
                Next::Done
            }
            Err(_) => {
                decoder.partial_transport(ip_number::TCP, bytes);
                Next::Done
            }
        },
        ip_number::UDP => match etherparse::UdpSlice::from_slice_lax(bytes) {
            Ok(udp) => decoder.udp(&udp, pseudo, is_ipv4, false),
            Err(_) => {
                decoder.partial_transport(ip_number::UDP, bytes);
                Next::Done
            }
        },
        other => decoder.ip_protocol(other, bytes),
    };
    decoder.follow(next);
    decoder.packet
}

/// What follows a layer: where to go on decoding.
enum Next<'a> {
    Ethernet(&'a [u8]),
    EtherType(u16, &'a [u8]),
    Ip(&'a [u8]),
    /// Nothing more to decode.
    Done,
}

struct Decoder<'a> {
    /// The whole frame, for offsets in [`DecodeStop`].
    base: &'a [u8],
    packet: PacketSlice<'a>,
    /// Tunnel and quote levels entered so far.
    depth: usize,
}

impl<'a> Decoder<'a> {
    fn offset_of(&self, slice: &[u8]) -> usize {
        (slice.as_ptr() as usize)
            .saturating_sub(self.base.as_ptr() as usize)
            .min(self.base.len())
    }

    /// The same bytes as `sub`, a part of the frame, with the frame's lifetime. (etherparse
    /// hands some header slices out with the lifetime of its own view rather than the input's.)
    fn reborrow(&self, sub: &[u8]) -> &'a [u8] {
        let start = self.offset_of(sub);
        self.base.get(start..start + sub.len()).unwrap_or(&[])
    }

    fn stop(&mut self, at: &[u8], layer: &'static str, reason: impl Into<String>) {
        if self.packet.stop.is_none() {
            let offset = self.offset_of(at);
            self.packet.stop = Some(DecodeStop {
                offset,
                layer: layer.into(),
                reason: reason.into(),
            });
        }
    }

    fn link(&mut self, link_type: LinkType, data: &'a [u8]) {
        let next = match link_type {
            LinkType::ETHERNET => Next::Ethernet(data),
            LinkType::RAW | LinkType::IPV4 | LinkType::IPV6 => Next::Ip(data),
            LinkType::NULL | LinkType::LOOP => {
                match link::loopback(data, link_type == LinkType::LOOP) {
                    Some((family, payload)) => {
                        self.packet.layers.push(Layer::Loopback { family });
                        match link::loopback_ether_type(family) {
                            Some(ether_type) => Next::EtherType(ether_type, payload),
                            None => {
                                self.stop(
                                    payload,
                                    "null",
                                    format!("unknown address family {family}"),
                                );
                                Next::Done
                            }
                        }
                    }
                    None => {
                        self.stop(data, "null", "shorter than the 4-byte loopback header");
                        Next::Done
                    }
                }
            }
            LinkType::LINUX_SLL | LinkType::LINUX_SLL2 => {
                let parsed = if link_type == LinkType::LINUX_SLL {
                    link::sll(data)
                } else {
                    link::sll2(data)
                };
                match parsed {
                    Some((sll, payload)) => {
                        let protocol = sll.protocol;
                        self.packet.layers.push(Layer::LinuxSll(sll));
                        match protocol {
                            // 802.3 and 802.2 LLC frames carry nothing we analyse.
                            0x0001 | 0x0004 => Next::Done,
                            ether_type => Next::EtherType(ether_type, payload),
                        }
                    }
                    None => {
                        self.stop(data, "sll", "shorter than the Linux cooked header");
                        Next::Done
                    }
                }
            }
            LinkType::NFLOG => match link::nflog(data) {
                Some((family, payload)) => {
                    self.packet.layers.push(Layer::Nflog { family });
                    match family {
                        // AF_INET, AF_INET6 (Linux).
                        2 | 10 => Next::Ip(payload),
                        _ => Next::Done,
                    }
                }
                None => {
                    self.stop(data, "nflog", "no packet payload in the NFLOG record");
                    Next::Done
                }
            },
            other => {
                self.stop(data, "frame", format!("link type {other} is not supported"));
                Next::Done
            }
        };
        self.follow(next);
    }

    /// Decodes from `next` to the end, entering tunnels as they come.
    fn follow(&mut self, mut next: Next<'a>) {
        loop {
            next = match next {
                Next::Done => return,
                Next::Ethernet(data) => match LaxSlicedPacket::from_ethernet(data) {
                    Ok(lax) => self.lax(lax, data),
                    Err(_) => {
                        self.stop(data, "eth", "shorter than an Ethernet header");
                        Next::Done
                    }
                },
                Next::EtherType(ether_type, data) => self.ether_type(ether_type, data),
                Next::Ip(data) => {
                    if data.is_empty() {
                        self.stop(data, "ip", "no bytes where an IP header should be");
                        Next::Done
                    } else {
                        match LaxSlicedPacket::from_ip(data) {
                            Ok(lax) => self.lax(lax, data),
                            Err(error) => {
                                self.stop(data, "ip", error.to_string());
                                Next::Done
                            }
                        }
                    }
                }
            }
        }
    }

    fn ether_type(&mut self, ether_type: u16, data: &'a [u8]) -> Next<'a> {
        match ether_type {
            tunnel::ETHER_TYPE_MPLS | tunnel::ETHER_TYPE_MPLS_MULTICAST => self.mpls(data),
            tunnel::ETHER_TYPE_VNTAG => match tunnel::vntag(data) {
                Some((inner_type, payload)) => {
                    self.packet.layers.push(Layer::VnTag);
                    Next::EtherType(inner_type, payload)
                }
                None => {
                    self.stop(data, "vntag", "truncated VN-Tag");
                    Next::Done
                }
            },
            tunnel::ETHER_TYPE_TEB => Next::Ethernet(data),
            _ => {
                let lax = LaxSlicedPacket::from_ether_type(EtherType(ether_type), data);
                self.lax(lax, data)
            }
        }
    }

    fn mpls(&mut self, mut data: &'a [u8]) -> Next<'a> {
        // A label stack deeper than a handful is not real traffic; the bound keeps work fixed.
        for _ in 0..16 {
            let Some((label, bottom_of_stack, rest)) = tunnel::mpls_label(data) else {
                self.stop(data, "mpls", "truncated label stack");
                return Next::Done;
            };
            self.packet.layers.push(Layer::Mpls {
                label,
                bottom_of_stack,
            });
            data = rest;
            if bottom_of_stack {
                // No protocol field: the IP version nibble tells (as Wireshark guesses too).
                return match data.first().map(|b| b >> 4) {
                    Some(4) | Some(6) => Next::Ip(data),
                    _ => Next::Done,
                };
            }
        }
        self.stop(data, "mpls", "label stack deeper than 16");
        Next::Done
    }

    /// Converts etherparse's view into our layers and says what to decode next.
    fn lax(&mut self, lax: LaxSlicedPacket<'a>, data: &'a [u8]) -> Next<'a> {
        if let Some(LinkSlice::Ethernet2(eth)) = &lax.link {
            self.packet.layers.push(Layer::Ethernet(EthernetLayer {
                source: eth.source(),
                destination: eth.destination(),
                ether_type: eth.ether_type().0,
            }));
        }
        for ext in &lax.link_exts {
            match ext {
                LaxLinkExtSlice::Vlan(vlan) => self.packet.layers.push(Layer::Vlan(VlanLayer {
                    tpid: tunnel::vlan_tpid(data, vlan.slice()),
                    id: vlan.vlan_identifier().value(),
                    priority: vlan.priority_code_point().value(),
                })),
                LaxLinkExtSlice::Macsec(_) => {
                    self.stop(data, "macsec", "MACsec-protected payload");
                    return Next::Done;
                }
            }
        }
        if let Some((error, layer)) = &lax.stop_err {
            let at = self.stop_position(&lax, data);
            self.stop(at, layer_name(*layer), error.to_string());
        }
        let Some(net) = &lax.net else {
            // Link headers only: carry on past what etherparse does not know (MPLS, VN-Tag,
            // a fourth VLAN tag).
            return match lax.ether_payload() {
                Some(payload)
                    if lax.stop_err.is_none() && self.knows_ether_type(payload.ether_type.0) =>
                {
                    self.enter_tunnel(Next::EtherType(payload.ether_type.0, payload.payload))
                }
                _ => Next::Done,
            };
        };
        let ip_payload = match net {
            LaxNetSlice::Ipv4(ipv4) => {
                let header = ipv4.header();
                let payload = ipv4.payload().clone();
                self.packet.layers.push(Layer::Ipv4(Ipv4Layer {
                    source: header.source_addr(),
                    destination: header.destination_addr(),
                    protocol: header.protocol().0,
                    identification: header.identification(),
                    ttl: header.ttl(),
                    total_len: header.total_len(),
                    dont_fragment: header.dont_fragment(),
                    more_fragments: header.more_fragments(),
                    fragment_offset: header.fragments_offset().value() * 8,
                    header_checksum: checksum::ipv4_header(header.slice()),
                    header: self.reborrow(header.slice()),
                    payload: payload.payload,
                    payload_truncated: payload.incomplete,
                }));
                Some(payload)
            }
            LaxNetSlice::Ipv6(ipv6) => {
                let header = ipv6.header();
                let payload = ipv6.payload().clone();
                let fragment = ipv6_fragment(ipv6.extensions());
                self.packet.layers.push(Layer::Ipv6(Ipv6Layer {
                    source: header.source_addr(),
                    destination: header.destination_addr(),
                    next_header: payload.ip_number.0,
                    hop_limit: header.hop_limit(),
                    flow_label: header.flow_label().value(),
                    fragment,
                    payload: payload.payload,
                    payload_truncated: payload.incomplete,
                }));
                Some(payload)
            }
            LaxNetSlice::Arp(_) => {
                self.packet.layers.push(Layer::Arp);
                None
            }
        };
        let Some(ip_payload) = ip_payload else {
            return Next::Done;
        };
        let pseudo = self.pseudo_header();
        match &lax.transport {
            Some(TransportSlice::Tcp(tcp)) => {
                self.tcp(tcp, pseudo, ip_payload.incomplete);
                Next::Done
            }
            Some(TransportSlice::Udp(udp)) => {
                let is_ipv4 = matches!(net, LaxNetSlice::Ipv4(_));
                self.udp(udp, pseudo, is_ipv4, ip_payload.incomplete)
            }
            Some(TransportSlice::Icmpv4(icmp)) => {
                let (icmp_type, code) = (icmp.type_u8(), icmp.code_u8());
                self.packet.layers.push(Layer::Icmpv4 {
                    icmp_type,
                    code,
                    rest: u32::from_be_bytes(icmp.bytes5to8()),
                });
                if matches!(icmp_type, 3 | 4 | 5 | 11 | 12) {
                    self.quote(icmp.payload())
                } else {
                    Next::Done
                }
            }
            Some(TransportSlice::Icmpv6(icmp)) => {
                let (icmp_type, code) = (icmp.type_u8(), icmp.code_u8());
                self.packet.layers.push(Layer::Icmpv6 {
                    icmp_type,
                    code,
                    rest: u32::from_be_bytes(icmp.bytes5to8()),
                });
                if matches!(icmp_type, 1..=4) {
                    self.quote(icmp.payload())
                } else {
                    Next::Done
                }
            }
            Some(_) => Next::Done,
            None if ip_payload.fragmented => Next::Done,
            None if matches!(ip_payload.ip_number, ip_number::TCP | ip_number::UDP) => {
                // The header is cut short (snap length, or an ICMP quote's 8 bytes): keep the
                // fields that are there, as tshark does.
                self.partial_transport(ip_payload.ip_number, ip_payload.payload);
                Next::Done
            }
            None => self.ip_protocol(ip_payload.ip_number, ip_payload.payload),
        }
    }

    fn tcp(
        &mut self,
        tcp: &etherparse::TcpSlice<'a>,
        pseudo: checksum::PseudoHeader,
        truncated: bool,
    ) {
        let header = tcp.header_slice();
        let flags = u16::from_be_bytes([header[12], header[13]]) & 0x0FFF;
        let status = checksum::transport(
            pseudo,
            ip_number::TCP,
            tcp.slice(),
            tcp.checksum(),
            16,
            truncated,
        );
        if status == ChecksumStatus::Partial {
            self.local_checksum_offload(pseudo, ip_number::TCP, tcp.slice(), 16);
        }
        self.packet.layers.push(Layer::Tcp(TcpLayer {
            source_port: tcp.source_port(),
            destination_port: tcp.destination_port(),
            sequence: tcp.sequence_number(),
            acknowledgment: tcp.acknowledgment_number(),
            flags,
            window: tcp.window_size(),
            checksum: status,
            header,
            payload: tcp.payload(),
        }));
    }

    fn udp(
        &mut self,
        udp: &etherparse::UdpSlice<'a>,
        pseudo: checksum::PseudoHeader,
        is_ipv4: bool,
        truncated: bool,
    ) -> Next<'a> {
        // Over IPv4 a zero checksum means none was computed.
        let status = if udp.checksum() == 0 && is_ipv4 {
            ChecksumStatus::Absent
        } else {
            checksum::transport(
                pseudo,
                ip_number::UDP,
                udp.slice(),
                udp.checksum(),
                6,
                truncated,
            )
        };
        if status == ChecksumStatus::Partial {
            self.local_checksum_offload(pseudo, ip_number::UDP, udp.slice(), 6);
        }
        let (source_port, destination_port) = (udp.source_port(), udp.destination_port());
        self.packet.layers.push(Layer::Udp(UdpLayer {
            source_port,
            destination_port,
            length: udp.length(),
            checksum: status,
            payload: udp.payload(),
        }));
        self.udp_tunnel(source_port, destination_port, udp.payload())
    }

    /// An inner checksum left to the NIC (`segment`, field at `checksum_at`) may explain an
    /// outer tunnel UDP checksum that does not verify: Linux computes the outer one as it will
    /// be once the inner one is filled in. Reclassify the enclosing tunnel's UDP checksum.
    fn local_checksum_offload(
        &mut self,
        pseudo: checksum::PseudoHeader,
        protocol: IpNumber,
        segment: &[u8],
        checksum_at: usize,
    ) {
        // The UDP layer just outside the innermost tunnel header, if its checksum failed:
        // only then is the inner checksum worth completing (it costs a pass over the payload).
        let tunnel = self
            .packet
            .layers
            .iter()
            .rposition(|l| matches!(l, Layer::Vxlan { .. } | Layer::Geneve { .. }));
        let Some(udp_index) = tunnel.and_then(|t| t.checked_sub(1)) else {
            return;
        };
        let Some(Layer::Udp(UdpLayer {
            checksum: ChecksumStatus::Bad { stored, computed },
            ..
        })) = self.packet.layers.get(udp_index)
        else {
            return;
        };
        let (stored, computed) = (*stored, *computed);
        let Some(completed) = checksum::expected_transport(pseudo, protocol, segment, checksum_at)
        else {
            return;
        };
        let placeholder = u16::from_be_bytes([segment[checksum_at], segment[checksum_at + 1]]);
        if checksum::right_after_completion(computed, stored, placeholder, completed) {
            if let Some(Layer::Udp(outer)) = self.packet.layers.get_mut(udp_index) {
                outer.checksum = ChecksumStatus::LocalOffload;
            }
        }
    }

    fn partial_transport(&mut self, protocol: IpNumber, bytes: &'a [u8]) {
        let be16 = |at: usize| {
            bytes
                .get(at..at + 2)
                .map_or(0, |b| u16::from_be_bytes([b[0], b[1]]))
        };
        let be32 = |at: usize| {
            bytes
                .get(at..at + 4)
                .map_or(0, |b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
        };
        if bytes.len() < 4 {
            return;
        }
        if protocol == ip_number::TCP {
            self.packet.layers.push(Layer::Tcp(TcpLayer {
                source_port: be16(0),
                destination_port: be16(2),
                sequence: be32(4),
                acknowledgment: be32(8),
                flags: be16(12) & 0x0FFF,
                window: be16(14),
                checksum: ChecksumStatus::Unverifiable,
                header: bytes.get(..20).unwrap_or(bytes),
                payload: &[],
            }));
        } else {
            self.packet.layers.push(Layer::Udp(UdpLayer {
                source_port: be16(0),
                destination_port: be16(2),
                length: be16(4),
                checksum: ChecksumStatus::Unverifiable,
                payload: &[],
            }));
        }
    }

    /// The first byte etherparse did not consume, for the stop offset.
    fn stop_position(&self, lax: &LaxSlicedPacket<'a>, data: &'a [u8]) -> &'a [u8] {
        if let Some(net) = &lax.net {
            return match net {
                LaxNetSlice::Ipv4(ip) => ip.payload().payload,
                LaxNetSlice::Ipv6(ip) => ip.payload().payload,
                LaxNetSlice::Arp(_) => data,
            };
        }
        match lax.ether_payload() {
            Some(payload) => payload.payload,
            None => data,
        }
    }

    fn knows_ether_type(&self, ether_type: u16) -> bool {
        matches!(
            ether_type,
            tunnel::ETHER_TYPE_MPLS
                | tunnel::ETHER_TYPE_MPLS_MULTICAST
                | tunnel::ETHER_TYPE_VNTAG
                | 0x8100
                | 0x88A8
                | 0x9100
        )
    }

    /// The addresses of the innermost IP layer, for transport checksums.
    fn pseudo_header(&self) -> checksum::PseudoHeader {
        match self
            .packet
            .layers
            .iter()
            .rev()
            .find(|l| matches!(l, Layer::Ipv4(_) | Layer::Ipv6(_)))
        {
            Some(Layer::Ipv4(ip)) => checksum::PseudoHeader::V4(ip.source, ip.destination),
            Some(Layer::Ipv6(ip)) => checksum::PseudoHeader::V6(ip.source, ip.destination),
            _ => checksum::PseudoHeader::None,
        }
    }

    fn enter_tunnel(&mut self, next: Next<'a>) -> Next<'a> {
        self.depth += 1;
        if self.depth > MAX_TUNNEL_DEPTH {
            let at = match &next {
                Next::Ethernet(d) | Next::Ip(d) | Next::EtherType(_, d) => *d,
                Next::Done => &[],
            };
            self.stop(
                at,
                "tunnel",
                format!("more than {MAX_TUNNEL_DEPTH} nested encapsulations"),
            );
            return Next::Done;
        }
        next
    }

    fn quote(&mut self, payload: &'a [u8]) -> Next<'a> {
        if payload.is_empty() {
            return Next::Done;
        }
        self.packet.layers.push(Layer::IcmpQuote);
        self.enter_tunnel(Next::Ip(payload))
    }

    fn udp_tunnel(
        &mut self,
        source_port: u16,
        destination_port: u16,
        payload: &'a [u8],
    ) -> Next<'a> {
        let either = |port: u16| source_port == port || destination_port == port;
        if tunnel::VXLAN_PORTS.iter().any(|&p| either(p)) {
            match tunnel::vxlan(payload) {
                Some((vni, inner)) => {
                    self.packet.layers.push(Layer::Vxlan { vni });
                    self.enter_tunnel(Next::Ethernet(inner))
                }
                None => {
                    self.stop(payload, "vxlan", "shorter than a VXLAN header");
                    Next::Done
                }
            }
        } else if either(tunnel::GENEVE_PORT) {
            match tunnel::geneve(payload) {
                Some((vni, protocol, inner)) => {
                    self.packet.layers.push(Layer::Geneve { vni, protocol });
                    self.enter_tunnel(Next::EtherType(protocol, inner))
                }
                None => {
                    self.stop(payload, "geneve", "truncated Geneve header");
                    Next::Done
                }
            }
        } else {
            Next::Done
        }
    }

    fn ip_protocol(&mut self, protocol: IpNumber, payload: &'a [u8]) -> Next<'a> {
        match protocol {
            ip_number::IPV4 | ip_number::IPV6 => self.enter_tunnel(Next::Ip(payload)),
            ip_number::GRE => match tunnel::gre(payload) {
                Ok(gre) => {
                    self.packet.layers.push(Layer::Gre {
                        protocol: gre.protocol,
                        key: gre.key,
                    });
                    match gre.next {
                        tunnel::GreNext::EtherType(ether_type, inner) => {
                            self.enter_tunnel(Next::EtherType(ether_type, inner))
                        }
                        tunnel::GreNext::Ip(inner) => self.enter_tunnel(Next::Ip(inner)),
                        tunnel::GreNext::Ethernet(inner) => {
                            self.enter_tunnel(Next::Ethernet(inner))
                        }
                        tunnel::GreNext::Unknown => Next::Done,
                    }
                }
                Err(reason) => {
                    self.stop(payload, "gre", reason);
                    Next::Done
                }
            },
            _ => Next::Done,
        }
    }
}

fn ipv6_fragment(extensions: &etherparse::Ipv6ExtensionsSlice<'_>) -> Option<Ipv6Fragment> {
    // etherparse 0.21's extension iterator reads out of bounds (get_unchecked) when a lax
    // parse stopped inside the chain — found by fuzzing. Walk the parsed bytes ourselves, with
    // every length checked.
    let mut next = extensions.first_header()?.0;
    let mut rest = extensions.slice();
    for _ in 0..16 {
        match next {
            44 => {
                let header = rest.get(..8)?;
                let field = u16::from_be_bytes([header[2], header[3]]);
                return Some(Ipv6Fragment {
                    identification: u32::from_be_bytes([
                        header[4], header[5], header[6], header[7],
                    ]),
                    offset: field & 0xFFF8,
                    more_fragments: field & 1 == 1,
                });
            }
            // Hop-by-hop, routing, destination options, mobility, HIP, shim6: 8-byte units.
            0 | 43 | 60 | 135 | 139 | 140 => {
                let len = (*rest.get(1)? as usize + 1) * 8;
                next = *rest.first()?;
                rest = rest.get(len..)?;
            }
            // Authentication header: 4-byte units, plus 2.
            51 => {
                let len = (*rest.get(1)? as usize + 2) * 4;
                next = *rest.first()?;
                rest = rest.get(len..)?;
            }
            _ => return None,
        }
    }
    None
}

fn layer_name(layer: etherparse::err::Layer) -> &'static str {
    use etherparse::err::Layer as L;
    match layer {
        L::Ethernet2Header => "eth",
        L::VlanHeader => "vlan",
        L::Ipv4Header | L::Ipv4Packet => "ip",
        L::Ipv6Header | L::Ipv6Packet => "ipv6",
        L::TcpHeader => "tcp",
        L::UdpHeader => "udp",
        L::Icmpv4 | L::Icmpv4Timestamp | L::Icmpv4TimestampReply => "icmp",
        L::Icmpv6 => "icmpv6",
        _ => "packet",
    }
}

#[cfg(test)]
mod tests;

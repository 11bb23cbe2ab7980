//! What a capture tells about the host it was taken on: its own addresses (a packet for one of
//! them is delivered when it reaches the host), which interfaces are loopback, and, for captures
//! that do not record directions (per-interface pcapng, plain Ethernet), which way each frame
//! went.
//!
//! Own addresses come from loopback traffic (everything on `lo` is the host talking to itself),
//! from packets the host sent (first seen leaving), and, in a capture of a single interface,
//! from the address present in every packet (the pod or node whose traffic it is). Directions
//! come from those addresses, from where a sighting sits in its journey (a packet enters the
//! host before it leaves), and from the MAC addresses learned that way: on each interface, the
//! host's own MACs send and the far side's MACs receive.

use std::net::IpAddr;

use rustc_hash::{FxHashMap, FxHashSet};

use super::{Direction, Hop, InterfaceKey, InterfaceRole, Journey, Observation, Sighting};
use crate::analysis::{Vantage, VantageReport};
use crate::i18n::Message;

/// Own addresses remembered; a hostile capture of random addresses stops adding here.
const MAX_LOCAL: usize = 4096;
/// (interface, MAC) sides remembered.
const MAX_SIDES: usize = 1 << 16;
/// Packets of a single-interface capture an address may miss and still be the host's (ARP and
/// multicast from elsewhere, a stray broadcast): a small share, after enough packets.
const PRESENT_MISSES_PERMILLE: u64 = 20;
/// Packets needed before "present in every packet" names the host.
const PRESENT_AFTER: u64 = 2;

/// An address in (nearly) every packet of a single-interface capture: the host, or the one peer
/// it talks to.
#[derive(Clone, Copy, Debug)]
struct Present {
    address: IpAddr,
    /// Packets it is missing from.
    misses: u64,
    /// Packets it sent with an initial TTL (64, 128, 255: sent from right here) minus those
    /// with a lower one (routed to here). The host scores highest.
    sent_here: i64,
}

/// Which side of an interface a MAC address is on, as votes.
#[derive(Clone, Copy, Debug, Default)]
struct SideVotes {
    /// The host's own end of the link: frames from it leave the host.
    host: u32,
    /// The other end: frames from it enter the host.
    far: u32,
}

#[derive(Default, Debug)]
pub(crate) struct HostModel {
    local: FxHashSet<IpAddr>,
    loopback: Vec<InterfaceKey>,
    /// Bridge devices, by name.
    bridges: Vec<InterfaceKey>,
    interfaces: Vec<InterfaceKey>,
    /// More than a few interfaces: not a single-interface capture.
    many_interfaces: bool,
    /// The capture records which way frames went (Linux cooked headers).
    directions_recorded: bool,
    /// In a single-interface capture: addresses in every packet so far.
    present: Option<Vec<Present>>,
    /// The address family of the first packet, whose addresses seeded `present`, and whether
    /// the other family's first packet has brought its own candidates (a dual-stack host).
    first_family_ipv4: Option<bool>,
    other_family_seeded: bool,
    packets: u64,
    sides: FxHashMap<(InterfaceKey, [u8; 6]), SideVotes>,
    /// Packets the host received and sent on through the same interface, rewritten (a load
    /// balancer or router in the path).
    relayed: u64,
    /// Packets the host sent through an interface that came back in on it rewritten.
    returned: u64,
    /// Packets rewritten between two sightings on a link that joins only two devices: the
    /// load balancer's side and the node's side of it see the same frames.
    between_two: u64,
    /// Observations inside a tunnel.
    encapsulated: u64,
}

fn is_loopback(address: IpAddr) -> bool {
    address.is_loopback()
}

impl HostModel {
    /// Names the capture or the user gave: `lo` is loopback whatever it carries.
    pub fn name_interface(&mut self, key: InterfaceKey, name: &str) {
        if name == "lo" && !self.loopback.contains(&key) {
            self.loopback.push(key);
        }
        if matches!(
            super::roles::role_from_name(name),
            Some(InterfaceRole::Bridge)
        ) && !self.bridges.contains(&key)
            && self.bridges.len() < 64
        {
            self.bridges.push(key);
        }
    }

    /// A bridge device (by its name): the host sends through it to the bridge's ports.
    fn bridge_master(&self, key: InterfaceKey) -> bool {
        self.bridges.contains(&key)
    }

    pub fn is_loopback_interface(&self, key: InterfaceKey) -> bool {
        self.loopback.contains(&key)
    }

    /// One of the host's own addresses.
    pub fn is_local(&self, address: IpAddr) -> bool {
        is_loopback(address)
            || self.local.contains(&address)
            || self.present_host() == Some(address)
    }

    /// In a single-interface capture, the host whose traffic it is: of the addresses in every
    /// packet, the one that sends from right here.
    fn present_host(&self) -> Option<IpAddr> {
        if !self.single_interface() || self.packets < PRESENT_AFTER {
            return None;
        }
        let present = self.present.as_ref()?;
        // Ties go to the earliest: the first packet's source comes first. An address whose
        // packets all arrive routed (TTL below its start) is a peer, not the host: a capture
        // where no address sends from right here is taken between hosts.
        if self.tunnel_link_ends().is_some() {
            return None;
        }
        let best = present.iter().map(|p| p.sent_here).max()?;
        present
            .iter()
            .find(|p| p.sent_here == best && best > 0)
            .map(|p| p.address)
    }

    /// Mostly tunnelled traffic.
    fn tunnelled(&self) -> bool {
        self.encapsulated * 10 > self.packets
    }

    /// In a single-interface capture of tunnel traffic between two nodes that both send from
    /// right here (their initial TTL): the link between neighbours. Either node's uplink sees
    /// the very same packets, so the capture cannot tell whose it is.
    fn tunnel_link_ends(&self) -> Option<Vec<IpAddr>> {
        if !self.single_interface() || self.packets < PRESENT_AFTER || !self.tunnelled() {
            return None;
        }
        let ends: Vec<IpAddr> = self
            .present
            .as_ref()?
            .iter()
            .filter(|p| p.sent_here > 0)
            .map(|p| p.address)
            .collect();
        (ends.len() >= 2).then_some(ends)
    }

    /// In a single-interface capture whose common addresses all send routed packets: those
    /// addresses.
    fn routed_peers(&self) -> Option<Vec<String>> {
        if !self.single_interface() || self.packets < PRESENT_AFTER {
            return None;
        }
        let present = self.present.as_ref()?;
        if present.is_empty() || present.iter().any(|p| p.sent_here > 0) {
            return None;
        }
        Some(present.iter().map(|p| p.address.to_string()).collect())
    }

    /// The host's own addresses known so far (for the vantage point), sorted.
    pub fn local_addresses(&self) -> Vec<IpAddr> {
        let mut all: Vec<IpAddr> = self
            .local
            .iter()
            .copied()
            .filter(|a| !is_loopback(*a))
            .collect();
        all.extend(self.present_host());
        all.sort_unstable();
        all.dedup();
        all
    }

    /// A capture of one interface that records no directions (plain Ethernet or IP): one
    /// host's own traffic. (`tcpdump -i any -y LINUX_SLL` has one interface key too, but it is
    /// a whole node's.)
    /// Where the capture was taken, from what the host model saw.
    pub fn vantage(&self, interface_index: bool) -> VantageReport {
        let (vantage, why) = if self.directions_recorded {
            (
                Vantage::NodeAllInterfaces { interface_index },
                Message::new(if interface_index {
                    "vantage-why-sll2"
                } else {
                    "vantage-why-sll1"
                }),
            )
        } else if self.interfaces.len() > 1 || self.many_interfaces {
            (
                Vantage::NodePerInterface {
                    interfaces: self.interfaces.len(),
                },
                Message::new("vantage-why-per-interface").with(
                    "interfaces",
                    format!(
                        "{}{}",
                        self.interfaces.len(),
                        if self.many_interfaces { "+" } else { "" }
                    ),
                ),
            )
        } else {
            let present = self.local_addresses();
            if self.relayed > 0 && self.relayed >= self.returned {
                (
                    Vantage::InPath,
                    Message::new("vantage-why-relayed").count("count", self.relayed),
                )
            } else if self.returned == 0 && self.between_two > 0 {
                (
                    Vantage::InPath,
                    Message::new("vantage-why-between-two").count("count", self.between_two),
                )
            } else if self.returned > 0 {
                (
                    Vantage::NodeUplink {
                        address: present.first().copied(),
                    },
                    Message::new("vantage-why-returned").count("count", self.returned),
                )
            } else if let Some(ends) = self.tunnel_link_ends() {
                (
                    Vantage::NodeUplink { address: None },
                    Message::new("vantage-why-tunnel-link").with(
                        "ends",
                        ends.iter()
                            .map(|a| a.to_string())
                            .collect::<Vec<_>>()
                            .join(", "),
                    ),
                )
            } else if let Some(&address) = present.first() {
                if self.tunnelled() {
                    (
                        Vantage::NodeUplink {
                            address: Some(address),
                        },
                        Message::new("vantage-why-tunnelled")
                            .with("address", address)
                            .with("tunnelled", self.encapsulated)
                            .count("packets", self.packets),
                    )
                } else {
                    (
                        Vantage::Endpoint { address },
                        Message::new("vantage-why-endpoint").with("address", address),
                    )
                }
            } else if let Some(peers) = self.routed_peers() {
                (
                    Vantage::InPath,
                    Message::new("vantage-why-routed")
                        .with("peers", peers.join(", "))
                        .count("count", peers.len()),
                )
            } else {
                (Vantage::Unknown, Message::new("vantage-why-unknown"))
            }
        };
        VantageReport { vantage, why }
    }

    pub fn single_interface(&self) -> bool {
        self.interfaces.len() == 1 && !self.many_interfaces && !self.directions_recorded
    }

    fn remember_local(&mut self, address: IpAddr) {
        if self.local.len() < MAX_LOCAL && !address.is_unspecified() && !address.is_multicast() {
            self.local.insert(address);
        }
    }

    /// Learns from every observation, in time order.
    pub fn observe(&mut self, obs: &Observation) {
        let seen = &obs.seen;
        self.directions_recorded |= seen.direction != Direction::Unknown;
        self.encapsulated += seen.encapsulation.is_some() as u64;
        if !self.interfaces.contains(&seen.interface) {
            if self.interfaces.len() < 8 {
                self.interfaces.push(seen.interface);
            } else {
                self.many_interfaces = true;
            }
        }
        let tuple = seen.tuple;
        if (is_loopback(tuple.source) || is_loopback(tuple.destination))
            && !self.loopback.contains(&seen.interface)
            && self.loopback.len() < 8
        {
            self.loopback.push(seen.interface);
        }
        if self.loopback.contains(&seen.interface) {
            // Everything on loopback is the host talking to itself.
            self.remember_local(tuple.source);
            self.remember_local(tuple.destination);
        }
        self.packets += 1;
        // A tunnelled packet is the host's by its outer addresses.
        let (source, addresses, ttl) = match seen.encapsulation {
            Some(outer) => (outer.source, [outer.source, outer.destination], outer.ttl),
            None => (tuple.source, [tuple.source, tuple.destination], seen.ttl),
        };
        // Multicast and broadcast from elsewhere on the link (IGMP, mDNS, ARP) say nothing about
        // whose traffic this is.
        if tuple.destination.is_multicast() || is_broadcast(tuple.destination) {
            return;
        }
        let present = self.present.get_or_insert_with(|| {
            addresses
                .iter()
                .filter(|a| !a.is_multicast() && !is_broadcast(**a))
                .map(|a| Present {
                    address: *a,
                    misses: 0,
                    sent_here: 0,
                })
                .collect()
        });
        // A dual-stack host has an address in each family: the first packet of the other
        // family brings its candidates, and a packet only counts against its own family's.
        let first_family = *self.first_family_ipv4.get_or_insert(source.is_ipv4());
        if first_family != source.is_ipv4() && !self.other_family_seeded {
            self.other_family_seeded = true;
            present.extend(
                addresses
                    .iter()
                    .filter(|a| !a.is_multicast() && !is_broadcast(**a))
                    .map(|a| Present {
                        address: *a,
                        misses: 0,
                        sent_here: 0,
                    }),
            );
        }
        let packets = self.packets;
        let initial_ttl = matches!(ttl, 64 | 128 | 255);
        for candidate in present.iter_mut() {
            if !addresses.contains(&candidate.address)
                && candidate.address.is_ipv4() == source.is_ipv4()
            {
                candidate.misses += 1;
            }
            if candidate.address == source {
                candidate.sent_here += if initial_ttl { 1 } else { -1 };
            }
        }
        present.retain(|p| p.misses * 1000 <= packets * PRESENT_MISSES_PERMILLE || p.misses <= 1);
    }

    /// Learns the host's addresses from a journey whose directions are known: a packet first
    /// seen leaving was sent by the host. (Not resets: a REJECT rule forges them in another's
    /// name.)
    pub fn learn(&mut self, journey: &Journey) {
        let first = &journey.first().seen;
        // In a capture of one interface without directions, the direction was inferred from
        // the addresses present: learning from it would only repeat that guess, for good.
        if self.single_interface() {
            return;
        }
        let is_reset = journey.tcp.is_some_and(|t| t.flags & 0x004 != 0);
        if first.direction == Direction::Out && !is_reset && journey.icmp.is_none() {
            let source = match first.encapsulation {
                Some(outer) => outer.source,
                None => first.tuple.source,
            };
            self.remember_local(source);
        }
    }

    /// Gives every sighting of `journey` whose direction the capture did not record the one
    /// the evidence supports, and puts the hops in time order (a capture without directions
    /// has exact timestamps per interface).
    pub fn infer_directions(&mut self, journey: &mut Journey) {
        if journey
            .hops
            .iter()
            .all(|h| h.seen.direction != Direction::Unknown)
        {
            return;
        }
        journey.hops.sort_by_key(|h| h.seen.time);
        let count = journey.hops.len();
        let mut decided: Vec<Option<Direction>> = journey
            .hops
            .iter()
            .map(|hop| match hop.seen.direction {
                Direction::Unknown => None,
                known => Some(known),
            })
            .collect();
        // Two sightings in a row on one interface, rewritten in between: the MACs say whether
        // the host received the first and sent the second (it routed or translated it), or
        // sent the first and got it back (something outside rewrote it: a load balancer).
        for at in 1..count {
            let (a, b) = (&journey.hops[at - 1].seen, &journey.hops[at].seen);
            if a.interface != b.interface || a.tuple == b.tuple {
                continue;
            }
            let (Some(la), Some(lb)) = (a.link, b.link) else {
                continue;
            };
            let received_and_sent = la.destination == lb.source && !la.to_group();
            let sent_and_got_back = la.source == lb.destination && !lb.to_group();
            let pair = match (received_and_sent, sent_and_got_back) {
                (true, false) => {
                    self.relayed += 1;
                    Some((Direction::In, Direction::Out))
                }
                (false, true) => {
                    // Back addressed to its own sender: a pod whose Service call was sent to
                    // itself (hairpin), not a node's packet turned round by a load balancer.
                    if b.tuple.destination != a.tuple.source {
                        self.returned += 1;
                    }
                    Some((Direction::Out, Direction::In))
                }
                // Between two devices only: both ends of the link see the same frames. After
                // sightings on other interfaces, the host had it already: it went out and came
                // back. Alone, read it as the device in the path.
                (true, true) => {
                    let seen_before_elsewhere = journey.hops[..at - 1]
                        .iter()
                        .any(|h| h.seen.interface != a.interface);
                    if seen_before_elsewhere {
                        self.returned += 1;
                        Some((Direction::Out, Direction::In))
                    } else {
                        self.between_two += 1;
                        Some((Direction::In, Direction::Out))
                    }
                }
                (false, false) => None,
            };
            if let Some((first, second)) = pair {
                decided[at - 1].get_or_insert(first);
                decided[at].get_or_insert(second);
            }
        }
        // The host's own addresses.
        for (at, hop) in journey.hops.iter().enumerate() {
            if decided[at].is_none() {
                decided[at] = self.by_address(&hop.seen);
            }
        }
        // Walk back from where the packet was last seen. It was sent out there (unless it was
        // for this host); a packet's TTL goes down by one each time something routes it, and
        // routing turns arriving into leaving (this host) or leaving into arriving (a router
        // outside), so each step down in TTL flips the direction (a tunnel keeps it). Without a
        // step down it is the same frame crossing a bridge: arriving on a port and leaving by
        // another, or sent by the host through the bridge device and out of a port.
        for at in (0..count).rev() {
            if decided[at].is_some() {
                continue;
            }
            let seen = &journey.hops[at].seen;
            if let Some(direction) = self.by_mac(seen) {
                decided[at] = Some(direction);
                continue;
            }
            if at == count - 1 {
                decided[at] = (count > 1).then_some(Direction::Out);
                continue;
            }
            let next = &journey.hops[at + 1].seen;
            let next_direction = decided[at + 1].unwrap_or(Direction::Out);
            let flip = |d: Direction| match d {
                Direction::In => Direction::Out,
                _ => Direction::In,
            };
            decided[at] = Some(
                if seen.encapsulation.is_some() != next.encapsulation.is_some() {
                    // Encapsulated on the way out, decapsulated on the way in: the host does both
                    // to a packet it is sending, or receiving.
                    next_direction
                } else if seen.ttl > next.ttl {
                    flip(next_direction)
                } else if next_direction == Direction::In {
                    Direction::In
                } else if self.bridge_master(seen.interface) && !self.bridge_master(next.interface)
                {
                    Direction::Out
                } else {
                    Direction::In
                },
            );
        }
        for (hop, decision) in journey.hops.iter_mut().zip(&decided) {
            if let (Some(direction), Direction::Unknown) = (decision, hop.seen.direction) {
                hop.seen.direction = *direction;
                hop.direction_inferred = true;
            }
        }
        // What the MACs of the decided sightings say about each interface's two sides.
        for hop in &journey.hops {
            if hop.direction_inferred {
                self.vote(&hop.seen);
            }
        }
    }

    /// In or out by the host's own addresses, outer ones for a tunnelled packet.
    fn by_address(&self, seen: &Sighting) -> Option<Direction> {
        let (source, destination) = match seen.encapsulation {
            Some(outer) => (outer.source, outer.destination),
            None => (seen.tuple.source, seen.tuple.destination),
        };
        match (self.is_local(source), self.is_local(destination)) {
            (true, false) => Some(Direction::Out),
            (false, true) => Some(Direction::In),
            _ => None,
        }
    }

    fn by_mac(&self, seen: &Sighting) -> Option<Direction> {
        let link = seen.link?;
        let side = |mac: [u8; 6]| {
            self.sides
                .get(&(seen.interface, mac))
                .filter(|v| v.host != v.far)
                .map(|v| v.host > v.far)
        };
        match side(link.source) {
            Some(true) => return Some(Direction::Out),
            Some(false) => return Some(Direction::In),
            None => {}
        }
        if link.to_group() {
            return None;
        }
        match side(link.destination) {
            Some(true) => Some(Direction::In),
            Some(false) => Some(Direction::Out),
            None => None,
        }
    }

    fn vote(&mut self, seen: &Sighting) {
        let Some(link) = seen.link else { return };
        if self.sides.len() >= MAX_SIDES {
            return;
        }
        let (source_is_host, destination_is_host) = match seen.direction {
            Direction::Out => (true, false),
            Direction::In => (false, true),
            Direction::Unknown => return,
        };
        let entry = self.sides.entry((seen.interface, link.source)).or_default();
        if source_is_host {
            entry.host += 1;
        } else {
            entry.far += 1;
        }
        if !link.to_group() {
            let entry = self
                .sides
                .entry((seen.interface, link.destination))
                .or_default();
            if destination_is_host {
                entry.host += 1;
            } else {
                entry.far += 1;
            }
        }
    }
}

fn is_broadcast(address: IpAddr) -> bool {
    match address {
        IpAddr::V4(a) => a.is_broadcast() || a.octets()[3] == 255,
        IpAddr::V6(_) => false,
    }
}

impl Hop {
    /// Whether the capture recorded this sighting's direction (not inferred).
    pub fn direction_recorded(&self) -> bool {
        !self.direction_inferred
    }
}

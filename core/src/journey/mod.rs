//! Observations → journeys: every sighting of one transmitted packet, in path order.
//!
//! In a `tcpdump -i any` capture the same packet appears once per interface it crosses (pod
//! veth, bridge, tunnel device, uplink), with NAT or encapsulation applied between copies.
//! [`JourneyBuilder`] groups those copies by what NAT and tunnels leave alone (TCP sequence,
//! acknowledgment, flags and options, the payload, the IPv4 identification) within a short time
//! window, and records what changed at each hop. A copy is never mistaken for a
//! retransmission: a retransmission is the endpoint sending again, and shows up as a new
//! journey that starts on the same interface as the first.
//!
//! Memory: only journeys still open (last seen within [`HOP_WINDOW_NANOS`]) are held; finished
//! ones go to the caller. Work per observation is constant on average.

pub(crate) mod dns;
mod host;
mod observation;
mod order;
mod roles;

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;

use serde::{Deserialize, Serialize};

use crate::capture::Timestamp;

pub use crate::decode::TunnelKind;
pub use dns::type_name as dns_type_name;
pub use observation::{
    interface_key, observe, Direction, DnsFields, Encapsulation, Endpoint, FiveTuple, IcmpFields,
    InterfaceKey, LinkAddresses, Observation, Sighting, TcpFields,
};
pub use order::{OrderStats, Stream, TimeOrder};
pub use roles::{InterfaceRole, RoleEvidence};

/// How far apart two sightings of one packet may be. Crossing a node takes microseconds, a
/// hairpin through a load balancer milliseconds; TCP never retransmits sooner than 200 ms.
pub const HOP_WINDOW_NANOS: i128 = 150_000_000;
/// Two sightings on the same interface, in the same direction, this close together are one
/// packet delivered twice (some kernels do), not a retransmission.
pub const DUPLICATE_WINDOW_NANOS: i128 = 1_000_000;
/// TCP payloads above this do not fit a 1500-byte packet: on most Kubernetes networks such a
/// segment is a GSO/GRO super-packet that the node cuts up. (On jumbo-frame networks a real
/// drop of a large packet then shows as resegmented, not as ended early: a miss, never a false
/// alarm.)
const SUPER_PACKET_PAYLOAD: u32 = 1460;
/// Sightings one journey holds. A real path has a handful; past this a flood of identical
/// packets starts new journeys instead of growing one without end.
const MAX_HOPS: usize = 64;
/// Open journeys with the same fingerprint examined for each new sighting.
const MAX_CANDIDATES: usize = 32;
/// Addresses whose attachment interface we remember; beyond this a hostile capture of random
/// addresses stops teaching us more.
const MAX_ADDRESSES: usize = 1 << 20;

/// What changed between one hop and the previous one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// The destination was rewritten (DNAT, or undoing an SNAT on a reply).
    Destination { from: Endpoint, to: Endpoint },
    /// The source was rewritten (SNAT/masquerade, or undoing a DNAT on a reply).
    Source { from: Endpoint, to: Endpoint },
    /// The packet was put into a tunnel.
    Encapsulated(Encapsulation),
    /// The packet came out of a tunnel.
    Decapsulated(Encapsulation),
}

/// One sighting of the packet, and what changed since the previous one.
#[derive(Clone, Debug)]
pub struct Hop {
    pub seen: Sighting,
    pub changes: Vec<Change>,
    /// The same sighting delivered to the capture twice.
    pub duplicate: bool,
    /// The capture did not record the direction; `seen.direction` is what the evidence says.
    pub direction_inferred: bool,
}

impl Hop {
    fn sighted(obs: &Observation, duplicate: bool) -> Hop {
        Hop {
            seen: obs.seen,
            changes: Vec::new(),
            duplicate,
            direction_inferred: false,
        }
    }
}

/// Where the packet was last seen, and what that means.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Fate {
    /// Sent out of the interface right behind which its destination lives (a pod here).
    Delivered { interface: InterfaceKey },
    /// Sent out of the node (uplink, tunnel) towards a destination elsewhere.
    LeftNode { interface: InterfaceKey },
    /// Received on `interface` but never sent on towards `expected`, the interface behind
    /// which its destination lives: dropped on the node between the two.
    EndedEarly {
        interface: InterfaceKey,
        expected: InterfaceKey,
    },
    /// A TCP segment larger than any wire packet (a GSO/GRO super-packet) last seen arriving:
    /// the node cuts it into wire-size packets, which are followed as journeys of their own.
    Resegmented { interface: InterfaceKey },
    /// Received on `interface` and addressed to the host itself (one of its own addresses):
    /// delivered, as far as the network goes.
    Local { interface: InterfaceKey },
    /// Received on `interface` for a destination we never saw elsewhere.
    Arrived { interface: InterfaceKey },
    /// The capture does not tell the direction (one interface, no cooked header).
    Observed { interface: InterfaceKey },
}

/// Every sighting of one transmitted packet.
#[derive(Clone, Debug)]
pub struct Journey {
    /// Sequential, in order of the first sighting.
    pub id: u64,
    /// In path order (the order the kernel handed the copies to the capture).
    pub hops: Vec<Hop>,
    pub ip_id: Option<u16>,
    pub tcp: Option<TcpFields>,
    pub dns: Option<DnsFields>,
    pub icmp: Option<IcmpFields>,
    pub bad_checksum: bool,
    pub fate: Fate,
    fingerprint: u64,
    /// The latest sighting's time (kept, not recomputed: matching asks for it every time).
    last_seen: Timestamp,
}

impl Journey {
    pub fn first(&self) -> &Hop {
        &self.hops[0]
    }

    pub fn last(&self) -> &Hop {
        self.hops.last().expect("a journey has at least one hop")
    }

    /// The frames of every hop, in path order.
    /// What identifies this packet in any capture: its fingerprint and IP identification.
    pub fn identity(&self) -> u64 {
        let id = self.ip_id.map_or(0x1_0000, u64::from);
        self.fingerprint ^ id.wrapping_mul(0x9e37_79b9_7f4a_7c15)
    }

    pub fn frames(&self) -> Vec<u64> {
        self.hops.iter().map(|h| h.seen.frame).collect()
    }

    pub fn start(&self) -> Timestamp {
        self.hops
            .iter()
            .map(|h| h.seen.time)
            .min()
            .unwrap_or(self.first().seen.time)
    }

    fn from_observation(id: u64, obs: Observation) -> Journey {
        Journey {
            id,
            hops: vec![Hop::sighted(&obs, false)],
            ip_id: obs.ip_id,
            tcp: obs.tcp,
            dns: obs.dns,
            icmp: obs.icmp,
            bad_checksum: obs.bad_checksum,
            fate: Fate::Observed {
                interface: obs.seen.interface,
            },
            fingerprint: obs.fingerprint,
            last_seen: obs.seen.time,
        }
    }

    fn last_seen(&self) -> Timestamp {
        self.last_seen
    }

    /// Whether `obs` is another sighting of this packet; `Some(true)` for a duplicate delivery.
    fn accepts(&self, obs: &Observation) -> Option<bool> {
        if obs.fingerprint != self.fingerprint
            || obs.ip_id != self.ip_id
            || self.hops.len() >= MAX_HOPS
        {
            return None;
        }
        let gap = obs.seen.time.nanos_since(self.last_seen());
        if gap.abs() > HOP_WINDOW_NANOS {
            return None;
        }
        let same_place = self.hops.iter().rev().find(|h| {
            h.seen.interface == obs.seen.interface && h.seen.direction == obs.seen.direction
        });
        let same_stage = |hop: &Hop| {
            hop.seen.tuple == obs.seen.tuple
                && hop.seen.encapsulation.is_some() == obs.seen.encapsulation.is_some()
        };
        match same_place {
            None => Some(false),
            // Translated or tunnelled since: another hop, not the endpoint sending again. (An
            // interface may show a packet arriving and, rewritten, leaving again; and SLL v1
            // captures name no interface at all, so every copy is "here".)
            Some(hop) if !same_stage(hop) => Some(false),
            // Seen here already: a duplicate delivery if nearly simultaneous and unchanged;
            // otherwise the endpoint sent it again.
            Some(hop)
                if obs.seen.time.nanos_since(hop.seen.time).abs() <= DUPLICATE_WINDOW_NANOS =>
            {
                Some(true)
            }
            Some(_) => None,
        }
    }

    fn push(&mut self, obs: Observation, duplicate: bool) {
        self.bad_checksum |= obs.bad_checksum;
        self.last_seen = self.last_seen.max(obs.seen.time);
        self.hops.push(Hop::sighted(&obs, duplicate));
    }

    /// Puts the hops in path order and records what changed at each.
    ///
    /// Capture order is nearly path order, but not quite: a bridge in promiscuous mode gets its
    /// copy of a frame it switched after the frame has left by the other port, still with the
    /// addresses it had before NAT. So hops are grouped by addressing stage (the addresses and
    /// encapsulation they show), stages in the order they first appear, and within a stage
    /// sightings of the packet arriving come before sightings of it leaving.
    fn settle(&mut self) {
        if self.hops.len() < 2 {
            return;
        }
        // Rank each addressing stage by its first sighting; a stable sort then keeps capture
        // order among the arrivals and among the departures of each stage.
        let mut stages: smallvec::SmallVec<[(FiveTuple, bool); 4]> = smallvec::SmallVec::new();
        for hop in &self.hops {
            let key = (hop.seen.tuple, hop.seen.encapsulation.is_some());
            if !stages.contains(&key) {
                stages.push(key);
            }
        }
        self.hops.sort_by_key(|h| {
            let stage = stages
                .iter()
                .position(|k| *k == (h.seen.tuple, h.seen.encapsulation.is_some()))
                .unwrap_or(0);
            // A packet's TTL only goes down along its path: a sighting with a lower TTL came
            // later, whatever the capture order (a packet that left through the uplink and came
            // back through another interface, routed outside). Then arrivals before departures.
            (
                stage,
                std::cmp::Reverse(h.seen.ttl),
                h.seen.direction == Direction::Out,
            )
        });
        for i in 1..self.hops.len() {
            let (previous, hop) = (&self.hops[i - 1], &self.hops[i]);
            let mut changes = Vec::new();
            if previous.seen.tuple.destination_endpoint() != hop.seen.tuple.destination_endpoint() {
                changes.push(Change::Destination {
                    from: previous.seen.tuple.destination_endpoint(),
                    to: hop.seen.tuple.destination_endpoint(),
                });
            }
            if previous.seen.tuple.source_endpoint() != hop.seen.tuple.source_endpoint() {
                changes.push(Change::Source {
                    from: previous.seen.tuple.source_endpoint(),
                    to: hop.seen.tuple.source_endpoint(),
                });
            }
            match (previous.seen.encapsulation, hop.seen.encapsulation) {
                (None, Some(outer)) => changes.push(Change::Encapsulated(outer)),
                (Some(outer), None) => changes.push(Change::Decapsulated(outer)),
                _ => {}
            }
            self.hops[i].changes = changes;
        }
    }
}

/// Where addresses live: the interface through which packets from an address first entered
/// the node (a pod's veth, or the uplink towards a remote network), and whether the address is
/// right behind it (its packets arrive unrouted and unencapsulated: a pod on this node).
#[derive(Default, Debug)]
pub struct AddressBook {
    attachment: crate::FastMap<IpAddr, (InterfaceKey, bool)>,
}

impl AddressBook {
    pub fn attachment(&self, address: &IpAddr) -> Option<InterfaceKey> {
        self.attachment.get(address).map(|&(key, _)| key)
    }

    /// Whether `address` sits right behind `interface` (not routed or tunnelled to it).
    pub fn directly_behind(&self, address: &IpAddr, interface: InterfaceKey) -> bool {
        self.attachment.get(address) == Some(&(interface, true))
    }

    fn learn(&mut self, journey: &Journey, host: &host::HostModel) {
        let first = journey.first();
        if first.seen.direction == Direction::Unknown {
            return;
        }
        if host.is_local(first.seen.tuple.source)
            || host.is_loopback_interface(first.seen.interface)
        {
            return;
        }
        if first.seen.direction == Direction::In && self.attachment.len() < MAX_ADDRESSES {
            let direct =
                first.seen.encapsulation.is_none() && matches!(first.seen.ttl, 64 | 128 | 255);
            self.attachment
                .entry(first.seen.tuple.source)
                .or_insert((first.seen.interface, direct));
        }
    }
}

/// Builds journeys from observations in capture order. See the module documentation.
#[derive(Default)]
pub struct JourneyBuilder {
    open: Vec<Option<Journey>>,
    free: Vec<usize>,
    by_fingerprint: rustc_hash::FxHashMap<u64, smallvec::SmallVec<[usize; 2]>>,
    /// (slot, journey id), oldest first; entries of closed journeys are skipped.
    order: VecDeque<(usize, u64)>,
    next_id: u64,
    addresses: AddressBook,
    host: host::HostModel,
    roles: roles::RoleTracker,
    latest: Option<Timestamp>,
}

impl JourneyBuilder {
    pub fn new() -> JourneyBuilder {
        JourneyBuilder::default()
    }

    /// Numbers journeys from `first` (a file's id base when several captures are analysed).
    pub fn start_ids_at(&mut self, first: u64) {
        self.next_id = first;
    }

    /// Adds one observation; journeys that can no longer grow are passed to `on_journey`.
    pub fn add(&mut self, obs: Observation, on_journey: &mut impl FnMut(Journey)) {
        let now = match self.latest {
            Some(latest) if latest > obs.seen.time => latest,
            _ => obs.seen.time,
        };
        self.latest = Some(now);
        self.host.observe(&obs);
        self.close_older_than(now, on_journey);
        let candidates = self
            .by_fingerprint
            .get(&obs.fingerprint)
            .map(|v| v.as_slice())
            .unwrap_or(&[]);
        let mut joined = None;
        // Bounded: a capture of many identical packets in one window must not make each new
        // one scan them all. The most recent candidates are the likely ones.
        for &slot in candidates.iter().rev().take(MAX_CANDIDATES) {
            if let Some(journey) = &self.open[slot] {
                if let Some(duplicate) = journey.accepts(&obs) {
                    joined = Some((slot, duplicate));
                    break;
                }
            }
        }
        match joined {
            Some((slot, duplicate)) => {
                if let Some(journey) = self.open[slot].as_mut() {
                    journey.push(obs, duplicate);
                }
            }
            None => {
                let id = self.next_id;
                self.next_id += 1;
                let journey = Journey::from_observation(id, obs);
                // Where the sender lives is known as soon as the packet is seen entering; the
                // journeys closing meanwhile need it. (Without recorded directions, it is learned
                // when the journey closes.)
                self.addresses.learn(&journey, &self.host);
                let slot = match self.free.pop() {
                    Some(slot) => {
                        self.open[slot] = Some(journey);
                        slot
                    }
                    None => {
                        self.open.push(Some(journey));
                        self.open.len() - 1
                    }
                };
                let fingerprint = self.open[slot].as_ref().map_or(0, |j| j.fingerprint);
                self.by_fingerprint
                    .entry(fingerprint)
                    .or_default()
                    .push(slot);
                self.order.push_back((slot, id));
            }
        }
    }

    /// Closes every journey still open; call at the end of the capture.
    pub fn finish(&mut self, on_journey: &mut impl FnMut(Journey)) {
        while let Some((slot, id)) = self.order.pop_front() {
            self.close(slot, id, on_journey);
        }
    }

    /// Where addresses live, as learned so far.
    pub fn addresses(&self) -> &AddressBook {
        &self.addresses
    }

    /// An interface's name, given by the capture or the user (`lo` is loopback).
    pub fn name_interface(&mut self, key: InterfaceKey, name: &str) {
        self.host.name_interface(key, name);
    }

    /// The host's own addresses, as learned so far.
    pub fn local_addresses(&self) -> Vec<IpAddr> {
        self.host.local_addresses()
    }

    /// Whether the capture holds one interface only, without directions.
    pub fn single_interface(&self) -> bool {
        self.host.single_interface()
    }

    /// Where the capture was taken; `interface_index`: cooked headers named interfaces.
    pub fn vantage(&self, interface_index: bool) -> crate::analysis::VantageReport {
        self.host.vantage(interface_index)
    }

    pub fn is_loopback_interface(&self, key: InterfaceKey) -> bool {
        self.host.is_loopback_interface(key)
    }

    /// The role of each interface seen, with the evidence for it.
    pub fn interface_roles(
        &self,
        names: &HashMap<InterfaceKey, String>,
    ) -> Vec<(InterfaceKey, InterfaceRole, RoleEvidence)> {
        self.roles.roles(names)
    }

    fn close_older_than(&mut self, now: Timestamp, on_journey: &mut impl FnMut(Journey)) {
        while let Some(&(slot, id)) = self.order.front() {
            let Some(journey) = self.open[slot].as_ref().filter(|j| j.id == id) else {
                self.order.pop_front();
                continue;
            };
            if now.nanos_since(journey.last_seen()) <= HOP_WINDOW_NANOS {
                break;
            }
            self.order.pop_front();
            self.close(slot, id, on_journey);
        }
    }

    fn close(&mut self, slot: usize, id: u64, on_journey: &mut impl FnMut(Journey)) {
        let Some(mut journey) = self.open[slot].take_if(|j| j.id == id) else {
            return;
        };
        self.free.push(slot);
        if let Some(slots) = self.by_fingerprint.get_mut(&journey.fingerprint) {
            slots.retain(|s| *s != slot);
            if slots.is_empty() {
                self.by_fingerprint.remove(&journey.fingerprint);
            }
        }
        self.host.infer_directions(&mut journey);
        self.infer_from_addresses(&mut journey);
        journey.settle();
        self.host.learn(&journey);
        self.addresses.learn(&journey, &self.host);
        journey.fate = self.fate(&journey);
        self.roles.record(&journey);
        on_journey(journey);
    }

    /// Sightings whose direction is still unknown (alone on their interface, no MAC learned
    /// yet): a packet seen on an interface other than the one its destination lives behind
    /// was received there; one seen where its destination lives was sent there.
    fn infer_from_addresses(&self, journey: &mut Journey) {
        for hop in &mut journey.hops {
            if hop.seen.direction != Direction::Unknown {
                continue;
            }
            let behind = self.addresses.attachment(&hop.seen.tuple.destination);
            let from = self.addresses.attachment(&hop.seen.tuple.source);
            hop.seen.direction = match (behind, from) {
                (Some(key), _) if key == hop.seen.interface => Direction::Out,
                (Some(_), _) => Direction::In,
                (None, Some(key)) if key == hop.seen.interface => Direction::In,
                _ => continue,
            };
            hop.direction_inferred = true;
        }
    }

    fn fate(&self, journey: &Journey) -> Fate {
        let last = journey.last();
        let interface = last.seen.interface;
        let behind = self.addresses.attachment(&last.seen.tuple.destination);
        let for_host = match last.seen.encapsulation {
            Some(outer) => self.host.is_local(outer.destination),
            None => self.host.is_local(last.seen.tuple.destination),
        };
        match last.seen.direction {
            Direction::Unknown => Fate::Observed { interface },
            Direction::In if for_host => Fate::Local { interface },
            Direction::Out
                if self
                    .addresses
                    .directly_behind(&last.seen.tuple.destination, interface) =>
            {
                Fate::Delivered { interface }
            }
            Direction::Out => Fate::LeftNode { interface },
            // Bigger than any MTU in a Kubernetes network: a super-packet that leaves as pieces.
            Direction::In
                if journey
                    .tcp
                    .is_some_and(|t| t.payload_len > SUPER_PACKET_PAYLOAD) =>
            {
                Fate::Resegmented { interface }
            }
            Direction::In => match behind {
                Some(expected) if expected != interface => Fate::EndedEarly {
                    interface,
                    expected,
                },
                _ => Fate::Arrived { interface },
            },
        }
    }
}

#[cfg(test)]
mod tests;

//! What each interface of the node is — a pod's veth, a bridge, a tunnel device, an uplink —
//! from its name when the capture or the user gives one, else from the traffic, and why.

use std::collections::HashMap;
use std::net::IpAddr;

use crate::i18n::Message;

use serde::{Deserialize, Serialize};

use super::{Change, Direction, InterfaceKey, Journey, TunnelKind};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum InterfaceRole {
    /// The node's end of a pod's veth (or VLAN/ENI): where the pod's packets enter the node.
    PodSide {
        pod: Option<IpAddr>,
    },
    /// A Linux bridge (`cni0`, `cbr0`): packets come in and go out again on it.
    Bridge,
    /// A tunnel device (`flannel.1`, `vxlan.calico`): it holds the inner packets.
    Tunnel,
    /// The node's link to the network (`eth0`), carrying encapsulated or outside traffic.
    Uplink,
    /// `lo`: the host talking to itself (127.0.0.1, ::1, and its own addresses).
    Loopback,
    /// The one interface of a capture of one host's own traffic (a pod's `eth0`).
    Host,
    Unknown,
}

/// Why a role was chosen, in words, with a count that supports it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleEvidence {
    pub reason: Message,
}

/// Addresses we keep per interface for role inference; more means "many".
const MAX_SOURCES: usize = 4;

#[derive(Default, Debug)]
struct Stats {
    hops: u64,
    encapsulated: u64,
    tunnel_kind: Option<TunnelKind>,
    tunnel_peers: Vec<IpAddr>,
    /// Plain hops right next to an encapsulation change in the same journey.
    beside_tunnel: u64,
    /// Came in and went straight out again on this interface.
    forwarded_through: u64,
    /// Went out and came back (translated) on this interface.
    out_and_back: u64,
    /// Entered here right after entering on another interface, or left here right before
    /// leaving by another: the bridge device receiving from, or sending to, one of its ports.
    stacked: u64,
    /// Journeys entering here first whose TTL is still an initial value (64, 128, 255): sent
    /// from right behind this interface, not routed to it.
    unrouted_entries: u64,
    routed_entries: u64,
    /// Sources of journeys whose first sighting is a packet entering here.
    sources_entering: Vec<IpAddr>,
    many_sources: bool,
    /// TCP SYNs and DNS queries first seen entering here.
    starts: u64,
    /// Destinations of journeys delivered out of this interface.
    destinations_leaving: Vec<IpAddr>,
}

fn remember(list: &mut Vec<IpAddr>, many: &mut bool, address: IpAddr) {
    // Link-local and multicast addresses say nothing about where a host lives: every
    // interface has its own fe80:: neighbours, and router solicitations go to ff02::2.
    if is_link_scoped(address) {
        return;
    }
    if !list.contains(&address) {
        if list.len() < MAX_SOURCES {
            list.push(address);
        } else {
            *many = true;
        }
    }
}

fn is_link_scoped(address: IpAddr) -> bool {
    match address {
        IpAddr::V4(a) => {
            a.is_link_local() || a.is_multicast() || a.is_broadcast() || a.is_unspecified()
        }
        IpAddr::V6(a) => {
            (a.segments()[0] & 0xffc0) == 0xfe80 || a.is_multicast() || a.is_unspecified()
        }
    }
}

#[derive(Default, Debug)]
pub(crate) struct RoleTracker {
    stats: crate::FastMap<InterfaceKey, Stats>,
}

impl RoleTracker {
    pub fn record(&mut self, journey: &Journey) {
        // A second delivery of the same sighting says nothing about the path.
        let hops: smallvec::SmallVec<[&super::Hop; 8]> =
            journey.hops.iter().filter(|h| !h.duplicate).collect();
        for (i, &hop) in hops.iter().enumerate() {
            let stats = self.stats.entry(hop.seen.interface).or_default();
            stats.hops += 1;
            if let Some(outer) = hop.seen.encapsulation {
                stats.encapsulated += 1;
                stats.tunnel_kind = Some(outer.kind);
                let mut ignored = false;
                let peer = if hop.seen.direction == Direction::Out {
                    outer.destination
                } else {
                    outer.source
                };
                remember(&mut stats.tunnel_peers, &mut ignored, peer);
            }
            let next_changes_encapsulation = hops.get(i + 1).is_some_and(|next| {
                next.changes
                    .iter()
                    .any(|c| matches!(c, Change::Encapsulated(_)))
            });
            let this_changes_encapsulation = hop
                .changes
                .iter()
                .any(|c| matches!(c, Change::Decapsulated(_)));
            if hop.seen.encapsulation.is_none()
                && (next_changes_encapsulation || this_changes_encapsulation)
            {
                stats.beside_tunnel += 1;
            }
            if let Some(next) = hops.get(i + 1) {
                if next.seen.interface != hop.seen.interface
                    && hop.seen.direction == Direction::Out
                    && next.seen.direction == Direction::Out
                {
                    stats.stacked += 1;
                }
            }
            if i > 0 {
                let previous = hops[i - 1];
                if previous.seen.interface != hop.seen.interface
                    && previous.seen.direction == Direction::In
                    && hop.seen.direction == Direction::In
                {
                    stats.stacked += 1;
                }
            }
            if let Some(next) = hops.get(i + 1) {
                if next.seen.interface == hop.seen.interface {
                    match (hop.seen.direction, next.seen.direction) {
                        (Direction::In, Direction::Out) => stats.forwarded_through += 1,
                        (Direction::Out, Direction::In) => stats.out_and_back += 1,
                        _ => {}
                    }
                }
            }
        }
        let first = journey.first();
        if first.seen.direction == Direction::In {
            let stats = self.stats.entry(first.seen.interface).or_default();
            let mut many = stats.many_sources;
            remember(
                &mut stats.sources_entering,
                &mut many,
                first.seen.tuple.source,
            );
            stats.many_sources = many;
            if matches!(first.seen.ttl, 64 | 128 | 255) {
                stats.unrouted_entries += 1;
            } else {
                stats.routed_entries += 1;
            }
            let is_start = journey.tcp.is_some_and(|t| t.flags & 0x012 == 0x002)
                || journey.dns.as_ref().is_some_and(|d| !d.response);
            if is_start {
                stats.starts += 1;
            }
        }
        let last = journey.last();
        if last.seen.direction == Direction::Out {
            let stats = self.stats.entry(last.seen.interface).or_default();
            let mut ignored = false;
            remember(
                &mut stats.destinations_leaving,
                &mut ignored,
                last.seen.tuple.destination,
            );
        }
    }

    pub fn roles(
        &self,
        names: &HashMap<InterfaceKey, String>,
    ) -> Vec<(InterfaceKey, InterfaceRole, RoleEvidence)> {
        let mut keys: Vec<InterfaceKey> = self
            .stats
            .keys()
            .copied()
            .chain(names.keys().copied())
            .collect();
        keys.sort_unstable();
        keys.dedup();
        let empty = Stats::default();
        let mut roles = keys
            .into_iter()
            .map(|key| {
                let stats = self.stats.get(&key).unwrap_or(&empty);
                let (role, reason) = match names
                    .get(&key)
                    .and_then(|name| role_from_name(name).map(|r| (r, name)))
                {
                    Some((role, name)) => {
                        let role = match role {
                            InterfaceRole::PodSide { .. } => InterfaceRole::PodSide {
                                pod: single_pod(stats),
                            },
                            other => other,
                        };
                        (role, Message::new("role-why-named").with("name", name))
                    }
                    None => role_from_traffic(stats),
                };
                (key, role, RoleEvidence { reason })
            })
            .collect::<Vec<_>>();
        to_local_pods_is_the_bridge(&mut roles, &self.stats);
        roles
    }
}

/// An interface that only ever sends to pods whose veths are this node's, and receives
/// nothing, is the bridge the node reaches its own pods through (a Service call translated
/// back to a pod of this node), not a way out of the node.
fn to_local_pods_is_the_bridge(
    roles: &mut [(InterfaceKey, InterfaceRole, RoleEvidence)],
    stats: &crate::FastMap<InterfaceKey, Stats>,
) {
    let local_pods: Vec<IpAddr> = roles
        .iter()
        .filter_map(|(_, role, _)| match role {
            InterfaceRole::PodSide { pod: Some(pod) } => Some(*pod),
            _ => None,
        })
        .collect();
    if local_pods.is_empty() {
        return;
    }
    for (key, role, evidence) in roles.iter_mut() {
        let Some(stats) = stats.get(key) else {
            continue;
        };
        let only_to_local_pods = *role == InterfaceRole::Uplink
            && evidence.reason.id == "role-why-passes"
            && stats.sources_entering.is_empty()
            && !stats.destinations_leaving.is_empty()
            && stats
                .destinations_leaving
                .iter()
                .all(|d| local_pods.contains(d));
        if only_to_local_pods {
            *role = InterfaceRole::Bridge;
            evidence.reason = Message::new("role-why-to-local-pods").with(
                "pods",
                stats
                    .destinations_leaving
                    .iter()
                    .map(|a| a.to_string())
                    .collect::<Vec<_>>()
                    .join(", "),
            );
        }
    }
}

fn single_pod(stats: &Stats) -> Option<IpAddr> {
    match stats.sources_entering.as_slice() {
        [only] if !stats.many_sources => Some(*only),
        _ => None,
    }
}

/// Conventional interface names of container networking.
pub fn role_from_name(name: &str) -> Option<InterfaceRole> {
    let starts = |prefixes: &[&str]| prefixes.iter().any(|p| name.starts_with(p));
    if name == "lo" {
        return Some(InterfaceRole::Loopback);
    }
    if starts(&[
        "flannel",
        "vxlan",
        "cilium_vxlan",
        "cilium_geneve",
        "genev",
        "tunl",
        "weave",
        "ipip",
        "gre",
        "tun",
    ]) {
        Some(InterfaceRole::Tunnel)
    } else if starts(&[
        "cni",
        "cbr",
        "docker",
        "br-",
        "kube-bridge",
        "virbr",
        "cilium_host",
    ]) {
        Some(InterfaceRole::Bridge)
    } else if starts(&[
        "veth", "cali", "lxc", "eni", "vlan", "tap", "gke", "azv", "pod",
    ]) {
        Some(InterfaceRole::PodSide { pod: None })
    } else if starts(&["eth", "ens", "enp", "eno", "bond", "wl", "trunk", "em"]) {
        Some(InterfaceRole::Uplink)
    } else {
        None
    }
}

fn role_from_traffic(stats: &Stats) -> (InterfaceRole, Message) {
    let list = |addresses: &[IpAddr]| {
        addresses
            .iter()
            .map(|a| a.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    if stats.encapsulated > 0 {
        let kind = match stats.tunnel_kind {
            Some(TunnelKind::Vxlan) => "VXLAN",
            Some(TunnelKind::Geneve) => "Geneve",
            Some(TunnelKind::Gre) => "GRE",
            _ => "IP-in-IP",
        };
        return (
            InterfaceRole::Uplink,
            Message::new("role-why-tunnel-carrier")
                .count("count", stats.encapsulated)
                .with("kind", kind)
                .with("peers", list(&stats.tunnel_peers)),
        );
    }
    if stats.beside_tunnel > 0 {
        return (
            InterfaceRole::Tunnel,
            Message::new("role-why-inner").count("count", stats.beside_tunnel),
        );
    }
    if stats.forwarded_through > 0 {
        return (
            InterfaceRole::Bridge,
            Message::new("role-why-forwarded").count("count", stats.forwarded_through),
        );
    }
    if let Some(pod) = single_pod(stats) {
        // A pod's packets reach its veth unrouted; a remote pod's reach the uplink routed.
        if stats.routed_entries == 0
            && (stats.starts > 0 || stats.destinations_leaving.contains(&pod))
        {
            return (
                InterfaceRole::PodSide { pod: Some(pod) },
                Message::new("role-why-pod-veth").with("pod", pod),
            );
        }
    }
    if stats.stacked > 0 {
        return (
            InterfaceRole::Bridge,
            Message::new("role-why-stacked").count("count", stats.stacked),
        );
    }
    if stats.out_and_back > 0 {
        return (
            InterfaceRole::Uplink,
            Message::new("role-why-out-and-back").count("count", stats.out_and_back),
        );
    }
    if stats.many_sources || stats.sources_entering.len() > 1 {
        return (
            InterfaceRole::Uplink,
            Message::new("role-why-many-sources").with(
                "sources",
                format!(
                    "{}{}",
                    list(&stats.sources_entering),
                    if stats.many_sources { ", …" } else { "" }
                ),
            ),
        );
    }
    if !stats.sources_entering.is_empty() || !stats.destinations_leaving.is_empty() {
        return (
            InterfaceRole::Uplink,
            Message::new("role-why-passes").with(
                "peers",
                list(if stats.sources_entering.is_empty() {
                    &stats.destinations_leaving
                } else {
                    &stats.sources_entering
                }),
            ),
        );
    }
    (InterfaceRole::Unknown, Message::new("role-why-too-little"))
}

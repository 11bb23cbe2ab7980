//! What happened in a capture, as data: the capture itself, the node's interfaces, every
//! connection, DNS and UDP exchange, and the journeys that matter. Built by
//! [`crate::analyzer::Analyzer`]; the signatures read it and say what it means
//! ([`crate::report::Report`] is the two together). Plain typed data: words are made from it at
//! the edges ([`crate::words`]), never parsed back.

use std::collections::HashMap;

use crate::i18n::Message;
use serde::{Deserialize, Serialize};

use crate::capture::Timestamp;
use crate::connection::{Connection, DnsQuery, UdpExchange};
use std::net::IpAddr;

use crate::journey::{Direction, Encapsulation, Endpoint, Fate, InterfaceKey, InterfaceRole};
use crate::summary::CaptureSummary;

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Analysis {
    /// What the capture holds; its `vantage` says where it was taken.
    pub capture: CaptureSummary,
    pub interfaces: Vec<InterfaceReport>,
    pub connections: Vec<Connection>,
    pub dns: Vec<DnsQuery>,
    /// UDP exchanges other than DNS.
    pub udp: Vec<UdpExchange>,
    /// Journeys worth showing (handshakes, resets, DNS, non-TCP, anything that ended early),
    /// in id order.
    pub journeys: Vec<JourneyReport>,
    /// All journeys, including the data segments not listed.
    pub journeys_total: u64,
}

impl Analysis {
    /// Where the capture was taken.
    pub fn vantage(&self) -> Vantage {
        self.capture
            .vantage
            .as_ref()
            .map_or(Vantage::Unknown, |v| v.vantage)
    }

    /// The journey with this id, if it was kept.
    pub fn journey(&self, id: u64) -> Option<&JourneyReport> {
        let at = self.journeys.binary_search_by_key(&id, |j| j.id).ok()?;
        self.journeys.get(at)
    }

    pub fn connection(&self, id: u64) -> Option<&Connection> {
        // Connections are numbered from 1 in order.
        self.connections
            .get((id as usize).wrapping_sub(1))
            .filter(|c| c.id == id)
            .or_else(|| self.connections.iter().find(|c| c.id == id))
    }

    pub fn interface(&self, key: InterfaceKey) -> Option<&InterfaceReport> {
        self.interfaces.iter().find(|i| i.key == key)
    }

    /// The name the analysis uses for an interface key.
    pub fn interface_name(&self, key: InterfaceKey) -> String {
        self.interface(key)
            .map_or_else(|| unnamed_interface(key), |i| i.name.clone())
    }
}

/// What an interface is called when nothing names it: `if3` for SLL2 interface index 3.
pub fn unnamed_interface(key: InterfaceKey) -> String {
    format!("if{}", crate::files::interface_index(key))
}

/// The name for `key`: the one given, or [`unnamed_interface`].
pub fn interface_name(names: &HashMap<InterfaceKey, String>, key: InterfaceKey) -> String {
    names
        .get(&key)
        .cloned()
        .unwrap_or_else(|| unnamed_interface(key))
}

/// Where the capture was taken, as the traffic shows it. What a signature can conclude, and
/// which capture would tell more, depends on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Vantage {
    /// `tcpdump -i any` on a node: all its interfaces, with directions (Linux cooked headers;
    /// `interface_index` is false for SLL v1, which does not say which interface).
    NodeAllInterfaces {
        interface_index: bool,
    },
    /// Several interfaces captured each on its own (Wireshark, dumpcap): no directions.
    NodePerInterface {
        interfaces: usize,
    },
    /// One host's own traffic on one interface: inside a pod (`kubectl debug`, `nsenter …
    /// tcpdump -i eth0`), or a host's only interface.
    Endpoint {
        address: IpAddr,
    },
    /// A node's uplink alone: traffic between nodes (tunnels) and the node's own; packets may
    /// leave and come back rewritten by a load balancer.
    NodeUplink {
        address: Option<IpAddr>,
    },
    /// A device in the path (load balancer, router, middlebox): packets come in on its
    /// interface and leave again rewritten.
    InPath,
    Unknown,
}

impl Vantage {
    /// A capture that sees only what one endpoint sent and received.
    pub fn is_endpoint(&self) -> bool {
        matches!(self, Vantage::Endpoint { .. })
    }
}

/// The vantage point and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VantageReport {
    #[serde(flatten)]
    pub vantage: Vantage,
    /// The evidence.
    pub why: Message,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct InterfaceReport {
    pub key: InterfaceKey,
    /// The capture it is in (0 with one capture).
    #[serde(default)]
    pub file: u32,
    pub name: String,
    pub role: InterfaceRole,
    /// The evidence for the role.
    pub why: Message,
}

/// What kind of packet a journey carried: what the pictures and readers need to know without
/// reading its description.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PacketKind {
    Syn,
    SynAck,
    /// A reset (RST, with or without ACK).
    Rst,
    Fin,
    /// A TCP segment carrying data.
    Data,
    /// A TCP segment with only an acknowledgment.
    Ack,
    DnsQuery,
    DnsAnswer,
    /// An ICMP or ICMPv6 error about another packet (unreachable, too big, time exceeded).
    IcmpError,
    Other,
}

/// One transmitted packet and every place it was seen.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct JourneyReport {
    pub id: u64,
    pub kind: PacketKind,
    /// A label for display, e.g. `TCP SYN`, `DNS query AAAA example.com (id 0x0b96)`.
    pub packet: String,
    /// Frame numbers (1-based, as in Wireshark) in path order.
    pub frames: Vec<u64>,
    pub hops: Vec<HopReport>,
    pub fate: Fate,
    pub bad_checksum: bool,
    /// The same packet seen in several captures has the same identity (what NAT and tunnels
    /// leave alone: IP identification, TCP sequence and flags, payload).
    #[serde(default)]
    pub identity: u64,
}

impl JourneyReport {
    pub fn first_hop(&self) -> &HopReport {
        &self.hops[0]
    }

    pub fn last_hop(&self) -> &HopReport {
        self.hops.last().expect("a journey has at least one hop")
    }

    /// The sighting in `frame`, if it is one of this journey's.
    pub fn hop_of_frame(&self, frame: u64) -> Option<&HopReport> {
        self.hops.iter().find(|h| h.frame == frame)
    }
}

/// One sighting of a journey's packet. As JSON, `frame` is the number the frame has in its
/// own capture (`file`), as Wireshark shows it there; inside, it is the frame's id.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(into = "HopWire", from = "HopWire")]
pub struct HopReport {
    /// The frame's id ([`crate::files`]: with one capture, its frame number).
    pub frame: u64,
    /// The capture it is in (an index into `capture.files`; 0 with one capture).
    #[serde(default)]
    pub file: u32,
    pub time: Timestamp,
    pub interface: InterfaceKey,
    pub interface_name: String,
    pub direction: Direction,
    /// The innermost packet's addresses here.
    pub from: Endpoint,
    pub to: Endpoint,
    /// What changed since the previous sighting.
    pub changes: Vec<HopChange>,
    /// The outer headers, when the packet was inside a tunnel here.
    pub encapsulation: Option<Encapsulation>,
    pub duplicate: bool,
    /// The same sighting in other captures of the same interface (frame ids): two captures
    /// taken at one place hold one sighting, not two.
    pub copies: Vec<u64>,
}

/// A frame by its capture and its number there, as JSON names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FrameAt {
    pub file: u32,
    pub frame: u64,
}

/// A [`HopReport`] as JSON: the frame by its number in its own capture.
#[derive(Serialize, Deserialize)]
struct HopWire {
    frame: u64,
    #[serde(default)]
    file: u32,
    time: Timestamp,
    interface: InterfaceKey,
    interface_name: String,
    direction: Direction,
    from: Endpoint,
    to: Endpoint,
    changes: Vec<HopChange>,
    encapsulation: Option<Encapsulation>,
    duplicate: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    copies: Vec<FrameAt>,
}

impl From<HopReport> for HopWire {
    fn from(hop: HopReport) -> HopWire {
        HopWire {
            frame: crate::files::frame_number(hop.frame),
            file: hop.file,
            time: hop.time,
            interface: hop.interface,
            interface_name: hop.interface_name,
            direction: hop.direction,
            from: hop.from,
            to: hop.to,
            changes: hop.changes,
            encapsulation: hop.encapsulation,
            duplicate: hop.duplicate,
            copies: hop
                .copies
                .iter()
                .map(|&id| FrameAt {
                    file: crate::files::file_of(id),
                    frame: crate::files::frame_number(id),
                })
                .collect(),
        }
    }
}

impl From<HopWire> for HopReport {
    fn from(wire: HopWire) -> HopReport {
        HopReport {
            frame: crate::files::frame_id(wire.file, wire.frame),
            file: wire.file,
            time: wire.time,
            interface: wire.interface,
            interface_name: wire.interface_name,
            direction: wire.direction,
            from: wire.from,
            to: wire.to,
            changes: wire.changes,
            encapsulation: wire.encapsulation,
            duplicate: wire.duplicate,
            copies: wire
                .copies
                .iter()
                .map(|at| crate::files::frame_id(at.file, at.frame))
                .collect(),
        }
    }
}

/// A rewrite between two sightings of a packet. Knowing which end of its connection sent the
/// packet names the NAT step: the client's packets are DNATed and SNATed; the server's replies
/// get those undone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum HopChange {
    Dnat {
        before: Endpoint,
        after: Endpoint,
    },
    Snat {
        before: Endpoint,
        after: Endpoint,
    },
    UnDnat {
        before: Endpoint,
        after: Endpoint,
    },
    UnSnat {
        before: Endpoint,
        after: Endpoint,
    },
    /// The destination changed on a packet of no known connection.
    Destination {
        before: Endpoint,
        after: Endpoint,
    },
    /// The source changed on a packet of no known connection.
    Source {
        before: Endpoint,
        after: Endpoint,
    },
    Encapsulation {
        tunnel: Encapsulation,
    },
    Decapsulation {
        tunnel: Encapsulation,
    },
}

impl HopChange {
    pub fn is_dnat(&self) -> bool {
        matches!(self, HopChange::Dnat { .. })
    }

    /// The endpoints before and after an address rewrite; `None` for tunnels.
    pub fn rewrite(&self) -> Option<(Endpoint, Endpoint)> {
        match *self {
            HopChange::Dnat { before, after }
            | HopChange::Snat { before, after }
            | HopChange::UnDnat { before, after }
            | HopChange::UnSnat { before, after }
            | HopChange::Destination { before, after }
            | HopChange::Source { before, after } => Some((before, after)),
            HopChange::Encapsulation { .. } | HopChange::Decapsulation { .. } => None,
        }
    }
}

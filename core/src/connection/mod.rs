//! Journeys → connections: TCP connections seen from the endpoint that opened them, with the
//! legs NAT made of them, DNS exchanges and other UDP exchanges.
//!
//! A connection is keyed by every address pair any of its packets showed at any hop, so the
//! client's view (client → ClusterIP), the node's (client → NodePort) and the backend's
//! (client → pod) are one connection with several legs.

mod dns;
mod tcp;
mod udp;

use serde::{Deserialize, Serialize};

use crate::capture::Timestamp;
use crate::journey::{Direction, Endpoint, Hop, InterfaceKey, Journey};

pub use dns::{DnsAnswer, DnsOutcome, DnsQuery, DnsTracker};
pub use tcp::{
    Connection, IcmpError, IcmpReason, Idle, Outcome, Reply, Reset, Retransmission, TcpTracker,
};
pub use udp::{UdpExchange, UdpOutcome, UdpTracker};

/// Which end of a connection.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Side {
    Client,
    Server,
}

impl Side {
    pub fn other(self) -> Side {
        match self {
            Side::Client => Side::Server,
            Side::Server => Side::Client,
        }
    }
}

/// One value for each end of a connection.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BySide<T> {
    pub client: T,
    pub server: T,
}

impl<T> BySide<T> {
    pub fn get(&self, side: Side) -> &T {
        match side {
            Side::Client => &self.client,
            Side::Server => &self.server,
        }
    }

    pub fn get_mut(&mut self, side: Side) -> &mut T {
        match side {
            Side::Client => &mut self.client,
            Side::Server => &mut self.server,
        }
    }
}

/// One transmission by the client: a SYN, or a DNS query.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Attempt {
    /// Where the client sent it (the sighting nearest to the client).
    pub frame: u64,
    pub time: Timestamp,
    /// Seconds since the previous transmission of the same SYN or query.
    pub gap: Option<f64>,
    /// Every sighting of this transmission, in path order.
    pub frames: Vec<u64>,
    pub journey: u64,
}

impl Attempt {
    /// The transmission `journey` makes, following `attempts`.
    pub(crate) fn next(attempts: &[Attempt], journey: &Journey) -> Attempt {
        let first = journey.first();
        let gap = attempts
            .last()
            .map(|a| first.seen.time.nanos_since(a.time) as f64 / 1e9);
        Attempt {
            frame: first.seen.frame,
            time: first.seen.time,
            gap,
            frames: journey.frames(),
            journey: journey.id,
        }
    }
}

/// An address pair the connection showed, in path order of the first SYN.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Leg {
    pub from: Endpoint,
    pub to: Endpoint,
    pub frames: Vec<u64>,
    /// Where this leg's addresses were made from the previous leg's (`None` for the client's
    /// own view). What changed is the difference between the two legs.
    pub via: Option<LegVia>,
}

/// A frame and the interface it was seen on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FrameAt {
    pub frame: u64,
    pub interface: InterfaceKey,
}

/// Where a packet's addresses were rewritten between two sightings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum LegVia {
    /// On the node, between two sightings (netfilter's NAT).
    OnNode { before: FrameAt, after: FrameAt },
    /// Outside the node: the packet left through an interface and came back in on it
    /// rewritten (a load balancer, a NAT gateway).
    OutsideNode { left: FrameAt, back: FrameAt },
}

impl LegVia {
    pub fn is_outside_node(&self) -> bool {
        matches!(self, LegVia::OutsideNode { .. })
    }
}

/// The address pairs a SYN showed along its path, and where each new one came from.
pub(crate) fn legs(hops: &[Hop]) -> Vec<Leg> {
    let mut legs: Vec<Leg> = Vec::new();
    let mut previous: Option<&Hop> = None;
    for hop in hops {
        let (from, to) = (
            hop.seen.tuple.source_endpoint(),
            hop.seen.tuple.destination_endpoint(),
        );
        match legs.last_mut() {
            Some(leg) if leg.from == from && leg.to == to => leg.frames.push(hop.seen.frame),
            _ => {
                let via = previous.map(|p| step_between(p, hop));
                legs.push(Leg {
                    from,
                    to,
                    frames: vec![hop.seen.frame],
                    via,
                });
            }
        }
        previous = Some(hop);
    }
    legs
}

/// Where one hop's addresses became the next's: on the node, or outside it.
fn step_between(previous: &Hop, hop: &Hop) -> LegVia {
    let (before, after) = (
        FrameAt {
            frame: previous.seen.frame,
            interface: previous.seen.interface,
        },
        FrameAt {
            frame: hop.seen.frame,
            interface: hop.seen.interface,
        },
    );
    if previous.seen.interface == hop.seen.interface
        && previous.seen.direction == Direction::Out
        && hop.seen.direction == Direction::In
    {
        LegVia::OutsideNode {
            left: before,
            back: after,
        }
    } else {
        LegVia::OnNode { before, after }
    }
}

//! UDP exchanges other than DNS: datagrams between two sockets, stitched across NAT like TCP
//! connections, with what became of the replies.

use serde::{Deserialize, Serialize};

use super::{legs, Leg, Side};
use crate::journey::{Endpoint, Fate, FiveTuple, Journey};

const PROTOCOL_UDP: u8 = 17;
/// Frames listed per direction; the rest are counted.
const MAX_LISTED: usize = 64;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum UdpOutcome {
    /// At least one reply reached the client.
    Answered,
    /// Replies arrived on the node but none reached the client.
    RepliesLostOnNode,
    /// Datagrams one way only.
    OneWay,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct UdpExchange {
    pub id: u64,
    /// The socket that sent first.
    pub client: Endpoint,
    /// Where it sent, as it addressed it.
    pub server: Endpoint,
    pub legs: Vec<Leg>,
    pub from_client: u64,
    pub from_server: u64,
    /// First sighting of the first datagrams each way (up to 64 each).
    pub client_frames: Vec<u64>,
    pub server_frames: Vec<u64>,
    /// Replies last seen arriving on the node short of the client.
    pub replies_ended_early: Vec<u64>,
    pub replies_delivered: u64,
    pub outcome: UdpOutcome,
}

#[derive(Default)]
pub struct UdpTracker {
    exchanges: Vec<UdpExchange>,
    by_tuple: crate::FastMap<FiveTuple, usize>,
}

impl UdpTracker {
    pub fn new() -> UdpTracker {
        UdpTracker::default()
    }

    /// Adds a UDP journey that is not DNS; returns which end sent it.
    pub fn add(&mut self, journey: &Journey) -> Option<Side> {
        let first = journey.first();
        if first.seen.tuple.protocol != PROTOCOL_UDP || journey.dns.is_some() {
            return None;
        }
        // Tunnel datagrams whose payload is not IP (ARP inside VXLAN) carry no exchange of
        // their own.
        let tunnel_port = |p: u16| matches!(p, 4789 | 8472 | 6081);
        if tunnel_port(first.seen.tuple.source_port)
            || tunnel_port(first.seen.tuple.destination_port)
        {
            return None;
        }
        let found = journey.hops.iter().find_map(|h| {
            self.by_tuple
                .get(&h.seen.tuple)
                .or_else(|| self.by_tuple.get(&h.seen.tuple.reversed()))
                .copied()
        });
        let index = match found {
            Some(index) => index,
            None => {
                self.exchanges.push(UdpExchange {
                    id: self.exchanges.len() as u64 + 1,
                    client: first.seen.tuple.source_endpoint(),
                    server: first.seen.tuple.destination_endpoint(),
                    legs: legs(&journey.hops),
                    from_client: 0,
                    from_server: 0,
                    client_frames: Vec::new(),
                    server_frames: Vec::new(),
                    replies_ended_early: Vec::new(),
                    replies_delivered: 0,
                    outcome: UdpOutcome::OneWay,
                });
                self.exchanges.len() - 1
            }
        };
        for hop in &journey.hops {
            self.by_tuple.entry(hop.seen.tuple).or_insert(index);
        }
        let exchange = &mut self.exchanges[index];
        let from_client = journey
            .hops
            .iter()
            .any(|h| h.seen.tuple.source_endpoint() == exchange.client)
            || exchange.legs.iter().any(|l| {
                journey.hops.iter().any(|h| {
                    h.seen.tuple.source_endpoint() == l.from
                        && h.seen.tuple.destination_endpoint() == l.to
                })
            });
        if from_client {
            exchange.from_client += 1;
            if exchange.client_frames.len() < MAX_LISTED {
                exchange.client_frames.push(first.seen.frame);
            }
            return Some(Side::Client);
        }
        exchange.from_server += 1;
        if exchange.server_frames.len() < MAX_LISTED {
            exchange.server_frames.push(first.seen.frame);
        }
        match journey.fate {
            Fate::EndedEarly { .. } => {
                if exchange.replies_ended_early.len() < MAX_LISTED {
                    exchange.replies_ended_early.push(journey.last().seen.frame);
                }
            }
            _ => exchange.replies_delivered += 1,
        }
        Some(Side::Server)
    }

    pub fn finish(mut self) -> Vec<UdpExchange> {
        for exchange in &mut self.exchanges {
            exchange.outcome = if exchange.replies_delivered > 0 {
                UdpOutcome::Answered
            } else if !exchange.replies_ended_early.is_empty() {
                UdpOutcome::RepliesLostOnNode
            } else {
                UdpOutcome::OneWay
            };
        }
        self.exchanges
    }
}

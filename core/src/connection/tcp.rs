//! TCP connections, from the client's side: attempts, SYN-ACKs, resets, legs across NAT,
//! retransmitted data and ICMP errors, and how the opening handshake went.

use std::collections::VecDeque;
use std::net::IpAddr;

use serde::{Deserialize, Serialize};

use super::{legs, Attempt, BySide, Leg, Side};
use crate::capture::Timestamp;
use crate::decode::tcp_flags::{ACK, FIN, RST, SYN};
use crate::journey::{Endpoint, Fate, FiveTuple, Hop, InterfaceKey, Journey};

/// How the opening handshake went, from the client's side.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// The client acknowledged a SYN-ACK.
    Established,
    /// The client answered every SYN-ACK it got with a reset and never connected.
    ResetByClient,
    /// The server answered the SYN with a reset (nothing listening, or a policy reject).
    Refused,
    /// No SYN-ACK reached the client; it stopped retrying before the capture ended.
    GaveUp,
    /// No SYN-ACK reached the client, and it was still retrying when the capture ended.
    Unanswered,
    /// The capture starts after the handshake.
    MidStream,
}

/// A packet of the handshake from the server's side or a reset, as it travelled.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Reply {
    pub frames: Vec<u64>,
    pub journey: u64,
    /// The address it carried where it was last seen (at the client, if it got there).
    pub from: Endpoint,
    pub to: Endpoint,
    pub last_frame: u64,
    pub last_interface: InterfaceKey,
    pub fate: Fate,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Reset {
    pub by: Side,
    pub frames: Vec<u64>,
    pub journey: u64,
    pub from: Endpoint,
    pub to: Endpoint,
    #[serde(default)]
    pub time: Timestamp,
    /// Its TTL (hop limit) where first seen.
    #[serde(default)]
    pub ttl: u8,
    /// The TTL the same end's earlier packets had on the same interface: a reset with another
    /// one was sent by something else on the path (a load balancer, a firewall) in its name.
    #[serde(default)]
    pub usual_ttl: Option<u8>,
}

/// The longest silence of an open connection, and the packet that broke it.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Idle {
    pub seconds: f64,
    /// The last packet before the silence.
    pub last_frame: u64,
    /// The first packet after it, and which end sent it.
    pub resumed_frame: u64,
    pub resumed_time: Timestamp,
    pub resumed_by: Side,
    pub resumed_journey: u64,
    /// Whether it carried data (not a bare acknowledgment or keepalive).
    pub resumed_with_data: bool,
}

/// Silences shorter than this are not kept as the connection's idle time.
const IDLE_NOTABLE_SECONDS: f64 = 1.0;

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Connection {
    pub id: u64,
    /// The client as it sees itself.
    pub client: Endpoint,
    /// The server as the client dialled it.
    pub server: Endpoint,
    pub legs: Vec<Leg>,
    pub attempts: Vec<Attempt>,
    pub syn_acks: Vec<Reply>,
    pub resets: Vec<Reset>,
    pub outcome: Outcome,
    /// Seconds from the first SYN to the client's ACK of the SYN-ACK, at the client.
    pub time_to_connect: Option<f64>,
    pub established_frame: Option<u64>,
    /// Data-carrying segments seen after the handshake (each counted once, not per hop).
    pub data_segments: u64,
    pub fin_frames: Vec<u64>,
    /// Which end closed first (it then holds the ports in TIME_WAIT).
    #[serde(default)]
    pub first_fin_by: Option<Side>,
    /// ICMP errors about this connection's packets (unreachable, fragmentation needed...).
    pub icmp_errors: Vec<IcmpError>,
    /// Data segments sent more than once by an endpoint (up to 64).
    pub retransmissions: Vec<Retransmission>,
    pub first_frame: u64,
    pub last_frame: u64,
    /// Acknowledgments from the server that answered a SYN instead of a SYN-ACK: a server
    /// still holding an older connection on the same ports (TIME_WAIT) sends one (RFC 5961).
    #[serde(default)]
    pub challenge_acks: Vec<Reply>,
    /// The server's packets, after the handshake, that crossed the node towards the client
    /// still carrying the backend's address: the reverse NAT skipped them (up to 8).
    #[serde(default)]
    pub untranslated: Vec<Reply>,
    /// The longest silence after the handshake (at least a second), if any.
    #[serde(default)]
    pub idle: Option<Idle>,
    /// The largest data segment of each end that the other acknowledged, in bytes: the path
    /// carried segments that size.
    #[serde(default)]
    pub largest_acknowledged: BySide<u32>,
    /// The last frame in which each end acknowledged new data from the other.
    #[serde(default)]
    pub last_new_ack: BySide<Option<u64>>,
}

impl Connection {
    /// Every frame that shows the handshake: attempts, SYN-ACKs, resets.
    pub fn evidence(&self) -> Vec<u64> {
        let mut frames: Vec<u64> = self
            .attempts
            .iter()
            .flat_map(|a| a.frames.iter().copied())
            .chain(self.syn_acks.iter().flat_map(|r| r.frames.iter().copied()))
            .chain(self.resets.iter().flat_map(|r| r.frames.iter().copied()))
            .collect();
        frames.sort_unstable();
        frames.dedup();
        frames
    }

    /// The gaps between successive SYN attempts, in seconds.
    pub fn retry_gaps(&self) -> Vec<f64> {
        self.attempts.iter().filter_map(|a| a.gap).collect()
    }
}

/// An ICMP error about one of the connection's packets.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct IcmpError {
    pub frames: Vec<u64>,
    /// When it was sent.
    pub time: crate::capture::Timestamp,
    pub journey: u64,
    /// Who sent it (a router, the node, the destination).
    pub from: IpAddr,
    /// What it says.
    pub reason: IcmpReason,
    pub unreachable: bool,
    pub mtu: Option<u32>,
    pub fate: Fate,
}

/// What an ICMP or ICMPv6 error says, as far as a connection is concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum IcmpReason {
    NetworkUnreachable,
    /// Often a failed neighbour lookup: the destination is gone.
    HostUnreachable,
    /// A REJECT rule's default answer (kube-proxy's for a Service without endpoints).
    PortUnreachable,
    /// A REJECT rule with `--reject-with icmp-admin-prohibited` (policy engines, firewalls).
    AdministrativelyProhibited,
    /// Fragmentation needed (IPv4) or packet too big (IPv6): path MTU discovery.
    FragmentationNeeded,
    TimeExceeded,
    Other,
}

impl IcmpReason {
    pub fn of(icmp: &crate::journey::IcmpFields) -> IcmpReason {
        match (icmp.version6, icmp.icmp_type, icmp.code) {
            (false, 3, 0) | (true, 1, 0) => IcmpReason::NetworkUnreachable,
            (false, 3, 1) | (true, 1, 3) => IcmpReason::HostUnreachable,
            (false, 3, 3) | (true, 1, 4) => IcmpReason::PortUnreachable,
            (false, 3, 9 | 10 | 13) | (true, 1, 1) => IcmpReason::AdministrativelyProhibited,
            (false, 3, 4) | (true, 2, _) => IcmpReason::FragmentationNeeded,
            (false, 11, _) | (true, 3, _) => IcmpReason::TimeExceeded,
            _ => IcmpReason::Other,
        }
    }
}

impl Reply {
    /// The answer `journey` carries, as last seen.
    fn of(journey: &Journey) -> Reply {
        let last = journey.last();
        Reply {
            frames: journey.frames(),
            journey: journey.id,
            from: last.seen.tuple.source_endpoint(),
            to: last.seen.tuple.destination_endpoint(),
            last_frame: last.seen.frame,
            last_interface: last.seen.interface,
            fate: journey.fate,
        }
    }
}

/// A data segment an endpoint sent more than once.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Retransmission {
    pub by: Side,
    pub sequence: u32,
    /// Payload bytes of the latest transmission.
    pub length: u32,
    /// The first sighting of each transmission.
    pub frames: Vec<u64>,
    /// When each transmission was sent (first seen).
    #[serde(default)]
    pub times: Vec<Timestamp>,
    pub journeys: Vec<u64>,
    /// Whether the other end ever acknowledged it.
    pub acknowledged: bool,
    /// The interface its transmissions were seen leaving the node through, if any was.
    pub left_through: Option<crate::journey::InterfaceKey>,
    /// Packets from the other end while it was being resent unacknowledged: duplicate ACKs,
    /// answers to zero-window probes. The other end is alive and still talking.
    #[serde(default)]
    pub answers: u32,
}

/// A data segment not yet acknowledged.
#[derive(Clone, Debug)]
struct InFlight {
    length: u32,
    /// When it was last sent: sightings closer than a retransmission can be are one send.
    last_sent: Timestamp,
    /// The first send (frame, time, journey), and the others: most segments are sent once,
    /// and cost no allocation.
    first: Option<(u64, Timestamp, u64)>,
    again: Vec<(u64, Timestamp, u64)>,
    retransmission: Option<usize>,
}

impl InFlight {
    fn sends(&self) -> impl Iterator<Item = &(u64, Timestamp, u64)> {
        self.first.iter().chain(&self.again)
    }

    fn frames(&self) -> Vec<u64> {
        self.sends().map(|s| s.0).collect()
    }

    fn times(&self) -> Vec<Timestamp> {
        self.sends().map(|s| s.1).collect()
    }

    fn journeys(&self) -> Vec<u64> {
        self.sends().map(|s| s.2).collect()
    }
}

/// Segments followed per connection and direction; beyond this the oldest are forgotten.
const MAX_IN_FLIGHT: usize = 256;
const MAX_RETRANSMISSIONS: usize = 64;
/// Untranslated replies kept per connection: the first few prove it.
const MAX_UNTRANSLATED: usize = 8;

/// Whether a server's packet of an established, translated connection crossed the node
/// (seen at least twice) without its source ever being turned back into the address the
/// client dialled. Before the handshake completes that is `reply-bypasses-conntrack`'s case.
fn crossed_untranslated(connection: &Connection, journey: &Journey) -> bool {
    let Some(established) = connection.established_frame else {
        return false;
    };
    let (first, last) = (journey.first(), journey.last());
    let source = last.seen.tuple.source_endpoint();
    journey.hops.len() >= 2
        && first.seen.frame > established
        && first.seen.tuple.source_endpoint() == source
        && source != connection.server
        && last.seen.tuple.destination_endpoint() == connection.client
        && connection.legs.iter().skip(1).any(|leg| leg.to == source)
}

/// What the tracker keeps about a connection while it is open, beside the connection itself.
#[derive(Default)]
struct TcpState {
    /// The client's initial sequence number: a SYN with another one opens a new connection.
    isn: Option<u32>,
    /// Unacknowledged data per direction (client's, server's), in sequence order.
    in_flight: [VecDeque<(u32, InFlight)>; 2],
    /// When the connection's latest packet was sent, and in which frame.
    latest: Option<(Timestamp, u64)>,
    /// The TTL each end's packets last had, per interface they were first seen on.
    ttls: BySide<Vec<(InterfaceKey, u8)>>,
}

impl TcpState {
    /// Follows data segments until acknowledged, to see which had to be sent again. Segments
    /// are queued in sequence order per direction, so an acknowledgment pops from the front
    /// and only a retransmission searches.
    fn track_segments(
        &mut self,
        connection: &mut Connection,
        side: Side,
        tcp: crate::journey::TcpFields,
        journey: &Journey,
    ) -> bool {
        let (this, other) = if side == Side::Client { (0, 1) } else { (1, 0) };
        if tcp.flags & ACK != 0 {
            let ack = tcp.acknowledgment;
            while let Some((sequence, segment)) = self.in_flight[other].front() {
                if (ack.wrapping_sub(sequence.wrapping_add(segment.length)) as i32) < 0 {
                    break;
                }
                if let Some(index) = segment.retransmission {
                    connection.retransmissions[index].acknowledged = true;
                }
                let largest = connection.largest_acknowledged.get_mut(side.other());
                *largest = (*largest).max(segment.length);
                *connection.last_new_ack.get_mut(side) = Some(journey.first().seen.frame);
                self.in_flight[other].pop_front();
            }
        }
        for waiting in connection
            .retransmissions
            .iter_mut()
            .filter(|r| r.by != side && !r.acknowledged)
        {
            waiting.answers += 1;
        }
        if tcp.payload_len == 0 {
            return false;
        }
        let queue = &mut self.in_flight[this];
        let newer = queue
            .back()
            .is_none_or(|(last, _)| (tcp.sequence.wrapping_sub(*last) as i32) > 0);
        let position = if newer {
            None
        } else {
            queue
                .iter()
                .position(|(sequence, _)| *sequence == tcp.sequence)
        };
        let segment = match position {
            Some(i) => &mut queue[i].1,
            None if newer => {
                if queue.len() >= MAX_IN_FLIGHT {
                    queue.pop_front();
                }
                queue.push_back((
                    tcp.sequence,
                    InFlight {
                        length: tcp.payload_len,
                        last_sent: journey.start(),
                        first: None,
                        again: Vec::new(),
                        retransmission: None,
                    },
                ));
                &mut queue.back_mut().expect("just pushed").1
            }
            // Older than the newest and not in flight: already acknowledged or forgotten.
            None => return false,
        };
        // The pieces a node cuts a super-packet into start with the same sequence number within
        // microseconds; TCP never resends that fast.
        let sent = journey.start();
        if segment.first.is_some()
            && sent.nanos_since(segment.last_sent).abs() < crate::journey::HOP_WINDOW_NANOS
        {
            return false;
        }
        segment.last_sent = sent;
        let send = (journey.first().seen.frame, sent, journey.id);
        if segment.first.is_none() {
            segment.first = Some(send);
            return false;
        }
        segment.again.push(send);
        match segment.retransmission {
            Some(index) => {
                connection.retransmissions[index].frames = segment.frames();
                connection.retransmissions[index].times = segment.times();
                connection.retransmissions[index].journeys = segment.journeys();
                let retransmission = &mut connection.retransmissions[index];
                retransmission.length = tcp.payload_len;
                if let Fate::LeftNode { interface } = journey.fate {
                    retransmission.left_through = Some(interface);
                }
            }
            None if connection.retransmissions.len() < MAX_RETRANSMISSIONS => {
                segment.retransmission = Some(connection.retransmissions.len());
                connection.retransmissions.push(Retransmission {
                    by: side,
                    sequence: tcp.sequence,
                    length: tcp.payload_len,
                    frames: segment.frames(),
                    times: segment.times(),
                    journeys: segment.journeys(),
                    acknowledged: false,
                    answers: 0,
                    left_through: match journey.fate {
                        Fate::LeftNode { interface } => Some(interface),
                        _ => None,
                    },
                });
            }
            None => {}
        }
        true
    }

    /// Notes the silence before this packet, when it is the longest yet of an open connection.
    fn note_silence(&mut self, connection: &mut Connection, side: Side, journey: &Journey) -> bool {
        let (sent, frame) = (journey.start(), journey.first().seen.frame);
        let previous = self.latest;
        if previous.is_none_or(|(time, _)| sent.nanos_since(time) > 0) {
            self.latest = Some((sent, frame));
        }
        let Some((time, last_frame)) = previous else {
            return false;
        };
        let open =
            connection.established_frame.is_some() || connection.outcome == Outcome::MidStream;
        let seconds = sent.nanos_since(time) as f64 / 1e9;
        if !open
            || seconds < IDLE_NOTABLE_SECONDS
            || connection
                .idle
                .as_ref()
                .is_some_and(|i| i.seconds >= seconds)
        {
            return false;
        }
        connection.idle = Some(Idle {
            seconds,
            last_frame,
            resumed_frame: frame,
            resumed_time: sent,
            resumed_by: side,
            resumed_journey: journey.id,
            resumed_with_data: journey.tcp.is_some_and(|t| t.payload_len > 1),
        });
        true
    }

    /// The TTL this end's packets usually have on `interface`; then remembers this one's.
    fn usual_ttl(&mut self, side: Side, journey: &Journey, remember: bool) -> Option<u8> {
        let first = &journey.first().seen;
        let ttls = self.ttls.get_mut(side);
        let usual = ttls
            .iter()
            .find(|(interface, _)| *interface == first.interface)
            .map(|(_, ttl)| *ttl);
        if remember {
            let known = ttls
                .iter()
                .position(|(interface, _)| *interface == first.interface);
            match known {
                Some(at) => ttls[at].1 = first.ttl,
                None if ttls.len() < 8 => ttls.push((first.interface, first.ttl)),
                None => {}
            }
        }
        usual
    }
}

/// Builds connections from journeys, in the order they close (nearly capture order).
#[derive(Default)]
pub struct TcpTracker {
    connections: Vec<Connection>,
    /// (client endpoint, initial sequence number) → connection.
    by_isn: crate::FastMap<(Endpoint, u32), usize>,
    /// Working state of each connection, by index.
    state: Vec<TcpState>,
    by_tuple: crate::FastMap<FiveTuple, usize>,
    /// Added to connection ids (a file's id base when several captures are analysed).
    id_base: u64,
    /// The last journey added is evidence a finding may point to: it sent a data segment
    /// again, answered a SYN with a bare acknowledgment, or broke a long silence (the report
    /// keeps such journeys, so findings show their path).
    last_is_evidence: bool,
}

const PROTOCOL_TCP: u8 = 6;

impl TcpTracker {
    pub fn new() -> TcpTracker {
        TcpTracker::default()
    }

    /// Numbers connections from `base + 1`.
    pub fn start_ids_at(&mut self, base: u64) {
        self.id_base = base;
    }

    /// Whether the journey just added is evidence a finding may point to (see
    /// `last_is_evidence`).
    pub fn last_is_evidence(&self) -> bool {
        self.last_is_evidence
    }

    /// Adds a journey; returns which end of its connection sent it (for TCP journeys).
    pub fn add(&mut self, journey: &Journey) -> Option<Side> {
        self.last_is_evidence = false;
        if let Some(icmp) = journey.icmp {
            self.add_icmp(journey, icmp);
            return None;
        }
        let tcp = journey.tcp?;
        if journey.first().seen.tuple.protocol != PROTOCOL_TCP {
            return None;
        }
        let first = journey.first();
        let is_syn = tcp.flags & (SYN | ACK) == SYN;
        let found = journey
            .hops
            .iter()
            .find_map(|h| {
                self.by_tuple
                    .get(&h.seen.tuple)
                    .or_else(|| self.by_tuple.get(&h.seen.tuple.reversed()))
                    .copied()
            })
            .or_else(|| self.by_sequence(journey, tcp));
        let index = match (is_syn, found) {
            (true, Some(index))
                if self.connections[index].client == first.seen.tuple.source_endpoint()
                    && self.state[index].isn == Some(tcp.sequence) =>
            {
                index
            }
            // A SYN with a new initial sequence number opens a new connection, even on a
            // reused port; any other packet we cannot place means the capture began mid-way.
            (true, _) => self.open(
                journey,
                first.seen.tuple,
                Outcome::Unanswered,
                Some(tcp.sequence),
            ),
            (false, Some(index)) => index,
            (false, None) => {
                // The first packet of a connection begun before the capture: kept, as what
                // shows a stray packet (one that belongs to no connection this end opened).
                self.last_is_evidence = true;
                // The server's SYN-ACK or a reply: the client is the receiver.
                let client_view = if tcp.flags & SYN != 0 {
                    first.seen.tuple.reversed()
                } else {
                    first.seen.tuple
                };
                self.open(journey, client_view, Outcome::MidStream, None)
            }
        };
        for hop in &journey.hops {
            self.by_tuple.entry(hop.seen.tuple).or_insert(index);
        }
        let connection = &mut self.connections[index];
        connection.last_frame = connection
            .last_frame
            .max(journey.hops.iter().map(|h| h.seen.frame).max().unwrap_or(0));
        let from_client = is_from_client(connection, &journey.hops);
        let side = if from_client {
            Side::Client
        } else {
            Side::Server
        };
        let state = &mut self.state[index];
        let broke_silence = state.note_silence(connection, side, journey);
        let is_reset = tcp.flags & RST != 0;
        let usual_ttl = state.usual_ttl(side, journey, !is_reset);
        if is_syn {
            if connection.attempts.is_empty() {
                connection.legs = legs(&journey.hops);
            }
            let attempt = Attempt::next(&connection.attempts, journey);
            connection.attempts.push(attempt);
        } else if is_reset {
            let last = journey.last();
            connection.resets.push(Reset {
                by: side,
                frames: journey.frames(),
                journey: journey.id,
                from: last.seen.tuple.source_endpoint(),
                to: last.seen.tuple.destination_endpoint(),
                time: journey.start(),
                ttl: journey.first().seen.ttl,
                usual_ttl,
            });
        } else if tcp.flags & (SYN | ACK) == SYN | ACK {
            connection.syn_acks.push(Reply::of(journey));
        } else {
            let answers_syn = !from_client
                && tcp.flags & ACK != 0
                && connection.established_frame.is_none()
                && connection.syn_acks.is_empty()
                && connection.data_segments == 0
                && !connection.attempts.is_empty()
                && state.isn.map(|isn| isn.wrapping_add(1)) != Some(tcp.acknowledgment);
            if answers_syn {
                connection.challenge_acks.push(Reply::of(journey));
                self.last_is_evidence = true;
            }
            if from_client
                && connection.established_frame.is_none()
                && !connection.syn_acks.is_empty()
                && tcp.flags & ACK != 0
            {
                connection.established_frame = Some(first.seen.frame);
                if let Some(start) = connection.attempts.first() {
                    connection.time_to_connect =
                        Some(first.seen.time.nanos_since(start.time) as f64 / 1e9);
                }
            }
            if tcp.payload_len > 0 {
                connection.data_segments += 1;
            }
            if tcp.flags & FIN != 0 {
                if connection.fin_frames.is_empty() {
                    connection.first_fin_by = Some(side);
                }
                connection.fin_frames.push(first.seen.frame);
            }
        }
        if side == Side::Server && tcp.flags & SYN == 0 && crossed_untranslated(connection, journey)
        {
            if connection.untranslated.len() < MAX_UNTRANSLATED {
                connection.untranslated.push(Reply::of(journey));
            }
            self.last_is_evidence = true;
        }
        let resent = state.track_segments(connection, side, tcp, journey);
        self.last_is_evidence |= resent || broke_silence;
        // A connection closed both ways with nothing in flight gives its queues' room back:
        // memory follows the open connections, not all there were.
        if connection.fin_frames.len() >= 2 || !connection.resets.is_empty() {
            for queue in &mut state.in_flight {
                if queue.is_empty() && queue.capacity() > 0 {
                    *queue = VecDeque::new();
                }
            }
        }
        Some(side)
    }

    /// A SYN-ACK or reset whose addresses are not the connection's (a reply that skipped the
    /// reverse NAT, seen where only the endpoints are): it belongs to the handshake whose
    /// sequence numbers it carries. A SYN-ACK acknowledges the client's ISN + 1 on the client's
    /// port; a reset from the client carries ISN + 1 as its sequence number; a reset to the
    /// client acknowledges ISN + 1.
    fn by_sequence(&self, journey: &Journey, tcp: crate::journey::TcpFields) -> Option<usize> {
        let answers_syn =
            tcp.flags & (SYN | ACK) == SYN | ACK || (tcp.flags & RST != 0 && tcp.flags & ACK != 0);
        let resets_from_client = tcp.flags & RST != 0;
        journey.hops.iter().find_map(|h| {
            let to_client = answers_syn
                .then(|| {
                    self.by_isn.get(&(
                        h.seen.tuple.destination_endpoint(),
                        tcp.acknowledgment.wrapping_sub(1),
                    ))
                })
                .flatten();
            let from_client = resets_from_client
                .then(|| {
                    self.by_isn
                        .get(&(h.seen.tuple.source_endpoint(), tcp.sequence.wrapping_sub(1)))
                })
                .flatten();
            to_client.or(from_client).copied()
        })
    }

    /// Attaches an ICMP error to the connection whose packet it quotes.
    fn add_icmp(&mut self, journey: &Journey, icmp: crate::journey::IcmpFields) {
        let Some(quoted) = icmp.quoted.filter(|q| q.protocol == PROTOCOL_TCP) else {
            return;
        };
        let Some(&index) = self
            .by_tuple
            .get(&quoted)
            .or_else(|| self.by_tuple.get(&quoted.reversed()))
        else {
            return;
        };
        let connection = &mut self.connections[index];
        connection.icmp_errors.push(IcmpError {
            frames: journey.frames(),
            time: journey.start(),
            journey: journey.id,
            from: journey.first().seen.tuple.source,
            reason: IcmpReason::of(&icmp),
            unreachable: icmp.is_unreachable(),
            mtu: icmp.path_mtu(),
            fate: journey.fate,
        });
    }

    fn open(
        &mut self,
        journey: &Journey,
        client_view: FiveTuple,
        outcome: Outcome,
        isn: Option<u32>,
    ) -> usize {
        let index = self.connections.len();
        if let Some(isn) = isn {
            self.by_isn
                .insert((client_view.source_endpoint(), isn), index);
        }
        self.state.push(TcpState {
            isn,
            ..TcpState::default()
        });
        self.connections.push(Connection {
            id: self.id_base + index as u64 + 1,
            client: client_view.source_endpoint(),
            server: client_view.destination_endpoint(),
            legs: Vec::new(),
            attempts: Vec::new(),
            syn_acks: Vec::new(),
            resets: Vec::new(),
            outcome,
            time_to_connect: None,
            established_frame: None,
            data_segments: 0,
            fin_frames: Vec::new(),
            first_fin_by: None,
            untranslated: Vec::new(),
            icmp_errors: Vec::new(),
            retransmissions: Vec::new(),
            first_frame: journey.first().seen.frame,
            last_frame: journey.first().seen.frame,
            challenge_acks: Vec::new(),
            idle: None,
            largest_acknowledged: BySide::default(),
            last_new_ack: BySide::default(),
        });
        // A reused port belongs to the new connection from now on.
        for hop in &journey.hops {
            self.by_tuple.insert(hop.seen.tuple, index);
            self.by_tuple.insert(hop.seen.tuple.reversed(), index);
        }
        index
    }

    /// Settles each connection's outcome; `capture_end` is the last timestamp in the capture.
    pub fn finish(mut self, capture_end: Option<Timestamp>) -> Vec<Connection> {
        for connection in &mut self.connections {
            if connection.outcome == Outcome::MidStream {
                continue;
            }
            connection.outcome = if connection.established_frame.is_some() {
                Outcome::Established
            } else if connection.syn_acks.is_empty()
                && (connection.resets.iter().any(|r| r.by == Side::Server)
                    || connection.icmp_errors.iter().any(|e| e.unreachable))
            {
                Outcome::Refused
            } else if connection.resets.iter().any(|r| r.by == Side::Client)
                && !connection.syn_acks.is_empty()
            {
                Outcome::ResetByClient
            } else if gave_up(connection, capture_end) {
                Outcome::GaveUp
            } else {
                Outcome::Unanswered
            };
        }
        self.connections
    }
}

/// Whether the client stopped retrying: the capture goes on well past when its next SYN was due.
fn gave_up(connection: &Connection, capture_end: Option<Timestamp>) -> bool {
    let (Some(last), Some(end)) = (connection.attempts.last(), capture_end) else {
        return false;
    };
    // Linux doubles the timeout (or, with tcp_syn_linear_timeouts, repeats it first).
    let next_due = connection
        .attempts
        .iter()
        .rev()
        .find_map(|a| a.gap)
        .map_or(1.0, |gap| gap * 2.0);
    (end.nanos_since(last.time) as f64 / 1e9) > next_due + 0.5
}

/// Whether the packet with these hops was sent by the connection's client.
fn is_from_client(connection: &Connection, hops: &[Hop]) -> bool {
    let client = connection.client;
    hops.iter()
        .any(|h| h.seen.tuple.source_endpoint() == client)
        || {
            // After SNAT the client's address may only show on later legs; compare with the legs.
            connection.legs.iter().any(|leg| {
                hops.iter().any(|h| {
                    h.seen.tuple.source_endpoint() == leg.from
                        && h.seen.tuple.destination_endpoint() == leg.to
                })
            })
        }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::capture::Timestamp;
    use crate::decode::tcp_flags::PSH;
    use crate::journey::{Direction, JourneyBuilder, Observation, Sighting, TcpFields};

    const CLIENT: &str = "10.244.0.10:40000";
    const SERVER: &str = "10.244.0.20:8080";

    fn endpoint(text: &str) -> Endpoint {
        let socket: std::net::SocketAddr = text.parse().unwrap();
        Endpoint {
            address: socket.ip(),
            port: socket.port(),
        }
    }

    /// One segment seen once, on interface 1, at `millis`.
    #[allow(clippy::too_many_arguments)] // a segment's fields, spelled out in each test
    fn segment(
        frame: u64,
        millis: i64,
        from: &str,
        to: &str,
        flags: u16,
        sequence: u32,
        acknowledgment: u32,
        payload_len: u32,
    ) -> Observation {
        let (from, to) = (endpoint(from), endpoint(to));
        Observation {
            seen: Sighting {
                frame,
                time: Timestamp {
                    secs: millis / 1000,
                    nanos: (millis % 1000) as u32 * 1_000_000,
                },
                interface: 1,
                direction: Direction::Unknown,
                tuple: FiveTuple {
                    source: from.address,
                    destination: to.address,
                    protocol: 6,
                    source_port: from.port,
                    destination_port: to.port,
                },
                encapsulation: None,
                ttl: 64,
                link: None,
            },
            ip_id: Some(frame as u16),
            tcp: Some(TcpFields {
                sequence,
                acknowledgment,
                flags,
                payload_len,
            }),
            dns: None,
            icmp: None,
            fingerprint: frame,
            bad_checksum: false,
        }
    }

    fn connections(observations: Vec<Observation>) -> Vec<Connection> {
        let mut builder = JourneyBuilder::new();
        let mut journeys = Vec::new();
        for obs in observations {
            builder.add(obs, &mut |j| journeys.push(j));
        }
        builder.finish(&mut |j| journeys.push(j));
        journeys.sort_by_key(|j| j.id);
        let mut tracker = TcpTracker::new();
        for journey in &journeys {
            tracker.add(journey);
        }
        tracker.finish(None)
    }

    #[test]
    fn sequence_numbers_that_wrap_are_followed_across_zero() {
        let isn = u32::MAX - 100;
        let data = PSH | ACK;
        let found = connections(vec![
            segment(1, 0, CLIENT, SERVER, SYN, isn, 0, 0),
            segment(
                2,
                1,
                SERVER,
                CLIENT,
                SYN | ACK,
                5000,
                isn.wrapping_add(1),
                0,
            ),
            segment(3, 2, CLIENT, SERVER, ACK, isn.wrapping_add(1), 5001, 0),
            // 200 bytes from just below the wrap to just past it, then 100 more after zero.
            segment(4, 3, CLIENT, SERVER, data, isn.wrapping_add(1), 5001, 200),
            segment(5, 4, CLIENT, SERVER, data, isn.wrapping_add(201), 5001, 100),
            // Sent again 300 ms later: a retransmission of the segment that starts after zero.
            segment(
                6,
                304,
                CLIENT,
                SERVER,
                data,
                isn.wrapping_add(201),
                5001,
                100,
            ),
            // The server acknowledges everything, its ack number past zero.
            segment(7, 310, SERVER, CLIENT, ACK, 5001, isn.wrapping_add(301), 0),
        ]);
        let [connection] = found.as_slice() else {
            panic!("{found:?}")
        };
        assert_eq!(connection.outcome, Outcome::Established);
        assert_eq!(connection.data_segments, 3);
        let [retransmission] = connection.retransmissions.as_slice() else {
            panic!("{:?}", connection.retransmissions)
        };
        assert_eq!(retransmission.sequence, isn.wrapping_add(201));
        assert_eq!(retransmission.frames, [5, 6]);
        assert!(
            retransmission.acknowledged,
            "an ack past zero covers a segment before it"
        );
    }

    #[test]
    fn an_ack_before_the_wrap_does_not_cover_a_segment_after_it() {
        let isn = u32::MAX - 10;
        let data = PSH | ACK;
        let found = connections(vec![
            segment(1, 0, CLIENT, SERVER, SYN, isn, 0, 0),
            segment(
                2,
                1,
                SERVER,
                CLIENT,
                SYN | ACK,
                5000,
                isn.wrapping_add(1),
                0,
            ),
            segment(3, 2, CLIENT, SERVER, ACK, isn.wrapping_add(1), 5001, 0),
            segment(4, 3, CLIENT, SERVER, data, isn.wrapping_add(1), 5001, 100),
            segment(5, 304, CLIENT, SERVER, data, isn.wrapping_add(1), 5001, 100),
            // Acknowledges only up to the wrap (the segment ends 89 bytes past it).
            segment(6, 310, SERVER, CLIENT, ACK, 5001, u32::MAX, 0),
        ]);
        let retransmission = &found[0].retransmissions[0];
        assert!(!retransmission.acknowledged);
    }
}

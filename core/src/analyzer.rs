//! The whole pipeline behind one push-based API.
//!
//! `Analyzer::push(chunk)` as often as needed, then `finish()`: capture → decode → journeys →
//! connections gives the [`Analysis`]; the signatures then read it, and the [`Report`] is the
//! two together.

use std::collections::HashMap;

use crate::analysis::{
    interface_name, Analysis, HopChange, HopReport, InterfaceReport, JourneyReport, PacketKind,
    Vantage,
};
use crate::capture::{CaptureReader, FrameSlice, RecordKind, Timestamp};
use crate::connection::{DnsTracker, Side, TcpTracker, UdpTracker};
use crate::decode::{decode, tcp_flags, Reassembler};
use crate::files;
use crate::i18n::Message;
use crate::journey::{
    observe, Change, Fate, InterfaceKey, InterfaceRole, Journey, JourneyBuilder, Observation,
    TimeOrder,
};
use crate::packets::PacketIndex;
use crate::report::Report;
use crate::summary::CaptureSummary;

/// Journeys kept in a report. Handshakes, DNS and packets that ended early are kept; plain
/// data segments are counted only. Past this many, the rest are counted too.
pub const MAX_REPORTED_JOURNEYS: usize = 200_000;

#[derive(Clone, Debug, Default)]
pub struct AnalyzeOptions {
    /// Names for interface keys (SLL2 interface indexes), e.g. from `--ifnames 2=cni0`.
    pub interface_names: HashMap<InterfaceKey, String>,
    /// Also build a [`PacketIndex`] of every packet, for a viewer's packet list.
    pub index_packets: bool,
    /// This capture's index among several analysed together ([`crate::files`]): its frames,
    /// journeys, connections and interfaces get ids of that file. 0 for a capture alone.
    pub file: u32,
}

impl AnalyzeOptions {
    /// Parses `2=cni0,3=vethpoda`.
    pub fn parse_interface_names(text: &str) -> Result<HashMap<InterfaceKey, String>, String> {
        text.split(',')
            .filter(|part| !part.trim().is_empty())
            .map(|part| {
                let (key, name) = part
                    .split_once('=')
                    .ok_or_else(|| format!("`{part}` is not INDEX=NAME"))?;
                let key = key
                    .trim()
                    .parse::<InterfaceKey>()
                    .map_err(|_| format!("`{key}` is not an interface index"))?;
                let name = name.trim();
                if name.is_empty() || name.len() > 64 {
                    return Err(format!("`{part}`: the name must have 1 to 64 characters"));
                }
                Ok((key, name.to_string()))
            })
            .collect()
    }
}

/// Runs the pipeline; see the module documentation. Two stages: the [`FrameStage`] reads,
/// decodes and observes each frame (work on one packet at a time), the [`JourneyStage`] follows
/// packets and connections (work that needs them in order). `push` runs both; a caller with
/// threads can run them side by side through [`Analyzer::stages`], the same result either way.
pub struct Analyzer {
    frames: FrameStage,
    journeys: JourneyStage,
    options: AnalyzeOptions,
    handed: Vec<Handed>,
}

/// The first stage: frames read, decoded, reduced to observations.
pub struct FrameStage {
    reader: CaptureReader,
    reassembler: Reassembler,
    summary: CaptureSummary,
    last_time: Option<Timestamp>,
    /// pcapng interface names, for captures whose interface keys are pcapng interfaces.
    uses_sll2: bool,
    /// pcapng interfaces whose names were passed on.
    named: Vec<u32>,
    index: Option<PacketIndex>,
    /// Addresses whose pod a packet comment named already (the rest of their comments are
    /// not read again).
    commented: std::collections::HashSet<std::net::IpAddr>,
    file: u32,
}

/// What the frame stage hands the journey stage, in capture order.
// Nearly every item is an observation: boxing it would allocate once per packet.
#[allow(clippy::large_enum_variant)]
pub enum Handed {
    Observation {
        /// The pcapng interface it came from: each is in time order on its own.
        stream: Option<u32>,
        observation: Observation,
    },
    /// A pcapng interface's name, as soon as its first packet is seen.
    InterfaceName { key: InterfaceKey, name: String },
}

/// The second stage: journeys, connections, DNS and UDP exchanges.
pub struct JourneyStage {
    order: TimeOrder,
    journeys: JourneyBuilder,
    tcp: TcpTracker,
    dns: DnsTracker,
    udp: UdpTracker,
    finished: Vec<Journey>,
    /// Journeys kept for the report, with the end of their connection that sent them.
    reported: Vec<(Journey, Option<Side>)>,
    journeys_total: u64,
}

/// Pods named from packet comments, at most.
const MAX_COMMENTED_PODS: usize = 1024;

/// pcapng interfaces whose names are passed to the journeys; past this, the rest go unnamed.
const MAX_NAMED: usize = 64;

/// The pod a packet's comment names (ptcpdump), by its address on the packet: the source
/// of what it sent, the destination of what it received.
fn note_commented_pod(
    summary: &mut CaptureSummary,
    commented: &mut std::collections::HashSet<std::net::IpAddr>,
    frame: &FrameSlice<'_>,
    observation: &crate::journey::Observation,
) {
    let Some(inbound) = frame.options.inbound() else {
        return;
    };
    let tuple = observation.seen.tuple;
    let address = if inbound {
        tuple.destination
    } else {
        tuple.source
    };
    if commented.contains(&address) {
        return;
    }
    let named = frame
        .options
        .comments()
        .find_map(crate::names::ptcpdump::pod_of_comment);
    if let Some((namespace, name)) = named {
        commented.insert(address);
        summary
            .commented_pods
            .push(crate::names::ptcpdump::CommentedPod {
                address,
                namespace,
                name,
                frame: frame.number,
            });
    }
}

impl Analyzer {
    pub fn new(options: AnalyzeOptions) -> Analyzer {
        let file = options.file;
        let mut journeys = JourneyStage {
            order: TimeOrder::new(),
            journeys: JourneyBuilder::new(),
            tcp: TcpTracker::new(),
            dns: DnsTracker::new(),
            udp: UdpTracker::new(),
            finished: Vec::new(),
            reported: Vec::new(),
            journeys_total: 0,
        };
        for (key, name) in &options.interface_names {
            journeys
                .journeys
                .name_interface(files::interface_key(file, *key), name);
        }
        journeys.journeys.start_ids_at(files::id_base(file));
        journeys.tcp.start_ids_at(files::id_base(file));
        Analyzer {
            frames: FrameStage {
                reader: CaptureReader::new(),
                reassembler: Reassembler::new(),
                summary: CaptureSummary::default(),
                last_time: None,
                uses_sll2: false,
                named: Vec::new(),
                index: options.index_packets.then(PacketIndex::new),
                commented: Default::default(),
                file,
            },
            journeys,
            options,
            handed: Vec::new(),
        }
    }

    /// Frames read so far.
    pub fn frames(&self) -> u64 {
        self.frames.summary.frames
    }

    pub fn push(&mut self, chunk: &[u8]) {
        self.frames.push(chunk, &mut self.handed);
        self.journeys.take(self.handed.drain(..));
    }

    /// The two stages, to run side by side: hand what [`FrameStage::push`] gives to
    /// [`JourneyStage::take`] in the same order, then [`Analyzer::finish`].
    pub fn stages(&mut self) -> (&mut FrameStage, &mut JourneyStage) {
        (&mut self.frames, &mut self.journeys)
    }

    /// The report, and the packet index when `AnalyzeOptions::index_packets` asked for one.
    pub fn finish_indexed(mut self) -> (Report, Option<PacketIndex>) {
        let index = self.frames.index.take();
        (self.finish(), index)
    }

    pub fn finish(self) -> Report {
        let Analyzer {
            frames,
            journeys: mut stage,
            options,
            ..
        } = self;
        stage.finish_journeys();
        // Interface keys carry the capture's index among several; the names given and those
        // the file holds are of its own interfaces.
        let file = options.file;
        let mut names: HashMap<InterfaceKey, String> = HashMap::new();
        if !frames.uses_sll2 {
            for interface in frames.reader.interfaces() {
                if let Some(name) = &interface.name {
                    names.insert(files::interface_key(file, interface.id), name.clone());
                }
            }
        }
        // Names given are for interface indexes (`-i any`); a pcapng file's own names win
        // (given for several captures at once, they would rename another file's interfaces).
        for (key, name) in &options.interface_names {
            let key = files::interface_key(file, *key);
            if frames.uses_sll2 || !names.contains_key(&key) {
                names.insert(key, name.clone());
            }
        }
        let vantage = stage.journeys.vantage(frames.uses_sll2);
        let interfaces: Vec<InterfaceReport> = stage
            .journeys
            .interface_roles(&names)
            .into_iter()
            .map(|(key, role, evidence)| {
                // What the host model knows wins over what single packets suggest: loopback
                // carries the host's own traffic, and a capture of one host's traffic has no
                // uplink or pod side, only that host's interface.
                let (role, why) = if stage.journeys.is_loopback_interface(key) {
                    (InterfaceRole::Loopback, Message::new("role-why-loopback"))
                } else if let Vantage::Endpoint { address } = vantage.vantage {
                    (
                        InterfaceRole::Host,
                        Message::new("role-why-host").with("address", address),
                    )
                } else {
                    (role, evidence.reason)
                };
                InterfaceReport {
                    key,
                    file: files::file_of_interface(key),
                    name: interface_name(&names, key),
                    role,
                    why,
                }
            })
            .collect();
        let connections = stage.tcp.finish(frames.last_time);
        let dns = stage.dns.finish();
        let udp = stage.udp.finish();
        // Journeys close in the order they stop growing; the analysis lists them by id.
        stage.reported.sort_by_key(|(j, _)| j.id);
        // Each journey let go as soon as its report is made: the two are not held at once.
        let journeys = std::mem::take(&mut stage.reported)
            .into_iter()
            .map(|(j, sender)| journey_report(&j, sender, &names))
            .collect();
        let mut capture = frames.summary;
        capture.complete(frames.reader);
        capture.vantage = Some(vantage);
        capture.host_addresses = stage.journeys.local_addresses();
        let order = stage.order.stats();
        capture.reordered = order.reordered;
        capture.late_total = order.late;
        capture.late_frames = order.late_frames.clone();
        let analysis = Analysis {
            capture,
            interfaces,
            connections,
            dns,
            udp,
            journeys,
            journeys_total: stage.journeys_total,
        };
        Report::new(analysis)
    }
}

impl FrameStage {
    /// Reads a chunk of the file; what its frames show goes to `handed`, in capture order.
    pub fn push(&mut self, chunk: &[u8], handed: &mut Vec<Handed>) {
        let FrameStage {
            reader,
            reassembler,
            summary,
            last_time,
            uses_sll2,
            named,
            index,
            commented,
            file,
        } = self;
        let file = *file;
        reader.push(chunk, |frame| {
            summary.frames = frame.number;
            // From here on, frames are ids of this file.
            let frame = &FrameSlice {
                number: files::frame_id(file, frame.number),
                ..*frame
            };
            if frame.kind != RecordKind::Packet {
                return;
            }
            let packet = decode(frame);
            summary.add_packet(frame, &packet);
            if let Some(index) = index {
                index.add(frame, &packet);
            }
            if let Some(time) = frame.timestamp {
                *last_time = Some(last_time.map_or(time, |t| t.max(time)));
            }
            if matches!(packet.layers.first(), Some(crate::decode::Layer::LinuxSll(sll)) if sll.interface_index.is_some()) {
                *uses_sll2 = true;
            }
            // pcapng names its interfaces; `lo` tells the host's own traffic.
            if let Some(interface) = frame.interface.filter(|_| !*uses_sll2) {
                if !named.contains(&interface.id) && named.len() < MAX_NAMED {
                    named.push(interface.id);
                    if let Some(name) = &interface.name {
                        handed.push(Handed::InterfaceName {
                            key: files::interface_key(file, interface.id),
                            name: name.clone(),
                        });
                    }
                }
            }
            // Fragments are analysed once whole: the completed datagram replaces the last one.
            let datagram = reassembler.add(frame.number, &packet);
            let observation = match &datagram {
                Some(datagram) => {
                    let inner = crate::decode::decode_reassembled(datagram);
                    let mut whole = packet.clone();
                    whole.layers.extend(inner.layers);
                    observe(frame, &whole)
                }
                None => observe(frame, &packet),
            };
            if let Some(mut observation) = observation {
                if !frame.options.is_empty() && commented.len() < MAX_COMMENTED_PODS {
                    note_commented_pod(summary, commented, frame, &observation);
                }
                observation.seen.interface = files::interface_key(file, observation.seen.interface);
                handed.push(Handed::Observation {
                    stream: frame.interface.map(|i| i.id),
                    observation,
                });
            }
        });
    }
}

impl JourneyStage {
    /// Takes what the frame stage handed on, in the order it was handed.
    pub fn take(&mut self, handed: impl IntoIterator<Item = Handed>) {
        let JourneyStage {
            order,
            journeys,
            finished,
            ..
        } = self;
        for item in handed {
            match item {
                Handed::Observation {
                    stream,
                    observation,
                } => order.push(stream, observation, &mut |observation| {
                    journeys.add(observation, &mut |journey| finished.push(journey))
                }),
                Handed::InterfaceName { key, name } => journeys.name_interface(key, &name),
            }
        }
        self.drain();
    }

    fn finish_journeys(&mut self) {
        let JourneyStage {
            order,
            journeys,
            finished,
            ..
        } = self;
        order.finish(&mut |observation| {
            journeys.add(observation, &mut |journey| finished.push(journey))
        });
        journeys.finish(&mut |journey| finished.push(journey));
        self.drain();
    }

    fn drain(&mut self) {
        // The buffer is kept for the next time.
        let mut finished = std::mem::take(&mut self.finished);
        for journey in finished.drain(..) {
            self.journeys_total += 1;
            let sender = self
                .tcp
                .add(&journey)
                .or_else(|| self.dns.add(&journey))
                .or_else(|| self.udp.add(&journey));
            let evidence = self.tcp.last_is_evidence();
            if self.reported.len() < MAX_REPORTED_JOURNEYS
                && (evidence || worth_reporting(&journey))
            {
                // Kept to the end: no room for hops that will not come.
                let mut journey = journey;
                journey.hops.shrink_to_fit();
                self.reported.push((journey, sender));
            }
        }
        self.finished = finished;
    }
}

/// Handshakes, resets, DNS, non-TCP packets, and anything that ended early.
fn worth_reporting(journey: &Journey) -> bool {
    match journey.tcp {
        Some(tcp) => {
            tcp.flags & (tcp_flags::SYN | tcp_flags::RST | tcp_flags::FIN) != 0
                || matches!(journey.fate, Fate::EndedEarly { .. })
        }
        None => true,
    }
}

/// `TCP SYN`, `TCP RST-ACK`, `DNS query A example.com (id 0x0b96)`, `UDP`, `ICMP`.
pub fn describe_packet(journey: &Journey) -> String {
    if let Some(dns) = &journey.dns {
        let question = dns
            .question
            .as_ref()
            .map(|(name, qtype)| format!(" {} {name}", crate::journey::dns_type_name(*qtype)))
            .unwrap_or_default();
        return if dns.response {
            format!(
                "DNS answer{question} (id 0x{:04x}, rcode {})",
                dns.id, dns.rcode
            )
        } else {
            format!("DNS query{question} (id 0x{:04x})", dns.id)
        };
    }
    if let Some(tcp) = journey.tcp {
        let data = if tcp.payload_len > 0 {
            format!(", {} bytes", tcp.payload_len)
        } else {
            String::new()
        };
        // The flags that name a segment's role; ECN and urgent bits would only clutter it.
        let role =
            tcp_flags::SYN | tcp_flags::FIN | tcp_flags::RST | tcp_flags::PSH | tcp_flags::ACK;
        let names: Vec<&str> = crate::packets::flags_set(tcp.flags & role)
            .map(|(_, name)| name)
            .collect();
        return format!("TCP {}{data}", names.join("-"));
    }
    match journey.first().seen.tuple.protocol {
        1 => "ICMP".into(),
        17 => "UDP".into(),
        58 => "ICMPv6".into(),
        other => format!("IP protocol {other}"),
    }
}

/// What kind of packet a journey carried.
pub fn packet_kind(journey: &Journey) -> PacketKind {
    use tcp_flags::{ACK, FIN, RST, SYN};
    if let Some(dns) = &journey.dns {
        return if dns.response {
            PacketKind::DnsAnswer
        } else {
            PacketKind::DnsQuery
        };
    }
    if let Some(icmp) = &journey.icmp {
        return if icmp.quoted.is_some() {
            PacketKind::IcmpError
        } else {
            PacketKind::Other
        };
    }
    match journey.tcp {
        Some(tcp) if tcp.flags & RST != 0 => PacketKind::Rst,
        Some(tcp) if tcp.flags & (SYN | ACK) == SYN | ACK => PacketKind::SynAck,
        Some(tcp) if tcp.flags & SYN != 0 => PacketKind::Syn,
        Some(tcp) if tcp.flags & FIN != 0 => PacketKind::Fin,
        Some(tcp) if tcp.payload_len > 0 => PacketKind::Data,
        Some(_) => PacketKind::Ack,
        None => PacketKind::Other,
    }
}

fn journey_report(
    journey: &Journey,
    sender: Option<Side>,
    names: &HashMap<InterfaceKey, String>,
) -> JourneyReport {
    let hops: Vec<HopReport> = journey
        .hops
        .iter()
        .map(|hop| HopReport {
            frame: hop.seen.frame,
            file: files::file_of(hop.seen.frame),
            time: hop.seen.time,
            interface: hop.seen.interface,
            interface_name: interface_name(names, hop.seen.interface),
            direction: hop.seen.direction,
            from: hop.seen.tuple.source_endpoint(),
            to: hop.seen.tuple.destination_endpoint(),
            changes: hop.changes.iter().map(|c| hop_change(c, sender)).collect(),
            encapsulation: hop.seen.encapsulation,
            duplicate: hop.duplicate,
            copies: Vec::new(),
        })
        .collect();
    JourneyReport {
        id: journey.id,
        kind: packet_kind(journey),
        packet: describe_packet(journey),
        frames: journey.frames(),
        hops,
        fate: journey.fate,
        bad_checksum: journey.bad_checksum,
        identity: journey.identity(),
    }
}

/// A change between two sightings, named by which end of the connection sent the packet.
pub fn hop_change(change: &Change, sender: Option<Side>) -> HopChange {
    match *change {
        Change::Destination { from, to } => match sender {
            Some(Side::Client) => HopChange::Dnat {
                before: from,
                after: to,
            },
            Some(Side::Server) => HopChange::UnSnat {
                before: from,
                after: to,
            },
            None => HopChange::Destination {
                before: from,
                after: to,
            },
        },
        Change::Source { from, to } => match sender {
            Some(Side::Client) => HopChange::Snat {
                before: from,
                after: to,
            },
            Some(Side::Server) => HopChange::UnDnat {
                before: from,
                after: to,
            },
            None => HopChange::Source {
                before: from,
                after: to,
            },
        },
        Change::Encapsulated(tunnel) => HopChange::Encapsulation { tunnel },
        Change::Decapsulated(tunnel) => HopChange::Decapsulation { tunnel },
    }
}

//! The whole pipeline behind one push-based API, and the report it produces.
//!
//! `Analyzer::push(chunk)` as often as needed, then `finish()`: capture → decode → journeys →
//! connections (→ signatures, next). The report is plain data (serde), its schema documented in
//! the README: `capture`, `interfaces`, `connections`, `dns`, `journeys`, `findings`.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::capture::{CaptureReader, RecordKind, Timestamp};
use crate::connection::{
    Connection, DnsQuery, DnsTracker, Side, TcpTracker, UdpExchange, UdpTracker,
};
use crate::decode::{decode, tcp_flags, Reassembler};
use crate::journey::{
    observe, Change, Direction, Fate, InterfaceKey, InterfaceRole, Journey, JourneyBuilder,
    TunnelKind,
};
use crate::packets::PacketIndex;
use crate::signatures::{diagnose, Finding};
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

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Report {
    pub capture: CaptureSummary,
    pub interfaces: Vec<InterfaceReport>,
    pub connections: Vec<Connection>,
    pub dns: Vec<DnsQuery>,
    /// UDP exchanges other than DNS.
    pub udp: Vec<UdpExchange>,
    pub journeys: Vec<JourneyReport>,
    /// All journeys, including the data segments not listed.
    pub journeys_total: u64,
    /// Diagnoses of known failures, most severe first.
    pub findings: Vec<Finding>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct InterfaceReport {
    pub key: InterfaceKey,
    pub name: String,
    pub role: InterfaceRole,
    pub why: String,
}

/// One transmitted packet and every place it was seen.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct JourneyReport {
    pub id: u64,
    /// e.g. `TCP SYN`, `TCP SYN-ACK`, `DNS query AAAA example.com`.
    pub packet: String,
    /// Frame numbers (1-based, as in Wireshark) in path order.
    pub frames: Vec<u64>,
    pub hops: Vec<HopReport>,
    pub last_hop: HopReport,
    pub fate: Fate,
    /// In words: where it was last seen and what that means.
    pub outcome: String,
    pub bad_checksum: bool,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct HopReport {
    pub frame: u64,
    pub time: Timestamp,
    pub interface: InterfaceKey,
    pub interface_name: String,
    pub direction: Direction,
    pub from: String,
    pub to: String,
    /// What changed here, e.g. `DNAT 10.96.0.10:80 → 10.244.0.20:8080` or `VXLAN encapsulation
    /// 172.18.0.2 → 172.18.0.3:8472`.
    pub changes: Vec<String>,
    /// The outer headers, when the packet was inside a tunnel at this hop.
    pub encapsulation: Option<EncapsulationReport>,
    pub duplicate: bool,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct EncapsulationReport {
    pub kind: TunnelKind,
    pub source: String,
    pub destination: String,
    pub source_port: u16,
    pub destination_port: u16,
    pub vni: Option<u32>,
}

/// Runs the pipeline; see the module documentation.
pub struct Analyzer {
    reader: CaptureReader,
    reassembler: Reassembler,
    journeys: JourneyBuilder,
    tcp: TcpTracker,
    dns: DnsTracker,
    udp: UdpTracker,
    summary: CaptureSummary,
    options: AnalyzeOptions,
    finished: Vec<Journey>,
    /// Journeys kept for the report, with the end of their connection that sent them.
    reported: Vec<(Journey, Option<Side>)>,
    journeys_total: u64,
    last_time: Option<Timestamp>,
    /// pcapng interface names, for captures whose interface keys are pcapng interfaces.
    uses_sll2: bool,
    index: Option<PacketIndex>,
}

impl Analyzer {
    pub fn new(options: AnalyzeOptions) -> Analyzer {
        Analyzer {
            reader: CaptureReader::new(),
            reassembler: Reassembler::new(),
            journeys: JourneyBuilder::new(),
            tcp: TcpTracker::new(),
            dns: DnsTracker::new(),
            udp: UdpTracker::new(),
            summary: CaptureSummary::default(),
            finished: Vec::new(),
            reported: Vec::new(),
            journeys_total: 0,
            last_time: None,
            uses_sll2: false,
            index: options.index_packets.then(PacketIndex::new),
            options,
        }
    }

    /// Frames read so far.
    pub fn frames(&self) -> u64 {
        self.summary.frames
    }

    pub fn push(&mut self, chunk: &[u8]) {
        let Analyzer {
            reader,
            reassembler,
            journeys,
            summary,
            finished,
            last_time,
            uses_sll2,
            index,
            ..
        } = self;
        reader.push(chunk, |frame| {
            summary.frames = frame.number;
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
            if let Some(observation) = observation {
                journeys.add(observation, &mut |journey| finished.push(journey));
            }
        });
        self.drain();
    }

    fn drain(&mut self) {
        for journey in std::mem::take(&mut self.finished) {
            self.journeys_total += 1;
            let sender = self
                .tcp
                .add(&journey)
                .or_else(|| self.dns.add(&journey))
                .or_else(|| self.udp.add(&journey));
            if self.reported.len() < MAX_REPORTED_JOURNEYS && worth_reporting(&journey) {
                self.reported.push((journey, sender));
            }
        }
    }

    /// The report, and the packet index when `AnalyzeOptions::index_packets` asked for one.
    pub fn finish_indexed(mut self) -> (Report, Option<PacketIndex>) {
        let index = self.index.take();
        (self.finish(), index)
    }

    pub fn finish(mut self) -> Report {
        let mut finished = Vec::new();
        self.journeys.finish(&mut |journey| finished.push(journey));
        self.finished = finished;
        self.drain();
        let mut names: HashMap<InterfaceKey, String> = HashMap::new();
        if !self.uses_sll2 {
            for interface in self.reader.interfaces() {
                if let Some(name) = &interface.name {
                    names.insert(interface.id, name.clone());
                }
            }
        }
        names.extend(self.options.interface_names.clone());
        let interfaces: Vec<InterfaceReport> = self
            .journeys
            .interface_roles(&names)
            .into_iter()
            .map(|(key, role, evidence)| InterfaceReport {
                key,
                name: display_name(&names, key),
                role,
                why: evidence.reason,
            })
            .collect();
        let capture_end = self.last_time;
        let connections = self.tcp.finish(capture_end);
        let dns = self.dns.finish();
        let udp = self.udp.finish();
        let journeys = self
            .reported
            .iter()
            .map(|(j, sender)| journey_report(j, *sender, &names))
            .collect();
        let mut capture = self.summary;
        capture.complete(self.reader);
        let mut report = Report {
            capture,
            interfaces,
            connections,
            dns,
            udp,
            journeys,
            journeys_total: self.journeys_total,
            findings: Vec::new(),
        };
        report.findings = diagnose(&report);
        report
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

/// The name a report uses for an interface key.
pub fn display_name_of(report: &Report, key: InterfaceKey) -> String {
    report
        .interfaces
        .iter()
        .find(|i| i.key == key)
        .map_or_else(|| format!("if{key}"), |i| i.name.clone())
}

pub fn display_name(names: &HashMap<InterfaceKey, String>, key: InterfaceKey) -> String {
    names
        .get(&key)
        .cloned()
        .unwrap_or_else(|| format!("if{key}"))
}

/// `TCP SYN`, `TCP RST-ACK`, `DNS query A example.com`, `UDP`, `ICMP`.
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
        let mut names = Vec::new();
        for (flag, name) in [
            (tcp_flags::SYN, "SYN"),
            (tcp_flags::FIN, "FIN"),
            (tcp_flags::RST, "RST"),
            (tcp_flags::PSH, "PSH"),
            (tcp_flags::ACK, "ACK"),
        ] {
            if tcp.flags & flag != 0 {
                names.push(name);
            }
        }
        let data = if tcp.payload_len > 0 {
            format!(", {} bytes", tcp.payload_len)
        } else {
            String::new()
        };
        return format!("TCP {}{data}", names.join("-"));
    }
    match journey.first().tuple.protocol {
        1 => "ICMP".into(),
        17 => "UDP".into(),
        58 => "ICMPv6".into(),
        other => format!("IP protocol {other}"),
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
            frame: hop.frame,
            time: hop.time,
            interface: hop.interface,
            interface_name: display_name(names, hop.interface),
            direction: hop.direction,
            from: hop.tuple.source_endpoint().to_string(),
            to: hop.tuple.destination_endpoint().to_string(),
            changes: hop
                .changes
                .iter()
                .map(|c| describe_change(c, sender))
                .collect(),
            encapsulation: hop.encapsulation.map(|e| EncapsulationReport {
                kind: e.kind,
                source: e.source.to_string(),
                destination: e.destination.to_string(),
                source_port: e.source_port,
                destination_port: e.destination_port,
                vni: e.vni,
            }),
            duplicate: hop.duplicate,
        })
        .collect();
    let last_hop = hops.last().cloned().expect("a journey has a hop");
    let name = |key: InterfaceKey| display_name(names, key);
    let outcome = match journey.fate {
        Fate::Delivered { interface } => format!("delivered out of {} to its destination", name(interface)),
        Fate::LeftNode { interface } => format!("left the node through {}", name(interface)),
        Fate::EndedEarly { interface, expected } => format!(
            "arrived on {} and was never seen on {}, where its destination {} lives: dropped on the node in between",
            name(interface),
            name(expected),
            journey.last().tuple.destination
        ),
        Fate::Resegmented { interface } => format!(
            "arrived on {} as a super-packet larger than any wire packet; it leaves cut into pieces, followed as their own journeys",
            name(interface)
        ),
        Fate::Arrived { interface } => format!("arrived on {} (for the node itself, or not followed further)", name(interface)),
        Fate::Observed { interface } => format!("seen on {}", name(interface)),
    };
    JourneyReport {
        id: journey.id,
        packet: describe_packet(journey),
        frames: journey.frames(),
        hops,
        last_hop,
        fate: journey.fate,
        outcome,
        bad_checksum: journey.bad_checksum,
    }
}

/// In words, as the hop list shows it. Knowing which end sent the packet names the NAT step:
/// the client's packets are DNATed and SNATed; the server's replies get those undone.
pub fn describe_change(change: &Change, sender: Option<Side>) -> String {
    match change {
        Change::Destination { from, to } => match sender {
            Some(Side::Client) => format!("DNAT {from} → {to}"),
            Some(Side::Server) => format!("un-SNAT {from} → {to}"),
            None => format!("destination {from} → {to}"),
        },
        Change::Source { from, to } => match sender {
            Some(Side::Client) => format!("SNAT {from} → {to}"),
            Some(Side::Server) => format!("un-DNAT {from} → {to}"),
            None => format!("source {from} → {to}"),
        },
        Change::Encapsulated(outer) => {
            let kind = match outer.kind {
                TunnelKind::Vxlan => "VXLAN",
                TunnelKind::Geneve => "Geneve",
                TunnelKind::Gre => "GRE",
                TunnelKind::IpInIp => "IP-in-IP",
            };
            let port = |p: u16| {
                if p == 0 {
                    String::new()
                } else {
                    format!(":{p}")
                }
            };
            let vni = outer.vni.map(|v| format!(" (VNI {v})")).unwrap_or_default();
            format!(
                "{kind} encapsulation {}{} → {}{}{vni}",
                outer.source,
                port(outer.source_port),
                outer.destination,
                port(outer.destination_port)
            )
        }
        Change::Decapsulated(outer) => {
            format!("decapsulated from {} → {}", outer.source, outer.destination)
        }
    }
}

//! Words: every way the analysis is put into text lives here, so that the same thing is said
//! the same way in the CLI, the page and the Markdown export. Types go in, text comes out;
//! nothing here is parsed back.

mod markdown;
mod text;

use std::fmt;

use crate::analysis::{Analysis, HopChange, JourneyReport, Vantage, VantageReport};
use crate::connection::{Connection, DnsOutcome, DnsQuery, Leg, LegVia, Outcome, Side, UdpOutcome};
use crate::journey::{Direction, Encapsulation, Endpoint, Fate, InterfaceRole};
use crate::signatures::Severity;
use crate::summary::CaptureSummary;

pub use markdown::markdown;
pub use text::{explanation_text, report_text};

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Outcome::Established => "established",
            Outcome::ResetByClient => "reset by the client",
            Outcome::Refused => "refused",
            Outcome::GaveUp => "no answer, client gave up",
            Outcome::Unanswered => "no answer, still retrying",
            Outcome::MidStream => "already open when the capture started",
        })
    }
}

/// How a connection's handshake went, in a sentence.
pub fn connection_outcome(connection: &Connection) -> String {
    match connection.outcome {
        Outcome::Established => format!(
            "established in {:.3} s",
            connection.time_to_connect.unwrap_or(0.0)
        ),
        Outcome::ResetByClient => "never established: the client reset every SYN-ACK it got".into(),
        Outcome::Refused => "refused: the server answered with a reset".into(),
        Outcome::GaveUp => "never established: no SYN-ACK reached the client, which gave up".into(),
        Outcome::Unanswered => {
            "no SYN-ACK reached the client (still retrying when the capture ended)".into()
        }
        Outcome::MidStream => "already open when the capture started".into(),
    }
}

impl fmt::Display for DnsOutcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DnsOutcome::Answered => "answered",
            DnsOutcome::AnsweredAfterRetry => "answered only after a retry",
            DnsOutcome::AnswerLostOnNode => "the answer reached the node but not the client",
            DnsOutcome::Unanswered => "no answer",
        })
    }
}

/// How a DNS query went, in a sentence with its time.
pub fn dns_outcome(query: &DnsQuery) -> String {
    let seconds = query.time_to_answer.unwrap_or(0.0);
    match query.outcome {
        DnsOutcome::Answered => format!("answered in {seconds:.3} s"),
        DnsOutcome::AnsweredAfterRetry => format!("answered only after a retry, {seconds:.3} s"),
        other => other.to_string(),
    }
}

impl fmt::Display for UdpOutcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            UdpOutcome::Answered => "answered",
            UdpOutcome::RepliesLostOnNode => "replies reached the node but not the client",
            UdpOutcome::OneWay => "one way only",
        })
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        })
    }
}

impl fmt::Display for Side {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Side::Client => "the client",
            Side::Server => "the server",
        })
    }
}

impl fmt::Display for Direction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Direction::In => "in",
            Direction::Out => "out",
            Direction::Unknown => "seen",
        })
    }
}

impl fmt::Display for InterfaceRole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InterfaceRole::PodSide { pod: Some(pod) } => write!(f, "pod side ({pod})"),
            InterfaceRole::PodSide { pod: None } => f.write_str("pod side"),
            InterfaceRole::Bridge => f.write_str("bridge"),
            InterfaceRole::Tunnel => f.write_str("tunnel"),
            InterfaceRole::Uplink => f.write_str("uplink"),
            InterfaceRole::Loopback => f.write_str("loopback"),
            InterfaceRole::Host => f.write_str("the host's own interface"),
            InterfaceRole::Unknown => f.write_str("unknown"),
        }
    }
}

/// Who sent a reset: `the client 10.244.0.10:60986`, `the server side 10.244.0.20:8080`.
pub fn reset_sender(by: Side, from: Endpoint) -> String {
    match by {
        Side::Client => format!("the client {from}"),
        Side::Server => format!("the server side {from}"),
    }
}

/// What a station of the path is, for a caption: "veth of pod 10.244.0.10", "bridge".
pub fn role_caption(role: &InterfaceRole) -> String {
    match role {
        InterfaceRole::PodSide { pod: Some(pod) } => format!("veth of pod {pod}"),
        InterfaceRole::PodSide { pod: None } => "a pod's veth".into(),
        InterfaceRole::Bridge => "bridge".into(),
        InterfaceRole::Tunnel => "tunnel".into(),
        InterfaceRole::Uplink => "node uplink".into(),
        InterfaceRole::Loopback => "loopback".into(),
        InterfaceRole::Host => "its own interface".into(),
        InterfaceRole::Unknown => "interface".into(),
    }
}

/// `VXLAN 172.18.0.2:50421 → 172.18.0.3:8472 (VNI 1)`; ports only for UDP tunnels.
impl fmt::Display for Encapsulation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let port = |p: u16| {
            if p == 0 {
                String::new()
            } else {
                format!(":{p}")
            }
        };
        write!(
            f,
            "{} {}{} → {}{}",
            self.kind,
            self.source,
            port(self.source_port),
            self.destination,
            port(self.destination_port)
        )?;
        if let Some(vni) = self.vni {
            write!(f, " (VNI {vni})")?;
        }
        Ok(())
    }
}

/// `DNAT 10.96.0.10:80 → 10.244.0.20:8080`, `VXLAN encapsulation 172.18.0.2:50421 →
/// 172.18.0.3:8472 (VNI 1)`.
impl fmt::Display for HopChange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (name, before, after) = match self {
            HopChange::Dnat { before, after } => ("DNAT", before, after),
            HopChange::Snat { before, after } => ("SNAT", before, after),
            HopChange::UnDnat { before, after } => ("un-DNAT", before, after),
            HopChange::UnSnat { before, after } => ("un-SNAT", before, after),
            HopChange::Destination { before, after } => ("destination", before, after),
            HopChange::Source { before, after } => ("source", before, after),
            HopChange::Encapsulation { tunnel } => {
                let text = tunnel.to_string();
                // "VXLAN 1.2.3.4 → …" becomes "VXLAN encapsulation 1.2.3.4 → …".
                let (kind, rest) = text.split_at(tunnel.kind.name().len());
                return write!(f, "{kind} encapsulation{rest}");
            }
            HopChange::Decapsulation { tunnel } => {
                return write!(
                    f,
                    "decapsulated from {} → {}",
                    tunnel.source, tunnel.destination
                )
            }
        };
        write!(f, "{name} {before} → {after}")
    }
}

/// What a list of changes did, joined: `DNAT a → b; SNAT c → d`.
pub fn changes_text(changes: &[HopChange]) -> String {
    changes
        .iter()
        .map(|c| c.to_string())
        .collect::<Vec<_>>()
        .join("; ")
}

/// How a leg came from the previous one: `destination 10.96.0.10:80 → 10.244.0.20:8080 on the
/// node, between frame 1 (vethpoda) and frame 3 (cni0)`.
pub fn leg_via(analysis: &Analysis, previous: &Leg, leg: &Leg) -> Option<String> {
    let via = leg.via?;
    let mut what = Vec::new();
    if previous.to != leg.to {
        what.push(format!("destination {} → {}", previous.to, leg.to));
    }
    if previous.from != leg.from {
        what.push(format!("source {} → {}", previous.from, leg.from));
    }
    let place = match via {
        LegVia::OutsideNode { left, back } => format!(
            "outside the node, between leaving {} (frame {}) and coming back (frame {})",
            analysis.interface_name(left.interface),
            left.frame,
            back.frame
        ),
        LegVia::OnNode { before, after } => format!(
            "on the node, between frame {} ({}) and frame {} ({})",
            before.frame,
            analysis.interface_name(before.interface),
            after.frame,
            analysis.interface_name(after.interface)
        ),
    };
    Some(format!("{} {place}", what.join(", ")))
}

/// Where a journey's packet was last seen and what that means.
pub fn fate_text(analysis: &Analysis, journey: &JourneyReport) -> String {
    let name = |key| analysis.interface_name(key);
    match journey.fate {
        Fate::Delivered { interface } => {
            format!("delivered out of {} to its destination", name(interface))
        }
        Fate::LeftNode { interface } => format!("left the node through {}", name(interface)),
        Fate::EndedEarly {
            interface,
            expected,
        } => format!(
            "arrived on {} and was never seen on {}, where its destination {} lives: dropped on the node in between",
            name(interface),
            name(expected),
            journey.last_hop().to.address
        ),
        Fate::Resegmented { interface } => format!(
            "arrived on {} as a super-packet larger than any wire packet; it leaves cut into pieces, followed as their own journeys",
            name(interface)
        ),
        Fate::Local { interface } => format!(
            "arrived on {} for this host itself (one of its own addresses)",
            name(interface)
        ),
        Fate::Arrived { interface } => format!(
            "arrived on {} (not seen going further)",
            name(interface)
        ),
        Fate::Observed { interface } => format!("seen on {}", name(interface)),
    }
}

/// Where the capture was taken, in words, with the evidence.
pub fn vantage_text(report: &VantageReport) -> String {
    let what = match report.vantage {
        Vantage::NodeAllInterfaces { .. } => "a node, all interfaces (tcpdump -i any)".to_string(),
        Vantage::NodePerInterface { interfaces } => {
            format!("a node, {interfaces} interfaces captured each on its own")
        }
        Vantage::Endpoint { address } => format!("inside {address} (its own traffic only)"),
        Vantage::NodeUplink {
            address: Some(address),
        } => {
            format!("the uplink of the node {address} only")
        }
        Vantage::NodeUplink { address: None } => "a node's uplink only".to_string(),
        Vantage::InPath => {
            "a device in the path (a load balancer or router), or the link to it".to_string()
        }
        Vantage::Unknown => "unknown".to_string(),
    };
    format!("{what} — {}", report.why)
}

/// What putting the capture in time order took, when it took anything.
pub fn order_text(capture: &CaptureSummary) -> Option<String> {
    match (capture.reordered, capture.late_total) {
        (0, 0) => None,
        (reordered, 0) => Some(format!(
            "{reordered} frames were written out of time order (one interface after another) and were put back in order"
        )),
        (reordered, late) => Some(format!(
            "{reordered} frames were put back in time order; {late} came later than the 2 s reorder window allows and were analysed out of place (frames {}{})",
            frame_list(&capture.late_frames),
            if late as usize > capture.late_frames.len() { ", …" } else { "" }
        )),
    }
}

/// `1,2,3`
pub fn frame_list(frames: &[u64]) -> String {
    frames
        .iter()
        .map(|f| f.to_string())
        .collect::<Vec<_>>()
        .join(",")
}

/// `1.0 s`, `350 ms`, `12 µs`.
pub fn duration(seconds: f64) -> String {
    if seconds >= 1.0 {
        format!("{seconds:.1} s")
    } else if seconds >= 0.001 {
        format!("{:.0} ms", seconds * 1e3)
    } else {
        format!("{:.0} µs", seconds * 1e6)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journey::TunnelKind;

    fn endpoint(text: &str) -> Endpoint {
        let socket: std::net::SocketAddr = text.parse().unwrap();
        Endpoint {
            address: socket.ip(),
            port: socket.port(),
        }
    }

    #[test]
    fn changes_read_as_the_hop_list_shows_them() {
        let dnat = HopChange::Dnat {
            before: endpoint("10.96.0.10:80"),
            after: endpoint("10.244.0.20:8080"),
        };
        assert_eq!(dnat.to_string(), "DNAT 10.96.0.10:80 → 10.244.0.20:8080");
        let tunnel = Encapsulation {
            kind: TunnelKind::Vxlan,
            ttl: 64,
            source: "172.18.0.2".parse().unwrap(),
            destination: "172.18.0.3".parse().unwrap(),
            source_port: 50421,
            destination_port: 8472,
            vni: Some(1),
        };
        assert_eq!(
            HopChange::Encapsulation { tunnel }.to_string(),
            "VXLAN encapsulation 172.18.0.2:50421 → 172.18.0.3:8472 (VNI 1)"
        );
        let ipip = Encapsulation {
            kind: TunnelKind::IpInIp,
            source_port: 0,
            destination_port: 0,
            vni: None,
            ..tunnel
        };
        assert_eq!(
            HopChange::Encapsulation { tunnel: ipip }.to_string(),
            "IP-in-IP encapsulation 172.18.0.2 → 172.18.0.3"
        );
    }

    #[test]
    fn durations_pick_their_unit() {
        assert_eq!(duration(2.04), "2.0 s");
        assert_eq!(duration(0.35), "350 ms");
        assert_eq!(duration(0.000069), "69 µs");
    }
}

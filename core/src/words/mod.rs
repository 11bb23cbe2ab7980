//! Words: every way the analysis is put into text lives here, so that the same thing is said
//! the same way in the CLI, the page and the Markdown export. Types go in, text comes out;
//! nothing here is parsed back.

mod markdown;
mod text;

use std::fmt;

use crate::analysis::{Analysis, HopChange, JourneyReport, Vantage, VantageReport};
use crate::connection::{Connection, DnsOutcome, DnsQuery, Leg, LegVia, Outcome, Side, UdpOutcome};
use crate::i18n::{tr, Message};
use crate::journey::{Direction, Encapsulation, Endpoint, Fate, InterfaceRole};
use crate::signatures::Severity;
use crate::summary::CaptureSummary;

pub use markdown::markdown;
pub use text::{explanation_text, report_text};

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&tr(match self {
            Outcome::Established => "outcome-established",
            Outcome::ResetByClient => "outcome-reset-by-client",
            Outcome::Refused => "outcome-refused",
            Outcome::GaveUp => "outcome-gave-up",
            Outcome::Unanswered => "outcome-unanswered",
            Outcome::MidStream => "outcome-mid-stream",
        }))
    }
}

/// How a connection's handshake went, in a sentence.
pub fn connection_outcome(connection: &Connection) -> String {
    match connection.outcome {
        Outcome::Established => Message::new("connection-established-in")
            .with(
                "seconds",
                format!("{:.3}", connection.time_to_connect.unwrap_or(0.0)),
            )
            .to_string(),
        Outcome::ResetByClient => tr("connection-reset-by-client"),
        Outcome::Refused => tr("connection-refused"),
        Outcome::GaveUp => tr("connection-gave-up"),
        Outcome::Unanswered => tr("connection-unanswered"),
        Outcome::MidStream => tr("outcome-mid-stream"),
    }
}

impl fmt::Display for DnsOutcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&tr(match self {
            DnsOutcome::Answered => "dns-outcome-answered",
            DnsOutcome::AnsweredAfterRetry => "dns-outcome-after-retry",
            DnsOutcome::AnswerLostOnNode => "dns-outcome-lost-on-node",
            DnsOutcome::Unanswered => "dns-outcome-unanswered",
        }))
    }
}

/// How a DNS query went, in a sentence with its time.
pub fn dns_outcome(query: &DnsQuery) -> String {
    let seconds = format!("{:.3}", query.time_to_answer.unwrap_or(0.0));
    match query.outcome {
        DnsOutcome::Answered => Message::new("dns-answered-in")
            .with("seconds", seconds)
            .to_string(),
        DnsOutcome::AnsweredAfterRetry => Message::new("dns-answered-after-retry-in")
            .with("seconds", seconds)
            .to_string(),
        other => other.to_string(),
    }
}

impl fmt::Display for UdpOutcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&tr(match self {
            UdpOutcome::Answered => "udp-outcome-answered",
            UdpOutcome::RepliesLostOnNode => "udp-outcome-lost-on-node",
            UdpOutcome::OneWay => "udp-outcome-one-way",
        }))
    }
}

/// The machine name (`error`, `warning`, `info`), as in JSON; [`severity_label`] is the word.
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
        f.write_str(&tr(match self {
            Side::Client => "side-client",
            Side::Server => "side-server",
        }))
    }
}

impl fmt::Display for Direction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&tr(match self {
            Direction::In => "direction-in",
            Direction::Out => "direction-out",
            Direction::Unknown => "direction-unknown",
        }))
    }
}

impl fmt::Display for InterfaceRole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let message = match self {
            InterfaceRole::PodSide { pod: Some(pod) } => {
                Message::new("role-pod-side-of").with("pod", pod)
            }
            InterfaceRole::PodSide { pod: None } => Message::new("role-pod-side"),
            InterfaceRole::Bridge => Message::new("role-bridge"),
            InterfaceRole::Tunnel => Message::new("role-tunnel"),
            InterfaceRole::Uplink => Message::new("role-uplink"),
            InterfaceRole::Loopback => Message::new("role-loopback"),
            InterfaceRole::Host => Message::new("role-host"),
            InterfaceRole::Unknown => Message::new("role-unknown"),
        };
        write!(f, "{message}")
    }
}

/// Who sent a reset: `the client 10.244.0.10:60986`, `the server side 10.244.0.20:8080`.
pub fn reset_sender(by: Side, from: Endpoint) -> String {
    Message::new(match by {
        Side::Client => "reset-by-client",
        Side::Server => "reset-by-server-side",
    })
    .with("from", from)
    .to_string()
}

/// What a station of the path is, for a caption: "veth of pod 10.244.0.10", "bridge".
pub fn role_caption(role: &InterfaceRole) -> String {
    match role {
        InterfaceRole::PodSide { pod: Some(pod) } => Message::new("caption-pod-veth-of")
            .with("pod", pod)
            .to_string(),
        InterfaceRole::PodSide { pod: None } => tr("caption-pod-veth"),
        InterfaceRole::Bridge => tr("role-bridge"),
        InterfaceRole::Tunnel => tr("role-tunnel"),
        InterfaceRole::Uplink => tr("caption-uplink"),
        InterfaceRole::Loopback => tr("role-loopback"),
        InterfaceRole::Host => tr("caption-host"),
        InterfaceRole::Unknown => tr("caption-interface"),
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
        let (id, before, after) = match self {
            HopChange::Dnat { before, after } => ("change-dnat", before, after),
            HopChange::Snat { before, after } => ("change-snat", before, after),
            HopChange::UnDnat { before, after } => ("change-un-dnat", before, after),
            HopChange::UnSnat { before, after } => ("change-un-snat", before, after),
            HopChange::Destination { before, after } => ("change-destination", before, after),
            HopChange::Source { before, after } => ("change-source", before, after),
            HopChange::Encapsulation { tunnel } => {
                // "VXLAN 1.2.3.4 → …": the kind, then the outer addresses.
                let text = tunnel.to_string();
                let (kind, rest) = text.split_at(tunnel.kind.name().len());
                let message = Message::new("change-encapsulation")
                    .with("kind", kind)
                    .with("outer", rest.trim_start());
                return write!(f, "{message}");
            }
            HopChange::Decapsulation { tunnel } => {
                let message = Message::new("change-decapsulation")
                    .with("source", tunnel.source)
                    .with("destination", tunnel.destination);
                return write!(f, "{message}");
            }
        };
        let message = Message::new(id).with("before", before).with("after", after);
        write!(f, "{message}")
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
        what.push(
            HopChange::Destination {
                before: previous.to,
                after: leg.to,
            }
            .to_string(),
        );
    }
    if previous.from != leg.from {
        what.push(
            HopChange::Source {
                before: previous.from,
                after: leg.from,
            }
            .to_string(),
        );
    }
    let place = match via {
        LegVia::OutsideNode { left, back } => Message::new("leg-outside-node")
            .with("interface", analysis.interface_name(left.interface))
            .frame("left", left.frame)
            .frame("back", back.frame),
        LegVia::OnNode { before, after } => Message::new("leg-on-node")
            .frame("before", before.frame)
            .with(
                "before_interface",
                analysis.interface_name(before.interface),
            )
            .frame("after", after.frame)
            .with("after_interface", analysis.interface_name(after.interface)),
    };
    Some(format!("{} {place}", what.join(", ")))
}

/// Where a journey's packet was last seen and what that means.
pub fn fate_text(analysis: &Analysis, journey: &JourneyReport) -> String {
    let name = |key| analysis.interface_name(key);
    let message = match journey.fate {
        Fate::Delivered { interface } => {
            Message::new("fate-delivered").with("interface", name(interface))
        }
        Fate::LeftNode { interface } => {
            Message::new("fate-left-node").with("interface", name(interface))
        }
        Fate::EndedEarly {
            interface,
            expected,
        } => Message::new("fate-ended-early")
            .with("interface", name(interface))
            .with("expected", name(expected))
            .with("destination", journey.last_hop().to.address),
        Fate::Resegmented { interface } => {
            Message::new("fate-resegmented").with("interface", name(interface))
        }
        Fate::Local { interface } => Message::new("fate-local").with("interface", name(interface)),
        Fate::Arrived { interface } => {
            Message::new("fate-arrived").with("interface", name(interface))
        }
        Fate::Observed { interface } => {
            Message::new("fate-observed").with("interface", name(interface))
        }
    };
    message.to_string()
}

/// A severity as a label: `Error`, `Warning`, `Info`, in the current language.
pub fn severity_label(severity: Severity) -> String {
    tr(match severity {
        Severity::Error => "severity-error",
        Severity::Warning => "severity-warning",
        Severity::Info => "severity-info",
    })
}

/// Where the capture was taken, in words.
pub fn vantage_name(vantage: Vantage) -> String {
    match vantage {
        Vantage::NodeAllInterfaces { .. } => tr("vantage-node-all"),
        Vantage::NodePerInterface { interfaces } => Message::new("vantage-node-per-interface")
            .count("interfaces", interfaces)
            .to_string(),
        Vantage::Endpoint { address } => Message::new("vantage-endpoint")
            .with("address", address)
            .to_string(),
        Vantage::NodeUplink {
            address: Some(address),
        } => Message::new("vantage-node-uplink-of")
            .with("address", address)
            .to_string(),
        Vantage::NodeUplink { address: None } => tr("vantage-node-uplink"),
        Vantage::InPath => tr("vantage-in-path"),
        Vantage::Unknown => tr("vantage-unknown"),
    }
}

/// Where the capture was taken, in words, with the evidence.
pub fn vantage_text(report: &VantageReport) -> String {
    format!("{} — {}", vantage_name(report.vantage), report.why)
}

/// A line of the cluster's names that could not be read: where, why, and the line.
pub fn names_problem(source: &str, problem: &crate::names::LineProblem) -> String {
    use crate::names::ProblemReason;
    let why = match &problem.reason {
        ProblemReason::Empty => Message::new("names-empty"),
        ProblemReason::UnknownFormat => Message::new("names-unknown-format"),
        ProblemReason::UnrecognizedLine => Message::new("names-unrecognized-line"),
        ProblemReason::UnsupportedTable => Message::new("names-unsupported-table"),
        ProblemReason::MissingColumn { column } => {
            Message::new("names-missing-column").with("column", column)
        }
        ProblemReason::TooFewColumns { expected, found } => Message::new("names-too-few-columns")
            .with("expected", expected)
            .with("found", found),
        ProblemReason::Misaligned => Message::new("names-misaligned"),
        ProblemReason::BadAddress => Message::new("names-bad-address"),
        ProblemReason::BadPorts => Message::new("names-bad-ports"),
        ProblemReason::BadIndex => Message::new("names-bad-index"),
        ProblemReason::TooManyEntries { limit } => {
            Message::new("names-too-many").with("limit", limit)
        }
    };
    Message::new(if problem.line == 0 {
        "names-problem-text"
    } else {
        "names-problem-line"
    })
    .with("source", source)
    .with("line", problem.line)
    .part("why", why)
    .with("text", &problem.text)
    .to_string()
}

/// One of several captures: its name, size, vantage point and how its clock was lined up.
pub fn capture_file_text(index: usize, file: &crate::combine::CaptureFile) -> String {
    use crate::combine::ClockSource;
    let clock = match &file.clock {
        ClockSource::Reference => Message::new("clock-reference"),
        ClockSource::Matched {
            with,
            packets,
            spread_ms,
            drift_ppm,
        } => Message::new(match drift_ppm {
            Some(_) => "clock-matched-drift",
            None => "clock-matched",
        })
        .with("offset", format!("{:+.6}", file.clock_offset))
        .with("with", format!("#{}", with + 1))
        .count("packets", *packets)
        .with("spread", format!("{spread_ms:.3}"))
        .with("drift", format!("{:.1}", drift_ppm.unwrap_or(0.0))),
        ClockSource::Given => {
            Message::new("clock-given").with("offset", format!("{:+.6}", file.clock_offset))
        }
        ClockSource::Unmatched => Message::new("clock-unmatched"),
    };
    let seen = file
        .vantage
        .as_ref()
        .map(|v| vantage_name(v.vantage))
        .unwrap_or_else(|| tr("vantage-unknown"));
    Message::new("capture-file")
        .with("index", index + 1)
        .with("name", &file.name)
        .count("frames", file.frames)
        .with("seen", seen)
        .part("clock", clock)
        .to_string()
}

/// What putting the capture in time order took, when it took anything.
pub fn order_text(capture: &CaptureSummary) -> Option<String> {
    match (capture.reordered, capture.late_total) {
        (0, 0) => None,
        (reordered, 0) => Some(
            Message::new("order-reordered")
                .count("reordered", reordered)
                .to_string(),
        ),
        (reordered, late) => Some(
            Message::new("order-late")
                .count("reordered", reordered)
                .count("late", late)
                .with(
                    "frames",
                    format!(
                        "{}{}",
                        frame_list(&capture.late_frames),
                        if late as usize > capture.late_frames.len() {
                            ", …"
                        } else {
                            ""
                        }
                    ),
                )
                .to_string(),
        ),
    }
}

/// `1,2,3`
pub fn frame_list(frames: &[u64]) -> String {
    crate::files::frame_list(frames)
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
            checksum: crate::decode::ChecksumStatus::Good,
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

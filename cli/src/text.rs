//! The readable form of a report, for a terminal.

use std::io::{self, Write};

use dropscope_core::connection::{DnsOutcome, Outcome, Side, UdpOutcome};
use dropscope_core::journey::{Fate, InterfaceRole};
use dropscope_core::report::Report;
use dropscope_core::signatures::{Explanation, Severity};

pub fn write_report(out: &mut impl Write, path: &str, report: &Report) -> io::Result<()> {
    let capture = &report.capture;
    let link_types: Vec<String> = capture.link_types.keys().cloned().collect();
    writeln!(
        out,
        "{path}: {} frames, {} packets ({})",
        capture.frames,
        capture.packets,
        link_types.join(", ")
    )?;
    if let Some(error) = &capture.error {
        writeln!(out, "  error {error}; everything before it was analysed")?;
    }
    for warning in &capture.warnings {
        writeln!(out, "  warning {warning}")?;
    }
    if capture.bad_checksums > 0 {
        writeln!(
            out,
            "  {} packets with a wrong checksum (offload placeholders are not counted)",
            capture.bad_checksums
        )?;
    }

    if report.findings.is_empty() {
        writeln!(out, "\nNo known failure recognised.")?;
    } else {
        writeln!(out, "\nFindings")?;
        for finding in &report.findings {
            let severity = match finding.severity {
                Severity::Error => "ERROR",
                Severity::Warning => "WARNING",
                Severity::Info => "info",
            };
            writeln!(
                out,
                "  {severity} {}: {}",
                finding.signature, finding.summary
            )?;
            match finding.failure_frame {
                Some(frame) => writeln!(
                    out,
                    "      where: {} (frame {frame})",
                    finding.point_of_failure
                )?,
                None => writeln!(out, "      where: {}", finding.point_of_failure)?,
            }
            for evidence in &finding.evidence {
                if evidence.frames.is_empty() {
                    writeln!(out, "      - {}", evidence.what)?;
                } else {
                    writeln!(
                        out,
                        "      - {} [frames {}]",
                        evidence.what,
                        frames(&evidence.frames)
                    )?;
                }
            }
            if let Some(fix) = finding.explanation.fix.first() {
                writeln!(out, "      fix: {}", fix.what)?;
                for command in fix.commands {
                    writeln!(out, "          {command}")?;
                }
            }
            writeln!(
                out,
                "      why, how to confirm, other fixes: dropscope explain {}",
                finding.signature
            )?;
        }
    }

    writeln!(out, "\nInterfaces")?;
    for interface in &report.interfaces {
        let role = match interface.role {
            InterfaceRole::PodSide { pod: Some(pod) } => format!("pod side ({pod})"),
            InterfaceRole::PodSide { pod: None } => "pod side".into(),
            InterfaceRole::Bridge => "bridge".into(),
            InterfaceRole::Tunnel => "tunnel".into(),
            InterfaceRole::Uplink => "uplink".into(),
            InterfaceRole::Unknown => "unknown".into(),
        };
        writeln!(
            out,
            "  {:<12} {:<24} {}",
            interface.name, role, interface.why
        )?;
    }

    writeln!(out, "\nTCP connections ({})", report.connections.len())?;
    for c in &report.connections {
        let outcome = match c.outcome {
            Outcome::Established => {
                format!("established in {:.3} s", c.time_to_connect.unwrap_or(0.0))
            }
            Outcome::ResetByClient => {
                "never established: the client reset every SYN-ACK it got".into()
            }
            Outcome::Refused => "refused: the server answered with a reset".into(),
            Outcome::GaveUp => {
                "never established: no SYN-ACK reached the client, which gave up".into()
            }
            Outcome::Unanswered => {
                "no SYN-ACK reached the client (still retrying when the capture ended)".into()
            }
            Outcome::MidStream => "already open when the capture started".into(),
        };
        writeln!(out, "  #{} {} → {}: {outcome}", c.id, c.client, c.server)?;
        if c.attempts.len() > 1 {
            let gaps: Vec<String> = c.retry_gaps().iter().map(|g| format!("{g:.1}")).collect();
            writeln!(
                out,
                "      {} SYNs, retried after {} s",
                c.attempts.len(),
                gaps.join(", ")
            )?;
        }
        if c.legs.len() > 1 {
            for leg in &c.legs {
                match &leg.via {
                    None => writeln!(
                        out,
                        "      leg {} → {} (frames {})",
                        leg.from,
                        leg.to,
                        frames(&leg.frames)
                    )?,
                    Some(via) => writeln!(
                        out,
                        "      leg {} → {} (frames {}): {via}",
                        leg.from,
                        leg.to,
                        frames(&leg.frames)
                    )?,
                }
            }
        }
        for reply in c.syn_acks.iter().take(1) {
            match reply.fate {
                Fate::EndedEarly { .. } => writeln!(
                    out,
                    "      SYN-ACK from {} never reached {}: last seen in frame {} (frames {})",
                    reply.from,
                    reply.to,
                    reply.last_frame,
                    frames(&reply.frames)
                )?,
                _ => writeln!(
                    out,
                    "      SYN-ACK reached {} from {} (frames {})",
                    reply.to,
                    reply.from,
                    frames(&reply.frames)
                )?,
            }
        }
        if c.syn_acks.len() > 1 {
            writeln!(out, "      ({} SYN-ACKs in all)", c.syn_acks.len())?;
        }
        if let Some(reset) = c.resets.first() {
            let by = match reset.by {
                Side::Client => "the client",
                Side::Server => "the server",
            };
            writeln!(
                out,
                "      RST sent by {by}, {} → {} (frames {})",
                reset.from,
                reset.to,
                frames(&reset.frames)
            )?;
        }
    }

    if !report.dns.is_empty() {
        writeln!(out, "\nDNS queries ({})", report.dns.len())?;
        for q in &report.dns {
            let outcome = match q.outcome {
                DnsOutcome::Answered => {
                    format!("answered in {:.3} s", q.time_to_answer.unwrap_or(0.0))
                }
                DnsOutcome::AnsweredAfterRetry => format!(
                    "answered only after a retry, {:.3} s",
                    q.time_to_answer.unwrap_or(0.0)
                ),
                DnsOutcome::AnswerLostOnNode => {
                    "the answer reached the node but not the client".into()
                }
                DnsOutcome::Unanswered => "no answer".into(),
            };
            let sent: Vec<String> = q.attempts.iter().map(|a| a.frame.to_string()).collect();
            writeln!(
                out,
                "  {} {} id 0x{:04x} {} → {}: {outcome} (sent in frames {})",
                q.qtype.as_deref().unwrap_or("?"),
                q.name.as_deref().unwrap_or("?"),
                q.id,
                q.client,
                q.server,
                sent.join(", ")
            )?;
        }
    }

    if !report.udp.is_empty() {
        writeln!(out, "\nOther UDP exchanges ({})", report.udp.len())?;
        for u in report.udp.iter().take(50) {
            let outcome = match u.outcome {
                UdpOutcome::Answered => "answered",
                UdpOutcome::RepliesLostOnNode => "replies reached the node but not the client",
                UdpOutcome::OneWay => "one way only",
            };
            writeln!(
                out,
                "  {} → {}: {} sent, {} back: {outcome}",
                u.client, u.server, u.from_client, u.from_server
            )?;
        }
    }

    let early: Vec<_> = report
        .journeys
        .iter()
        .filter(|j| matches!(j.fate, Fate::EndedEarly { .. }))
        .collect();
    if !early.is_empty() {
        writeln!(
            out,
            "\nPackets that ended early on the node ({})",
            early.len()
        )?;
        for journey in early {
            writeln!(
                out,
                "  {} {} → {} (frames {}): {}",
                journey.packet,
                journey.last_hop.from,
                journey.last_hop.to,
                frames(&journey.frames),
                journey.outcome
            )?;
        }
    }
    writeln!(
        out,
        "\n{} journeys in all; {} listed in --json",
        report.journeys_total,
        report.journeys.len()
    )?;
    Ok(())
}

fn frames(frames: &[u64]) -> String {
    frames
        .iter()
        .map(|f| f.to_string())
        .collect::<Vec<_>>()
        .join(",")
}

/// The whole write-up behind a signature.
pub fn write_explanation(
    out: &mut impl Write,
    id: &str,
    explanation: &Explanation,
) -> io::Result<()> {
    writeln!(out, "{id}: {}\n", explanation.title)?;
    writeln!(out, "Symptom\n  {}\n", explanation.symptom)?;
    writeln!(out, "Cause\n  {}\n", explanation.cause)?;
    for (heading, steps) in [
        ("Confirm on a live node", explanation.confirm),
        ("Fix", explanation.fix),
    ] {
        writeln!(out, "{heading}")?;
        for step in steps {
            writeln!(out, "  - {}", step.what)?;
            for command in step.commands {
                writeln!(out, "      {command}")?;
            }
            if let Some(tradeoff) = step.tradeoff {
                writeln!(out, "    trade-off: {tradeoff}")?;
            }
        }
        writeln!(out)?;
    }
    writeln!(out, "References")?;
    for reference in explanation.references {
        writeln!(out, "  - {}: {}", reference.title, reference.url)?;
    }
    Ok(())
}

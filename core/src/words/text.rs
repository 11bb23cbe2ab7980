//! The readable form of a report, for a terminal.

use std::fmt::{self, Write};

use super::{connection_outcome, dns_outcome, fate_text, frame_list as frames, leg_via};
use crate::journey::Fate;
use crate::report::Report;
use crate::signatures::{Explanation, Severity};

/// The report as the CLI prints it; `name` is the capture's file name.
pub fn report_text(name: &str, report: &Report) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = write_report(&mut out, name, report);
    out
}

/// The whole write-up behind a signature, as the CLI prints it.
pub fn explanation_text(id: &str, explanation: &Explanation) -> String {
    let mut out = String::new();
    let _ = write_explanation(&mut out, id, explanation);
    out
}

fn write_report(out: &mut String, path: &str, report: &Report) -> fmt::Result {
    let analysis = &report.analysis;
    let capture = &analysis.capture;
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
    if let Some(vantage) = &capture.vantage {
        writeln!(out, "  seen from: {}", super::vantage_text(vantage))?;
    }
    if let Some(order) = super::order_text(capture) {
        writeln!(out, "  {order}")?;
    }

    if report.findings.is_empty() {
        writeln!(out, "\nNo known failure recognised.")?;
    } else {
        writeln!(out, "\nFindings")?;
        for finding in &report.findings {
            // Loud where it matters in a terminal.
            let severity = match finding.severity {
                Severity::Error | Severity::Warning => finding.severity.to_string().to_uppercase(),
                Severity::Info => finding.severity.to_string(),
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
            if let Some(next) = &finding.next_capture {
                writeln!(out, "      next capture: {next}")?;
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
    for interface in &analysis.interfaces {
        writeln!(
            out,
            "  {:<12} {:<24} {}",
            interface.name,
            interface.role.to_string(),
            interface.why
        )?;
    }

    writeln!(out, "\nTCP connections ({})", analysis.connections.len())?;
    for c in &analysis.connections {
        let outcome = connection_outcome(c);
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
            for (at, leg) in c.legs.iter().enumerate() {
                let via = at
                    .checked_sub(1)
                    .and_then(|p| leg_via(analysis, &c.legs[p], leg));
                match via {
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
            writeln!(
                out,
                "      RST sent by {}, {} → {} (frames {})",
                reset.by,
                reset.from,
                reset.to,
                frames(&reset.frames)
            )?;
        }
    }

    if !analysis.dns.is_empty() {
        writeln!(out, "\nDNS queries ({})", analysis.dns.len())?;
        for q in &analysis.dns {
            let outcome = dns_outcome(q);
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

    if !analysis.udp.is_empty() {
        writeln!(out, "\nOther UDP exchanges ({})", analysis.udp.len())?;
        for u in analysis.udp.iter().take(50) {
            writeln!(
                out,
                "  {} → {}: {} sent, {} back: {}",
                u.client, u.server, u.from_client, u.from_server, u.outcome
            )?;
        }
    }

    let early: Vec<_> = analysis
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
                journey.last_hop().from,
                journey.last_hop().to,
                frames(&journey.frames),
                fate_text(analysis, journey)
            )?;
        }
    }
    writeln!(
        out,
        "\n{} journeys in all; {} listed in --json",
        analysis.journeys_total,
        analysis.journeys.len()
    )?;
    Ok(())
}

fn write_explanation(out: &mut String, id: &str, explanation: &Explanation) -> fmt::Result {
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

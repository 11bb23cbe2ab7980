//! The readable form of a report, for a terminal.

use std::fmt::{self, Write};

use super::{connection_outcome, dns_outcome, fate_text, frame_list as frames, leg_via};
use crate::i18n::{tr, Message};
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
        "{path}: {} ({})",
        Message::new("cli-counts")
            .count("frames", capture.frames)
            .count("packets", capture.packets),
        link_types.join(", ")
    )?;
    if let Some(error) = &capture.error {
        writeln!(
            out,
            "  {}",
            Message::new("cli-damaged").with("error", error)
        )?;
    }
    for warning in &capture.warnings {
        writeln!(out, "  {} {warning}", tr("cli-warning"))?;
    }
    if capture.bad_checksums > 0 {
        writeln!(
            out,
            "  {}",
            Message::new("cli-bad-checksums").count("count", capture.bad_checksums)
        )?;
    }
    if let Some(vantage) = capture.vantage.as_ref().filter(|_| capture.packets > 0) {
        writeln!(
            out,
            "  {} {}",
            tr("seen-from"),
            super::vantage_text(vantage)
        )?;
    }
    if let Some(order) = super::order_text(capture) {
        writeln!(out, "  {order}")?;
    }
    for (index, file) in capture.files.iter().enumerate() {
        writeln!(out, "  {}", super::capture_file_text(index, file))?;
    }

    if report.findings.is_empty() {
        writeln!(out, "\n{}", tr("no-findings"))?;
    } else {
        writeln!(out, "\n{}", tr("cli-findings"))?;
        for finding in &report.findings {
            // Loud where it matters in a terminal.
            let severity = match finding.severity {
                Severity::Error | Severity::Warning => {
                    super::severity_label(finding.severity).to_uppercase()
                }
                Severity::Info => super::severity_label(finding.severity),
            };
            writeln!(
                out,
                "  {severity} {}: {}",
                finding.signature, finding.summary
            )?;
            match finding.failure_frame {
                Some(frame) => writeln!(
                    out,
                    "      {} {} ({})",
                    tr("label-where"),
                    finding.point_of_failure,
                    Message::new("cli-frame").frame("frame", frame)
                )?,
                None => writeln!(
                    out,
                    "      {} {}",
                    tr("label-where"),
                    finding.point_of_failure
                )?,
            }
            for evidence in &finding.evidence {
                if evidence.frames.is_empty() {
                    writeln!(out, "      - {}", evidence.what)?;
                } else {
                    writeln!(
                        out,
                        "      - {} [{} {}]",
                        evidence.what,
                        tr("label-frames"),
                        frames(&evidence.frames)
                    )?;
                }
            }
            if let Some(next) = &finding.next_capture {
                writeln!(out, "      {} {next}", tr("label-next-capture"))?;
            }
            if let Some(fix) = finding.explanation.fix.first() {
                writeln!(out, "      {} {}", tr("label-fix"), fix.what())?;
                for command in fix.commands {
                    writeln!(out, "          {command}")?;
                }
            }
            writeln!(
                out,
                "      {}",
                Message::new("cli-explain-hint").with(
                    "command",
                    format!("dropscope explain {}", finding.signature)
                )
            )?;
        }
    }

    writeln!(out, "\n{}", tr("cli-interfaces"))?;
    for interface in &analysis.interfaces {
        writeln!(
            out,
            "  {:<12} {:<24} {}",
            interface.name,
            interface.role.to_string(),
            interface.why
        )?;
    }

    writeln!(
        out,
        "\n{}",
        Message::new("cli-tcp-connections").count("count", analysis.connections.len())
    )?;
    for c in &analysis.connections {
        let outcome = connection_outcome(c);
        writeln!(
            out,
            "  #{} {} → {}: {outcome}",
            crate::files::frame_label(c.id),
            c.client,
            c.server
        )?;
        if c.attempts.len() > 1 {
            let gaps: Vec<String> = c.retry_gaps().iter().map(|g| format!("{g:.1}")).collect();
            writeln!(
                out,
                "      {}",
                Message::new("cli-syns-retried")
                    .count("count", c.attempts.len())
                    .with("gaps", gaps.join(", "))
            )?;
        }
        if c.legs.len() > 1 {
            for (at, leg) in c.legs.iter().enumerate() {
                let via = at
                    .checked_sub(1)
                    .and_then(|p| leg_via(analysis, &c.legs[p], leg));
                let line = Message::new("cli-leg")
                    .with("from", leg.from)
                    .with("to", leg.to)
                    .with("frames", frames(&leg.frames));
                match via {
                    None => writeln!(out, "      {line}")?,
                    Some(via) => writeln!(out, "      {line}: {via}")?,
                }
            }
        }
        for reply in c.syn_acks.iter().take(1) {
            let line = match reply.fate {
                Fate::EndedEarly { .. } => Message::new("cli-syn-ack-lost")
                    .with("from", reply.from)
                    .with("to", reply.to)
                    .frame("last", reply.last_frame)
                    .with("frames", frames(&reply.frames)),
                _ => Message::new("cli-syn-ack-reached")
                    .with("from", reply.from)
                    .with("to", reply.to)
                    .with("frames", frames(&reply.frames)),
            };
            writeln!(out, "      {line}")?;
        }
        if c.syn_acks.len() > 1 {
            writeln!(
                out,
                "      ({})",
                Message::new("cli-syn-acks-in-all").count("count", c.syn_acks.len())
            )?;
        }
        if let Some(reset) = c.resets.first() {
            writeln!(
                out,
                "      {}",
                Message::new("cli-reset")
                    .with("by", reset.by)
                    .with("from", reset.from)
                    .with("to", reset.to)
                    .with("frames", frames(&reset.frames))
            )?;
        }
    }

    if !analysis.dns.is_empty() {
        writeln!(
            out,
            "\n{}",
            Message::new("cli-dns-queries").count("count", analysis.dns.len())
        )?;
        for q in &analysis.dns {
            let outcome = dns_outcome(q);
            let sent: Vec<String> = q.attempts.iter().map(|a| a.frame.to_string()).collect();
            writeln!(
                out,
                "  {} {} id 0x{:04x} {} → {}: {outcome} ({})",
                q.qtype.as_deref().unwrap_or("?"),
                q.name.as_deref().unwrap_or("?"),
                q.id,
                q.client,
                q.server,
                Message::new("cli-sent-in-frames").with("frames", sent.join(", "))
            )?;
        }
    }

    if !analysis.udp.is_empty() {
        writeln!(
            out,
            "\n{}",
            Message::new("cli-udp-exchanges").count("count", analysis.udp.len())
        )?;
        for u in analysis.udp.iter().take(50) {
            writeln!(
                out,
                "  {} → {}: {}: {}",
                u.client,
                u.server,
                Message::new("cli-udp-counts")
                    .count("sent", u.from_client)
                    .count("back", u.from_server),
                u.outcome
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
            "\n{}",
            Message::new("cli-ended-early").count("count", early.len())
        )?;
        for journey in early {
            writeln!(
                out,
                "  {} {} → {} ({} {}): {}",
                journey.packet,
                journey.last_hop().from,
                journey.last_hop().to,
                tr("label-frames"),
                frames(&journey.frames),
                fate_text(analysis, journey)
            )?;
        }
    }
    writeln!(
        out,
        "\n{}",
        Message::new("cli-journeys")
            .count("total", analysis.journeys_total)
            .count("listed", analysis.journeys.len())
    )?;
    Ok(())
}

fn write_explanation(out: &mut String, id: &str, explanation: &Explanation) -> fmt::Result {
    writeln!(out, "{id}: {}\n", explanation.title())?;
    writeln!(
        out,
        "{}\n  {}\n",
        tr("heading-symptom"),
        explanation.symptom()
    )?;
    writeln!(out, "{}\n  {}\n", tr("heading-cause"), explanation.cause())?;
    for (heading, steps) in [
        ("heading-confirm", explanation.confirm),
        ("heading-fix", explanation.fix),
    ] {
        writeln!(out, "{}", tr(heading))?;
        for step in steps {
            writeln!(out, "  - {}", step.what())?;
            for command in step.commands {
                for line in command.lines() {
                    writeln!(out, "      {line}")?;
                }
            }
            if let Some(tradeoff) = step.tradeoff() {
                writeln!(out, "    {} {tradeoff}", tr("label-tradeoff"))?;
            }
        }
        writeln!(out)?;
    }
    writeln!(out, "{}", tr("heading-references"))?;
    for reference in explanation.references {
        writeln!(out, "  - {}: {}", reference.title, reference.url)?;
    }
    Ok(())
}

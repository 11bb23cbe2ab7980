//! The findings as Markdown, for a ticket or a postmortem (the page's "Export findings"), in the
//! current language.

use crate::i18n::{tr, Message};
use crate::report::Report;

/// The findings as Markdown, for a ticket or a postmortem.
pub fn markdown(name: &str, report: &Report) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(out, "# dropscope: {}\n", name);
    let _ = writeln!(
        out,
        "{}\n",
        Message::new("md-counts")
            .count("packets", report.analysis.capture.packets)
            .count("connections", report.analysis.connections.len())
            .count("queries", report.analysis.dns.len())
    );
    if let Some(error) = &report.analysis.capture.error {
        let _ = writeln!(
            out,
            "**{}**\n",
            Message::new("md-damaged").with("error", error)
        );
    }
    let capture = &report.analysis.capture;
    if let Some(vantage) = capture.vantage.as_ref().filter(|_| capture.packets > 0) {
        let _ = writeln!(
            out,
            "{} {}\n",
            tr("seen-from"),
            super::vantage_text(vantage)
        );
    }
    if report.findings.is_empty() {
        let _ = writeln!(out, "{}", tr("no-findings"));
    }
    for finding in &report.findings {
        let e = finding.explanation;
        let _ = writeln!(
            out,
            "## {}: {} (`{}`)\n",
            super::severity_label(finding.severity),
            e.title(),
            finding.signature
        );
        let _ = writeln!(out, "{}\n", finding.summary);
        let _ = writeln!(
            out,
            "**{}** {}\n",
            tr("label-where"),
            finding.point_of_failure
        );
        if let Some(next) = &finding.next_capture {
            let _ = writeln!(out, "**{}** {next}\n", tr("label-next-capture"));
        }
        let _ = writeln!(out, "**{}**\n", tr("label-evidence"));
        for evidence in &finding.evidence {
            let frames: Vec<String> = evidence.frames.iter().map(|f| f.to_string()).collect();
            if frames.is_empty() {
                let _ = writeln!(out, "- {}", evidence.what);
            } else {
                let _ = writeln!(
                    out,
                    "- {} ({} {})",
                    evidence.what,
                    tr("label-frames"),
                    frames.join(", ")
                );
            }
        }
        let _ = writeln!(out, "\n**{}** {}\n", tr("label-cause"), e.cause());
        for (title, steps) in [("label-confirm", e.confirm), ("label-fix", e.fix)] {
            let _ = writeln!(out, "**{}**\n", tr(title));
            for step in steps {
                let _ = writeln!(out, "- {}", step.what());
                if !step.commands.is_empty() {
                    let _ = writeln!(out, "\n  ```sh");
                    for command in step.commands {
                        let _ = writeln!(out, "  {command}");
                    }
                    let _ = writeln!(out, "  ```");
                }
                if let Some(tradeoff) = step.tradeoff() {
                    let _ = writeln!(out, "\n  {} {tradeoff}", tr("label-tradeoff"));
                }
            }
            let _ = writeln!(out);
        }
        if !e.references.is_empty() {
            let _ = writeln!(out, "**{}**\n", tr("label-references"));
            for reference in e.references {
                let _ = writeln!(out, "- [{}]({})", reference.title, reference.url);
            }
            let _ = writeln!(out);
        }
    }
    out
}

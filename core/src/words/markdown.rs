//! The findings as Markdown, for a ticket or a postmortem (the page's "Export findings").

use crate::report::Report;

/// The findings as Markdown, for a ticket or a postmortem.
pub fn markdown(name: &str, report: &Report) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(out, "# dropscope: {}\n", name);
    let _ = writeln!(
        out,
        "{} packets, {} TCP connections, {} DNS queries.\n",
        report.analysis.capture.packets,
        report.analysis.connections.len(),
        report.analysis.dns.len()
    );
    if let Some(error) = &report.analysis.capture.error {
        let _ = writeln!(
            out,
            "**The capture is damaged {error}**; everything before it was analysed.\n"
        );
    }
    if let Some(vantage) = &report.analysis.capture.vantage {
        let _ = writeln!(out, "Seen from: {}.\n", super::vantage_text(vantage));
    }
    if report.findings.is_empty() {
        let _ = writeln!(out, "No known failure recognised.");
    }
    for finding in &report.findings {
        let e = finding.explanation;
        let _ = writeln!(
            out,
            "## {}: {} (`{}`)\n",
            capitalised(&finding.severity.to_string()),
            e.title,
            finding.signature
        );
        let _ = writeln!(out, "{}\n", finding.summary);
        let _ = writeln!(out, "**Where:** {}\n", finding.point_of_failure);
        if let Some(next) = &finding.next_capture {
            let _ = writeln!(out, "**Next capture:** {next}\n");
        }
        let _ = writeln!(out, "**Evidence:**\n");
        for evidence in &finding.evidence {
            let frames: Vec<String> = evidence.frames.iter().map(|f| f.to_string()).collect();
            let _ = writeln!(out, "- {} (frames {})", evidence.what, frames.join(", "));
        }
        let _ = writeln!(out, "\n**Cause:** {}\n", e.cause);
        for (title, steps) in [("How to confirm", e.confirm), ("Fix", e.fix)] {
            let _ = writeln!(out, "**{title}:**\n");
            for step in steps {
                let _ = writeln!(out, "- {}", step.what);
                if !step.commands.is_empty() {
                    let _ = writeln!(out, "\n  ```sh");
                    for command in step.commands {
                        let _ = writeln!(out, "  {command}");
                    }
                    let _ = writeln!(out, "  ```");
                }
                if let Some(tradeoff) = step.tradeoff {
                    let _ = writeln!(out, "\n  Trade-off: {tradeoff}");
                }
            }
            let _ = writeln!(out);
        }
        if !e.references.is_empty() {
            let _ = writeln!(out, "**References:**\n");
            for reference in e.references {
                let _ = writeln!(out, "- [{}]({})", reference.title, reference.url);
            }
            let _ = writeln!(out);
        }
    }
    out
}

/// `Error` from `error`.
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

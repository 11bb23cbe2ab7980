//! The page: a drop zone, the built-in examples, and what the capture holds.

use dropscope_core::report::Report;
use dropscope_core::signatures::{Finding, Severity};
use leptos::ev::DragEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::HtmlInputElement;

use crate::examples::EXAMPLES;
use crate::loader::{analyse_bytes, analyse_file};

/// What the page shows.
#[derive(Clone)]
enum Status {
    Idle,
    Reading {
        name: String,
        bytes_read: u64,
        bytes_total: u64,
        frames: u64,
    },
    Done {
        name: String,
        report: Box<Report>,
    },
    Failed {
        name: String,
        message: String,
    },
}

#[component]
pub fn App() -> impl IntoView {
    let status = RwSignal::new(Status::Idle);
    let dragging = RwSignal::new(false);

    let open_file = move |file: web_sys::File| {
        let name = file.name();
        let total = file.size() as u64;
        status.set(Status::Reading {
            name: name.clone(),
            bytes_read: 0,
            bytes_total: total,
            frames: 0,
        });
        spawn_local(async move {
            let progress_name = name.clone();
            let result = analyse_file(file, move |bytes_read, frames| {
                status.set(Status::Reading {
                    name: progress_name.clone(),
                    bytes_read,
                    bytes_total: total,
                    frames,
                });
            })
            .await;
            status.set(match result {
                Ok(report) => Status::Done {
                    name,
                    report: Box::new(report),
                },
                Err(message) => Status::Failed { name, message },
            });
        });
    };

    let on_drop = move |ev: DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        let file = ev
            .data_transfer()
            .and_then(|dt| dt.files())
            .and_then(|files| files.get(0));
        if let Some(file) = file {
            open_file(file);
        }
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let input: HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|files| files.get(0)) {
            open_file(file);
        }
    };

    view! {
        <main
            class="page"
            class:dragging=move || dragging.get()
            data-testid="drop-zone"
            on:dragover=move |ev: DragEvent| {
                ev.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop
        >
            <header>
                <h1>"dropscope"</h1>
                <p class="tagline">
                    "Why does this connection hang, reset or take 63 seconds? Drop a "
                    <code>"tcpdump -i any"</code>
                    " capture from a Kubernetes node. It is analysed here, in your browser: it never leaves this page."
                </p>
            </header>
            <section class="open">
                <label class="pick">
                    "Drop a pcap or pcapng anywhere, or "
                    <input type="file" accept=".pcap,.pcapng,.cap" data-testid="file-input" on:change=on_pick />
                </label>
            </section>
            <section class="examples" aria-label="Built-in examples">
                <h2>"Examples"</h2>
                <ul>
                    {EXAMPLES
                        .iter()
                        .map(|example| {
                            let open = move |_| {
                                status.set(Status::Done {
                                    name: example.file_name.to_string(),
                                    report: Box::new(analyse_bytes(example.bytes)),
                                });
                            };
                            view! {
                                <li>
                                    <button data-testid=format!("example-{}", example.id) on:click=open>
                                        <strong>{example.file_name}</strong>
                                        <span>{example.symptom}</span>
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
            <section class="result" aria-live="polite">{move || status_view(status.get())}</section>
        </main>
    }
}

fn status_view(status: Status) -> AnyView {
    match status {
        Status::Idle => view! { <p class="hint">"No capture loaded."</p> }.into_any(),
        Status::Reading { name, bytes_read, bytes_total, frames } => view! {
            <div data-testid="progress">
                <p>{format!("Reading {name}: {} of {} MB, {frames} frames", mb(bytes_read), mb(bytes_total))}</p>
                <progress max=bytes_total.to_string() value=bytes_read.to_string()></progress>
            </div>
        }
        .into_any(),
        Status::Failed { name, message } => {
            view! { <p class="error" data-testid="read-error">{format!("{name}: {message}")}</p> }.into_any()
        }
        Status::Done { name, report } => report_view(name, *report).into_any(),
    }
}

fn mb(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / 1e6)
}

fn report_view(name: String, report: Report) -> impl IntoView {
    let findings = if report.findings.is_empty() {
        view! { <p data-testid="no-findings">"No known failure recognised in this capture."</p> }
            .into_any()
    } else {
        report
            .findings
            .iter()
            .map(finding_view)
            .collect_view()
            .into_any()
    };
    view! {
        <section class="findings" aria-label="Findings">{findings}</section>
        {summary_view(name, report)}
    }
}

/// One finding: what, where, the evidence with its frames, and the first fix.
fn finding_view(finding: &Finding) -> impl IntoView {
    let severity = match finding.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    };
    let evidence = finding
        .evidence
        .iter()
        .map(|e| {
            let frames = if e.frames.is_empty() {
                String::new()
            } else {
                format!(
                    " (frames {})",
                    e.frames
                        .iter()
                        .map(|f| f.to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            };
            view! { <li>{format!("{}{frames}", e.what)}</li> }
        })
        .collect_view();
    let fix = finding.explanation.fix.first().map(|step| {
        let commands = step.commands.join("\n");
        view! {
            <div class="fix">
                <p>{format!("Fix: {}", step.what)}</p>
                <pre><code>{commands}</code></pre>
            </div>
        }
    });
    view! {
        <article class=format!("finding sev-{severity}") data-testid=format!("finding-{}", finding.signature)>
            <h3>
                <span class="severity">{severity.to_uppercase()}</span>
                " "
                <code>{finding.signature}</code>
                " — "
                {finding.explanation.title}
            </h3>
            <p class="summary">{finding.summary.clone()}</p>
            <p class="where" data-testid="point-of-failure">{format!("Where: {}", finding.point_of_failure)}</p>
            <ul class="evidence">{evidence}</ul>
            {fix}
            <details>
                <summary>"Why this happens"</summary>
                <p>{finding.explanation.cause}</p>
            </details>
        </article>
    }
}

fn summary_view(name: String, report: Report) -> impl IntoView {
    let summary = report.capture;
    let error = summary.error.clone().map(|error| {
        view! {
            <p class="error" data-testid="capture-error">
                {format!("{name}: {error}. Everything before it was analysed.")}
            </p>
        }
    });
    let link_types = summary
        .link_types
        .iter()
        .map(|(link_type, count)| view! { <li>{format!("{link_type}: {count} packets")}</li> })
        .collect_view();
    let warnings = summary
        .warnings
        .iter()
        .map(|w| view! { <li>{format!("{name}: {w}")}</li> })
        .collect_view();
    let stops = summary
        .decode_stops
        .iter()
        .map(|s| view! { <li>{format!("frame {}: {} at byte {}: {}", s.frame, s.stop.layer, s.stop.offset, s.stop.reason)}</li> })
        .collect_view();
    view! {
        <div class="summary" data-testid="summary">
            <h2 data-testid="file-name">{name.clone()}</h2>
            <p>
                <span data-testid="packet-count">{summary.packets}</span>
                " packets, "
                {format!("{} bytes", summary.bytes)}
            </p>
            <ul data-testid="link-types">{link_types}</ul>
            <p data-testid="checksums">
                {format!(
                    "{} packets with checksum offload (normal on veth and VXLAN), {} with a wrong checksum",
                    summary.offloaded_checksums,
                    summary.bad_checksums,
                )}
            </p>
            {error}
            <ul class="warnings">{warnings}</ul>
            <details>
                <summary data-testid="decode-stops">
                    {format!("{} packets not decoded to the end", summary.decode_stops_total)}
                </summary>
                <ul>{stops}</ul>
            </details>
        </div>
    }
}

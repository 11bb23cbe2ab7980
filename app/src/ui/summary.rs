//! What was read: the status line while a capture loads, and the capture's summary once it is
//! analysed.

use leptos::prelude::*;

use dropscope_core::analysis::Vantage;
use dropscope_core::i18n::{self, tr, Message};

use super::state::{AppState, Status};

/// The vantage point's kind, for tests and styles.
fn vantage_kind(vantage: &Vantage) -> &'static str {
    match vantage {
        Vantage::NodeAllInterfaces { .. } => "node-all-interfaces",
        Vantage::NodePerInterface { .. } => "node-per-interface",
        Vantage::Endpoint { .. } => "endpoint",
        Vantage::NodeUplink { .. } => "node-uplink",
        Vantage::InPath => "in-path",
        Vantage::Unknown => "unknown",
    }
}

#[component]
pub(super) fn StatusLine() -> impl IntoView {
    let state = expect_context::<AppState>();
    let view_of = move || {
        i18n::set_language(state.lang.get());
        match state.status.get() {
        Status::Idle => view! { <p class="hint">{tr("ui-idle")}</p> }.into_any(),
        Status::Loading { name, bytes, total, frames, elapsed_ms } => {
            let seconds = (elapsed_ms / 1000.0).max(1e-3);
            view! {
                <div class="progress" data-testid="progress">
                    <p>
                        {Message::new("ui-analysing")
                            .with("name", &name)
                            .with("read", format!("{:.1}", bytes as f64 / 1e6))
                            .with("total", format!("{:.1}", total as f64 / 1e6))
                            .count("packets", frames)
                            .with("rate", format!("{:.0}", bytes as f64 / 1e6 / seconds))
                            .with("packet_rate", format!("{:.0}", frames as f64 / seconds))
                            .to_string()}
                    </p>
                    <progress max=total.to_string() value=bytes.to_string()></progress>
                    <button data-testid="cancel" on:click=move |_| state.cancel()>{tr("ui-cancel")}</button>
                </div>
            }
            .into_any()
        }
        Status::Ready => ().into_any(),
        Status::Failed { name, message } => {
            view! { <p class="error" data-testid="read-error">{format!("{name}: {message}")}</p> }.into_any()
        }
        Status::Crashed { message } => view! {
            <p class="error" data-testid="worker-crashed">
                {Message::new("ui-crashed").with("message", &message).to_string()}
            </p>
        }
        .into_any(),
        Status::Cancelled { name } => {
            view! { <p class="hint" data-testid="cancelled">{Message::new("ui-cancelled").with("name", &name).to_string()}</p> }.into_any()
        }
    }
    };
    let notice = move || {
        state.notice.get().map(|n| {
            view! { <p class="notice" data-testid="notice">{n}</p> }
        })
    };
    view! {
        <section class="status" aria-live="polite">{view_of}{notice}</section>
    }
}

pub(super) fn summary_view() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        i18n::set_language(state.lang.get());
        state.overview.with(|overview| {
            let overview = overview.as_ref()?;
            let capture = &overview.capture;
            let name = overview.name.clone();
            let error = capture.error.as_ref().map(|error| {
                view! {
                    <p class="error" data-testid="capture-error">
                        {Message::new("ui-capture-error").with("name", &name).with("error", error).to_string()}
                    </p>
                }
            });
            let link_types: Vec<String> =
                capture.link_types.iter().map(|(l, n)| format!("{l} ({n})")).collect();
            let warnings = capture
                .warnings
                .iter()
                .map(|w| view! { <li>{format!("{name}: {w}")}</li> })
                .collect_view();
            let stops = capture
                .decode_stops
                .iter()
                .map(|s| view! { <li>{Message::new("ui-decode-stop")
                    .frame("frame", s.frame)
                    .with("layer", &s.stop.layer)
                    .with("offset", s.stop.offset)
                    .with("reason", &s.stop.reason)
                    .to_string()}</li> })
                .collect_view();
            Some(view! {
                <section class="summary" data-testid="summary">
                    <h2 data-testid="file-name">{overview.name.clone()}</h2>
                    <p data-testid="analysis-figures" data-elapsed-ms=format!("{:.1}", overview.elapsed_ms) data-worker-memory=overview.worker_memory>
                        <span data-testid="packet-count" data-packets=capture.packets>{format!(
                            "{} · ",
                            Message::new("ui-figures")
                                .count("packets", capture.packets)
                                .count("connections", overview.connections_total)
                                .count("queries", overview.dns_total)
                                .with("milliseconds", format!("{:.0}", overview.elapsed_ms))
                                .with("megabytes", format!("{:.0}", overview.worker_memory as f64 / 1e6))
                        )}</span>
                        <span data-testid="link-types">{link_types.join(", ")}</span>
                    </p>
                    <p data-testid="checksums" class="muted">
                        {Message::new("ui-checksums")
                            .count("offloaded", capture.offloaded_checksums)
                            .count("wrong", capture.bad_checksums)
                            .to_string()}
                    </p>
                    {capture.vantage.as_ref().map(|vantage| view! {
                        <p data-testid="vantage" data-vantage=vantage_kind(&vantage.vantage)>
                            <strong>{tr("seen-from")}" "</strong>{dropscope_core::words::vantage_text(vantage)}
                        </p>
                    })}
                    {dropscope_core::words::order_text(capture).map(|order| view! {
                        <p class="muted" data-testid="time-order">{order}</p>
                    })}
                    {(!capture.files.is_empty()).then(|| {
                        let files = capture
                            .files
                            .iter()
                            .enumerate()
                            .map(|(at, file)| {
                                let on_clock = move |ev: leptos::ev::Event| {
                                    if let Ok(seconds) = event_target_value(&ev).trim().parse::<f64>() {
                                        state.set_clock(at, seconds);
                                    }
                                };
                                view! {
                                    <li data-testid="capture-file" data-clock-offset=format!("{:.6}", file.clock_offset)>
                                        {dropscope_core::words::capture_file_text(at, file)}
                                        {(at > 0).then(|| view! {
                                            " "
                                            <label class="clock">
                                                {tr("ui-clock-set")}" "
                                                <input type="number" step="0.000001" data-testid=format!("clock-{at}")
                                                    value=format!("{:.6}", file.clock_offset) on:change=on_clock />
                                                " s"
                                            </label>
                                        })}
                                    </li>
                                }
                            })
                            .collect_view();
                        view! { <ul class="capture-files" aria-label=tr("ui-files")>{files}</ul> }
                    })}
                    {error}
                    <ul class="warnings">{warnings}</ul>
                    <details>
                        <summary data-testid="decode-stops">
                            {Message::new("ui-decode-stops").count("count", capture.decode_stops_total).to_string()}
                        </summary>
                        <ul>{stops}</ul>
                    </details>
                </section>
            })
        })
    }
}

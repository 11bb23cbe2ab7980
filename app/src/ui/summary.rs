//! What was read: the status line while a capture loads, and the capture's summary once it is
//! analysed.

use leptos::prelude::*;

use dropscope_core::analysis::Vantage;

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
        match state.status.get() {
        Status::Idle => view! { <p class="hint">"No capture loaded yet: pick an example or drop a file."</p> }.into_any(),
        Status::Loading { name, bytes, total, frames, elapsed_ms } => {
            let seconds = (elapsed_ms / 1000.0).max(1e-3);
            view! {
                <div class="progress" data-testid="progress">
                    <p>
                        {format!(
                            "Analysing {name}: {:.1} of {:.1} MB, {frames} packets · {:.0} MB/s, {:.0} packets/s",
                            bytes as f64 / 1e6,
                            total as f64 / 1e6,
                            bytes as f64 / 1e6 / seconds,
                            frames as f64 / seconds,
                        )}
                    </p>
                    <progress max=total.to_string() value=bytes.to_string()></progress>
                    <button data-testid="cancel" on:click=move |_| state.cancel()>"Cancel"</button>
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
                {format!("The analysis stopped on an internal error ({message}). This is a bug in dropscope; the page is ready for another capture.")}
            </p>
        }
        .into_any(),
        Status::Cancelled { name } => {
            view! { <p class="hint" data-testid="cancelled">{format!("Analysis of {name} cancelled.")}</p> }.into_any()
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
        state.overview.with(|overview| {
            let overview = overview.as_ref()?;
            let capture = &overview.capture;
            let name = overview.name.clone();
            let error = capture.error.as_ref().map(|error| {
                view! {
                    <p class="error" data-testid="capture-error">
                        {format!("{name}: {error}. Everything before it was analysed.")}
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
                .map(|s| view! { <li>{format!("frame {}: {} at byte {}: {}", s.frame, s.stop.layer, s.stop.offset, s.stop.reason)}</li> })
                .collect_view();
            Some(view! {
                <section class="summary" data-testid="summary">
                    <h2 data-testid="file-name">{overview.name.clone()}</h2>
                    <p data-testid="analysis-figures" data-elapsed-ms=format!("{:.1}", overview.elapsed_ms) data-worker-memory=overview.worker_memory>
                        <span data-testid="packet-count">{capture.packets}</span>
                        {format!(
                            " packets · {} TCP connections · {} DNS queries · analysed in {:.0} ms ({:.0} MB of worker memory) · ",
                            overview.connections_total, overview.dns_total, overview.elapsed_ms,
                            overview.worker_memory as f64 / 1e6
                        )}
                        <span data-testid="link-types">{link_types.join(", ")}</span>
                    </p>
                    <p data-testid="checksums" class="muted">
                        {format!(
                            "{} packets with checksum offload (normal on veth and VXLAN), {} with a wrong checksum",
                            capture.offloaded_checksums, capture.bad_checksums
                        )}
                    </p>
                    {capture.vantage.as_ref().map(|vantage| view! {
                        <p data-testid="vantage" data-vantage=vantage_kind(&vantage.vantage)>
                            <strong>"Seen from: "</strong>{dropscope_core::words::vantage_text(vantage)}
                        </p>
                    })}
                    {dropscope_core::words::order_text(capture).map(|order| view! {
                        <p class="muted" data-testid="time-order">{order}</p>
                    })}
                    {error}
                    <ul class="warnings">{warnings}</ul>
                    <details>
                        <summary data-testid="decode-stops">
                            {format!("{} packets not decoded to the end", capture.decode_stops_total)}
                        </summary>
                        <ul>{stops}</ul>
                    </details>
                </section>
            })
        })
    }
}

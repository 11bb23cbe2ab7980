//! One card per finding: severity, summary, where it failed, the evidence with its frames, and
//! the explanation (cause, how to confirm, fix with copy buttons, references).

use dropscope_core::signatures::{Finding, Severity, Step};
use leptos::prelude::*;

use super::AppState;
use crate::protocol::Selection;

#[component]
pub fn Findings() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        state.overview.with(|overview| {
            let overview = overview.as_ref()?;
            let alarms = overview
                .findings
                .iter()
                .any(|f| f.severity >= Severity::Warning);
            let all_clear = (!alarms).then(|| {
                view! {
                    <p class="ok" data-testid="no-findings">
                        "No known failure recognised in this capture. Pick a connection below to watch its packets."
                    </p>
                }
            });
            if overview.findings.is_empty() {
                return Some(
                    view! { <section class="findings" aria-label="Findings">{all_clear}</section> }
                        .into_any(),
                );
            }
            let cards = overview
                .findings
                .iter()
                .enumerate()
                .filter(|(at, _)| !state.embed || state.selection.get_untracked() == Some(Selection::Finding(*at)) || *at == 0)
                .map(|(at, finding)| card(at, finding, state))
                .collect_view();
            Some(
                view! {
                    <section class="findings" aria-label="Findings">
                        {all_clear}
                        <h2>{format!("Findings ({})", overview.findings.len())}</h2>
                        {cards}
                    </section>
                }
                .into_any(),
            )
        })
    }
}

fn severity_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

fn card(at: usize, finding: &Finding, state: AppState) -> impl IntoView {
    let severity = severity_name(finding.severity);
    let explanation = finding.explanation;
    let selected = move || state.selection.get() == Some(Selection::Finding(at));
    let evidence = finding
        .evidence
        .iter()
        .map(|e| {
            let frames = e
                .frames
                .iter()
                .map(|&frame| {
                    view! {
                        <button class="frame" title="Show this packet" on:click=move |_| {
                            state.show_frame(frame);
                            if let Some(list) = document().get_element_by_id("packets") {
                                list.scroll_into_view();
                            }
                        }>{frame}</button>
                    }
                })
                .collect_view();
            view! { <li>{e.what.clone()}" "<span class="frames">"frames "{frames}</span></li> }
        })
        .collect_view();
    let references = explanation
        .references
        .iter()
        .map(|r| view! { <li><a href=r.url target="_blank" rel="noopener noreferrer">{r.title}</a></li> })
        .collect_view();
    view! {
        <article
            class=format!("finding sev-{severity}")
            class:selected=selected
            data-testid=format!("finding-{}", finding.signature)
        >
            <header>
                <span class="severity">{severity.to_uppercase()}</span>
                <h3>{explanation.title}</h3>
                <code class="signature">{finding.signature}</code>
            </header>
            <p class="summary">{finding.summary.clone()}</p>
            <p class="where" data-testid="point-of-failure">
                <strong>"Where it failed: "</strong>{finding.point_of_failure.clone()}
            </p>
            {finding.next_capture.clone().map(|next| view! {
                <p class="next-capture" data-testid="next-capture">
                    <strong>"What this capture cannot show: "</strong>{next}
                </p>
            })}
            <button class="play" data-testid=format!("play-finding-{at}") on:click=move |_| state.select(Selection::Finding(at))>
                "▶ Watch the packets"
            </button>
            <h4>"Evidence"</h4>
            <ul class="evidence">{evidence}</ul>
            <details open=state.embed>
                <summary>"Why this happens"</summary>
                <p>{explanation.cause}</p>
                <p class="muted">{format!("Typical symptom: {}", explanation.symptom)}</p>
            </details>
            <details>
                <summary>"How to confirm on the node"</summary>
                {steps(explanation.confirm)}
            </details>
            <details open=true>
                <summary>"Fix"</summary>
                {steps(explanation.fix)}
            </details>
            <details>
                <summary>"References"</summary>
                <ul>{references}</ul>
            </details>
        </article>
    }
}

fn steps(steps: &'static [Step]) -> impl IntoView {
    steps
        .iter()
        .map(|step| {
            let commands = step.commands.join("\n");
            let block = (!step.commands.is_empty()).then(|| {
                let copied = RwSignal::new(false);
                let text = commands.clone();
                let copy = move |_| {
                    let clipboard = window().navigator().clipboard();
                    let _ = clipboard.write_text(&text);
                    copied.set(true);
                };
                view! {
                    <div class="command">
                        <pre><code>{commands}</code></pre>
                        <button class="copy" data-testid="copy" on:click=copy>
                            {move || if copied.get() { "Copied" } else { "Copy" }}
                        </button>
                    </div>
                }
            });
            let tradeoff = step
                .tradeoff
                .map(|t| view! { <p class="tradeoff">{format!("Trade-off: {t}")}</p> });
            view! {
                <div class="step">
                    <p>{step.what}</p>
                    {block}
                    {tradeoff}
                </div>
            }
        })
        .collect_view()
}

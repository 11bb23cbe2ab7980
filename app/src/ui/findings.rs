//! One card per finding: severity, summary, where it failed, the evidence with its frames, and
//! the explanation (cause, how to confirm, fix with copy buttons, references).

use dropscope_core::i18n::{self, tr, Message};
use dropscope_core::signatures::{Finding, Severity, Step};
use dropscope_core::words;
use leptos::prelude::*;

use super::AppState;
use crate::protocol::Selection;

#[component]
pub fn Findings() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        // Messages are put into words in the language of the moment: follow it.
        let lang = state.lang.get();
        i18n::set_language(lang);
        state.overview.with(|overview| {
            let overview = overview.as_ref()?;
            let alarms = overview
                .findings
                .iter()
                .any(|f| f.severity >= Severity::Warning);
            let all_clear = (!alarms).then(|| {
                view! {
                    <p class="ok" data-testid="no-findings">{tr("ui-no-findings")}</p>
                }
            });
            if overview.findings.is_empty() {
                return Some(
                    view! { <section class="findings" aria-label=tr("ui-findings")>{all_clear}</section> }
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
                    <section class="findings" aria-label=tr("ui-findings")>
                        {all_clear}
                        <h2>{Message::new("ui-findings-count").count("count", overview.findings.len()).to_string()}</h2>
                        {cards}
                    </section>
                }
                .into_any(),
            )
        })
    }
}

/// The severity's machine name, for styles and tests.
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
                        <button class="frame" title=tr("ui-show-packet") on:click=move |_| {
                            state.show_frame(frame);
                            if let Some(list) = document().get_element_by_id("packets") {
                                list.scroll_into_view();
                            }
                        }>{dropscope_core::files::frame_label(frame)}</button>
                    }
                })
                .collect_view();
            view! { <li>{e.what.to_string()}" "<span class="frames">{tr("label-frames")}" "{frames}</span></li> }
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
                <span class="severity">{words::severity_label(finding.severity).to_uppercase()}</span>
                <h3>{explanation.title()}</h3>
                <code class="signature">{finding.signature}</code>
            </header>
            <p class="summary">{finding.summary.to_string()}</p>
            <p class="where" data-testid="point-of-failure">
                <strong>{tr("label-where")}" "</strong>{finding.point_of_failure.to_string()}
            </p>
            {finding.next_capture.as_ref().map(|next| view! {
                <p class="next-capture" data-testid="next-capture">
                    <strong>{tr("label-next-capture")}" "</strong>{next.to_string()}
                </p>
            })}
            <button class="play" data-testid=format!("play-finding-{at}") on:click=move |_| state.select(Selection::Finding(at))>
                {tr("ui-watch-packets")}
            </button>
            {(!state.embed).then(|| view! {
                <button class="evidence-export" data-testid=format!("export-pcapng-{at}")
                    on:click=move |_| state.send(crate::protocol::Request::ExportEvidence { selection: Selection::Finding(at) })>
                    {tr("ui-export-evidence")}
                </button>
            })}
            <h4>{tr("ui-evidence")}</h4>
            <ul class="evidence">{evidence}</ul>
            <details open=state.embed>
                <summary>{tr("ui-why")}</summary>
                <p>{explanation.cause()}</p>
                <p class="muted">{Message::new("ui-typical-symptom").with("symptom", explanation.symptom()).to_string()}</p>
            </details>
            <details>
                <summary>{tr("ui-confirm")}</summary>
                {steps(explanation.confirm)}
            </details>
            <details open=true>
                <summary>{tr("ui-fix")}</summary>
                {steps(explanation.fix)}
            </details>
            <details>
                <summary>{tr("ui-references")}</summary>
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
                            {move || tr(if copied.get() { "ui-copied" } else { "ui-copy" })}
                        </button>
                    </div>
                }
            });
            let tradeoff = step.tradeoff().map(
                |t| view! { <p class="tradeoff">{format!("{} {t}", tr("label-tradeoff"))}</p> },
            );
            view! {
                <div class="step">
                    <p>{step.what()}</p>
                    {block}
                    {tradeoff}
                </div>
            }
        })
        .collect_view()
}

//! The retry timeline (requests on a time axis, the gaps labelled) and the ladder (a
//! connection's packets between its NAT legs' endpoints).

use leptos::prelude::*;

use dropscope_core::i18n::{tr, Message};

use super::{t, AppState};
use crate::layout::{ladder, retry_timeline, Ladder, RetryTimeline};

const TIMELINE_WIDTH: f64 = 900.0;
const LADDER_WIDTH: f64 = 900.0;

#[component]
pub fn RetryTimelineView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let timeline: Memo<Option<RetryTimeline>> = Memo::new(move |_| {
        state
            .scene
            .with(|s| s.as_ref().map(|s| retry_timeline(s, TIMELINE_WIDTH)))
            .filter(|t| !t.marks.is_empty())
    });
    move || {
        timeline.with(|timeline| {
            let timeline = timeline.as_ref()?;
            let axis_y = 70.0;
            let ticks = timeline
                .ticks
                .iter()
                .map(|(x, label)| {
                    view! {
                        <line class="tick" x1=*x y1=axis_y x2=*x y2=axis_y + 5.0 />
                        <text class="tick-label" x=*x y=axis_y + 18.0>{label.clone()}</text>
                    }
                })
                .collect_view();
            let marks = timeline
                .marks
                .iter()
                .map(|mark| {
                    let (y1, y2, ty) = if mark.request { (axis_y - 22.0, axis_y, axis_y - 26.0) } else { (axis_y, axis_y + 30.0, axis_y + 42.0) };
                    let frame = mark.frame;
                    view! {
                        <g class=if mark.request { "mark request" } else { "mark answer" } data-testid="retry-mark"
                            on:click=move |_| state.show_frame(frame)>
                            <title>{format!("{} at {:.3} s (frame {})", mark.label, mark.time, mark.frame)}</title>
                            <line x1=mark.x y1=y1 x2=mark.x y2=y2 />
                            <circle cx=mark.x cy=if mark.request { y1 } else { y2 } r=4.0 />
                            {(!mark.request).then(|| view! { <text x=mark.x y=ty>{short(&mark.label)}</text> })}
                        </g>
                    }
                })
                .collect_view();
            let gaps = timeline
                .gaps
                .iter()
                .map(|(x, text)| view! { <text class="gap" data-testid="retry-gap" x=*x y=axis_y - 30.0>{text.clone()}</text> })
                .collect_view();
            let count = timeline.marks.iter().filter(|m| m.request).count();
            Some(view! {
                <section class="timeline" aria-label=t("ui-timeline") data-testid="retry-timeline">
                    <h2>{move || Message::new("ui-timeline-count").count("count", count).text(state.lang.get())}</h2>
                    <svg viewBox=format!("0 0 {} 130", timeline.width) role="img" aria-label=t("ui-timeline-image")>
                        <line class="axis" x1="30" y1=axis_y x2=timeline.width - 30.0 y2=axis_y />
                        {ticks}
                        {marks}
                        {gaps}
                    </svg>
                    <p class="muted">{t("ui-timeline-legend")}</p>
                </section>
            })
        })
    }
}

fn short(label: &str) -> String {
    label
        .strip_prefix("TCP ")
        .unwrap_or(label)
        .split(" (")
        .next()
        .unwrap_or(label)
        .chars()
        .take(22)
        .collect()
}

#[component]
pub fn LadderView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let ladder: Memo<Option<Ladder>> = Memo::new(move |_| {
        state
            .scene
            .with(|s| s.as_ref().map(|s| ladder(s, LADDER_WIDTH)))
            .filter(|l| !l.rungs.is_empty())
    });
    move || {
        ladder.with(|ladder| {
            let ladder = ladder.as_ref()?;
            let columns = ladder
                .columns
                .iter()
                .map(|c| {
                    view! {
                        <text class="column-label" x=c.x y="16">{dropscope_core::names::address_label(c.endpoint.address, Some(c.endpoint.port))}</text>
                        <line class="column" x1=c.x y1="24" x2=c.x y2=ladder.height />
                    }
                })
                .collect_view();
            let rungs = ladder
                .rungs
                .iter()
                .map(|rung| {
                    let (from, to) = (rung.from_x, rung.to_x);
                    // A dropped packet's arrow stops short, with a ✕.
                    let end = if rung.dropped { from + (to - from) * 0.55 } else { to };
                    let mid = (from + end) / 2.0;
                    let via = rung.via.clone().map(|(x, change)| {
                        view! {
                            <circle class="via" cx=x cy=rung.y r="4" />
                            <title>{change}</title>
                        }
                    });
                    let first_frame: Option<u64> = rung.frames.first().copied();
                    view! {
                        <g class=format!("rung {}", rung.kind) class:dropped=rung.dropped data-testid="ladder-rung"
                            on:click=move |_| if let Some(frame) = first_frame { state.show_frame(frame) }>
                            <text class="rung-time" x="4" y=rung.y + 4.0>{format!("{:.3}s", rung.time)}</text>
                            <line x1=from y1=rung.y x2=end y2=rung.y marker-end=if rung.dropped { "" } else { "url(#arrow)" } />
                            {rung.dropped.then(|| view! { <text class="drop-mark" x=end y=rung.y + 5.0>"✕"</text> })}
                            {via}
                            <text class="rung-label" x=mid y=rung.y - 5.0>{format!("{} · {} {}", rung.label, tr("label-frames"), dropscope_core::files::frame_list(&rung.frames))}</text>
                        </g>
                    }
                })
                .collect_view();
            Some(view! {
                <section class="ladder" aria-label=t("ui-ladder") data-testid="ladder">
                    <h2>{t("ui-ladder-heading")}</h2>
                    <div class="ladder-scroll">
                        <svg viewBox=format!("0 0 {} {}", ladder.width, ladder.height) role="img" aria-label=t("ui-ladder-image")>
                            <defs>
                                <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                                    <path d="M 0 0 L 10 5 L 0 10 z" />
                                </marker>
                            </defs>
                            {columns}
                            {rungs}
                        </svg>
                    </div>
                    <p class="muted">{t("ui-ladder-legend")}</p>
                </section>
            })
        })
    }
}

//! The packet list, virtualised: only the rows in view exist in the page, fetched from the
//! worker a page at a time, so a million packets scroll like ten. Beside it, the selected
//! packet's layers (outer and inner) and its bytes.

use leptos::html::Div;
use leptos::prelude::*;

use dropscope_core::i18n::{self, tr, Message};

use super::{t, AppState};
use crate::layout::{Scroll, ROW_HEIGHT, VISIBLE_ROWS};
use crate::protocol::{PacketDetail, Row};

pub const PAGE_ROWS: u32 = 120;
#[component]
pub fn PacketList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let viewport = NodeRef::<Div>::new();
    let total = move || state.rows.with(|r| r.as_ref().map_or(0, |r| r.total));
    let requested = StoredValue::new(0u32);
    let scroll_top = RwSignal::new(0.0f64);
    let scroll = Memo::new(move |_| Scroll::of(total()));

    let on_scroll = move |_| {
        let Some(element) = viewport.get() else {
            return;
        };
        scroll_top.set(element.scroll_top() as f64);
        let first = scroll.get_untracked().row_at(element.scroll_top() as f64) as u32;
        let (start, len) = state.rows.with_untracked(|r| {
            r.as_ref()
                .map_or((0, 0), |r| (r.start, r.rows.len() as u32))
        });
        let covered = first >= start && first + VISIBLE_ROWS as u32 <= start + len;
        let wanted = first.saturating_sub(PAGE_ROWS / 3);
        if !covered && requested.get_value() != wanted {
            requested.set_value(wanted);
            state.refresh_rows(wanted);
        }
    };
    let reset = move || {
        requested.set_value(0);
        scroll_top.set(0.0);
        if let Some(element) = viewport.get_untracked() {
            element.set_scroll_top(0);
        }
        state.refresh_rows(0);
    };
    let on_filter = move |ev: leptos::ev::Event| {
        state.filter.set(event_target_value(&ev));
        reset();
    };
    let on_scope = move |ev: leptos::ev::Event| {
        state.scoped.set(event_target_checked(&ev));
        reset();
    };
    // Keyboard: ↑ ↓ move the selection through the rows on screen.
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let delta: i64 = match ev.key().as_str() {
            "ArrowDown" => 1,
            "ArrowUp" => -1,
            _ => return,
        };
        ev.prevent_default();
        let frames: Vec<u64> = state.rows.with_untracked(|r| {
            r.as_ref()
                .map(|r| r.rows.iter().map(|row| row.frame).collect())
                .unwrap_or_default()
        });
        let current = state.selected_frame.get_untracked();
        let at = current.and_then(|f| frames.iter().position(|x| *x == f));
        let next = match at {
            Some(at) => (at as i64 + delta).clamp(0, frames.len() as i64 - 1) as usize,
            None => 0,
        };
        if let Some(&frame) = frames.get(next) {
            state.show_frame(frame);
        }
    };
    let rows = move || {
        state.rows.with(|r| {
            r.as_ref()
                .map(|page| {
                    page.rows
                        .iter()
                        .enumerate()
                        .map(|(i, row)| (page.start + i as u32, row.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let error = move || {
        state
            .rows
            .with(|r| r.as_ref().and_then(|r| r.error.clone()))
    };
    let scope_label = move || {
        Message::new(match state.selection.get() {
            Some(crate::protocol::Selection::Finding(_)) => "ui-scope-finding",
            Some(crate::protocol::Selection::Connection(_)) => "ui-scope-connection",
            None => "ui-scope-selection",
        })
        .text(state.lang.get())
    };

    view! {
        <section class="packets" id="packets" aria-label=t("ui-packets")>
            <h2>{move || Message::new("ui-packets-count").count("count", total()).text(state.lang.get())}</h2>
            <div class="filter-bar">
                <input
                    type="search"
                    data-testid="packet-filter"
                    placeholder=t("ui-filter-placeholder")
                    aria-label=t("ui-filter")
                    prop:value=move || state.filter.get()
                    on:input=on_filter
                />
                <label>
                    <input type="checkbox" data-testid="packet-scope" prop:checked=move || state.scoped.get() on:change=on_scope />
                    {scope_label}
                </label>
                <button class="link" data-testid="export-filtered" title=t("ui-export-filtered-title")
                    on:click=move |_| state.export_filtered()>
                    {t("ui-export-filtered")}
                </button>
            </div>
            {move || error().map(|e| view! { <p class="error" data-testid="filter-error">{e}</p> })}
            <div class="packet-panes">
                <div class="packet-list" role="grid" aria-label=t("ui-packet-list") tabindex="0" on:keydown=on_key>
                    <div class="row head" role="row">
                        <span>{t("ui-col-number")}</span><span>{t("ui-col-time")}</span><span>{t("ui-col-interface")}</span><span>{t("ui-col-source")}</span>
                        <span>{t("ui-col-destination")}</span><span>{t("ui-col-protocol")}</span><span>{t("ui-col-length")}</span><span>{t("ui-col-info")}</span>
                    </div>
                    <div
                        class="viewport"
                        node_ref=viewport
                        data-testid="packet-viewport"
                        style=format!("height: {}px", ROW_HEIGHT * VISIBLE_ROWS)
                        on:scroll=on_scroll
                    >
                        <div class="spacer" style=move || format!("height: {}px", scroll.get().spacer_height())>
                            <For each=rows key=|(at, row)| (*at, row.frame) let:item>
                                {row_view(item.0, item.1, state, Signal::derive(move || scroll.get().top_of(item.0, scroll_top.get())))}
                            </For>
                        </div>
                    </div>
                </div>
                <PacketDetailView />
            </div>
        </section>
    }
}

fn row_view(at: u32, row: Row, state: AppState, top: Signal<f64>) -> impl IntoView {
    let frame = row.frame;
    let selected = move || state.selected_frame.get() == Some(frame);
    let direction = move || match row.direction {
        dropscope_core::journey::Direction::Unknown => String::new(),
        known => i18n::in_language(state.lang.get(), || known.to_string()),
    };
    let interface = row.interface.clone();
    let class = format!("row proto-{}", row.protocol.to_ascii_lowercase());
    view! {
        <div
            class=class
            class:selected=selected
            role="row"
            data-testid="packet-row"
            data-frame=frame
            data-row=at
            style=move || format!("top: {:.1}px", top.get())
            on:click=move |_| state.show_frame(frame)
        >
            <span>{dropscope_core::files::frame_label(frame)}</span>
            <span>{row.time.map(|t| format!("{t:.6}")).unwrap_or_default()}</span>
            <span>{move || format!("{interface} {}", direction())}</span>
            <span>{row.source}</span>
            <span>{row.destination}</span>
            <span>{row.protocol}</span>
            <span>{row.length}</span>
            <span class="info">{row.info}</span>
        </div>
    }
}

#[component]
fn PacketDetailView() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        i18n::set_language(state.lang.get());
        state.detail.with(|detail| match detail {
            None => view! { <aside class="packet-detail muted">{tr("ui-select-packet")}</aside> }
                .into_any(),
            Some(detail) => detail_view(detail).into_any(),
        })
    }
}

fn detail_view(detail: &PacketDetail) -> impl IntoView {
    let layers = detail
        .description
        .layers
        .iter()
        .map(|layer| {
            let fields = layer
                .fields
                .iter()
                .map(|(k, v)| view! { <tr><th>{k.clone()}</th><td>{v.clone()}</td></tr> })
                .collect_view();
            view! {
                <details open=true class:inner=layer.inner>
                    <summary>{if layer.inner { format!("↳ {}", layer.name) } else { layer.name.clone() }}</summary>
                    <table>{fields}</table>
                </details>
            }
        })
        .collect_view();
    let stopped = detail
        .description
        .stopped
        .clone()
        .map(|s| view! { <p class="error">{Message::new("ui-decoding-stopped").with("stop", s).to_string()}</p> });
    view! {
        <aside class="packet-detail" data-testid="packet-detail" data-frame=detail.frame>
            <h3>{Message::new("ui-frame-heading")
                .frame("frame", detail.frame)
                .with("interface", &detail.interface)
                .with("captured", detail.captured)
                .with("original", detail.original)
                .to_string()}</h3>
            <p class="muted">{format!(
                "{}{} · {}",
                detail.time.map(|t| format!("t = {t:.6} s · ")).unwrap_or_default(),
                detail.description.info,
                Message::new("ui-at-byte").with("offset", detail.file_offset)
            )}</p>
            {layers}
            {stopped}
            <pre class="hex" data-testid="hex">{hex_dump(&detail.bytes)}</pre>
        </aside>
    }
}

/// `0000  45 00 00 3c …  E..<`
pub fn hex_dump(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 4);
    for (line, chunk) in bytes.chunks(16).enumerate() {
        out.push_str(&format!("{:04x}  ", line * 16));
        for at in 0..16 {
            match chunk.get(at) {
                Some(b) => out.push_str(&format!("{b:02x} ")),
                None => out.push_str("   "),
            }
            if at == 7 {
                out.push(' ');
            }
        }
        out.push(' ');
        out.extend(chunk.iter().map(|&b| {
            if b.is_ascii_graphic() || b == b' ' {
                b as char
            } else {
                '.'
            }
        }));
        out.push('\n');
    }
    out
}

//! The page. `App` owns the state (one [`AppState`] of signals, shared by context, in
//! `state.rs`) and the worker client; the sections live in their own modules and draw what
//! `layout` computes.

mod browser;
mod charts;
mod connections;
mod findings;
mod packets;
mod path;
mod state;
mod summary;

use leptos::ev::DragEvent;
use leptos::prelude::*;
use web_sys::HtmlInputElement;

use crate::client::Client;
use crate::examples::{example, gallery};
use crate::fragment::ViewState;
use crate::protocol::{ExportFormat, Request};
use browser::{open_url, query, toggle_theme};
use connections::ConnectionList;
pub use state::{AppState, Status};
use summary::{summary_view, StatusLine};

#[component]
pub fn App() -> impl IntoView {
    let query = query();
    let embed = query.as_ref().is_some_and(|q| q.has("embed"));
    let fragment = ViewState::parse(&window().location().hash().unwrap_or_default());
    let requested_example = query
        .as_ref()
        .and_then(|q| q.get("example"))
        .or_else(|| fragment.example.clone());
    let capture_url = query.as_ref().and_then(|q| q.get("capture"));

    let status = RwSignal::new(Status::Idle);
    let state_cell: StoredValue<Option<AppState>, LocalStorage> = StoredValue::new_local(None);
    let client = Client::new(move |response| {
        if let Some(state) = state_cell.get_value() {
            state.receive(response);
        }
    });
    let state = AppState {
        status,
        overview: RwSignal::new(None),
        selection: RwSignal::new(None),
        scene: RwSignal::new(None),
        rows: RwSignal::new(None),
        detail: RwSignal::new(None),
        filter: RwSignal::new(String::new()),
        scoped: RwSignal::new(true),
        selected_frame: RwSignal::new(None),
        example: RwSignal::new(None),
        pending: RwSignal::new(Some(fragment)),
        notice: RwSignal::new(None),
        worker_ready: RwSignal::new(false),
        embed,
        crash_next: StoredValue::new(query.as_ref().is_some_and(|q| q.has("crash-test"))),
        client: StoredValue::new_local(client),
    };
    state_cell.set_value(Some(state));
    provide_context(state);

    // Open what the URL names: an example, a same-origin capture, or the first example.
    match (requested_example.as_deref().and_then(example), capture_url) {
        (Some(example), _) => state.open_example(example),
        (None, Some(url)) => open_url(state, url),
        (None, None) if embed => {
            if let Some(first) = gallery().first() {
                state.open_example(first)
            }
        }
        (None, None) => {}
    }

    // Keep the view in the URL fragment (never in embeds: the host page owns its URL).
    if !embed {
        Effect::new(move |_| {
            let view = ViewState {
                example: state.example.get(),
                selection: state.selection.get(),
                frame: state.selected_frame.get(),
                filter: state.filter.get(),
            };
            if state.status.with(|s| matches!(s, Status::Ready)) {
                let fragment = view.to_fragment();
                if let Ok(history) = window().history() {
                    let url = if fragment.is_empty() {
                        " ".to_string()
                    } else {
                        fragment
                    };
                    let _ = history.replace_state_with_url(
                        &wasm_bindgen::JsValue::NULL,
                        "",
                        Some(url.trim()),
                    );
                }
            }
        });
    }

    let dragging = RwSignal::new(false);
    let on_drop = move |ev: DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(file) = ev
            .data_transfer()
            .and_then(|dt| dt.files())
            .and_then(|f| f.get(0))
        {
            state.open_file(file);
        }
    };

    let page_class = if embed { "page embed" } else { "page" };
    view! {
        <main
            class=page_class
            class:dragging=move || dragging.get()
            data-testid="drop-zone"
            data-worker=move || if state.worker_ready.get() { "ready" } else { "starting" }
            on:dragover=move |ev: DragEvent| {
                ev.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop
        >
            {if embed { embed_header().into_any() } else { header().into_any() }}
            {(!embed).then(open_section)}
            <StatusLine />
            <Show when=move || state.overview.with(Option::is_some)>
                <Results />
            </Show>
        </main>
    }
}

fn header() -> impl IntoView {
    let state = expect_context::<AppState>();
    let ready = move || state.overview.with(Option::is_some);
    view! {
        <header class="top">
            <h1>"dropscope"</h1>
            <p class="tagline">
                "Why does this connection hang, reset or take 63 seconds? Drop a "
                <code>"tcpdump -i any"</code>
                " capture from a Kubernetes node. It is analysed here, in your browser: it never leaves this page."
            </p>
            <nav class="tools">
                <button data-testid="export-json" disabled=move || !ready()
                    on:click=move |_| state.send(Request::Export { format: ExportFormat::Json })>"Export JSON"</button>
                <button data-testid="export-markdown" disabled=move || !ready()
                    on:click=move |_| state.send(Request::Export { format: ExportFormat::Markdown })>"Export findings (Markdown)"</button>
                <button data-testid="theme-toggle" on:click=move |_| toggle_theme() title="Light or dark">"◐ Theme"</button>
            </nav>
        </header>
    }
}

fn embed_header() -> impl IntoView {
    let state = expect_context::<AppState>();
    let link = move || match state.example.get() {
        Some(id) => format!("./#example={id}"),
        None => "./".to_string(),
    };
    view! {
        <header class="top embed-top">
            <strong>"dropscope"</strong>
            <span class="embed-name">{move || state.overview.with(|o| o.as_ref().map(|o| o.name.clone()))}</span>
            <a href=link target="_blank" rel="noopener">"Open in dropscope ↗"</a>
        </header>
    }
}

fn open_section() -> impl IntoView {
    let state = expect_context::<AppState>();
    let on_pick = move |ev: leptos::ev::Event| {
        let input: HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|files| files.get(0)) {
            state.open_file(file);
        }
        input.set_value("");
    };
    let loaded = move || state.overview.with(Option::is_some);
    view! {
        <section class="open" aria-label="Open a capture">
            <label class="pick">
                "Drop a pcap or pcapng anywhere on the page, or "
                <input type="file" accept=".pcap,.pcapng,.cap,.pcap.gz" data-testid="file-input" on:change=on_pick />
            </label>
            <details class="gallery" prop:open=move || !loaded()>
                <summary>"Examples: real failures, captured on Kubernetes nodes and in the lab"</summary>
                <ul class="cards">
                    {gallery()
                        .iter()
                        .map(|example| {
                            let open = move |_| state.open_example(example);
                            let current = move || state.example.get().as_deref() == Some(example.id());
                            view! {
                                <li>
                                    <button
                                        class="card"
                                        class:healthy=example.healthy()
                                        class:current=current
                                        data-testid=format!("example-{}", example.id())
                                        on:click=open
                                    >
                                        <span class="symptom">{example.symptom().to_string()}</span>
                                        <span class="file">{example.file_name().to_string()}</span>
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </details>
        </section>
    }
}

#[component]
fn Results() -> impl IntoView {
    let state = expect_context::<AppState>();
    let embed = state.embed;
    view! {
        {(!embed).then(summary_view)}
        <path::PathPlayer />
        <findings::Findings />
        {(!embed).then(|| view! {
            <div class="charts">
                <charts::RetryTimelineView />
                <charts::LadderView />
            </div>
            <ConnectionList />
            <packets::PacketList />
        })}
    }
}

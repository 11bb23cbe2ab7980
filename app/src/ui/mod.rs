//! The page. `App` owns the state (one [`AppState`] of signals, shared by context) and the
//! worker client; the sections live in their own modules and draw what `layout` computes.

mod charts;
mod findings;
mod packets;
mod path;

use std::time::Duration;

use leptos::ev::DragEvent;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

use crate::client::Client;
use crate::examples::{example, Example, EXAMPLES};
use crate::fragment::ViewState;
use crate::protocol::{
    ExportFormat, Overview, PacketDetail, Request, Response, RowsPage, Scene, Selection,
};
use crate::session::outcome_text;

/// What the page is doing.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    Idle,
    Loading {
        name: String,
        bytes: u64,
        total: u64,
        frames: u64,
        elapsed_ms: f64,
    },
    Ready,
    Failed {
        name: String,
        message: String,
    },
    Crashed {
        message: String,
    },
    Cancelled {
        name: String,
    },
}

/// The page's state, shared by context. Every field is a signal handle, so it is `Copy`.
#[derive(Clone, Copy)]
pub struct AppState {
    pub status: RwSignal<Status>,
    pub overview: RwSignal<Option<Overview>>,
    pub selection: RwSignal<Option<Selection>>,
    pub scene: RwSignal<Option<Scene>>,
    pub rows: RwSignal<Option<RowsPage>>,
    pub detail: RwSignal<Option<PacketDetail>>,
    pub filter: RwSignal<String>,
    /// Whether the packet list shows only the selection's packets.
    pub scoped: RwSignal<bool>,
    pub selected_frame: RwSignal<Option<u64>>,
    pub example: RwSignal<Option<String>>,
    /// What the URL asked for, applied once the capture is analysed.
    pub pending: RwSignal<Option<ViewState>>,
    pub notice: RwSignal<Option<String>>,
    /// The analysis worker has started (its wasm is loaded): nothing more will be fetched.
    pub worker_ready: RwSignal<bool>,
    pub embed: bool,
    /// `?crash-test`: the worker panics before the next capture (once), for the browser test
    /// of recovery.
    pub crash_next: StoredValue<bool>,
    pub client: StoredValue<Client, LocalStorage>,
}

impl AppState {
    pub fn send(&self, request: Request) {
        self.client.with_value(|c| c.send(&request));
    }

    pub fn select(&self, selection: Selection) {
        self.selection.set(Some(selection));
        self.scene.set(None);
        self.send(Request::Scene { selection });
        self.refresh_rows(0);
    }

    pub fn refresh_rows(&self, start: u32) {
        if self.overview.with_untracked(Option::is_none) {
            return;
        }
        let scope = if self.scoped.get_untracked() {
            self.selection.get_untracked()
        } else {
            None
        };
        self.send(Request::Rows {
            filter: self.filter.get_untracked(),
            scope,
            start,
            count: packets::PAGE_ROWS,
        });
    }

    pub fn show_frame(&self, frame: u64) {
        self.selected_frame.set(Some(frame));
        self.send(Request::Detail { frame });
    }

    fn open_blob(&self, name: String, blob: web_sys::Blob, crash_first: bool) {
        let size = blob.size() as u64;
        self.overview.set(None);
        self.scene.set(None);
        self.rows.set(None);
        self.detail.set(None);
        self.selection.set(None);
        self.selected_frame.set(None);
        self.notice.set(None);
        self.status.set(Status::Loading {
            name: name.clone(),
            bytes: 0,
            total: size,
            frames: 0,
            elapsed_ms: 0.0,
        });
        if crash_first {
            self.send(Request::Panic);
        }
        self.client
            .with_value(|c| c.send_with(&Request::Open { name, size }, Some(&blob)));
    }

    pub fn open_file(&self, file: web_sys::File) {
        self.example.set(None);
        let name = file.name();
        let crash = self.crash_next.get_value();
        self.crash_next.set_value(false);
        self.open_blob(name, file.into(), crash);
    }

    pub fn open_example(&self, example: &'static Example) {
        self.example.set(Some(example.id.to_string()));
        let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(example.bytes));
        match web_sys::Blob::new_with_u8_array_sequence(&parts) {
            Ok(blob) => self.open_blob(example.file_name.to_string(), blob, false),
            Err(e) => self
                .notice
                .set(Some(format!("could not open the example: {e:?}"))),
        }
    }

    pub fn cancel(&self) {
        let name = match self.status.get_untracked() {
            Status::Loading { name, .. } => name,
            _ => return,
        };
        self.worker_ready.set(false);
        self.client.with_value(Client::restart);
        self.status.set(Status::Cancelled { name });
    }

    /// Applies an answer of the worker.
    fn receive(&self, response: Response) {
        match response {
            Response::Ready => self.worker_ready.set(true),
            Response::Progress {
                bytes,
                total,
                frames,
                elapsed_ms,
            } => self.status.update(|status| {
                if let Status::Loading { name, .. } = status {
                    *status = Status::Loading {
                        name: name.clone(),
                        bytes,
                        total,
                        frames,
                        elapsed_ms,
                    };
                }
            }),
            Response::Overview(overview) => {
                let first = if overview.findings.is_empty() {
                    overview
                        .connections
                        .first()
                        .map(|c| Selection::Connection(c.id))
                } else {
                    Some(Selection::Finding(0))
                };
                self.overview.set(Some(*overview));
                self.status.set(Status::Ready);
                match self.pending.get_untracked() {
                    Some(state) => {
                        self.pending.set(None);
                        self.filter.set(state.filter.clone());
                        if let Some(selection) = state.selection.or(first) {
                            self.select(selection);
                        } else {
                            self.refresh_rows(0);
                        }
                        if let Some(frame) = state.frame {
                            self.show_frame(frame);
                        }
                    }
                    None => match first {
                        Some(selection) => self.select(selection),
                        None => self.refresh_rows(0),
                    },
                }
            }
            Response::Scene(scene) => {
                if Some(scene.selection) == self.selection.get_untracked() {
                    self.scene.set(Some(*scene));
                }
            }
            Response::Rows(page) => self.rows.set(Some(page)),
            Response::Detail(detail) => {
                if Some(detail.frame) == self.selected_frame.get_untracked() {
                    self.detail.set(Some(*detail));
                }
            }
            Response::Export { format, text } => download(format, &text, self),
            Response::Failed { message } => match self.status.get_untracked() {
                Status::Loading { name, .. } => self.status.set(Status::Failed { name, message }),
                _ => self.notice.set(Some(message)),
            },
            Response::Crashed { message } => {
                // A panic arrives twice: its message from the panic hook, then the trap as an
                // error event. Keep the message; replace the worker once.
                if let Status::Crashed { message: first } = self.status.get_untracked() {
                    if first.contains("RuntimeError") && !message.contains("RuntimeError") {
                        self.status.set(Status::Crashed { message });
                    }
                    return;
                }
                self.status.set(Status::Crashed { message });
                self.overview.set(None);
                self.scene.set(None);
                self.rows.set(None);
                self.detail.set(None);
                // Not from inside the dying worker's message handler.
                let client = self.client;
                self.worker_ready.set(false);
                set_timeout(move || client.with_value(Client::restart), Duration::ZERO);
            }
        }
    }
}

fn query() -> Option<web_sys::UrlSearchParams> {
    let search = window().location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search).ok()
}

fn download(format: ExportFormat, text: &str, state: &AppState) {
    let (mime, extension) = match format {
        ExportFormat::Json => ("application/json", "json"),
        ExportFormat::Markdown => ("text/markdown", "md"),
    };
    let name = match state.status.get_untracked() {
        Status::Ready => state
            .overview
            .with_untracked(|o| o.as_ref().map(|o| o.name.clone()))
            .unwrap_or_default(),
        _ => String::new(),
    };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let document = document();
    if let Ok(anchor) = document.create_element("a") {
        let anchor: web_sys::HtmlAnchorElement = anchor.unchecked_into();
        anchor.set_href(&url);
        anchor.set_download(&format!(
            "{}.dropscope.{extension}",
            name.trim_end_matches(".pcap")
        ));
        anchor
            .set_attribute("data-testid", &format!("download-{extension}"))
            .ok();
        anchor.set_text_content(Some(text));
        anchor.set_hidden(true);
        if let Some(body) = document.body() {
            let _ = body.append_child(&anchor);
            anchor.click();
            let _ = body.remove_child(&anchor);
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

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
        (None, None) if embed => state.open_example(&EXAMPLES[0]),
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

fn open_url(state: AppState, url: String) {
    let location = window().location();
    let base = location.href().unwrap_or_default();
    let same_origin = web_sys::Url::new_with_base(&url, &base)
        .ok()
        .filter(|u| Some(u.origin()) == location.origin().ok());
    let Some(resolved) = same_origin else {
        state.status.set(Status::Failed {
            name: url,
            message: "only captures from this page's own site can be opened by URL".into(),
        });
        return;
    };
    let name = resolved
        .pathname()
        .rsplit('/')
        .next()
        .unwrap_or("capture")
        .to_string();
    let href = resolved.href();
    leptos::task::spawn_local(async move {
        let fetched = async {
            let response = wasm_bindgen_futures::JsFuture::from(window().fetch_with_str(&href))
                .await
                .map_err(|e| format!("{e:?}"))?;
            let response: web_sys::Response = response.unchecked_into();
            if !response.ok() {
                return Err(format!("HTTP {}", response.status()));
            }
            let blob = wasm_bindgen_futures::JsFuture::from(
                response.blob().map_err(|e| format!("{e:?}"))?,
            )
            .await
            .map_err(|e| format!("{e:?}"))?;
            Ok::<web_sys::Blob, String>(blob.unchecked_into())
        };
        match fetched.await {
            Ok(blob) => state.open_blob(name, blob, false),
            Err(message) => state.status.set(Status::Failed {
                name,
                message: format!("could not load it: {message}"),
            }),
        }
    });
}

fn toggle_theme() {
    let Some(root) = document().document_element() else {
        return;
    };
    let dark = match root.get_attribute("data-theme").as_deref() {
        Some("dark") => false,
        Some("light") => true,
        _ => !window()
            .match_media("(prefers-color-scheme: dark)")
            .ok()
            .flatten()
            .is_some_and(|m| m.matches()),
    };
    let _ = root.set_attribute("data-theme", if dark { "dark" } else { "light" });
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
                    {EXAMPLES
                        .iter()
                        .map(|example| {
                            let open = move |_| state.open_example(example);
                            let current = move || state.example.get().as_deref() == Some(example.id);
                            view! {
                                <li>
                                    <button
                                        class="card"
                                        class:healthy=example.healthy
                                        class:current=current
                                        data-testid=format!("example-{}", example.id)
                                        on:click=open
                                    >
                                        <span class="symptom">{example.symptom}</span>
                                        <span class="file">{example.file_name}</span>
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
fn StatusLine() -> impl IntoView {
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

fn summary_view() -> impl IntoView {
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

#[component]
fn ConnectionList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let connections = move || {
        state.overview.with(|o| {
            o.as_ref()
                .map(|o| o.connections.clone())
                .unwrap_or_default()
        })
    };
    let total = move || {
        state
            .overview
            .with(|o| o.as_ref().map_or(0, |o| o.connections_total))
    };
    view! {
        <section class="connections" aria-label="Connections">
            <h2>{move || format!("Connections ({})", total())}</h2>
            <div class="table-wrap">
                <table>
                    <thead><tr><th>"client"</th><th>"server"</th><th>"outcome"</th><th>"SYNs"</th><th>"connect time"</th></tr></thead>
                    <tbody>
                        <For each=connections key=|c| c.id let:connection>
                            {
                                let id = connection.id;
                                let selected = move || state.selection.get() == Some(Selection::Connection(id));
                                view! {
                                    <tr class:selected=selected data-testid=format!("connection-{id}")>
                                        <td>
                                            <button class="link" on:click=move |_| state.select(Selection::Connection(id))>
                                                {connection.client.to_string()}
                                            </button>
                                        </td>
                                        <td>{connection.server.to_string()}</td>
                                        <td>{outcome_text(connection.outcome)}</td>
                                        <td>{connection.attempts}</td>
                                        <td>{connection.time_to_connect.map(crate::layout::duration_text).unwrap_or_default()}</td>
                                    </tr>
                                }
                            }
                        </For>
                    </tbody>
                </table>
            </div>
            <Show when=move || { total() > connections().len() }>
                <p class="muted">{move || format!("The first {} are listed: those in findings, then failed ones.", connections().len())}</p>
            </Show>
        </section>
    }
}

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
use crate::protocol::{ExportFormat, NamesText, Request};
use browser::{browser_languages, open_url, query, set_document_language, toggle_theme};
use connections::ConnectionList;
use dropscope_core::i18n::{self, Lang, Message};
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
    // The language: `lang=` in the query (embeds) or the fragment (links), else the browser's.
    let chosen = query
        .as_ref()
        .and_then(|q| q.get("lang"))
        .and_then(|tag| Lang::from_tag(&tag))
        .or(fragment.lang);
    let lang = chosen.unwrap_or_else(|| {
        let tags = browser_languages();
        Lang::preferred(tags.iter().map(String::as_str))
    });
    i18n::set_language(lang);
    set_document_language(lang);
    let picked = RwSignal::new(chosen);

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
        lang: RwSignal::new(lang),
        crash_next: StoredValue::new(query.as_ref().is_some_and(|q| q.has("crash-test"))),
        client: StoredValue::new_local(client),
        opened: StoredValue::new_local(Vec::new()),
        names: RwSignal::new(Vec::new()),
        clocks: RwSignal::new(Vec::new()),
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
                lang: picked.get(),
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
        // Several files dropped at once are one analysis (both nodes, a pod and its node).
        if let Some(list) = ev.data_transfer().and_then(|dt| dt.files()) {
            let files = file_list(&list);
            if !files.is_empty() {
                state.open_files(files);
            }
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
            {if embed { embed_header().into_any() } else { header(picked).into_any() }}
            {(!embed).then(open_section)}
            <StatusLine />
            <Show when=move || state.overview.with(Option::is_some)>
                <Results />
            </Show>
        </main>
    }
}

/// The language switch: each language named in itself.
fn language_switch(picked: RwSignal<Option<Lang>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let on_change = move |ev: leptos::ev::Event| {
        let select: web_sys::HtmlSelectElement = event_target(&ev);
        if let Some(lang) = Lang::from_tag(&select.value()) {
            picked.set(Some(lang));
            state.set_language(lang);
        }
    };
    view! {
        <select class="language" data-testid="language" aria-label=t("ui-language") on:change=on_change>
            {Lang::ALL
                .iter()
                .map(|&lang| view! {
                    <option value=lang.tag() selected=move || state.lang.get() == lang>{lang.name()}</option>
                })
                .collect_view()}
        </select>
    }
}

/// A word of the page, in the language it speaks now (it changes with the switch).
pub(crate) fn t(id: &'static str) -> impl Fn() -> String + Clone + Send + Sync + 'static {
    let lang = expect_context::<AppState>().lang;
    move || Message::new(id).text(lang.get())
}

fn header(picked: RwSignal<Option<Lang>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let ready = move || state.overview.with(Option::is_some);
    view! {
        <header class="top">
            <h1>"dropscope"</h1>
            <p class="tagline">
                {t("ui-tagline-before")}" "
                <code>"tcpdump -i any"</code>
                " "{t("ui-tagline-after")}
            </p>
            <nav class="tools">
                <button data-testid="export-json" disabled=move || !ready()
                    on:click=move |_| state.send(Request::Export { format: ExportFormat::Json })>{t("ui-export-json")}</button>
                <button data-testid="export-markdown" disabled=move || !ready()
                    on:click=move |_| state.send(Request::Export { format: ExportFormat::Markdown })>{t("ui-export-markdown")}</button>
                <button data-testid="theme-toggle" on:click=move |_| toggle_theme() title=t("ui-theme-title")>{t("ui-theme")}</button>
                {language_switch(picked)}
            </nav>
        </header>
    }
}

fn embed_header() -> impl IntoView {
    let state = expect_context::<AppState>();
    let link = move || match state.example.get() {
        Some(id) => format!("./#example={id}&lang={}", state.lang.get().tag()),
        None => format!("./#lang={}", state.lang.get().tag()),
    };
    view! {
        <header class="top embed-top">
            <strong>"dropscope"</strong>
            <span class="embed-name">{move || state.overview.with(|o| o.as_ref().map(|o| o.name.clone()))}</span>
            <a href=link target="_blank" rel="noopener">{t("ui-open-in-dropscope")}</a>
        </header>
    }
}

fn open_section() -> impl IntoView {
    let state = expect_context::<AppState>();
    let on_pick = move |ev: leptos::ev::Event| {
        let input: HtmlInputElement = event_target(&ev);
        if let Some(list) = input.files() {
            state.open_files(file_list(&list));
        }
        input.set_value("");
    };
    let on_add = move |ev: leptos::ev::Event| {
        let input: HtmlInputElement = event_target(&ev);
        if let Some(list) = input.files() {
            state.add_files(file_list(&list));
        }
        input.set_value("");
    };
    let loaded = move || state.overview.with(Option::is_some);
    view! {
        <section class="open" aria-label=t("ui-open-capture")>
            <label class="pick">
                {t("ui-drop-or")}" "
                <input type="file" multiple accept=".pcap,.pcapng,.cap,.pcap.gz" data-testid="file-input" on:change=on_pick />
            </label>
            {names_panel()}
            <Show when=loaded>
                <label class="pick add">
                    {t("ui-add-capture")}" "
                    <input type="file" multiple accept=".pcap,.pcapng,.cap,.pcap.gz" data-testid="add-file-input" on:change=on_add />
                </label>
            </Show>
            <details class="gallery" prop:open=move || !loaded()>
                <summary>{t("ui-examples")}</summary>
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
                                        <span class="symptom">{example_symptom(example)}</span>
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

/// Where the user gives the cluster's names: pasted or from files (`ip -o link`, `kubectl get
/// pods -A -o wide`, …). They stay in the page's memory; the analysis is run again with them.
fn names_panel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let pasted = RwSignal::new(String::new());
    let add_text = move |source: String, text: String| {
        if !text.trim().is_empty() {
            state
                .names
                .update(|names| names.push(NamesText { source, text }));
        }
    };
    let on_apply = move |_| {
        let count = state.names.with_untracked(Vec::len) + 1;
        let source = Message::new("ui-names-pasted")
            .count("n", count)
            .to_string();
        add_text(source, pasted.get_untracked());
        pasted.set(String::new());
        state.apply_names();
    };
    let on_files = move |ev: leptos::ev::Event| {
        let input: HtmlInputElement = event_target(&ev);
        if let Some(list) = input.files() {
            for file in file_list(&list) {
                let name = file.name();
                // Small texts: read whole, then applied once all are in.
                let reader = web_sys::FileReader::new().ok();
                if let Some(reader) = reader {
                    let for_load = reader.clone();
                    let on_load = wasm_bindgen::closure::Closure::once(move || {
                        if let Some(text) = for_load.result().ok().and_then(|r| r.as_string()) {
                            add_text(name, text);
                            state.apply_names();
                        }
                    });
                    reader.set_onload(Some(wasm_bindgen::JsCast::unchecked_ref(on_load.as_ref())));
                    on_load.forget();
                    let _ = reader.read_as_text(&file);
                }
            }
        }
        input.set_value("");
    };
    let given = move || {
        state.names.with(|names| {
            names
                .iter()
                .map(|n| view! { <li data-testid="names-source">{n.source.clone()}</li> })
                .collect_view()
        })
    };
    let problems = move || {
        state.overview.with(|o| {
            o.as_ref()
                .map(|o| {
                    o.names_problems
                        .iter()
                        .map(|p| view! { <li class="error" data-testid="names-problem">{p.clone()}</li> })
                        .collect_view()
                })
        })
    };
    view! {
        <details class="names" data-testid="names">
            <summary>{t("ui-names")}</summary>
            <p class="muted">{t("ui-names-help")}</p>
            <textarea data-testid="names-input" rows="6" spellcheck="false"
                prop:value=move || pasted.get()
                on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
            <div class="names-actions">
                <button data-testid="names-apply" on:click=on_apply>{t("ui-names-apply")}</button>
                <label class="pick">
                    {t("ui-names-files")}" "
                    <input type="file" multiple accept=".txt,.log,text/plain" data-testid="names-files" on:change=on_files />
                </label>
            </div>
            <ul class="names-given">{given}</ul>
            <ul class="names-problems">{problems}</ul>
        </details>
    }
}

/// The files of a drop or a file input, in order.
fn file_list(list: &web_sys::FileList) -> Vec<web_sys::File> {
    (0..list.length()).filter_map(|at| list.get(at)).collect()
}

/// An example's symptom in the page's language: the manifest's words are the English ones.
fn example_symptom(example: &'static crate::examples::Example) -> impl Fn() -> String {
    let lang = expect_context::<AppState>().lang;
    move || {
        let id = format!("example-{}", example.id());
        if i18n::has(lang.get(), &id) {
            Message::new(id).text(lang.get())
        } else {
            example.symptom().to_string()
        }
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

//! The page's state (one [`AppState`] of signals, shared by context) and its reducer: what
//! the page does with each answer of the worker.

use std::time::Duration;

use dropscope_core::i18n::{self, Lang};
use dropscope_core::signatures::Severity;
use leptos::prelude::*;

use super::browser::download;
use super::packets;
use crate::client::Client;
use crate::examples::Example;
use crate::fragment::ViewState;
use crate::protocol::{
    Envelope, NamesText, OpenFile, Overview, PacketDetail, Request, Response, RowsPage, Scene,
    Selection,
};

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
    /// The language the page speaks.
    pub lang: RwSignal<Lang>,
    /// `?crash-test`: the worker panics before the next capture (once), for the browser test
    /// of recovery.
    pub crash_next: StoredValue<bool>,
    pub client: StoredValue<Client, LocalStorage>,
    /// Clock offsets the user set for captures opened together, by index.
    pub clocks: RwSignal<Vec<(usize, f64)>>,
    /// The cluster's names the user gave (in the page's memory only, never in the URL).
    pub names: RwSignal<Vec<NamesText>>,
    /// The captures open now (names and file handles, not their bytes), for "add a capture".
    pub opened: StoredValue<Vec<(String, web_sys::Blob)>, LocalStorage>,
}

impl AppState {
    pub fn send(&self, request: Request) {
        let lang = self.lang.get_untracked();
        self.client
            .with_value(|c| c.send(&Envelope { lang, request }));
    }

    /// Speaks `lang` from now on: the page's words change at once, and what the worker drew
    /// (the scene's captions, the packet rows) is asked for again in it.
    pub fn set_language(&self, lang: Lang) {
        if self.lang.get_untracked() == lang {
            return;
        }
        i18n::set_language(lang);
        super::browser::set_document_language(lang);
        self.lang.set(lang);
        if let Some(selection) = self.selection.get_untracked() {
            self.send(Request::Scene { selection });
        }
        if self.overview.with_untracked(Option::is_some) {
            self.refresh_rows(0);
        }
    }

    pub fn select(&self, selection: Selection) {
        self.selection.set(Some(selection));
        self.scene.set(None);
        self.send(Request::Scene { selection });
        self.refresh_rows(0);
    }

    /// The selection the packet list is limited to, when its checkbox is on.
    fn list_scope(&self) -> Option<Selection> {
        if self.scoped.get_untracked() {
            self.selection.get_untracked()
        } else {
            None
        }
    }

    /// Asks for the packets the list shows now, as pcapng.
    pub fn export_filtered(&self) {
        self.send(Request::ExportFiltered {
            filter: self.filter.get_untracked(),
            scope: self.list_scope(),
        });
    }

    pub fn refresh_rows(&self, start: u32) {
        if self.overview.with_untracked(Option::is_none) {
            return;
        }
        let scope = self.list_scope();
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

    pub(super) fn open_blob(&self, name: String, blob: web_sys::Blob, crash_first: bool) {
        self.open_blobs(vec![(name, blob)], crash_first);
    }

    /// Analyses captures as one (several captures of one failure), replacing what is open.
    pub(super) fn open_blobs(&self, files: Vec<(String, web_sys::Blob)>, crash_first: bool) {
        let files: Vec<_> = files
            .into_iter()
            .take(dropscope_core::files::MAX_FILES)
            .collect();
        if files.is_empty() {
            return;
        }
        let size: u64 = files.iter().map(|(_, blob)| blob.size() as u64).sum();
        let name = files
            .iter()
            .map(|(name, _)| name.as_str())
            .collect::<Vec<_>>()
            .join(" + ");
        self.opened.set_value(files.clone());
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
        let lang = self.lang.get_untracked();
        let request = Request::Open {
            names: self.names.get_untracked(),
            clocks: self.clocks.get_untracked(),
            files: files
                .iter()
                .map(|(name, blob)| OpenFile {
                    name: name.clone(),
                    size: blob.size() as u64,
                })
                .collect(),
        };
        let blobs: Vec<web_sys::Blob> = files.into_iter().map(|(_, blob)| blob).collect();
        self.client
            .with_value(|c| c.send_with(&Envelope { lang, request }, &blobs));
    }

    pub fn open_file(&self, file: web_sys::File) {
        self.open_files(vec![file]);
    }

    /// Opens files dropped or picked together, as one analysis.
    pub fn open_files(&self, files: Vec<web_sys::File>) {
        self.example.set(None);
        self.clocks.set(Vec::new());
        let crash = self.crash_next.get_value();
        self.crash_next.set_value(false);
        self.open_blobs(
            files.into_iter().map(|f| (f.name(), f.into())).collect(),
            crash,
        );
    }

    /// Uses the cluster's names given so far, analysing what is open again with them.
    pub fn apply_names(&self) {
        let open = self.opened.get_value();
        if !open.is_empty() {
            let example = self.example.get_untracked();
            self.open_blobs(open, false);
            self.example.set(example);
        }
    }

    /// Sets capture `index`'s clock offset by hand and analyses again.
    pub fn set_clock(&self, index: usize, seconds: f64) {
        self.clocks.update(|clocks| {
            clocks.retain(|(i, _)| *i != index);
            clocks.push((index, seconds));
        });
        self.apply_names();
    }

    /// Adds captures to those already open, and analyses them all again as one.
    pub fn add_files(&self, files: Vec<web_sys::File>) {
        let mut all = self.opened.get_value();
        all.extend(
            files
                .into_iter()
                .map(|f| (f.name(), web_sys::Blob::from(f))),
        );
        self.example.set(None);
        self.open_blobs(all, false);
    }

    pub fn open_example(&self, example: &'static Example) {
        self.example.set(Some(example.id().to_string()));
        let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(example.bytes));
        match web_sys::Blob::new_with_u8_array_sequence(&parts) {
            Ok(blob) => self.open_blob(example.file_name().to_string(), blob, false),
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
    pub(super) fn receive(&self, response: Response) {
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
                // The first warning or error; a capture with none opens on a connection.
                let first = match overview
                    .findings
                    .iter()
                    .position(|f| f.severity >= Severity::Warning)
                {
                    Some(at) => Some(Selection::Finding(at)),
                    None => overview
                        .connections
                        .first()
                        .map(|c| Selection::Connection(c.id)),
                };
                dropscope_core::names::set_book(overview.names.clone());
                // Frames of several captures are shown with their capture's name.
                dropscope_core::files::set_labels(
                    overview
                        .capture
                        .files
                        .iter()
                        .map(|f| dropscope_core::files::label_of(&f.name))
                        .collect(),
                );
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
            Response::Evidence { name, bytes } => {
                super::browser::download_bytes(&name, &bytes, "application/vnd.tcpdump.pcap")
            }
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

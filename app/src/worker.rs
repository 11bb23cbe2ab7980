//! The analysis worker: reads the capture in slices with `FileReaderSync` (workers may block),
//! keeps the [`Session`], answers the page. A panic is reported to the page as `Crashed`
//! before the worker dies; the page then starts a new one.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, DedicatedWorkerGlobalScope, FileReaderSync, MessageEvent};

use crate::protocol::{Envelope, Request, Response};
use crate::session::{analyse_named, Session};
use dropscope_core::names::Names;

struct State {
    /// The captures' files, by index.
    blobs: Vec<Blob>,
    session: Option<Session>,
}

thread_local! {
    static STATE: RefCell<State> = const { RefCell::new(State { blobs: Vec::new(), session: None }) };
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn post(response: &Response) {
    let text = serde_json::to_string(response).unwrap_or_else(|e| {
        format!("{{\"kind\":\"failed\",\"message\":\"could not encode an answer: {e}\"}}")
    });
    let _ = scope().post_message(&JsValue::from_str(&text));
}

fn now() -> f64 {
    js_sys::Date::now()
}

/// Reads `len` bytes at `offset` of the blob.
fn read(blob: &Blob, offset: u64, len: usize) -> Result<Vec<u8>, String> {
    let reader = FileReaderSync::new().map_err(|e| format!("{e:?}"))?;
    let slice = blob
        .slice_with_f64_and_f64(offset as f64, (offset + len as u64) as f64)
        .map_err(|e| format!("{e:?}"))?;
    let buffer = reader
        .read_as_array_buffer(&slice)
        .map_err(|e| format!("{e:?}"))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The size of this instance's linear memory: what the analysis holds at most, as wasm
/// memory never shrinks.
fn wasm_memory_bytes() -> u64 {
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    memory
        .buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length() as u64
}

pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        post(&Response::Crashed {
            message: info.to_string(),
        });
        console_error_panic_hook::hook(info);
    }));
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let data = event.data();
        // An `Open` arrives as [request, blob, blob, …]; everything else as the request alone.
        let (text, blobs) = if js_sys::Array::is_array(&data) {
            let array: js_sys::Array = data.unchecked_into();
            let blobs: Vec<Blob> = array
                .iter()
                .skip(1)
                .filter_map(|b| b.dyn_into::<Blob>().ok())
                .collect();
            (array.get(0).as_string(), blobs)
        } else {
            (data.as_string(), Vec::new())
        };
        let request = match text.as_deref().map(serde_json::from_str::<Envelope>) {
            Some(Ok(Envelope { lang, request })) => {
                dropscope_core::i18n::set_language(lang);
                request
            }
            other => {
                post(&Response::Failed {
                    message: format!("the worker did not understand a message: {other:?}"),
                });
                return;
            }
        };
        handle(request, blobs);
    });
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    post(&Response::Ready);
}

fn handle(request: Request, blobs: Vec<Blob>) {
    match request {
        Request::Open {
            files,
            names: texts,
            clocks,
        } => {
            if blobs.len() != files.len() || files.is_empty() {
                post(&Response::Failed {
                    message: "no file came with the request".into(),
                });
                return;
            }
            STATE.with_borrow_mut(|state| {
                state.session = None;
                state.blobs.clear();
            });
            let started = now();
            let mut last_progress = 0.0;
            let size: u64 = files.iter().map(|f| f.size).sum();
            let files: Vec<(String, u64)> = files.into_iter().map(|f| (f.name, f.size)).collect();
            // The cluster's names: what could not be read is said, the rest is used.
            let mut names = Names::new();
            let mut names_problems = Vec::new();
            for text in &texts {
                let report = names.add(&text.source, &text.text);
                names_problems.extend(
                    report
                        .problems
                        .iter()
                        .map(|p| dropscope_core::words::names_problem(&text.source, p)),
                );
            }
            let clocks: std::collections::HashMap<usize, f64> = clocks.into_iter().collect();
            let result = analyse_named(
                &files,
                &names,
                &clocks,
                &mut |file, offset, len| read(&blobs[file as usize], offset, len),
                &mut |bytes, frames| {
                    let time = now();
                    // A few updates a second are enough for a progress bar.
                    if time - last_progress > 100.0 || bytes == size {
                        last_progress = time;
                        post(&Response::Progress {
                            bytes,
                            total: size,
                            frames,
                            elapsed_ms: time - started,
                        });
                    }
                },
            );
            match result {
                Ok(session) => {
                    // Rows and captions the worker words name addresses as the page does.
                    dropscope_core::names::set_book(session.report().names.clone());
                    dropscope_core::files::set_labels(session.labels());
                    let mut overview = session.overview(now() - started);
                    overview.worker_memory = wasm_memory_bytes();
                    overview.names_problems = names_problems;
                    STATE.with_borrow_mut(|state| {
                        state.session = Some(session);
                        state.blobs = blobs;
                    });
                    post(&Response::Overview(Box::new(overview)));
                }
                Err(message) => post(&Response::Failed { message }),
            }
        }
        Request::Panic => panic!("a panic requested by the page (browser test of crash recovery)"),
        other => {
            let response = STATE.with_borrow_mut(|state| {
                let State {
                    blobs,
                    session: Some(session),
                } = state
                else {
                    return Response::Failed {
                        message: "no capture is loaded".into(),
                    };
                };
                let mut reader = |file: u32, offset, len| match blobs.get(file as usize) {
                    Some(blob) => read(blob, offset, len),
                    None => Err(format!("no capture {file}")),
                };
                match other {
                    Request::Scene { selection } => match session.scene(selection) {
                        Ok(scene) => Response::Scene(Box::new(scene)),
                        Err(message) => Response::Failed { message },
                    },
                    Request::Rows {
                        filter,
                        scope,
                        start,
                        count,
                    } => Response::Rows(session.rows(&filter, scope, start, count, &mut reader)),
                    Request::Detail { frame } => match session.detail(frame, &mut reader) {
                        Ok(detail) => Response::Detail(Box::new(detail)),
                        Err(message) => Response::Failed { message },
                    },
                    Request::ExportEvidence { selection } => {
                        match session.evidence(selection, &mut reader) {
                            Ok((name, bytes)) => Response::Evidence { name, bytes },
                            Err(message) => Response::Failed { message },
                        }
                    }
                    Request::ExportFiltered { filter, scope } => {
                        match session.filtered_pcapng(&filter, scope, &mut reader) {
                            Ok((name, bytes)) => Response::Evidence { name, bytes },
                            Err(message) => Response::Failed { message },
                        }
                    }
                    Request::Export { format } => Response::Export {
                        format,
                        text: session.export(format),
                    },
                    Request::Open { .. } | Request::Panic => unreachable!("handled above"),
                }
            });
            post(&response);
        }
    }
}

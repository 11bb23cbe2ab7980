//! The page's end of the worker: starts it, queues requests until it is ready, hands every
//! answer to one handler, and replaces the worker when it is cancelled or crashes.
//!
//! The worker's code is fetched once, while the page loads, and kept as `blob:` URLs: a
//! replacement worker starts from those, so cancelling or recovering makes no request.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, ErrorEvent, MessageEvent, Worker};

use crate::protocol::{Envelope, Response};

/// What Trunk builds for the worker: its glue and its wasm. The single-file build sets
/// `DROPSCOPE_WORKER_URL` to a `blob:` URL of both instead.
const WORKER_GLUE: &str = "./dropscope-worker.js";
const WORKER_WASM: &str = "./dropscope-worker_bg.wasm";

type Handler = Rc<dyn Fn(Response)>;

struct Inner {
    /// The worker's script (`blob:`), once known.
    url: Option<String>,
    worker: Option<Worker>,
    /// Which worker is current: callbacks of a replaced one ignore what it still sends.
    generation: u64,
    ready: bool,
    queue: Vec<(String, Vec<Blob>)>,
    handler: Handler,
    /// The current worker's callbacks, and those of replaced workers: an event the old
    /// worker had queued may still arrive, and must find its callback alive.
    callbacks: Vec<Closure<dyn FnMut(JsValue)>>,
}

#[derive(Clone)]
pub struct Client(Rc<RefCell<Inner>>);

/// The single-file build's worker URL, if this is it.
fn given_worker_url() -> Option<String> {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &JsValue::from_str("DROPSCOPE_WORKER_URL")).ok())
        .and_then(|v| v.as_string())
}

async fn fetch(url: &str) -> Result<web_sys::Response, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|e| format!("{url}: {e:?}"))?;
    let response: web_sys::Response = response.unchecked_into();
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    Ok(response)
}

/// Fetches the worker's glue and wasm once and makes a `blob:` script that starts it.
async fn worker_blob_url() -> Result<String, String> {
    let glue = fetch(WORKER_GLUE).await?;
    let glue = wasm_bindgen_futures::JsFuture::from(glue.text().map_err(|e| format!("{e:?}"))?)
        .await
        .map_err(|e| format!("{e:?}"))?
        .as_string()
        .unwrap_or_default();
    let wasm = fetch(WORKER_WASM).await?;
    let wasm = wasm_bindgen_futures::JsFuture::from(wasm.blob().map_err(|e| format!("{e:?}"))?)
        .await
        .map_err(|e| format!("{e:?}"))?;
    let wasm: Blob = wasm.unchecked_into();
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/wasm");
    let wasm = Blob::new_with_blob_sequence_and_options(&js_sys::Array::of1(&wasm), &options)
        .map_err(|e| format!("{e:?}"))?;
    let wasm_url =
        web_sys::Url::create_object_url_with_blob(&wasm).map_err(|e| format!("{e:?}"))?;
    let source = format!("{glue}\nwasm_bindgen({{ module_or_path: {wasm_url:?} }});\n");
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/javascript");
    let script = Blob::new_with_str_sequence_and_options(
        &js_sys::Array::of1(&JsValue::from_str(&source)),
        &options,
    )
    .map_err(|e| format!("{e:?}"))?;
    web_sys::Url::create_object_url_with_blob(&script).map_err(|e| format!("{e:?}"))
}

impl Client {
    pub fn new(handler: impl Fn(Response) + 'static) -> Client {
        let client = Client(Rc::new(RefCell::new(Inner {
            url: given_worker_url(),
            worker: None,
            generation: 0,
            ready: false,
            queue: Vec::new(),
            handler: Rc::new(handler),
            callbacks: Vec::new(),
        })));
        if client.0.borrow().url.is_some() {
            client.spawn();
        } else {
            let client = client.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match worker_blob_url().await {
                    Ok(url) => {
                        client.0.borrow_mut().url = Some(url);
                        client.spawn();
                    }
                    Err(message) => {
                        let handler = client.0.borrow().handler.clone();
                        handler(Response::Crashed {
                            message: format!("the analysis worker could not be loaded: {message}"),
                        });
                    }
                }
            });
        }
        client
    }

    fn spawn(&self) {
        let handler = self.0.borrow().handler.clone();
        let generation = {
            let mut inner = self.0.borrow_mut();
            inner.generation += 1;
            inner.generation
        };
        // Not known yet: the fetch in `new` spawns it when it is.
        let Some(url) = self.0.borrow().url.clone() else {
            return;
        };
        let worker = match Worker::new(&url) {
            Ok(worker) => worker,
            Err(error) => {
                handler(Response::Crashed {
                    message: format!("the browser would not start the analysis worker: {error:?}"),
                });
                return;
            }
        };
        let weak = Rc::downgrade(&self.0);
        let on_message = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
            let Some(inner) = weak.upgrade() else { return };
            if inner.borrow().generation != generation {
                return;
            }
            let event: MessageEvent = event.unchecked_into();
            let response = match event
                .data()
                .as_string()
                .map(|t| serde_json::from_str::<Response>(&t))
            {
                Some(Ok(response)) => response,
                other => Response::Failed {
                    message: format!("the worker sent something unreadable: {other:?}"),
                },
            };
            if matches!(response, Response::Ready) {
                let (worker, queue) = {
                    let mut inner = inner.borrow_mut();
                    inner.ready = true;
                    (inner.worker.clone(), std::mem::take(&mut inner.queue))
                };
                if let Some(worker) = worker {
                    for (text, blobs) in queue {
                        post(&worker, &text, &blobs);
                    }
                }
            }
            let handler = inner.borrow().handler.clone();
            handler(response);
        });
        let handler_for_errors = handler.clone();
        let weak = Rc::downgrade(&self.0);
        let on_error = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
            // Handled here: it is not an error of the page.
            if let Some(event) = event.dyn_ref::<web_sys::Event>() {
                event.prevent_default();
            }
            if weak
                .upgrade()
                .is_none_or(|inner| inner.borrow().generation != generation)
            {
                return;
            }
            let message = event
                .dyn_ref::<ErrorEvent>()
                .map(|e| e.message())
                .unwrap_or_else(|| "the analysis worker failed".to_string());
            handler_for_errors(Response::Crashed { message });
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        let mut inner = self.0.borrow_mut();
        inner.worker = Some(worker);
        inner.ready = false;
        inner.callbacks.push(on_message);
        inner.callbacks.push(on_error);
    }

    pub fn send(&self, request: &Envelope) {
        self.send_with(request, &[]);
    }

    /// Sends a request with the files it is about (an `Open`'s captures).
    pub fn send_with(&self, request: &Envelope, blobs: &[Blob]) {
        let text = serde_json::to_string(request).unwrap_or_default();
        let mut inner = self.0.borrow_mut();
        match (&inner.worker, inner.ready) {
            (Some(worker), true) => post(worker, &text, blobs),
            _ => inner.queue.push((text, blobs.to_vec())),
        }
    }

    /// Stops whatever the worker does (cancel, or after a crash) and starts a fresh one.
    pub fn restart(&self) {
        {
            let mut inner = self.0.borrow_mut();
            if let Some(worker) = inner.worker.take() {
                worker.terminate();
            }
            inner.queue.clear();
            inner.ready = false;
        }
        self.spawn();
    }
}

/// A request alone as its JSON text; with files, as `[text, blob, blob, …]`.
fn post(worker: &Worker, text: &str, blobs: &[Blob]) {
    let message: JsValue = if blobs.is_empty() {
        JsValue::from_str(text)
    } else {
        let parts = js_sys::Array::of1(&JsValue::from_str(text));
        for blob in blobs {
            parts.push(blob);
        }
        parts.into()
    };
    let _ = worker.post_message(&message);
}

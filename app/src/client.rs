//! The page's end of the worker: starts it, queues requests until it is ready, hands every
//! answer to one handler, and replaces the worker when it is cancelled or crashes.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, ErrorEvent, MessageEvent, Worker};

use crate::protocol::{Request, Response};

/// Where Trunk puts the worker's loader; the single-file build sets `DROPSCOPE_WORKER_URL`
/// to a `blob:` URL instead.
const WORKER_URL: &str = "./dropscope-worker_loader.js";

type Handler = Rc<dyn Fn(Response)>;

struct Inner {
    worker: Option<Worker>,
    /// Which worker is current: callbacks of a replaced one ignore what it still sends.
    generation: u64,
    ready: bool,
    queue: Vec<(String, Option<Blob>)>,
    handler: Handler,
    /// The current worker's callbacks, and those of replaced workers: an event the old
    /// worker had queued may still arrive, and must find its callback alive.
    callbacks: Vec<Closure<dyn FnMut(JsValue)>>,
}

#[derive(Clone)]
pub struct Client(Rc<RefCell<Inner>>);

fn worker_url() -> String {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &JsValue::from_str("DROPSCOPE_WORKER_URL")).ok())
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| WORKER_URL.to_string())
}

impl Client {
    pub fn new(handler: impl Fn(Response) + 'static) -> Client {
        let client = Client(Rc::new(RefCell::new(Inner {
            worker: None,
            generation: 0,
            ready: false,
            queue: Vec::new(),
            handler: Rc::new(handler),
            callbacks: Vec::new(),
        })));
        client.spawn();
        client
    }

    fn spawn(&self) {
        let handler = self.0.borrow().handler.clone();
        let generation = {
            let mut inner = self.0.borrow_mut();
            inner.generation += 1;
            inner.generation
        };
        let worker = match Worker::new(&worker_url()) {
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
                    for (text, blob) in queue {
                        post(&worker, &text, blob.as_ref());
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

    pub fn send(&self, request: &Request) {
        self.send_with(request, None);
    }

    pub fn send_with(&self, request: &Request, blob: Option<&Blob>) {
        let text = serde_json::to_string(request).unwrap_or_default();
        let mut inner = self.0.borrow_mut();
        match (&inner.worker, inner.ready) {
            (Some(worker), true) => post(worker, &text, blob),
            _ => inner.queue.push((text, blob.cloned())),
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

fn post(worker: &Worker, text: &str, blob: Option<&Blob>) {
    let message: JsValue = match blob {
        Some(blob) => js_sys::Array::of2(&JsValue::from_str(text), blob).into(),
        None => JsValue::from_str(text),
    };
    let _ = worker.post_message(&message);
}

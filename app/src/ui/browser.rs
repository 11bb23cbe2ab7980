//! Browser glue: the page's query, downloads, opening a capture by URL, the theme.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use dropscope_core::i18n::{tr, Message};

use super::state::{AppState, Status};
use crate::protocol::ExportFormat;

pub(super) fn query() -> Option<web_sys::UrlSearchParams> {
    let search = window().location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search).ok()
}

pub(super) fn download(format: ExportFormat, text: &str, state: &AppState) {
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
    if let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) {
        let file_name = format!("{}.dropscope.{extension}", name.trim_end_matches(".pcap"));
        save(
            &blob,
            &file_name,
            &format!("download-{extension}"),
            Some(text),
        );
    }
}

/// Saves `bytes` as a download named `name`.
pub(super) fn download_bytes(name: &str, bytes: &[u8], mime: &str) {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    if let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options) {
        save(&blob, name, "download-pcapng", None);
    }
}

/// Hands `blob` to the browser as a download named `name` (through a hidden link carrying
/// `test_id`, and `text` for the browser tests to read).
fn save(blob: &web_sys::Blob, name: &str, test_id: &str, text: Option<&str>) {
    let Ok(url) = web_sys::Url::create_object_url_with_blob(blob) else {
        return;
    };
    let document = document();
    if let Ok(anchor) = document.create_element("a") {
        let anchor: web_sys::HtmlAnchorElement = anchor.unchecked_into();
        anchor.set_href(&url);
        anchor.set_download(name);
        anchor.set_attribute("data-testid", test_id).ok();
        anchor.set_text_content(text);
        anchor.set_hidden(true);
        if let Some(body) = document.body() {
            let _ = body.append_child(&anchor);
            anchor.click();
            let _ = body.remove_child(&anchor);
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

pub(super) fn open_url(state: AppState, url: String) {
    let location = window().location();
    let base = location.href().unwrap_or_default();
    let same_origin = web_sys::Url::new_with_base(&url, &base)
        .ok()
        .filter(|u| Some(u.origin()) == location.origin().ok());
    let Some(resolved) = same_origin else {
        state.status.set(Status::Failed {
            name: url,
            message: tr("ui-url-other-site"),
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
                message: Message::new("ui-url-failed")
                    .with("message", message)
                    .to_string(),
            }),
        }
    });
}

pub(super) fn toggle_theme() {
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

/// Marks the page's language (`<html lang>`): screen readers and the browser's choice of
/// CJK glyphs (Traditional or Simplified forms) follow it.
pub(super) fn set_document_language(lang: dropscope_core::i18n::Lang) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", lang.tag());
    }
}

/// The languages the browser prefers, best first.
pub(super) fn browser_languages() -> Vec<String> {
    let navigator = window().navigator();
    let mut tags: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|tag| tag.as_string())
        .collect();
    if tags.is_empty() {
        tags.extend(navigator.language());
    }
    tags
}

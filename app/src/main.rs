//! Mounts the app. Everything else lives in the library crate's modules.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(dropscope_app::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("dropscope-app runs in the browser: scripts/run.sh");
}

//! Mounts the app. Everything else lives in the library crate's modules.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(dropscope_app::App);
}

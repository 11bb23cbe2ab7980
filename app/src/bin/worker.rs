//! The analysis worker's entry point; see `dropscope_app::worker`.

#[cfg(target_arch = "wasm32")]
fn main() {
    dropscope_app::worker::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("dropscope-worker runs in the browser as a Web Worker");
}

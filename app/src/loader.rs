//! Feeds a capture to the core in slices, the way a large `File` must be read: never the
//! whole file in one buffer, and yielding to the page between slices.

use dropscope_core::report::{AnalyzeOptions, Analyzer, Report};
use gloo_file::Blob;

/// Slice size: big enough to keep the per-slice overhead small, small enough to bound memory.
pub const SLICE_BYTES: u64 = 4 * 1024 * 1024;

/// Analyses a file the user dropped or picked, slice by slice.
pub async fn analyse_file(
    file: web_sys::File,
    mut progress: impl FnMut(u64, u64),
) -> Result<Report, String> {
    let size = file.size() as u64;
    let blob = Blob::from(web_sys::Blob::from(file));
    let mut analyzer = Analyzer::new(AnalyzeOptions::default());
    let mut offset = 0u64;
    while offset < size {
        let end = (offset + SLICE_BYTES).min(size);
        let slice = blob.slice(offset, end);
        let bytes = gloo_file::futures::read_as_bytes(&slice)
            .await
            .map_err(|e| {
                format!("the browser could not read bytes {offset}–{end} of the file: {e}")
            })?;
        analyzer.push(&bytes);
        offset = end;
        progress(offset, analyzer.frames());
    }
    Ok(analyzer.finish())
}

/// Analyses bytes already in memory (the built-in examples).
pub fn analyse_bytes(bytes: &[u8]) -> Report {
    let mut analyzer = Analyzer::new(AnalyzeOptions::default());
    for slice in bytes.chunks(SLICE_BYTES as usize) {
        analyzer.push(slice);
    }
    analyzer.finish()
}

//! Helpers shared by the corpus tests: where the captures are, and how to read an oracle.

use std::path::{Path, PathBuf};

/// `../shared/captures` beside the repository (or `$DROPSCOPE_SHARED/captures`), if present.
pub fn shared_captures() -> Option<PathBuf> {
    let shared = match std::env::var_os("DROPSCOPE_SHARED") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared"),
    };
    let captures = shared.join("captures");
    captures.is_dir().then_some(captures)
}

/// Prints a visible notice and returns `None` when the shared captures are absent.
pub fn shared_captures_or_skip(test: &str) -> Option<PathBuf> {
    let found = shared_captures();
    if found.is_none() {
        eprintln!("SKIPPED {test}: ../shared/captures is not beside this checkout (set DROPSCOPE_SHARED to point at it)");
    }
    found
}

/// The repository's own copies of the k8s captures (the built-in examples).
pub fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../public/examples")
        .join(name)
}

/// Capture files in `dir` (sorted), by extension.
pub fn captures_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| {
        matches!(
            p.extension().and_then(|e| e.to_str()),
            Some("pcap" | "pcapng" | "cap")
        )
    });
    files.sort();
    files
}

/// A tshark `-T fields -E header=y` table.
pub struct Oracle {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Oracle {
    pub fn read(path: &Path) -> Option<Oracle> {
        let text = std::fs::read_to_string(path).ok()?;
        let mut lines = text.lines();
        let header = lines.next()?.split('\t').map(str::to_owned).collect();
        let rows = lines
            .map(|l| l.split('\t').map(str::to_owned).collect())
            .collect();
        Some(Oracle { header, rows })
    }

    pub fn column(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h == name)
    }
}

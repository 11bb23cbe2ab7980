//! Inputs the fuzzers found crashing, kept so they never do again. Each goes through the whole
//! analysis, in one piece and one byte at a time.

use std::path::PathBuf;

use dropscope_core::report::{AnalyzeOptions, Analyzer};

#[test]
fn every_fuzzer_finding_analyses_without_panicking() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        for chunk in [bytes.len().max(1), 1] {
            let mut analyzer = Analyzer::new(AnalyzeOptions::default());
            for piece in bytes.chunks(chunk) {
                analyzer.push(piece);
            }
            analyzer.finish();
        }
        seen += 1;
    }
    assert!(seen >= 1);
}

//! Inputs the fuzzers found crashing (or leaking), kept so they never do again. Each goes
//! through the whole analysis, in one piece and one byte at a time, with the packet index and
//! the report's JSON round trip (which once leaked the names of decode stops).

use std::path::PathBuf;

use dropscope_core::analyzer::{AnalyzeOptions, Analyzer};

#[test]
fn every_fuzzer_finding_analyses_without_panicking() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        for chunk in [bytes.len().max(1), 1] {
            let mut analyzer = Analyzer::new(AnalyzeOptions {
                index_packets: true,
                ..AnalyzeOptions::default()
            });
            for piece in bytes.chunks(chunk) {
                analyzer.push(piece);
            }
            let report = analyzer.finish();
            let json = serde_json::to_string(&report).unwrap();
            let back: dropscope_core::report::Report = serde_json::from_str(&json).unwrap();
            assert_eq!(serde_json::to_string(&back).unwrap(), json);
        }
        seen += 1;
    }
    assert!(seen >= 1);
}

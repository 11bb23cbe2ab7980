//! Every example capture (the five k8s captures and the lab's) gives exactly the findings the
//! manifest (`public/examples/manifest.tsv`) lists for it: the failure captures their
//! signature, the healthy ones none.

use std::path::PathBuf;

use dropscope_core::analyzer::{AnalyzeOptions, Analyzer};
use dropscope_core::examples::examples;

#[test]
fn every_example_gives_exactly_its_findings() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../public/examples");
    let examples = examples();
    let mut listed: Vec<String> = examples.iter().map(|e| e.file.clone()).collect();
    listed.sort();
    let mut present: Vec<String> = Vec::new();
    for sub in ["", "lab/"] {
        for entry in std::fs::read_dir(dir.join(sub)).unwrap() {
            let name = entry.unwrap().file_name().to_string_lossy().to_string();
            if name.ends_with(".pcap") || name.ends_with(".pcapng") {
                present.push(format!("{sub}{name}"));
            }
        }
    }
    present.sort();
    assert_eq!(
        present, listed,
        "every example capture must be in the manifest"
    );
    for example in &examples {
        let name = &example.file;
        let bytes = std::fs::read(dir.join(name)).unwrap();
        let mut analyzer = Analyzer::new(AnalyzeOptions::default());
        analyzer.push(&bytes);
        let report = analyzer.finish();
        let found: Vec<&str> = report.findings.iter().map(|f| f.signature).collect();
        assert_eq!(found, example.findings, "{name}");
        for finding in &report.findings {
            assert!(
                !finding.frames.is_empty(),
                "{name}: {} names no frames",
                finding.signature
            );
            assert!(
                finding
                    .frames
                    .iter()
                    .all(|&f| f >= 1 && f <= report.analysis.capture.frames),
                "{name}"
            );
            assert!(!finding.point_of_failure.is_empty(), "{name}");
        }
    }
}

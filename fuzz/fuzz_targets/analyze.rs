//! The whole analysis (journeys, connections, signatures, the viewer's packet index) on any
//! bytes, and the report's JSON round trip the browser's worker relies on.
#![no_main]

use dropscope_core::analyzer::{AnalyzeOptions, Analyzer};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut analyzer = Analyzer::new(AnalyzeOptions {
        index_packets: true,
        ..AnalyzeOptions::default()
    });
    analyzer.push(data);
    let (report, index) = analyzer.finish_indexed();
    let index = index.expect("asked for");
    assert_eq!(index.len() as u64, report.analysis.capture.packets);
    // Every row points inside the input.
    for row in index.rows() {
        assert!(row.data_offset + row.captured as u64 <= data.len() as u64);
    }
    let json = serde_json::to_string(&report).expect("serializes");
    let back: dropscope_core::report::Report = serde_json::from_str(&json).expect("reads back");
    assert_eq!(back.findings.len(), report.findings.len());
    // Every frame a finding names exists.
    for finding in &report.findings {
        assert!(finding.frames.iter().all(|&f| f >= 1 && f <= report.analysis.capture.frames));
    }
});

//! The whole analysis (journeys, connections, signatures) on any bytes.
#![no_main]

use dropscope_core::report::{AnalyzeOptions, Analyzer};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut analyzer = Analyzer::new(AnalyzeOptions::default());
    analyzer.push(data);
    let report = analyzer.finish();
    // Every frame a finding names exists.
    for finding in &report.findings {
        assert!(finding.frames.iter().all(|&f| f >= 1 && f <= report.capture.frames));
    }
});

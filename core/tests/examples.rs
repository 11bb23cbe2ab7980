//! Every example capture (the five k8s captures and the lab's) gives exactly the findings the
//! manifest (`public/examples/manifest.tsv`) lists for it: the failure captures their
//! signature, the healthy ones none.

use std::path::PathBuf;

use dropscope_core::analyzer::{AnalyzeOptions, Analyzer};
use dropscope_core::examples::examples;
use dropscope_core::signatures::Severity;

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
        // The manifest pins warnings and errors; an info finding is no alarm.
        let found: Vec<&str> = report
            .findings
            .iter()
            .filter(|f| f.severity >= Severity::Warning)
            .map(|f| f.signature)
            .collect();
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
            assert!(!finding.point_of_failure.to_string().is_empty(), "{name}");
        }
        // Where the page marks the failure: the interface of the first alarm's failure frame.
        let station = report
            .findings
            .iter()
            .find(|f| f.severity >= Severity::Warning)
            .and_then(|f| {
                let frame = f.failure_frame?;
                let hop = report
                    .analysis
                    .journeys
                    .iter()
                    .find_map(|j| j.hop_of_frame(frame))?;
                Some(report.analysis.interface_name(hop.interface))
            });
        if std::env::var_os("DROPSCOPE_PRINT_DROPS").is_some() {
            println!(
                "DROP\t{}\t{}",
                example.id,
                station.as_deref().unwrap_or("-")
            );
        } else {
            assert_eq!(station, example.drop, "{name}: the drop station");
        }
        let vantage = report.analysis.capture.vantage.as_ref().expect("inferred");
        let kind = serde_json::to_value(vantage).unwrap()["kind"]
            .as_str()
            .unwrap()
            .to_string();
        assert_eq!(Some(kind), example.vantage, "{name}: the vantage point");
    }
}

/// The lab's second run of every scenario (tests/holdout/, the same file names as the first
/// run's in public/examples/lab/): captures the analysis was never tuned on must give the same
/// findings, seen from the same vantage point.
#[test]
fn the_second_lab_runs_give_the_same_findings() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/holdout");
    let examples = examples();
    let mut checked = 0;
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "pcap" || e == "pcapng"))
        .collect();
    files.sort();
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let scenario = name.split('.').next().unwrap();
        // The first run's entry; a vantage point the first run did not keep takes its scenario's
        // findings, when all of its vantage points agree.
        let expected = match examples.iter().find(|e| e.file == format!("lab/{name}")) {
            Some(entry) => (entry.findings.clone(), entry.vantage.clone()),
            None => {
                let same: Vec<_> = examples
                    .iter()
                    .filter(|e| e.file.starts_with(&format!("lab/{scenario}.")))
                    .collect();
                assert!(
                    !same.is_empty() && same.iter().all(|e| e.findings == same[0].findings),
                    "{name}: no manifest entry to compare with"
                );
                (same[0].findings.clone(), None)
            }
        };
        let bytes = std::fs::read(&path).unwrap();
        let mut analyzer = Analyzer::new(AnalyzeOptions::default());
        analyzer.push(&bytes);
        let report = analyzer.finish();
        let found: Vec<String> = report
            .findings
            .iter()
            .filter(|f| f.severity >= Severity::Warning)
            .map(|f| f.signature.to_string())
            .collect();
        assert_eq!(found, expected.0, "holdout {name}");
        if let Some(vantage) = expected.1 {
            let kind = serde_json::to_value(report.analysis.capture.vantage.as_ref().unwrap())
                .unwrap()["kind"]
                .as_str()
                .unwrap()
                .to_string();
            assert_eq!(kind, vantage, "holdout {name}: the vantage point");
        }
        checked += 1;
    }
    assert!(checked >= 120, "only {checked} holdout captures");
}

/// Every finding of every example, in every language: each message and each message inside it
/// exists in that language and is given every argument it uses (nothing falls back to English
/// or shows an id).
#[test]
fn every_finding_of_every_example_is_said_in_every_language() {
    use dropscope_core::i18n::Lang;
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../public/examples");
    let mut said = 0;
    let mut all = Vec::new();
    for example in &examples() {
        let bytes = std::fs::read(dir.join(&example.file)).unwrap();
        let mut analyzer = Analyzer::new(AnalyzeOptions::default());
        analyzer.push(&bytes);
        let report = analyzer.finish();
        let mut messages: Vec<_> = report.findings.iter().flat_map(|f| f.messages()).collect();
        if let Some(vantage) = &report.analysis.capture.vantage {
            messages.push(vantage.why.clone());
        }
        messages.extend(report.analysis.interfaces.iter().map(|i| i.why.clone()));
        all.push((example.file.clone(), messages));
    }
    // English first: a message the code gives the wrong arguments shows there.
    for lang in Lang::ALL {
        for (file, messages) in &all {
            for message in messages {
                let problems = message.problems(lang);
                assert!(problems.is_empty(), "{file}: {problems:?}");
                said += 1;
            }
        }
    }
    assert!(said > 1000, "{said} messages checked");
}

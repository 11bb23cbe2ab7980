//! Captures for the signatures' tests: the built-in examples (listed in the manifest), analysed
//! whole.

use std::path::PathBuf;

use crate::analysis::Analysis;
use crate::analyzer::{AnalyzeOptions, Analyzer};

use super::{Finding, Signature};

/// Analyses `public/examples/<name>`.
pub fn analyze(name: &str) -> Analysis {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../public/examples")
        .join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut analyzer = Analyzer::new(AnalyzeOptions::default());
    analyzer.push(&bytes);
    analyzer.finish().analysis
}

/// What `signature` finds in `public/examples/<name>`, as the report has it (where a more
/// specific signature explains a connection, a generic one stays silent).
pub fn findings(signature: &dyn Signature, name: &str) -> Vec<Finding> {
    super::diagnose(&analyze(name))
        .into_iter()
        .filter(|f| f.signature == signature.id())
        .collect()
}

/// Asserts `signature` gives no warning or error on any example capture whose manifest entry
/// does not list it: the near misses of every other failure, every vantage point of them, and
/// every healthy capture.
pub fn quiet_where_not_expected(signature: &dyn Signature) {
    for example in crate::examples::examples() {
        if example.findings.iter().any(|f| f == signature.id()) {
            continue;
        }
        let found: Vec<Finding> = findings(signature, &example.file)
            .into_iter()
            .filter(|f| f.severity >= super::Severity::Warning)
            .collect();
        assert!(
            found.is_empty(),
            "{} fired on {}: {:?}",
            signature.id(),
            example.file,
            found.iter().map(|f| &f.summary).collect::<Vec<_>>()
        );
    }
}

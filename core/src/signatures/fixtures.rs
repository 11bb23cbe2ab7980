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

/// What `signature` finds in `public/examples/<name>`.
pub fn findings(signature: &dyn Signature, name: &str) -> Vec<Finding> {
    signature.detect(&analyze(name))
}

/// Asserts `signature` finds nothing in any example capture but `except`.
pub fn quiet_elsewhere(signature: &dyn Signature, except: &[&str]) {
    for example in crate::examples::examples() {
        if except.contains(&example.file.as_str()) {
            continue;
        }
        let found = findings(signature, &example.file);
        assert!(
            found.is_empty(),
            "{} fired on {}: {:?}",
            signature.id(),
            example.file,
            found.iter().map(|f| &f.summary).collect::<Vec<_>>()
        );
    }
}

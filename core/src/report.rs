//! The report: what happened in a capture ([`Analysis`]) and what it means (the findings of
//! every signature). Its JSON form is documented in the README; `schema_version` changes when
//! its shape does.

use serde::{Deserialize, Serialize};

use crate::analysis::Analysis;
use crate::signatures::{diagnose, Finding};

/// The JSON report's shape. 2: typed hop changes, legs' `via`, journey kinds, `last_hop` and
/// `outcome` dropped from journeys (see the README).
pub const SCHEMA_VERSION: u32 = 3;

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Report {
    pub schema_version: u32,
    #[serde(flatten)]
    pub analysis: Analysis,
    /// Diagnoses of known failures, most severe first.
    pub findings: Vec<Finding>,
}

impl Report {
    /// Runs every signature over `analysis`.
    pub fn new(analysis: Analysis) -> Report {
        let findings = diagnose(&analysis);
        Report {
            schema_version: SCHEMA_VERSION,
            analysis,
            findings,
        }
    }
}

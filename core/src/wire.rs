//! Reading a report back from its JSON form.
//!
//! The browser analyses a capture in a Web Worker and hands the page parts of the report as
//! JSON, so the report types deserialize as well as serialize. A finding refers to its
//! signature's static explanation; reading it back finds the signature by its id.

use serde::{Deserialize, Deserializer};

use crate::i18n::Message;
use crate::signatures::{Evidence, Finding, Severity, SIGNATURES};

/// A finding as serialized; its signature id leads back to the signature's explanation.
#[derive(Deserialize)]
struct FindingWire {
    signature: String,
    severity: Severity,
    summary: Message,
    frames: Vec<u64>,
    evidence: Vec<Evidence>,
    connection: Option<u64>,
    journeys: Vec<u64>,
    point_of_failure: Message,
    failure_frame: Option<u64>,
    #[serde(default)]
    next_capture: Option<Message>,
    #[serde(default)]
    covers: Vec<u64>,
}

impl<'de> Deserialize<'de> for Finding {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Finding, D::Error> {
        Finding::try_from(FindingWire::deserialize(deserializer)?).map_err(serde::de::Error::custom)
    }
}

impl TryFrom<FindingWire> for Finding {
    type Error = String;

    fn try_from(wire: FindingWire) -> Result<Finding, String> {
        let signature = SIGNATURES
            .iter()
            .find(|s| s.id() == wire.signature)
            .ok_or_else(|| format!("unknown signature `{}`", wire.signature))?;
        Ok(Finding {
            signature: signature.id(),
            severity: wire.severity,
            summary: wire.summary,
            frames: wire.frames,
            evidence: wire.evidence,
            connection: wire.connection,
            journeys: wire.journeys,
            point_of_failure: wire.point_of_failure,
            failure_frame: wire.failure_frame,
            next_capture: wire.next_capture,
            covers: wire.covers,
            explanation: signature.explanation(),
        })
    }
}

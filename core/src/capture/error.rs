use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::i18n::Message;

/// Why reading a capture stopped, and where.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaptureError {
    /// Byte offset in the file of the header, record or block at fault.
    pub offset: u64,
    pub kind: CaptureErrorKind,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum CaptureErrorKind {
    /// The file ended before a complete file header.
    TooShort {
        bytes: u64,
    },
    /// The first four bytes are no pcap or pcapng magic number.
    NotACapture {
        magic: [u8; 4],
    },
    UnsupportedVersion {
        format: Cow<'static, str>,
        major: u16,
        minor: u16,
    },
    /// The pcap header's link-type field has reserved bits set.
    ReservedLinkTypeBits {
        field: u32,
    },
    /// A record or block claims more bytes than any real packet (see `MAX_RECORD_BYTES`).
    RecordTooLarge {
        claimed: u64,
    },
    /// A pcapng block length shorter than a block header or not a multiple of 4.
    BadBlockLength {
        block_type: u32,
        block_len: u32,
    },
    /// The file ends inside a record: it claims `needed` bytes, `available` remain.
    Truncated {
        needed: u64,
        available: u64,
    },
    TooManyInterfaces {
        limit: usize,
    },
    Malformed {
        what: Cow<'static, str>,
        reason: String,
    },
}

/// In the current language ([`crate::i18n`]).
impl std::fmt::Display for CaptureError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let message = Message::new("capture-error-at")
            .with("offset", self.offset)
            .part("what", self.kind.message());
        write!(f, "{message}")
    }
}

impl CaptureErrorKind {
    /// What is wrong, not yet in words.
    pub fn message(&self) -> Message {
        let hex = |value: u32| format!("0x{value:08x}");
        match self {
            CaptureErrorKind::TooShort { bytes } => {
                Message::new("capture-error-too-short").count("bytes", *bytes)
            }
            CaptureErrorKind::NotACapture { magic } => Message::new("capture-error-not-a-capture")
                .with(
                    "magic",
                    format!(
                        "{:02x} {:02x} {:02x} {:02x}",
                        magic[0], magic[1], magic[2], magic[3]
                    ),
                ),
            CaptureErrorKind::UnsupportedVersion {
                format,
                major,
                minor,
            } => Message::new("capture-error-version")
                .with("format", format)
                .with("version", format!("{major}.{minor}")),
            CaptureErrorKind::ReservedLinkTypeBits { field } => {
                Message::new("capture-error-link-type-bits").with("field", hex(*field))
            }
            CaptureErrorKind::RecordTooLarge { claimed } => {
                Message::new("capture-error-record-too-large")
                    .with("claimed", claimed)
                    .with("limit", super::MAX_RECORD_BYTES)
            }
            CaptureErrorKind::BadBlockLength {
                block_type,
                block_len,
            } => Message::new("capture-error-block-length")
                .with("block_type", hex(*block_type))
                .with("length", block_len),
            CaptureErrorKind::Truncated { needed, available } => {
                Message::new("capture-error-truncated")
                    .with("needed", needed)
                    .with("available", available)
            }
            CaptureErrorKind::TooManyInterfaces { limit } => {
                Message::new("capture-error-interfaces").with("limit", limit)
            }
            CaptureErrorKind::Malformed { what, reason } => Message::new("capture-error-malformed")
                .with("what", what)
                .with("reason", reason),
        }
    }
}

impl std::fmt::Display for CaptureErrorKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.message())
    }
}

impl std::error::Error for CaptureError {}

/// A problem that did not stop reading.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaptureWarning {
    pub offset: u64,
    pub message: String,
}

impl std::fmt::Display for CaptureWarning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "at byte {}: {}", self.offset, self.message)
    }
}

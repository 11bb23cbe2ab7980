use std::borrow::Cow;

use serde::{Deserialize, Serialize};

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

impl std::fmt::Display for CaptureError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "at byte {}: {}", self.offset, self.kind)
    }
}

impl std::fmt::Display for CaptureErrorKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CaptureErrorKind::TooShort { bytes } => {
                write!(f, "the file has only {bytes} bytes, too few for a capture file header")
            }
            CaptureErrorKind::NotACapture { magic } => write!(
                f,
                "not a pcap or pcapng file (it starts with {:02x} {:02x} {:02x} {:02x})",
                magic[0], magic[1], magic[2], magic[3]
            ),
            CaptureErrorKind::UnsupportedVersion { format, major, minor } => {
                write!(f, "{format} version {major}.{minor} is not supported")
            }
            CaptureErrorKind::ReservedLinkTypeBits { field } => write!(
                f,
                "the link-type field 0x{field:08x} has reserved bits set; the header is corrupt"
            ),
            CaptureErrorKind::RecordTooLarge { claimed } => write!(
                f,
                "a record claims {claimed} bytes, more than any real packet ({} at most); its length field is corrupt",
                super::MAX_RECORD_BYTES
            ),
            CaptureErrorKind::BadBlockLength { block_type, block_len } => write!(
                f,
                "pcapng block of type 0x{block_type:08x} has an impossible length {block_len}"
            ),
            CaptureErrorKind::Truncated { needed, available } => write!(
                f,
                "the file is cut short: the last record needs {needed} bytes but only {available} remain"
            ),
            CaptureErrorKind::TooManyInterfaces { limit } => {
                write!(f, "the file declares more than {limit} interfaces")
            }
            CaptureErrorKind::Malformed { what, reason } => write!(f, "malformed {what}: {reason}"),
        }
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

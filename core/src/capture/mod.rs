//! Capture files → frames.
//!
//! [`CaptureReader`] is push-based: feed it the file as a sequence of byte chunks of any size
//! (the browser's `File` slices, the CLI's `read` buffers) and it calls back with every complete
//! record as a [`FrameSlice`] that borrows its bytes. It never needs the whole file in one buffer:
//! it keeps at most one incomplete record between chunks.
//!
//! Container parsing is pcap-parser's; this module adds the framing, the bounds, the error
//! offsets and the per-interface state (link type, timestamp resolution and offset).

mod error;
mod pcap;
mod pcapng;

use serde::{Deserialize, Serialize};

pub use error::{CaptureError, CaptureErrorKind, CaptureWarning};

/// The largest record or block we accept. Real packets are far smaller (BIG TCP reaches
/// ~185 KB); anything claiming more is a corrupt length field, and trusting it would make us
/// allocate or wait for what the file claims.
pub const MAX_RECORD_BYTES: u32 = 16 * 1024 * 1024;

/// A link-layer header type (LINKTYPE_* number as used in pcap and pcapng).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LinkType(pub u16);

impl LinkType {
    pub const NULL: LinkType = LinkType(0);
    pub const ETHERNET: LinkType = LinkType(1);
    pub const RAW: LinkType = LinkType(101);
    pub const LOOP: LinkType = LinkType(108);
    pub const LINUX_SLL: LinkType = LinkType(113);
    pub const IEEE802_11_RADIOTAP: LinkType = LinkType(127);
    pub const IPV4: LinkType = LinkType(228);
    pub const IPV6: LinkType = LinkType(229);
    pub const NFLOG: LinkType = LinkType(239);
    pub const LINUX_SLL2: LinkType = LinkType(276);

    /// The LINKTYPE_ name, or `None` for types we do not know by name.
    pub fn name(self) -> Option<&'static str> {
        Some(match self.0 {
            0 => "NULL",
            1 => "ETHERNET",
            101 => "RAW",
            104 => "C_HDLC",
            105 => "IEEE802_11",
            108 => "LOOP",
            113 => "LINUX_SLL",
            127 => "IEEE802_11_RADIOTAP",
            228 => "IPV4",
            229 => "IPV6",
            239 => "NFLOG",
            274 => "USB_DARWIN",
            276 => "LINUX_SLL2",
            _ => return None,
        })
    }

    /// Whether [`crate::decode`] understands this link type.
    pub fn is_supported(self) -> bool {
        matches!(self.0, 0 | 1 | 101 | 108 | 113 | 228 | 229 | 239 | 276)
    }
}

impl std::fmt::Display for LinkType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.name() {
            Some(name) => write!(f, "{name}({})", self.0),
            None => write!(f, "LINKTYPE({})", self.0),
        }
    }
}

/// A capture timestamp: seconds since the Unix epoch and nanoseconds.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Timestamp {
    pub secs: i64,
    pub nanos: u32,
}

impl Timestamp {
    /// Builds a timestamp from whole seconds and a fraction in `units_per_sec` units.
    /// Fractions of a second or more (invalid, but seen in the wild) carry into the seconds.
    pub fn from_fraction(secs: i64, fraction: u64, units_per_sec: u64) -> Timestamp {
        let units = units_per_sec.max(1) as u128;
        let carry = (fraction as u128 / units) as i64;
        let rest = fraction as u128 % units;
        // Round to the nearest nanosecond, as Wireshark does for non-decimal resolutions.
        let mut nanos = ((rest * 1_000_000_000 + units / 2) / units) as u64;
        let mut secs = secs.saturating_add(carry);
        if nanos >= 1_000_000_000 {
            nanos -= 1_000_000_000;
            secs = secs.saturating_add(1);
        }
        Timestamp {
            secs,
            nanos: nanos as u32,
        }
    }

    /// Seconds as a float, for arithmetic on gaps (not for display).
    pub fn as_secs_f64(self) -> f64 {
        self.secs as f64 + self.nanos as f64 / 1e9
    }

    /// Signed difference `self - earlier` in nanoseconds.
    pub fn nanos_since(self, earlier: Timestamp) -> i128 {
        (self.secs as i128 - earlier.secs as i128) * 1_000_000_000 + self.nanos as i128
            - earlier.nanos as i128
    }

    /// This time moved by `nanos` (either way), saturating at the ends of the range.
    pub fn plus_nanos(self, nanos: i128) -> Timestamp {
        let total = (self.secs as i128)
            .saturating_mul(1_000_000_000)
            .saturating_add(self.nanos as i128)
            .saturating_add(nanos);
        let secs = total.div_euclid(1_000_000_000);
        Timestamp {
            secs: secs.clamp(i64::MIN as i128, i64::MAX as i128) as i64,
            nanos: total.rem_euclid(1_000_000_000) as u32,
        }
    }
}

impl std::fmt::Display for Timestamp {
    /// `secs.nnnnnnnnn`, the form of tshark's `frame.time_epoch`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{:09}", self.secs, self.nanos)
    }
}

/// One interface of a capture: from a pcapng Interface Description Block, or the single
/// implicit interface of a pcap file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interface {
    /// Index in the whole file (pcapng sections are numbered on).
    pub id: u32,
    /// The pcapng section this interface belongs to (0 for pcap).
    pub section: u32,
    /// Index within its section, as written in Enhanced Packet Blocks.
    pub id_in_section: u32,
    pub link_type: LinkType,
    pub snaplen: u32,
    /// `if_name`, when the file says it.
    pub name: Option<String>,
    /// `if_description`, when the file says it.
    pub description: Option<String>,
    #[serde(skip)]
    pub(crate) ts_units_per_sec: u64,
    #[serde(skip)]
    pub(crate) ts_offset_secs: i64,
}

/// What a record holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RecordKind {
    /// A packet (pcap record, pcapng EPB, SPB or obsolete PB).
    Packet,
    /// A pcapng Custom Block. Wireshark numbers these as frames, so we keep them in the
    /// numbering to stay aligned with the frame numbers users see there; they are not decoded.
    Custom,
}

/// The container format of a capture.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    Pcap,
    PcapNanosecond,
    /// Kuznetzov's "modified" pcap, with 24-byte record headers.
    PcapModified,
    Pcapng,
}

/// One record of the capture, borrowing its bytes from the input.
#[derive(Clone, Copy, Debug)]
pub struct FrameSlice<'a> {
    /// 1-based frame number, as Wireshark numbers frames.
    pub number: u64,
    pub kind: RecordKind,
    /// Byte offset of the record (header included) in the file.
    pub file_offset: u64,
    /// Byte offset of `data` in the file, so that a viewer can read the packet again later
    /// without keeping the file in memory.
    pub data_offset: u64,
    /// Absent for pcapng Simple Packet Blocks and custom blocks, which carry none.
    pub timestamp: Option<Timestamp>,
    /// The pcapng interface the record names; `None` for pcap, whose single interface is
    /// implicit, and for records that name no valid interface.
    pub interface: Option<&'a Interface>,
    pub link_type: LinkType,
    /// Length of the packet on the wire.
    pub original_len: u32,
    /// The captured bytes (possibly fewer than `original_len`: snap length).
    pub data: &'a [u8],
    /// A pcapng packet's options (comments, flags); none for every other record.
    pub options: PacketOptions<'a>,
}

/// A pcapng Enhanced Packet Block's options, as read: its comments (ptcpdump writes the
/// sending or receiving process's pod there) and its direction flag.
#[derive(Clone, Copy, Debug, Default)]
pub struct PacketOptions<'a> {
    options: &'a [pcap_parser::pcapng::PcapNGOption<'a>],
    big_endian: bool,
}

impl<'a> PacketOptions<'a> {
    pub const NONE: PacketOptions<'static> = PacketOptions {
        options: &[],
        big_endian: false,
    };

    pub fn new(
        options: &'a [pcap_parser::pcapng::PcapNGOption<'a>],
        big_endian: bool,
    ) -> PacketOptions<'a> {
        PacketOptions {
            options,
            big_endian,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.options.is_empty()
    }

    /// The packet's comments (`opt_comment`) that are valid UTF-8.
    pub fn comments(&self) -> impl Iterator<Item = &'a str> + 'a {
        self.options
            .iter()
            .filter(|o| o.code == pcap_parser::pcapng::OptionCode::Comment)
            .filter_map(|o| o.as_str().ok())
    }

    /// The direction `epb_flags` records: `Some(true)` inbound, `Some(false)` outbound.
    pub fn inbound(&self) -> Option<bool> {
        let flags = self
            .options
            .iter()
            .find(|o| o.code == pcap_parser::pcapng::OptionCode(2))?;
        let bytes: [u8; 4] = flags.as_bytes().ok()?.get(..4)?.try_into().ok()?;
        let value = if self.big_endian {
            u32::from_be_bytes(bytes)
        } else {
            u32::from_le_bytes(bytes)
        };
        match value & 0b11 {
            1 => Some(true),
            2 => Some(false),
            _ => None,
        }
    }
}

impl FrameSlice<'_> {
    /// Bytes captured.
    pub fn captured_len(&self) -> u32 {
        self.data.len() as u32
    }
}

/// How reading the file ended.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaptureOutcome {
    pub format: Option<Format>,
    pub frames: u64,
    pub bytes: u64,
    /// The error that stopped reading, if any. Every frame before it was delivered.
    pub error: Option<CaptureError>,
    /// Problems that did not stop reading (a malformed block that could be skipped...).
    pub warnings: Vec<CaptureWarning>,
}

/// The most warnings we keep; a file with millions of bad blocks still gets a bounded report.
const MAX_WARNINGS: usize = 1000;

enum State {
    /// Waiting for the first four bytes.
    Start,
    Pcap(pcap::PcapState),
    Pcapng(pcapng::PcapngState),
    /// An error stopped reading; further input is ignored.
    Stopped,
}

/// Push-based capture reader. See the module documentation.
pub struct CaptureReader {
    /// Bytes received but not yet consumed: always less than one record once `push` returns.
    pending: Vec<u8>,
    /// File offset of `pending[0]`.
    pending_offset: u64,
    state: State,
    format: Option<Format>,
    interfaces: Vec<Interface>,
    frames: u64,
    bytes: u64,
    error: Option<CaptureError>,
    warnings: Vec<CaptureWarning>,
    warnings_dropped: u64,
}

impl Default for CaptureReader {
    fn default() -> Self {
        Self::new()
    }
}

/// What a format parser says about the bytes at the front of the buffer.
pub(crate) enum Step {
    /// Consumed this many bytes (a record, a header or a skipped block).
    Consumed(usize),
    /// Needs at least this many bytes in total before it can go on.
    NeedMore,
    /// The file cannot be read further.
    Fatal(CaptureErrorKind),
}

impl CaptureReader {
    pub fn new() -> CaptureReader {
        CaptureReader {
            pending: Vec::new(),
            pending_offset: 0,
            state: State::Start,
            format: None,
            interfaces: Vec::new(),
            frames: 0,
            bytes: 0,
            error: None,
            warnings: Vec::new(),
            warnings_dropped: 0,
        }
    }

    /// The interfaces seen so far.
    pub fn interfaces(&self) -> &[Interface] {
        &self.interfaces
    }

    pub fn format(&self) -> Option<Format> {
        self.format
    }

    /// The error that stopped reading, if one did.
    pub fn error(&self) -> Option<&CaptureError> {
        self.error.as_ref()
    }

    /// Feeds the next chunk of the file. `on_frame` is called for every complete record, in
    /// file order, before this returns.
    pub fn push(&mut self, chunk: &[u8], mut on_frame: impl FnMut(&FrameSlice<'_>)) {
        self.bytes += chunk.len() as u64;
        if matches!(self.state, State::Stopped) {
            return;
        }
        // A record the previous chunk cut is completed first, with only the bytes it still
        // needs (as far as its header tells); the rest of the chunk is parsed where it is.
        // Every round takes at least one byte of the chunk.
        let mut rest = chunk;
        while !self.pending.is_empty() && !rest.is_empty() && !matches!(self.state, State::Stopped)
        {
            let needed = usize::try_from(self.needed_for_pending()).unwrap_or(usize::MAX);
            let take = if needed > self.pending.len() {
                (needed - self.pending.len()).min(rest.len())
            } else {
                rest.len()
            };
            self.pending.extend_from_slice(&rest[..take]);
            rest = &rest[take..];
            let pending = std::mem::take(&mut self.pending);
            let used = self.parse(&pending, &mut on_frame);
            self.pending = pending;
            self.pending.drain(..used);
            self.pending_offset += used as u64;
        }
        if self.pending.is_empty() && !matches!(self.state, State::Stopped) {
            // Parse straight from the caller's chunk, keep only the tail.
            let used = self.parse(rest, &mut on_frame);
            self.pending.extend_from_slice(&rest[used..]);
            self.pending_offset += used as u64;
        }
        if matches!(self.state, State::Stopped) {
            self.pending = Vec::new();
        }
    }

    /// Declares the end of the file and reports how reading went.
    pub fn finish(mut self) -> CaptureOutcome {
        if !matches!(self.state, State::Stopped) && !self.pending.is_empty() {
            let available = self.pending.len() as u64;
            let kind = match &self.state {
                State::Start => CaptureErrorKind::TooShort { bytes: available },
                State::Pcap(_) | State::Pcapng(_) => {
                    let needed = self.needed_for_pending();
                    CaptureErrorKind::Truncated { needed, available }
                }
                State::Stopped => unreachable!("checked above"),
            };
            self.error = Some(CaptureError {
                offset: self.pending_offset,
                kind,
            });
        } else if matches!(self.state, State::Start) && self.error.is_none() {
            self.error = Some(CaptureError {
                offset: 0,
                kind: CaptureErrorKind::TooShort { bytes: 0 },
            });
        }
        if self.warnings_dropped > 0 {
            self.warnings.push(CaptureWarning {
                offset: self.pending_offset,
                message: format!("{} more warnings not listed", self.warnings_dropped),
            });
        }
        CaptureOutcome {
            format: self.format,
            frames: self.frames,
            bytes: self.bytes,
            error: self.error,
            warnings: self.warnings,
        }
    }

    /// How many bytes the record at the front of `pending` claims (for the truncation error).
    fn needed_for_pending(&self) -> u64 {
        match &self.state {
            State::Pcap(s) => s.record_len_hint(&self.pending),
            State::Pcapng(s) => s.block_len_hint(&self.pending),
            _ => 0,
        }
    }

    /// Parses as many records as `input` holds; returns how many bytes were consumed.
    fn parse(&mut self, input: &[u8], on_frame: &mut impl FnMut(&FrameSlice<'_>)) -> usize {
        let mut used = 0;
        loop {
            let rest = &input[used..];
            let offset = self.pending_offset + used as u64;
            let step = match &mut self.state {
                State::Stopped => return used,
                State::Start => self.start(rest),
                State::Pcap(state) => {
                    let mut frame_number = self.frames;
                    let step = state.step(rest, offset, &mut |frame: FrameSlice<'_>| {
                        frame_number += 1;
                        on_frame(&FrameSlice {
                            number: frame_number,
                            data_offset: data_offset_in(rest, offset, &frame),
                            ..frame
                        });
                    });
                    self.frames = frame_number;
                    step
                }
                State::Pcapng(state) => {
                    let mut frame_number = self.frames;
                    let mut sink = Sink {
                        interfaces: &mut self.interfaces,
                        warnings: &mut self.warnings,
                        warnings_dropped: &mut self.warnings_dropped,
                    };
                    let step = state.step(rest, offset, &mut sink, &mut |frame: FrameSlice<'_>| {
                        frame_number += 1;
                        on_frame(&FrameSlice {
                            number: frame_number,
                            data_offset: data_offset_in(rest, offset, &frame),
                            ..frame
                        });
                    });
                    self.frames = frame_number;
                    step
                }
            };
            match step {
                Step::Consumed(n) => used += n,
                Step::NeedMore => return used,
                Step::Fatal(kind) => {
                    self.error = Some(CaptureError { offset, kind });
                    self.state = State::Stopped;
                    return used;
                }
            }
        }
    }

    /// Recognises the file format from its first bytes.
    fn start(&mut self, input: &[u8]) -> Step {
        if input.len() < 4 {
            return Step::NeedMore;
        }
        let magic = [input[0], input[1], input[2], input[3]];
        if magic == pcapng::SHB_MAGIC_BYTES {
            self.format = Some(Format::Pcapng);
            self.state = State::Pcapng(pcapng::PcapngState::new());
            return Step::Consumed(0);
        }
        match pcap::PcapState::start(input) {
            Ok(None) => Step::NeedMore,
            Ok(Some((state, format, interface))) => {
                self.format = Some(format);
                self.interfaces.push(interface);
                self.state = State::Pcap(state);
                Step::Consumed(pcap::FILE_HEADER_LEN)
            }
            Err(kind) => Step::Fatal(kind),
        }
    }
}

/// The reader state a pcapng block may change.
pub(crate) struct Sink<'r> {
    pub interfaces: &'r mut Vec<Interface>,
    warnings: &'r mut Vec<CaptureWarning>,
    warnings_dropped: &'r mut u64,
}

impl Sink<'_> {
    pub fn warn(&mut self, offset: u64, message: String) {
        if self.warnings.len() < MAX_WARNINGS {
            self.warnings.push(CaptureWarning { offset, message });
        } else {
            *self.warnings_dropped += 1;
        }
    }
}

/// Reads a whole in-memory capture. Convenience for tests and small inputs.
pub fn read_all(bytes: &[u8], on_frame: impl FnMut(&FrameSlice<'_>)) -> CaptureOutcome {
    let mut reader = CaptureReader::new();
    reader.push(bytes, on_frame);
    reader.finish()
}

#[cfg(test)]
mod tests;

/// Where a frame's bytes sit in the file: `input` starts at file offset `offset`, and record
/// readers hand out subslices of it.
fn data_offset_in(input: &[u8], offset: u64, frame: &FrameSlice<'_>) -> u64 {
    let start = input.as_ptr() as usize;
    let data = frame.data.as_ptr() as usize;
    if data >= start && data + frame.data.len() <= start + input.len() {
        offset + (data - start) as u64
    } else {
        frame.file_offset
    }
}

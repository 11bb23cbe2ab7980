//! A small, exact pcapng writer (draft-ietf-opsawg-pcapng): one little-endian section, its
//! Interface Description Blocks and Enhanced Packet Blocks, with comments.
//!
//! Every block is `type, total length, body, options, total length`; the body and every option
//! value are padded with zeros to 32 bits, and the padding is counted in the block's total
//! length but not in an option's length. Options end with `opt_endofopt`; a block without
//! options has no option list at all (as editcap writes it: the block's length says there is
//! none). Strings are UTF-8 and never NUL-terminated.
//!
//! Nothing here panics: a string longer than an option can hold (65,535 bytes) is cut at a
//! character boundary and ends with "…", and no block grows past what dropscope's own reader
//! accepts ([`MAX_RECORD_BYTES`]): packet data beyond it is cut (the original length still
//! says how long the packet was) and options that do not fit are left out.

use std::borrow::Cow;
use std::fmt;

use crate::capture::MAX_RECORD_BYTES;
use crate::journey::Direction;

const SECTION_HEADER_BLOCK: u32 = 0x0A0D_0D0A;
const INTERFACE_DESCRIPTION_BLOCK: u32 = 0x0000_0001;
const ENHANCED_PACKET_BLOCK: u32 = 0x0000_0006;
const BYTE_ORDER_MAGIC: u32 = 0x1A2B_3C4D;

const OPT_ENDOFOPT: u16 = 0;
const OPT_COMMENT: u16 = 1;
const SHB_USERAPPL: u16 = 4;
const IF_NAME: u16 = 2;
const IF_DESCRIPTION: u16 = 3;
const IF_TSRESOL: u16 = 9;
const EPB_FLAGS: u16 = 2;

/// `if_tsresol` 9: timestamps count nanoseconds.
const NANOSECONDS: u8 = 9;
const NANOS_PER_SEC: u128 = 1_000_000_000;

/// Block type, total length, and the trailing total length.
const BLOCK_OVERHEAD: usize = 12;
/// The fixed part of an Enhanced Packet Block's body: interface id, timestamp (high, low),
/// captured length, original length.
const EPB_FIXED: usize = 20;
/// The largest block we write: the largest dropscope's reader accepts.
const MAX_BLOCK: usize = MAX_RECORD_BYTES as usize;
/// The longest option value: its length is a 16-bit field.
const MAX_OPTION_VALUE: usize = u16::MAX as usize;
/// What ends a string that had to be cut.
const CUT_MARK: &str = "…";

/// The `epb_flags` direction bits (bits 0-1): 01 inbound, 10 outbound.
const FLAGS_INBOUND: u32 = 0b01;
const FLAGS_OUTBOUND: u32 = 0b10;
const FLAGS_DIRECTION_MASK: u32 = 0b11;

/// Why a packet was not written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExportError {
    /// The packet names an interface that was never declared with
    /// [`PcapngWriter::interface`].
    UnknownInterface { interface: u32, declared: u32 },
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExportError::UnknownInterface {
                interface,
                declared,
            } => write!(
                f,
                "packet names interface {interface}, but only {declared} were declared"
            ),
        }
    }
}

impl std::error::Error for ExportError {}

/// One packet to write, for [`PcapngWriter::packet_with`]: everything
/// [`PcapngWriter::packet`] takes, plus the `epb_flags` word (direction and the rest).
#[derive(Clone, Copy, Debug)]
pub struct Packet<'a> {
    /// An id returned by [`PcapngWriter::interface`].
    pub interface: u32,
    /// Seconds since the Unix epoch.
    pub secs: u64,
    /// Nanoseconds within the second (a billion or more carries into the seconds).
    pub nanos: u32,
    /// The captured bytes.
    pub data: &'a [u8],
    /// Length on the wire; never written below the captured length.
    pub original_len: u32,
    /// `epb_flags`, when there is something to say: see [`Packet::direction`].
    pub flags: Option<u32>,
    /// One `opt_comment` each; empty strings are left out.
    pub comments: &'a [&'a str],
}

impl<'a> Packet<'a> {
    /// A packet captured whole (original length = captured length), no flags, no comments.
    pub fn new(interface: u32, secs: u64, nanos: u32, data: &'a [u8]) -> Packet<'a> {
        Packet {
            interface,
            secs,
            nanos,
            data,
            original_len: u32::try_from(data.len()).unwrap_or(u32::MAX),
            flags: None,
            comments: &[],
        }
    }

    pub fn original_len(mut self, original_len: u32) -> Packet<'a> {
        self.original_len = original_len;
        self
    }

    /// Sets the direction bits of `epb_flags` (inbound 01, outbound 10); `Unknown` clears them,
    /// and leaves no flags at all when no other bit is set.
    pub fn direction(mut self, direction: Direction) -> Packet<'a> {
        let bits = match direction {
            Direction::In => FLAGS_INBOUND,
            Direction::Out => FLAGS_OUTBOUND,
            Direction::Unknown => 0,
        };
        let flags = (self.flags.unwrap_or(0) & !FLAGS_DIRECTION_MASK) | bits;
        self.flags = (flags != 0).then_some(flags);
        self
    }

    /// Sets the whole `epb_flags` word (as read from another pcapng file).
    pub fn flags(mut self, flags: Option<u32>) -> Packet<'a> {
        self.flags = flags;
        self
    }

    pub fn comments(mut self, comments: &'a [&'a str]) -> Packet<'a> {
        self.comments = comments;
        self
    }
}

/// Writes one pcapng section into memory. See the module documentation.
pub struct PcapngWriter {
    bytes: Vec<u8>,
    /// Link type of each interface declared, by id.
    interfaces: Vec<u16>,
}

impl PcapngWriter {
    /// Starts a file: a section header with `comments` (opt_comment, one option each) and
    /// shb_userappl = "dropscope <version>".
    pub fn new(comments: &[&str]) -> PcapngWriter {
        let application = concat!("dropscope ", env!("CARGO_PKG_VERSION"));
        PcapngWriter::with_application(comments, application)
    }

    /// [`PcapngWriter::new`] with another shb_userappl (for exact tests).
    fn with_application(comments: &[&str], application: &str) -> PcapngWriter {
        let mut writer = PcapngWriter {
            bytes: Vec::new(),
            interfaces: Vec::new(),
        };
        let mut body = Vec::with_capacity(16);
        put_u32(&mut body, BYTE_ORDER_MAGIC);
        put_u16(&mut body, 1); // major version
        put_u16(&mut body, 0); // minor version
                               // Section length: patched by `finish`, which knows it.
        body.extend_from_slice(&(-1i64).to_le_bytes());
        let mut options = Options::new(BLOCK_OVERHEAD + body.len());
        for comment in comments {
            options.string(OPT_COMMENT, comment);
        }
        options.string(SHB_USERAPPL, application);
        writer.block(SECTION_HEADER_BLOCK, &body, options);
        writer
    }

    /// Declares an interface; returns its id for [`PcapngWriter::packet`]. `link_type` is the
    /// pcap LINKTYPE_ number (1 Ethernet, 113 Linux SLL, 276 Linux SLL2, 101 raw IP, …), `name`
    /// goes in if_name, `description` in if_description, `snaplen` 0 = unlimited; if_tsresol is
    /// 9 (nanoseconds). Interfaces of several capture files may share one output.
    pub fn interface(
        &mut self,
        link_type: u16,
        name: Option<&str>,
        description: Option<&str>,
        snaplen: u32,
    ) -> u32 {
        let mut body = Vec::with_capacity(8);
        put_u16(&mut body, link_type);
        put_u16(&mut body, 0); // reserved
        put_u32(&mut body, snaplen);
        let mut options = Options::new(BLOCK_OVERHEAD + body.len());
        options.value(IF_TSRESOL, &[NANOSECONDS]);
        if let Some(name) = name {
            options.string(IF_NAME, name);
        }
        if let Some(description) = description {
            options.string(IF_DESCRIPTION, description);
        }
        self.block(INTERFACE_DESCRIPTION_BLOCK, &body, options);
        let id = u32::try_from(self.interfaces.len()).unwrap_or(u32::MAX);
        self.interfaces.push(link_type);
        id
    }

    /// Interfaces declared so far (their ids are `0..count`).
    pub fn interface_count(&self) -> u32 {
        u32::try_from(self.interfaces.len()).unwrap_or(u32::MAX)
    }

    /// The link type an interface was declared with.
    pub fn link_type(&self, interface: u32) -> Option<u16> {
        self.interfaces.get(interface as usize).copied()
    }

    /// Adds a packet: its interface, its time (seconds and nanoseconds since the epoch), the
    /// captured bytes, the original length, and comments (opt_comment each).
    pub fn packet(
        &mut self,
        interface: u32,
        secs: u64,
        nanos: u32,
        data: &[u8],
        original_len: u32,
        comments: &[&str],
    ) -> Result<(), ExportError> {
        self.packet_with(&Packet {
            interface,
            secs,
            nanos,
            data,
            original_len,
            flags: None,
            comments,
        })
    }

    /// Adds a packet with all it may say, direction included:
    /// `writer.packet_with(&Packet::new(id, secs, nanos, data).direction(Direction::Out))`.
    pub fn packet_with(&mut self, packet: &Packet<'_>) -> Result<(), ExportError> {
        if packet.interface as usize >= self.interfaces.len() {
            return Err(ExportError::UnknownInterface {
                interface: packet.interface,
                declared: self.interface_count(),
            });
        }
        // Keep room for the fixed fields and the option list's end.
        let room = MAX_BLOCK - BLOCK_OVERHEAD - EPB_FIXED - 4;
        let data = &packet.data[..packet.data.len().min(room)];
        let captured = data.len() as u32; // at most MAX_BLOCK
        let ticks = (packet.secs as u128 * NANOS_PER_SEC + packet.nanos as u128)
            .min(u64::MAX as u128) as u64;
        let mut body = Vec::with_capacity(EPB_FIXED + padded(data.len()));
        put_u32(&mut body, packet.interface);
        put_u32(&mut body, (ticks >> 32) as u32);
        put_u32(&mut body, ticks as u32);
        put_u32(&mut body, captured);
        put_u32(&mut body, packet.original_len.max(captured));
        body.extend_from_slice(data);
        pad(&mut body);
        let mut options = Options::new(BLOCK_OVERHEAD + body.len());
        if let Some(flags) = packet.flags {
            options.value(EPB_FLAGS, &flags.to_le_bytes());
        }
        for comment in packet.comments {
            options.string(OPT_COMMENT, comment);
        }
        self.block(ENHANCED_PACKET_BLOCK, &body, options);
        Ok(())
    }

    /// The file: the section header's length now says how long the section is.
    pub fn finish(mut self) -> Vec<u8> {
        // The SHB is the first block; its length is at bytes 4..8, the section length at 16..24.
        let shb_len = self
            .bytes
            .get(4..8)
            .and_then(|b| b.try_into().ok())
            .map_or(0, |b| u32::from_le_bytes(b) as usize);
        let section_len = self.bytes.len().saturating_sub(shb_len) as i64;
        if let Some(field) = self.bytes.get_mut(16..24) {
            field.copy_from_slice(&section_len.to_le_bytes());
        }
        self.bytes
    }

    /// Appends a block: `body` must already be padded to 32 bits.
    fn block(&mut self, block_type: u32, body: &[u8], options: Options) {
        let options = options.finish();
        let total = BLOCK_OVERHEAD + body.len() + options.len();
        debug_assert!(total % 4 == 0 && total <= MAX_BLOCK);
        let total = total as u32;
        self.bytes.reserve(total as usize);
        put_u32(&mut self.bytes, block_type);
        put_u32(&mut self.bytes, total);
        self.bytes.extend_from_slice(body);
        self.bytes.extend_from_slice(&options);
        put_u32(&mut self.bytes, total);
    }
}

/// An option list being built, within the room its block leaves.
struct Options {
    bytes: Vec<u8>,
    /// Bytes of the block before the options (overhead and body).
    before: usize,
}

impl Options {
    fn new(before: usize) -> Options {
        Options {
            bytes: Vec::new(),
            before,
        }
    }

    /// Adds an option whose value is text; empty text is left out.
    fn string(&mut self, code: u16, text: &str) {
        if !text.is_empty() {
            self.value(code, cut(text, MAX_OPTION_VALUE).as_bytes());
        }
    }

    /// Adds an option (`value` at most [`MAX_OPTION_VALUE`] bytes) if the block has room for
    /// it and the end of the list; otherwise leaves it out.
    fn value(&mut self, code: u16, value: &[u8]) {
        let Ok(length) = u16::try_from(value.len()) else {
            return;
        };
        let size = 4 + padded(value.len());
        if self.before + self.bytes.len() + size + 4 > MAX_BLOCK {
            return;
        }
        put_u16(&mut self.bytes, code);
        put_u16(&mut self.bytes, length);
        self.bytes.extend_from_slice(value);
        pad(&mut self.bytes);
    }

    /// The list with its `opt_endofopt`, or nothing when no option was added.
    fn finish(mut self) -> Vec<u8> {
        if !self.bytes.is_empty() {
            put_u16(&mut self.bytes, OPT_ENDOFOPT);
            put_u16(&mut self.bytes, 0);
        }
        self.bytes
    }
}

/// `text` in at most `max` bytes: cut at a character boundary and marked with "…" when longer.
fn cut(text: &str, max: usize) -> Cow<'_, str> {
    if text.len() <= max {
        return Cow::Borrowed(text);
    }
    let mut end = max.saturating_sub(CUT_MARK.len());
    while !text.is_char_boundary(end) {
        end -= 1; // 0 is always a boundary
    }
    Cow::Owned(format!("{}{CUT_MARK}", &text[..end]))
}

/// `len` rounded up to a multiple of 4.
fn padded(len: usize) -> usize {
    len.saturating_add(3) & !3
}

/// Zeros up to the next multiple of 4.
fn pad(bytes: &mut Vec<u8>) {
    bytes.resize(padded(bytes.len()), 0);
}

fn put_u16(bytes: &mut Vec<u8>, value: u16) {
    bytes.extend_from_slice(&value.to_le_bytes());
}

fn put_u32(bytes: &mut Vec<u8>, value: u32) {
    bytes.extend_from_slice(&value.to_le_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bytes after the section header.
    fn after_shb(bytes: &[u8]) -> &[u8] {
        let len = u32::from_le_bytes(bytes[4..8].try_into().unwrap()) as usize;
        &bytes[len..]
    }

    fn section_header_bytes() -> Vec<u8> {
        PcapngWriter::with_application(&["evidence"], "dropscope 1.2.3").finish()
    }

    #[test]
    fn section_header_with_one_comment() {
        #[rustfmt::skip]
        let expected: &[u8] = &[
            0x0a, 0x0d, 0x0d, 0x0a, // block type
            64, 0, 0, 0, // block total length
            0x4d, 0x3c, 0x2b, 0x1a, // byte-order magic
            1, 0, 0, 0, // version 1.0
            0, 0, 0, 0, 0, 0, 0, 0, // section length: nothing follows
            1, 0, 8, 0, b'e', b'v', b'i', b'd', b'e', b'n', b'c', b'e', // opt_comment
            4, 0, 15, 0, b'd', b'r', b'o', b'p', b's', b'c', b'o', b'p', b'e', b' ', b'1', b'.',
            b'2', b'.', b'3', 0, // shb_userappl, 15 bytes and one of padding
            0, 0, 0, 0, // opt_endofopt
            64, 0, 0, 0, // block total length again
        ];
        assert_eq!(section_header_bytes(), expected);
    }

    #[test]
    fn section_header_names_this_version_and_counts_the_section() {
        let mut writer = PcapngWriter::new(&[]);
        let id = writer.interface(1, None, None, 0);
        writer.packet(id, 1, 0, &[0; 14], 14, &[]).unwrap();
        let bytes = writer.finish();
        let application = format!("dropscope {}", env!("CARGO_PKG_VERSION"));
        let shb_len = u32::from_le_bytes(bytes[4..8].try_into().unwrap()) as usize;
        // No comment: the user application is the first option.
        assert_eq!(&bytes[24..26], &[4, 0]);
        assert_eq!(bytes[26] as usize, application.len());
        assert_eq!(&bytes[28..28 + application.len()], application.as_bytes());
        assert_eq!(shb_len, 28 + 4 + padded(application.len()) + 4);
        let section_len = i64::from_le_bytes(bytes[16..24].try_into().unwrap());
        assert_eq!(section_len as usize, bytes.len() - shb_len);
        assert_eq!(section_len, 32 + 32 + 16);
    }

    #[test]
    fn interface_with_a_name() {
        let mut writer = PcapngWriter::with_application(&[], "x");
        assert_eq!(writer.interface(276, Some("eth0"), None, 0), 0);
        assert_eq!(writer.interface(1, None, Some("veth pod"), 262_144), 1);
        assert_eq!(writer.link_type(1), Some(1));
        assert_eq!(writer.link_type(2), None);
        let bytes = writer.finish();
        #[rustfmt::skip]
        let expected: &[u8] = &[
            1, 0, 0, 0, // block type
            40, 0, 0, 0, // block total length
            0x14, 0x01, 0, 0, // LINKTYPE_LINUX_SLL2 (276), reserved
            0, 0, 0, 0, // snaplen: unlimited
            9, 0, 1, 0, 9, 0, 0, 0, // if_tsresol = 9, three bytes of padding
            2, 0, 4, 0, b'e', b't', b'h', b'0', // if_name
            0, 0, 0, 0, // opt_endofopt
            40, 0, 0, 0,
            1, 0, 0, 0,
            44, 0, 0, 0,
            1, 0, 0, 0, // LINKTYPE_ETHERNET
            0x00, 0x00, 0x04, 0x00, // snaplen 262144
            9, 0, 1, 0, 9, 0, 0, 0,
            3, 0, 8, 0, b'v', b'e', b't', b'h', b' ', b'p', b'o', b'd', // if_description
            0, 0, 0, 0,
            44, 0, 0, 0,
        ];
        assert_eq!(after_shb(&bytes), expected);
    }

    #[test]
    fn packet_with_odd_length_data_a_comment_and_a_direction() {
        let mut writer = PcapngWriter::with_application(&[], "x");
        let id = writer.interface(1, None, None, 0);
        let before = writer.bytes.len();
        writer
            .packet_with(
                &Packet::new(id, 1_700_000_000, 123_456_789, &[1, 2, 3, 4, 5])
                    .original_len(60)
                    .direction(Direction::Out)
                    .comments(&["SYN-ACK", ""]),
            )
            .unwrap();
        let bytes = writer.finish();
        #[rustfmt::skip]
        let expected: &[u8] = &[
            6, 0, 0, 0, // block type
            64, 0, 0, 0, // block total length
            0, 0, 0, 0, // interface 0
            0xfe, 0x9c, 0x97, 0x17, // timestamp high: 1700000000123456789 ns
            0x15, 0xcd, 0x85, 0x3d, // timestamp low
            5, 0, 0, 0, // captured length
            60, 0, 0, 0, // original length
            1, 2, 3, 4, 5, 0, 0, 0, // data, three bytes of padding
            2, 0, 4, 0, 2, 0, 0, 0, // epb_flags: outbound
            1, 0, 7, 0, b'S', b'Y', b'N', b'-', b'A', b'C', b'K', 0, // opt_comment, padded
            0, 0, 0, 0, // opt_endofopt (the empty comment is left out)
            64, 0, 0, 0,
        ];
        assert_eq!(&bytes[before..], expected);
    }

    #[test]
    fn packet_without_comments_has_no_options() {
        let mut writer = PcapngWriter::with_application(&[], "x");
        let id = writer.interface(101, None, None, 0);
        let before = writer.bytes.len();
        writer
            .packet(id, 0, 1_500_000_000, &[0x45; 4], 4, &[])
            .unwrap();
        writer
            .packet_with(&Packet::new(id, 0, 0, &[]).direction(Direction::Unknown))
            .unwrap();
        let bytes = writer.finish();
        #[rustfmt::skip]
        let expected: &[u8] = &[
            6, 0, 0, 0, 36, 0, 0, 0,
            0, 0, 0, 0,
            0, 0, 0, 0, 0x00, 0x2f, 0x68, 0x59, // 1.5 s carried: 1500000000 ns
            4, 0, 0, 0, 4, 0, 0, 0,
            0x45, 0x45, 0x45, 0x45,
            36, 0, 0, 0,
            6, 0, 0, 0, 32, 0, 0, 0, // no data, no options
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            32, 0, 0, 0,
        ];
        assert_eq!(&bytes[before..], expected);
    }

    #[test]
    fn a_packet_on_an_undeclared_interface_is_refused() {
        let mut writer = PcapngWriter::new(&[]);
        let error = writer.packet(0, 0, 0, &[], 0, &[]).unwrap_err();
        assert_eq!(
            error,
            ExportError::UnknownInterface {
                interface: 0,
                declared: 0
            }
        );
        assert_eq!(writer.finish().len(), section_header_len_without_comments());
    }

    fn section_header_len_without_comments() -> usize {
        let application = concat!("dropscope ", env!("CARGO_PKG_VERSION"));
        28 + 4 + padded(application.len()) + 4
    }

    #[test]
    fn direction_flags_keep_the_other_bits() {
        let packet = Packet::new(0, 0, 0, &[]).flags(Some(0x0000_01e4));
        assert_eq!(packet.direction(Direction::In).flags, Some(0x0000_01e5));
        assert_eq!(
            packet
                .direction(Direction::Out)
                .direction(Direction::Unknown)
                .flags,
            Some(0x0000_01e4)
        );
        assert_eq!(
            Packet::new(0, 0, 0, &[])
                .direction(Direction::Unknown)
                .flags,
            None
        );
    }

    #[test]
    fn long_comments_are_cut_at_a_character_boundary() {
        // '€' is three bytes, so the limit falls inside one.
        let long = "€".repeat(30_000); // 90,000 bytes
        let mut writer = PcapngWriter::with_application(&[&long], "x");
        let id = writer.interface(1, Some(&long), None, 0);
        writer.packet(id, 0, 0, &[], 0, &[&long, "short"]).unwrap();
        let bytes = writer.finish();
        // The section comment: option length, then text that is valid UTF-8 and ends with "…".
        let length = u16::from_le_bytes([bytes[26], bytes[27]]) as usize;
        assert!(length <= MAX_OPTION_VALUE && length > MAX_OPTION_VALUE - 6);
        let text = std::str::from_utf8(&bytes[28..28 + length]).unwrap();
        assert!(text.ends_with('…') && text.starts_with("€€€"));
        // Blocks still chain: walk them by their lengths and check both ends agree.
        let mut at = 0;
        let mut blocks = 0;
        while at < bytes.len() {
            let len = u32::from_le_bytes(bytes[at + 4..at + 8].try_into().unwrap()) as usize;
            assert_eq!(len % 4, 0);
            let trailing = u32::from_le_bytes(bytes[at + len - 4..at + len].try_into().unwrap());
            assert_eq!(trailing as usize, len);
            at += len;
            blocks += 1;
        }
        assert_eq!((at, blocks), (bytes.len(), 3));
    }

    #[test]
    fn cut_never_splits_a_character() {
        assert_eq!(cut("abc", 3), "abc");
        assert_eq!(cut("abcd", 3), "…");
        assert_eq!(cut("aé€x", 7), "aé€x");
        assert_eq!(cut("aé€x", 6), "aé…");
        assert_eq!(cut("€€", 5), "…");
        assert_eq!(cut("€€", 0), "…");
    }

    #[test]
    fn nothing_grows_past_the_largest_block() {
        let huge = vec![0xAB; MAX_BLOCK + 10];
        let comment = "c".repeat(60_000);
        let comments: Vec<&str> = (0..400).map(|_| comment.as_str()).collect();
        let mut writer = PcapngWriter::with_application(&comments, "x");
        let id = writer.interface(1, None, None, 0);
        let before = writer.bytes.len();
        assert!(before <= MAX_BLOCK);
        writer
            .packet(id, u64::MAX, u32::MAX, &huge, 7, &comments)
            .unwrap();
        let bytes = writer.finish();
        let epb = &bytes[before..];
        let len = u32::from_le_bytes(epb[4..8].try_into().unwrap()) as usize;
        assert_eq!(len, epb.len());
        assert!(len <= MAX_BLOCK);
        let captured = u32::from_le_bytes(epb[20..24].try_into().unwrap());
        let original = u32::from_le_bytes(epb[24..28].try_into().unwrap());
        assert_eq!(captured as usize, MAX_BLOCK - 36);
        assert_eq!(original, captured, "never less than captured");
        // A timestamp beyond 64 bits of nanoseconds saturates.
        assert_eq!(&epb[12..20], &[0xff; 8]);
    }
}

//! pcapng: sections of blocks, each section with its own byte order and interfaces.
//!
//! We frame blocks ourselves (type, length, trailing length) so that every error has an offset
//! and no length is trusted beyond [`MAX_RECORD_BYTES`]; pcap-parser parses each block's body.

use pcap_parser::nom;
use pcap_parser::pcapng::{
    parse_block_be, parse_block_le, parse_sectionheaderblock, Block, InterfaceDescriptionBlock,
};
use pcap_parser::traits::PcapNGPacketBlock;

use super::{
    CaptureErrorKind, FrameSlice, Interface, LinkType, RecordKind, Sink, Step, Timestamp,
    MAX_RECORD_BYTES,
};

pub(crate) const SHB_MAGIC_BYTES: [u8; 4] = [0x0A, 0x0D, 0x0D, 0x0A];
const BYTE_ORDER_MAGIC_LE: [u8; 4] = [0x4D, 0x3C, 0x2B, 0x1A];
const BYTE_ORDER_MAGIC_BE: [u8; 4] = [0x1A, 0x2B, 0x3C, 0x4D];
const OBSOLETE_PACKET_BLOCK: u32 = 0x0000_0002;
const CUSTOM_BLOCK: u32 = 0x0000_0BAD;
const CUSTOM_BLOCK_NO_COPY: u32 = 0x4000_0BAD;
/// Block header (type, length) plus trailing length.
const BLOCK_OVERHEAD: usize = 12;
/// Interfaces one file may declare. Each costs a few dozen bytes; the bound keeps a hostile
/// file of empty IDBs from growing the list without limit.
const MAX_INTERFACES: usize = 65_536;

pub(crate) struct PcapngState {
    /// Byte order of the current section; `None` before the first SHB.
    big_endian: Option<bool>,
    /// Index of this section's interface 0 in the file-wide list.
    first_interface: usize,
    section: u32,
    sections_seen: u32,
}

impl PcapngState {
    pub fn new() -> PcapngState {
        PcapngState {
            big_endian: None,
            first_interface: 0,
            section: 0,
            sections_seen: 0,
        }
    }

    fn u32_at(&self, input: &[u8], at: usize, big_endian: bool) -> u32 {
        let bytes = [input[at], input[at + 1], input[at + 2], input[at + 3]];
        if big_endian {
            u32::from_be_bytes(bytes)
        } else {
            u32::from_le_bytes(bytes)
        }
    }

    /// Byte order of the block at the front of `input`: an SHB states its own.
    fn byte_order_of(&self, input: &[u8]) -> Result<Option<bool>, CaptureErrorKind> {
        if input[..4] == SHB_MAGIC_BYTES {
            if input.len() < 12 {
                return Ok(None);
            }
            return match [input[8], input[9], input[10], input[11]] {
                BYTE_ORDER_MAGIC_LE => Ok(Some(false)),
                BYTE_ORDER_MAGIC_BE => Ok(Some(true)),
                other => Err(CaptureErrorKind::Malformed {
                    what: "pcapng section header".into(),
                    reason: format!("byte-order magic is {:02x?}, not 1a2b3c4d", other),
                }),
            };
        }
        match self.big_endian {
            Some(big_endian) => Ok(Some(big_endian)),
            None => Err(CaptureErrorKind::Malformed {
                what: "pcapng file".into(),
                reason: "the first block is not a section header".into(),
            }),
        }
    }

    pub fn block_len_hint(&self, input: &[u8]) -> u64 {
        if input.len() < 8 {
            return BLOCK_OVERHEAD as u64;
        }
        let big_endian = match self.byte_order_of(input) {
            Ok(Some(big_endian)) => big_endian,
            _ => return BLOCK_OVERHEAD as u64,
        };
        self.u32_at(input, 4, big_endian) as u64
    }

    pub fn step(
        &mut self,
        input: &[u8],
        offset: u64,
        sink: &mut Sink<'_>,
        on_frame: &mut dyn FnMut(FrameSlice<'_>),
    ) -> Step {
        if input.len() < 8 {
            return Step::NeedMore;
        }
        let big_endian = match self.byte_order_of(input) {
            Ok(Some(big_endian)) => big_endian,
            Ok(None) => return Step::NeedMore,
            Err(kind) => return Step::Fatal(kind),
        };
        let block_type = self.u32_at(input, 0, big_endian);
        let block_len = self.u32_at(input, 4, big_endian);
        if (block_len as usize) < BLOCK_OVERHEAD || block_len % 4 != 0 {
            return Step::Fatal(CaptureErrorKind::BadBlockLength {
                block_type,
                block_len,
            });
        }
        if block_len > MAX_RECORD_BYTES {
            return Step::Fatal(CaptureErrorKind::RecordTooLarge {
                claimed: block_len as u64,
            });
        }
        let len = block_len as usize;
        if input.len() < len {
            return Step::NeedMore;
        }
        let block = &input[..len];
        let trailing = self.u32_at(block, len - 4, big_endian);
        if trailing != block_len {
            // Recoverable: the leading length is the one that finds the next block. If it was the
            // wrong one, the next block's framing fails and says so.
            sink.warn(
                offset,
                format!("block of type 0x{block_type:08x} says {block_len} bytes at its start and {trailing} at its end; reading on by the start"),
            );
        }
        if block[..4] == SHB_MAGIC_BYTES {
            return self.section_header(block, offset, big_endian, sink);
        }
        match block_type {
            OBSOLETE_PACKET_BLOCK => {
                self.obsolete_packet(block, offset, big_endian, sink, on_frame)
            }
            CUSTOM_BLOCK | CUSTOM_BLOCK_NO_COPY => {
                // Wireshark shows custom blocks as frames whose length is the data after the
                // Private Enterprise Number; keep the numbering identical.
                // A block too short for its Private Enterprise Number holds no data (found by fuzzing).
                let data = block.get(12..len - 4).unwrap_or(&[]);
                on_frame(FrameSlice {
                    number: 0,
                    kind: RecordKind::Custom,
                    file_offset: offset,
                    data_offset: 0,
                    timestamp: None,
                    interface: None,
                    link_type: LinkType(u16::MAX),
                    original_len: data.len() as u32,
                    data,
                    options: crate::capture::PacketOptions::NONE,
                });
                Step::Consumed(len)
            }
            _ => self.body_block(block, offset, big_endian, sink, on_frame),
        }
    }

    fn section_header(
        &mut self,
        block: &[u8],
        offset: u64,
        big_endian: bool,
        sink: &mut Sink<'_>,
    ) -> Step {
        if block.len() < 28 {
            return Step::Fatal(CaptureErrorKind::BadBlockLength {
                block_type: 0x0A0D_0D0A,
                block_len: block.len() as u32,
            });
        }
        let version = |at: usize| {
            let bytes = [block[at], block[at + 1]];
            if big_endian {
                u16::from_be_bytes(bytes)
            } else {
                u16::from_le_bytes(bytes)
            }
        };
        let (major, minor) = (version(12), version(14));
        if major != 1 {
            return Step::Fatal(CaptureErrorKind::UnsupportedVersion {
                format: "pcapng".into(),
                major,
                minor,
            });
        }
        // The options do not matter to us; the packets that follow still do. pcap-parser stops
        // quietly at an option that runs past the block, so we also walk them ourselves.
        let problem = options_problem(&block[24..block.len() - 4], big_endian).or_else(|| {
            parse_sectionheaderblock(block)
                .err()
                .map(|e| nom_reason(&e))
        });
        if let Some(problem) = problem {
            sink.warn(
                offset,
                format!("section header options are malformed ({problem}); ignored"),
            );
        }
        self.big_endian = Some(big_endian);
        self.section = self.sections_seen;
        self.sections_seen += 1;
        self.first_interface = sink.interfaces.len();
        Step::Consumed(block.len())
    }

    fn interface<'s>(&self, if_id: u32, sink: &'s Sink<'_>) -> Option<&'s Interface> {
        let index = self.first_interface.checked_add(if_id as usize)?;
        sink.interfaces.get(index)
    }

    fn body_block(
        &mut self,
        block: &[u8],
        offset: u64,
        big_endian: bool,
        sink: &mut Sink<'_>,
        on_frame: &mut dyn FnMut(FrameSlice<'_>),
    ) -> Step {
        let parsed = if big_endian {
            parse_block_be(block)
        } else {
            parse_block_le(block)
        };
        let parsed = match parsed {
            Ok((_, parsed)) => parsed,
            Err(error) => {
                // The framing is sound, so one bad block need not end the file.
                sink.warn(
                    offset,
                    format!(
                        "skipped a malformed block of type 0x{:08x}: {}",
                        self.u32_at(block, 0, big_endian),
                        nom_reason(&error)
                    ),
                );
                return Step::Consumed(block.len());
            }
        };
        match parsed {
            Block::InterfaceDescription(idb) => {
                if sink.interfaces.len() >= MAX_INTERFACES {
                    return Step::Fatal(CaptureErrorKind::TooManyInterfaces {
                        limit: MAX_INTERFACES,
                    });
                }
                let interface = self.describe_interface(&idb, sink, offset);
                sink.interfaces.push(interface);
            }
            Block::EnhancedPacket(epb) => {
                let captured = epb.packet_data();
                let interface = self.interface(epb.if_id, sink);
                let (interface_index, link_type, timestamp) = match interface {
                    Some(interface) => (
                        Some(interface),
                        interface.link_type,
                        Some(pcapng_timestamp(epb.ts_high, epb.ts_low, interface)),
                    ),
                    None => {
                        sink.warn(
                            offset,
                            format!(
                                "packet names interface {} which this section never described",
                                epb.if_id
                            ),
                        );
                        (None, LinkType(u16::MAX), None)
                    }
                };
                on_frame(FrameSlice {
                    number: 0,
                    kind: RecordKind::Packet,
                    file_offset: offset,
                    data_offset: 0,
                    timestamp,
                    interface: interface_index,
                    link_type,
                    original_len: epb.origlen,
                    data: captured,
                    options: crate::capture::PacketOptions::new(&epb.options, big_endian),
                });
            }
            Block::SimplePacket(spb) => {
                // An SPB belongs to interface 0 and holds min(original length, snaplen) bytes.
                if self.interface(0, sink).is_none() {
                    sink.warn(
                        offset,
                        "simple packet block in a section with no interface".into(),
                    );
                }
                let interface = self.interface(0, sink);
                let snaplen = interface
                    .map(|i| i.snaplen)
                    .filter(|&s| s != 0)
                    .unwrap_or(u32::MAX);
                let captured_len = (spb.origlen.min(snaplen) as usize).min(spb.data.len());
                on_frame(FrameSlice {
                    number: 0,
                    kind: RecordKind::Packet,
                    file_offset: offset,
                    data_offset: 0,
                    timestamp: None,
                    interface,
                    link_type: interface.map(|i| i.link_type).unwrap_or(LinkType(u16::MAX)),
                    original_len: spb.origlen,
                    data: &spb.data[..captured_len],
                    options: crate::capture::PacketOptions::NONE,
                });
            }
            // Name resolution, statistics, journal, secrets, process info and unknown blocks
            // carry nothing we analyse.
            _ => {}
        }
        Step::Consumed(block.len())
    }

    fn describe_interface(
        &self,
        idb: &InterfaceDescriptionBlock<'_>,
        sink: &mut Sink<'_>,
        offset: u64,
    ) -> Interface {
        let id_in_section = (sink.interfaces.len() - self.first_interface) as u32;
        let ts_units_per_sec = match timestamp_units_per_sec(idb.if_tsresol) {
            Some(units) => units,
            None => {
                sink.warn(offset, format!("interface {id_in_section} has an impossible if_tsresol {:#04x}; using microseconds", idb.if_tsresol));
                1_000_000
            }
        };
        let text = |value: Option<Result<&str, _>>| value.and_then(Result::ok).map(str::to_owned);
        Interface {
            id: sink.interfaces.len() as u32,
            section: self.section,
            id_in_section,
            link_type: LinkType(idb.linktype.0 as u16),
            snaplen: idb.snaplen,
            name: text(idb.if_name()),
            description: text(idb.if_description()),
            ts_units_per_sec,
            ts_offset_secs: idb.if_tsoffset,
        }
    }

    /// The obsolete Packet Block (type 2), which pcap-parser does not parse: interface id (16
    /// bits), drops (16), timestamp high and low, captured length, original length, data.
    fn obsolete_packet(
        &mut self,
        block: &[u8],
        offset: u64,
        big_endian: bool,
        sink: &mut Sink<'_>,
        on_frame: &mut dyn FnMut(FrameSlice<'_>),
    ) -> Step {
        const HEADER: usize = 8 + 20;
        if block.len() < HEADER + 4 {
            sink.warn(
                offset,
                "skipped a packet block too short for its header".into(),
            );
            return Step::Consumed(block.len());
        }
        let if_id = if big_endian {
            u16::from_be_bytes([block[8], block[9]])
        } else {
            u16::from_le_bytes([block[8], block[9]])
        } as u32;
        let ts_high = self.u32_at(block, 12, big_endian);
        let ts_low = self.u32_at(block, 16, big_endian);
        let captured_len = self.u32_at(block, 20, big_endian) as usize;
        let original_len = self.u32_at(block, 24, big_endian);
        let body_end = block.len() - 4;
        if HEADER + captured_len > body_end {
            sink.warn(offset, format!("skipped a packet block whose captured length {captured_len} runs past the block"));
            return Step::Consumed(block.len());
        }
        let interface = self.interface(if_id, sink);
        on_frame(FrameSlice {
            number: 0,
            kind: RecordKind::Packet,
            file_offset: offset,
            data_offset: 0,
            timestamp: interface.map(|i| pcapng_timestamp(ts_high, ts_low, i)),
            interface,
            link_type: interface.map(|i| i.link_type).unwrap_or(LinkType(u16::MAX)),
            original_len,
            data: &block[HEADER..HEADER + captured_len],
            options: crate::capture::PacketOptions::NONE,
        });
        Step::Consumed(block.len())
    }
}

/// Why a pcapng option list is malformed, if it is: every option (code, length, value padded to
/// 32 bits) must fit in the block.
fn options_problem(mut options: &[u8], big_endian: bool) -> Option<String> {
    let read = |b: &[u8]| {
        if big_endian {
            u16::from_be_bytes([b[0], b[1]])
        } else {
            u16::from_le_bytes([b[0], b[1]])
        }
    };
    while options.len() >= 4 {
        let (code, length) = (read(&options[..2]), read(&options[2..4]) as usize);
        if code == 0 {
            return None;
        }
        let padded = (length + 3) & !3;
        if 4 + padded > options.len() {
            return Some(format!(
                "option {code} claims {length} bytes, {} remain",
                options.len() - 4
            ));
        }
        options = &options[4 + padded..];
    }
    None
}

/// Units per second for an `if_tsresol` value: a power of ten, or of two when the high bit is
/// set. `None` when it does not fit in 64 bits. (pcap-parser's `build_ts_resolution` rejects
/// every power of two, so we do this ourselves.)
fn timestamp_units_per_sec(tsresol: u8) -> Option<u64> {
    let exponent = (tsresol & 0x7F) as u32;
    if tsresol & 0x80 == 0 {
        10u64.checked_pow(exponent)
    } else {
        1u64.checked_shl(exponent).filter(|_| exponent < 64)
    }
}

fn pcapng_timestamp(ts_high: u32, ts_low: u32, interface: &Interface) -> Timestamp {
    let ticks = ((ts_high as u64) << 32) | ts_low as u64;
    let units = interface.ts_units_per_sec;
    let secs = (ticks / units) as i64;
    Timestamp::from_fraction(
        secs.saturating_add(interface.ts_offset_secs),
        ticks % units,
        units,
    )
}

fn nom_reason<E: std::fmt::Debug>(error: &nom::Err<E>) -> String {
    let text = match error {
        nom::Err::Incomplete(_) => return "its contents run past its end".into(),
        nom::Err::Error(e) | nom::Err::Failure(e) => format!("{e:?}"),
    };
    // pcap-parser's errors carry the remaining input; keep the kind, not the bytes.
    let kind = match text.rfind(", ") {
        Some(at) if text.starts_with("NomError") => text[at + 2..].trim_end_matches(')'),
        _ => text.get(..80).unwrap_or(&text),
    };
    match kind {
        "Verify" => "its lengths or fields do not agree".into(),
        "Eof" | "Complete" => "its contents run past its end".into(),
        other => other.to_string(),
    }
}

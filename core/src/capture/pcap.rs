//! Classic pcap: a 24-byte file header, then records.

use pcap_parser::nom;
use pcap_parser::pcap::{parse_pcap_frame, parse_pcap_frame_be, parse_pcap_frame_modified};
use pcap_parser::{parse_pcap_header, PcapError};

use super::{
    CaptureErrorKind, Format, FrameSlice, Interface, LinkType, RecordKind, Step, Timestamp,
    MAX_RECORD_BYTES,
};

pub(crate) const FILE_HEADER_LEN: usize = 24;

/// Bits 16..26 of the pcap link-type field are reserved and must be zero (bits 26..32 carry
/// the FCS length, which we ignore).
const LINKTYPE_RESERVED_BITS: u32 = 0x03FF_0000;

pub(crate) struct PcapState {
    big_endian: bool,
    nanosecond: bool,
    modified: bool,
    link_type: LinkType,
}

impl PcapState {
    /// Reads the file header. `Ok(None)`: not enough bytes yet.
    pub fn start(input: &[u8]) -> Result<Option<(PcapState, Format, Interface)>, CaptureErrorKind> {
        if input.len() < FILE_HEADER_LEN {
            let magic = u32::from_le_bytes([input[0], input[1], input[2], input[3]]);
            if !is_pcap_magic(magic) {
                return Err(CaptureErrorKind::NotACapture {
                    magic: input[..4].try_into().unwrap_or_default(),
                });
            }
            return Ok(None);
        }
        let header = match parse_pcap_header(input) {
            Ok((_, header)) => header,
            Err(_) => {
                return Err(CaptureErrorKind::NotACapture {
                    magic: [input[0], input[1], input[2], input[3]],
                })
            }
        };
        if header.version_major != 2 {
            return Err(CaptureErrorKind::UnsupportedVersion {
                format: "pcap".into(),
                major: header.version_major,
                minor: header.version_minor,
            });
        }
        let network = header.network.0 as u32;
        if network & LINKTYPE_RESERVED_BITS != 0 {
            return Err(CaptureErrorKind::ReservedLinkTypeBits { field: network });
        }
        let link_type = LinkType((network & 0xFFFF) as u16);
        let modified = header.is_modified_format();
        let nanosecond = header.is_nanosecond_precision();
        let format = if modified {
            Format::PcapModified
        } else if nanosecond {
            Format::PcapNanosecond
        } else {
            Format::Pcap
        };
        let interface = Interface {
            id: 0,
            section: 0,
            id_in_section: 0,
            link_type,
            snaplen: header.snaplen,
            name: None,
            description: None,
            ts_units_per_sec: if nanosecond { 1_000_000_000 } else { 1_000_000 },
            ts_offset_secs: 0,
        };
        let state = PcapState {
            big_endian: header.is_bigendian(),
            nanosecond,
            modified,
            link_type,
        };
        Ok(Some((state, format, interface)))
    }

    fn record_header_len(&self) -> usize {
        if self.modified {
            24
        } else {
            16
        }
    }

    fn u32_at(&self, input: &[u8], at: usize) -> u32 {
        let bytes = [input[at], input[at + 1], input[at + 2], input[at + 3]];
        if self.big_endian {
            u32::from_be_bytes(bytes)
        } else {
            u32::from_le_bytes(bytes)
        }
    }

    /// The length of the record at the front of `input`, header included, as far as known.
    pub fn record_len_hint(&self, input: &[u8]) -> u64 {
        let header_len = self.record_header_len();
        if input.len() < 12 {
            return header_len as u64;
        }
        header_len as u64 + self.u32_at(input, 8) as u64
    }

    pub fn step(
        &mut self,
        input: &[u8],
        offset: u64,
        on_frame: &mut dyn FnMut(FrameSlice<'_>),
    ) -> Step {
        let header_len = self.record_header_len();
        if input.len() < header_len {
            return Step::NeedMore;
        }
        let claimed = self.u32_at(input, 8);
        if claimed > MAX_RECORD_BYTES {
            return Step::Fatal(CaptureErrorKind::RecordTooLarge {
                claimed: claimed as u64,
            });
        }
        let total = header_len + claimed as usize;
        if input.len() < total {
            return Step::NeedMore;
        }
        let parsed = if self.modified {
            parse_pcap_frame_modified(input)
        } else if self.big_endian {
            parse_pcap_frame_be(input)
        } else {
            parse_pcap_frame(input)
        };
        let record = match parsed {
            Ok((_, record)) => record,
            Err(nom::Err::Incomplete(_)) | Err(nom::Err::Error(PcapError::Incomplete(_))) => {
                return Step::NeedMore
            }
            Err(other) => {
                return Step::Fatal(CaptureErrorKind::Malformed {
                    what: "pcap record".into(),
                    reason: format!("{other:?}"),
                })
            }
        };
        let units = if self.nanosecond {
            1_000_000_000
        } else {
            1_000_000
        };
        on_frame(FrameSlice {
            number: 0,
            kind: RecordKind::Packet,
            file_offset: offset,
            data_offset: 0,
            timestamp: Some(Timestamp::from_fraction(
                record.ts_sec as i64,
                record.ts_usec as u64,
                units,
            )),
            // A pcap file names no interfaces (tshark leaves frame.interface_id empty).
            interface: None,
            link_type: self.link_type,
            original_len: record.origlen,
            data: record.data,
            options: crate::capture::PacketOptions::NONE,
        });
        Step::Consumed(total)
    }
}

fn is_pcap_magic(magic_le: u32) -> bool {
    matches!(
        magic_le,
        0xA1B2_C3D4 | 0xD4C3_B2A1 | 0xA1B2_3C4D | 0x4D3C_B2A1 | 0xA1B2_CD34 | 0x34CD_B2A1
    )
}

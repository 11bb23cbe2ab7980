//! Frames of one capture file picked out by number and written again as pcapng.

use super::pcapng::{ExportError, Packet, PcapngWriter};
use crate::capture::{CaptureReader, Format, Interface, RecordKind, Timestamp};

/// How much of the file [`pick_frames`] reads at a time: it stops once every wanted frame
/// was found.
const CHUNK: usize = 1 << 20;

/// One frame taken out of a capture file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PickedFrame {
    /// 1-based frame number in its file.
    pub number: u64,
    /// Index in [`PickedFrames::interfaces`].
    pub interface: usize,
    /// `None` for pcapng Simple Packet Blocks, which carry no time (written as the epoch).
    pub time: Option<Timestamp>,
    pub original_len: u32,
    /// The captured bytes.
    pub data: Vec<u8>,
    /// `epb_flags` of the original Enhanced Packet Block (direction, reception type, …).
    pub flags: Option<u32>,
    /// The original block's own comments (`opt_comment`), kept after ours.
    pub comments: Vec<String>,
}

impl PickedFrame {
    /// Writes the frame on `interface` (an id from `writer`), `comments` first and then the
    /// frame's own.
    pub fn write(
        &self,
        writer: &mut PcapngWriter,
        interface: u32,
        comments: &[String],
    ) -> Result<(), ExportError> {
        let all: Vec<&str> = comments
            .iter()
            .chain(&self.comments)
            .map(String::as_str)
            .collect();
        // Times before the epoch (a broken clock) cannot be written: pcapng counts up from it.
        let (secs, nanos) = match self.time {
            Some(time) => match u64::try_from(time.secs) {
                Ok(secs) => (secs, time.nanos),
                Err(_) => (0, 0),
            },
            None => (0, 0),
        };
        writer.packet_with(
            &Packet::new(interface, secs, nanos, &self.data)
                .original_len(self.original_len)
                .flags(self.flags)
                .comments(&all),
        )
    }
}

/// The frames picked out of one capture file, with the interfaces they were captured on.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PickedFrames {
    /// The file's interfaces that the frames use, in the file's order (a pcap file has one).
    pub interfaces: Vec<Interface>,
    /// In time order; frames with the same time (or none) in frame order.
    pub frames: Vec<PickedFrame>,
    /// Frame numbers asked for that are not packets of the file (beyond its end or a damaged
    /// part, a pcapng custom block, a packet naming no described interface), ascending.
    pub missing: Vec<u64>,
}

impl PickedFrames {
    /// Declares the interfaces in `writer` and returns their ids, by index in
    /// [`PickedFrames::interfaces`]. Names are kept; an interface without a description is
    /// described by `file_name` (when not empty), so that interfaces of several files merged
    /// into one output can be told apart.
    pub fn declare_interfaces(&self, writer: &mut PcapngWriter, file_name: &str) -> Vec<u32> {
        let fallback = (!file_name.is_empty()).then_some(file_name);
        self.interfaces
            .iter()
            .enumerate()
            .map(|(index, interface)| {
                // A snaplen below a packet's captured length would contradict the packet.
                let longest = self
                    .frames
                    .iter()
                    .filter(|f| f.interface == index)
                    .map(|f| f.data.len())
                    .max()
                    .unwrap_or(0);
                let snaplen = if longest > interface.snaplen as usize {
                    0
                } else {
                    interface.snaplen
                };
                writer.interface(
                    interface.link_type.0,
                    interface.name.as_deref(),
                    interface.description.as_deref().or(fallback),
                    snaplen,
                )
            })
            .collect()
    }
}

/// Picks the frames `wanted` (1-based frame numbers, any order, repeats ignored) out of a
/// capture file (pcap or pcapng), reading it with [`CaptureReader`].
pub fn pick_frames(bytes: &[u8], wanted: &[u64]) -> PickedFrames {
    let mut wanted = wanted.to_vec();
    wanted.sort_unstable();
    wanted.dedup();
    // Each found frame with the file-wide id of its interface (`None`: pcap's implicit one,
    // or a pcapng interface never described).
    let mut found: Vec<(Option<u32>, PickedFrame)> = Vec::new();
    let mut reader = CaptureReader::new();
    for chunk in bytes.chunks(CHUNK) {
        reader.push(chunk, |frame| {
            if frame.kind != RecordKind::Packet || wanted.binary_search(&frame.number).is_err() {
                return;
            }
            // Only pcapng frames have an interface, and only their blocks have options.
            let (flags, comments) = match frame.interface {
                Some(_) => packet_block_options(bytes, frame.file_offset),
                None => (None, Vec::new()),
            };
            found.push((
                frame.interface.map(|i| i.id),
                PickedFrame {
                    number: frame.number,
                    interface: 0,
                    time: frame.timestamp,
                    original_len: frame.original_len,
                    data: frame.data.to_vec(),
                    flags,
                    comments,
                },
            ));
        });
        if found.len() == wanted.len() || reader.error().is_some() {
            break;
        }
    }
    let pcap = matches!(
        reader.format(),
        Some(Format::Pcap | Format::PcapNanosecond | Format::PcapModified)
    );
    let all = reader.interfaces().to_vec();
    drop(reader.finish());

    // Resolve interfaces; keep those used, in file order.
    let mut frames = Vec::with_capacity(found.len());
    for (id, frame) in found {
        let id = match id {
            Some(id) => id,
            None if pcap => 0,
            None => continue,
        };
        if (id as usize) < all.len() {
            frames.push((id as usize, frame));
        }
    }
    let mut used = vec![None; all.len()];
    for (id, _) in &frames {
        used[*id] = Some(0);
    }
    let mut interfaces = Vec::new();
    for (id, slot) in used.iter_mut().enumerate() {
        if slot.is_some() {
            *slot = Some(interfaces.len());
            interfaces.push(all[id].clone());
        }
    }
    let mut frames: Vec<PickedFrame> = frames
        .into_iter()
        .map(|(id, mut frame)| {
            frame.interface = used[id].unwrap_or(0);
            frame
        })
        .collect();
    frames.sort_by_key(|f| (f.time, f.number));

    let mut numbers: Vec<u64> = frames.iter().map(|f| f.number).collect();
    numbers.sort_unstable();
    let missing = wanted
        .into_iter()
        .filter(|n| numbers.binary_search(n).is_err())
        .collect();
    PickedFrames {
        interfaces,
        frames,
        missing,
    }
}

/// The frames `wanted` (1-based frame numbers, any order) of one capture file, re-written as
/// pcapng in time order with the file's interfaces (names kept), each packet commented with
/// `comment_of(frame)`; `comments` head the section. Frames not in the file are skipped and
/// returned.
///
/// Only the interfaces the frames use are written, in the file's order; an interface without a
/// description gets `file_name` as one. A pcapng packet keeps its `epb_flags` and its own
/// comments (after `comment_of`'s). Times are written in nanoseconds, the resolution the
/// reader gives.
///
/// To merge several files into one output, do what this does with one [`PcapngWriter`]:
/// [`pick_frames`] each file, [`PickedFrames::declare_interfaces`] each, then
/// [`PickedFrame::write`] all frames in time order.
pub fn export_frames(
    file_name: &str,
    bytes: &[u8],
    wanted: &[u64],
    comments: &[&str],
    comment_of: &dyn Fn(u64) -> Vec<String>,
) -> (Vec<u8>, Vec<u64>) {
    let picked = pick_frames(bytes, wanted);
    let mut writer = PcapngWriter::new(comments);
    let ids = picked.declare_interfaces(&mut writer, file_name);
    let mut missing = picked.missing;
    for frame in &picked.frames {
        let written = ids.get(frame.interface).is_some_and(|&id| {
            frame
                .write(&mut writer, id, &comment_of(frame.number))
                .is_ok()
        });
        if !written {
            missing.push(frame.number);
        }
    }
    missing.sort_unstable();
    (writer.finish(), missing)
}

/// The `epb_flags` and comments of the Enhanced Packet Block at `offset` (in either byte
/// order); nothing for any other block or a malformed one.
fn packet_block_options(bytes: &[u8], offset: u64) -> (Option<u32>, Vec<String>) {
    const EPB_HEADER: usize = 28;
    let mut flags = None;
    let mut comments = Vec::new();
    let Some(block) = usize::try_from(offset).ok().and_then(|at| bytes.get(at..)) else {
        return (flags, comments);
    };
    let big_endian = match block.get(..4) {
        Some([6, 0, 0, 0]) => false,
        Some([0, 0, 0, 6]) => true,
        _ => return (flags, comments),
    };
    let u16_at = |b: &[u8], at: usize| -> Option<u16> {
        let bytes = [*b.get(at)?, *b.get(at + 1)?];
        Some(if big_endian {
            u16::from_be_bytes(bytes)
        } else {
            u16::from_le_bytes(bytes)
        })
    };
    let u32_at = |b: &[u8], at: usize| -> Option<u32> {
        let bytes: [u8; 4] = b.get(at..at + 4)?.try_into().ok()?;
        Some(if big_endian {
            u32::from_be_bytes(bytes)
        } else {
            u32::from_le_bytes(bytes)
        })
    };
    let options = (|| {
        let len = u32_at(block, 4)? as usize;
        let captured = u32_at(block, 20)? as usize;
        let start = EPB_HEADER.checked_add(captured.checked_add(3)? & !3)?;
        block.get(start..len.checked_sub(4)?)
    })();
    let mut options = options.unwrap_or(&[]);
    while let (Some(code), Some(length)) = (u16_at(options, 0), u16_at(options, 2)) {
        let length = length as usize;
        let Some(value) = options.get(4..4 + length) else {
            break;
        };
        match code {
            0 => break,
            1 => comments.push(String::from_utf8_lossy(value).into_owned()),
            2 => flags = u32_at(value, 0).filter(|_| length == 4),
            _ => {}
        }
        options = options.get(4 + ((length + 3) & !3)..).unwrap_or(&[]);
    }
    (flags, comments)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_of_a_big_endian_packet_block() {
        #[rustfmt::skip]
        let block: &[u8] = &[
            0, 0, 0, 6, 0, 0, 0, 60,
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 3, 0, 0, 0, 3, // captured 3, original 3
            1, 2, 3, 0,
            0, 2, 0, 4, 0, 0, 0, 1, // epb_flags: inbound
            0, 1, 0, 2, b'h', b'i', 0, 0, // opt_comment "hi"
            0, 0, 0, 0,
            0, 0, 0, 60,
        ];
        let mut file = vec![0xEE; 8];
        file.extend_from_slice(block);
        assert_eq!(
            packet_block_options(&file, 8),
            (Some(1), vec!["hi".to_string()])
        );
        // Not a packet block, past the end, an option running past the block: nothing.
        assert_eq!(packet_block_options(&file, 0), (None, vec![]));
        assert_eq!(packet_block_options(&file, 1000), (None, vec![]));
        let mut broken = block.to_vec();
        broken[43] = 200; // the comment claims 200 bytes
        assert_eq!(packet_block_options(&broken, 0), (Some(1), vec![]));
        assert_eq!(packet_block_options(&block[..20], 0), (None, vec![]));
    }
}

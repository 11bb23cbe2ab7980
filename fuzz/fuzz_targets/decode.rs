//! One packet: decode, describe for the packet list and detail pane, and observe for the
//! journeys, under any link type. The first two bytes choose the link type.
#![no_main]

use dropscope_core::capture::{FrameSlice, LinkType, PacketOptions, RecordKind, Timestamp};
use dropscope_core::decode::decode;
use dropscope_core::journey::observe;
use dropscope_core::packets::describe;
use libfuzzer_sys::fuzz_target;

/// The link types captures of this field use; anything else is a one-line "unsupported".
const LINK_TYPES: [u16; 10] = [0, 1, 101, 108, 113, 228, 229, 239, 276, 147];

fuzz_target!(|data: &[u8]| {
    let Some((&choice, bytes)) = data.split_first() else {
        return;
    };
    let frame = FrameSlice {
        number: 1,
        kind: RecordKind::Packet,
        file_offset: 0,
        data_offset: 0,
        timestamp: Some(Timestamp { secs: 1, nanos: 0 }),
        interface: None,
        link_type: LinkType(LINK_TYPES[choice as usize % LINK_TYPES.len()]),
        original_len: bytes.len() as u32,
        data: bytes,
        options: PacketOptions::NONE,
    };
    let packet = decode(&frame);
    let description = describe(&packet);
    assert_eq!(description.layers.len(), packet.layers.len());
    let _ = observe(&frame, &packet);
});

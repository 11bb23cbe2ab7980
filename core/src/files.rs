//! Several captures analysed as one. Each file is analysed by its own `Analyzer`, told its
//! index (`AnalyzeOptions::file`); the ids it hands out (frames, journeys, connections,
//! interface keys) carry that index in their high bits, so that the reports combine without
//! renumbering and every frame reference still says which file it is in. File 0's ids are the
//! file's own numbers: with one capture nothing changes.

use std::cell::RefCell;

use crate::journey::InterfaceKey;

/// Frame, journey and connection ids: file index above bit 40 (a trillion frames a file).
pub const ID_FILE_SHIFT: u32 = 40;
/// Interface keys: file index above bit 24 (SLL2 interface indexes stay below 16 million).
pub const INTERFACE_FILE_SHIFT: u32 = 24;
/// Captures one analysis takes.
pub const MAX_FILES: usize = 255;

/// The id of `file`'s frame `number` (1-based, as in Wireshark).
pub fn frame_id(file: u32, number: u64) -> u64 {
    (u64::from(file) << ID_FILE_SHIFT) | (number & ((1 << ID_FILE_SHIFT) - 1))
}

/// The file a frame, journey or connection id belongs to.
pub fn file_of(id: u64) -> u32 {
    (id >> ID_FILE_SHIFT) as u32
}

/// The frame's number in its own file.
pub fn frame_number(id: u64) -> u64 {
    id & ((1 << ID_FILE_SHIFT) - 1)
}

/// The first journey or connection id of `file`.
pub fn id_base(file: u32) -> u64 {
    u64::from(file) << ID_FILE_SHIFT
}

/// `file`'s interface `key` (an SLL2 interface index or a pcapng interface id).
pub fn interface_key(file: u32, key: InterfaceKey) -> InterfaceKey {
    (file << INTERFACE_FILE_SHIFT) | (key & ((1 << INTERFACE_FILE_SHIFT) - 1))
}

/// The file an interface key belongs to.
pub fn file_of_interface(key: InterfaceKey) -> u32 {
    key >> INTERFACE_FILE_SHIFT
}

/// The interface's own key in its file.
pub fn interface_index(key: InterfaceKey) -> InterfaceKey {
    key & ((1 << INTERFACE_FILE_SHIFT) - 1)
}

thread_local! {
    /// The names of the files being shown, by index (none or one: frames are plain numbers).
    static LABELS: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// Names the files whose frames are shown from now on, on this thread (the CLI and the page
/// set them when they show a combined analysis).
pub fn set_labels(labels: Vec<String>) {
    LABELS.with(|l| *l.borrow_mut() = labels);
}

/// A frame as users find it: `12`, or `node2.pcap #12` when several captures are shown.
pub fn frame_label(id: u64) -> String {
    let (file, number) = (file_of(id), frame_number(id));
    LABELS.with(|labels| {
        let labels = labels.borrow();
        if labels.len() <= 1 && file == 0 {
            return number.to_string();
        }
        match labels.get(file as usize) {
            Some(label) => format!("{label} #{number}"),
            None => format!("#{file}:{number}"),
        }
    })
}

/// Frames as users find them: `1,2,3`, or `node1.pcap #1,2; node2.pcap #3` when several
/// captures are shown (each run of one file's frames names it once).
pub fn frame_list(ids: &[u64]) -> String {
    let mut out = String::new();
    let mut previous: Option<u32> = None;
    for &id in ids {
        let file = file_of(id);
        if previous == Some(file) {
            out.push(',');
            out.push_str(&frame_number(id).to_string());
        } else {
            if previous.is_some() {
                out.push_str("; ");
            }
            out.push_str(&frame_label(id));
        }
        previous = Some(file);
    }
    out
}

/// A short label for a capture file: its name without the directory.
pub fn label_of(name: &str) -> String {
    name.rsplit(['/', '\\']).next().unwrap_or(name).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_zero_keeps_its_own_numbers() {
        assert_eq!(frame_id(0, 12), 12);
        assert_eq!(interface_key(0, 3), 3);
        assert_eq!(frame_label(12), "12");
    }

    #[test]
    fn ids_carry_their_file() {
        let id = frame_id(2, 12);
        assert_eq!((file_of(id), frame_number(id)), (2, 12));
        let key = interface_key(3, 4);
        assert_eq!((file_of_interface(key), interface_index(key)), (3, 4));
        set_labels(vec![
            "node1.pcap".into(),
            "node2.pcap".into(),
            "pod.pcap".into(),
        ]);
        assert_eq!(frame_label(id), "pod.pcap #12");
        assert_eq!(frame_label(7), "node1.pcap #7");
        assert_eq!(
            frame_list(&[frame_id(0, 1), frame_id(0, 2), frame_id(2, 3)]),
            "node1.pcap #1,2; pod.pcap #3"
        );
        set_labels(Vec::new());
        assert_eq!(frame_list(&[1, 2, 3]), "1,2,3");
        assert_eq!(label_of("/tmp/caps/node2.pcap"), "node2.pcap");
    }
}

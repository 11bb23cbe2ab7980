//! The pcapng export on real captures: frames picked out of pcap (SLL2, SLL, Ethernet) and
//! pcapng (several interfaces) files read back with dropscope's own reader exactly as they
//! were (bytes, times, lengths, link types, interface names), and, when tshark is installed,
//! read by tshark with every packet, comment, name and direction.

use std::path::{Path, PathBuf};
use std::process::Command;

use dropscope_core::capture::{read_all, CaptureOutcome, LinkType, RecordKind, Timestamp};
use dropscope_core::export::{export_frames, pick_frames, Packet, PcapngWriter};
use dropscope_core::journey::Direction;

const TSHARK: &str = "/usr/bin/tshark";
const CAPINFOS: &str = "/usr/bin/capinfos";

fn example(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../public/examples")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"))
}

/// A packet as dropscope reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Frame {
    number: u64,
    time: Option<Timestamp>,
    link_type: LinkType,
    interface: Option<String>,
    description: Option<String>,
    original_len: u32,
    data: Vec<u8>,
}

fn read(bytes: &[u8]) -> (Vec<Frame>, CaptureOutcome) {
    let mut frames = Vec::new();
    let outcome = read_all(bytes, |frame| {
        if frame.kind == RecordKind::Packet {
            frames.push(Frame {
                number: frame.number,
                time: frame.timestamp,
                link_type: frame.link_type,
                interface: frame.interface.and_then(|i| i.name.clone()),
                description: frame.interface.and_then(|i| i.description.clone()),
                original_len: frame.original_len,
                data: frame.data.to_vec(),
            });
        }
    });
    (frames, outcome)
}

fn comment_of(file: &str) -> impl Fn(u64) -> Vec<String> + '_ {
    move |frame| vec![format!("frame {frame} of {file}: evidence → kept")]
}

/// Exports `wanted` of `file` and checks the result against the original, frame by frame.
/// Returns the export.
fn export_and_compare(file: &str, wanted: &[u64]) -> Vec<u8> {
    let original = example(file);
    let (frames, outcome) = read(&original);
    assert!(outcome.error.is_none(), "{file}: {:?}", outcome.error);
    let comment = comment_of(file);
    let (exported, missing) = export_frames(
        file,
        &original,
        wanted,
        &["dropscope export test", "second section comment"],
        &comment,
    );
    let mut expected: Vec<&Frame> = frames
        .iter()
        .filter(|f| wanted.contains(&f.number))
        .collect();
    expected.sort_by_key(|f| (f.time, f.number));
    let mut absent: Vec<u64> = wanted
        .iter()
        .copied()
        .filter(|n| !frames.iter().any(|f| f.number == *n))
        .collect();
    absent.sort_unstable();
    absent.dedup();
    assert_eq!(missing, absent, "{file}");

    let (back, outcome) = read(&exported);
    assert_eq!(outcome.error, None, "{file}");
    assert!(
        outcome.warnings.is_empty(),
        "{file}: {:?}",
        outcome.warnings
    );
    assert_eq!(back.len(), expected.len(), "{file}");
    for (at, (got, want)) in back.iter().zip(&expected).enumerate() {
        assert_eq!(got.number, at as u64 + 1, "{file}");
        assert_eq!(got.time, want.time, "{file} frame {}", want.number);
        assert_eq!(got.data, want.data, "{file} frame {}", want.number);
        assert_eq!(
            got.original_len, want.original_len,
            "{file} frame {}",
            want.number
        );
        assert_eq!(
            got.link_type, want.link_type,
            "{file} frame {}",
            want.number
        );
        assert_eq!(
            got.interface, want.interface,
            "{file} frame {}",
            want.number
        );
        // An interface without a description is described by its file.
        let description = want.description.clone().or(Some(file.to_string()));
        assert_eq!(got.description, description, "{file} frame {}", want.number);
    }
    // One interface per original interface used, no more.
    let used = {
        let mut names: Vec<_> = expected
            .iter()
            .map(|f| (&f.interface, f.link_type))
            .collect();
        names.dedup();
        names.sort();
        names.dedup();
        names.len()
    };
    let mut reader = dropscope_core::capture::CaptureReader::new();
    reader.push(&exported, |_| {});
    assert_eq!(reader.interfaces().len(), used, "{file}");
    exported
}

#[test]
fn exported_frames_of_pcap_files_read_back_exactly() {
    // SLL2 (tcpdump -i any), Ethernet (a pod's eth0), SLL v1 (older tcpdump -i any).
    for (file, link_type) in [
        ("d_bridge_nf_off.any.pcap", LinkType::LINUX_SLL2),
        ("lab/bridge_nf_off.pod.pcap", LinkType::ETHERNET),
        ("lab/bridge_nf_off.node.sll1.pcap", LinkType::LINUX_SLL),
    ] {
        let exported = export_and_compare(file, &[40, 3, 12, 1, 3, 75, 999_999, 0]);
        let (back, _) = read(&exported);
        assert!(back.len() >= 3, "{file}");
        assert!(back.iter().all(|f| f.link_type == link_type), "{file}");
    }
}

#[test]
fn exported_frames_of_a_pcapng_with_several_interfaces_read_back_exactly() {
    let file = "lab/bridge_nf_off.node.pcapng";
    let (frames, _) = read(&example(file));
    // Every frame: the export is the file in time order (the file's own order is not).
    let all: Vec<u64> = frames.iter().map(|f| f.number).rev().collect();
    let exported = export_and_compare(file, &all);
    let (back, _) = read(&exported);
    assert_eq!(back.len(), frames.len());
    assert!(back.windows(2).all(|w| w[0].time <= w[1].time));
    let mut names: Vec<_> = back.iter().filter_map(|f| f.interface.clone()).collect();
    names.sort();
    names.dedup();
    assert_eq!(names, ["cni0", "vethpoda", "vethpodb"]);

    // Frames of one interface only: one interface description.
    let cni0: Vec<u64> = frames
        .iter()
        .filter(|f| f.interface.as_deref() == Some("cni0"))
        .map(|f| f.number)
        .take(4)
        .collect();
    export_and_compare(file, &cni0);
    // Nothing wanted, or nothing found: a valid file with the section header only.
    export_and_compare(file, &[]);
    export_and_compare(file, &[10_000, 20_000]);
}

/// A pcapng with three link types (SLL2, Ethernet, raw IP), directions and comments, built
/// with the writer from real packets, as a caller merging files would.
fn mixed_file() -> Vec<u8> {
    let any = example("d_bridge_nf_off.any.pcap");
    let pod = example("lab/bridge_nf_off.pod.pcap");
    let sll2 = pick_frames(&any, &[1, 2, 3]);
    let ethernet = pick_frames(&pod, &[3, 7, 8]);
    let mut writer = PcapngWriter::new(&["merged by the test", "naïve comment, with a comma"]);
    let sll2_ids = sll2.declare_interfaces(&mut writer, "any.pcap");
    let ethernet_ids = ethernet.declare_interfaces(&mut writer, "pod.pcap");
    let raw = writer.interface(101, Some("raw0"), Some("IP only"), 0);
    assert_eq!((sll2_ids, ethernet_ids, raw), (vec![0], vec![1], 2));
    for frame in &sll2.frames {
        frame
            .write(&mut writer, 0, &[format!("SLL2 frame {}", frame.number)])
            .unwrap();
    }
    for (at, frame) in ethernet.frames.iter().enumerate() {
        let time = frame.time.unwrap();
        let direction = if at % 2 == 0 {
            Direction::In
        } else {
            Direction::Out
        };
        let comment = format!("Ethernet frame {}", frame.number);
        let comments = [comment.as_str(), "and a second comment"];
        writer
            .packet_with(
                &Packet::new(1, time.secs as u64, time.nanos, &frame.data)
                    .original_len(frame.original_len)
                    .direction(direction)
                    .comments(&comments),
            )
            .unwrap();
        // The same packet without its Ethernet header, as raw IP, outbound.
        let ip = &frame.data[14..];
        writer
            .packet_with(
                &Packet::new(raw, time.secs as u64, time.nanos + 1, ip)
                    .direction(Direction::Out)
                    .comments(&["raw IP copy"]),
            )
            .unwrap();
    }
    writer.finish()
}

#[test]
fn export_of_a_merged_file_with_several_link_types_reads_back_and_exports_again() {
    let merged = mixed_file();
    let (frames, outcome) = read(&merged);
    assert_eq!(outcome.error, None);
    assert!(outcome.warnings.is_empty(), "{:?}", outcome.warnings);
    assert_eq!(frames.len(), 9);
    let link_types: Vec<u16> = frames.iter().map(|f| f.link_type.0).collect();
    assert_eq!(link_types, [276, 276, 276, 1, 101, 1, 101, 1, 101]);
    assert_eq!(frames[3].description.as_deref(), Some("pod.pcap"));
    assert_eq!(frames[4].interface.as_deref(), Some("raw0"));

    // Export some of it again: only the interfaces used, in the file's order.
    let (again, missing) = export_frames("merged.pcapng", &merged, &[9, 5, 2], &[], &|_| vec![]);
    assert!(missing.is_empty());
    let (back, outcome) = read(&again);
    assert_eq!(outcome.error, None);
    let link_types: Vec<u16> = back.iter().map(|f| f.link_type.0).collect();
    assert_eq!(link_types, [276, 101, 101]);
    assert_eq!(back[1].data, frames[4].data);
    assert_eq!(back[2].time, frames[8].time);
    let mut reader = dropscope_core::capture::CaptureReader::new();
    reader.push(&again, |_| {});
    let names: Vec<_> = reader.interfaces().iter().map(|i| i.name.clone()).collect();
    assert_eq!(names, [None, Some("raw0".to_string())]);
}

/// A temporary file, removed when dropped (even when an assertion fails).
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, bytes: &[u8]) -> TempFile {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let path = std::env::temp_dir().join(format!(
            "dropscope-export-{}-{nanos}-{name}.pcapng",
            std::process::id()
        ));
        std::fs::write(&path, bytes).unwrap();
        TempFile(path)
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// Runs a Wireshark tool; asserts it succeeded and complained of nothing.
fn run(tool: &str, args: &[&str], file: &Path) -> String {
    let output = Command::new(tool)
        .args(args)
        .arg(file)
        .output()
        .unwrap_or_else(|e| panic!("{tool}: {e}"));
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{tool} failed: {stderr}");
    // tshark warns about running as root; anything else is a complaint about the file.
    let complaints: Vec<&str> = stderr
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.contains("could be dangerous"))
        .collect();
    assert!(complaints.is_empty(), "{tool} complained: {stderr}");
    stdout
}

/// tshark's view of a file, one row of fields per packet.
fn tshark_rows(file: &Path) -> Vec<Vec<String>> {
    let fields = [
        "frame.number",
        "frame.time_epoch",
        "frame.len",
        "frame.cap_len",
        "frame.comment",
        "frame.interface_name",
        "frame.interface_description",
        "frame.packet_flags_direction",
        "frame.protocols",
    ];
    let mut args = vec!["-T", "fields", "-E", "aggregator=|"];
    for field in &fields {
        args.extend(["-e", field]);
    }
    args.push("-r");
    run(TSHARK, &args, file)
        .lines()
        .map(|line| line.split('\t').map(str::to_string).collect())
        .collect()
}

fn tshark_missing() -> bool {
    if Path::new(TSHARK).exists() {
        return false;
    }
    // Straight to stderr: the test harness would hide a println! of a passing test.
    let _ = std::io::Write::write_all(
        &mut std::io::stderr(),
        format!("SKIPPED: {TSHARK} is not installed; the export was not checked with tshark\n")
            .as_bytes(),
    );
    true
}

#[test]
fn export_read_by_tshark_has_every_packet_with_its_comments() {
    if tshark_missing() {
        return;
    }
    for file in [
        "d_bridge_nf_off.any.pcap",
        "lab/bridge_nf_off.pod.pcap",
        "lab/bridge_nf_off.node.sll1.pcap",
        "lab/bridge_nf_off.node.pcapng",
    ] {
        let original = example(file);
        let (frames, _) = read(&original);
        let wanted: Vec<u64> = frames.iter().map(|f| f.number).step_by(3).collect();
        let comment = comment_of(file);
        let section = format!("frames of {file} exported by the test");
        let (exported, missing) =
            export_frames(file, &original, &wanted, &[&section, "second"], &comment);
        assert!(missing.is_empty());
        let temp = TempFile::new(&file.replace('/', "_"), &exported);
        let rows = tshark_rows(&temp.0);
        let mut expected: Vec<&Frame> = frames
            .iter()
            .filter(|f| wanted.contains(&f.number))
            .collect();
        expected.sort_by_key(|f| (f.time, f.number));
        assert_eq!(rows.len(), expected.len(), "{file}");
        for (at, (row, want)) in rows.iter().zip(&expected).enumerate() {
            assert_eq!(row[0], (at + 1).to_string(), "{file}");
            assert_eq!(row[1], want.time.unwrap().to_string(), "{file}");
            assert_eq!(row[2], want.original_len.to_string(), "{file}");
            assert_eq!(row[3], want.data.len().to_string(), "{file}");
            assert_eq!(row[4], comment(want.number)[0], "{file}");
            // tshark shows the description as the name of an interface that has none.
            let name = want.interface.as_deref().unwrap_or(file);
            assert_eq!(row[5], name, "{file}");
            assert_eq!(row[6], file, "{file}");
        }
        if Path::new(CAPINFOS).exists() {
            let info = run(CAPINFOS, &["-k"], &temp.0);
            assert!(info.contains(&section), "{file}: {info}");
            assert!(info.contains("second"), "{file}: {info}");
        }
    }
}

#[test]
fn export_read_by_tshark_has_several_link_types_directions_and_comments() {
    if tshark_missing() {
        return;
    }
    let temp = TempFile::new("mixed", &mixed_file());
    let rows = tshark_rows(&temp.0);
    let summary: Vec<String> = rows
        .iter()
        .map(|r| {
            format!(
                "{} {} {} {}",
                r[5],
                r[7],
                r[8].split(':').next().unwrap(),
                r[4]
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            "any.pcap  sll SLL2 frame 1",
            "any.pcap  sll SLL2 frame 2",
            "any.pcap  sll SLL2 frame 3",
            "pod.pcap 0x00000001 eth Ethernet frame 3|and a second comment",
            "raw0 0x00000002 raw raw IP copy",
            "pod.pcap 0x00000002 eth Ethernet frame 7|and a second comment",
            "raw0 0x00000002 raw raw IP copy",
            "pod.pcap 0x00000001 eth Ethernet frame 8|and a second comment",
            "raw0 0x00000002 raw raw IP copy",
        ]
    );
    // Decoded past the link layer: the raw copies are IP.
    assert!(rows.iter().all(|r| r[8].contains(":ip")), "{rows:?}");
    if Path::new(CAPINFOS).exists() {
        let info = run(CAPINFOS, &["-k"], &temp.0);
        assert!(info.contains("naïve comment, with a comma"), "{info}");
    }

    // Exported again: a pcapng packet keeps its direction and its comments, after ours.
    let (again, _) = export_frames("merged.pcapng", &mixed_file(), &[5, 4], &[], &|frame| {
        vec![format!("again {frame}")]
    });
    let temp = TempFile::new("again", &again);
    let summary: Vec<String> = tshark_rows(&temp.0)
        .iter()
        .map(|r| format!("{} {} {}", r[5], r[7], r[4]))
        .collect();
    assert_eq!(
        summary,
        [
            "pod.pcap 0x00000001 again 4|Ethernet frame 3|and a second comment",
            "raw0 0x00000002 again 5|raw IP copy",
        ]
    );
}

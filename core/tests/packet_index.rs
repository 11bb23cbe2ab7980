//! The viewer's side of the core, on the example captures: the packet index points at the
//! right bytes, a packet read again describes as it did, filters keep what they say, and a
//! report survives the JSON round trip the browser's worker puts it through.

use std::path::PathBuf;

use dropscope_core::analyzer::{AnalyzeOptions, Analyzer};
use dropscope_core::capture::{CaptureReader, FrameSlice, RecordKind};
use dropscope_core::decode::decode;
use dropscope_core::packets::{describe, PacketFilter, PacketIndex, PacketRow};
use dropscope_core::report::Report;

fn examples() -> Vec<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../public/examples");
    let mut files = Vec::new();
    for dir in [root.clone(), root.join("lab")] {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_file()
                && path
                    .extension()
                    .is_some_and(|e| e == "pcap" || e == "pcapng")
            {
                files.push(path);
            }
        }
    }
    files.sort();
    assert!(files.len() >= 21, "the example captures are missing");
    files
}

fn analyse(bytes: &[u8], chunk: usize) -> (Report, PacketIndex) {
    let mut analyzer = Analyzer::new(AnalyzeOptions {
        index_packets: true,
        ..AnalyzeOptions::default()
    });
    for part in bytes.chunks(chunk) {
        analyzer.push(part);
    }
    let (report, index) = analyzer.finish_indexed();
    (report, index.expect("asked for an index"))
}

/// Reads a packet again from the file, as the viewer does.
fn reread<'a>(bytes: &'a [u8], row: &PacketRow) -> FrameSlice<'a> {
    let start = row.data_offset as usize;
    row.frame(&bytes[start..start + row.captured as usize])
}

#[test]
fn every_row_points_at_its_packets_bytes_whatever_the_chunk_size() {
    for path in examples() {
        let bytes = std::fs::read(&path).unwrap();
        let mut frames = Vec::new();
        let mut reader = CaptureReader::new();
        reader.push(&bytes, |frame| {
            if frame.kind == RecordKind::Packet {
                frames.push((frame.number, frame.data.to_vec()));
            }
        });
        for chunk in [7, 4096, usize::MAX] {
            let (report, index) = analyse(&bytes, chunk);
            assert_eq!(
                index.len() as u64,
                report.analysis.capture.packets,
                "{path:?}"
            );
            assert_eq!(index.len(), frames.len(), "{path:?}");
            for (row, (number, data)) in index.rows().iter().zip(&frames) {
                assert_eq!(row.frame, *number, "{path:?}");
                assert_eq!(
                    reread(&bytes, row).data,
                    &data[..],
                    "{path:?} frame {number}, chunk {chunk}"
                );
            }
        }
    }
}

#[test]
fn a_packet_read_again_describes_as_the_capture_shows_it() {
    let bytes = std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../public/examples/d_bridge_nf_off.any.pcap"),
    )
    .unwrap();
    let (_, index) = analyse(&bytes, 4096);
    // Frame 3: the SYN after DNAT, 10.244.0.10:60986 → 10.244.0.20:8080 on the bridge.
    let row = index.row_of_frame(3).unwrap();
    let frame = reread(&bytes, row);
    let description = describe(&decode(&frame));
    assert_eq!(description.protocol, "TCP");
    assert_eq!(description.source, "10.244.0.10");
    assert_eq!(description.destination, "10.244.0.20");
    assert!(
        description.info.starts_with("60986 → 8080 [SYN]"),
        "{}",
        description.info
    );
    let names: Vec<&str> = description.layers.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(names, ["Linux cooked capture v2", "IPv4", "TCP"]);
    // Frame 8: the client's reset.
    let description = describe(&decode(&reread(&bytes, index.row_of_frame(8).unwrap())));
    assert!(description.info.contains("[RST]"), "{}", description.info);
}

#[test]
fn a_vxlan_packet_lists_outer_and_inner_layers() {
    let bytes = std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../public/examples/b_syn_backoff_vxlan8472.any.pcap"),
    )
    .unwrap();
    let (_, index) = analyse(&bytes, 4096);
    let encapsulated = index
        .rows()
        .iter()
        .map(|row| describe(&decode(&reread(&bytes, row))))
        .find(|d| d.layers.iter().any(|l| l.name == "VXLAN"))
        .expect("capture b carries VXLAN");
    assert!(
        encapsulated.info.starts_with("VXLAN 1: "),
        "{}",
        encapsulated.info
    );
    let vxlan = encapsulated
        .layers
        .iter()
        .position(|l| l.name == "VXLAN")
        .unwrap();
    assert!(encapsulated.layers[..=vxlan].iter().all(|l| !l.inner));
    assert!(encapsulated.layers[vxlan + 1..].iter().all(|l| l.inner));
    assert!(encapsulated.layers[vxlan + 1..]
        .iter()
        .any(|l| l.name == "TCP"));
}

#[test]
fn filters_keep_what_they_say() {
    let bytes = std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../public/examples/d_bridge_nf_off.any.pcap"),
    )
    .unwrap();
    let (report, index) = analyse(&bytes, 4096);
    let everything = index.matching(&PacketFilter::default());
    assert_eq!(everything.len(), index.len());

    let port = PacketFilter::parse("port 8080", |_| None).unwrap();
    let kept = index.matching(&port);
    assert!(!kept.is_empty() && kept.len() < index.len());
    for &at in &kept {
        let row = &index.rows()[at as usize];
        assert!(row.source_port == 8080 || row.destination_port == 8080);
    }

    // The connection's legs: the client's view (to the ClusterIP) and the pod's (DNATed).
    let connection = &report.analysis.connections[0];
    let legs = PacketFilter {
        endpoint_pairs: connection.legs.iter().map(|l| (l.from, l.to)).collect(),
        ..PacketFilter::default()
    };
    let kept: Vec<u64> = index
        .matching(&legs)
        .iter()
        .map(|&at| index.rows()[at as usize].frame)
        .collect();
    // Every TCP packet of capture d belongs to that one connection (its SYN retries reuse the
    // port), and none of its ARP packets do.
    let expected: Vec<u64> = index
        .rows()
        .iter()
        .filter(|r| r.protocol == 6)
        .map(|r| r.frame)
        .collect();
    assert_eq!(report.analysis.connections.len(), 1);
    assert_eq!(kept, expected);
    assert!(kept.len() < index.len());
    assert!(connection
        .legs
        .iter()
        .flat_map(|l| &l.frames)
        .all(|f| kept.contains(f)));

    let unknown_address = PacketFilter::parse("192.0.2.99", |_| None).unwrap();
    assert!(index.matching(&unknown_address).is_empty());
}

#[test]
fn reports_survive_the_json_round_trip() {
    for path in examples() {
        let bytes = std::fs::read(&path).unwrap();
        let (report, _) = analyse(&bytes, 1 << 20);
        let json = serde_json::to_string(&report).unwrap();
        let back: Report = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{path:?}: {e}"));
        assert_eq!(serde_json::to_string(&back).unwrap(), json, "{path:?}");
        for (a, b) in report.findings.iter().zip(&back.findings) {
            assert!(std::ptr::eq(a.explanation, b.explanation));
        }
    }
}

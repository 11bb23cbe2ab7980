//! The worker's answers, over every built-in example.

use dropscope_core::report::Report;

use super::*;
use crate::examples::{example, gallery};
use crate::protocol::{ExportFormat, Selection};
use dropscope_core::names::Names;

fn open(bytes: &'static [u8]) -> Session {
    let mut read = |_file: u32, offset: u64, len: usize| -> Result<Vec<u8>, String> {
        let start = offset as usize;
        bytes
            .get(start..start + len)
            .map(<[u8]>::to_vec)
            .ok_or_else(|| "out of range".to_string())
    };
    let mut slices = 0;
    let session = analyse(
        &[("test.pcap".to_string(), bytes.len() as u64)],
        &mut read,
        &mut |_, _| slices += 1,
    )
    .expect("in-memory reads do not fail");
    assert!(slices >= 1);
    session
}

fn reader(bytes: &'static [u8]) -> impl FnMut(u32, u64, usize) -> Result<Vec<u8>, String> {
    move |_file, offset, len| {
        let start = offset as usize;
        Ok(bytes[start..start + len].to_vec())
    }
}

#[test]
fn every_example_opens_with_its_findings_and_scenes() {
    for example in gallery() {
        let session = open(example.bytes);
        let overview = session.overview(1.0);
        // A failure shows at least a finding (an inefficiency, like a DNS search chain, only
        // an informational one); a healthy example no warning.
        let warned = overview
            .findings
            .iter()
            .any(|f| f.severity >= dropscope_core::signatures::Severity::Warning);
        assert!(
            if example.healthy() {
                !warned
            } else {
                !overview.findings.is_empty()
            },
            "{}: {:?}",
            example.id(),
            overview
                .findings
                .iter()
                .map(|f| f.signature)
                .collect::<Vec<_>>()
        );
        for at in 0..overview.findings.len() {
            let scene = session.scene(Selection::Finding(at)).unwrap();
            assert!(
                !scene.journeys.is_empty(),
                "{}: finding {at} has no journeys",
                example.id()
            );
            if let Some(frame) = scene.failure_frame {
                assert!(
                    scene.journeys.iter().any(|j| j.frames.contains(&frame)),
                    "{}: the failure frame {frame} is in none of the scene's journeys",
                    example.id()
                );
            }
            assert!(!scene.requests.is_empty(), "{}: no requests", example.id());
        }
        for connection in overview.connections.iter().take(5) {
            let scene = session.scene(Selection::Connection(connection.id)).unwrap();
            assert_eq!(scene.client, Some(connection.client));
            // A connection open before the capture began has no handshake to show.
            if connection.attempts > 0 {
                assert!(!scene.journeys.is_empty(), "{}", example.id());
            }
        }
    }
}

#[test]
fn a_finding_scene_holds_the_connection_and_who_reset_it() {
    let session = open(example("bridge-nf-off").unwrap().bytes);
    let scene = session.scene(Selection::Finding(0)).unwrap();
    assert!(scene.title.starts_with("reply-bypasses-conntrack"));
    assert_eq!(scene.failure_frame, Some(6));
    assert_eq!(scene.client.unwrap().to_string(), "10.244.0.10:60986");
    assert_eq!(scene.server.unwrap().to_string(), "10.96.0.10:80");
    assert_eq!(scene.requests.len(), 7, "seven SYNs");
    assert!(!scene.resets.is_empty());
    assert!(scene
        .resets
        .iter()
        .all(|r| r.by == Side::Client && r.from.to_string().starts_with("10.244.0.10:")));
    assert!(session.scene(Selection::Finding(9)).is_err());
    assert!(session.scene(Selection::Connection(999)).is_err());
}

#[test]
fn a_dns_finding_scene_holds_its_queries_and_answers() {
    let session = open(example("dns-aaaa-drop").unwrap().bytes);
    let scene = session.scene(Selection::Finding(0)).unwrap();
    assert!(scene.connection.is_none());
    assert!(scene.requests.len() >= 2, "{:?}", scene.requests);
    assert!(!scene.answers.is_empty());
    assert!(scene
        .journeys
        .iter()
        .any(|j| j.packet.starts_with("DNS query")));
}

#[test]
fn rows_page_through_the_capture_and_filter() {
    let bytes = example("bridge-nf-off").unwrap().bytes;
    let mut session = open(bytes);
    let packets = session.report().analysis.capture.packets as u32;
    let mut read = reader(bytes);
    let page = session.rows("", None, 0, 10, &mut read);
    assert_eq!(page.total, packets);
    assert_eq!(page.rows.len(), 10);
    assert_eq!(page.rows[0].frame, 1);
    assert_eq!(page.rows[0].protocol, "TCP");
    assert_eq!(page.rows[0].time, Some(0.0));
    assert!(page.rows[0].info.contains("[SYN]"), "{}", page.rows[0].info);
    let tail = session.rows("", None, packets - 3, 10, &mut read);
    assert_eq!(tail.rows.len(), 3);
    // A page past the end is empty, not an error.
    assert!(session
        .rows("", None, packets + 5, 10, &mut read)
        .rows
        .is_empty());

    let arp = session.rows("port 8080", None, 0, 500, &mut read);
    assert!(arp.total > 0 && arp.total < packets);
    assert!(arp.rows.iter().all(|r| r.info.contains("8080")));

    let bad = session.rows("bogus", None, 0, 10, &mut read);
    assert!(bad.error.unwrap().contains("`bogus`"));

    let scoped = session.rows("", Some(Selection::Finding(0)), 0, 500, &mut read);
    assert!(
        scoped.total > 0 && scoped.total < packets,
        "ARP is not the connection's"
    );
    let by_interface = session.rows("if3", Some(Selection::Finding(0)), 0, 500, &mut read);
    assert!(by_interface.total > 0 && by_interface.total < scoped.total);
    assert!(by_interface.rows.iter().all(|r| r.interface == "if3"));
}

#[test]
fn a_finding_without_a_connection_scopes_rows_to_its_frames() {
    let bytes = example("dns-aaaa-drop").unwrap().bytes;
    let mut session = open(bytes);
    let mut read = reader(bytes);
    let scoped = session.rows("", Some(Selection::Finding(0)), 0, 500, &mut read);
    assert!(scoped.total > 0);
    assert!(
        scoped.rows.iter().all(|r| r.protocol == "DNS"),
        "{:?}",
        scoped.rows
    );
    let none = session.rows("frame 1", Some(Selection::Finding(0)), 0, 500, &mut read);
    assert!(none.rows.iter().all(|r| r.frame == 1));
}

#[test]
fn packet_detail_has_layers_and_bytes() {
    let bytes = example("vxlan-syn-backoff").unwrap().bytes;
    let session = open(bytes);
    let mut read = reader(bytes);
    let detail = session.detail(30, &mut read).unwrap();
    assert_eq!(detail.bytes.len() as u32, detail.captured);
    assert_eq!(detail.interface, "if2");
    let names: Vec<&str> = detail
        .description
        .layers
        .iter()
        .map(|l| l.name.as_str())
        .collect();
    assert!(names.contains(&"VXLAN"), "{names:?}");
    assert!(session.detail(100_000, &mut read).is_err());
}

#[test]
fn exports_are_the_report_and_its_findings() {
    let session = open(example("vxlan-syn-backoff").unwrap().bytes);
    let json = session.export(ExportFormat::Json);
    let report: Report = serde_json::from_str(&json).unwrap();
    assert_eq!(report.findings.len(), session.report().findings.len());
    let markdown = session.export(ExportFormat::Markdown);
    assert!(markdown.starts_with("# dropscope: test.pcap"));
    assert!(markdown.contains("(`vxlan-syn-loss`)"));
    assert!(markdown.contains("**Fix:**"));
    assert!(markdown.contains("```sh"));
}

/// A pcap of `copies` copies of a pcap's records, each copy 100 s after the one before.
fn repeated(base: &[u8], copies: u32) -> Vec<u8> {
    let mut out = base[..24].to_vec();
    for copy in 0..copies {
        let mut records = base[24..].to_vec();
        let mut at = 0;
        while at + 16 <= records.len() {
            let seconds = u32::from_le_bytes(records[at..at + 4].try_into().unwrap()) + copy * 100;
            records[at..at + 4].copy_from_slice(&seconds.to_le_bytes());
            at += 16 + u32::from_le_bytes(records[at + 8..at + 12].try_into().unwrap()) as usize;
        }
        out.extend(records);
    }
    out
}

#[test]
fn a_scene_of_thousands_of_retries_is_capped_and_keeps_its_failure() {
    let bytes: &'static [u8] =
        Box::leak(repeated(example("bridge-nf-off").unwrap().bytes, 200).into_boxed_slice());
    let session = open(bytes);
    let scene = session.scene(Selection::Finding(0)).unwrap();
    assert_eq!(scene.journeys.len(), MAX_SCENE_JOURNEYS);
    assert_eq!(
        scene.omitted,
        200 * 7 * 3 - MAX_SCENE_JOURNEYS,
        "SYN, SYN-ACK and RST of 1 400 attempts"
    );
    let frame = scene.failure_frame.unwrap();
    assert!(scene.journeys.iter().any(|j| j.frames.contains(&frame)));
}

/// Two nodes' captures of one failure, opened together.
#[test]
fn two_captures_are_one_session() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../public/examples/lab");
    let files: Vec<Vec<u8>> = [
        "vxlan_checksum_bug63.node1.any.pcap",
        "vxlan_checksum_bug63.node2.any.pcap",
    ]
    .iter()
    .map(|name| std::fs::read(dir.join(name)).unwrap())
    .collect();
    let mut read = |file: u32, offset: u64, len: usize| -> Result<Vec<u8>, String> {
        let bytes = &files[file as usize];
        Ok(bytes[offset as usize..offset as usize + len].to_vec())
    };
    let mut session = analyse(
        &[
            ("node1.pcap".to_string(), files[0].len() as u64),
            ("node2.pcap".to_string(), files[1].len() as u64),
        ],
        &mut read,
        &mut |_, _| {},
    )
    .unwrap();
    let overview = session.overview(0.0);
    assert_eq!(overview.capture.files.len(), 2);
    assert_eq!(overview.findings.len(), 1);
    assert_eq!(session.labels(), ["node1.pcap", "node2.pcap"]);
    // Every packet of both, in time order on the first capture's clock.
    let page = session.rows("", None, 0, 500, &mut read);
    assert_eq!(page.total as u64, overview.capture.packets);
    let files_seen: Vec<u32> = page
        .rows
        .iter()
        .map(|r| dropscope_core::files::file_of(r.frame))
        .collect();
    assert!(files_seen.contains(&0) && files_seen.contains(&1));
    let times: Vec<f64> = page.rows.iter().filter_map(|r| r.time).collect();
    assert!(
        times.windows(2).all(|w| w[0] <= w[1] + 1e-9),
        "rows in time order"
    );
    // A packet of the second capture, by its id.
    let second = page
        .rows
        .iter()
        .find(|r| dropscope_core::files::file_of(r.frame) == 1)
        .unwrap();
    let detail = session.detail(second.frame, &mut read).unwrap();
    assert!(
        detail.interface.starts_with("node2.pcap:"),
        "{}",
        detail.interface
    );
    // An interface filter names one capture's interface.
    let on_node2 = session.rows("node2.pcap:if2", None, 0, 500, &mut read);
    assert!(on_node2.total > 0);
    assert!(on_node2
        .rows
        .iter()
        .all(|r| dropscope_core::files::file_of(r.frame) == 1));
    // The browser test filters on `tcp` (the packets inside the tunnel are TCP).
    assert!(session.rows("tcp", None, 0, 10, &mut read).total > 0);
    // What the list shows, taken away as pcapng: those packets, the filter as its comment.
    let (name, bytes) = session
        .filtered_pcapng("node2.pcap:if2", None, &mut read)
        .unwrap();
    assert!(name.ends_with(".filtered.pcapng"), "{name}");
    let mut analyzer = Analyzer::new(AnalyzeOptions::default());
    analyzer.push(&bytes);
    let exported = analyzer.finish();
    assert_eq!(exported.analysis.capture.packets, on_node2.total as u64);
    assert!(bytes
        .windows("node2.pcap:if2".len())
        .any(|w| w == b"node2.pcap:if2"));
    // A filter that does not parse is an error, not an empty file.
    assert!(session
        .filtered_pcapng("port 99999999", None, &mut read)
        .is_err());
    // The finding's scene crosses the captures.
    let scene = session.scene(Selection::Finding(0)).unwrap();
    assert!(scene
        .journeys
        .iter()
        .any(|j| j.hops.iter().any(|h| h.file == 0) && j.hops.iter().any(|h| h.file == 1)));
}

/// The cluster's names: the capture read again with its interfaces named, addresses named.
#[test]
fn names_name_the_interfaces_and_the_addresses() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let bytes = std::fs::read(root.join("public/examples/d_bridge_nf_off.any.pcap")).unwrap();
    let mut names = Names::new();
    for file in ["node-a.ip-link.txt", "pods.txt", "services.txt"] {
        let text = std::fs::read_to_string(root.join("tests/names").join(file)).unwrap();
        names.add(file, &text);
    }
    let mut read = |_file: u32, offset: u64, len: usize| -> Result<Vec<u8>, String> {
        Ok(bytes[offset as usize..offset as usize + len].to_vec())
    };
    let session = analyse_named(
        &[("d.pcap".to_string(), bytes.len() as u64)],
        &names,
        &HashMap::new(),
        &mut read,
        &mut |_, _| {},
    )
    .unwrap();
    let report = session.report();
    let names_of: Vec<&str> = report
        .analysis
        .interfaces
        .iter()
        .map(|i| i.name.as_str())
        .collect();
    assert_eq!(names_of, ["cni0", "veth7c1a2b3d", "veth9e8f7a6b"]);
    dropscope_core::names::set_book(report.names.clone());
    let summary = report.findings[0].summary.to_string();
    dropscope_core::names::set_book(Default::default());
    assert!(
        summary.contains("pod default/client-7d9f8c6b5-x2x9q (10.244.0.10:60986)"),
        "{summary}"
    );
}

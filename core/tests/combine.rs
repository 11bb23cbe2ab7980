//! Several captures as one, on the lab's captures taken at the same time in different places
//! (both nodes, a pod and its node, the node and the load balancer): the finding uses every
//! capture's evidence, journeys cross captures, clocks line up within a millisecond.

use std::collections::HashMap;
use std::path::PathBuf;

use dropscope_core::analyzer::{AnalyzeOptions, Analyzer};
use dropscope_core::combine::{combine, ClockSource};
use dropscope_core::files::{file_of, set_labels};
use dropscope_core::report::Report;
use dropscope_core::signatures::Severity;

fn lab(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../public/examples/lab")
        .join(name)
}

fn analyse(file: u32, bytes: &[u8]) -> Report {
    let mut analyzer = Analyzer::new(AnalyzeOptions {
        file,
        ..AnalyzeOptions::default()
    });
    analyzer.push(bytes);
    analyzer.finish()
}

fn together(names: &[&str], given: &HashMap<usize, f64>) -> Report {
    let reports = names
        .iter()
        .enumerate()
        .map(|(file, name)| {
            let bytes = std::fs::read(lab(name)).unwrap();
            (name.to_string(), analyse(file as u32, &bytes))
        })
        .collect();
    combine(reports, given)
}

fn alarms(report: &Report) -> Vec<&'static str> {
    report
        .findings
        .iter()
        .filter(|f| f.severity >= Severity::Warning)
        .map(|f| f.signature)
        .collect()
}

/// The files a finding's evidence comes from.
fn evidence_files(report: &Report) -> Vec<u32> {
    let mut files: Vec<u32> = report.findings[0]
        .evidence
        .iter()
        .flat_map(|e| e.frames.iter().map(|f| file_of(*f)))
        .collect();
    files.sort_unstable();
    files.dedup();
    files
}

fn offsets(report: &Report) -> Vec<f64> {
    report
        .analysis
        .capture
        .files
        .iter()
        .map(|f| f.clock_offset)
        .collect()
}

#[test]
fn both_nodes_of_the_vxlan_checksum_bug_make_one_finding_from_the_receiving_node() {
    let report = together(
        &[
            "vxlan_checksum_bug63.node1.any.pcap",
            "vxlan_checksum_bug63.node2.any.pcap",
        ],
        &HashMap::new(),
    );
    assert_eq!(alarms(&report), ["vxlan-syn-loss"]);
    let finding = &report.findings[0];
    // The receiving node says where it died; the sending node adds that the SYNs left.
    assert_eq!(finding.failure_frame.map(file_of), Some(1));
    assert_eq!(evidence_files(&report), [0, 1]);
    assert!(finding
        .evidence
        .iter()
        .any(|e| e.what.id == "in-capture" && e.frames.iter().all(|f| file_of(*f) == 0)));
    // One connection, its SYNs' journeys crossing from node1 to node2.
    assert_eq!(report.analysis.connections.len(), 1);
    let crossing = report
        .analysis
        .journeys
        .iter()
        .filter(|j| j.hops.iter().any(|h| h.file == 0) && j.hops.iter().any(|h| h.file == 1))
        .count();
    assert!(crossing >= 7, "{crossing} journeys cross the two captures");
    // As JSON a hop names its capture and its frame number there (as Wireshark shows it in
    // that file); read back, it is the same hop.
    let json = serde_json::to_value(&report).unwrap();
    let hops = json["journeys"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|j| j["hops"].as_array().unwrap().clone())
        .collect::<Vec<_>>();
    let on_node2 = hops.iter().find(|h| h["file"] == 1).unwrap();
    let number = on_node2["frame"].as_u64().unwrap();
    assert!(number < 1 << 40, "a frame number, not an id: {number}");
    let node2 = std::fs::read(lab("vxlan_checksum_bug63.node2.any.pcap")).unwrap();
    assert!(number <= analyse(1, &node2).analysis.capture.frames);
    let again: Report = serde_json::from_value(json).unwrap();
    let ids = |r: &Report| -> Vec<u64> {
        r.analysis
            .journeys
            .iter()
            .flat_map(|j| j.hops.iter().map(|h| h.frame))
            .collect()
    };
    assert_eq!(ids(&again), ids(&report));
    // The same machine's clock: lined up within a millisecond.
    let files = &report.analysis.capture.files;
    assert_eq!(files[0].clock, ClockSource::Reference);
    assert!(
        matches!(files[1].clock, ClockSource::Matched { with: 0, packets, .. } if packets >= 7)
    );
    assert!(offsets(&report)[1].abs() < 1e-3, "{:?}", offsets(&report));
}

#[test]
fn the_dns_answer_lost_on_the_clients_node_is_placed_there_with_the_servers_node_evidence() {
    let report = together(
        &["dns_lossy.node1.any.pcap", "dns_lossy.node2.any.pcap"],
        &HashMap::new(),
    );
    assert_eq!(alarms(&report), ["dns-conntrack-race"]);
    assert_eq!(report.findings[0].failure_frame.map(file_of), Some(0));
    assert_eq!(evidence_files(&report), [0, 1]);
    assert!(offsets(&report)[1].abs() < 1e-3);
    assert_eq!(
        report.analysis.dns.len(),
        2,
        "the A and AAAA queries, once each"
    );
}

#[test]
fn the_hairpin_with_the_load_balancers_capture_is_one_finding() {
    for policy in ["local", "cluster"] {
        let node = format!("lb_hairpin_{policy}.node.any.pcap");
        let lb = format!("lb_hairpin_{policy}.lb.pcap");
        let report = together(&[&node, &lb], &HashMap::new());
        assert_eq!(alarms(&report), ["lb-hairpin-client-ip"], "{policy}");
        assert_eq!(evidence_files(&report), [0, 1], "{policy}");
        assert_eq!(report.findings[0].failure_frame.map(file_of), Some(0));
        assert!(offsets(&report)[1].abs() < 1e-3, "{policy}");
    }
}

#[test]
fn a_pods_capture_with_its_nodes_prefers_the_nodes_view() {
    let report = together(
        &["bridge_nf_off.pod.pcap", "bridge_nf_off.node.any.pcap"],
        &HashMap::new(),
    );
    assert_eq!(alarms(&report), ["reply-bypasses-conntrack"]);
    assert_eq!(report.findings[0].failure_frame.map(file_of), Some(1));
    assert!(offsets(&report)[1].abs() < 1e-3);
    // The pod's and the node's SYN-ACK are one journey: the pod's eth0 after the bridge.
    let syn_ack = report
        .analysis
        .journeys
        .iter()
        .find(|j| j.packet == "TCP SYN-ACK" && j.hops.iter().any(|h| h.file == 0))
        .unwrap();
    assert!(syn_ack.hops.iter().any(|h| h.file == 1));
    assert_eq!(syn_ack.hops.last().unwrap().file, 0, "it ends in the pod");
}

#[test]
fn healthy_captures_together_stay_healthy() {
    for set in [
        [
            "vxlan_checksum_fixed.node1.any.pcap",
            "vxlan_checksum_fixed.node2.any.pcap",
        ],
        ["dns_ok.node1.any.pcap", "dns_ok.node2.any.pcap"],
        ["lb_hairpin_snat.node.any.pcap", "lb_hairpin_snat.lb.pcap"],
        ["bridge_nf_on.pod.pcap", "bridge_nf_on.node.any.pcap"],
    ] {
        let report = together(&set, &HashMap::new());
        assert_eq!(alarms(&report), Vec::<&str>::new(), "{set:?}");
    }
}

#[test]
fn one_capture_is_left_as_it_is() {
    let bytes = std::fs::read(lab("dns_lossy.node1.any.pcap")).unwrap();
    let alone = serde_json::to_string(&analyse(0, &bytes)).unwrap();
    let combined = combine(
        vec![("dns_lossy.node1.any.pcap".into(), analyse(0, &bytes))],
        &HashMap::new(),
    );
    assert_eq!(serde_json::to_string(&combined).unwrap(), alone);
}

/// A copy of a classic pcap whose clock runs `seconds` ahead.
fn shifted_pcap(bytes: &[u8], seconds: f64) -> Vec<u8> {
    let mut out = bytes.to_vec();
    let magic = u32::from_le_bytes(bytes[0..4].try_into().unwrap());
    assert_eq!(magic, 0xa1b2_c3d4, "a little-endian microsecond pcap");
    let shift = (seconds * 1e6).round() as i64;
    let mut at = 24;
    while at + 16 <= out.len() {
        let secs = u32::from_le_bytes(out[at..at + 4].try_into().unwrap()) as i64;
        let micros = u32::from_le_bytes(out[at + 4..at + 8].try_into().unwrap()) as i64;
        let total = secs * 1_000_000 + micros + shift;
        out[at..at + 4].copy_from_slice(&((total / 1_000_000) as u32).to_le_bytes());
        out[at + 4..at + 8].copy_from_slice(&((total % 1_000_000) as u32).to_le_bytes());
        let captured = u32::from_le_bytes(out[at + 8..at + 12].try_into().unwrap()) as usize;
        at += 16 + captured;
    }
    out
}

#[test]
fn a_clock_that_is_off_is_found_and_corrected() {
    let node1 = std::fs::read(lab("vxlan_lossy63.node1.any.pcap")).unwrap();
    let node2 = std::fs::read(lab("vxlan_lossy63.node2.any.pcap")).unwrap();
    // node2's clock 2.5 s ahead (and its frames' times with it).
    let ahead = shifted_pcap(&node2, 2.5);
    let report = combine(
        vec![
            ("node1.pcap".into(), analyse(0, &node1)),
            ("node2.pcap".into(), analyse(1, &ahead)),
        ],
        &HashMap::new(),
    );
    let offset = offsets(&report)[1];
    assert!(
        (offset + 2.5).abs() < 1e-3,
        "found {offset} s instead of -2.5 s"
    );
    assert_eq!(alarms(&report), ["vxlan-syn-loss"]);
    // Given by hand, the offset is used as given.
    let given = combine(
        vec![
            ("node1.pcap".into(), analyse(0, &node1)),
            ("node2.pcap".into(), analyse(1, &ahead)),
        ],
        &HashMap::from([(1, -2.5)]),
    );
    assert_eq!(given.analysis.capture.files[1].clock, ClockSource::Given);
    assert_eq!(offsets(&given)[1], -2.5);
    set_labels(Vec::new());
}

#[test]
fn captures_with_nothing_in_common_keep_their_clocks() {
    let report = together(
        &[
            "dns_ok.node1.any.pcap",
            "vxlan_checksum_fixed.node2.any.pcap",
        ],
        &HashMap::new(),
    );
    assert_eq!(
        report.analysis.capture.files[1].clock,
        ClockSource::Unmatched
    );
    assert_eq!(offsets(&report)[1], 0.0);
}

fn hops(report: &Report) -> usize {
    report.analysis.journeys.iter().map(|j| j.hops.len()).sum()
}

fn copies(report: &Report) -> usize {
    report
        .analysis
        .journeys
        .iter()
        .flat_map(|j| &j.hops)
        .map(|h| h.copies.len())
        .sum()
}

#[test]
fn one_capture_loaded_twice_is_one_sighting_of_each_packet() {
    let bytes = std::fs::read(lab("bridge_nf_off.node.any.pcap")).unwrap();
    let alone = analyse(0, &bytes);
    // The second copy's clock 2.5 s ahead: the same places line the clocks up exactly.
    for (ahead, expected_offset) in [(0.0, 0.0), (2.5, -2.5)] {
        let report = combine(
            vec![
                ("a.pcap".into(), analyse(0, &bytes)),
                ("b.pcap".into(), analyse(1, &shifted_pcap(&bytes, ahead))),
            ],
            &HashMap::new(),
        );
        set_labels(Vec::new());
        assert!((offsets(&report)[1] - expected_offset).abs() < 1e-6);
        assert_eq!(
            report.analysis.journeys.len(),
            alone.analysis.journeys.len()
        );
        assert_eq!(hops(&report), hops(&alone), "no sighting twice");
        assert_eq!(copies(&report), hops(&alone), "each with its copy");
        assert!(report
            .analysis
            .journeys
            .iter()
            .flat_map(|j| &j.hops)
            .all(|h| h.file == 0 && h.copies.iter().all(|c| file_of(*c) == 1)));
        // The finding is the one capture's, its frames those of the first file.
        assert_eq!(alarms(&report), alarms(&alone));
        assert_eq!(report.findings[0].frames, alone.findings[0].frames);
        assert_eq!(report.analysis.connections.len(), 1);
    }
}

#[test]
fn a_node_captured_by_tcpdump_and_dumpcap_at_once_is_one_sighting_of_each_packet() {
    // The lab took `tcpdump -i any` and dumpcap's per-interface pcapng on the same node in
    // the same run; with the interface indexes named, every packet is at the same places.
    let any = std::fs::read(lab("bridge_nf_off.node.any.pcap")).unwrap();
    let pcapng = std::fs::read(lab("bridge_nf_off.node.pcapng")).unwrap();
    let with_names = |file: u32, bytes: &[u8]| {
        let mut analyzer = Analyzer::new(AnalyzeOptions {
            file,
            interface_names: AnalyzeOptions::parse_interface_names("3=vethpoda,2=cni0,4=vethpodb")
                .unwrap(),
            ..AnalyzeOptions::default()
        });
        analyzer.push(bytes);
        analyzer.finish()
    };
    let alone = with_names(0, &any);
    let report = combine(
        vec![
            ("node.any.pcap".into(), with_names(0, &any)),
            ("node.pcapng".into(), with_names(1, &pcapng)),
        ],
        &HashMap::new(),
    );
    set_labels(Vec::new());
    assert_eq!(hops(&report), hops(&alone));
    assert_eq!(copies(&report), hops(&alone));
    assert!(offsets(&report)[1].abs() < 1e-3);
    assert_eq!(alarms(&report), ["reply-bypasses-conntrack"]);
    // Without the names, `if3` and `vethpoda` are not known to be one place: both stay.
    let unnamed = together(
        &["bridge_nf_off.node.any.pcap", "bridge_nf_off.node.pcapng"],
        &HashMap::new(),
    );
    assert_eq!(copies(&unnamed), 0);
    assert_eq!(hops(&unnamed), 2 * hops(&alone));
}

#[test]
fn two_hosts_seeing_the_same_bytes_keep_both_sightings() {
    // Both nodes' uplinks carry the same VXLAN packets, the pod and its node the same pod
    // packets, the load balancer and the node the same hairpinned ones: two places each.
    for set in [
        [
            "vxlan_checksum_bug63.node1.any.pcap",
            "vxlan_checksum_bug63.node2.any.pcap",
        ],
        ["dns_lossy.node1.any.pcap", "dns_lossy.node2.any.pcap"],
        ["lb_hairpin_local.node.any.pcap", "lb_hairpin_local.lb.pcap"],
        ["bridge_nf_off.pod.pcap", "bridge_nf_off.node.any.pcap"],
    ] {
        let report = together(&set, &HashMap::new());
        assert_eq!(copies(&report), 0, "{set:?}");
        let apart: usize = set
            .iter()
            .enumerate()
            .map(|(file, name)| hops(&analyse(file as u32, &std::fs::read(lab(name)).unwrap())))
            .sum();
        assert_eq!(hops(&report), apart, "{set:?}");
    }
}

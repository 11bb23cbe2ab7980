//! Pods named by pcapng packet comments, as ptcpdump writes them (`PodName:`,
//! `PodNamespace:` in a comment on every packet of a pod's process, with the direction flag):
//! the report names the pod's address without any `kubectl` text.

use std::net::IpAddr;
use std::path::PathBuf;

use dropscope_core::analyzer::{AnalyzeOptions, Analyzer};
use dropscope_core::capture::Timestamp;
use dropscope_core::export::{evidence_pcapng, EvidencePacket};
use dropscope_core::journey::Direction;
use dropscope_core::report::Report;

const POD: [u8; 4] = [10, 244, 0, 10];

/// The lab's pod capture of the bridge-nf failure, written again as ptcpdump would: each IPv4
/// packet of the pod with its process and pod comments and its direction.
fn as_ptcpdump_wrote_it(pod_comment: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../public/examples/lab/bridge_nf_off.pod.pcap");
    let bytes = std::fs::read(path).unwrap();
    let mut packets = Vec::new();
    let mut at = 24;
    let mut frame = 0;
    while at + 16 <= bytes.len() {
        let word = |i: usize| u32::from_le_bytes(bytes[at + i..at + i + 4].try_into().unwrap());
        let (secs, micros, captured, original) = (word(0), word(4), word(8) as usize, word(12));
        let data = bytes[at + 16..at + 16 + captured].to_vec();
        at += 16 + captured;
        frame += 1;
        let ipv4 = data.len() >= 34 && data[12..14] == [0x08, 0x00];
        let from_pod = ipv4 && data[26..30] == POD;
        let to_pod = ipv4 && data[30..34] == POD;
        packets.push((
            EvidencePacket {
                frame,
                time: Some(Timestamp {
                    secs: secs as i64,
                    nanos: micros * 1000,
                }),
                link_type: 1,
                interface: "eth0".to_string(),
                data,
                original_len: original,
                direction: if from_pod {
                    Direction::Out
                } else if to_pod {
                    Direction::In
                } else {
                    Direction::Unknown
                },
            },
            from_pod || to_pod,
        ));
    }
    let commented: Vec<u64> = packets
        .iter()
        .filter(|(_, commented)| *commented)
        .map(|(p, _)| p.frame)
        .collect();
    let pod_comment = pod_comment.to_string();
    evidence_pcapng(
        &[],
        packets.into_iter().map(|(p, _)| p).collect(),
        &move |frame| {
            if commented.contains(&frame) {
                vec![
                    "PID: 4242\nCmd: /usr/bin/curl\nArgs: curl -m 5 http://10.96.0.10".to_string(),
                    pod_comment.clone(),
                ]
            } else {
                Vec::new()
            }
        },
    )
}

fn analyse(bytes: &[u8]) -> Report {
    let mut analyzer = Analyzer::new(AnalyzeOptions::default());
    analyzer.push(bytes);
    analyzer.finish()
}

#[test]
fn a_pod_named_in_packet_comments_is_named_in_the_report() {
    let bytes = as_ptcpdump_wrote_it(
        "PodName: client-7d9f8\nPodNamespace: demo\nPodUID: 2b1e\nPodLabels: app=client\nPodAnnotations: ",
    );
    let report = analyse(&bytes);
    let pods = &report.analysis.capture.commented_pods;
    assert_eq!(pods.len(), 1, "{pods:?}");
    assert_eq!(pods[0].address, IpAddr::from(POD));
    assert_eq!(
        (pods[0].namespace.as_str(), pods[0].name.as_str()),
        ("demo", "client-7d9f8")
    );
    // The finding says it, with the pod's name.
    assert_eq!(report.findings[0].signature, "reply-bypasses-conntrack");
    dropscope_core::names::set_book(report.names.clone());
    let summary = report.findings[0].summary.to_string();
    dropscope_core::names::set_book(Default::default());
    assert!(summary.contains("demo/client-7d9f8"), "{summary}");
    // The JSON carries them, and reads back.
    let json = serde_json::to_string(&report).unwrap();
    let again: Report = serde_json::from_str(&json).unwrap();
    assert_eq!(again.analysis.capture.commented_pods, *pods);
}

#[test]
fn names_given_as_text_win_over_comments() {
    let bytes = as_ptcpdump_wrote_it("PodName: client-7d9f8\nPodNamespace: demo");
    let mut report = analyse(&bytes);
    let mut names = dropscope_core::names::Names::new();
    names.add(
        "pods.txt",
        "NAMESPACE   NAME        READY   STATUS    RESTARTS   AGE   IP            NODE     NOMINATED NODE   READINESS GATES\n\
         shop        web-client  1/1     Running   0          1d    10.244.0.10   node-a   <none>           <none>\n",
    );
    report.name_with(&names);
    let named = report
        .names
        .name(IpAddr::from(POD), None)
        .unwrap()
        .to_string();
    assert!(named.contains("shop/web-client"), "{named}");
}

#[test]
fn comments_that_name_no_valid_pod_name_nothing() {
    let bytes = as_ptcpdump_wrote_it("PodName: <b>x</b>\nPodNamespace: demo");
    let report = analyse(&bytes);
    assert!(report.analysis.capture.commented_pods.is_empty());
    assert!(report.names.is_empty());
}

//! The `dropscope` binary as users run it: several captures at once, `--clock`, `--lang`, and
//! what it says when asked wrong.

use std::process::Command;

fn dropscope(args: &[&str]) -> (i32, String, String) {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let output = Command::new(env!("CARGO_BIN_EXE_dropscope"))
        .args(args)
        .current_dir(root)
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

const NODE1: &str = "public/examples/lab/vxlan_checksum_bug63.node1.any.pcap";
const NODE2: &str = "public/examples/lab/vxlan_checksum_bug63.node2.any.pcap";

#[test]
fn two_nodes_captures_are_analysed_as_one() {
    let (code, out, err) = dropscope(&["analyze", NODE1, NODE2, "--json"]);
    assert_eq!(code, 0, "{err}");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    let files = report["capture"]["files"].as_array().unwrap();
    assert_eq!(files.len(), 2);
    assert_eq!(files[1]["clock"]["kind"], "matched");
    assert!(files[1]["clock_offset"].as_f64().unwrap().abs() < 1e-3);
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0]["signature"], "vxlan-syn-loss");
    // Hops say which capture they are in.
    let hops_in = |file: u64| {
        report["journeys"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|j| j["hops"].as_array().unwrap())
            .filter(|h| h["file"] == file)
            .count()
    };
    assert!(hops_in(0) > 0 && hops_in(1) > 0);

    // In words, frames name their capture.
    let (_, text, _) = dropscope(&["analyze", NODE1, NODE2]);
    assert!(
        text.contains("vxlan_checksum_bug63.node2.any.pcap #"),
        "{text}"
    );
    assert!(
        text.contains("#2 public/examples/lab/vxlan_checksum_bug63.node2.any.pcap"),
        "{text}"
    );
}

#[test]
fn a_clock_can_be_given() {
    let clock = format!("--clock={NODE2}=0.25");
    let (code, out, _) = dropscope(&["analyze", NODE1, NODE2, &clock, "--json"]);
    assert_eq!(code, 0);
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["capture"]["files"][1]["clock"]["kind"], "given");
    assert_eq!(report["capture"]["files"][1]["clock_offset"], 0.25);
    let (code, _, err) = dropscope(&["analyze", NODE1, "--clock", "other.pcap=1"]);
    assert_eq!(code, 2);
    assert!(err.contains("not one of the captures given"), "{err}");
}

#[test]
fn explain_speaks_the_language_asked() {
    let (code, out, _) = dropscope(&["explain", "vxlan-syn-loss", "--lang", "zh-TW"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("iptables -t nat -S KUBE-POSTROUTING"),
        "commands stay"
    );
    assert!(
        out.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "{out}"
    );
    let (code, _, err) = dropscope(&["explain", "vxlan-syn-loss", "--lang", "fr"]);
    assert_eq!(code, 2);
    assert!(err.contains("no language `fr`"), "{err}");
}

#[test]
fn a_file_that_is_not_a_capture_is_named_with_its_offset() {
    let (code, _, err) = dropscope(&["analyze", "README.md"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("README.md: at byte 0: not a pcap or pcapng file"),
        "{err}"
    );
}

#[test]
fn the_evidence_of_two_captures_is_written_as_one_pcapng() {
    let out =
        std::env::temp_dir().join(format!("dropscope-evidence-{}.pcapng", std::process::id()));
    let out_arg = out.to_string_lossy().to_string();
    let (code, _, err) = dropscope(&["analyze", NODE1, NODE2, "--export-pcapng", &out_arg]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("packets written to"), "{err}");
    let bytes = std::fs::read(&out).unwrap();
    std::fs::remove_file(&out).ok();
    let mut reader = dropscope_core::capture::CaptureReader::new();
    let mut names = Vec::new();
    let mut times = Vec::new();
    reader.push(&bytes, |frame| {
        if frame.kind == dropscope_core::capture::RecordKind::Packet {
            names.push(
                frame
                    .interface
                    .and_then(|i| i.name.clone())
                    .unwrap_or_default(),
            );
            times.push(frame.timestamp.unwrap());
        }
    });
    assert_eq!(reader.finish().error, None);
    // Both nodes' sightings, in time order, on interfaces named with their capture.
    assert!(names
        .iter()
        .any(|n| n.starts_with("vxlan_checksum_bug63.node1.any.pcap:")));
    assert!(names
        .iter()
        .any(|n| n.starts_with("vxlan_checksum_bug63.node2.any.pcap:")));
    assert!(times.windows(2).all(|w| w[0] <= w[1]));
    assert!(names.len() >= 14, "{} packets", names.len());
    // A finding that is not there is said so.
    let (code, _, err) = dropscope(&[
        "analyze",
        NODE1,
        "--export-pcapng",
        &out_arg,
        "--finding",
        "9",
    ]);
    assert_ne!(code, 0);
    assert!(err.contains("no such finding"), "{err}");
}

#[test]
fn the_clusters_names_show_with_addresses_and_interfaces() {
    let (code, out, err) = dropscope(&[
        "analyze",
        "public/examples/d_bridge_nf_off.any.pcap",
        "--names",
        "tests/names/node-a.ip-link.txt",
        "--names",
        "tests/names/pods.txt",
        "--names",
        "tests/names/services.txt",
    ]);
    assert_eq!(code, 0, "{err}");
    // A line that is not a row is named with its file and number; the rest is read.
    assert!(err.contains("tests/names/services.txt, line 4:"), "{err}");
    assert!(
        out.contains("pod default/client-7d9f8c6b5-x2x9q (10.244.0.10:60986)"),
        "{out}"
    );
    assert!(out.contains("Service default/web (10.96.0.10:80)"), "{out}");
    // The interfaces have their names from `ip -o link`, and the roles those names give.
    assert!(out.contains("cni0         bridge"), "{out}");
    assert!(out.contains("veth7c1a2b3d pod side (10.244.0.10)"), "{out}");
    let (_, json, _) = dropscope(&[
        "analyze",
        "public/examples/d_bridge_nf_off.any.pcap",
        "--names",
        "tests/names/pods.txt",
        "--json",
    ]);
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        report["names"]["addresses"]["10.244.0.20"]["name"],
        "web-5f7c9b8d6d-h8k2p"
    );
}

#[test]
fn a_reader_that_stops_early_ends_it_quietly() {
    // `dropscope packets big.pcap | head -1`: the rows after the reader left are not an error.
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_dropscope"))
        .args(["packets", "public/examples/lab/busy_node.node.any.pcap"])
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with("frame.number\t"));
    // The pipe is closed here; two megabytes of rows are still to come.
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(output.status.code(), Some(0), "{stderr}");
}

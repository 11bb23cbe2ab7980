//! Every example capture (the five k8s captures and the lab's) gives exactly the findings it
//! was made to show: the failure captures their signature, the healthy ones none.

use std::path::PathBuf;

use dropscope_core::report::{AnalyzeOptions, Analyzer};

/// (capture under public/examples, the signatures it must give).
const EXPECTED: &[(&str, &[&str])] = &[
    ("a_asym_rpfilter_drop.any.pcap", &["reply-dropped-on-host"]),
    ("b_syn_backoff_vxlan8472.any.pcap", &["vxlan-syn-loss"]),
    ("c_nlb_hairpin_nosnat.any.pcap", &["lb-hairpin-client-ip"]),
    ("d_bridge_nf_off.any.pcap", &["reply-bypasses-conntrack"]),
    ("e_dns_aaaa_drop.any.pcap", &["dns-conntrack-race"]),
    ("lab/bridge_nf_off.any.pcap", &["reply-bypasses-conntrack"]),
    ("lab/bridge_nf_off.sll1.pcap", &["reply-bypasses-conntrack"]),
    (
        "lab/bridge_nf_off.per-interface.pcapng",
        &["reply-bypasses-conntrack"],
    ),
    ("lab/bridge_nf_on.any.pcap", &[]),
    ("lab/dns_lossy.any.pcap", &["dns-conntrack-race"]),
    ("lab/dns_ok.any.pcap", &[]),
    (
        "lab/lb_hairpin_preserve.any.pcap",
        &["lb-hairpin-client-ip"],
    ),
    ("lab/lb_hairpin_snat.any.pcap", &[]),
    ("lab/nat_vxlan4789_ok.any.pcap", &[]),
    ("lab/pmtu_blackhole.any.pcap", &["pmtu-black-hole"]),
    ("lab/pmtu_ok.any.pcap", &[]),
    ("lab/refused_reject.any.pcap", &["connection-refused"]),
    ("lab/refused_wrong_port.any.pcap", &["connection-refused"]),
    ("lab/rp_filter_loose.any.pcap", &[]),
    ("lab/rp_filter_strict.any.pcap", &["reply-dropped-on-host"]),
    ("lab/syn_dropped_policy.any.pcap", &["syn-unanswered"]),
    ("lab/vxlan_lossy.node1.any.pcap", &["vxlan-syn-loss"]),
    ("lab/vxlan_lossy.node2.any.pcap", &["vxlan-syn-loss"]),
    ("lab/vxlan_ok.node1.any.pcap", &[]),
    ("lab/vxlan_ok.node2.any.pcap", &[]),
];

#[test]
fn every_example_gives_exactly_its_findings() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../public/examples");
    let mut listed: Vec<String> = EXPECTED.iter().map(|(name, _)| name.to_string()).collect();
    listed.sort();
    let mut present: Vec<String> = Vec::new();
    for sub in ["", "lab/"] {
        for entry in std::fs::read_dir(dir.join(sub)).unwrap() {
            let name = entry.unwrap().file_name().to_string_lossy().to_string();
            if name.ends_with(".pcap") || name.ends_with(".pcapng") {
                present.push(format!("{sub}{name}"));
            }
        }
    }
    present.sort();
    assert_eq!(present, listed, "every example capture must be listed here");
    for (name, signatures) in EXPECTED {
        let bytes = std::fs::read(dir.join(name)).unwrap();
        let mut analyzer = Analyzer::new(AnalyzeOptions::default());
        analyzer.push(&bytes);
        let report = analyzer.finish();
        let found: Vec<&str> = report.findings.iter().map(|f| f.signature).collect();
        assert_eq!(&found, signatures, "{name}");
        for finding in &report.findings {
            assert!(
                !finding.frames.is_empty(),
                "{name}: {} names no frames",
                finding.signature
            );
            assert!(
                finding
                    .frames
                    .iter()
                    .all(|&f| f >= 1 && f <= report.capture.frames),
                "{name}"
            );
            assert!(!finding.point_of_failure.is_empty(), "{name}");
        }
    }
}

//! Captures for the signatures' tests: the built-in examples and the lab's, analysed whole.

use std::path::PathBuf;

use crate::report::{AnalyzeOptions, Analyzer, Report};

use super::{Finding, Signature};

/// Analyses `public/examples/<name>`.
pub fn analyze(name: &str) -> Report {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../public/examples")
        .join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut analyzer = Analyzer::new(AnalyzeOptions::default());
    analyzer.push(&bytes);
    analyzer.finish()
}

/// What `signature` finds in `public/examples/<name>`.
pub fn findings(signature: &dyn Signature, name: &str) -> Vec<Finding> {
    signature.detect(&analyze(name))
}

/// Every example capture; near-miss tests check a signature stays quiet on the others.
pub const ALL: &[&str] = &[
    "a_asym_rpfilter_drop.any.pcap",
    "b_syn_backoff_vxlan8472.any.pcap",
    "c_nlb_hairpin_nosnat.any.pcap",
    "d_bridge_nf_off.any.pcap",
    "e_dns_aaaa_drop.any.pcap",
    "lab/nat_vxlan4789_ok.any.pcap",
    "lab/pmtu_blackhole.any.pcap",
    "lab/pmtu_ok.any.pcap",
    "lab/lb_hairpin_preserve.any.pcap",
    "lab/lb_hairpin_snat.any.pcap",
    "lab/rp_filter_loose.any.pcap",
    "lab/rp_filter_strict.any.pcap",
    "lab/refused_reject.any.pcap",
    "lab/refused_wrong_port.any.pcap",
    "lab/bridge_nf_off.any.pcap",
    "lab/bridge_nf_off.sll1.pcap",
    "lab/bridge_nf_off.per-interface.pcapng",
    "lab/bridge_nf_on.any.pcap",
    "lab/dns_lossy.any.pcap",
    "lab/dns_ok.any.pcap",
    "lab/syn_dropped_policy.any.pcap",
    "lab/vxlan_lossy.node1.any.pcap",
    "lab/vxlan_lossy.node2.any.pcap",
    "lab/vxlan_ok.node1.any.pcap",
    "lab/vxlan_ok.node2.any.pcap",
];

/// Asserts `signature` finds nothing in any example but `except`.
pub fn quiet_elsewhere(signature: &dyn Signature, except: &[&str]) {
    for name in ALL.iter().filter(|n| !except.contains(n)) {
        let found = findings(signature, name);
        assert!(
            found.is_empty(),
            "{} fired on {name}: {:?}",
            signature.id(),
            found.iter().map(|f| &f.summary).collect::<Vec<_>>()
        );
    }
}

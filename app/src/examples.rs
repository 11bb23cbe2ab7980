//! The built-in example captures, compiled into the page so that they open with no request
//! (offline hosting, `file://`, documentation embeds): the five field captures and the lab's.

pub struct Example {
    /// Stable: documentation embeds and links name it (`?embed&example=<id>`).
    pub id: &'static str,
    /// Path under `public/examples/`.
    pub file_name: &'static str,
    /// The symptom, in the words a user would use.
    pub symptom: &'static str,
    /// A healthy capture, kept to compare with the failing one.
    pub healthy: bool,
    pub bytes: &'static [u8],
}

macro_rules! example {
    ($id:literal, $file:literal, $healthy:literal, $symptom:literal) => {
        Example {
            id: $id,
            file_name: $file,
            symptom: $symptom,
            healthy: $healthy,
            bytes: include_bytes!(concat!("../../public/examples/", $file)),
        }
    };
}

pub const EXAMPLES: &[Example] = &[
    example!(
        "bridge-nf-off",
        "d_bridge_nf_off.any.pcap",
        false,
        "Pod → ClusterIP → pod on the same node: connection reset, curl times out"
    ),
    example!(
        "nlb-hairpin",
        "c_nlb_hairpin_nosnat.any.pcap",
        false,
        "Pod calls its own load balancer and times out; the LB's other clients are fine"
    ),
    example!(
        "vxlan-syn-backoff",
        "b_syn_backoff_vxlan8472.any.pcap",
        false,
        "Connections across nodes take 63 seconds to open"
    ),
    example!(
        "asym-rpfilter",
        "a_asym_rpfilter_drop.any.pcap",
        false,
        "Probe to a pod behind a VLAN trunk never gets its reply"
    ),
    example!(
        "dns-aaaa-drop",
        "e_dns_aaaa_drop.any.pcap",
        false,
        "DNS lookups take exactly 5 seconds"
    ),
    example!(
        "lab-bridge-nf-off",
        "lab/bridge_nf_off.any.pcap",
        false,
        "Lab: same-node Service call reset (bridge-nf-call-iptables=0)"
    ),
    example!(
        "lab-bridge-nf-off-sll1",
        "lab/bridge_nf_off.sll1.pcap",
        false,
        "Lab: the same, captured as SLL v1 (no interface index)"
    ),
    example!(
        "lab-bridge-nf-off-pcapng",
        "lab/bridge_nf_off.per-interface.pcapng",
        false,
        "Lab: the same, one dumpcap per interface (pcapng with names)"
    ),
    example!(
        "lab-bridge-nf-on",
        "lab/bridge_nf_on.any.pcap",
        true,
        "Lab, healthy: bridge-nf-call-iptables=1, the reply is un-DNATed"
    ),
    example!(
        "lab-lb-hairpin-preserve",
        "lab/lb_hairpin_preserve.any.pcap",
        false,
        "Lab: load balancer keeps the client IP and hairpins to the client's node"
    ),
    example!(
        "lab-lb-hairpin-snat",
        "lab/lb_hairpin_snat.any.pcap",
        true,
        "Lab, healthy: the load balancer masquerades the client"
    ),
    example!(
        "lab-vxlan-lossy-node1",
        "lab/vxlan_lossy.node1.any.pcap",
        false,
        "Lab: SYNs lost in VXLAN, seen from the sending node (1-2-4-8-16 s)"
    ),
    example!(
        "lab-vxlan-lossy-node2",
        "lab/vxlan_lossy.node2.any.pcap",
        false,
        "Lab: SYNs lost in VXLAN, seen from the receiving node"
    ),
    example!(
        "lab-vxlan-ok-node1",
        "lab/vxlan_ok.node1.any.pcap",
        true,
        "Lab, healthy: flannel-style VXLAN, sending node"
    ),
    example!(
        "lab-vxlan-ok-node2",
        "lab/vxlan_ok.node2.any.pcap",
        true,
        "Lab, healthy: flannel-style VXLAN, receiving node"
    ),
    example!(
        "lab-nat-vxlan-ok",
        "lab/nat_vxlan4789_ok.any.pcap",
        true,
        "Lab, healthy: DNAT and MASQUERADE into VXLAN 4789 and back"
    ),
    example!(
        "lab-rp-filter-strict",
        "lab/rp_filter_strict.any.pcap",
        false,
        "Lab: reply arrives on the uplink, strict rp_filter drops it"
    ),
    example!(
        "lab-rp-filter-loose",
        "lab/rp_filter_loose.any.pcap",
        true,
        "Lab, healthy: the same routing with loose rp_filter"
    ),
    example!(
        "lab-dns-lossy",
        "lab/dns_lossy.any.pcap",
        false,
        "Lab: parallel A/AAAA lookup, one answer dropped: 5 s lookups"
    ),
    example!(
        "lab-dns-ok",
        "lab/dns_ok.any.pcap",
        true,
        "Lab, healthy: parallel A/AAAA lookup answered"
    ),
    example!(
        "lab-syn-dropped",
        "lab/syn_dropped_policy.any.pcap",
        false,
        "Lab: a policy drops the SYNs; the client retries and gives up"
    ),
    example!(
        "lab-refused-reject",
        "lab/refused_reject.any.pcap",
        false,
        "Lab: a REJECT rule answers for the server with a reset"
    ),
    example!(
        "lab-refused-wrong-port",
        "lab/refused_wrong_port.any.pcap",
        false,
        "Lab: Service targetPort where nothing listens: connection refused"
    ),
    example!(
        "lab-pmtu-blackhole",
        "lab/pmtu_blackhole.any.pcap",
        false,
        "Lab: small requests work, large transfers hang (PMTU black hole)"
    ),
    example!(
        "lab-pmtu-ok",
        "lab/pmtu_ok.any.pcap",
        true,
        "Lab, healthy: path MTU discovery works"
    ),
];

pub fn example(id: &str) -> Option<&'static Example> {
    EXAMPLES.iter().find(|e| e.id == id)
}

//! The built-in example captures, compiled into the page so that they open with no request
//! (offline hosting, `file://`, documentation embeds).

pub struct Example {
    pub id: &'static str,
    pub file_name: &'static str,
    /// The symptom, in the words a user would use.
    pub symptom: &'static str,
    pub bytes: &'static [u8],
}

macro_rules! example {
    ($id:literal, $file:literal, $symptom:literal) => {
        Example {
            id: $id,
            file_name: $file,
            symptom: $symptom,
            bytes: include_bytes!(concat!("../../public/examples/", $file)),
        }
    };
}

pub const EXAMPLES: &[Example] = &[
    example!(
        "bridge-nf-off",
        "d_bridge_nf_off.any.pcap",
        "Pod → ClusterIP → pod on the same node: connection reset, curl times out"
    ),
    example!(
        "nlb-hairpin",
        "c_nlb_hairpin_nosnat.any.pcap",
        "Pod calls its own load balancer and times out; the LB's other clients are fine"
    ),
    example!(
        "vxlan-syn-backoff",
        "b_syn_backoff_vxlan8472.any.pcap",
        "Connections across nodes take 63 seconds to open"
    ),
    example!(
        "asym-rpfilter",
        "a_asym_rpfilter_drop.any.pcap",
        "Probe to a pod behind a VLAN trunk never gets its reply"
    ),
    example!(
        "dns-aaaa-drop",
        "e_dns_aaaa_drop.any.pcap",
        "DNS lookups take exactly 5 seconds"
    ),
];

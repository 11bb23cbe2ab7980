//! `pmtu-black-hole`: large segments are retransmitted and never acknowledged while small
//! packets pass, and no ICMP "fragmentation needed" ever comes back.

use super::{Evidence, Explanation, Finding, Reference, Severity, Signature, Step};
use crate::analysis::Analysis;
use crate::connection::Side;
use crate::journey::Fate;

pub struct PmtuBlackHole;

/// Segments this large do not fit a path whose MTU is lowered by an overlay or a VPN; smaller
/// ones (handshakes, short requests) still pass.
const LARGE_SEGMENT: u32 = 1200;
/// Sent this many times without an acknowledgment: the sender is stuck, not unlucky.
const STUCK_AFTER: usize = 3;

static EXPLANATION: Explanation = Explanation {
    title: "Path MTU black hole",
    symptom: "Connections open and small requests work, but large requests or responses hang (TLS handshakes with big certificates, file uploads, long JSON); often only across an overlay, a VPN or a particular network.",
    cause: "Somewhere on the path a link has a smaller MTU than the endpoints assume — an overlay's encapsulation (VXLAN 50 bytes, IP-in-IP 20, WireGuard 60), a VPN, a misconfigured CNI MTU. Full-size packets carry Don't Fragment, so the router that cannot forward them must send ICMP 'fragmentation needed' (ICMPv6 'packet too big') with the MTU that fits, and the sender then shrinks its segments. When that ICMP is filtered (security groups, firewalls, policies that drop all ICMP) the sender never learns: it retransmits the same large segment with exponential backoff until the connection times out, while handshakes and small packets keep getting through.",
    confirm: &[
        Step { what: "Find the largest packet that passes, with Don't Fragment set", commands: &["ping -M do -s 1472 <destination>   # 1500-byte packets; lower -s until it passes", "tracepath -n <destination>"], tradeoff: None },
        Step { what: "Compare the MTUs on the way: the pod, the overlay device, the uplink", commands: &["kubectl exec <pod> -- cat /sys/class/net/eth0/mtu", "ip -d link show | grep -E 'mtu|vxlan|ipip|wireguard'"], tradeoff: None },
        Step { what: "See whether ICMP 'fragmentation needed' is dropped", commands: &["iptables-save | grep -iE 'icmp.*(DROP|REJECT)'", "tcpdump -ni any 'icmp[icmptype] == icmp-unreach and icmp[icmpcode] == 4'"], tradeoff: None },
    ],
    fix: &[
        Step { what: "Let ICMP 'fragmentation needed' (type 3 code 4) and ICMPv6 'packet too big' (type 2) through every firewall and security group on the path", commands: &["iptables -I INPUT -p icmp --icmp-type fragmentation-needed -j ACCEPT", "iptables -I FORWARD -p icmp --icmp-type fragmentation-needed -j ACCEPT"], tradeoff: None },
        Step { what: "Set the CNI's MTU to the underlay's minus the encapsulation overhead, so pods never send packets that cannot fit", commands: &["kubectl -n kube-system get cm <cni-config> -o yaml | grep -i mtu"], tradeoff: Some("New pods get the new MTU; existing ones keep theirs until restarted.") },
        Step {
            what: "Mitigate: clamp the MSS of forwarded connections to the path MTU, or let TCP probe for it",
            commands: &["iptables -t mangle -A FORWARD -p tcp --tcp-flags SYN,RST SYN -j TCPMSS --clamp-mss-to-pmtu", "sysctl -w net.ipv4.tcp_mtu_probing=1"],
            tradeoff: Some("Clamping only helps TCP through this node; probing costs a few round trips after a loss."),
        },
    ],
    references: &[
        Reference { title: "RFC 2923: TCP problems with path MTU discovery (black holes)", url: "https://www.rfc-editor.org/rfc/rfc2923" },
        Reference { title: "Linux ip-sysctl: tcp_mtu_probing", url: "https://docs.kernel.org/networking/ip-sysctl.html" },
    ],
};

impl Signature for PmtuBlackHole {
    fn id(&self) -> &'static str {
        "pmtu-black-hole"
    }

    fn explanation(&self) -> &'static Explanation {
        &EXPLANATION
    }

    fn detect(&self, analysis: &Analysis) -> Vec<Finding> {
        let mut findings = Vec::new();
        for connection in &analysis.connections {
            // An ICMP with a path MTU means discovery works: the sender is told and adapts.
            if connection.icmp_errors.iter().any(|e| e.mtu.is_some()) {
                continue;
            }
            let Some(stuck) = connection
                .retransmissions
                .iter()
                .filter(|r| {
                    !r.acknowledged && r.length >= LARGE_SEGMENT && r.frames.len() >= STUCK_AFTER
                })
                .max_by_key(|r| r.frames.len())
            else {
                continue;
            };
            // Small packets of the same connection got through: its handshake completed.
            let Some(reply) = connection
                .syn_acks
                .iter()
                .find(|r| matches!(r.fate, Fate::Delivered { .. } | Fate::LeftNode { .. }))
            else {
                continue;
            };
            let (sender, receiver) = match stuck.by {
                Side::Client => (connection.client, connection.server),
                Side::Server => (connection.server, connection.client),
            };
            let left_by = stuck
                .left_through
                .map(|interface| analysis.interface_name(interface));
            let evidence = vec![
                Evidence { frames: reply.frames.clone(), what: format!("the handshake with {receiver} completes: small packets pass") },
                Evidence {
                    frames: stuck.frames.clone(),
                    what: format!(
                        "{sender} sends the same {}-byte segment (sequence {}) {} times{} and it is never acknowledged",
                        stuck.length,
                        stuck.sequence,
                        stuck.frames.len(),
                        left_by.as_ref().map(|i| format!(", each time out of {i}")).unwrap_or_default()
                    ),
                },
                Evidence { frames: Vec::new(), what: "no ICMP 'fragmentation needed' or 'packet too big' comes back for this connection".into() },
            ];
            let mut finding = Finding::new(
                self,
                Severity::Error,
                format!(
                    "{} → {}: a {}-byte segment sent {} times is never acknowledged, with no ICMP back: packets this large vanish on the path",
                    connection.client,
                    connection.server,
                    stuck.length,
                    stuck.frames.len()
                ),
                evidence,
            );
            finding.connection = Some(connection.id);
            finding.journeys = stuck.journeys.clone();
            finding.point_of_failure = match left_by {
                Some(interface) => format!("beyond {interface}, on the path to {receiver}: a link narrower than the segments drops them and its ICMP does not come back"),
                None => format!("on the path from {sender} to {receiver}: a link narrower than the segments drops them and its ICMP does not come back"),
            };
            finding.failure_frame = stuck.frames.last().copied();
            findings.push(finding);
        }
        findings
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures;
    use super::*;

    #[test]
    fn the_lab_black_hole_shows_it_and_working_pmtu_discovery_does_not() {
        // lab/pmtu.sh blackhole: a 1400-byte link, its ICMP dropped.
        let found = fixtures::findings(&PmtuBlackHole, "lab/pmtu_blackhole.any.pcap");
        let [finding] = found.as_slice() else {
            panic!("{found:?}")
        };
        assert!(
            finding.summary.contains("never acknowledged"),
            "{}",
            finding.summary
        );
        assert!(
            finding.point_of_failure.starts_with("beyond"),
            "{}",
            finding.point_of_failure
        );
        // lab/pmtu.sh ok: the ICMP comes back (MTU 1400) and the request goes through.
        assert!(fixtures::findings(&PmtuBlackHole, "lab/pmtu_ok.any.pcap").is_empty());
    }

    #[test]
    fn quiet_where_large_segments_are_acknowledged() {
        fixtures::quiet_where_not_expected(&PmtuBlackHole);
    }
}

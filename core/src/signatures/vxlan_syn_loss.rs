//! `vxlan-syn-loss`: SYNs that cross a VXLAN overlay go unanswered and are retried on Linux's
//! backoff schedule, so connecting takes 63 s (or 1 s).

use super::{Evidence, Explanation, Finding, Reference, Severity, Signature, Step};
use crate::analysis::{Analysis, HopReport, JourneyReport};
use crate::connection::Attempt;
use crate::connection::Outcome;
use crate::journey::Encapsulation;
use crate::journey::{Fate, TunnelKind};

pub struct VxlanSynLoss;

/// A lost SYN: its attempt, journey, last sighting and tunnel header, and whose view it is.
type Lost<'r> = (
    &'r Attempt,
    &'r JourneyReport,
    &'r HopReport,
    &'r Encapsulation,
    View,
);

/// Which node's view the capture gives.
#[derive(Clone, Copy, PartialEq, Eq)]
enum View {
    /// The SYNs left this node in the tunnel.
    Sender,
    /// The SYNs arrived here in the tunnel and never came out of it.
    Receiver,
}

static EXPLANATION: Explanation = Explanation {
    title: "SYNs lost in the VXLAN overlay",
    symptom: "Connections to a Service or pod on another node hang and then succeed after about 63 seconds (sometimes after 1 second); curl with a short timeout fails. Mostly from the host network or hostNetwork pods, on flannel or other VXLAN overlays.",
    cause: "Each lost SYN is retried after 1, 2, 4, 8, 16 and 32 s (Linux ≥ 6.5 with net.ipv4.tcp_syn_linear_timeouts starts with a few 1 s retries), so the 7th SYN goes out at about 63 s. The known cause on VXLAN: kube-proxy's KUBE-MARK-MASQ sets mark 0x4000 on Service traffic, and KUBE-POSTROUTING masquerades marked packets with --random-fully. The encapsulated VXLAN packet passes POSTROUTING again with the mark still set, so it is SNATed a second time and --random-fully gives it a new UDP source port; a kernel bug then leaves the outer UDP checksum computed for the old header, and the receiving node's NIC drops the packet as corrupt. A retransmission takes a different path through the flow cache (the outer source port changes on every retry), so one retry eventually gets through. Other losses fit the same pattern: a firewall or security group blocking UDP 8472/4789 between nodes, or an MTU problem on the underlay.",
    confirm: &[
        Step { what: "On the sending node, look for the second MASQUERADE of VXLAN traffic", commands: &["iptables-save -t nat | grep -E 'KUBE-MARK-MASQ|KUBE-POSTROUTING'", "conntrack -L -p udp --dport 8472"], tradeoff: None },
        Step { what: "On the receiving node, count UDP checksum errors while reproducing", commands: &["nstat -az UdpInCsumErrors", "ethtool -S eth0 | grep -i csum", "tcpdump -vvni eth0 udp port 8472 | grep -i 'bad udp cksum'"], tradeoff: None },
        Step { what: "Check offloads on the VXLAN device", commands: &["ethtool -k flannel.1 | grep checksum"], tradeoff: None },
    ],
    fix: &[
        Step {
            what: "Upgrade kube-proxy to a version with the fix: KUBE-POSTROUTING clears the mark (MARK xor 0x4000) before MASQUERADE, so the VXLAN packet is not SNATed twice",
            commands: &["iptables-save -t nat | grep -A3 ':KUBE-POSTROUTING'   # expect: -j MARK --xor-mark 0x4000 before -j MASQUERADE"],
            tradeoff: None,
        },
        Step { what: "Or run a kernel with the VXLAN/UDP checksum fix", commands: &["uname -r"], tradeoff: None },
        Step {
            what: "Workaround: turn off checksum offload on the VXLAN device on every node",
            commands: &["ethtool --offload flannel.1 rx off tx off"],
            tradeoff: Some("Checksums are computed in software: more CPU for overlay traffic. Not persistent across reboots or device re-creation."),
        },
    ],
    references: &[
        Reference { title: "kubernetes#92035: don't SNAT VXLAN packets twice (KUBE-POSTROUTING xor 0x4000)", url: "https://github.com/kubernetes/kubernetes/pull/92035" },
        Reference { title: "flannel#1279: 63 s delay with VXLAN and kube-proxy --random-fully", url: "https://github.com/flannel-io/flannel/issues/1279" },
    ],
};

impl Signature for VxlanSynLoss {
    fn id(&self) -> &'static str {
        "vxlan-syn-loss"
    }

    fn explanation(&self) -> &'static Explanation {
        &EXPLANATION
    }

    fn detect(&self, analysis: &Analysis) -> Vec<Finding> {
        let mut findings = Vec::new();
        for connection in &analysis.connections {
            if connection.attempts.len() < 2 {
                continue;
            }
            // Attempts sent before any SYN-ACK reached the client: the lost ones. The last one
            // before the answer is the one that was answered.
            // A SYN-ACK answers when it reached the client or left towards it (the receiving node's view).
            let answered_at = connection
                .syn_acks
                .iter()
                .filter(|r| super::reached_client(analysis, r))
                .filter_map(|r| r.frames.iter().min().copied())
                .min();
            let mut lost: Vec<_> = connection
                .attempts
                .iter()
                .filter(|a| answered_at.is_none_or(|f| a.frame < f))
                .collect();
            if answered_at.is_some() {
                lost.pop();
            }
            let mut tunnelled: Vec<Lost<'_>> = Vec::new();
            for attempt in &lost {
                let Some(j) = analysis.journey(attempt.journey) else {
                    continue;
                };
                let Some(last) = j.hops.last() else { continue };
                let Some(outer) = last
                    .encapsulation
                    .as_ref()
                    .filter(|e| e.kind == TunnelKind::Vxlan)
                else {
                    continue;
                };
                let view = match j.fate {
                    Fate::LeftNode { .. } => View::Sender,
                    Fate::Arrived { .. } | Fate::Local { .. } | Fate::EndedEarly { .. } => {
                        View::Receiver
                    }
                    _ => continue,
                };
                tunnelled.push((*attempt, j, last, outer, view));
            }
            // Every lost SYN was lost in the tunnel, and the client kept to the kernel's backoff.
            if tunnelled.is_empty()
                || tunnelled.len() != lost.len()
                || !super::is_syn_backoff(&connection.retry_gaps())
            {
                continue;
            }
            let (_, _, first_hop, first_outer, view) = tunnelled[0];
            let frames_of =
                |pick: &dyn Fn(&Lost<'_>) -> u64| tunnelled.iter().map(pick).collect::<Vec<u64>>();
            let vni = first_outer.vni.map_or("?".into(), |v| v.to_string());
            let mut evidence = vec![Evidence {
                frames: frames_of(&|t| t.0.frame),
                what: format!(
                    "{} SYNs from {} to {} went unanswered, retried after {}",
                    lost.len(),
                    connection.client,
                    connection.server,
                    super::gaps_text(&connection.retry_gaps())
                ),
            }];
            evidence.push(Evidence {
                frames: frames_of(&|t| t.2.frame),
                what: match view {
                    View::Sender => format!(
                        "each left the node on {} inside VXLAN {} → {}:{} (VNI {vni}): the loss is beyond this node",
                        first_hop.interface_name, first_outer.source, first_outer.destination, first_outer.destination_port
                    ),
                    View::Receiver => format!(
                        "each arrived on {} inside VXLAN {} → {}:{} (VNI {vni}) and was never taken out of the tunnel: dropped on this node before decapsulation",
                        first_hop.interface_name, first_outer.source, first_outer.destination, first_outer.destination_port
                    ),
                },
            });
            let mut ports: Vec<u16> = tunnelled.iter().map(|t| t.3.source_port).collect();
            let in_order = ports.clone();
            ports.sort_unstable();
            ports.dedup();
            if ports.len() > 1 {
                evidence.push(Evidence {
                    frames: frames_of(&|t| t.2.frame),
                    what: format!(
                        "the outer UDP source port changed between retries ({}) while the inner addresses stayed the same",
                        in_order.iter().map(|p| p.to_string()).collect::<Vec<_>>().join(", ")
                    ),
                });
            }
            let bad: Vec<u64> = tunnelled
                .iter()
                .filter(|t| t.1.bad_checksum)
                .map(|t| t.2.frame)
                .collect();
            evidence.push(Evidence {
                frames: bad.clone(),
                what: match (bad.is_empty(), view) {
                    (false, _) => format!("the encapsulated packets carry wrong checksums (frames {bad:?}): the receiving NIC drops them"),
                    (true, View::Sender) => "the outer checksums here are offload placeholders, as expected on the sending node: a corrupted checksum would show only on the wire or on the receiving node (capture there, or count UdpInCsumErrors)".into(),
                    (true, View::Receiver) => "their checksums are not wrong in this capture, so here the drop has another cause than the checksum bug (a filter on the VXLAN port, or the NIC before the capture point: count UdpInCsumErrors)".into(),
                },
            });
            let (severity, outcome) = match (connection.outcome, connection.time_to_connect) {
                (Outcome::Established, Some(t)) => {
                    if let Some(reply) = connection.syn_acks.first() {
                        evidence.push(Evidence { frames: reply.frames.clone(), what: format!("the SYN-ACK finally came back through the tunnel; connecting took {t:.1} s") });
                    }
                    (
                        if t > 3.0 {
                            Severity::Error
                        } else {
                            Severity::Warning
                        },
                        format!("connected only after {t:.1} s"),
                    )
                }
                _ => (Severity::Error, "never connected".to_string()),
            };
            let peer = match view {
                View::Sender => first_outer.destination,
                View::Receiver => first_outer.source,
            };
            let mut finding = Finding::new(
                self,
                severity,
                format!(
                    "{} → {}: {} SYNs lost in the VXLAN overlay {} {peer} ({}); {outcome}",
                    connection.client,
                    connection.server,
                    lost.len(),
                    if view == View::Sender { "to" } else { "from" },
                    super::gaps_text(&connection.retry_gaps())
                ),
                evidence,
            );
            finding.connection = Some(connection.id);
            finding.journeys = tunnelled.iter().map(|t| t.0.journey).collect();
            finding.point_of_failure = match view {
                View::Sender => format!("beyond {}: the SYNs left this node encapsulated towards {peer} and nothing came back", first_hop.interface_name),
                View::Receiver => format!(
                    "{} on this node: the VXLAN packets from {peer} arrived and were dropped before decapsulation (a bad outer checksum, or a filter on UDP {})",
                    first_hop.interface_name, first_outer.destination_port
                ),
            };
            finding.failure_frame = tunnelled.last().map(|t| t.2.frame);
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
    fn the_63_second_capture_shows_it_with_its_frames() {
        let found = fixtures::findings(&VxlanSynLoss, "b_syn_backoff_vxlan8472.any.pcap");
        let [finding] = found.as_slice() else {
            panic!("{found:?}")
        };
        assert_eq!(finding.severity, Severity::Error);
        assert!(
            finding.summary.contains("6 SYNs lost") && finding.summary.contains("64.5 s"),
            "{}",
            finding.summary
        );
        // README: each SYN is seen encapsulated on eth0 (frame 4 for the first); #35–#38 the
        // SYN-ACK comes back.
        for frame in [1, 4, 35, 38] {
            assert!(
                finding.frames.contains(&frame),
                "frame {frame} missing from {:?}",
                finding.frames
            );
        }
        assert!(finding
            .evidence
            .iter()
            .any(|e| e.what.contains("outer UDP source port changed")));
        assert!(
            finding
                .evidence
                .iter()
                .any(|e| e.what.contains("offload placeholders")),
            "offload must not be called corruption"
        );
    }

    #[test]
    fn the_lab_shows_it_from_both_nodes_with_the_classic_schedule() {
        // lab/vxlan-loss.sh lossy: node2 drops VXLAN for 20 s; the client backs off 1, 2, 4, 8, 16 s.
        let sender = fixtures::findings(&VxlanSynLoss, "lab/vxlan_lossy.node1.any.pcap");
        let [finding] = sender.as_slice() else {
            panic!("{sender:?}")
        };
        assert!(
            finding.summary.contains("5 SYNs lost"),
            "{}",
            finding.summary
        );
        assert!(
            finding.point_of_failure.starts_with("beyond"),
            "{}",
            finding.point_of_failure
        );
        let receiver = fixtures::findings(&VxlanSynLoss, "lab/vxlan_lossy.node2.any.pcap");
        let [finding] = receiver.as_slice() else {
            panic!("{receiver:?}")
        };
        assert!(
            finding
                .point_of_failure
                .contains("dropped before decapsulation"),
            "{}",
            finding.point_of_failure
        );
        assert!(
            finding
                .evidence
                .iter()
                .any(|e| e.what.contains("another cause than the checksum bug")),
            "the lab's checksums are fine: say so"
        );
    }

    #[test]
    fn quiet_when_the_first_syn_through_the_tunnel_is_answered() {
        // The healthy lab runs cross VXLAN on 8472 and 4789 and connect at once.
        fixtures::quiet_where_not_expected(&VxlanSynLoss);
    }
}

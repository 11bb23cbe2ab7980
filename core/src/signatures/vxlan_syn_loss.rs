//! `vxlan-syn-loss`: SYNs that cross a VXLAN overlay go unanswered and are retried on Linux's
//! backoff schedule, so connecting takes 63 s (or 1 s).

use super::{journey, Evidence, Explanation, Finding, Reference, Severity, Signature, Step};
use crate::connection::Outcome;
use crate::journey::{Fate, TunnelKind};
use crate::report::Report;

pub struct VxlanSynLoss;

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

    fn detect(&self, report: &Report) -> Vec<Finding> {
        let mut findings = Vec::new();
        for connection in &report.connections {
            if connection.attempts.len() < 2 {
                continue;
            }
            // Attempts sent before any SYN-ACK reached the client: the lost ones.
            let answered_at = connection
                .syn_acks
                .iter()
                .filter(|r| matches!(r.fate, Fate::Delivered { .. }))
                .map(|r| r.last_frame)
                .min();
            let mut lost: Vec<_> = connection
                .attempts
                .iter()
                .filter(|a| answered_at.is_none_or(|f| a.frame < f))
                .collect();
            if answered_at.is_some() {
                // The last SYN before the answer is the one that was answered.
                lost.pop();
            }
            let mut tunnelled = Vec::new();
            for attempt in &lost {
                let Some(j) = journey(report, attempt.journey) else {
                    continue;
                };
                let outer = j.hops.iter().rev().find_map(|h| {
                    h.encapsulation
                        .as_ref()
                        .filter(|e| e.kind == TunnelKind::Vxlan)
                        .map(|e| (h, e))
                });
                if let (Fate::LeftNode { .. }, Some((hop, outer))) = (j.fate, outer) {
                    tunnelled.push((attempt, j, hop, outer));
                }
            }
            // Every lost SYN left through the tunnel, and the client kept to the kernel's backoff.
            if tunnelled.is_empty()
                || tunnelled.len() != lost.len()
                || !super::is_syn_backoff(&connection.retry_gaps())
            {
                continue;
            }
            let (_, _, first_hop, first_outer) = tunnelled[0];
            let mut ports: Vec<u16> = tunnelled.iter().map(|(_, _, _, o)| o.source_port).collect();
            let all_ports = ports.clone();
            ports.sort_unstable();
            ports.dedup();
            let bad: Vec<u64> = tunnelled
                .iter()
                .filter(|(_, j, _, _)| j.bad_checksum)
                .map(|(_, _, h, _)| h.frame)
                .collect();
            let mut evidence = vec![Evidence {
                frames: tunnelled.iter().map(|(a, _, _, _)| a.frame).collect(),
                what: format!(
                    "{} SYNs from {} to {} went unanswered, retried after {}",
                    lost.len(),
                    connection.client,
                    connection.server,
                    super::gaps_text(&connection.retry_gaps())
                ),
            }];
            evidence.push(Evidence {
                frames: tunnelled.iter().map(|(_, _, h, _)| h.frame).collect(),
                what: format!(
                    "each left the node on {} inside VXLAN {} → {}:{} (VNI {}): the loss is beyond this node",
                    first_hop.interface_name,
                    first_outer.source,
                    first_outer.destination,
                    first_outer.destination_port,
                    first_outer.vni.map_or("?".into(), |v| v.to_string())
                ),
            });
            if ports.len() > 1 {
                evidence.push(Evidence {
                    frames: tunnelled.iter().map(|(_, _, h, _)| h.frame).collect(),
                    what: format!("the outer UDP source port changed between retries ({}) while the inner addresses stayed the same", all_ports.iter().map(|p| p.to_string()).collect::<Vec<_>>().join(", ")),
                });
            }
            evidence.push(Evidence {
                frames: bad.clone(),
                what: if bad.is_empty() {
                    "the outer checksums here are offload placeholders, as expected on the sending node: a corrupted checksum would show only on the wire or on the receiving node (capture there, or count UdpInCsumErrors)".into()
                } else {
                    format!("the encapsulated packets carry wrong checksums (frames {bad:?}): the receiving NIC drops them")
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
            let mut finding = Finding::new(
                self,
                severity,
                format!(
                    "{} → {}: {} SYNs lost in the VXLAN overlay to {} ({}); {outcome}",
                    connection.client,
                    connection.server,
                    lost.len(),
                    first_outer.destination,
                    super::gaps_text(&connection.retry_gaps())
                ),
                evidence,
            );
            finding.connection = Some(connection.id);
            finding.journeys = tunnelled.iter().map(|(a, _, _, _)| a.journey).collect();
            finding.point_of_failure = format!(
                "beyond {}: the SYNs left this node encapsulated towards {} and nothing came back",
                first_hop.interface_name, first_outer.destination
            );
            finding.failure_frame = tunnelled.last().map(|(_, _, h, _)| h.frame);
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
    fn quiet_when_the_first_syn_through_the_tunnel_is_answered() {
        // The lab capture crosses VXLAN on 4789 and connects at once.
        fixtures::quiet_elsewhere(&VxlanSynLoss, &["b_syn_backoff_vxlan8472.any.pcap"]);
    }
}

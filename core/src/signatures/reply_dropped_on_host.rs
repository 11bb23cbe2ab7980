//! `reply-dropped-on-host`: replies reach the node on one interface and are never sent on to
//! the pod; the client retries.

use super::{Evidence, Explanation, Finding, Reference, Signature, Step};
use crate::analysis::Analysis;
use crate::journey::Fate;

pub struct ReplyDroppedOnHost;

static EXPLANATION: Explanation = Explanation {
    title: "Reply dropped on the node before the pod",
    symptom: "A pod's connections (or kubelet's liveness and readiness probes to it) time out although the remote end answers: its replies are seen arriving at the node but never at the pod.",
    cause: "The node receives the reply and discards it before forwarding it to the pod's interface. Two common reasons. (1) Security groups for pods (AWS VPC CNI): the pod's traffic uses a branch ENI behind a VLAN on a trunk interface, so replies come back through the trunk while the socket's cached route points elsewhere; with net.ipv4.tcp_early_demux=1, ip_rcv_finish hands the packet to tcp_v4_early_demux, which finds the established socket and its cached dst for another interface, and the packet is dropped — kubelet probes to such pods fail. (2) Strict reverse-path filtering: with asymmetric routing the reply arrives on an interface that is not the route back to its source, and net.ipv4.conf.*.rp_filter=1 drops it (counted as IPReversePathFilter).",
    confirm: &[
        Step { what: "Count reverse-path drops while reproducing", commands: &["nstat -az TcpExtIPReversePathFilter", "sysctl -a 2>/dev/null | grep '\\.rp_filter'"], tradeoff: None },
        Step { what: "Compare the way out and the way back", commands: &["ip route get <remote-ip> from <pod-ip> iif <pod-interface>", "ip rule show"], tradeoff: None },
        Step { what: "Security groups for pods: check early demux and the CNI setting", commands: &["sysctl net.ipv4.tcp_early_demux", "kubectl -n kube-system get ds aws-node -o yaml | grep -A1 DISABLE_TCP_EARLY_DEMUX"], tradeoff: None },
    ],
    fix: &[
        Step {
            what: "Security groups for pods: disable TCP early demux through the VPC CNI init container",
            commands: &["kubectl -n kube-system set env daemonset aws-node -c aws-vpc-cni-init DISABLE_TCP_EARLY_DEMUX=true"],
            tradeoff: Some("Each incoming TCP segment takes a route lookup again: slightly higher local TCP latency."),
        },
        Step {
            what: "Asymmetric routing: use loose reverse-path filtering on the receiving interfaces, or make the routes symmetric with policy routing",
            commands: &["sysctl -w net.ipv4.conf.all.rp_filter=2 net.ipv4.conf.<interface>.rp_filter=2", "ip rule add from <pod-cidr> table <n>"],
            tradeoff: Some("Loose mode only checks that the source is reachable through some interface: weaker spoofing protection."),
        },
    ],
    references: &[
        Reference { title: "amazon-vpc-cni-k8s#1212: toggle TCP early demux for pod ENIs (kubelet probes)", url: "https://github.com/aws/amazon-vpc-cni-k8s/pull/1212" },
        Reference { title: "EKS: security groups for pods (liveness/readiness probes and DISABLE_TCP_EARLY_DEMUX)", url: "https://docs.aws.amazon.com/eks/latest/userguide/security-groups-for-pods.html" },
        Reference { title: "Linux ip-sysctl: rp_filter, tcp_early_demux", url: "https://docs.kernel.org/networking/ip-sysctl.html" },
    ],
};

impl Signature for ReplyDroppedOnHost {
    fn id(&self) -> &'static str {
        "reply-dropped-on-host"
    }

    fn explanation(&self) -> &'static Explanation {
        &EXPLANATION
    }

    fn detect(&self, analysis: &Analysis) -> Vec<Finding> {
        let mut findings = Vec::new();
        for connection in &analysis.connections {
            let dropped: Vec<_> = connection
                .syn_acks
                .iter()
                .filter(|r| matches!(r.fate, Fate::EndedEarly { .. }))
                .collect();
            let Some(first) = dropped.first() else {
                continue;
            };
            let Fate::EndedEarly {
                interface,
                expected,
            } = first.fate
            else {
                continue;
            };
            let arrived = analysis.interface_name(interface);
            let pod_side = analysis.interface_name(expected);
            let sightings: usize = dropped.iter().map(|r| r.frames.len()).sum();
            let mut evidence = vec![Evidence {
                frames: connection
                    .attempts
                    .iter()
                    .flat_map(|a| a.frames.iter().copied())
                    .collect(),
                what: format!(
                    "{} sends {} SYN{} to {}",
                    connection.client,
                    connection.attempts.len(),
                    if connection.attempts.len() == 1 {
                        ""
                    } else {
                        "s"
                    },
                    connection.server
                ),
            }];
            // Where the requests left, to show asymmetric routing.
            let left_by: Vec<u32> = connection
                .attempts
                .iter()
                .filter_map(|a| analysis.journey(a.journey))
                .filter_map(|j| match j.fate {
                    Fate::LeftNode { interface } => Some(interface),
                    _ => None,
                })
                .collect();
            let asymmetric = left_by.first().filter(|&&out| out != interface).copied();
            if let Some(out) = asymmetric {
                evidence.push(Evidence {
                    frames: connection.attempts.iter().filter_map(|a| a.frames.last().copied()).collect(),
                    what: format!("they leave the node through {}, but the replies come back through {arrived}: asymmetric routing", analysis.interface_name(out)),
                });
            }
            evidence.push(Evidence {
                frames: dropped.iter().flat_map(|r| r.frames.iter().copied()).collect(),
                what: format!("{sightings} SYN-ACKs from {} arrive on {arrived} and none is ever sent on to {pod_side}, where {} lives", first.from, connection.client.address),
            });
            let severity = super::severity_of(connection);
            let mut finding = Finding::new(
                self,
                severity,
                format!("{} → {}: {sightings} replies reached the node on {arrived} and were dropped before {pod_side}", connection.client, connection.server),
                evidence,
            );
            finding.connection = Some(connection.id);
            finding.journeys = dropped.iter().map(|r| r.journey).collect();
            finding.point_of_failure = format!("on the node, between {arrived} (where the reply arrived) and {pod_side} (the pod's side)");
            finding.failure_frame = Some(first.last_frame);
            findings.push(finding);
        }
        findings
    }
}

#[cfg(test)]
mod tests {
    use super::super::{fixtures, Severity};
    use super::*;

    #[test]
    fn the_rp_filter_capture_shows_it_with_its_frames() {
        let found = fixtures::findings(&ReplyDroppedOnHost, "a_asym_rpfilter_drop.any.pcap");
        let [finding] = found.as_slice() else {
            panic!("{found:?}")
        };
        assert_eq!(finding.severity, Severity::Error);
        // README: #1 SYN from the pod, #2 out eth0, #3 the SYN-ACK on trunk1; 9 SYN-ACKs.
        for frame in [1, 2, 3] {
            assert!(
                finding.frames.contains(&frame),
                "frame {frame} missing from {:?}",
                finding.frames
            );
        }
        assert!(finding.summary.contains("9 replies"), "{}", finding.summary);
        assert!(finding
            .evidence
            .iter()
            .any(|e| e.what.contains("asymmetric routing")));
        assert_eq!(finding.failure_frame, Some(3));
    }

    #[test]
    fn the_lab_reproduces_strict_rp_filter_and_loose_mode_fixes_it() {
        // lab/rp-filter.sh strict: the node's IPReversePathFilter counter read 9 after the run.
        let found = fixtures::findings(&ReplyDroppedOnHost, "lab/rp_filter_strict.any.pcap");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].summary.contains("9 replies"),
            "{}",
            found[0].summary
        );
        assert!(fixtures::findings(&ReplyDroppedOnHost, "lab/rp_filter_loose.any.pcap").is_empty());
    }

    #[test]
    fn quiet_when_replies_reach_the_pod() {
        fixtures::quiet_elsewhere(
            &ReplyDroppedOnHost,
            &[
                "a_asym_rpfilter_drop.any.pcap",
                "lab/rp_filter_strict.any.pcap",
            ],
        );
    }
}

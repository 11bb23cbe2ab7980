//! `vxlan-syn-loss`: SYNs that cross a VXLAN overlay go unanswered and are retried on Linux's
//! back-off schedule, so connecting takes 63 s (or 1 s). The outer UDP checksum of the lost
//! SYNs tells the double-SNAT checksum bug from other drops.

use super::{Evidence, Explanation, Finding, Reference, Severity, Signature, Step};
use crate::analysis::Vantage;
use crate::analysis::{Analysis, HopReport, JourneyReport};
use crate::connection::{Attempt, Connection, Outcome};
use crate::decode::ChecksumStatus;
use crate::i18n::Message;
use crate::journey::{Encapsulation, Fate, TunnelKind};

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
    /// The link between the two nodes, from either end (both see the same packets).
    Wire,
}

static EXPLANATION: Explanation = Explanation {
    signature: "vxlan-syn-loss",
    confirm: &[
        Step {
            id: "vxlan-syn-loss-confirm-chain",
            commands: &["iptables -t nat -S KUBE-POSTROUTING"],
            tradeoff: false,
        },
        Step {
            id: "vxlan-syn-loss-confirm-counter",
            commands: &[
                "nstat -az UdpInCsumErrors UdpInErrors",
                "tcpdump -lvvni <uplink> udp port 8472 | grep -e 'bad udp cksum' -e 'udp sum ok' -e 'no cksum'",
            ],
            tradeoff: false,
        },
        Step {
            id: "vxlan-syn-loss-confirm-rehash",
            commands: &[
                "sysctl net.core.txrehash",
                "nstat -az TcpExtTcpTimeoutRehash",
            ],
            tradeoff: false,
        },
        Step {
            id: "vxlan-syn-loss-confirm-device",
            commands: &[
                "ip -d link show flannel.1 | grep -o -e noudpcsum -e udpcsum",
                "ethtool -k flannel.1 | grep tx-checksum-ip-generic",
            ],
            tradeoff: false,
        },
    ],
    fix: &[
        Step {
            id: "vxlan-syn-loss-fix-upgrade",
            commands: &["kubectl version", "iptables -t nat -S KUBE-POSTROUTING"],
            tradeoff: true,
        },
        Step {
            id: "vxlan-syn-loss-fix-offload",
            commands: &["ethtool -K flannel.1 tx-checksum-ip-generic off"],
            tradeoff: true,
        },
        Step {
            id: "vxlan-syn-loss-fix-kernel",
            commands: &["uname -r"],
            tradeoff: false,
        },
    ],
    references: &[
        Reference {
            title: "kubernetes#92035: kubelet, kube-proxy: unmark packets before masquerading them",
            url: "https://github.com/kubernetes/kubernetes/pull/92035",
        },
        Reference {
            title: "kubernetes#88986: Bare Metal K8S 63 Second Service Routing Delay - when accessing service via ClusterIP, or ExternalIP",
            url: "https://github.com/kubernetes/kubernetes/issues/88986",
        },
        Reference {
            title: "flannel#1279: UDP: bad checksum on VXLAN interface",
            url: "https://github.com/flannel-io/flannel/issues/1279",
        },
        Reference {
            title: "Linux ea64d8d6c675: netfilter: nat: never update the UDP checksum when it's 0",
            url: "https://github.com/torvalds/linux/commit/ea64d8d6c675c0bb712689b13810301de9d8f77a",
        },
        Reference {
            title: "kubernetes#90854: Additional 1s latency in host -> service IP -> pod when upgrading from 1.15.3 -> 1.18.1 on RHEL 8.1",
            url: "https://github.com/kubernetes/kubernetes/issues/90854",
        },
        Reference {
            title: "Documentation for /proc/sys/net/: txrehash",
            url: "https://docs.kernel.org/admin-guide/sysctl/net.html",
        },
        Reference {
            title: "IP Sysctl: tcp_syn_linear_timeouts, tcp_syn_retries",
            url: "https://docs.kernel.org/networking/ip-sysctl.html",
        },
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
        analysis
            .connections
            .iter()
            .filter_map(|connection| self.lost_in_the_tunnel(analysis, connection))
            .collect()
    }
}

/// The outer checksum, as the evidence names it.
fn checksum_class(status: ChecksumStatus) -> &'static str {
    match status {
        ChecksumStatus::Good => "vxlan-checksum-right",
        ChecksumStatus::Bad { .. } => "vxlan-checksum-wrong",
        ChecksumStatus::Partial | ChecksumStatus::LocalOffload => "vxlan-checksum-offloaded",
        ChecksumStatus::Absent => "vxlan-checksum-zero",
        ChecksumStatus::Unverifiable => "vxlan-checksum-unverifiable",
    }
}

impl VxlanSynLoss {
    fn lost_in_the_tunnel(&self, analysis: &Analysis, connection: &Connection) -> Option<Finding> {
        if connection.attempts.len() < 2 || !super::is_syn_backoff(&connection.retry_gaps()) {
            return None;
        }
        // Attempts sent before any SYN-ACK reached the client: the lost ones. The last one
        // before the answer is the one that was answered. A SYN-ACK answers when it reached the
        // client or left towards it (the receiving node's view).
        // On the link between the nodes, a SYN-ACK seen is one on its way back to the client.
        let on_the_link = matches!(analysis.vantage(), Vantage::NodeUplink { address: None });
        let answered_at = connection
            .syn_acks
            .iter()
            .filter(|r| on_the_link || super::reached_client(analysis, r))
            .filter_map(|r| r.frames.iter().min().copied())
            .min();
        let mut lost: Vec<&Attempt> = connection
            .attempts
            .iter()
            .filter(|a| answered_at.is_none_or(|f| a.frame < f))
            .collect();
        let answered = if answered_at.is_some() {
            lost.pop()
        } else {
            None
        };
        let mut tunnelled: Vec<Lost<'_>> = Vec::new();
        for attempt in &lost {
            let journey = analysis.journey(attempt.journey)?;
            let last = journey.last_hop();
            let outer = last
                .encapsulation
                .as_ref()
                .filter(|e| e.kind == TunnelKind::Vxlan)?;
            let view = match journey.fate {
                _ if on_the_link => View::Wire,
                Fate::LeftNode { .. } => View::Sender,
                Fate::Arrived { .. } | Fate::Local { .. } | Fate::EndedEarly { .. } => {
                    View::Receiver
                }
                _ => return None,
            };
            tunnelled.push((*attempt, journey, last, outer, view));
        }
        // Every lost SYN was lost in the tunnel.
        if tunnelled.is_empty() || tunnelled.len() != lost.len() {
            return None;
        }
        let (_, _, first_hop, first_outer, view) = tunnelled[0];
        let frames_of =
            |pick: &dyn Fn(&Lost<'_>) -> u64| tunnelled.iter().map(pick).collect::<Vec<u64>>();
        let vni = first_outer.vni.map_or("?".into(), |v| v.to_string());
        let gaps = super::gaps_text(&connection.retry_gaps());
        let peer = match view {
            View::Sender | View::Wire => first_outer.destination,
            View::Receiver => first_outer.source,
        };
        let mut evidence = vec![
            Evidence {
                frames: frames_of(&|t| t.0.frame),
                what: Message::new("vxlan-syn-loss-ev-lost")
                    .count("lost", lost.len())
                    .addr("client", connection.client)
                    .addr("server", connection.server)
                    .with("gaps", &gaps),
            },
            Evidence {
                frames: frames_of(&|t| t.2.frame),
                what: Message::new(match view {
                    View::Sender => "vxlan-syn-loss-ev-left",
                    View::Receiver => "vxlan-syn-loss-ev-arrived",
                    View::Wire => "vxlan-syn-loss-ev-crossed",
                })
                .with("interface", &first_hop.interface_name)
                .addr("source", first_outer.source)
                .addr("destination", first_outer.destination)
                .with("port", first_outer.destination_port)
                .with("vni", vni),
            },
        ];
        let through = answered
            .and_then(|a| analysis.journey(a.journey))
            .and_then(|j| j.hops.iter().rev().find_map(|h| h.encapsulation));
        // The outer source ports of the retries: with one SYN lost, the one that got through is
        // its only retry.
        let mut ports: Vec<u16> = tunnelled.iter().map(|t| t.3.source_port).collect();
        if let (1, Some(outer)) = (tunnelled.len(), through) {
            ports.push(outer.source_port);
        }
        let in_order = ports.clone();
        ports.sort_unstable();
        ports.dedup();
        evidence.push(Evidence {
            frames: frames_of(&|t| t.2.frame),
            what: Message::new(if ports.len() > 1 {
                "vxlan-syn-loss-ev-ports-changed"
            } else {
                "vxlan-syn-loss-ev-ports-same"
            })
            .with(
                "ports",
                in_order
                    .iter()
                    .map(|p| p.to_string())
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
        });
        // The outer checksums: wrong ones are the bug's own evidence.
        let wrong: Vec<(u64, u16, u16)> = tunnelled
            .iter()
            .filter_map(|t| match t.3.checksum {
                ChecksumStatus::Bad { stored, computed } => Some((t.2.frame, stored, computed)),
                _ => None,
            })
            .collect();
        if let Some(&(frame, stored, computed)) = wrong.first() {
            evidence.push(Evidence {
                frames: wrong.iter().map(|w| w.0).collect(),
                what: Message::new(if stored == 0xffff {
                    "vxlan-syn-loss-ev-checksum-ffff"
                } else {
                    "vxlan-syn-loss-ev-checksum-wrong"
                })
                .count("count", wrong.len())
                .frame("frame", frame)
                .with("stored", format!("0x{stored:04x}"))
                .with("computed", format!("0x{computed:04x}")),
            });
            if let Some(outer) = through.filter(|o| !o.checksum.is_bad()) {
                evidence.push(Evidence {
                    frames: answered.map(|a| a.frames.clone()).unwrap_or_default(),
                    what: Message::new("vxlan-syn-loss-ev-checksum-through")
                        .part("class", Message::new(checksum_class(outer.checksum))),
                });
            }
        } else {
            // A capture shows the outer checksum as it leaves (after the NAT that corrupts
            // it), unless offload is still to fill it in.
            let clean = matches!(
                first_outer.checksum,
                ChecksumStatus::Good | ChecksumStatus::Absent
            );
            evidence.push(Evidence {
                frames: frames_of(&|t| t.2.frame),
                what: Message::new(if clean {
                    "vxlan-syn-loss-ev-checksum-clean"
                } else {
                    "vxlan-syn-loss-ev-checksum-unknown"
                })
                .part("class", Message::new(checksum_class(first_outer.checksum)))
                .with("port", first_outer.destination_port),
            });
        }
        let (severity, outcome) = match (connection.outcome, connection.time_to_connect) {
            (Outcome::Established, Some(t)) => {
                if let Some(reply) = connection.syn_acks.first() {
                    evidence.push(Evidence {
                        frames: reply.frames.clone(),
                        what: Message::new("vxlan-syn-loss-ev-answered")
                            .with("seconds", super::seconds(t)),
                    });
                }
                (
                    if t > 3.0 {
                        Severity::Error
                    } else {
                        Severity::Warning
                    },
                    Message::new("vxlan-syn-loss-connected-after")
                        .with("seconds", super::seconds(t)),
                )
            }
            _ => (
                Severity::Error,
                Message::new("vxlan-syn-loss-never-connected"),
            ),
        };
        let mut finding = Finding::new(
            self,
            severity,
            Message::new(if wrong.is_empty() {
                "vxlan-syn-loss-summary"
            } else {
                "vxlan-syn-loss-summary-checksum"
            })
            .addr("client", connection.client)
            .addr("server", connection.server)
            .count("lost", lost.len())
            .part(
                "peer",
                match view {
                    View::Sender => Message::new("vxlan-syn-loss-to").addr("peer", peer),
                    View::Receiver => Message::new("vxlan-syn-loss-from").addr("peer", peer),
                    View::Wire => Message::new("vxlan-syn-loss-between")
                        .addr("sender", first_outer.source)
                        .addr("peer", peer),
                },
            )
            .with("gaps", &gaps)
            .part("outcome", outcome),
            evidence,
        );
        finding.connection = Some(connection.id);
        finding.journeys = tunnelled.iter().map(|t| t.0.journey).collect();
        finding.point_of_failure = match (view, wrong.is_empty()) {
            // A wrong outer checksum names the place: the receiving node's kernel.
            (View::Sender | View::Wire, false) => Message::new("vxlan-syn-loss-where-checksum")
                .with("interface", &first_hop.interface_name)
                .addr("sender", first_outer.source)
                .addr("peer", peer),
            (View::Sender, true) => Message::new("vxlan-syn-loss-where-sender")
                .with("interface", &first_hop.interface_name)
                .addr("peer", peer),
            (View::Wire, true) => Message::new("vxlan-syn-loss-where-wire")
                .with("interface", &first_hop.interface_name)
                .addr("sender", first_outer.source)
                .addr("peer", peer),
            (View::Receiver, _) => Message::new("vxlan-syn-loss-where-receiver")
                .with("interface", &first_hop.interface_name)
                .addr("peer", peer)
                .with("port", first_outer.destination_port),
        };
        finding.failure_frame = tunnelled.last().map(|t| t.2.frame);
        finding.next_capture = Some(match view {
            View::Sender => Message::new("vxlan-syn-loss-next-sender")
                .addr("peer", peer)
                .with("command", super::NODE_CAPTURE),
            View::Receiver => Message::new("vxlan-syn-loss-next-receiver").addr("peer", peer),
            View::Wire => Message::new("vxlan-syn-loss-next-wire")
                .addr("sender", first_outer.source)
                .addr("peer", peer),
        });
        Some(finding)
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
            finding.summary.to_string().contains("6 SYNs lost")
                && finding.summary.to_string().contains("64.5 s"),
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
            .any(|e| e.what.to_string().contains("outer UDP source port changed")));
        assert!(
            finding
                .evidence
                .iter()
                .any(|e| e.what.to_string().contains("offload placeholders")),
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
            finding.summary.to_string().contains("5 SYNs lost"),
            "{}",
            finding.summary
        );
        assert!(
            finding.point_of_failure.to_string().starts_with("beyond"),
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
                .to_string()
                .contains("dropped before decapsulation"),
            "{}",
            finding.point_of_failure
        );
        assert!(
            finding
                .evidence
                .iter()
                .any(|e| e.what.id == "vxlan-syn-loss-ev-checksum-unknown"),
            "the lab's veths pass checksums on still partial: say they cannot be checked"
        );
    }

    #[test]
    fn quiet_when_the_first_syn_through_the_tunnel_is_answered() {
        // The healthy lab runs cross VXLAN on 8472 and 4789 and connect at once.
        fixtures::quiet_where_not_expected(&VxlanSynLoss);
    }
    /// The evidence of one finding, by message id.
    fn evidence_ids(finding: &Finding) -> Vec<&str> {
        finding
            .evidence
            .iter()
            .map(|e| e.what.id.as_ref())
            .collect()
    }

    #[test]
    fn the_real_double_snat_bug_shows_its_wrong_outer_checksums_from_both_nodes() {
        // lab/vantage-vxlan-checksum.sh bug63: kube-proxy's rules before kubernetes#92035, tx
        // checksum offload on, net.core.txrehash=0: six SYNs leave with a wrong outer
        // checksum, the seventh (after the outer conntrack entry expired) with a right one.
        for capture in [
            "lab/vxlan_checksum_bug63.node1.any.pcap",
            "lab/vxlan_checksum_bug63.node2.any.pcap",
        ] {
            let found = fixtures::findings(&VxlanSynLoss, capture);
            let [finding] = found.as_slice() else {
                panic!("{capture}: {found:?}")
            };
            assert_eq!(finding.severity, Severity::Error, "{capture}");
            assert_eq!(
                finding.summary.id, "vxlan-syn-loss-summary-checksum",
                "{capture}"
            );
            let ids = evidence_ids(finding);
            assert!(
                ids.contains(&"vxlan-syn-loss-ev-checksum-wrong"),
                "{capture}: {ids:?}"
            );
            assert!(
                ids.contains(&"vxlan-syn-loss-ev-checksum-through"),
                "{capture}: {ids:?}"
            );
            assert!(
                ids.contains(&"vxlan-syn-loss-ev-ports-same"),
                "{capture}: {ids:?}"
            );
            let wrong = finding
                .evidence
                .iter()
                .find(|e| e.what.id == "vxlan-syn-loss-ev-checksum-wrong")
                .unwrap();
            assert_eq!(wrong.frames.len(), 6, "{capture}: one per lost SYN");
        }
        let sender =
            &fixtures::findings(&VxlanSynLoss, "lab/vxlan_checksum_bug63.node1.any.pcap")[0];
        assert_eq!(sender.point_of_failure.id, "vxlan-syn-loss-where-checksum");
        let receiver =
            &fixtures::findings(&VxlanSynLoss, "lab/vxlan_checksum_bug63.node2.any.pcap")[0];
        assert_eq!(
            receiver.point_of_failure.id,
            "vxlan-syn-loss-where-receiver"
        );
    }

    #[test]
    fn the_one_second_variant_is_a_warning_with_a_new_outer_port() {
        // txrehash=1: the retry gets a new outer port, is SNATed once and connects after 1 s.
        let found = fixtures::findings(&VxlanSynLoss, "lab/vxlan_checksum_bug.node1.any.pcap");
        let [finding] = found.as_slice() else {
            panic!("{found:?}")
        };
        assert_eq!(finding.severity, Severity::Warning);
        assert_eq!(finding.summary.id, "vxlan-syn-loss-summary-checksum");
        let ids = evidence_ids(finding);
        assert!(ids.contains(&"vxlan-syn-loss-ev-ports-changed"), "{ids:?}");
        assert!(ids.contains(&"vxlan-syn-loss-ev-checksum-wrong"), "{ids:?}");
    }

    #[test]
    fn on_the_link_between_two_nodes_it_names_neither_as_its_own() {
        // The receiving node's uplink sees the very packets the sender's does.
        let found = fixtures::findings(&VxlanSynLoss, "lab/vxlan_checksum_bug.node2.uplink.pcap");
        let [finding] = found.as_slice() else {
            panic!("{found:?}")
        };
        assert!(evidence_ids(finding).contains(&"vxlan-syn-loss-ev-crossed"));
        assert_eq!(finding.point_of_failure.id, "vxlan-syn-loss-where-checksum");
        assert!(
            finding.summary.to_string().contains("1 SYN lost"),
            "{}",
            finding.summary
        );
        assert!(
            finding
                .summary
                .to_string()
                .contains("between 172.18.0.2 and 172.18.0.3"),
            "{}",
            finding.summary
        );
    }

    #[test]
    fn a_loss_without_checksum_evidence_is_not_blamed_on_the_checksum_bug() {
        // lab/vxlan-loss.sh lossy63 drops VXLAN on node2 with a rule: the same retry schedule,
        // no wrong checksum.
        let found = fixtures::findings(&VxlanSynLoss, "lab/vxlan_lossy63.node1.any.pcap");
        let [finding] = found.as_slice() else {
            panic!("{found:?}")
        };
        assert_eq!(finding.summary.id, "vxlan-syn-loss-summary");
        assert_ne!(finding.point_of_failure.id, "vxlan-syn-loss-where-checksum");
        assert!(!evidence_ids(finding).contains(&"vxlan-syn-loss-ev-checksum-wrong"));
    }

    #[test]
    fn quiet_on_the_healthy_twins_of_the_checksum_bug() {
        // Fixed rules (one SNAT), and double SNAT with tx checksum offload off (right checksum).
        for capture in [
            "lab/vxlan_checksum_fixed.node1.any.pcap",
            "lab/vxlan_checksum_fixed.node2.any.pcap",
            "lab/vxlan_checksum_offload_off.node1.any.pcap",
            "lab/vxlan_checksum_offload_off.node2.uplink.pcap",
        ] {
            assert!(
                fixtures::findings(&VxlanSynLoss, capture).is_empty(),
                "{capture}"
            );
        }
    }
}

//! `reply-dropped-on-host`: replies reach the node on one interface and are never sent on to
//! the pod; the client retries.

use super::{Evidence, Explanation, Finding, Reference, Severity, Signature, Step};
use std::net::IpAddr;

use crate::analysis::{Analysis, Vantage};
use crate::connection::{Connection, Outcome, Side};
use crate::i18n::Message;
use crate::journey::Fate;
use crate::journey::{Endpoint, InterfaceKey};

pub struct ReplyDroppedOnHost;

static EXPLANATION: Explanation = Explanation {
    signature: "reply-dropped-on-host",
    confirm: &[
        Step {
            id: "reply-dropped-on-host-confirm-rp-filter",
            commands: &[
                "nstat -az TcpExtIPReversePathFilter",
                "sysctl -a 2>/dev/null | grep '\\.rp_filter'",
            ],
            tradeoff: false,
        },
        Step {
            id: "reply-dropped-on-host-confirm-route",
            commands: &["ip route get <pod-ip> from <remote-ip> iif <arrival-interface>"],
            tradeoff: false,
        },
        Step {
            id: "reply-dropped-on-host-confirm-early-demux",
            commands: &[
                "sysctl net.ipv4.tcp_early_demux",
                "kubectl -n kube-system get ds aws-node -o jsonpath='{.spec.template.spec.initContainers[*].env}'",
            ],
            tradeoff: false,
        },
    ],
    fix: &[
        Step {
            id: "reply-dropped-on-host-fix-early-demux",
            commands: &[
                "kubectl patch daemonset aws-node -n kube-system -p '{\"spec\":{\"template\":{\"spec\":{\"initContainers\":[{\"name\":\"aws-vpc-cni-init\",\"env\":[{\"name\":\"DISABLE_TCP_EARLY_DEMUX\",\"value\":\"true\"}]}]}}}}'",
                "aws eks update-addon --cluster-name <cluster> --addon-name vpc-cni --resolve-conflicts PRESERVE --configuration-values '{\"init\":{\"env\":{\"DISABLE_TCP_EARLY_DEMUX\":\"true\"}}}'",
            ],
            tradeoff: true,
        },
        Step {
            id: "reply-dropped-on-host-fix-standard-mode",
            commands: &["kubectl set env daemonset aws-node -n kube-system POD_SECURITY_GROUP_ENFORCING_MODE=standard"],
            tradeoff: true,
        },
        Step {
            id: "reply-dropped-on-host-fix-rp-filter",
            commands: &[
                "sysctl -w net.ipv4.conf.all.rp_filter=2 net.ipv4.conf.<interface>.rp_filter=2",
                "ip rule add from <pod-cidr> table <table>",
            ],
            tradeoff: true,
        },
    ],
    references: &[
        Reference {
            title: "amazon-vpc-cni-k8s#1212: Add support to toggle TCP early demux",
            url: "https://github.com/aws/amazon-vpc-cni-k8s/pull/1212",
        },
        Reference {
            title: "Configure the Amazon VPC CNI plugin for Kubernetes for security groups for Amazon EKS Pods",
            url: "https://docs.aws.amazon.com/eks/latest/userguide/security-groups-pods-deployment.html",
        },
        Reference {
            title: "Assign security groups to individual Pods",
            url: "https://docs.aws.amazon.com/eks/latest/userguide/security-groups-for-pods.html",
        },
        Reference {
            title: "IP Sysctl: rp_filter, tcp_early_demux",
            url: "https://docs.kernel.org/networking/ip-sysctl.html",
        },
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
                what: Message::new("reply-dropped-on-host-ev-syns")
                    .addr("client", connection.client)
                    .count("count", connection.attempts.len())
                    .addr("server", connection.server),
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
                    frames: connection
                        .attempts
                        .iter()
                        .filter_map(|a| a.frames.last().copied())
                        .collect(),
                    what: Message::new("reply-dropped-on-host-ev-asymmetric")
                        .with("out", analysis.interface_name(out))
                        .with("arrived", &arrived),
                });
            }
            evidence.push(Evidence {
                frames: dropped
                    .iter()
                    .flat_map(|r| r.frames.iter().copied())
                    .collect(),
                what: Message::new("reply-dropped-on-host-ev-dropped")
                    .count("count", sightings)
                    .addr("from", first.from)
                    .with("arrived", &arrived)
                    .with("pod_side", &pod_side)
                    .addr("client", connection.client.address),
            });
            let severity = super::severity_of(connection);
            let mut finding = Finding::new(
                self,
                severity,
                Message::new("reply-dropped-on-host-summary")
                    .addr("client", connection.client)
                    .addr("server", connection.server)
                    .count("count", sightings)
                    .with("arrived", &arrived)
                    .with("pod_side", &pod_side),
                evidence,
            );
            finding.connection = Some(connection.id);
            finding.journeys = dropped.iter().map(|r| r.journey).collect();
            finding.point_of_failure = Message::new("reply-dropped-on-host-where")
                .with("arrived", &arrived)
                .with("pod_side", &pod_side);
            finding.failure_frame = Some(first.last_frame);
            findings.push(finding);
        }
        let reported: Vec<u64> = findings.iter().filter_map(|f| f.connection).collect();
        findings.extend(self.not_taken_by_a_local_socket(analysis, &reported));
        findings
    }
}

/// Gaps between a server's SYN-ACKs at least this long are its retransmission timer (1 s, then
/// doubling), not copies of one.
const RETRANSMITTED_AFTER_NANOS: i128 = 500_000_000;

/// A handshake whose packets reached the host of one end and were never taken by its socket.
struct NotTaken<'a> {
    connection: &'a Connection,
    /// The end whose socket never got the packet.
    socket: Endpoint,
    /// The handshake packet that was not taken: the SYN-ACK to the client, or the client's ACK.
    reply_frames: Vec<u64>,
    /// Where it was last seen, when the capture shows it arriving on the host.
    arrived_on: Option<InterfaceKey>,
    /// The SYN-ACKs the server sent, again and again: it never saw its handshake completed.
    resent: Vec<u64>,
    /// The client's handshake completed on its side (case of the lost ACK).
    client_completed: bool,
}

impl ReplyDroppedOnHost {
    /// The other way replies die on the node: addressed to the node's own socket (the kubelet
    /// probing a pod behind a branch ENI, the pod's connections to the kubelet), they arrive and
    /// the socket never takes them. The kubelet's SYN gets a SYN-ACK it never acknowledges (the
    /// pod resends it); or the pod's ACK arrives and the node keeps resending its SYN-ACK.
    fn not_taken_by_a_local_socket(&self, analysis: &Analysis, reported: &[u64]) -> Vec<Finding> {
        let mut groups: Vec<((IpAddr, IpAddr), Vec<NotTaken<'_>>)> = Vec::new();
        for connection in &analysis.connections {
            if reported.contains(&connection.id) {
                continue;
            }
            let Some(case) = not_taken(analysis, connection) else {
                continue;
            };
            let other = if case.socket == connection.client {
                connection.server.address
            } else {
                connection.client.address
            };
            let key = (case.socket.address, other);
            match groups.iter_mut().find(|(k, _)| *k == key) {
                Some((_, cases)) => cases.push(case),
                None => groups.push((key, vec![case])),
            }
        }
        groups
            .into_iter()
            .map(|((socket, other), cases)| self.not_taken_finding(analysis, socket, other, &cases))
            .collect()
    }

    fn not_taken_finding(
        &self,
        analysis: &Analysis,
        socket: IpAddr,
        other: IpAddr,
        cases: &[NotTaken<'_>],
    ) -> Finding {
        let mut evidence = Vec::new();
        let probes: Vec<&NotTaken<'_>> = cases.iter().filter(|c| !c.client_completed).collect();
        let acks: Vec<&NotTaken<'_>> = cases.iter().filter(|c| c.client_completed).collect();
        let arrived_on = cases
            .iter()
            .find_map(|c| c.arrived_on)
            .map(|key| analysis.interface_name(key));
        if let Some(first) = probes.first() {
            let c = first.connection;
            evidence.push(Evidence {
                frames: c.attempts.iter().map(|a| a.frame).collect(),
                what: Message::new("reply-dropped-on-host-ev-open")
                    .addr("client", c.client)
                    .addr("server", c.server),
            });
            evidence.push(Evidence {
                frames: first.reply_frames.clone(),
                what: match &arrived_on {
                    Some(interface) => Message::new("reply-dropped-on-host-ev-syn-ack-arrived")
                        .addr("server", c.server)
                        .with("interface", interface)
                        .addr("client", c.client),
                    None => Message::new("reply-dropped-on-host-ev-syn-ack-sent")
                        .addr("server", c.server),
                },
            });
            evidence.push(Evidence {
                frames: first.resent.clone(),
                what: Message::new("reply-dropped-on-host-ev-resent")
                    .addr("server", c.server)
                    .count("count", first.resent.len().saturating_sub(1)),
            });
            if probes.len() > 1 {
                evidence.push(Evidence {
                    frames: probes
                        .iter()
                        .skip(1)
                        .map(|p| p.connection.attempts[0].frame)
                        .collect(),
                    what: Message::new("reply-dropped-on-host-ev-more")
                        .count("count", probes.len() - 1)
                        .addr("client", c.client.address)
                        .addr("server", c.server),
                });
            }
        }
        for case in &acks {
            let c = case.connection;
            evidence.push(Evidence {
                frames: case.reply_frames.clone(),
                what: match &arrived_on {
                    Some(interface) => Message::new("reply-dropped-on-host-ev-ack-arrived")
                        .addr("client", c.client)
                        .addr("server", c.server)
                        .with("interface", interface)
                        .frame("frame", case.reply_frames[0]),
                    None => Message::new("reply-dropped-on-host-ev-ack-sent")
                        .addr("client", c.client)
                        .addr("server", c.server)
                        .frame("frame", case.reply_frames[0]),
                },
            });
            evidence.push(Evidence {
                frames: case.resent.clone(),
                what: Message::new("reply-dropped-on-host-ev-ack-resent")
                    .addr("server", c.server)
                    .count("count", case.resent.len()),
            });
        }
        let connections: usize = cases.len();
        let mut finding = Finding::new(
            self,
            Severity::Error,
            match &arrived_on {
                Some(interface) => Message::new("reply-dropped-on-host-summary-not-taken-arrived")
                    .with("interface", interface),
                None => Message::new("reply-dropped-on-host-summary-not-taken"),
            }
            .with("other", other)
            .with("socket", socket)
            .count("connections", connections),
            evidence,
        );
        finding.connection = cases.first().map(|c| c.connection.id);
        finding.journeys = cases
            .iter()
            .flat_map(|c| {
                c.connection
                    .attempts
                    .iter()
                    .map(|a| a.journey)
                    .chain(c.connection.syn_acks.iter().map(|r| r.journey))
            })
            .take(300)
            .collect();
        finding.point_of_failure = match &arrived_on {
            Some(interface) => Message::new("reply-dropped-on-host-where-not-taken-arrived")
                .with("interface", interface),
            None => Message::new("reply-dropped-on-host-where-not-taken"),
        }
        .with("other", other)
        .with("socket", socket);
        finding.failure_frame = cases.first().and_then(|c| c.reply_frames.last().copied());
        if !matches!(analysis.vantage(), Vantage::NodeAllInterfaces { .. }) || arrived_on.is_none()
        {
            finding.next_capture = Some(
                Message::new("reply-dropped-on-host-next-not-taken")
                    .with("socket", socket)
                    .with("command", super::NODE_CAPTURE),
            );
        }
        finding
    }
}

/// Whether a handshake's packet reached one end's host and was never taken by its socket.
fn not_taken<'a>(analysis: &Analysis, connection: &'a Connection) -> Option<NotTaken<'a>> {
    let first_syn_ack = connection.syn_acks.first()?;
    // The server's SYN-ACKs at their own times: retransmissions, not copies.
    let mut resent: Vec<u64> = Vec::new();
    let mut last: Option<crate::capture::Timestamp> = None;
    for reply in &connection.syn_acks {
        let time = analysis
            .journey(reply.journey)
            .map(|j| j.first_hop().time)?;
        if last.is_none_or(|l| time.nanos_since(l) >= RETRANSMITTED_AFTER_NANOS) {
            resent.push(reply.frames[0]);
            last = Some(time);
        }
    }
    if resent.len() < 2 || !connection.resets.is_empty() {
        return None;
    }
    let arrived = |fate: Fate| match fate {
        Fate::Local { interface } | Fate::EndedEarly { interface, .. } => Some(interface),
        _ => None,
    };
    match (connection.outcome, connection.time_to_connect) {
        // The client never acknowledged a SYN-ACK it was sent, again and again.
        (Outcome::GaveUp | Outcome::Unanswered, _) => {
            let arrived_on = arrived(first_syn_ack.fate);
            let local_client = arrived_on.is_some()
                || matches!(analysis.vantage(), Vantage::Endpoint { address } if address == connection.server.address);
            local_client.then(|| NotTaken {
                connection,
                socket: connection.client,
                reply_frames: first_syn_ack.frames.clone(),
                arrived_on,
                resent,
                client_completed: false,
            })
        }
        // The client completed the handshake, and the server kept resending its SYN-ACK: the
        // client's ACK never reached the server's socket.
        (Outcome::Established, Some(seconds)) => {
            let established = connection.attempts.first()?.time;
            let completed_nanos = (seconds * 1e9) as i128;
            let after = connection.syn_acks.iter().any(|reply| {
                analysis.journey(reply.journey).is_some_and(|j| {
                    j.first_hop().time.nanos_since(established)
                        > completed_nanos + RETRANSMITTED_AFTER_NANOS
                })
            });
            let unacknowledged = connection
                .retransmissions
                .iter()
                .any(|r| r.by == Side::Client && !r.acknowledged);
            if !after || !unacknowledged {
                return None;
            }
            let ack = connection.established_frame?;
            let arrived_on = analysis
                .journeys
                .iter()
                .find(|j| j.frames.contains(&ack))
                .and_then(|j| arrived(j.fate));
            Some(NotTaken {
                connection,
                socket: connection.server,
                reply_frames: vec![ack],
                arrived_on,
                resent: resent[1..].to_vec(),
                client_completed: true,
            })
        }
        _ => None,
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
        assert!(
            finding.summary.to_string().contains("9 replies"),
            "{}",
            finding.summary
        );
        assert!(finding
            .evidence
            .iter()
            .any(|e| e.what.to_string().contains("asymmetric routing")));
        assert_eq!(finding.failure_frame, Some(3));
    }

    #[test]
    fn the_lab_reproduces_strict_rp_filter_and_loose_mode_fixes_it() {
        // lab/rp-filter.sh strict: the node's IPReversePathFilter counter read 9 after the run.
        let found = fixtures::findings(&ReplyDroppedOnHost, "lab/rp_filter_strict.any.pcap");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].summary.to_string().contains("9 replies"),
            "{}",
            found[0].summary
        );
        assert!(fixtures::findings(&ReplyDroppedOnHost, "lab/rp_filter_loose.any.pcap").is_empty());
    }

    #[test]
    fn quiet_when_replies_reach_the_pod() {
        fixtures::quiet_where_not_expected(&ReplyDroppedOnHost);
    }
}

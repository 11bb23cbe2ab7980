//! `port-reuse-rejected`: a SYN on the ports of a connection that just ended is answered with a
//! bare ACK (a challenge ACK, RFC 5961) instead of a SYN-ACK, because the server (or a
//! conntrack or NAT on the way) still holds the old connection, in TIME_WAIT or stale. The
//! client answers the ACK with a reset and sends the SYN again.

use super::{Evidence, Explanation, Finding, Reference, Severity, Signature, Step};
use crate::analysis::Analysis;
use crate::connection::{Connection, Outcome, Reply, Side};
use crate::i18n::Message;
use crate::journey::Endpoint;

pub struct PortReuseRejected;

static EXPLANATION: Explanation = Explanation {
    signature: "port-reuse-rejected",
    confirm: &[
        Step {
            id: "port-reuse-rejected-confirm-timewait",
            commands: &[
                "kubectl exec -n <namespace> <server-pod> -- ss -tan state time-wait dst <client-ip>",
                "kubectl exec -n <namespace> <server-pod> -- cat /proc/sys/net/ipv4/tcp_rfc1337",
            ],
            tradeoff: false,
        },
        Step {
            id: "port-reuse-rejected-confirm-capture",
            commands: &["tcpdump -ni any 'host <client-ip> and tcp port <port>'"],
            tradeoff: false,
        },
        Step {
            id: "port-reuse-rejected-confirm-conntrack",
            commands: &[
                "sysctl net.netfilter.nf_conntrack_tcp_timeout_time_wait",
                "conntrack -L -p tcp -d <server-ip> --dport <port> | grep TIME_WAIT",
                "iptables-save -t nat | grep MASQUERADE",
            ],
            tradeoff: false,
        },
    ],
    fix: &[
        Step {
            id: "port-reuse-rejected-fix-reuse",
            commands: &[],
            tradeoff: false,
        },
        Step {
            id: "port-reuse-rejected-fix-nat",
            commands: &["sysctl net.netfilter.nf_conntrack_tcp_timeout_time_wait"],
            tradeoff: true,
        },
    ],
    references: &[
        Reference {
            title: "cilium#45863: Ephemeral Port Reuse Ignores TCP fin_timeout",
            url: "https://github.com/cilium/cilium/issues/45863",
        },
        Reference {
            title: "RFC 5961: Improving TCP's Robustness to Blind In-Window Attacks",
            url: "https://www.rfc-editor.org/rfc/rfc5961",
        },
        Reference {
            title: "RFC 6191: Reducing the TIME-WAIT State Using TCP Timestamps",
            url: "https://www.rfc-editor.org/rfc/rfc6191",
        },
        Reference {
            title: "gvisor#7619: Netstack should retransmit a SYN immediately after a challenge ACK from peer",
            url: "https://github.com/google/gvisor/issues/7619",
        },
    ],
};

impl Signature for PortReuseRejected {
    fn id(&self) -> &'static str {
        "port-reuse-rejected"
    }

    fn explanation(&self) -> &'static Explanation {
        &EXPLANATION
    }

    fn detect(&self, analysis: &Analysis) -> Vec<Finding> {
        let rejected: Vec<(&Connection, &Reply)> = analysis
            .connections
            .iter()
            .filter_map(|connection| {
                // The client resets the ACK it did not expect: that is the rejection. Without
                // it the ACK is more likely reordered (a capture that saw the SYN-ACK first).
                let challenge = connection.challenge_acks.iter().find(|challenge| {
                    let frame = challenge
                        .frames
                        .first()
                        .copied()
                        .unwrap_or(challenge.last_frame);
                    connection
                        .resets
                        .iter()
                        .any(|r| r.by == Side::Client && r.frames.first() > Some(&frame))
                })?;
                Some((connection, challenge))
            })
            .collect();
        if rejected.is_empty() {
            return Vec::new();
        }
        let by_ports = ByPorts::new(analysis);
        rejected
            .into_iter()
            .map(|(connection, challenge)| {
                self.finding(by_ports.previous(connection), connection, challenge)
            })
            .collect()
    }
}

/// Connections by their client and server ends, to find the one that used the same ports.
struct ByPorts<'a> {
    connections: std::collections::HashMap<(Endpoint, Endpoint), Vec<&'a Connection>>,
}

impl<'a> ByPorts<'a> {
    fn new(analysis: &'a Analysis) -> ByPorts<'a> {
        let mut connections: std::collections::HashMap<_, Vec<_>> =
            std::collections::HashMap::new();
        for connection in &analysis.connections {
            connections
                .entry((connection.client, connection.server))
                .or_default()
                .push(connection);
        }
        ByPorts { connections }
    }

    /// The connection that used the same ports before, if this capture saw it.
    fn previous(&self, connection: &Connection) -> Option<&'a Connection> {
        self.connections
            .get(&(connection.client, connection.server))?
            .iter()
            .filter(|c| c.id != connection.id && c.last_frame < connection.first_frame)
            .max_by_key(|c| c.last_frame)
            .copied()
    }
}

impl PortReuseRejected {
    fn finding(
        &self,
        before: Option<&Connection>,
        connection: &Connection,
        challenge: &Reply,
    ) -> Finding {
        let challenge_frame = challenge
            .frames
            .first()
            .copied()
            .unwrap_or(challenge.last_frame);
        let mut evidence = Vec::new();
        if let Some(before) = before {
            evidence.push(Evidence {
                frames: before.fin_frames.clone(),
                what: match before.fin_frames.first() {
                    Some(first) => Message::new("port-reuse-rejected-ev-previous-closed")
                        .frame("first", before.first_frame)
                        .frame("fin", *first),
                    None => Message::new("port-reuse-rejected-ev-previous")
                        .frame("first", before.first_frame)
                        .frame("last", before.last_frame),
                },
            });
        }
        if let Some(syn) = connection
            .attempts
            .iter()
            .rev()
            .find(|a| a.frame < challenge_frame)
        {
            evidence.push(Evidence {
                frames: syn.frames.clone(),
                what: Message::new("port-reuse-rejected-ev-syn")
                    .addr("client", connection.client)
                    .frame("frame", syn.frame),
            });
        }
        evidence.push(Evidence {
            frames: challenge.frames.clone(),
            what: Message::new("port-reuse-rejected-ev-challenge")
                .addr("server", connection.server)
                .frame("frame", challenge_frame),
        });
        if let Some(reset) = connection
            .resets
            .iter()
            .find(|r| r.by == Side::Client && r.frames.first() > Some(&challenge_frame))
        {
            evidence.push(Evidence {
                frames: reset.frames.clone(),
                what: Message::new("port-reuse-rejected-ev-reset")
                    .addr("client", connection.client),
            });
        }
        let retry = connection
            .attempts
            .iter()
            .find(|a| a.frame > challenge_frame);
        if let Some(retry) = retry {
            evidence.push(Evidence {
                frames: retry.frames.clone(),
                what: Message::new("port-reuse-rejected-ev-retry")
                    .with("seconds", super::seconds(retry.gap.unwrap_or(0.0))),
            });
        }
        let established = connection.outcome == Outcome::Established;
        if let (true, Some(reply)) = (established, connection.syn_acks.last()) {
            evidence.push(Evidence {
                frames: reply.frames.clone(),
                what: Message::new("port-reuse-rejected-ev-accepted"),
            });
        }
        let mut finding = Finding::new(
            self,
            if established {
                Severity::Warning
            } else {
                Severity::Error
            },
            Message::new(if established {
                "port-reuse-rejected-summary-late"
            } else {
                "port-reuse-rejected-summary-failed"
            })
            .addr("client", connection.client)
            .addr("server", connection.server)
            .with(
                "seconds",
                super::seconds(retry.and_then(|r| r.gap).unwrap_or(0.0)),
            ),
            evidence,
        );
        finding.connection = Some(connection.id);
        finding.journeys = std::iter::once(challenge.journey)
            .chain(connection.attempts.iter().map(|a| a.journey))
            .collect();
        // The side that sent the first FIN is the one that waits in TIME_WAIT.
        let server_waits = before.is_some_and(|b| b.first_fin_by == Some(Side::Server));
        finding.point_of_failure = if server_waits {
            Message::new("port-reuse-rejected-where-time-wait").addr("server", connection.server)
        } else {
            Message::new("port-reuse-rejected-where-state").addr("server", connection.server)
        };
        finding.failure_frame = Some(challenge_frame);
        finding
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures;
    use super::*;

    const ENDS: fixtures::Ends = fixtures::Ends {
        client: "10.244.1.10:40000",
        server: "10.96.0.30:80",
        client_ttl: 64,
        server_ttl: 63,
    };

    /// A connection the server closes first, then a SYN on the same ports with a lower ISN.
    fn reuse() -> Vec<fixtures::Segment> {
        vec![
            ENDS.at(0, true, "S", 1000, 0, 0),
            ENDS.at(1, false, "SA", 5000, 1001, 0),
            ENDS.at(2, true, "A", 1001, 5001, 0),
            ENDS.at(3, true, "PA", 1001, 5001, 40),
            ENDS.at(4, false, "PA", 5001, 1041, 40),
            ENDS.at(5, false, "FA", 5041, 1041, 0),
            ENDS.at(6, true, "FA", 1041, 5042, 0),
            ENDS.at(7, false, "A", 5042, 1042, 0),
            ENDS.at(20, true, "S", 500, 0, 0),
            ENDS.at(21, false, "A", 5042, 1042, 0),
            ENDS.at(22, true, "R", 1042, 0, 0),
        ]
    }

    #[test]
    fn a_challenge_ack_then_a_reset_with_no_way_in_is_an_error() {
        let found = fixtures::script_findings(&PortReuseRejected, &reuse());
        let [finding] = found.as_slice() else {
            panic!("{found:?}")
        };
        assert_eq!(finding.severity, Severity::Error);
        assert_eq!(finding.failure_frame, Some(10));
        assert!(
            finding.point_of_failure.to_string().contains("TIME_WAIT"),
            "{}",
            finding.point_of_failure
        );
    }

    #[test]
    fn a_retry_that_gets_in_makes_it_a_warning() {
        let mut script = reuse();
        script.push(ENDS.at(1020, true, "S", 500, 0, 0));
        script.push(ENDS.at(1021, false, "SA", 9000, 501, 0));
        script.push(ENDS.at(1022, true, "A", 501, 9001, 0));
        let found = fixtures::script_findings(&PortReuseRejected, &script);
        let [finding] = found.as_slice() else {
            panic!("{found:?}")
        };
        assert_eq!(finding.severity, Severity::Warning);
        assert!(
            finding.summary.to_string().contains("1.0"),
            "{}",
            finding.summary
        );
    }

    #[test]
    fn a_reused_port_accepted_at_once_is_quiet() {
        let mut script = reuse();
        script.truncate(8);
        script.push(ENDS.at(20, true, "S", 90_000, 0, 0));
        script.push(ENDS.at(21, false, "SA", 9000, 90_001, 0));
        script.push(ENDS.at(22, true, "A", 90_001, 9001, 0));
        assert!(fixtures::script_findings(&PortReuseRejected, &script).is_empty());
    }

    #[test]
    fn a_duplicate_syn_answered_with_an_ack_of_its_own_isn_is_not_a_challenge() {
        // The SYN-ACK was lost; the server, already past it, acknowledges ISN + 1.
        let script = vec![
            ENDS.at(0, true, "S", 1000, 0, 0),
            ENDS.at(1000, true, "S", 1000, 0, 0),
            ENDS.at(1001, false, "A", 5001, 1001, 0),
        ];
        assert!(fixtures::script_findings(&PortReuseRejected, &script).is_empty());
    }

    #[test]
    fn a_capture_that_saw_the_syn_ack_before_the_syn_is_not_a_rejection() {
        // Reordered by the capture: the server's later ACK must not read as a challenge.
        let script = vec![
            ENDS.at(0, false, "SA", 5000, 1001, 0),
            ENDS.at(1, true, "S", 1000, 0, 0),
            ENDS.at(2, true, "A", 1001, 5001, 0),
            ENDS.at(3, true, "PA", 1001, 5001, 40),
            ENDS.at(70, false, "A", 5001, 1041, 0),
        ];
        assert!(fixtures::script_findings(&PortReuseRejected, &script).is_empty());
    }

    #[test]
    fn the_lab_reuse_shows_it_from_the_pod_and_the_node() {
        for view in ["pod", "node.any", "node.sll1"] {
            let name = format!("lab/port_reuse.{view}.pcap");
            let found = fixtures::findings(&PortReuseRejected, &name);
            let [finding] = found.as_slice() else {
                panic!("{name}: {found:?}")
            };
            assert_eq!(finding.severity, Severity::Warning, "{name}");
            assert!(
                finding.point_of_failure.to_string().contains("TIME_WAIT"),
                "{name}"
            );
        }
        let found = fixtures::findings(&PortReuseRejected, "lab/port_reuse.pod.pcap");
        assert_eq!(found[0].failure_frame, Some(28));
        for frame in [24, 27, 28, 29, 30, 31] {
            assert!(
                found[0].frames.contains(&frame),
                "{frame}: {:?}",
                found[0].frames
            );
        }
    }

    #[test]
    fn the_healthy_twin_is_quiet() {
        fixtures::quiet_on(
            &PortReuseRejected,
            "port_reuse_ok",
            &["pod", "node.any", "node.sll1"],
        );
    }

    #[test]
    fn quiet_where_not_expected() {
        fixtures::quiet_where_not_expected(&PortReuseRejected);
    }
}

//! `connection-refused`: the SYN is answered at once with a reset or an ICMP "unreachable" —
//! nothing listens where the Service sends it, or a REJECT rule turns it away — or, after a
//! few seconds, with "host unreachable" from a node that cannot find the destination.

use std::collections::HashMap;

use super::{Evidence, Explanation, Finding, Reference, Severity, Signature, Step};
use crate::analysis::Analysis;
use crate::capture::Timestamp;
use crate::connection::{Connection, IcmpReason, Outcome, Side};
use crate::i18n::Message;
use crate::journey::Direction;

pub struct ConnectionRefused;

static EXPLANATION: Explanation = Explanation {
    signature: "connection-refused",
    confirm: &[
        Step {
            id: "connection-refused-confirm-endpoints",
            commands: &[
                "kubectl get endpointslices -n <namespace> -l kubernetes.io/service-name=<service> -o wide",
                "kubectl get svc <service> -n <namespace> -o jsonpath='{.spec.ports}'",
            ],
            tradeoff: false,
        },
        Step {
            id: "connection-refused-confirm-reject",
            commands: &["iptables-save -t filter | grep -e 'has no endpoints' -e '-j REJECT'"],
            tradeoff: false,
        },
        Step {
            id: "connection-refused-confirm-listen",
            commands: &["kubectl exec <pod> -n <namespace> -- ss -ltn"],
            tradeoff: false,
        },
        Step {
            id: "connection-refused-confirm-neighbour",
            commands: &["ip neigh show <pod-ip>", "kubectl get pods -A -o wide | grep <pod-ip>"],
            tradeoff: false,
        },
    ],
    fix: &[
        Step {
            id: "connection-refused-fix-selector",
            commands: &[
                "kubectl describe svc <service> -n <namespace>",
                "kubectl get pods -n <namespace> -l <selector> -o wide",
            ],
            tradeoff: false,
        },
        Step {
            id: "connection-refused-fix-listen",
            commands: &[],
            tradeoff: false,
        },
        Step {
            id: "connection-refused-fix-policy",
            commands: &["kubectl get networkpolicy -A", "iptables-save | grep -- '-j REJECT'"],
            tradeoff: false,
        },
    ],
    references: &[
        Reference {
            title: "Debug Services",
            url: "https://kubernetes.io/docs/tasks/debug/debug-application/debug-service/",
        },
        Reference {
            title: "kube-proxy: \"has no endpoints\" REJECT rules (pkg/proxy/iptables/proxier.go)",
            url: "https://github.com/kubernetes/kubernetes/blob/master/pkg/proxy/iptables/proxier.go",
        },
    ],
};

impl Signature for ConnectionRefused {
    fn id(&self) -> &'static str {
        "connection-refused"
    }

    fn explanation(&self) -> &'static Explanation {
        &EXPLANATION
    }

    fn detect(&self, analysis: &Analysis) -> Vec<Finding> {
        let fallbacks = Fallbacks::new(analysis);
        analysis
            .connections
            .iter()
            .filter(|c| c.syn_acks.is_empty() && !c.attempts.is_empty())
            // Tried on one address family, connected on the other a moment later: how
            // getaddrinfo's order (::1 before 127.0.0.1) and happy eyeballs work. Not a failure.
            .filter(|c| !fallbacks.connected_after(c))
            .filter_map(|c| self.refused(analysis, c))
            .collect()
    }
}

impl ConnectionRefused {
    fn refused(&self, analysis: &Analysis, connection: &Connection) -> Option<Finding> {
        let first_syn = &connection.attempts[0];
        let mut evidence = vec![Evidence {
            frames: first_syn.frames.clone(),
            what: Message::new("connection-refused-ev-syn")
                .addr("client", connection.client)
                .addr("server", connection.server),
        }];
        let (summary, point, frame, journey);
        if let Some(error) = connection.icmp_errors.iter().find(|e| e.unreachable) {
            let after = error.time.nanos_since(first_syn.time) as f64 / 1e9;
            evidence.push(Evidence {
                frames: error.frames.clone(),
                what: Message::new("connection-refused-ev-icmp")
                    .addr("from", error.from)
                    .part("reason", super::icmp_reason(error.reason))
                    .frame("frame", error.frames[0])
                    .with("seconds", format!("{after:.3}")),
            });
            summary = Message::new("connection-refused-summary-icmp")
                .addr("client", connection.client)
                .addr("server", connection.server)
                .part("reason", super::icmp_reason(error.reason))
                .addr("from", error.from);
            point = match error.reason {
                // A neighbour lookup that failed: the destination is gone, not refused.
                IcmpReason::HostUnreachable => {
                    Message::new("connection-refused-where-host-unreachable")
                        .addr("from", error.from)
                }
                IcmpReason::NetworkUnreachable => {
                    Message::new("connection-refused-where-no-route").addr("from", error.from)
                }
                _ => Message::new("connection-refused-where-reject").addr("from", error.from),
            };
            if error.reason == IcmpReason::HostUnreachable {
                evidence.push(Evidence {
                    frames: Vec::new(),
                    what: Message::new("connection-refused-ev-host-unreachable")
                        .with("seconds", format!("{after:.1}")),
                });
            }
            frame = error.frames[0];
            journey = error.journey;
        } else if let Some(reset) = connection.resets.iter().find(|r| r.by == Side::Server) {
            // The backend that refused: where the Service sent the SYN, if it was translated.
            let backend = connection
                .legs
                .last()
                .filter(|_| connection.legs.len() > 1)
                .map_or(reset.from, |leg| leg.to);
            // A pod's own reset enters the node from its veth; a reset the node forges for a
            // REJECT rule is first seen leaving.
            let forged = analysis
                .journey(reset.journey)
                .is_some_and(|j| j.hops[0].direction == Direction::Out);
            if forged {
                evidence.push(Evidence {
                    frames: reset.frames.clone(),
                    what: Message::new("connection-refused-ev-forged")
                        .addr("backend", backend)
                        .frame("frame", reset.frames[0]),
                });
                summary = Message::new("connection-refused-summary-forged")
                    .addr("client", connection.client)
                    .addr("server", connection.server)
                    .addr("backend", backend);
                point = Message::new("connection-refused-where-forged").addr("backend", backend);
            } else {
                evidence.push(Evidence {
                    frames: reset.frames.clone(),
                    what: Message::new("connection-refused-ev-reset")
                        .addr("backend", backend)
                        .frame("frame", reset.frames[0]),
                });
                summary = Message::new("connection-refused-summary-reset")
                    .addr("client", connection.client)
                    .addr("server", connection.server)
                    .addr("backend", backend);
                point = Message::new("connection-refused-where-reset").addr("backend", backend);
            }
            if reset.from != connection.server && connection.attempts.len() > 1 {
                evidence.push(Evidence {
                    frames: connection.attempts.iter().map(|a| a.frame).collect(),
                    what: Message::new("connection-refused-ev-ignored")
                        .addr("from", reset.from)
                        .addr("server", connection.server)
                        .count("count", connection.attempts.len()),
                });
            }
            frame = reset.frames[0];
            journey = reset.journey;
        } else {
            return None;
        }
        if let Some(leg) = connection.legs.last().filter(|_| connection.legs.len() > 1) {
            evidence.push(Evidence {
                frames: leg.frames.clone(),
                what: Message::new("connection-refused-ev-translated").addr("to", leg.to),
            });
        }
        // A refusal between two local processes hurts no pod: worth knowing, no more.
        let severity =
            if connection.client.address.is_loopback() && connection.server.address.is_loopback() {
                Severity::Info
            } else {
                Severity::Error
            };
        let mut finding = Finding::new(self, severity, summary, evidence);
        finding.connection = Some(connection.id);
        finding.journeys = vec![first_syn.journey, journey];
        finding.point_of_failure = point;
        finding.failure_frame = Some(frame);
        Some(finding)
    }
}

/// How long after a refusal a connection on the other address family still counts as the
/// same client falling back (glibc tries the next address at once; happy eyeballs within 300 ms).
const FALLBACK_NANOS: i128 = 1_000_000_000;

/// Established connections by server port, for finding a client's fallback.
struct Fallbacks {
    by_port: HashMap<u16, Vec<(Timestamp, bool)>>,
}

impl Fallbacks {
    fn new(analysis: &Analysis) -> Fallbacks {
        let mut by_port: HashMap<u16, Vec<(Timestamp, bool)>> = HashMap::new();
        for connection in &analysis.connections {
            if connection.outcome != Outcome::Established {
                continue;
            }
            if let Some(first) = connection.attempts.first() {
                by_port
                    .entry(connection.server.port)
                    .or_default()
                    .push((first.time, connection.server.address.is_ipv6()));
            }
        }
        Fallbacks { by_port }
    }

    /// Whether a connection to the same port on the other address family was established
    /// within a second after this one was refused.
    fn connected_after(&self, refused: &Connection) -> bool {
        let (Some(first), Some(last)) = (refused.attempts.first(), refused.attempts.last()) else {
            return false;
        };
        let ipv6 = refused.server.address.is_ipv6();
        self.by_port.get(&refused.server.port).is_some_and(|list| {
            list.iter().any(|&(time, other_ipv6)| {
                other_ipv6 != ipv6
                    && time.nanos_since(first.time) >= 0
                    && time.nanos_since(last.time) <= FALLBACK_NANOS
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures;
    use super::*;

    #[test]
    fn a_reject_rule_and_a_wrong_target_port_show_it_and_are_told_apart() {
        // lab/refused.sh reject: a REJECT rule on the node answers with a reset it forges.
        let found = fixtures::findings(&ConnectionRefused, "lab/refused_reject.any.pcap");
        let [finding] = found.as_slice() else {
            panic!("{found:?}")
        };
        assert!(
            finding
                .summary
                .to_string()
                .contains("rejected by this node with a reset in the name of 10.244.0.20:8080"),
            "{}",
            finding.summary
        );
        // The reset carries the backend's address, not the Service's: the client ignored it.
        assert!(
            finding
                .evidence
                .iter()
                .any(|e| e.what.to_string().contains("ignores it")),
            "{:?}",
            finding.evidence
        );
        // lab/refused.sh wrong-port: the Service points at a port the pod does not listen on.
        let found = fixtures::findings(&ConnectionRefused, "lab/refused_wrong_port.any.pcap");
        let [finding] = found.as_slice() else {
            panic!("{found:?}")
        };
        assert!(
            finding
                .summary
                .to_string()
                .contains("refused with a reset from 10.244.0.20:9090"),
            "{}",
            finding.summary
        );
    }

    #[test]
    fn quiet_where_every_syn_is_answered_or_lost() {
        fixtures::quiet_where_not_expected(&ConnectionRefused);
    }
}

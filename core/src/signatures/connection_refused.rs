//! `connection-refused`: the SYN is answered at once with a reset or an ICMP "unreachable" —
//! nothing listens where the Service sends it, or a REJECT rule turns it away.

use super::{Evidence, Explanation, Finding, Reference, Severity, Signature, Step};
use std::collections::HashMap;

use crate::analysis::Analysis;
use crate::capture::Timestamp;
use crate::connection::Side;
use crate::connection::{Connection, Outcome};
use crate::journey::Direction;

pub struct ConnectionRefused;

static EXPLANATION: Explanation = Explanation {
    title: "Connection refused",
    symptom: "Calls fail at once with 'connection refused' (ECONNREFUSED) or 'no route to host' instead of hanging.",
    cause: "Something answered the SYN with a refusal. A TCP reset from the backend's address means the packet reached a pod (or node) where nothing listens on that port: the Service's targetPort does not match the container port, the process is not up yet, or it listens on 127.0.0.1 only. An ICMP 'port unreachable' or 'administratively prohibited' sent by the node means an iptables REJECT rule stopped it before any pod: kube-proxy installs one for every Service without ready endpoints (KUBE-SERVICES, '… has no endpoints'), and some network policy engines reject instead of dropping.",
    confirm: &[
        Step { what: "Does the Service have ready endpoints, on the right port?", commands: &["kubectl get endpointslices -l kubernetes.io/service-name=<service> -o wide", "kubectl get svc <service> -o jsonpath='{.spec.ports}'"], tradeoff: None },
        Step { what: "Is kube-proxy rejecting it?", commands: &["iptables-save | grep -- '-j REJECT' | grep '<cluster-ip>'"], tradeoff: None },
        Step { what: "Does the pod listen on the targetPort, on all addresses?", commands: &["kubectl exec <pod> -- ss -ltn"], tradeoff: None },
    ],
    fix: &[
        Step { what: "Make the Service's selector match ready pods and its targetPort match the port they listen on", commands: &["kubectl describe svc <service>", "kubectl get pods -l <selector> -o wide"], tradeoff: None },
        Step { what: "Have the application listen on 0.0.0.0 (or the pod IP), not 127.0.0.1", commands: &[], tradeoff: None },
        Step { what: "If a policy or firewall on the node rejects it, allow the traffic there", commands: &["kubectl get networkpolicy -A", "iptables-save | grep -- '-j REJECT'"], tradeoff: None },
    ],
    references: &[
        Reference { title: "Kubernetes: debug Services", url: "https://kubernetes.io/docs/tasks/debug/debug-application/debug-service/" },
        Reference { title: "kube-proxy: Services without endpoints are rejected (KUBE-SERVICES)", url: "https://kubernetes.io/docs/reference/networking/virtual-ips/" },
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
        let mut findings = Vec::new();
        let fallbacks = Fallbacks::new(analysis);
        for connection in &analysis.connections {
            if !connection.syn_acks.is_empty() || connection.attempts.is_empty() {
                continue;
            }
            // Tried on one address family, connected on the other a moment later: how
            // getaddrinfo's order (::1 before 127.0.0.1) and happy eyeballs work. Not a failure.
            if fallbacks.connected_after(connection) {
                continue;
            }
            let first_syn = &connection.attempts[0];
            let mut evidence = vec![Evidence {
                frames: first_syn.frames.clone(),
                what: format!("{} sends a SYN to {}", connection.client, connection.server),
            }];
            let (summary, point, frame, journey);
            if let Some(error) = connection.icmp_errors.iter().find(|e| e.unreachable) {
                evidence.push(Evidence {
                    frames: error.frames.clone(),
                    what: format!(
                        "{} answers with ICMP {} (frame {})",
                        error.from, error.kind, error.frames[0]
                    ),
                });
                summary = format!(
                    "{} → {}: rejected with ICMP {} from {}",
                    connection.client, connection.server, error.kind, error.from
                );
                point = format!(
                    "a REJECT rule at {}: the SYN was turned away before reaching any pod",
                    error.from
                );
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
                        what: format!("a reset in {backend}'s name answers it, but it never arrives from {backend}: this node forged it (frame {})", reset.frames[0]),
                    });
                    summary = format!(
                        "{} → {}: rejected by this node with a reset in the name of {backend}",
                        connection.client, connection.server
                    );
                    point = format!("a REJECT rule on this node: the SYN to {backend} was refused before reaching it");
                } else {
                    evidence.push(Evidence {
                        frames: reset.frames.clone(),
                        what: format!(
                            "{backend} answers with a reset (frame {}): nothing listens there",
                            reset.frames[0]
                        ),
                    });
                    summary = format!(
                        "{} → {}: refused with a reset from {backend}",
                        connection.client, connection.server
                    );
                    point = format!("{backend}: no socket listens on that port");
                }
                if reset.from != connection.server && connection.attempts.len() > 1 {
                    evidence.push(Evidence {
                        frames: connection.attempts.iter().map(|a| a.frame).collect(),
                        what: format!(
                            "the reset carries {}, not the address {} the client dialled, so the client's socket ignores it and retries ({} SYNs): the user sees a timeout, not a refusal",
                            reset.from,
                            connection.server,
                            connection.attempts.len()
                        ),
                    });
                }
                frame = reset.frames[0];
                journey = reset.journey;
            } else {
                continue;
            }
            if let Some(leg) = connection.legs.last().filter(|_| connection.legs.len() > 1) {
                evidence.push(Evidence {
                    frames: leg.frames.clone(),
                    what: format!(
                        "the Service address was translated to {} on the way",
                        leg.to
                    ),
                });
            }
            // A refusal between two local processes hurts no pod: worth knowing, no more.
            let severity = if connection.client.address.is_loopback()
                && connection.server.address.is_loopback()
            {
                Severity::Info
            } else {
                Severity::Error
            };
            let mut finding = Finding::new(self, severity, summary, evidence);
            finding.connection = Some(connection.id);
            finding.journeys = vec![first_syn.journey, journey];
            finding.point_of_failure = point;
            finding.failure_frame = Some(frame);
            findings.push(finding);
        }
        findings
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
                .contains("rejected by this node with a reset in the name of 10.244.0.20:8080"),
            "{}",
            finding.summary
        );
        // The reset carries the backend's address, not the Service's: the client ignored it.
        assert!(
            finding
                .evidence
                .iter()
                .any(|e| e.what.contains("ignores it")),
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

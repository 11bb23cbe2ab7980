//! `dns-truncated`: a DNS answer over UDP comes back truncated (TC), and the client's retry over
//! TCP to port 53 never gets through (blocked), or never comes (a resolver without TCP fallback).

use super::{Evidence, Explanation, Finding, Reference, Severity, Signature, Step};
use crate::analysis::Analysis;
use crate::connection::{Connection, DnsAnswer, DnsQuery, Outcome};
use crate::i18n::Message;

pub struct DnsTruncated;

/// How soon after the truncated answer a TCP connection to the server counts as its retry.
const RETRY_SECONDS: f64 = 3.0;

static EXPLANATION: Explanation = Explanation {
    signature: "dns-truncated",
    confirm: &[
        Step {
            id: "dns-truncated-confirm-tcp",
            commands: &["kubectl exec -n <namespace> <pod> -- nslookup -vc <name> <server>"],
            tradeoff: false,
        },
        Step {
            id: "dns-truncated-confirm-policy",
            commands: &[
                "kubectl get networkpolicy -A -o yaml | grep -B3 -A3 'port: 53'",
                "kubectl -n kube-system get svc kube-dns -o jsonpath='{.spec.ports}'",
            ],
            tradeoff: false,
        },
    ],
    fix: &[
        Step {
            id: "dns-truncated-fix-policy",
            commands: &["kubectl describe networkpolicy -n <namespace>"],
            tradeoff: false,
        },
        Step {
            id: "dns-truncated-fix-musl",
            commands: &["kubectl exec -n <namespace> <pod> -- ldd --version"],
            tradeoff: true,
        },
    ],
    references: &[
        Reference {
            title: "coredns not answering a query with many records",
            url: "https://github.com/coredns/coredns/issues/5362",
        },
        Reference {
            title: "TC Flag not set for Externalname kind service when the payload is large",
            url: "https://github.com/coredns/coredns/issues/4684",
        },
        Reference {
            title: "RFC 7766: DNS Transport over TCP - Implementation Requirements",
            url: "https://www.rfc-editor.org/rfc/rfc7766",
        },
    ],
};

impl Signature for DnsTruncated {
    fn id(&self) -> &'static str {
        "dns-truncated"
    }

    fn explanation(&self) -> &'static Explanation {
        &EXPLANATION
    }

    fn detect(&self, analysis: &Analysis) -> Vec<Finding> {
        let mut findings: Vec<Finding> = Vec::new();
        let mut seen: std::collections::HashSet<(std::net::IpAddr, String)> = Default::default();
        // TCP connections to port 53, by client and server: the retries a truncation asks for.
        let mut to_53: std::collections::HashMap<
            (std::net::IpAddr, std::net::IpAddr),
            Vec<&Connection>,
        > = Default::default();
        for connection in analysis.connections.iter().filter(|c| c.server.port == 53) {
            to_53
                .entry((connection.client.address, connection.server.address))
                .or_default()
                .push(connection);
        }
        for query in &analysis.dns {
            let Some(truncated) = query.answers.iter().find(|a| a.truncated) else {
                continue;
            };
            // One finding per client and name (A and AAAA are one lookup).
            let key = (query.client.address, query.name.clone().unwrap_or_default());
            if seen.contains(&key) {
                continue;
            }
            let candidates = to_53
                .get(&(query.client.address, query.server.address))
                .map_or(&[][..], |v| v.as_slice());
            let retry = tcp_retry(candidates, truncated);
            if retry.is_some_and(|c| c.outcome == Outcome::Established) {
                continue;
            }
            // Without a retry, only a capture that saw the answer reach the client can say the
            // client did not ask again: elsewhere the retry may have been lost on the way.
            let at_the_client = matches!(
                truncated.fate,
                crate::journey::Fate::Delivered { .. } | crate::journey::Fate::Local { .. }
            );
            if retry.is_none() && !at_the_client {
                continue;
            }
            seen.insert(key);
            findings.push(self.finding(query, truncated, retry));
        }
        findings
    }
}

/// The client's TCP connection to the server's port 53 that follows the truncated answer.
fn tcp_retry<'a>(candidates: &[&'a Connection], truncated: &DnsAnswer) -> Option<&'a Connection> {
    candidates.iter().copied().find(|c| {
        c.attempts.first().is_some_and(|a| {
            let after = a.time.nanos_since(truncated.time) as f64 / 1e9;
            (-0.01..=RETRY_SECONDS).contains(&after)
        })
    })
}

impl DnsTruncated {
    fn finding(
        &self,
        query: &DnsQuery,
        truncated: &DnsAnswer,
        retry: Option<&Connection>,
    ) -> Finding {
        let name = query.name.clone().unwrap_or_default();
        let mut evidence = vec![Evidence {
            frames: truncated.frames.clone(),
            what: Message::new("dns-truncated-ev-tc")
                .with("name", &name)
                .addr("server", query.server),
        }];
        let (severity, summary, failure_frame) = match retry {
            Some(connection) => {
                evidence.push(Evidence {
                    frames: connection.attempts.iter().map(|a| a.frame).collect(),
                    what: Message::new("dns-truncated-ev-tcp-failed")
                        .addr("server", connection.server)
                        .count("count", connection.attempts.len())
                        .with("outcome", connection.outcome),
                });
                (
                    Severity::Error,
                    "dns-truncated-summary-tcp-failed",
                    connection.attempts.last().map(|a| a.frame),
                )
            }
            None => {
                evidence.push(Evidence {
                    frames: Vec::new(),
                    what: Message::new("dns-truncated-ev-no-tcp"),
                });
                (
                    Severity::Warning,
                    "dns-truncated-summary-no-tcp",
                    truncated.frames.last().copied(),
                )
            }
        };
        let mut finding = Finding::new(
            self,
            severity,
            Message::new(summary)
                .addr("client", query.client)
                .with("name", &name)
                .addr("server", query.server),
            evidence,
        );
        finding.connection = retry.map(|c| c.id);
        finding.journeys = std::iter::once(truncated.journey)
            .chain(
                retry
                    .into_iter()
                    .flat_map(|c| c.attempts.iter().map(|a| a.journey)),
            )
            .collect();
        finding.point_of_failure = Message::new(if retry.is_some() {
            "dns-truncated-where-tcp"
        } else {
            "dns-truncated-where-client"
        })
        .addr("server", query.server)
        .addr("client", query.client);
        finding.failure_frame = failure_frame;
        finding
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures;
    use super::*;

    #[test]
    fn a_truncated_answer_whose_tcp_retry_never_gets_through_is_found() {
        for capture in [
            "lab/dns_truncated.pod.pcap",
            "lab/dns_truncated.node1.any.pcap",
        ] {
            let found = fixtures::findings(&DnsTruncated, capture);
            let [finding] = found.as_slice() else {
                panic!("{capture}: {found:?}")
            };
            assert_eq!(finding.severity, Severity::Error, "{capture}");
            assert_eq!(finding.summary.id, "dns-truncated-summary-tcp-failed");
        }
    }

    #[test]
    fn a_truncated_answer_retried_over_tcp_is_healthy() {
        for capture in [
            "lab/dns_truncated_ok.pod.pcap",
            "lab/dns_truncated_ok.node1.any.pcap",
        ] {
            assert!(
                fixtures::findings(&DnsTruncated, capture).is_empty(),
                "{capture}"
            );
        }
    }

    #[test]
    fn quiet_where_not_expected() {
        fixtures::quiet_where_not_expected(&DnsTruncated);
    }
}

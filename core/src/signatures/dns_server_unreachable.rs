//! `dns-server-unreachable`: a lookup's queries are sent, retried, moved to the next server, and
//! never answered (nothing comes back, or ICMP says nothing listens on port 53).

use std::net::IpAddr;

use super::{Evidence, Explanation, Finding, Reference, Severity, Signature, Step};
use crate::analysis::Analysis;
use crate::connection::DnsQuery;
use crate::i18n::Message;

pub struct DnsServerUnreachable;

/// Transmissions of one lookup, with no answer and no ICMP, before it counts as unanswered.
const MIN_TRANSMISSIONS: usize = 3;

static EXPLANATION: Explanation = Explanation {
    signature: "dns-server-unreachable",
    confirm: &[
        Step {
            id: "dns-server-unreachable-confirm-pods",
            commands: &[
                "kubectl -n kube-system get pods -l k8s-app=kube-dns -o wide",
                "kubectl -n kube-system get endpointslices -l kubernetes.io/service-name=kube-dns",
            ],
            tradeoff: false,
        },
        Step {
            id: "dns-server-unreachable-confirm-policy",
            commands: &[
                "kubectl get networkpolicy -A",
                "kubectl exec -n <namespace> <pod> -- nslookup kubernetes.default.svc.cluster.local <server>",
            ],
            tradeoff: false,
        },
    ],
    fix: &[
        Step {
            id: "dns-server-unreachable-fix-coredns",
            commands: &[
                "kubectl -n kube-system rollout restart deployment coredns",
                "kubectl -n kube-system logs -l k8s-app=kube-dns --tail=50",
            ],
            tradeoff: false,
        },
        Step {
            id: "dns-server-unreachable-fix-policy",
            commands: &["kubectl describe networkpolicy -n <namespace>"],
            tradeoff: false,
        },
    ],
    references: &[
        Reference {
            title: "Debugging DNS Resolution",
            url: "https://kubernetes.io/docs/tasks/administer-cluster/dns-debugging-resolution/",
        },
        Reference {
            title: "resolv.conf(5) — Linux manual page",
            url: "https://man7.org/linux/man-pages/man5/resolv.conf.5.html",
        },
    ],
};

impl Signature for DnsServerUnreachable {
    fn id(&self) -> &'static str {
        "dns-server-unreachable"
    }

    fn explanation(&self) -> &'static Explanation {
        &EXPLANATION
    }

    fn detect(&self, analysis: &Analysis) -> Vec<Finding> {
        // A lookup: one client's queries for one name, to any server.
        let lookups = super::lookups(analysis);
        lookups
            .into_iter()
            .filter_map(|((client, name), queries)| self.unanswered(client, &name, &queries))
            .collect()
    }
}

impl DnsServerUnreachable {
    fn unanswered(&self, client: IpAddr, name: &str, queries: &[&DnsQuery]) -> Option<Finding> {
        // Not one answer to any of them.
        if queries.iter().any(|q| !q.answers.is_empty()) {
            return None;
        }
        let transmissions: usize = queries.iter().map(|q| q.attempts.len()).sum();
        let refused: Vec<&crate::connection::IcmpError> = queries
            .iter()
            .flat_map(|q| q.icmp_errors.iter())
            .filter(|e| e.unreachable)
            .collect();
        // Sent again and again (a resolver's timeout passed more than once), or refused by
        // ICMP: not a capture that simply ended before the answer. A failing glibc lookup sends
        // A and AAAA twice each, dig three tries; two alone may be a capture that stopped
        // within the resolver's 5 s timeout.
        if transmissions < MIN_TRANSMISSIONS && refused.is_empty() {
            return None;
        }
        let mut servers: Vec<String> = Vec::new();
        for query in queries {
            let server = query.server.to_string();
            if !servers.contains(&server) {
                servers.push(server);
            }
        }
        let mut times: Vec<crate::capture::Timestamp> = queries
            .iter()
            .flat_map(|q| q.attempts.iter().map(|a| a.time))
            .collect();
        times.sort_unstable();
        let span = match (times.first(), times.last()) {
            (Some(first), Some(last)) => last.nanos_since(*first) as f64 / 1e9,
            _ => 0.0,
        };
        let sent: Vec<u64> = queries
            .iter()
            .flat_map(|q| q.attempts.iter().map(|a| a.frame))
            .collect();
        let mut evidence = vec![Evidence {
            frames: sent.clone(),
            what: Message::new("dns-server-unreachable-ev-sent")
                .addr("client", client)
                .count("count", transmissions)
                .with("name", name)
                .with("servers", servers.join(", "))
                .with("span", super::seconds(span)),
        }];
        if let Some(first) = refused.first() {
            evidence.push(Evidence {
                frames: refused
                    .iter()
                    .flat_map(|e| e.frames.iter().copied())
                    .collect(),
                what: Message::new("dns-server-unreachable-ev-icmp")
                    .count("count", refused.len())
                    .addr("from", first.from)
                    .part("reason", super::icmp_reason(first.reason)),
            });
        } else {
            evidence.push(Evidence {
                frames: Vec::new(),
                what: Message::new("dns-server-unreachable-ev-silence"),
            });
        }
        let mut finding = Finding::new(
            self,
            Severity::Error,
            Message::new(if refused.is_empty() {
                "dns-server-unreachable-summary"
            } else {
                "dns-server-unreachable-summary-icmp"
            })
            .addr("client", client)
            .with("name", name)
            .with("servers", servers.join(", "))
            .count("count", transmissions)
            .with("span", super::seconds(span)),
            evidence,
        );
        finding.journeys = queries
            .iter()
            .flat_map(|q| q.attempts.iter().map(|a| a.journey))
            .collect();
        finding.point_of_failure = match refused.first() {
            Some(error) => {
                Message::new("dns-server-unreachable-where-icmp").addr("from", error.from)
            }
            None => {
                Message::new("dns-server-unreachable-where").with("servers", servers.join(", "))
            }
        };
        finding.failure_frame = sent.last().copied();
        Some(finding)
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures;
    use super::*;

    #[test]
    fn queries_never_answered_by_either_server_are_found() {
        for capture in [
            "lab/dns_unreachable.pod.pcap",
            "lab/dns_unreachable.node1.any.pcap",
        ] {
            let found = fixtures::findings(&DnsServerUnreachable, capture);
            let [finding] = found.as_slice() else {
                panic!("{capture}: {found:?}")
            };
            assert_eq!(
                finding.summary.id, "dns-server-unreachable-summary",
                "{capture}"
            );
            let text = finding.summary.to_string();
            assert!(
                text.contains("10.96.0.10:53") && text.contains("10.96.0.11:53"),
                "{text}"
            );
        }
    }

    #[test]
    fn an_icmp_port_unreachable_says_nothing_listens() {
        let found = fixtures::findings(&DnsServerUnreachable, "lab/dns_unreachable_icmp.pod.pcap");
        let [finding] = found.as_slice() else {
            panic!("{found:?}")
        };
        assert_eq!(finding.summary.id, "dns-server-unreachable-summary-icmp");
        assert!(finding
            .evidence
            .iter()
            .any(|e| e.what.id == "dns-server-unreachable-ev-icmp"));
    }

    #[test]
    fn quiet_on_lookups_that_are_answered_even_with_errors() {
        for capture in [
            "lab/dns_search.pod.pcap",
            "lab/dns_servfail.pod.pcap",
            "lab/dns_search_ok.node1.any.pcap",
        ] {
            assert!(
                fixtures::findings(&DnsServerUnreachable, capture).is_empty(),
                "{capture}"
            );
        }
    }

    #[test]
    fn quiet_where_not_expected() {
        fixtures::quiet_where_not_expected(&DnsServerUnreachable);
    }
}

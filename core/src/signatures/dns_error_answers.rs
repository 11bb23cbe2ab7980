//! `dns-error-answers`: the DNS server answers, but with an error: SERVFAIL (it could not get an
//! answer, typically from its upstream) or REFUSED (it will not answer this client or zone).

use super::{Evidence, Explanation, Finding, Reference, Severity, Signature, Step};
use crate::analysis::Analysis;
use crate::connection::{DnsAnswer, DnsQuery};
use crate::i18n::Message;

pub struct DnsErrorAnswers;

const SERVFAIL: u8 = 2;
const REFUSED: u8 = 5;

static EXPLANATION: Explanation = Explanation {
    signature: "dns-error-answers",
    confirm: &[
        Step {
            id: "dns-error-answers-confirm-logs",
            commands: &["kubectl -n kube-system logs -l k8s-app=kube-dns --tail=100 | grep -iE 'SERVFAIL|REFUSED|error'"],
            tradeoff: false,
        },
        Step {
            id: "dns-error-answers-confirm-upstream",
            commands: &[
                "kubectl -n kube-system get configmap coredns -o jsonpath='{.data.Corefile}'",
                "kubectl exec -n <namespace> <pod> -- nslookup <name> <upstream-server>",
            ],
            tradeoff: false,
        },
    ],
    fix: &[
        Step {
            id: "dns-error-answers-fix-upstream",
            commands: &["kubectl -n kube-system edit configmap coredns"],
            tradeoff: false,
        },
        Step {
            id: "dns-error-answers-fix-refused",
            commands: &["kubectl -n kube-system get configmap coredns -o yaml"],
            tradeoff: false,
        },
    ],
    references: &[
        Reference {
            title: "forward",
            url: "https://coredns.io/plugins/forward/",
        },
        Reference {
            title: "Debugging DNS Resolution",
            url: "https://kubernetes.io/docs/tasks/administer-cluster/dns-debugging-resolution/",
        },
        Reference {
            title: "RFC 1035: Domain names - implementation and specification",
            url: "https://www.rfc-editor.org/rfc/rfc1035",
        },
    ],
};

impl Signature for DnsErrorAnswers {
    fn id(&self) -> &'static str {
        "dns-error-answers"
    }

    fn explanation(&self) -> &'static Explanation {
        &EXPLANATION
    }

    fn detect(&self, analysis: &Analysis) -> Vec<Finding> {
        // Per client and name: the error answers, and whether any answer was good.
        let lookups = super::lookups(analysis);
        let mut findings = Vec::new();
        for ((client, name), queries) in lookups {
            let errors: Vec<(&DnsQuery, &DnsAnswer)> = queries
                .iter()
                .flat_map(|q| q.answers.iter().map(move |a| (*q, a)))
                .filter(|(_, a)| a.rcode == SERVFAIL || a.rcode == REFUSED)
                .collect();
            let Some(&(first_query, first)) = errors.first() else {
                continue;
            };
            let recovered = queries
                .iter()
                .any(|q| q.answers.iter().any(|a| a.rcode == 0 || a.rcode == 3));
            let rcode = Message::new(if first.rcode == SERVFAIL {
                "dns-rcode-servfail"
            } else {
                "dns-rcode-refused"
            });
            let frames: Vec<u64> = errors
                .iter()
                .flat_map(|(_, a)| a.frames.iter().copied())
                .collect();
            let evidence = vec![
                Evidence {
                    frames: queries
                        .iter()
                        .flat_map(|q| q.attempts.iter().map(|a| a.frame))
                        .collect(),
                    what: Message::new("dns-error-answers-ev-asked")
                        .addr("client", client)
                        .with("name", &name)
                        .addr("server", first_query.server),
                },
                Evidence {
                    frames: frames.clone(),
                    what: Message::new("dns-error-answers-ev-errors")
                        .count("count", errors.len())
                        .part("rcode", rcode.clone()),
                },
                Evidence {
                    frames: Vec::new(),
                    what: Message::new(if recovered {
                        "dns-error-answers-ev-recovered"
                    } else {
                        "dns-error-answers-ev-failed"
                    }),
                },
            ];
            let mut finding = Finding::new(
                self,
                if recovered {
                    Severity::Warning
                } else {
                    Severity::Error
                },
                Message::new("dns-error-answers-summary")
                    .addr("client", client)
                    .with("name", &name)
                    .part("rcode", rcode)
                    .addr("server", first_query.server)
                    .count("count", errors.len()),
                evidence,
            );
            finding.journeys = errors.iter().map(|(_, a)| a.journey).collect();
            finding.point_of_failure =
                Message::new("dns-error-answers-where").addr("server", first_query.server);
            finding.failure_frame = frames.first().copied();
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
    fn servfail_and_refused_are_named_with_their_server() {
        for (capture, rcode) in [
            ("lab/dns_servfail.pod.pcap", "SERVFAIL"),
            ("lab/dns_refused.pod.pcap", "REFUSED"),
            ("lab/dns_servfail.node1.any.pcap", "SERVFAIL"),
        ] {
            let found = fixtures::findings(&DnsErrorAnswers, capture);
            let [finding] = found.as_slice() else {
                panic!("{capture}: {found:?}")
            };
            assert_eq!(
                finding.severity,
                Severity::Error,
                "{capture}: nothing else answered"
            );
            assert!(
                finding.summary.to_string().contains(rcode),
                "{}",
                finding.summary
            );
        }
    }

    #[test]
    fn quiet_where_not_expected() {
        fixtures::quiet_where_not_expected(&DnsErrorAnswers);
    }
}

//! `dns-conntrack-race`: A and AAAA queries sent back to back from one socket; one answer is
//! lost and both are asked again after the resolver's 5 s timeout.

use std::collections::HashMap;

use super::{Evidence, Explanation, Finding, Reference, Severity, Signature, Step};
use crate::analysis::Analysis;
use crate::capture::Timestamp;
use crate::connection::{DnsOutcome, DnsQuery};
use crate::i18n::Message;
use crate::journey::{Endpoint, Fate};

pub struct DnsConntrackRace;

/// Queries this close together were sent in parallel by one resolver call (glibc sends A and
/// AAAA back to back, microseconds apart).
const PARALLEL_NANOS: i128 = 10_000_000;

static EXPLANATION: Explanation = Explanation {
    signature: "dns-conntrack-race",
    confirm: &[
        Step {
            id: "dns-conntrack-race-confirm-insert-failed",
            commands: &["conntrack -S | grep -o 'insert_failed=[0-9]*'"],
            tradeoff: false,
        },
        Step {
            id: "dns-conntrack-race-confirm-time",
            commands: &["kubectl exec <pod> -- bash -c 'for i in $(seq 20); do time getent ahosts <name> >/dev/null; done'"],
            tradeoff: false,
        },
    ],
    fix: &[
        Step {
            id: "dns-conntrack-race-fix-single-request-reopen",
            commands: &["# in the pod spec\ndnsConfig:\n  options:\n    - name: single-request-reopen"],
            tradeoff: true,
        },
        Step {
            id: "dns-conntrack-race-fix-nodelocaldns",
            commands: &[
                "kubedns=$(kubectl get svc kube-dns -n kube-system -o jsonpath={.spec.clusterIP}); domain=<cluster-domain>; localdns=<node-local-address>",
                "sed -i \"s/__PILLAR__LOCAL__DNS__/$localdns/g; s/__PILLAR__DNS__DOMAIN__/$domain/g; s/__PILLAR__DNS__SERVER__/$kubedns/g\" nodelocaldns.yaml",
                "kubectl create -f nodelocaldns.yaml",
            ],
            tradeoff: true,
        },
        Step {
            id: "dns-conntrack-race-fix-kernel",
            commands: &["uname -r"],
            tradeoff: false,
        },
    ],
    references: &[
        Reference {
            title: "kubernetes#56903: DNS intermittent delays of 5s",
            url: "https://github.com/kubernetes/kubernetes/issues/56903",
        },
        Reference {
            title: "Using NodeLocal DNSCache in Kubernetes Clusters",
            url: "https://kubernetes.io/docs/tasks/administer-cluster/nodelocaldns/",
        },
        Reference {
            title: "Racy conntrack and DNS lookup timeouts",
            url: "https://lambda.lt/blog/2018/racy_conntrack.html",
        },
        Reference {
            title: "Linux 6a757c07e51f: netfilter: conntrack: allow insertion of clashing entries",
            url: "https://github.com/torvalds/linux/commit/6a757c07e51f80ac34325fcd558490d2d1439e1b",
        },
        Reference {
            title: "Linux c46172147ebb: netfilter: conntrack: do not auto-delete clash entries on reply",
            url: "https://github.com/torvalds/linux/commit/c46172147ebbeb70094db48d76ab7945d96c638b",
        },
    ],
};

impl Signature for DnsConntrackRace {
    fn id(&self) -> &'static str {
        "dns-conntrack-race"
    }

    fn explanation(&self) -> &'static Explanation {
        &EXPLANATION
    }

    fn detect(&self, analysis: &Analysis) -> Vec<Finding> {
        let mut findings = Vec::new();
        // The queries of each client socket to each server, in the order they were first sent.
        let mut by_socket: HashMap<(Endpoint, Endpoint), Vec<&DnsQuery>> = HashMap::new();
        for query in &analysis.dns {
            if !query.attempts.is_empty() {
                by_socket
                    .entry((query.client, query.server))
                    .or_default()
                    .push(query);
            }
        }
        let mut sockets: Vec<_> = by_socket.into_values().collect();
        sockets.sort_by_key(|queries| queries.iter().map(|q| q.attempts[0].frame).min());
        for mut queries in sockets {
            queries.sort_by_key(|q| q.attempts[0].time);
            let before = findings.len();
            let mut used = vec![false; queries.len()];
            for i in 0..queries.len() {
                for j in i + 1..queries.len() {
                    let (first, second) = (queries[i], queries[j]);
                    let apart = second.attempts[0].time.nanos_since(first.attempts[0].time);
                    if apart > PARALLEL_NANOS {
                        break;
                    }
                    if used[i] || used[j] || first.id == second.id {
                        continue;
                    }
                    // One of the pair lost its answer and had to be asked again.
                    let victim = [first, second].into_iter().find(|q| lost_then_retried(q));
                    let Some(victim) = victim else { continue };
                    // The race loses one answer of a pair the server does answer: with no
                    // answer to either, the server itself is out of reach.
                    if first.answers.is_empty() && second.answers.is_empty() {
                        continue;
                    }
                    used[i] = true;
                    used[j] = true;
                    findings.push(self.finding(analysis, first, second, victim, apart));
                }
            }
            if findings.len() == before {
                findings.extend(self.asked_again_after_an_answer(&queries));
            }
        }
        findings
    }
}

/// The first transmission went unanswered at the client, and the resolver asked again.
fn lost_then_retried(query: &DnsQuery) -> bool {
    let Some(retry) = query.attempts.get(1) else {
        return false;
    };
    let answered_first = query
        .answers
        .iter()
        .any(|a| a.reached_client && a.time < retry.time);
    !answered_first && retry.gap.is_some_and(|g| g >= 0.9)
}

/// `A web.default.svc.cluster.local (id 0x0b96)`: language-neutral.
fn label(q: &DnsQuery) -> String {
    format!(
        "{} {} (id 0x{:04x})",
        q.qtype.as_deref().unwrap_or("?"),
        q.name.as_deref().unwrap_or("?"),
        q.id
    )
}

fn qtype(q: &DnsQuery) -> String {
    q.qtype.clone().unwrap_or_else(|| "?".into())
}

impl DnsConntrackRace {
    fn finding(
        &self,
        analysis: &Analysis,
        first: &DnsQuery,
        second: &DnsQuery,
        victim: &DnsQuery,
        apart: i128,
    ) -> Finding {
        let mut evidence = vec![Evidence {
            frames: vec![first.attempts[0].frame, second.attempts[0].frame],
            what: Message::new("dns-conntrack-race-ev-parallel")
                .with("first", label(first))
                .with("second", label(second))
                .addr("client", first.client)
                .addr("server", first.server)
                .with("micros", format!("{:.0}", apart as f64 / 1000.0)),
        }];
        let lost = victim
            .answers
            .iter()
            .find(|a| !a.reached_client && a.time < victim.attempts[1].time);
        let (point_of_failure, failure_frame) = match lost {
            Some(answer) => {
                let (arrived, expected) = match answer.fate {
                    Fate::EndedEarly {
                        interface,
                        expected,
                    } => (
                        Message::new("name").with("name", analysis.interface_name(interface)),
                        Message::new("name").with("name", analysis.interface_name(expected)),
                    ),
                    _ => (Message::new("the-node"), Message::new("the-pod")),
                };
                evidence.push(Evidence {
                    frames: answer.frames.clone(),
                    what: Message::new("dns-conntrack-race-ev-answer-lost")
                        .with("query", label(victim))
                        .part("arrived", arrived.clone())
                        .frame("frame", answer.last_frame)
                        .part("expected", expected.clone()),
                });
                (
                    Message::new("dns-conntrack-race-where-node")
                        .part("arrived", arrived)
                        .part("expected", expected),
                    Some(answer.last_frame),
                )
            }
            None => {
                evidence.push(Evidence {
                    frames: victim.attempts[0].frames.clone(),
                    what: Message::new("dns-conntrack-race-ev-no-answer")
                        .with("query", label(victim)),
                });
                (
                    Message::new("dns-conntrack-race-where-unseen"),
                    victim.attempts[0].frames.last().copied(),
                )
            }
        };
        let retries: Vec<u64> = [first, second]
            .iter()
            .filter_map(|q| q.attempts.get(1).map(|a| a.frame))
            .collect();
        let gap = victim.attempts[1].gap.unwrap_or(0.0);
        evidence.push(Evidence {
            frames: retries,
            what: Message::new("dns-conntrack-race-ev-retry").with("seconds", super::seconds(gap)),
        });
        if let Some(answer) = victim
            .answers
            .iter()
            .filter(|a| a.reached_client)
            .min_by_key(|a| a.time)
        {
            evidence.push(Evidence {
                frames: answer.frames.clone(),
                what: Message::new("dns-conntrack-race-ev-answered").with(
                    "seconds",
                    format!("{:.3}", victim.time_to_answer.unwrap_or(0.0)),
                ),
            });
        }
        let severity = if victim.outcome == DnsOutcome::AnsweredAfterRetry {
            Severity::Warning
        } else {
            Severity::Error
        };
        let mut finding = Finding::new(
            self,
            severity,
            Message::new("dns-conntrack-race-summary")
                .addr("client", first.client)
                .with("first", qtype(first))
                .with("second", qtype(second))
                .with("lost", qtype(victim))
                .with("seconds", super::seconds(gap)),
            evidence,
        );
        finding.journeys = victim
            .answers
            .iter()
            .map(|a| a.journey)
            .chain(victim.attempts.iter().map(|a| a.journey))
            .collect();
        finding.point_of_failure = point_of_failure;
        finding.failure_frame = failure_frame;
        finding
    }

    /// Where the answers were seen leaving (the DNS server's node, or its uplink): a query
    /// answered here and asked again by the resolver after its timeout, together with its
    /// parallel partner. The client did not get both answers: one answer, or the partner's
    /// first query, was lost beyond this capture.
    fn asked_again_after_an_answer(&self, queries: &[&DnsQuery]) -> Option<Finding> {
        let retried = queries.iter().find(|q| {
            let Some(retry) = q.attempts.get(1) else {
                return false;
            };
            retry.gap.is_some_and(|g| g >= 0.9) && q.answers.iter().any(|a| a.time < retry.time)
        })?;
        let retry = &retried.attempts[1];
        let near = |a: Timestamp, b: Timestamp| a.nanos_since(b).abs() <= PARALLEL_NANOS;
        // Its partner: sent with it the first time, or first seen only with the retry.
        let partner = queries.iter().find(|q| {
            q.id != retried.id
                && (near(q.attempts[0].time, retried.attempts[0].time)
                    || near(q.attempts[0].time, retry.time))
        })?;
        let first_seen_with_retry = near(partner.attempts[0].time, retry.time);
        let answer = retried.answers.iter().find(|a| a.time < retry.time)?;
        let mut evidence = vec![
            Evidence {
                frames: retried.attempts[0].frames.clone(),
                what: Message::new("dns-conntrack-race-ev-arrives")
                    .with("query", label(retried))
                    .addr("client", retried.client)
                    .addr("server", retried.server),
            },
            Evidence {
                frames: answer.frames.clone(),
                what: Message::new("dns-conntrack-race-ev-answered-here")
                    .frame("frame", answer.last_frame),
            },
            Evidence {
                frames: vec![retry.frame],
                what: Message::new("dns-conntrack-race-ev-asked-again")
                    .with("seconds", super::seconds(retry.gap.unwrap_or(0.0))),
            },
        ];
        let point_of_failure = if first_seen_with_retry {
            evidence.push(Evidence {
                frames: partner.attempts[0].frames.clone(),
                what: Message::new("dns-conntrack-race-ev-partner-late")
                    .with("query", label(partner)),
            });
            Message::new("dns-conntrack-race-where-before")
                .with("lost", qtype(partner))
                .addr("client", retried.client.address)
        } else {
            evidence.push(Evidence {
                frames: partner.attempts.iter().map(|a| a.frame).collect(),
                what: Message::new("dns-conntrack-race-ev-partner-answered")
                    .with("query", label(partner)),
            });
            Message::new("dns-conntrack-race-where-beyond").addr("client", retried.client.address)
        };
        let mut finding = Finding::new(
            self,
            Severity::Warning,
            Message::new("dns-conntrack-race-summary-server-side")
                .addr("client", retried.client)
                .with("first", qtype(retried))
                .with("second", qtype(partner))
                .with("seconds", super::seconds(retry.gap.unwrap_or(0.0))),
            evidence,
        );
        finding.journeys = retried
            .attempts
            .iter()
            .map(|a| a.journey)
            .chain(retried.answers.iter().map(|a| a.journey))
            .chain(partner.attempts.iter().map(|a| a.journey))
            .collect();
        finding.point_of_failure = point_of_failure;
        finding.failure_frame = Some(answer.last_frame);
        finding.next_capture = Some(
            Message::new("dns-conntrack-race-next-server-side")
                .addr("client", retried.client.address)
                .with("command", super::NODE_CAPTURE),
        );
        Some(finding)
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures;
    use super::*;

    #[test]
    fn the_5_second_lookup_capture_shows_it_with_its_frames() {
        let found = fixtures::findings(&DnsConntrackRace, "e_dns_aaaa_drop.any.pcap");
        let [finding] = found.as_slice() else {
            panic!("{found:?}")
        };
        assert_eq!(
            finding.severity,
            Severity::Warning,
            "the lookup recovered after the retry"
        );
        // README: #1 A and #4 AAAA 69 µs apart, #10 the AAAA answer dropped on eth0, #17 and #23
        // the retries at +5 s.
        for frame in [1, 4, 10, 17, 23] {
            assert!(
                finding.frames.contains(&frame),
                "frame {frame} missing from {:?}",
                finding.frames
            );
        }
        assert_eq!(finding.failure_frame, Some(10));
        assert!(
            finding.evidence[0].what.to_string().contains("69 µs apart"),
            "{}",
            finding.evidence[0].what
        );
        assert!(
            finding.summary.to_string().contains("AAAA answer was lost")
                && finding.summary.to_string().contains("5.0 s"),
            "{}",
            finding.summary
        );
    }

    #[test]
    fn the_lab_reproduces_the_lost_answer_and_the_healthy_lookup() {
        // lab/dns-race.sh lossy: the node drops the first AAAA answer; the resolver retries at 5 s.
        let found = fixtures::findings(&DnsConntrackRace, "lab/dns_lossy.any.pcap");
        let [finding] = found.as_slice() else {
            panic!("{found:?}")
        };
        assert!(
            finding.summary.to_string().contains("AAAA answer was lost"),
            "{}",
            finding.summary
        );
        assert!(
            finding
                .point_of_failure
                .to_string()
                .contains("dropped on its way to the pod"),
            "{}",
            finding.point_of_failure
        );
        // lab/dns-race.sh ok: the same parallel queries, both answered at once.
        assert!(fixtures::findings(&DnsConntrackRace, "lab/dns_ok.any.pcap").is_empty());
    }

    #[test]
    fn quiet_without_parallel_queries_that_lost_an_answer() {
        fixtures::quiet_where_not_expected(&DnsConntrackRace);
    }
}

//! `dns-conntrack-race`: A and AAAA queries sent back to back from one socket; one answer is
//! lost and both are asked again after the resolver's 5 s timeout.

use super::{Evidence, Explanation, Finding, Reference, Severity, Signature, Step};
use std::collections::HashMap;

use crate::analysis::Analysis;
use crate::capture::Timestamp;
use crate::connection::{DnsOutcome, DnsQuery};
use crate::journey::Endpoint;
use crate::journey::Fate;

pub struct DnsConntrackRace;

/// Queries this close together were sent in parallel by one resolver call (glibc sends A and
/// AAAA back to back, microseconds apart).
const PARALLEL_NANOS: i128 = 10_000_000;

static EXPLANATION: Explanation = Explanation {
    title: "DNS lookups take 5 seconds: the conntrack race on parallel queries",
    symptom: "Name lookups in pods intermittently take exactly 5 seconds (or 10, 15), then succeed; application latency shows a 5 s step.",
    cause: "glibc (and musl) send the A and AAAA queries in parallel from the same UDP socket, so both packets share one 5-tuple. Their conntrack entries are created as each packet passes DNAT towards the DNS Service (kube-dns ClusterIP → a CoreDNS pod); when the two race on different CPUs, the second insert finds the first already there, fails (conntrack -S insert_failed grows) and that packet is dropped — or, with the entries crossed, one answer is dropped on the way back. The resolver waits its timeout (5 s by default) and asks again; the retry succeeds. Kernels since 5.0 resolve most clashes, but DNAT to several DNS endpoints can still lose one.",
    confirm: &[
        Step { what: "Look for failed conntrack inserts while lookups are slow", commands: &["conntrack -S | grep -o 'insert_failed=[0-9]*'"], tradeoff: None },
        Step { what: "Time lookups from an affected pod", commands: &["kubectl exec <pod> -- sh -c 'for i in $(seq 20); do time getent ahosts <name> >/dev/null; done'"], tradeoff: None },
    ],
    fix: &[
        Step {
            what: "Stop parallel queries on one socket in the pods' resolv.conf",
            commands: &["# pod spec\ndnsConfig:\n  options:\n    - name: single-request-reopen"],
            tradeoff: Some("glibc only; musl (Alpine) ignores it: there, use-vc (TCP) or NodeLocal DNSCache."),
        },
        Step {
            what: "Run NodeLocal DNSCache, so pods query a node-local address without DNAT and the cache talks TCP upstream",
            commands: &["kubectl apply -f nodelocaldns.yaml   # from the Kubernetes NodeLocal DNSCache guide"],
            tradeoff: Some("One more DaemonSet to run and upgrade."),
        },
        Step { what: "Upgrade the node kernel (conntrack clash resolution, 5.0+)", commands: &["uname -r"], tradeoff: None },
    ],
    references: &[
        Reference { title: "kubernetes#56903: DNS intermittent delays of 5 s", url: "https://github.com/kubernetes/kubernetes/issues/56903" },
        Reference { title: "Kubernetes: using NodeLocal DNSCache", url: "https://kubernetes.io/docs/tasks/administer-cluster/nodelocaldns/" },
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

impl DnsConntrackRace {
    fn finding(
        &self,
        analysis: &Analysis,
        first: &DnsQuery,
        second: &DnsQuery,
        victim: &DnsQuery,
        apart: i128,
    ) -> Finding {
        let label = |q: &DnsQuery| {
            format!(
                "{} {} (id 0x{:04x})",
                q.qtype.as_deref().unwrap_or("?"),
                q.name.as_deref().unwrap_or("?"),
                q.id
            )
        };
        let mut evidence = vec![Evidence {
            frames: vec![first.attempts[0].frame, second.attempts[0].frame],
            what: format!(
                "{} and {} leave {} for {} {:.0} µs apart, from the same socket",
                label(first),
                label(second),
                first.client,
                first.server,
                apart as f64 / 1000.0
            ),
        }];
        let lost = victim
            .answers
            .iter()
            .find(|a| !a.reached_client && a.time < victim.attempts[1].time);
        let point_of_failure;
        let failure_frame;
        match lost {
            Some(answer) => {
                let (arrived, expected) = match answer.fate {
                    Fate::EndedEarly {
                        interface,
                        expected,
                    } => (
                        analysis.interface_name(interface),
                        analysis.interface_name(expected),
                    ),
                    _ => ("the node".into(), "the pod".into()),
                };
                evidence.push(Evidence {
                    frames: answer.frames.clone(),
                    what: format!("the answer to {} arrives on {arrived} (frame {}) and never reaches the pod on {expected}", label(victim), answer.last_frame),
                });
                point_of_failure = format!("on the node, between {arrived} and {expected}: the answer was dropped on its way to the pod");
                failure_frame = Some(answer.last_frame);
            }
            None => {
                evidence.push(Evidence {
                    frames: victim.attempts[0].frames.clone(),
                    what: format!("no answer to {} is seen at all", label(victim)),
                });
                let last = victim.attempts[0].frames.last().copied();
                point_of_failure = "between the pod and the DNS server: the query or its answer was dropped after DNAT".into();
                failure_frame = last;
            }
        }
        let retries: Vec<u64> = [first, second]
            .iter()
            .filter_map(|q| q.attempts.get(1).map(|a| a.frame))
            .collect();
        let gap = victim.attempts[1].gap.unwrap_or(0.0);
        evidence.push(Evidence {
            frames: retries,
            what: format!("the resolver asks again after {gap:.1} s, its timeout"),
        });
        if let Some(answer) = victim
            .answers
            .iter()
            .filter(|a| a.reached_client)
            .min_by_key(|a| a.time)
        {
            evidence.push(Evidence {
                frames: answer.frames.clone(),
                what: format!(
                    "the retry is answered; the lookup took {:.3} s",
                    victim.time_to_answer.unwrap_or(0.0)
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
            format!(
                "{}: parallel {} and {} queries from one socket; the {} answer was lost and the lookup waited {:.1} s for the resolver to retry",
                first.client,
                first.qtype.as_deref().unwrap_or("?"),
                second.qtype.as_deref().unwrap_or("?"),
                victim.qtype.as_deref().unwrap_or("?"),
                gap
            ),
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
}

impl DnsConntrackRace {
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
        let label = |q: &DnsQuery| {
            format!(
                "{} {} (id 0x{:04x})",
                q.qtype.as_deref().unwrap_or("?"),
                q.name.as_deref().unwrap_or("?"),
                q.id
            )
        };
        let answer = retried.answers.iter().find(|a| a.time < retry.time)?;
        let mut evidence = vec![
            Evidence {
                frames: retried.attempts[0].frames.clone(),
                what: format!(
                    "{} from {} arrives for {}",
                    label(retried),
                    retried.client,
                    retried.server
                ),
            },
            Evidence {
                frames: answer.frames.clone(),
                what: format!("it is answered here (frame {})", answer.last_frame),
            },
            Evidence {
                frames: vec![retry.frame],
                what: format!(
                    "the resolver asks it again {:.1} s later, its timeout: it did not get every answer it waited for",
                    retry.gap.unwrap_or(0.0)
                ),
            },
        ];
        let point_of_failure = if first_seen_with_retry {
            evidence.push(Evidence {
                frames: partner.attempts[0].frames.clone(),
                what: format!(
                    "{} from the same socket arrives only with the retry: its first transmission, sent in parallel, never reached this capture",
                    label(partner)
                ),
            });
            format!(
                "before this capture: the first {} query was lost after leaving {} (on the client's node, after DNAT)",
                partner.qtype.as_deref().unwrap_or("?"),
                retried.client.address
            )
        } else {
            evidence.push(Evidence {
                frames: partner.attempts.iter().map(|a| a.frame).collect(),
                what: format!(
                    "{} was sent in parallel from the same socket, answered here too, and asked again with it",
                    label(partner)
                ),
            });
            format!(
                "beyond this capture, on the way back to {}: an answer that left here never reached the client",
                retried.client.address
            )
        };
        let mut finding = Finding::new(
            self,
            Severity::Warning,
            format!(
                "{}: parallel {} and {} queries from one socket; answered here, yet asked again after {:.1} s: one was lost between here and the client",
                retried.client,
                retried.qtype.as_deref().unwrap_or("?"),
                partner.qtype.as_deref().unwrap_or("?"),
                retry.gap.unwrap_or(0.0)
            ),
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
        finding.next_capture = Some(format!(
            "This capture is on the DNS server's side. On the node that runs {}, `{}` shows which of the two was lost and where (the answer arriving on its uplink and never reaching the pod, or the query never leaving after DNAT); `conntrack -S` there counts insert_failed.",
            retried.client.address,
            super::NODE_CAPTURE
        ));
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
            finding.evidence[0].what.contains("69 µs apart"),
            "{}",
            finding.evidence[0].what
        );
        assert!(
            finding.summary.contains("AAAA answer was lost") && finding.summary.contains("5.0 s"),
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
            finding.summary.contains("AAAA answer was lost"),
            "{}",
            finding.summary
        );
        assert!(
            finding
                .point_of_failure
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

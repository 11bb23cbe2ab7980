//! `dns-search-expansion`: one lookup becomes a chain of queries, the name with each search
//! suffix of the pod's resolv.conf (`ndots:5`), each answered NXDOMAIN, before the name itself.

use std::collections::BTreeMap;
use std::net::IpAddr;

use super::{Evidence, Explanation, Finding, Reference, Severity, Signature, Step};
use crate::analysis::Analysis;
use crate::connection::DnsQuery;
use crate::i18n::Message;

pub struct DnsSearchExpansion;

/// NXDOMAIN, the answer to a name that does not exist.
const NXDOMAIN: u8 = 3;
/// How long before the real name's query its expansions may start.
const LOOKUP_SECONDS: f64 = 10.0;
/// NXDOMAIN answers read before one lookup's answer: a search list has a handful of domains.
const MAX_EXPANSIONS: usize = 256;
/// What the search list cost one lookup before it is worth a warning: the expansions
/// themselves were slow (lost, retried, a slow upstream). Fast ones are an inefficiency of
/// every busy cluster, said as information.
const WARN_SECONDS: f64 = 0.5;

static EXPLANATION: Explanation = Explanation {
    signature: "dns-search-expansion",
    confirm: &[Step {
        id: "dns-search-expansion-confirm-resolv",
        commands: &["kubectl exec -n <namespace> <pod> -- cat /etc/resolv.conf"],
        tradeoff: false,
    }],
    fix: &[
        Step {
            id: "dns-search-expansion-fix-dot",
            commands: &["curl https://api.example.com./"],
            tradeoff: true,
        },
        Step {
            id: "dns-search-expansion-fix-ndots",
            commands: &["kubectl patch deployment <name> -n <namespace> -p '{\"spec\":{\"template\":{\"spec\":{\"dnsConfig\":{\"options\":[{\"name\":\"ndots\",\"value\":\"2\"}]}}}}}'"],
            tradeoff: true,
        },
        Step {
            id: "dns-search-expansion-fix-autopath",
            commands: &["kubectl -n kube-system edit configmap coredns"],
            tradeoff: true,
        },
    ],
    references: &[
        Reference {
            title: "Kube-dns add-on should accept option ndots for SkyDNS or document ConfigMap alternative subPath",
            url: "https://github.com/kubernetes/kubernetes/issues/33554",
        },
        Reference {
            title: "resolv.conf ndots:5 is causing throttling issues with cloud provider DNS",
            url: "https://github.com/kubernetes/kubernetes/issues/14051",
        },
        Reference {
            title: "DNS for Services and Pods",
            url: "https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/",
        },
        Reference {
            title: "resolv.conf(5) — Linux manual page",
            url: "https://man7.org/linux/man-pages/man5/resolv.conf.5.html",
        },
        Reference {
            title: "autopath",
            url: "https://coredns.io/plugins/autopath/",
        },
    ],
};

impl Signature for DnsSearchExpansion {
    fn id(&self) -> &'static str {
        "dns-search-expansion"
    }

    fn explanation(&self) -> &'static Explanation {
        &EXPLANATION
    }

    fn detect(&self, analysis: &Analysis) -> Vec<Finding> {
        // Each name answered (rcode 0) is a lookup's end; its expansions are the same client's
        // queries for that name plus a suffix, answered NXDOMAIN, shortly before.
        let mut lookups: BTreeMap<(IpAddr, String), Lookups<'_>> = BTreeMap::new();
        // NXDOMAIN answers by client, in time order: each lookup reads only its own seconds.
        let mut nxdomains: std::collections::HashMap<
            IpAddr,
            Vec<(crate::capture::Timestamp, &DnsQuery)>,
        > = Default::default();
        for query in analysis.dns.iter().filter(|q| answered_with(q, NXDOMAIN)) {
            if let Some(first) = query.attempts.first() {
                nxdomains
                    .entry(query.client.address)
                    .or_default()
                    .push((first.time, query));
            }
        }
        for queries in nxdomains.values_mut() {
            queries.sort_by_key(|(time, _)| *time);
        }
        for query in analysis.dns.iter().filter(|q| answered_with(q, 0)) {
            let Some(name) = query.name.as_deref().map(|n| n.trim_end_matches('.')) else {
                continue;
            };
            let Some(start) = query.attempts.first().map(|a| a.time) else {
                continue;
            };
            let suffixed = format!("{name}.");
            let same_client = nxdomains
                .get(&query.client.address)
                .map_or(&[][..], |v| v.as_slice());
            let window_start = same_client.partition_point(|(time, _)| {
                start.nanos_since(*time) as f64 / 1e9 > LOOKUP_SECONDS
            });
            // The latest ones before the answer, when a busy client asked many.
            let window_end = same_client.partition_point(|(time, _)| *time <= start);
            let window_start = window_start.max(window_end.saturating_sub(MAX_EXPANSIONS));
            let expansions: Vec<&DnsQuery> = same_client
                [window_start..window_end.max(window_start)]
                .iter()
                .map(|(_, q)| *q)
                .filter(|q| {
                    q.name
                        .as_deref()
                        .is_some_and(|n| n.len() > suffixed.len() && n.starts_with(&suffixed))
                })
                .filter(|q| answered_with(q, NXDOMAIN))
                .filter(|q| {
                    q.attempts.first().is_some_and(|a| {
                        let before = start.nanos_since(a.time) as f64 / 1e9;
                        (0.0..=LOOKUP_SECONDS).contains(&before)
                    })
                })
                .collect();
            if expansions.len() < 2 {
                continue;
            }
            // What this lookup spent on the search list: from its first expansion to the answer.
            let first = expansions
                .iter()
                .filter_map(|q| q.attempts.first().map(|a| a.time))
                .min();
            let answered = query.answers.iter().map(|a| a.time).min();
            let spent = match (first, answered) {
                (Some(first), Some(answered)) => answered.nanos_since(first) as f64 / 1e9,
                _ => 0.0,
            };
            let entry = lookups
                .entry((query.client.address, name.to_string()))
                .or_default();
            entry.finals.push(query);
            entry.slowest = entry.slowest.max(spent);
            for expansion in expansions {
                if !entry.expansions.iter().any(|q| std::ptr::eq(*q, expansion)) {
                    entry.expansions.push(expansion);
                }
            }
        }
        lookups
            .into_iter()
            .map(|((client, name), lookups)| self.finding(client, &name, &lookups))
            .collect()
    }
}

/// The lookups of one name by one client: the queries for the name as written, those for it
/// with a search suffix, and the most one lookup spent on them.
#[derive(Default)]
struct Lookups<'a> {
    finals: Vec<&'a DnsQuery>,
    expansions: Vec<&'a DnsQuery>,
    slowest: f64,
}

impl DnsSearchExpansion {
    fn finding(&self, client: IpAddr, name: &str, lookups: &Lookups<'_>) -> Finding {
        let (finals, expansions) = (&lookups.finals, &lookups.expansions);
        let mut suffixes: Vec<String> = expansions
            .iter()
            .filter_map(|q| q.name.as_deref())
            .filter_map(|n| {
                n.strip_prefix(name)
                    .map(|s| s.trim_start_matches('.').to_string())
            })
            .collect();
        suffixes.dedup();
        let mut unique = Vec::new();
        for suffix in suffixes {
            if !unique.contains(&suffix) {
                unique.push(suffix);
            }
        }
        let spent = lookups.slowest;
        let nxdomain_frames: Vec<u64> = expansions
            .iter()
            .flat_map(|q| q.answers.iter().flat_map(|a| a.frames.iter().copied()))
            .collect();
        let query_frames: Vec<u64> = expansions
            .iter()
            .flat_map(|q| q.attempts.iter().map(|a| a.frame))
            .collect();
        let final_frames: Vec<u64> = finals.iter().flat_map(|q| q.evidence()).collect();
        let evidence = vec![
            Evidence {
                frames: query_frames,
                what: Message::new("dns-search-expansion-ev-queries")
                    .addr("client", client)
                    .count("count", expansions.len())
                    .with("name", name)
                    .with("suffixes", unique.join(", ")),
            },
            Evidence {
                frames: nxdomain_frames.clone(),
                what: Message::new("dns-search-expansion-ev-nxdomain")
                    .count("count", expansions.len()),
            },
            Evidence {
                frames: final_frames,
                what: Message::new("dns-search-expansion-ev-final")
                    .with("name", name)
                    .with("spent", super::seconds(spent)),
            },
        ];
        let severity = if spent >= WARN_SECONDS {
            Severity::Warning
        } else {
            Severity::Info
        };
        let mut finding = Finding::new(
            self,
            severity,
            Message::new("dns-search-expansion-summary")
                .addr("client", client)
                .with("name", name)
                .count("count", expansions.len() + finals.len())
                .count("wasted", expansions.len())
                .with("spent", super::seconds(spent)),
            evidence,
        );
        finding.journeys = expansions
            .iter()
            .chain(finals.iter())
            .flat_map(|q| q.attempts.iter().map(|a| a.journey))
            .collect();
        finding.point_of_failure =
            Message::new("dns-search-expansion-where").addr("client", client);
        finding.failure_frame = nxdomain_frames.last().copied();
        finding
    }
}

/// Whether an answer to `query` with `rcode` was seen.
fn answered_with(query: &DnsQuery, rcode: u8) -> bool {
    query.answers.iter().any(|a| a.rcode == rcode)
}

#[cfg(test)]
mod tests {
    use super::super::fixtures;
    use super::*;

    #[test]
    fn a_name_tried_with_every_search_suffix_first_is_found_from_the_pod_and_the_node() {
        // lab/vantage-dns-more.sh search: api.example.com from a pod with ndots:5, dual-stack.
        for capture in ["lab/dns_search.pod.pcap", "lab/dns_search.node1.any.pcap"] {
            let found = fixtures::findings(&DnsSearchExpansion, capture);
            let [finding] = found.as_slice() else {
                panic!("{capture}: {found:?}")
            };
            // Answered in milliseconds: an inefficiency, said as information.
            assert_eq!(finding.severity, Severity::Info, "{capture}");
            let text = finding.summary.to_string();
            assert!(text.contains("api.example.com"), "{text}");
            assert!(text.contains("6 of them"), "{text}");
            let suffixes = finding.evidence[0].what.to_string();
            assert!(
                suffixes.contains("default.svc.cluster.local, svc.cluster.local, cluster.local"),
                "{suffixes}"
            );
        }
    }

    #[test]
    fn a_name_with_a_trailing_dot_is_asked_once() {
        for capture in [
            "lab/dns_search_ok.pod.pcap",
            "lab/dns_search_ok.node1.any.pcap",
        ] {
            assert!(
                fixtures::findings(&DnsSearchExpansion, capture).is_empty(),
                "{capture}"
            );
        }
    }

    #[test]
    fn quiet_where_not_expected() {
        fixtures::quiet_where_not_expected(&DnsSearchExpansion);
    }
}

//! `conntrack-table-full`: the node's conntrack table is full. Every new connection needs an
//! entry, so the first packets of new connections are dropped (the kernel logs
//! `nf_conntrack: table full, dropping packet`) while connections that have one go on. On a
//! capture: a burst of new connections whose SYNs enter the node and never leave, to many
//! places, while other connections pass, and the same SYNs get through once entries free up.

use std::collections::BTreeSet;

use super::{Evidence, Explanation, Finding, Reference, Severity, Signature, Step};
use crate::analysis::{Analysis, Vantage};
use crate::connection::{Connection, Outcome};
use crate::i18n::Message;
use crate::journey::Fate;

pub struct ConntrackTableFull;

/// New connections lost at once before it counts: a full table drops every new one.
const MIN_LOST: usize = 20;
/// The burst: first SYNs this close together.
const BURST_SECONDS: f64 = 10.0;
/// How many frames of the connections that passed are shown (the rest are alike).
const SHOWN: usize = 5;

static EXPLANATION: Explanation = Explanation {
    signature: "conntrack-table-full",
    confirm: &[
        Step {
            id: "conntrack-table-full-confirm-count",
            commands: &[
                "sysctl net.netfilter.nf_conntrack_count net.netfilter.nf_conntrack_max",
                "dmesg | grep -i 'table full'",
                "conntrack -S | grep -oE '(drop|early_drop|insert_failed)=[0-9]+'",
            ],
            tradeoff: false,
        },
        Step {
            id: "conntrack-table-full-confirm-source",
            commands: &[
                "conntrack -L -p tcp 2>/dev/null | awk '{print $4}' | sort | uniq -c | sort -rn",
                "conntrack -L 2>/dev/null | grep -o 'dst=[^ ]*' | sort | uniq -c | sort -rn | head",
            ],
            tradeoff: false,
        },
        Step {
            id: "conntrack-table-full-confirm-kube-proxy",
            commands: &[
                "kubectl -n kube-system logs ds/kube-proxy | grep -i conntrack",
                "kubectl -n kube-system get configmap kube-proxy -o yaml | grep -A8 conntrack",
            ],
            tradeoff: false,
        },
    ],
    fix: &[
        Step {
            id: "conntrack-table-full-fix-max",
            commands: &[
                "kubectl -n kube-system edit configmap kube-proxy",
                "kubectl -n kube-system rollout restart ds/kube-proxy",
                "sysctl -w net.netfilter.nf_conntrack_max=<entries>",
            ],
            tradeoff: true,
        },
        Step {
            id: "conntrack-table-full-fix-timeouts",
            commands: &["sysctl net.netfilter.nf_conntrack_tcp_timeout_established net.netfilter.nf_conntrack_tcp_timeout_close_wait net.netfilter.nf_conntrack_tcp_timeout_time_wait"],
            tradeoff: true,
        },
        Step {
            id: "conntrack-table-full-fix-source",
            commands: &[],
            tradeoff: false,
        },
    ],
    references: &[
        Reference {
            title: "kubernetes#18604: kube-proxy: increase conntrack limits, decrease timeouts",
            url: "https://github.com/kubernetes/kubernetes/issues/18604",
        },
        Reference {
            title: "Netfilter Conntrack Sysfs variables: nf_conntrack_max, nf_conntrack_count, nf_conntrack_buckets",
            url: "https://docs.kernel.org/networking/nf_conntrack-sysctl.html",
        },
        Reference {
            title: "kubernetes#28876: Scale kube-proxy conntrack limits by cores (new default behavior)",
            url: "https://github.com/kubernetes/kubernetes/pull/28876",
        },
    ],
};

impl Signature for ConntrackTableFull {
    fn id(&self) -> &'static str {
        "conntrack-table-full"
    }

    fn explanation(&self) -> &'static Explanation {
        &EXPLANATION
    }

    fn detect(&self, analysis: &Analysis) -> Vec<Finding> {
        let on_node = matches!(analysis.vantage(), Vantage::NodeAllInterfaces { .. });
        let at_endpoint = matches!(analysis.vantage(), Vantage::Endpoint { .. });
        if !on_node && !at_endpoint {
            return Vec::new();
        }
        let raced = if on_node {
            super::snat_port_collision::race_losers(analysis)
        } else {
            Default::default()
        };
        let mut lost: Vec<&Connection> = analysis
            .connections
            .iter()
            .filter(|c| {
                if on_node {
                    dropped_on_node(analysis, c) && !raced.contains(&c.id)
                } else {
                    first_syn_unanswered(c)
                }
            })
            .collect();
        lost.sort_by_key(|c| c.attempts[0].time);
        let Some(burst) = largest_burst(&lost) else {
            return Vec::new();
        };
        let destinations: BTreeSet<_> = burst.iter().map(|c| c.server.address).collect();
        // From inside a pod only the variety of destinations tells a full table from a path
        // that loses packets to one place.
        if at_endpoint && destinations.len() < MIN_LOST {
            return Vec::new();
        }
        let start = burst[0].attempts[0].time;
        let end = burst[burst.len() - 1].attempts[0].time;
        let passed: Vec<&Connection> = analysis
            .connections
            .iter()
            .filter(|c| {
                c.attempts.len() == 1
                    && c.outcome == Outcome::Established
                    && c.attempts[0].time >= start
                    && c.attempts[0].time <= end
            })
            .collect();
        let carried_on: Option<&Connection> = analysis.connections.iter().find(|c| {
            c.attempts.first().is_some_and(|a| a.time < start)
                && c.established_frame.is_some()
                && c.last_frame > burst[burst.len() - 1].attempts[0].frame
        });
        if passed.is_empty() && carried_on.is_none() {
            return Vec::new();
        }
        // A rule drops the same places every time; a full table lets them through once it has
        // room again, and meanwhile lets others through to the same places.
        let recovered: Vec<&Connection> = burst
            .iter()
            .copied()
            .filter(|c| c.outcome == Outcome::Established)
            .collect();
        let lost_to: std::collections::HashSet<_> = burst.iter().map(|l| l.server).collect();
        let shared = passed.iter().any(|p| lost_to.contains(&p.server));
        if recovered.is_empty() && !shared {
            return Vec::new();
        }
        vec![self.finding(
            analysis,
            on_node,
            &burst,
            destinations.len(),
            &passed,
            carried_on,
            &recovered,
        )]
    }
}

/// The first SYN entered the node and was never seen leaving it, nor translated.
fn dropped_on_node(analysis: &Analysis, connection: &Connection) -> bool {
    let Some(first) = connection.attempts.first() else {
        return false;
    };
    analysis.journey(first.journey).is_some_and(|j| {
        matches!(j.fate, Fate::Arrived { .. } | Fate::EndedEarly { .. })
            && j.hops
                .iter()
                .all(|h| h.from == connection.client && h.to == connection.server)
    })
}

/// Inside a pod: the first SYN had to be sent again.
fn first_syn_unanswered(connection: &Connection) -> bool {
    connection.attempts.len() >= 2
        && connection
            .syn_acks
            .first()
            .is_none_or(|reply| reply.frames.first() > Some(&connection.attempts[1].frame))
}

/// The most lost connections whose first SYNs fall within one burst.
fn largest_burst<'a>(lost: &[&'a Connection]) -> Option<Vec<&'a Connection>> {
    let mut best: Option<(usize, usize)> = None;
    let mut from = 0;
    for to in 0..lost.len() {
        while lost[to].attempts[0]
            .time
            .nanos_since(lost[from].attempts[0].time) as f64
            / 1e9
            > BURST_SECONDS
        {
            from += 1;
        }
        if best.is_none_or(|(a, b)| to - from > b - a) {
            best = Some((from, to));
        }
    }
    let (from, to) = best?;
    (to + 1 - from >= MIN_LOST).then(|| lost[from..=to].to_vec())
}

impl ConntrackTableFull {
    #[allow(clippy::too_many_arguments)]
    fn finding(
        &self,
        analysis: &Analysis,
        on_node: bool,
        burst: &[&Connection],
        destinations: usize,
        passed: &[&Connection],
        carried_on: Option<&Connection>,
        recovered: &[&Connection],
    ) -> Finding {
        let first = burst[0].attempts[0].time;
        let last = burst[burst.len() - 1].attempts[0].time;
        let span = last.nanos_since(first) as f64 / 1e9;
        let mut evidence = vec![Evidence {
            frames: burst
                .iter()
                .flat_map(|c| c.attempts[0].frames.clone())
                .collect(),
            what: Message::new(if on_node {
                "conntrack-table-full-ev-dropped"
            } else {
                "conntrack-table-full-ev-unanswered"
            })
            .count("count", burst.len())
            .count("destinations", destinations)
            .with("seconds", super::seconds(span)),
        }];
        if !passed.is_empty() {
            evidence.push(Evidence {
                frames: passed
                    .iter()
                    .take(SHOWN)
                    .flat_map(|c| c.attempts[0].frames.clone())
                    .collect(),
                what: Message::new("conntrack-table-full-ev-passed").count("count", passed.len()),
            });
        }
        if let Some(flow) = carried_on {
            evidence.push(Evidence {
                frames: vec![flow.last_frame],
                what: Message::new("conntrack-table-full-ev-carried-on")
                    .addr("client", flow.client)
                    .addr("server", flow.server),
            });
        }
        if !recovered.is_empty() {
            let waits: Vec<f64> = recovered.iter().filter_map(|c| c.time_to_connect).collect();
            let longest = waits.iter().copied().fold(0.0, f64::max);
            evidence.push(Evidence {
                frames: recovered
                    .iter()
                    .take(SHOWN)
                    .filter_map(|c| c.established_frame)
                    .collect(),
                what: Message::new("conntrack-table-full-ev-recovered")
                    .count("count", recovered.len())
                    .with("seconds", super::seconds(longest)),
            });
        }
        let mut finding = Finding::new(
            self,
            if on_node {
                Severity::Error
            } else {
                Severity::Warning
            },
            Message::new(if on_node {
                "conntrack-table-full-summary"
            } else {
                "conntrack-table-full-summary-pod"
            })
            .count("count", burst.len())
            .with("seconds", super::seconds(span)),
            evidence,
        );
        finding.connection = Some(burst[0].id);
        finding.covers = burst.iter().skip(1).map(|c| c.id).collect();
        finding.journeys = burst.iter().map(|c| c.attempts[0].journey).collect();
        let example = burst[0];
        finding.failure_frame = analysis
            .journey(example.attempts[0].journey)
            .and_then(|j| j.hops.last())
            .map(|h| h.frame);
        finding.point_of_failure = if on_node {
            Message::new("conntrack-table-full-where")
        } else {
            Message::new("conntrack-table-full-where-pod")
        };
        finding.next_capture = Some(Message::new("conntrack-table-full-next"));
        finding
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures;
    use super::*;

    #[test]
    fn the_burst_shows_it_on_the_node() {
        for view in ["node.any", "node.sll1"] {
            let name = format!("lab/table_full.{view}.pcap");
            let found = fixtures::findings(&ConntrackTableFull, &name);
            let [finding] = found.as_slice() else {
                panic!("{name}: {found:?}")
            };
            assert_eq!(finding.severity, Severity::Error, "{name}");
            assert!(
                finding.covers.len() >= 250,
                "{name}: {}",
                finding.covers.len()
            );
            assert!(
                finding.summary.to_string().contains("290"),
                "{name}: {}",
                finding.summary
            );
        }
    }

    #[test]
    fn inside_the_pod_it_is_a_warning_and_replaces_the_lost_syns() {
        let found = fixtures::findings(&ConntrackTableFull, "lab/table_full.pod.pcap");
        let [finding] = found.as_slice() else {
            panic!("{found:?}")
        };
        assert_eq!(finding.severity, Severity::Warning);
        let all = super::super::diagnose(&fixtures::analyze("lab/table_full.pod.pcap"));
        let signatures: Vec<&str> = all.iter().map(|f| f.signature).collect();
        assert_eq!(signatures, ["conntrack-table-full"], "one finding, not 290");
    }

    #[test]
    fn the_uplink_never_sees_the_dropped_syns() {
        assert!(
            fixtures::findings(&ConntrackTableFull, "lab/table_full.node.uplink.pcap").is_empty()
        );
    }

    #[test]
    fn the_same_burst_with_room_in_the_table_is_quiet() {
        fixtures::quiet_on(
            &ConntrackTableFull,
            "table_ok",
            &["node.any", "node.sll1", "node.uplink", "pod"],
        );
    }

    #[test]
    fn many_syns_lost_to_one_place_are_not_a_full_table() {
        // SNAT races and VXLAN loss drop SYNs to one destination.
        for name in [
            "lab/snat_collision.node.any.pcap",
            "lab/snat_collision.pod.pcap",
            "lab/vxlan_lossy.node1.any.pcap",
        ] {
            assert!(
                fixtures::findings(&ConntrackTableFull, name).is_empty(),
                "{name}"
            );
        }
    }

    #[test]
    fn quiet_where_not_expected() {
        fixtures::quiet_where_not_expected(&ConntrackTableFull);
    }
}

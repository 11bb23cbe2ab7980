//! `snat-port-collision`: many connections from pods to one destination through the node's
//! SNAT (MASQUERADE). Two of them, started at the same moment, are given the same source
//! address and port; the second to be confirmed in conntrack is dropped (`insert_failed`), so
//! its SYN enters the node and never leaves. The client sends it again a second later and
//! gets another port: connects that take one second, in bursts.

use std::collections::BTreeMap;

use super::{Evidence, Explanation, Finding, Reference, Severity, Signature, Step};
use crate::analysis::{Analysis, JourneyReport};
use crate::connection::{Attempt, Connection, Outcome};
use crate::i18n::Message;
use crate::journey::{Endpoint, Fate};

pub struct SnatPortCollision;

/// SYNs this close to one another race for the same port.
const RACE_NANOS: i128 = 100_000_000;
/// SYNs to one destination looked at around each lost one: a flood is not read in full.
const MAX_RIVALS: usize = 64;
/// The client's retransmission timer: the first resend of a SYN comes after about a second.
const RETRY_SECONDS: std::ops::RangeInclusive<f64> = 0.5..=3.5;

static EXPLANATION: Explanation = Explanation {
    signature: "snat-port-collision",
    confirm: &[
        Step {
            id: "snat-port-collision-confirm-insert-failed",
            commands: &["conntrack -S | grep -o 'insert_failed=[0-9]*'"],
            tradeoff: false,
        },
        Step {
            id: "snat-port-collision-confirm-masquerade",
            commands: &[
                "iptables-save -t nat | grep MASQUERADE",
                "nft list ruleset | grep -i masquerade",
            ],
            tradeoff: false,
        },
    ],
    fix: &[
        Step {
            id: "snat-port-collision-fix-random-fully",
            commands: &[
                "iptables -V",
                "iptables-save -t nat | grep MASQUERADE | grep -v -e --random-fully",
            ],
            tradeoff: true,
        },
        Step {
            id: "snat-port-collision-fix-no-snat",
            commands: &["kubectl -n kube-system get configmap ip-masq-agent -o yaml"],
            tradeoff: false,
        },
        Step {
            id: "snat-port-collision-fix-fewer-connections",
            commands: &[],
            tradeoff: false,
        },
    ],
    references: &[
        Reference {
            title: "A reason for unexplained connection timeouts on Kubernetes/Docker (XING, 2018)",
            url: "https://tech.xing.com/a-reason-for-unexplained-connection-timeouts-on-kubernetes-docker-abd041cf7e02",
        },
        Reference {
            title: "maxlaverse/snat-race-conn-test: a reproduction of the SNAT race",
            url: "https://github.com/maxlaverse/snat-race-conn-test",
        },
        Reference {
            title: "flannel#2273: Allow turning off fully-random masquerade flag",
            url: "https://github.com/flannel-io/flannel/issues/2273",
        },
    ],
};

impl Signature for SnatPortCollision {
    fn id(&self) -> &'static str {
        "snat-port-collision"
    }

    fn explanation(&self) -> &'static Explanation {
        &EXPLANATION
    }

    fn detect(&self, analysis: &Analysis) -> Vec<Finding> {
        let mut by_destination: BTreeMap<Endpoint, Vec<Loser>> = BTreeMap::new();
        for loser in losers(analysis) {
            by_destination
                .entry(loser.connection.server)
                .or_default()
                .push(loser);
        }
        by_destination
            .into_iter()
            .map(|(server, losers)| self.finding(server, &losers))
            .collect()
    }
}

/// Every connection whose first SYN lost a race for a SNAT port.
fn losers(analysis: &Analysis) -> Vec<Loser<'_>> {
    let starts = Starts::new(analysis);
    analysis
        .connections
        .iter()
        .filter_map(|connection| loser(analysis, &starts, connection))
        .collect()
}

/// The ids of the connections that lost a race for a SNAT port (this signature's).
pub(super) fn race_losers(analysis: &Analysis) -> std::collections::HashSet<u64> {
    losers(analysis).iter().map(|l| l.connection.id).collect()
}

/// Connections by destination, in order of their first SYN: the rivals of a SYN are found by
/// time, not by reading every connection again.
struct Starts<'a> {
    by_destination:
        std::collections::HashMap<Endpoint, Vec<(crate::capture::Timestamp, &'a Connection)>>,
}

impl<'a> Starts<'a> {
    fn new(analysis: &'a Analysis) -> Starts<'a> {
        let mut by_destination: std::collections::HashMap<Endpoint, Vec<_>> =
            std::collections::HashMap::new();
        for connection in &analysis.connections {
            if let Some(first) = connection.attempts.first() {
                by_destination
                    .entry(connection.server)
                    .or_default()
                    .push((first.time, connection));
            }
        }
        for starts in by_destination.values_mut() {
            starts.sort_by_key(|(time, connection)| (*time, connection.id));
        }
        Starts { by_destination }
    }

    /// Connections to `destination` whose first SYN is within the race window of `time`, at
    /// most `MAX_RIVALS` of them.
    fn near(
        &self,
        destination: Endpoint,
        time: crate::capture::Timestamp,
    ) -> impl Iterator<Item = &'a Connection> + '_ {
        let starts = self
            .by_destination
            .get(&destination)
            .map_or(&[][..], |v| v.as_slice());
        let from = starts.partition_point(|(t, _)| time.nanos_since(*t) > RACE_NANOS);
        starts[from..]
            .iter()
            .take_while(move |(t, _)| t.nanos_since(time) <= RACE_NANOS)
            .take(MAX_RIVALS)
            .map(|(_, connection)| *connection)
    }
}

/// A connection whose first SYN lost the race for a port.
struct Loser<'a> {
    connection: &'a Connection,
    first: &'a Attempt,
    /// Where the first SYN was last seen, on the node.
    last_seen: u64,
    retry: &'a Attempt,
    /// The address and port the retry left with.
    retry_source: Endpoint,
    /// The connection that left with the port at the same moment, and that port.
    rival: (&'a Connection, Endpoint),
}

fn loser<'a>(
    analysis: &'a Analysis,
    starts: &Starts<'a>,
    connection: &'a Connection,
) -> Option<Loser<'a>> {
    let first = connection.attempts.first()?;
    let dropped = analysis.journey(first.journey)?;
    // Seen coming in and never going out: on a capture of every interface with directions
    // (without interface indexes, SLL v1, the node cannot tell where it should have gone).
    let never_left = match dropped.fate {
        Fate::EndedEarly { .. } => true,
        Fate::Arrived { .. } => matches!(
            analysis.vantage(),
            crate::analysis::Vantage::NodeAllInterfaces { .. }
        ),
        _ => false,
    };
    if !never_left || translated(dropped, connection).is_some() {
        return None;
    }
    let retry = connection
        .attempts
        .iter()
        .skip(1)
        .find(|a| a.gap.is_some_and(|gap| RETRY_SECONDS.contains(&gap)))?;
    let retry_source = translated(analysis.journey(retry.journey)?, connection)?;
    let rival = rival(analysis, starts, connection, first, retry_source)?;
    Some(Loser {
        connection,
        first,
        last_seen: dropped.hops.last()?.frame,
        retry,
        retry_source,
        rival,
    })
}

/// The source a SYN left the node with, when the node rewrote it (SNAT).
fn translated(journey: &JourneyReport, connection: &Connection) -> Option<Endpoint> {
    let last = journey.hops.last()?;
    (last.from != connection.client
        && matches!(journey.fate, Fate::LeftNode { .. } | Fate::Delivered { .. }))
    .then_some(last.from)
}

/// Another client's connection to the same destination whose first SYN, at the same moment,
/// left with the SNAT address the retry shows: preferably the very port the loser asked for.
fn rival<'a>(
    analysis: &'a Analysis,
    starts: &Starts<'a>,
    loser: &Connection,
    first: &Attempt,
    retry_source: Endpoint,
) -> Option<(&'a Connection, Endpoint)> {
    let candidates = starts.near(loser.server, first.time).filter_map(|other| {
        let start = other.attempts.first()?;
        if other.id == loser.id || other.client.address == loser.client.address {
            return None;
        }
        let left = translated(analysis.journey(start.journey)?, other)?;
        (left.address == retry_source.address).then_some((other, left))
    });
    let mut best = None;
    for (other, left) in candidates {
        if left.port == loser.client.port {
            return Some((other, left));
        }
        best.get_or_insert((other, left));
    }
    best
}

impl SnatPortCollision {
    fn finding(&self, server: Endpoint, losers: &[Loser]) -> Finding {
        let example = &losers[0];
        let (rival, rival_source) = example.rival;
        let mut evidence = vec![Evidence {
            frames: losers.iter().flat_map(|l| l.first.frames.clone()).collect(),
            what: Message::new("snat-port-collision-ev-lost")
                .count("count", losers.len())
                .addr("server", server),
        }];
        evidence.push(Evidence {
            frames: example
                .first
                .frames
                .iter()
                .chain(&rival.attempts[0].frames)
                .copied()
                .collect(),
            what: if rival_source.port == example.connection.client.port {
                Message::new("snat-port-collision-ev-same-port")
                    .addr("loser", example.connection.client)
                    .addr("rival", rival.client)
                    .addr("source", rival_source)
            } else {
                Message::new("snat-port-collision-ev-same-moment")
                    .addr("loser", example.connection.client)
                    .addr("rival", rival.client)
                    .addr("source", rival_source)
            },
        });
        let gaps: Vec<f64> = losers.iter().filter_map(|l| l.retry.gap).collect();
        let mean_gap = gaps.iter().sum::<f64>() / gaps.len().max(1) as f64;
        evidence.push(Evidence {
            frames: losers.iter().flat_map(|l| l.retry.frames.clone()).collect(),
            what: Message::new("snat-port-collision-ev-retry")
                .with("seconds", super::seconds(mean_gap))
                .addr("loser", example.connection.client)
                .addr("source", example.retry_source),
        });
        let failed = losers
            .iter()
            .filter(|l| l.connection.outcome != Outcome::Established)
            .count();
        let mut finding = Finding::new(
            self,
            if failed > 0 {
                Severity::Error
            } else {
                Severity::Warning
            },
            Message::new("snat-port-collision-summary")
                .count("count", losers.len())
                .addr("server", server)
                .addr("source", rival_source.address)
                .with("seconds", super::seconds(mean_gap)),
            evidence,
        );
        finding.connection = Some(example.connection.id);
        finding.covers = losers.iter().skip(1).map(|l| l.connection.id).collect();
        finding.journeys = losers
            .iter()
            .flat_map(|l| [l.first.journey, l.retry.journey])
            .chain(std::iter::once(rival.attempts[0].journey))
            .collect();
        finding.point_of_failure = Message::new("snat-port-collision-where")
            .addr("server", server)
            .addr("source", rival_source.address);
        finding.failure_frame = Some(example.last_seen);
        finding
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures;
    use super::*;

    #[test]
    fn the_race_shows_it_on_the_node() {
        for view in ["node.any", "node.sll1"] {
            let name = format!("lab/snat_collision.{view}.pcap");
            let found = fixtures::findings(&SnatPortCollision, &name);
            let [finding] = found.as_slice() else {
                panic!("{name}: {found:?}")
            };
            assert_eq!(finding.severity, Severity::Warning, "{name}");
            assert!(finding.covers.len() >= 10, "{name}: {:?}", finding.covers);
            assert!(
                finding.summary.to_string().contains("203.0.113.10:443"),
                "{name}: {}",
                finding.summary
            );
        }
        // The first loser: 10.244.0.12:40000 (#20, #22) lost to 10.244.0.11:40000, which left
        // as 172.18.0.2:40000 (#26); its retry (#2092) left with another port.
        let found = fixtures::findings(&SnatPortCollision, "lab/snat_collision.node.any.pcap");
        let finding = &found[0];
        assert_eq!(finding.failure_frame, Some(22));
        for frame in [20, 22, 21, 26, 2092] {
            assert!(finding.frames.contains(&frame), "{frame}");
        }
        assert!(
            finding.evidence[1]
                .what
                .to_string()
                .contains("172.18.0.2:40000"),
            "{}",
            finding.evidence[1].what
        );
    }

    #[test]
    fn the_pod_and_the_uplink_do_not_see_the_race() {
        // Inside a pod a SYN lost once looks like any loss; on the uplink the losers never show.
        fixtures::quiet_on(
            &SnatPortCollision,
            "snat_collision",
            &["pod", "node.uplink"],
        );
    }

    #[test]
    fn random_fully_is_quiet() {
        fixtures::quiet_on(
            &SnatPortCollision,
            "snat_ok",
            &["node.any", "node.sll1", "node.uplink", "pod"],
        );
    }

    #[test]
    fn syns_dropped_on_the_node_for_other_reasons_are_not_a_race() {
        // The conntrack table full: SYNs dropped on the node, to many destinations at once.
        fixtures::quiet_on(&SnatPortCollision, "table_full", &["node.any", "node.sll1"]);
    }

    #[test]
    fn quiet_where_not_expected() {
        fixtures::quiet_where_not_expected(&SnatPortCollision);
    }
}

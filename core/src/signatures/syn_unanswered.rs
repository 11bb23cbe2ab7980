//! `syn-unanswered`: a client retries its SYN and nothing answers — no SYN-ACK, no reset — or,
//! seen from the client alone, only a late retry is answered.

use super::{Evidence, Explanation, Finding, Reference, Severity, Signature, Step};
use crate::analysis::Analysis;
use crate::connection::{Connection, Outcome};
use crate::i18n::Message;
use crate::journey::{Endpoint, Fate, TunnelKind};
use std::net::IpAddr;

pub struct SynUnanswered;

static EXPLANATION: Explanation = Explanation {
    signature: "syn-unanswered",
    confirm: &[
        Step {
            id: "syn-unanswered-confirm-conntrack",
            commands: &[
                "conntrack -S | grep -oE '(drop|early_drop|insert_failed)=[0-9]+'",
                "sysctl net.netfilter.nf_conntrack_count net.netfilter.nf_conntrack_max",
                "dmesg | grep -i 'table full'",
            ],
            tradeoff: false,
        },
        Step {
            id: "syn-unanswered-confirm-policy",
            commands: &[
                "iptables-save -c | grep -iE 'DROP|REJECT'",
                "nft list ruleset | grep -i drop",
                "kubectl get networkpolicy -A",
            ],
            tradeoff: false,
        },
        Step {
            id: "syn-unanswered-confirm-endpoints",
            commands: &[
                "kubectl get endpointslices -n <namespace> -l kubernetes.io/service-name=<service>",
                "kubectl get svc <service> -n <namespace> -o jsonpath='{.spec.internalTrafficPolicy} {.spec.externalTrafficPolicy}'",
            ],
            tradeoff: false,
        },
    ],
    fix: &[
        Step {
            id: "syn-unanswered-fix-policy",
            commands: &["kubectl describe networkpolicy -n <namespace>"],
            tradeoff: false,
        },
        Step {
            id: "syn-unanswered-fix-local-policy",
            commands: &["kubectl get endpointslices -n <namespace> -l kubernetes.io/service-name=<service> -o wide"],
            tradeoff: true,
        },
        Step {
            id: "syn-unanswered-fix-conntrack",
            commands: &["kubectl -n kube-system get configmap kube-proxy -o yaml | grep -A3 conntrack"],
            tradeoff: true,
        },
    ],
    references: &[
        Reference {
            title: "Debug Services",
            url: "https://kubernetes.io/docs/tasks/debug/debug-application/debug-service/",
        },
        Reference {
            title: "Network Policies",
            url: "https://kubernetes.io/docs/concepts/services-networking/network-policies/",
        },
        Reference {
            title: "Virtual IPs and Service Proxies: traffic policies",
            url: "https://kubernetes.io/docs/reference/networking/virtual-ips/#traffic-policies",
        },
    ],
};

impl Signature for SynUnanswered {
    fn id(&self) -> &'static str {
        "syn-unanswered"
    }

    fn explanation(&self) -> &'static Explanation {
        &EXPLANATION
    }

    fn detect(&self, analysis: &Analysis) -> Vec<Finding> {
        let mut findings = Vec::new();
        let mut client_view: Vec<(&Connection, Finding)> = Vec::new();
        for connection in &analysis.connections {
            if connection.attempts.len() < 2
                || !connection.resets.is_empty()
                || !super::is_syn_backoff(&connection.retry_gaps())
            {
                continue;
            }
            if super::from_the_client(analysis, connection) {
                client_view.extend(
                    self.seen_from_the_client(connection)
                        .map(|finding| (connection, finding)),
                );
                continue;
            }
            if !connection.syn_acks.is_empty() {
                continue;
            }
            let Some(last) = connection
                .attempts
                .last()
                .and_then(|a| analysis.journey(a.journey))
            else {
                continue;
            };
            // Lost in a VXLAN overlay: vxlan-syn-loss says more.
            if last.hops.iter().any(|h| {
                h.encapsulation
                    .as_ref()
                    .is_some_and(|e| e.kind == TunnelKind::Vxlan)
            }) {
                continue;
            }
            let (where_lost, point) = match last.fate {
                Fate::LeftNode { interface } => {
                    let name = analysis.interface_name(interface);
                    (
                        Message::new("syn-unanswered-ev-left").with("interface", &name),
                        Message::new("syn-unanswered-where-left").with("interface", &name),
                    )
                }
                Fate::Delivered { interface } => {
                    let name = analysis.interface_name(interface);
                    (
                        Message::new("syn-unanswered-ev-delivered").with("interface", &name),
                        Message::new("syn-unanswered-where-delivered").with("interface", &name),
                    )
                }
                Fate::EndedEarly { interface, .. }
                | Fate::Arrived { interface }
                | Fate::Local { interface }
                | Fate::Resegmented { interface } => {
                    let name = analysis.interface_name(interface);
                    (
                        Message::new("syn-unanswered-ev-arrived").with("interface", &name),
                        Message::new("syn-unanswered-where-arrived").with("interface", &name),
                    )
                }
                Fate::Observed { interface } => (
                    Message::new("syn-unanswered-ev-observed")
                        .with("interface", analysis.interface_name(interface)),
                    Message::new("syn-unanswered-where-observed"),
                ),
            };
            let evidence = vec![
                sent_evidence(connection),
                Evidence {
                    frames: last.frames.clone(),
                    what: where_lost,
                },
                Evidence {
                    frames: Vec::new(),
                    what: Message::new("syn-unanswered-ev-nothing"),
                },
            ];
            let mut finding = Finding::new(
                self,
                Severity::Warning,
                Message::new("syn-unanswered-summary")
                    .addr("client", connection.client)
                    .addr("server", connection.server)
                    .count("count", connection.attempts.len()),
                evidence,
            );
            finding.connection = Some(connection.id);
            finding.journeys = connection.attempts.iter().map(|a| a.journey).collect();
            finding.point_of_failure = point;
            finding.failure_frame = last.frames.last().copied();
            findings.push(finding);
        }
        findings.extend(self.one_per_destination(client_view));
        findings
    }
}

fn sent_evidence(connection: &Connection) -> Evidence {
    Evidence {
        frames: connection.attempts.iter().map(|a| a.frame).collect(),
        what: Message::new("syn-unanswered-ev-sent")
            .addr("client", connection.client)
            .count("count", connection.attempts.len())
            .addr("server", connection.server)
            .with("gaps", super::gaps_text(&connection.retry_gaps())),
    }
}

impl SynUnanswered {
    /// Inside a client, many connections to one place that each lost SYNs are one finding:
    /// the same loss, seen again and again (a burst of parallel connects).
    fn one_per_destination(&self, client_view: Vec<(&Connection, Finding)>) -> Vec<Finding> {
        type Group<'a> = (IpAddr, Endpoint, Vec<(&'a Connection, Finding)>);
        let mut groups: Vec<Group> = Vec::new();
        for (connection, finding) in client_view {
            let key = (connection.client.address, connection.server);
            match groups.iter_mut().find(|(c, s, _)| (*c, *s) == key) {
                Some(group) => group.2.push((connection, finding)),
                None => groups.push((key.0, key.1, vec![(connection, finding)])),
            }
        }
        groups
            .into_iter()
            .map(|(client, server, mut members)| {
                if members.len() == 1 {
                    return members.pop().expect("one").1;
                }
                let connected: Vec<f64> = members
                    .iter()
                    .filter(|(c, _)| c.outcome == Outcome::Established)
                    .filter_map(|(c, _)| c.time_to_connect)
                    .collect();
                let longest = connected.iter().copied().fold(0.0, f64::max);
                let (first_connection, mut finding) = members.remove(0);
                let others: Vec<u64> = members.iter().flat_map(|(_, f)| f.frames.clone()).collect();
                finding.evidence.push(Evidence {
                    frames: others,
                    what: Message::new("syn-unanswered-ev-many")
                        .count("count", members.len())
                        .addr("server", server),
                });
                finding
                    .frames
                    .extend(members.iter().flat_map(|(_, f)| f.frames.iter().copied()));
                finding.frames.sort_unstable();
                finding.frames.dedup();
                finding.severity = members
                    .iter()
                    .map(|(_, f)| f.severity)
                    .fold(finding.severity, Severity::max);
                finding.summary = Message::new("syn-unanswered-summary-many")
                    .addr("client", client)
                    .addr("server", server)
                    .count("count", members.len() + 1)
                    .count("connected", connected.len())
                    .with("seconds", super::seconds(longest));
                finding.covers = members.iter().map(|(c, _)| c.id).collect();
                finding
                    .journeys
                    .extend(members.iter().flat_map(|(_, f)| f.journeys.clone()));
                finding.connection = Some(first_connection.id);
                finding
            })
            .collect()
    }

    /// Inside the client pod: its SYNs went out with the kernel's back-off and nothing came
    /// back, or only the last one was answered. Where they were lost, and why, shows on the
    /// nodes.
    fn seen_from_the_client(&self, connection: &Connection) -> Option<Finding> {
        let answered = connection.outcome == Outcome::Established;
        let lost = if answered {
            connection.attempts.len() - 1
        } else {
            connection.attempts.len()
        };
        let gaps = connection.retry_gaps();
        let linear = gaps.len() > 2 && gaps.iter().take(3).all(|g| *g < 1.6);
        let mut evidence = vec![
            sent_evidence(connection),
            Evidence {
                frames: Vec::new(),
                what: Message::new(if linear {
                    "syn-unanswered-ev-schedule-linear"
                } else {
                    "syn-unanswered-ev-schedule-classic"
                }),
            },
        ];
        let (summary, severity) = match (answered, connection.time_to_connect) {
            (true, Some(seconds)) => {
                if let Some(reply) = connection.syn_acks.first() {
                    evidence.push(Evidence {
                        frames: reply.frames.clone(),
                        what: Message::new("syn-unanswered-ev-late-answer")
                            .with("seconds", super::seconds(seconds)),
                    });
                }
                (
                    Message::new("syn-unanswered-summary-late")
                        .addr("client", connection.client)
                        .addr("server", connection.server)
                        .count("lost", lost)
                        .with("seconds", super::seconds(seconds)),
                    if seconds > 3.0 {
                        Severity::Error
                    } else {
                        Severity::Warning
                    },
                )
            }
            _ => (
                Message::new("syn-unanswered-summary")
                    .addr("client", connection.client)
                    .addr("server", connection.server)
                    .count("count", connection.attempts.len()),
                Severity::Warning,
            ),
        };
        evidence.push(Evidence {
            frames: Vec::new(),
            what: Message::new("syn-unanswered-ev-silence"),
        });
        let mut finding = Finding::new(self, severity, summary, evidence);
        finding.connection = Some(connection.id);
        finding.journeys = connection.attempts.iter().map(|a| a.journey).collect();
        finding.point_of_failure = Message::new("syn-unanswered-where-client-view")
            .addr("client", connection.client.address)
            .addr("server", connection.server);
        finding.failure_frame = connection.attempts.last().map(|a| a.frame);
        finding.next_capture = Some(
            Message::new("syn-unanswered-next-client-view").with("command", super::NODE_CAPTURE),
        );
        Some(finding)
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures;
    use super::*;

    #[test]
    fn a_policy_drop_on_the_node_shows_it() {
        // lab/syn-dropped.sh: iptables drops SYNs to the backend in FORWARD.
        let found = fixtures::findings(&SynUnanswered, "lab/syn_dropped_policy.any.pcap");
        let [finding] = found.as_slice() else {
            panic!("{found:?}")
        };
        assert_eq!(finding.severity, Severity::Warning);
        assert!(
            finding
                .summary
                .to_string()
                .contains("7 SYNs, no answer at all"),
            "{}",
            finding.summary
        );
        assert!(
            finding
                .point_of_failure
                .to_string()
                .starts_with("this node"),
            "{}",
            finding.point_of_failure
        );
    }

    #[test]
    fn quiet_where_syns_get_an_answer_or_are_lost_in_a_tunnel() {
        fixtures::quiet_where_not_expected(&SynUnanswered);
    }
}

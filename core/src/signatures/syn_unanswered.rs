//! `syn-unanswered`: a client retries its SYN and nothing ever answers — no SYN-ACK, no reset.

use super::{Evidence, Explanation, Finding, Reference, Severity, Signature, Step};
use crate::analysis::Analysis;
use crate::connection::{Connection, Outcome};
use crate::journey::{Fate, TunnelKind};

pub struct SynUnanswered;

static EXPLANATION: Explanation = Explanation {
    title: "SYNs dropped in silence",
    symptom: "Connections hang until the client's connect timeout; no 'connection refused'.",
    cause: "Nothing answered the SYNs: no SYN-ACK and no reset. A closed port or a Service without endpoints normally answers at once (the pod's kernel sends a reset; kube-proxy rejects with ICMP), so silence means a DROP somewhere: a NetworkPolicy or firewall (iptables/nftables, a cloud security group) discarding the SYN, a full conntrack table (the kernel logs 'nf_conntrack: table full, dropping packet'), or a backend or node that is down. Where the SYN was last seen tells them apart: dropped on this node (never sent on), delivered to a local pod that stayed silent (its network policy, or the pod is wedged), or sent out of the node (the loss is on the network or at the remote node).",
    confirm: &[
        Step { what: "Conntrack table full?", commands: &["conntrack -S | grep -oE '(drop|early_drop|insert_failed)=[0-9]+'", "sysctl net.netfilter.nf_conntrack_count net.netfilter.nf_conntrack_max", "dmesg | grep -i 'table full'"], tradeoff: None },
        Step { what: "A policy or firewall dropping it? Watch the counters while retrying", commands: &["iptables-save -c | grep -iE 'DROP|REJECT'", "nft list ruleset | grep -i drop", "kubectl get networkpolicy -A"], tradeoff: None },
        Step { what: "Does the Service have ready endpoints?", commands: &["kubectl get endpointslices -l kubernetes.io/service-name=<service>"], tradeoff: None },
    ],
    fix: &[
        Step { what: "Allow the traffic in the NetworkPolicy or firewall that drops it", commands: &["kubectl describe networkpolicy -n <namespace>"], tradeoff: None },
        Step { what: "If the conntrack table is full, raise its size (and find what fills it)", commands: &["sysctl -w net.netfilter.nf_conntrack_max=<higher>"], tradeoff: Some("More kernel memory for connection tracking.") },
    ],
    references: &[
        Reference { title: "Kubernetes: debug Services", url: "https://kubernetes.io/docs/tasks/debug/debug-application/debug-service/" },
        Reference { title: "Kubernetes: network policies", url: "https://kubernetes.io/docs/concepts/services-networking/network-policies/" },
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
        for connection in &analysis.connections {
            if connection.attempts.len() < 2
                || !connection.resets.is_empty()
                || !super::is_syn_backoff(&connection.retry_gaps())
            {
                continue;
            }
            if super::from_the_client(analysis, connection) {
                findings.extend(self.seen_from_the_client(connection));
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
                Fate::LeftNode { interface } => (
                    format!(
                        "each SYN left the node through {}",
                        analysis.interface_name(interface)
                    ),
                    format!(
                        "beyond {}: the SYNs left this node and nothing came back",
                        analysis.interface_name(interface)
                    ),
                ),
                Fate::Delivered { interface } => (
                    format!(
                        "each SYN was delivered to the pod on {}",
                        analysis.interface_name(interface)
                    ),
                    format!(
                        "the destination pod behind {}: it received the SYNs and never answered",
                        analysis.interface_name(interface)
                    ),
                ),
                Fate::EndedEarly { interface, .. }
                | Fate::Arrived { interface }
                | Fate::Local { interface }
                | Fate::Resegmented { interface } => (
                    format!(
                        "each SYN was last seen arriving on {}",
                        analysis.interface_name(interface)
                    ),
                    format!(
                        "this node, after {}: the SYNs were never sent on",
                        analysis.interface_name(interface)
                    ),
                ),
                Fate::Observed { interface } => (
                    format!(
                        "the capture on {} shows only the SYNs",
                        analysis.interface_name(interface)
                    ),
                    "after the capture point: no reply came back".into(),
                ),
            };
            let evidence = vec![
                Evidence {
                    frames: connection.attempts.iter().map(|a| a.frame).collect(),
                    what: format!(
                        "{} sends {} SYNs to {}, retried after {}",
                        connection.client,
                        connection.attempts.len(),
                        connection.server,
                        super::gaps_text(&connection.retry_gaps())
                    ),
                },
                Evidence {
                    frames: last.frames.clone(),
                    what: where_lost,
                },
                Evidence {
                    frames: Vec::new(),
                    what: "no SYN-ACK and no reset is seen for any of them".into(),
                },
            ];
            let mut finding = Finding::new(
                self,
                Severity::Warning,
                format!(
                    "{} → {}: {} SYNs, no answer at all",
                    connection.client,
                    connection.server,
                    connection.attempts.len()
                ),
                evidence,
            );
            finding.connection = Some(connection.id);
            finding.journeys = connection.attempts.iter().map(|a| a.journey).collect();
            finding.point_of_failure = point;
            finding.failure_frame = last.frames.last().copied();
            findings.push(finding);
        }
        findings
    }
}

impl SynUnanswered {
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
        let mut evidence = vec![Evidence {
            frames: connection.attempts.iter().map(|a| a.frame).collect(),
            what: format!(
                "{} sends {} SYNs to {}, retried after {}: the kernel's retransmission back-off ({})",
                connection.client,
                connection.attempts.len(),
                connection.server,
                super::gaps_text(&gaps),
                if gaps.iter().take(3).all(|g| *g < 1.6) && gaps.len() > 2 {
                    "Linux ≥ 6.5 starts with 1 s retries (tcp_syn_linear_timeouts)"
                } else {
                    "1, 2, 4, 8, 16, 32 s: the 7th SYN goes out after about 63 s"
                }
            ),
        }];
        let (summary, severity) = match (answered, connection.time_to_connect) {
            (true, Some(seconds)) => {
                if let Some(reply) = connection.syn_acks.first() {
                    evidence.push(Evidence {
                        frames: reply.frames.clone(),
                        what: format!(
                            "only the last SYN is answered: connecting took {seconds:.1} s"
                        ),
                    });
                }
                (
                    format!(
                        "{} → {}: {lost} SYN{} lost without any answer; connected only after {seconds:.1} s",
                        connection.client,
                        connection.server,
                        if lost == 1 { "" } else { "s" }
                    ),
                    if seconds > 3.0 {
                        Severity::Error
                    } else {
                        Severity::Warning
                    },
                )
            }
            _ => (
                format!(
                    "{} → {}: {} SYNs, no answer at all",
                    connection.client,
                    connection.server,
                    connection.attempts.len()
                ),
                Severity::Warning,
            ),
        };
        evidence.push(Evidence {
            frames: Vec::new(),
            what: "no reset and no ICMP error came back: the SYNs (or their answers) were dropped in silence on the way".into(),
        });
        let mut finding = Finding::new(self, severity, summary, evidence);
        finding.connection = Some(connection.id);
        finding.journeys = connection.attempts.iter().map(|a| a.journey).collect();
        finding.point_of_failure = format!(
            "after this pod: between {} and {} (this capture shows only the pod's side)",
            connection.client.address, connection.server
        );
        finding.failure_frame = connection.attempts.last().map(|a| a.frame);
        finding.next_capture = Some(format!(
            "Likely causes, most common first: the SYNs are lost between nodes (a VXLAN overlay: the double-SNAT checksum bug when they are retried until about 63 s, or UDP 4789/8472 blocked), a NetworkPolicy, firewall or security group dropping them, a full conntrack table on a node. On the node that runs this pod, `{node}` shows whether each SYN left, was DNATed to which backend, and into which tunnel; on the node that runs the backend, `{node}` shows whether it arrived.",
            node = super::NODE_CAPTURE
        ));
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
            finding.summary.contains("7 SYNs, no answer at all"),
            "{}",
            finding.summary
        );
        assert!(
            finding.point_of_failure.starts_with("this node"),
            "{}",
            finding.point_of_failure
        );
    }

    #[test]
    fn quiet_where_syns_get_an_answer_or_are_lost_in_a_tunnel() {
        fixtures::quiet_where_not_expected(&SynUnanswered);
    }
}

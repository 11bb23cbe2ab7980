//! `no-endpoints`: a Service with no ready endpoint. kube-proxy answers a SYN to its ClusterIP
//! or NodePort with ICMP "port unreachable" (its REJECT rule "… has no endpoints"); for an
//! `externalTrafficPolicy: Local` Service, a node without a local endpoint drops the SYN to its
//! NodePort in silence, and the client retries into nothing.

use super::{Evidence, Explanation, Finding, Reference, Severity, Signature, Step};
use crate::analysis::{Analysis, Vantage};
use crate::connection::{Connection, IcmpError, IcmpReason, Outcome};
use crate::i18n::Message;
use crate::journey::Fate;

pub struct NoEndpoints;

/// Tries the client made before a silent drop counts: one lost SYN is not a policy.
const SILENT_AFTER: usize = 3;

static EXPLANATION: Explanation = Explanation {
    signature: "no-endpoints",
    confirm: &[
        Step {
            id: "no-endpoints-confirm-endpoints",
            commands: &[
                "kubectl get endpointslices -n <namespace> -l kubernetes.io/service-name=<service> -o wide",
                "kubectl get pods -n <namespace> -l <selector> -o wide",
            ],
            tradeoff: false,
        },
        Step {
            id: "no-endpoints-confirm-rules",
            commands: &[
                "iptables-save -t filter | grep -e 'has no endpoints' -e 'has no local endpoints'",
                "nft list map ip kube-proxy no-endpoint-services",
            ],
            tradeoff: false,
        },
        Step {
            id: "no-endpoints-confirm-policy",
            commands: &[
                "kubectl get svc <service> -n <namespace> -o jsonpath='{.spec.externalTrafficPolicy} {.spec.internalTrafficPolicy} {.spec.healthCheckNodePort}'",
                "curl -si http://<node-ip>:<health-check-node-port>/",
            ],
            tradeoff: false,
        },
    ],
    fix: &[
        Step {
            id: "no-endpoints-fix-selector",
            commands: &[
                "kubectl describe svc <service> -n <namespace>",
                "kubectl describe pod <pod> -n <namespace> | grep -A5 -i readiness",
            ],
            tradeoff: false,
        },
        Step {
            id: "no-endpoints-fix-local-policy",
            commands: &["kubectl patch svc <service> -n <namespace> -p '{\"spec\":{\"externalTrafficPolicy\":\"Cluster\"}}'"],
            tradeoff: true,
        },
    ],
    references: &[
        Reference {
            title: "Debug Services",
            url: "https://kubernetes.io/docs/tasks/debug/debug-application/debug-service/",
        },
        Reference {
            title: "Virtual IPs and Service Proxies: traffic policies",
            url: "https://kubernetes.io/docs/reference/networking/virtual-ips/#traffic-policies",
        },
        Reference {
            title: "kubernetes#72534: kube-proxy: Fix bug in rejecting 0 endpoint svc",
            url: "https://github.com/kubernetes/kubernetes/pull/72534",
        },
        Reference {
            title: "kube-proxy: \"has no endpoints\" and \"has no local endpoints\" rules (pkg/proxy/iptables/proxier.go)",
            url: "https://github.com/kubernetes/kubernetes/blob/master/pkg/proxy/iptables/proxier.go",
        },
    ],
};

impl Signature for NoEndpoints {
    fn id(&self) -> &'static str {
        "no-endpoints"
    }

    fn explanation(&self) -> &'static Explanation {
        &EXPLANATION
    }

    fn detect(&self, analysis: &Analysis) -> Vec<Finding> {
        analysis
            .connections
            .iter()
            .filter(|c| c.syn_acks.is_empty() && !c.attempts.is_empty())
            .filter_map(|connection| match rejected(connection) {
                Some(error) => Some(self.rejected(connection, error)),
                None => {
                    silent_local(analysis, connection).then(|| self.silent(analysis, connection))
                }
            })
            .collect()
    }
}

/// kube-proxy's REJECT: ICMP "port unreachable" for a TCP SYN (a closed port answers TCP with
/// a reset, never with this), sent by a node in the Service address's place, or by the node
/// that owns the NodePort.
fn rejected(connection: &Connection) -> Option<&IcmpError> {
    connection.icmp_errors.iter().find(|error| {
        error.reason == IcmpReason::PortUnreachable
            && (error.from != connection.server.address
                || super::is_node_port(connection.server.port))
    })
}

/// A node capture where the SYNs to one of the node's NodePorts come in, are never translated
/// and go nowhere, again and again.
fn silent_local(analysis: &Analysis, connection: &Connection) -> bool {
    let on_node = matches!(
        analysis.vantage(),
        Vantage::NodeAllInterfaces { .. } | Vantage::NodePerInterface { .. }
    );
    on_node
        && super::is_node_port(connection.server.port)
        && matches!(connection.outcome, Outcome::Unanswered | Outcome::GaveUp)
        && connection.icmp_errors.is_empty()
        && connection.resets.is_empty()
        && connection.legs.len() == 1
        && connection.attempts.len() >= SILENT_AFTER
        && connection.attempts.iter().all(|attempt| {
            analysis
                .journey(attempt.journey)
                .is_some_and(|j| matches!(j.fate, Fate::Arrived { .. } | Fate::Local { .. }))
        })
}

impl NoEndpoints {
    fn rejected(&self, connection: &Connection, error: &IcmpError) -> Finding {
        let first = &connection.attempts[0];
        let after = error.time.nanos_since(first.time) as f64 / 1e9;
        let node_port =
            super::is_node_port(connection.server.port) && error.from == connection.server.address;
        let evidence = vec![
            Evidence {
                frames: first.frames.clone(),
                what: Message::new("no-endpoints-ev-syn")
                    .addr("client", connection.client)
                    .addr("server", connection.server),
            },
            Evidence {
                frames: error.frames.clone(),
                what: Message::new("no-endpoints-ev-icmp")
                    .addr("from", error.from)
                    .frame("frame", error.frames[0])
                    .with("seconds", format!("{after:.3}")),
            },
            Evidence {
                frames: Vec::new(),
                what: if node_port {
                    Message::new("no-endpoints-ev-node-port").with("port", connection.server.port)
                } else {
                    Message::new("no-endpoints-ev-in-place")
                        .addr("from", error.from)
                        .addr("server", connection.server.address)
                },
            },
            Evidence {
                frames: Vec::new(),
                what: Message::new("no-endpoints-ev-not-a-reset"),
            },
        ];
        let mut finding = Finding::new(
            self,
            Severity::Error,
            Message::new("no-endpoints-summary-reject")
                .addr("client", connection.client)
                .addr("server", connection.server)
                .addr("from", error.from),
            evidence,
        );
        finding.connection = Some(connection.id);
        finding.journeys = vec![first.journey, error.journey];
        finding.point_of_failure = Message::new("no-endpoints-where-reject")
            .addr("from", error.from)
            .addr("server", connection.server);
        finding.failure_frame = error.frames.first().copied();
        finding
    }

    fn silent(&self, analysis: &Analysis, connection: &Connection) -> Finding {
        let frames: Vec<u64> = connection.attempts.iter().map(|a| a.frame).collect();
        let span = connection.attempts.last().map_or(0.0, |last| {
            last.time.nanos_since(connection.attempts[0].time) as f64 / 1e9
        });
        let last = connection.attempts.last().expect("attempts checked");
        let interface = analysis
            .journey(last.journey)
            .map(|j| match j.fate {
                Fate::Arrived { interface } | Fate::Local { interface } => {
                    analysis.interface_name(interface)
                }
                _ => String::new(),
            })
            .unwrap_or_default();
        let evidence = vec![
            Evidence {
                frames: frames.clone(),
                what: Message::new("no-endpoints-ev-silent-syns")
                    .addr("client", connection.client)
                    .addr("server", connection.server)
                    .count("count", frames.len())
                    .with("seconds", super::seconds(span)),
            },
            Evidence {
                frames: Vec::new(),
                what: Message::new("no-endpoints-ev-silent-nowhere")
                    .with("interface", interface.clone()),
            },
        ];
        let mut finding = Finding::new(
            self,
            Severity::Warning,
            Message::new("no-endpoints-summary-local")
                .addr("client", connection.client)
                .addr("server", connection.server)
                .count("count", frames.len()),
            evidence,
        );
        finding.connection = Some(connection.id);
        finding.journeys = connection.attempts.iter().map(|a| a.journey).collect();
        finding.point_of_failure = Message::new("no-endpoints-where-local")
            .with("interface", interface)
            .addr("server", connection.server);
        finding.failure_frame = Some(last.frame);
        finding
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures;
    use super::*;

    fn only(name: &str) -> Finding {
        let found = fixtures::findings(&NoEndpoints, name);
        let [finding] = found.as_slice() else {
            panic!("{name}: {found:?}")
        };
        finding.clone()
    }

    #[test]
    fn a_clusterip_rejected_by_the_node_shows_it_from_the_pod_and_the_node() {
        for view in ["pod", "node.any", "node.sll1"] {
            let name = format!("lab/no_endpoints.{view}.pcap");
            let found = fixtures::findings(&NoEndpoints, &name);
            assert!(!found.is_empty(), "{name}");
            assert!(
                found.iter().all(|f| f.severity == Severity::Error),
                "{name}"
            );
            assert!(
                found[0].summary.to_string().contains("10.96.0.50:80"),
                "{name}: {}",
                found[0].summary
            );
        }
        assert_eq!(only("lab/no_endpoints.pod.pcap").failure_frame, Some(4));
    }

    #[test]
    fn a_node_port_rejected_shows_it_from_the_client_outside() {
        let finding = only("lab/no_endpoints.client.pcap");
        assert!(
            finding.summary.to_string().contains(":30080"),
            "{}",
            finding.summary
        );
        assert!(
            finding
                .evidence
                .iter()
                .any(|e| e.what.to_string().contains("NodePort")),
            "{:?}",
            finding.evidence
        );
    }

    #[test]
    fn a_local_policy_node_without_endpoints_drops_in_silence() {
        let finding = only("lab/no_local_endpoint.node.any.pcap");
        assert_eq!(finding.severity, Severity::Warning);
        assert_eq!(finding.frames, vec![3, 4, 5, 6, 7, 8, 9]);
        // From the client outside, silence on a NodePort could be any firewall: no claim.
        assert!(fixtures::findings(&NoEndpoints, "lab/no_local_endpoint.client.pcap").is_empty());
    }

    #[test]
    fn the_same_service_with_endpoints_is_quiet() {
        fixtures::quiet_on(
            &NoEndpoints,
            "endpoints_ok",
            &["pod", "node.any", "node.sll1", "client"],
        );
    }

    #[test]
    fn a_reject_with_a_reset_and_a_port_where_nothing_listens_are_not_it() {
        for name in [
            "lab/refused_reject.any.pcap",
            "lab/refused_wrong_port.any.pcap",
            "lab/refused_wrong_port.pod.pcap",
        ] {
            assert!(fixtures::findings(&NoEndpoints, name).is_empty(), "{name}");
        }
    }

    #[test]
    fn the_older_no_endpoints_captures_show_it_too() {
        for view in ["node.any", "node.pcapng", "pod.pcap"] {
            let name = format!(
                "lab/refused_no_endpoints.{}",
                view.replace("node.any", "node.any.pcap")
            );
            assert_eq!(fixtures::findings(&NoEndpoints, &name).len(), 1, "{name}");
        }
    }

    #[test]
    fn quiet_where_not_expected() {
        fixtures::quiet_where_not_expected(&NoEndpoints);
    }
}

//! `lb-hairpin-client-ip`: a load balancer that keeps the client's address sends a connection
//! from inside the cluster back to the client's own node; the reply goes straight back to the
//! client from an address it never called, and is reset.

use super::{Evidence, Explanation, Finding, Reference, Signature, Step};
use crate::analysis::{Analysis, Vantage};
use crate::connection::{Connection, Side};
use crate::i18n::Message;
use crate::journey::Fate;

pub struct LbHairpinClientIp;

static EXPLANATION: Explanation = Explanation {
    signature: "lb-hairpin-client-ip",
    confirm: &[
        Step {
            id: "lb-hairpin-client-ip-confirm-tcpdump",
            commands: &["tcpdump -ni any 'tcp[tcpflags] & (tcp-syn|tcp-rst) != 0 and host <client-pod-ip>'"],
            tradeoff: false,
        },
        Step {
            id: "lb-hairpin-client-ip-confirm-target-group",
            commands: &[
                "aws elbv2 describe-target-groups --load-balancer-arn <load-balancer-arn> --query 'TargetGroups[].[TargetGroupArn,TargetType]'",
                "aws elbv2 describe-target-group-attributes --target-group-arn <target-group-arn> --query \"Attributes[?Key=='preserve_client_ip.enabled']\"",
            ],
            tradeoff: false,
        },
        Step {
            id: "lb-hairpin-client-ip-confirm-service",
            commands: &["kubectl get svc <name> -n <namespace> -o jsonpath='{.spec.type} {.spec.externalTrafficPolicy} {.status.loadBalancer.ingress}'"],
            tradeoff: false,
        },
    ],
    fix: &[
        Step {
            id: "lb-hairpin-client-ip-fix-cluster-ip",
            commands: &["curl http://<service>.<namespace>.svc.cluster.local"],
            tradeoff: true,
        },
        Step {
            id: "lb-hairpin-client-ip-fix-target-group",
            commands: &["aws elbv2 modify-target-group-attributes --target-group-arn <target-group-arn> --attributes Key=preserve_client_ip.enabled,Value=false"],
            tradeoff: true,
        },
        Step {
            id: "lb-hairpin-client-ip-fix-annotation",
            commands: &[
                "kubectl annotate svc <name> -n <namespace> service.beta.kubernetes.io/aws-load-balancer-target-group-attributes=preserve_client_ip.enabled=false",
                "aws elbv2 describe-target-group-attributes --target-group-arn <target-group-arn> --query \"Attributes[?Key=='preserve_client_ip.enabled']\"",
            ],
            tradeoff: true,
        },
    ],
    references: &[
        Reference {
            title: "Troubleshoot your Network Load Balancer: Connections time out for requests from a target to its load balancer",
            url: "https://docs.aws.amazon.com/elasticloadbalancing/latest/network/load-balancer-troubleshooting.html#loopback-timeout",
        },
        Reference {
            title: "Edit target group attributes for your Network Load Balancer: Client IP preservation",
            url: "https://docs.aws.amazon.com/elasticloadbalancing/latest/network/edit-target-group-attributes.html#client-ip-preservation",
        },
        Reference {
            title: "kubernetes/cloud-provider-aws#1214: Fix hairpinning traffic on internal NLB by introducing TG attribute config",
            url: "https://github.com/kubernetes/cloud-provider-aws/pull/1214",
        },
        Reference {
            title: "KEP-1860: Make Kubernetes aware of the LoadBalancer behaviour",
            url: "https://kep.k8s.io/1860",
        },
    ],
};

impl Signature for LbHairpinClientIp {
    fn id(&self) -> &'static str {
        "lb-hairpin-client-ip"
    }

    fn explanation(&self) -> &'static Explanation {
        &EXPLANATION
    }

    fn detect(&self, analysis: &Analysis) -> Vec<Finding> {
        analysis
            .connections
            .iter()
            .filter_map(|connection| {
                if super::from_the_client(analysis, connection) {
                    self.seen_from_the_client(connection)
                } else {
                    self.seen_on_the_node(analysis, connection)
                        .or_else(|| self.seen_on_the_way(analysis, connection))
                }
            })
            .collect()
    }
}

impl LbHairpinClientIp {
    /// On the client's node: the connection left the node and came back translated with the
    /// client's own address as its source; the reply reached the client directly.
    fn seen_on_the_node(&self, analysis: &Analysis, connection: &Connection) -> Option<Finding> {
        let returned = connection
            .legs
            .iter()
            .position(|l| l.via.is_some_and(|v| v.is_outside_node()))?;
        let returned_leg = &connection.legs[returned];
        if returned_leg.from != connection.client {
            return None;
        }
        // The reply reached the client without going back through the load balancer, from
        // an address the client never called.
        let reply = connection.syn_acks.iter().find(|r| {
            r.from != connection.server
                && r.to == connection.client
                && matches!(r.fate, Fate::Delivered { .. })
        })?;
        let reset = connection.resets.iter().find(|r| r.by == Side::Client)?;
        let first_syn = &connection.attempts[0];
        let left = connection.legs[returned - 1]
            .frames
            .last()
            .copied()
            .unwrap_or(first_syn.frame);
        let mut evidence = vec![
            Evidence {
                frames: connection.legs[0].frames.clone(),
                what: Message::new("lb-hairpin-client-ip-ev-syn")
                    .addr("client", connection.client)
                    .addr("lb", connection.server),
            },
            Evidence {
                frames: vec![left, returned_leg.frames[0]],
                what: Message::new("lb-hairpin-client-ip-ev-returned")
                    .frame("left", left)
                    .addr("from", returned_leg.from)
                    .addr("to", returned_leg.to)
                    .frame("back", returned_leg.frames[0]),
            },
        ];
        for backend in &connection.legs[returned + 1..] {
            evidence.push(Evidence {
                frames: backend.frames.clone(),
                what: if backend.from != returned_leg.from {
                    Message::new("lb-hairpin-client-ip-ev-masquerade")
                        .addr("from", backend.from)
                        .addr("to", backend.to)
                } else {
                    Message::new("lb-hairpin-client-ip-ev-dnat-local").addr("backend", backend.to)
                },
            });
        }
        evidence.push(Evidence {
            frames: reply.frames.clone(),
            what: Message::new("lb-hairpin-client-ip-ev-short-cut")
                .addr("from", reply.from)
                .addr("lb", connection.server),
        });
        if let Some(reply_journey) = analysis.journey(reply.journey) {
            let undone: Vec<String> = reply_journey
                .hops
                .iter()
                .flat_map(|h| h.changes.iter().map(|c| c.to_string()))
                .collect();
            if !undone.is_empty() {
                evidence.push(Evidence {
                    frames: vec![reply.last_frame],
                    what: Message::new("lb-hairpin-client-ip-ev-undone")
                        .with("changes", undone.join(", ")),
                });
            }
        }
        evidence.push(super::client_reset_evidence(reset));
        evidence.extend(super::retries_evidence(connection));
        let mut finding = self.finding(connection, reply.from, evidence);
        finding.journeys = vec![first_syn.journey, reply.journey, reset.journey];
        finding.point_of_failure = Message::new("lb-hairpin-client-ip-where-node")
            .addr("from", reply.from)
            .addr("lb", connection.server);
        finding.failure_frame = Some(reply.last_frame);
        Some(finding)
    }

    /// Inside the client pod: the SYN went to the load balancer, the SYN-ACK that answers it
    /// came from a node's NodePort, and the client reset it.
    fn seen_from_the_client(&self, connection: &Connection) -> Option<Finding> {
        let reply = connection.syn_acks.iter().find(|r| {
            r.to == connection.client
                && r.from.address != connection.server.address
                && super::is_node_port(r.from.port)
                && !super::is_node_port(connection.server.port)
        })?;
        let reset = connection.resets.iter().find(|r| r.by == Side::Client)?;
        let first_syn = &connection.attempts[0];
        let mut evidence = vec![
            Evidence {
                frames: first_syn.frames.clone(),
                what: Message::new("lb-hairpin-client-ip-ev-syn-frame")
                    .addr("client", connection.client)
                    .addr("lb", connection.server)
                    .frame("frame", first_syn.frame),
            },
            Evidence {
                frames: reply.frames.clone(),
                what: Message::new("lb-hairpin-client-ip-ev-syn-ack-matched")
                    .addr("from", reply.from)
                    .frame("frame", reply.last_frame),
            },
        ];
        evidence.push(super::client_reset_evidence(reset));
        evidence.extend(super::retries_evidence(connection));
        let mut finding = self.finding(connection, reply.from, evidence);
        finding.journeys = vec![first_syn.journey, reply.journey, reset.journey];
        finding.point_of_failure = Message::new("lb-hairpin-client-ip-where-client-view")
            .addr("node", reply.from.address)
            .addr("lb", connection.server);
        finding.failure_frame = Some(reply.last_frame);
        finding.next_capture = Some(
            Message::new("lb-hairpin-client-ip-next-client-view")
                .addr("node", reply.from.address)
                .with("command", super::NODE_CAPTURE),
        );
        Some(finding)
    }

    /// On the load balancer (or the link between it and the node): the client's SYNs arrive
    /// for the load balancer's address and leave for a node's NodePort with the client's
    /// address kept, and no SYN-ACK ever comes back this way.
    fn seen_on_the_way(&self, analysis: &Analysis, connection: &Connection) -> Option<Finding> {
        if !matches!(
            analysis.vantage(),
            Vantage::InPath | Vantage::NodeUplink { .. }
        ) || !connection.syn_acks.is_empty()
            || connection.attempts.len() < 2
        {
            return None;
        }
        let forwarded = connection.legs.iter().skip(1).find(|l| {
            l.from == connection.client
                && l.to.address != connection.server.address
                && super::is_node_port(l.to.port)
        })?;
        let node = forwarded.to;
        let evidence = vec![
            Evidence {
                frames: connection.legs[0].frames.clone(),
                what: Message::new("lb-hairpin-client-ip-ev-syns-to-lb")
                    .addr("client", connection.client)
                    .addr("lb", connection.server),
            },
            Evidence {
                frames: forwarded.frames.clone(),
                what: Message::new("lb-hairpin-client-ip-ev-forwarded")
                    .addr("node", node)
                    .addr("client", connection.client.address),
            },
            Evidence {
                frames: connection.attempts.iter().map(|a| a.frame).collect(),
                what: Message::new("lb-hairpin-client-ip-ev-no-syn-ack")
                    .count("retries", connection.attempts.len() - 1)
                    .with("gaps", super::gaps_text(&connection.retry_gaps())),
            },
        ];
        let mut finding = self.finding(connection, node, evidence);
        finding.journeys = connection.attempts.iter().map(|a| a.journey).collect();
        finding.point_of_failure = Message::new("lb-hairpin-client-ip-where-in-path")
            .addr("node", node.address)
            .addr("client", connection.client.address);
        finding.failure_frame = forwarded.frames.last().copied();
        finding.next_capture = Some(
            Message::new("lb-hairpin-client-ip-next-in-path")
                .addr("node", node.address)
                .addr("answer", node)
                .addr("client", connection.client.address)
                .with("command", super::NODE_CAPTURE),
        );
        Some(finding)
    }

    fn finding(
        &self,
        connection: &Connection,
        answered_from: crate::journey::Endpoint,
        evidence: Vec<Evidence>,
    ) -> Finding {
        let mut finding = Finding::new(
            self,
            super::severity_of(connection),
            Message::new("lb-hairpin-client-ip-summary")
                .addr("client", connection.client)
                .addr("lb", connection.server)
                .addr("from", answered_from)
                .count("attempts", connection.attempts.len()),
            evidence,
        );
        finding.connection = Some(connection.id);
        finding
    }
}

#[cfg(test)]
mod tests {
    use super::super::{fixtures, Severity};
    use super::*;

    #[test]
    fn the_nlb_hairpin_capture_shows_it_with_its_frames() {
        let found = fixtures::findings(&LbHairpinClientIp, "c_nlb_hairpin_nosnat.any.pcap");
        let [finding] = found.as_slice() else {
            panic!("{found:?}")
        };
        assert_eq!(finding.severity, Severity::Error);
        // README: #1 SYN to 172.18.0.100:80, #3 out eth0, #4 back as → 172.18.0.2:30080,
        // #5/#6 DNATed to the server pod, #7 SYN-ACK, #8 reaches the client from the NodePort,
        // #10 RST.
        for frame in [1, 3, 4, 5, 6, 7, 8, 10] {
            assert!(
                finding.frames.contains(&frame),
                "frame {frame} missing from {:?}",
                finding.frames
            );
        }
        assert_eq!(finding.failure_frame, Some(8));
        assert!(
            finding.summary.to_string().contains("172.18.0.2:30080"),
            "{}",
            finding.summary
        );
    }

    #[test]
    fn the_lab_reproduces_it_and_the_load_balancer_that_masquerades_does_not() {
        // lab/lb-hairpin.sh preserve: the LB keeps the client's address.
        let found = fixtures::findings(&LbHairpinClientIp, "lab/lb_hairpin_preserve.any.pcap");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0]
                .summary
                .to_string()
                .contains("answered directly from 172.18.0.2:30080"),
            "{}",
            found[0].summary
        );
        // lab/lb-hairpin.sh snat: the LB masquerades, the reply returns through it.
        assert!(fixtures::findings(&LbHairpinClientIp, "lab/lb_hairpin_snat.any.pcap").is_empty());
    }

    #[test]
    fn quiet_without_a_load_balancer_that_keeps_the_client_address() {
        fixtures::quiet_where_not_expected(&LbHairpinClientIp);
    }
}

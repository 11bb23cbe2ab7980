//! `lb-hairpin-client-ip`: a load balancer that keeps the client's address sends a pod's
//! connection back to the pod's own node; the reply goes straight back to the client from an
//! address it never called, and is reset.

use super::{Evidence, Explanation, Finding, Reference, Signature, Step};
use crate::analysis::{Analysis, Vantage};
use crate::connection::{Connection, Side};
use crate::journey::Fate;

pub struct LbHairpinClientIp;

static EXPLANATION: Explanation = Explanation {
    title: "Load balancer hairpin with client IP preservation",
    symptom: "A pod calling its own Service's load balancer (an NLB hostname, an external IP) times out some of the time — when the load balancer picks the node the pod runs on — while clients outside the cluster are fine.",
    cause: "The load balancer forwards to a node (instance targets, NodePort) and preserves the client's source address. When that node is the client's own node, the packet comes back in as client-IP → node:NodePort, kube-proxy DNATs it to a backend pod, and the backend replies to the client's address — which is local. The reply is delivered straight to the client (after un-DNAT it comes from node:NodePort, or from the pod), never passing back through the load balancer, so it carries an address the client never called. The client's socket, expecting the load balancer's address, answers with a reset and retries until its connect timeout.",
    confirm: &[
        Step { what: "See which address the client expects and which one answers", commands: &["tcpdump -ni any 'tcp[tcpflags] & (tcp-syn|tcp-rst) != 0 and host <client-pod-ip>'"], tradeoff: None },
        Step { what: "Check the target group type and client IP preservation (AWS)", commands: &["aws elbv2 describe-target-groups --load-balancer-arn <arn> --query 'TargetGroups[].TargetType'", "aws elbv2 describe-target-group-attributes --target-group-arn <arn> --query \"Attributes[?Key=='preserve_client_ip.enabled']\""], tradeoff: None },
        Step { what: "Check the Service", commands: &["kubectl get svc <name> -o jsonpath='{.spec.type} {.spec.externalTrafficPolicy} {.metadata.annotations}'"], tradeoff: None },
    ],
    fix: &[
        Step { what: "Call the Service from inside the cluster by its ClusterIP or DNS name, not through the load balancer", commands: &["curl http://<service>.<namespace>.svc.cluster.local"], tradeoff: Some("Traffic from pods no longer exercises the load balancer path.") },
        Step {
            what: "Disable client IP preservation on the target group, or use IP targets",
            commands: &[
                "kubectl annotate svc <name> service.beta.kubernetes.io/aws-load-balancer-target-group-attributes=preserve_client_ip.enabled=false",
                "kubectl annotate svc <name> service.beta.kubernetes.io/aws-load-balancer-nlb-target-type=ip",
            ],
            tradeoff: Some("Backends then see the load balancer's address; use proxy protocol v2 if they need the client's."),
        },
    ],
    references: &[
        Reference { title: "AWS: NLB troubleshooting — requests from a target to its own load balancer time out", url: "https://docs.aws.amazon.com/elasticloadbalancing/latest/network/load-balancer-troubleshooting.html" },
        Reference { title: "ingress-nginx#6758: connections from pods to the NLB time out", url: "https://github.com/kubernetes/ingress-nginx/issues/6758" },
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
            Evidence { frames: connection.legs[0].frames.clone(), what: format!("{} sends a SYN to the load balancer {}", connection.client, connection.server) },
            Evidence {
                frames: vec![left, returned_leg.frames[0]],
                what: format!("it leaves the node (frame {left}) and comes back as {} → {} (frame {}): the client's address was kept", returned_leg.from, returned_leg.to, returned_leg.frames[0]),
            },
        ];
        for backend in &connection.legs[returned + 1..] {
            evidence.push(Evidence {
                frames: backend.frames.clone(),
                what: if backend.from != returned_leg.from {
                    format!("this node masquerades it (externalTrafficPolicy: Cluster) and DNATs it to the backend: {} → {}", backend.from, backend.to)
                } else {
                    format!("this node DNATs it to the backend {} (no masquerade: externalTrafficPolicy: Local)", backend.to)
                },
            });
        }
        evidence.push(Evidence {
            frames: reply.frames.clone(),
            what: format!("the SYN-ACK goes straight to the client from {} instead of {}; it never passes the load balancer", reply.from, connection.server),
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
                    what: format!(
                        "on the way only this node's NAT is undone: {}",
                        undone.join(", ")
                    ),
                });
            }
        }
        evidence.push(reset_evidence(reset));
        evidence.extend(super::retries_evidence(connection));
        let mut finding = self.finding(connection, reply.from, evidence);
        finding.journeys = vec![first_syn.journey, reply.journey, reset.journey];
        finding.point_of_failure = format!(
            "this node: the reply to a client on the same node is delivered locally from {} instead of returning through {}",
            reply.from, connection.server
        );
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
                what: format!(
                    "{} sends a SYN to the load balancer {} (frame {})",
                    connection.client, connection.server, first_syn.frame
                ),
            },
            Evidence {
                frames: reply.frames.clone(),
                what: format!(
                    "the SYN-ACK that acknowledges it (same client port, ack = its sequence number + 1) comes from {}, a node's NodePort, not from the load balancer (frame {})",
                    reply.from, reply.last_frame
                ),
            },
        ];
        evidence.push(reset_evidence(reset));
        evidence.extend(super::retries_evidence(connection));
        let mut finding = self.finding(connection, reply.from, evidence);
        finding.journeys = vec![first_syn.journey, reply.journey, reset.journey];
        finding.point_of_failure = format!(
            "the node {}: the load balancer sent the pod's connection to its own node, which answered the pod directly instead of through {}",
            reply.from.address, connection.server
        );
        finding.failure_frame = Some(reply.last_frame);
        finding.next_capture = Some(format!(
            "This capture is the client pod's own. On its node ({}), `{}` shows the SYN leaving to the load balancer and coming back with the pod's address kept, and the reply short-cutting it.",
            reply.from.address,
            super::NODE_CAPTURE
        ));
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
                what: format!(
                    "{} sends SYNs to the load balancer {}",
                    connection.client, connection.server
                ),
            },
            Evidence {
                frames: forwarded.frames.clone(),
                what: format!(
                    "each leaves again for the node's NodePort {node} with the client's own address {} kept (client IP preservation)",
                    connection.client.address
                ),
            },
            Evidence {
                frames: connection.attempts.iter().map(|a| a.frame).collect(),
                what: format!(
                    "no SYN-ACK comes back through here; the client retries {} times, after {}",
                    connection.attempts.len() - 1,
                    super::gaps_text(&connection.retry_gaps())
                ),
            },
        ];
        let mut finding = self.finding(connection, node, evidence);
        finding.journeys = connection.attempts.iter().map(|a| a.journey).collect();
        finding.point_of_failure = format!(
            "the node {}: its replies to {} do not return through the load balancer",
            node.address, connection.client.address
        );
        finding.failure_frame = forwarded.frames.last().copied();
        finding.next_capture = Some(format!(
            "From here the reply is invisible. With client IP preservation the node answers a client it can reach directly (a pod on that node: the hairpin) without the load balancer; a backend that is down looks the same from here. On the node {}, `{}` tells them apart: the SYN-ACK going straight to {} from {node}, and its reset.",
            node.address,
            super::NODE_CAPTURE,
            connection.client.address
        ));
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
            format!(
                "{} → load balancer {}: sent back to the client's node with the client's address, answered directly from {}, never through the load balancer ({} attempts)",
                connection.client,
                connection.server,
                answered_from,
                connection.attempts.len()
            ),
            evidence,
        );
        finding.connection = Some(connection.id);
        finding
    }
}

fn reset_evidence(reset: &crate::connection::Reset) -> Evidence {
    Evidence {
        frames: reset.frames.clone(),
        what: format!(
            "the client resets it ({} → {}, frame {})",
            reset.from, reset.to, reset.frames[0]
        ),
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
            finding.summary.contains("172.18.0.2:30080"),
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

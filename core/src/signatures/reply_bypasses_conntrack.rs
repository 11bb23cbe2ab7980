//! `reply-bypasses-conntrack`: the backend's reply reaches the client without the Service's
//! DNAT undone, because it was bridged at layer 2 (`net.bridge.bridge-nf-call-iptables=0`).

use super::{Evidence, Explanation, Finding, Reference, Signature, Step};
use crate::analysis::Analysis;
use crate::connection::{Connection, Reply, Side};
use crate::journey::{Direction, Fate};

pub struct ReplyBypassesConntrack;

static EXPLANATION: Explanation = Explanation {
    title: "Reply bypassed conntrack: the Service's DNAT was never undone",
    symptom: "A pod calling a Service (ClusterIP) times out or gets reset, but only when the chosen backend pod runs on the same node; calling the backend pod's IP directly works, and so do backends on other nodes.",
    cause: "kube-proxy DNATs the ClusterIP to a backend pod in iptables (KUBE-SERVICES → KUBE-SVC-… → KUBE-SEP-…), and conntrack remembers the translation so that the reply can be un-DNATed. When client and backend sit on the same Linux bridge (cni0, cbr0), the backend's reply is addressed to a MAC and IP on that bridge and is switched at layer 2. Bridged frames only pass iptables and conntrack when br_netfilter is loaded and net.bridge.bridge-nf-call-iptables=1. With it off, the SYN-ACK reaches the client still carrying the backend pod's own address instead of the ClusterIP it dialled; the client's socket does not recognise it and answers with a reset, then retries its SYN until it gives up.",
    confirm: &[
        Step { what: "Check the bridge netfilter switch and module on the node", commands: &["sysctl net.bridge.bridge-nf-call-iptables net.bridge.bridge-nf-call-ip6tables", "lsmod | grep br_netfilter"], tradeoff: None },
        Step { what: "Watch a reply skip conntrack: there is no reply entry for the Service connection", commands: &["conntrack -L -p tcp --dport <service-port> -d <cluster-ip>", "tcpdump -ni <bridge> host <client-pod-ip> and tcp"], tradeoff: None },
    ],
    fix: &[
        Step {
            what: "Send bridged traffic through iptables (a Kubernetes network plugin requirement), and make it persistent",
            commands: &[
                "modprobe br_netfilter",
                "sysctl -w net.bridge.bridge-nf-call-iptables=1 net.bridge.bridge-nf-call-ip6tables=1",
                "printf 'br_netfilter\\n' > /etc/modules-load.d/k8s.conf",
                "printf 'net.bridge.bridge-nf-call-iptables = 1\\nnet.bridge.bridge-nf-call-ip6tables = 1\\n' > /etc/sysctl.d/99-k8s.conf",
            ],
            tradeoff: Some("Bridged traffic between pods now pays the cost of iptables and conntrack, which is what Kubernetes Services need. Monitor the sysctl: other software (some Docker or firewall setups) resets it."),
        },
    ],
    references: &[
        Reference { title: "Kubernetes: network plugin requirements (bridge-nf-call-iptables)", url: "https://kubernetes.io/docs/concepts/extend-kubernetes/compute-storage-net/network-plugins/#network-plugin-requirements" },
        Reference { title: "kubernetes#38802: pods cannot reach a Service backed by a pod on the same node", url: "https://github.com/kubernetes/kubernetes/issues/38802" },
    ],
};

impl Signature for ReplyBypassesConntrack {
    fn id(&self) -> &'static str {
        "reply-bypasses-conntrack"
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
                }
            })
            .collect()
    }
}

impl ReplyBypassesConntrack {
    /// On the node: the Service was DNATed here, and the backend's SYN-ACK reached the client
    /// untranslated.
    fn seen_on_the_node(&self, analysis: &Analysis, connection: &Connection) -> Option<Finding> {
        // The Service was DNATed on this node to a backend...
        let backend_leg = connection
            .legs
            .last()
            .filter(|_| connection.legs.len() >= 2)?;
        if connection
            .legs
            .iter()
            .any(|l| l.via.is_some_and(|v| v.is_outside_node()))
        {
            return None; // translated outside the node: see lb-hairpin-client-ip
        }
        let backend = backend_leg.to;
        // ...and the backend's SYN-ACK reached the client still from the backend's address,
        // with no translation on the way.
        // Delivered to the client: sent out towards it, or, where the capture gives no
        // directions, last seen on the interface the client's SYN came from.
        let client_side = connection.attempts[0].frames.first().and_then(|&f| {
            analysis
                .journey(connection.attempts[0].journey)
                .and_then(|j| j.hop_of_frame(f))
                .map(|h| h.interface)
        });
        let delivered = |reply: &Reply| match reply.fate {
            Fate::Delivered { .. } => true,
            // No directions: it reached the client if it was seen on the client's interface.
            Fate::Observed { .. } => analysis
                .journey(reply.journey)
                .is_some_and(|j| j.hops.iter().any(|h| Some(h.interface) == client_side)),
            _ => false,
        };
        let reply = connection
            .syn_acks
            .iter()
            .find(|r| r.from == backend && r.to == connection.client && delivered(r))?;
        let reply_journey = analysis.journey(reply.journey)?;
        if reply_journey.hops.iter().any(|h| !h.changes.is_empty()) {
            return None;
        }
        let reset = connection.resets.iter().find(|r| r.by == Side::Client)?;
        let first_syn = &connection.attempts[0];
        let dnat_hop = analysis.journey(first_syn.journey).and_then(|j| {
            j.hops
                .iter()
                .find(|h| h.changes.iter().any(|c| c.is_dnat()))
        });
        // A promiscuous copy on the bridge device, received but not for this host: the frame
        // was switched, not routed.
        let bridge_copy = reply_journey.hops.iter().find(|h| {
            h.direction == Direction::In && h.interface != reply_journey.hops[0].interface
        });
        let mut evidence = vec![Evidence {
            frames: first_syn.frames.clone(),
            what: format!(
                "{} sends a SYN to the Service {} (frame {})",
                connection.client, connection.server, first_syn.frame
            ),
        }];
        if let Some(hop) = dnat_hop {
            evidence.push(Evidence {
                frames: vec![hop.frame],
                what: format!(
                    "the node DNATs it to {backend} ({}, on {})",
                    crate::words::changes_text(&hop.changes),
                    hop.interface_name
                ),
            });
        }
        evidence.push(Evidence {
            frames: reply.frames.clone(),
            what: format!("the SYN-ACK reaches the client from {backend}, not from {}: no reverse NAT on the way (last seen in frame {})", connection.server, reply.last_frame),
        });
        if let Some(hop) = bridge_copy {
            evidence.push(Evidence {
                frames: vec![hop.frame],
                what: format!(
                    "{} received it without routing it (frame {}): it was bridged at layer 2",
                    hop.interface_name, hop.frame
                ),
            });
        }
        evidence.push(reset_evidence(reset));
        evidence.extend(super::retries_evidence(connection));
        let mut finding = self.finding(connection, backend, evidence);
        finding.journeys = vec![first_syn.journey, reply.journey, reset.journey];
        let bridge = bridge_copy.map_or("the bridge".to_string(), |h| h.interface_name.clone());
        finding.point_of_failure = format!("{bridge}: the reply from {backend} was switched at layer 2 and never passed conntrack, so the DNAT of {} was not undone", connection.server);
        finding.failure_frame = Some(reply.last_frame);
        Some(finding)
    }

    /// Inside the client pod: the SYN went to the Service, the SYN-ACK (matched by its
    /// sequence numbers) came from a pod address on the client's own subnet, and the client
    /// reset it. Where the reverse NAT was skipped shows only on the node.
    fn seen_from_the_client(&self, connection: &Connection) -> Option<Finding> {
        let reply = connection.syn_acks.iter().find(|r| {
            r.from != connection.server
                && r.to == connection.client
                && super::same_subnet(r.from.address, connection.client.address)
                && r.from.address != connection.server.address
                && !super::is_node_port(r.from.port)
        })?;
        let backend = reply.from;
        let reset = connection.resets.iter().find(|r| r.by == Side::Client)?;
        let first_syn = &connection.attempts[0];
        let mut evidence = vec![
            Evidence {
                frames: first_syn.frames.clone(),
                what: format!(
                    "{} sends a SYN to the Service {} (frame {})",
                    connection.client, connection.server, first_syn.frame
                ),
            },
            Evidence {
                frames: reply.frames.clone(),
                what: format!(
                    "the SYN-ACK that acknowledges it (same client port, ack = its sequence number + 1) comes from {backend}, a pod on the client's own subnet, not from {}: the Service's DNAT was not undone (frame {})",
                    connection.server, reply.last_frame
                ),
            },
        ];
        evidence.push(reset_evidence(reset));
        evidence.extend(super::retries_evidence(connection));
        let mut finding = self.finding(connection, backend, evidence);
        finding.journeys = vec![first_syn.journey, reply.journey, reset.journey];
        finding.point_of_failure = format!(
            "between the backend {backend} and this pod, on the node they share: the reply reached the pod without the reverse NAT of {}",
            connection.server
        );
        finding.failure_frame = Some(reply.last_frame);
        finding.next_capture = Some(format!(
            "This capture is the client pod's own: it shows the untranslated reply, not where it skipped conntrack. On the node that runs {} and {backend}, run `{}` and `sysctl net.bridge.bridge-nf-call-iptables`: the SYN-ACK crossing the bridge without passing conntrack confirms it.",
            connection.client.address,
            super::NODE_CAPTURE
        ));
        Some(finding)
    }

    fn finding(
        &self,
        connection: &Connection,
        backend: crate::journey::Endpoint,
        evidence: Vec<Evidence>,
    ) -> Finding {
        let mut finding = Finding::new(
            self,
            super::severity_of(connection),
            format!(
                "{} → Service {}: the SYN-ACK came back from the backend {} without reverse NAT and the client reset it ({} attempt{})",
                connection.client,
                connection.server,
                backend,
                connection.attempts.len(),
                if connection.attempts.len() == 1 { "" } else { "s" }
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
            "the client resets the unexpected reply ({} → {}, frame {})",
            reset.from, reset.to, reset.frames[0]
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::super::{fixtures, Severity};
    use super::*;

    #[test]
    fn the_bridge_nf_off_capture_shows_it_with_its_frames() {
        let found = fixtures::findings(&ReplyBypassesConntrack, "d_bridge_nf_off.any.pcap");
        let [finding] = found.as_slice() else {
            panic!("{found:?}")
        };
        assert_eq!(finding.severity, Severity::Error);
        // README: #1 SYN, #3/#4 DNATed, #5 SYN-ACK from pod B, #6 reaches pod A unchanged, #8 RST.
        for frame in [1, 3, 5, 6, 8] {
            assert!(
                finding.frames.contains(&frame),
                "frame {frame} missing from {:?}",
                finding.frames
            );
        }
        assert_eq!(finding.failure_frame, Some(6));
        assert!(
            finding.summary.contains("10.244.0.20:8080")
                && finding.summary.contains("10.96.0.10:80"),
            "{}",
            finding.summary
        );
        assert!(finding.point_of_failure.contains("switched at layer 2"));
    }

    #[test]
    fn quiet_where_the_reply_is_translated_or_goes_elsewhere() {
        // c's reply comes from the NodePort after a hairpin through the load balancer: another
        // signature. The lab's healthy capture has the reply un-DNATed.
        fixtures::quiet_where_not_expected(&ReplyBypassesConntrack);
    }

    #[test]
    fn the_lab_reproduces_it_and_its_fix() {
        // lab/bridge-nf.sh off: tcpdump -i any (SLL2) and -y LINUX_SLL (no interface index).
        // And dumpcap's per-interface pcapng: named interfaces, Ethernet headers, no direction.
        for name in [
            "lab/bridge_nf_off.any.pcap",
            "lab/bridge_nf_off.sll1.pcap",
            "lab/bridge_nf_off.per-interface.pcapng",
        ] {
            let found = fixtures::findings(&ReplyBypassesConntrack, name);
            assert_eq!(found.len(), 1, "{name}: {found:?}");
            assert!(
                found[0]
                    .summary
                    .contains("from the backend 10.244.0.20:8080"),
                "{name}: {}",
                found[0].summary
            );
        }
        // lab/bridge-nf.sh on: bridge-nf-call-iptables=1, the reply is un-DNATed.
        assert!(
            fixtures::findings(&ReplyBypassesConntrack, "lab/bridge_nf_on.any.pcap").is_empty()
        );
    }
}

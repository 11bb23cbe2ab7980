//! `reply-bypasses-conntrack`: the backend's reply reaches the client without the Service's
//! DNAT undone, because it was bridged at layer 2 (`net.bridge.bridge-nf-call-iptables=0`).

use super::{Evidence, Explanation, Finding, Reference, Signature, Step};
use crate::analysis::Analysis;
use crate::connection::{Connection, Reply, Side};
use crate::i18n::Message;
use crate::journey::{Direction, Fate};

pub struct ReplyBypassesConntrack;

static EXPLANATION: Explanation = Explanation {
    signature: "reply-bypasses-conntrack",
    confirm: &[
        Step {
            id: "reply-bypasses-conntrack-confirm-sysctl",
            commands: &[
                "sysctl net.bridge.bridge-nf-call-iptables net.bridge.bridge-nf-call-ip6tables",
                "lsmod | grep br_netfilter",
            ],
            tradeoff: false,
        },
        Step {
            id: "reply-bypasses-conntrack-confirm-conntrack",
            commands: &["conntrack -L -p tcp -d <cluster-ip> --dport <service-port>"],
            tradeoff: false,
        },
        Step {
            id: "reply-bypasses-conntrack-confirm-kube-proxy",
            commands: &["kubectl -n kube-system logs ds/kube-proxy | grep -i br-netfilter"],
            tradeoff: false,
        },
    ],
    fix: &[Step {
        id: "reply-bypasses-conntrack-fix-sysctl",
        commands: &[
            "modprobe br_netfilter",
            "sysctl -w net.bridge.bridge-nf-call-iptables=1 net.bridge.bridge-nf-call-ip6tables=1",
            "printf 'br_netfilter\\n' > /etc/modules-load.d/k8s.conf",
            "printf 'net.bridge.bridge-nf-call-iptables = 1\\nnet.bridge.bridge-nf-call-ip6tables = 1\\n' > /etc/sysctl.d/99-k8s.conf",
        ],
        tradeoff: true,
    }],
    references: &[
        Reference {
            title: "kubernetes#38802: Unstable service ip access from another pod",
            url: "https://github.com/kubernetes/kubernetes/issues/38802",
        },
        Reference {
            title: "kube-proxy: \"Missing br-netfilter module or unset sysctl br-nf-call-iptables, proxy may not work as intended\" (pkg/proxy/iptables/proxier.go)",
            url: "https://github.com/kubernetes/kubernetes/blob/master/pkg/proxy/iptables/proxier.go",
        },
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
        let mut evidence = vec![syn_evidence(connection)];
        if let Some(hop) = dnat_hop {
            evidence.push(Evidence {
                frames: vec![hop.frame],
                what: Message::new("reply-bypasses-conntrack-ev-dnat")
                    .addr("backend", backend)
                    .with("changes", crate::words::changes_text(&hop.changes))
                    .with("interface", &hop.interface_name),
            });
        }
        evidence.push(Evidence {
            frames: reply.frames.clone(),
            what: Message::new("reply-bypasses-conntrack-ev-syn-ack")
                .addr("backend", backend)
                .addr("service", connection.server)
                .frame("frame", reply.last_frame),
        });
        if let Some(hop) = bridge_copy {
            evidence.push(Evidence {
                frames: vec![hop.frame],
                what: Message::new("reply-bypasses-conntrack-ev-bridged")
                    .with("interface", &hop.interface_name)
                    .frame("frame", hop.frame),
            });
        }
        evidence.push(reset_evidence(reset));
        evidence.extend(super::retries_evidence(connection));
        let mut finding = self.finding(connection, backend, evidence);
        finding.journeys = vec![first_syn.journey, reply.journey, reset.journey];
        let bridge = bridge_copy.map_or(Message::new("the-bridge"), |h| {
            Message::new("name").with("name", &h.interface_name)
        });
        finding.point_of_failure = Message::new("reply-bypasses-conntrack-where-node")
            .part("bridge", bridge)
            .addr("backend", backend)
            .addr("service", connection.server);
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
            syn_evidence(connection),
            Evidence {
                frames: reply.frames.clone(),
                what: Message::new("reply-bypasses-conntrack-ev-syn-ack-matched")
                    .addr("backend", backend)
                    .addr("service", connection.server)
                    .frame("frame", reply.last_frame),
            },
        ];
        evidence.push(reset_evidence(reset));
        evidence.extend(super::retries_evidence(connection));
        let mut finding = self.finding(connection, backend, evidence);
        finding.journeys = vec![first_syn.journey, reply.journey, reset.journey];
        finding.point_of_failure = Message::new("reply-bypasses-conntrack-where-client-view")
            .addr("backend", backend)
            .addr("service", connection.server);
        finding.failure_frame = Some(reply.last_frame);
        finding.next_capture = Some(
            Message::new("reply-bypasses-conntrack-next-client-view")
                .addr("client", connection.client.address)
                .addr("backend", backend)
                .with("command", super::NODE_CAPTURE),
        );
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
            Message::new("reply-bypasses-conntrack-summary")
                .addr("client", connection.client)
                .addr("service", connection.server)
                .addr("backend", backend)
                .count("attempts", connection.attempts.len()),
            evidence,
        );
        finding.connection = Some(connection.id);
        finding
    }
}

fn syn_evidence(connection: &Connection) -> Evidence {
    let first_syn = &connection.attempts[0];
    Evidence {
        frames: first_syn.frames.clone(),
        what: Message::new("reply-bypasses-conntrack-ev-syn")
            .addr("client", connection.client)
            .addr("service", connection.server)
            .frame("frame", first_syn.frame),
    }
}

fn reset_evidence(reset: &crate::connection::Reset) -> Evidence {
    super::client_reset_evidence(reset)
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
            finding.summary.to_string().contains("10.244.0.20:8080")
                && finding.summary.to_string().contains("10.96.0.10:80"),
            "{}",
            finding.summary
        );
        assert!(finding
            .point_of_failure
            .to_string()
            .contains("switched at layer 2"));
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
                    .to_string()
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

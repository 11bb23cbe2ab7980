//! `conntrack-invalid-reset`: mid-stream, one of the backend's packets reaches the client with
//! the backend's own address instead of the Service's. Conntrack judged it INVALID (outside
//! the window it tracks) and NAT skipped it; the client's kernel knows no connection from that
//! address, answers with a reset, and the connection dies.

use super::{Evidence, Explanation, Finding, Reference, Severity, Signature, Step};
use crate::analysis::Analysis;
use crate::connection::{Connection, Side};
use crate::i18n::Message;
use crate::journey::Endpoint;

pub struct ConntrackInvalidReset;

static EXPLANATION: Explanation = Explanation {
    signature: "conntrack-invalid-reset",
    confirm: &[
        Step {
            id: "conntrack-invalid-reset-confirm-rule",
            commands: &[
                "iptables -S KUBE-FORWARD | grep INVALID",
                "sysctl net.netfilter.nf_conntrack_tcp_be_liberal",
                "kubectl -n kube-system logs ds/kube-proxy | grep -i liberal",
            ],
            tradeoff: false,
        },
        Step {
            id: "conntrack-invalid-reset-confirm-invalid",
            commands: &["conntrack -S | grep -o 'invalid=[0-9]*'"],
            tradeoff: false,
        },
        Step {
            id: "conntrack-invalid-reset-confirm-capture",
            commands: &["tcpdump -ni any 'host <backend-pod-ip> and tcp port <target-port>'"],
            tradeoff: false,
        },
    ],
    fix: &[
        Step {
            id: "conntrack-invalid-reset-fix-liberal",
            commands: &[
                "kubectl -n kube-system get configmap kube-proxy -o yaml | grep -A8 conntrack",
                "sysctl -w net.netfilter.nf_conntrack_tcp_be_liberal=1",
                "printf 'net.netfilter.nf_conntrack_tcp_be_liberal = 1\\n' > /etc/sysctl.d/99-conntrack-liberal.conf",
            ],
            tradeoff: true,
        },
        Step {
            id: "conntrack-invalid-reset-fix-drop",
            commands: &["iptables -I INPUT -p tcp -m conntrack --ctstate INVALID -j DROP"],
            tradeoff: true,
        },
    ],
    references: &[
        Reference {
            title: "kubernetes#74839: \"Connection reset by peer\" due to invalid conntrack packets",
            url: "https://github.com/kubernetes/kubernetes/issues/74839",
        },
        Reference {
            title: "kube-proxy Subtleties: Debugging an Intermittent Connection Reset",
            url: "https://kubernetes.io/blog/2019/03/29/kube-proxy-subtleties-debugging-an-intermittent-connection-reset/",
        },
        Reference {
            title: "kubernetes#117924: \"Connection reset by peer\" due to invalid conntrack packets",
            url: "https://github.com/kubernetes/kubernetes/issues/117924",
        },
        Reference {
            title: "kubernetes#120412: only drop invalid cstate packets if non liberal",
            url: "https://github.com/kubernetes/kubernetes/pull/120412",
        },
    ],
};

impl Signature for ConntrackInvalidReset {
    fn id(&self) -> &'static str {
        "conntrack-invalid-reset"
    }

    fn explanation(&self) -> &'static Explanation {
        &EXPLANATION
    }

    fn detect(&self, analysis: &Analysis) -> Vec<Finding> {
        let strays = Strays::new(analysis);
        analysis
            .connections
            .iter()
            .filter(|c| c.established_frame.is_some())
            .filter_map(|connection| {
                let stray = on_the_node(connection)
                    .or_else(|| at_the_client(analysis, &strays, connection))?;
                Some(self.finding(connection, &stray))
            })
            .collect()
    }
}

/// The backend's packet that reached the client untranslated, and the client's reset of it.
struct Stray {
    backend: Endpoint,
    frames: Vec<u64>,
    journeys: Vec<u64>,
    reset_frames: Vec<u64>,
}

/// Seen crossing the node: the connection's own reply, never un-NATed.
fn on_the_node(connection: &Connection) -> Option<Stray> {
    connection.untranslated.iter().find_map(|reply| {
        let reset = connection.resets.iter().find(|r| {
            r.by == Side::Client && r.to == reply.from && r.frames.first() > reply.frames.first()
        })?;
        Some(Stray {
            backend: reply.from,
            frames: reply.frames.clone(),
            journeys: vec![reply.journey, reset.journey],
            reset_frames: reset.frames.clone(),
        })
    })
}

/// Seen inside the client: while the connection to the Service is open, a packet from another
/// address arrives on the client's port (a connection of its own here, begun mid-stream) and
/// the client resets it.
fn at_the_client(analysis: &Analysis, strays: &Strays, connection: &Connection) -> Option<Stray> {
    let established = connection.established_frame?;
    strays.at(connection.client).find_map(|other| {
        if other.id == connection.id {
            return None;
        }
        let backend = if other.server == connection.client {
            other.client
        } else if other.client == connection.client {
            other.server
        } else {
            return None;
        };
        if backend == connection.server
            || other.first_frame <= established
            || other.first_frame > connection.last_frame
        {
            return None;
        }
        let reset = other.resets.iter().find(|r| r.from == connection.client)?;
        let stray_journey = analysis
            .journeys
            .iter()
            .find(|j| j.frames.contains(&other.first_frame))
            .map(|j| j.id);
        Some(Stray {
            backend,
            frames: vec![other.first_frame],
            journeys: stray_journey.into_iter().chain([reset.journey]).collect(),
            reset_frames: reset.frames.clone(),
        })
    })
}

/// Connections begun before the capture that were reset, by each of their ends: the stray
/// packets a client may have answered.
struct Strays<'a> {
    by_end: std::collections::HashMap<Endpoint, Vec<&'a Connection>>,
}

impl<'a> Strays<'a> {
    fn new(analysis: &'a Analysis) -> Strays<'a> {
        let mut by_end: std::collections::HashMap<Endpoint, Vec<&'a Connection>> =
            std::collections::HashMap::new();
        for connection in &analysis.connections {
            if connection.outcome == crate::connection::Outcome::MidStream
                && !connection.resets.is_empty()
            {
                by_end
                    .entry(connection.client)
                    .or_default()
                    .push(connection);
                by_end
                    .entry(connection.server)
                    .or_default()
                    .push(connection);
            }
        }
        Strays { by_end }
    }

    fn at(&self, end: Endpoint) -> impl Iterator<Item = &'a Connection> + '_ {
        self.by_end.get(&end).into_iter().flatten().copied()
    }
}

impl ConntrackInvalidReset {
    fn finding(&self, connection: &Connection, stray: &Stray) -> Finding {
        let stray_frame = stray.frames.first().copied().unwrap_or_default();
        let mut evidence = vec![
            Evidence {
                frames: connection.established_frame.into_iter().collect(),
                what: Message::new("conntrack-invalid-reset-ev-open")
                    .addr("client", connection.client)
                    .addr("server", connection.server),
            },
            Evidence {
                frames: stray.frames.clone(),
                what: Message::new("conntrack-invalid-reset-ev-stray")
                    .addr("backend", stray.backend)
                    .addr("server", connection.server)
                    .frame("frame", stray_frame),
            },
            Evidence {
                frames: stray.reset_frames.clone(),
                what: Message::new("conntrack-invalid-reset-ev-reset")
                    .addr("client", connection.client)
                    .addr("backend", stray.backend),
            },
        ];
        // The reset reaches the backend, which drops the connection; the Service's later reset
        // tells the client.
        let later: Vec<u64> = connection
            .resets
            .iter()
            .filter(|r| r.by == Side::Server && r.frames.first() > stray.reset_frames.first())
            .flat_map(|r| r.frames.clone())
            .collect();
        if !later.is_empty() {
            evidence.push(Evidence {
                frames: later,
                what: Message::new("conntrack-invalid-reset-ev-dead")
                    .addr("server", connection.server),
            });
        }
        let mut finding = Finding::new(
            self,
            Severity::Error,
            Message::new("conntrack-invalid-reset-summary")
                .addr("client", connection.client)
                .addr("server", connection.server)
                .addr("backend", stray.backend),
            evidence,
        );
        finding.connection = Some(connection.id);
        finding.journeys = stray.journeys.clone();
        finding.point_of_failure = Message::new("conntrack-invalid-reset-where")
            .addr("backend", stray.backend)
            .addr("server", connection.server);
        finding.failure_frame = stray.frames.last().copied();
        finding
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures;
    use super::*;

    fn only(name: &str) -> Finding {
        let found = fixtures::findings(&ConntrackInvalidReset, name);
        let [finding] = found.as_slice() else {
            panic!("{name}: {found:?}")
        };
        finding.clone()
    }

    #[test]
    fn the_untranslated_packet_and_the_reset_show_it_on_the_node() {
        for view in ["node.any", "node.sll1"] {
            let name = format!("lab/invalid_reset.{view}.pcap");
            let finding = only(&name);
            assert!(
                finding.summary.to_string().contains("10.244.0.20:8080"),
                "{name}: {}",
                finding.summary
            );
            for frame in [67, 68, 69, 70] {
                assert!(
                    finding.frames.contains(&frame),
                    "{name}: {frame} in {:?}",
                    finding.frames
                );
            }
            assert_eq!(finding.failure_frame, Some(68), "{name}");
        }
    }

    #[test]
    fn the_stray_packet_and_the_reset_show_it_inside_the_client_pod() {
        let finding = only("lab/invalid_reset.pod.pcap");
        assert_eq!(finding.failure_frame, Some(31));
        for frame in [31, 32, 34] {
            assert!(
                finding.frames.contains(&frame),
                "{frame} in {:?}",
                finding.frames
            );
        }
    }

    #[test]
    fn the_server_pod_sees_only_a_reset_and_says_nothing() {
        // Inside the backend the client's reset is all there is: nothing tells why it came.
        assert!(
            fixtures::findings(&ConntrackInvalidReset, "lab/invalid_reset.server-pod.pcap")
                .is_empty()
        );
    }

    #[test]
    fn the_same_transfer_with_every_packet_translated_is_quiet() {
        fixtures::quiet_on(
            &ConntrackInvalidReset,
            "invalid_ok",
            &["node.any", "node.sll1", "pod", "server-pod"],
        );
    }

    #[test]
    fn replies_untranslated_from_the_first_one_are_bridge_nf_not_this() {
        // bridge-nf-call-iptables=0: no reply is ever un-NATed, the handshake never completes.
        for name in [
            "lab/bridge_nf_off.any.pcap",
            "d_bridge_nf_off.any.pcap",
            "lab/bridge_nf_off.pod.pcap",
        ] {
            assert!(
                fixtures::findings(&ConntrackInvalidReset, name).is_empty(),
                "{name}"
            );
        }
    }

    #[test]
    fn quiet_where_not_expected() {
        fixtures::quiet_where_not_expected(&ConntrackInvalidReset);
    }
}

//! `connection-stalled`: an established connection whose data is sent again and again, each
//! time after a longer wait, and never acknowledged; nothing comes back, not even a reset or
//! an ICMP error. Small segments are lost too, so the path did not merely narrow (that is
//! `pmtu-black-hole`): it is gone.

use super::pmtu_black_hole::{LARGE_SEGMENT, STUCK_AFTER};
use super::{Evidence, Explanation, Finding, Reference, Severity, Signature, Step};
use crate::analysis::{Analysis, Vantage};
use crate::connection::{Connection, Retransmission, Side};
use crate::i18n::Message;

pub struct ConnectionStalled;

/// Resends spread over less than this are a burst of loss TCP may still recover from.
const STALLED_SECONDS: f64 = 1.0;

static EXPLANATION: Explanation = Explanation {
    signature: "connection-stalled",
    confirm: &[
        Step {
            id: "connection-stalled-confirm-ss",
            commands: &["kubectl exec -n <namespace> <pod> -- ss -tino state established dst <peer-ip>"],
            tradeoff: false,
        },
        Step {
            id: "connection-stalled-confirm-peer",
            commands: &[
                "kubectl get pods -A -o wide | grep <peer-ip>",
                "kubectl get endpointslices -A -o wide | grep <peer-ip>",
                "conntrack -L -p tcp --orig-src <client-ip> --orig-port-src <client-port>",
            ],
            tradeoff: false,
        },
        Step {
            id: "connection-stalled-confirm-policy",
            commands: &[
                "kubectl get networkpolicy -A",
                "iptables-save -c | grep -iE 'DROP|REJECT'",
            ],
            tradeoff: false,
        },
    ],
    fix: &[
        Step {
            id: "connection-stalled-fix-path",
            commands: &["kubectl describe networkpolicy -n <namespace>"],
            tradeoff: false,
        },
        Step {
            id: "connection-stalled-fix-user-timeout",
            commands: &[],
            tradeoff: true,
        },
        Step {
            id: "connection-stalled-fix-retries2",
            commands: &["# in the pod spec (the kubelet must list it in --allowed-unsafe-sysctls)\nsecurityContext:\n  sysctls:\n    - name: net.ipv4.tcp_retries2\n      value: \"8\""],
            tradeoff: true,
        },
    ],
    references: &[
        Reference {
            title: "IP Sysctl: tcp_retries2",
            url: "https://docs.kernel.org/networking/ip-sysctl.html",
        },
        Reference {
            title: "Linux dca43c75e7e5: tcp: Add TCP_USER_TIMEOUT socket option",
            url: "https://github.com/torvalds/linux/commit/dca43c75e7e545694a9dd6288553f55c53e2a3a3",
        },
        Reference {
            title: "RFC 5482: TCP User Timeout Option",
            url: "https://www.rfc-editor.org/rfc/rfc5482",
        },
    ],
};

impl Signature for ConnectionStalled {
    fn id(&self) -> &'static str {
        "connection-stalled"
    }

    fn explanation(&self) -> &'static Explanation {
        &EXPLANATION
    }

    fn detect(&self, analysis: &Analysis) -> Vec<Finding> {
        analysis
            .connections
            .iter()
            .filter(|c| c.established_frame.is_some() && c.icmp_errors.is_empty())
            .filter_map(|connection| {
                let stuck = connection
                    .retransmissions
                    .iter()
                    .filter(|r| stalled(connection, r))
                    .max_by_key(|r| r.frames.len())?;
                Some(self.finding(analysis, connection, stuck))
            })
            .collect()
    }
}

/// Resent with growing waits, never acknowledged, never answered, and not explained by a
/// narrower path or a long silence before it.
fn stalled(connection: &Connection, resent: &Retransmission) -> bool {
    if resent.acknowledged || resent.answers > 0 || resent.frames.len() < STUCK_AFTER {
        return false;
    }
    // The peer reset it: the connection ended, it did not stall.
    if connection.resets.iter().any(|r| r.by != resent.by) {
        return false;
    }
    let fits = resent.length < LARGE_SEGMENT
        || *connection.largest_acknowledged.get(resent.by) >= resent.length;
    fits && backs_off(resent) && !super::idle_timeout_reset::broke_silence(connection, resent)
}

/// The sender waits longer before each resend (the retransmission timer doubles).
fn backs_off(resent: &Retransmission) -> bool {
    let gaps: Vec<f64> = resent
        .times
        .windows(2)
        .map(|pair| pair[1].nanos_since(pair[0]) as f64 / 1e9)
        .collect();
    let span: f64 = gaps.iter().sum();
    match (gaps.first(), gaps.last()) {
        (Some(first), Some(last)) => span >= STALLED_SECONDS && last > first,
        _ => false,
    }
}

impl ConnectionStalled {
    fn finding(
        &self,
        analysis: &Analysis,
        connection: &Connection,
        stuck: &Retransmission,
    ) -> Finding {
        let (sender, receiver) = match stuck.by {
            Side::Client => (connection.client, connection.server),
            Side::Server => (connection.server, connection.client),
        };
        let span = match (stuck.times.first(), stuck.times.last()) {
            (Some(first), Some(last)) => last.nanos_since(*first) as f64 / 1e9,
            _ => 0.0,
        };
        let mut evidence = Vec::new();
        // What passed before: the handshake, and the receiver's last acknowledgment.
        let before: Vec<u64> = connection
            .last_new_ack
            .get(stuck.by.other())
            .or(connection.established_frame)
            .into_iter()
            .collect();
        let largest = *connection.largest_acknowledged.get(stuck.by);
        evidence.push(Evidence {
            frames: before,
            what: if largest > 0 {
                Message::new("connection-stalled-ev-passed")
                    .addr("receiver", receiver)
                    .with("largest", largest)
            } else {
                Message::new("connection-stalled-ev-handshake").addr("receiver", receiver)
            },
        });
        let gaps: Vec<String> = stuck
            .times
            .windows(2)
            .map(|pair| super::seconds(pair[1].nanos_since(pair[0]) as f64 / 1e9))
            .collect();
        evidence.push(Evidence {
            frames: stuck.frames.clone(),
            what: Message::new("connection-stalled-ev-resent")
                .addr("sender", sender)
                .with("length", stuck.length)
                .with("sequence", stuck.sequence)
                .count("count", stuck.frames.len())
                .with("gaps", gaps.join(", ")),
        });
        evidence.push(Evidence {
            frames: Vec::new(),
            what: Message::new("connection-stalled-ev-silent").addr("receiver", receiver),
        });
        let mut finding = Finding::new(
            self,
            Severity::Error,
            Message::new("connection-stalled-summary")
                .addr("client", connection.client)
                .addr("server", connection.server)
                .addr("sender", sender)
                .count("count", stuck.frames.len())
                .with("seconds", super::seconds(span)),
            evidence,
        );
        finding.connection = Some(connection.id);
        finding.journeys = stuck.journeys.clone();
        finding.point_of_failure = match stuck.left_through {
            Some(interface) => Message::new("connection-stalled-where-left")
                .with("interface", analysis.interface_name(interface))
                .addr("receiver", receiver),
            None => Message::new("connection-stalled-where")
                .addr("sender", sender)
                .addr("receiver", receiver),
        };
        finding.failure_frame = stuck
            .journeys
            .last()
            .and_then(|id| analysis.journey(*id))
            .map(|j| j.last_hop().frame)
            .or(stuck.frames.last().copied());
        // The segments leave this capture's sight; the receiver's side shows whether they
        // arrive there.
        finding.next_capture = (analysis.vantage() != Vantage::InPath)
            .then(|| Message::new("connection-stalled-next").addr("receiver", receiver.address));
        finding
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures;
    use super::*;

    const ENDS: fixtures::Ends = fixtures::Ends {
        client: "10.244.1.10:56020",
        server: "172.18.0.100:80",
        client_ttl: 64,
        server_ttl: 62,
    };

    /// A handshake and one acknowledged request of `first` bytes.
    fn opened(first: usize) -> Vec<fixtures::Segment> {
        let first_u32 = first as u32;
        vec![
            ENDS.at(0, true, "S", 100, 0, 0),
            ENDS.at(1, false, "SA", 500, 101, 0),
            ENDS.at(2, true, "A", 101, 501, 0),
            ENDS.at(3, true, "PA", 101, 501, first),
            ENDS.at(4, false, "A", 501, 101 + first_u32, 0),
        ]
    }

    /// The next segment of `length` bytes sent at 10 ms and resent after 0.2, 0.4, 0.8, 1.6 s.
    fn resent(
        mut script: Vec<fixtures::Segment>,
        sequence: u32,
        length: usize,
    ) -> Vec<fixtures::Segment> {
        for millis in [10, 210, 610, 1410, 3010] {
            script.push(ENDS.at(millis, true, "PA", sequence, 501, length));
        }
        script
    }

    #[test]
    fn small_segments_resent_into_silence_show_it() {
        let script = resent(opened(40), 141, 300);
        let found = fixtures::script_findings(&ConnectionStalled, &script);
        let [finding] = found.as_slice() else {
            panic!("{found:?}")
        };
        assert_eq!(finding.severity, Severity::Error);
        assert_eq!(finding.frames.len(), 6, "{:?}", finding.frames);
    }

    #[test]
    fn large_segments_lost_where_none_passed_are_a_black_hole_not_a_stall() {
        let script = resent(opened(40), 141, 1400);
        assert!(fixtures::script_findings(&ConnectionStalled, &script).is_empty());
        let black_hole =
            fixtures::script_findings(&super::super::pmtu_black_hole::PmtuBlackHole, &script);
        assert_eq!(black_hole.len(), 1, "{black_hole:?}");
    }

    #[test]
    fn large_segments_lost_after_segments_as_large_passed_are_a_stall() {
        let script = resent(opened(1400), 1501, 1400);
        assert_eq!(
            fixtures::script_findings(&ConnectionStalled, &script).len(),
            1
        );
        let black_hole =
            fixtures::script_findings(&super::super::pmtu_black_hole::PmtuBlackHole, &script);
        assert!(black_hole.is_empty(), "{black_hole:?}");
    }

    #[test]
    fn a_segment_resent_then_acknowledged_is_recovered_loss() {
        let mut script = resent(opened(40), 141, 300);
        script.push(ENDS.at(3011, false, "A", 501, 441, 0));
        assert!(fixtures::script_findings(&ConnectionStalled, &script).is_empty());
    }

    #[test]
    fn probes_into_a_zero_window_that_the_peer_answers_are_not_a_stall() {
        let mut script = opened(40);
        for millis in [10, 210, 610, 1410, 3010] {
            script.push(ENDS.at(millis, true, "A", 141, 501, 1));
            script.push(ENDS.at(millis + 1, false, "A", 501, 141, 0));
        }
        assert!(fixtures::script_findings(&ConnectionStalled, &script).is_empty());
    }

    #[test]
    fn resends_that_do_not_back_off_are_not_a_stall() {
        let mut script = opened(40);
        for millis in [10, 30, 50] {
            script.push(ENDS.at(millis, true, "PA", 141, 501, 300));
        }
        assert!(fixtures::script_findings(&ConnectionStalled, &script).is_empty());
    }

    #[test]
    fn a_reset_from_the_peer_ends_it_instead() {
        let mut script = resent(opened(40), 141, 300);
        script.push(ENDS.at(3012, false, "R", 501, 0, 0));
        assert!(fixtures::script_findings(&ConnectionStalled, &script).is_empty());
    }

    #[test]
    fn the_lab_stall_shows_it_from_the_pod_the_node_and_the_load_balancer() {
        for view in ["pod", "node.any", "node.sll1", "lb"] {
            let name = format!("lab/stalled.{view}.pcap");
            let found = fixtures::findings(&ConnectionStalled, &name);
            let [finding] = found.as_slice() else {
                panic!("{name}: {found:?}")
            };
            assert!(
                finding.summary.to_string().contains("7 times"),
                "{name}: {}",
                finding.summary
            );
        }
        let found = fixtures::findings(&ConnectionStalled, "lab/stalled.pod.pcap");
        assert!(
            found[0].frames.contains(&33) && found[0].frames.contains(&48),
            "{:?}",
            found[0].frames
        );
    }

    #[test]
    fn the_healthy_twin_is_quiet() {
        fixtures::quiet_on(
            &ConnectionStalled,
            "stalled_ok",
            &["pod", "node.any", "node.sll1", "lb"],
        );
    }

    #[test]
    fn quiet_where_not_expected() {
        fixtures::quiet_where_not_expected(&ConnectionStalled);
    }
}

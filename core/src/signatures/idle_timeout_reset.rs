//! `idle-timeout-reset`: a connection left idle longer than a device on its path keeps state
//! for it (a cloud load balancer, a NAT gateway, a node's conntrack) is forgotten there; the
//! next segment is answered with a reset in the peer's name, or vanishes and is sent again until
//! the sender gives up.

use super::{Evidence, Explanation, Finding, Reference, Severity, Signature, Step};
use crate::analysis::Analysis;
use crate::connection::{Connection, Idle, Reset, Retransmission, Side};
use crate::i18n::Message;

pub struct IdleTimeoutReset;

/// The shortest silence that counts. Known idle timeouts are minutes (AWS NLB 350 s, Azure
/// Load Balancer 4 min by default); shorter ones are set by hand, and below this a reset after
/// a pause is more likely the application's own.
const IDLE_SECONDS: f64 = 20.0;

/// A resent segment that went this many times without an answer is lost for good.
const LOST_AFTER: usize = 3;

/// How long after the first packet that broke the silence a reset still answers it.
const RESET_WITHIN_SECONDS: f64 = 60.0;

static EXPLANATION: Explanation = Explanation {
    signature: "idle-timeout-reset",
    confirm: &[
        Step {
            id: "idle-timeout-reset-confirm-timeouts",
            commands: &[
                "sysctl net.netfilter.nf_conntrack_tcp_timeout_established",
                "kubectl get svc <service> -n <namespace> -o yaml | grep -E 'idle-timeout|listener-attributes'",
            ],
            tradeoff: false,
        },
        Step {
            id: "idle-timeout-reset-confirm-keepalive",
            commands: &[
                "kubectl exec -n <namespace> <pod> -- cat /proc/sys/net/ipv4/tcp_keepalive_time",
                "kubectl exec -n <namespace> <pod> -- ss -tino state established dst <server-ip>",
            ],
            tradeoff: false,
        },
    ],
    fix: &[
        Step {
            id: "idle-timeout-reset-fix-keepalive",
            commands: &["# in the pod spec (the application must enable SO_KEEPALIVE)\nsecurityContext:\n  sysctls:\n    - name: net.ipv4.tcp_keepalive_time\n      value: \"120\""],
            tradeoff: true,
        },
        Step {
            id: "idle-timeout-reset-fix-lb-timeout",
            commands: &[
                "kubectl annotate svc <service> -n <namespace> service.beta.kubernetes.io/aws-load-balancer-listener-attributes.TCP-<port>=tcp.idle_timeout.seconds=<seconds>",
                "kubectl annotate svc <service> -n <namespace> service.beta.kubernetes.io/azure-load-balancer-tcp-idle-timeout=<minutes>",
            ],
            tradeoff: true,
        },
        Step {
            id: "idle-timeout-reset-fix-pool",
            commands: &[],
            tradeoff: false,
        },
    ],
    references: &[
        Reference {
            title: "Update the TCP idle timeout for your Network Load Balancer listener",
            url: "https://docs.aws.amazon.com/elasticloadbalancing/latest/network/update-idle-timeout.html",
        },
        Reference {
            title: "Azure Load Balancer TCP Reset and Idle Timeout",
            url: "https://learn.microsoft.com/en-us/azure/load-balancer/load-balancer-tcp-reset",
        },
        Reference {
            title: "aws-load-balancer-controller#3843: Support NLB TCP idle timeout",
            url: "https://github.com/kubernetes-sigs/aws-load-balancer-controller/issues/3843",
        },
        Reference {
            title: "Azure/AKS#1564: Is there a reason for the load balancer idle timeout set to 30 minutes",
            url: "https://github.com/Azure/AKS/issues/1564",
        },
    ],
};

impl Signature for IdleTimeoutReset {
    fn id(&self) -> &'static str {
        "idle-timeout-reset"
    }

    fn explanation(&self) -> &'static Explanation {
        &EXPLANATION
    }

    fn detect(&self, analysis: &Analysis) -> Vec<Finding> {
        analysis
            .connections
            .iter()
            .filter_map(|connection| {
                let idle = connection.idle.as_ref()?;
                if idle.seconds < IDLE_SECONDS || closing_before(connection, idle) {
                    return None;
                }
                let peer = idle.resumed_by.other();
                if let Some(reset) = reset_after(connection, idle, peer) {
                    return Some(self.reset(analysis, connection, idle, reset));
                }
                let lost = lost_after(connection, idle)?;
                Some(self.vanished(analysis, connection, idle, lost))
            })
            .collect()
    }
}

/// Whether `resent` is the segment that broke a long silence: this signature's, not a stall's.
pub(super) fn broke_silence(connection: &Connection, resent: &Retransmission) -> bool {
    connection.idle.as_ref().is_some_and(|idle| {
        idle.seconds >= IDLE_SECONDS
            && !closing_before(connection, idle)
            && resent.frames.first() == Some(&idle.resumed_frame)
    })
}

/// A FIN before the silence: the connection was being closed, and a reset for a late segment
/// is TCP doing its job (a server that closed an idle keep-alive connection, say).
fn closing_before(connection: &Connection, idle: &Idle) -> bool {
    connection
        .fin_frames
        .iter()
        .any(|frame| *frame <= idle.last_frame)
}

/// The peer's (or, in its name, a middlebox's) reset that answered the end of the silence.
fn reset_after<'a>(connection: &'a Connection, idle: &Idle, peer: Side) -> Option<&'a Reset> {
    connection.resets.iter().find(|reset| {
        let after = reset.time.nanos_since(idle.resumed_time) as f64 / 1e9;
        reset.by == peer && (0.0..=RESET_WITHIN_SECONDS).contains(&after)
    })
}

/// The segment that broke the silence, sent again and again and never acknowledged.
fn lost_after<'a>(connection: &'a Connection, idle: &Idle) -> Option<&'a Retransmission> {
    connection.retransmissions.iter().find(|r| {
        r.by == idle.resumed_by
            && !r.acknowledged
            && r.frames.len() >= LOST_AFTER
            && r.frames.first() == Some(&idle.resumed_frame)
    })
}

fn ends(
    connection: &Connection,
    side: Side,
) -> (crate::journey::Endpoint, crate::journey::Endpoint) {
    match side {
        Side::Client => (connection.client, connection.server),
        Side::Server => (connection.server, connection.client),
    }
}

impl IdleTimeoutReset {
    fn silence(&self, connection: &Connection, idle: &Idle) -> Evidence {
        let (sender, _) = ends(connection, idle.resumed_by);
        Evidence {
            frames: vec![idle.last_frame, idle.resumed_frame],
            what: Message::new("idle-timeout-reset-ev-idle")
                .with("seconds", super::seconds(idle.seconds))
                .frame("last", idle.last_frame)
                .frame("resumed", idle.resumed_frame)
                .addr("sender", sender),
        }
    }

    fn reset(
        &self,
        analysis: &Analysis,
        connection: &Connection,
        idle: &Idle,
        reset: &Reset,
    ) -> Finding {
        let (sender, peer) = ends(connection, idle.resumed_by);
        let after = reset.time.nanos_since(idle.resumed_time) as f64 / 1e9;
        // A reset with another TTL than the peer's packets had here was made elsewhere.
        let forged = reset.usual_ttl.filter(|usual| *usual != reset.ttl);
        let mut evidence = vec![
            self.silence(connection, idle),
            Evidence {
                frames: reset.frames.clone(),
                what: Message::new("idle-timeout-reset-ev-reset")
                    .addr("peer", peer)
                    .frame("frame", reset.frames[0])
                    .with("seconds", format!("{after:.3}")),
            },
        ];
        evidence.push(Evidence {
            frames: Vec::new(),
            what: match (forged, reset.usual_ttl) {
                (Some(usual), _) => Message::new("idle-timeout-reset-ev-ttl-other")
                    .with("ttl", reset.ttl)
                    .with("usual", usual)
                    .addr("peer", peer.address),
                (None, Some(_)) => Message::new("idle-timeout-reset-ev-ttl-same")
                    .with("ttl", reset.ttl)
                    .addr("peer", peer.address),
                (None, None) => Message::new("idle-timeout-reset-ev-ttl-unknown"),
            },
        });
        let mut finding = Finding::new(
            self,
            Severity::Error,
            Message::new("idle-timeout-reset-summary-reset")
                .addr("client", connection.client)
                .addr("server", connection.server)
                .with("seconds", super::seconds(idle.seconds)),
            evidence,
        );
        finding.connection = Some(connection.id);
        finding.journeys = vec![idle.resumed_journey, reset.journey];
        finding.point_of_failure = match forged {
            Some(_) => Message::new("idle-timeout-reset-where-path")
                .addr("sender", sender)
                .addr("peer", peer)
                .with("ttl", reset.ttl),
            None => Message::new("idle-timeout-reset-where-peer").addr("peer", peer),
        };
        finding.failure_frame = reset.frames.first().copied();
        finding.next_capture = next_capture(analysis);
        finding
    }

    fn vanished(
        &self,
        analysis: &Analysis,
        connection: &Connection,
        idle: &Idle,
        lost: &Retransmission,
    ) -> Finding {
        let (sender, peer) = ends(connection, idle.resumed_by);
        let span = match (lost.times.first(), lost.times.last()) {
            (Some(first), Some(last)) => last.nanos_since(*first) as f64 / 1e9,
            _ => 0.0,
        };
        let evidence = vec![
            self.silence(connection, idle),
            Evidence {
                frames: lost.frames.clone(),
                what: Message::new("idle-timeout-reset-ev-resent")
                    .addr("sender", sender)
                    .count("count", lost.frames.len())
                    .with("seconds", super::seconds(span)),
            },
            Evidence {
                frames: Vec::new(),
                what: Message::new("idle-timeout-reset-ev-nothing").addr("peer", peer),
            },
        ];
        let mut finding = Finding::new(
            self,
            Severity::Error,
            Message::new("idle-timeout-reset-summary-vanished")
                .addr("client", connection.client)
                .addr("server", connection.server)
                .with("seconds", super::seconds(idle.seconds)),
            evidence,
        );
        finding.connection = Some(connection.id);
        finding.journeys = lost.journeys.clone();
        finding.point_of_failure = match lost.left_through {
            Some(interface) => Message::new("idle-timeout-reset-where-left")
                .with("interface", analysis.interface_name(interface))
                .addr("peer", peer),
            None => Message::new("idle-timeout-reset-where-lost")
                .addr("sender", sender)
                .addr("peer", peer),
        };
        finding.failure_frame = lost.frames.last().copied();
        finding.next_capture = next_capture(analysis);
        finding
    }
}

/// Inside a pod or on its node the device that forgot the connection is out of sight: the
/// peer's side, or the load balancer's logs, tell which it was.
fn next_capture(analysis: &Analysis) -> Option<Message> {
    (!matches!(analysis.vantage(), crate::analysis::Vantage::InPath))
        .then(|| Message::new("idle-timeout-reset-next"))
}

#[cfg(test)]
mod tests {
    use super::super::fixtures;
    use super::*;

    fn only(name: &str) -> Finding {
        let found = fixtures::findings(&IdleTimeoutReset, name);
        let [finding] = found.as_slice() else {
            panic!("{name}: {found:?}")
        };
        finding.clone()
    }

    const CLIENT: &str = "10.244.1.10:49474";
    const SERVER: &str = "172.18.0.100:80";

    fn at(
        millis: u64,
        client_sends: bool,
        flags: &'static str,
        sequence: u32,
        acknowledgment: u32,
        length: usize,
        ttl: u8,
    ) -> fixtures::Segment {
        let (from, to) = if client_sends {
            (CLIENT, SERVER)
        } else {
            (SERVER, CLIENT)
        };
        fixtures::Segment {
            millis,
            from,
            to,
            flags,
            sequence,
            acknowledgment,
            length,
            ttl,
        }
    }

    /// A request and its answer, then `idle` ms of silence.
    fn exchange_then(idle: u64) -> Vec<fixtures::Segment> {
        vec![
            at(0, true, "S", 100, 0, 0, 64),
            at(1, false, "SA", 500, 101, 0, 62),
            at(2, true, "A", 101, 501, 0, 64),
            at(3, true, "PA", 101, 501, 40, 64),
            at(4, false, "PA", 501, 141, 40, 62),
            at(5, true, "A", 141, 541, 0, 64),
            at(5 + idle, true, "PA", 141, 541, 60, 64),
        ]
    }

    #[test]
    fn a_reset_after_an_nlb_length_silence_shows_it() {
        let mut script = exchange_then(351_000);
        script.push(at(351_006, false, "R", 541, 0, 0, 63));
        let found = fixtures::script_findings(&IdleTimeoutReset, &script);
        let [finding] = found.as_slice() else {
            panic!("{found:?}")
        };
        assert!(
            finding.summary.to_string().contains("351.0"),
            "{}",
            finding.summary
        );
    }

    #[test]
    fn a_reset_after_a_short_pause_is_not_an_idle_timeout() {
        let mut script = exchange_then(5_000);
        script.push(at(5_006, false, "R", 541, 0, 0, 62));
        assert!(fixtures::script_findings(&IdleTimeoutReset, &script).is_empty());
    }

    #[test]
    fn a_reset_for_a_connection_the_server_had_closed_is_not_an_idle_timeout() {
        // The server closed the idle keep-alive connection (FIN); the client wrote anyway.
        let mut script = exchange_then(0);
        script.pop();
        script.push(at(10_000, false, "FA", 541, 141, 0, 62));
        script.push(at(10_001, true, "A", 141, 542, 0, 64));
        script.push(at(40_000, true, "PA", 141, 542, 60, 64));
        script.push(at(40_001, false, "R", 542, 0, 0, 62));
        assert!(fixtures::script_findings(&IdleTimeoutReset, &script).is_empty());
    }

    #[test]
    fn keepalives_keep_the_connection_from_going_idle() {
        let mut script = exchange_then(0);
        script.pop();
        for i in 1..=4u64 {
            script.push(at(i * 15_000, true, "A", 140, 541, 0, 64));
            script.push(at(i * 15_000 + 1, false, "A", 541, 141, 0, 62));
        }
        script.push(at(61_000, true, "PA", 141, 541, 60, 64));
        script.push(at(61_001, false, "R", 541, 0, 0, 62));
        assert!(fixtures::script_findings(&IdleTimeoutReset, &script).is_empty());
    }

    #[test]
    fn a_reset_after_the_silence_shows_it_from_the_pod_the_node_and_the_load_balancer() {
        for view in ["pod", "node.any", "node.sll1", "lb"] {
            let name = format!("lab/idle_reset.{view}.pcap");
            let finding = only(&name);
            assert_eq!(finding.severity, Severity::Error, "{name}");
            let text = finding.summary.to_string();
            assert!(text.contains("reset"), "{name}: {text}");
            assert!(finding.failure_frame.is_some(), "{name}");
        }
        // Inside the pod the reset's TTL (63) is not the server's (62): the balancer sent it.
        let finding = only("lab/idle_reset.pod.pcap");
        assert_eq!(finding.failure_frame, Some(13));
        assert!(
            finding.point_of_failure.to_string().contains("TTL 63"),
            "{}",
            finding.point_of_failure
        );
        assert!(finding.frames.contains(&9) && finding.frames.contains(&12));
    }

    #[test]
    fn a_segment_lost_after_the_silence_shows_it() {
        for view in ["pod", "node.any", "node.sll1", "lb"] {
            let name = format!("lab/idle_silent.{view}.pcap");
            let finding = only(&name);
            let text = finding.summary.to_string();
            assert!(text.contains("vanished"), "{name}: {text}");
        }
        let finding = only("lab/idle_silent.pod.pcap");
        assert_eq!(finding.failure_frame, Some(19));
    }

    #[test]
    fn the_same_silence_answered_is_quiet() {
        fixtures::quiet_on(
            &IdleTimeoutReset,
            "idle_ok",
            &["pod", "node.any", "node.sll1", "lb"],
        );
    }

    #[test]
    fn quiet_where_not_expected() {
        fixtures::quiet_where_not_expected(&IdleTimeoutReset);
    }
}

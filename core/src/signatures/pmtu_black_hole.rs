//! `pmtu-black-hole`: large segments are retransmitted and never acknowledged while small
//! packets pass, and no ICMP "fragmentation needed" ever comes back.

use super::{Evidence, Explanation, Finding, Reference, Severity, Signature, Step};
use crate::analysis::Analysis;
use crate::connection::Side;
use crate::i18n::Message;

pub struct PmtuBlackHole;

/// Segments this large do not fit a path whose MTU is lowered by an overlay or a VPN; smaller
/// ones (handshakes, short requests) still pass.
pub(super) const LARGE_SEGMENT: u32 = 1200;
/// Sent this many times without an acknowledgment: the sender is stuck, not unlucky.
pub(super) const STUCK_AFTER: usize = 3;

static EXPLANATION: Explanation = Explanation {
    signature: "pmtu-black-hole",
    confirm: &[
        Step {
            id: "pmtu-black-hole-confirm-ping",
            commands: &[
                "ping -M do -s 1472 <destination>",
                "tracepath -n <destination>",
            ],
            tradeoff: false,
        },
        Step {
            id: "pmtu-black-hole-confirm-mtu",
            commands: &[
                "kubectl exec <pod> -- cat /sys/class/net/eth0/mtu",
                "ip -d link show | grep -E 'mtu|vxlan|ipip|wireguard'",
            ],
            tradeoff: false,
        },
        Step {
            id: "pmtu-black-hole-confirm-icmp",
            commands: &[
                "iptables-save | grep -iE 'icmp.*(DROP|REJECT)'",
                "tcpdump -ni any 'icmp[icmptype] == icmp-unreach and icmp[icmpcode] == 4'",
            ],
            tradeoff: false,
        },
    ],
    fix: &[
        Step {
            id: "pmtu-black-hole-fix-icmp",
            commands: &[
                "iptables -I INPUT -p icmp --icmp-type fragmentation-needed -j ACCEPT",
                "iptables -I FORWARD -p icmp --icmp-type fragmentation-needed -j ACCEPT",
            ],
            tradeoff: false,
        },
        Step {
            id: "pmtu-black-hole-fix-mtu",
            commands: &["kubectl -n kube-system get cm <cni-config> -o yaml | grep -i mtu"],
            tradeoff: true,
        },
        Step {
            id: "pmtu-black-hole-fix-clamp",
            commands: &[
                "iptables -t mangle -A FORWARD -p tcp --tcp-flags SYN,RST SYN -j TCPMSS --clamp-mss-to-pmtu",
                "sysctl -w net.ipv4.tcp_mtu_probing=1",
            ],
            tradeoff: true,
        },
    ],
    references: &[
        Reference {
            title: "RFC 2923: TCP Problems with Path MTU Discovery",
            url: "https://www.rfc-editor.org/rfc/rfc2923",
        },
        Reference {
            title: "IP Sysctl: tcp_mtu_probing",
            url: "https://docs.kernel.org/networking/ip-sysctl.html",
        },
    ],
};

impl Signature for PmtuBlackHole {
    fn id(&self) -> &'static str {
        "pmtu-black-hole"
    }

    fn explanation(&self) -> &'static Explanation {
        &EXPLANATION
    }

    fn detect(&self, analysis: &Analysis) -> Vec<Finding> {
        let mut findings = Vec::new();
        for connection in &analysis.connections {
            // An ICMP with a path MTU means discovery works: the sender is told and adapts.
            if connection.icmp_errors.iter().any(|e| e.mtu.is_some()) {
                continue;
            }
            let Some(stuck) = connection
                .retransmissions
                .iter()
                .filter(|r| {
                    !r.acknowledged
                        && r.length >= LARGE_SEGMENT
                        && r.frames.len() >= STUCK_AFTER
                        // Segments this large got through before: the path carries them.
                        && *connection.largest_acknowledged.get(r.by) < r.length
                })
                .max_by_key(|r| r.frames.len())
            else {
                continue;
            };
            // Small packets of the same connection got through: its handshake completed (the
            // SYN-ACK reached the client here, or the client's ACK of it was seen).
            let Some(reply) = connection.syn_acks.iter().find(|r| {
                super::reached_client(analysis, r) || connection.established_frame.is_some()
            }) else {
                continue;
            };
            let (sender, receiver) = match stuck.by {
                Side::Client => (connection.client, connection.server),
                Side::Server => (connection.server, connection.client),
            };
            let left_by = stuck
                .left_through
                .map(|interface| analysis.interface_name(interface));
            let evidence = vec![
                Evidence {
                    frames: reply.frames.clone(),
                    what: Message::new("pmtu-black-hole-ev-handshake").addr("receiver", receiver),
                },
                Evidence {
                    frames: stuck.frames.clone(),
                    what: match &left_by {
                        Some(interface) => Message::new("pmtu-black-hole-ev-stuck-left")
                            .with("interface", interface),
                        None => Message::new("pmtu-black-hole-ev-stuck"),
                    }
                    .addr("sender", sender)
                    .with("length", stuck.length)
                    .with("sequence", stuck.sequence)
                    .count("count", stuck.frames.len()),
                },
                Evidence {
                    frames: Vec::new(),
                    what: Message::new("pmtu-black-hole-ev-no-icmp"),
                },
            ];
            let mut finding = Finding::new(
                self,
                Severity::Error,
                Message::new("pmtu-black-hole-summary")
                    .addr("client", connection.client)
                    .addr("server", connection.server)
                    .with("length", stuck.length)
                    .count("count", stuck.frames.len()),
                evidence,
            );
            finding.connection = Some(connection.id);
            finding.journeys = stuck.journeys.clone();
            finding.point_of_failure = match left_by {
                Some(interface) => Message::new("pmtu-black-hole-where-left")
                    .with("interface", interface)
                    .addr("receiver", receiver),
                None => Message::new("pmtu-black-hole-where")
                    .addr("sender", sender)
                    .addr("receiver", receiver),
            };
            // The last place the last try was seen: where it left, on a node's capture.
            finding.failure_frame = stuck
                .journeys
                .last()
                .and_then(|id| analysis.journey(*id))
                .map(|j| j.last_hop().frame)
                .or(stuck.frames.last().copied());
            findings.push(finding);
        }
        findings
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures;
    use super::*;

    #[test]
    fn the_lab_black_hole_shows_it_and_working_pmtu_discovery_does_not() {
        // lab/pmtu.sh blackhole: a 1400-byte link, its ICMP dropped.
        let found = fixtures::findings(&PmtuBlackHole, "lab/pmtu_blackhole.any.pcap");
        let [finding] = found.as_slice() else {
            panic!("{found:?}")
        };
        assert!(
            finding.summary.to_string().contains("never acknowledged"),
            "{}",
            finding.summary
        );
        assert!(
            finding.point_of_failure.to_string().starts_with("beyond"),
            "{}",
            finding.point_of_failure
        );
        // lab/pmtu.sh ok: the ICMP comes back (MTU 1400) and the request goes through.
        assert!(fixtures::findings(&PmtuBlackHole, "lab/pmtu_ok.any.pcap").is_empty());
    }

    #[test]
    fn quiet_where_large_segments_are_acknowledged() {
        fixtures::quiet_where_not_expected(&PmtuBlackHole);
    }
}

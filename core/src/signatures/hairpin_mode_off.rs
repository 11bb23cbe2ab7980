//! `hairpin-mode-off`: a pod calls a Service and kube-proxy picks the pod itself as the backend.
//! The translated SYN must leave the bridge through the very port it came in by; a bridge port
//! without hairpin mode never does that, so the pod's own SYN never comes back to it.

use super::{Evidence, Explanation, Finding, Reference, Severity, Signature, Step};
use crate::analysis::Analysis;
use crate::connection::{Connection, Leg, Outcome};
use crate::i18n::Message;

pub struct HairpinModeOff;

static EXPLANATION: Explanation = Explanation {
    signature: "hairpin-mode-off",
    confirm: &[
        Step {
            id: "hairpin-mode-off-confirm-bridge",
            commands: &[
                "bridge -d link show | grep -E 'master|hairpin'",
                "for p in /sys/class/net/cni0/brif/*; do echo \"$p $(cat $p/hairpin_mode)\"; done",
            ],
            tradeoff: false,
        },
        Step {
            id: "hairpin-mode-off-confirm-cni",
            commands: &["grep -r hairpinMode /etc/cni/net.d/"],
            tradeoff: false,
        },
        Step {
            id: "hairpin-mode-off-confirm-endpoints",
            commands: &["kubectl get endpointslices -n <namespace> -l kubernetes.io/service-name=<service> -o wide"],
            tradeoff: false,
        },
    ],
    fix: &[
        Step {
            id: "hairpin-mode-off-fix-cni",
            commands: &["grep -rl -e bridge -e hairpinMode /etc/cni/net.d/"],
            tradeoff: true,
        },
        Step {
            id: "hairpin-mode-off-fix-ports",
            commands: &["bridge link set dev <veth> hairpin on"],
            tradeoff: true,
        },
    ],
    references: &[
        Reference {
            title: "kubernetes#13375: Pod-to-self networking require hairpin mode",
            url: "https://github.com/kubernetes/kubernetes/issues/13375",
        },
        Reference {
            title: "kubernetes#20475: A pod can't direct traffic to itself via a service",
            url: "https://github.com/kubernetes/kubernetes/issues/20475",
        },
        Reference {
            title: "CNI bridge plugin: hairpinMode",
            url: "https://www.cni.dev/plugins/current/main/bridge/",
        },
        Reference {
            title: "flannel#849: kube-flannel-cfg: enable hairpin mode",
            url: "https://github.com/flannel-io/flannel/pull/849",
        },
    ],
};

impl Signature for HairpinModeOff {
    fn id(&self) -> &'static str {
        "hairpin-mode-off"
    }

    fn explanation(&self) -> &'static Explanation {
        &EXPLANATION
    }

    fn detect(&self, analysis: &Analysis) -> Vec<Finding> {
        analysis
            .connections
            .iter()
            .filter(|c| {
                matches!(c.outcome, Outcome::Unanswered | Outcome::GaveUp) && c.syn_acks.is_empty()
            })
            .filter_map(|connection| {
                let to_itself = to_itself(connection)?;
                Some(self.finding(connection, to_itself))
            })
            .collect()
    }
}

/// The leg where the destination became the client's own address: the Service chose the
/// calling pod as its backend.
fn to_itself(connection: &Connection) -> Option<&Leg> {
    connection.legs.iter().skip(1).find(|leg| {
        leg.via.is_some()
            && leg.to.address == connection.client.address
            && connection.server.address != connection.client.address
    })
}

impl HairpinModeOff {
    fn finding(&self, connection: &Connection, leg: &Leg) -> Finding {
        let first = &connection.attempts[0];
        let retries: Vec<u64> = connection
            .attempts
            .iter()
            .skip(1)
            .map(|a| a.frame)
            .collect();
        let mut evidence = vec![
            Evidence {
                frames: first.frames.clone(),
                what: Message::new("hairpin-mode-off-ev-syn")
                    .addr("client", connection.client)
                    .addr("server", connection.server),
            },
            Evidence {
                frames: leg.frames.clone(),
                what: Message::new("hairpin-mode-off-ev-itself")
                    .addr("server", connection.server)
                    .addr("backend", leg.to),
            },
            Evidence {
                frames: Vec::new(),
                what: Message::new("hairpin-mode-off-ev-never-back")
                    .addr("client", connection.client.address),
            },
        ];
        if !retries.is_empty() {
            evidence.push(Evidence {
                frames: retries.clone(),
                what: Message::new("hairpin-mode-off-ev-retries").count("count", retries.len()),
            });
        }
        let mut finding = Finding::new(
            self,
            Severity::Error,
            Message::new("hairpin-mode-off-summary")
                .addr("client", connection.client)
                .addr("server", connection.server),
            evidence,
        );
        finding.connection = Some(connection.id);
        finding.journeys = connection.attempts.iter().map(|a| a.journey).collect();
        finding.point_of_failure =
            Message::new("hairpin-mode-off-where").addr("client", connection.client.address);
        finding.failure_frame = leg.frames.last().copied();
        finding
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures;
    use super::*;

    #[test]
    fn a_pod_dnated_to_itself_and_never_answered_shows_it_on_the_node() {
        for view in ["node.any", "node.sll1"] {
            let name = format!("lab/hairpin_off.{view}.pcap");
            let found = fixtures::findings(&HairpinModeOff, &name);
            let [finding] = found.as_slice() else {
                panic!("{name}: {found:?}")
            };
            assert_eq!(finding.failure_frame, Some(7), "{name}");
            assert!(
                finding.frames.contains(&6) && finding.frames.contains(&22),
                "{name}: {:?}",
                finding.frames
            );
        }
    }

    #[test]
    fn inside_the_pod_nothing_shows_whom_the_service_chose() {
        // The pod sees its SYN to the Service and silence: syn-unanswered's, not this one's.
        assert!(fixtures::findings(&HairpinModeOff, "lab/hairpin_off.pod.pcap").is_empty());
    }

    #[test]
    fn the_same_call_with_hairpin_mode_on_is_quiet() {
        fixtures::quiet_on(
            &HairpinModeOff,
            "hairpin_on",
            &["node.any", "node.sll1", "pod"],
        );
    }

    #[test]
    fn a_service_call_to_another_pod_left_unanswered_is_not_a_hairpin() {
        // The VXLAN loss: a pod's SYN translated to a pod on the other node, never answered.
        for name in [
            "lab/vxlan_lossy.node1.any.pcap",
            "b_syn_backoff_vxlan8472.any.pcap",
        ] {
            assert!(
                fixtures::findings(&HairpinModeOff, name).is_empty(),
                "{name}"
            );
        }
    }

    #[test]
    fn quiet_where_not_expected() {
        fixtures::quiet_where_not_expected(&HairpinModeOff);
    }
}

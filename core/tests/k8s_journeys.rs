//! Journeys, connections and DNS exchanges on the five Kubernetes failure captures, asserted
//! against the frame-by-frame facts in their README (`../shared/captures/k8s/README.md`; the
//! same files are the built-in examples in `public/examples`).

use std::path::PathBuf;

use dropscope_core::analysis::JourneyReport;
use dropscope_core::analyzer::{AnalyzeOptions, Analyzer};
use dropscope_core::connection::{DnsOutcome, Outcome, Side};
use dropscope_core::journey::{Direction, Fate, InterfaceRole};
use dropscope_core::report::Report;

/// The changes of a hop as the hop list shows them.
fn words(changes: &[dropscope_core::analysis::HopChange]) -> Vec<String> {
    changes.iter().map(|c| c.to_string()).collect()
}

fn analyze(name: &str) -> Report {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../public/examples")
        .join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut analyzer = Analyzer::new(AnalyzeOptions::default());
    // Pushed in small pieces, as the browser does with file slices.
    for chunk in bytes.chunks(777) {
        analyzer.push(chunk);
    }
    let report = analyzer.finish();
    assert_eq!(report.analysis.capture.error, None, "{name}");
    report
}

fn journey_of(report: &Report, frame: u64) -> &JourneyReport {
    report
        .analysis
        .journeys
        .iter()
        .find(|j| j.frames.contains(&frame))
        .unwrap_or_else(|| panic!("no journey holds frame {frame}"))
}

fn hops(journey: &JourneyReport) -> Vec<(u64, u32)> {
    journey
        .hops
        .iter()
        .map(|h| (h.frame, h.interface))
        .collect()
}

fn role(report: &Report, key: u32) -> InterfaceRole {
    report
        .analysis
        .interfaces
        .iter()
        .find(|i| i.key == key)
        .map(|i| i.role)
        .expect("interface")
}

#[test]
fn d_syn_is_dnated_on_the_bridge_and_the_syn_ack_returns_without_reverse_nat() {
    let report = analyze("d_bridge_nf_off.any.pcap");
    // Interfaces: 2 cni0, 3 vethpoda, 4 vethpodb.
    assert_eq!(role(&report, 2), InterfaceRole::Bridge);
    assert_eq!(
        role(&report, 3),
        InterfaceRole::PodSide {
            pod: Some("10.244.0.10".parse().unwrap())
        }
    );
    assert_eq!(
        role(&report, 4),
        InterfaceRole::PodSide {
            pod: Some("10.244.0.20".parse().unwrap())
        }
    );

    // #1 SYN: vethpoda → cni0 → (DNAT) → cni0 → vethpodb.
    let syn = journey_of(&report, 1);
    assert_eq!(syn.packet, "TCP SYN");
    assert_eq!(hops(syn), [(1, 3), (2, 2), (3, 2), (4, 4)]);
    assert_eq!(
        words(&syn.hops[2].changes),
        ["DNAT 10.96.0.10:80 → 10.244.0.20:8080"]
    );
    assert_eq!(syn.hops[2].interface, 2, "the DNAT shows on cni0");
    assert_eq!(syn.fate, Fate::Delivered { interface: 4 });
    assert_eq!(syn.last_hop().frame, 4);

    // #5 SYN-ACK: vethpodb → cni0 (promiscuous copy) → vethpoda, still from 10.244.0.20:8080.
    let syn_ack = journey_of(&report, 5);
    assert_eq!(syn_ack.packet, "TCP SYN-ACK");
    assert_eq!(hops(syn_ack), [(5, 4), (7, 2), (6, 3)]);
    assert!(
        syn_ack.hops.iter().all(|h| h.changes.is_empty()),
        "no reverse NAT anywhere: {:?}",
        syn_ack.hops
    );
    assert_eq!(syn_ack.last_hop().from.to_string(), "10.244.0.20:8080");
    assert_eq!(syn_ack.fate, Fate::Delivered { interface: 3 });

    let [connection] = report.analysis.connections.as_slice() else {
        panic!("{:?}", report.analysis.connections)
    };
    assert_eq!(connection.client.to_string(), "10.244.0.10:60986");
    assert_eq!(connection.server.to_string(), "10.96.0.10:80");
    assert_eq!(connection.outcome, Outcome::ResetByClient);
    assert_eq!(connection.attempts.len(), 7);
    assert_eq!(connection.attempts[0].frame, 1);
    assert_eq!(
        connection.attempts[1].frame, 11,
        "a retransmission is a new journey starting on vethpoda"
    );
    // Retries at 1.0, 2.0, 3.1, 4.1, 5.1, 7.1 s (linear timeouts first, then doubling).
    assert_gaps(&connection.retry_gaps(), &[1.0, 1.0, 1.0, 1.0, 1.0, 2.0]);
    assert_eq!(connection.syn_acks.len(), 7);
    assert_eq!(
        connection.syn_acks[0].from.to_string(),
        "10.244.0.20:8080",
        "the client got the reply from the pod, not the Service"
    );
    assert_eq!(connection.resets[0].by, Side::Client);
    assert_eq!(connection.resets[0].frames[0], 8);
    assert_eq!(
        connection
            .legs
            .iter()
            .map(|l| format!("{} → {}", l.from, l.to))
            .collect::<Vec<_>>(),
        [
            "10.244.0.10:60986 → 10.96.0.10:80",
            "10.244.0.10:60986 → 10.244.0.20:8080",
        ]
    );
}

#[test]
fn a_syn_acks_end_on_the_trunk_and_never_reach_the_pod() {
    let report = analyze("a_asym_rpfilter_drop.any.pcap");
    // 2 eth0, 3 trunk1, 4 vlan5a3c (the pod's side).
    assert_eq!(
        role(&report, 4),
        InterfaceRole::PodSide {
            pod: Some("10.244.3.5".parse().unwrap())
        }
    );
    let syn = journey_of(&report, 1);
    assert_eq!(
        hops(syn),
        [(1, 4), (2, 2)],
        "#1 from the pod on vlan5a3c, #2 out of eth0"
    );
    assert_eq!(syn.fate, Fate::LeftNode { interface: 2 });

    let syn_acks: Vec<&JourneyReport> = report
        .analysis
        .journeys
        .iter()
        .filter(|j| j.packet == "TCP SYN-ACK")
        .collect();
    assert_eq!(syn_acks[0].frames, [3]);
    for journey in &syn_acks {
        assert_eq!(
            journey.fate,
            Fate::EndedEarly {
                interface: 3,
                expected: 4
            },
            "{journey:?}"
        );
        assert!(journey
            .hops
            .iter()
            .all(|h| h.interface == 3 && h.direction == Direction::In));
    }
    // Nine SYN-ACKs arrive on trunk1 (the node's IPReversePathFilter counter says 9). Two pairs
    // are byte-identical 17 µs apart — the server answering a retransmitted SYN as its own
    // SYN-ACK timer fired — which a capture cannot tell from one packet delivered twice, so
    // each pair is one journey with a duplicate sighting.
    let sightings: usize = syn_acks.iter().map(|j| j.frames.len()).sum();
    assert_eq!(sightings, 9);
    assert_eq!(
        syn_acks
            .iter()
            .filter(|j| j.hops.iter().any(|h| h.duplicate))
            .count(),
        2
    );

    let [connection] = report.analysis.connections.as_slice() else {
        panic!()
    };
    assert_eq!(connection.attempts.len(), 7);
    assert_gaps(&connection.retry_gaps(), &[1.0, 1.0, 1.0, 1.0, 1.0, 2.0]);
    assert!(
        matches!(connection.outcome, Outcome::Unanswered | Outcome::GaveUp),
        "{:?}",
        connection.outcome
    );
    assert!(connection
        .syn_acks
        .iter()
        .all(|r| matches!(r.fate, Fate::EndedEarly { .. })));
}

#[test]
fn b_every_syn_is_encapsulated_on_eth0_and_retried_with_doubling_gaps() {
    let report = analyze("b_syn_backoff_vxlan8472.any.pcap");
    // 2 eth0, 3 flannel.1, 4 cni0, 5 vethclient.
    assert_eq!(role(&report, 2), InterfaceRole::Uplink);
    assert_eq!(role(&report, 3), InterfaceRole::Tunnel);
    assert_eq!(role(&report, 4), InterfaceRole::Bridge);
    assert_eq!(
        role(&report, 5),
        InterfaceRole::PodSide {
            pod: Some("10.244.1.10".parse().unwrap())
        }
    );

    let [connection] = report.analysis.connections.as_slice() else {
        panic!()
    };
    assert_eq!(connection.attempts.len(), 7);
    // SYNs at 0, 1.02, 3.04, 7.13, 15.33, 31.45, 64.48 s.
    assert_gaps(&connection.retry_gaps(), &[1.0, 2.0, 4.1, 8.2, 16.1, 33.0]);
    let mut outer_ports = Vec::new();
    for attempt in &connection.attempts {
        let journey = report
            .analysis
            .journeys
            .iter()
            .find(|j| j.id == attempt.journey)
            .unwrap();
        let interfaces: Vec<u32> = journey.hops.iter().map(|h| h.interface).collect();
        assert_eq!(
            interfaces,
            [5, 4, 3, 2],
            "vethclient, cni0 (DNATed), flannel.1, eth0"
        );
        assert_eq!(
            words(&journey.hops[1].changes),
            ["DNAT 10.96.0.20:80 → 10.244.2.20:8080"]
        );
        let encapsulation = words(&journey.hops[3].changes);
        assert_eq!(encapsulation.len(), 1);
        let text = &encapsulation[0];
        assert!(
            text.starts_with("VXLAN encapsulation 172.18.0.2:")
                && text.ends_with(" → 172.18.0.3:8472 (VNI 1)"),
            "{text}"
        );
        let port = text
            .trim_start_matches("VXLAN encapsulation 172.18.0.2:")
            .split(' ')
            .next()
            .unwrap()
            .to_string();
        outer_ports.push(port);
    }
    // The outer UDP source port changes on every retransmission (the kernel re-hashes the flow);
    // the inner addresses do not, and each attempt is still matched through the tunnel.
    outer_ports.sort();
    outer_ports.dedup();
    assert_eq!(outer_ports.len(), 7, "{outer_ports:?}");
    assert_eq!(connection.outcome, Outcome::Established);
    let connect = connection.time_to_connect.expect("connected");
    assert!((64.4..64.6).contains(&connect), "connect took {connect} s");
    let syn_ack = &connection.syn_acks[0];
    assert_eq!(syn_ack.frames, [35, 36, 37, 38]);
    assert_eq!(
        syn_ack.from.to_string(),
        "10.96.0.20:80",
        "reverse NAT applied on the way back"
    );
    let reply = report
        .analysis
        .journeys
        .iter()
        .find(|j| j.id == syn_ack.journey)
        .unwrap();
    let undone: Vec<String> = reply
        .hops
        .iter()
        .flat_map(|h| words(&h.changes))
        .filter(|c| c.starts_with("un-DNAT"))
        .collect();
    assert_eq!(undone, ["un-DNAT 10.244.2.20:8080 → 10.96.0.20:80"]);
}

#[test]
fn c_the_three_legs_through_the_load_balancer_are_one_connection() {
    let report = analyze("c_nlb_hairpin_nosnat.any.pcap");
    let [connection] = report.analysis.connections.as_slice() else {
        panic!("{:?}", report.analysis.connections.len())
    };
    let legs: Vec<String> = connection
        .legs
        .iter()
        .map(|l| format!("{} → {}", l.from, l.to))
        .collect();
    assert_eq!(
        legs,
        [
            "10.244.1.10:57090 → 172.18.0.100:80",
            "10.244.1.10:57090 → 172.18.0.2:30080",
            "10.244.1.10:57090 → 10.244.1.20:8080",
        ]
    );
    assert_eq!(connection.legs[0].frames, [1, 2, 3]);
    assert_eq!(connection.legs[1].frames, [4]);
    assert!(
        connection.legs[1].via.unwrap().is_outside_node(),
        "{:?}",
        connection.legs[1].via
    );
    assert_eq!(connection.legs[2].frames, [5, 6]);
    // The SYN-ACK never passes the load balancer: the client gets it from the node's NodePort.
    let syn_ack = &connection.syn_acks[0];
    assert_eq!(syn_ack.frames, [7, 9, 8]);
    assert_eq!(syn_ack.from.to_string(), "172.18.0.2:30080");
    assert_eq!(syn_ack.fate, Fate::Delivered { interface: 4 });
    assert_eq!(connection.resets[0].by, Side::Client);
    assert_eq!(connection.resets[0].frames[0], 10);
    assert_eq!(connection.outcome, Outcome::ResetByClient);
    assert_eq!(connection.attempts.len(), 7);
    assert_gaps(&connection.retry_gaps(), &[1.0, 1.0, 1.0, 1.0, 1.0, 2.0]);
}

#[test]
fn e_the_aaaa_answer_ends_on_eth0_and_both_queries_are_resent_after_5_s() {
    let report = analyze("e_dns_aaaa_drop.any.pcap");
    let answer = journey_of(&report, 10);
    assert!(
        answer.packet.starts_with("DNS answer AAAA"),
        "{}",
        answer.packet
    );
    assert_eq!(answer.frames, [10]);
    assert_eq!(answer.last_hop().interface, 2, "eth0");
    assert_eq!(
        answer.fate,
        Fate::EndedEarly {
            interface: 2,
            expected: 4
        }
    );

    let a = report
        .analysis
        .dns
        .iter()
        .find(|q| q.id == 0xdf93)
        .expect("A query");
    let aaaa = report
        .analysis
        .dns
        .iter()
        .find(|q| q.id == 0x0b96)
        .expect("AAAA query");
    assert_eq!(
        (a.qtype.as_deref(), aaaa.qtype.as_deref()),
        (Some("A"), Some("AAAA"))
    );
    assert_eq!(
        a.attempts.iter().map(|x| x.frame).collect::<Vec<_>>(),
        [1, 17]
    );
    assert_eq!(
        aaaa.attempts.iter().map(|x| x.frame).collect::<Vec<_>>(),
        [4, 23]
    );
    for query in [a, aaaa] {
        let gap = query.attempts[1].gap.unwrap();
        assert!((4.99..5.02).contains(&gap), "resent after {gap} s");
        assert_eq!(query.client.to_string(), "10.244.1.10:57067");
        assert_eq!(query.server.to_string(), "10.96.0.10:53");
    }
    assert_eq!(a.outcome, DnsOutcome::Answered);
    assert_eq!(a.answers[0].frames, [7, 8, 9]);
    assert_eq!(aaaa.outcome, DnsOutcome::AnsweredAfterRetry);
    assert!(matches!(aaaa.answers[0].fate, Fate::EndedEarly { .. }));
    let total = aaaa.time_to_answer.unwrap();
    assert!((5.0..5.02).contains(&total), "lookup took {total} s");
}

#[test]
fn interface_names_can_be_given() {
    let bytes = std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../public/examples/d_bridge_nf_off.any.pcap"),
    )
    .unwrap();
    let names = AnalyzeOptions::parse_interface_names("2=cni0, 3=vethpoda,4=vethpodb").unwrap();
    let mut analyzer = Analyzer::new(AnalyzeOptions {
        interface_names: names,
        ..AnalyzeOptions::default()
    });
    analyzer.push(&bytes);
    let report = analyzer.finish();
    let names: Vec<(String, String)> = report
        .analysis
        .interfaces
        .iter()
        .map(|i| (i.name.clone(), i.why.to_string()))
        .collect();
    let names: Vec<(&str, &str)> = names
        .iter()
        .map(|(n, w)| (n.as_str(), w.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            ("cni0", "named cni0"),
            ("vethpoda", "named vethpoda"),
            ("vethpodb", "named vethpodb")
        ]
    );
    assert_eq!(journey_of(&report, 1).hops[0].interface_name, "vethpoda");
    assert!(AnalyzeOptions::parse_interface_names("2:cni0").is_err());
    assert!(AnalyzeOptions::parse_interface_names("x=cni0").is_err());
}

fn assert_gaps(gaps: &[f64], expected: &[f64]) {
    assert_eq!(gaps.len(), expected.len(), "{gaps:?}");
    for (gap, want) in gaps.iter().zip(expected) {
        assert!(
            (gap - want).abs() < 0.15,
            "gaps {gaps:?}, expected about {expected:?}"
        );
    }
}

/// The project's own lab (`lab/nat-vxlan.sh`): DNAT of a ClusterIP, then MASQUERADE into a
/// VXLAN overlay on port 4789; the reply has both undone. Ports are whatever the run chose.
#[test]
fn lab_dnat_then_masquerade_into_vxlan_are_three_legs_of_one_connection() {
    let report = analyze("lab/nat_vxlan4789_ok.any.pcap");
    assert_eq!(role(&report, 2), InterfaceRole::Uplink);
    assert_eq!(role(&report, 3), InterfaceRole::Bridge);
    assert_eq!(
        role(&report, 4),
        InterfaceRole::PodSide {
            pod: Some("10.244.1.10".parse().unwrap())
        }
    );
    assert_eq!(role(&report, 5), InterfaceRole::Tunnel);
    assert!(
        report.analysis.udp.is_empty(),
        "tunnel datagrams are not exchanges: {:?}",
        report.analysis.udp
    );

    let [connection] = report.analysis.connections.as_slice() else {
        panic!("{:?}", report.analysis.connections)
    };
    let port = connection.client.port;
    assert_eq!(connection.outcome, Outcome::Established);
    let legs: Vec<String> = connection
        .legs
        .iter()
        .map(|l| format!("{} → {}", l.from, l.to))
        .collect();
    assert_eq!(
        legs,
        [
            format!("10.244.1.10:{port} → 10.96.0.30:80"),
            format!("10.244.1.10:{port} → 10.244.2.20:8080"),
            format!("10.250.0.1:{port} → 10.244.2.20:8080"),
        ]
    );
    let syn = report
        .analysis
        .journeys
        .iter()
        .find(|j| j.id == connection.attempts[0].journey)
        .unwrap();
    let changes: Vec<String> = syn.hops.iter().flat_map(|h| words(&h.changes)).collect();
    assert_eq!(changes[0], "DNAT 10.96.0.30:80 → 10.244.2.20:8080");
    assert_eq!(
        changes[1],
        format!("SNAT 10.244.1.10:{port} → 10.250.0.1:{port}")
    );
    assert!(
        changes[2].starts_with("VXLAN encapsulation 172.18.0.2:")
            && changes[2].ends_with(" → 172.18.0.3:4789 (VNI 5)"),
        "{changes:?}"
    );
    assert_eq!(syn.fate, Fate::LeftNode { interface: 2 });

    let reply = report
        .analysis
        .journeys
        .iter()
        .find(|j| j.id == connection.syn_acks[0].journey)
        .unwrap();
    let changes: Vec<String> = reply.hops.iter().flat_map(|h| words(&h.changes)).collect();
    assert!(
        changes.contains(&"decapsulated from 172.18.0.3 → 172.18.0.2".to_string()),
        "{changes:?}"
    );
    assert!(
        changes.contains(&format!("un-SNAT 10.250.0.1:{port} → 10.244.1.10:{port}")),
        "{changes:?}"
    );
    assert!(
        changes.contains(&"un-DNAT 10.244.2.20:8080 → 10.96.0.30:80".to_string()),
        "{changes:?}"
    );
    assert_eq!(reply.fate, Fate::Delivered { interface: 4 });
}

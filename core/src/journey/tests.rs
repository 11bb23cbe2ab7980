use super::*;

fn tuple(source: &str, destination: &str) -> FiveTuple {
    let (s, sp) = source.rsplit_once(':').unwrap();
    let (d, dp) = destination.rsplit_once(':').unwrap();
    FiveTuple {
        source: s.parse().unwrap(),
        destination: d.parse().unwrap(),
        protocol: 6,
        source_port: sp.parse().unwrap(),
        destination_port: dp.parse().unwrap(),
    }
}

fn syn(
    frame: u64,
    micros: i64,
    interface: InterfaceKey,
    direction: Direction,
    t: FiveTuple,
    ip_id: u16,
) -> Observation {
    Observation {
        seen: Sighting {
            frame,
            time: Timestamp {
                secs: micros / 1_000_000,
                nanos: (micros % 1_000_000) as u32 * 1000,
            },
            interface,
            direction,
            tuple: t,
            encapsulation: None,
            ttl: 64,
            link: None,
        },
        ip_id: Some(ip_id),
        tcp: Some(TcpFields {
            sequence: 1000,
            acknowledgment: 0,
            flags: 0x002,
            payload_len: 0,
        }),
        dns: None,
        icmp: None,
        fingerprint: 42,
        bad_checksum: false,
    }
}

fn build(observations: Vec<Observation>) -> Vec<Journey> {
    let mut builder = JourneyBuilder::new();
    let mut out = Vec::new();
    for obs in observations {
        builder.add(obs, &mut |j| out.push(j));
    }
    builder.finish(&mut |j| out.push(j));
    out.sort_by_key(|j| j.id);
    out
}

#[test]
fn copies_on_the_next_interfaces_join_and_a_resend_starts_anew() {
    let client = tuple("10.244.0.10:40000", "10.96.0.10:80");
    let dnat = tuple("10.244.0.10:40000", "10.244.0.20:8080");
    let journeys = build(vec![
        syn(1, 0, 3, Direction::In, client, 7),
        syn(2, 5, 2, Direction::In, client, 7),
        syn(3, 40, 2, Direction::Out, dnat, 7),
        syn(4, 42, 4, Direction::Out, dnat, 7),
        // The endpoint sends the same SYN again a second later: new IP ID, new journey.
        syn(5, 1_000_000, 3, Direction::In, client, 8),
        syn(6, 1_000_004, 2, Direction::In, client, 8),
    ]);
    assert_eq!(journeys.len(), 2);
    assert_eq!(journeys[0].frames(), [1, 2, 3, 4]);
    assert_eq!(
        journeys[0].hops[2].changes,
        [Change::Destination {
            from: client.destination_endpoint(),
            to: dnat.destination_endpoint()
        }]
    );
    assert_eq!(journeys[1].frames(), [5, 6]);
}

#[test]
fn a_resend_with_the_same_ip_id_is_still_not_a_copy() {
    // IPv6 has no identification, and some stacks send 0: the same interface and direction
    // again, beyond the duplicate window, is the endpoint sending again.
    let t = tuple("10.244.0.10:40000", "10.96.0.10:80");
    let journeys = build(vec![
        syn(1, 0, 3, Direction::In, t, 0),
        syn(2, 120_000, 3, Direction::In, t, 0),
    ]);
    assert_eq!(journeys.len(), 2);
}

#[test]
fn a_packet_delivered_twice_is_one_journey_with_a_duplicate_hop() {
    let t = tuple("10.244.0.10:40000", "10.96.0.10:80");
    let journeys = build(vec![
        syn(1, 0, 3, Direction::In, t, 5),
        syn(2, 17, 3, Direction::In, t, 5),
    ]);
    assert_eq!(journeys.len(), 1);
    assert!(!journeys[0].hops[0].duplicate);
    assert!(journeys[0].hops[1].duplicate);
}

#[test]
fn different_ip_ids_are_different_packets_even_when_simultaneous() {
    let t = tuple("10.244.0.10:40000", "10.96.0.10:80");
    let journeys = build(vec![
        syn(1, 0, 3, Direction::In, t, 5),
        syn(2, 3, 2, Direction::In, t, 6),
    ]);
    assert_eq!(journeys.len(), 2);
}

#[test]
fn a_received_packet_not_sent_on_to_where_its_destination_lives_ended_early() {
    let request = tuple("10.244.3.5:5000", "172.18.2.10:8080");
    let mut reply = syn(3, 1000, 9, Direction::In, request.reversed(), 0);
    reply.tcp = Some(TcpFields {
        sequence: 77,
        acknowledgment: 1001,
        flags: 0x012,
        payload_len: 0,
    });
    reply.fingerprint = 43;
    let journeys = build(vec![
        syn(1, 0, 4, Direction::In, request, 1),
        syn(2, 10, 2, Direction::Out, request, 1),
        reply,
    ]);
    assert_eq!(journeys[0].fate, Fate::LeftNode { interface: 2 });
    assert_eq!(
        journeys[1].fate,
        Fate::EndedEarly {
            interface: 9,
            expected: 4
        }
    );
}

#[test]
fn open_journeys_are_bounded_by_the_time_window_not_the_capture() {
    let mut builder = JourneyBuilder::new();
    let mut closed = 0;
    for i in 0..100_000u64 {
        let mut obs = syn(
            i + 1,
            i as i64 * 1000,
            1,
            Direction::In,
            tuple("10.0.0.1:1", "10.0.0.2:2"),
            i as u16,
        );
        obs.fingerprint = i;
        builder.add(obs, &mut |_| closed += 1);
        // One packet a millisecond: at most the window's worth (150) stay open.
        assert!(builder.open.iter().filter(|j| j.is_some()).count() <= 152);
    }
    assert!(
        builder.open.len() <= 152,
        "slots are reused: {}",
        builder.open.len()
    );
    builder.finish(&mut |_| closed += 1);
    assert_eq!(closed, 100_000);
}

#[test]
fn a_flood_of_identical_packets_stays_linear() {
    // 200 000 copies of one packet within one window, on one interface: each is a new
    // transmission or a duplicate; matching must not scan every open journey each time.
    let t = tuple("10.0.0.1:1", "10.0.0.2:2");
    let mut builder = JourneyBuilder::new();
    let mut closed = 0u64;
    let start = std::time::Instant::now();
    for i in 0..200_000u64 {
        builder.add(
            syn(i + 1, (i / 1000) as i64, 1, Direction::In, t, 7),
            &mut |_| closed += 1,
        );
    }
    builder.finish(&mut |_| closed += 1);
    assert!(closed > 0);
    // Not a timing assertion on speed, only a guard against a quadratic blow-up (which takes
    // minutes here): a generous bound.
    assert!(start.elapsed().as_secs() < 60, "took {:?}", start.elapsed());
}

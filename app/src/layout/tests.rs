//! The geometry over real scenes from the example captures.

use super::*;
use crate::examples::example;
use crate::protocol::{Scene, Selection};
use crate::session::{analyse, Session};
use dropscope_core::connection::Side;

fn open(id: &str) -> Session {
    let bytes = example(id).unwrap().bytes;
    let mut read = |_file: u32, offset: u64, len: usize| {
        Ok(bytes[offset as usize..offset as usize + len].to_vec())
    };
    analyse(
        &[(id.to_string(), bytes.len() as u64)],
        &mut read,
        &mut |_, _| {},
    )
    .unwrap()
}

fn finding_scene(id: &str) -> (Session, Scene) {
    let session = open(id);
    let scene = session.scene(Selection::Finding(0)).unwrap();
    (session, scene)
}

#[test]
fn time_scaling_keeps_microseconds_and_half_minutes_watchable() {
    assert!((scaled_step(10e-6) - 0.35).abs() < 0.01);
    assert!(scaled_step(1.0) > 1.5 && scaled_step(1.0) < 2.5);
    assert!(scaled_step(32.0) < 3.0);
    assert!(scaled_step(2.0) > scaled_step(1.0));
    assert_eq!(scaled_step(-1.0), scaled_step(0.0));
    assert_eq!(scaled_step(f64::NAN), scaled_step(0.0));
}

#[test]
fn the_path_runs_client_pod_bridge_server_pod() {
    let (session, scene) = finding_scene("bridge-nf-off");
    let interfaces = &session.report().analysis.interfaces;
    let topo = topology(&scene, interfaces, 800.0);
    let labels: Vec<(&str, &str)> = topo
        .stations
        .iter()
        .map(|s| (s.label.as_str(), s.role))
        .collect();
    assert_eq!(
        labels,
        [
            ("client", "client"),
            ("if3", "pod-side"),
            ("if2", "bridge"),
            ("if4", "pod-side"),
            ("server", "server")
        ]
    );
    assert!(topo.stations.windows(2).all(|w| w[0].x < w[1].x));
    assert!(topo.stations.last().unwrap().x <= 800.0);
    assert_eq!(topo.stations[1].caption, "veth of pod 10.244.0.10");
}

#[test]
fn the_failure_shows_where_the_capture_saw_it() {
    // d: the SYN-ACK reaches the client's veth (if3) from the pod's own address.
    let (session, scene) = finding_scene("bridge-nf-off");
    let interfaces = &session.report().analysis.interfaces;
    let topo = topology(&scene, interfaces, 800.0);
    let anim = animation(&scene, &topo, interfaces);
    let failure = failure_point(&scene, &anim).unwrap();
    assert_eq!(topo.stations[failure.station].label, "if3");
    assert!(!failure.forward, "the SYN-ACK travels back to the client");
    // The DNAT is labelled on the hop where it happens.
    let dnat = anim.steps.iter().find(|s| !s.changes.is_empty()).unwrap();
    assert_eq!(dnat.changes, ["DNAT 10.96.0.10:80 → 10.244.0.20:8080"]);
    assert_eq!(topo.stations[dnat.station].label, "if2");
    // Resets say who sent them.
    assert!(anim
        .tracks
        .iter()
        .filter(|t| t.kind == "rst")
        .all(|t| matches!(&t.sender, Some((Side::Client, s)) if s.starts_with("the client"))));

    // a: the reply arrives on the uplink and is never seen on the pod's veth.
    let (session, scene) = finding_scene("asym-rpfilter");
    let interfaces = &session.report().analysis.interfaces;
    let topo = topology(&scene, interfaces, 800.0);
    let anim = animation(&scene, &topo, interfaces);
    let failure = failure_point(&scene, &anim).unwrap();
    assert_eq!(topo.stations[failure.station].label, "if3");
    let marks = drop_marks(&anim);
    assert!(
        marks
            .iter()
            .any(|&(station, _, count)| station == failure.station && count >= 6),
        "{marks:?}"
    );
}

#[test]
fn the_clock_keeps_capture_order_and_packets_move_between_stations() {
    let (session, scene) = finding_scene("vxlan-syn-backoff");
    let interfaces = &session.report().analysis.interfaces;
    let topo = topology(&scene, interfaces, 800.0);
    let anim = animation(&scene, &topo, interfaces);
    assert!(anim
        .steps
        .windows(2)
        .all(|w| w[0].at < w[1].at && w[0].time <= w[1].time));
    // Seven SYNs over 63 s of capture fit in well under a minute of anim.
    assert!(anim.duration < 45.0, "{}", anim.duration);
    assert!(dots_at(&anim, &topo, 0.0).is_empty());
    let first = &anim.steps[0];
    let dots = dots_at(&anim, &topo, first.at);
    assert_eq!(dots.len(), 1);
    assert!((dots[0].x - topo.stations[first.station].x).abs() < 1e-6);
    // Half-way through the flight to the next station the dot is between the two.
    let second = &anim.steps[1];
    let mid = second.at - TRAVEL / 2.0;
    let dot = dots_at(&anim, &topo, mid)
        .into_iter()
        .find(|d| d.track == first.track)
        .unwrap();
    let (a, b) = (
        topo.stations[first.station].x,
        topo.stations[second.station].x,
    );
    assert!(
        dot.x > a.min(b) && dot.x < a.max(b),
        "{} not between {a} and {b}",
        dot.x
    );
    assert_eq!(step_at(&anim, second.at), Some(1));
    assert_eq!(
        step_at(&anim, anim.duration + 1.0),
        Some(anim.steps.len() - 1)
    );
}

#[test]
fn the_ladder_puts_the_nat_legs_side_by_side() {
    let (_, scene) = finding_scene("bridge-nf-off");
    let lad = ladder(&scene, 900.0);
    let columns: Vec<String> = lad.columns.iter().map(|c| c.endpoint.to_string()).collect();
    assert_eq!(
        columns,
        ["10.244.0.10:60986", "10.96.0.10:80", "10.244.0.20:8080"]
    );
    let syn = &lad.rungs[0];
    assert_eq!(syn.label, "TCP SYN");
    assert_eq!(syn.from_x, lad.columns[0].x);
    assert_eq!(syn.to_x, lad.columns[2].x);
    let (via_x, change) = syn.via.clone().unwrap();
    assert_eq!(via_x, lad.columns[1].x);
    assert!(change.starts_with("DNAT"));
    let syn_ack = lad.rungs.iter().find(|r| r.kind == "syn-ack").unwrap();
    assert_eq!(
        syn_ack.from_x, lad.columns[2].x,
        "the reply comes from the pod's own address"
    );
    assert_eq!(syn_ack.to_x, lad.columns[0].x);
    assert!(lad
        .rungs
        .windows(2)
        .all(|w| w[0].y < w[1].y && w[0].time <= w[1].time));
}

#[test]
fn the_retry_timeline_shows_the_doubling() {
    let (_, scene) = finding_scene("vxlan-syn-backoff");
    let tl = retry_timeline(&scene, 800.0);
    let gaps: Vec<&str> = tl.gaps.iter().map(|g| g.1.as_str()).collect();
    assert_eq!(
        gaps,
        ["+1.0 s", "+2.0 s", "+4.1 s", "+8.2 s", "+16.1 s", "+33.0 s"]
    );
    assert!(tl.span > 60.0 && tl.span < 70.0);
    assert!(tl.marks.windows(2).all(|w| w[0].x <= w[1].x));
    assert!(
        tl.marks.iter().any(|m| !m.request),
        "the SYN-ACK is on the axis too"
    );
    assert!(tl.ticks.len() >= 4 && tl.ticks.len() <= 12);
    assert_eq!(dropscope_core::words::duration(0.000012), "12 µs");
    assert_eq!(dropscope_core::words::duration(0.35), "350 ms");
}

#[test]
fn a_short_list_scrolls_row_for_row() {
    let scroll = Scroll::of(1_000);
    assert_eq!(scroll.scale, 1.0);
    assert_eq!(scroll.spacer_height(), 22_000.0);
    for scroll_top in [0.0, 30.0, 5_000.0] {
        assert!((scroll.top_of(7, scroll_top) - 7.0 * ROW_HEIGHT).abs() < 1e-9);
    }
    assert!((scroll.row_at(44.0) - 2.0).abs() < 1e-9);
    // Fewer rows than the viewport holds.
    assert_eq!(Scroll::of(5).row_at(0.0), 0.0);
}

#[test]
fn a_list_taller_than_the_browser_allows_still_reaches_its_last_row() {
    let total = 5_000_000;
    let scroll = Scroll::of(total);
    let height = scroll.spacer_height();
    assert!(height <= 30_000_000.0, "{height}");
    // At the bottom of the scrollbar, the rows in view are the last ones.
    let bottom = height - VISIBLE_ROWS * ROW_HEIGHT;
    assert_eq!(scroll.row_at(bottom), total as f64 - VISIBLE_ROWS);
    assert_eq!(scroll.row_at(0.0), 0.0);
    // Rows in view are one row height apart and start at the viewport's top.
    let middle = height / 2.0;
    let at = scroll.row_at(middle).ceil() as u32;
    let top = scroll.top_of(at, middle);
    assert!(top >= middle && top - middle < ROW_HEIGHT);
    assert!((scroll.top_of(at + 1, middle) - top - ROW_HEIGHT).abs() < 1e-6);
}

/// Lays out the nodes picture of a scene.
fn nodes_picture(session: &Session, scene: &Scene, width: f64) -> (Topology, Animation, Picture) {
    let interfaces = &session.report().analysis.interfaces;
    let topo = topology(scene, interfaces, width);
    let anim = animation(scene, &topo, interfaces);
    let picture = picture(scene, &topo, &anim, interfaces, &session.labels(), width);
    (topo, anim, picture)
}

fn inside(b: &HostBox, at: At) -> bool {
    at.x >= b.x && at.x <= b.x + b.width && at.y >= b.y && at.y <= b.y + b.height
}

/// On every gallery example, at 700 (the embed) and 1200 units: every place inside the
/// picture, no two places on top of each other, host boxes apart, every step a packet takes
/// on a wire, and every packet on screen inside the picture at every moment.
#[test]
fn the_nodes_picture_of_every_example_is_laid_out_without_overlaps() {
    for example in crate::examples::gallery() {
        let session = open(example.id());
        if session.report().findings.is_empty() {
            continue;
        }
        let scene = session.scene(Selection::Finding(0)).unwrap();
        if scene.journeys.is_empty() {
            continue;
        }
        for width in [700.0, 1200.0] {
            let (topo, anim, picture) = nodes_picture(&session, &scene, width);
            let id = example.id();
            assert_eq!(picture.places.len(), topo.stations.len(), "{id}");
            for at in &picture.places {
                assert!(
                    at.x >= 0.0 && at.x <= picture.width.max(width),
                    "{id}: {at:?}"
                );
                assert!(at.y >= 0.0 && at.y <= picture.height, "{id}: {at:?}");
            }
            for (i, a) in picture.places.iter().enumerate() {
                for (j, b) in picture.places.iter().enumerate().skip(i + 1) {
                    let distance = ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt();
                    assert!(
                        distance >= 40.0,
                        "{id} at {width}: places {a:?} and {b:?} overlap"
                    );
                    // A caption under a place needs a pod row of room; closer, it is a tooltip.
                    let stacked = a.x == b.x && (a.y - b.y).abs() < nodes::POD_ROW;
                    let ends = [0, picture.places.len() - 1];
                    if stacked && !ends.contains(&i) && !ends.contains(&j) {
                        assert!(
                            picture.crowded[i] && picture.crowded[j],
                            "{id} at {width}: captions of {a:?} and {b:?} would cross"
                        );
                    }
                }
            }
            for pair in picture.hosts.windows(2) {
                assert!(
                    pair[0].x + pair[0].width <= pair[1].x,
                    "{id}: host boxes overlap"
                );
            }
            // An interface's place is inside its host's box.
            for (station, host) in picture.host_of.iter().enumerate() {
                if let (Some(host), Some(_)) = (host, topo.stations[station].key) {
                    assert!(
                        inside(&picture.hosts[*host], picture.places[station]),
                        "{id}"
                    );
                }
            }
            // Every step between two sightings runs along wires.
            let wired = |a: At, b: At| {
                a == b
                    || picture
                        .wires
                        .iter()
                        .any(|&(x, y)| (x == a && y == b) || (x == b && y == a))
            };
            for track in 0..anim.tracks.len() {
                let steps: Vec<_> = anim.steps.iter().filter(|s| s.track == track).collect();
                for pair in steps.windows(2) {
                    let points = route(
                        &scene,
                        &picture,
                        (pair[0].station, pair[0].frame),
                        (pair[1].station, pair[1].frame),
                    );
                    for leg in points.windows(2) {
                        assert!(
                            wired(leg[0], leg[1]),
                            "{id}: {:?} → {:?} has no wire",
                            leg[0],
                            leg[1]
                        );
                    }
                }
            }
            let mut t = 0.0;
            while t < anim.duration {
                for dot in picture_dots_at(&scene, &anim, &picture, t) {
                    assert!(
                        dot.at.x >= 0.0
                            && dot.at.x <= width
                            && dot.at.y >= 0.0
                            && dot.at.y <= picture.height,
                        "{id} at {t}: {dot:?}"
                    );
                }
                t += 0.25;
            }
        }
    }
}

#[test]
fn in_the_nodes_picture_the_syn_goes_through_conntrack_and_the_reply_does_not() {
    // bridge-nf-call-iptables=0: the SYN is DNATed (conntrack); the SYN-ACK is bridged
    // straight to the client, never through conntrack.
    let (session, scene) = finding_scene("bridge-nf-off");
    let (_, anim, picture) = nodes_picture(&session, &scene, 1000.0);
    let conntrack = picture
        .waypoints
        .iter()
        .find(|w| w.kind == "conntrack")
        .unwrap()
        .at;
    let passes = |kind: &str| {
        anim.tracks
            .iter()
            .enumerate()
            .filter(|(_, t)| t.kind == kind)
            .any(|(index, track)| {
                let mut t = track.points[0].at;
                let end = track.points.last().unwrap().at;
                while t <= end {
                    if picture_dots_at(&scene, &anim, &picture, t).iter().any(|d| {
                        d.track == index
                            && (d.at.x - conntrack.x).abs() < 2.0
                            && (d.at.y - conntrack.y).abs() < 2.0
                    }) {
                        return true;
                    }
                    t += 0.01;
                }
                false
            })
    };
    assert!(passes("syn"), "the SYN is DNATed in conntrack");
    assert!(!passes("syn-ack"), "the SYN-ACK never passes conntrack");
    // The Service the client dialled is a virtual address of that node's conntrack.
    let (_, service) = picture.service.as_ref().expect("the Service");
    assert_eq!(service, "10.96.0.10:80");
    // Both pods live in the one node, left of their veths: nothing is drawn as not captured.
    assert!(picture.unseen.is_empty());
    assert_eq!(picture.hosts.len(), 1);
    assert!(inside(&picture.hosts[0], picture.places[0]));
    let last = picture.places.len() - 1;
    assert!(inside(&picture.hosts[0], picture.places[last]));
}

#[test]
fn the_hairpin_goes_out_to_the_load_balancer_and_back() {
    let (session, scene) = finding_scene("nlb-hairpin");
    let (_, _, picture) = nodes_picture(&session, &scene, 1000.0);
    let lb = picture
        .waypoints
        .iter()
        .find(|w| w.kind == "lb")
        .expect("a load balancer");
    assert!(
        picture.hosts.iter().all(|h| !inside(h, lb.at)),
        "outside the node"
    );
    assert!(picture.wires.iter().any(|&(a, b)| a == lb.at || b == lb.at));
}

#[test]
fn the_far_end_of_the_vxlan_syns_is_drawn_as_not_captured() {
    let (session, scene) = finding_scene("vxlan-syn-backoff");
    let (_, _, picture) = nodes_picture(&session, &scene, 1000.0);
    assert_eq!(
        picture.unseen.len(),
        1,
        "the server's node was not captured"
    );
    let last = picture.places.len() - 1;
    let u = &picture.unseen[0];
    let far = picture.places[last];
    assert!(far.x > u.x && far.x < u.x + u.width && far.y > u.y && far.y < u.y + u.height);
    // The SYNs crossed the VXLAN tunnel: the far end lives on another node, a box as tall as
    // the captured node's.
    assert!(u.on_another_node);
    assert_eq!(
        (u.y, u.height),
        (picture.hosts[0].y, picture.hosts[0].height)
    );
    // A load balancer outside reached without a tunnel is not called a node.
    let (session, scene) = finding_scene("lab-idle-reset-pod");
    let (_, _, picture) = nodes_picture(&session, &scene, 1000.0);
    assert!(!picture.unseen.is_empty());
    assert!(picture.unseen.iter().all(|u| !u.on_another_node));
}

/// Every example with a finding, opened as the page opens it: its first finding's scene shows
/// the drop point, on the station the manifest names (what the browser test checks, natively).
#[test]
fn every_failure_example_has_its_drop_point_on_its_station() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../public/examples");
    for entry in dropscope_core::examples::examples() {
        let Some(station) = entry.drop.clone() else {
            continue;
        };
        let bytes = std::fs::read(dir.join(&entry.file)).unwrap();
        let mut read = |_file: u32, offset: u64, len: usize| {
            Ok(bytes[offset as usize..offset as usize + len].to_vec())
        };
        let session = analyse(
            &[(entry.file.clone(), bytes.len() as u64)],
            &mut read,
            &mut |_, _| {},
        )
        .unwrap();
        let scene = session.scene(Selection::Finding(0)).unwrap();
        let interfaces = &session.report().analysis.interfaces;
        let topo = topology(&scene, interfaces, 1200.0);
        let anim = animation(&scene, &topo, interfaces);
        let point = failure_point(&scene, &anim).unwrap_or_else(|| {
            panic!(
                "{}: no drop point (failure frame {:?})",
                entry.file, scene.failure_frame
            )
        });
        assert_eq!(
            topo.stations[point.station].label, station,
            "{}",
            entry.file
        );
    }
}

#[test]
fn one_capture_loaded_twice_moves_each_packet_once() {
    let bytes = example("bridge-nf-off").unwrap().bytes;
    let mut read = |_file: u32, offset: u64, len: usize| {
        Ok(bytes[offset as usize..offset as usize + len].to_vec())
    };
    let size = bytes.len() as u64;
    let twice = analyse(
        &[("a.pcap".to_string(), size), ("b.pcap".to_string(), size)],
        &mut read,
        &mut |_, _| {},
    )
    .unwrap();
    let (once, scene_once) = finding_scene("bridge-nf-off");
    // The page names frames by their captures' labels, as the worker set them.
    dropscope_core::files::set_labels(twice.labels().to_vec());
    let scene = twice.scene(Selection::Finding(0)).unwrap();
    let interfaces = &twice.report().analysis.interfaces;
    let anim = animation(&scene, &topology(&scene, interfaces, 800.0), interfaces);
    let alone = &once.report().analysis.interfaces;
    let anim_once = animation(&scene_once, &topology(&scene_once, alone, 800.0), alone);
    assert_eq!(anim.steps.len(), anim_once.steps.len());
    // Each step says where else it was captured.
    assert!(
        anim.steps
            .iter()
            .all(|s| s.caption.contains("the same sighting in b.pcap #")),
        "{:?}",
        anim.steps[0].caption
    );
    dropscope_core::files::set_labels(Vec::new());
}

#[test]
fn a_pod_that_is_its_own_services_backend_is_both_ends_in_the_picture() {
    // hairpin-mode-off: the pod called a ClusterIP whose only endpoint is itself.
    let (session, scene) = finding_scene("lab-hairpin-off-node-any");
    for width in [700.0, 1200.0] {
        let (topo, _, picture) = nodes_picture(&session, &scene, width);
        let last = topo.stations.len() - 1;
        assert!(
            picture.host_of[0].is_some(),
            "the client is a pod of the node"
        );
        assert_eq!(
            picture.host_of[last], picture.host_of[0],
            "so is the server"
        );
        let (client, server) = (picture.places[0], picture.places[last]);
        assert_eq!(client.x, server.x);
        assert!((client.y - server.y).abs() <= 70.0, "{client:?} {server:?}");
        // The server's caption (22 above it) is below the veth's (28 under the client's row).
        assert!(
            server.y - 22.0 >= client.y + 28.0 + 12.0,
            "{client:?} {server:?}"
        );
        assert!(
            picture.unseen.is_empty(),
            "nothing outside: {:?}",
            picture.unseen
        );
        assert_eq!(
            picture.end_captions[0]
                .as_deref()
                .map(|c| c.split(':').next()),
            picture.end_captions[1].as_deref().map(Some)
        );
    }
}

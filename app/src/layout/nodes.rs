//! The nodes picture: each host the scene's packets crossed as a box (one per capture), its
//! interfaces inside where they sit in a node (pods' veths on the left with their pods, the
//! bridge, the tunnel device, the uplink on the right edge), its conntrack above them as the
//! place NAT happens, the client and server where they live, and a load balancer outside when
//! packets left a node and came back rewritten. Packets move on it over the same clock and
//! stations as the strip ([`super::path`]): each station has a place here, and a step that NAT
//! rewrote goes through conntrack, one that left and came back through the load balancer.

use dropscope_core::analysis::{HopChange, InterfaceReport};
use dropscope_core::files;
use dropscope_core::journey::{Direction, InterfaceRole};

use super::path::{track_at, Animation, Topology, TrackAt};
use crate::protocol::Scene;

/// A host's box.
#[derive(Clone, Debug, PartialEq)]
pub struct HostBox {
    /// The capture it is seen in (an index of `capture.files`; 0 with one capture).
    pub file: u32,
    pub label: String,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

/// A point of the picture.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct At {
    pub x: f64,
    pub y: f64,
}

/// A place packets pass that is no interface: a host's conntrack, the load balancer.
#[derive(Clone, Debug, PartialEq)]
pub struct Waypoint {
    pub at: At,
    /// CSS class and test id: `conntrack`, `lb`.
    pub kind: &'static str,
    /// The host it belongs to (for conntrack).
    pub host: Option<usize>,
}

/// Something the packets reach that no capture shows from inside: the far end, a node that
/// was not captured. Drawn dashed.
#[derive(Clone, Debug, PartialEq)]
pub struct Unseen {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    /// Reached through a tunnel from a captured node: it lives on another node.
    pub on_another_node: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Picture {
    pub width: f64,
    pub height: f64,
    pub hosts: Vec<HostBox>,
    /// Ends that live outside every captured host.
    pub unseen: Vec<Unseen>,
    /// The Service address the client dialled, when a host's conntrack DNATed it.
    pub service: Option<(At, String)>,
    /// What the client and the server are, where the picture shows them as pods: the pod's
    /// own address (the server's is the backend's, not the Service's it was dialled at).
    pub end_captions: [Option<String>; 2],
    /// Where each station of the topology sits, by station index.
    pub places: Vec<At>,
    /// The host of each station (`None`: outside every captured host).
    pub host_of: Vec<Option<usize>>,
    /// Stations in a column of pods packed closer than a caption needs: their caption is a
    /// tooltip, not a line under them.
    pub crowded: Vec<bool>,
    pub waypoints: Vec<Waypoint>,
    /// Every wire a packet moves along, once.
    pub wires: Vec<(At, At)>,
}

/// Height of the picture.
pub const PICTURE_HEIGHT: f64 = 340.0;
const HOST_TOP: f64 = 40.0;
const HOST_HEIGHT: f64 = 260.0;
/// Room left and right of the hosts for what lives outside them.
const OUTSIDE: f64 = 90.0;
/// Vertical room per pod.
pub(crate) const POD_ROW: f64 = 62.0;
/// The closest two pods' rows may be, when many share a box.
const MIN_POD_ROW: f64 = 40.0;

/// Lays the picture out for `width` units.
pub fn picture(
    scene: &Scene,
    topology: &Topology,
    animation: &Animation,
    interfaces: &[InterfaceReport],
    labels: &[String],
    width: f64,
) -> Picture {
    let role_of = |key| {
        interfaces
            .iter()
            .find(|i| i.key == key)
            .map_or(InterfaceRole::Unknown, |i| i.role)
    };
    // One box per capture the stations come from, in order.
    let mut host_files: Vec<u32> = topology
        .stations
        .iter()
        .filter_map(|s| s.key.map(files::file_of_interface))
        .collect();
    host_files.sort_unstable();
    host_files.dedup();
    if host_files.is_empty() {
        host_files.push(0);
    }
    let count = host_files.len() as f64;
    let gap = 40.0;
    let host_width = ((width - 2.0 * OUTSIDE - gap * (count - 1.0)) / count).max(200.0);
    let hosts: Vec<HostBox> = host_files
        .iter()
        .enumerate()
        .map(|(at, &file)| HostBox {
            file,
            label: labels
                .get(file as usize)
                .cloned()
                .unwrap_or_else(|| match scene.host {
                    // A capture of one host's own traffic: that host, not a node.
                    Some(address) => dropscope_core::i18n::Message::new("picture-this-host")
                        .with("host", dropscope_core::names::address_label(address, None))
                        .to_string(),
                    None => dropscope_core::i18n::tr("picture-this-node"),
                }),
            x: OUTSIDE + at as f64 * (host_width + gap),
            y: HOST_TOP,
            width: host_width,
            height: HOST_HEIGHT,
        })
        .collect();
    let host_index = |file: u32| host_files.iter().position(|&f| f == file);
    let middle = HOST_TOP + HOST_HEIGHT / 2.0 + 20.0;

    let mut places = vec![At { x: 0.0, y: 0.0 }; topology.stations.len()];
    let mut crowded = vec![false; topology.stations.len()];
    let mut host_of: Vec<Option<usize>> = vec![None; topology.stations.len()];
    let mut pods_in_host = vec![0usize; hosts.len()];
    let mut others_in_host = vec![0usize; hosts.len()];
    // Several of one kind in a host (two uplinks, two bridges) stack down from the middle.
    let mut same_kind: Vec<(usize, &'static str, usize)> = Vec::new();
    let mut nth = |host: usize, kind: &'static str| -> f64 {
        match same_kind
            .iter_mut()
            .find(|(h, k, _)| *h == host && *k == kind)
        {
            Some(entry) => {
                entry.2 += 1;
                entry.2 as f64 * 64.0
            }
            None => {
                same_kind.push((host, kind, 0));
                0.0
            }
        }
    };
    // Pods per host, to space their rows so that they all fit in the box.
    let mut pods_total = vec![0usize; hosts.len()];
    for station in &topology.stations {
        if let Some(host) = station.key.and_then(|key| {
            matches!(role_of(key), InterfaceRole::PodSide { .. })
                .then(|| host_index(files::file_of_interface(key)))
                .flatten()
        }) {
            pods_total[host] += 1;
        }
    }
    let pod_room = HOST_HEIGHT - 30.0 - 70.0;
    // Rows at least MIN_POD_ROW apart; more pods than that fit go to a further column.
    let pods_per_column = (pod_room / MIN_POD_ROW) as usize + 1;
    let pod_row = |host: usize| {
        let rows = pods_total[host].clamp(1, pods_per_column);
        if rows > 1 {
            (pod_room / (rows - 1) as f64).min(POD_ROW)
        } else {
            POD_ROW
        }
    };
    let last = topology.stations.len().saturating_sub(1);
    for (at, station) in topology.stations.iter().enumerate() {
        let Some(key) = station.key else { continue };
        let Some(host) = host_index(files::file_of_interface(key)) else {
            continue;
        };
        let b = &hosts[host];
        host_of[at] = Some(host);
        places[at] = match role_of(key) {
            InterfaceRole::PodSide { .. } => {
                let nth_pod = pods_in_host[host];
                pods_in_host[host] += 1;
                let (column, row) = (nth_pod / pods_per_column, nth_pod % pods_per_column);
                crowded[at] = pod_row(host) < POD_ROW;
                At {
                    x: b.x + 110.0 + column as f64 * 2.0 * MIN_POD_ROW,
                    y: (b.y + 70.0 + row as f64 * pod_row(host)).min(b.y + b.height - 30.0),
                }
            }
            InterfaceRole::Bridge => At {
                x: b.x + b.width * 0.45,
                y: middle + nth(host, "bridge"),
            },
            InterfaceRole::Tunnel => At {
                x: b.x + b.width * 0.68,
                y: middle + nth(host, "tunnel"),
            },
            InterfaceRole::Uplink => At {
                x: b.x + b.width - 32.0,
                y: middle + nth(host, "uplink"),
            },
            InterfaceRole::Loopback | InterfaceRole::Host | InterfaceRole::Unknown => {
                let row = others_in_host[host];
                others_in_host[host] += 1;
                At {
                    x: b.x + b.width * 0.45 + row as f64 * 70.0,
                    y: b.y + b.height - 34.0,
                }
            }
        };
    }
    // A pod lives left of its veth; the client and server are placed there when they are pods
    // the capture shows, else outside.
    let pod_veth = |address| {
        topology.stations.iter().position(|s| {
            s.key.is_some_and(|key| {
                matches!(role_of(key), InterfaceRole::PodSide { pod: Some(pod) } if pod == address)
            })
        })
    };
    // Inside a pod (or on one host) the end that is the host sits at its own interface.
    let own_interface = |address| {
        (scene.host == Some(address))
            .then(|| {
                topology.stations.iter().position(|s| {
                    s.key
                        .is_some_and(|key| matches!(role_of(key), InterfaceRole::Host))
                })
            })
            .flatten()
    };
    let client_veth = scene
        .client
        .and_then(|c| pod_veth(c.address).or_else(|| own_interface(c.address)));
    let backend = scene
        .connection
        .as_ref()
        .and_then(|c| c.legs.last())
        .map(|l| l.to.address)
        .or(scene.server.map(|s| s.address));
    let server_veth = backend.and_then(|b| pod_veth(b).or_else(|| own_interface(b)));
    places[0] = match client_veth {
        Some(veth) => {
            host_of[0] = host_of[veth];
            At {
                x: places[veth].x - 68.0,
                y: places[veth].y,
            }
        }
        None => At {
            x: OUTSIDE / 2.0,
            y: middle,
        },
    };
    // A pod that called a Service and was chosen as its backend is both ends: the server end
    // sits under (or over) the client end, in the same pod, far enough that its caption (above
    // it) clears the caption under the pod's veth.
    let beside_client = |veth: usize| {
        let host = host_of[veth].map(|h| &hosts[h])?;
        [70.0, -70.0].into_iter().find_map(|dy| {
            let at = At {
                x: places[0].x,
                y: places[0].y + dy,
            };
            let free = places.iter().enumerate().all(|(station, p)| {
                station == last
                    || host_of[station].is_none() && station != 0
                    || ((p.x - at.x).powi(2) + (p.y - at.y).powi(2)).sqrt() >= 40.0
            });
            (free && at.y - 16.0 >= host.y + 24.0 && at.y + 16.0 <= host.y + host.height)
                .then_some(at)
        })
    };
    if last > 0 {
        let outside = At {
            x: width - OUTSIDE / 2.0,
            y: middle,
        };
        places[last] = match server_veth {
            Some(veth) if Some(veth) != client_veth => {
                host_of[last] = host_of[veth];
                At {
                    x: places[veth].x - 68.0,
                    y: places[veth].y,
                }
            }
            Some(veth) => match beside_client(veth) {
                Some(at) => {
                    host_of[last] = host_of[veth];
                    at
                }
                None => outside,
            },
            None => outside,
        };
    }
    // Each host's conntrack, above its interfaces: where NAT happens.
    let mut waypoints: Vec<Waypoint> = hosts
        .iter()
        .enumerate()
        .map(|(at, b)| Waypoint {
            at: At {
                x: b.x + b.width * 0.56,
                y: b.y + 34.0,
            },
            kind: "conntrack",
            host: Some(at),
        })
        .collect();
    // A load balancer outside, when a packet left a node and came back rewritten.
    let out_and_back = scene.journeys.iter().any(|j| {
        j.hops.windows(2).any(|w| {
            w[0].interface == w[1].interface && leaves_and_returns(&w[0].direction, &w[1].direction)
        })
    });
    if out_and_back {
        waypoints.push(Waypoint {
            at: At {
                // Its box (92 wide) stays inside the picture.
                x: width - 50.0,
                y: HOST_TOP - 8.0,
            },
            kind: "lb",
            host: None,
        });
    }
    // The ends no capture shows from inside, drawn dashed around them. Packets that crossed
    // a tunnel went to (or came from) another node's pod.
    let tunnelled = scene
        .journeys
        .iter()
        .any(|j| j.hops.iter().any(|h| h.encapsulation.is_some()));
    let unseen: Vec<Unseen> = [0, last]
        .into_iter()
        .filter(|&at| last > 0 && host_of[at].is_none())
        .map(|at| {
            // Another node is drawn as tall as the captured ones: a node, not a device.
            let (y, height) = if tunnelled {
                (HOST_TOP, HOST_HEIGHT)
            } else {
                (places[at].y - 44.0, 88.0)
            };
            Unseen {
                x: places[at].x - OUTSIDE / 2.0 + 6.0,
                y,
                width: OUTSIDE - 12.0,
                height,
                on_another_node: tunnelled,
            }
        })
        .collect();
    // The Service the client dialled, a virtual address on the node that DNATed it.
    let dnat_host = scene.journeys.iter().find_map(|j| {
        j.hops.iter().find_map(|h| {
            h.changes
                .iter()
                .any(|c| matches!(c, HopChange::Dnat { .. }))
                .then(|| topology.station_of(h.interface).and_then(|s| host_of[s]))
                .flatten()
        })
    });
    let service = match (dnat_host, scene.server) {
        (Some(host), Some(server)) => {
            let conntrack = waypoints
                .iter()
                .find(|w| w.kind == "conntrack" && w.host == Some(host))
                .map(|w| w.at);
            conntrack.map(|at| {
                (
                    At {
                        x: at.x,
                        y: at.y - 22.0,
                    },
                    dropscope_core::names::address_label(server.address, Some(server.port)),
                )
            })
        }
        _ => None,
    };
    let end_captions = [
        client_veth
            .and(scene.client)
            .map(|c| dropscope_core::names::address_label(c.address, Some(c.port))),
        server_veth
            .filter(|_| host_of[last].is_some())
            .and(backend)
            .map(|b| dropscope_core::names::address_label(b, None)),
    ];
    let mut picture = Picture {
        width,
        height: PICTURE_HEIGHT,
        hosts,
        unseen,
        service,
        end_captions,
        places,
        host_of,
        crowded,
        waypoints,
        wires: Vec::new(),
    };
    picture.wires = wires(scene, animation, &picture);
    picture
}

fn leaves_and_returns(first: &Direction, second: &Direction) -> bool {
    *first == Direction::Out && *second == Direction::In
}

/// The points a packet passes between two sightings: through conntrack when NAT rewrote it on
/// the host, through the load balancer when it left and came back.
pub fn route(scene: &Scene, picture: &Picture, from: (usize, u64), to: (usize, u64)) -> Vec<At> {
    let hop = |frame: u64| {
        scene
            .journeys
            .iter()
            .find_map(|j| j.hops.iter().find(|h| h.frame == frame))
    };
    let (a, b) = (picture.places[from.0], picture.places[to.0]);
    let mut points = vec![a];
    if let (Some(first), Some(second)) = (hop(from.1), hop(to.1)) {
        let natted = second.changes.iter().any(|c| {
            matches!(
                c,
                HopChange::Dnat { .. }
                    | HopChange::Snat { .. }
                    | HopChange::UnDnat { .. }
                    | HopChange::UnSnat { .. }
            )
        });
        if first.interface == second.interface
            && leaves_and_returns(&first.direction, &second.direction)
        {
            if let Some(lb) = picture.waypoints.iter().find(|w| w.kind == "lb") {
                points.push(lb.at);
            }
        } else if natted {
            let host = picture.host_of[to.0].or(picture.host_of[from.0]);
            if let Some(conntrack) = picture
                .waypoints
                .iter()
                .find(|w| w.kind == "conntrack" && w.host == host)
            {
                points.push(conntrack.at);
            }
        }
    }
    points.push(b);
    points
}

/// Every wire the scene's packets use, once: the route of every step of the animation.
fn wires(scene: &Scene, animation: &Animation, picture: &Picture) -> Vec<(At, At)> {
    let mut wires: Vec<(At, At)> = Vec::new();
    let mut add = |a: At, b: At| {
        if a != b
            && !wires
                .iter()
                .any(|&(x, y)| (x == a && y == b) || (x == b && y == a))
        {
            wires.push((a, b));
        }
    };
    for (index, track) in animation.tracks.iter().enumerate() {
        for pair in track.points.windows(2) {
            let frame = |station: usize, at: f64| frame_at(animation, index, station, at);
            let points = route(
                scene,
                picture,
                (pair[0].station, frame(pair[0].station, pair[0].at)),
                (pair[1].station, frame(pair[1].station, pair[1].at)),
            );
            for leg in points.windows(2) {
                add(leg[0], leg[1]);
            }
        }
    }
    wires
}

/// The frame of a track's sighting at `station` and animation time `at` (0 for its sender and
/// destination, which are not sightings).
fn frame_at(animation: &Animation, track: usize, station: usize, at: f64) -> u64 {
    animation
        .steps
        .iter()
        .find(|s| s.track == track && s.station == station && (s.at - at).abs() < 1e-9)
        .map_or(0, |s| s.frame)
}

/// A packet on the picture.
#[derive(Clone, Debug, PartialEq)]
pub struct PictureDot {
    pub track: usize,
    pub at: At,
    pub opacity: f64,
}

/// Where a point `progress` (0 to 1) along `points` is.
fn along(points: &[At], progress: f64) -> At {
    if points.len() < 2 {
        return points.first().copied().unwrap_or(At { x: 0.0, y: 0.0 });
    }
    let lengths: Vec<f64> = points
        .windows(2)
        .map(|w| ((w[1].x - w[0].x).powi(2) + (w[1].y - w[0].y).powi(2)).sqrt())
        .collect();
    let total: f64 = lengths.iter().sum();
    if total <= 0.0 {
        return points[0];
    }
    let mut left = progress.clamp(0.0, 1.0) * total;
    for (at, length) in lengths.iter().enumerate() {
        if left <= *length || at == lengths.len() - 1 {
            let f = if *length > 0.0 {
                (left / length).min(1.0)
            } else {
                0.0
            };
            let (a, b) = (points[at], points[at + 1]);
            return At {
                x: a.x + (b.x - a.x) * f,
                y: a.y + (b.y - a.y) * f,
            };
        }
        left -= length;
    }
    points[points.len() - 1]
}

/// Where every packet is on the picture at animation time `t` (the clock of
/// [`super::path::animation`]).
pub fn picture_dots_at(
    scene: &Scene,
    animation: &Animation,
    picture: &Picture,
    t: f64,
) -> Vec<PictureDot> {
    let frame_of = |track: usize, station: usize, at: f64| frame_at(animation, track, station, at);
    let mut dots = Vec::new();
    for (index, track) in animation.tracks.iter().enumerate() {
        let (at, opacity) = match track_at(track, t) {
            TrackAt::Before | TrackAt::Gone => continue,
            TrackAt::Done { opacity } => {
                let last = track.points[track.points.len() - 1].station;
                (picture.places[last.min(picture.places.len() - 1)], opacity)
            }
            TrackAt::Between { from, progress } => {
                let (a, b) = (&track.points[from], &track.points[from + 1]);
                let points = route(
                    scene,
                    picture,
                    (a.station, frame_of(index, a.station, a.at)),
                    (b.station, frame_of(index, b.station, b.at)),
                );
                (along(&points, progress), 1.0)
            }
        };
        dots.push(PictureDot {
            track: index,
            at,
            opacity,
        });
    }
    dots
}

//! The path: the stations a scene's packets crossed (client, each interface, server), the
//! animation clock, where each packet is at a moment, the failure point and the drop marks.

use dropscope_core::analysis::{
    unnamed_interface, HopReport, InterfaceReport, JourneyReport, PacketKind,
};
use dropscope_core::connection::Side;
use dropscope_core::i18n::{tr, Message};
use dropscope_core::journey::{Direction, Fate, InterfaceKey, InterfaceRole};
use dropscope_core::packets::seconds_since;
use dropscope_core::words;

use crate::protocol::Scene;

/// Animation seconds for a gap of `gap` capture seconds. Logarithmic, so that the 10 µs between
/// two hops of one packet and the 32 s between two SYN retries are both watchable: about 0.35 s
/// for microseconds, 2 s for a second, 2.8 s for 32 s.
pub fn scaled_step(gap: f64) -> f64 {
    let gap = if gap.is_finite() { gap.max(0.0) } else { 0.0 };
    0.35 + 0.55 * (1.0 + gap * 1000.0).log10()
}

/// How long a packet takes to fly from its sender to its first sighting, or from its last
/// sighting to its destination.
pub(crate) const TRAVEL: f64 = 0.35;
/// How long a delivered packet stays visible at its destination.
const LINGER: f64 = 0.5;

#[derive(Clone, Debug, PartialEq)]
pub struct Station {
    /// The interface, or `None` for the two ends (client, server).
    pub key: Option<InterfaceKey>,
    pub label: String,
    /// What it is, in words: "veth of pod 10.244.0.10", "bridge", "client".
    pub caption: String,
    /// CSS class: client, server, pod-side, bridge, tunnel, uplink, unknown.
    pub role: &'static str,
    pub x: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Topology {
    pub stations: Vec<Station>,
    pub width: f64,
}

impl Topology {
    pub fn station_of(&self, key: InterfaceKey) -> Option<usize> {
        self.stations.iter().position(|s| s.key == Some(key))
    }
}

/// Whether a journey goes from the client towards the server.
pub fn is_forward(scene: &Scene, journey: &JourneyReport) -> bool {
    let first = journey.first_hop();
    let Some(client) = scene.client else {
        return true;
    };
    if first.from == client {
        return true;
    }
    if first.to == client {
        return false;
    }
    // NAT changed the client's view: compare addresses alone.
    first.to.address != client.address
}

fn hop_keys(journey: &JourneyReport) -> Vec<InterfaceKey> {
    let mut keys: Vec<InterfaceKey> = Vec::new();
    for hop in journey.hops.iter().filter(|h| !h.duplicate) {
        if keys.last() != Some(&hop.interface) {
            keys.push(hop.interface);
        }
    }
    keys
}

/// The stations of a scene: the client, every interface its packets crossed in path order, the
/// server. Interfaces are ordered by the client's packets first; a reply's interfaces that the
/// client's packets never crossed go where the reply shows them.
pub fn topology(scene: &Scene, interfaces: &[InterfaceReport], width: f64) -> Topology {
    let mut order: Vec<InterfaceKey> = Vec::new();
    let mut sequences: Vec<Vec<InterfaceKey>> = Vec::new();
    for journey in scene.journeys.iter().filter(|j| is_forward(scene, j)) {
        sequences.push(hop_keys(journey));
    }
    for journey in scene.journeys.iter().filter(|j| !is_forward(scene, j)) {
        let mut keys = hop_keys(journey);
        keys.reverse();
        sequences.push(keys);
    }
    for keys in sequences {
        let mut previous: Option<usize> = None;
        for (at, key) in keys.iter().enumerate() {
            if let Some(position) = order.iter().position(|k| k == key) {
                previous = Some(position);
                continue;
            }
            let position = match previous {
                Some(p) => p + 1,
                None => keys[at + 1..]
                    .iter()
                    .find_map(|k| order.iter().position(|o| o == k))
                    .unwrap_or(order.len()),
            };
            order.insert(position, *key);
            previous = Some(position);
        }
    }
    let mut stations = Vec::with_capacity(order.len() + 2);
    stations.push(Station {
        key: None,
        label: tr("station-client"),
        caption: scene
            .client
            .map(|c| dropscope_core::names::address_label(c.address, Some(c.port)))
            .unwrap_or_default(),
        role: "client",
        x: 0.0,
    });
    for key in order {
        let report = interfaces.iter().find(|i| i.key == key);
        let role = report.map_or(InterfaceRole::Unknown, |r| r.role);
        stations.push(Station {
            key: Some(key),
            label: name_of(interfaces, key),
            caption: words::role_caption(&role),
            role: role_class(&role),
            x: 0.0,
        });
    }
    stations.push(Station {
        key: None,
        label: tr("station-server"),
        caption: scene
            .server
            .map(|s| dropscope_core::names::address_label(s.address, Some(s.port)))
            .unwrap_or_default(),
        role: "server",
        x: 0.0,
    });
    let margin = 60.0_f64.min(width / 8.0);
    let spacing = (width - 2.0 * margin) / (stations.len() - 1) as f64;
    for (at, station) in stations.iter_mut().enumerate() {
        station.x = margin + spacing * at as f64;
    }
    Topology { stations, width }
}

/// One sighting, placed on the animation's clock.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    /// Animation seconds.
    pub at: f64,
    pub track: usize,
    pub station: usize,
    pub frame: u64,
    /// Capture seconds since the capture's start.
    pub time: f64,
    /// Capture seconds since the previous sighting.
    pub gap: f64,
    pub caption: String,
    /// NAT rewrites that happened at this hop: `DNAT 10.96.0.10:80 → 10.244.0.20:8080`.
    pub changes: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    pub station: usize,
    pub at: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub enum TrackEnd {
    /// Went on to its destination (or out of the node).
    Reached,
    /// Last seen at `station`; `expected` is where it should have gone next.
    Dropped { station: usize, expected: String },
}

/// One packet's way across the stations.
#[derive(Clone, Debug, PartialEq)]
pub struct Track {
    pub journey: u64,
    pub label: String,
    pub forward: bool,
    /// CSS class: syn, syn-ack, rst, dns, other.
    pub kind: &'static str,
    pub points: Vec<Point>,
    pub end: TrackEnd,
    /// Who sent it, for resets: which end, and in words with the address it carried.
    pub sender: Option<(Side, String)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Animation {
    pub tracks: Vec<Track>,
    pub steps: Vec<Step>,
    pub duration: f64,
}

/// The CSS class of a packet's track or rung.
pub fn kind_class(kind: PacketKind) -> &'static str {
    match kind {
        PacketKind::Rst => "rst",
        PacketKind::SynAck => "syn-ack",
        PacketKind::Syn => "syn",
        PacketKind::DnsQuery | PacketKind::DnsAnswer => "dns",
        PacketKind::IcmpError => "icmp",
        PacketKind::Fin | PacketKind::Data | PacketKind::Ack | PacketKind::Other => "other",
    }
}

/// The CSS class of a station.
fn role_class(role: &InterfaceRole) -> &'static str {
    match role {
        InterfaceRole::PodSide { .. } => "pod-side",
        InterfaceRole::Bridge => "bridge",
        InterfaceRole::Tunnel => "tunnel",
        InterfaceRole::Uplink => "uplink",
        InterfaceRole::Loopback => "loopback",
        InterfaceRole::Host => "host",
        InterfaceRole::Unknown => "unknown",
    }
}

/// An interface's name in this capture.
fn name_of(interfaces: &[InterfaceReport], key: InterfaceKey) -> String {
    interfaces
        .iter()
        .find(|i| i.key == key)
        .map_or_else(|| unnamed_interface(key), |i| i.name.clone())
}

/// Lays the scene's sightings on one clock, in capture-time order.
pub fn animation(scene: &Scene, topology: &Topology, interfaces: &[InterfaceReport]) -> Animation {
    let last = topology.stations.len() - 1;
    let mut sightings: Vec<(f64, usize, usize)> = Vec::new();
    let start = scene
        .capture_start
        .or_else(|| scene.journeys.iter().map(|j| j.hops[0].time).min());
    let relative = |hop: &HopReport| start.map_or(0.0, |s| seconds_since(s, hop.time));
    for (track, journey) in scene.journeys.iter().enumerate() {
        for (hop_at, hop) in journey.hops.iter().enumerate() {
            if !hop.duplicate {
                sightings.push((relative(hop), track, hop_at));
            }
        }
    }
    sightings.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut steps = Vec::with_capacity(sightings.len());
    let mut clock = TRAVEL + 0.15;
    let mut previous_time: Option<f64> = None;
    for (time, track, hop_at) in sightings {
        let gap = previous_time.map_or(0.0, |p| time - p);
        if previous_time.is_some() {
            clock += scaled_step(gap);
        }
        previous_time = Some(time);
        let journey = &scene.journeys[track];
        let hop = &journey.hops[hop_at];
        let station = topology.station_of(hop.interface).unwrap_or(0);
        let mut caption = Message::new(match hop.direction {
            Direction::In => "path-step-in",
            Direction::Out => "path-step-out",
            Direction::Unknown => "path-step-seen",
        })
        .frame("frame", hop.frame)
        .with("packet", &journey.packet)
        .with("interface", &hop.interface_name)
        .with("from", hop.from)
        .with("to", hop.to)
        .to_string();
        if let Some(encapsulation) = &hop.encapsulation {
            caption.push_str(" · ");
            caption.push_str(
                &Message::new("path-step-inside")
                    .with("kind", encapsulation.kind)
                    .with("source", encapsulation.source)
                    .with("destination", encapsulation.destination)
                    .to_string(),
            );
        }
        if !hop.copies.is_empty() {
            caption.push_str(" · ");
            caption.push_str(
                &Message::new("path-step-copies")
                    .with("frames", dropscope_core::files::frame_list(&hop.copies))
                    .to_string(),
            );
        }
        steps.push(Step {
            at: clock,
            track,
            station,
            frame: hop.frame,
            time,
            gap,
            caption,
            changes: hop.changes.iter().map(|c| c.to_string()).collect(),
        });
    }
    // Each track's sightings, in one pass over the steps.
    let mut points_of: Vec<Vec<Point>> = vec![Vec::new(); scene.journeys.len()];
    for step in &steps {
        points_of[step.track].push(Point {
            station: step.station,
            at: step.at,
        });
    }
    let tracks = scene
        .journeys
        .iter()
        .enumerate()
        .map(|(track, journey)| {
            let forward = is_forward(scene, journey);
            let mut points = std::mem::take(&mut points_of[track]);
            let first_at = points.first().map_or(0.0, |p| p.at);
            let last_at = points.last().map_or(0.0, |p| p.at);
            let origin = if forward { 0 } else { last };
            let destination = if forward { last } else { 0 };
            points.insert(
                0,
                Point {
                    station: origin,
                    at: (first_at - TRAVEL).max(0.0),
                },
            );
            let end = match journey.fate {
                Fate::EndedEarly {
                    interface,
                    expected,
                } => TrackEnd::Dropped {
                    station: topology.station_of(interface).unwrap_or(0),
                    expected: name_of(interfaces, expected),
                },
                _ => {
                    points.push(Point {
                        station: destination,
                        at: last_at + TRAVEL,
                    });
                    TrackEnd::Reached
                }
            };
            let sender = scene
                .resets
                .iter()
                .find(|r| r.journey == journey.id)
                .map(|r| (r.by, words::reset_sender(r.by, r.from)));
            Track {
                journey: journey.id,
                label: journey.packet.clone(),
                forward,
                kind: kind_class(journey.kind),
                points,
                end,
                sender,
            }
        })
        .collect::<Vec<_>>();
    let duration = steps.last().map_or(1.0, |s| s.at) + TRAVEL + LINGER + 0.5;
    Animation {
        tracks,
        steps,
        duration,
    }
}

/// A packet on screen.
#[derive(Clone, Debug, PartialEq)]
pub struct Dot {
    pub track: usize,
    pub x: f64,
    pub forward: bool,
    /// 1 while moving, fading once done.
    pub opacity: f64,
}

/// Where a track is at animation time `t`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TrackAt {
    /// Not sent yet.
    Before,
    /// On its way from point `from` to point `from + 1`, `progress` of the way (it waits at
    /// a station, then flies in the last [`TRAVEL`] seconds before the next sighting).
    Between { from: usize, progress: f64 },
    /// At its last point, fading out (`opacity` above 0).
    Done { opacity: f64 },
    /// Gone.
    Gone,
}

pub fn track_at(track: &Track, t: f64) -> TrackAt {
    let (Some(first), Some(last)) = (track.points.first(), track.points.last()) else {
        return TrackAt::Gone;
    };
    if t < first.at {
        return TrackAt::Before;
    }
    if t >= last.at {
        let since = t - last.at;
        let opacity = match track.end {
            TrackEnd::Reached => 1.0 - since / LINGER,
            TrackEnd::Dropped { .. } => 1.0 - since / 1.5,
        };
        return if opacity > 0.0 {
            TrackAt::Done { opacity }
        } else {
            TrackAt::Gone
        };
    }
    let next = track
        .points
        .iter()
        .position(|p| p.at > t)
        .unwrap_or(track.points.len() - 1);
    let (a, b) = (&track.points[next - 1], &track.points[next]);
    let leave = (b.at - TRAVEL).max(a.at);
    let progress = if t <= leave {
        0.0
    } else {
        ((t - leave) / (b.at - leave).max(1e-9)).clamp(0.0, 1.0)
    };
    TrackAt::Between {
        from: next - 1,
        progress,
    }
}

/// Where every packet is at animation time `t`.
pub fn dots_at(animation: &Animation, topology: &Topology, t: f64) -> Vec<Dot> {
    let x_of = |station: usize| topology.stations[station.min(topology.stations.len() - 1)].x;
    let mut dots = Vec::new();
    for (at, track) in animation.tracks.iter().enumerate() {
        let (x, opacity) = match track_at(track, t) {
            TrackAt::Before | TrackAt::Gone => continue,
            TrackAt::Done { opacity } => {
                (x_of(track.points[track.points.len() - 1].station), opacity)
            }
            TrackAt::Between { from, progress } => {
                let (a, b) = (&track.points[from], &track.points[from + 1]);
                (
                    x_of(a.station) + (x_of(b.station) - x_of(a.station)) * progress,
                    1.0,
                )
            }
        };
        dots.push(Dot {
            track: at,
            x,
            forward: track.forward,
            opacity,
        });
    }
    dots
}

/// The latest step at or before `t`.
pub fn step_at(animation: &Animation, t: f64) -> Option<usize> {
    animation.steps.iter().rposition(|s| s.at <= t)
}

/// Where the scene's failure shows: the station of the failure frame's sighting.
#[derive(Clone, Debug, PartialEq)]
pub struct FailurePoint {
    pub station: usize,
    pub frame: u64,
    pub at: f64,
    pub forward: bool,
}

pub fn failure_point(scene: &Scene, animation: &Animation) -> Option<FailurePoint> {
    let frame = scene.failure_frame?;
    let step = animation
        .steps
        .iter()
        .find(|s| s.frame == frame)
        .or_else(|| {
            // A duplicate sighting (the same copy twice on `-i any`) is not animated: the
            // packet's sighting before it stands for it.
            let (track, journey) = scene
                .journeys
                .iter()
                .enumerate()
                .find(|(_, j)| j.hops.iter().any(|h| h.frame == frame))?;
            let at = journey.hops.iter().position(|h| h.frame == frame)?;
            let shown = journey.hops[..at].iter().rev().find(|h| !h.duplicate)?;
            animation
                .steps
                .iter()
                .find(|s| s.track == track && s.frame == shown.frame)
        })?;
    Some(FailurePoint {
        station: step.station,
        frame,
        at: step.at,
        forward: animation.tracks[step.track].forward,
    })
}

/// Drop marks: stations where packets were last seen, with how many ended there.
pub fn drop_marks(animation: &Animation) -> Vec<(usize, bool, usize)> {
    let mut marks: Vec<(usize, bool, usize)> = Vec::new();
    for track in &animation.tracks {
        if let TrackEnd::Dropped { station, .. } = track.end {
            match marks
                .iter_mut()
                .find(|m| m.0 == station && m.1 == track.forward)
            {
                Some(mark) => mark.2 += 1,
                None => marks.push((station, track.forward, 1)),
            }
        }
    }
    marks
}

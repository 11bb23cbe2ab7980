//! The geometry of the pictures, as plain functions of a scene: where each station of the path
//! sits, where each packet is at a moment of the animation, the ladder's columns and rungs,
//! the retry timeline's marks. Tested natively; the components only draw what these return.

use dropscope_core::journey::{Fate, InterfaceKey, InterfaceRole};
use dropscope_core::packets::seconds_since;
use dropscope_core::report::{InterfaceReport, JourneyReport};

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
const TRAVEL: f64 = 0.35;
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
    let first = &journey.hops[0];
    let Some(client) = &scene.client else {
        return true;
    };
    if &first.from == client {
        return true;
    }
    if &first.to == client {
        return false;
    }
    // NAT changed the client's view: compare addresses alone.
    let address = |endpoint: &str| {
        endpoint
            .rsplit_once(':')
            .map_or(endpoint, |(a, _)| a)
            .to_string()
    };
    address(&first.to) != address(client)
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
        label: "client".into(),
        caption: scene.client.clone().unwrap_or_default(),
        role: "client",
        x: 0.0,
    });
    for key in order {
        let report = interfaces.iter().find(|i| i.key == key);
        let (caption, role) = match report.map(|r| r.role) {
            Some(InterfaceRole::PodSide { pod: Some(pod) }) => {
                (format!("veth of pod {pod}"), "pod-side")
            }
            Some(InterfaceRole::PodSide { pod: None }) => ("a pod's veth".to_string(), "pod-side"),
            Some(InterfaceRole::Bridge) => ("bridge".to_string(), "bridge"),
            Some(InterfaceRole::Tunnel) => ("tunnel".to_string(), "tunnel"),
            Some(InterfaceRole::Uplink) => ("node uplink".to_string(), "uplink"),
            _ => ("interface".to_string(), "unknown"),
        };
        stations.push(Station {
            key: Some(key),
            label: report.map_or_else(|| format!("if{key}"), |r| r.name.clone()),
            caption,
            role,
            x: 0.0,
        });
    }
    stations.push(Station {
        key: None,
        label: "server".into(),
        caption: scene.server.clone().unwrap_or_default(),
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
    /// Who sent it, for resets.
    pub sender: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Animation {
    pub tracks: Vec<Track>,
    pub steps: Vec<Step>,
    pub duration: f64,
}

fn kind_of(label: &str) -> &'static str {
    if label.contains("RST") {
        "rst"
    } else if label.contains("SYN-ACK") || label.contains("SYN, ACK") {
        "syn-ack"
    } else if label.contains("SYN") {
        "syn"
    } else if label.starts_with("DNS") {
        "dns"
    } else if label.starts_with("ICMP") {
        "icmp"
    } else {
        "other"
    }
}

/// Lays the scene's sightings on one clock, in capture-time order.
pub fn animation(scene: &Scene, topology: &Topology, interfaces: &[InterfaceReport]) -> Animation {
    let last = topology.stations.len() - 1;
    let mut sightings: Vec<(f64, usize, usize)> = Vec::new();
    let start = scene
        .capture_start
        .or_else(|| scene.journeys.iter().map(|j| j.hops[0].time).min());
    let relative =
        |hop: &dropscope_core::report::HopReport| start.map_or(0.0, |s| seconds_since(s, hop.time));
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
        let direction = match hop.direction {
            dropscope_core::journey::Direction::In => "in on",
            dropscope_core::journey::Direction::Out => "out of",
            dropscope_core::journey::Direction::Unknown => "on",
        };
        let mut caption = format!(
            "frame {} · {} {} {} · {} → {}",
            hop.frame, journey.packet, direction, hop.interface_name, hop.from, hop.to
        );
        if let Some(encapsulation) = &hop.encapsulation {
            caption.push_str(&format!(
                " · inside {:?} {} → {}",
                encapsulation.kind, encapsulation.source, encapsulation.destination
            ));
        }
        steps.push(Step {
            at: clock,
            track,
            station,
            frame: hop.frame,
            time,
            gap,
            caption,
            changes: hop.changes.clone(),
        });
    }
    let name_of = |key: InterfaceKey| {
        interfaces
            .iter()
            .find(|i| i.key == key)
            .map_or_else(|| format!("if{key}"), |i| i.name.clone())
    };
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
                    expected: name_of(expected),
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
                .map(|r| r.by.clone());
            Track {
                journey: journey.id,
                label: journey.packet.clone(),
                forward,
                kind: kind_of(&journey.packet),
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

/// Where every packet is at animation time `t`.
pub fn dots_at(animation: &Animation, topology: &Topology, t: f64) -> Vec<Dot> {
    let x_of = |station: usize| topology.stations[station.min(topology.stations.len() - 1)].x;
    let mut dots = Vec::new();
    for (at, track) in animation.tracks.iter().enumerate() {
        let (Some(first), Some(last)) = (track.points.first(), track.points.last()) else {
            continue;
        };
        if t < first.at {
            continue;
        }
        if t >= last.at {
            let since = t - last.at;
            let opacity = match track.end {
                TrackEnd::Reached => 1.0 - since / LINGER,
                TrackEnd::Dropped { .. } => 1.0 - since / 1.5,
            };
            if opacity > 0.0 {
                dots.push(Dot {
                    track: at,
                    x: x_of(last.station),
                    forward: track.forward,
                    opacity,
                });
            }
            continue;
        }
        let next = track
            .points
            .iter()
            .position(|p| p.at > t)
            .unwrap_or(track.points.len() - 1);
        let (a, b) = (&track.points[next - 1], &track.points[next]);
        // Fly in the last TRAVEL seconds before the sighting; wait at the station before that.
        let leave = (b.at - TRAVEL).max(a.at);
        let progress = if t <= leave {
            0.0
        } else {
            ((t - leave) / (b.at - leave).max(1e-9)).clamp(0.0, 1.0)
        };
        let x = x_of(a.station) + (x_of(b.station) - x_of(a.station)) * progress;
        dots.push(Dot {
            track: at,
            x,
            forward: track.forward,
            opacity: 1.0,
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
    let step = animation.steps.iter().find(|s| s.frame == frame)?;
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

/// The ladder: one column per endpoint the connection's legs show, one rung per packet.
#[derive(Clone, Debug, PartialEq)]
pub struct Ladder {
    pub columns: Vec<LadderColumn>,
    pub rungs: Vec<Rung>,
    pub width: f64,
    pub height: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct LadderColumn {
    pub endpoint: String,
    pub x: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Rung {
    pub y: f64,
    pub from_x: f64,
    pub to_x: f64,
    /// Where the packet's addressing changed on the way (the NAT), with what changed.
    pub via: Option<(f64, String)>,
    pub label: String,
    pub time: f64,
    pub frames: String,
    pub kind: &'static str,
    pub dropped: bool,
}

pub const RUNG_HEIGHT: f64 = 34.0;
const LADDER_TOP: f64 = 44.0;

pub fn ladder(scene: &Scene, width: f64) -> Ladder {
    let mut endpoints: Vec<String> = Vec::new();
    let add = |endpoint: &str, endpoints: &mut Vec<String>| {
        if !endpoints.iter().any(|e| e == endpoint) {
            endpoints.push(endpoint.to_string());
        }
    };
    if let Some(connection) = &scene.connection {
        for leg in &connection.legs {
            add(&leg.from.to_string(), &mut endpoints);
            add(&leg.to.to_string(), &mut endpoints);
        }
    }
    let mut journeys: Vec<&JourneyReport> = scene.journeys.iter().collect();
    journeys.sort_by_key(|j| j.hops[0].time);
    for journey in &journeys {
        let first = &journey.hops[0];
        let last = journey.hops.last().unwrap_or(first);
        for endpoint in [&first.from, &first.to, &last.from, &last.to] {
            add(endpoint, &mut endpoints);
        }
    }
    // The client on the left.
    if let Some(client) = &scene.client {
        if let Some(at) = endpoints.iter().position(|e| e == client) {
            let client = endpoints.remove(at);
            endpoints.insert(0, client);
        }
    }
    let margin = 90.0_f64.min(width / 6.0);
    let spacing = if endpoints.len() > 1 {
        (width - 2.0 * margin) / (endpoints.len() - 1) as f64
    } else {
        0.0
    };
    let columns: Vec<LadderColumn> = endpoints
        .iter()
        .enumerate()
        .map(|(at, endpoint)| LadderColumn {
            endpoint: endpoint.clone(),
            x: margin + spacing * at as f64,
        })
        .collect();
    let x_of = |endpoint: &str| {
        columns
            .iter()
            .find(|c| c.endpoint == endpoint)
            .map_or(margin, |c| c.x)
    };
    let start = scene
        .capture_start
        .or_else(|| journeys.first().map(|j| j.hops[0].time));
    let rungs = journeys
        .iter()
        .enumerate()
        .map(|(at, journey)| {
            let first = &journey.hops[0];
            let last = journey.hops.last().unwrap_or(first);
            // A packet goes from its sender to where it was last addressed.
            let (from, to) = (&first.from, &last.to);
            let changed = journey.hops.iter().find(|h| !h.changes.is_empty());
            let via = changed.map(|hop| {
                let x = if first.to != last.to {
                    x_of(&first.to)
                } else {
                    x_of(&last.from)
                };
                (x, hop.changes.join("; "))
            });
            let frames: Vec<String> = journey.frames.iter().map(|f| f.to_string()).collect();
            Rung {
                y: LADDER_TOP + RUNG_HEIGHT * at as f64,
                from_x: x_of(from),
                to_x: x_of(to),
                via,
                label: journey.packet.clone(),
                time: start.map_or(0.0, |s| seconds_since(s, first.time)),
                frames: frames.join(", "),
                kind: kind_of(&journey.packet),
                dropped: matches!(journey.fate, Fate::EndedEarly { .. }),
            }
        })
        .collect::<Vec<_>>();
    let height = LADDER_TOP + RUNG_HEIGHT * rungs.len() as f64 + 10.0;
    Ladder {
        columns,
        rungs,
        width,
        height,
    }
}

/// The requests of a scene on a time axis, to show the retry schedule.
#[derive(Clone, Debug, PartialEq)]
pub struct RetryTimeline {
    pub marks: Vec<TimelineMark>,
    pub gaps: Vec<(f64, String)>,
    pub ticks: Vec<(f64, String)>,
    pub width: f64,
    /// Seconds from the first request to the last mark.
    pub span: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TimelineMark {
    pub x: f64,
    pub time: f64,
    pub frame: u64,
    pub label: String,
    /// A request (above the axis) or an answer (below).
    pub request: bool,
}

/// `1.0 s`, `350 ms`, `12 µs`.
pub fn duration_text(seconds: f64) -> String {
    if seconds >= 1.0 {
        format!("{seconds:.1} s")
    } else if seconds >= 0.001 {
        format!("{:.0} ms", seconds * 1e3)
    } else {
        format!("{:.0} µs", seconds * 1e6)
    }
}

pub fn retry_timeline(scene: &Scene, width: f64) -> RetryTimeline {
    let first_time = |id: &u64| {
        scene
            .journeys
            .iter()
            .find(|j| j.id == *id)
            .map(|j| (j.hops[0].time, j.frames[0], j.packet.clone()))
    };
    let requests: Vec<_> = scene.requests.iter().filter_map(first_time).collect();
    let answers: Vec<_> = scene.answers.iter().filter_map(first_time).collect();
    let Some(start) = requests.iter().map(|r| r.0).min() else {
        return RetryTimeline {
            marks: Vec::new(),
            gaps: Vec::new(),
            ticks: Vec::new(),
            width,
            span: 0.0,
        };
    };
    let mut times: Vec<(f64, u64, String, bool)> = requests
        .iter()
        .map(|(t, f, l)| (seconds_since(start, *t), *f, l.clone(), true))
        .chain(
            answers
                .iter()
                .map(|(t, f, l)| (seconds_since(start, *t), *f, l.clone(), false)),
        )
        .collect();
    times.sort_by(|a, b| a.0.total_cmp(&b.0));
    let span = times.iter().map(|t| t.0).fold(0.0_f64, f64::max).max(1e-3);
    let margin = 30.0;
    let x_of = |t: f64| margin + (width - 2.0 * margin) * (t / span);
    let marks: Vec<TimelineMark> = times
        .iter()
        .map(|(time, frame, label, request)| TimelineMark {
            x: x_of(*time),
            time: *time,
            frame: *frame,
            label: label.clone(),
            request: *request,
        })
        .collect();
    let request_marks: Vec<&TimelineMark> = marks.iter().filter(|m| m.request).collect();
    let gaps = request_marks
        .windows(2)
        .map(|w| {
            (
                (w[0].x + w[1].x) / 2.0,
                format!("+{}", duration_text(w[1].time - w[0].time)),
            )
        })
        .collect();
    // About six ticks at a round interval.
    let raw = span / 6.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    let interval = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|i| *i >= raw)
        .unwrap_or(10.0 * magnitude);
    let ticks = (0..=((span / interval).floor() as usize).min(20))
        .map(|n| {
            let t = n as f64 * interval;
            (x_of(t), duration_text(t).replace("0 µs", "0"))
        })
        .collect();
    RetryTimeline {
        marks,
        gaps,
        ticks,
        width,
        span,
    }
}

/// Height of a row of the packet list, in px.
pub const ROW_HEIGHT: f64 = 22.0;

/// Browsers cap an element's height (about 33.5 million px in Chromium): past this, the
/// scrollbar covers the rows at a coarser scale, and rows are placed relative to it.
const MAX_SPACER_PX: f64 = 30_000_000.0;

/// Rows the packet list shows at once.
pub const VISIBLE_ROWS: f64 = 18.0;

/// The scroll geometry of a list of `total` rows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scroll {
    pub total: u32,
    /// Rows per `ROW_HEIGHT` of scrollbar (1 unless the list is taller than the cap).
    pub scale: f64,
}

impl Scroll {
    pub fn of(total: u32) -> Scroll {
        Scroll {
            total,
            scale: (total as f64 * ROW_HEIGHT / MAX_SPACER_PX).max(1.0),
        }
    }

    pub fn spacer_height(self) -> f64 {
        self.total as f64 * ROW_HEIGHT / self.scale
    }

    /// The (fractional) row at the top of the viewport: the scrollbar's range maps onto the
    /// rows' range, so that its end shows the last rows.
    pub fn row_at(self, scroll_top: f64) -> f64 {
        let rows = self.total as f64 - VISIBLE_ROWS;
        let range = self.spacer_height() - VISIBLE_ROWS * ROW_HEIGHT;
        if rows <= 0.0 || range <= 0.0 {
            return scroll_top / ROW_HEIGHT;
        }
        (scroll_top * rows / range).clamp(0.0, rows)
    }

    /// Where row `at` is drawn, in the spacer's pixels.
    pub fn top_of(self, at: u32, scroll_top: f64) -> f64 {
        scroll_top + (at as f64 - self.row_at(scroll_top)) * ROW_HEIGHT
    }
}

#[cfg(test)]
mod tests;

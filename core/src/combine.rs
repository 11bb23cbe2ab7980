//! Several captures as one: the reports of captures taken at once in different places (both
//! nodes, a node and a pod inside it, the load balancer) put together. Each capture is first
//! analysed on its own, with its own host and vantage point, its ids those of its file
//! ([`crate::files`]); then:
//!
//! 1. clocks are aligned on the packets seen in two captures (the same IP identification, TCP
//!    sequence and payload, whatever NAT or a tunnel did to the addresses), or set by the user;
//! 2. those packets' journeys become one journey across the captures, its hops in time order
//!    and its fate where it was seen last;
//! 3. connections and DNS queries seen in several captures become one, with every capture's
//!    replies and resets;
//! 4. findings about the same connection from several captures become one: the most telling
//!    one (a node's view over a pod's, the place furthest along the path), with the others'
//!    evidence added under their file's name.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::analysis::{Analysis, HopReport, JourneyReport, Vantage, VantageReport};
use crate::capture::{CaptureError, Format, Timestamp};
use crate::connection::{Connection, DnsQuery};
use crate::files::{self, file_of, label_of};
use crate::i18n::Message;
use crate::report::{Report, SCHEMA_VERSION};
use crate::signatures::{Evidence, Finding};
use crate::summary::CaptureSummary;

/// Two sightings of one packet in two captures further apart than this (after alignment) are
/// different packets.
const SAME_PACKET_NANOS: i128 = 500_000_000;
/// Two captures of one interface on one host record a packet at the same moment; once their
/// clocks are aligned, copies closer than this are one sighting.
const SAME_SIGHTING_NANOS: i128 = 2_000_000;
/// Matches needed before a drift is estimated, and the span they must cover: clocks kept by
/// NTP drift by a few ppm at most, which shows only over minutes.
const DRIFT_MATCHES: usize = 20;
const DRIFT_SPAN_SECONDS: f64 = 60.0;
/// A drift is believed when it moves the clocks apart by this many times the matches' spread.
const DRIFT_OVER_SPREAD: f64 = 5.0;

/// One capture among several.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct CaptureFile {
    pub name: String,
    pub format: Option<Format>,
    pub frames: u64,
    pub packets: u64,
    pub vantage: Option<VantageReport>,
    pub error: Option<CaptureError>,
    /// Seconds added to this capture's clock to line it up with the first capture's.
    pub clock_offset: f64,
    /// How the offset was found.
    pub clock: ClockSource,
}

/// Where a capture's clock offset comes from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum ClockSource {
    /// The first capture: the others are lined up with it.
    Reference,
    /// Packets seen both here and in `with` (a capture already lined up).
    Matched {
        with: u32,
        /// Packets seen in both.
        packets: usize,
        /// How far the matches' differences spread around the offset (median absolute
        /// deviation), in milliseconds.
        spread_ms: f64,
        /// Clock drift against `with`, in parts per million, when enough matches span enough
        /// time to tell; it is corrected.
        drift_ppm: Option<f64>,
    },
    /// The user gave it.
    Given,
    /// No packet is in this capture and an aligned one: left as recorded.
    Unmatched,
}

/// The reports of several captures as one. `given` sets a capture's clock offset in seconds
/// (by index) instead of estimating it. One report comes back unchanged.
pub fn combine(mut captures: Vec<(String, Report)>, given: &HashMap<usize, f64>) -> Report {
    if captures.len() == 1 {
        let (_, report) = captures.pop().expect("one capture");
        return report;
    }
    let labels: Vec<String> = captures.iter().map(|(name, _)| label_of(name)).collect();
    let (mut reports, names): (Vec<Report>, Vec<String>) = captures
        .into_iter()
        .map(|(name, report)| (report, name))
        .unzip();

    // 1. Clocks.
    let seen: Vec<HashMap<u64, Seen>> = reports.iter().map(sightings).collect();
    let clocks = align_clocks(&reports, &seen, given);
    for (report, clock) in reports.iter_mut().zip(&clocks) {
        if let Some(shift) = clock.shift {
            shift_times(&mut report.analysis, &shift);
        }
    }
    let files: Vec<CaptureFile> = reports
        .iter()
        .zip(&names)
        .zip(&clocks)
        .map(|((report, name), clock)| {
            let capture = &report.analysis.capture;
            CaptureFile {
                name: name.clone(),
                format: capture.format,
                frames: capture.frames,
                packets: capture.packets,
                vantage: capture.vantage.clone(),
                error: capture.error.clone(),
                clock_offset: clock.shift.map_or(0.0, |s| s.offset),
                clock: clock.source.clone(),
            }
        })
        .collect();

    // 2. Journeys across captures.
    let places = Places::new(&reports, &seen, labels.clone());
    let mut journeys: Vec<JourneyReport> = Vec::new();
    for report in &mut reports {
        qualify_interfaces(&mut report.analysis, &labels);
        journeys.append(&mut report.analysis.journeys);
    }
    let (journeys, same_journey, copy_of) = join_journeys(journeys, &places);

    // 3. Connections and DNS queries.
    let mut connections: Vec<Connection> = Vec::new();
    let mut queries: Vec<DnsQuery> = Vec::new();
    let mut udp = Vec::new();
    let mut interfaces = Vec::new();
    let mut findings: Vec<Finding> = Vec::new();
    let mut journeys_total = 0;
    let mut capture = CaptureSummary::default();
    for report in reports {
        let analysis = report.analysis;
        connections.extend(analysis.connections);
        queries.extend(analysis.dns);
        udp.extend(analysis.udp);
        interfaces.extend(analysis.interfaces);
        journeys_total += analysis.journeys_total;
        add_summary(&mut capture, analysis.capture);
        findings.extend(report.findings);
    }
    for connection in &mut connections {
        renumber_connection(connection, &same_journey);
    }
    for query in &mut queries {
        for attempt in &mut query.attempts {
            attempt.journey = same(&same_journey, attempt.journey);
        }
        for answer in &mut query.answers {
            answer.journey = same(&same_journey, answer.journey);
        }
    }
    let (connections, same_connection) = join_connections(connections);
    let queries = join_queries(queries);
    capture.files = files;

    // 4. Findings.
    for finding in &mut findings {
        finding.connection = finding.connection.map(|c| same(&same_connection, c));
        for journey in &mut finding.journeys {
            *journey = same(&same_journey, *journey);
        }
        // A copy's frame is the sighting's first frame.
        for frame in finding
            .frames
            .iter_mut()
            .chain(
                finding
                    .evidence
                    .iter_mut()
                    .flat_map(|e| e.frames.iter_mut()),
            )
            .chain(finding.failure_frame.as_mut())
        {
            *frame = same(&copy_of, *frame);
        }
        for evidence in &mut finding.evidence {
            evidence.frames.sort_unstable();
            evidence.frames.dedup();
        }
    }
    let seen_at: HashMap<u64, Timestamp> = journeys
        .iter()
        .flat_map(|j| j.hops.iter().map(|h| (h.frame, h.time)))
        .collect();
    let findings = join_findings(findings, &capture.files, &labels, &seen_at);

    let mut report = Report {
        schema_version: SCHEMA_VERSION,
        analysis: Analysis {
            capture,
            interfaces,
            connections,
            dns: queries,
            udp,
            journeys,
            journeys_total,
        },
        findings,
        names: crate::names::NameBook::default(),
    };
    if !report.analysis.capture.commented_pods.is_empty() {
        report.name_with(&crate::names::Names::new());
    }
    report
}

/// A capture's clock correction: `offset` seconds, and `drift` seconds per second since
/// `since`.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Shift {
    offset: f64,
    drift: f64,
    since: Timestamp,
}

impl Shift {
    fn nanos_at(&self, time: Timestamp) -> i128 {
        let elapsed = time.nanos_since(self.since) as f64 / 1e9;
        ((self.offset + self.drift * elapsed) * 1e9) as i128
    }
}

struct Clock {
    shift: Option<Shift>,
    source: ClockSource,
}

/// When and how a capture saw a packet it kept.
#[derive(Clone, Copy)]
struct Seen {
    first: Timestamp,
    last: Timestamp,
    /// Its first sighting here was it coming in (recorded or inferred).
    entered: bool,
    /// Its last sighting here was it going out.
    left: bool,
    /// Where it was seen here (interfaces, ways, addresses, tunnel headers), hashed: two
    /// captures of one place see a packet at the same places.
    places: u64,
}

fn places_of(journey: &JourneyReport) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for hop in &journey.hops {
        (
            &hop.interface_name,
            hop.direction,
            hop.from,
            hop.to,
            hop.encapsulation,
        )
            .hash(&mut hasher);
    }
    hasher.finish()
}

/// The packets a capture saw once, by identity.
fn sightings(report: &Report) -> HashMap<u64, Seen> {
    use crate::journey::Direction;
    let mut seen: HashMap<u64, Option<Seen>> = HashMap::new();
    for journey in &report.analysis.journeys {
        let (Some(first), Some(last)) = (journey.hops.first(), journey.hops.last()) else {
            continue;
        };
        // A packet this capture saw twice (retransmitted copies share nothing else) is no
        // landmark.
        seen.entry(journey.identity)
            .and_modify(|e| *e = None)
            .or_insert(Some(Seen {
                first: first.time,
                last: last.time,
                entered: first.direction == Direction::In,
                left: last.direction == Direction::Out,
                places: places_of(journey),
            }));
    }
    seen.into_iter()
        .filter_map(|(identity, seen)| seen.map(|s| (identity, s)))
        .collect()
}

/// Which way a packet seen in two captures went.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Way {
    /// Out of the aligned capture's host, into the other's.
    Forward,
    Backward,
    /// Seen at the same places in both: the same moments, no transit between.
    SamePlaces,
    Unknown,
}

/// Lines every capture up with the first, through captures already lined up.
fn align_clocks(
    reports: &[Report],
    seen: &[HashMap<u64, Seen>],
    given: &HashMap<usize, f64>,
) -> Vec<Clock> {
    let mut clocks: Vec<Option<Clock>> = (0..reports.len()).map(|_| None).collect();
    clocks[0] = Some(Clock {
        shift: None,
        source: ClockSource::Reference,
    });
    for (&index, &offset) in given {
        if index < reports.len() {
            let since = first_time(&reports[index]);
            clocks[index] = Some(Clock {
                shift: since.map(|since| Shift {
                    offset,
                    drift: 0.0,
                    since,
                }),
                source: ClockSource::Given,
            });
        }
    }
    // Each round lines up every capture that shares packets with one already lined up.
    loop {
        let mut progress = false;
        for index in 0..reports.len() {
            if clocks[index].is_some() {
                continue;
            }
            let best = (0..reports.len())
                .filter_map(|with| {
                    let clock = clocks[with].as_ref()?;
                    let pairs = matched_pairs(&seen[with], &seen[index], clock.shift);
                    (!pairs.is_empty()).then_some((with, pairs))
                })
                .max_by_key(|(_, pairs)| pairs.len());
            if let Some((with, pairs)) = best {
                clocks[index] = Some(estimate(with as u32, &pairs));
                progress = true;
            }
        }
        if !progress {
            break;
        }
    }
    clocks
        .into_iter()
        .map(|clock| {
            clock.unwrap_or(Clock {
                shift: None,
                source: ClockSource::Unmatched,
            })
        })
        .collect()
}

fn first_time(report: &Report) -> Option<Timestamp> {
    report
        .analysis
        .journeys
        .iter()
        .filter_map(|j| j.hops.first().map(|h| h.time))
        .min()
}

/// For each packet seen in both: (its time in the aligned capture, corrected; the other
/// capture's time minus that, in seconds; which way it went). A packet that left one host and
/// entered the other is timed from where it left to where it arrived, so that the transit
/// time cancels out between the two ways (as NTP does).
fn matched_pairs(
    aligned: &HashMap<u64, Seen>,
    other: &HashMap<u64, Seen>,
    shift: Option<Shift>,
) -> Vec<(Timestamp, f64, Way)> {
    let correct = |time: Timestamp| match shift {
        Some(shift) => time.plus_nanos(shift.nanos_at(time)),
        None => time,
    };
    let mut pairs: Vec<(Timestamp, f64, Way)> = aligned
        .iter()
        .filter_map(|(identity, mine)| {
            let theirs = other.get(identity)?;
            let (at, their_time, way) = if mine.places == theirs.places {
                (correct(mine.first), theirs.first, Way::SamePlaces)
            } else if mine.left && theirs.entered {
                (correct(mine.last), theirs.first, Way::Forward)
            } else if theirs.left && mine.entered {
                (correct(mine.first), theirs.last, Way::Backward)
            } else {
                (correct(mine.first), theirs.first, Way::Unknown)
            };
            Some((at, their_time.nanos_since(at) as f64 / 1e9, way))
        })
        .collect();
    pairs.sort_by_key(|p| p.0);
    pairs
}

/// The offset (and drift, when the matches say) that lines a capture up with `with`.
fn estimate(with: u32, pairs: &[(Timestamp, f64, Way)]) -> Clock {
    // Packets seen at the same places in both time the clocks exactly: when there are
    // enough, they alone do.
    let same_places: Vec<(Timestamp, f64, Way)> = pairs
        .iter()
        .filter(|p| p.2 == Way::SamePlaces)
        .copied()
        .collect();
    let pairs = if same_places.len() >= SAME_PLACES_MINIMUM
        && same_places.len() as f64 >= SAME_PLACES_SHARE * pairs.len() as f64
    {
        &same_places[..]
    } else {
        pairs
    };
    let of_way =
        |way: Way| -> Vec<f64> { pairs.iter().filter(|p| p.2 == way).map(|p| p.1).collect() };
    let (mut forward, mut backward) = (of_way(Way::Forward), of_way(Way::Backward));
    // Both ways: the transit times cancel out. One way only: the transit stays in (it is
    // microseconds on one machine, and below a millisecond in most clusters).
    let (median, class_median) = if !forward.is_empty() && !backward.is_empty() {
        let (f, b) = (median_of(&mut forward), median_of(&mut backward));
        ((f + b) / 2.0, Some((f, b)))
    } else {
        let mut all: Vec<f64> = pairs.iter().map(|p| p.1).collect();
        (median_of(&mut all), None)
    };
    // Each difference with its way's transit taken out.
    let adjusted = |p: &(Timestamp, f64, Way)| match (class_median, p.2) {
        (Some((f, _)), Way::Forward) => p.1 - f + median,
        (Some((_, b)), Way::Backward) => p.1 - b + median,
        _ => p.1,
    };
    let pairs: Vec<(Timestamp, f64)> = pairs.iter().map(|p| (p.0, adjusted(p))).collect();
    let mut deviations: Vec<f64> = pairs.iter().map(|p| (p.1 - median).abs()).collect();
    let spread = median_of(&mut deviations);
    let since = pairs[0].0;
    let span = pairs[pairs.len() - 1].0.nanos_since(since) as f64 / 1e9;
    // A straight line through the differences (least squares) when there are enough, spread
    // over enough time, and it changes the picture by more than the spread.
    let drift = (pairs.len() >= DRIFT_MATCHES && span >= DRIFT_SPAN_SECONDS)
        .then(|| {
            let xs: Vec<f64> = pairs
                .iter()
                .map(|p| p.0.nanos_since(since) as f64 / 1e9)
                .collect();
            let mean_x = xs.iter().sum::<f64>() / xs.len() as f64;
            let mean_y = pairs.iter().map(|p| p.1).sum::<f64>() / pairs.len() as f64;
            let covariance: f64 = xs
                .iter()
                .zip(&pairs)
                .map(|(x, p)| (x - mean_x) * (p.1 - mean_y))
                .sum();
            let variance: f64 = xs.iter().map(|x| (x - mean_x).powi(2)).sum();
            (variance > 0.0).then(|| {
                (
                    covariance / variance,
                    mean_y - covariance / variance * mean_x,
                )
            })
        })
        .flatten()
        .filter(|(slope, _)| (slope * span).abs() > DRIFT_OVER_SPREAD * spread.max(1e-4));
    let (offset, drift_per_second) = match drift {
        Some((slope, intercept)) => (-intercept, -slope),
        None => (-median, 0.0),
    };
    // The other capture's times minus the aligned ones is how far its clock is ahead: take
    // that much off. Times are then shifted with the other capture's own clock as the base.
    let since_other = since.plus_nanos((-offset * 1e9) as i128);
    Clock {
        shift: Some(Shift {
            offset,
            drift: drift_per_second,
            since: since_other,
        }),
        source: ClockSource::Matched {
            with,
            packets: pairs.len(),
            spread_ms: spread * 1e3,
            drift_ppm: drift.map(|(slope, _)| slope * 1e6),
        },
    }
}

fn median_of(values: &mut [f64]) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    values.sort_by(|a, b| a.total_cmp(b));
    values[values.len() / 2]
}

/// Moves every time in the analysis by the capture's clock correction.
fn shift_times(analysis: &mut Analysis, shift: &Shift) {
    let move_time = |time: &mut Timestamp| *time = time.plus_nanos(shift.nanos_at(*time));
    for journey in &mut analysis.journeys {
        for hop in &mut journey.hops {
            move_time(&mut hop.time);
        }
    }
    for connection in &mut analysis.connections {
        for attempt in &mut connection.attempts {
            move_time(&mut attempt.time);
        }
        for error in &mut connection.icmp_errors {
            move_time(&mut error.time);
        }
    }
    for query in &mut analysis.dns {
        for attempt in &mut query.attempts {
            move_time(&mut attempt.time);
        }
        for answer in &mut query.answers {
            move_time(&mut answer.time);
        }
    }
}

/// Interface names say their capture: `node2.pcap:eth0`.
fn qualify_interfaces(analysis: &mut Analysis, labels: &[String]) {
    let label = |key| {
        labels
            .get(files::file_of_interface(key) as usize)
            .cloned()
            .unwrap_or_default()
    };
    for interface in &mut analysis.interfaces {
        interface.name = format!("{}:{}", label(interface.key), interface.name);
    }
    for journey in &mut analysis.journeys {
        for hop in &mut journey.hops {
            hop.interface_name = format!("{}:{}", label(hop.interface), hop.interface_name);
        }
    }
}

fn same(map: &HashMap<u64, u64>, id: u64) -> u64 {
    map.get(&id).copied().unwrap_or(id)
}

/// Where each capture was taken, to tell one sighting captured twice from two sightings.
struct Places {
    /// For each two captures, whether they were taken on the same host.
    same_host: Vec<Vec<bool>>,
    labels: Vec<String>,
}

/// Of the packets two captures share, the part that must have been seen at the same places
/// for the captures to be of the same host when their own addresses do not say.
const SAME_PLACES_SHARE: f64 = 0.9;
const SAME_PLACES_MINIMUM: usize = 3;

impl Places {
    /// Two captures are of the same host when they share one of its own addresses, or when
    /// nearly every packet both saw went through the same interfaces, the same ways, with
    /// the same addresses in both (another host sees a packet elsewhere, or rewritten).
    fn new(reports: &[Report], seen: &[HashMap<u64, Seen>], labels: Vec<String>) -> Places {
        let hosts: Vec<&Vec<std::net::IpAddr>> = reports
            .iter()
            .map(|r| &r.analysis.capture.host_addresses)
            .collect();
        let same_host = (0..reports.len())
            .map(|a| {
                (0..reports.len())
                    .map(|b| {
                        if a == b {
                            return true;
                        }
                        if hosts[a].iter().any(|address| hosts[b].contains(address)) {
                            return true;
                        }
                        let (mut shared, mut same_places) = (0usize, 0usize);
                        for (identity, mine) in &seen[a] {
                            if let Some(theirs) = seen[b].get(identity) {
                                shared += 1;
                                same_places += usize::from(mine.places == theirs.places);
                            }
                        }
                        same_places >= SAME_PLACES_MINIMUM
                            && same_places as f64 >= SAME_PLACES_SHARE * shared as f64
                    })
                    .collect()
            })
            .collect();
        Places { same_host, labels }
    }

    /// Whether two hops from different captures are one sighting: the same host (its own
    /// addresses shared), the same interface by name, the same packet going the same way,
    /// at the same moment. Two nodes' uplinks see the same bytes too, but they are two hosts.
    fn same_sighting(&self, a: &HopReport, b: &HopReport) -> bool {
        a.file != b.file
            && self.same_host(a.file, b.file)
            && self.bare_name(a) == self.bare_name(b)
            && a.direction == b.direction
            && a.from == b.from
            && a.to == b.to
            && a.encapsulation == b.encapsulation
            && b.time.nanos_since(a.time).abs() <= SAME_SIGHTING_NANOS
    }

    fn same_host(&self, a: u32, b: u32) -> bool {
        self.same_host
            .get(a as usize)
            .and_then(|row| row.get(b as usize))
            .copied()
            .unwrap_or(false)
    }

    /// The interface's name without its capture's label.
    fn bare_name<'h>(&self, hop: &'h HopReport) -> &'h str {
        self.labels
            .get(hop.file as usize)
            .and_then(|label| hop.interface_name.strip_prefix(label.as_str()))
            .and_then(|rest| rest.strip_prefix(':'))
            .unwrap_or(&hop.interface_name)
    }
}

/// One journey per packet: the sightings of a packet in several captures (the same identity,
/// within half a second once aligned) joined, in time order; a sighting two captures of the
/// same place both hold is one hop, the other capture's frame its copy. Returns the journeys,
/// for each journey merged into another the one it became, and for each copy its hop's frame.
fn join_journeys(
    mut journeys: Vec<JourneyReport>,
    places: &Places,
) -> (Vec<JourneyReport>, HashMap<u64, u64>, HashMap<u64, u64>) {
    journeys.sort_by_key(|j| (j.hops.first().map(|h| h.time), j.id));
    let mut by_identity: HashMap<u64, Vec<usize>> = HashMap::new();
    let mut into: HashMap<u64, u64> = HashMap::new();
    let mut copy_of: HashMap<u64, u64> = HashMap::new();
    let mut kept: Vec<JourneyReport> = Vec::with_capacity(journeys.len());
    for journey in journeys {
        let start = journey.hops.first().map(|h| h.time);
        let file = file_of(journey.id);
        // The same packet in another capture, seen close enough in time.
        let found = by_identity.get(&journey.identity).and_then(|candidates| {
            candidates.iter().copied().find(|&at| {
                let other: &JourneyReport = &kept[at];
                !other.hops.iter().any(|h| h.file == file)
                    && match (other.hops.last().map(|h| h.time), start) {
                        (Some(end), Some(start)) => {
                            start.nanos_since(end).abs() < SAME_PACKET_NANOS
                        }
                        _ => false,
                    }
            })
        });
        match found {
            Some(at) => {
                let target = &mut kept[at];
                into.insert(journey.id, target.id);
                let ended_later =
                    journey.hops.last().map(|h| h.time) >= target.hops.last().map(|h| h.time);
                for hop in journey.hops {
                    match target
                        .hops
                        .iter_mut()
                        .find(|kept| places.same_sighting(kept, &hop))
                    {
                        Some(kept) => {
                            copy_of.insert(hop.frame, kept.frame);
                            kept.copies.push(hop.frame);
                        }
                        None => target.hops.push(hop),
                    }
                }
                target.hops.sort_by_key(|h| h.time);
                target.frames = target.hops.iter().map(|h| h.frame).collect();
                target.bad_checksum |= journey.bad_checksum;
                // Its fate is where it was seen last.
                if ended_later {
                    target.fate = journey.fate;
                }
            }
            None => {
                by_identity
                    .entry(journey.identity)
                    .or_default()
                    .push(kept.len());
                kept.push(journey);
            }
        }
    }
    kept.sort_by_key(|j| j.id);
    (kept, into, copy_of)
}

fn renumber_connection(connection: &mut Connection, same_journey: &HashMap<u64, u64>) {
    for attempt in &mut connection.attempts {
        attempt.journey = same(same_journey, attempt.journey);
    }
    for reply in &mut connection.syn_acks {
        reply.journey = same(same_journey, reply.journey);
    }
    for reset in &mut connection.resets {
        reset.journey = same(same_journey, reset.journey);
    }
    for error in &mut connection.icmp_errors {
        error.journey = same(same_journey, error.journey);
    }
    for retransmission in &mut connection.retransmissions {
        for journey in &mut retransmission.journeys {
            *journey = same(same_journey, *journey);
        }
    }
}

/// One connection per connection: those that share a SYN's journey joined into the one seen
/// nearest the client (its first SYN seen first). Returns them and what each merged one
/// became.
fn join_connections(mut connections: Vec<Connection>) -> (Vec<Connection>, HashMap<u64, u64>) {
    connections.sort_by_key(|c| (c.attempts.first().map(|a| a.time), c.id));
    let mut by_syn: HashMap<u64, usize> = HashMap::new();
    let mut into: HashMap<u64, u64> = HashMap::new();
    let mut kept: Vec<Connection> = Vec::with_capacity(connections.len());
    for connection in connections {
        let found = connection
            .attempts
            .iter()
            .find_map(|a| by_syn.get(&a.journey).copied());
        match found {
            Some(at) => {
                let target = &mut kept[at];
                into.insert(connection.id, target.id);
                for attempt in connection.attempts {
                    if !target.attempts.iter().any(|a| a.journey == attempt.journey) {
                        by_syn.insert(attempt.journey, at);
                        target.attempts.push(attempt);
                    }
                }
                target.attempts.sort_by_key(|a| a.time);
                for reply in connection.syn_acks {
                    if !target.syn_acks.iter().any(|r| r.journey == reply.journey) {
                        target.syn_acks.push(reply);
                    }
                }
                for reset in connection.resets {
                    if !target.resets.iter().any(|r| r.journey == reset.journey) {
                        target.resets.push(reset);
                    }
                }
                for error in connection.icmp_errors {
                    if !target
                        .icmp_errors
                        .iter()
                        .any(|e| e.journey == error.journey)
                    {
                        target.icmp_errors.push(error);
                    }
                }
                for leg in connection.legs {
                    if !target
                        .legs
                        .iter()
                        .any(|l| l.from == leg.from && l.to == leg.to)
                    {
                        target.legs.push(leg);
                    }
                }
            }
            None => {
                for attempt in &connection.attempts {
                    by_syn.insert(attempt.journey, kept.len());
                }
                kept.push(connection);
            }
        }
    }
    kept.sort_by_key(|c| c.id);
    (kept, into)
}

/// One DNS query per query: those that share a transmission's journey joined.
fn join_queries(queries: Vec<DnsQuery>) -> Vec<DnsQuery> {
    let mut by_attempt: HashMap<u64, usize> = HashMap::new();
    let mut kept: Vec<DnsQuery> = Vec::with_capacity(queries.len());
    for query in queries {
        match query
            .attempts
            .iter()
            .find_map(|a| by_attempt.get(&a.journey).copied())
        {
            Some(at) => {
                let target = &mut kept[at];
                for answer in query.answers {
                    if !target.answers.iter().any(|a| a.journey == answer.journey) {
                        target.answers.push(answer);
                    }
                }
            }
            None => {
                for attempt in &query.attempts {
                    by_attempt.insert(attempt.journey, kept.len());
                }
                kept.push(query);
            }
        }
    }
    kept
}

/// How much a capture's vantage point can tell: a node's view says where on the node, a
/// link's or a pod's only what went in and out.
fn vantage_rank(vantage: Option<&VantageReport>) -> u8 {
    match vantage.map(|v| v.vantage) {
        Some(Vantage::NodeAllInterfaces { .. }) | Some(Vantage::NodePerInterface { .. }) => 3,
        Some(Vantage::NodeUplink { .. }) | Some(Vantage::InPath) => 2,
        Some(Vantage::Endpoint { .. }) => 1,
        _ => 0,
    }
}

/// Findings about the same connection (or the same packets) from several captures become one:
/// the most specific signature, then the most telling vantage point, then the place furthest
/// along the path; the others' evidence is added under their capture's name.
fn join_findings(
    findings: Vec<Finding>,
    files: &[CaptureFile],
    labels: &[String],
    seen_at: &HashMap<u64, Timestamp>,
) -> Vec<Finding> {
    // Findings about the same connection, or about any of the same packets, are one group.
    let mut groups: Vec<Vec<Finding>> = Vec::new();
    let mut group_of_connection: HashMap<u64, usize> = HashMap::new();
    let mut group_of_journey: HashMap<u64, usize> = HashMap::new();
    for finding in findings {
        let found = finding
            .connection
            .into_iter()
            .chain(finding.covers.iter().copied())
            .find_map(|c| group_of_connection.get(&c).copied())
            .or_else(|| {
                finding
                    .journeys
                    .iter()
                    .find_map(|j| group_of_journey.get(j).copied())
            });
        let at = found.unwrap_or_else(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        for connection in finding
            .connection
            .into_iter()
            .chain(finding.covers.iter().copied())
        {
            group_of_connection.insert(connection, at);
        }
        for &journey in &finding.journeys {
            group_of_journey.insert(journey, at);
        }
        groups[at].push(finding);
    }
    let generic = crate::signatures::is_generic;
    let file_of_finding = |f: &Finding| {
        f.failure_frame
            .or(f.frames.first().copied())
            .map_or(0, file_of)
    };
    let mut joined: Vec<Finding> = Vec::new();
    for mut group in groups {
        group.sort_by(|a, b| {
            let rank = |f: &Finding| {
                (
                    !generic(f.signature),
                    f.severity,
                    vantage_rank(
                        files
                            .get(file_of_finding(f) as usize)
                            .and_then(|c| c.vantage.as_ref()),
                    ),
                    // Where the failing packet was seen last along its way.
                    f.failure_frame
                        .and_then(|frame| seen_at.get(&frame).copied()),
                )
            };
            rank(b).cmp(&rank(a))
        });
        let mut group = group.into_iter();
        let Some(mut primary) = group.next() else {
            continue;
        };
        let primary_file = file_of_finding(&primary);
        let label = |file: u32| labels.get(file as usize).cloned().unwrap_or_default();
        primary.point_of_failure = Message::new("in-capture")
            .with("capture", label(primary_file))
            .part("what", primary.point_of_failure);
        for other in group {
            let file = file_of_finding(&other);
            if file == primary_file {
                // The same capture's own, less specific finding: the primary says it.
                continue;
            }
            for evidence in other.evidence {
                // What the primary already says, from its own capture, is not repeated.
                if primary
                    .evidence
                    .iter()
                    .any(|e| e.what.id == evidence.what.id)
                {
                    continue;
                }
                primary.frames.extend(evidence.frames.iter().copied());
                primary.evidence.push(Evidence {
                    frames: evidence.frames,
                    what: Message::new("in-capture")
                        .with("capture", label(file))
                        .part("what", evidence.what),
                });
            }
            primary.journeys.extend(other.journeys);
            // A capture of the place the other one asked for answers its question.
            if primary.next_capture.is_some()
                && vantage_rank(files.get(file as usize).and_then(|c| c.vantage.as_ref())) >= 2
            {
                primary.next_capture = None;
            }
        }
        primary.frames.sort_unstable();
        primary.frames.dedup();
        primary.journeys.sort_unstable();
        primary.journeys.dedup();
        joined.push(primary);
    }
    joined.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then(a.frames.first().cmp(&b.frames.first()))
    });
    joined
}

/// Adds a capture's summary into the combined one.
fn add_summary(total: &mut CaptureSummary, capture: CaptureSummary) {
    total.format = total.format.or(capture.format);
    total.bytes += capture.bytes;
    total.frames += capture.frames;
    total.packets += capture.packets;
    for (link, packets) in capture.link_types {
        *total.link_types.entry(link).or_default() += packets;
    }
    total.interfaces.extend(capture.interfaces);
    total.bad_checksums += capture.bad_checksums;
    total.offloaded_checksums += capture.offloaded_checksums;
    total.error = total.error.take().or(capture.error);
    total.warnings.extend(capture.warnings);
    total.decode_stops.extend(capture.decode_stops);
    total.decode_stops_total += capture.decode_stops_total;
    total.reordered += capture.reordered;
    total.late_frames.extend(capture.late_frames);
    total.late_total += capture.late_total;
    total.host_addresses.extend(capture.host_addresses);
    for pod in capture.commented_pods {
        if !total
            .commented_pods
            .iter()
            .any(|p| p.address == pod.address)
        {
            total.commented_pods.push(pod);
        }
    }
}

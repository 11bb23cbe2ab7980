//! The worker's side of a loaded capture: it keeps the report and the packet index and answers
//! the page's requests. Plain Rust with the file behind a `read` callback, so it is tested
//! natively over the example captures.

use dropscope_core::analysis::JourneyReport;
use dropscope_core::analyzer::{AnalyzeOptions, Analyzer};
use std::collections::HashMap;

use dropscope_core::capture::Timestamp;
use dropscope_core::combine::combine;
use dropscope_core::connection::{Connection, Outcome, Side};
use dropscope_core::decode::decode;
use dropscope_core::files;
use dropscope_core::i18n::Message;
use dropscope_core::names::Names;
use dropscope_core::packets::{describe, seconds_since, PacketFilter, PacketIndex, PacketRow};
use dropscope_core::report::Report;
use dropscope_core::words;

use crate::protocol::{
    ConnectionSummary, ExportFormat, Overview, PacketDetail, ResetNote, Row, RowsPage, Scene,
    Selection,
};

/// Bytes read from the file at a time: big enough to keep the per-slice cost small, small
/// enough that the worker never holds much of the file.
pub const SLICE_BYTES: u64 = 4 * 1024 * 1024;

/// Connections listed in an overview; the rest are counted.
pub const MAX_LISTED_CONNECTIONS: usize = 2_000;

/// Journeys in one scene, at most.
pub const MAX_SCENE_JOURNEYS: usize = 300;

/// Rows served per request, at most.
pub const MAX_ROWS_PER_PAGE: u32 = 500;

/// Packets written when the packet list's current filter is exported: a file Wireshark opens
/// at once, not the whole capture again.
pub const MAX_EXPORTED: usize = 200_000;

/// Reads `len` bytes at `offset` of capture `file` (an index among the captures opened).
pub type Read<'a> = dyn FnMut(u32, u64, usize) -> Result<Vec<u8>, String> + 'a;

/// A filter's text and scope: what the cached matches were computed for.
type FilterKey = (String, Option<Selection>);

/// One of the captures a session holds: its packet index, and how far its clock is from the
/// first capture's.
struct CaptureIndex {
    index: PacketIndex,
    clock_offset_nanos: i128,
}

/// A packet of the list: which capture, which row of its index.
type RowAt = (u32, u32);

pub struct Session {
    name: String,
    report: Report,
    captures: Vec<CaptureIndex>,
    capture_start: Option<Timestamp>,
    /// The last filter's matches (in time order across the captures), so that scrolling does
    /// not filter again.
    cached: Option<(FilterKey, Vec<RowAt>)>,
}

/// Analyses captures, each of `size` bytes, slice by slice, then as one (several captures of
/// one failure: both nodes, a pod and its node). `progress` gets the bytes and frames read so
/// far over all of them.
pub fn analyse(
    files: &[(String, u64)],
    read: &mut Read<'_>,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<Session, String> {
    analyse_named(files, &Names::new(), &HashMap::new(), read, progress)
}

/// Reads one capture through an analyzer; `done` is what earlier captures read (for progress).
fn read_capture(
    file: u32,
    (name, size): (&str, u64),
    options: AnalyzeOptions,
    read: &mut Read<'_>,
    progress: &mut dyn FnMut(u64, u64),
    done: (u64, u64),
) -> Result<(Report, PacketIndex), String> {
    let mut analyzer = Analyzer::new(options);
    let mut offset = 0;
    while offset < size {
        let len = SLICE_BYTES.min(size - offset) as usize;
        let bytes = read(file, offset, len).map_err(|e| {
            Message::new("ui-read-failed")
                .with("start", offset)
                .with("end", offset + len as u64)
                .with("name", name)
                .with("error", e)
                .to_string()
        })?;
        analyzer.push(&bytes);
        offset += len as u64;
        progress(done.0 + offset, done.1 + analyzer.frames());
    }
    let (report, index) = analyzer.finish_indexed();
    Ok((report, index.unwrap_or_default()))
}

/// [`analyse`] with the cluster's names: a capture whose node's `ip link` is among them is read
/// again with its interfaces named (names decide roles), and addresses are named everywhere.
pub fn analyse_named(
    files: &[(String, u64)],
    names: &Names,
    clocks: &HashMap<usize, f64>,
    read: &mut Read<'_>,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<Session, String> {
    let mut reports = Vec::with_capacity(files.len());
    let mut indexes = Vec::with_capacity(files.len());
    let (mut bytes_done, mut frames_done) = (0, 0);
    for (file, (name, size)) in files.iter().enumerate() {
        let options = AnalyzeOptions {
            index_packets: true,
            file: file as u32,
            ..AnalyzeOptions::default()
        };
        let done = (bytes_done, frames_done);
        let (mut report, mut index) = read_capture(
            file as u32,
            (name, *size),
            options.clone(),
            read,
            progress,
            done,
        )?;
        if !names.is_empty() {
            let interface_names = dropscope_core::report::interface_names(&report, names);
            if !interface_names.is_empty() {
                (report, index) = read_capture(
                    file as u32,
                    (name, *size),
                    AnalyzeOptions {
                        interface_names,
                        ..options
                    },
                    read,
                    progress,
                    done,
                )?;
            }
        }
        bytes_done += size;
        frames_done += report.analysis.capture.frames;
        reports.push((name.clone(), report));
        indexes.push(index);
    }
    let name = files
        .iter()
        .map(|(name, _)| name.as_str())
        .collect::<Vec<_>>()
        .join(" + ");
    let mut report = combine(reports, clocks);
    if !names.is_empty() {
        report.name_with(names);
    }
    Ok(Session::new(name, report, indexes))
}

impl Session {
    pub fn new(name: String, report: Report, indexes: Vec<PacketIndex>) -> Session {
        let offsets: Vec<i128> = (0..indexes.len())
            .map(|file| {
                report
                    .analysis
                    .capture
                    .files
                    .get(file)
                    .map_or(0, |f| (f.clock_offset * 1e9) as i128)
            })
            .collect();
        let captures: Vec<CaptureIndex> = indexes
            .into_iter()
            .zip(offsets)
            .map(|(index, clock_offset_nanos)| CaptureIndex {
                index,
                clock_offset_nanos,
            })
            .collect();
        let capture_start = captures
            .iter()
            .filter_map(|c| {
                let first = c.index.rows().iter().filter_map(|r| r.time).min()?;
                Some(first.plus_nanos(c.clock_offset_nanos))
            })
            .min();
        Session {
            name,
            report,
            captures,
            capture_start,
            cached: None,
        }
    }

    /// A packet's time on the first capture's clock.
    fn aligned(&self, file: u32, time: Option<Timestamp>) -> Option<Timestamp> {
        let offset = self.captures.get(file as usize)?.clock_offset_nanos;
        time.map(|t| t.plus_nanos(offset))
    }

    /// The names of the captures, as frames show them (`node2.pcap #12`); empty for one.
    pub fn labels(&self) -> Vec<String> {
        self.report
            .analysis
            .capture
            .files
            .iter()
            .map(|f| files::label_of(&f.name))
            .collect()
    }

    pub fn report(&self) -> &Report {
        &self.report
    }

    pub fn overview(&self, elapsed_ms: f64) -> Overview {
        let in_findings: Vec<u64> = self
            .report
            .findings
            .iter()
            .filter_map(|f| f.connection)
            .collect();
        let mut connections: Vec<&Connection> = self.report.analysis.connections.iter().collect();
        // Those a finding names, then the failed, then by first sighting.
        connections.sort_by_key(|c| {
            (
                !in_findings.contains(&c.id),
                c.outcome == Outcome::Established,
                c.first_frame,
            )
        });
        Overview {
            name: self.name.clone(),
            capture: self.report.analysis.capture.clone(),
            interfaces: self.report.analysis.interfaces.clone(),
            findings: self.report.findings.clone(),
            connections: connections
                .into_iter()
                .take(MAX_LISTED_CONNECTIONS)
                .map(|c| ConnectionSummary {
                    id: c.id,
                    client: c.client,
                    server: c.server,
                    outcome: c.outcome,
                    attempts: c.attempts.len(),
                    resets: c.resets.len(),
                    time_to_connect: c.time_to_connect,
                    first_frame: c.first_frame,
                })
                .collect(),
            connections_total: self.report.analysis.connections.len(),
            dns_total: self.report.analysis.dns.len(),
            journeys_total: self.report.analysis.journeys_total,
            elapsed_ms,
            worker_memory: 0,
            names: self.report.names.clone(),
            names_problems: Vec::new(),
        }
    }

    fn journey(&self, id: u64) -> Option<&JourneyReport> {
        self.report.analysis.journey(id)
    }

    fn connection(&self, id: u64) -> Option<&Connection> {
        self.report.analysis.connection(id)
    }

    /// The journeys, requests and answers of one finding or connection.
    pub fn scene(&self, selection: Selection) -> Result<Scene, String> {
        let mut scene = Scene {
            selection,
            title: String::new(),
            connection: None,
            journeys: Vec::new(),
            requests: Vec::new(),
            answers: Vec::new(),
            resets: Vec::new(),
            failure_frame: None,
            point_of_failure: None,
            client: None,
            server: None,
            capture_start: self.capture_start,
            omitted: 0,
            host: match self.report.analysis.vantage() {
                dropscope_core::analysis::Vantage::Endpoint { address } => Some(address),
                _ => None,
            },
        };
        let mut ids: Vec<u64> = Vec::new();
        let connection = match selection {
            Selection::Finding(at) => {
                let finding = self
                    .report
                    .findings
                    .get(at)
                    .ok_or_else(|| format!("there is no finding {at}"))?;
                scene.title = format!("{}: {}", finding.signature, finding.summary);
                scene.failure_frame = finding.failure_frame;
                scene.point_of_failure = Some(finding.point_of_failure.to_string());
                ids.extend(&finding.journeys);
                finding.connection.and_then(|id| self.connection(id))
            }
            Selection::Connection(id) => {
                let connection = self
                    .connection(id)
                    .ok_or_else(|| format!("there is no connection {id}"))?;
                scene.title = Message::new("scene-connection")
                    .with("client", connection.client)
                    .with("server", connection.server)
                    .with("outcome", connection.outcome)
                    .to_string();
                Some(connection)
            }
        };
        if let Some(connection) = connection {
            scene.requests = connection.attempts.iter().map(|a| a.journey).collect();
            scene.answers = connection.syn_acks.iter().map(|r| r.journey).collect();
            for reset in &connection.resets {
                scene.resets.push(ResetNote {
                    journey: reset.journey,
                    by: reset.by,
                    from: reset.from,
                });
                if reset.by == Side::Server {
                    scene.answers.push(reset.journey);
                }
            }
            ids.extend(&scene.requests);
            ids.extend(connection.syn_acks.iter().map(|r| r.journey));
            ids.extend(connection.resets.iter().map(|r| r.journey));
            ids.extend(connection.icmp_errors.iter().map(|e| e.journey));
            scene.client = Some(connection.client);
            scene.server = Some(connection.server);
            scene.connection = Some(connection.clone());
        } else {
            // DNS: the queries and answers the finding names.
            for query in self.report.analysis.dns.iter().filter(|q| {
                q.attempts.iter().any(|a| ids.contains(&a.journey))
                    || q.answers.iter().any(|a| ids.contains(&a.journey))
            }) {
                scene
                    .requests
                    .extend(query.attempts.iter().map(|a| a.journey));
                scene
                    .answers
                    .extend(query.answers.iter().map(|a| a.journey));
                scene.client.get_or_insert(query.client);
                scene.server.get_or_insert(query.server);
            }
            ids.extend(scene.requests.clone());
            ids.extend(scene.answers.clone());
        }
        ids.sort_unstable();
        ids.dedup();
        // A connection retried thousands of times is not watchable packet by packet: play the
        // first ones, and the one where it failed.
        if ids.len() > MAX_SCENE_JOURNEYS {
            let failing = scene.failure_frame.and_then(|frame| {
                ids.iter()
                    .copied()
                    .find(|&id| self.journey(id).is_some_and(|j| j.frames.contains(&frame)))
            });
            scene.omitted = ids.len() - MAX_SCENE_JOURNEYS;
            ids.truncate(MAX_SCENE_JOURNEYS);
            if let Some(failing) = failing.filter(|f| !ids.contains(f)) {
                ids.pop();
                ids.push(failing);
            }
        }
        scene.journeys = ids
            .iter()
            .filter_map(|&id| self.journey(id).cloned())
            .collect();
        if scene.client.is_none() {
            if let Some(first) = scene.journeys.first() {
                scene.client = Some(first.first_hop().from);
                scene.server = Some(first.first_hop().to);
            }
        }
        Ok(scene)
    }

    /// The filter a selection stands for: a connection's legs, or a finding's frames.
    fn scope_filter(&self, scope: Selection) -> PacketFilter {
        let connection = match scope {
            Selection::Connection(id) => self.connection(id),
            Selection::Finding(at) => self
                .report
                .findings
                .get(at)
                .and_then(|f| f.connection)
                .and_then(|id| self.connection(id)),
        };
        match (connection, scope) {
            (Some(connection), _) => PacketFilter {
                endpoint_pairs: connection.legs.iter().map(|l| (l.from, l.to)).collect(),
                ..PacketFilter::default()
            },
            (None, Selection::Finding(at)) => {
                let finding = &self.report.findings[at];
                let mut frames: Vec<u64> = finding.frames.clone();
                for id in &finding.journeys {
                    if let Some(journey) = self.journey(*id) {
                        frames.extend(&journey.frames);
                    }
                }
                frames.sort_unstable();
                frames.dedup();
                PacketFilter {
                    frames,
                    ..PacketFilter::default()
                }
            }
            (None, Selection::Connection(_)) => PacketFilter {
                // An unknown connection keeps nothing.
                frames: vec![0],
                ..PacketFilter::default()
            },
        }
    }

    fn interface_key_named(&self, name: &str) -> Option<u32> {
        self.report
            .analysis
            .interfaces
            .iter()
            .find(|i| i.name == name)
            .map(|i| i.key)
    }

    /// A page of the packet list.
    pub fn rows(
        &mut self,
        text: &str,
        scope: Option<Selection>,
        start: u32,
        count: u32,
        read: &mut Read<'_>,
    ) -> RowsPage {
        if let Err(error) = self.filter(text, scope) {
            return RowsPage {
                start: 0,
                total: 0,
                rows: Vec::new(),
                error: Some(error),
            };
        }
        let matching = &self.cached.as_ref().expect("filled by filter").1;
        let total = matching.len() as u32;
        let start = start.min(total);
        let end = start
            .saturating_add(count.min(MAX_ROWS_PER_PAGE))
            .min(total);
        let rows = matching[start as usize..end as usize]
            .iter()
            .map(|&(file, at)| (file, self.captures[file as usize].index.rows()[at as usize]))
            .collect::<Vec<_>>()
            .into_iter()
            .map(|(file, row)| self.row(file, &row, read))
            .collect();
        RowsPage {
            start,
            total,
            rows,
            error: None,
        }
    }

    /// The packets the list shows for a filter and scope, from every capture, as pcapng: the
    /// filter is the section's comment. At most `MAX_EXPORTED` packets, the first in time.
    pub fn filtered_pcapng(
        &mut self,
        text: &str,
        scope: Option<Selection>,
        read: &mut Read<'_>,
    ) -> Result<(String, Vec<u8>), String> {
        self.filter(text, scope)?;
        let frames: Vec<u64> = self
            .cached
            .as_ref()
            .expect("filled by filter")
            .1
            .iter()
            .take(MAX_EXPORTED)
            .map(|&(file, at)| self.captures[file as usize].index.rows()[at as usize].frame)
            .collect();
        let comment = Message::new("export-filtered-comment")
            .with("filter", text.trim())
            .with("count", frames.len())
            .to_string();
        let bytes = self.pcapng_of(&frames, &[comment], &std::collections::HashMap::new(), read)?;
        Ok((
            format!("{}.filtered.pcapng", self.name.trim_end_matches(".pcap")),
            bytes,
        ))
    }

    /// Fills the cache with the rows matching `text` within `scope` (in time order across the
    /// captures), unless it holds them already.
    fn filter(&mut self, text: &str, scope: Option<Selection>) -> Result<(), String> {
        let key = (text.trim().to_string(), scope);
        let fresh = self.cached.as_ref().is_none_or(|(k, _)| k != &key);
        if fresh {
            let mut filter = PacketFilter::parse(text, |n| self.interface_key_named(n))?;
            if let Some(scope) = scope {
                let scope = self.scope_filter(scope);
                filter.endpoint_pairs = scope.endpoint_pairs;
                if !scope.frames.is_empty() {
                    let wanted: Vec<u64> = if filter.frames.is_empty() {
                        scope.frames
                    } else {
                        filter
                            .frames
                            .iter()
                            .copied()
                            .filter(|f| scope.frames.binary_search(f).is_ok())
                            .collect()
                    };
                    // Frames are numbered from 1: frame 0 keeps nothing.
                    filter.frames = if wanted.is_empty() { vec![0] } else { wanted };
                }
            }
            let mut matching: Vec<RowAt> = Vec::new();
            for (file, capture) in self.captures.iter().enumerate() {
                // Interfaces are named across captures; each index knows its own keys.
                let mut own = filter.clone();
                if !filter.interfaces.is_empty() {
                    own.interfaces = filter
                        .interfaces
                        .iter()
                        .filter(|&&key| files::file_of_interface(key) == file as u32)
                        .map(|&key| files::interface_index(key))
                        .collect();
                    if own.interfaces.is_empty() {
                        continue;
                    }
                }
                matching.extend(
                    capture
                        .index
                        .matching(&own)
                        .into_iter()
                        .map(|at| (file as u32, at)),
                );
            }
            // Several captures: one list in time order, on the first capture's clock.
            if self.captures.len() > 1 {
                matching.sort_by_key(|&(file, at)| {
                    let row = &self.captures[file as usize].index.rows()[at as usize];
                    (self.aligned(file, row.time), file, at)
                });
            }
            self.cached = Some((key, matching));
        }
        Ok(())
    }

    fn relative(&self, time: Option<Timestamp>) -> Option<f64> {
        Some(seconds_since(self.capture_start?, time?))
    }

    fn row(&self, file: u32, row: &PacketRow, read: &mut Read<'_>) -> Row {
        let interface = self
            .report
            .analysis
            .interface_name(files::interface_key(file, row.interface));
        let index = &self.captures[file as usize].index;
        let mut view = Row {
            frame: row.frame,
            time: self.relative(self.aligned(file, row.time)),
            interface,
            direction: row.direction,
            protocol: String::new(),
            source: index
                .source(row)
                .map(|a| dropscope_core::names::address_label(a, None))
                .unwrap_or_default(),
            destination: index
                .destination(row)
                .map(|a| dropscope_core::names::address_label(a, None))
                .unwrap_or_default(),
            length: row.original,
            info: String::new(),
        };
        match read(file, row.data_offset, row.captured as usize) {
            Ok(bytes) => {
                let description = describe(&decode(&row.frame(&bytes)));
                view.protocol = description.protocol;
                view.info = description.info;
            }
            Err(error) => view.info = format!("(could not read this packet again: {error})"),
        }
        view
    }

    pub fn detail(&self, frame: u64, read: &mut Read<'_>) -> Result<PacketDetail, String> {
        let file = files::file_of(frame);
        let row = self
            .captures
            .get(file as usize)
            .and_then(|c| c.index.row_of_frame(frame))
            .ok_or_else(|| format!("frame {frame} is not a packet of this capture"))?;
        let bytes = read(file, row.data_offset, row.captured as usize)?;
        let description = describe(&decode(&row.frame(&bytes)));
        let interface_key = files::interface_key(file, row.interface);
        Ok(PacketDetail {
            frame,
            interface: self.report.analysis.interface_name(interface_key),
            interface_key,
            time: self.relative(self.aligned(file, row.time)),
            captured: row.captured,
            original: row.original,
            file_offset: row.data_offset,
            description,
            bytes,
        })
    }

    /// The packets of a finding or a connection, from every capture they were seen in, as
    /// pcapng (in time order, named interfaces, the finding's words as comments).
    pub fn evidence(
        &self,
        selection: Selection,
        read: &mut Read<'_>,
    ) -> Result<(String, Vec<u8>), String> {
        use dropscope_core::export::{of_connection, of_finding};
        let (chosen, name) = match selection {
            Selection::Finding(at) => (
                of_finding(&self.report, at),
                self.report
                    .findings
                    .get(at)
                    .map_or("finding".to_string(), |f| f.signature.to_string()),
            ),
            Selection::Connection(id) => (
                of_connection(&self.report, id),
                format!("connection-{}", files::frame_number(id)),
            ),
        };
        let chosen = chosen.ok_or_else(|| format!("there is no {selection:?}"))?;
        let bytes = self.pcapng_of(&chosen.frames, &chosen.comments, &chosen.notes, read)?;
        Ok((format!("{name}.evidence.pcapng"), bytes))
    }

    /// `frames` (ids, from any capture) as pcapng, on the first capture's clock, with
    /// `comments` for the section and `notes` for single packets.
    fn pcapng_of(
        &self,
        frames: &[u64],
        comments: &[String],
        notes: &std::collections::HashMap<u64, Vec<String>>,
        read: &mut Read<'_>,
    ) -> Result<Vec<u8>, String> {
        use dropscope_core::export::{evidence_pcapng, EvidencePacket};
        let mut packets = Vec::with_capacity(frames.len());
        for &frame in frames {
            let file = files::file_of(frame);
            let Some(row) = self
                .captures
                .get(file as usize)
                .and_then(|c| c.index.row_of_frame(frame))
            else {
                continue;
            };
            let data = read(file, row.data_offset, row.captured as usize)?;
            packets.push(EvidencePacket {
                frame,
                time: self.aligned(file, row.time),
                link_type: row.link_type.0,
                interface: self
                    .report
                    .analysis
                    .interface_name(files::interface_key(file, row.interface)),
                data,
                original_len: row.original,
                direction: row.direction,
            });
        }
        Ok(evidence_pcapng(comments, packets, &|frame| {
            notes.get(&frame).cloned().unwrap_or_default()
        }))
    }

    pub fn export(&self, format: ExportFormat) -> String {
        match format {
            ExportFormat::Json => serde_json::to_string_pretty(&self.report)
                .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}")),
            ExportFormat::Markdown => words::markdown(&self.name, &self.report),
        }
    }
}

#[cfg(test)]
mod tests;

//! The worker's side of a loaded capture: it keeps the report and the packet index and answers
//! the page's requests. Plain Rust with the file behind a `read` callback, so it is tested
//! natively over the example captures.

use dropscope_core::analysis::JourneyReport;
use dropscope_core::analyzer::{AnalyzeOptions, Analyzer};
use dropscope_core::capture::Timestamp;
use dropscope_core::connection::{Connection, Outcome, Side};
use dropscope_core::decode::decode;
use dropscope_core::i18n::Message;
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

/// Reads `len` bytes at `offset` of the capture.
pub type Read<'a> = dyn FnMut(u64, usize) -> Result<Vec<u8>, String> + 'a;

/// A filter's text and scope: what the cached matches were computed for.
type FilterKey = (String, Option<Selection>);

pub struct Session {
    name: String,
    report: Report,
    index: PacketIndex,
    capture_start: Option<Timestamp>,
    /// The last filter's matches, so that scrolling does not filter again.
    cached: Option<(FilterKey, Vec<u32>)>,
}

/// Analyses a capture of `size` bytes, slice by slice.
pub fn analyse(
    name: &str,
    size: u64,
    read: &mut Read<'_>,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<Session, String> {
    let mut analyzer = Analyzer::new(AnalyzeOptions {
        index_packets: true,
        ..AnalyzeOptions::default()
    });
    let mut offset = 0;
    while offset < size {
        let len = SLICE_BYTES.min(size - offset) as usize;
        let bytes = read(offset, len).map_err(|e| {
            Message::new("ui-read-failed")
                .with("start", offset)
                .with("end", offset + len as u64)
                .with("name", name)
                .with("error", e)
                .to_string()
        })?;
        analyzer.push(&bytes);
        offset += len as u64;
        progress(offset, analyzer.frames());
    }
    let (report, index) = analyzer.finish_indexed();
    Ok(Session::new(
        name.to_string(),
        report,
        index.unwrap_or_default(),
    ))
}

impl Session {
    pub fn new(name: String, report: Report, index: PacketIndex) -> Session {
        let capture_start = index.rows().iter().filter_map(|r| r.time).min();
        Session {
            name,
            report,
            index,
            capture_start,
            cached: None,
        }
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
        let key = (text.trim().to_string(), scope);
        let fresh = self.cached.as_ref().is_none_or(|(k, _)| k != &key);
        if fresh {
            let mut filter = match PacketFilter::parse(text, |n| self.interface_key_named(n)) {
                Ok(filter) => filter,
                Err(error) => {
                    return RowsPage {
                        start: 0,
                        total: 0,
                        rows: Vec::new(),
                        error: Some(error),
                    }
                }
            };
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
            let matching = self.index.matching(&filter);
            self.cached = Some((key, matching));
        }
        let matching = &self.cached.as_ref().expect("filled above").1;
        let total = matching.len() as u32;
        let start = start.min(total);
        let end = start
            .saturating_add(count.min(MAX_ROWS_PER_PAGE))
            .min(total);
        let rows = matching[start as usize..end as usize]
            .iter()
            .map(|&at| self.index.rows()[at as usize])
            .collect::<Vec<_>>()
            .into_iter()
            .map(|row| self.row(&row, read))
            .collect();
        RowsPage {
            start,
            total,
            rows,
            error: None,
        }
    }

    fn relative(&self, time: Option<Timestamp>) -> Option<f64> {
        Some(seconds_since(self.capture_start?, time?))
    }

    fn row(&self, row: &PacketRow, read: &mut Read<'_>) -> Row {
        let interface = self.report.analysis.interface_name(row.interface);
        let mut view = Row {
            frame: row.frame,
            time: self.relative(row.time),
            interface,
            direction: row.direction,
            protocol: String::new(),
            source: self
                .index
                .source(row)
                .map(|a| a.to_string())
                .unwrap_or_default(),
            destination: self
                .index
                .destination(row)
                .map(|a| a.to_string())
                .unwrap_or_default(),
            length: row.original,
            info: String::new(),
        };
        match read(row.data_offset, row.captured as usize) {
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
        let row = self
            .index
            .row_of_frame(frame)
            .ok_or_else(|| format!("frame {frame} is not a packet of this capture"))?;
        let bytes = read(row.data_offset, row.captured as usize)?;
        let description = describe(&decode(&row.frame(&bytes)));
        Ok(PacketDetail {
            frame,
            interface: self.report.analysis.interface_name(row.interface),
            interface_key: row.interface,
            time: self.relative(row.time),
            captured: row.captured,
            original: row.original,
            file_offset: row.data_offset,
            description,
            bytes,
        })
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

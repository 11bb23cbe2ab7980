//! Reading one text: which format each line belongs to, what is kept, and what is reported.
//! A text may hold several outputs one after another (`ip -o link` then `ip -o addr`, or the
//! tables of `kubectl get pods,svc`): each kubectl header opens a table, each numbered
//! interface line an iproute2 listing.

use super::ip::IpReader;
use super::kubectl::Table;
use super::table::Header;
use super::text::{excerpt, numbered_lines};
use super::{
    Entries, LineProblem, NamesFormat, NamesReport, ProblemReason, MAX_ENTRIES,
    MAX_INTERFACE_TABLES, MAX_LISTED_PROBLEMS,
};

/// The kinds of entry kept, each capped over all texts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Entry {
    Pod,
    Service,
    EndpointAddress,
    Node,
    Interface,
    InterfaceAddress,
    InterfaceTable,
}

impl Entry {
    /// Every kind, in the order of their declaration: each one's place in `Reading::counts`.
    const ALL: [Entry; 7] = [
        Entry::Pod,
        Entry::Service,
        Entry::EndpointAddress,
        Entry::Node,
        Entry::Interface,
        Entry::InterfaceAddress,
        Entry::InterfaceTable,
    ];

    /// How many are kept already.
    fn kept(self, entries: &Entries) -> usize {
        let tables = &entries.tables;
        match self {
            Entry::Pod => entries.pods.len(),
            Entry::Service => entries.services.len(),
            Entry::EndpointAddress => entries.endpoints.iter().map(|e| e.addresses.len()).sum(),
            Entry::Node => entries.nodes.len(),
            Entry::Interface => tables.iter().map(|t| t.interfaces.len()).sum(),
            Entry::InterfaceAddress => tables.iter().map(|t| t.addresses.len()).sum(),
            Entry::InterfaceTable => tables.len(),
        }
    }

    fn limit(self) -> usize {
        match self {
            Entry::InterfaceTable => MAX_INTERFACE_TABLES,
            _ => MAX_ENTRIES,
        }
    }
}

/// One text being read into the names.
pub(super) struct Reading<'n> {
    pub(super) entries: &'n mut Entries,
    report: NamesReport,
    /// Entries of each kind kept so far, and whether the cap was already reported.
    counts: [usize; Entry::ALL.len()],
    full: [bool; Entry::ALL.len()],
}

impl<'n> Reading<'n> {
    fn new(entries: &'n mut Entries, source: &str) -> Reading<'n> {
        let counts = Entry::ALL.map(|entry| entry.kept(entries));
        let report = NamesReport {
            source: source.to_string(),
            formats: Vec::new(),
            accepted: 0,
            problems: Vec::new(),
            unlisted_problems: 0,
        };
        Reading {
            entries,
            report,
            counts,
            full: [false; Entry::ALL.len()],
        }
    }

    pub(super) fn problem(&mut self, line: usize, text: &str, reason: ProblemReason) {
        if self.report.problems.len() < MAX_LISTED_PROBLEMS {
            let text = excerpt(text);
            self.report
                .problems
                .push(LineProblem { line, text, reason });
        } else {
            self.report.unlisted_problems += 1;
        }
    }

    pub(super) fn read_as(&mut self, format: NamesFormat) {
        if !self.report.formats.contains(&format) {
            self.report.formats.push(format);
        }
    }

    /// A row, interface or address was read.
    pub(super) fn accept(&mut self) {
        self.report.accepted += 1;
    }

    /// Whether one more entry of a kind may be kept; counts it if so. The first one refused is
    /// reported, the others only dropped.
    pub(super) fn room(&mut self, entry: Entry, line: usize, text: &str) -> bool {
        let kind = entry as usize;
        let (Some(count), Some(full)) = (self.counts.get_mut(kind), self.full.get_mut(kind)) else {
            return false;
        };
        let limit = entry.limit();
        if *count < limit {
            *count += 1;
            return true;
        }
        if !*full {
            *full = true;
            self.problem(line, text, ProblemReason::TooManyEntries { limit });
        }
        false
    }
}

/// What each line is read as, between lines.
enum Section {
    /// No format seen yet: a line that opens none is not understood.
    Start,
    /// A kubectl table whose rows are skipped (reported once, at its header).
    Skipped,
    Kubectl(Table),
    Ip(IpReader),
}

/// Reads `text` into `entries` and says what it was and what could not be read.
pub(super) fn read_text(entries: &mut Entries, source: &str, text: &str) -> NamesReport {
    let mut reading = Reading::new(entries, source);
    let mut section = Section::Start;
    let mut first_line = None;
    for (number, line) in numbered_lines(text) {
        if line.trim().is_empty() {
            continue;
        }
        first_line.get_or_insert((number, line));
        if let Some(header) = Header::parse(line) {
            finish(&mut reading, section);
            section = match Table::open(&mut reading, number, line, header) {
                Some(table) => Section::Kubectl(table),
                None => Section::Skipped,
            };
            continue;
        }
        if IpReader::opens_interface(line) && !matches!(section, Section::Ip(_)) {
            finish(&mut reading, section);
            section = Section::Ip(IpReader::default());
        }
        match &mut section {
            Section::Ip(ip) => ip.read_line(&mut reading, number, line),
            Section::Kubectl(table) => table.read_row(&mut reading, number, line),
            Section::Start => reading.problem(number, line, ProblemReason::UnrecognizedLine),
            Section::Skipped => {}
        }
    }
    finish(&mut reading, section);
    let mut report = reading.report;
    match first_line {
        None => {
            report.problems = vec![LineProblem {
                line: 0,
                text: String::new(),
                reason: ProblemReason::Empty,
            }];
        }
        // Nothing recognised at all: one problem for the text, not one per line.
        Some((number, line))
            if report.formats.is_empty()
                && report.accepted == 0
                && (report.problems.iter())
                    .all(|problem| problem.reason == ProblemReason::UnrecognizedLine) =>
        {
            report.problems = vec![LineProblem {
                line: number,
                text: excerpt(line),
                reason: ProblemReason::UnknownFormat,
            }];
            report.unlisted_problems = 0;
        }
        Some(_) => {}
    }
    report
}

fn finish(reading: &mut Reading, section: Section) {
    if let Section::Ip(ip) = section {
        ip.finish(reading);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_of_entry_has_its_own_count() {
        for (at, entry) in Entry::ALL.iter().enumerate() {
            assert_eq!(*entry as usize, at, "{entry:?}");
        }
    }
}

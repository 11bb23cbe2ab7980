//! The messages between the page and its analysis worker.
//!
//! The worker owns the capture (a `File` handle it reads in slices), the report and the packet
//! index; the page asks it for what it shows: an overview, the packets of one scene, a page of
//! rows, one packet's detail. Everything crosses as JSON (the report types deserialize), apart
//! from the `Blob` of an `Open`, which travels beside it.

use dropscope_core::analysis::{InterfaceReport, JourneyReport};
use dropscope_core::capture::Timestamp;
use dropscope_core::connection::{Connection, Outcome, Side};
use dropscope_core::i18n::Lang;
use dropscope_core::journey::{Direction, Endpoint, InterfaceKey};
use dropscope_core::names::NameBook;
use dropscope_core::packets::PacketDescription;
use dropscope_core::signatures::Finding;
use dropscope_core::summary::CaptureSummary;
use serde::{Deserialize, Serialize};

/// A request with the language the page speaks: the worker puts what it sends back into words
/// (scene captions, exports, error messages) in that language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Envelope {
    pub lang: Lang,
    pub request: Request,
}

/// A capture the page opens: its name and size (its bytes travel beside the request).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OpenFile {
    pub name: String,
    pub size: u64,
}

/// A text of the cluster's names, and what to call it in messages.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NamesText {
    pub source: String,
    pub text: String,
}

/// What the page asks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Request {
    /// Analyse the `Blob`s posted with this message (one per file, in this order), as one.
    Open {
        files: Vec<OpenFile>,
        /// The cluster's names the user gave (texts of `ip -o link`, `kubectl get pods -o
        /// wide`, …), by source.
        #[serde(default)]
        names: Vec<NamesText>,
        /// Clock offsets the user set, in seconds, by capture index.
        #[serde(default)]
        clocks: Vec<(usize, f64)>,
    },
    Scene {
        selection: Selection,
    },
    Rows {
        /// What the user typed in the filter box.
        filter: String,
        scope: Option<Selection>,
        start: u32,
        count: u32,
    },
    Detail {
        frame: u64,
    },
    Export {
        format: ExportFormat,
    },
    /// The packets of a finding or a connection, from every capture, as pcapng.
    ExportEvidence {
        selection: Selection,
    },
    /// The packets the list shows for this filter and scope, from every capture, as pcapng.
    ExportFiltered {
        filter: String,
        scope: Option<Selection>,
    },
    /// Panics inside the worker: the browser tests check that the page survives it.
    Panic,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ExportFormat {
    Json,
    Markdown,
}

/// What the page looks at: a finding (by its position in the report) or a connection.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "kebab-case")]
pub enum Selection {
    Finding(usize),
    Connection(u64),
}

/// What the worker answers.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Response {
    /// The worker's wasm is running: messages posted now are received.
    Ready,
    Progress {
        bytes: u64,
        total: u64,
        frames: u64,
        elapsed_ms: f64,
    },
    Overview(Box<Overview>),
    Scene(Box<Scene>),
    Rows(RowsPage),
    Detail(Box<PacketDetail>),
    Export {
        format: ExportFormat,
        text: String,
    },
    /// A pcapng of the evidence: its file name and bytes.
    Evidence {
        name: String,
        bytes: Vec<u8>,
    },
    /// The browser could not read the file, or a request made no sense.
    Failed {
        message: String,
    },
    /// The worker panicked; the page replaces it with a new one.
    Crashed {
        message: String,
    },
}

/// The report minus its bulk (journeys, every connection's details), which stay in the worker.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Overview {
    pub name: String,
    pub capture: CaptureSummary,
    pub interfaces: Vec<InterfaceReport>,
    pub findings: Vec<Finding>,
    /// Connections worth looking at first (those in findings, then failed ones), capped.
    pub connections: Vec<ConnectionSummary>,
    pub connections_total: usize,
    pub dns_total: usize,
    pub journeys_total: u64,
    pub elapsed_ms: f64,
    /// Bytes of memory the worker's wasm instance holds (set by the worker).
    pub worker_memory: u64,
    /// What the cluster's names call the addresses shown.
    #[serde(default)]
    pub names: NameBook,
    /// What could not be read in the names given, in words.
    #[serde(default)]
    pub names_problems: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConnectionSummary {
    pub id: u64,
    pub client: Endpoint,
    pub server: Endpoint,
    pub outcome: Outcome,
    pub attempts: usize,
    pub resets: usize,
    pub time_to_connect: Option<f64>,
    pub first_frame: u64,
}

/// Everything the animation, the ladder and the retry timeline draw for one selection.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Scene {
    pub selection: Selection,
    pub title: String,
    pub connection: Option<Connection>,
    /// The journeys to play, in order of their first sighting.
    pub journeys: Vec<JourneyReport>,
    /// Journeys of the client's requests (SYNs, DNS queries): the retry timeline's marks.
    pub requests: Vec<u64>,
    /// Journeys of the answers (SYN-ACKs, resets from the server, DNS answers).
    pub answers: Vec<u64>,
    /// Resets, with who sent them.
    pub resets: Vec<ResetNote>,
    /// The frame where the failure shows, from the finding.
    pub failure_frame: Option<u64>,
    pub point_of_failure: Option<String>,
    /// The client, as the first request left it.
    pub client: Option<Endpoint>,
    pub server: Option<Endpoint>,
    /// Time zero of the capture, for relative times.
    pub capture_start: Option<Timestamp>,
    /// Journeys left out of a very long scene (see `session::MAX_SCENE_JOURNEYS`).
    pub omitted: usize,
    /// The host whose own traffic the capture is (inside a pod): drawn as that host, with
    /// the end it is inside it.
    #[serde(default)]
    pub host: Option<std::net::IpAddr>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResetNote {
    pub journey: u64,
    pub by: Side,
    /// The address it carried.
    pub from: Endpoint,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RowsPage {
    pub start: u32,
    /// Rows the filter keeps, in all.
    pub total: u32,
    pub rows: Vec<Row>,
    /// Why the filter text was not understood.
    pub error: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Row {
    pub frame: u64,
    /// Seconds since the first packet.
    pub time: Option<f64>,
    pub interface: String,
    pub direction: Direction,
    pub protocol: String,
    pub source: String,
    pub destination: String,
    pub length: u32,
    pub info: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PacketDetail {
    pub frame: u64,
    pub interface: String,
    pub interface_key: InterfaceKey,
    pub time: Option<f64>,
    pub captured: u32,
    pub original: u32,
    pub file_offset: u64,
    pub description: PacketDescription,
    pub bytes: Vec<u8>,
}

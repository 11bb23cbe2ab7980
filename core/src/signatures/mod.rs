//! Known Kubernetes networking failures, recognised in an [`Analysis`].
//!
//! One file per signature: its detector, its explanation (symptom, cause, how to confirm on a
//! live node, fix, references) and its tests, registered in [`SIGNATURES`]. Detectors read the
//! analysis's typed connections, DNS queries and journeys (never the raw packets, never text)
//! and every finding names the frames that prove it. Adding a signature touches: its file here,
//! the registry, the example manifest (`public/examples/manifest.tsv`) with the lab captures that
//! show it (`lab/`), and the README's table (see ARCHITECTURE.md).

mod connection_refused;
mod connection_stalled;
mod conntrack_invalid_reset;
mod conntrack_table_full;
mod dns_conntrack_race;
mod dns_error_answers;
mod dns_search_expansion;
mod dns_server_unreachable;
mod dns_truncated;
mod hairpin_mode_off;
mod idle_timeout_reset;
mod lb_hairpin_client_ip;
mod no_endpoints;
mod pmtu_black_hole;
mod port_reuse_rejected;
mod reply_bypasses_conntrack;
mod reply_dropped_on_host;
mod snat_port_collision;
mod syn_unanswered;
mod vxlan_syn_loss;

use serde::{Deserialize, Serialize};

use std::net::IpAddr;

use crate::analysis::{Analysis, Vantage};
use crate::connection::Connection;
use crate::i18n::{tr, Message};
use crate::journey::Fate;

/// Every signature, in the order findings are listed.
pub static SIGNATURES: &[&dyn Signature] = &[
    &reply_bypasses_conntrack::ReplyBypassesConntrack,
    &lb_hairpin_client_ip::LbHairpinClientIp,
    &vxlan_syn_loss::VxlanSynLoss,
    &reply_dropped_on_host::ReplyDroppedOnHost,
    &dns_conntrack_race::DnsConntrackRace,
    &syn_unanswered::SynUnanswered,
    &connection_refused::ConnectionRefused,
    &pmtu_black_hole::PmtuBlackHole,
    &dns_server_unreachable::DnsServerUnreachable,
    &dns_error_answers::DnsErrorAnswers,
    &dns_truncated::DnsTruncated,
    &dns_search_expansion::DnsSearchExpansion,
    &idle_timeout_reset::IdleTimeoutReset,
    &connection_stalled::ConnectionStalled,
    &port_reuse_rejected::PortReuseRejected,
    &no_endpoints::NoEndpoints,
    &hairpin_mode_off::HairpinModeOff,
    &conntrack_invalid_reset::ConntrackInvalidReset,
    &snat_port_collision::SnatPortCollision,
    &conntrack_table_full::ConntrackTableFull,
];

/// A failure mode dropscope recognises.
pub trait Signature: Sync {
    /// Stable kebab-case id: other tools and documentation link to it.
    fn id(&self) -> &'static str;
    fn explanation(&self) -> &'static Explanation;
    fn detect(&self, analysis: &Analysis) -> Vec<Finding>;
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

/// What a signature found in this capture.
/// Reads back through `crate::wire::FindingWire`, which maps the signature id to its statics.
#[derive(Clone, Debug, Serialize)]
pub struct Finding {
    pub signature: &'static str,
    pub severity: Severity,
    /// One line with this capture's specifics.
    pub summary: Message,
    /// Every frame that supports the finding (1-based, as in Wireshark), sorted.
    pub frames: Vec<u64>,
    /// The evidence, each piece with its frames.
    pub evidence: Vec<Evidence>,
    pub connection: Option<u64>,
    pub journeys: Vec<u64>,
    /// Where it went wrong: the hop where packets stopped, or the reset and who sent it.
    pub point_of_failure: Message,
    /// Frame where the point of failure shows (the last sighting, or the reset).
    pub failure_frame: Option<u64>,
    /// What this capture cannot show, and the capture that would (where to run what).
    pub next_capture: Option<Message>,
    /// Other connections a finding about many explains (a burst, a race between several):
    /// the generic findings about each stay silent.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub covers: Vec<u64>,
    pub explanation: &'static Explanation,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Evidence {
    pub frames: Vec<u64>,
    pub what: Message,
}

/// The write-up behind a signature, for an SRE. Its words are messages named after the
/// signature (`<id>-title`, `<id>-symptom`, `<id>-cause`) and its steps; commands stay as they
/// are, in every language.
#[derive(Debug)]
pub struct Explanation {
    pub signature: &'static str,
    /// Commands that confirm it on a live node.
    pub confirm: &'static [Step],
    pub fix: &'static [Step],
    pub references: &'static [Reference],
}

impl Explanation {
    pub fn title(&self) -> String {
        tr(&format!("{}-title", self.signature))
    }

    /// The symptom as users describe it.
    pub fn symptom(&self) -> String {
        tr(&format!("{}-symptom", self.signature))
    }

    /// What happens in the kernel, and why.
    pub fn cause(&self) -> String {
        tr(&format!("{}-cause", self.signature))
    }

    /// Every message it says, for the checks that each language has them all.
    pub fn messages(&self) -> Vec<Message> {
        let mut all: Vec<Message> = ["title", "symptom", "cause"]
            .iter()
            .map(|part| Message::new(format!("{}-{part}", self.signature)))
            .collect();
        for step in self.confirm.iter().chain(self.fix) {
            all.push(Message::new(step.id));
            if step.tradeoff {
                all.push(Message::new(format!("{}-tradeoff", step.id)));
            }
        }
        all
    }
}

/// A thing to do, with the exact commands and what it costs. `id` names its message (and
/// `<id>-tradeoff` the cost, when it has one).
#[derive(Debug)]
pub struct Step {
    pub id: &'static str,
    pub commands: &'static [&'static str],
    pub tradeoff: bool,
}

impl Step {
    pub fn what(&self) -> String {
        tr(self.id)
    }

    pub fn tradeoff(&self) -> Option<String> {
        self.tradeoff.then(|| tr(&format!("{}-tradeoff", self.id)))
    }
}

/// A source, by its title as published (not translated) and its address.
#[derive(Debug, Serialize)]
pub struct Reference {
    pub title: &'static str,
    pub url: &'static str,
}

/// As JSON: the words in the current language, the commands, the references.
impl Serialize for Explanation {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut state = serializer.serialize_struct("Explanation", 6)?;
        state.serialize_field("title", &self.title())?;
        state.serialize_field("symptom", &self.symptom())?;
        state.serialize_field("cause", &self.cause())?;
        state.serialize_field("confirm", self.confirm)?;
        state.serialize_field("fix", self.fix)?;
        state.serialize_field("references", self.references)?;
        state.end()
    }
}

impl Serialize for Step {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut state = serializer.serialize_struct("Step", 3)?;
        state.serialize_field("what", &self.what())?;
        state.serialize_field("commands", self.commands)?;
        state.serialize_field("tradeoff", &self.tradeoff())?;
        state.end()
    }
}

/// Signatures that say less than another about the same connection, least specific first:
/// when a more specific one (a later one here, or any signature not here) explains it, they
/// stay silent.
const GENERIC: &[&str] = &["syn-unanswered", "connection-refused"];

/// How specific a signature is: generic ones by their place in [`GENERIC`], all others above.
fn specificity(signature: &str) -> usize {
    GENERIC
        .iter()
        .position(|g| *g == signature)
        .unwrap_or(GENERIC.len())
}

/// Whether `signature` says less than another would about the same connection.
pub fn is_generic(signature: &str) -> bool {
    GENERIC.contains(&signature)
}

/// Runs every signature over the analysis.
pub fn diagnose(analysis: &Analysis) -> Vec<Finding> {
    let mut findings: Vec<Finding> = SIGNATURES.iter().flat_map(|s| s.detect(analysis)).collect();
    // Each connection, and the most specific signature that speaks of it.
    let mut explained: std::collections::HashMap<u64, usize> = std::collections::HashMap::new();
    for finding in &findings {
        let rank = specificity(finding.signature);
        for connection in finding
            .connection
            .into_iter()
            .chain(finding.covers.iter().copied())
        {
            let best = explained.entry(connection).or_insert(rank);
            *best = (*best).max(rank);
        }
    }
    findings.retain(|f| {
        let rank = specificity(f.signature);
        rank == GENERIC.len()
            || f.connection
                .is_none_or(|c| explained.get(&c).is_none_or(|best| *best <= rank))
    });
    // Most severe first; otherwise in order of the first frame that shows them.
    findings.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then(a.frames.first().cmp(&b.frames.first()))
    });
    findings
}

/// The explanation behind a signature id.
pub fn explanation(id: &str) -> Option<&'static Explanation> {
    SIGNATURES
        .iter()
        .find(|s| s.id() == id)
        .map(|s| s.explanation())
}

impl Finding {
    /// A finding whose `frames` are the union of its evidence's.
    pub(crate) fn new(
        signature: &dyn Signature,
        severity: Severity,
        summary: Message,
        evidence: Vec<Evidence>,
    ) -> Finding {
        let mut frames: Vec<u64> = evidence
            .iter()
            .flat_map(|e| e.frames.iter().copied())
            .collect();
        frames.sort_unstable();
        frames.dedup();
        Finding {
            signature: signature.id(),
            severity,
            summary,
            frames,
            evidence,
            connection: None,
            journeys: Vec::new(),
            point_of_failure: Message::new("unknown-point-of-failure"),
            failure_frame: None,
            next_capture: None,
            covers: Vec::new(),
            explanation: signature.explanation(),
        }
    }

    /// Every message it says: its own, then its explanation's.
    pub fn messages(&self) -> Vec<Message> {
        let mut all = vec![self.summary.clone(), self.point_of_failure.clone()];
        all.extend(self.next_capture.clone());
        all.extend(self.evidence.iter().map(|e| e.what.clone()));
        all.extend(self.explanation.messages());
        all
    }
}

/// The client's SYN retries as evidence, when there were any.
pub(crate) fn retries_evidence(connection: &crate::connection::Connection) -> Option<Evidence> {
    (connection.attempts.len() > 1).then(|| Evidence {
        frames: connection.attempts.iter().map(|a| a.frame).collect(),
        what: Message::new("evidence-syn-retries")
            .count("retries", connection.attempts.len() - 1)
            .with("gaps", gaps_text(&connection.retry_gaps())),
    })
}

/// The client resets a reply it did not expect.
pub(crate) fn client_reset_evidence(reset: &crate::connection::Reset) -> Evidence {
    Evidence {
        frames: reset.frames.clone(),
        what: Message::new("evidence-client-reset")
            .addr("from", reset.from)
            .addr("to", reset.to)
            .frame("frame", reset.frames[0]),
    }
}

/// A failure the client got past is a warning; one it never got past, an error.
pub(crate) fn severity_of(connection: &crate::connection::Connection) -> Severity {
    if connection.outcome == crate::connection::Outcome::Established {
        Severity::Warning
    } else {
        Severity::Error
    }
}

/// `1.0, 2.0, 4.1` (seconds; the messages add the unit).
pub(crate) fn gaps_text(gaps: &[f64]) -> String {
    let parts: Vec<String> = gaps.iter().map(|g| format!("{g:.1}")).collect();
    parts.join(", ")
}

/// A number of seconds with one decimal, for messages (which add the unit).
pub(crate) fn seconds(value: f64) -> String {
    // Milliseconds matter below a tenth of a second (a retry 9 ms later is not "0.0 s").
    if value.abs() < 0.1 && value != 0.0 {
        format!("{value:.3}")
    } else {
        format!("{value:.1}")
    }
}

/// Whether SYN gaps follow Linux's schedule: doubling from 1 s, or (tcp_syn_linear_timeouts,
/// Linux ≥ 6.5) a few 1 s retries and then doubling.
pub(crate) fn is_syn_backoff(gaps: &[f64]) -> bool {
    !gaps.is_empty()
        && gaps[0] > 0.7
        && gaps[0] < 1.6
        && gaps.windows(2).all(|w| {
            let ratio = w[1] / w[0];
            (0.8..1.25).contains(&ratio) || (1.6..2.5).contains(&ratio)
        })
}

/// The reply reached the client: sent out towards it, delivered to it on this host, or (where
/// the capture is the client's own) seen addressed to it.
pub(crate) fn reached_client(analysis: &Analysis, reply: &crate::connection::Reply) -> bool {
    match reply.fate {
        Fate::Delivered { .. } | Fate::Local { .. } => true,
        Fate::LeftNode { .. } => !analysis.vantage().is_endpoint(),
        Fate::Observed { .. } | Fate::Arrived { .. } => {
            matches!(analysis.vantage(), Vantage::Endpoint { address } if address == reply.to.address)
        }
        Fate::EndedEarly { .. } | Fate::Resegmented { .. } => false,
    }
}

/// Whether this capture is the client's own (taken inside the client pod, or on its only
/// interface).
pub(crate) fn from_the_client(analysis: &Analysis, connection: &Connection) -> bool {
    matches!(analysis.vantage(), Vantage::Endpoint { address } if address == connection.client.address)
}

/// Two addresses on one pod subnet (/24 for IPv4, /64 for IPv6): on a node's bridge they are
/// neighbours.
pub(crate) fn same_subnet(a: IpAddr, b: IpAddr) -> bool {
    match (a, b) {
        (IpAddr::V4(a), IpAddr::V4(b)) => a.octets()[..3] == b.octets()[..3],
        (IpAddr::V6(a), IpAddr::V6(b)) => a.segments()[..4] == b.segments()[..4],
        _ => false,
    }
}

/// The words for what an ICMP error says.
pub(crate) fn icmp_reason(reason: crate::connection::IcmpReason) -> Message {
    use crate::connection::IcmpReason;
    Message::new(match reason {
        IcmpReason::NetworkUnreachable => "icmp-network-unreachable",
        IcmpReason::HostUnreachable => "icmp-host-unreachable",
        IcmpReason::PortUnreachable => "icmp-port-unreachable",
        IcmpReason::AdministrativelyProhibited => "icmp-prohibited",
        IcmpReason::FragmentationNeeded => "icmp-fragmentation-needed",
        IcmpReason::TimeExceeded => "icmp-time-exceeded",
        IcmpReason::Other => "icmp-other",
    })
}

/// DNS lookups: each client's queries for one name (A and AAAA, every server, every retry),
/// in order of client and name.
pub(crate) fn lookups(
    analysis: &Analysis,
) -> std::collections::BTreeMap<(IpAddr, String), Vec<&crate::connection::DnsQuery>> {
    let mut lookups: std::collections::BTreeMap<(IpAddr, String), Vec<_>> = Default::default();
    for query in &analysis.dns {
        if let Some(name) = &query.name {
            lookups
                .entry((query.client.address, name.clone()))
                .or_default()
                .push(query);
        }
    }
    lookups
}

/// Kubernetes' default NodePort range.
pub(crate) fn is_node_port(port: u16) -> bool {
    (30000..=32767).contains(&port)
}

/// The command that captures a whole node, for next-capture advice.
pub(crate) const NODE_CAPTURE: &str = "tcpdump -ni any -w node.pcap";

#[cfg(test)]
pub(crate) mod fixtures;

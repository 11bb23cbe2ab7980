//! Captures for the signatures' tests: the built-in examples (listed in the manifest), analysed
//! whole.

use std::path::PathBuf;

use crate::analysis::Analysis;
use crate::analyzer::{AnalyzeOptions, Analyzer};

use super::{Finding, Signature};

/// Analyses `public/examples/<name>`.
pub fn analyze(name: &str) -> Analysis {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../public/examples")
        .join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut analyzer = Analyzer::new(AnalyzeOptions::default());
    analyzer.push(&bytes);
    analyzer.finish().analysis
}

/// What `signature` finds in `public/examples/<name>`, as the report has it (where a more
/// specific signature explains a connection, a generic one stays silent).
pub fn findings(signature: &dyn Signature, name: &str) -> Vec<Finding> {
    super::diagnose(&analyze(name))
        .into_iter()
        .filter(|f| f.signature == signature.id())
        .collect()
}

/// Asserts `signature` gives no warning or error on any example capture whose manifest entry
/// does not list it: the near misses of every other failure, every vantage point of them, and
/// every healthy capture.
pub fn quiet_where_not_expected(signature: &dyn Signature) {
    for example in crate::examples::examples() {
        if example.findings.iter().any(|f| f == signature.id()) {
            continue;
        }
        let found: Vec<Finding> = findings(signature, &example.file)
            .into_iter()
            .filter(|f| f.severity >= super::Severity::Warning)
            .collect();
        assert!(
            found.is_empty(),
            "{} fired on {}: {:?}",
            signature.id(),
            example.file,
            found.iter().map(|f| &f.summary).collect::<Vec<_>>()
        );
    }
}

/// The signature says nothing on `lab/<scenario>.<view>.pcap` for each view: a healthy twin.
pub fn quiet_on(signature: &dyn Signature, scenario: &str, views: &[&str]) {
    for view in views {
        let name = format!("lab/{scenario}.{view}.pcap");
        let found = findings(signature, &name);
        assert!(
            found.is_empty(),
            "{} fired on {name}: {found:?}",
            signature.id()
        );
    }
}

/// One TCP segment of a scripted capture: `flags` is any of `S`, `A`, `P`, `R`, `F`.
#[derive(Clone, Copy, Debug)]
pub struct Segment {
    pub millis: u64,
    pub from: &'static str,
    pub to: &'static str,
    pub flags: &'static str,
    pub sequence: u32,
    pub acknowledgment: u32,
    pub length: usize,
    pub ttl: u8,
}

/// The two ends of a scripted connection, and the TTL each one's packets arrive with.
pub struct Ends {
    pub client: &'static str,
    pub server: &'static str,
    pub client_ttl: u8,
    pub server_ttl: u8,
}

impl Ends {
    /// A segment `millis` into the script, from the client (`client_sends`) or the server.
    pub fn at(
        &self,
        millis: u64,
        client_sends: bool,
        flags: &'static str,
        sequence: u32,
        acknowledgment: u32,
        length: usize,
    ) -> Segment {
        let (from, to, ttl) = if client_sends {
            (self.client, self.server, self.client_ttl)
        } else {
            (self.server, self.client, self.server_ttl)
        };
        Segment {
            millis,
            from,
            to,
            flags,
            sequence,
            acknowledgment,
            length,
            ttl,
        }
    }
}

/// Analyses a capture written from `segments` (Ethernet, IPv4, one interface): the near-misses
/// the lab cannot make, spelled out packet by packet.
pub fn analyze_script(segments: &[Segment]) -> Analysis {
    // pcap header: magic, version 2.4, zone, accuracy, snap length, Ethernet.
    let mut pcap: Vec<u8> = Vec::new();
    pcap.extend(0xa1b2_c3d4u32.to_le_bytes());
    pcap.extend(2u16.to_le_bytes());
    pcap.extend(4u16.to_le_bytes());
    for word in [0u32, 0, 65535, 1] {
        pcap.extend(word.to_le_bytes());
    }
    for segment in segments {
        let (from, to): (std::net::SocketAddrV4, std::net::SocketAddrV4) =
            (segment.from.parse().unwrap(), segment.to.parse().unwrap());
        let mut builder =
            etherparse::PacketBuilder::ethernet2([2, 0, 0, 0, 0, 1], [2, 0, 0, 0, 0, 2])
                .ipv4(from.ip().octets(), to.ip().octets(), segment.ttl)
                .tcp(from.port(), to.port(), segment.sequence, 64240);
        for flag in segment.flags.chars() {
            builder = match flag {
                'S' => builder.syn(),
                'A' => builder.ack(segment.acknowledgment),
                'P' => builder.psh(),
                'R' => builder.rst(),
                'F' => builder.fin(),
                other => panic!("flag {other}"),
            };
        }
        let mut packet = Vec::new();
        builder
            .write(&mut packet, &vec![0x61; segment.length])
            .unwrap();
        let (secs, micros) = (segment.millis / 1000, (segment.millis % 1000) * 1000);
        for word in [
            secs as u32,
            micros as u32,
            packet.len() as u32,
            packet.len() as u32,
        ] {
            pcap.extend(word.to_le_bytes());
        }
        pcap.extend(packet);
    }
    let mut analyzer = Analyzer::new(AnalyzeOptions::default());
    analyzer.push(&pcap);
    analyzer.finish().analysis
}

/// What `signature` finds in a scripted capture.
pub fn script_findings(signature: &dyn Signature, segments: &[Segment]) -> Vec<Finding> {
    super::diagnose(&analyze_script(segments))
        .into_iter()
        .filter(|f| f.signature == signature.id())
        .collect()
}

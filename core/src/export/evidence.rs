//! The evidence of a finding or a connection as one pcapng: its packets from every capture
//! they came from, in time order (on the first capture's clock), on interfaces named as the
//! analysis names them, with what the finding says of each packet as its comment.

use crate::capture::Timestamp;
use crate::files;
use crate::journey::Direction;

use super::{Packet, PcapngWriter};

/// One packet of the evidence, read back from its capture.
#[derive(Clone, Debug)]
pub struct EvidencePacket {
    /// The frame's id ([`crate::files`]).
    pub frame: u64,
    /// When it was seen, on the first capture's clock.
    pub time: Option<Timestamp>,
    /// Its capture's link type (LINKTYPE_ number).
    pub link_type: u16,
    /// The interface as the analysis names it (`node2.pcap:eth0`, `if3`).
    pub interface: String,
    pub data: Vec<u8>,
    pub original_len: u32,
    pub direction: Direction,
}

/// What to export: frames (ids), the section's comments, and what to say of each frame.
#[derive(Clone, Debug, Default)]
pub struct EvidenceSelection {
    pub frames: Vec<u64>,
    pub comments: Vec<String>,
    pub notes: std::collections::HashMap<u64, Vec<String>>,
}

impl EvidenceSelection {
    fn note(&mut self, frame: u64, text: String) {
        let notes = self.notes.entry(frame).or_default();
        if !notes.contains(&text) {
            notes.push(text);
        }
    }

    fn finish(mut self) -> EvidenceSelection {
        self.frames.sort_unstable();
        self.frames.dedup();
        self
    }
}

/// The frames of finding `at` (its evidence and every sighting of its packets), each with
/// what the finding says of it, in the current language.
pub fn of_finding(report: &crate::report::Report, at: usize) -> Option<EvidenceSelection> {
    let finding = report.findings.get(at)?;
    let mut selection = EvidenceSelection {
        comments: vec![
            format!(
                "dropscope {}: {}: {}",
                env!("CARGO_PKG_VERSION"),
                finding.signature,
                finding.summary
            ),
            format!(
                "{} {}",
                crate::i18n::tr("label-where"),
                finding.point_of_failure
            ),
        ],
        ..EvidenceSelection::default()
    };
    for evidence in &finding.evidence {
        let text = evidence.what.to_string();
        for &frame in &evidence.frames {
            selection.frames.push(frame);
            selection.note(frame, text.clone());
        }
    }
    for id in &finding.journeys {
        if let Some(journey) = report.analysis.journey(*id) {
            selection.frames.extend(&journey.frames);
        }
    }
    selection.frames.extend(finding.frames.iter().copied());
    if let Some(frame) = finding.failure_frame {
        selection.note(frame, crate::i18n::tr("label-where"));
    }
    Some(selection.finish())
}

/// The frames of connection `id`: its SYNs, replies, resets and ICMP errors wherever they were
/// seen, each named by what it is.
pub fn of_connection(report: &crate::report::Report, id: u64) -> Option<EvidenceSelection> {
    let connection = report.analysis.connection(id)?;
    let mut selection = EvidenceSelection {
        comments: vec![format!(
            "dropscope {}: {} → {}: {}",
            env!("CARGO_PKG_VERSION"),
            connection.client,
            connection.server,
            connection.outcome
        )],
        ..EvidenceSelection::default()
    };
    let journeys = connection
        .attempts
        .iter()
        .map(|a| a.journey)
        .chain(connection.syn_acks.iter().map(|r| r.journey))
        .chain(connection.resets.iter().map(|r| r.journey))
        .chain(connection.icmp_errors.iter().map(|e| e.journey));
    for journey in journeys.filter_map(|id| report.analysis.journey(id)) {
        for &frame in &journey.frames {
            selection.frames.push(frame);
            selection.note(frame, journey.packet.clone());
        }
    }
    for leg in &connection.legs {
        selection.frames.extend(&leg.frames);
    }
    Some(selection.finish())
}

/// The packets as a pcapng file: `comments` head the section; each packet gets its frame
/// (`frame node2.pcap #12`) and what `comment_of` says of it.
pub fn evidence_pcapng(
    comments: &[String],
    mut packets: Vec<EvidencePacket>,
    comment_of: &dyn Fn(u64) -> Vec<String>,
) -> Vec<u8> {
    let section: Vec<&str> = comments.iter().map(String::as_str).collect();
    let mut writer = PcapngWriter::new(&section);
    packets.sort_by_key(|p| (p.time, p.frame));
    packets.dedup_by_key(|p| p.frame);
    // One interface per name and link type, in order of first use.
    let mut interfaces: Vec<(String, u16, u32)> = Vec::new();
    for packet in &packets {
        let id = match interfaces
            .iter()
            .find(|(name, link, _)| *name == packet.interface && *link == packet.link_type)
        {
            Some(&(_, _, id)) => id,
            None => {
                let id = writer.interface(packet.link_type, Some(&packet.interface), None, 0);
                interfaces.push((packet.interface.clone(), packet.link_type, id));
                id
            }
        };
        let mut notes = vec![format!("frame {}", files::frame_label(packet.frame))];
        notes.extend(comment_of(packet.frame));
        let notes: Vec<&str> = notes.iter().map(String::as_str).collect();
        let time = packet.time.unwrap_or_default();
        let written = Packet::new(id, time.secs.max(0) as u64, time.nanos, &packet.data)
            .original_len(packet.original_len)
            .direction(packet.direction)
            .comments(&notes);
        // The interface was declared just above: this cannot be refused.
        let _ = writer.packet_with(&written);
    }
    writer.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::capture::{CaptureReader, RecordKind};

    fn packet(frame: u64, secs: i64, interface: &str) -> EvidencePacket {
        EvidencePacket {
            frame,
            time: Some(Timestamp { secs, nanos: 5 }),
            link_type: 1,
            interface: interface.into(),
            data: vec![0xaa; 60],
            original_len: 60,
            direction: Direction::In,
        }
    }

    #[test]
    fn packets_of_several_captures_come_out_in_time_order_on_their_interfaces() {
        let bytes = evidence_pcapng(
            &["finding: test".to_string()],
            vec![
                packet(files::frame_id(1, 7), 20, "node2.pcap:eth0"),
                packet(3, 10, "node1.pcap:eth0"),
                packet(3, 10, "node1.pcap:eth0"),
                packet(4, 30, "node1.pcap:eth0"),
            ],
            &|frame| {
                if frame == 3 {
                    vec!["the SYN".to_string()]
                } else {
                    Vec::new()
                }
            },
        );
        let mut reader = CaptureReader::new();
        let mut seen = Vec::new();
        reader.push(&bytes, |frame| {
            if frame.kind == RecordKind::Packet {
                seen.push((
                    frame.timestamp.unwrap().secs,
                    frame.interface.and_then(|i| i.name.clone()),
                ));
            }
        });
        let outcome = reader.finish();
        assert_eq!(outcome.error, None);
        assert_eq!(
            seen,
            [
                (10, Some("node1.pcap:eth0".to_string())),
                (20, Some("node2.pcap:eth0".to_string())),
                (30, Some("node1.pcap:eth0".to_string())),
            ],
            "in time order, the duplicate once"
        );
    }
}

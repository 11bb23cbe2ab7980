//! Our decoding against tshark's, field by field, on every capture in `../shared/captures`.
//!
//! Each capture has `<file>.tshark.tsv`, written by tshark 4.0 with the fields of
//! `dropscope packets`. Every disagreement must be listed in `KNOWN_DIFFERENCES` with its
//! reason, and every listed difference must still occur: the list cannot go stale.

use std::collections::BTreeMap;
use std::path::Path;

use dropscope_core::capture::CaptureReader;
use dropscope_core::decode::{decode, decode_reassembled, Reassembler};
use dropscope_core::fields::{write_row, TSHARK_FIELDS};
use dropscope_tests::{captures_in, shared_captures_or_skip, Oracle};

/// (file, frame or 0 for every frame, field, why we differ from tshark on purpose).
const KNOWN_DIFFERENCES: &[(&str, u64, &str, &str)] = &[
    // Record 2 claims 0x7fffff00 bytes. tshark then takes the file for another pcap variant and
    // decodes frame 1 as LLC garbage; the file header is a plain pcap and frame 1 a TCP SYN.
    (
        "public/derived__syn-then-rst_huge-incl-len.pcap",
        1,
        "eth.src",
        TSHARK_MISDETECTS_VARIANT,
    ),
    (
        "public/derived__syn-then-rst_huge-incl-len.pcap",
        1,
        "eth.dst",
        TSHARK_MISDETECTS_VARIANT,
    ),
    (
        "public/derived__syn-then-rst_huge-incl-len.pcap",
        1,
        "ip.src",
        TSHARK_MISDETECTS_VARIANT,
    ),
    (
        "public/derived__syn-then-rst_huge-incl-len.pcap",
        1,
        "ip.dst",
        TSHARK_MISDETECTS_VARIANT,
    ),
    (
        "public/derived__syn-then-rst_huge-incl-len.pcap",
        1,
        "ip.proto",
        TSHARK_MISDETECTS_VARIANT,
    ),
    (
        "public/derived__syn-then-rst_huge-incl-len.pcap",
        1,
        "tcp.srcport",
        TSHARK_MISDETECTS_VARIANT,
    ),
    (
        "public/derived__syn-then-rst_huge-incl-len.pcap",
        1,
        "tcp.dstport",
        TSHARK_MISDETECTS_VARIANT,
    ),
    (
        "public/derived__syn-then-rst_huge-incl-len.pcap",
        1,
        "tcp.flags",
        TSHARK_MISDETECTS_VARIANT,
    ),
    (
        "public/derived__syn-then-rst_huge-incl-len.pcap",
        1,
        "tcp.seq_raw",
        TSHARK_MISDETECTS_VARIANT,
    ),
    (
        "public/derived__syn-then-rst_huge-incl-len.pcap",
        1,
        "tcp.ack_raw",
        TSHARK_MISDETECTS_VARIANT,
    ),
    // Nanosecond fields of 1000000000 and 2147483648 (invalid: a fraction must be below 1e9).
    // tshark prints them verbatim, even with a minus sign; we carry the excess into the seconds.
    (
        "public/tcpdump__timestamp_invalid_nano.pcap",
        2,
        "frame.time_epoch",
        "invalid nanoseconds carried into seconds",
    ),
    (
        "public/tcpdump__timestamp_invalid_nano.pcap",
        3,
        "frame.time_epoch",
        "invalid nanoseconds carried into seconds",
    ),
    // The destination-options header (24 bytes) holds an option claiming 144 bytes. tshark
    // abandons the packet there; we step over the header by its own length, as the header
    // chain allows, and decode the UDP header that follows.
    (
        "public/zeek__ipv6-mobility-dst-opts.pcap",
        1,
        "udp.srcport",
        "corrupt IPv6 option: we skip it by the header length",
    ),
    (
        "public/zeek__ipv6-mobility-dst-opts.pcap",
        1,
        "udp.dstport",
        "corrupt IPv6 option: we skip it by the header length",
    ),
    // Frame 3 is a fragment that overlaps frame 2 and runs past the datagram's end. Linux
    // discards datagrams with overlapping fragments (since 4.19; RFC 5722 for IPv6), so the
    // receiver never saw this UDP header; tshark splices the pieces anyway.
    (
        "public/zeek__fragmented-1.pcap",
        3,
        "udp.srcport",
        OVERLAPPING_FRAGMENTS,
    ),
    (
        "public/zeek__fragmented-1.pcap",
        3,
        "udp.dstport",
        OVERLAPPING_FRAGMENTS,
    ),
];

const OVERLAPPING_FRAGMENTS: &str = "overlapping fragments are discarded, as the Linux kernel does";
const TSHARK_MISDETECTS_VARIANT: &str =
    "tshark mis-detects the pcap variant after a corrupt record length";

struct Disagreement {
    file: String,
    frame: u64,
    field: &'static str,
    ours: String,
    tshark: String,
}

fn our_rows(path: &Path) -> BTreeMap<u64, Vec<String>> {
    let bytes = std::fs::read(path).expect("capture readable");
    let mut rows = BTreeMap::new();
    let mut reader = CaptureReader::new();
    let mut reassembler = Reassembler::new();
    // Small chunks, so the comparison also exercises records split across pushes.
    for chunk in bytes.chunks(1000) {
        reader.push(chunk, |frame| {
            let mut row = String::new();
            let packet = decode(frame);
            let datagram = reassembler.add(frame.number, &packet);
            let inner = datagram.as_ref().map(decode_reassembled);
            write_row(&mut row, frame, &packet, inner.as_ref());
            rows.insert(frame.number, row.split('\t').map(str::to_owned).collect());
        });
    }
    reader.finish();
    rows
}

#[test]
fn decoding_agrees_with_tshark_on_every_shared_capture() {
    let Some(captures) =
        shared_captures_or_skip("decoding_agrees_with_tshark_on_every_shared_capture")
    else {
        return;
    };
    let mut disagreements = Vec::new();
    let (mut total_fields, mut total_agree, mut files) = (0u64, 0u64, 0);
    let mut frame_count_mismatches = Vec::new();
    for dir in ["public", "k8s"] {
        for path in captures_in(&captures.join(dir)) {
            let name = format!("{dir}/{}", path.file_name().unwrap().to_string_lossy());
            let Some(oracle) = Oracle::read(&path.with_file_name(format!(
                "{}.tshark.tsv",
                path.file_name().unwrap().to_string_lossy()
            ))) else {
                continue;
            };
            files += 1;
            let ours = our_rows(&path);
            if ours.len() != oracle.rows.len() {
                frame_count_mismatches.push(format!(
                    "{name}: {} frames, tshark {}",
                    ours.len(),
                    oracle.rows.len()
                ));
            }
            let (mut fields, mut agree) = (0u64, 0u64);
            for row in &oracle.rows {
                let frame: u64 = row[0].parse().expect("frame number");
                let Some(our_row) = ours.get(&frame) else {
                    disagreements.push(Disagreement {
                        file: name.clone(),
                        frame,
                        field: "frame.number",
                        ours: "(missing)".into(),
                        tshark: row[0].clone(),
                    });
                    continue;
                };
                for (i, field) in TSHARK_FIELDS.iter().enumerate() {
                    let column = oracle.column(field).expect("oracle has the field");
                    let theirs = row.get(column).map(String::as_str).unwrap_or("");
                    let mine = our_row.get(i).map(String::as_str).unwrap_or("");
                    fields += 1;
                    if theirs == mine {
                        agree += 1;
                    } else {
                        disagreements.push(Disagreement {
                            file: name.clone(),
                            frame,
                            field,
                            ours: mine.into(),
                            tshark: theirs.into(),
                        });
                    }
                }
            }
            total_fields += fields;
            total_agree += agree;
            println!(
                "{:>7.3}%  {fields:>6} fields  {name}",
                100.0 * agree as f64 / fields.max(1) as f64
            );
        }
    }
    println!(
        "TOTAL: {total_agree}/{total_fields} fields agree ({:.4}%) over {files} captures",
        100.0 * total_agree as f64 / total_fields.max(1) as f64
    );
    let is_known = |d: &Disagreement| {
        KNOWN_DIFFERENCES.iter().any(|(file, frame, field, _)| {
            *file == d.file && (*frame == 0 || *frame == d.frame) && *field == d.field
        })
    };
    let mut unexplained = 0;
    for d in &disagreements {
        let mark = if is_known(d) {
            "known"
        } else {
            unexplained += 1;
            "UNEXPLAINED"
        };
        println!(
            "{mark}: {} frame {} {}: ours {:?}, tshark {:?}",
            d.file, d.frame, d.field, d.ours, d.tshark
        );
    }
    for m in &frame_count_mismatches {
        println!("frame count: {m}");
    }
    let stale: Vec<_> = KNOWN_DIFFERENCES
        .iter()
        .filter(|(file, frame, field, _)| {
            !disagreements
                .iter()
                .any(|d| d.file == *file && (*frame == 0 || *frame == d.frame) && d.field == *field)
        })
        .collect();
    assert!(
        stale.is_empty(),
        "listed differences that no longer occur: {stale:?}"
    );
    assert_eq!(
        unexplained, 0,
        "{unexplained} unexplained disagreements with tshark (listed above)"
    );
}

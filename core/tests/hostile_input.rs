//! Absurd headers and mutated captures through the whole analysis: each gives a named error or
//! a report, in bounded time, and nothing allocates what a file merely claims.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use dropscope_core::analyzer::{AnalyzeOptions, Analyzer};
use dropscope_core::capture::CaptureErrorKind;
use dropscope_core::report::Report;

fn analyse(bytes: &[u8]) -> Report {
    let mut analyzer = Analyzer::new(AnalyzeOptions {
        index_packets: true,
        ..AnalyzeOptions::default()
    });
    for chunk in bytes.chunks(64 * 1024) {
        analyzer.push(chunk);
    }
    analyzer.finish()
}

fn le32(v: u32) -> [u8; 4] {
    v.to_le_bytes()
}

/// A little-endian pcapng block with a body padded to 32 bits.
fn block(block_type: u32, body: &[u8]) -> Vec<u8> {
    let padded = (body.len() + 3) & !3;
    let len = (12 + padded) as u32;
    let mut out = Vec::with_capacity(len as usize);
    out.extend(le32(block_type));
    out.extend(le32(len));
    out.extend(body);
    out.resize(8 + padded, 0);
    out.extend(le32(len));
    out
}

fn section_header() -> Vec<u8> {
    let mut body = Vec::new();
    body.extend(le32(0x1A2B_3C4D));
    body.extend(1u16.to_le_bytes());
    body.extend(0u16.to_le_bytes());
    body.extend((-1i64).to_le_bytes());
    block(0x0A0D_0D0A, &body)
}

fn interface_block() -> Vec<u8> {
    let mut body = Vec::new();
    body.extend(1u16.to_le_bytes()); // Ethernet
    body.extend(0u16.to_le_bytes());
    body.extend(le32(0));
    block(1, &body)
}

fn pcap_header(snaplen: u32, link_type: u32) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend(le32(0xA1B2_C3D4));
    out.extend(2u16.to_le_bytes());
    out.extend(4u16.to_le_bytes());
    out.extend(le32(0));
    out.extend(le32(0));
    out.extend(le32(snaplen));
    out.extend(le32(link_type));
    out
}

fn pcap_record(out: &mut Vec<u8>, secs: u32, data: &[u8]) {
    out.extend(le32(secs));
    out.extend(le32(0));
    out.extend(le32(data.len() as u32));
    out.extend(le32(data.len() as u32));
    out.extend(data);
}

fn ethernet_ipv4_udp() -> Vec<u8> {
    let mut packet = Vec::new();
    etherparse::PacketBuilder::ethernet2([2, 0, 0, 0, 0, 1], [2, 0, 0, 0, 0, 2])
        .ipv4([10, 0, 0, 1], [10, 0, 0, 2], 64)
        .udp(40000, 9999)
        .write(&mut packet, b"hello")
        .unwrap();
    packet
}

#[test]
fn a_record_claiming_two_gigabytes_is_an_error_not_an_allocation() {
    // pcap: a record header claiming 2 GB.
    let mut pcap = pcap_header(65535, 1);
    pcap_record(&mut pcap, 1, &ethernet_ipv4_udp());
    let at = pcap.len();
    pcap.extend(le32(2));
    pcap.extend(le32(0));
    pcap.extend(le32(0x8000_0000));
    pcap.extend(le32(0x8000_0000));
    pcap.extend([0u8; 64]);
    let report = analyse(&pcap);
    let error = report.analysis.capture.error.expect("named");
    assert_eq!(error.offset, at as u64);
    assert!(matches!(
        error.kind,
        CaptureErrorKind::RecordTooLarge {
            claimed: 0x8000_0000
        }
    ));
    assert_eq!(
        report.analysis.capture.packets, 1,
        "the packet before it is kept"
    );

    // pcapng: a block claiming 2 GB.
    let mut pcapng = section_header();
    pcapng.extend(interface_block());
    let at = pcapng.len();
    pcapng.extend(le32(6));
    pcapng.extend(le32(0x8000_0000));
    pcapng.extend([0u8; 64]);
    let error = analyse(&pcapng).analysis.capture.error.expect("named");
    assert_eq!(error.offset, at as u64);
    assert!(
        matches!(error.kind, CaptureErrorKind::RecordTooLarge { .. }),
        "{:?}",
        error.kind
    );
}

#[test]
fn a_snap_length_of_zero_still_reads_the_records() {
    let mut pcap = pcap_header(0, 1);
    for secs in 0..3 {
        pcap_record(&mut pcap, secs, &ethernet_ipv4_udp());
    }
    let report = analyse(&pcap);
    assert!(report.analysis.capture.error.is_none());
    assert_eq!(report.analysis.capture.packets, 3);
    assert_eq!(report.analysis.udp.len(), 1);
}

#[test]
fn zero_length_and_misaligned_blocks_are_named() {
    for claimed in [0u32, 4, 13] {
        let mut pcapng = section_header();
        let at = pcapng.len();
        pcapng.extend(le32(6));
        pcapng.extend(le32(claimed));
        pcapng.extend([0u8; 32]);
        let error = analyse(&pcapng).analysis.capture.error.expect("named");
        assert_eq!(error.offset, at as u64, "block length {claimed}");
        assert!(
            matches!(error.kind, CaptureErrorKind::BadBlockLength { block_len, .. } if block_len == claimed),
            "{:?}",
            error.kind
        );
    }
}

#[test]
fn a_million_interfaces_stop_at_the_limit() {
    let mut pcapng = section_header();
    let idb = interface_block();
    let first = pcapng.len();
    for _ in 0..1_000_000 {
        pcapng.extend(&idb);
    }
    let started = Instant::now();
    let report = analyse(&pcapng);
    let error = report.analysis.capture.error.expect("named");
    assert!(matches!(
        error.kind,
        CaptureErrorKind::TooManyInterfaces { limit: 65_536 }
    ));
    assert_eq!(error.offset, (first + 65_536 * idb.len()) as u64);
    println!(
        "a million interface blocks ({} MB): stopped at the 65 536th in {:?}",
        pcapng.len() / 1_000_000,
        started.elapsed()
    );
}

#[test]
fn packets_naming_interfaces_that_do_not_exist_are_kept_with_a_warning() {
    let mut pcapng = section_header();
    pcapng.extend(interface_block());
    let packet = ethernet_ipv4_udp();
    for interface in [0u32, 7, u32::MAX] {
        let mut body = Vec::new();
        body.extend(le32(interface));
        body.extend(le32(0));
        body.extend(le32(1));
        body.extend(le32(packet.len() as u32));
        body.extend(le32(packet.len() as u32));
        body.extend(&packet);
        pcapng.extend(block(6, &body));
    }
    let report = analyse(&pcapng);
    assert!(report.analysis.capture.error.is_none());
    assert_eq!(report.analysis.capture.packets, 3);
    let warnings: Vec<String> = report
        .analysis
        .capture
        .warnings
        .iter()
        .map(|w| w.to_string())
        .collect();
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(
        warnings.iter().any(|w| w.contains("interface 7")),
        "{warnings:?}"
    );
}

#[test]
fn deep_vlan_stacks_and_nested_tunnels_are_bounded() {
    // Ten thousand VLAN tags, then IPv4.
    let inner = ethernet_ipv4_udp();
    let mut packet = inner[..12].to_vec();
    for _ in 0..10_000 {
        packet.extend([0x81, 0x00, 0x00, 0x05]);
    }
    packet.extend(&inner[12..]);
    let mut pcap = pcap_header(262_144, 1);
    pcap_record(&mut pcap, 1, &packet);
    // VXLAN in VXLAN, forty deep.
    let mut nested = inner.clone();
    for depth in 0..40u16 {
        let mut payload = vec![0x08, 0, 0, 0, 0, 0, 1, 0];
        payload.extend(&nested);
        let mut outer = Vec::new();
        etherparse::PacketBuilder::ethernet2([2, 0, 0, 0, 0, 1], [2, 0, 0, 0, 0, 2])
            .ipv4([172, 16, 0, 1], [172, 16, 0, 2], 64)
            .udp(50000 + depth, 4789)
            .write(&mut outer, &payload)
            .unwrap();
        nested = outer;
    }
    pcap_record(&mut pcap, 2, &nested);
    let started = Instant::now();
    let report = analyse(&pcap);
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!(report.analysis.capture.packets, 2);
    let stops: Vec<String> = report
        .analysis
        .capture
        .decode_stops
        .iter()
        .map(|s| format!("frame {}: {} ({})", s.frame, s.stop.layer, s.stop.reason))
        .collect();
    assert!(
        stops.iter().any(|s| s.starts_with("frame 2: tunnel")),
        "{stops:?}"
    );
}

/// Every example capture, mutated thousands of ways.
#[test]
fn mutated_captures_give_a_report_or_a_named_error_in_bounded_time() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../public/examples");
    let mut seeds = Vec::new();
    for dir in [root.clone(), root.join("lab")] {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            // Small captures only: every round analyses its mutant whole.
            let small = std::fs::metadata(&path).is_ok_and(|m| m.len() < 100_000);
            let capture = path
                .extension()
                .is_some_and(|e| e == "pcap" || e == "pcapng");
            if path.is_file() && small && capture {
                seeds.push(std::fs::read(path).unwrap());
            }
        }
    }
    assert!(seeds.len() >= 21);
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let rounds = 4_000;
    let mut slowest = Duration::ZERO;
    let mut errors = 0;
    for round in 0..rounds {
        let mut bytes = seeds[round % seeds.len()].clone();
        match next() % 5 {
            // Flip a few bytes anywhere.
            0 => {
                for _ in 0..1 + next() % 16 {
                    let at = (next() as usize) % bytes.len();
                    bytes[at] = next() as u8;
                }
            }
            // Write an extreme 32-bit value, most often over a length field.
            1 => {
                let at = (next() as usize) % bytes.len().saturating_sub(4).max(1);
                let value = [0u32, 1, 0x7FFF_FFFF, 0xFFFF_FFFF, 0x8000_0000, 65_535, 16]
                    [(next() % 7) as usize];
                let end = (at + 4).min(bytes.len());
                bytes[at..end].copy_from_slice(&value.to_le_bytes()[..end - at]);
            }
            // Cut it anywhere.
            2 => {
                let keep = (next() as usize) % (bytes.len() + 1);
                bytes.truncate(keep);
            }
            // Repeat a slice of it.
            3 => {
                let from = (next() as usize) % bytes.len();
                let to = (from + 1 + (next() as usize) % 256).min(bytes.len());
                let copy = bytes[from..to].to_vec();
                let at = (next() as usize) % bytes.len();
                bytes.splice(at..at, copy);
            }
            // Remove a slice.
            _ => {
                let from = (next() as usize) % bytes.len();
                let to = (from + 1 + (next() as usize) % 256).min(bytes.len());
                bytes.drain(from..to);
            }
        }
        let started = Instant::now();
        let report = analyse(&bytes);
        let took = started.elapsed();
        slowest = slowest.max(took);
        assert!(took < Duration::from_secs(10), "round {round}: {took:?}");
        if let Some(error) = &report.analysis.capture.error {
            errors += 1;
            assert!(error.offset <= bytes.len() as u64, "round {round}: {error}");
            assert!(!error.to_string().is_empty());
        }
        // The report is whole: it serializes.
        assert!(serde_json::to_string(&report).is_ok());
    }
    println!(
        "{rounds} mutated captures: {errors} named errors, the rest analysed; slowest {slowest:?}"
    );
}

use super::*;

/// What a test keeps of a frame.
#[derive(Debug, PartialEq, Eq)]
struct Seen {
    number: u64,
    offset: u64,
    timestamp: Option<Timestamp>,
    interface: Option<u32>,
    link_type: LinkType,
    original_len: u32,
    data: Vec<u8>,
}

fn read_in_chunks(bytes: &[u8], chunk: usize) -> (Vec<Seen>, CaptureOutcome) {
    let mut seen = Vec::new();
    let mut reader = CaptureReader::new();
    for piece in bytes.chunks(chunk.max(1)) {
        reader.push(piece, |f| {
            seen.push(Seen {
                number: f.number,
                offset: f.file_offset,
                timestamp: f.timestamp,
                interface: f.interface.map(|i| i.id),
                link_type: f.link_type,
                original_len: f.original_len,
                data: f.data.to_vec(),
            })
        });
    }
    (seen, reader.finish())
}

/// A pcap file: magic in the given byte order, version, link type, then records.
fn pcap(
    big_endian: bool,
    nanos: bool,
    link_type: u32,
    records: &[(u32, u32, u32, &[u8])],
) -> Vec<u8> {
    let u32b = |v: u32| {
        if big_endian {
            v.to_be_bytes()
        } else {
            v.to_le_bytes()
        }
    };
    let u16b = |v: u16| {
        if big_endian {
            v.to_be_bytes()
        } else {
            v.to_le_bytes()
        }
    };
    let mut out = Vec::new();
    out.extend(u32b(if nanos { 0xA1B2_3C4D } else { 0xA1B2_C3D4 }));
    out.extend(u16b(2));
    out.extend(u16b(4));
    out.extend(u32b(0));
    out.extend(u32b(0));
    out.extend(u32b(65535));
    out.extend(u32b(link_type));
    for &(secs, fraction, original_len, data) in records {
        out.extend(u32b(secs));
        out.extend(u32b(fraction));
        out.extend(u32b(data.len() as u32));
        out.extend(u32b(original_len));
        out.extend(data);
    }
    out
}

/// A little-endian pcapng block with a body padded to 32 bits.
fn block(block_type: u32, body: &[u8]) -> Vec<u8> {
    let padded = (body.len() + 3) & !3;
    let len = (12 + padded) as u32;
    let mut out = Vec::new();
    out.extend(block_type.to_le_bytes());
    out.extend(len.to_le_bytes());
    out.extend(body);
    out.resize(8 + padded, 0);
    out.extend(len.to_le_bytes());
    out
}

fn section_header() -> Vec<u8> {
    let mut body = Vec::new();
    body.extend(0x1A2B_3C4Du32.to_le_bytes());
    body.extend(1u16.to_le_bytes());
    body.extend(0u16.to_le_bytes());
    body.extend((-1i64).to_le_bytes());
    block(0x0A0D_0D0A, &body)
}

fn interface_block(link_type: u16, options: &[(u16, &[u8])]) -> Vec<u8> {
    let mut body = Vec::new();
    body.extend(link_type.to_le_bytes());
    body.extend(0u16.to_le_bytes());
    body.extend(0u32.to_le_bytes());
    for (code, value) in options {
        body.extend(code.to_le_bytes());
        body.extend((value.len() as u16).to_le_bytes());
        body.extend(*value);
        body.resize((body.len() + 3) & !3, 0);
    }
    if !options.is_empty() {
        body.extend([0u8; 4]);
    }
    block(1, &body)
}

fn enhanced_packet(interface: u32, ticks: u64, data: &[u8]) -> Vec<u8> {
    let mut body = Vec::new();
    body.extend(interface.to_le_bytes());
    body.extend(((ticks >> 32) as u32).to_le_bytes());
    body.extend((ticks as u32).to_le_bytes());
    body.extend((data.len() as u32).to_le_bytes());
    body.extend((data.len() as u32 + 10).to_le_bytes());
    body.extend(data);
    block(6, &body)
}

#[test]
fn pcap_in_both_byte_orders_and_resolutions() {
    for big_endian in [false, true] {
        for nanos in [false, true] {
            let bytes = pcap(
                big_endian,
                nanos,
                1,
                &[
                    (1_700_000_000, 250, 60, &[0xAA; 14]),
                    (1_700_000_001, 7, 14, &[0xBB; 14]),
                ],
            );
            let (seen, outcome) = read_in_chunks(&bytes, bytes.len());
            assert_eq!(outcome.error, None);
            assert_eq!(seen.len(), 2);
            let expected_nanos = if nanos { 250 } else { 250_000 };
            assert_eq!(
                seen[0].timestamp,
                Some(Timestamp {
                    secs: 1_700_000_000,
                    nanos: expected_nanos
                })
            );
            // A snap length shorter than the packet is normal.
            assert_eq!((seen[0].original_len, seen[0].data.len()), (60, 14));
            assert_eq!(seen[0].link_type, LinkType::ETHERNET);
            assert_eq!(seen[0].interface, None, "pcap names no interfaces");
            assert_eq!((seen[0].offset, seen[1].offset), (24, 24 + 16 + 14));
            assert_eq!(seen[1].number, 2);
        }
    }
}

#[test]
fn chunk_boundaries_do_not_change_what_is_read() {
    let bytes = pcap(
        false,
        false,
        1,
        &[(1, 1, 100, &[1; 100]), (2, 2, 3, &[2; 3]), (3, 3, 0, &[])],
    );
    let (whole, _) = read_in_chunks(&bytes, bytes.len());
    for chunk in [1, 2, 3, 5, 16, 17, 23, 24, 25, 64] {
        let (seen, outcome) = read_in_chunks(&bytes, chunk);
        assert_eq!(outcome.error, None, "chunk {chunk}");
        assert_eq!(seen, whole, "chunk {chunk}");
    }
}

#[test]
fn a_file_cut_inside_a_record_keeps_the_frames_before_it() {
    let bytes = pcap(
        false,
        false,
        1,
        &[(1, 1, 10, &[1; 10]), (2, 2, 40, &[2; 40])],
    );
    let cut = &bytes[..bytes.len() - 5];
    for chunk in [1, 7, cut.len()] {
        let (seen, outcome) = read_in_chunks(cut, chunk);
        assert_eq!(seen.len(), 1);
        let error = outcome.error.expect("an error");
        assert_eq!(error.offset, 24 + 16 + 10, "the offset of the cut record");
        assert_eq!(
            error.kind,
            CaptureErrorKind::Truncated {
                needed: 56,
                available: 51
            }
        );
        assert!(
            error
                .to_string()
                .starts_with("at byte 50: the file is cut short"),
            "{error}"
        );
    }
}

#[test]
fn an_absurd_record_length_is_an_error_not_an_allocation() {
    let mut bytes = pcap(false, false, 1, &[(1, 1, 10, &[1; 10])]);
    bytes.extend([0u8; 8]);
    bytes.extend(0x7FFF_FF00u32.to_le_bytes());
    bytes.extend(0x7FFF_FF00u32.to_le_bytes());
    bytes.extend([0u8; 100]);
    let (seen, outcome) = read_in_chunks(&bytes, 13);
    assert_eq!(seen.len(), 1);
    let error = outcome.error.expect("an error");
    assert_eq!(error.offset, 50);
    assert_eq!(
        error.kind,
        CaptureErrorKind::RecordTooLarge {
            claimed: 0x7FFF_FF00
        }
    );
}

#[test]
fn headers_that_are_not_captures_are_named() {
    let (_, outcome) = read_in_chunks(
        b"GET / HTTP/1.1\r\n\r\n but longer than twenty-four bytes",
        100,
    );
    assert!(matches!(
        outcome.error,
        Some(CaptureError {
            offset: 0,
            kind: CaptureErrorKind::NotACapture { .. }
        })
    ));
    let (_, outcome) = read_in_chunks(&[], 100);
    assert_eq!(
        outcome.error.map(|e| e.kind),
        Some(CaptureErrorKind::TooShort { bytes: 0 })
    );
    let (_, outcome) = read_in_chunks(&[0xD4, 0xC3, 0xB2, 0xA1, 2, 0], 100);
    assert_eq!(
        outcome.error.map(|e| e.kind),
        Some(CaptureErrorKind::TooShort { bytes: 6 })
    );
    let mut version_one = pcap(false, false, 1, &[]);
    version_one[4] = 1;
    let (_, outcome) = read_in_chunks(&version_one, 100);
    assert_eq!(
        outcome.error.map(|e| e.kind),
        Some(CaptureErrorKind::UnsupportedVersion {
            format: "pcap".into(),
            major: 1,
            minor: 4
        })
    );
    let (_, outcome) = read_in_chunks(&pcap(false, false, 0x0030_0001, &[]), 100);
    assert_eq!(
        outcome.error.map(|e| e.kind),
        Some(CaptureErrorKind::ReservedLinkTypeBits { field: 0x0030_0001 })
    );
}

#[test]
fn pcapng_interfaces_resolutions_offsets_and_names() {
    let mut bytes = section_header();
    // Interface 0: Ethernet, microseconds. Interface 1: SLL2, 2^-10 s units, offset 100 s, named.
    bytes.extend(interface_block(1, &[]));
    bytes.extend(interface_block(
        276,
        &[(2, b"cni0"), (9, &[0x80 | 10]), (14, &100i64.to_le_bytes())],
    ));
    bytes.extend(enhanced_packet(0, 1_500_000, &[1; 20]));
    bytes.extend(enhanced_packet(1, 3 * 1024 + 512, &[2; 21]));
    bytes.extend(block(4, &[0; 4])); // a name resolution block: skipped
    bytes.extend(block(0xDEAD, &[0; 8])); // an unknown block: skipped
    let (seen, outcome) = read_in_chunks(&bytes, 9);
    assert_eq!(outcome.error, None);
    assert_eq!(outcome.warnings, []);
    assert_eq!(seen.len(), 2);
    assert_eq!(
        seen[0].timestamp,
        Some(Timestamp {
            secs: 1,
            nanos: 500_000_000
        })
    );
    assert_eq!(seen[0].link_type, LinkType::ETHERNET);
    assert_eq!(
        seen[1].timestamp,
        Some(Timestamp {
            secs: 103,
            nanos: 500_000_000
        })
    );
    assert_eq!(
        (seen[1].interface, seen[1].link_type),
        (Some(1), LinkType::LINUX_SLL2)
    );
    assert_eq!(seen[1].data.len(), 21, "padding is not packet data");
    assert_eq!(seen[1].original_len, 31);

    let mut reader = CaptureReader::new();
    reader.push(&bytes, |_| {});
    assert_eq!(reader.interfaces()[1].name.as_deref(), Some("cni0"));
}

#[test]
fn pcapng_sections_restart_interface_numbering() {
    let mut bytes = section_header();
    bytes.extend(interface_block(1, &[]));
    bytes.extend(enhanced_packet(0, 1, &[1; 14]));
    bytes.extend(section_header());
    bytes.extend(interface_block(101, &[]));
    bytes.extend(enhanced_packet(0, 2, &[2; 14]));
    let (seen, outcome) = read_in_chunks(&bytes, 5);
    assert_eq!(outcome.error, None);
    assert_eq!(
        seen.iter()
            .map(|s| (s.interface, s.link_type))
            .collect::<Vec<_>>(),
        [(Some(0), LinkType::ETHERNET), (Some(1), LinkType::RAW)]
    );
}

#[test]
fn a_packet_naming_a_missing_interface_is_kept_with_a_warning() {
    let mut bytes = section_header();
    bytes.extend(interface_block(1, &[]));
    bytes.extend(enhanced_packet(7, 1, &[1; 14]));
    let (seen, outcome) = read_in_chunks(&bytes, bytes.len());
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].interface, None);
    assert_eq!(outcome.warnings.len(), 1);
    assert!(outcome.warnings[0].message.contains("interface 7"));
}

#[test]
fn pcapng_framing_errors_are_fatal_and_located() {
    let mut bytes = section_header();
    bytes.extend(interface_block(1, &[]));
    let good = bytes.len() as u64;
    // A block length that is not a multiple of four.
    bytes.extend(6u32.to_le_bytes());
    bytes.extend(13u32.to_le_bytes());
    bytes.extend([0u8; 13]);
    let (_, outcome) = read_in_chunks(&bytes, 4);
    assert_eq!(
        outcome.error,
        Some(CaptureError {
            offset: good,
            kind: CaptureErrorKind::BadBlockLength {
                block_type: 6,
                block_len: 13
            }
        })
    );

    // Leading and trailing lengths that disagree: a warning, and reading goes on by the leading
    // length (the packet in that block cannot be trusted and is skipped).
    let mut bytes = section_header();
    bytes.extend(interface_block(1, &[]));
    let mut bad = enhanced_packet(0, 1, &[1; 4]);
    let n = bad.len();
    bad[n - 4] ^= 0x40;
    let bad_at = bytes.len() as u64;
    bytes.extend(bad);
    bytes.extend(enhanced_packet(0, 2, &[2; 4]));
    let (seen, outcome) = read_in_chunks(&bytes, 1000);
    assert_eq!(outcome.error, None);
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].data, [2; 4]);
    assert!(
        outcome.warnings.iter().all(|w| w.offset == bad_at),
        "{:?}",
        outcome.warnings
    );
    assert!(
        outcome.warnings[0].message.contains("at its start"),
        "{:?}",
        outcome.warnings
    );
}

#[test]
fn input_after_a_fatal_error_is_ignored() {
    let mut reader = CaptureReader::new();
    let mut frames = 0;
    reader.push(b"this is not a capture file at all", |_| frames += 1);
    reader.push(&pcap(false, false, 1, &[(1, 1, 1, &[1])]), |_| frames += 1);
    assert_eq!(frames, 0);
    assert!(matches!(
        reader.finish().error.map(|e| e.kind),
        Some(CaptureErrorKind::NotACapture { .. })
    ));
}

#[test]
fn timestamps_carry_invalid_fractions_and_round_binary_ones() {
    assert_eq!(
        Timestamp::from_fraction(10, 1_000_000_000, 1_000_000_000),
        Timestamp { secs: 11, nanos: 0 }
    );
    assert_eq!(
        Timestamp::from_fraction(10, 1, 3),
        Timestamp {
            secs: 10,
            nanos: 333_333_333
        }
    );
    assert_eq!(
        Timestamp::from_fraction(10, 2, 3),
        Timestamp {
            secs: 10,
            nanos: 666_666_667
        }
    );
    assert_eq!(Timestamp { secs: 5, nanos: 7 }.to_string(), "5.000000007");
}

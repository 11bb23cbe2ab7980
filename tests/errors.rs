//! Corrupt and truncated captures from `../shared/captures`: each gets a named error at the
//! right byte, everything before it is still read, and how the file is chunked never matters.

use dropscope_core::capture::{CaptureErrorKind, CaptureOutcome, CaptureReader};
use dropscope_tests::{captures_in, shared_captures_or_skip};

/// (number, offset, captured length) of each frame, and the outcome.
fn read(bytes: &[u8], chunk: usize) -> (Vec<(u64, u64, usize)>, CaptureOutcome) {
    let mut frames = Vec::new();
    let mut reader = CaptureReader::new();
    for piece in bytes.chunks(chunk.max(1)) {
        reader.push(piece, |f| {
            frames.push((f.number, f.file_offset, f.data.len()))
        });
    }
    (frames, reader.finish())
}

#[test]
fn corrupt_files_get_named_errors_at_the_right_byte() {
    let Some(captures) =
        shared_captures_or_skip("corrupt_files_get_named_errors_at_the_right_byte")
    else {
        return;
    };
    let public = captures.join("public");
    type Case = (&'static str, usize, u64, fn(&CaptureErrorKind) -> bool);
    let cases: &[Case] = &[
        // (file, frames read before the error, error offset, kind) — offsets as the manifest's
        // independent structure check gives them.
        (
            "derived__pcapng-multi-interface_cut-mid-block.pcapng",
            5,
            1132,
            |k| {
                matches!(
                    k,
                    CaptureErrorKind::Truncated {
                        needed: 216,
                        available: 108
                    }
                )
            },
        ),
        ("derived__syn-then-rst_huge-incl-len.pcap", 1, 94, |k| {
            matches!(
                k,
                CaptureErrorKind::RecordTooLarge {
                    claimed: 2147483392
                }
            )
        }),
        (
            "derived__tcp-handshake-nano_cut-mid-record.pcap",
            2,
            208,
            |k| {
                matches!(
                    k,
                    CaptureErrorKind::Truncated {
                        needed: 84,
                        available: 50
                    }
                )
            },
        ),
        (
            "libpcap__linktype-reserved-field-not-zero.pcap",
            0,
            0,
            |k| matches!(k, CaptureErrorKind::ReservedLinkTypeBits { .. }),
        ),
        ("libpcap__pcap-invalid-version-1.pcap", 0, 0, |k| {
            matches!(
                k,
                CaptureErrorKind::UnsupportedVersion { format, major: 1, .. } if format == "pcap"
            )
        }),
        ("libpcap__pcapng-invalid-vers-1.pcapng", 0, 0, |k| {
            matches!(
                k,
                CaptureErrorKind::UnsupportedVersion { format, major: 0, minor: 1 } if format == "pcapng"
            )
        }),
        (
            "scapy__bad_rsn_parsing_overrides_ssid.pcap",
            1,
            0, // checked against the file length below
            |_| true,
        ),
    ];
    for &(name, frames_before, offset, kind_ok) in cases {
        let bytes = std::fs::read(public.join(name)).expect(name);
        let (frames, outcome) = read(&bytes, 4096);
        let error = outcome.error.unwrap_or_else(|| panic!("{name}: no error"));
        println!("{name}: {} frames, then {error}", frames.len());
        assert_eq!(
            frames.len(),
            frames_before,
            "{name}: frames before the error"
        );
        assert!(kind_ok(&error.kind), "{name}: unexpected error {error:?}");
        if name.starts_with("scapy") {
            // One trailing byte after the last record.
            assert_eq!(error.offset, bytes.len() as u64 - 1, "{name}");
            assert!(
                matches!(error.kind, CaptureErrorKind::Truncated { available: 1, .. }),
                "{name}: {error:?}"
            );
        } else {
            assert_eq!(error.offset, offset, "{name}");
        }
    }
}

#[test]
fn every_damaged_block_is_named_with_its_offset() {
    let Some(captures) = shared_captures_or_skip("every_damaged_block_is_named_with_its_offset")
    else {
        return;
    };
    let bytes = std::fs::read(captures.join("public/libpcap__shb-option-too-long.pcapng")).unwrap();
    let (frames, outcome) = read(&bytes, 4096);
    // Fuzzed bytes (0x30) run through the section header, the interface description and the
    // packet block. Their leading lengths still frame the file, so we read to the end and name
    // each damaged block; no packet can be trusted, because its interface is unreadable.
    for warning in &outcome.warnings {
        println!("warning {warning}");
    }
    assert_eq!(outcome.error, None);
    assert_eq!(frames.len(), 0);
    let offsets: Vec<u64> = outcome.warnings.iter().map(|w| w.offset).collect();
    assert!(
        offsets.contains(&0) && offsets.contains(&52) && offsets.contains(&84),
        "{offsets:?}"
    );
    assert!(
        outcome
            .warnings
            .iter()
            .any(|w| w.message.contains("option 12336 claims 12336 bytes")),
        "{:?}",
        outcome.warnings
    );
}

#[test]
fn chunking_never_changes_what_is_read() {
    let Some(captures) = shared_captures_or_skip("chunking_never_changes_what_is_read") else {
        return;
    };
    let mut files = 0;
    for dir in ["public", "k8s"] {
        for path in captures_in(&captures.join(dir)) {
            let bytes = std::fs::read(&path).unwrap();
            let whole = read(&bytes, bytes.len());
            for chunk in [1, 3, 64, 1500] {
                let pieces = read(&bytes, chunk);
                assert_eq!(pieces.0, whole.0, "{} in chunks of {chunk}", path.display());
                assert_eq!(pieces.1, whole.1, "{} in chunks of {chunk}", path.display());
            }
            files += 1;
        }
    }
    println!("{files} captures read identically in chunks of 1, 3, 64, 1500 bytes and whole");
    assert!(files > 100);
}

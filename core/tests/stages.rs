//! The analyzer's two stages run side by side (frames on one thread, journeys on another, as
//! the CLI runs them) give the report the one-thread analysis gives, whatever the chunk size.

use std::path::PathBuf;
use std::sync::mpsc;

use dropscope_core::analyzer::{AnalyzeOptions, Analyzer, Handed};

fn lab(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../public/examples/lab")
        .join(name);
    std::fs::read(path).unwrap()
}

fn in_one_thread(bytes: &[u8], chunk: usize) -> String {
    let mut analyzer = Analyzer::new(AnalyzeOptions::default());
    for piece in bytes.chunks(chunk) {
        analyzer.push(piece);
    }
    serde_json::to_string(&analyzer.finish()).unwrap()
}

fn side_by_side(bytes: &[u8], chunk: usize) -> String {
    let mut analyzer = Analyzer::new(AnalyzeOptions::default());
    let (frames, journeys) = analyzer.stages();
    std::thread::scope(|scope| {
        let (full, to_follow) = mpsc::sync_channel::<Vec<Handed>>(2);
        scope.spawn(move || {
            for batch in to_follow {
                journeys.take(batch);
            }
        });
        for piece in bytes.chunks(chunk) {
            let mut batch = Vec::new();
            frames.push(piece, &mut batch);
            full.send(batch).unwrap();
        }
    });
    serde_json::to_string(&analyzer.finish()).unwrap()
}

#[test]
fn two_stages_on_two_threads_give_the_one_thread_report() {
    // The busy node (3.5 MB, loopback, probes, DNS, hostNetwork), a per-interface pcapng whose
    // frames come out of time order, and a failure.
    for name in [
        "busy_node.node.any.pcap",
        "bridge_nf_off.node.pcapng",
        "vxlan_checksum_bug63.node2.any.pcap",
    ] {
        let bytes = lab(name);
        let alone = in_one_thread(&bytes, 1 << 20);
        for chunk in [1 << 20, 4096, 1000] {
            assert_eq!(
                side_by_side(&bytes, chunk),
                alone,
                "{name}, chunks of {chunk}"
            );
            assert_eq!(
                in_one_thread(&bytes, chunk),
                alone,
                "{name}, chunks of {chunk}"
            );
        }
    }
}

//! The whole analysis over every capture in `../shared/captures`: nothing panics, every frame a
//! report names exists, and what each capture yields is printed for review.

use dropscope_core::analyzer::{AnalyzeOptions, Analyzer};
use dropscope_core::signatures::Severity;
use dropscope_tests::{captures_in, shared_captures_or_skip};

#[test]
fn every_shared_capture_analyses_and_its_report_points_at_real_frames() {
    let Some(captures) = shared_captures_or_skip(
        "every_shared_capture_analyses_and_its_report_points_at_real_frames",
    ) else {
        return;
    };
    let mut files = 0;
    let mut warnings: Vec<(String, &str)> = Vec::new();
    for dir in ["public", "k8s"] {
        for path in captures_in(&captures.join(dir)) {
            let bytes = std::fs::read(&path).unwrap();
            let mut analyzer = Analyzer::new(AnalyzeOptions::default());
            for chunk in bytes.chunks(4096) {
                analyzer.push(chunk);
            }
            let report = analyzer.finish();
            let frames = report.analysis.capture.frames;
            let mut named: Vec<u64> = report
                .analysis
                .journeys
                .iter()
                .flat_map(|j| j.frames.iter().copied())
                .collect();
            named.extend(
                report
                    .analysis
                    .connections
                    .iter()
                    .flat_map(|c| c.evidence()),
            );
            named.extend(report.analysis.dns.iter().flat_map(|q| q.evidence()));
            assert!(
                named.iter().all(|&f| f >= 1 && f <= frames),
                "{}: a frame outside 1..={frames}",
                path.display()
            );
            // Every journey's hops are in the capture once, and journeys do not share frames.
            let mut all: Vec<u64> = report
                .analysis
                .journeys
                .iter()
                .flat_map(|j| j.frames.iter().copied())
                .collect();
            let before = all.len();
            all.sort_unstable();
            all.dedup();
            assert_eq!(
                all.len(),
                before,
                "{}: a frame in two journeys",
                path.display()
            );
            for finding in report
                .findings
                .iter()
                .filter(|f| f.severity >= Severity::Warning)
            {
                let file = format!("{dir}/{}", path.file_name().unwrap().to_string_lossy());
                println!(
                    "  {:?} {}: {}",
                    finding.severity, finding.signature, finding.summary
                );
                warnings.push((file, finding.signature));
            }
            let ended_early = report
                .analysis
                .journeys
                .iter()
                .filter(|j| matches!(j.fate, dropscope_core::journey::Fate::EndedEarly { .. }))
                .count();
            println!(
                "{dir}/{}: {} frames, {} journeys, {} TCP connections, {} DNS queries, {} ended early",
                path.file_name().unwrap().to_string_lossy(),
                frames,
                report.analysis.journeys_total,
                report.analysis.connections.len(),
                report.analysis.dns.len(),
                ended_early
            );
            files += 1;
        }
    }
    assert!(files > 100);
    // Healthy traffic must not raise warnings: every warning or error on a shared capture is
    // either the failure the capture was made to show, or justified here.
    let expected: &[(&str, &str)] = &[
        ("k8s/a_asym_rpfilter_drop.any.pcap", "reply-dropped-on-host"),
        ("k8s/b_syn_backoff_vxlan8472.any.pcap", "vxlan-syn-loss"),
        ("k8s/c_nlb_hairpin_nosnat.any.pcap", "lb-hairpin-client-ip"),
        ("k8s/d_bridge_nf_off.any.pcap", "reply-bypasses-conntrack"),
        ("k8s/e_dns_aaaa_drop.any.pcap", "dns-conntrack-race"),
        // A true positive: both DNS queries (frames 33, 35, inside GRE) are answered by the
        // server's own ICMP port unreachable (34, 36): nothing listens on port 53 there.
        ("public/zeek__gre-sample.pcap", "dns-server-unreachable"),
    ];
    let unexpected: Vec<_> = warnings
        .iter()
        .filter(|(file, signature)| !expected.contains(&(file.as_str(), *signature)))
        .collect();
    assert!(
        unexpected.is_empty(),
        "warnings without a justification: {unexpected:?}"
    );
    for (file, signature) in expected {
        assert!(
            warnings.contains(&(file.to_string(), *signature)),
            "{file} no longer gives {signature}"
        );
    }
}

#[test]
fn udp_requests_and_replies_pair_up_across_the_capture() {
    let Some(captures) =
        shared_captures_or_skip("udp_requests_and_replies_pair_up_across_the_capture")
    else {
        return;
    };
    let bytes = std::fs::read(captures.join("public/pcapparser__ntp.pcap")).unwrap();
    let mut analyzer = Analyzer::new(AnalyzeOptions::default());
    analyzer.push(&bytes);
    let report = analyzer.finish();
    // Twelve NTP packets: six requests from hosts on 192.168.1.0/24, each answered by its server.
    assert_eq!(report.analysis.udp.len(), 6);
    for exchange in &report.analysis.udp {
        assert!(
            exchange.client.to_string().starts_with("192.168.1."),
            "{}",
            exchange.client
        );
        assert_eq!(exchange.server.port, 123);
        assert_eq!((exchange.from_client, exchange.from_server), (1, 1));
        assert_eq!(
            exchange.outcome,
            dropscope_core::connection::UdpOutcome::Answered
        );
        assert_eq!(exchange.server_frames[0], exchange.client_frames[0] + 1);
    }
}

#[test]
fn pcapng_interface_names_name_the_interfaces() {
    let Some(captures) = shared_captures_or_skip("pcapng_interface_names_name_the_interfaces")
    else {
        return;
    };
    let bytes = std::fs::read(captures.join("public/zeek__pcapng-multi-interface.pcapng")).unwrap();
    let mut analyzer = Analyzer::new(AnalyzeOptions::default());
    analyzer.push(&bytes);
    let report = analyzer.finish();
    let names: Vec<&str> = report
        .analysis
        .interfaces
        .iter()
        .map(|i| i.name.as_str())
        .collect();
    assert!(names.contains(&"eth0"), "{names:?}");
    assert!(report
        .analysis
        .journeys
        .iter()
        .flat_map(|j| &j.hops)
        .any(|h| h.interface_name == "eth0"));
}

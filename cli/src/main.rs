//! `dropscope`: the command-line front end. Reads files in chunks and hands them to
//! `dropscope-core`, so captures far larger than memory stream through.

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, BufWriter, Read, Write};
use std::process::ExitCode;

use dropscope_core::analyzer::{AnalyzeOptions, Analyzer};
use dropscope_core::capture::CaptureReader;
use dropscope_core::combine::combine;
use dropscope_core::decode::{decode, decode_reassembled, Reassembler};
use dropscope_core::fields::{write_row, TSHARK_FIELDS};
use dropscope_core::i18n::{self, Lang};
use dropscope_core::names::Names;
use dropscope_core::report::Report;
use dropscope_core::signatures::Severity;
use dropscope_core::summary::Summarizer;
use dropscope_core::words;

const USAGE: &str = "\
dropscope — explain Kubernetes networking failures from a packet capture

usage:
  dropscope analyze FILE... [--json] [--ifnames 2=cni0,3=vethpoda] [--clock FILE=SECONDS]
                    [--lang LANG]
                             connections, DNS, and packets that ended early on the node;
                             several captures (both nodes, a pod and its node) as one,
                             their clocks lined up on the packets they share
                    [--names FILE]... [--export-pcapng FILE [--finding N | --connection ID]]
                    [--threads N]
  dropscope explain SIGNATURE [--lang LANG]
                             cause, how to confirm and how to fix a finding
  dropscope packets FILE     one TSV row per packet, with tshark's field names
  dropscope summary FILE     what the capture holds, as JSON
  dropscope --help | --version

--lang en | zh-TW | zh-CN | ko: the language of the findings and explanations (by default the
one LC_ALL, LC_MESSAGES or LANG names, else English). Commands and names stay as they are.
--threads N: 1 reads and follows packets on one thread; by default decoding runs on one and
the journeys on another, with the same result.
";

/// Read size: large enough to amortise system calls, small enough to bound memory.
const CHUNK_BYTES: usize = 1 << 20;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args = match take_language(args) {
        Ok(args) => args,
        Err(message) => {
            eprintln!("dropscope: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let result = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["analyze", rest @ ..] => match analyze_options(rest) {
            Ok(request) if !request.paths.is_empty() => analyze(request),
            Ok(_) => {
                eprintln!("dropscope: analyze needs a capture file\n\n{USAGE}");
                return ExitCode::from(2);
            }
            Err(message) => {
                eprintln!("dropscope: {message}\n\n{USAGE}");
                return ExitCode::from(2);
            }
        },
        ["explain", id] => match dropscope_core::signatures::explanation(id) {
            Some(explanation) => io::stdout()
                .lock()
                .write_all(words::explanation_text(id, explanation).as_bytes())
                .map(|_| true),
            None => {
                let known: Vec<&str> = dropscope_core::signatures::SIGNATURES
                    .iter()
                    .map(|s| s.id())
                    .collect();
                eprintln!(
                    "dropscope: no signature `{id}`; known: {}",
                    known.join(", ")
                );
                return ExitCode::from(2);
            }
        },
        ["packets", path] => packets(path),
        ["summary", path] => summary(path),
        ["--version"] => {
            println!("dropscope {}", env!("CARGO_PKG_VERSION"));
            Ok(true)
        }
        ["--help"] | ["-h"] => {
            print!("{USAGE}");
            Ok(true)
        }
        _ => {
            eprint!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        // The capture had an error; what could be read was still printed.
        Ok(false) => ExitCode::from(1),
        // The reader went away (`dropscope summary f.pcap | head`): nothing more to say.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("dropscope: {error}");
            ExitCode::from(2)
        }
    }
}

/// Sets the language from `--lang` (anywhere on the line) or the locale, and returns the other
/// arguments.
fn take_language(args: Vec<String>) -> Result<Vec<String>, String> {
    let mut rest = Vec::with_capacity(args.len());
    let mut asked = None;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        if arg == "--lang" {
            asked = Some(args.next().ok_or("--lang needs en, zh-TW, zh-CN or ko")?);
        } else if let Some(tag) = arg.strip_prefix("--lang=") {
            asked = Some(tag.to_string());
        } else {
            rest.push(arg);
        }
    }
    let lang = match asked {
        Some(tag) => Lang::from_tag(&tag)
            .ok_or_else(|| format!("no language `{tag}`; known: en, zh-TW, zh-CN, ko"))?,
        None => locale_language(),
    };
    i18n::set_language(lang);
    Ok(rest)
}

/// The language of the locale (`LC_ALL`, then `LC_MESSAGES`, then `LANG`: `zh_TW.UTF-8`,
/// `ko_KR.UTF-8`); English for `C`, `POSIX` and languages dropscope does not speak.
fn locale_language() -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.is_empty())
        .and_then(|value| {
            let tag = value
                .split(['.', '@'])
                .next()
                .unwrap_or_default()
                .to_string();
            Lang::from_tag(&tag)
        })
        .unwrap_or_default()
}

/// Calls `on_chunk` with successive chunks of the file.
fn read_chunks(path: &str, mut on_chunk: impl FnMut(&[u8]) -> io::Result<()>) -> io::Result<()> {
    let mut file =
        File::open(path).map_err(|e| io::Error::new(e.kind(), format!("{path}: {e}")))?;
    // A regular file is read through a mapping of the page cache, chunk by chunk as before;
    // anything else (a pipe, /dev/stdin) with read(2).
    if file.metadata().is_ok_and(|m| m.is_file() && m.len() > 0) {
        // SAFETY: the mapping is read-only and only read through the slice below. Another
        // process truncating the file while it is read would make the read fault (as with
        // any tool that maps its input); nothing here writes to it.
        if let Ok(mapped) = unsafe { memmap2::Mmap::map(&file) } {
            #[cfg(unix)]
            let _ = mapped.advise(memmap2::Advice::Sequential);
            let mut start = 0;
            while start < mapped.len() {
                let end = (start + CHUNK_BYTES).min(mapped.len());
                on_chunk(&mapped[start..end])?;
                // Pages read are let go, so that memory does not grow with the file (they stay
                // in the page cache). SAFETY: nothing borrows this range any more (the analysis
                // copies what it keeps), and a shared read-only file mapping reads the same
                // bytes again if touched.
                #[cfg(unix)]
                let _ = unsafe {
                    mapped.unchecked_advise_range(
                        memmap2::UncheckedAdvice::DontNeed,
                        start,
                        end - start,
                    )
                };
                start = end;
            }
            return Ok(());
        }
    }
    let mut buffer = vec![0u8; CHUNK_BYTES];
    loop {
        let n = match file.read(&mut buffer) {
            Ok(0) => return Ok(()),
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(io::Error::new(e.kind(), format!("{path}: {e}"))),
        };
        on_chunk(&buffer[..n])?;
    }
}

/// Batches of observations in flight between the two stages: enough to keep both busy,
/// few enough to keep memory bounded (a batch is one chunk's packets).
const BATCHES_IN_FLIGHT: usize = 4;

/// Reads, decodes and observes on this thread while another follows the journeys; the
/// batches go over in order, and come back empty to be filled again.
fn read_in_two_stages(path: &str, analyzer: &mut Analyzer) -> io::Result<()> {
    use dropscope_core::analyzer::Handed;
    use std::sync::mpsc;
    let (frames, journeys) = analyzer.stages();
    std::thread::scope(|scope| {
        let (full, to_follow) = mpsc::sync_channel::<Vec<Handed>>(BATCHES_IN_FLIGHT);
        let (emptied, to_fill) = mpsc::channel::<Vec<Handed>>();
        scope.spawn(move || {
            for mut batch in to_follow {
                journeys.take(batch.drain(..));
                // The reader may have stopped already; the batch is then dropped.
                let _ = emptied.send(batch);
            }
        });
        read_chunks(path, |chunk| {
            let mut batch = to_fill.try_recv().unwrap_or_default();
            frames.push(chunk, &mut batch);
            full.send(batch)
                .map_err(|_| io::Error::other("the journey stage stopped"))
        })
    })
}

fn packets(path: &str) -> io::Result<bool> {
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    writeln!(out, "{}", TSHARK_FIELDS.join("\t"))?;
    let mut reader = CaptureReader::new();
    let mut row = String::with_capacity(256);
    let mut reassembler = Reassembler::new();
    let mut write_error = None;
    read_chunks(path, |chunk| {
        let (rows, error, out, reassembler) =
            (&mut row, &mut write_error, &mut out, &mut reassembler);
        reader.push(chunk, |frame| {
            rows.clear();
            let packet = decode(frame);
            let datagram = reassembler.add(frame.number, &packet);
            let inner = datagram.as_ref().map(decode_reassembled);
            write_row(rows, frame, &packet, inner.as_ref());
            rows.push('\n');
            if error.is_none() {
                if let Err(e) = out.write_all(rows.as_bytes()) {
                    *error = Some(e);
                }
            }
        });
        match write_error.take() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    })?;
    out.flush()?;
    let outcome = reader.finish();
    for warning in &outcome.warnings {
        eprintln!("dropscope: {path}: warning {warning}");
    }
    if let Some(error) = &outcome.error {
        eprintln!(
            "dropscope: {path}: {error} ({} frames read before it)",
            outcome.frames
        );
        return Ok(false);
    }
    Ok(true)
}

fn summary(path: &str) -> io::Result<bool> {
    let mut summarizer = Summarizer::new();
    read_chunks(path, |chunk| {
        summarizer.push(chunk);
        Ok(())
    })?;
    let summary = summarizer.finish();
    let json = serde_json::to_string_pretty(&summary).map_err(io::Error::other)?;
    writeln!(io::stdout().lock(), "{json}")?;
    if let Some(error) = &summary.error {
        eprintln!("dropscope: {path}: {error}");
        return Ok(false);
    }
    Ok(true)
}

/// What `dropscope analyze` was asked.
struct AnalyzeRequest {
    paths: Vec<String>,
    json: bool,
    options: AnalyzeOptions,
    /// Clock offsets given by hand, by capture index.
    clocks: HashMap<usize, f64>,
    /// Where to write the evidence as pcapng, and of what.
    export: Option<(String, ExportWhat)>,
    /// Files with the cluster's names (`ip -o link`, `kubectl get pods -A -o wide`, …).
    names: Vec<String>,
    /// Threads to use: with two or more, reading and decoding run beside the journeys.
    threads: usize,
}

/// Whose evidence `--export-pcapng` writes.
#[derive(Clone, Copy)]
enum ExportWhat {
    /// The first warning or error (or finding N, 1-based, with `--finding N`).
    Finding(Option<usize>),
    Connection(u64),
}

fn analyze_options(args: &[&str]) -> Result<AnalyzeRequest, String> {
    let mut request = AnalyzeRequest {
        paths: Vec::new(),
        json: false,
        options: AnalyzeOptions::default(),
        clocks: HashMap::new(),
        export: None,
        names: Vec::new(),
        threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    let mut export_to: Option<String> = None;
    let mut export_what = ExportWhat::Finding(None);
    let mut clocks: Vec<(String, f64)> = Vec::new();
    let mut args = args.iter();
    while let Some(&arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => (flag, Some(value)),
            _ => (arg, None),
        };
        let mut value = |what: &str| -> Result<String, String> {
            match inline {
                Some(value) => Ok(value.to_string()),
                None => args
                    .next()
                    .map(|v| v.to_string())
                    .ok_or_else(|| format!("{flag} needs {what}")),
            }
        };
        match flag {
            "--json" => request.json = true,
            "--ifnames" => {
                request.options.interface_names =
                    AnalyzeOptions::parse_interface_names(&value("INDEX=NAME,...")?)?
            }
            "--clock" => {
                let text = value("FILE=SECONDS")?;
                let (file, seconds) = text
                    .rsplit_once('=')
                    .ok_or_else(|| format!("--clock {text}: not FILE=SECONDS"))?;
                let seconds: f64 = seconds.parse().map_err(|_| {
                    format!("--clock {text}: `{seconds}` is not a number of seconds")
                })?;
                clocks.push((file.to_string(), seconds));
            }
            "--export-pcapng" => export_to = Some(value("FILE")?),
            "--names" => request.names.push(value("FILE")?),
            "--threads" => {
                let text = value("N")?;
                request.threads =
                    text.parse()
                        .ok()
                        .filter(|&n: &usize| n >= 1)
                        .ok_or_else(|| {
                            format!("--threads {text}: not a number of threads (1, 2, …)")
                        })?;
            }
            "--finding" => {
                let text = value("N")?;
                let n: usize =
                    text.parse().ok().filter(|&n| n >= 1).ok_or_else(|| {
                        format!("--finding {text}: not a finding number (1, 2, …)")
                    })?;
                export_what = ExportWhat::Finding(Some(n));
            }
            "--connection" => {
                let text = value("ID")?;
                let id: u64 = text
                    .parse()
                    .map_err(|_| format!("--connection {text}: not a connection id"))?;
                export_what = ExportWhat::Connection(id);
            }
            other if other.starts_with("--") => return Err(format!("unknown option `{other}`")),
            path => request.paths.push(path.to_string()),
        }
    }
    if request.paths.len() > dropscope_core::files::MAX_FILES {
        return Err(format!(
            "at most {} captures at once",
            dropscope_core::files::MAX_FILES
        ));
    }
    request.export = export_to.map(|to| (to, export_what));
    for (file, seconds) in clocks {
        let index = request
            .paths
            .iter()
            .position(|p| *p == file)
            .ok_or_else(|| format!("--clock {file}: not one of the captures given"))?;
        request.clocks.insert(index, seconds);
    }
    Ok(request)
}

/// Reads the cluster's names from `paths`, saying on stderr what could not be read.
fn read_names(paths: &[String]) -> io::Result<Names> {
    let mut names = Names::new();
    for path in paths {
        let bytes =
            std::fs::read(path).map_err(|e| io::Error::new(e.kind(), format!("{path}: {e}")))?;
        let report = names.add(path, &String::from_utf8_lossy(&bytes));
        for problem in &report.problems {
            eprintln!("dropscope: {}", words::names_problem(path, problem));
        }
    }
    Ok(names)
}

/// Analyses one capture; again with the names of its interfaces when `names` has its node's
/// `ip link` (interface names decide roles: a veth is a pod's side, cni0 a bridge).
fn analyze_capture(
    path: &str,
    options: AnalyzeOptions,
    names: &Names,
    threads: usize,
) -> io::Result<Report> {
    let run = |options: AnalyzeOptions| -> io::Result<Report> {
        let mut analyzer = Analyzer::new(options);
        if threads < 2 {
            read_chunks(path, |chunk| {
                analyzer.push(chunk);
                Ok(())
            })?;
        } else {
            read_in_two_stages(path, &mut analyzer)?;
        }
        Ok(analyzer.finish())
    };
    let report = run(options.clone())?;
    if names.is_empty() {
        return Ok(report);
    }
    let found = dropscope_core::report::interface_names(&report, names);
    if found.is_empty() {
        return Ok(report);
    }
    let mut interface_names = found;
    interface_names.extend(options.interface_names.clone());
    run(AnalyzeOptions {
        interface_names,
        ..options
    })
}

fn analyze(request: AnalyzeRequest) -> io::Result<bool> {
    let names = read_names(&request.names)?;
    let mut reports = Vec::with_capacity(request.paths.len());
    for (file, path) in request.paths.iter().enumerate() {
        let options = AnalyzeOptions {
            file: file as u32,
            ..request.options.clone()
        };
        reports.push((
            path.clone(),
            analyze_capture(path, options, &names, request.threads)?,
        ));
    }
    let errors: Vec<(String, String)> = reports
        .iter()
        .filter_map(|(path, report)| {
            report
                .analysis
                .capture
                .error
                .as_ref()
                .map(|e| (path.clone(), e.to_string()))
        })
        .collect();
    let name = request.paths.join(" + ");
    let mut report = combine(reports, &request.clocks);
    if !names.is_empty() {
        report.name_with(&names);
        dropscope_core::names::set_book(report.names.clone());
    }
    // Frames are shown with their capture's name when there are several.
    dropscope_core::files::set_labels(
        report
            .analysis
            .capture
            .files
            .iter()
            .map(|f| dropscope_core::files::label_of(&f.name))
            .collect(),
    );
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    if request.json {
        // One line: a report of a big capture is tens of megabytes, a third of them
        // indentation when pretty (`jq .` indents it for reading).
        serde_json::to_writer(&mut out, &report).map_err(io::Error::other)?;
        writeln!(out)?;
    } else {
        out.write_all(words::report_text(&name, &report).as_bytes())?;
    }
    out.flush()?;
    for (path, error) in &errors {
        eprintln!("dropscope: {path}: {error}");
    }
    if let Some((to, what)) = &request.export {
        export_evidence(&request.paths, &report, to, *what)?;
    }
    Ok(errors.is_empty())
}

/// Writes the frames of a finding or connection, from every capture they are in, as pcapng.
fn export_evidence(
    paths: &[String],
    report: &Report,
    to: &str,
    what: ExportWhat,
) -> io::Result<()> {
    use dropscope_core::export::{
        evidence_pcapng, of_connection, of_finding, pick_frames, EvidencePacket,
    };
    use dropscope_core::files::{file_of, frame_id, frame_number};
    let selection = match what {
        ExportWhat::Finding(Some(n)) => of_finding(report, n - 1),
        ExportWhat::Finding(None) => report
            .findings
            .iter()
            .position(|f| f.severity >= Severity::Warning)
            .and_then(|at| of_finding(report, at)),
        ExportWhat::Connection(id) => of_connection(report, id),
    }
    .ok_or_else(|| {
        io::Error::other("--export-pcapng: no such finding or connection in this analysis")
    })?;
    // How each frame was seen: its interface as the analysis names it, and which way it went.
    let mut seen: HashMap<u64, (String, dropscope_core::journey::Direction)> = HashMap::new();
    for journey in &report.analysis.journeys {
        for hop in &journey.hops {
            seen.insert(hop.frame, (hop.interface_name.clone(), hop.direction));
        }
    }
    let mut packets = Vec::new();
    for (file, path) in paths.iter().enumerate() {
        let wanted: Vec<u64> = selection
            .frames
            .iter()
            .filter(|&&f| file_of(f) == file as u32)
            .map(|&f| frame_number(f))
            .collect();
        if wanted.is_empty() {
            continue;
        }
        let bytes =
            std::fs::read(path).map_err(|e| io::Error::new(e.kind(), format!("{path}: {e}")))?;
        let offset = report
            .analysis
            .capture
            .files
            .get(file)
            .map_or(0, |f| (f.clock_offset * 1e9) as i128);
        let picked = pick_frames(&bytes, &wanted);
        for frame in picked.frames {
            let id = frame_id(file as u32, frame.number);
            let interface = &picked.interfaces[frame.interface];
            let (name, direction) = seen.get(&id).cloned().unwrap_or_else(|| {
                (
                    interface
                        .name
                        .clone()
                        .unwrap_or_else(|| dropscope_core::files::label_of(path)),
                    dropscope_core::journey::Direction::Unknown,
                )
            });
            packets.push(EvidencePacket {
                frame: id,
                time: frame.time.map(|t| t.plus_nanos(offset)),
                link_type: interface.link_type.0,
                interface: name,
                data: frame.data,
                original_len: frame.original_len,
                direction,
            });
        }
    }
    let count = packets.len();
    let bytes = evidence_pcapng(&selection.comments, packets, &|frame| {
        selection.notes.get(&frame).cloned().unwrap_or_default()
    });
    std::fs::write(to, bytes).map_err(|e| io::Error::new(e.kind(), format!("{to}: {e}")))?;
    eprintln!("dropscope: {count} packets written to {to}");
    Ok(())
}

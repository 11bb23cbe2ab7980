//! `dropscope`: the command-line front end. Reads files in chunks and hands them to
//! `dropscope-core`, so captures far larger than memory stream through.

use std::fs::File;
use std::io::{self, BufWriter, Read, Write};
use std::process::ExitCode;

use dropscope_core::analyzer::{AnalyzeOptions, Analyzer};
use dropscope_core::capture::CaptureReader;
use dropscope_core::decode::{decode, decode_reassembled, Reassembler};
use dropscope_core::fields::{write_row, TSHARK_FIELDS};
use dropscope_core::i18n::{self, Lang};
use dropscope_core::summary::Summarizer;
use dropscope_core::words;

const USAGE: &str = "\
dropscope — explain Kubernetes networking failures from a packet capture

usage:
  dropscope analyze FILE [--json] [--ifnames 2=cni0,3=vethpoda] [--lang LANG]
                             connections, DNS, and packets that ended early on the node
  dropscope explain SIGNATURE [--lang LANG]
                             cause, how to confirm and how to fix a finding
  dropscope packets FILE     one TSV row per packet, with tshark's field names
  dropscope summary FILE     what the capture holds, as JSON
  dropscope --help | --version

--lang en | zh-TW | zh-CN | ko: the language of the findings and explanations (by default the
one LC_ALL, LC_MESSAGES or LANG names, else English). Commands and names stay as they are.
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
        ["analyze", path, rest @ ..] => match analyze_options(rest) {
            Ok((json, options)) => analyze(path, json, options),
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
    println!("{json}");
    if let Some(error) = &summary.error {
        eprintln!("dropscope: {path}: {error}");
        return Ok(false);
    }
    Ok(true)
}

fn analyze_options(args: &[&str]) -> Result<(bool, AnalyzeOptions), String> {
    let mut json = false;
    let mut options = AnalyzeOptions::default();
    let mut args = args.iter();
    while let Some(&arg) = args.next() {
        match arg {
            "--json" => json = true,
            "--ifnames" => {
                let value = args.next().ok_or("--ifnames needs INDEX=NAME,...")?;
                options.interface_names = AnalyzeOptions::parse_interface_names(value)?;
            }
            other => match other.strip_prefix("--ifnames=") {
                Some(value) => {
                    options.interface_names = AnalyzeOptions::parse_interface_names(value)?
                }
                None => return Err(format!("unknown option `{other}`")),
            },
        }
    }
    Ok((json, options))
}

fn analyze(path: &str, json: bool, options: AnalyzeOptions) -> io::Result<bool> {
    let mut analyzer = Analyzer::new(options);
    read_chunks(path, |chunk| {
        analyzer.push(chunk);
        Ok(())
    })?;
    let report = analyzer.finish();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if json {
        serde_json::to_writer_pretty(&mut out, &report).map_err(io::Error::other)?;
        writeln!(out)?;
    } else {
        out.write_all(words::report_text(path, &report).as_bytes())?;
    }
    out.flush()?;
    if let Some(error) = &report.analysis.capture.error {
        eprintln!("dropscope: {path}: {error}");
        return Ok(false);
    }
    Ok(true)
}

//! The manifest of the built-in example captures (`public/examples/manifest.tsv`): each capture,
//! the symptom it shows, and exactly what the analysis must find in it. The core's tests, the
//! app's gallery and the browser tests all read this one list.

/// The manifest, as shipped.
pub const MANIFEST: &str = include_str!("../../public/examples/manifest.tsv");

/// One example capture.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExampleEntry {
    /// Stable: documentation embeds and links name it (`?embed&example=<id>`).
    pub id: String,
    /// Path under `public/examples/`.
    pub file: String,
    /// A healthy capture, kept to compare with a failing one.
    pub healthy: bool,
    /// Compiled into the page and shown in its gallery (the others are test captures only).
    pub gallery: bool,
    /// Where the capture was taken, as the analysis must infer it.
    pub vantage: Option<String>,
    /// The signature ids the analysis must give, in report order.
    pub findings: Vec<String>,
    /// The station where the page marks the failure (an interface name), if any.
    pub drop: Option<String>,
    /// The symptom, in the words a user would use.
    pub symptom: String,
}

/// Parses the manifest: `#` lines are comments; each other line has eight tab-separated columns.
pub fn parse_manifest(text: &str) -> Result<Vec<ExampleEntry>, String> {
    let mut entries: Vec<ExampleEntry> = Vec::new();
    for (at, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fail = |what: &str| format!("manifest.tsv line {}: {what}", at + 1);
        let columns: Vec<&str> = line.split('\t').collect();
        let [id, file, healthy, gallery, vantage, findings, drop, symptom] = columns.as_slice()
        else {
            return Err(fail(&format!("{} columns, not 8", columns.len())));
        };
        let yes_or_no = |column: &str, value: &str| match value {
            "yes" => Ok(true),
            "no" => Ok(false),
            other => Err(fail(&format!("{column} is `{other}`, not yes or no"))),
        };
        let healthy = yes_or_no("healthy", healthy)?;
        let gallery = yes_or_no("gallery", gallery)?;
        let findings: Vec<String> = match *findings {
            "-" => Vec::new(),
            list => list.split(',').map(|s| s.trim().to_string()).collect(),
        };
        if healthy && !findings.is_empty() {
            return Err(fail("a healthy example with findings"));
        }
        if entries.iter().any(|e| e.id == *id || e.file == *file) {
            return Err(fail(&format!("`{id}` or `{file}` is listed twice")));
        }
        entries.push(ExampleEntry {
            id: id.to_string(),
            file: file.to_string(),
            healthy,
            gallery,
            vantage: (*vantage != "-").then(|| vantage.to_string()),
            findings,
            drop: (*drop != "-").then(|| drop.to_string()),
            symptom: symptom.to_string(),
        });
    }
    Ok(entries)
}

/// The shipped manifest, parsed. It is checked by the tests, so a broken one never ships.
pub fn examples() -> Vec<ExampleEntry> {
    parse_manifest(MANIFEST).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_manifest_parses_and_names_real_signatures() {
        let entries = parse_manifest(MANIFEST).unwrap();
        assert!(entries.len() >= 25, "{}", entries.len());
        for entry in &entries {
            for id in &entry.findings {
                assert!(
                    crate::signatures::explanation(id).is_some(),
                    "{}: unknown signature {id}",
                    entry.id
                );
            }
            assert_eq!(
                entry.drop.is_some(),
                !entry.findings.is_empty(),
                "{}",
                entry.id
            );
        }
    }

    #[test]
    fn every_card_of_the_gallery_speaks_every_language() {
        use crate::i18n::{has, Lang, Message};
        for entry in parse_manifest(MANIFEST)
            .unwrap()
            .iter()
            .filter(|e| e.gallery)
        {
            let id = format!("example-{}", entry.id);
            // The manifest's words are the English ones: the resource repeats them exactly.
            assert_eq!(
                Message::new(id.clone()).text(Lang::En),
                entry.symptom,
                "{id}"
            );
            for lang in Lang::ALL {
                assert!(has(lang, &id), "{lang}: {id}");
            }
        }
    }

    #[test]
    fn a_broken_line_is_named() {
        let error = parse_manifest("# header\na\tb\tmaybe\tyes\t-\t-\t-\tsymptom\n").unwrap_err();
        assert_eq!(
            error,
            "manifest.tsv line 2: healthy is `maybe`, not yes or no"
        );
        let error = parse_manifest("a\tb\n").unwrap_err();
        assert_eq!(error, "manifest.tsv line 1: 2 columns, not 8");
    }
}

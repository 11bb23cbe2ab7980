//! Compiles the gallery's example captures into the page: one `include_bytes!` per capture the
//! manifest (`public/examples/manifest.tsv`) marks `gallery`. Everything else about an example
//! is read from the manifest at run time, through the core's parser.

use std::fmt::Write;
use std::path::Path;

fn main() {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../public/examples");
    let manifest = examples.join("manifest.tsv");
    println!("cargo:rerun-if-changed={}", manifest.display());
    let text = std::fs::read_to_string(&manifest).expect("public/examples/manifest.tsv");
    let mut out = String::from("/// (file under public/examples/, its bytes) for every gallery example.\npub static GALLERY_BYTES: &[(&str, &[u8])] = &[\n");
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        // The columns are checked by the core's parser (and its tests); here only the file and
        // the gallery flag matter.
        let columns: Vec<&str> = line.split('\t').collect();
        let (Some(file), Some(&"yes")) = (columns.get(1), columns.get(3)) else {
            continue;
        };
        let path = examples.join(file);
        println!("cargo:rerun-if-changed={}", path.display());
        writeln!(
            out,
            "    ({file:?}, include_bytes!({:?})),",
            path.display().to_string()
        )
        .unwrap();
    }
    out.push_str("];\n");
    let target = Path::new(&std::env::var("OUT_DIR").unwrap()).join("gallery.rs");
    std::fs::write(target, out).unwrap();
}

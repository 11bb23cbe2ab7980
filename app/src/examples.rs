//! The built-in example captures, compiled into the page so that they open with no request
//! (offline hosting, `file://`, documentation embeds). Which ones, and what each shows, is the
//! manifest's (`public/examples/manifest.tsv`); `build.rs` compiles in the gallery's bytes.

use std::sync::OnceLock;

use dropscope_core::examples::{examples, ExampleEntry};

include!(concat!(env!("OUT_DIR"), "/gallery.rs"));

pub struct Example {
    pub entry: ExampleEntry,
    pub bytes: &'static [u8],
}

impl Example {
    /// Stable: documentation embeds and links name it (`?embed&example=<id>`).
    pub fn id(&self) -> &str {
        &self.entry.id
    }

    /// Path under `public/examples/`.
    pub fn file_name(&self) -> &str {
        &self.entry.file
    }

    pub fn symptom(&self) -> &str {
        &self.entry.symptom
    }

    pub fn healthy(&self) -> bool {
        self.entry.healthy
    }
}

/// The gallery, in manifest order.
pub fn gallery() -> &'static [Example] {
    static GALLERY: OnceLock<Vec<Example>> = OnceLock::new();
    GALLERY.get_or_init(|| {
        examples()
            .into_iter()
            .filter(|e| e.gallery)
            .filter_map(|entry| {
                let bytes = GALLERY_BYTES
                    .iter()
                    .find(|(file, _)| *file == entry.file)?
                    .1;
                Some(Example { entry, bytes })
            })
            .collect()
    })
}

pub fn example(id: &str) -> Option<&'static Example> {
    gallery().iter().find(|e| e.id() == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_gallery_entry_of_the_manifest_has_its_bytes() {
        let wanted = examples().into_iter().filter(|e| e.gallery).count();
        assert!(wanted >= 25);
        assert_eq!(gallery().len(), wanted);
        assert!(gallery().iter().all(|e| !e.bytes.is_empty()));
    }
}

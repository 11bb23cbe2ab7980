//! The view's state in the URL fragment, so that a link reopens the same view of a built-in
//! example: `#example=bridge-nf-off&finding=0&frame=6&filter=port%208080`.
//! The fragment never leaves the browser (it is not sent to any server).

use dropscope_core::i18n::Lang;

use crate::protocol::Selection;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewState {
    pub example: Option<String>,
    pub selection: Option<Selection>,
    pub frame: Option<u64>,
    pub filter: String,
    /// The language the user picked (not the browser's default).
    pub lang: Option<Lang>,
}

impl ViewState {
    pub fn parse(fragment: &str) -> ViewState {
        let mut state = ViewState::default();
        for pair in fragment.trim_start_matches('#').split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = decode(value);
            match key {
                "example" if !value.is_empty() => state.example = Some(value),
                "finding" => state.selection = value.parse().ok().map(Selection::Finding),
                "connection" => state.selection = value.parse().ok().map(Selection::Connection),
                "frame" => state.frame = value.parse().ok(),
                "filter" => state.filter = value,
                "lang" => state.lang = Lang::from_tag(&value),
                _ => {}
            }
        }
        state
    }

    pub fn to_fragment(&self) -> String {
        let mut parts = Vec::new();
        if let Some(example) = &self.example {
            parts.push(format!("example={}", encode(example)));
        }
        match self.selection {
            Some(Selection::Finding(at)) => parts.push(format!("finding={at}")),
            Some(Selection::Connection(id)) => parts.push(format!("connection={id}")),
            None => {}
        }
        if let Some(frame) = self.frame {
            parts.push(format!("frame={frame}"));
        }
        if !self.filter.is_empty() {
            parts.push(format!("filter={}", encode(&self.filter)));
        }
        if let Some(lang) = self.lang {
            parts.push(format!("lang={}", lang.tag()));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("#{}", parts.join("&"))
        }
    }
}

fn encode(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.:~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[at], bytes.get(at + 1), bytes.get(at + 2)) {
            (b'%', Some(&h), Some(&l)) if hex(h).is_some() && hex(l).is_some() => {
                out.push((hex(h).unwrap_or(0) * 16 + hex(l).unwrap_or(0)) as u8);
                at += 3;
            }
            (b'+', _, _) => {
                out.push(b' ');
                at += 1;
            }
            (byte, _, _) => {
                out.push(byte);
                at += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_view_survives_the_round_trip() {
        let state = ViewState {
            example: Some("bridge-nf-off".into()),
            selection: Some(Selection::Finding(0)),
            frame: Some(6),
            filter: "port 8080 & 10.0.0.1".into(),
            lang: Some(Lang::ZhTw),
        };
        let fragment = state.to_fragment();
        assert_eq!(
            fragment,
            "#example=bridge-nf-off&finding=0&frame=6&filter=port%208080%20%26%2010.0.0.1&lang=zh-TW"
        );
        assert_eq!(ViewState::parse(&fragment), state);
        let connection = ViewState {
            selection: Some(Selection::Connection(12)),
            ..ViewState::default()
        };
        assert_eq!(ViewState::parse(&connection.to_fragment()), connection);
    }

    #[test]
    fn junk_in_the_fragment_is_ignored() {
        assert_eq!(ViewState::parse(""), ViewState::default());
        assert_eq!(
            ViewState::parse("#finding=x&frame=&%zz=1&filter=%4"),
            ViewState {
                filter: "%4".into(),
                ..ViewState::default()
            }
        );
    }
}

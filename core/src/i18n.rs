//! Four languages: English, Traditional Chinese (zh-TW), Simplified Chinese (zh-CN) and Korean,
//! the languages of the field reports this tool was founded on.
//!
//! Everything dropscope says is a [`Message`]: an id and typed arguments, turned into words only
//! when shown, in the language of the moment ([`set_language`]; the CLI sets it from `--lang`,
//! the page from the browser or its switch). The words are Project Fluent resources in
//! `core/locales/<tag>.ftl`, one per language, with the same ids; the tests check that every
//! id has all four and that every placeable is used, so nothing falls back silently.
//! Commands, sysctl names, chain names and addresses are arguments or literal text: never
//! translated.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::fmt;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A language dropscope speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    #[serde(rename = "en")]
    En,
    #[serde(rename = "zh-TW")]
    ZhTw,
    #[serde(rename = "zh-CN")]
    ZhCn,
    #[serde(rename = "ko")]
    Ko,
}

impl Lang {
    pub const ALL: [Lang; 4] = [Lang::En, Lang::ZhTw, Lang::ZhCn, Lang::Ko];

    /// The BCP 47 tag: `en`, `zh-TW`, `zh-CN`, `ko`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhTw => "zh-TW",
            Lang::ZhCn => "zh-CN",
            Lang::Ko => "ko",
        }
    }

    /// The language's name in itself, for a language switch.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::ZhTw => "繁體中文",
            Lang::ZhCn => "简体中文",
            Lang::Ko => "한국어",
        }
    }

    /// The language for a tag a browser or a user gives: `zh-TW`, `zh-Hant-HK`, `zh-CN`,
    /// `zh-Hans`, `zh`, `ko-KR`, `en-US`… Case does not matter.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let tag = tag.trim().to_ascii_lowercase().replace('_', "-");
        let mut parts = tag.split('-');
        match parts.next()? {
            "en" => Some(Lang::En),
            "ko" => Some(Lang::Ko),
            "zh" => {
                let rest: Vec<&str> = parts.collect();
                let traditional = rest
                    .iter()
                    .any(|p| matches!(*p, "hant" | "tw" | "hk" | "mo"));
                Some(if traditional { Lang::ZhTw } else { Lang::ZhCn })
            }
            _ => None,
        }
    }

    /// The first of a browser's preferred languages that dropscope speaks.
    pub fn preferred<'a>(tags: impl IntoIterator<Item = &'a str>) -> Lang {
        tags.into_iter()
            .find_map(Lang::from_tag)
            .unwrap_or_default()
    }

    /// The language's resources: the findings, then the interface's words.
    fn sources(self) -> [&'static str; 2] {
        match self {
            Lang::En => [
                include_str!("../locales/en/findings.ftl"),
                include_str!("../locales/en/interface.ftl"),
            ],
            Lang::ZhTw => [
                include_str!("../locales/zh-TW/findings.ftl"),
                include_str!("../locales/zh-TW/interface.ftl"),
            ],
            Lang::ZhCn => [
                include_str!("../locales/zh-CN/findings.ftl"),
                include_str!("../locales/zh-CN/interface.ftl"),
            ],
            Lang::Ko => [
                include_str!("../locales/ko/findings.ftl"),
                include_str!("../locales/ko/interface.ftl"),
            ],
        }
    }

    fn resources(self) -> impl Iterator<Item = (FluentResource, Vec<String>)> {
        self.sources()
            .into_iter()
            .map(|source| match FluentResource::try_new(source.to_string()) {
                Ok(resource) => (resource, Vec::new()),
                Err((resource, errors)) => {
                    (resource, errors.iter().map(|e| format!("{e:?}")).collect())
                }
            })
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

thread_local! {
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::En) };
    static BUNDLES: RefCell<Vec<(Lang, FluentBundle<FluentResource>)>> = const { RefCell::new(Vec::new()) };
}

/// The language messages are put into words in, on this thread, from now on.
pub fn set_language(lang: Lang) {
    CURRENT.with(|c| c.set(lang));
}

pub fn language() -> Lang {
    CURRENT.with(|c| c.get())
}

/// Runs `f` with messages put into words in `lang`, then restores the language.
pub fn in_language<T>(lang: Lang, f: impl FnOnce() -> T) -> T {
    let before = language();
    set_language(lang);
    let result = f();
    set_language(before);
    result
}

fn with_bundle<T>(lang: Lang, f: impl FnOnce(&FluentBundle<FluentResource>) -> T) -> T {
    BUNDLES.with(|bundles| {
        let mut bundles = bundles.borrow_mut();
        if !bundles.iter().any(|(l, _)| *l == lang) {
            bundles.push((lang, bundle(lang)));
        }
        let (_, bundle) = bundles
            .iter()
            .find(|(l, _)| *l == lang)
            .expect("just added");
        f(bundle)
    })
}

fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let id: unic_langid::LanguageIdentifier = lang.tag().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new(vec![id]);
    // Placeables are addresses and commands in running text: no bidi isolation marks.
    bundle.set_use_isolating(false);
    // A broken resource keeps whatever parsed; the tests reject it before it ships.
    for (resource, _) in lang.resources() {
        let _ = bundle.add_resource(resource);
    }
    bundle
}

/// Whether `lang` has the message `id`.
pub fn has(lang: Lang, id: &str) -> bool {
    with_bundle(lang, |b| b.has_message(id))
}

/// The ids of every message of `lang`, in file order, and each one's `$arguments`.
pub fn ids(lang: Lang) -> Vec<(String, Vec<String>)> {
    use fluent_syntax::ast;
    fn variables(pattern: &ast::Pattern<&str>, into: &mut Vec<String>) {
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                expression_variables(expression, into);
            }
        }
    }
    fn expression_variables(expression: &ast::Expression<&str>, into: &mut Vec<String>) {
        match expression {
            ast::Expression::Inline(inline) => inline_variables(inline, into),
            ast::Expression::Select { selector, variants } => {
                inline_variables(selector, into);
                for variant in variants {
                    variables(&variant.value, into);
                }
            }
        }
    }
    fn inline_variables(inline: &ast::InlineExpression<&str>, into: &mut Vec<String>) {
        match inline {
            ast::InlineExpression::VariableReference { id }
                if !into.iter().any(|v| v == id.name) =>
            {
                into.push(id.name.to_string());
            }
            ast::InlineExpression::Placeable { expression } => {
                expression_variables(expression, into)
            }
            _ => {}
        }
    }
    let mut all = Vec::new();
    for (resource, _) in lang.resources() {
        for entry in resource.entries() {
            if let ast::Entry::Message(m) = entry {
                let mut names = Vec::new();
                if let Some(value) = &m.value {
                    variables(value, &mut names);
                }
                names.sort();
                all.push((m.id.name.to_string(), names));
            }
        }
    }
    all
}

/// Errors in `lang`'s resources: syntax errors, for the tests.
pub fn resource_errors(lang: Lang) -> Vec<String> {
    lang.resources().flat_map(|(_, errors)| errors).collect()
}

/// A value a message is given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arg {
    /// Shown as it is: an address, a name, a number already formatted, a command.
    Text(String),
    /// A count: it picks plural forms.
    Count(u64),
    /// A frame id ([`crate::files`]): its number, with its file's name when several captures
    /// are shown.
    Frame(u64),
    /// An address (and port): with its name when the user gave the cluster's names.
    Address(AddressArg),
    /// Words of their own, put in the same language.
    Message(Box<Message>),
}

/// Something to say, not yet in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub id: Cow<'static, str>,
    pub args: Vec<(Cow<'static, str>, Arg)>,
}

impl Message {
    pub fn new(id: impl Into<Cow<'static, str>>) -> Message {
        Message {
            id: id.into(),
            args: Vec::new(),
        }
    }

    /// Adds an argument shown as it is.
    pub fn with(mut self, name: &'static str, value: impl fmt::Display) -> Message {
        self.args
            .push((Cow::Borrowed(name), Arg::Text(value.to_string())));
        self
    }

    /// Adds a count, which picks plural forms.
    pub fn count(mut self, name: &'static str, value: impl TryInto<u64>) -> Message {
        let value = value.try_into().unwrap_or(u64::MAX);
        self.args.push((Cow::Borrowed(name), Arg::Count(value)));
        self
    }

    /// Adds a frame (an id of [`crate::files`]).
    pub fn frame(mut self, name: &'static str, id: u64) -> Message {
        self.args.push((Cow::Borrowed(name), Arg::Frame(id)));
        self
    }

    /// Adds an address or endpoint, shown with its name when one is known.
    pub fn addr(mut self, name: &'static str, value: impl Into<AddressArg>) -> Message {
        self.args
            .push((Cow::Borrowed(name), Arg::Address(value.into())));
        self
    }

    /// Adds words of their own.
    pub fn part(mut self, name: &'static str, value: Message) -> Message {
        self.args
            .push((Cow::Borrowed(name), Arg::Message(Box::new(value))));
        self
    }

    /// In words, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let rendered: Vec<(&str, FluentValue<'static>)> = self
            .args
            .iter()
            .map(|(name, arg)| {
                let value = match arg {
                    Arg::Text(text) => FluentValue::from(text.clone()),
                    Arg::Count(n) => FluentValue::from(*n),
                    Arg::Frame(id) => FluentValue::from(crate::files::frame_label(*id)),
                    Arg::Address(a) => FluentValue::from(in_language(lang, || a.label())),
                    Arg::Message(inner) => FluentValue::from(inner.text(lang)),
                };
                (name.as_ref(), value)
            })
            .collect();
        let mut args = FluentArgs::new();
        for (name, value) in rendered {
            args.set(name.to_string(), value);
        }
        let own = with_bundle(lang, |bundle| format_in(bundle, &self.id, &args));
        match own {
            Some(text) => text,
            // The tests keep every language complete; if one is not, say it in English.
            None if lang != Lang::En => self.text(Lang::En),
            None => self.id.to_string(),
        }
    }
}

fn format_in(
    bundle: &FluentBundle<FluentResource>,
    id: &str,
    args: &FluentArgs<'_>,
) -> Option<String> {
    format_checked(bundle, id, args).map(|(text, _)| text)
}

/// The words and what went wrong putting them together (an argument the message lacks).
fn format_checked(
    bundle: &FluentBundle<FluentResource>,
    id: &str,
    args: &FluentArgs<'_>,
) -> Option<(String, Vec<String>)> {
    let message = bundle.get_message(id)?;
    let pattern = message.value()?;
    let mut errors = Vec::new();
    let text = bundle
        .format_pattern(pattern, Some(args), &mut errors)
        .into_owned();
    Some((text, errors.iter().map(|e| format!("{e:?}")).collect()))
}

impl Message {
    /// The message's pattern as written in `lang`'s resource (placeables left as they are),
    /// for the tests.
    #[cfg(test)]
    fn raw(&self, lang: Lang) -> String {
        use fluent_syntax::ast;
        fn write(pattern: &ast::Pattern<&str>, out: &mut String) {
            for element in &pattern.elements {
                match element {
                    ast::PatternElement::TextElement { value } => out.push_str(value),
                    ast::PatternElement::Placeable { expression } => match expression {
                        ast::Expression::Select { variants, .. } => {
                            out.push_str("{ }");
                            for variant in variants {
                                write(&variant.value, out);
                            }
                        }
                        ast::Expression::Inline(_) => out.push_str("{ }"),
                    },
                }
            }
        }
        let mut out = String::new();
        for (resource, _) in lang.resources() {
            for entry in resource.entries() {
                if let ast::Entry::Message(m) = entry {
                    if m.id.name == self.id {
                        if let Some(value) = &m.value {
                            write(value, &mut out);
                        }
                    }
                }
            }
        }
        out
    }

    /// What keeps this message (or one inside it) from being said in `lang` as written: a
    /// missing id, a missing argument. Empty when it is complete.
    pub fn problems(&self, lang: Lang) -> Vec<String> {
        let mut problems = Vec::new();
        let mut args = FluentArgs::new();
        for (name, arg) in &self.args {
            let value = match arg {
                Arg::Text(text) => FluentValue::from(text.clone()),
                Arg::Count(n) => FluentValue::from(*n),
                Arg::Frame(id) => FluentValue::from(crate::files::frame_label(*id)),
                Arg::Address(a) => FluentValue::from(in_language(lang, || a.label())),
                Arg::Message(inner) => {
                    problems.extend(inner.problems(lang));
                    FluentValue::from(inner.text(lang))
                }
            };
            args.set(name.to_string(), value);
        }
        match with_bundle(lang, |bundle| format_checked(bundle, &self.id, &args)) {
            None => problems.push(format!("{lang}: no message {}", self.id)),
            Some((_, errors)) => problems.extend(
                errors
                    .into_iter()
                    .map(|e| format!("{lang}: {}: {e}", self.id)),
            ),
        }
        problems
    }
}

/// A message with no arguments, in the current language.
pub fn tr(id: &str) -> String {
    Message::new(id.to_string()).to_string()
}

/// In the current language ([`set_language`]).
impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(language()))
    }
}

impl From<&'static str> for Message {
    fn from(id: &'static str) -> Message {
        Message::new(id)
    }
}

/// As JSON: the id, the arguments, and the words in the current language.
impl Serialize for Message {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut state = serializer.serialize_struct("Message", 3)?;
        state.serialize_field("text", &self.to_string())?;
        state.serialize_field("id", &self.id)?;
        // By name, as nested messages are: the same JSON after a round trip.
        let args: std::collections::BTreeMap<&str, ArgWire> = self
            .args
            .iter()
            .map(|(name, arg)| (name.as_ref(), ArgWire::from(arg)))
            .collect();
        state.serialize_field("args", &args)?;
        state.end()
    }
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum ArgWire {
    Text(String),
    Count(u64),
    Frame(u64),
    Address(AddressArg),
    Message(MessageWire),
}

impl From<&Arg> for ArgWire {
    fn from(arg: &Arg) -> ArgWire {
        match arg {
            Arg::Text(text) => ArgWire::Text(text.clone()),
            Arg::Count(n) => ArgWire::Count(*n),
            Arg::Frame(id) => ArgWire::Frame(*id),
            Arg::Address(a) => ArgWire::Address(*a),
            Arg::Message(m) => ArgWire::Message(MessageWire::from(m.as_ref())),
        }
    }
}

#[derive(Serialize, Deserialize)]
struct MessageWire {
    id: String,
    #[serde(default)]
    args: std::collections::BTreeMap<String, ArgWire>,
}

impl From<&Message> for MessageWire {
    fn from(message: &Message) -> MessageWire {
        MessageWire {
            id: message.id.to_string(),
            args: message
                .args
                .iter()
                .map(|(name, arg)| (name.to_string(), ArgWire::from(arg)))
                .collect(),
        }
    }
}

impl From<MessageWire> for Message {
    fn from(wire: MessageWire) -> Message {
        Message {
            id: Cow::Owned(wire.id),
            args: wire
                .args
                .into_iter()
                .map(|(name, arg)| {
                    let arg = match arg {
                        ArgWire::Text(text) => Arg::Text(text),
                        ArgWire::Count(n) => Arg::Count(n),
                        ArgWire::Frame(id) => Arg::Frame(id),
                        ArgWire::Address(a) => Arg::Address(a),
                        ArgWire::Message(m) => Arg::Message(Box::new(Message::from(m))),
                    };
                    (Cow::Owned(name), arg)
                })
                .collect(),
        }
    }
}

impl<'de> Deserialize<'de> for Message {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Message, D::Error> {
        Ok(Message::from(MessageWire::deserialize(deserializer)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_resource_parses() {
        for lang in Lang::ALL {
            assert_eq!(resource_errors(lang), Vec::<String>::new(), "{lang}");
        }
    }

    #[test]
    fn every_language_has_every_message_with_the_same_arguments() {
        let english = ids(Lang::En);
        let mut seen = std::collections::HashSet::new();
        for (id, _) in &english {
            assert!(seen.insert(id), "en: {id} is defined twice");
        }
        for lang in [Lang::ZhTw, Lang::ZhCn, Lang::Ko] {
            let theirs = ids(lang);
            let missing: Vec<&String> = english
                .iter()
                .filter(|(id, _)| !theirs.iter().any(|(t, _)| t == id))
                .map(|(id, _)| id)
                .collect();
            assert!(missing.is_empty(), "{lang} lacks {missing:?}");
            let extra: Vec<&String> = theirs
                .iter()
                .filter(|(id, _)| !english.iter().any(|(e, _)| e == id))
                .map(|(id, _)| id)
                .collect();
            assert!(extra.is_empty(), "{lang} has unknown ids {extra:?}");
            for (id, arguments) in &english {
                let (_, their_arguments) = theirs.iter().find(|(t, _)| t == id).unwrap();
                assert_eq!(
                    their_arguments, arguments,
                    "{lang}: {id} must use the same $arguments"
                );
            }
        }
    }

    /// Words outside placeables and `code`: what a translation must translate.
    fn prose(text: &str) -> String {
        let mut out = String::new();
        let (mut depth, mut code) = (0, false);
        for c in text.chars() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                '`' => code = !code,
                _ if depth == 0 && !code => out.push(c),
                _ => {}
            }
        }
        out
    }

    /// An English word a translation would have replaced: lower-case letters, four or more
    /// (acronyms, names like VXLAN or conntrack in a term list stay).
    fn has_english_words(text: &str) -> bool {
        prose(text)
            .split(|c: char| !c.is_ascii_alphabetic())
            .any(|w| {
                w.len() >= 4 && w.chars().all(|c| c.is_ascii_lowercase()) && !KEPT.contains(&w)
            })
    }

    /// Terms kept in English in every language (kernel and Kubernetes words).
    const KEPT: &[&str] = &[
        "conntrack",
        "iptables",
        "tcpdump",
        "kubelet",
        "musl",
        "glibc",
        "sysctl",
        "ethtool",
        "nstat",
        "dmesg",
        "curl",
        "bash",
        "busybox",
        "dash",
    ];

    #[test]
    fn nothing_is_left_in_english() {
        for lang in [Lang::ZhTw, Lang::ZhCn, Lang::Ko] {
            for (id, _) in ids(Lang::En) {
                let english = Message::new(id.clone()).raw(Lang::En);
                let theirs = Message::new(id.clone()).raw(lang);
                if has_english_words(&english) {
                    let translated = theirs.chars().any(|c| match lang {
                        Lang::Ko => ('\u{ac00}'..='\u{d7a3}').contains(&c),
                        _ => ('\u{4e00}'..='\u{9fff}').contains(&c),
                    });
                    assert!(translated, "{lang}: {id} is not translated: {theirs}");
                }
            }
        }
    }

    #[test]
    fn languages_come_from_browser_tags() {
        assert_eq!(Lang::from_tag("zh-Hant-HK"), Some(Lang::ZhTw));
        assert_eq!(Lang::from_tag("zh_TW"), Some(Lang::ZhTw));
        assert_eq!(Lang::from_tag("zh-Hans"), Some(Lang::ZhCn));
        assert_eq!(Lang::from_tag("zh"), Some(Lang::ZhCn));
        assert_eq!(Lang::from_tag("ko-KR"), Some(Lang::Ko));
        assert_eq!(Lang::from_tag("fr"), None);
        assert_eq!(Lang::preferred(["fr-FR", "ko", "en"]), Lang::Ko);
        assert_eq!(Lang::preferred(["fr-FR"]), Lang::En);
    }

    #[test]
    fn a_message_is_put_in_words_in_the_language_asked() {
        let message = Message::new("severity-error");
        assert_eq!(message.text(Lang::En), "Error");
        for lang in [Lang::ZhTw, Lang::ZhCn, Lang::Ko] {
            assert_ne!(message.text(lang), "Error", "{lang}");
        }
        assert_eq!(
            in_language(Lang::Ko, || message.to_string()),
            message.text(Lang::Ko)
        );
        assert_eq!(language(), Lang::En, "in_language restores the language");
        assert!(Message::new("no-such-message").problems(Lang::En)[0].contains("no message"));
    }

    #[test]
    fn every_id_the_code_names_exists() {
        // Message::new("…"), tr("…") and the id strings of explanations' steps, wherever they
        // are in core: a typo in a branch no example reaches would show an id to a user.
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = vec![root.clone()];
        let mut missing = Vec::new();
        while let Some(path) = files.pop() {
            if path.is_dir() {
                files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
                continue;
            }
            // The dissectors name layers and fields, not messages.
            let dissector =
                path.starts_with(root.join("decode")) || path.starts_with(root.join("packets"));
            if path.extension().is_none_or(|e| e != "rs") || path.ends_with("i18n.rs") || dissector
            {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let mut rest = text.as_str();
            while let Some(at) = rest.find('"') {
                rest = &rest[at + 1..];
                let Some(end) = rest.find('"') else { break };
                let literal = &rest[..end];
                rest = &rest[end + 1..];
                let looks_like_id = literal.len() > 3
                    && literal.contains('-')
                    && literal
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                    && ids_prefixes()
                        .iter()
                        .any(|p| literal.split('-').next() == Some(p.as_str()));
                if looks_like_id && !has(Lang::En, literal) && !is_signature_id(literal) {
                    missing.push(format!("{}: {literal}", path.display()));
                }
            }
        }
        assert!(missing.is_empty(), "ids with no message: {missing:#?}");
    }

    /// Prefixes of message ids (the first word of each id in en).
    fn ids_prefixes() -> Vec<String> {
        let mut prefixes: Vec<String> = ids(Lang::En)
            .into_iter()
            .map(|(id, _)| id.split('-').next().unwrap().to_string())
            .collect();
        prefixes.sort();
        prefixes.dedup();
        prefixes
    }

    fn is_signature_id(literal: &str) -> bool {
        has(Lang::En, &format!("{literal}-title"))
    }
}

/// An address, and a port when it is an endpoint: what [`Message::addr`] takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddressArg {
    pub ip: std::net::IpAddr,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port: Option<u16>,
}

impl AddressArg {
    /// As users know it: with its name when the cluster's names say one.
    pub fn label(&self) -> String {
        crate::names::address_label(self.ip, self.port)
    }
}

impl From<std::net::IpAddr> for AddressArg {
    fn from(ip: std::net::IpAddr) -> AddressArg {
        AddressArg { ip, port: None }
    }
}

impl From<crate::journey::Endpoint> for AddressArg {
    fn from(endpoint: crate::journey::Endpoint) -> AddressArg {
        AddressArg {
            ip: endpoint.address,
            port: Some(endpoint.port),
        }
    }
}

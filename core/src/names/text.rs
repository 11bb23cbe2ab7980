//! Pasted text as lines and cells: line endings from any terminal, problem excerpts, and the
//! wide gaps that separate kubectl's columns.

use std::collections::BTreeSet;
use std::net::IpAddr;

use super::PROBLEM_TEXT_CHARS;

/// The text's lines with their 1-based numbers, without line endings (LF, CRLF, or the lone CR
/// of a text that has no LF at all).
pub(super) fn numbered_lines(text: &str) -> Box<dyn Iterator<Item = (usize, &str)> + '_> {
    let lines: Box<dyn Iterator<Item = &str>> = if !text.contains('\n') && text.contains('\r') {
        Box::new(text.split('\r'))
    } else {
        Box::new(text.lines().map(|line| line.trim_end_matches('\r')))
    };
    Box::new(lines.enumerate().map(|(at, line)| (at + 1, line)))
}

/// A line as a problem quotes it: its first characters only, so a megabyte line stays small.
pub(super) fn excerpt(line: &str) -> String {
    line.chars().take(PROBLEM_TEXT_CHARS).collect()
}

/// Cells separated by a tab or by two spaces or more, as kubectl's columns are (its padding is
/// three spaces, while a value such as `5 (2d ago)` holds single spaces). At most `limit` cells:
/// the rest of the line is the last one.
pub(super) fn wide_cells(line: &str, limit: usize) -> Vec<&str> {
    let mut cells = Vec::new();
    let mut rest = line.trim_matches([' ', '\t']);
    while !rest.is_empty() {
        if cells.len() + 1 >= limit {
            cells.push(rest);
            break;
        }
        match wide_gap(rest) {
            Some((start, end)) => {
                cells.push(&rest[..start]);
                rest = &rest[end..];
            }
            None => {
                cells.push(rest);
                break;
            }
        }
    }
    cells
}

/// The byte range of the first tab or run of two spaces or more, and the blanks after it.
fn wide_gap(text: &str) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let start = (0..bytes.len()).find(|&at| {
        bytes[at] == b'\t' || (bytes[at] == b' ' && bytes.get(at + 1) == Some(&b' '))
    })?;
    let end = (start..bytes.len())
        .find(|&at| bytes[at] != b' ' && bytes[at] != b'\t')
        .unwrap_or(bytes.len());
    Some((start, end))
}

/// A value kubectl prints for nothing: `<none>`, `<pending>`, `<unset>`, `<unknown>`, or empty.
pub(super) fn present(cell: &str) -> Option<&str> {
    let cell = cell.trim();
    let placeholder = cell.starts_with('<') && cell.ends_with('>');
    (!cell.is_empty() && !placeholder).then_some(cell)
}

/// An address as kubectl and iproute2 print it, with or without a `/prefix` length.
pub(super) fn parse_address(text: &str) -> Option<IpAddr> {
    let address = text.split_once('/').map_or(text, |(address, _)| address);
    address.parse().ok()
}

/// Addresses that name no particular machine: every node has `127.0.0.1` and `fe80::` ones.
pub(super) fn is_global(address: IpAddr) -> bool {
    match address {
        IpAddr::V4(v4) => !(v4.is_loopback() || v4.is_link_local() || v4.is_unspecified()),
        IpAddr::V6(v6) => {
            let link_local = (v6.segments()[0] & 0xffc0) == 0xfe80;
            !(v6.is_loopback() || v6.is_unspecified() || link_local)
        }
    }
}

/// The items in the order first seen, without repeats (a set, so a crafted list of a million
/// stays quick).
pub(super) fn distinct<T: Ord + Copy>(items: impl IntoIterator<Item = T>) -> Vec<T> {
    let mut seen = BTreeSet::new();
    items
        .into_iter()
        .filter(|item| seen.insert(*item))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_endings_of_any_terminal_give_the_same_lines() {
        let unix: Vec<_> = numbered_lines("a\nb\n\nc\n").collect();
        let windows: Vec<_> = numbered_lines("a\r\nb\r\n\r\nc\r\n").collect();
        let classic_mac: Vec<_> = numbered_lines("a\rb\r\rc").collect();
        let expected = vec![(1, "a"), (2, "b"), (3, ""), (4, "c")];
        assert_eq!(unix, expected);
        assert_eq!(windows, expected);
        assert_eq!(classic_mac, expected);
        assert_eq!(numbered_lines("").count(), 0);
    }

    #[test]
    fn an_excerpt_is_cut_on_a_character_boundary() {
        let line = "é".repeat(500);
        let cut = excerpt(&line);
        assert_eq!(cut.chars().count(), PROBLEM_TEXT_CHARS);
        assert_eq!(excerpt("short"), "short");
    }

    #[test]
    fn wide_cells_keep_single_spaces_inside_a_value() {
        let line = "kube-system   coredns-7db6d8ff4d-4rvwb   1/1     Running   5 (2d ago)   9d    10.244.0.3   kind-control-plane   <none>           <none>";
        assert_eq!(
            wide_cells(line, 64),
            [
                "kube-system",
                "coredns-7db6d8ff4d-4rvwb",
                "1/1",
                "Running",
                "5 (2d ago)",
                "9d",
                "10.244.0.3",
                "kind-control-plane",
                "<none>",
                "<none>"
            ]
        );
        assert_eq!(wide_cells("a\tb  c", 64), ["a", "b", "c"]);
        assert_eq!(wide_cells("a  b  c  d", 2), ["a", "b  c  d"]);
        assert!(wide_cells("   ", 64).is_empty());
    }

    #[test]
    fn placeholders_are_absent_values() {
        for nothing in ["<none>", "<pending>", "<unset>", "", "  "] {
            assert_eq!(present(nothing), None, "{nothing:?}");
        }
        assert_eq!(present(" 10.96.0.1 "), Some("10.96.0.1"));
    }

    #[test]
    fn addresses_parse_with_or_without_a_prefix_length() {
        assert_eq!(
            parse_address("172.18.0.2/16"),
            Some("172.18.0.2".parse().unwrap())
        );
        assert_eq!(
            parse_address("fe80::981b:2cff:fe3d:4e5f/64"),
            Some("fe80::981b:2cff:fe3d:4e5f".parse().unwrap())
        );
        assert_eq!(
            parse_address("10.96.0.10"),
            Some("10.96.0.10".parse().unwrap())
        );
        assert_eq!(parse_address("10.96.0"), None);
        assert_eq!(parse_address("/"), None);
        assert!(!is_global("127.0.0.1".parse().unwrap()));
        assert!(!is_global("fe80::1".parse().unwrap()));
        assert!(!is_global("169.254.1.1".parse().unwrap()));
        assert!(is_global("172.18.0.2".parse().unwrap()));
        assert!(is_global("fc00:f853:ccd:e793::2".parse().unwrap()));
    }

    #[test]
    fn distinct_keeps_the_first_of_each() {
        assert_eq!(distinct([53, 53, 9153, 53]), [53, 9153]);
        assert_eq!(distinct((0..200_000).map(|n| n % 7)).len(), 7);
    }
}

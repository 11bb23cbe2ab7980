//! kubectl's tables: a header of upper-case column names, then rows aligned under it. kubectl
//! pads every column to its widest cell plus three spaces, so each cell starts where its column
//! name starts; that is how a row is cut, since values such as `5 (2d ago)` or `Debian
//! GNU/Linux 12 (bookworm)` hold spaces themselves.

use super::text::wide_cells;
use super::ProblemReason;

/// More columns than this is no kubectl header (custom `-L` label columns included).
const MAX_COLUMNS: usize = 64;

/// A table's header: its column names and where each starts, in characters (kubectl aligns
/// characters, not bytes).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Header {
    columns: Vec<Column>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Column {
    name: String,
    start: usize,
}

impl Header {
    /// The header of a kubectl table, if `line` is one: it starts with `NAMESPACE` or `NAME`
    /// and holds nothing but upper-case column names.
    pub(super) fn parse(line: &str) -> Option<Header> {
        if !line.starts_with("NAME") {
            return None;
        }
        let names = wide_cells(line, MAX_COLUMNS + 1);
        if names.len() < 2 || names.len() > MAX_COLUMNS {
            return None;
        }
        if !matches!(names.first(), Some(&"NAME") | Some(&"NAMESPACE")) {
            return None;
        }
        let column_name = |name: &str| {
            name.chars().any(|c| c.is_ascii_uppercase())
                && name
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || " -_()./".contains(c))
        };
        if !names.iter().all(|name| column_name(name)) {
            return None;
        }
        let columns = names
            .iter()
            .map(|name| {
                // The cells are slices of `line`: their distance from its start is their place.
                let byte = name.as_ptr() as usize - line.as_ptr() as usize;
                let start = line.get(..byte).map_or(0, |before| before.chars().count());
                Column {
                    name: name.to_string(),
                    start,
                }
            })
            .collect();
        Some(Header { columns })
    }

    /// Where the column called `name` is in a row's cells.
    pub(super) fn position(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|column| column.name == name)
    }

    pub(super) fn has(&self, name: &str) -> bool {
        self.position(name).is_some()
    }

    /// A row's cells, one per column. Cut where the header's columns start; when the row is not
    /// aligned (it was pasted through something that moved it), split at wide gaps instead if
    /// that gives as many cells as there are columns.
    pub(super) fn cut<'a>(&self, line: &'a str) -> Result<Vec<&'a str>, ProblemReason> {
        if let Some(cells) = self.cut_aligned(line) {
            return Ok(cells);
        }
        let cells = wide_cells(line, MAX_COLUMNS + 1);
        let expected = self.columns.len();
        match cells.len() {
            found if found == expected => Ok(cells),
            found if found < expected => Err(ProblemReason::TooFewColumns { expected, found }),
            _ => Err(ProblemReason::Misaligned),
        }
    }

    fn cut_aligned<'a>(&self, line: &'a str) -> Option<Vec<&'a str>> {
        // The byte offset of each column's first character, while checking the character
        // before it is the padding's space: a cell that ran over would not leave one.
        let mut starts = Vec::with_capacity(self.columns.len());
        let mut wanted = self.columns.iter().map(|column| column.start).peekable();
        let mut previous = ' ';
        for (count, (byte, c)) in line.char_indices().enumerate() {
            if wanted.peek() == Some(&count) {
                if previous != ' ' || c == ' ' {
                    return None;
                }
                starts.push(byte);
                wanted.next();
            }
            previous = c;
        }
        if starts.len() < self.columns.len() {
            return None;
        }
        let ends = starts.iter().skip(1).copied().chain([line.len()]);
        let cells = starts
            .iter()
            .zip(ends)
            .map(|(&start, end)| line.get(start..end).unwrap_or("").trim())
            .collect();
        Some(cells)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PODS: &str = "\
NAMESPACE            NAME                                         READY   STATUS    RESTARTS      AGE   IP            NODE                 NOMINATED NODE   READINESS GATES
kube-system          coredns-7db6d8ff4d-4rvwb                     1/1     Running   5 (2d ago)    9d    10.244.0.3    kind-control-plane   <none>           <none>
default              nginx-demo-7c5ddbdf54-8xk2p                  1/1     Running   0             3h    10.244.1.20   kind-worker          <none>           <none>";

    #[test]
    fn the_header_knows_its_columns_with_spaces_in_their_names() {
        let header = Header::parse(PODS.lines().next().unwrap()).unwrap();
        assert_eq!(header.columns.len(), 10);
        assert_eq!(header.position("NOMINATED NODE"), Some(8));
        assert_eq!(header.position("READINESS GATES"), Some(9));
        assert_eq!(header.position("IP"), Some(6));
        assert!(!header.has("CLUSTER-IP"));
    }

    #[test]
    fn rows_are_cut_under_their_columns() {
        let mut lines = PODS.lines();
        let header = Header::parse(lines.next().unwrap()).unwrap();
        let coredns = header.cut(lines.next().unwrap()).unwrap();
        assert_eq!(coredns[4], "5 (2d ago)");
        assert_eq!(coredns[6], "10.244.0.3");
        assert_eq!(coredns[8], "<none>");
        let nginx = header.cut(lines.next().unwrap()).unwrap();
        assert_eq!(nginx[1], "nginx-demo-7c5ddbdf54-8xk2p");
        assert_eq!(nginx[7], "kind-worker");
    }

    #[test]
    fn a_row_that_lost_its_alignment_is_split_at_wide_gaps() {
        let header = Header::parse(PODS.lines().next().unwrap()).unwrap();
        let moved = "default  nginx-demo-7c5ddbdf54-8xk2p  1/1  Running  3 (5m ago)  3h  10.244.1.20  kind-worker  <none>  <none>";
        let cells = header.cut(moved).unwrap();
        assert_eq!(cells[4], "3 (5m ago)");
        assert_eq!(cells[6], "10.244.1.20");
    }

    #[test]
    fn a_truncated_row_says_how_many_columns_it_has() {
        let header = Header::parse(PODS.lines().next().unwrap()).unwrap();
        let truncated = "default              nginx-demo-7c5ddbdf54-8xk2p                  1/1     Running   0             3h    10.24";
        assert_eq!(
            header.cut(truncated),
            Err(ProblemReason::TooFewColumns {
                expected: 10,
                found: 7
            })
        );
        assert_eq!(
            header.cut(""),
            Err(ProblemReason::TooFewColumns {
                expected: 10,
                found: 0
            })
        );
    }

    #[test]
    fn lines_that_are_not_headers() {
        for line in [
            "NAME",
            "name   ready",
            "NAMES  ARE  HERE  but lower",
            "NAMESPACEX",
            "2: eth0    inet 172.18.0.2/16",
            "NAME  READY  STATUS  é",
        ] {
            assert_eq!(Header::parse(line), None, "{line}");
        }
        let nodes = "NAME                 STATUS   ROLES           AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE                         KERNEL-VERSION     CONTAINER-RUNTIME";
        assert_eq!(Header::parse(nodes).unwrap().position("OS-IMAGE"), Some(7));
    }

    #[test]
    fn every_sample_row_is_aligned_as_kubectl_aligns() {
        use super::super::samples::{ENDPOINTS_ALL, PODS_ALL, SERVICES_ALL, SLICES_ALL};
        for table in [PODS_ALL, SERVICES_ALL, SLICES_ALL, ENDPOINTS_ALL] {
            let mut lines = table.lines();
            let header = Header::parse(lines.next().unwrap()).unwrap();
            for row in lines {
                let cells = header.cut_aligned(row).unwrap_or_else(|| panic!("{row}"));
                assert!(cells.iter().all(|cell| !cell.is_empty()), "{row}");
            }
        }
    }

    #[test]
    fn multibyte_text_is_cut_by_characters_never_inside_one() {
        let header = Header::parse("NAME   STATUS   AGE").unwrap();
        let cells = header.cut("ééé    Running  3d").unwrap();
        assert_eq!(cells, ["ééé", "Running", "3d"]);
        let cells = header.cut("éééééééééééééééééé").unwrap_err();
        assert_eq!(
            cells,
            ProblemReason::TooFewColumns {
                expected: 3,
                found: 1
            }
        );
    }
}

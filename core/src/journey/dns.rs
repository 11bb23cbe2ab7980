//! Just enough DNS to pair queries with answers: the header and the first question. (A full
//! DNS crate would parse every record of every answer; we need none of them.)

use super::observation::DnsFields;

/// Labels in a name and compression jumps we follow before calling a name malformed.
const MAX_LABELS: usize = 128;

pub fn parse(message: &[u8]) -> Option<DnsFields> {
    let header = message.get(..12)?;
    let id = u16::from_be_bytes([header[0], header[1]]);
    let flags = u16::from_be_bytes([header[2], header[3]]);
    let questions = u16::from_be_bytes([header[4], header[5]]);
    let question = if questions > 0 {
        first_question(message)
    } else {
        None
    };
    Some(DnsFields {
        id,
        response: flags & 0x8000 != 0,
        rcode: (flags & 0x000F) as u8,
        truncated: flags & 0x0200 != 0,
        question,
    })
}

fn first_question(message: &[u8]) -> Option<(String, u16)> {
    let mut name = String::new();
    let mut at = 12;
    // Where the question continues after the name (the first compression jump ends it).
    let mut after_name = None;
    for _ in 0..MAX_LABELS {
        let len = *message.get(at)? as usize;
        match len {
            0 => {
                let end = after_name.unwrap_or(at + 1);
                let qtype = message.get(end..end + 2)?;
                if name.is_empty() {
                    name.push('.');
                }
                return Some((name, u16::from_be_bytes([qtype[0], qtype[1]])));
            }
            l if l & 0xC0 == 0xC0 => {
                let pointer = ((l & 0x3F) << 8) | *message.get(at + 1)? as usize;
                after_name.get_or_insert(at + 2);
                at = pointer;
            }
            l if l < 64 => {
                let label = message.get(at + 1..at + 1 + l)?;
                if !name.is_empty() {
                    name.push('.');
                }
                // Names are shown to people: keep printable ASCII, escape the rest.
                for &b in label {
                    if b.is_ascii_graphic() && b != b'.' && b != b'\\' {
                        name.push(b as char);
                    } else {
                        name.push_str(&format!("\\{b:03}"));
                    }
                }
                at += 1 + l;
            }
            _ => return None,
        }
    }
    None
}

/// The usual name of a query type.
pub fn type_name(qtype: u16) -> String {
    match qtype {
        1 => "A".into(),
        2 => "NS".into(),
        5 => "CNAME".into(),
        6 => "SOA".into(),
        12 => "PTR".into(),
        15 => "MX".into(),
        16 => "TXT".into(),
        28 => "AAAA".into(),
        33 => "SRV".into(),
        65 => "HTTPS".into(),
        other => format!("TYPE{other}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_and_a_compressed_answer() {
        let mut query = vec![0xdf, 0x93, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0];
        query.extend(b"\x07example\x03com\x00\x00\x1c\x00\x01");
        let parsed = parse(&query).unwrap();
        assert_eq!((parsed.id, parsed.response), (0xdf93, false));
        assert_eq!(parsed.question, Some(("example.com".into(), 28)));
        // A pointer loop is bounded, not followed forever.
        let mut looping = vec![0, 1, 0x81, 0x83, 0, 1, 0, 0, 0, 0, 0, 0, 0xC0, 12];
        looping.extend([0, 1]);
        let parsed = parse(&looping).unwrap();
        assert_eq!(
            (parsed.response, parsed.rcode, parsed.question),
            (true, 3, None)
        );
    }
}

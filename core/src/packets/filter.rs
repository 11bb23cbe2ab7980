//! Which packets to list: what a user types in the filter box, parsed.

use std::net::IpAddr;

use serde::{Deserialize, Serialize};

use crate::journey::{Endpoint, InterfaceKey};

/// Which packets to list. Every condition given must hold.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PacketFilter {
    /// Source or destination is each of these.
    pub addresses: Vec<IpAddr>,
    /// Source or destination port is each of these.
    pub ports: Vec<u16>,
    /// IP protocol numbers.
    pub protocols: Vec<u8>,
    pub interfaces: Vec<InterfaceKey>,
    /// Only these frames (sorted).
    pub frames: Vec<u64>,
    /// Packets between any of these pairs of endpoints, either way: the legs of a connection.
    pub endpoint_pairs: Vec<(Endpoint, Endpoint)>,
}

impl PacketFilter {
    pub fn is_empty(&self) -> bool {
        self == &PacketFilter::default()
    }

    /// Parses what a user types: words separated by spaces, all of which must hold:
    /// an address (`10.244.0.20`), a port (`port 53`, `:53`), a protocol (`tcp`, `udp`,
    /// `icmp`), an interface by name (`cni0`, via `interface`) or frames (`frame 12`).
    pub fn parse(
        text: &str,
        interface: impl Fn(&str) -> Option<InterfaceKey>,
    ) -> Result<PacketFilter, String> {
        let mut filter = PacketFilter::default();
        let mut words = text.split_whitespace().peekable();
        while let Some(word) = words.next() {
            let lower = word.to_ascii_lowercase();
            let number = |text: Option<&str>, what: &str| -> Result<u64, String> {
                text.and_then(|t| t.parse().ok())
                    .ok_or_else(|| format!("`{word}` needs a {what} after it"))
            };
            match lower.as_str() {
                "tcp" => filter.protocols.push(6),
                "udp" => filter.protocols.push(17),
                "icmp" => filter.protocols.push(1),
                "icmpv6" | "icmp6" => filter.protocols.push(58),
                "port" => {
                    let port = number(words.next(), "port number")?;
                    filter.ports.push(
                        u16::try_from(port).map_err(|_| format!("port {port} is above 65535"))?,
                    );
                }
                "frame" => filter.frames.push(number(words.next(), "frame number")?),
                _ => {
                    if let Some(port) = lower.strip_prefix(':') {
                        let port: u16 = port
                            .parse()
                            .map_err(|_| format!("`{word}` is not a port"))?;
                        filter.ports.push(port);
                    } else if let Ok(address) = word.parse::<IpAddr>() {
                        filter.addresses.push(address);
                    } else if let Some(key) = interface(word) {
                        filter.interfaces.push(key);
                    } else {
                        return Err(format!(
                            "`{word}` is not an address, a port (port 53, :53), a protocol (tcp, udp, icmp), an interface or `frame N`"
                        ));
                    }
                }
            }
        }
        filter.frames.sort_unstable();
        Ok(filter)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filter_text_parses_each_kind_of_word() {
        let filter = PacketFilter::parse("10.244.0.20 port 8080 tcp cni0 frame 7", |name| {
            (name == "cni0").then_some(2)
        })
        .unwrap();
        assert_eq!(
            filter.addresses,
            vec!["10.244.0.20".parse::<IpAddr>().unwrap()]
        );
        assert_eq!(filter.ports, vec![8080]);
        assert_eq!(filter.protocols, vec![6]);
        assert_eq!(filter.interfaces, vec![2]);
        assert_eq!(filter.frames, vec![7]);
        assert_eq!(
            PacketFilter::parse(":53 udp", |_| None).unwrap().ports,
            vec![53]
        );
    }

    #[test]
    fn filter_text_errors_name_the_word() {
        let error = PacketFilter::parse("tcp banana", |_| None).unwrap_err();
        assert!(error.contains("`banana`"), "{error}");
        let error = PacketFilter::parse("port 70000", |_| None).unwrap_err();
        assert!(error.contains("70000"), "{error}");
        assert!(PacketFilter::parse("port", |_| None).is_err());
    }
}

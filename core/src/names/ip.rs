//! iproute2's `ip link` and `ip addr`: one line per interface or address with `-o` (its parts
//! joined by `\`), or a block per interface without it (the interface's line, then indented
//! lines for its link, details and addresses). One text is one node's view, unless its indexes
//! start again: then a second node's (or the same node's `ip addr` after its `ip link`) begins.

use std::collections::BTreeMap;
use std::net::IpAddr;

use super::reading::{Entry, Reading};
use super::text::parse_address;
use super::{InterfaceName, NamesFormat, Netns, ProblemReason};

/// Link kinds as `ip -d link` names them on the line after the link address. The `_slave`
/// lines (`bridge_slave`) say what the interface is attached to, not what it is, and are not here.
const LINK_KINDS: &[&str] = &[
    "veth",
    "vxlan",
    "geneve",
    "bridge",
    "openvswitch",
    "ipip",
    "sit",
    "gre",
    "gretap",
    "ip6tnl",
    "ip6gre",
    "erspan",
    "wireguard",
    "dummy",
    "tun",
    "macvlan",
    "macvtap",
    "ipvlan",
    "ipvtap",
    "netkit",
    "bond",
    "team",
    "vlan",
    "vrf",
    "vti",
    "xfrm",
    "ifb",
    "nlmon",
];

/// What one node's `ip link` or `ip addr` says: its interfaces by index and its addresses.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct InterfaceTable {
    pub(super) interfaces: BTreeMap<u32, InterfaceName>,
    /// Each address with the index of the interface that holds it.
    pub(super) addresses: Vec<(IpAddr, u32)>,
    /// Whether interfaces' own lines were read (`ip link`, `ip addr` without `-o`): then the
    /// table knows peers, bridges and namespaces, not only the names `ip -o addr` repeats.
    pub(super) has_links: bool,
}

/// Reads the lines of one text's iproute2 output, one table per node.
#[derive(Default)]
pub(super) struct IpReader {
    table: InterfaceTable,
    /// The index and name of the last interface line: an index that goes back starts a new table.
    last: Option<(u32, String)>,
    /// The interface that indented lines and `\` parts belong to.
    current: Option<u32>,
    /// Whether the table being read is within [`super::MAX_INTERFACE_TABLES`].
    admitted: bool,
}

impl IpReader {
    /// Whether `line` starts an interface: `2: eth0@if9: <BROADCAST,...` or `2: eth0    inet ...`.
    pub(super) fn opens_interface(line: &str) -> bool {
        interface_start(line).is_some()
    }

    pub(super) fn read_line(&mut self, reading: &mut Reading, number: usize, line: &str) {
        let mut parts = line.split('\\');
        let first = parts.next().unwrap_or("");
        if let Some((digits, rest)) = interface_start(first) {
            let Ok(index) = digits.parse::<u32>() else {
                reading.problem(number, line, ProblemReason::BadIndex);
                self.current = None;
                return;
            };
            let (token, after) = rest.split_once([' ', '\t']).unwrap_or((rest, ""));
            // `ip link` ends the name with a colon; `ip -o addr` goes on with the address.
            let (link_line, token) = match token.strip_suffix(':') {
                Some(token) => (true, token),
                None => (false, token),
            };
            let (name, peer_index) = split_peer(token);
            if name.is_empty() {
                reading.problem(number, line, ProblemReason::UnrecognizedLine);
                self.current = None;
                return;
            }
            self.open(reading, number, line, index, name, peer_index);
            if link_line {
                reading.read_as(NamesFormat::IpLink);
                self.table.has_links = true;
                if let Some(interface) = self.current_interface() {
                    interface.master = word_after(after, "master").map(str::to_string);
                }
            } else {
                self.detail(reading, number, line, after);
            }
        } else if first.starts_with([' ', '\t']) {
            self.detail(reading, number, line, first);
        } else {
            reading.problem(number, line, ProblemReason::UnrecognizedLine);
            return;
        }
        for part in parts {
            self.detail(reading, number, line, part);
        }
    }

    /// Hands the last table to the names.
    pub(super) fn finish(mut self, reading: &mut Reading) {
        self.start_table(reading);
    }

    fn start_table(&mut self, reading: &mut Reading) {
        let table = std::mem::take(&mut self.table);
        if !table.interfaces.is_empty() {
            reading.entries.tables.push(table);
        }
        self.current = None;
        self.admitted = false;
    }

    fn current_interface(&mut self) -> Option<&mut InterfaceName> {
        self.table.interfaces.get_mut(&self.current?)
    }

    fn open(
        &mut self,
        reading: &mut Reading,
        number: usize,
        line: &str,
        index: u32,
        name: &str,
        peer_index: Option<u32>,
    ) {
        if let Some((last_index, last_name)) = &self.last {
            if index < *last_index || (index == *last_index && name != last_name) {
                self.start_table(reading);
            }
        }
        self.last = Some((index, name.to_string()));
        self.current = None;
        if !self.admitted {
            self.admitted = reading.room(Entry::InterfaceTable, number, line);
            if !self.admitted {
                return;
            }
        }
        if let Some(interface) = self.table.interfaces.get_mut(&index) {
            interface.peer_index = interface.peer_index.or(peer_index);
            self.current = Some(index);
        } else if reading.room(Entry::Interface, number, line) {
            let interface = InterfaceName {
                name: name.to_string(),
                peer_index,
                master: None,
                netns: None,
                kind: None,
                mac: None,
            };
            self.table.interfaces.insert(index, interface);
            reading.accept();
            self.current = Some(index);
        }
    }

    /// One part of an interface's description: its link, an address, or a detail line.
    fn detail(&mut self, reading: &mut Reading, number: usize, line: &str, part: &str) {
        let Some(index) = self.current else {
            return;
        };
        let mut words = part.split_whitespace();
        match words.next() {
            Some("inet" | "inet6") => {
                let Some(address) = words.next().and_then(parse_address) else {
                    reading.problem(number, line, ProblemReason::BadAddress);
                    return;
                };
                reading.read_as(NamesFormat::IpAddr);
                if reading.room(Entry::InterfaceAddress, number, line) {
                    self.table.addresses.push((address, index));
                    reading.accept();
                }
            }
            Some(link) if link.starts_with("link/") => {
                let Some(interface) = self.current_interface() else {
                    return;
                };
                interface.mac = interface.mac.or(words.next().and_then(parse_mac));
                if let Some(name) = word_after(part, "link-netns") {
                    interface.netns = Some(Netns::Name(name.to_string()));
                } else if let Some(id) = word_after(part, "link-netnsid") {
                    interface.netns = id.parse().ok().map(Netns::Id);
                }
            }
            Some(kind) if LINK_KINDS.contains(&kind) => {
                if let Some(interface) = self.current_interface() {
                    interface.kind = Some(kind.to_string());
                }
            }
            // iproute2 prints many more lines (`valid_lft`, `altname`, statistics): not names.
            _ => {}
        }
    }
}

/// `2: rest` → ("2", "rest"), when the digits start the line and a name follows.
fn interface_start(line: &str) -> Option<(&str, &str)> {
    let (digits, rest) = line.split_once(": ")?;
    let numeric = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
    let named = rest.starts_with(|c: char| !c.is_whitespace());
    (numeric && named).then_some((digits, rest))
}

/// `veth3f2a1c9b@if2` → the name and its peer's index; `tunl0@NONE` or `eth0.10@eth0` have none.
fn split_peer(token: &str) -> (&str, Option<u32>) {
    match token.split_once('@') {
        Some((name, peer)) => (name, peer.strip_prefix("if").and_then(|n| n.parse().ok())),
        None => (token, None),
    }
}

fn word_after<'a>(text: &'a str, key: &str) -> Option<&'a str> {
    let mut words = text.split_whitespace();
    words.find(|word| *word == key)?;
    words.next()
}

/// `9a:1b:2c:3d:4e:5f` → its bytes; anything else (`link/none`, a tunnel's IPv4) → None.
fn parse_mac(text: &str) -> Option<[u8; 6]> {
    let mut mac = [0u8; 6];
    let mut parts = text.split(':');
    for byte in &mut mac {
        let part = parts.next()?;
        if part.len() != 2 {
            return None;
        }
        *byte = u8::from_str_radix(part, 16).ok()?;
    }
    parts.next().is_none().then_some(mac)
}

#[cfg(test)]
mod tests {
    use super::super::samples::{WORKER_ADDR, WORKER_LINK};
    use super::super::{Names, NamesReport};
    use super::*;

    fn read(text: &str) -> (Vec<InterfaceTable>, NamesReport) {
        let mut names = Names::new();
        let report = names.add("test", text);
        (names.entries.tables.clone(), report)
    }

    #[test]
    fn ip_o_link_gives_names_peers_bridges_and_namespaces() {
        let (tables, report) = read(WORKER_LINK);
        assert_eq!(report.formats, [NamesFormat::IpLink]);
        assert_eq!(report.problems, []);
        assert_eq!(report.accepted, 6);
        let [table] = tables.as_slice() else {
            panic!("{tables:?}")
        };
        assert!(table.has_links);
        let veth = &table.interfaces[&5];
        assert_eq!(veth.name, "veth3f2a1c9b");
        assert_eq!(veth.peer_index, Some(2));
        assert_eq!(veth.master.as_deref(), Some("cni0"));
        assert_eq!(
            veth.netns,
            Some(Netns::Name(
                "cni-3b2a5f0e-91c4-7d2e-0a6b-4c8d1e2f3a4b".to_string()
            ))
        );
        assert_eq!(veth.mac, Some([0x9a, 0x1b, 0x2c, 0x3d, 0x4e, 0x5f]));
        assert_eq!(table.interfaces[&6].netns, Some(Netns::Id(1)));
        let eth0 = &table.interfaces[&2];
        assert_eq!((eth0.name.as_str(), eth0.peer_index), ("eth0", Some(9)));
        assert_eq!(eth0.master, None);
        assert_eq!(table.interfaces[&1].name, "lo");
        assert_eq!(table.interfaces[&4].kind, None);
    }

    #[test]
    fn ip_o_addr_gives_each_address_its_interface() {
        let (tables, report) = read(WORKER_ADDR);
        assert_eq!(report.formats, [NamesFormat::IpAddr]);
        assert_eq!(report.problems, []);
        let [table] = tables.as_slice() else {
            panic!("{tables:?}")
        };
        assert!(!table.has_links);
        let cni0: Vec<_> = table.addresses.iter().filter(|(_, i)| *i == 4).collect();
        assert_eq!(cni0, [&("10.244.1.1".parse().unwrap(), 4)]);
        assert_eq!(table.addresses.len(), 8);
        assert!(table
            .addresses
            .contains(&("fc00:f853:ccd:e793::3".parse().unwrap(), 2)));
        assert_eq!(table.interfaces[&5].name, "veth3f2a1c9b");
        assert_eq!(table.interfaces.len(), 5);
    }

    #[test]
    fn plain_ip_addr_blocks_give_links_and_addresses_together() {
        let text = "\
1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000
    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
    inet 127.0.0.1/8 scope host lo
       valid_lft forever preferred_lft forever
    inet6 ::1/128 scope host
       valid_lft forever preferred_lft forever
2: eth0@if9: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default
    link/ether 02:42:ac:12:00:03 brd ff:ff:ff:ff:ff:ff link-netnsid 0
    altname enp0s3
    inet 172.18.0.3/16 brd 172.18.255.255 scope global eth0
       valid_lft forever preferred_lft forever
5: veth3f2a1c9b@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue master cni0 state UP group default
    link/ether 9a:1b:2c:3d:4e:5f brd ff:ff:ff:ff:ff:ff link-netns cni-3b2a5f0e-91c4-7d2e-0a6b-4c8d1e2f3a4b
    inet6 fe80::981b:2cff:fe3d:4e5f/64 scope link
       valid_lft forever preferred_lft forever
";
        let (tables, report) = read(text);
        assert_eq!(report.formats, [NamesFormat::IpLink, NamesFormat::IpAddr]);
        assert_eq!(report.problems, []);
        let [table] = tables.as_slice() else {
            panic!("{tables:?}")
        };
        assert!(table.has_links);
        assert_eq!(table.interfaces[&2].netns, Some(Netns::Id(0)));
        assert_eq!(table.interfaces[&5].master.as_deref(), Some("cni0"));
        assert!(table
            .addresses
            .contains(&("172.18.0.3".parse().unwrap(), 2)));
        assert_eq!(table.addresses.len(), 4);
    }

    #[test]
    fn ip_d_link_names_the_kind_of_each_link() {
        let text = "\
3: flannel.1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue state UNKNOWN mode DEFAULT group default \\    link/ether 6e:2c:1f:9a:33:10 brd ff:ff:ff:ff:ff:ff promiscuity 0  allmulti 0 minmtu 68 maxmtu 65535 \\    vxlan id 1 local 172.18.0.3 dev eth0 srcport 0 0 dstport 8472 nolearning ttl auto ageing 300 \\    addrgenmode eui64 numtxqueues 1 numrxqueues 1
4: cni0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue state UP mode DEFAULT group default qlen 1000\\    link/ether 1a:7d:e0:4b:9c:21 brd ff:ff:ff:ff:ff:ff promiscuity 0 \\    bridge forward_delay 1500 hello_time 200 max_age 2000
5: veth3f2a1c9b@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue master cni0 state UP mode DEFAULT group default \\    link/ether 9a:1b:2c:3d:4e:5f brd ff:ff:ff:ff:ff:ff link-netns cni-3b2a promiscuity 1 \\    veth \\    bridge_slave state forwarding priority 32
7: tunl0@NONE: <NOARP,UP,LOWER_UP> mtu 1480 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\\    link/ipip 0.0.0.0 brd 0.0.0.0 promiscuity 0 \\    ipip any remote any local any ttl inherit nopmtudisc
";
        let (tables, report) = read(text);
        assert_eq!(report.problems, []);
        let interfaces = &tables[0].interfaces;
        assert_eq!(interfaces[&3].kind.as_deref(), Some("vxlan"));
        assert_eq!(interfaces[&4].kind.as_deref(), Some("bridge"));
        assert_eq!(interfaces[&5].kind.as_deref(), Some("veth"));
        assert_eq!(interfaces[&5].netns, Some(Netns::Name("cni-3b2a".into())));
        assert_eq!(interfaces[&7].kind.as_deref(), Some("ipip"));
        assert_eq!(interfaces[&7].name, "tunl0");
        assert_eq!(interfaces[&7].peer_index, None);
        assert_eq!(interfaces[&7].mac, None);
    }

    #[test]
    fn indexes_that_start_again_begin_another_table() {
        let two_nodes = format!(
            "{WORKER_LINK}{}",
            WORKER_LINK.replace("veth3f2a1c9b", "vethaaaa0001")
        );
        let (tables, report) = read(&two_nodes);
        assert_eq!(report.problems, []);
        assert_eq!(tables.len(), 2);
        assert_eq!(tables[1].interfaces[&5].name, "vethaaaa0001");
        let link_then_addr = format!("{WORKER_LINK}{WORKER_ADDR}");
        let (tables, _) = read(&link_then_addr);
        assert_eq!(tables.len(), 2);
        assert!(tables[0].has_links && tables[0].addresses.is_empty());
        assert!(!tables[1].has_links && tables[1].addresses.len() == 8);
    }

    #[test]
    fn garbage_in_the_middle_is_reported_and_the_rest_read() {
        let mut lines: Vec<&str> = WORKER_LINK.lines().collect();
        lines.insert(2, "Connection to worker closed.");
        lines.insert(4, "99999999999: huge: <UP> mtu 1500");
        lines.insert(
            5,
            "8: veth0@if3: <UP> mtu 1500\\    link/ether 9a:1b:2c:3d:4e:5f\\    inet 10.0.0.300/24",
        );
        let (tables, report) = read(&lines.join("\r\n"));
        let problems: Vec<_> = report
            .problems
            .iter()
            .map(|p| (p.line, p.reason.clone()))
            .collect();
        assert_eq!(
            problems,
            [
                (3, ProblemReason::UnrecognizedLine),
                (5, ProblemReason::BadIndex),
                (6, ProblemReason::BadAddress)
            ]
        );
        assert_eq!(report.problems[0].text, "Connection to worker closed.");
        // Interface 4 follows interface 8: the indexes went back, so a second table begins.
        assert_eq!(tables.len(), 2);
        assert_eq!(tables[1].interfaces[&6].name, "veth8c1d2e3f");
        assert_eq!(
            tables[0].interfaces[&8].mac,
            Some([0x9a, 0x1b, 0x2c, 0x3d, 0x4e, 0x5f])
        );
    }

    #[test]
    fn macs_and_peers_are_read_strictly() {
        assert_eq!(parse_mac("00:00:00:00:00:00"), Some([0; 6]));
        assert_eq!(parse_mac("02:42:ac:12:00:03:00"), None);
        assert_eq!(parse_mac("02:42:ac:12:00"), None);
        assert_eq!(parse_mac("0.0.0.0"), None);
        assert_eq!(parse_mac("2:42:ac:12:00:03"), None);
        assert_eq!(split_peer("eth0@if9"), ("eth0", Some(9)));
        assert_eq!(split_peer("eth0.10@eth0"), ("eth0.10", None));
        assert_eq!(split_peer("eth0@if99999999999"), ("eth0", None));
        assert_eq!(interface_start("12: eth0"), Some(("12", "eth0")));
        assert_eq!(interface_start("12:  eth0"), None);
        assert_eq!(interface_start("x2: eth0"), None);
        assert_eq!(interface_start(": eth0"), None);
    }
}

//! The cluster's names for what a capture shows as numbers: interface indexes, pod, Service and
//! node addresses, NodePorts.
//!
//! Users paste what the cluster printed: `ip -o link` and `ip -o addr` (or `ip link`, `ip addr`)
//! from a node, `kubectl get pods -o wide`, `get services`, `get endpointslices`, `get
//! endpoints`, `get nodes -o wide`, with or without `-A`. [`Names::add`] recognises each from
//! its header or the shape of its lines (`ip.rs`, `kubectl.rs`), keeps what it can read and
//! reports the rest by line. The lookups answer only when what was given agrees: an address
//! that two Services claim, or an interface index on a capture that could be from several
//! nodes, has no name rather than a wrong one.

mod book;
mod index;
mod ip;
mod kubectl;
pub mod ptcpdump;
mod reading;
#[cfg(test)]
mod samples;
mod table;
mod text;

use std::net::IpAddr;

use serde::{Deserialize, Serialize};

pub use book::{address_label, set_book, NameBook, ServicePortName};

use index::Index;
use ip::InterfaceTable;
use kubectl::{EndpointsRow, NodeRow, PodRow};

/// At most this many entries of each kind (pods, Services, endpoint addresses, nodes,
/// interfaces, interface addresses) are kept, over all texts: what is pasted stays bounded.
pub const MAX_ENTRIES: usize = 1 << 16;

/// At most this many interface listings (one per node or namespace) are kept: pairing each
/// `ip addr` with its `ip link` compares them two by two.
pub const MAX_INTERFACE_TABLES: usize = 256;

/// At most this many problems are listed per text; the others are only counted.
pub const MAX_LISTED_PROBLEMS: usize = 100;

/// A problem quotes at most this many characters of its line.
pub const PROBLEM_TEXT_CHARS: usize = 120;

/// Everything the texts given so far name, and the lookups made from it.
#[derive(Clone, Debug, Default)]
pub struct Names {
    entries: Entries,
    /// Rebuilt after each text: which name wins for an address depends on all of them.
    index: Index,
}

/// What the texts said, as read.
#[derive(Clone, Debug, Default)]
struct Entries {
    pods: Vec<PodRow>,
    services: Vec<ServiceName>,
    endpoints: Vec<EndpointsRow>,
    nodes: Vec<NodeRow>,
    /// One per node's (or network namespace's) iproute2 output.
    tables: Vec<InterfaceTable>,
}

/// What reading one text gave.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NamesReport {
    /// The text's name in messages: a file name, or "pasted text 1".
    pub source: String,
    /// What the text was read as, in order (`kubectl get pods,svc` prints two tables).
    pub formats: Vec<NamesFormat>,
    /// Rows, interfaces and addresses read.
    pub accepted: usize,
    /// What could not be read, by line; at most [`MAX_LISTED_PROBLEMS`].
    pub problems: Vec<LineProblem>,
    /// Problems beyond those listed.
    pub unlisted_problems: usize,
}

/// A line that could not be read, or could only partly be.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineProblem {
    /// 1-based; 0 when the problem is the text as a whole (it is empty).
    pub line: usize,
    /// The line, cut to [`PROBLEM_TEXT_CHARS`] characters.
    pub text: String,
    pub reason: ProblemReason,
}

/// Why a line could not be read. The caller puts it into words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum ProblemReason {
    /// The text is empty or blank.
    Empty,
    /// Nothing in the text is in a format this module reads (see [`NamesFormat`]).
    UnknownFormat,
    /// A line that fits none of the formats around it.
    UnrecognizedLine,
    /// The header of a kubectl table this module does not read (`kubectl get deployments`);
    /// its rows are skipped.
    UnsupportedTable,
    /// A kubectl table without a column it needs: `kubectl get pods` without `-o wide` has no
    /// IP, `kubectl get nodes` no INTERNAL-IP.
    MissingColumn { column: String },
    /// A row with fewer cells than its table has columns: cut off, or not from this table.
    TooFewColumns { expected: usize, found: usize },
    /// A row whose cells are neither under the header's columns nor separable by wide gaps.
    Misaligned,
    /// An address that does not parse (`10.244.999.1`).
    BadAddress,
    /// A port list that does not parse; the row is kept without its ports.
    BadPorts,
    /// An interface index too large to be one.
    BadIndex,
    /// More entries of one kind than are kept ([`MAX_ENTRIES`], [`MAX_INTERFACE_TABLES`]);
    /// this line and the rest of that kind are dropped.
    TooManyEntries { limit: usize },
}

/// The outputs this module reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NamesFormat {
    /// `ip -o link` or `ip link` (with `-d`, the link kinds too).
    IpLink,
    /// `ip -o addr` or `ip addr` (whose blocks are also an `ip link`'s).
    IpAddr,
    /// `kubectl get pods -o wide`.
    KubectlPods,
    /// `kubectl get services`, with or without `-o wide`.
    KubectlServices,
    KubectlEndpointSlices,
    KubectlEndpoints,
    /// `kubectl get nodes -o wide`.
    KubectlNodes,
}

/// What an address is in the cluster.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum AddressName {
    /// A pod's own address. `namespace` is None when the pods were listed without `-A`.
    Pod {
        namespace: Option<String>,
        name: String,
        node: Option<String>,
    },
    /// An address of a Service: its ClusterIP, or a load balancer's or external IP.
    Service {
        namespace: Option<String>,
        name: String,
        address: ServiceAddress,
    },
    /// A node's address: listed by `kubectl get nodes`, shared by its host-network pods, or
    /// held by one of its interfaces.
    Node {
        name: Option<String>,
        interface: Option<String>,
    },
    /// An address behind Services (their EndpointSlices or Endpoints) whose pod was not given.
    Endpoint {
        namespace: Option<String>,
        services: Vec<String>,
    },
}

/// Which of a Service's addresses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ServiceAddress {
    ClusterIp,
    /// The load balancer's address of a `LoadBalancer` Service.
    LoadBalancer,
    /// An address in `externalIPs` of a Service of another type.
    ExternalIp,
}

/// A Service as `kubectl get services` shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceName {
    pub namespace: Option<String>,
    pub name: String,
    /// None when the TYPE column is missing or holds a type this module does not know.
    pub service_type: Option<ServiceType>,
    /// None for a headless or ExternalName Service. kubectl shows only the first of a
    /// dual-stack Service's.
    pub cluster_ip: Option<IpAddr>,
    pub external_ips: Vec<IpAddr>,
    /// A load balancer's DNS name (AWS), or an ExternalName Service's target.
    pub external_hostnames: Vec<String>,
    pub ports: Vec<ServicePort>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ServiceType {
    ClusterIp,
    NodePort,
    LoadBalancer,
    ExternalName,
}

/// One of a Service's ports: `80:30080/TCP`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServicePort {
    pub port: u16,
    pub node_port: Option<u16>,
    pub protocol: PortProtocol,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PortProtocol {
    Tcp,
    Udp,
    Sctp,
}

/// An interface as `ip link` shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterfaceName {
    /// Without the `@if9` suffix.
    pub name: String,
    /// The index of a veth's other end (`@if9`), in the namespace `netns`.
    pub peer_index: Option<u32>,
    /// The bridge or bond it is attached to (`master cni0`).
    pub master: Option<String>,
    /// The namespace its peer is in.
    pub netns: Option<Netns>,
    /// The kernel's kind (`veth`, `vxlan`, `bridge`), when `ip -d link` was given.
    pub kind: Option<String>,
    pub mac: Option<[u8; 6]>,
}

/// A network namespace as `ip link` names it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Netns {
    /// `link-netns cni-3b2a...`: a named namespace (as CNI plugins create them).
    Name(String),
    /// `link-netnsid 0`: a namespace the node knows only by number.
    Id(u32),
}

impl Names {
    pub fn new() -> Names {
        Names::default()
    }

    /// Adds a text a user gave; `source` names it in messages (a file name, "pasted text 1").
    /// What could not be read is reported, never fatal.
    /// A pod named by a packet comment (ptcpdump's), unless the texts name that address.
    pub fn add_commented_pod(&mut self, pod: &ptcpdump::CommentedPod) {
        if self.address(pod.address).is_some() {
            return;
        }
        self.entries.pods.push(kubectl::PodRow {
            namespace: Some(pod.namespace.clone()),
            name: pod.name.clone(),
            node: None,
            address: pod.address,
            running: true,
        });
        self.index = Index::build(&self.entries);
    }

    pub fn add(&mut self, source: &str, text: &str) -> NamesReport {
        let report = reading::read_text(&mut self.entries, source, text);
        self.index = Index::build(&self.entries);
        report
    }

    /// What an address is: a Service's ClusterIP, a node's address, a pod, a load balancer's
    /// address, an address behind a Service, in that order when several claim it.
    pub fn address(&self, address: IpAddr) -> Option<&AddressName> {
        self.index.addresses.get(&address)
    }

    /// The Service a packet to `address:port` is for: by its ClusterIP or external address and
    /// one of its ports, or by a NodePort on any address that is no pod's or Service's (a
    /// node's, given or not).
    pub fn service_at(&self, address: IpAddr, port: u16) -> Option<&ServiceName> {
        let services = &self.entries.services;
        if let [at] = self.index.services_at(address, port) {
            return services.get(*at);
        }
        let on_node = matches!(self.address(address), None | Some(AddressName::Node { .. }));
        match self.index.node_port(port) {
            [at] if on_node => services.get(*at),
            _ => None,
        }
    }

    /// An interface's name by its index, on the node the capture was taken on, which its own
    /// addresses (`host_addresses`) pick among the nodes whose `ip addr` was given. A single
    /// `ip link` without addresses applies to any capture; with several nodes' and nothing to
    /// choose between them, the answer is None rather than another node's name.
    pub fn interface(&self, host_addresses: &[IpAddr], index: u32) -> Option<&InterfaceName> {
        self.index.node(host_addresses)?.interfaces.get(&index)
    }

    /// The addresses behind a Service, as its EndpointSlices (or Endpoints) listed them. A
    /// namespace of None on either side matches any.
    pub fn endpoints(&self, namespace: Option<&str>, service: &str) -> Vec<IpAddr> {
        let rows = self.entries.endpoints.iter().filter(|row| {
            let same_namespace = match (namespace, row.namespace.as_deref()) {
                (Some(wanted), Some(listed)) => wanted == listed,
                _ => true,
            };
            same_namespace && row.service == service
        });
        text::distinct(rows.flat_map(|row| row.addresses.iter().copied()))
    }

    pub fn is_empty(&self) -> bool {
        let entries = &self.entries;
        entries.pods.is_empty()
            && entries.services.is_empty()
            && entries.endpoints.is_empty()
            && entries.nodes.is_empty()
            && entries.tables.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::samples::*;
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    fn given(texts: &[&str]) -> Names {
        let mut names = Names::new();
        for (at, text) in texts.iter().enumerate() {
            let report = names.add(&format!("pasted text {}", at + 1), text);
            assert_eq!(report.problems, [], "{}", report.source);
        }
        names
    }

    /// Every sample, one after another in one text, as a user might paste them.
    fn everything() -> String {
        [
            WORKER_LINK,
            WORKER_ADDR,
            PODS_ALL,
            SERVICES_ALL,
            SLICES_ALL,
            ENDPOINTS_ALL,
        ]
        .join("\n")
    }

    #[test]
    fn a_whole_cluster_names_what_a_capture_shows() {
        let names = given(&[WORKER_LINK, WORKER_ADDR, PODS_ALL, SERVICES_ALL, SLICES_ALL]);
        assert!(!names.is_empty());
        let dns = names.address(ip("10.96.0.10")).unwrap();
        assert_eq!(
            dns,
            &AddressName::Service {
                namespace: Some("kube-system".into()),
                name: "kube-dns".into(),
                address: ServiceAddress::ClusterIp
            }
        );
        let coredns = names.address(ip("10.244.0.3")).unwrap();
        assert!(
            matches!(coredns, AddressName::Pod { name, .. } if name == "coredns-7db6d8ff4d-4rvwb")
        );
        let bridge = names.address(ip("10.244.1.1")).unwrap();
        assert_eq!(
            bridge,
            &AddressName::Node {
                name: Some("kind-worker".into()),
                interface: Some("cni0".into())
            }
        );

        // The capture's own address picks the node; its interface 5 is a pod's veth.
        let veth = names.interface(&[ip("172.18.0.3")], 5).unwrap();
        assert_eq!(veth.name, "veth3f2a1c9b");
        assert_eq!(veth.peer_index, Some(2));
        assert_eq!(veth.master.as_deref(), Some("cni0"));
        assert_eq!(names.interface(&[ip("172.18.0.3")], 42), None);
    }

    #[test]
    fn services_by_address_and_port_or_by_node_port() {
        let names = given(&[PODS_ALL, SERVICES_ALL]);
        let name_at =
            |address: &str, port| names.service_at(ip(address), port).map(|s| s.name.as_str());
        assert_eq!(name_at("10.96.143.27", 443), Some("nginx-demo"));
        assert_eq!(name_at("10.96.143.27", 8080), None, "not one of its ports");
        assert_eq!(name_at("10.96.0.10", 53), Some("kube-dns"));
        assert_eq!(name_at("2001:db8::10", 443), Some("edge"));
        // A NodePort on a node's address, given or not.
        assert_eq!(name_at("172.18.0.3", 30080), Some("nginx-demo"));
        assert_eq!(name_at("198.51.100.7", 31443), Some("nginx-demo"));
        assert_eq!(name_at("172.18.0.4", 30999), Some("waiting"));
        // A pod's address is no node's: a pod listening on 30080 is not the NodePort.
        assert_eq!(name_at("10.244.1.20", 30080), None);
        assert_eq!(name_at("172.18.0.3", 8080), None);
    }

    #[test]
    fn a_single_ip_link_names_interfaces_of_any_capture() {
        let names = given(&[WORKER_LINK]);
        let eth0 = names.interface(&[ip("10.1.2.3")], 2).unwrap();
        assert_eq!(eth0.name, "eth0");
        assert_eq!(eth0.netns, Some(Netns::Id(0)));
        assert_eq!(names.interface(&[], 4).unwrap().name, "cni0");
    }

    #[test]
    fn several_nodes_links_name_nothing_until_addresses_tell_them_apart() {
        let mut names = given(&[WORKER_LINK, WORKER2_LINK]);
        assert_eq!(names.interface(&[ip("172.18.0.3")], 5), None);
        assert_eq!(names.interface(&[], 5), None);
        names.add("worker addr", WORKER_ADDR);
        let worker = names.interface(&[ip("172.18.0.3")], 5).unwrap();
        assert_eq!(worker.name, "veth3f2a1c9b");
        // The other `ip link` is then the only one whose node is unknown.
        let other = names.interface(&[ip("172.18.0.4")], 5).unwrap();
        assert_eq!(other.name, "veth71be04d2");
        // Loopback and link-local addresses are every node's: they pick none.
        assert_eq!(names.interface(&[ip("127.0.0.1")], 5), None);
        names.add("worker2 addr", WORKER2_ADDR);
        let worker2 = names
            .interface(&[ip("fe80::1"), ip("172.18.0.4")], 5)
            .unwrap();
        assert_eq!(worker2.name, "veth71be04d2");
        assert_eq!(names.interface(&[], 5), None);
    }

    #[test]
    fn endpoints_of_a_service_from_its_slices() {
        let names = given(&[SLICES_ALL]);
        let nginx = names.endpoints(Some("default"), "nginx-demo");
        assert_eq!(
            nginx,
            [
                ip("10.244.1.20"),
                ip("10.244.2.3"),
                ip("10.244.3.4"),
                ip("fd00:10:244:1::14")
            ]
        );
        assert_eq!(names.endpoints(None, "kube-dns").len(), 2);
        assert!(names.endpoints(Some("default"), "kube-dns").is_empty());
        assert!(names.endpoints(None, "db-headless").is_empty());
    }

    #[test]
    fn everything_in_one_paste_is_read_as_each_format() {
        let mut names = Names::new();
        let report = names.add("pasted text 1", &everything());
        assert_eq!(report.problems, []);
        assert_eq!(
            report.formats,
            [
                NamesFormat::IpLink,
                NamesFormat::IpAddr,
                NamesFormat::KubectlPods,
                NamesFormat::KubectlServices,
                NamesFormat::KubectlEndpointSlices,
                NamesFormat::KubectlEndpoints
            ]
        );
        let veth = names.interface(&[ip("172.18.0.3")], 5).unwrap();
        assert_eq!(veth.master.as_deref(), Some("cni0"));
    }

    #[test]
    fn crlf_line_endings_read_the_same() {
        let unix = everything();
        let windows = unix.replace('\n', "\r\n");
        let (mut a, mut b) = (Names::new(), Names::new());
        let (report_a, report_b) = (a.add("a", &unix), b.add("a", &windows));
        assert_eq!(report_a, report_b);
        for address in ["10.244.1.20", "10.96.0.10", "10.244.1.1", "172.18.0.2"] {
            assert_eq!(a.address(ip(address)), b.address(ip(address)), "{address}");
        }
        assert_eq!(a.interface(&[], 5), b.interface(&[], 5));
    }

    #[test]
    fn empty_blank_and_header_only_texts() {
        let mut names = Names::new();
        for text in ["", "\n\n", "   \r\n\t\r\n"] {
            let report = names.add("empty", text);
            assert_eq!(report.formats, []);
            assert_eq!(
                report.problems,
                [LineProblem {
                    line: 0,
                    text: String::new(),
                    reason: ProblemReason::Empty
                }]
            );
        }
        let header = PODS_ALL.lines().next().unwrap();
        let report = names.add("header", header);
        assert_eq!(report.formats, [NamesFormat::KubectlPods]);
        assert_eq!((report.accepted, report.problems.len()), (0, 0));
        assert!(names.is_empty());
    }

    #[test]
    fn unknown_text_is_one_problem_that_quotes_its_first_line() {
        let mut names = Names::new();
        // `ip -br addr` has no interface indexes; prose is prose.
        let brief = "\n\
lo               UNKNOWN        127.0.0.1/8 ::1/128
eth0@if9         UP             172.18.0.3/16 fc00:f853:ccd:e793::3/64 fe80::42:acff:fe12:3/64
";
        let report = names.add("brief", brief);
        assert_eq!(
            report.problems,
            [LineProblem {
                line: 2,
                text: "lo               UNKNOWN        127.0.0.1/8 ::1/128".into(),
                reason: ProblemReason::UnknownFormat
            }]
        );
        assert_eq!(report.formats, []);
        let long = "x".repeat(10_000);
        let report = names.add("long", &long);
        assert_eq!(report.problems[0].text.len(), PROBLEM_TEXT_CHARS);
        assert!(names.is_empty());
    }

    #[test]
    fn a_prompt_line_before_a_table_is_reported_and_the_table_read() {
        let text = format!("$ kubectl get pods -A -o wide\n{PODS_ALL}");
        let mut names = Names::new();
        let report = names.add("terminal", &text);
        let reasons: Vec<_> = report
            .problems
            .iter()
            .map(|p| (p.line, p.reason.clone()))
            .collect();
        assert_eq!(reasons, [(1, ProblemReason::UnrecognizedLine)]);
        assert_eq!(report.accepted, 14);
    }

    #[test]
    fn huge_inputs_keep_bounded_entries_and_problems() {
        let header = PODS_ALL.lines().next().unwrap();
        let mut text = String::from(header);
        for n in 0..MAX_ENTRIES + 10 {
            let (a, b) = (n / 256 % 256, n % 256);
            text.push_str(&format!(
                "\ndefault        pod-{n:<32}1/1     Running     0             3h12m   10.{a}.{b}.7{:<width$}kind-worker          <none>           <none>",
                "",
                width = 14 - format!("10.{a}.{b}.7").len(),
            ));
        }
        let mut names = Names::new();
        let report = names.add("huge", &text);
        assert_eq!(report.accepted, MAX_ENTRIES + 10);
        let [problem] = report.problems.as_slice() else {
            panic!("{:?}", report.problems)
        };
        assert_eq!(problem.line, MAX_ENTRIES + 2);
        assert_eq!(
            problem.reason,
            ProblemReason::TooManyEntries { limit: MAX_ENTRIES }
        );
        assert_eq!(names.entries.pods.len(), MAX_ENTRIES);
        // The cap holds across texts.
        let report = names.add(
            "more",
            &format!("{header}\n{}", text.lines().nth(1).unwrap()),
        );
        assert_eq!(report.problems.len(), 1);
        assert_eq!(names.entries.pods.len(), MAX_ENTRIES);

        let garbage = format!("{header}\n{}", "garbage\n".repeat(1000));
        let report = Names::new().add("garbage", &garbage);
        assert_eq!(report.problems.len(), MAX_LISTED_PROBLEMS);
        assert_eq!(report.unlisted_problems, 1000 - MAX_LISTED_PROBLEMS);
    }

    #[test]
    fn crafted_repetition_stays_bounded() {
        // One Endpoints row of 100 000 addresses, each on two ports.
        let endpoints: Vec<String> = (0..100_000u32)
            .flat_map(|n| {
                let address = format!("10.{}.{}.{}", n >> 16, (n >> 8) & 255, n & 255);
                [format!("{address}:80"), format!("{address}:443")]
            })
            .collect();
        let text = format!(
            "NAME   ENDPOINTS   AGE\nbig    {}   1d\n",
            endpoints.join(",")
        );
        let mut names = Names::new();
        let report = names.add("endpoints", &text);
        let limit = MAX_ENTRIES;
        assert_eq!(
            report.problems[0].reason,
            ProblemReason::TooManyEntries { limit }
        );
        assert_eq!(names.endpoints(None, "big").len(), MAX_ENTRIES);

        // 70 000 Services on one ClusterIP and port: none of them is its name.
        let mut services =
            String::from("NAME       TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE");
        for n in 0..70_000 {
            services.push_str(&format!(
                "\nsvc{n:<6}  ClusterIP   10.96.0.99   <none>        80/TCP    1d"
            ));
        }
        names.add("services", &services);
        assert_eq!(names.address(ip("10.96.0.99")), None);
        assert_eq!(names.service_at(ip("10.96.0.99"), 80), None);
    }

    #[test]
    fn reports_and_names_travel_as_json() {
        let mut names = Names::new();
        let report = names.add("pods.txt", &format!("{PODS_ALL}oops\n"));
        let json = serde_json::to_string(&report).unwrap();
        assert!(
            json.contains(r#""reason":{"kind":"too-few-columns","expected":10,"found":1}"#),
            "{json}"
        );
        assert_eq!(serde_json::from_str::<NamesReport>(&json).unwrap(), report);
        names.add("services", SERVICES_ALL);
        names.add("link", WORKER_LINK);
        let service = names.address(ip("10.96.0.10")).unwrap();
        let json = serde_json::to_string(service).unwrap();
        assert_eq!(
            json,
            r#"{"kind":"service","namespace":"kube-system","name":"kube-dns","address":"cluster-ip"}"#
        );
        assert_eq!(
            &serde_json::from_str::<AddressName>(&json).unwrap(),
            service
        );
        let veth = names.interface(&[], 5).unwrap();
        let json = serde_json::to_string(veth).unwrap();
        assert_eq!(&serde_json::from_str::<InterfaceName>(&json).unwrap(), veth);
    }

    /// xorshift64*: a deterministic stream of numbers for the fuzz-like tests.
    struct Random(u64);

    impl Random {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n.max(1) as u64) as usize
        }
    }

    /// Every lookup, on addresses and indexes the texts hold and some they do not.
    fn look_everywhere(names: &Names) {
        for address in [
            "10.244.1.20",
            "172.18.0.3",
            "10.96.0.10",
            "127.0.0.1",
            "fe80::1",
        ] {
            let address = ip(address);
            let _ = names.address(address);
            for port in [0, 53, 80, 30080, u16::MAX] {
                let _ = names.service_at(address, port);
            }
            for index in [0, 1, 5, u32::MAX] {
                let _ = names.interface(&[address], index);
                let _ = names.interface(&[], index);
            }
        }
        let _ = names.endpoints(None, "nginx-demo");
    }

    #[test]
    fn every_prefix_of_a_real_paste_reads_without_panic() {
        let text = everything();
        let mut cuts: Vec<usize> = text.char_indices().map(|(at, _)| at).collect();
        cuts.push(text.len());
        for cut in cuts {
            let mut names = Names::new();
            let report = names.add("prefix", &text[..cut]);
            assert!(report.problems.len() <= MAX_LISTED_PROBLEMS);
            if cut % 97 == 0 {
                look_everywhere(&names);
            }
        }
    }

    #[test]
    fn random_bytes_and_shuffled_fragments_read_without_panic() {
        let mut random = Random(0x9e37_79b9_7f4a_7c15);
        let text = everything();
        let lines: Vec<&str> = text.lines().collect();
        let fragments: Vec<&str> = text.split([' ', '\\', ',', '\n']).collect();
        for round in 0..400 {
            let input = match round % 4 {
                // Noise, valid UTF-8 or not.
                0 => {
                    let bytes: Vec<u8> = (0..random.below(600))
                        .map(|_| random.next() as u8)
                        .collect();
                    String::from_utf8_lossy(&bytes).into_owned()
                }
                // Real lines in a random order, some cut short.
                1 => (0..random.below(40))
                    .map(|_| {
                        let line = lines[random.below(lines.len())];
                        let cut = random.below(line.len() + 1);
                        line.get(..cut).unwrap_or(line)
                    })
                    .collect::<Vec<_>>()
                    .join("\n"),
                // Real words joined by the separators the formats use.
                2 => (0..random.below(300))
                    .map(|_| {
                        let separator = ["  ", " ", "\\", ",", "\n", "\t", ": ", "@if", "/"];
                        format!(
                            "{}{}",
                            fragments[random.below(fragments.len())],
                            separator[random.below(9)]
                        )
                    })
                    .collect(),
                // A real text with bytes flipped.
                _ => {
                    let mut bytes = text.clone().into_bytes();
                    for _ in 0..random.below(30) + 1 {
                        let at = random.below(bytes.len());
                        bytes[at] = random.next() as u8;
                    }
                    String::from_utf8_lossy(&bytes).into_owned()
                }
            };
            let mut names = Names::new();
            names.add("noise", &input);
            names.add("everything", &text);
            look_everywhere(&names);
        }
    }
}

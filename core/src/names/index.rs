//! The lookups, made from everything given: which name each address has when several texts
//! claim it, which interface tables belong to which node, which Service owns which address
//! and NodePort.
//!
//! When several claim an address, a Service's ClusterIP wins (IPVS puts every ClusterIP on
//! each node's `kube-ipvs0`), then a node (a host-network pod's address is its node's), then a
//! pod, then a load balancer's or external address (k3s' ServiceLB uses the nodes' own), then
//! `kube-ipvs0`'s other addresses, then an address behind a Service. Claims of one kind that
//! disagree (two Services on one load balancer address) give no name of that kind.

use std::collections::{BTreeMap, BTreeSet};
use std::net::IpAddr;

use super::ip::InterfaceTable;
use super::kubectl::PodRow;
use super::text::is_global;
use super::{AddressName, Entries, InterfaceName, ServiceAddress, ServiceName, ServiceType};

/// The interface that holds IPVS's virtual addresses on every node in that mode.
const IPVS_INTERFACE: &str = "kube-ipvs0";

#[derive(Clone, Debug, Default)]
pub(super) struct Index {
    pub(super) addresses: BTreeMap<IpAddr, AddressName>,
    /// One per node (or namespace) whose interfaces were given.
    nodes: Vec<NodeView>,
    /// The nodes (their place in `nodes`) that hold each global address.
    node_addresses: BTreeMap<IpAddr, BTreeSet<usize>>,
    /// Services (their place in `Entries::services`) by ClusterIP or external address and port.
    service_ports: BTreeMap<(IpAddr, u16), Vec<usize>>,
    node_ports: BTreeMap<u16, Vec<usize>>,
}

/// One node's interfaces and addresses: an `ip link` and the `ip addr` that matches it, or
/// either alone.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct NodeView {
    pub(super) interfaces: BTreeMap<u32, InterfaceName>,
    /// Each address with its interface's index.
    pub(super) addresses: Vec<(IpAddr, u32)>,
}

impl NodeView {
    fn global_addresses(&self) -> impl Iterator<Item = IpAddr> + '_ {
        self.addresses
            .iter()
            .map(|(address, _)| *address)
            .filter(|address| is_global(*address))
    }
}

impl Index {
    pub(super) fn build(entries: &Entries) -> Index {
        let nodes = node_views(&entries.tables);
        let mut addresses = BTreeMap::new();
        let pods = PodAddresses::new(&entries.pods);
        let (cluster_ips, externals) = service_claims(entries);
        let (node_claims, ipvs_claims) = node_claims(entries, &nodes, &pods);
        // In order of precedence: the first to name an address keeps it.
        let ranks = [
            cluster_ips,
            node_claims,
            pods.single
                .iter()
                .map(|(address, pod)| {
                    let name = AddressName::Pod {
                        namespace: pod.namespace.clone(),
                        name: pod.name.clone(),
                        node: pod.node.clone(),
                    };
                    (*address, name)
                })
                .collect(),
            externals,
            ipvs_claims,
            endpoint_claims(entries),
        ];
        for rank in ranks {
            for (address, name) in rank {
                addresses.entry(address).or_insert(name);
            }
        }
        let mut service_ports: BTreeMap<(IpAddr, u16), Vec<usize>> = BTreeMap::new();
        let mut node_ports: BTreeMap<u16, Vec<usize>> = BTreeMap::new();
        for (at, service) in entries.services.iter().enumerate() {
            for port in &service.ports {
                for address in service.cluster_ip.iter().chain(&service.external_ips) {
                    let list = service_ports.entry((*address, port.port)).or_default();
                    add_service(list, at, &entries.services);
                }
                if let Some(node_port) = port.node_port {
                    add_service(
                        node_ports.entry(node_port).or_default(),
                        at,
                        &entries.services,
                    );
                }
            }
        }
        let mut node_addresses: BTreeMap<IpAddr, BTreeSet<usize>> = BTreeMap::new();
        for (at, node) in nodes.iter().enumerate() {
            for address in node.global_addresses() {
                node_addresses.entry(address).or_default().insert(at);
            }
        }
        Index {
            addresses,
            nodes,
            node_addresses,
            service_ports,
            node_ports,
        }
    }

    /// The Services (their place in `Entries::services`) with this address and port: one, or
    /// two when it is ambiguous.
    pub(super) fn services_at(&self, address: IpAddr, port: u16) -> &[usize] {
        self.service_ports
            .get(&(address, port))
            .map_or(&[], Vec::as_slice)
    }

    /// The Services with this NodePort: one, or two when it is ambiguous.
    pub(super) fn node_port(&self, port: u16) -> &[usize] {
        self.node_ports.get(&port).map_or(&[], Vec::as_slice)
    }

    /// The node a capture with these addresses was taken on: the one whose addresses include
    /// them; failing that, the only one whose addresses are unknown (or the only one at all,
    /// when the capture's are).
    pub(super) fn node(&self, host_addresses: &[IpAddr]) -> Option<&NodeView> {
        let host = host_addresses.iter().filter(|address| is_global(**address));
        let mut owners: BTreeSet<usize> = BTreeSet::new();
        for address in host.clone() {
            owners.extend(self.node_addresses.get(address).into_iter().flatten());
        }
        if !owners.is_empty() {
            return only(owners.into_iter())?.and_then(|at| self.nodes.get(at));
        }
        let capture_unknown = host.count() == 0;
        let unknown = self
            .nodes
            .iter()
            .filter(|node| capture_unknown || node.global_addresses().next().is_none());
        only(unknown)?
    }
}

/// Adds a Service to those at an address and port, unless it is there already (the same
/// Service given twice). Two different ones are enough to know there is no single answer.
fn add_service(list: &mut Vec<usize>, at: usize, services: &[ServiceName]) {
    let identity = |at: usize| services.get(at).map(|s| (&s.namespace, &s.name));
    if list.len() < 2 && list.iter().all(|other| identity(*other) != identity(at)) {
        list.push(at);
    }
}

/// Some(the only item), Some(None) when there are several, None when there is none.
fn only<T>(mut items: impl Iterator<Item = T>) -> Option<Option<T>> {
    let first = items.next()?;
    Some(items.next().is_none().then_some(first))
}

/// Pairs each `ip addr` table with the `ip link` table of the same node: the one whose
/// interfaces carry the same names at the same indexes (veth names are random, so two nodes'
/// rarely agree). A pairing that is not one to one is left undone.
fn node_views(tables: &[InterfaceTable]) -> Vec<NodeView> {
    let links_only = |t: &InterfaceTable| t.has_links && t.addresses.is_empty();
    let addresses_only = |t: &InterfaceTable| !t.has_links && !t.addresses.is_empty();
    let fits = |addresses: &InterfaceTable, links: &InterfaceTable| {
        addresses.interfaces.iter().all(|(index, interface)| {
            links
                .interfaces
                .get(index)
                .is_some_and(|link| link.name == interface.name)
        })
    };
    let candidates: Vec<Vec<usize>> = tables
        .iter()
        .map(|table| {
            if !addresses_only(table) {
                return Vec::new();
            }
            // Two candidates are as many as it takes to know there is no pairing.
            let links = tables.iter().enumerate();
            links
                .filter(|(_, links)| links_only(links) && fits(table, links))
                .map(|(at, _)| at)
                .take(2)
                .collect()
        })
        .collect();
    let mut claimed: BTreeMap<usize, usize> = BTreeMap::new();
    for &link in candidates.iter().filter(|c| c.len() == 1).flatten() {
        *claimed.entry(link).or_default() += 1;
    }
    let mut paired_links = BTreeSet::new();
    let mut views = Vec::new();
    for (table, candidates) in tables.iter().zip(&candidates) {
        let link = match candidates.as_slice() {
            [link] if claimed.get(link) == Some(&1) => tables.get(*link),
            _ => None,
        };
        if let Some(links) = link {
            paired_links.insert(candidates[0]);
            views.push(NodeView {
                interfaces: links.interfaces.clone(),
                addresses: table.addresses.clone(),
            });
        }
    }
    for (at, table) in tables.iter().enumerate() {
        let paired = paired_links.contains(&at)
            || candidates.get(at).is_some_and(|c| match c.as_slice() {
                [link] => paired_links.contains(link),
                _ => false,
            });
        if !paired {
            views.push(NodeView {
                interfaces: table.interfaces.clone(),
                addresses: table.addresses.clone(),
            });
        }
    }
    views
}

/// The pods by address, sorted out: an address held by one pod, or by several pods on one node
/// (they use the host's network, and so its address).
struct PodAddresses<'a> {
    single: BTreeMap<IpAddr, &'a PodRow>,
    /// Host-network addresses and the node they are on (None when the pods do not say).
    host_network: BTreeMap<IpAddr, Option<&'a str>>,
}

impl<'a> PodAddresses<'a> {
    fn new(pods: &'a [PodRow]) -> PodAddresses<'a> {
        let mut by_address: BTreeMap<IpAddr, Vec<&PodRow>> = BTreeMap::new();
        for pod in pods {
            by_address.entry(pod.address).or_default().push(pod);
        }
        let mut single = BTreeMap::new();
        let mut host_network = BTreeMap::new();
        for (address, mut pods) in by_address {
            // A finished pod's address may have gone to a new pod: the running ones hold it.
            if pods.iter().any(|pod| pod.running) {
                pods.retain(|pod| pod.running);
            }
            // By name alone: the same pod listed with and without `-A` is one pod.
            let distinct_pods = pods.iter().map(|pod| &pod.name).collect::<BTreeSet<_>>();
            if distinct_pods.len() == 1 {
                if let Some(pod) = pods.first() {
                    single.insert(address, *pod);
                }
                continue;
            }
            let nodes: BTreeSet<Option<&str>> =
                pods.iter().map(|pod| pod.node.as_deref()).collect();
            if let [node] = nodes.into_iter().collect::<Vec<_>>().as_slice() {
                host_network.insert(address, *node);
            }
        }
        PodAddresses {
            single,
            host_network,
        }
    }
}

/// What each Service's addresses are, ClusterIPs apart from the others.
fn service_claims(
    entries: &Entries,
) -> (BTreeMap<IpAddr, AddressName>, BTreeMap<IpAddr, AddressName>) {
    let mut cluster_ips: Claims<(Option<&str>, &str)> = Claims::default();
    let mut externals: Claims<(Option<&str>, &str, ServiceAddress)> = Claims::default();
    for service in &entries.services {
        let who = (service.namespace.as_deref(), service.name.as_str());
        if let Some(address) = service.cluster_ip {
            cluster_ips.add(address, who);
        }
        let external = match service.service_type {
            Some(ServiceType::LoadBalancer) => ServiceAddress::LoadBalancer,
            _ => ServiceAddress::ExternalIp,
        };
        for address in &service.external_ips {
            externals.add(*address, (who.0, who.1, external));
        }
    }
    let name = |namespace: Option<&str>, name: &str, address| AddressName::Service {
        namespace: namespace.map(str::to_string),
        name: name.to_string(),
        address,
    };
    let cluster_ips = cluster_ips
        .agreed()
        .map(|(at, (namespace, service))| (at, name(namespace, service, ServiceAddress::ClusterIp)))
        .collect();
    let externals = externals
        .agreed()
        .map(|(at, (namespace, service, address))| (at, name(namespace, service, address)))
        .collect();
    (cluster_ips, externals)
}

/// The nodes' addresses, `kube-ipvs0`'s apart: from `kubectl get nodes`, host-network pods,
/// and the interface tables. A node's name comes from the first two; a table takes the name
/// its addresses have there. A table whose every address is a pod's is that pod's namespace
/// (`kubectl exec ... ip addr`), not a node.
fn node_claims(
    entries: &Entries,
    views: &[NodeView],
    pods: &PodAddresses,
) -> (BTreeMap<IpAddr, AddressName>, BTreeMap<IpAddr, AddressName>) {
    let mut names: BTreeMap<IpAddr, BTreeSet<&str>> = BTreeMap::new();
    for node in &entries.nodes {
        for address in &node.addresses {
            names.entry(*address).or_default().insert(&node.name);
        }
    }
    for (address, node) in &pods.host_network {
        let known = names.entry(*address).or_default();
        known.extend(node);
    }
    let mut claims: NodeClaims = BTreeMap::new();
    for (address, known) in &names {
        let name = agreed(known.iter().copied());
        let claim = NodeClaim {
            name,
            interface: None,
        };
        claims.entry(*address).or_default().push(claim);
    }
    let mut ipvs: NodeClaims = BTreeMap::new();
    for view in views {
        let mut globals = view.global_addresses().peekable();
        let pods_namespace = globals.peek().is_some()
            && globals.all(|a| pods.single.contains_key(&a) && !names.contains_key(&a));
        if pods_namespace {
            continue;
        }
        // The node's name: what its addresses are called elsewhere, and the host-network pods
        // that share them.
        let view_names = view.global_addresses().flat_map(|address| {
            let listed = names.get(&address).into_iter().flatten().copied();
            let pod = pods
                .single
                .get(&address)
                .and_then(|pod| pod.node.as_deref());
            listed.chain(pod)
        });
        let view_name = agreed(view_names);
        for (address, index) in &view.addresses {
            let interface = view.interfaces.get(index).map(|i| i.name.as_str());
            let claim = NodeClaim {
                name: view_name,
                interface,
            };
            let into = if interface == Some(IPVS_INTERFACE) {
                &mut ipvs
            } else {
                &mut claims
            };
            into.entry(*address).or_default().push(claim);
        }
    }
    let resolve = |claims: NodeClaims| {
        claims
            .into_iter()
            .map(|(address, claims)| {
                let name = agreed(claims.iter().filter_map(|claim| claim.name));
                let interface = agreed(claims.iter().filter_map(|claim| claim.interface));
                let node = AddressName::Node {
                    name: name.map(str::to_string),
                    interface: interface.map(str::to_string),
                };
                (address, node)
            })
            .collect()
    };
    (resolve(claims), resolve(ipvs))
}

/// One source's word on a node's address: the node's name and the interface, when known.
struct NodeClaim<'a> {
    name: Option<&'a str>,
    interface: Option<&'a str>,
}

type NodeClaims<'a> = BTreeMap<IpAddr, Vec<NodeClaim<'a>>>;

/// The addresses behind Services, with every Service they are behind.
fn endpoint_claims(entries: &Entries) -> BTreeMap<IpAddr, AddressName> {
    let mut behind: BTreeMap<IpAddr, (BTreeSet<Option<&str>>, BTreeSet<&str>)> = BTreeMap::new();
    for row in &entries.endpoints {
        for address in &row.addresses {
            let (namespaces, services) = behind.entry(*address).or_default();
            namespaces.insert(row.namespace.as_deref());
            services.insert(&row.service);
        }
    }
    behind
        .into_iter()
        .map(|(address, (namespaces, services))| {
            let namespace = agreed(namespaces.into_iter().flatten());
            let name = AddressName::Endpoint {
                namespace: namespace.map(str::to_string),
                services: services.into_iter().map(str::to_string).collect(),
            };
            (address, name)
        })
        .collect()
}

/// Who claims each address; an address claimed by two different ones is nobody's.
struct Claims<T> {
    by_address: BTreeMap<IpAddr, Claim<T>>,
}

enum Claim<T> {
    One(T),
    Several,
}

impl<T> Default for Claims<T> {
    fn default() -> Self {
        Claims {
            by_address: BTreeMap::new(),
        }
    }
}

impl<T: PartialEq + Copy> Claims<T> {
    fn add(&mut self, address: IpAddr, who: T) {
        let claim = self.by_address.entry(address).or_insert(Claim::One(who));
        if matches!(claim, Claim::One(first) if *first != who) {
            *claim = Claim::Several;
        }
    }

    fn agreed(self) -> impl Iterator<Item = (IpAddr, T)> {
        self.by_address
            .into_iter()
            .filter_map(|(address, claim)| match claim {
                Claim::One(who) => Some((address, who)),
                Claim::Several => None,
            })
    }
}

/// The one value all these agree on, if there is exactly one.
fn agreed<T: Ord>(values: impl Iterator<Item = T>) -> Option<T> {
    let distinct: BTreeSet<T> = values.collect();
    let mut distinct = distinct.into_iter();
    let first = distinct.next()?;
    distinct.next().is_none().then_some(first)
}

#[cfg(test)]
mod tests {
    use super::super::samples::*;
    use super::super::{Names, ProblemReason, MAX_INTERFACE_TABLES};
    use super::*;

    fn given(texts: &[&str]) -> Names {
        let mut names = Names::new();
        for (at, text) in texts.iter().enumerate() {
            let report = names.add(&format!("pasted text {}", at + 1), text);
            assert_eq!(report.problems, [], "{}", report.source);
        }
        names
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    fn node(name: Option<&str>, interface: Option<&str>) -> AddressName {
        AddressName::Node {
            name: name.map(str::to_string),
            interface: interface.map(str::to_string),
        }
    }

    #[test]
    fn host_network_pods_name_their_node() {
        let names = given(&[PODS_ALL]);
        let control_plane = Some(node(Some("kind-control-plane"), None));
        assert_eq!(names.address(ip("172.18.0.2")), control_plane.as_ref());
        let worker = Some(node(Some("kind-worker"), None));
        assert_eq!(names.address(ip("172.18.0.3")), worker.as_ref());
        let nginx = AddressName::Pod {
            namespace: Some("default".into()),
            name: "nginx-demo-7c5ddbdf54-8xk2p".into(),
            node: Some("kind-worker".into()),
        };
        assert_eq!(names.address(ip("10.244.1.20")), Some(&nginx));
        // A finished job's pod still holds its address while no other pod has it.
        let migrate = names.address(ip("10.244.1.21"));
        assert!(
            matches!(migrate, Some(AddressName::Pod { name, .. }) if name.starts_with("db-migrate"))
        );
        assert_eq!(names.address(ip("10.244.9.9")), None);
    }

    #[test]
    fn a_node_table_takes_the_name_its_addresses_have() {
        let names = given(&[WORKER_LINK, WORKER_ADDR, PODS_ALL]);
        let cni0 = node(Some("kind-worker"), Some("cni0"));
        assert_eq!(names.address(ip("10.244.1.1")), Some(&cni0));
        let eth0 = node(Some("kind-worker"), Some("eth0"));
        assert_eq!(names.address(ip("172.18.0.3")), Some(&eth0));
        assert_eq!(names.address(ip("fc00:f853:ccd:e793::3")), Some(&eth0));
        let lo = node(Some("kind-worker"), Some("lo"));
        assert_eq!(names.address(ip("127.0.0.1")), Some(&lo));
        // Every node has a loopback: with two, it is no particular node's.
        let names = given(&[
            WORKER_LINK,
            WORKER_ADDR,
            WORKER2_LINK,
            WORKER2_ADDR,
            PODS_ALL,
        ]);
        assert_eq!(
            names.address(ip("127.0.0.1")),
            Some(&node(None, Some("lo")))
        );
        let cni0 = node(Some("kind-worker2"), Some("cni0"));
        assert_eq!(names.address(ip("10.244.2.1")), Some(&cni0));
    }

    #[test]
    fn one_host_network_pod_does_not_hide_its_node() {
        let pods = "\
NAME                  READY   STATUS    RESTARTS   AGE   IP           NODE          NOMINATED NODE   READINESS GATES
node-exporter-6kq9d   1/1     Running   0          9d    172.18.0.3   kind-worker   <none>           <none>
";
        let names = given(&[pods, WORKER_ADDR]);
        let eth0 = node(Some("kind-worker"), Some("eth0"));
        assert_eq!(names.address(ip("172.18.0.3")), Some(&eth0));
        assert_eq!(
            names.address(ip("10.244.1.1")),
            Some(&node(Some("kind-worker"), Some("cni0")))
        );
    }

    #[test]
    fn a_pods_own_ip_addr_is_not_a_node() {
        // `kubectl exec nginx-demo-7c5ddbdf54-8xk2p -- ip -o addr`
        let inside = "\
1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever
2: eth0    inet 10.244.1.20/24 brd 10.244.1.255 scope global eth0\\       valid_lft forever preferred_lft forever
2: eth0    inet6 fe80::d8a4:ff:fe3c:1b2a/64 scope link \\       valid_lft forever preferred_lft forever
";
        let names = given(&[PODS_ALL, inside]);
        let pod = names.address(ip("10.244.1.20"));
        assert!(
            matches!(pod, Some(AddressName::Pod { name, .. }) if name == "nginx-demo-7c5ddbdf54-8xk2p")
        );
        // It still says which interface is which inside the pod.
        let eth0 = names.interface(&[ip("10.244.1.20")], 2).unwrap();
        assert_eq!(eth0.name, "eth0");
    }

    #[test]
    fn finished_pods_give_way_to_running_ones() {
        let pods = "\
NAMESPACE   NAME                    READY   STATUS      RESTARTS   AGE   IP            NODE           NOMINATED NODE   READINESS GATES
batch       report-28417935-zt7vk   0/1     Completed   0          2d    10.244.1.21   kind-worker    <none>           <none>
default     api-5f7d9c8b6-m4kq2     1/1     Running     0          1h    10.244.1.21   kind-worker    <none>           <none>
batch       report-28416495-h2x8c   0/1     Error       0          3d    10.244.1.30   kind-worker    <none>           <none>
batch       report-28415055-p9r4w   0/1     Completed   0          4d    10.244.1.30   kind-worker2   <none>           <none>
";
        let names = given(&[pods]);
        let api = names.address(ip("10.244.1.21"));
        assert!(
            matches!(api, Some(AddressName::Pod { name, .. }) if name == "api-5f7d9c8b6-m4kq2")
        );
        // Two finished pods on two nodes: the address was reused, and neither is named.
        assert_eq!(names.address(ip("10.244.1.30")), None);
    }

    #[test]
    fn cluster_ips_on_kube_ipvs0_stay_services() {
        let ipvs = "\
2: eth0    inet 172.18.0.3/16 brd 172.18.255.255 scope global eth0\\       valid_lft forever preferred_lft forever
5: kube-ipvs0    inet 10.96.0.1/32 scope global kube-ipvs0\\       valid_lft forever preferred_lft forever
5: kube-ipvs0    inet 10.96.0.10/32 scope global kube-ipvs0\\       valid_lft forever preferred_lft forever
5: kube-ipvs0    inet 203.0.113.10/32 scope global kube-ipvs0\\       valid_lft forever preferred_lft forever
5: kube-ipvs0    inet 10.96.77.7/32 scope global kube-ipvs0\\       valid_lft forever preferred_lft forever
";
        let names = given(&[ipvs, SERVICES_ALL]);
        let dns = names.address(ip("10.96.0.10"));
        assert!(
            matches!(dns, Some(AddressName::Service { name, address: ServiceAddress::ClusterIp, .. }) if name == "kube-dns")
        );
        let edge = names.address(ip("203.0.113.10"));
        assert!(
            matches!(edge, Some(AddressName::Service { name, address: ServiceAddress::LoadBalancer, .. }) if name == "edge")
        );
        // A virtual address no Service given explains is still the node's IPVS one.
        let other = node(None, Some("kube-ipvs0"));
        assert_eq!(names.address(ip("10.96.77.7")), Some(&other));
    }

    #[test]
    fn a_load_balancer_on_the_nodes_own_addresses_names_the_nodes() {
        // k3s' ServiceLB answers on the nodes' addresses.
        let services = "\
NAMESPACE     NAME      TYPE           CLUSTER-IP      EXTERNAL-IP             PORT(S)                      AGE
kube-system   traefik   LoadBalancer   10.43.187.201   172.18.0.3,172.18.0.4   80:31080/TCP,443:31443/TCP   9d
";
        let names = given(&[services, PODS_ALL]);
        let worker = node(Some("kind-worker"), None);
        assert_eq!(names.address(ip("172.18.0.3")), Some(&worker));
        let traefik = names.service_at(ip("172.18.0.3"), 443).unwrap();
        assert_eq!(traefik.name, "traefik");
    }

    #[test]
    fn two_services_on_one_address_name_neither() {
        // MetalLB's allow-shared-ip: one address for two Services, 53/TCP and 53/UDP.
        let services = "\
NAMESPACE   NAME           TYPE           CLUSTER-IP   EXTERNAL-IP    PORT(S)        AGE
default     resolver-tcp   LoadBalancer   10.96.50.1   203.0.113.50   53:30053/TCP   2d
default     resolver-udp   LoadBalancer   10.96.50.2   203.0.113.50   53:30054/UDP   2d
";
        let mut names = Names::new();
        names.add("services", services);
        assert_eq!(names.address(ip("203.0.113.50")), None);
        // Its port does not tell them apart either (both are 53).
        assert_eq!(names.service_at(ip("203.0.113.50"), 53), None);
        assert_eq!(
            names.service_at(ip("10.96.50.2"), 53).unwrap().name,
            "resolver-udp"
        );
    }

    #[test]
    fn endpoints_name_addresses_whose_pods_were_not_given() {
        let names = given(&[SLICES_ALL]);
        let behind_nginx = AddressName::Endpoint {
            namespace: Some("default".into()),
            services: vec!["nginx-demo".into()],
        };
        assert_eq!(names.address(ip("10.244.3.4")), Some(&behind_nginx));
        assert_eq!(names.address(ip("fd00:10:244:1::14")), Some(&behind_nginx));
        let names = given(&[SLICES_ALL, PODS_ALL]);
        assert!(matches!(
            names.address(ip("10.244.1.20")),
            Some(AddressName::Pod { .. })
        ));
        // The API server's endpoint is the control plane's address, shared by its pods.
        let control_plane = node(Some("kind-control-plane"), None);
        assert_eq!(names.address(ip("172.18.0.2")), Some(&control_plane));
    }

    #[test]
    fn each_ip_addr_is_paired_with_the_ip_link_of_its_node() {
        let names = given(&[WORKER_LINK, WORKER2_LINK, WORKER2_ADDR, WORKER_ADDR]);
        assert_eq!(names.index.nodes.len(), 2);
        let worker = &names.index.nodes[1];
        assert_eq!(worker.interfaces[&5].master.as_deref(), Some("cni0"));
        assert!(worker.addresses.contains(&(ip("172.18.0.3"), 2)));
        // An `ip addr` that only shows `lo` and `eth0` fits both nodes' `ip link`: no pairing.
        let bare = "\
1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever
2: eth0    inet 172.18.0.9/16 brd 172.18.255.255 scope global eth0\\       valid_lft forever preferred_lft forever
";
        let names = given(&[WORKER_LINK, WORKER2_LINK, bare]);
        assert_eq!(names.index.nodes.len(), 3);
        assert!(names
            .index
            .nodes
            .iter()
            .all(|n| n.addresses.is_empty() || n.interfaces.len() == 2));
    }

    #[test]
    fn agreement_is_exactly_one_value() {
        assert_eq!(agreed(["a", "a"].into_iter()), Some("a"));
        assert_eq!(agreed(["a", "b"].into_iter()), None);
        assert_eq!(agreed(std::iter::empty::<&str>()), None);
        assert_eq!(only([1].into_iter()), Some(Some(1)));
        assert_eq!(only([1, 2].into_iter()), Some(None));
        assert_eq!(only(std::iter::empty::<u8>()), None);
    }

    #[test]
    fn many_alike_tables_are_bounded_and_name_nothing() {
        // One node's listing over and over: every `ip addr` fits every `ip link`.
        let (mut link, mut addr) = (String::new(), String::new());
        for _ in 0..MAX_INTERFACE_TABLES / 2 {
            for index in 1..=256 {
                link.push_str(&format!(
                    "{index}: veth{index}@if2: <UP> mtu 1500 master cni0\n"
                ));
                addr.push_str(&format!(
                    "{index}: veth{index}    inet6 fe80::{index:x}/64\n"
                ));
            }
        }
        addr.push_str(&addr.clone());
        let mut names = Names::new();
        assert_eq!(names.add("links", &link).problems, []);
        let problems = names.add("addresses", &addr).problems;
        assert_eq!(names.entries.tables.len(), MAX_INTERFACE_TABLES);
        let limit = MAX_INTERFACE_TABLES;
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].reason, ProblemReason::TooManyEntries { limit });
        assert_eq!(problems[0].line, 256 * MAX_INTERFACE_TABLES / 2 + 1);
        assert_eq!(names.interface(&[], 7), None);
        assert_eq!(names.index.nodes.len(), MAX_INTERFACE_TABLES);
    }
}

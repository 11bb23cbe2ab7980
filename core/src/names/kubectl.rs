//! kubectl's tables: `get pods -o wide`, `get services`, `get endpointslices`, `get endpoints`
//! and `get nodes -o wide`, with or without `-A` (without it there is no NAMESPACE column and
//! the namespace is unknown), alone or several in one text (`kubectl get pods,svc -A -o wide`
//! prints a table per kind and prefixes names with `pod/`, `service/`).

use std::net::IpAddr;

use super::reading::{Entry, Reading};
use super::table::Header;
use super::text::{distinct, parse_address, present};
use super::{NamesFormat, PortProtocol, ProblemReason, ServiceName, ServicePort, ServiceType};

/// Pod statuses of pods that are gone, whose IP may since belong to another pod.
const FINISHED_STATUSES: &[&str] = &[
    "Completed",
    "Succeeded",
    "Error",
    "Failed",
    "Evicted",
    "OOMKilled",
    "ContainerStatusUnknown",
    "Shutdown",
    "NodeShutdown",
    "Terminated",
];

/// The characters of the random suffix Kubernetes appends to a generated name
/// (`apimachinery/pkg/util/rand`: no vowels, no confusable digits).
const GENERATED_SUFFIX_ALPHABET: &str = "bcdfghjklmnpqrstvwxz2456789";
const GENERATED_SUFFIX_LEN: usize = 5;

/// A pod with an address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct PodRow {
    pub(super) namespace: Option<String>,
    pub(super) name: String,
    pub(super) node: Option<String>,
    pub(super) address: IpAddr,
    /// Not finished (`Completed`, `Evicted`...): it still holds its address.
    pub(super) running: bool,
}

/// The addresses behind a Service, from one EndpointSlice or Endpoints row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct EndpointsRow {
    pub(super) namespace: Option<String>,
    pub(super) service: String,
    pub(super) addresses: Vec<IpAddr>,
    /// Addresses kubectl did not show (`+ 1 more...`).
    pub(super) more: usize,
    pub(super) ports: Vec<u16>,
}

/// A node and its addresses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct NodeRow {
    pub(super) name: String,
    pub(super) addresses: Vec<IpAddr>,
}

/// The kinds of table this module reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TableKind {
    Pods,
    Services,
    EndpointSlices,
    Endpoints,
    Nodes,
}

impl TableKind {
    /// The kind a header's columns show, if one of these.
    fn of(header: &Header) -> Option<TableKind> {
        let kind = if header.has("ADDRESSTYPE") && header.has("ENDPOINTS") {
            TableKind::EndpointSlices
        } else if header.has("ENDPOINTS") {
            TableKind::Endpoints
        } else if header.has("CLUSTER-IP") {
            TableKind::Services
        } else if header.has("READY") && header.has("STATUS") && header.has("RESTARTS") {
            TableKind::Pods
        } else if header.has("ROLES") && header.has("VERSION") {
            TableKind::Nodes
        } else {
            return None;
        };
        Some(kind)
    }

    fn format(self) -> NamesFormat {
        match self {
            TableKind::Pods => NamesFormat::KubectlPods,
            TableKind::Services => NamesFormat::KubectlServices,
            TableKind::EndpointSlices => NamesFormat::KubectlEndpointSlices,
            TableKind::Endpoints => NamesFormat::KubectlEndpoints,
            TableKind::Nodes => NamesFormat::KubectlNodes,
        }
    }

    /// The column without which a row names nothing (`kubectl get pods` without `-o wide`).
    fn needed_column(self) -> &'static str {
        match self {
            TableKind::Pods => "IP",
            TableKind::Services => "CLUSTER-IP",
            TableKind::EndpointSlices | TableKind::Endpoints => "ENDPOINTS",
            TableKind::Nodes => "INTERNAL-IP",
        }
    }
}

/// A kubectl table being read: its header and what it is.
pub(super) struct Table {
    header: Header,
    kind: TableKind,
}

impl Table {
    /// The table a header line opens. Its format is noted; a table this module does not read,
    /// or that lacks the column it needs, is reported once here and its rows are skipped.
    pub(super) fn open(
        reading: &mut Reading,
        number: usize,
        line: &str,
        header: Header,
    ) -> Option<Table> {
        let Some(kind) = TableKind::of(&header) else {
            reading.problem(number, line, ProblemReason::UnsupportedTable);
            return None;
        };
        reading.read_as(kind.format());
        let column = kind.needed_column();
        if !header.has(column) || !header.has("NAME") {
            let column = if header.has("NAME") { column } else { "NAME" };
            let column = column.to_string();
            reading.problem(number, line, ProblemReason::MissingColumn { column });
            return None;
        }
        Some(Table { header, kind })
    }

    pub(super) fn read_row(&self, reading: &mut Reading, number: usize, line: &str) {
        let cells = match self.header.cut(line) {
            Ok(cells) => cells,
            Err(reason) => {
                reading.problem(number, line, reason);
                return;
            }
        };
        let row = Row {
            header: &self.header,
            cells,
        };
        let read = match self.kind {
            TableKind::Pods => read_pod(reading, number, line, &row),
            TableKind::Services => read_service(reading, number, line, &row),
            TableKind::EndpointSlices => read_endpoint_slice(reading, number, line, &row),
            TableKind::Endpoints => read_endpoints(reading, number, line, &row),
            TableKind::Nodes => read_node(reading, number, line, &row),
        };
        match read {
            Ok(()) => reading.accept(),
            Err(reason) => reading.problem(number, line, reason),
        }
    }
}

/// A row's cells, by column name.
struct Row<'a> {
    header: &'a Header,
    cells: Vec<&'a str>,
}

impl<'a> Row<'a> {
    /// The cell of a column, unless the table has no such column or kubectl printed `<none>`.
    fn get(&self, column: &str) -> Option<&'a str> {
        let cell = self.cells.get(self.header.position(column)?)?;
        present(cell)
    }

    /// The NAME cell without the `pod/` or `service/` that `kubectl get pods,svc` adds.
    fn name(&self) -> Result<String, ProblemReason> {
        let name = self.get("NAME").ok_or(ProblemReason::UnrecognizedLine)?;
        let name = name.rsplit('/').next().unwrap_or(name);
        if name.is_empty() || name.contains(char::is_whitespace) {
            return Err(ProblemReason::UnrecognizedLine);
        }
        Ok(name.to_string())
    }

    fn namespace(&self) -> Option<String> {
        self.get("NAMESPACE").map(str::to_string)
    }
}

fn read_pod(
    reading: &mut Reading,
    number: usize,
    line: &str,
    row: &Row,
) -> Result<(), ProblemReason> {
    let name = row.name()?;
    // A pending pod has no address yet: a row read, with nothing to keep.
    let Some(address) = row.get("IP") else {
        return Ok(());
    };
    let address = address.parse().map_err(|_| ProblemReason::BadAddress)?;
    let running = row
        .get("STATUS")
        .is_none_or(|status| !FINISHED_STATUSES.contains(&status));
    if reading.room(Entry::Pod, number, line) {
        reading.entries.pods.push(PodRow {
            namespace: row.namespace(),
            name,
            node: row.get("NODE").map(str::to_string),
            address,
            running,
        });
    }
    Ok(())
}

fn read_service(
    reading: &mut Reading,
    number: usize,
    line: &str,
    row: &Row,
) -> Result<(), ProblemReason> {
    let name = row.name()?;
    let service_type = row.get("TYPE").and_then(|cell| match cell {
        "ClusterIP" => Some(ServiceType::ClusterIp),
        "NodePort" => Some(ServiceType::NodePort),
        "LoadBalancer" => Some(ServiceType::LoadBalancer),
        "ExternalName" => Some(ServiceType::ExternalName),
        _ => None,
    });
    // A headless Service prints `None`, an ExternalName one `<none>`.
    let cluster_ip = match row.get("CLUSTER-IP") {
        None | Some("None") => None,
        Some(cell) => Some(cell.parse().map_err(|_| ProblemReason::BadAddress)?),
    };
    let mut external_ips = Vec::new();
    let mut external_hostnames = Vec::new();
    for external in row.get("EXTERNAL-IP").unwrap_or("").split(',') {
        let Some(external) = present(external) else {
            continue;
        };
        if let Ok(address) = external.parse() {
            external_ips.push(address);
        } else if is_hostname(external) {
            external_hostnames.push(external.to_string());
        } else {
            return Err(ProblemReason::BadAddress);
        }
    }
    // Ports that cannot be read are reported, but the Service's addresses still name it.
    let ports = match row.get("PORT(S)").map(parse_service_ports) {
        None => Vec::new(),
        Some(Some(ports)) => ports,
        Some(None) => {
            reading.problem(number, line, ProblemReason::BadPorts);
            Vec::new()
        }
    };
    if reading.room(Entry::Service, number, line) {
        reading.entries.services.push(ServiceName {
            namespace: row.namespace(),
            name,
            service_type,
            cluster_ip,
            external_ips,
            external_hostnames,
            ports,
        });
    }
    Ok(())
}

fn read_endpoint_slice(
    reading: &mut Reading,
    number: usize,
    line: &str,
    row: &Row,
) -> Result<(), ProblemReason> {
    let slice = row.name()?;
    // An FQDN slice lists host names: no address to name.
    if row.get("ADDRESSTYPE") == Some("FQDN") {
        return Ok(());
    }
    let (shown, more) = split_more(row.get("ENDPOINTS").unwrap_or(""));
    let addresses = shown
        .split(',')
        .filter_map(present)
        .map(|cell| cell.parse().map_err(|_| ProblemReason::BadAddress))
        .collect::<Result<Vec<IpAddr>, _>>()?;
    let ports = match row.get("PORTS").map(parse_plain_ports) {
        None => Vec::new(),
        Some(Some(ports)) => ports,
        Some(None) => {
            reading.problem(number, line, ProblemReason::BadPorts);
            Vec::new()
        }
    };
    let service = service_of_slice(&slice).to_string();
    keep_endpoints(reading, number, line, row, service, addresses, more, ports);
    Ok(())
}

fn read_endpoints(
    reading: &mut Reading,
    number: usize,
    line: &str,
    row: &Row,
) -> Result<(), ProblemReason> {
    let service = row.name()?;
    let (shown, more) = split_more(row.get("ENDPOINTS").unwrap_or(""));
    let endpoints = shown
        .split(',')
        .filter_map(present)
        .map(|endpoint| split_host_port(endpoint).ok_or(ProblemReason::BadAddress))
        .collect::<Result<Vec<_>, _>>()?;
    // One address per port it serves: `10.244.1.20:80,10.244.1.20:443`.
    let addresses = distinct(endpoints.iter().map(|(address, _)| *address));
    let ports = distinct(endpoints.iter().filter_map(|(_, port)| *port));
    keep_endpoints(reading, number, line, row, service, addresses, more, ports);
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn keep_endpoints(
    reading: &mut Reading,
    number: usize,
    line: &str,
    row: &Row,
    service: String,
    mut addresses: Vec<IpAddr>,
    more: usize,
    ports: Vec<u16>,
) {
    let fit = (0..addresses.len())
        .take_while(|_| reading.room(Entry::EndpointAddress, number, line))
        .count();
    addresses.truncate(fit);
    if !addresses.is_empty() {
        reading.entries.endpoints.push(EndpointsRow {
            namespace: row.namespace(),
            service,
            addresses,
            more,
            ports,
        });
    }
}

fn read_node(
    reading: &mut Reading,
    number: usize,
    line: &str,
    row: &Row,
) -> Result<(), ProblemReason> {
    let name = row.name()?;
    let cells = [row.get("INTERNAL-IP"), row.get("EXTERNAL-IP")];
    let addresses = cells
        .into_iter()
        .flatten()
        .flat_map(|cell| cell.split(','))
        .filter_map(present)
        .map(|cell| cell.parse().map_err(|_| ProblemReason::BadAddress))
        .collect::<Result<Vec<IpAddr>, _>>()?;
    if !addresses.is_empty() && reading.room(Entry::Node, number, line) {
        reading.entries.nodes.push(NodeRow { name, addresses });
    }
    Ok(())
}

/// `10.244.1.20,10.244.2.3,10.244.3.4 + 1 more...` → the list shown and how many were not.
fn split_more(cell: &str) -> (&str, usize) {
    match cell.split_once(" + ") {
        Some((shown, rest)) => {
            let count = rest.split_whitespace().next().and_then(|n| n.parse().ok());
            (shown, count.unwrap_or(0))
        }
        None => (cell, 0),
    }
}

/// An EndpointSlice's Service: the slice's name without the generated suffix
/// (`nginx-demo-7xk2p` → `nginx-demo`). The API server's own slice, `kubernetes`, has none.
fn service_of_slice(slice: &str) -> &str {
    match slice.rsplit_once('-') {
        Some((service, suffix))
            if !service.is_empty()
                && suffix.len() == GENERATED_SUFFIX_LEN
                && suffix
                    .chars()
                    .all(|c| GENERATED_SUFFIX_ALPHABET.contains(c)) =>
        {
            service
        }
        _ => slice,
    }
}

/// `80:30080/TCP,443:31443/TCP` or `53/UDP,53/TCP,9153/TCP`.
fn parse_service_ports(cell: &str) -> Option<Vec<ServicePort>> {
    cell.split(',')
        .map(|entry| {
            let (ports, protocol) = entry.trim().split_once('/')?;
            let protocol = match protocol {
                "TCP" => PortProtocol::Tcp,
                "UDP" => PortProtocol::Udp,
                "SCTP" => PortProtocol::Sctp,
                _ => return None,
            };
            let (port, node_port) = match ports.split_once(':') {
                Some((port, node_port)) => (port, Some(node_port.parse().ok()?)),
                None => (ports, None),
            };
            Some(ServicePort {
                port: port.parse().ok()?,
                node_port,
                protocol,
            })
        })
        .collect()
}

/// An EndpointSlice's `8080` or `53,53,9153`.
fn parse_plain_ports(cell: &str) -> Option<Vec<u16>> {
    let ports = cell.split(',').map(|port| port.trim().parse().ok());
    Some(distinct(ports.collect::<Option<Vec<u16>>>()?))
}

/// An Endpoints entry: `10.244.1.20:8080`, `[fd00:10:244:1::5]:8080`, or a bare address.
fn split_host_port(endpoint: &str) -> Option<(IpAddr, Option<u16>)> {
    if let Some(rest) = endpoint.strip_prefix('[') {
        let (address, port) = rest.split_once("]:")?;
        return Some((address.parse().ok()?, Some(port.parse().ok()?)));
    }
    if let Some(address) = parse_address(endpoint) {
        return Some((address, None));
    }
    let (address, port) = endpoint.rsplit_once(':')?;
    Some((address.parse().ok()?, Some(port.parse().ok()?)))
}

/// A load balancer's or an ExternalName's DNS name (`a1b2c3.elb.us-east-1.amazonaws.com`).
fn is_hostname(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 253
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
}

#[cfg(test)]
mod tests {
    use super::super::samples::{ENDPOINTS_ALL, PODS_ALL, SERVICES_ALL, SLICES_ALL};
    use super::super::{Names, NamesReport};
    use super::*;

    fn read(text: &str) -> (Names, NamesReport) {
        let mut names = Names::new();
        let report = names.add("test", text);
        (names, report)
    }

    #[test]
    fn pods_of_all_namespaces_with_restarts_and_pending_ones() {
        let (names, report) = read(PODS_ALL);
        assert_eq!(report.formats, [NamesFormat::KubectlPods]);
        assert_eq!(report.problems, []);
        assert_eq!(report.accepted, 14);
        // The pending pod has no address to keep.
        assert_eq!(names.entries.pods.len(), 13);
        let nginx = &names.entries.pods[1];
        assert_eq!(nginx.namespace.as_deref(), Some("default"));
        assert_eq!(nginx.name, "nginx-demo-7c5ddbdf54-q9w2m");
        assert_eq!(nginx.node.as_deref(), Some("kind-worker2"));
        assert_eq!(nginx.address, "10.244.2.3".parse::<IpAddr>().unwrap());
        assert!(nginx.running);
        assert!(!names.entries.pods[2].running, "a completed job's pod");
    }

    #[test]
    fn pods_of_one_namespace_have_no_namespace() {
        let text = "\
NAME                          READY   STATUS    RESTARTS   AGE   IP            NODE          NOMINATED NODE   READINESS GATES
nginx-demo-7c5ddbdf54-8xk2p   1/1     Running   0          3h    10.244.1.20   kind-worker   <none>           <none>
";
        let (names, report) = read(text);
        assert_eq!(report.problems, []);
        assert_eq!(names.entries.pods[0].namespace, None);
        assert_eq!(names.entries.pods[0].name, "nginx-demo-7c5ddbdf54-8xk2p");
    }

    #[test]
    fn pods_without_o_wide_have_no_address_to_read() {
        let text = "\
NAME                          READY   STATUS    RESTARTS   AGE
nginx-demo-7c5ddbdf54-8xk2p   1/1     Running   0          3h
";
        let (names, report) = read(text);
        assert_eq!(report.formats, [NamesFormat::KubectlPods]);
        assert_eq!(report.problems.len(), 1);
        assert_eq!(report.problems[0].line, 1);
        assert_eq!(
            report.problems[0].reason,
            ProblemReason::MissingColumn {
                column: "IP".into()
            }
        );
        assert!(names.entries.pods.is_empty());
    }

    #[test]
    fn services_of_every_type() {
        let (names, report) = read(SERVICES_ALL);
        assert_eq!(report.formats, [NamesFormat::KubectlServices]);
        assert_eq!(report.problems, []);
        assert_eq!(names.entries.services.len(), 8);
        let by_name = |name: &str| {
            names
                .entries
                .services
                .iter()
                .find(|s| s.name == name)
                .unwrap()
        };
        let nginx = by_name("nginx-demo");
        assert_eq!(nginx.service_type, Some(ServiceType::NodePort));
        assert_eq!(
            nginx.ports,
            [
                ServicePort {
                    port: 80,
                    node_port: Some(30080),
                    protocol: PortProtocol::Tcp
                },
                ServicePort {
                    port: 443,
                    node_port: Some(31443),
                    protocol: PortProtocol::Tcp
                }
            ]
        );
        let shop = by_name("shop-lb");
        assert_eq!(
            shop.external_hostnames,
            ["a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6-1234567890.us-east-1.elb.amazonaws.com"]
        );
        assert!(shop.external_ips.is_empty());
        let edge = by_name("edge");
        assert_eq!(
            edge.external_ips,
            [
                "203.0.113.10".parse::<IpAddr>().unwrap(),
                "2001:db8::10".parse().unwrap()
            ]
        );
        assert!(by_name("waiting").external_ips.is_empty());
        assert_eq!(by_name("db-headless").cluster_ip, None);
        let billing = by_name("billing-db");
        assert_eq!(billing.service_type, Some(ServiceType::ExternalName));
        assert_eq!(billing.external_hostnames, ["db.example.internal"]);
        assert!(billing.ports.is_empty());
        let dns = by_name("kube-dns");
        assert_eq!(dns.namespace.as_deref(), Some("kube-system"));
        assert_eq!(dns.ports.len(), 3);
        assert_eq!(dns.ports[0].protocol, PortProtocol::Udp);
    }

    #[test]
    fn services_with_o_wide_and_without_a_namespace() {
        let text = "\
NAME         TYPE        CLUSTER-IP     EXTERNAL-IP   PORT(S)        AGE   SELECTOR
nginx-demo   NodePort    10.96.143.27   <none>        80:30080/TCP   3h    app=nginx-demo
odd          ClusterIP   10.96.1.2      <none>        80/QUIC        3h    app=odd
";
        let (names, report) = read(text);
        assert_eq!(names.entries.services.len(), 2);
        assert_eq!(names.entries.services[0].namespace, None);
        assert_eq!(names.entries.services[0].ports[0].node_port, Some(30080));
        // Ports that cannot be read leave the Service named by its address.
        assert_eq!(report.problems.len(), 1);
        assert_eq!(report.problems[0].line, 3);
        assert_eq!(report.problems[0].reason, ProblemReason::BadPorts);
        assert_eq!(
            names.entries.services[1].cluster_ip,
            Some("10.96.1.2".parse().unwrap())
        );
    }

    #[test]
    fn endpoint_slices_name_their_service_and_count_what_kubectl_hid() {
        let (names, report) = read(SLICES_ALL);
        assert_eq!(report.formats, [NamesFormat::KubectlEndpointSlices]);
        assert_eq!(report.problems, []);
        let services: Vec<_> = names
            .entries
            .endpoints
            .iter()
            .map(|e| e.service.as_str())
            .collect();
        assert_eq!(
            services,
            ["kubernetes", "nginx-demo", "nginx-demo", "kube-dns"]
        );
        let nginx = &names.entries.endpoints[1];
        assert_eq!(nginx.addresses.len(), 3);
        assert_eq!(nginx.more, 1);
        assert_eq!(nginx.ports, [80, 443]);
        assert_eq!(
            names.entries.endpoints[2].addresses,
            ["fd00:10:244:1::14".parse::<IpAddr>().unwrap()]
        );
        assert_eq!(names.entries.endpoints[3].ports, [53, 9153]);
    }

    #[test]
    fn endpoints_carry_ports_beside_each_address() {
        let text = ENDPOINTS_ALL;
        let (names, report) = read(text);
        assert_eq!(report.formats, [NamesFormat::KubectlEndpoints]);
        assert_eq!(report.problems, []);
        assert_eq!(names.entries.endpoints.len(), 3);
        assert_eq!(names.entries.endpoints[1].addresses.len(), 2);
        assert_eq!(names.entries.endpoints[1].ports, [80, 443]);
        assert_eq!(names.entries.endpoints[1].more, 3);
        assert_eq!(names.entries.endpoints[2].ports, [8080]);
    }

    #[test]
    fn nodes_with_spaces_in_their_os_image() {
        let text = "\
NAME                 STATUS   ROLES           AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE                         KERNEL-VERSION     CONTAINER-RUNTIME
kind-control-plane   Ready    control-plane   9d    v1.30.0   172.18.0.2    <none>        Debian GNU/Linux 12 (bookworm)   6.8.0-45-generic   containerd://1.7.15
kind-worker          Ready    <none>          9d    v1.30.0   172.18.0.3    <none>        Debian GNU/Linux 12 (bookworm)   6.8.0-45-generic   containerd://1.7.15
";
        let (names, report) = read(text);
        assert_eq!(report.formats, [NamesFormat::KubectlNodes]);
        assert_eq!(report.problems, []);
        assert_eq!(names.entries.nodes.len(), 2);
        assert_eq!(names.entries.nodes[1].name, "kind-worker");
        let without_wide = "\
NAME                 STATUS   ROLES           AGE   VERSION
kind-control-plane   Ready    control-plane   9d    v1.30.0
";
        let report = Names::new().add("nodes", without_wide);
        let column = "INTERNAL-IP".to_string();
        assert_eq!(
            report.problems[0].reason,
            ProblemReason::MissingColumn { column }
        );
        assert_eq!(
            names.entries.nodes[1].addresses,
            ["172.18.0.3".parse::<IpAddr>().unwrap()]
        );
    }

    #[test]
    fn several_tables_in_one_text() {
        let text = "\
NAME                              READY   STATUS    RESTARTS   AGE   IP            NODE          NOMINATED NODE   READINESS GATES
pod/nginx-demo-7c5ddbdf54-8xk2p   1/1     Running   0          3h    10.244.1.20   kind-worker   <none>           <none>

NAME                 TYPE        CLUSTER-IP     EXTERNAL-IP   PORT(S)        AGE   SELECTOR
service/nginx-demo   NodePort    10.96.143.27   <none>        80:30080/TCP   3h    app=nginx-demo

NAME                         READY   UP-TO-DATE   AVAILABLE   AGE
deployment.apps/nginx-demo   1/1     1            1           3h
";
        let (names, report) = read(text);
        assert_eq!(
            report.formats,
            [NamesFormat::KubectlPods, NamesFormat::KubectlServices]
        );
        assert_eq!(names.entries.pods[0].name, "nginx-demo-7c5ddbdf54-8xk2p");
        assert_eq!(names.entries.services[0].name, "nginx-demo");
        // The deployments' table is named once; its rows are not each a problem.
        let problems: Vec<_> = report
            .problems
            .iter()
            .map(|p| (p.line, p.reason.clone()))
            .collect();
        assert_eq!(problems, [(7, ProblemReason::UnsupportedTable)]);
    }

    #[test]
    fn bad_rows_are_reported_by_line_and_the_rest_read() {
        let mut lines: Vec<String> = PODS_ALL.lines().map(str::to_string).collect();
        let broken = lines[1].replace("10.244.1.20   ", "10.244.999.1  ");
        let truncated = lines[14]
            .split_at(lines[14].find("172.18").unwrap() + 5)
            .0
            .to_string();
        lines.insert(
            3,
            "error: You must be logged in to the server (Unauthorized)".into(),
        );
        lines.insert(5, broken);
        lines.push(truncated);
        let (names, report) = read(&lines.join("\n"));
        let problems: Vec<_> = report
            .problems
            .iter()
            .map(|p| (p.line, p.reason.clone()))
            .collect();
        assert_eq!(
            problems,
            [
                (
                    4,
                    ProblemReason::TooFewColumns {
                        expected: 10,
                        found: 1
                    }
                ),
                (6, ProblemReason::BadAddress),
                (
                    18,
                    ProblemReason::TooFewColumns {
                        expected: 10,
                        found: 7
                    }
                ),
            ]
        );
        assert_eq!(
            report.problems[1].text.get(..20),
            Some("default        nginx")
        );
        assert_eq!(names.entries.pods.len(), 13);
    }

    #[test]
    fn slice_names_lose_only_a_generated_suffix() {
        assert_eq!(service_of_slice("nginx-demo-7xk2p"), "nginx-demo");
        assert_eq!(service_of_slice("kubernetes"), "kubernetes");
        assert_eq!(service_of_slice("my-service"), "my-service");
        assert_eq!(service_of_slice("api-gateway"), "api-gateway");
        assert_eq!(service_of_slice("-7xk2p"), "-7xk2p");
        assert_eq!(split_more("a,b,c + 12 more..."), ("a,b,c", 12));
        assert_eq!(split_more("a"), ("a", 0));
        assert_eq!(parse_service_ports("80:99999/TCP"), None);
        assert_eq!(parse_service_ports("80/TCP,"), None);
        assert_eq!(parse_plain_ports("53,x"), None);
        assert_eq!(
            split_host_port("[fd00::1]:80"),
            Some(("fd00::1".parse().unwrap(), Some(80)))
        );
        assert_eq!(
            split_host_port("fd00::1"),
            Some(("fd00::1".parse().unwrap(), None))
        );
        assert_eq!(split_host_port("10.0.0.1:x"), None);
        assert_eq!(split_host_port("[fd00::1"), None);
    }
}

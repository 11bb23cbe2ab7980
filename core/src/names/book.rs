//! The names an analysis shows: for the addresses and Service ports its capture holds, what the
//! texts the user gave call them. Small, serializable (the page and the JSON export carry it),
//! and what words use to say `pod default/web-0 (10.244.1.20:8080)` wherever an address appears.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::net::IpAddr;

use serde::{Deserialize, Serialize};

use super::{AddressName, Names, ServiceName};
use crate::i18n::Message;

/// The names of the addresses (and Service ports) an analysis holds.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NameBook {
    /// What each named address is.
    pub addresses: BTreeMap<IpAddr, AddressName>,
    /// Services reached at an address and port that is not their ClusterIP: a NodePort on a
    /// node, a load balancer's port.
    pub service_ports: Vec<ServicePortName>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServicePortName {
    pub address: IpAddr,
    pub port: u16,
    pub service: ServiceName,
}

/// Entries a book keeps at most: what a capture shows, not the whole cluster.
const MAX_BOOK: usize = 1 << 14;

impl NameBook {
    /// What `names` says of `endpoints` (the addresses and ports a capture holds).
    pub fn new(names: &Names, endpoints: impl IntoIterator<Item = (IpAddr, u16)>) -> NameBook {
        let mut book = NameBook::default();
        for (address, port) in endpoints {
            if book.addresses.len() + book.service_ports.len() >= MAX_BOOK {
                break;
            }
            if let Some(name) = names.address(address) {
                book.addresses
                    .entry(address)
                    .or_insert_with(|| name.clone());
            }
            if let Some(service) = names.service_at(address, port) {
                let is_cluster_ip = service.cluster_ip == Some(address);
                let known = book
                    .service_ports
                    .iter()
                    .any(|s| s.address == address && s.port == port);
                if !is_cluster_ip && !known {
                    book.service_ports.push(ServicePortName {
                        address,
                        port,
                        service: service.clone(),
                    });
                }
            }
        }
        book
    }

    pub fn is_empty(&self) -> bool {
        self.addresses.is_empty() && self.service_ports.is_empty()
    }

    /// What to call `address` (and `port`): a message, or None when nothing names it.
    pub fn name(&self, address: IpAddr, port: Option<u16>) -> Option<Message> {
        let shown = match port {
            Some(port) if address.is_ipv6() => format!("[{address}]:{port}"),
            Some(port) => format!("{address}:{port}"),
            None => address.to_string(),
        };
        let qualified = |namespace: &Option<String>, name: &str| match namespace {
            Some(namespace) => format!("{namespace}/{name}"),
            None => name.to_string(),
        };
        if let Some(port) = port {
            if let Some(named) = self
                .service_ports
                .iter()
                .find(|s| s.address == address && s.port == port)
            {
                return Some(
                    Message::new("named-service-port")
                        .with(
                            "name",
                            qualified(&named.service.namespace, &named.service.name),
                        )
                        .with("address", shown),
                );
            }
        }
        let message = match self.addresses.get(&address)? {
            AddressName::Pod {
                namespace, name, ..
            } => Message::new("named-pod").with("name", qualified(namespace, name)),
            AddressName::Service {
                namespace, name, ..
            } => Message::new("named-service").with("name", qualified(namespace, name)),
            AddressName::Node {
                name: Some(name), ..
            } => Message::new("named-node").with("name", name),
            AddressName::Node { name: None, .. } => Message::new("named-some-node"),
            AddressName::Endpoint {
                namespace,
                services,
            } => Message::new("named-endpoint").with(
                "name",
                services
                    .iter()
                    .map(|s| qualified(namespace, s))
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
        };
        Some(message.with("address", shown))
    }
}

thread_local! {
    /// The book of what is shown now, on this thread (set by the CLI and the page).
    static CURRENT: RefCell<NameBook> = RefCell::new(NameBook::default());
}

/// Uses `book` for the addresses shown from now on, on this thread.
pub fn set_book(book: NameBook) {
    CURRENT.with(|c| *c.borrow_mut() = book);
}

/// An address (and port) as users know it: `pod default/web-0 (10.244.1.20:8080)`, or the
/// address alone when nothing names it.
pub fn address_label(address: IpAddr, port: Option<u16>) -> String {
    CURRENT.with(|book| match book.borrow().name(address, port) {
        Some(message) => message.to_string(),
        None => match port {
            Some(port) if address.is_ipv6() => format!("[{address}]:{port}"),
            Some(port) => format!("{address}:{port}"),
            None => address.to_string(),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PODS: &str = "NAMESPACE   NAME                     READY   STATUS    RESTARTS   AGE   IP            NODE     NOMINATED NODE   READINESS GATES
default     web-5f7c9b8d6d-h8k2p     1/1     Running   0          2d    10.244.1.20   node-b   <none>           <none>
";
    const SERVICES: &str =
        "NAMESPACE   NAME   TYPE           CLUSTER-IP    EXTERNAL-IP    PORT(S)        AGE
default     web    LoadBalancer   10.96.0.20    172.18.0.100   80:30080/TCP   2d
";

    #[test]
    fn addresses_are_named_with_what_they_are() {
        let mut names = Names::new();
        names.add("pods", PODS);
        names.add("services", SERVICES);
        let pod: IpAddr = "10.244.1.20".parse().unwrap();
        let service: IpAddr = "10.96.0.20".parse().unwrap();
        let other: IpAddr = "10.244.9.9".parse().unwrap();
        let book = NameBook::new(&names, [(pod, 8080), (service, 80), (other, 1)]);
        assert_eq!(
            book.name(pod, Some(8080)).unwrap().to_string(),
            "pod default/web-5f7c9b8d6d-h8k2p (10.244.1.20:8080)"
        );
        assert_eq!(
            book.name(service, Some(80)).unwrap().to_string(),
            "default/web (10.96.0.20:80)"
        );
        assert_eq!(book.name(other, Some(1)), None);
        set_book(book);
        assert_eq!(address_label(other, Some(1)), "10.244.9.9:1");
        assert!(address_label(pod, None).starts_with("pod default/web"));
        set_book(NameBook::default());
        assert_eq!(address_label(pod, None), "10.244.1.20");
    }
}

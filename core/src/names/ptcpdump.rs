//! Pods named in pcapng packet comments, as ptcpdump writes them: one comment per packet
//! with the lines `PodName: <name>` and `PodNamespace: <namespace>` (then `PodUID:`,
//! `PodLabels:`, `PodAnnotations:`), for the process that sent or received the packet.

use serde::{Deserialize, Serialize};
use std::net::IpAddr;

/// A pod a packet comment names, and the address its packet had on the pod's side.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentedPod {
    pub address: IpAddr,
    pub namespace: String,
    pub name: String,
    /// The first frame whose comment named it.
    pub frame: u64,
}

/// The longest name Kubernetes allows (a DNS subdomain).
const MAX_NAME: usize = 253;

/// The namespace and name of the pod a comment names, if it names one with valid names.
pub fn pod_of_comment(comment: &str) -> Option<(String, String)> {
    let mut name = None;
    let mut namespace = None;
    for line in comment.lines().take(16) {
        if let Some(value) = line.strip_prefix("PodName:") {
            name = Some(value.trim());
        } else if let Some(value) = line.strip_prefix("PodNamespace:") {
            namespace = Some(value.trim());
        }
    }
    let (name, namespace) = (name?, namespace?);
    (valid(name) && valid(namespace)).then(|| (namespace.to_string(), name.to_string()))
}

/// A Kubernetes object name: lower-case letters, digits, `-` and `.`, starting and ending
/// with a letter or digit. Anything else in a comment is not a name to show.
fn valid(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= MAX_NAME
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.')
        && name.as_bytes()[0].is_ascii_alphanumeric()
        && name.as_bytes()[name.len() - 1].is_ascii_alphanumeric()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ptcpdump_pod_comment_names_its_pod() {
        let comment = "PodName: nginx-demo-5f7c9b8d6d-h8k2p\nPodNamespace: nginx-demo\nPodUID: 0d4e0c1c-5c3f-4a39-9d0e-6a5f3c2b1a00\nPodLabels: app=nginx\nPodAnnotations: ";
        assert_eq!(
            pod_of_comment(comment),
            Some((
                "nginx-demo".to_string(),
                "nginx-demo-5f7c9b8d6d-h8k2p".to_string()
            ))
        );
    }

    #[test]
    fn other_comments_and_bad_names_name_nothing() {
        assert_eq!(
            pod_of_comment("PID: 1234\nCmd: /usr/bin/curl\nArgs: curl x"),
            None
        );
        assert_eq!(pod_of_comment("PodName: a"), None);
        assert_eq!(
            pod_of_comment("PodName: <script>\nPodNamespace: default"),
            None
        );
        assert_eq!(pod_of_comment("PodName: Web\nPodNamespace: default"), None);
        assert_eq!(pod_of_comment("PodName: -web\nPodNamespace: default"), None);
        let long = format!("PodName: {}\nPodNamespace: default", "a".repeat(300));
        assert_eq!(pod_of_comment(&long), None);
    }
}

//! The report: what happened in a capture ([`Analysis`]) and what it means (the findings of
//! every signature). Its JSON form is documented in the README; `schema_version` changes when
//! its shape does.

use serde::{Deserialize, Serialize};

use std::collections::HashMap;

use crate::analysis::Analysis;
use crate::names::{NameBook, Names};
use crate::signatures::{diagnose, Finding};

/// The JSON report's shape. 2: typed hop changes, legs' `via`, journey kinds, `last_hop` and
/// `outcome` dropped from journeys (see the README).
pub const SCHEMA_VERSION: u32 = 3;

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Report {
    pub schema_version: u32,
    #[serde(flatten)]
    pub analysis: Analysis,
    /// Diagnoses of known failures, most severe first.
    pub findings: Vec<Finding>,
    /// What the cluster's names (texts the user gave) call the addresses this report holds.
    #[serde(default, skip_serializing_if = "NameBook::is_empty")]
    pub names: NameBook,
}

impl Report {
    /// Runs every signature over `analysis`.
    pub fn new(analysis: Analysis) -> Report {
        let findings = diagnose(&analysis);
        let mut report = Report {
            schema_version: SCHEMA_VERSION,
            analysis,
            findings,
            names: NameBook::default(),
        };
        // A capture that names its pods in packet comments is named at once.
        if !report.analysis.capture.commented_pods.is_empty() {
            report.name_with(&Names::new());
        }
        report
    }

    /// Every address and port the report holds: endpoints of connections, their legs, DNS
    /// exchanges, and every sighting of the packets it lists.
    pub fn endpoints(&self) -> Vec<(std::net::IpAddr, u16)> {
        let analysis = &self.analysis;
        let mut all: Vec<(std::net::IpAddr, u16)> = Vec::new();
        let mut add = |e: crate::journey::Endpoint| all.push((e.address, e.port));
        for connection in &analysis.connections {
            add(connection.client);
            add(connection.server);
            for leg in &connection.legs {
                add(leg.from);
                add(leg.to);
            }
        }
        for query in &analysis.dns {
            add(query.client);
            add(query.server);
        }
        for journey in &analysis.journeys {
            for hop in &journey.hops {
                add(hop.from);
                add(hop.to);
            }
        }
        all.extend(analysis.capture.host_addresses.iter().map(|a| (*a, 0)));
        all.sort_unstable();
        all.dedup();
        all
    }

    /// Names the report's addresses from `names` (see [`NameBook`]).
    /// Pods named by the capture's packet comments count too, where the texts say nothing.
    pub fn name_with(&mut self, names: &Names) {
        if self.analysis.capture.commented_pods.is_empty() {
            self.names = NameBook::new(names, self.endpoints());
            return;
        }
        let mut names = names.clone();
        for pod in &self.analysis.capture.commented_pods {
            names.add_commented_pod(pod);
        }
        self.names = NameBook::new(&names, self.endpoints());
    }
}

/// What `names` calls the interfaces of the capture analysed in `report` (by their key in
/// that capture), for analysing it again with those names: the `ip link` of the node whose
/// addresses the capture shows. Empty when nothing names them, or it is not clear which node
/// the capture is from.
pub fn interface_names(report: &Report, names: &Names) -> HashMap<u32, String> {
    let host = &report.analysis.capture.host_addresses;
    report
        .analysis
        .interfaces
        .iter()
        .filter_map(|interface| {
            let index = crate::files::interface_index(interface.key);
            let name = names.interface(host, index)?;
            (name.name != interface.name).then(|| (index, name.name.clone()))
        })
        .collect()
}

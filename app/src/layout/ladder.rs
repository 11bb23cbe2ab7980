//! The ladder: one column per endpoint the connection's legs show (client, Service, backend),
//! one rung per packet, the NAT marked where it happened.

use dropscope_core::analysis::JourneyReport;
use dropscope_core::journey::{Endpoint, Fate};
use dropscope_core::packets::seconds_since;
use dropscope_core::words;

use super::kind_class;
use crate::protocol::Scene;

/// The ladder: one column per endpoint the connection's legs show, one rung per packet.
#[derive(Clone, Debug, PartialEq)]
pub struct Ladder {
    pub columns: Vec<LadderColumn>,
    pub rungs: Vec<Rung>,
    pub width: f64,
    pub height: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct LadderColumn {
    pub endpoint: Endpoint,
    pub x: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Rung {
    pub y: f64,
    pub from_x: f64,
    pub to_x: f64,
    /// Where the packet's addressing changed on the way (the NAT), with what changed.
    pub via: Option<(f64, String)>,
    pub label: String,
    pub time: f64,
    /// Its frames (ids of [`dropscope_core::files`]), in path order.
    pub frames: Vec<u64>,
    pub kind: &'static str,
    pub dropped: bool,
}

pub const RUNG_HEIGHT: f64 = 34.0;
const LADDER_TOP: f64 = 44.0;

pub fn ladder(scene: &Scene, width: f64) -> Ladder {
    let mut endpoints: Vec<Endpoint> = Vec::new();
    let add = |endpoint: Endpoint, endpoints: &mut Vec<Endpoint>| {
        if !endpoints.contains(&endpoint) {
            endpoints.push(endpoint);
        }
    };
    if let Some(connection) = &scene.connection {
        for leg in &connection.legs {
            add(leg.from, &mut endpoints);
            add(leg.to, &mut endpoints);
        }
    }
    let mut journeys: Vec<&JourneyReport> = scene.journeys.iter().collect();
    journeys.sort_by_key(|j| j.hops[0].time);
    for journey in &journeys {
        let first = &journey.hops[0];
        let last = journey.hops.last().unwrap_or(first);
        for endpoint in [first.from, first.to, last.from, last.to] {
            add(endpoint, &mut endpoints);
        }
    }
    // The client on the left.
    if let Some(client) = scene.client {
        if let Some(at) = endpoints.iter().position(|e| *e == client) {
            let client = endpoints.remove(at);
            endpoints.insert(0, client);
        }
    }
    let margin = 90.0_f64.min(width / 6.0);
    let spacing = if endpoints.len() > 1 {
        (width - 2.0 * margin) / (endpoints.len() - 1) as f64
    } else {
        0.0
    };
    let columns: Vec<LadderColumn> = endpoints
        .iter()
        .enumerate()
        .map(|(at, endpoint)| LadderColumn {
            endpoint: *endpoint,
            x: margin + spacing * at as f64,
        })
        .collect();
    let x_of = |endpoint: Endpoint| {
        columns
            .iter()
            .find(|c| c.endpoint == endpoint)
            .map_or(margin, |c| c.x)
    };
    let start = scene
        .capture_start
        .or_else(|| journeys.first().map(|j| j.hops[0].time));
    let rungs = journeys
        .iter()
        .enumerate()
        .map(|(at, journey)| {
            let first = &journey.hops[0];
            let last = journey.hops.last().unwrap_or(first);
            // A packet goes from its sender to where it was last addressed.
            let (from, to) = (first.from, last.to);
            let changed = journey.hops.iter().find(|h| !h.changes.is_empty());
            let via = changed.map(|hop| {
                let x = if first.to != last.to {
                    x_of(first.to)
                } else {
                    x_of(last.from)
                };
                (x, words::changes_text(&hop.changes))
            });
            Rung {
                y: LADDER_TOP + RUNG_HEIGHT * at as f64,
                from_x: x_of(from),
                to_x: x_of(to),
                via,
                label: journey.packet.clone(),
                time: start.map_or(0.0, |s| seconds_since(s, first.time)),
                frames: journey.frames.clone(),
                kind: kind_class(journey.kind),
                dropped: matches!(journey.fate, Fate::EndedEarly { .. }),
            }
        })
        .collect::<Vec<_>>();
    let height = LADDER_TOP + RUNG_HEIGHT * rungs.len() as f64 + 10.0;
    Ladder {
        columns,
        rungs,
        width,
        height,
    }
}

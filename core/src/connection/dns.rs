//! DNS exchanges: each query (by client socket, server and transaction id), every time it was
//! sent, and what became of its answers.

use serde::{Deserialize, Serialize};

use super::{Attempt, Side};
use crate::capture::Timestamp;
use crate::journey::{dns_type_name, Endpoint, Fate, FiveTuple, Journey};

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct DnsAnswer {
    pub frames: Vec<u64>,
    pub journey: u64,
    pub rcode: u8,
    /// TC set: the answer did not fit in UDP.
    #[serde(default)]
    pub truncated: bool,
    pub fate: Fate,
    /// Whether it reached the client's socket address (last seen sent towards the client).
    pub reached_client: bool,
    pub last_frame: u64,
    pub time: Timestamp,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DnsOutcome {
    /// An answer reached the client after the first transmission.
    Answered,
    /// The client had to send the query again before an answer reached it.
    AnsweredAfterRetry,
    /// An answer arrived on the node but never reached the client.
    AnswerLostOnNode,
    /// No answer was seen at all.
    Unanswered,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct DnsQuery {
    pub client: Endpoint,
    /// The server as the client addressed it.
    pub server: Endpoint,
    pub id: u16,
    pub name: Option<String>,
    pub qtype: Option<String>,
    pub attempts: Vec<Attempt>,
    pub answers: Vec<DnsAnswer>,
    /// ICMP errors about its transmissions (port unreachable: nothing listens there).
    #[serde(default)]
    pub icmp_errors: Vec<crate::connection::IcmpError>,
    pub outcome: DnsOutcome,
    /// Seconds from the first transmission to the first answer that reached the client.
    pub time_to_answer: Option<f64>,
}

impl DnsQuery {
    pub fn evidence(&self) -> Vec<u64> {
        let mut frames: Vec<u64> = self
            .attempts
            .iter()
            .flat_map(|a| a.frames.iter().copied())
            .chain(self.answers.iter().flat_map(|a| a.frames.iter().copied()))
            .collect();
        frames.sort_unstable();
        frames.dedup();
        frames
    }
}

#[derive(Default)]
pub struct DnsTracker {
    queries: Vec<DnsQuery>,
    /// (address pair as the query showed it at some hop, transaction id) → query.
    by_tuple: crate::FastMap<(FiveTuple, u16), usize>,
}

impl DnsTracker {
    pub fn new() -> DnsTracker {
        DnsTracker::default()
    }

    /// Adds a journey; returns which end sent it (client for queries, server for answers).
    pub fn add(&mut self, journey: &Journey) -> Option<Side> {
        if let Some(icmp) = journey.icmp {
            self.add_icmp(journey, icmp);
            return None;
        }
        let dns = journey.dns.as_ref()?;
        let first = journey.first();
        if !dns.response {
            let key = (first.seen.tuple, dns.id);
            let index = match self.by_tuple.get(&key) {
                Some(&index) => index,
                None => {
                    self.queries.push(DnsQuery {
                        client: first.seen.tuple.source_endpoint(),
                        server: first.seen.tuple.destination_endpoint(),
                        id: dns.id,
                        name: dns.question.as_ref().map(|(name, _)| name.clone()),
                        qtype: dns
                            .question
                            .as_ref()
                            .map(|(_, qtype)| dns_type_name(*qtype)),
                        attempts: Vec::new(),
                        answers: Vec::new(),
                        icmp_errors: Vec::new(),
                        outcome: DnsOutcome::Unanswered,
                        time_to_answer: None,
                    });
                    self.queries.len() - 1
                }
            };
            for hop in &journey.hops {
                self.by_tuple.insert((hop.seen.tuple, dns.id), index);
            }
            let query = &mut self.queries[index];
            let attempt = Attempt::next(&query.attempts, journey);
            query.attempts.push(attempt);
            return Some(Side::Client);
        }
        let found = journey.hops.iter().find_map(|h| {
            self.by_tuple
                .get(&(h.seen.tuple.reversed(), dns.id))
                .copied()
        });
        let index = found?;
        let query = &mut self.queries[index];
        let last = journey.last();
        let reached_client = last.seen.tuple.destination_endpoint() == query.client
            && matches!(
                journey.fate,
                Fate::Delivered { .. }
                    | Fate::LeftNode { .. }
                    | Fate::Observed { .. }
                    | Fate::Local { .. }
            );
        query.answers.push(DnsAnswer {
            frames: journey.frames(),
            journey: journey.id,
            rcode: dns.rcode,
            truncated: dns.truncated,
            fate: journey.fate,
            reached_client,
            last_frame: last.seen.frame,
            time: last.seen.time,
        });
        Some(Side::Server)
    }

    /// An ICMP error quoting a query: the latest query on that address pair before it.
    fn add_icmp(&mut self, journey: &Journey, icmp: crate::journey::IcmpFields) {
        let Some(quoted) = icmp.quoted.filter(|q| q.protocol == 17) else {
            return;
        };
        let time = journey.start();
        let Some(query) = self
            .queries
            .iter_mut()
            .filter(|q| {
                q.attempts.first().is_some_and(|a| a.time <= time)
                    && ((q.client == quoted.source_endpoint()
                        && q.server == quoted.destination_endpoint())
                        || q.attempts.iter().any(|a| a.journey == journey.id))
            })
            .max_by_key(|q| q.attempts.last().map(|a| a.time))
        else {
            return;
        };
        query.icmp_errors.push(crate::connection::IcmpError {
            frames: journey.frames(),
            time,
            journey: journey.id,
            from: journey.first().seen.tuple.source,
            reason: crate::connection::IcmpReason::of(&icmp),
            unreachable: icmp.is_unreachable(),
            mtu: icmp.path_mtu(),
            fate: journey.fate,
        });
    }

    pub fn finish(mut self) -> Vec<DnsQuery> {
        for query in &mut self.queries {
            let delivered = query
                .answers
                .iter()
                .filter(|a| a.reached_client)
                .min_by_key(|a| a.time);
            let start = query.attempts.first().map(|a| a.time);
            query.time_to_answer = match (delivered, start) {
                (Some(answer), Some(start)) => Some(answer.time.nanos_since(start) as f64 / 1e9),
                _ => None,
            };
            query.outcome = match delivered {
                Some(answer) => {
                    let resent_before = query.attempts.iter().skip(1).any(|a| a.time < answer.time);
                    if resent_before {
                        DnsOutcome::AnsweredAfterRetry
                    } else {
                        DnsOutcome::Answered
                    }
                }
                None if query
                    .answers
                    .iter()
                    .any(|a| matches!(a.fate, Fate::EndedEarly { .. })) =>
                {
                    DnsOutcome::AnswerLostOnNode
                }
                None if !query.answers.is_empty() => DnsOutcome::AnswerLostOnNode,
                None => DnsOutcome::Unanswered,
            };
        }
        self.queries
    }
}

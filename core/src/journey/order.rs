//! Capture-time order, whatever the order in the file.
//!
//! `tcpdump -i any` writes frames in the order the kernel hands them over, which is path order
//! (timestamps may step back a few microseconds between interfaces: the order is kept as it is).
//! Wireshark's and dumpcap's pcapng files are written per interface in turn: a frame may come
//! many milliseconds after frames that were captured later on another interface. Journeys,
//! connections and signatures need capture-time order, so observations pass through
//! [`TimeOrder`], a k-way merge of the file's streams (pcapng interfaces) by time that keeps each
//! stream's own order, in bounded memory: an observation waits at most [`WINDOW_NANOS`] of
//! capture time, and at most [`MAX_WAITING`] wait. One that arrives later than the window
//! allows is passed on at once and counted as late, never silently misplaced.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};

use rustc_hash::FxHashMap;

use super::Observation;
use crate::capture::Timestamp;

/// How long (in capture time) an observation waits for earlier ones from other streams.
pub const WINDOW_NANOS: i128 = 2_000_000_000;
/// Observations that may wait at once; past this the earliest go on regardless.
pub const MAX_WAITING: usize = 200_000;
/// Late frames listed by number; the rest are counted.
const MAX_LISTED_LATE: usize = 20;
/// Steps back in time smaller than this are clock jitter between interfaces, not disorder.
const JITTER_NANOS: i128 = 1_000_000;

/// Which stream of the file a frame belongs to: its pcapng interface, or `None` for a pcap
/// file, whose single stream needs no reordering.
pub type Stream = Option<u32>;

/// What reordering did, for the report.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OrderStats {
    /// Observations released before one that preceded them in the file: the file was out of
    /// time order and was put back in order.
    pub reordered: u64,
    /// Observations that arrived after later ones had already been passed on (more than the
    /// window behind): analysed out of place.
    pub late: u64,
    /// The first late frames, by number.
    pub late_frames: Vec<u64>,
}

#[derive(Default)]
pub struct TimeOrder {
    queues: FxHashMap<u32, VecDeque<(u64, Observation)>>,
    /// The front of each non-empty queue: (time, arrival number, stream).
    heads: BinaryHeap<Reverse<(Timestamp, u64, u32)>>,
    waiting: usize,
    arrivals: u64,
    newest: Option<Timestamp>,
    /// The latest time passed on so far.
    released_time: Option<Timestamp>,
    /// The highest arrival number passed on so far.
    released_arrival: u64,
    stats: OrderStats,
}

impl TimeOrder {
    pub fn new() -> TimeOrder {
        TimeOrder::default()
    }

    /// Adds an observation of `stream`; passes on, in time order, those that can no longer be
    /// preceded by another.
    pub fn push(
        &mut self,
        stream: Stream,
        observation: Observation,
        release: &mut impl FnMut(Observation),
    ) {
        let arrival = self.arrivals;
        self.arrivals += 1;
        let time = observation.seen.time;
        let Some(stream) = stream else {
            // One stream: the file's order is the order.
            self.note_release(time, arrival);
            release(observation);
            return;
        };
        if self
            .released_time
            .is_some_and(|last| time.nanos_since(last) < -JITTER_NANOS)
        {
            // Behind what has gone on already: too late to be put in its place.
            self.stats.late += 1;
            if self.stats.late_frames.len() < MAX_LISTED_LATE {
                self.stats.late_frames.push(observation.seen.frame);
            }
            self.note_release(time, arrival);
            release(observation);
            return;
        }
        self.newest = Some(self.newest.map_or(time, |n| n.max(time)));
        let queue = self.queues.entry(stream).or_default();
        if queue.is_empty() {
            self.heads.push(Reverse((time, arrival, stream)));
        }
        queue.push_back((arrival, observation));
        self.waiting += 1;
        self.release_ready(release);
    }

    /// Passes on everything still waiting; call at the end of the capture.
    pub fn finish(&mut self, release: &mut impl FnMut(Observation)) {
        while self.release_one(release) {}
    }

    pub fn stats(&self) -> &OrderStats {
        &self.stats
    }

    fn release_ready(&mut self, release: &mut impl FnMut(Observation)) {
        let Some(newest) = self.newest else { return };
        while let Some(Reverse((time, _, _))) = self.heads.peek() {
            let due = newest.nanos_since(*time) > WINDOW_NANOS || self.waiting > MAX_WAITING;
            if !due || !self.release_one(release) {
                break;
            }
        }
    }

    /// Releases the earliest head; false when nothing waits.
    fn release_one(&mut self, release: &mut impl FnMut(Observation)) -> bool {
        let Some(Reverse((_, _, stream))) = self.heads.pop() else {
            return false;
        };
        let Some(queue) = self.queues.get_mut(&stream) else {
            return true;
        };
        let Some((arrival, observation)) = queue.pop_front() else {
            return true;
        };
        if let Some((next_arrival, next)) = queue.front() {
            self.heads
                .push(Reverse((next.seen.time, *next_arrival, stream)));
        } else {
            self.queues.remove(&stream);
        }
        self.waiting -= 1;
        self.note_release(observation.seen.time, arrival);
        release(observation);
        true
    }

    fn note_release(&mut self, time: Timestamp, arrival: u64) {
        if arrival < self.released_arrival {
            self.stats.reordered += 1;
        }
        self.released_arrival = self.released_arrival.max(arrival);
        self.released_time = Some(self.released_time.map_or(time, |t| t.max(time)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journey::{Direction, FiveTuple, Sighting};

    fn observation(frame: u64, millis: i64) -> Observation {
        Observation {
            seen: Sighting {
                frame,
                time: Timestamp {
                    secs: millis / 1000,
                    nanos: (millis % 1000) as u32 * 1_000_000,
                },
                interface: 0,
                direction: Direction::Unknown,
                tuple: FiveTuple {
                    source: "10.0.0.1".parse().unwrap(),
                    destination: "10.0.0.2".parse().unwrap(),
                    protocol: 17,
                    source_port: 1,
                    destination_port: 2,
                },
                encapsulation: None,
                ttl: 64,
                link: None,
            },
            ip_id: None,
            tcp: None,
            dns: None,
            icmp: None,
            fingerprint: frame,
            bad_checksum: false,
        }
    }

    fn order(input: &[(Stream, u64, i64)]) -> (Vec<u64>, OrderStats) {
        let mut order = TimeOrder::new();
        let mut out = Vec::new();
        for &(stream, frame, millis) in input {
            order.push(stream, observation(frame, millis), &mut |o| {
                out.push(o.seen.frame)
            });
        }
        order.finish(&mut |o| out.push(o.seen.frame));
        (out, order.stats().clone())
    }

    #[test]
    fn interfaces_written_in_turn_come_out_in_time_order() {
        // dumpcap: interface 0's frames first, then interface 1's, which were captured between.
        let (frames, stats) = order(&[
            (Some(0), 1, 100),
            (Some(0), 2, 300),
            (Some(1), 3, 150),
            (Some(1), 4, 250),
        ]);
        assert_eq!(frames, [1, 3, 4, 2]);
        assert_eq!(stats.reordered, 1, "frame 2 goes after 3 and 4");
        assert_eq!(stats.late, 0);
    }

    #[test]
    fn a_stream_keeps_its_own_order_and_a_pcap_is_left_alone() {
        // Within one stream, a few microseconds back is kept as written (path order).
        let (frames, _) = order(&[(Some(0), 1, 100), (Some(0), 2, 99), (Some(0), 3, 101)]);
        assert_eq!(frames, [1, 2, 3]);
        let (frames, stats) = order(&[(None, 1, 500), (None, 2, 100)]);
        assert_eq!(frames, [1, 2]);
        assert_eq!(stats, OrderStats::default());
    }

    #[test]
    fn a_frame_later_than_the_window_is_counted_not_misplaced_silently() {
        let (frames, stats) = order(&[
            (Some(0), 1, 0),
            (Some(0), 2, 5_000),
            (Some(0), 3, 10_000),
            // Captured at 1 s but written after 10 s of other traffic has gone on.
            (Some(1), 4, 1_000),
        ]);
        assert_eq!(frames, [1, 2, 4, 3]);
        assert_eq!(stats.late, 1);
        assert_eq!(stats.late_frames, [4]);
    }
}

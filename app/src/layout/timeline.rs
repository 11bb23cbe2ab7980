//! The retry timeline: a scene's requests (SYNs, DNS queries) on a time axis with the gaps
//! labelled, and the answers below.

use dropscope_core::packets::seconds_since;
use dropscope_core::words;

use crate::protocol::Scene;

/// The requests of a scene on a time axis, to show the retry schedule.
#[derive(Clone, Debug, PartialEq)]
pub struct RetryTimeline {
    pub marks: Vec<TimelineMark>,
    pub gaps: Vec<(f64, String)>,
    pub ticks: Vec<(f64, String)>,
    pub width: f64,
    /// Seconds from the first request to the last mark.
    pub span: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TimelineMark {
    pub x: f64,
    pub time: f64,
    pub frame: u64,
    pub label: String,
    /// A request (above the axis) or an answer (below).
    pub request: bool,
}

pub fn retry_timeline(scene: &Scene, width: f64) -> RetryTimeline {
    let first_time = |id: &u64| {
        scene
            .journeys
            .iter()
            .find(|j| j.id == *id)
            .map(|j| (j.hops[0].time, j.frames[0], j.packet.clone()))
    };
    let requests: Vec<_> = scene.requests.iter().filter_map(first_time).collect();
    let answers: Vec<_> = scene.answers.iter().filter_map(first_time).collect();
    let Some(start) = requests.iter().map(|r| r.0).min() else {
        return RetryTimeline {
            marks: Vec::new(),
            gaps: Vec::new(),
            ticks: Vec::new(),
            width,
            span: 0.0,
        };
    };
    let mut times: Vec<(f64, u64, String, bool)> = requests
        .iter()
        .map(|(t, f, l)| (seconds_since(start, *t), *f, l.clone(), true))
        .chain(
            answers
                .iter()
                .map(|(t, f, l)| (seconds_since(start, *t), *f, l.clone(), false)),
        )
        .collect();
    times.sort_by(|a, b| a.0.total_cmp(&b.0));
    let span = times.iter().map(|t| t.0).fold(0.0_f64, f64::max).max(1e-3);
    let margin = 30.0;
    let x_of = |t: f64| margin + (width - 2.0 * margin) * (t / span);
    let marks: Vec<TimelineMark> = times
        .iter()
        .map(|(time, frame, label, request)| TimelineMark {
            x: x_of(*time),
            time: *time,
            frame: *frame,
            label: label.clone(),
            request: *request,
        })
        .collect();
    let request_marks: Vec<&TimelineMark> = marks.iter().filter(|m| m.request).collect();
    let gaps = request_marks
        .windows(2)
        .map(|w| {
            (
                (w[0].x + w[1].x) / 2.0,
                format!("+{}", words::duration(w[1].time - w[0].time)),
            )
        })
        .collect();
    // About six ticks at a round interval.
    let raw = span / 6.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    let interval = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|i| *i >= raw)
        .unwrap_or(10.0 * magnitude);
    let ticks = (0..=((span / interval).floor() as usize).min(20))
        .map(|n| {
            let t = n as f64 * interval;
            (x_of(t), words::duration(t).replace("0 µs", "0"))
        })
        .collect();
    RetryTimeline {
        marks,
        gaps,
        ticks,
        width,
        span,
    }
}

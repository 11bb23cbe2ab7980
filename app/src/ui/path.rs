//! The path animation: the stations of the selected scene (client, each interface the capture
//! saw, server), its packets flying hop by hop in capture-time order on a scaled clock, NAT
//! rewrites labelled where they happen, and a ✕ where a packet was last seen.

use leptos::prelude::*;

use dropscope_core::connection::Side;
use dropscope_core::i18n::{tr, Message};

use super::{t, AppState};
use crate::layout::{
    animation, dots_at, drop_marks, failure_point, picture, picture_dots_at, step_at, topology,
    Animation, FailurePoint, Picture, Topology, PICTURE_HEIGHT,
};

/// The drawing's width in its own units: the window's width, within bounds, so that text
/// stays readable in a 700 px iframe as on a wide screen.
fn drawing_width() -> f64 {
    let window_width = window()
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .unwrap_or(900.0);
    (window_width - 60.0).clamp(560.0, 900.0)
}
const HEIGHT: f64 = 190.0;
const LINE_Y: f64 = 100.0;
const FORWARD_Y: f64 = 86.0;
const BACKWARD_Y: f64 = 114.0;
const SPEEDS: [f64; 5] = [0.25, 0.5, 1.0, 2.0, 4.0];

fn lane(forward: bool) -> f64 {
    if forward {
        FORWARD_Y
    } else {
        BACKWARD_Y
    }
}

fn now_ms() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}

/// The playhead and its controls' state.
#[derive(Clone, Copy)]
struct Player {
    t: RwSignal<f64>,
    playing: RwSignal<bool>,
    speed: RwSignal<f64>,
    duration: Memo<f64>,
    /// Frames drawn while playing, and for how long (for the frames-per-second figure).
    frames: RwSignal<u64>,
    playing_ms: RwSignal<f64>,
    /// Bumped whenever a loop starts, so that an older loop stops.
    generation: StoredValue<u64>,
}

impl Player {
    fn play(self) {
        if self.t.get_untracked() >= self.duration.get_untracked() {
            self.t.set(0.0);
        }
        self.playing.set(true);
        let generation = self.generation.get_value() + 1;
        self.generation.set_value(generation);
        self.tick(now_ms(), generation);
    }

    fn tick(self, previous: f64, generation: u64) {
        request_animation_frame(move || {
            // The player's signals are gone once its view is (another capture was opened):
            // the loop ends with them.
            let (Some(playing), Some(current), Some(t), Some(speed), Some(duration)) = (
                self.playing.try_get_untracked(),
                self.generation.try_get_value(),
                self.t.try_get_untracked(),
                self.speed.try_get_untracked(),
                self.duration.try_get_untracked(),
            ) else {
                return;
            };
            if !playing || current != generation {
                return;
            }
            let now = now_ms();
            let elapsed = (now - previous).clamp(0.0, 100.0);
            let next = t + elapsed / 1000.0 * speed;
            self.frames.try_update(|f| *f += 1);
            self.playing_ms.try_update(|ms| *ms += now - previous);
            if next >= duration {
                self.t.try_set(duration);
                self.playing.try_set(false);
                return;
            }
            self.t.try_set(next);
            self.tick(now, generation);
        });
    }

    fn pause(self) {
        self.playing.set(false);
    }

    fn seek(self, t: f64) {
        self.pause();
        self.t.set(t.clamp(0.0, self.duration.get_untracked()));
    }
}

type Model = Option<(
    Topology,
    Animation,
    Option<FailurePoint>,
    Vec<(usize, bool, usize)>,
    Picture,
)>;

#[component]
pub fn PathPlayer() -> impl IntoView {
    let state = expect_context::<AppState>();
    let width = drawing_width();
    let model: Memo<Model> = Memo::new(move |_| {
        let interfaces = state
            .overview
            .with(|o| o.as_ref().map(|o| o.interfaces.clone()).unwrap_or_default());
        let labels: Vec<String> = state.overview.with(|o| {
            o.as_ref()
                .map(|o| {
                    o.capture
                        .files
                        .iter()
                        .map(|f| dropscope_core::files::label_of(&f.name))
                        .collect()
                })
                .unwrap_or_default()
        });
        state.scene.with(|scene| {
            let scene = scene.as_ref()?;
            if scene.journeys.is_empty() {
                return None;
            }
            let topology = topology(scene, &interfaces, width);
            let animation = animation(scene, &topology, &interfaces);
            let failure = failure_point(scene, &animation);
            let marks = drop_marks(&animation);
            let picture = picture(scene, &topology, &animation, &interfaces, &labels, width);
            Some((topology, animation, failure, marks, picture))
        })
    });
    let duration = Memo::new(move |_| model.with(|m| m.as_ref().map_or(1.0, |m| m.1.duration)));
    let player = Player {
        t: RwSignal::new(0.0),
        playing: RwSignal::new(false),
        speed: RwSignal::new(1.0),
        duration,
        frames: RwSignal::new(0),
        playing_ms: RwSignal::new(0.0),
        generation: StoredValue::new(0),
    };
    // A new scene plays from the start.
    Effect::new(move |_| {
        if model.with(Option::is_some) {
            player.t.set(0.0);
            player.play();
        } else {
            player.pause();
        }
    });

    let step_forward = move || {
        let t = player.t.get_untracked();
        let next = model.with_untracked(|m| {
            m.as_ref()
                .and_then(|m| m.1.steps.iter().find(|s| s.at > t + 1e-6).map(|s| s.at))
        });
        player.seek(next.unwrap_or(duration.get_untracked()));
    };
    let step_back = move || {
        let t = player.t.get_untracked();
        let previous = model.with_untracked(|m| {
            m.as_ref().and_then(|m| {
                m.1.steps
                    .iter()
                    .rev()
                    .find(|s| s.at < t - 1e-6)
                    .map(|s| s.at)
            })
        });
        player.seek(previous.unwrap_or(0.0));
    };
    let faster = move |up: bool| {
        let speed = player.speed.get_untracked();
        let at = SPEEDS.iter().position(|s| *s == speed).unwrap_or(2);
        let at = if up {
            (at + 1).min(SPEEDS.len() - 1)
        } else {
            at.saturating_sub(1)
        };
        player.speed.set(SPEEDS[at]);
    };
    let toggle = move || {
        if player.playing.get_untracked() {
            player.pause();
        } else {
            player.play();
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let handled = match ev.key().as_str() {
            " " | "k" => {
                toggle();
                true
            }
            "ArrowRight" | "l" => {
                step_forward();
                true
            }
            "ArrowLeft" | "j" => {
                step_back();
                true
            }
            "+" | "=" => {
                faster(true);
                true
            }
            "-" => {
                faster(false);
                true
            }
            "Home" => {
                player.seek(0.0);
                true
            }
            _ => false,
        };
        if handled {
            ev.prevent_default();
        }
    };

    let title = move || {
        state
            .scene
            .with(|s| s.as_ref().map(|s| s.title.clone()).unwrap_or_default())
    };
    let stations = move || {
        model.with(|m| {
            let Some((topology, ..)) = m else {
                return Vec::new();
            };
            topology
                .stations
                .iter()
                .map(|station| {
                    let x = station.x;
                    let testid = if station.key.is_some() { "station" } else { "endpoint" };
                    view! {
                        <g class=format!("station {}", station.role) data-testid=testid data-interface=station.label.clone()>
                            <rect x=x - 34.0 y=LINE_Y - 26.0 width=68.0 height=52.0 rx=8.0 />
                            <text class="station-name" x=x y=LINE_Y - 44.0>{station.label.clone()}</text>
                            <text class="station-caption" x=x y=LINE_Y + 44.0>{shorten(&station.caption, 26)}</text>
                        </g>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    let line = move || {
        model.with(|m| {
            m.as_ref().map(|(topology, ..)| {
                let first = topology.stations.first().map_or(0.0, |s| s.x);
                let last = topology.stations.last().map_or(0.0, |s| s.x);
                view! {
                    <line class="wire" x1=first y1=FORWARD_Y x2=last y2=FORWARD_Y />
                    <line class="wire" x1=first y1=BACKWARD_Y x2=last y2=BACKWARD_Y />
                }
            })
        })
    };
    let marks = move || {
        model.with(|m| {
            let Some((topology, _, failure, marks, _)) = m else {
                return Vec::new();
            };
            marks
                .iter()
                .filter(|(station, forward, _)| {
                    failure
                        .as_ref()
                        .is_none_or(|f| f.station != *station || f.forward != *forward)
                })
                .map(|&(station, forward, count)| {
                    let x = topology.stations[station].x + 22.0;
                    let label = if count > 1 {
                        format!("✕{count}")
                    } else {
                        "✕".to_string()
                    };
                    view! { <text class="drop-mark" x=x y=lane(forward) + 5.0>{label}</text> }
                })
                .collect::<Vec<_>>()
        })
    };
    let failure = move || {
        model.with(|m| {
            let (topology, animation, Some(failure), marks, _) = m.as_ref()? else {
                return None;
            };
            let station = &topology.stations[failure.station];
            let x = station.x + 22.0;
            let y = lane(failure.forward);
            let count = marks
                .iter()
                .find(|(s, f, _)| *s == failure.station && *f == failure.forward)
                .map_or(0, |m| m.2);
            let reached = player.t.get() >= failure.at;
            let point = state
                .scene
                .with(|s| s.as_ref().and_then(|s| s.point_of_failure.clone()))
                .unwrap_or_default();
            let _ = animation;
            Some(view! {
                <g
                    class="drop-point"
                    class:reached=reached
                    data-testid="drop-point"
                    data-interface=station.label.clone()
                    data-frame=failure.frame
                >
                    <title>{point}</title>
                    <circle cx=x cy=y r=11.0 />
                    <text x=x y=y + 5.0>"✕"</text>
                    {(count > 1).then(|| view! { <text class="count" x=x + 16.0 y=y + 5.0>{format!("×{count}")}</text> })}
                </g>
            })
        })
    };
    let nat = move || {
        let t = player.t.get();
        model.with(|m| {
            let (topology, animation, ..) = m.as_ref()?;
            let step = &animation.steps[step_at(animation, t)?];
            if step.changes.is_empty() || t - step.at > 1.6 {
                return None;
            }
            let x = topology.stations[step.station].x;
            Some(view! {
                <g class="nat" data-testid="nat-label">
                    <text x=x.clamp(150.0, width - 150.0) y=24.0>{step.changes.join("; ")}</text>
                    <line x1=x y1=30.0 x2=x y2=LINE_Y - 28.0 />
                </g>
            })
        })
    };
    let dots = move || {
        let t = player.t.get();
        model.with(|m| {
            let Some((topology, animation, ..)) = m else {
                return Vec::new();
            };
            dots_at(animation, topology, t)
                .into_iter()
                .map(|dot| {
                    let track = &animation.tracks[dot.track];
                    let y = lane(dot.forward);
                    // A reset says who sent it.
                    let short = match &track.sender {
                        Some((Side::Client, _)) => format!("{} ({})", short_label(&track.label), tr("station-client")),
                        Some((Side::Server, _)) => format!("{} ({})", short_label(&track.label), tr("station-server")),
                        None => short_label(&track.label),
                    };
                    view! {
                        <g class=format!("packet {}", track.kind) transform=format!("translate({:.1},{y})", dot.x) opacity=format!("{:.2}", dot.opacity.clamp(0.0, 1.0))>
                            <circle r=9.0 />
                            <text y=if dot.forward { -13.0 } else { 22.0 }>{short}</text>
                        </g>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    let caption = move || {
        let t = player.t.get();
        model.with(|m| {
            let (_, animation, ..) = m.as_ref()?;
            let step = &animation.steps[step_at(animation, t)?];
            let track = &animation.tracks[step.track];
            let gap = (step.gap > 0.05).then(|| {
                format!(
                    " ({})",
                    Message::new("path-after")
                        .with("gap", dropscope_core::words::duration(step.gap))
                )
            });
            let sender = track
                .sender
                .as_ref()
                .map(|(_, s)| format!(" · {}", Message::new("path-reset-by").with("sender", s)));
            let fate = match &track.end {
                crate::layout::TrackEnd::Dropped { expected, .. }
                    if t >= track.points.last().map_or(0.0, |p| p.at) =>
                {
                    Some(format!(
                        " · {}",
                        Message::new("path-dropped").with("expected", expected)
                    ))
                }
                _ => None,
            };
            Some(format!(
                "t = {:.6} s{} · {}{}{}",
                step.time,
                gap.unwrap_or_default(),
                step.caption,
                sender.unwrap_or_default(),
                fate.unwrap_or_default()
            ))
        })
    };

    view! {
        <section
            class="path"
            aria-label=t("ui-path-animation")
            tabindex="0"
            on:keydown=on_key
            data-testid="path"
            data-frames=move || player.frames.get()
            data-playing-ms=move || format!("{:.0}", player.playing_ms.get())
            data-playing=move || player.playing.get().to_string()
        >
            <h2>{t("ui-path")}</h2>
            <p class="scene-title" data-testid="scene-title">{title}</p>
            {move || state.scene.with(|s| s.as_ref().filter(|s| s.omitted > 0).map(|s| view! {
                <p class="muted" data-testid="scene-omitted">{Message::new("ui-scene-omitted").count("played", s.journeys.len()).count("more", s.omitted).to_string()}</p>
            }))}
            <Show
                when=move || model.with(Option::is_some)
                fallback=move || view! { <p class="muted">{move || Message::new(if state.scene.with(Option::is_some) { "ui-scene-empty" } else { "ui-scene-loading" }).text(state.lang.get())}</p> }
            >
                {move || nodes_view(state, model, player, width)}
                <svg class="topology strip" viewBox=format!("0 0 {width} {HEIGHT}") role="img" aria-label=t("ui-topology")>
                    {line}
                    {stations}
                    {marks}
                    {failure}
                    {nat}
                    {dots}
                </svg>
            </Show>
            {move || state.scene.with(|s| s.as_ref().and_then(|s| s.point_of_failure.clone())).map(|point| view! {
                <p class="failure-note" data-testid="failure-note"><span class="x">"✕"</span>" "{point}</p>
            })}
            <p class="caption" data-testid="step-caption">{caption}</p>
            <div class="controls" role="group" aria-label=t("ui-playback")>
                <button title=t("ui-restart-title") on:click=move |_| player.seek(0.0)>{t("ui-restart")}</button>
                <button title=t("ui-step-back") data-testid="step-back" on:click=move |_| step_back()>"◀"</button>
                <button title=t("ui-play-title") data-testid="play" on:click=move |_| toggle()>
                    {move || Message::new(if player.playing.get() { "ui-pause" } else { "ui-play" }).text(state.lang.get())}
                </button>
                <button title=t("ui-step-forward") data-testid="step-forward" on:click=move |_| step_forward()>"▶|"</button>
                <label>
                    {t("ui-speed")}" "
                    <select data-testid="speed" prop:value=move || player.speed.get().to_string()
                        on:change=move |ev| {
                            if let Ok(speed) = event_target_value(&ev).parse() {
                                player.speed.set(speed);
                            }
                        }>
                        {SPEEDS.iter().map(|s| view! { <option value=s.to_string()>{format!("{s}×")}</option> }).collect_view()}
                    </select>
                </label>
                <input
                    type="range"
                    class="scrub"
                    data-testid="scrub"
                    aria-label=t("ui-animation-time")
                    min="0"
                    step="0.01"
                    prop:max=move || duration.get().to_string()
                    prop:value=move || format!("{:.2}", player.t.get())
                    on:input=move |ev| {
                        if let Ok(t) = event_target_value(&ev).parse::<f64>() {
                            player.seek(t);
                        }
                    }
                />
            </div>
            <p class="muted legend">
                {t("ui-path-legend")}
            </p>
        </section>
    }
}

fn short_label(label: &str) -> String {
    let label = label.strip_prefix("TCP ").unwrap_or(label);
    if let Some(rest) = label.strip_prefix("DNS ") {
        return rest
            .split_whitespace()
            .take(2)
            .collect::<Vec<_>>()
            .join(" ");
    }
    shorten(label, 14)
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let cut: String = text.chars().take(max - 1).collect();
        format!("{cut}…")
    }
}

/// The nodes picture: hosts as boxes, their interfaces, conntrack and the load balancer, the
/// packets moving on it over the same clock as the strip below.
fn nodes_view(state: AppState, model: Memo<Model>, player: Player, width: f64) -> impl IntoView {
    let t = player.t.get();
    model.with(|m| {
        let (topology, animation, failure, marks, picture) = m.as_ref()?;
        let hosts = picture
            .hosts
            .iter()
            .map(|host| {
                view! {
                    <g class="host" data-testid=format!("node-{}", host.label)>
                        <rect x=host.x y=host.y width=host.width height=host.height rx=14.0 />
                        // As many characters as the box is wide (about 7.5 units each).
                        <text class="host-name" x=host.x + 12.0 y=host.y + 20.0>{shorten(&host.label, ((host.width - 24.0) / 7.5).max(12.0) as usize)}</text>
                    </g>
                }
            })
            .collect_view();
        let unseen = picture
            .unseen
            .iter()
            .map(|u| view! {
                <g class="unseen" data-testid="unseen">
                    <rect x=u.x y=u.y width=u.width height=u.height rx=10.0 />
                    // Two short lines: one long one would run off the picture's edge.
                    {u.on_another_node.then(|| view! { <text x=u.x + u.width / 2.0 y=u.y + u.height + 14.0>{tr("picture-other-node")}</text> })}
                    <text x=u.x + u.width / 2.0 y=u.y + u.height + if u.on_another_node { 28.0 } else { 14.0 }>{tr("picture-not-captured")}</text>
                </g>
            })
            .collect_view();
        let service = picture.service.as_ref().map(|(at, label)| view! {
            <text class="service" data-testid="service" x=at.x y=at.y>{format!("Service {}", shorten(label, 40))}</text>
        });
        let wires = picture
            .wires
            .iter()
            .map(|(a, b)| view! { <line class="wire" x1=a.x y1=a.y x2=b.x y2=b.y /> })
            .collect_view();
        let waypoints = picture
            .waypoints
            .iter()
            .map(|w| {
                let testid = match (w.kind, w.host) {
                    ("conntrack", Some(host)) => format!("conntrack-{}", picture.hosts[host].label),
                    (kind, _) => kind.to_string(),
                };
                let label = tr(if w.kind == "lb" { "picture-lb" } else { "picture-conntrack" });
                view! {
                    <g class=format!("waypoint {}", w.kind) data-testid=testid>
                        <rect x=w.at.x - 46.0 y=w.at.y - 14.0 width=92.0 height=28.0 rx=6.0 />
                        <text x=w.at.x y=w.at.y + 5.0>{label}</text>
                    </g>
                }
            })
            .collect_view();
        let last = topology.stations.len() - 1;
        let places = topology
            .stations
            .iter()
            .enumerate()
            .map(|(at, station)| {
                let p = picture.places[at];
                let end = at == 0 || at == last;
                let endpoint = if at == 0 { state.scene.with_untracked(|s| s.as_ref().and_then(|s| s.client)) } else if at == last { state.scene.with_untracked(|s| s.as_ref().and_then(|s| s.server)) } else { None };
                let testid = match endpoint {
                    Some(e) if picture.host_of[at].is_some() => format!("pod-{}", e.address),
                    Some(_) => "endpoint".to_string(),
                    None => "place".to_string(),
                };
                // An end's caption goes above it, an interface's below: side by side they would
                // run into each other.
                let caption = match at {
                    0 => picture.end_captions[0].clone(),
                    _ if at == last => picture.end_captions[1].clone(),
                    _ => None,
                }
                .unwrap_or_else(|| station.caption.clone());
                let caption_y = if end { p.y - 22.0 } else { p.y + 28.0 };
                // Packed pods keep their caption as a tooltip: under them it would cross the next.
                let crowded = picture.crowded.get(at).copied().unwrap_or(false);
                let below = (!crowded).then(|| view! { <text class="place-caption" x=p.x y=caption_y>{shorten(&caption, 24)}</text> });
                view! {
                    <g class=format!("place {}", station.role) class:end=end data-testid=testid data-interface=station.label.clone()>
                        <title>{caption.clone()}</title>
                        <rect x=p.x - 30.0 y=p.y - 16.0 width=60.0 height=32.0 rx=if end { 16.0 } else { 6.0 } />
                        <text class="place-name" x=p.x y=p.y + 4.0>{shorten(&station.label, 12)}</text>
                        {below}
                    </g>
                }
            })
            .collect_view();
        let drops = marks
            .iter()
            .map(|&(station, _, count)| {
                let p = picture.places[station];
                let label = if count > 1 { format!("✕{count}") } else { "✕".to_string() };
                view! { <text class="drop-mark" x=p.x + 34.0 y=p.y - 12.0>{label}</text> }
            })
            .collect_view();
        let failed = failure.as_ref().map(|f| {
            let p = picture.places[f.station];
            view! { <circle class="failure-ring" data-testid="picture-failure" cx=p.x cy=p.y r=26.0 /> }
        });
        let dots = state.scene.with_untracked(|scene| {
            scene.as_ref().map(|scene| {
                picture_dots_at(scene, animation, picture, t)
                    .into_iter()
                    .map(|dot| {
                        let track = &animation.tracks[dot.track];
                        view! {
                            <g class=format!("packet {}", track.kind) transform=format!("translate({:.1},{:.1})", dot.at.x, dot.at.y) opacity=format!("{:.2}", dot.opacity.clamp(0.0, 1.0))>
                                <circle r=8.0 />
                                <text y=-12.0>{short_label(&track.label)}</text>
                            </g>
                        }
                    })
                    .collect_view()
            })
        });
        Some(view! {
            <svg class="nodes" data-testid="topology" viewBox=format!("0 0 {width} {PICTURE_HEIGHT}") role="img" aria-label=tr("ui-nodes-picture")>
                {hosts}
                {unseen}
                {service}
                {wires}
                {waypoints}
                {places}
                {drops}
                {failed}
                {dots}
            </svg>
        })
    })
}

//! The list of connections, those in findings and the failed ones first.

use leptos::prelude::*;

use dropscope_core::i18n::{self, Message};

use super::state::AppState;
use super::t;
use crate::protocol::Selection;

#[component]
pub(super) fn ConnectionList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let connections = move || {
        state.overview.with(|o| {
            o.as_ref()
                .map(|o| o.connections.clone())
                .unwrap_or_default()
        })
    };
    let total = move || {
        state
            .overview
            .with(|o| o.as_ref().map_or(0, |o| o.connections_total))
    };
    view! {
        <section class="connections" aria-label=t("ui-connections")>
            <h2>{move || Message::new("ui-connections-count").count("count", total()).text(state.lang.get())}</h2>
            <div class="table-wrap">
                <table>
                    <thead><tr><th>{t("ui-col-client")}</th><th>{t("ui-col-server")}</th><th>{t("ui-col-outcome")}</th><th>"SYNs"</th><th>{t("ui-col-connect-time")}</th><th></th></tr></thead>
                    <tbody>
                        <For each=connections key=|c| c.id let:connection>
                            {
                                let id = connection.id;
                                let selected = move || state.selection.get() == Some(Selection::Connection(id));
                                view! {
                                    <tr class:selected=selected data-testid=format!("connection-{id}")>
                                        <td>
                                            <button class="link" on:click=move |_| state.select(Selection::Connection(id))>
                                                {dropscope_core::names::address_label(connection.client.address, Some(connection.client.port))}
                                            </button>
                                        </td>
                                        <td>{dropscope_core::names::address_label(connection.server.address, Some(connection.server.port))}</td>
                                        <td>{move || i18n::in_language(state.lang.get(), || connection.outcome.to_string())}</td>
                                        <td>{connection.attempts}</td>
                                        <td>{connection.time_to_connect.map(dropscope_core::words::duration).unwrap_or_default()}</td>
                                        <td>
                                            <button class="link" title=t("ui-export-evidence") data-testid=format!("export-connection-{id}")
                                                on:click=move |_| state.send(crate::protocol::Request::ExportEvidence { selection: Selection::Connection(id) })>
                                                "pcapng"
                                            </button>
                                        </td>
                                    </tr>
                                }
                            }
                        </For>
                    </tbody>
                </table>
            </div>
            <Show when=move || { total() > connections().len() }>
                <p class="muted">{move || Message::new("ui-connections-first").count("count", connections().len()).text(state.lang.get())}</p>
            </Show>
        </section>
    }
}

//! The manual decisions of the round, with their reasons, each removable.

use crate::core::edit::Edit;
use crate::core::model::*;
use crate::i18n::{Lang, T};
use crate::ui::state::use_state;
use leptos::prelude::*;

#[component]
pub(super) fn DecisionsTab() -> impl IntoView {
    let state = use_state();
    move || {
        let lang = state.lang.get();
        state.workspace.with(|ws| {
            let decisions = ws.open_round().map(|r| r.decisions.clone()).unwrap_or_default();
            let name = |nip: &Nip| ws.asn.iter().find(|a| &a.nip == nip).map_or_else(|| nip.to_string(), |a| a.name.clone());
            let pos = |id: &PositionId| ws.positions.iter().find(|p| &p.id == id).map_or_else(|| id.0.clone(), |p| ws.seat_name(p));
            let audit: Vec<AuditEntry> = ws.audit.iter().rev().take(100).cloned().collect();
            view! {
                <h3>{T::Decisions.text(lang)}</h3>
                {if decisions.is_empty() {
                    view! { <p>{T::NoDecisions.text(lang)}</p> }.into_any()
                } else {
                    view! {
                        <table class="data" data-testid="decisions-table">
                            <thead>
                                <tr>
                                    <th scope="col">{T::ColName.text(lang)}</th>
                                    <th scope="col">{T::Action.text(lang)}</th>
                                    <th scope="col">{T::ColReason.text(lang)}</th>
                                    <th scope="col">{T::When.text(lang)}</th>
                                    <th scope="col"></th>
                                </tr>
                            </thead>
                            <tbody>
                                {decisions
                                    .into_iter()
                                    .map(|d| {
                                        let action = match &d.action {
                                            DecisionAction::Assign(p) => format!("{} {}", T::DecideAssign.text(lang), pos(p)),
                                            DecisionAction::Stay => T::Stays.text(lang).to_string(),
                                        };
                                        let nip = d.asn.clone();
                                        let who = name(&d.asn);
                                        view! {
                                            <tr>
                                                <td>{who.clone()}</td>
                                                <td>{action}</td>
                                                <td>{reason_text(&d, lang)}</td>
                                                <td>{d.at.clone()}</td>
                                                <td>
                                                    <button
                                                        type="button"
                                                        on:click=move |_| {
                                                            let _ = state.apply(Edit::Undecide { asn: nip.clone() });
                                                        }
                                                    >
                                                        {T::Remove.text(lang)}
                                                    </button>
                                                </td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    }
                        .into_any()
                }}
                <h3>{T::AuditLog.text(lang)}</h3>
                <table class="data compact" data-testid="audit-log">
                    <thead>
                        <tr>
                            <th scope="col">{T::When.text(lang)}</th>
                            <th scope="col">{T::Action.text(lang)}</th>
                            <th scope="col">{T::ColReason.text(lang)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {audit
                            .into_iter()
                            .map(|a| {
                                view! {
                                    <tr>
                                        <td>{a.at}</td>
                                        <td>{a.action} ": " {a.detail}</td>
                                        <td>{a.reason.unwrap_or_default()}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            }
        })
    }
}

/// A decision's reason; one made by accepting an objection says so first
/// ("Keberatan #1 diterima: …").
fn reason_text(d: &Decision, lang: Lang) -> String {
    match d.comment {
        Some(id) => format!(
            "{} #{id} {}: {}",
            T::Objection.text(lang),
            T::StatusAccepted.text(lang),
            d.reason
        ),
        None => d.reason.clone(),
    }
}

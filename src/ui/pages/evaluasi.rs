//! Evaluasi: what exists so far (the moves that took effect).

use crate::i18n::{format_date, T};
use crate::ui::state::use_state;
use leptos::prelude::*;

/// Evaluasi: the moves of earlier rounds.
#[component]
pub fn EvaluasiPage() -> impl IntoView {
    let state = use_state();
    move || {
        let lang = state.lang.get();
        state.workspace.with(|ws| {
            let idx = ws.index();
            let name_of = |nip: &crate::core::model::Nip| {
                idx.asn.get(nip).map(|a| a.name.clone()).unwrap_or_default()
            };
            let pos_of = |id: Option<&crate::core::model::PositionId>| {
                id.and_then(|id| idx.positions.get(id))
                    .map(|p| p.name.clone())
                    .unwrap_or_default()
            };
            view! {
                <section class="page" aria-labelledby="evaluasi-title">
                    <h2 id="evaluasi-title">{T::NavEvaluasi.text(lang)}</h2>
                    <p>{T::EvaluasiIntro.text(lang)}</p>
                    <h3>{T::PastMoves.text(lang)} " (" {ws.moves.len()} ")"</h3>
                    <div class="table-wrap">
                        <table class="data" data-testid="moves-table">
                            <thead>
                                <tr>
                                    <th scope="col">{T::ColName.text(lang)}</th>
                                    <th scope="col">{T::From.text(lang)}</th>
                                    <th scope="col">{T::To.text(lang)}</th>
                                    <th scope="col">{T::EffectiveDate.text(lang)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {ws.moves
                                    .iter()
                                    .map(|m| {
                                        view! {
                                            <tr>
                                                <td>{name_of(&m.asn)}</td>
                                                <td>{pos_of(m.from.as_ref())}</td>
                                                <td>{pos_of(Some(&m.to))}</td>
                                                <td>{format_date(m.effective, lang)}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    </div>
                </section>
            }
        })
    }
}

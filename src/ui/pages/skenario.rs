//! Skenario: the scenarios of the open round with their mode, weights and
//! rules (read-only until the matching engine arrives).

use crate::core::model::MatchMode;
use crate::i18n::T;
use crate::ui::components::item;
use crate::ui::state::use_state;
use leptos::prelude::*;

/// The page.
#[component]
pub fn SkenarioPage() -> impl IntoView {
    let state = use_state();
    move || {
        let lang = state.lang.get();
        state.workspace.with(|ws| {
            let scenarios = ws
                .rounds
                .iter()
                .rev()
                .find(|r| !r.openings.is_empty())
                .map(|r| r.scenarios.clone())
                .unwrap_or_default();
            view! {
                <section class="page" aria-labelledby="skenario-title">
                    <h2 id="skenario-title">{T::NavSkenario.text(lang)}</h2>
                    <p>{T::SkenarioIntro.text(lang)}</p>
                    <div class="cards">
                        {scenarios
                            .into_iter()
                            .map(|s| {
                                let w = &s.weights;
                                let r = &s.rules;
                                view! {
                                    <article class="card" data-testid="scenario-card">
                                        <h3>{s.name.clone()}</h3>
                                        <p>
                                            {T::Mode.text(lang)} ": "
                                            {match s.mode {
                                                MatchMode::Optimal => T::ModeOptimal.text(lang),
                                                MatchMode::Stable => T::ModeStable.text(lang),
                                            }}
                                        </p>
                                        <h4>{T::Weights.text(lang)}</h4>
                                        <dl>
                                            {[
                                                (T::WeightFit, w.fit),
                                                (T::WeightPreference, w.preference),
                                                (T::WeightPriority, w.priority),
                                                (T::WeightDistance, w.distance),
                                                (T::WeightStability, w.stability),
                                                (T::WeightRefreshment, w.refreshment),
                                                (T::RuleMinTenure, r.min_months_in_position),
                                                (T::RuleMaxTenure, r.max_months_in_position),
                                                (T::RuleRetirement, r.retirement_buffer_months),
                                                (T::RuleSanction, r.sanction_lookback_months),
                                            ]
                                                .into_iter()
                                                .map(|(label, value)| item(label, lang, value.to_string()))
                                                .collect_view()}
                                        </dl>
                                    </article>
                                }
                            })
                            .collect_view()}
                    </div>
                </section>
            }
        })
    }
}

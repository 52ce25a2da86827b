//! Scenarios side by side: their metrics and the people whose outcome
//! differs.

use crate::core::engine::report::{self};
use crate::core::engine::{self, Plan};
use crate::i18n::{format_decimal, T};
use crate::ui::pages::labels::*;
use crate::ui::state::use_state;
use leptos::prelude::*;

/// Plans of every scenario; equal only when they are the same computation.
#[derive(Clone)]
struct AllPlans(Vec<(String, std::sync::Arc<Plan>)>);

impl PartialEq for AllPlans {
    fn eq(&self, other: &Self) -> bool {
        self.0.len() == other.0.len()
            && self
                .0
                .iter()
                .zip(&other.0)
                .all(|(a, b)| std::sync::Arc::ptr_eq(&a.1, &b.1))
    }
}

#[component]
pub(super) fn CompareTab() -> impl IntoView {
    let state = use_state();
    let plans = Memo::new(move |_| {
        state.workspace.with(|ws| {
            let Some(round) = ws.open_round() else {
                return AllPlans(Vec::new());
            };
            AllPlans(
                engine::plan_all(ws, round)
                    .into_iter()
                    .filter_map(|(id, p)| {
                        let name = round
                            .scenarios
                            .iter()
                            .find(|s| s.id == id)
                            .map(|s| s.name.clone())
                            .unwrap_or_default();
                        p.ok().map(|plan| (name, std::sync::Arc::new(plan)))
                    })
                    .collect::<Vec<_>>(),
            )
        })
    });
    move || {
        let lang = state.lang.get();
        let list = plans.get().0;
        state.workspace.with(|ws| {
            let metric_rows: Vec<(T, Vec<String>)> = vec![
                (T::Moves, list.iter().map(|(_, p)| p.metrics.moves.to_string()).collect()),
                (T::MeanFit, list.iter().map(|(_, p)| format_decimal(i64::from(p.metrics.mean_fit_milli), 3, 2, lang)).collect()),
                (T::JpmCategories, list.iter().map(|(_, p)| format!("{}/{}/{}", p.metrics.ms, p.metrics.mms, p.metrics.kms)).collect()),
                (T::FirstChoice, list.iter().map(|(_, p)| p.metrics.first_choice.to_string()).collect()),
                (T::TopThree, list.iter().map(|(_, p)| p.metrics.top_three.to_string()).collect()),
                (T::OpeningsFilled, list.iter().map(|(_, p)| format!("{}/{}", p.metrics.openings_filled, p.metrics.openings)).collect()),
                (T::UrgentFilled, list.iter().map(|(_, p)| format!("{}/{}", p.metrics.urgent_filled, p.metrics.urgent)).collect()),
                (T::TotalDistance, list.iter().map(|(_, p)| format!("{} km", p.metrics.total_distance_km)).collect()),
                (T::JustifiedEnvy, list.iter().map(|(_, p)| p.metrics.justified_envy.to_string()).collect()),
                (T::Objective, list.iter().map(|(_, p)| p.metrics.objective.to_string()).collect()),
            ];
            let refs: Vec<&Plan> = list.iter().map(|(_, p)| p.as_ref()).collect();
            let diffs = if refs.len() > 1 { report::differences(ws, &refs) } else { Vec::new() };
            let n_diffs = diffs.len();
            view! {
                <p>{T::CompareIntro.text(lang)}</p>
                <table class="data" data-testid="compare-table">
                    <thead>
                        <tr>
                            <th scope="col">{T::Metric.text(lang)}</th>
                            {list.iter().map(|(name, _)| view! { <th scope="col">{name.clone()}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {metric_rows
                            .into_iter()
                            .map(|(label, values)| {
                                view! {
                                    <tr>
                                        <th scope="row">{label.text(lang)}</th>
                                        {values.into_iter().map(|v| view! { <td class="num">{v}</td> }).collect_view()}
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
                <h3>{T::DifferentOutcomes.text(lang)} " (" <span data-testid="diff-count">{n_diffs}</span> ")"</h3>
                <table class="data compact">
                    <thead>
                        <tr>
                            <th scope="col">{T::ColName.text(lang)}</th>
                            {list.iter().map(|(name, _)| view! { <th scope="col">{name.clone()}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {diffs
                            .into_iter()
                            .take(200)
                            .map(|(a, outcomes)| {
                                let current = ws.asn[a].position.as_ref().and_then(|c| ws.positions.iter().position(|p| p.id == c.position));
                                view! {
                                    <tr>
                                        <td>{ws.asn[a].name.clone()}</td>
                                        {outcomes
                                            .into_iter()
                                            .map(|o| {
                                                let text = if o == current { T::Stays.text(lang).to_string() } else { position_label(ws, o) };
                                                view! { <td>{text}</td> }
                                            })
                                            .collect_view()}
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

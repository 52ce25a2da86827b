//! Scenarios side by side: their metrics and the people whose outcome
//! differs; and the active scenario in both modes (optimal, two-phase
//! stable), so the trade-off between them stays visible.

use crate::core::engine::report::{self};
use crate::core::engine::{self, Plan};
use crate::i18n::{format_count, format_decimal, T};
use crate::ui::components::{Pager, PER_PAGE};
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
    let page = RwSignal::new(0usize);
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
                (T::TotalDistance, list.iter().map(|(_, p)| format!("{} km", format_count(p.metrics.total_distance_km as usize, lang))).collect()),
                (T::JustifiedEnvy, list.iter().map(|(_, p)| p.metrics.justified_envy.to_string()).collect()),
                (T::Objective, list.iter().map(|(_, p)| crate::ui::pages::labels::signed_count(p.metrics.objective, lang)).collect()),
            ];
            let refs: Vec<&Plan> = list.iter().map(|(_, p)| p.as_ref()).collect();
            let diffs = if refs.len() > 1 { report::differences(ws, &refs) } else { Vec::new() };
            let n_diffs = diffs.len();
            let (_, range) = crate::core::browse::page_range(n_diffs, page.get(), PER_PAGE);
            view! {
                <ModesTable />
                <p>{T::CompareIntro.text(lang)}</p>
                <table class="data" data-testid="compare-table">
                    <thead>
                        <tr>
                            <th scope="col">{T::Metric.text(lang)}</th>
                            {list.iter().map(|(name, _)| view! { <th scope="col" class="num">{name.clone()}</th> }).collect_view()}
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
                <table class="data compact" data-testid="diff-table">
                    <thead>
                        <tr>
                            <th scope="col">{T::ColName.text(lang)}</th>
                            {list.iter().map(|(name, _)| view! { <th scope="col">{name.clone()}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {diffs
                            .into_iter()
                            .skip(range.start)
                            .take(range.len())
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
                {(n_diffs > PER_PAGE).then(|| view! { <Pager total=Signal::derive(move || n_diffs) page=page testid="diff-pager" /> })}
            }
        })
    }
}

/// The active scenario planned in both modes, side by side: openings
/// filled, mean fit, wishes granted, justified envy (overall and phase 1).
#[component]
fn ModesTable() -> impl IntoView {
    let state = use_state();
    let plans = Memo::new(move |_| {
        let id = state.scenario_id();
        state.workspace.with(|ws| {
            let round = ws.open_round()?;
            let scenario = round.scenarios.iter().find(|s| s.id == id)?;
            let both: Vec<std::sync::Arc<Plan>> = [engine::Mode::Optimal, engine::Mode::Stable]
                .into_iter()
                .filter_map(|mode| {
                    let mut s = scenario.clone();
                    s.mode = mode;
                    engine::plan(&engine::model::RoundInput {
                        ws,
                        round,
                        scenario: &s,
                    })
                    .ok()
                    .map(std::sync::Arc::new)
                })
                .collect();
            (both.len() == 2)
                .then(|| AllPlans(both.into_iter().map(|p| (String::new(), p)).collect()))
        })
    });
    move || {
        let lang = state.lang.get();
        let Some(AllPlans(list)) = plans.get() else {
            return ().into_any();
        };
        let m = |i: usize| list[i].1.metrics.clone();
        let (o, s) = (m(0), m(1));
        let phases = s.phases.clone().unwrap_or_default();
        let count = |n: usize| crate::i18n::format_count(n, lang);
        let rows: Vec<(String, String, String)> = vec![
            (T::Moves.text(lang).into(), count(o.moves), count(s.moves)),
            (
                T::OpeningsFilled.text(lang).into(),
                format!("{}/{}", count(o.openings_filled), count(o.openings)),
                format!("{}/{}", count(s.openings_filled), count(s.openings)),
            ),
            (
                T::MeanFit.text(lang).into(),
                format_decimal(i64::from(o.mean_fit_milli), 3, 2, lang),
                format_decimal(i64::from(s.mean_fit_milli), 3, 2, lang),
            ),
            (
                format!("{} / {}", T::FirstChoice.text(lang), T::TopThree.text(lang)),
                format!("{} / {}", count(o.first_choice), count(o.top_three)),
                format!("{} / {}", count(s.first_choice), count(s.top_three)),
            ),
            (
                T::JustifiedEnvy.text(lang).into(),
                count(o.justified_envy),
                count(s.justified_envy),
            ),
            (
                format!(
                    "{} · {}",
                    T::PhaseWishesSummary.text(lang),
                    T::WishEnvy.text(lang)
                ),
                "–".into(),
                count(phases.wish_envy),
            ),
            (
                format!(
                    "{} ({})",
                    T::PhaseWishesSummary.text(lang),
                    T::PhaseMovesOpenings.text(lang)
                ),
                "–".into(),
                format!(
                    "{} · {}",
                    count(phases.wish_moves),
                    count(phases.wish_openings_filled)
                ),
            ),
            (
                format!(
                    "{} ({})",
                    T::PhaseNeedsSummary.text(lang),
                    T::PhaseMovesOpenings.text(lang)
                ),
                "–".into(),
                format!(
                    "{} · {}",
                    count(phases.need_moves),
                    count(phases.need_openings_filled)
                ),
            ),
        ];
        view! {
            <h3>{T::ModesTitle.text(lang)}</h3>
            <table class="data" data-testid="modes-table">
                <thead>
                    <tr>
                        <th scope="col">{T::Metric.text(lang)}</th>
                        <th scope="col" class="num">{T::ModeOptimal.text(lang)}</th>
                        <th scope="col" class="num">{T::ModeStable.text(lang)}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|(label, a, b)| {
                            view! {
                                <tr>
                                    <th scope="row">{label}</th>
                                    <td class="num">{a}</td>
                                    <td class="num">{b}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
            <p class="help">{T::EnvyHelp.text(lang)}</p>
        }
        .into_any()
    }
}

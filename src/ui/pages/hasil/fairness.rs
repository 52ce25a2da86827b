//! The fairness report: outcomes by group, preference satisfaction and
//! far moves.

use crate::core::engine::report::{self, Grouping};
use crate::i18n::{format_count, format_decimal, T};
use crate::ui::pages::labels::*;
use crate::ui::state::use_state;
use leptos::prelude::*;

#[component]
pub(super) fn FairnessTab() -> impl IntoView {
    let state = use_state();
    move || {
        let lang = state.lang.get();
        with_plan(state, |input, plan| {
            let ws = input.ws;
            let groups = [
                (Grouping::Gender, T::ByGender),
                (Grouping::GolonganGroup, T::ByGolongan),
                (Grouping::AgeBand, T::ByAge),
                (Grouping::Agency, T::ByAgency),
                (Grouping::Regency, T::ByRegency),
            ];
            let dist = report::preference_distribution(plan);
            let far = report::far_moves(plan);
            view! {
                {groups
                    .into_iter()
                    .map(|(g, title)| {
                        let rows = report::outcomes_by(ws, plan, g);
                        view! {
                            <h3>{title.text(lang)}</h3>
                            {outcomes_table(rows, format!("fairness-{g:?}"), lang)}
                        }
                    })
                    .collect_view()}
                <h3>{T::PrefDistribution.text(lang)}</h3>
                <table class="data compact" data-testid="preference-distribution">
                    <tbody>
                        {["1", "2", "3"]
                            .into_iter()
                            .map(String::from)
                            .chain([T::Later.text(lang).to_string(), T::NoPreferenceStated.text(lang).to_string()])
                            .zip(dist)
                            .map(|(label, n)| view! { <tr><th scope="row">{label}</th><td class="num">{n}</td></tr> })
                            .collect_view()}
                    </tbody>
                </table>
                <h3>{T::FarMoves.text(lang)} " (" {far.len()} ")"</h3>
                <ul data-testid="far-moves">
                    {far
                        .into_iter()
                        .take(50)
                        .map(|(row, km)| {
                            let asn = &ws.asn[plan.person(row)];
                            view! { <li>{format!("{} · {} → {} km", asn.name, asn.domicile.name(), km)}</li> }
                        })
                        .collect_view()}
                </ul>
            }
        })
    }
}

/// "12%", or "—" of nothing.
fn pct(a: usize, b: usize) -> String {
    if b == 0 {
        "—".to_string()
    } else {
        format!("{:.0}%", a as f64 * 100.0 / b as f64)
    }
}

/// Outcomes by group as a table (the fairness tab, the meeting agenda).
pub(crate) fn outcomes_table(
    rows: Vec<report::GroupOutcome>,
    testid: String,
    lang: crate::i18n::Lang,
) -> impl IntoView {
    view! {
        <table class="data compact" data-testid=testid>
            <thead>
                <tr>
                    <th scope="col">{T::Group.text(lang)}</th>
                    <th scope="col" class="num">{T::InRound.text(lang)}</th>
                    <th scope="col" class="num">{T::MovedShare.text(lang)}</th>
                    <th scope="col" class="num">{T::MeanFit.text(lang)}</th>
                    <th scope="col" class="num">{T::PrefMet.text(lang)}</th>
                    <th scope="col" class="num">{T::FarMoves.text(lang)}</th>
                    <th scope="col" class="num">{T::ColPromoted.text(lang)}</th>
                </tr>
            </thead>
            <tbody>
                {rows
                    .into_iter()
                    .map(|o| {
                        view! {
                            <tr>
                                <th scope="row">{o.group.clone()}</th>
                                <td class="num">{format_count(o.people, lang)}</td>
                                <td class="num">{format!("{} ({})", o.moved, pct(o.moved, o.people))}</td>
                                <td class="num">{format_decimal(i64::from(o.mean_fit_milli), 3, 2, lang)}</td>
                                <td class="num">{format!("{}/{}", o.preference_met, o.with_preferences)}</td>
                                <td class="num">{o.far}</td>
                                <td class="num" data-promoted=o.promoted>{o.promoted}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

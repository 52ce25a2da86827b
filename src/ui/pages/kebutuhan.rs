//! Kebutuhan: the needs analysis of the open round, per agency and per
//! opened position.

use crate::core::browse::needs_by_agency;
use crate::i18n::{format_count, format_date, T};
use crate::ui::state::use_state;
use leptos::prelude::*;

/// The page.
#[component]
pub fn KebutuhanPage() -> impl IntoView {
    let state = use_state();
    move || {
        let lang = state.lang.get();
        state.workspace.with(|ws| {
            let Some(round) = ws.rounds.iter().rev().find(|r| !r.openings.is_empty()) else {
                return view! {
                    <section class="page">
                        <h2>{T::NavKebutuhan.text(lang)}</h2>
                        <p>{T::KebutuhanEmpty.text(lang)}</p>
                    </section>
                }
                .into_any();
            };
            let idx = ws.index();
            let needs = needs_by_agency(ws, round);
            let max_slots = needs.iter().map(|n| n.slots).max().unwrap_or(1).max(1);
            let total_slots: u32 = round.openings.iter().map(|o| o.slots).sum();
            let mut openings: Vec<_> = round.openings.iter().collect();
            openings.sort_by(|a, b| b.priority.cmp(&a.priority).then(a.position.cmp(&b.position)));
            view! {
                <section class="page" aria-labelledby="kebutuhan-title">
                    <h2 id="kebutuhan-title">{T::NavKebutuhan.text(lang)}</h2>
                    <p>{T::KebutuhanIntro.text(lang)}</p>
                    <p>
                        <strong>{round.name.clone()}</strong> " · " {T::EffectiveDate.text(lang)} " "
                        {format_date(round.effective_date, lang)} " · " {T::OpenedPositions.text(lang)} ": "
                        <span data-testid="openings-count">{round.openings.len()}</span> " · "
                        {T::TotalSlots.text(lang)} ": " {format_count(total_slots as usize, lang)}
                    </p>
                    <h3>{T::PerAgency.text(lang)}</h3>
                    <table class="data" data-testid="needs-by-agency">
                        <thead>
                            <tr>
                                <th scope="col">{T::ColAgency.text(lang)}</th>
                                <th scope="col">{T::OpenedPositions.text(lang)}</th>
                                <th scope="col">{T::ColSlots.text(lang)}</th>
                                <th scope="col">{T::ColGap.text(lang)}</th>
                                <th scope="col" aria-hidden="true"></th>
                            </tr>
                        </thead>
                        <tbody>
                            {needs
                                .into_iter()
                                .map(|n| {
                                    let width = format!("{}%", n.slots * 100 / max_slots);
                                    view! {
                                        <tr>
                                            <td>{n.short_name}</td>
                                            <td class="num">{n.openings}</td>
                                            <td class="num">{n.slots}</td>
                                            <td class="num">{n.shortage}</td>
                                            <td class="bar-cell" aria-hidden="true">
                                                <span class="bar" style:width=width></span>
                                            </td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                    <h3>{T::OpenedPositions.text(lang)}</h3>
                    <table class="data" data-testid="openings-table">
                        <thead>
                            <tr>
                                <th scope="col">{T::ColPosition.text(lang)}</th>
                                <th scope="col">{T::ColAgency.text(lang)}</th>
                                <th scope="col">{T::ColSlots.text(lang)}</th>
                                <th scope="col">{T::ColPriority.text(lang)}</th>
                                <th scope="col">{T::ColReason.text(lang)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {openings
                                .into_iter()
                                .map(|o| {
                                    let p = idx.positions.get(&o.position);
                                    view! {
                                        <tr>
                                            <td>{p.map(|p| p.name.clone())}</td>
                                            <td>
                                                {p.and_then(|p| idx.agency_of(p)).map(|a| a.short_name.clone())}
                                            </td>
                                            <td class="num">{o.slots}</td>
                                            <td>{o.priority.label()}</td>
                                            <td>{o.reason.clone()}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                </section>
            }
            .into_any()
        })
    }
}

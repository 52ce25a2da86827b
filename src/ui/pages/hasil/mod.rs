//! Hasil: the plan of the active scenario. One module per tab: `plan`
//! (moves, chains, vacancies, open selection), `explain` (one outcome's
//! explanation with manual decisions and comments), `decisions`,
//! `compare` (scenarios side by side) and `fairness`; the Sosialisasi
//! tab lives in `pages::sosialisasi`. Labels shared with other pages are in
//! `pages::labels`.

mod compare;
mod decisions;
mod explain;
pub(crate) mod fairness;
mod plan;

use crate::i18n::T;
use crate::ui::components::TabBar;
use crate::ui::pages::skenario::PlanSummary;
use crate::ui::state::use_state;
use compare::CompareTab;
use decisions::DecisionsTab;
use fairness::FairnessTab;
use leptos::prelude::*;
use plan::PlanTab;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tab {
    Plan,
    Compare,
    Fairness,
    Decisions,
    Social,
    Procedure,
}

/// The page.
#[component]
pub fn HasilPage() -> impl IntoView {
    let state = use_state();
    let tab = RwSignal::new(Tab::Plan);
    let tabs = [
        (Tab::Plan, T::TabPlan, "tab-plan"),
        (Tab::Compare, T::TabCompare, "tab-compare"),
        (Tab::Fairness, T::TabFairness, "tab-fairness"),
        (Tab::Decisions, T::TabDecisions, "tab-decisions"),
        (Tab::Social, T::TabSocial, "tab-social"),
        (Tab::Procedure, T::TabProcedure, "tab-procedure"),
    ];
    view! {
        <section class="page" aria-labelledby="hasil-title">
            <h2 id="hasil-title">{move || state.t(T::NavHasil)}</h2>
            <PlanSummary />
            <crate::ui::pages::decree::DecreePanel />
            <TabBar tabs=tabs.to_vec() active=tab />
            <div role="tabpanel">
                {move || match tab.get() {
                    Tab::Plan => view! { <PlanTab /> }.into_any(),
                    Tab::Compare => view! { <CompareTab /> }.into_any(),
                    Tab::Fairness => view! { <FairnessTab /> }.into_any(),
                    Tab::Decisions => view! { <DecisionsTab /> }.into_any(),
                    Tab::Social => view! { <crate::ui::pages::sosialisasi::SosialisasiTab /> }.into_any(),
                    Tab::Procedure => view! { <crate::ui::pages::procedure::ProcedureTab /> }.into_any(),
                }}
            </div>
        </section>
    }
}

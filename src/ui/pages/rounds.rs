//! The open round and its scenarios, made in the app: a first round from a
//! blank workspace, a new round (name, planned TMT), the open round's name
//! and TMT, a new scenario from the standard settings and a scenario's
//! name. Every change is an audited `Edit`.

use crate::core::date::Date;
use crate::core::edit::{Applied, Edit};
use crate::i18n::T;
use crate::ui::state::use_state;
use leptos::prelude::*;

/// The first of the month after next: a round's usual planned TMT.
fn default_tmt(today: Date) -> Date {
    today.first_of_next_month().first_of_next_month()
}

/// A round's name and TMT, with the button that saves them.
#[component]
fn RoundForm(
    /// Test ids start with this ("round-new", "round-edit").
    prefix: &'static str,
    name: String,
    tmt: Date,
    button: T,
    on_save: impl Fn(String, Date) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let state = use_state();
    let name = RwSignal::new(name);
    let tmt = RwSignal::new(tmt.to_string());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match Date::parse_iso(&tmt.get_untracked()) {
            Ok(date) => on_save(name.get_untracked(), date),
            Err(_) => state.notify(true, state.t(T::RoundTmtInvalid)),
        }
    };
    view! {
        <form class="round-form" data-testid=prefix on:submit=save>
            <label>
                <span>{move || state.t(T::RoundName)}</span>
                <input
                    type="text"
                    required
                    data-testid=format!("{prefix}-name")
                    prop:value=name
                    on:input=move |ev| name.set(event_target_value(&ev))
                />
            </label>
            <label>
                <span>{move || state.t(T::RoundTmt)}</span>
                <input
                    type="date"
                    required
                    data-testid=format!("{prefix}-date")
                    prop:value=tmt
                    on:change=move |ev| tmt.set(event_target_value(&ev))
                />
            </label>
            <button type="submit" class="primary" data-testid=format!("{prefix}-save")>
                {move || state.t(button)}
            </button>
        </form>
    }
}

/// Starts a round; the app switches to its scenario.
fn start_round(state: crate::ui::state::AppState, name: String, effective_date: Date) -> bool {
    match state.apply(Edit::NewRound {
        name,
        effective_date,
    }) {
        Ok(Applied { new_scenario, .. }) => {
            state.scenario.set(new_scenario.unwrap_or_default());
            true
        }
        Err(_) => false,
    }
}

/// No round yet: what a round is, and the form that starts the first.
#[component]
pub fn FirstRound() -> impl IntoView {
    let state = use_state();
    let tmt = default_tmt(state.today);
    view! {
        <section class="panel first-round" data-testid="first-round">
            <h3>{move || state.t(T::FirstRoundTitle)}</h3>
            <p>{move || state.t(T::FirstRoundHelp)}</p>
            <RoundForm
                prefix="round-new"
                name=String::new()
                tmt=tmt
                button=T::CreateRound
                on_save=move |name, date| {
                    start_round(state, name, date);
                }
            />
        </section>
    }
}

/// The open round: its name and TMT (editable), and a new round.
#[component]
pub fn RoundBar() -> impl IntoView {
    let state = use_state();
    // Which form is open: none, the open round's, or a new round's.
    let form = RwSignal::new(None::<&'static str>);
    let round = Memo::new(move |_| {
        state.workspace.with(|ws| {
            ws.open_round()
                .map(|r| (r.id.clone(), r.name.clone(), r.effective_date))
        })
    });
    let toggle = move |which: &'static str| {
        form.update(|f| *f = if *f == Some(which) { None } else { Some(which) })
    };
    move || {
        let (id, name, tmt) = round.get()?;
        Some(view! {
            <div class="round-bar" data-testid="round-bar" data-round=id>
                <p>
                    {state.t(T::RoundTitle)} ": " <strong data-testid="round-name">{name.clone()}</strong>
                    " · " {state.t(T::RoundTmt)} " " <span data-testid="round-tmt">{tmt.to_dmy()}</span>
                </p>
                <div class="actions">
                    <button type="button" data-testid="round-edit-open" aria-expanded=move || (form.get() == Some("edit")).to_string() on:click=move |_| toggle("edit")>
                        {move || state.t(T::EditRound)}
                    </button>
                    <button type="button" data-testid="round-new-open" aria-expanded=move || (form.get() == Some("new")).to_string() on:click=move |_| toggle("new")>
                        {move || state.t(T::NewRound)}
                    </button>
                </div>
                {move || match form.get() {
                    Some("edit") => Some(view! {
                        <RoundForm
                            prefix="round-edit"
                            name=name.clone()
                            tmt=tmt
                            button=T::Save
                            on_save=move |name, effective_date| {
                                if state.apply(Edit::SetRound { name, effective_date }).is_ok() {
                                    form.set(None);
                                }
                            }
                        />
                    }.into_any()),
                    Some(_) => Some(view! {
                        <p class="help">{state.t(T::NewRoundHelp)}</p>
                        <RoundForm
                            prefix="round-new"
                            name=String::new()
                            tmt=default_tmt(state.today)
                            button=T::CreateRound
                            on_save=move |name, date| {
                                if start_round(state, name, date) {
                                    form.set(None);
                                }
                            }
                        />
                    }.into_any()),
                    None => None,
                }}
            </div>
        })
    }
}

/// A new scenario with the standard settings, and the active one's name.
#[component]
pub fn ScenarioNaming() -> impl IntoView {
    let state = use_state();
    let current = Memo::new(move |_| {
        let id = state.scenario_id();
        state.workspace.with(|ws| {
            ws.open_round()
                .and_then(|r| r.scenarios.iter().find(|s| s.id == id))
                .map(|s| (s.id.clone(), s.name.clone()))
        })
    });
    let name = RwSignal::new(String::new());
    // The field follows the active scenario.
    Effect::new(move |_| {
        if let Some((_, n)) = current.get() {
            name.set(n);
        }
    });
    let rename = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some((id, _)) = current.get_untracked() {
            let _ = state.apply(Edit::RenameScenario {
                id,
                name: name.get_untracked(),
            });
        }
    };
    let create = move |_| {
        let n = state
            .workspace
            .with_untracked(|ws| ws.open_round().map_or(0, |r| r.scenarios.len()))
            + 1;
        let name = format!("{} {n}", state.t(T::ScenarioWord));
        if let Ok(Applied {
            new_scenario: Some(id),
            ..
        }) = state.apply(Edit::NewScenario { name })
        {
            state.scenario.set(id);
        }
    };
    view! {
        <form class="scenario-naming" on:submit=rename>
            <label>
                <span>{move || state.t(T::ScenarioName)}</span>
                <input type="text" data-testid="scenario-name" prop:value=name on:input=move |ev| name.set(event_target_value(&ev)) />
            </label>
            <button type="submit" data-testid="scenario-rename">{move || state.t(T::Rename)}</button>
            <button type="button" data-testid="scenario-new" on:click=create>{move || state.t(T::NewScenario)}</button>
        </form>
    }
}

//! The round's procedure in the pages: the status bar every page shows
//! (the five steps, the version in force and its fingerprint), and Hasil's
//! Prosedur tab, where each step is taken deliberately — with a
//! confirmation, and a reason where the procedure asks for one — and every
//! frozen version stays listed with its fingerprint and whether the
//! workspace still matches it.

use crate::core::date::Date;
use crate::core::edit::Edit;
use crate::core::model::RoundStatus;
use crate::core::procedure::{self, short};
use crate::i18n::T;
use crate::messages::edit::status_key;
use crate::ui::browser::now_iso;
use crate::ui::state::{use_state, AppState};
use leptos::prelude::*;

/// The open round's status and its version in force (number and
/// fingerprint), if it has a round.
fn round_status(state: AppState) -> Option<(RoundStatus, Option<(u32, String)>)> {
    state.workspace.with(|ws| {
        ws.open_round().map(|r| {
            let version = r
                .procedure
                .current()
                .map(|v| (v.number, v.fingerprint.clone()));
            (r.procedure.status, version)
        })
    })
}

/// On every page: where the round is in its procedure.
#[component]
pub fn RoundStatusBar() -> impl IntoView {
    let state = use_state();
    let current = Memo::new(move |_| round_status(state));
    move || {
        let lang = state.lang.get();
        let (status, version) = current.get()?;
        Some(view! {
            <nav class="round-status" data-testid="round-status" data-status=status.code() aria-label=T::RoundStatusLabel.text(lang)>
                <span class="label">{T::RoundStatusLabel.text(lang)} ": "</span>
                <ol class="steps">
                    {RoundStatus::ALL
                        .into_iter()
                        .map(|s| {
                            let here = s == status;
                            view! {
                                <li class:done=s < status class:current=here aria-current=here.then_some("step")>
                                    {status_key(s).text(lang)}
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
                {version
                    .map(|(number, fingerprint)| {
                        view! {
                            <span class="version" data-testid="round-version" data-fingerprint=fingerprint.clone()>
                                "v" {number} " · " {T::Fingerprint.text(lang)} " " <code>{short(&fingerprint)}</code>
                            </span>
                        }
                    })}
            </nav>
        })
    }
}

/// A text field's value, trimmed.
fn value_of(ev: &leptos::ev::Event) -> String {
    event_target_value(ev).trim().to_string()
}

/// Asks before a step; `true` to go on.
fn confirmed(text: &str) -> bool {
    window().confirm_with_message(text).unwrap_or(false)
}

/// Hasil's Prosedur tab: the next step (and the way back) for the round's
/// status, and the versions.
#[component]
pub fn ProcedureTab() -> impl IntoView {
    let state = use_state();
    let reason = RwSignal::new(String::new());
    let members = RwSignal::new(String::new());
    let meeting = RwSignal::new(String::new());
    let number = RwSignal::new(String::new());
    let decree_date = RwSignal::new(String::new());
    let status = Memo::new(move |_| round_status(state).map(|(s, _)| s));
    let ask = move |question: T| confirmed(state.t(question));
    let publish = move |_| {
        if !ask(T::ConfirmPublish) {
            return;
        }
        let r = reason.get_untracked();
        let applied = state.apply(Edit::Publish {
            scenario: state.scenario_id(),
            reason: Some(r).filter(|r| !r.is_empty()),
            at: now_iso(),
        });
        if applied.is_ok() {
            reason.set(String::new());
        }
    };
    let start_review = move |_| {
        let Ok(day) = Date::parse_iso(&meeting.get_untracked()) else {
            state.notify(true, state.t(T::MeetingDateRequired));
            return;
        };
        if !ask(T::ConfirmReview) {
            return;
        }
        let list = members
            .get_untracked()
            .lines()
            .map(str::to_string)
            .collect();
        let _ = state.apply(Edit::StartReview {
            members: list,
            meeting: day,
            at: now_iso(),
        });
    };
    let establish = move |_| {
        if !ask(T::ConfirmEstablish) {
            return;
        }
        let _ = state.apply(Edit::Establish {
            scenario: state.scenario_id(),
            at: now_iso(),
        });
    };
    let issue = move |_| {
        let Ok(day) = Date::parse_iso(&decree_date.get_untracked()) else {
            state.notify(true, state.t(T::DecreeDateRequired));
            return;
        };
        if !ask(T::ConfirmDecree) {
            return;
        }
        let _ = state.apply(Edit::IssueDecree {
            number: number.get_untracked(),
            date: day,
            at: now_iso(),
        });
    };
    let step_back = move |_| {
        if !ask(T::ConfirmStepBack) {
            return;
        }
        if state
            .apply(Edit::StepBack {
                reason: reason.get_untracked(),
                at: now_iso(),
            })
            .is_ok()
        {
            reason.set(String::new());
        }
    };
    let reason_field = move || {
        view! {
            <label>
                <span>{move || state.t(T::StepReason)}</span>
                <input type="text" data-testid="procedure-reason" prop:value=reason on:input=move |ev| reason.set(value_of(&ev)) />
            </label>
        }
    };
    // Going back, from Sosialisasi and Dibahas: a reason and the button.
    let way_back = move || {
        view! {
            <hr />
            {reason_field()}
            <button type="button" data-testid="procedure-back" on:click=step_back>
                {move || state.t(T::StepBack)}
            </button>
        }
    };
    view! {
        <section class="procedure" data-testid="procedure">
            <p class="help">{move || state.t(T::ProcedureIntro)}</p>
            {move || match status.get() {
                None => view! { <p>{state.t(T::NoOpenRound)}</p> }.into_any(),
                Some(RoundStatus::Draf) => view! {
                    <div class="panel">
                        <p>{move || state.t(T::PublishHelp)}</p>
                        {reason_field()}
                        <button type="button" class="primary" data-testid="procedure-publish" on:click=publish>
                            {move || state.t(T::Publish)}
                        </button>
                    </div>
                }
                    .into_any(),
                Some(RoundStatus::Sosialisasi) => view! {
                    <div class="panel">
                        <p>{move || state.t(T::ReviewHelp)}</p>
                        <label>
                            <span>{move || state.t(T::ReviewMembers)}</span>
                            <textarea data-testid="review-members" rows="4" prop:value=members on:input=move |ev| members.set(event_target_value(&ev))></textarea>
                        </label>
                        <label>
                            <span>{move || state.t(T::ReviewMeeting)}</span>
                            <input type="date" data-testid="review-meeting" prop:value=meeting on:change=move |ev| meeting.set(value_of(&ev)) />
                        </label>
                        <button type="button" class="primary" data-testid="procedure-review" on:click=start_review>
                            {move || state.t(T::StartReview)}
                        </button>
                        {way_back()}
                    </div>
                }
                    .into_any(),
                Some(RoundStatus::Dibahas) => view! {
                    <div class="panel">
                        <p>{move || state.t(T::EstablishHelp)}</p>
                        <MinutesForm />
                        <button type="button" class="primary" data-testid="procedure-establish" on:click=establish>
                            {move || state.t(T::Establish)}
                        </button>
                        {way_back()}
                    </div>
                }
                    .into_any(),
                Some(RoundStatus::Ditetapkan) => view! {
                    <div class="panel">
                        <p>{move || state.t(T::DecreeHelp)}</p>
                        <label>
                            <span>{move || state.t(T::DecreeNumber)}</span>
                            <input type="text" data-testid="decree-number" prop:value=number on:input=move |ev| number.set(value_of(&ev)) />
                        </label>
                        <label>
                            <span>{move || state.t(T::DecreeDate)}</span>
                            <input type="date" data-testid="decree-date" prop:value=decree_date on:change=move |ev| decree_date.set(value_of(&ev)) />
                        </label>
                        <button type="button" class="primary" data-testid="procedure-decree" on:click=issue>
                            {move || state.t(T::IssueDecree)}
                        </button>
                    </div>
                }
                    .into_any(),
                Some(RoundStatus::SkTerbit) => view! { <DecreeIssued /> }.into_any(),
            }}
            <crate::ui::pages::clearance::Clearances />
            <crate::ui::pages::agenda::AgendaPanel />
            <Versions />
        </section>
    }
}

/// The review meeting's minutes: who of the members attended (ticked) and
/// what was decided; starts from what is recorded.
#[component]
fn MinutesForm() -> impl IntoView {
    let state = use_state();
    let review = state
        .workspace
        .with_untracked(|ws| ws.open_round().and_then(|r| r.procedure.review.clone()));
    let members = review
        .as_ref()
        .map(|r| r.members.clone())
        .unwrap_or_default();
    let attended = RwSignal::new(
        review
            .as_ref()
            .map(|r| r.attended.clone())
            .unwrap_or_default(),
    );
    let minutes = RwSignal::new(review.map(|r| r.minutes).unwrap_or_default());
    let save = move |_| {
        let _ = state.apply(Edit::SetMinutes {
            attended: attended.get_untracked(),
            text: minutes.get_untracked(),
        });
    };
    view! {
        <fieldset class="attendance" data-testid="review-attendance">
            <legend>{move || state.t(T::Attended)}</legend>
            {members
                .into_iter()
                .map(|m| {
                    let name = m.clone();
                    let checked = move || attended.with(|a| a.contains(&name));
                    let name = m.clone();
                    view! {
                        <label class="check">
                            <input type="checkbox" prop:checked=checked on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                attended.update(|a| {
                                    a.retain(|x| x != &name);
                                    if on {
                                        a.push(name.clone());
                                    }
                                });
                            } />
                            {m}
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
        <label>
            <span>{move || state.t(T::ReviewMinutes)}</span>
            <textarea data-testid="review-minutes" rows="4" prop:value=minutes on:input=move |ev| minutes.set(event_target_value(&ev))></textarea>
        </label>
        <button type="button" data-testid="minutes-save" on:click=save>
            {move || state.t(T::Save)}
        </button>
    }
}

#[component]
fn DecreeIssued() -> impl IntoView {
    let state = use_state();
    move || {
        let lang = state.lang.get();
        state.workspace.with(|ws| {
            let d = ws.open_round()?.procedure.decree.clone()?;
            Some(view! {
                <p data-testid="decree-issued">
                    {T::DecreeIssued.text(lang)} " " <strong>{d.number}</strong> " · " {d.date.to_dmy()}
                </p>
            })
        })
    }
}

/// Every frozen version, with whether the workspace still matches it.
#[component]
fn Versions() -> impl IntoView {
    let state = use_state();
    move || {
        let lang = state.lang.get();
        state.workspace.with(|ws| {
            let round = ws.open_round()?;
            let versions = &round.procedure.versions;
            if versions.is_empty() {
                return None;
            }
            let rows = versions
                .iter()
                .map(|v| {
                    let matches = procedure::version_matches(ws, round, v);
                    view! {
                        <tr data-version=v.number data-matches=matches.to_string()>
                            <td class="num">"v" {v.number}</td>
                            <td>{status_key(v.status).text(lang)}</td>
                            <td>{v.at.clone()}</td>
                            <td>{v.scenario.name.clone()}</td>
                            <td>{v.result.moves.len()}</td>
                            <td><code title=v.fingerprint.clone()>{short(&v.fingerprint)}</code></td>
                            <td>{if matches { T::VersionMatches.text(lang) } else { T::VersionDiffers.text(lang) }}</td>
                            <td>{v.reason.clone()}</td>
                        </tr>
                    }
                })
                .collect_view();
            Some(view! {
                <h3>{T::Versions.text(lang)}</h3>
                <div class="table-wrap">
                    <table class="data compact" data-testid="versions">
                        <thead>
                            <tr>
                                <th scope="col" class="num">{T::Version.text(lang)}</th>
                                <th scope="col">{T::RoundStatusLabel.text(lang)}</th>
                                <th scope="col">{T::When.text(lang)}</th>
                                <th scope="col">{T::Scenario.text(lang)}</th>
                                <th scope="col">{T::Moves.text(lang)}</th>
                                <th scope="col">{T::Fingerprint.text(lang)}</th>
                                <th scope="col">{T::VersionCheck.text(lang)}</th>
                                <th scope="col">{T::StepReason.text(lang)}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            })
        })
    }
}

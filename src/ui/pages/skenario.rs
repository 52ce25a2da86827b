//! Skenario: the scenarios of the open round — their mode, weights, rules and
//! constraints — with live recomputation of the plan.

use crate::core::edit::{Applied, Edit};
use crate::core::model::{Constraint, MatchMode, Scenario, UnitId};
use crate::i18n::{format_count, format_decimal, T};
use crate::messages::Message;
use crate::ui::state::{use_state, AppState};
use leptos::prelude::*;

/// The active scenario (a copy), if any.
pub fn active_scenario(state: AppState) -> Memo<Option<Scenario>> {
    Memo::new(move |_| {
        let id = state.scenario_id();
        state.workspace.with(|ws| {
            ws.open_round()
                .and_then(|r| r.scenarios.iter().find(|s| s.id == id).cloned())
        })
    })
}

/// The page.
#[component]
pub fn SkenarioPage() -> impl IntoView {
    let state = use_state();
    let scenario = active_scenario(state);
    // Only whether there is a scenario redraws the page: a change to it
    // must leave the controls in place (a slider being dragged is not
    // replaced under the pointer).
    let has_scenario = Memo::new(move |_| scenario.with(Option::is_some));
    view! {
        <section class="page" aria-labelledby="skenario-title">
            <h2 id="skenario-title">{move || state.t(T::NavSkenario)}</h2>
            {move || {
                if !has_scenario.get() {
                    return view! { <crate::ui::pages::rounds::FirstRound /> }.into_any();
                }
                view! {
                    <crate::ui::pages::rounds::RoundBar />
                    <ScenarioPicker />
                    <crate::ui::pages::rounds::ScenarioNaming />
                    <PlanSummary />
                    <div class="columns">
                        <WeightsPanel scenario=scenario />
                        <RulesPanel scenario=scenario />
                    </div>
                    <ConstraintsPanel scenario=scenario />
                    <crate::ui::pages::points::StablePanel scenario=scenario />
                    <crate::ui::pages::policy::PolicyPanel scenario=scenario />
                }
                    .into_any()
            }}
        </section>
    }
}

#[component]
fn ScenarioPicker() -> impl IntoView {
    let state = use_state();
    let list = Memo::new(move |_| {
        state.workspace.with(|ws| {
            ws.open_round()
                .map(|r| {
                    r.scenarios
                        .iter()
                        .map(|s| (s.id.clone(), s.name.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let duplicate = move |_| {
        let lang = state.lang.get_untracked();
        let id = state.scenario_id();
        let name = list
            .get_untracked()
            .into_iter()
            .find(|(s, _)| *s == id)
            .map(|(_, name)| name)
            .unwrap_or_default();
        let name = format!("{name} ({})", T::CopySuffix.text(lang));
        if let Ok(Applied {
            new_scenario: Some(new_id),
            ..
        }) = state.apply(Edit::DuplicateScenario { id, name })
        {
            state.scenario.set(new_id);
        }
    };
    let delete = move |_| {
        let lang = state.lang.get_untracked();
        if !window()
            .confirm_with_message(T::DeleteScenarioConfirm.text(lang))
            .unwrap_or(false)
        {
            return;
        }
        let id = state.scenario_id();
        if state.apply(Edit::DeleteScenario { id }).is_ok() {
            state.scenario.set(String::new());
        }
    };
    view! {
        <div class="scenario-picker" role="group" aria-label=move || state.t(T::ScenarioList)>
            {move || {
                let active = state.scenario_id();
                list.get()
                    .into_iter()
                    .map(|(id, name)| {
                        let pressed = id == active;
                        let target = id.clone();
                        view! {
                            <button
                                type="button"
                                class="chip"
                                aria-pressed=pressed.to_string()
                                data-testid=format!("scenario-{id}")
                                on:click=move |_| state.scenario.set(target.clone())
                            >
                                {name}
                            </button>
                        }
                    })
                    .collect_view()
            }}
            <button type="button" data-testid="scenario-duplicate" on:click=duplicate>
                {move || state.t(T::DuplicateScenario)}
            </button>
            <button
                type="button"
                data-testid="scenario-delete"
                disabled=move || list.with(|l| l.len() < 2)
                on:click=delete
            >
                {move || state.t(T::DeleteScenario)}
            </button>
        </div>
    }
}

/// The plan's headline figures, with the control that computes it.
#[component]
pub fn PlanSummary() -> impl IntoView {
    let state = use_state();
    view! {
        <section class="summary" aria-live="polite" aria-busy=move || state.computing.get().to_string()>
            <button
                type="button"
                class="primary"
                data-testid="run-plan"
                disabled=move || state.plan.with(Option::is_none) && !state.computing.get()
                on:click=move |_| state.recompute.update(|n| *n += 1)
            >
                {move || state.t(T::RunPlan)}
            </button>
            {move || {
                let lang = state.lang.get();
                state
                    .plan
                    .with(|run| {
                        let Some(run) = run else {
                            if state.computing.get() {
                                return view! { <p>{T::Computing.text(lang)}</p> }.into_any();
                            }
                            return view! { <p>{T::NoOpenRound.text(lang)}</p> }.into_any();
                        };
                        let ms = format!("{:.1}", run.ms);
                        let ms_shown = format_decimal((run.ms * 10.0).round() as i64, 1, 1, lang);
                        match &*run.result {
                            Err(e) => {
                                view! {
                                    <div role="alert" class="alert error" data-testid="plan-summary" data-moves="0" data-ms=ms data-seq=run.seq>
                                        {e.message(lang)}
                                    </div>
                                }
                                    .into_any()
                            }
                            Ok(plan) => {
                                let m = &plan.metrics;
                                let fit = format_decimal(i64::from(m.mean_fit_milli), 3, 2, lang);
                                let ms_text = ms_shown.clone();
                                let mut items = vec![
                                    (T::Moves, format_count(m.moves, lang)),
                                    (T::InRound, format_count(m.people, lang)),
                                    (T::ExcludedByRules, format_count(m.excluded, lang)),
                                    (
                                        T::OpeningsFilled,
                                        format!(
                                            "{}/{} ({} {}/{})",
                                            m.openings_filled,
                                            m.openings,
                                            T::UrgentFilled.text(lang),
                                            m.urgent_filled,
                                            m.urgent,
                                        ),
                                    ),
                                    (T::MeanFit, fit),
                                    (T::JpmCategories, format!("{}/{}/{}", m.ms, m.mms, m.kms)),
                                    (T::FirstChoice, format!("{} · {} {}", m.first_choice, T::TopThree.text(lang), m.top_three)),
                                    (T::TotalDistance, format!("{} km", format_count(m.total_distance_km as usize, lang))),
                                    (T::Participants, format_count(m.participants, lang)),
                                    (T::JustifiedEnvy, format_count(m.justified_envy, lang)),
                                ];
                                if let Some(p) = &m.phases {
                                    items.push((
                                        T::PhaseWishesSummary,
                                        format!(
                                            "{} {} · {} {} · {} {}",
                                            format_count(p.wish_moves, lang),
                                            T::MovesWord.text(lang),
                                            format_count(p.wish_openings_filled, lang),
                                            T::OpeningsWord.text(lang),
                                            T::WishEnvy.text(lang),
                                            format_count(p.wish_envy, lang),
                                        ),
                                    ));
                                    items.push((
                                        T::PhaseNeedsSummary,
                                        format!(
                                            "{} {} · {} {}",
                                            format_count(p.need_moves, lang),
                                            T::MovesWord.text(lang),
                                            format_count(p.need_openings_filled, lang),
                                            T::OpeningsWord.text(lang),
                                        ),
                                    ));
                                }
                                let phases = m.phases.clone();
                                view! {
                                    <div
                                        class="metrics"
                                        data-testid="plan-summary"
                                        data-moves=m.moves
                                        data-ms=ms
                                        data-seq=run.seq
                                        data-worker-memory=run.worker.map(|w| w.memory.to_string())
                                        data-read-ms=run.worker.map(|w| format!("{:.1}", w.read_ms))
                                        data-worker-ms=run.worker.map(|w| format!("{:.1}", w.plan_ms))
                                        data-openings=m.openings
                                        data-openings-filled=m.openings_filled
                                        data-envy=m.justified_envy
                                        data-wish-moves=phases.as_ref().map(|p| p.wish_moves.to_string())
                                        data-wish-envy=phases.as_ref().map(|p| p.wish_envy.to_string())
                                    >
                                        {items
                                            .into_iter()
                                            .map(|(label, value)| {
                                                let help = match label {
                                                    T::JustifiedEnvy => Some(T::EnvyHelp.text(lang)),
                                                    T::JpmCategories => Some(T::JpmHelp.text(lang)),
                                                    _ => None,
                                                };
                                                view! {
                                                    <div class="metric" title=help>
                                                        <span class="label">{label.text(lang)}</span>
                                                        <span class="value">{value}</span>
                                                    </div>
                                                }
                                            })
                                            .collect_view()}
                                        <p class="muted">{T::PlanComputedIn.text(lang)} " " {ms_text} " ms"</p>
                                    </div>
                                }
                                    .into_any()
                            }
                        }
                    })
            }}
        </section>
    }
}

/// A labelled range input bound to a number in the active scenario.
#[component]
fn Slider(
    label: T,
    #[prop(into)] value: Signal<u16>,
    max: u16,
    testid: &'static str,
    /// A plain function (not a generic closure), so one Slider body serves
    /// every slider.
    set: fn(&mut Scenario, u16),
) -> impl IntoView {
    let state = use_state();
    view! {
        <label class="slider">
            <span>{move || state.t(label)}</span>
            <input
                type="range"
                min="0"
                max=max
                step="1"
                data-testid=testid
                prop:value=move || value.get().to_string()
                on:input=move |ev| {
                    if let Ok(v) = event_target_value(&ev).parse::<u16>() {
                        if !state.tune(|s| set(s, v.min(max))) {
                            event_target::<web_sys::HtmlInputElement>(&ev)
                                .set_value(&value.get_untracked().to_string());
                        }
                    }
                }
            />
            <output>{move || value.get()}</output>
        </label>
    }
}

#[component]
fn WeightsPanel(scenario: Memo<Option<Scenario>>) -> impl IntoView {
    let state = use_state();
    let w = move |f: fn(&Scenario) -> u16| {
        Signal::derive(move || scenario.with(|s| s.as_ref().map_or(0, f)))
    };
    view! {
        <fieldset class="panel">
            <legend>{move || state.t(T::Weights)}</legend>
            <div class="mode" role="radiogroup" aria-label=move || state.t(T::Mode)>
                {[(MatchMode::Optimal, T::ModeOptimal, "mode-optimal"), (MatchMode::Stable, T::ModeStable, "mode-stable")]
                    .into_iter()
                    .map(|(mode, label, testid)| {
                        view! {
                            <label class="radio">
                                <input
                                    type="radio"
                                    name="mode"
                                    data-testid=testid
                                    prop:checked=move || scenario.with(|s| s.as_ref().is_some_and(|s| s.mode == mode))
                                    on:change=move |_| {
                                        if !state.tune(|s| s.mode = mode) {
                                            state.redraw();
                                        }
                                    }
                                />
                                <span>{move || state.t(label)}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
            <Slider label=T::WeightFit value=w(|s| s.weights.fit) max=100 testid="weight-fit" set=|s, v| s.weights.fit = v />
            <Slider label=T::WeightPreference value=w(|s| s.weights.preference) max=100 testid="weight-preference" set=|s, v| s.weights.preference = v />
            <Slider label=T::WeightPriority value=w(|s| s.weights.priority) max=100 testid="weight-priority" set=|s, v| s.weights.priority = v />
            <Slider label=T::WeightDistance value=w(|s| s.weights.distance) max=100 testid="weight-distance" set=|s, v| s.weights.distance = v />
            <Slider label=T::WeightStability value=w(|s| s.weights.stability) max=100 testid="weight-stability" set=|s, v| s.weights.stability = v />
            <Slider label=T::WeightRefreshment value=w(|s| s.weights.refreshment) max=100 testid="weight-refreshment" set=|s, v| s.weights.refreshment = v />
            <h3>{move || state.t(T::FitSettingsTitle)}</h3>
            <Slider label=T::CorePercent value=w(|s| u16::from(s.fit.core_percent)) max=100 testid="fit-core" set=|s, v| s.fit.core_percent = v as u8 />
            <Slider label=T::AspectManajerial value=w(|s| s.fit.manajerial) max=100 testid="fit-manajerial" set=|s, v| s.fit.manajerial = v />
            <Slider label=T::AspectSosialKultural value=w(|s| s.fit.sosial_kultural) max=100 testid="fit-sosial" set=|s, v| s.fit.sosial_kultural = v />
            <Slider label=T::AspectTeknis value=w(|s| s.fit.teknis) max=100 testid="fit-teknis" set=|s, v| s.fit.teknis = v />
            <Slider label=T::AspectEducation value=w(|s| s.fit.education) max=100 testid="fit-education" set=|s, v| s.fit.education = v />
            <Slider label=T::AspectPerformance value=w(|s| s.fit.performance) max=100 testid="fit-performance" set=|s, v| s.fit.performance = v />
            <Slider label=T::AspectExperience value=w(|s| s.fit.experience) max=100 testid="fit-experience" set=|s, v| s.fit.experience = v />
        </fieldset>
    }
}

#[component]
fn RulesPanel(scenario: Memo<Option<Scenario>>) -> impl IntoView {
    let state = use_state();
    let w = move |f: fn(&Scenario) -> u16| {
        Signal::derive(move || scenario.with(|s| s.as_ref().map_or(0, f)))
    };
    let toggle = move |label: T,
                       testid: &'static str,
                       get: fn(&Scenario) -> bool,
                       set: fn(&mut Scenario, bool)| {
        view! {
            <label class="check">
                <input
                    type="checkbox"
                    data-testid=testid
                    prop:checked=move || scenario.with(|s| s.as_ref().is_some_and(get))
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        if !state.tune(|s| set(s, on)) {
                            event_target::<web_sys::HtmlInputElement>(&ev).set_checked(!on);
                        }
                    }
                />
                <span>{move || state.t(label)}</span>
            </label>
        }
    };
    view! {
        <fieldset class="panel">
            <legend>{move || state.t(T::Rules)}</legend>
            <Slider label=T::RuleMinTenure value=w(|s| s.rules.min_months_in_position) max=120 testid="rule-min-tenure" set=|s, v| s.rules.min_months_in_position = v />
            <Slider label=T::RuleMaxTenure value=w(|s| s.rules.max_months_in_position) max=180 testid="rule-max-tenure" set=|s, v| s.rules.max_months_in_position = v />
            <Slider label=T::RuleRetirement value=w(|s| s.rules.retirement_buffer_months) max=60 testid="rule-retirement" set=|s, v| s.rules.retirement_buffer_months = v />
            <Slider label=T::RuleSanction value=w(|s| s.rules.sanction_lookback_months) max=60 testid="rule-sanction" set=|s, v| s.rules.sanction_lookback_months = v />
            <p class="help">{move || state.t(T::RuleSanctionHelp)}</p>
            <Slider label=T::RuleRequestMonths value=w(|s| s.rules.request_min_baik_months) max=60 testid="rule-request" set=|s, v| s.rules.request_min_baik_months = v />
            {toggle(T::RuleExcludeCpns, "rule-cpns", |s| s.rules.exclude_cpns, |s, v| s.rules.exclude_cpns = v)}
            {toggle(T::RuleExcludeProcess, "rule-process", |s| s.rules.exclude_open_process, |s, v| s.rules.exclude_open_process = v)}
            {toggle(T::RuleExcludeStudy, "rule-study", |s| s.rules.exclude_study_leave, |s, v| s.rules.exclude_study_leave = v)}
            {toggle(T::RuleGolongan, "rule-golongan", |s| s.rules.require_min_golongan, |s, v| s.rules.require_min_golongan = v)}
            {toggle(T::RuleEducation, "rule-education", |s| s.rules.require_education, |s, v| s.rules.require_education = v)}
            {toggle(T::RuleExcludePppk, "rule-pppk", |s| s.rules.exclude_pppk, |s, v| s.rules.exclude_pppk = v)}
            {toggle(T::RuleJptRotation, "rule-jpt-rotation", |s| s.rules.allow_jpt_rotation, |s, v| s.rules.allow_jpt_rotation = v)}
            {toggle(T::RuleFloorAtNeed, "rule-floor-at-need", |s| s.rules.floor_at_need, |s, v| s.rules.floor_at_need = v)}
            {toggle(T::RuleOverFormasi, "rule-over-formasi", |s| s.rules.allow_over_formasi, |s, v| s.rules.allow_over_formasi = v)}
            {toggle(T::RuleAlihJabatan, "rule-alih-jabatan", |s| s.rules.allow_alih_jabatan, |s, v| s.rules.allow_alih_jabatan = v)}
            {toggle(T::RulePromotion, "rule-promotion", |s| s.rules.allow_promotion, |s, v| s.rules.allow_promotion = v)}
        </fieldset>
    }
}

#[component]
fn ConstraintsPanel(scenario: Memo<Option<Scenario>>) -> impl IntoView {
    let state = use_state();
    let unit = RwSignal::new(String::new());
    let percent = RwSignal::new(20u8);
    let units = Memo::new(move |_| {
        state.workspace.with(|ws| {
            ws.agencies
                .iter()
                .flat_map(|a| {
                    a.units
                        .iter()
                        .map(move |u| (u.id.0.clone(), format!("{} · {}", a.short_name, u.name)))
                })
                .collect::<Vec<_>>()
        })
    });
    let describe = move |c: &Constraint| -> String {
        state.workspace.with(|ws| {
            let name = |nip: &crate::core::model::Nip| {
                ws.asn
                    .iter()
                    .find(|a| &a.nip == nip)
                    .map_or_else(|| nip.to_string(), |a| a.name.clone())
            };
            let pos = |id: &crate::core::model::PositionId| {
                ws.positions
                    .iter()
                    .find(|p| &p.id == id)
                    .map_or_else(|| id.0.clone(), |p| ws.seat_name(p))
            };
            match c {
                Constraint::Pin { asn, position } => format!(
                    "{}: {} → {}",
                    T::ConstraintPin.text(state.lang.get()),
                    name(asn),
                    pos(position)
                ),
                Constraint::Forbid { asn, position } => format!(
                    "{}: {} ↛ {}",
                    T::ConstraintForbid.text(state.lang.get()),
                    name(asn),
                    pos(position)
                ),
                Constraint::UnitCap { unit, max_percent } => {
                    format!(
                        "{}: {} ≤ {max_percent}%",
                        T::ConstraintUnitCap.text(state.lang.get()),
                        unit.0
                    )
                }
                Constraint::UnitFloor { unit, min } => {
                    format!(
                        "{}: {} ≥ {min}",
                        T::ConstraintUnitFloor.text(state.lang.get()),
                        unit.0
                    )
                }
                Constraint::KindFloor {
                    units,
                    families,
                    min,
                } => format!(
                    "{}: {units} · {} ≥ {min}",
                    T::ConstraintKindFloor.text(state.lang.get()),
                    families.join(" / ")
                ),
            }
        })
    };
    let add_cap = move |_| {
        let u = unit.get_untracked();
        if u.is_empty() {
            return;
        }
        let p = percent.get_untracked();
        let _ = state.apply(Edit::Constrain {
            scenario: state.scenario_id(),
            constraint: Constraint::UnitCap {
                unit: UnitId(u),
                max_percent: p,
            },
            reason: None,
        });
    };
    let floor = RwSignal::new(1u32);
    let add_floor = move |_| {
        let u = unit.get_untracked();
        if u.is_empty() {
            return;
        }
        let _ = state.apply(Edit::Constrain {
            scenario: state.scenario_id(),
            constraint: Constraint::UnitFloor {
                unit: UnitId(u),
                min: floor.get_untracked(),
            },
            reason: None,
        });
    };
    let kind_units = RwSignal::new(String::from("Puskesmas"));
    let kind_families = RwSignal::new(String::new());
    let kind_min = RwSignal::new(1u32);
    let add_kind = move |_| {
        let families: Vec<String> = kind_families
            .get_untracked()
            .split(',')
            .map(|f| f.trim().to_string())
            .filter(|f| !f.is_empty())
            .collect();
        let _ = state.apply(Edit::Constrain {
            scenario: state.scenario_id(),
            constraint: Constraint::KindFloor {
                units: kind_units.get_untracked(),
                families,
                min: kind_min.get_untracked(),
            },
            reason: None,
        });
    };
    let add_puskesmas = move |_| {
        for families in crate::core::model::PUSKESMAS_FLOORS {
            let _ = state.apply(Edit::Constrain {
                scenario: state.scenario_id(),
                constraint: Constraint::KindFloor {
                    units: "Puskesmas".into(),
                    families: families.iter().map(|f| f.to_string()).collect(),
                    min: 1,
                },
                reason: None,
            });
        }
    };
    view! {
        <fieldset class="panel">
            <legend>{move || state.t(T::Constraints)}</legend>
            {move || {
                let list = scenario.with(|s| s.as_ref().map(|s| s.constraints.clone()).unwrap_or_default());
                if list.is_empty() {
                    return view! { <p>{state.t(T::NoConstraints)}</p> }.into_any();
                }
                view! {
                    <ul data-testid="constraints">
                        {list
                            .into_iter()
                            .enumerate()
                            .map(|(i, c)| {
                                let text = describe(&c);
                                view! {
                                    <li>
                                        {text.clone()} " "
                                        <button
                                            type="button"
                                            on:click=move |_| {
                                                let _ = state.apply(Edit::Unconstrain { scenario: state.scenario_id(), index: i });
                                            }
                                        >
                                            {move || state.t(T::Remove)}
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }}
            <div class="filters">
                <label>
                    <span>{move || state.t(T::ColUnit)}</span>
                    <select data-testid="cap-unit" prop:value=unit on:change=move |ev| unit.set(event_target_value(&ev))>
                        <option value="">"—"</option>
                        {move || units.get().into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                    </select>
                </label>
                <label>
                    <span>{move || state.t(T::MaxPercent)}</span>
                    <input
                        type="number"
                        min="0"
                        max="100"
                        data-testid="cap-percent"
                        prop:value=move || percent.get().to_string()
                        on:input=move |ev| percent.set(event_target_value(&ev).parse::<u8>().unwrap_or(0).min(100))
                    />
                </label>
                <button type="button" data-testid="cap-add" disabled=move || unit.with(String::is_empty) on:click=add_cap>
                    {move || state.t(T::AddUnitCap)}
                </button>
            </div>
            <div class="filters">
                <MinStaffInput value=floor testid="floor-min" />
                <button type="button" data-testid="floor-add" disabled=move || unit.with(String::is_empty) on:click=add_floor>
                    {move || state.t(T::AddUnitFloor)}
                </button>
            </div>
            <div class="filters">
                <label>
                    <span>{move || state.t(T::KindFloorUnits)}</span>
                    <input
                        type="text"
                        data-testid="kind-floor-units"
                        prop:value=kind_units
                        on:input=move |ev| kind_units.set(event_target_value(&ev))
                    />
                </label>
                <label>
                    <span>{move || state.t(T::KindFloorFamilies)}</span>
                    <input
                        type="text"
                        data-testid="kind-floor-families"
                        placeholder="Bidan"
                        prop:value=kind_families
                        on:input=move |ev| kind_families.set(event_target_value(&ev))
                    />
                </label>
                <MinStaffInput value=kind_min testid="kind-floor-min" />
                <button
                    type="button"
                    data-testid="kind-floor-add"
                    disabled=move || kind_units.with(|u| u.trim().is_empty()) || kind_families.with(|f| f.trim().is_empty())
                    on:click=add_kind
                >
                    {move || state.t(T::AddKindFloor)}
                </button>
                <button type="button" data-testid="puskesmas-floors" on:click=add_puskesmas>
                    {move || state.t(T::AddPuskesmasFloors)}
                </button>
            </div>
        </fieldset>
    }
}

/// A floor's minimum staff, 1 to 9,999.
#[component]
fn MinStaffInput(value: RwSignal<u32>, testid: &'static str) -> impl IntoView {
    let state = use_state();
    view! {
        <label>
            <span>{move || state.t(T::MinStaff)}</span>
            <input
                type="number"
                min="1"
                max="9999"
                data-testid=testid
                prop:value=move || value.get().to_string()
                on:input=move |ev| value.set(event_target_value(&ev).parse::<u32>().unwrap_or(1).clamp(1, 9999))
            />
        </label>
    }
}

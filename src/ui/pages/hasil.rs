//! Hasil: the plan of the active scenario — moves, vacancy chains, vacant
//! openings — each outcome's explanation with manual decisions, the
//! comparison of scenarios, and the fairness report.

use crate::core::edit::Edit;
use crate::core::engine::explain::{explain, WhyNot};
use crate::core::engine::model::RoundInput;
use crate::core::engine::report::{self, Grouping};
use crate::core::engine::terms::Term;
use crate::core::engine::view::{self, MoveFilter};
use crate::core::engine::{self, Plan};
use crate::core::fit::Aspect;
use crate::core::model::*;
use crate::core::move_class::{classify, MoveClass};
use crate::core::rules::{Rejection, Rule};
use crate::i18n::{format_count, format_decimal, Lang, T};
use crate::ui::components::{AgencySelect, TabBar};
use crate::ui::pages::skenario::PlanSummary;
use crate::ui::state::{use_state, AppState};
use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tab {
    Plan,
    Compare,
    Fairness,
    Decisions,
    Social,
}

/// Runs `f` with the active plan and its inputs, if the plan exists.
pub(crate) fn with_plan<R>(
    state: AppState,
    f: impl FnOnce(&RoundInput<'_>, &Plan) -> R,
) -> Option<R> {
    state.plan.with(|run| {
        let run = run.as_ref()?;
        let plan = run.result.as_ref().as_ref().ok()?;
        state.workspace.with(|ws| {
            let round = ws.open_round()?;
            let scenario = round.scenarios.iter().find(|s| s.id == run.scenario)?;
            Some(f(
                &RoundInput {
                    ws,
                    round,
                    scenario,
                },
                plan,
            ))
        })
    })
}

pub(crate) fn position_label(ws: &Workspace, p: Option<usize>) -> String {
    match p {
        Some(p) => {
            let pos = &ws.positions[p];
            let agency = ws
                .agencies
                .iter()
                .find(|a| a.id == pos.agency)
                .map_or("", |a| a.short_name.as_str());
            format!("{} · {}", pos.name, agency)
        }
        None => "—".into(),
    }
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
    ];
    view! {
        <section class="page" aria-labelledby="hasil-title">
            <h2 id="hasil-title">{move || state.t(T::NavHasil)}</h2>
            <PlanSummary />
            <UndoBar />
            <crate::ui::pages::decree::DecreePanel />
            <TabBar tabs=tabs.to_vec() active=tab />
            <div role="tabpanel">
                {move || match tab.get() {
                    Tab::Plan => view! { <PlanTab /> }.into_any(),
                    Tab::Compare => view! { <CompareTab /> }.into_any(),
                    Tab::Fairness => view! { <FairnessTab /> }.into_any(),
                    Tab::Decisions => view! { <DecisionsTab /> }.into_any(),
                    Tab::Social => view! { <crate::ui::pages::sosialisasi::SosialisasiTab /> }.into_any(),
                }}
            </div>
        </section>
    }
}

#[component]
fn UndoBar() -> impl IntoView {
    let state = use_state();
    view! {
        <div class="actions">
            <button
                type="button"
                data-testid="undo"
                disabled=move || state.history.with(|h| h.undo.is_empty())
                on:click=move |_| state.undo()
                title=move || state.history.with(|h| h.undo.last().map(|u| u.1.clone()).unwrap_or_default())
            >
                {move || state.t(T::Undo)}
            </button>
            <button
                type="button"
                data-testid="redo"
                disabled=move || state.history.with(|h| h.redo.is_empty())
                on:click=move |_| state.redo()
            >
                {move || state.t(T::Redo)}
            </button>
        </div>
    }
}

/// One line of the moves table: the core's row with its labels.
#[derive(Clone, Debug, PartialEq)]
struct MoveLine {
    m: view::MoveRow,
    name: String,
    nip: String,
    from: String,
    to: String,
}

/// The value of an option naming `ALL[i]`, and back.
fn pick<T: Copy>(all: &[T], value: &str) -> Option<T> {
    value
        .parse::<usize>()
        .ok()
        .and_then(|i| all.get(i).copied())
}

#[component]
fn PlanTab() -> impl IntoView {
    let state = use_state();
    let agency = RwSignal::new(String::new());
    let regency = RwSignal::new(String::new());
    let kind = RwSignal::new(String::new());
    let selected: RwSignal<Option<usize>> = RwSignal::new(None);
    let rows = Memo::new(move |_| {
        with_plan(state, |input, plan| {
            let ws = input.ws;
            view::moves(ws, plan)
                .into_iter()
                .map(|m| MoveLine {
                    name: ws.asn[m.asn].name.clone(),
                    nip: ws.asn[m.asn].nip.to_string(),
                    from: position_label(ws, m.from),
                    to: position_label(ws, Some(m.to)),
                    m,
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let filtered = Memo::new(move |_| {
        let filter = MoveFilter {
            agency: Some(agency.get()).filter(|a| !a.is_empty()).map(AgencyId),
            seat: pick(&Regency::ALL, &regency.get()),
            kind: pick(&PositionType::ALL, &kind.get()),
        };
        rows.with(|rows| {
            rows.iter()
                .filter(|l| filter.keeps(&l.m))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    view! {
        <div class="filters">
            <AgencySelect value=agency testid="result-filter-agency" />
            <label>
                <span>{move || state.t(T::FilterKabupaten)}</span>
                <select data-testid="result-filter-regency" prop:value=regency on:change=move |ev| regency.set(event_target_value(&ev))>
                    <option value="">{move || state.t(T::AllRegencies)}</option>
                    {Regency::ALL.into_iter().enumerate().map(|(i, r)| view! { <option value=i.to_string()>{r.name()}</option> }).collect_view()}
                </select>
            </label>
            <label>
                <span>{move || state.t(T::ColType)}</span>
                <select data-testid="result-filter-type" prop:value=kind on:change=move |ev| kind.set(event_target_value(&ev))>
                    <option value="">{move || state.t(T::AllTypes)}</option>
                    {PositionType::ALL.into_iter().enumerate().map(|(i, k)| view! { <option value=i.to_string()>{k.label()}</option> }).collect_view()}
                </select>
            </label>
        </div>
        {move || selected.get().map(|row| view! { <ExplainPanel row=row selected=selected /> })}
        <div class="table-wrap">
            <table class="data" data-testid="moves-result-table">
                <thead>
                    <tr>
                        <th scope="col">{move || state.t(T::ColName)}</th>
                        <th scope="col">{move || state.t(T::ColFrom)}</th>
                        <th scope="col">{move || state.t(T::ColTo)}</th>
                        <th scope="col">{move || state.t(T::MoveClassLabel)}</th>
                        <th scope="col">{move || state.t(T::ColFit)}</th>
                        <th scope="col">{move || state.t(T::ColJpm)}</th>
                        <th scope="col">{move || state.t(T::ColPrefRank)}</th>
                        <th scope="col">{move || state.t(T::ColDistance)}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        let lang = state.lang.get();
                        let list = filtered.get();
                        if list.is_empty() {
                            return view! { <tr><td colspan="8" class="empty">{state.t(T::NoRows)}</td></tr> }.into_any();
                        }
                        list.into_iter()
                            .map(|l| {
                                let m = &l.m;
                                let row = m.row;
                                view! {
                                    <tr class:selected=move || selected.get() == Some(row) data-nip=l.nip.clone() data-class=m.class.code()>
                                        <td>
                                            <button type="button" class="link" on:click=move |_| selected.set(Some(row))>
                                                {l.name.clone()}
                                            </button>
                                        </td>
                                        <td>{l.from.clone()}</td>
                                        <td>{l.to.clone()}</td>
                                        <td>{class_key(m.class).text(lang)}</td>
                                        <td class="num">{format_decimal(i64::from(m.fit_milli), 3, 2, lang)}</td>
                                        <td>{m.jpm.code()}</td>
                                        <td class="num">{m.preference_rank.map(|r| (r + 1).to_string())}</td>
                                        <td class="num">{format!("{} km", m.distance_km)}</td>
                                    </tr>
                                }
                            })
                            .collect_view()
                            .into_any()
                    }}
                </tbody>
            </table>
        </div>
        <ChainsAndVacancies />
    }
}

#[component]
fn ChainsAndVacancies() -> impl IntoView {
    let state = use_state();
    move || {
        let lang = state.lang.get();
        with_plan(state, |input, plan| {
            let ws = input.ws;
            let name = |row: usize| ws.asn[plan.person(row)].name.clone();
            let chains: Vec<String> = plan
                .chains
                .iter()
                .take(40)
                .map(|chain| {
                    chain
                        .iter()
                        .enumerate()
                        .map(|(k, &row)| {
                            let to = position_label(ws, plan.destination(row));
                            if k == 0 {
                                format!("{} → {}", name(row), to)
                            } else {
                                format!(
                                    "{} {} {} {}",
                                    name(row),
                                    T::ChainFills.text(lang),
                                    T::SeatOf.text(lang),
                                    name(chain[k - 1])
                                )
                            }
                        })
                        .collect::<Vec<_>>()
                        .join(" ⟶ ")
                })
                .collect();
            let vacant: Vec<String> = view::vacancies(plan)
                .into_iter()
                .map(|v| {
                    let why = if v.has_candidates {
                        T::CandidatesElsewhere
                    } else {
                        T::NoCandidate
                    };
                    format!(
                        "{} ({}): {}",
                        position_label(ws, Some(v.position)),
                        v.priority.label(),
                        why.text(lang)
                    )
                })
                .collect();
            let selection: Vec<(String, Vec<String>)> = view::open_selection(input, plan)
                .into_iter()
                .map(|s| {
                    let people = s
                        .candidates
                        .iter()
                        .map(|&(a, fit)| {
                            format!(
                                "{} ({}, {})",
                                ws.asn[a].name,
                                position_label(
                                    ws,
                                    ws.asn[a].position.as_ref().and_then(|c| ws
                                        .positions
                                        .iter()
                                        .position(|p| p.id == c.position))
                                ),
                                format_decimal(i64::from(fit), 3, 2, lang)
                            )
                        })
                        .collect();
                    (position_label(ws, Some(s.position)), people)
                })
                .collect();
            let stays: Vec<String> = view::stays(plan)
                .into_iter()
                .map(|r| format!("{} · {}", name(r), position_label(ws, plan.current(r))))
                .collect();
            let n_stays = stays.len();
            let refused: Vec<String> = view::refused_pins(plan)
                .iter()
                .map(|&(a, p, class)| {
                    format!(
                        "{} → {}: {}",
                        ws.asn[a].name,
                        position_label(ws, Some(p)),
                        class_key(class).text(lang)
                    )
                })
                .collect();
            view! {
                {(!refused.is_empty()).then(|| view! {
                    <div role="alert" class="alert error" data-testid="refused-decisions">
                        <p>{T::RefusedDecisions.text(lang)}</p>
                        <ul>{refused.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
                    </div>
                })}
                <details data-testid="stays">
                    <summary>{T::StaysTitle.text(lang)} " (" {n_stays} ")"</summary>
                    <ul>{stays.into_iter().take(200).map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
                </details>
                <h3>{T::Chains.text(lang)} " (" {plan.chains.len()} ")"</h3>
                <ol class="chains" data-testid="chains">{chains.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ol>
                <h3>{T::VacantOpenings.text(lang)} " (" {vacant.len()} ")"</h3>
                <ul data-testid="vacant-openings">{vacant.into_iter().take(60).map(|v| view! { <li>{v}</li> }).collect_view()}</ul>
                {(!selection.is_empty()).then(|| view! {
                    <h3>{T::OpenSelectionTitle.text(lang)} " (" {selection.len()} ")"</h3>
                    <p>{T::OpenSelectionIntro.text(lang)}</p>
                    <ul data-testid="open-selection">
                        {selection.into_iter().map(|(post, people)| view! {
                            <li>
                                <strong>{post}</strong>
                                ": "
                                {if people.is_empty() { T::NoPoolCandidates.text(lang).to_string() } else { people.join("; ") }}
                            </li>
                        }).collect_view()}
                    </ul>
                })}
            }
        })
    }
}

pub(crate) fn term_label(t: Term) -> T {
    match t {
        Term::Fit => T::WeightFit,
        Term::Preference => T::WeightPreference,
        Term::Priority => T::WeightPriority,
        Term::Distance => T::WeightDistance,
        Term::Stability => T::WeightStability,
        Term::Refreshment => T::WeightRefreshment,
    }
}

/// The objective terms of an outcome: raw value, weight, contribution.
pub(crate) fn terms_table(
    terms: &[(Term, i64, i64, i64)],
    lang: Lang,
    testid: &'static str,
) -> impl IntoView {
    view! {
        <table class="data compact" data-testid=testid>
            <thead>
                <tr>
                    <th scope="col"></th>
                    <th scope="col">{T::TermValue.text(lang)}</th>
                    <th scope="col">{T::TermWeight.text(lang)}</th>
                    <th scope="col">{T::TermContribution.text(lang)}</th>
                </tr>
            </thead>
            <tbody>
                {terms
                    .iter()
                    .map(|(t, raw, w, c)| {
                        view! {
                            <tr>
                                <th scope="row">{term_label(*t).text(lang)}</th>
                                <td class="num">{*raw}</td>
                                <td class="num">{*w}</td>
                                <td class="num">{*c}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

/// A fit in one line: total score, JPM % and its category (MS, MMS, KMS).
pub(crate) fn fit_summary(f: &crate::core::fit::Fit, lang: Lang) -> String {
    format!(
        "{} · JPM {}% ({})",
        format_decimal(i64::from(f.total_milli), 3, 3, lang),
        format_decimal(i64::from(f.jpm_permille), 1, 1, lang),
        f.category.code()
    )
}

/// Each aspect of a fit: its label, score and weight.
pub(crate) fn fit_aspects(f: &crate::core::fit::Fit, lang: Lang) -> Vec<(T, String, u16)> {
    f.aspects
        .iter()
        .map(|a| {
            (
                aspect_label(a.aspect),
                format_decimal(i64::from(a.score_milli), 3, 2, lang),
                a.weight,
            )
        })
        .collect()
}

fn aspect_label(a: Aspect) -> T {
    match a {
        Aspect::Manajerial => T::AspectManajerial,
        Aspect::SosialKultural => T::AspectSosialKultural,
        Aspect::Teknis => T::AspectTeknis,
        Aspect::Education => T::AspectEducation,
        Aspect::Performance => T::AspectPerformance,
        Aspect::Experience => T::AspectExperience,
    }
}

/// The string-table key naming a rule.
fn rule_key(r: Rule) -> T {
    match r {
        Rule::Cpns => T::CheckCpns,
        Rule::Pppk => T::CheckPppk,
        Rule::MoveClass => T::CheckMoveClass,
        Rule::TalentPool => T::CheckTalentPool,
        Rule::OpenProcess => T::CheckOpenProcess,
        Rule::RecentSanction => T::CheckRecentSanction,
        Rule::StudyLeave => T::CheckStudyLeave,
        Rule::MinTenure => T::CheckMinTenure,
        Rule::RequestPerformance => T::CheckRequestPerformance,
        Rule::NearRetirement => T::CheckNearRetirement,
        Rule::MinGolongan => T::CheckMinGolongan,
        Rule::EducationLevel => T::CheckEducationLevel,
        Rule::EducationField => T::CheckEducationField,
        Rule::Forbidden => T::CheckForbidden,
    }
}

/// The string-table key naming a move class.
pub(crate) fn class_key(c: MoveClass) -> T {
    match c {
        MoveClass::Lateral => T::ClassLateral,
        MoveClass::JptRotation => T::ClassJptRotation,
        MoveClass::AlihJabatan => T::ClassAlihJabatan,
        MoveClass::Promotion => T::ClassPromotion,
        MoveClass::Demotion => T::ClassDemotion,
        MoveClass::Jpt => T::ClassJpt,
        MoveClass::Placement => T::ClassPlacement,
    }
}

/// A rejection in words, with its facts where they say more than the rule
/// ("promosi: Pengawas → Administrator bukan mutasi").
pub(crate) fn rejection_text(r: &Rejection, lang: Lang) -> String {
    match r {
        Rejection::MoveClass { class, from, to } => format!(
            "{}: {} → {} {}",
            class_key(*class).text(lang),
            from.label(),
            to.label(),
            T::NotATransfer.text(lang)
        ),
        Rejection::TalentPool { nine_box, required } => format!(
            "{} ({} {}, ≥ {required})",
            T::NotInTalentPool.text(lang),
            T::Box.text(lang),
            nine_box.map_or("–".to_string(), |b| b.to_string())
        ),
        other => rule_label(other.rule(), lang).to_string(),
    }
}

/// A rule's name in the current language.
pub(crate) fn rule_label(r: Rule, lang: Lang) -> &'static str {
    rule_key(r).text(lang)
}

/// Bars of required and actual level per competency, 0–5.
fn gap_chart(rows: Vec<(String, u8, Option<u8>, i8)>, lang: Lang) -> impl IntoView {
    let height = 22 * rows.len() as i32 + 24;
    let x0 = 230;
    let unit = 40;
    view! {
        <svg
            class="gap-chart"
            data-testid="gap-chart"
            role="img"
            aria-label=match lang {
                Lang::Id => "Grafik GAP kompetensi: batang abu-abu kebutuhan, batang biru yang dimiliki",
                Lang::En => "Competency GAP chart: grey bars required, blue bars actual",
            }
            viewBox=format!("0 0 {} {height}", x0 + 5 * unit + 60)
            width="100%"
        >
            {(0..=5)
                .map(|l| {
                    let x = x0 + l * unit;
                    view! {
                        <line x1=x x2=x y1="0" y2=height - 18 stroke="#d5dbe1" />
                        <text x=x y=height - 4 font-size="11" text-anchor="middle" fill="#4f5863">{l}</text>
                    }
                })
                .collect_view()}
            {rows
                .into_iter()
                .enumerate()
                .map(|(i, (name, required, actual, gap))| {
                    let y = 4 + 22 * i as i32;
                    let a = i32::from(actual.unwrap_or(0));
                    view! {
                        <text x=x0 - 6 y=y + 13 font-size="11" text-anchor="end" fill="#1b1f24">{name}</text>
                        <rect x=x0 y=y width=i32::from(required) * unit height="8" fill="#b8c2cc" />
                        <rect x=x0 y=y + 9 width=a * unit height="8" fill="#0b5c8a" />
                        <text x=x0 + 5 * unit + 8 y=y + 13 font-size="11" fill=if gap < 0 { "#a4161a" } else { "#1e6b34" }>
                            {format!("{gap:+}")}
                        </text>
                    }
                })
                .collect_view()}
        </svg>
    }
}

/// Why a competitor is not in the position, in words.
fn why_not_text(ws: &Workspace, plan: &Plan, why: WhyNot, lang: Lang) -> String {
    match why {
        WhyNot::Chosen => T::WhyChosen.text(lang).to_string(),
        WhyNot::Taken {
            holders,
            score,
            cost,
        } => {
            let holders = holders
                .iter()
                .map(|(q, s)| format!("{} ({s})", ws.asn[plan.person(*q)].name))
                .collect::<Vec<_>>()
                .join(", ");
            let cost = cost
                .map(|c| format!("; {} {c}", T::WhyCost.text(lang)))
                .unwrap_or_default();
            format!(
                "{} {holders}; {} {score}{cost}",
                T::WhyTaken.text(lang),
                T::TermValue.text(lang)
            )
        }
        WhyNot::NotAmongBest { score, last_kept } => {
            format!("{} ({score} < {last_kept})", T::WhyNotBest.text(lang))
        }
        WhyNot::PairRejected(r) | WhyNot::PersonExcluded(r) => {
            format!(
                "{}: {}",
                T::WhyExcluded.text(lang),
                r.iter()
                    .map(|x| rejection_text(x, lang))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        }
        WhyNot::NotOpen => T::WhyNotOpen.text(lang).to_string(),
        WhyNot::OwnPosition => T::WhyOwn.text(lang).to_string(),
        WhyNot::Forbidden => T::WhyForbidden.text(lang).to_string(),
    }
}

#[component]
fn ExplainPanel(row: usize, selected: RwSignal<Option<usize>>) -> impl IntoView {
    let state = use_state();
    let reason = RwSignal::new(String::new());
    let target = RwSignal::new(String::new());
    let error = RwSignal::new(false);
    let panel = NodeRef::<leptos::html::Aside>::new();
    Effect::new(move |_| {
        if let Some(el) = panel.get() {
            el.scroll_into_view();
            let _ = el.focus();
        }
    });
    // The decision acts on the person's NIP; a plan change does not move it.
    let decide = move |action: Option<DecisionAction>| {
        let text = reason.get_untracked().trim().to_string();
        if text.is_empty() {
            error.set(true);
            return;
        }
        error.set(false);
        let Some((nip, outcome)) =
            with_plan(state, |input, plan| view::outcome(input.ws, plan, row))
        else {
            return;
        };
        let action = match action {
            Some(a) => a,
            None => match outcome {
                Some(p) => DecisionAction::Assign(p),
                None => DecisionAction::Stay,
            },
        };
        let edit = Edit::Decide {
            asn: nip,
            action,
            reason: text,
            at: crate::ui::browser::now_iso(),
        };
        if state.apply(edit).is_err() {
            return;
        }
        reason.set(String::new());
    };
    let swap_with = RwSignal::new(String::new());
    // Swap: two decisions, each person taking the other's outcome.
    let swap = move |_| {
        let text = reason.get_untracked().trim().to_string();
        let other = swap_with.get_untracked();
        if text.is_empty() || other.is_empty() {
            error.set(text.is_empty());
            return;
        }
        error.set(false);
        let Some([first, second]) =
            with_plan(state, |input, plan| view::swap(input.ws, plan, row, &other)).flatten()
        else {
            return;
        };
        let edit = Edit::Swap {
            first,
            second,
            reason: text,
            at: crate::ui::browser::now_iso(),
        };
        if state.apply(edit).is_err() {
            return;
        }
        reason.set(String::new());
    };
    // Scenario constraints on this person and their outcome position.
    let constrain = move |forbid: bool| {
        let text = reason.get_untracked().trim().to_string();
        if text.is_empty() {
            error.set(true);
            return;
        }
        error.set(false);
        let Some((nip, Some(position))) =
            with_plan(state, |input, plan| view::outcome(input.ws, plan, row))
        else {
            return;
        };
        let id = state.scenario_id();
        let constraint = if forbid {
            Constraint::Forbid {
                asn: nip.clone(),
                position,
            }
        } else {
            Constraint::Pin {
                asn: nip.clone(),
                position,
            }
        };
        let edit = Edit::Constrain {
            scenario: id,
            constraint,
            reason: Some(text),
        };
        if state.apply(edit).is_err() {
            return;
        }
        reason.set(String::new());
    };
    let content = move || {
        let lang = state.lang.get();
        with_plan(state, |input, plan| {
            if row >= plan.row_count() {
                return view! { <p></p> }.into_any();
            }
            let ws = input.ws;
            let e = explain(input, plan, row);
            let asn = &ws.asn[plan.person(row)];
            let (current, to) = (plan.current(row), plan.destination(row));
            let catalogue = |id: &CompetencyId| {
                ws.competencies
                    .iter()
                    .find(|c| &c.id == id)
                    .map_or_else(|| id.0.clone(), |c| c.name.clone())
            };
            let chart_rows: Vec<(String, u8, Option<u8>, i8)> = e
                .fit
                .as_ref()
                .map(|f| {
                    f.competencies
                        .iter()
                        .map(|c| (catalogue(&c.competency), c.required, c.actual, c.gap))
                        .collect()
                })
                .unwrap_or_default();
            let aspects = e
                .fit
                .as_ref()
                .map(|f| fit_aspects(f, lang))
                .unwrap_or_default();
            let fit_total = e.fit.as_ref().map(|f| fit_summary(f, lang));
            // Why not: the other candidates of the outcome's position.
            let others: Vec<(String, String)> = view::competitors(input, plan, row, 6)
                .into_iter()
                .map(|(who, why)| (ws.asn[who].name.clone(), why_not_text(ws, plan, why, lang)))
                .collect();
            let options: Vec<(String, String)> = view::options(plan, row)
                .into_iter()
                .map(|p| (ws.positions[p].id.0.clone(), position_label(ws, Some(p))))
                .collect();
            let comment_options = options.clone();
            let comment_nip = asn.nip.clone();
            let movers: Vec<(String, String)> = view::moves(ws, plan)
                .into_iter()
                .filter(|m| m.row != row)
                .map(|m| {
                    let a = &ws.asn[m.asn];
                    (
                        a.nip.to_string(),
                        format!("{} → {}", a.name, position_label(ws, Some(m.to))),
                    )
                })
                .collect();
            let header = format!(
                "{} → {}",
                position_label(ws, current),
                position_label(ws, to)
            );
            let class = to.filter(|_| e.moved).map(|p| {
                class_key(classify(
                    current.map(|c| &ws.positions[c]),
                    &ws.positions[p],
                ))
                .text(lang)
            });
            // Openings of the round the rules refuse this person, and why
            // (a promotion or a demotion says so, with both levels).
            let refused: Vec<(String, String)> = view::refused_openings(input, plan, row, 6)
                .into_iter()
                .map(|(p, rs)| {
                    let why = rs
                        .iter()
                        .map(|x| rejection_text(x, lang))
                        .collect::<Vec<_>>()
                        .join(", ");
                    (position_label(ws, Some(p)), why)
                })
                .collect();
            let moved = e.moved;
            view! {
                <header>
                    <h3 id="explain-title">{T::Explanation.text(lang)} ": " {asn.name.clone()}</h3>
                    <button type="button" on:click=move |_| selected.set(None)>{T::Close.text(lang)}</button>
                </header>
                <p data-testid="explain-move">{header}</p>
                {class.map(|c| view! { <p data-testid="explain-class">{T::MoveClassLabel.text(lang)} ": " {c}</p> })}
                {e.pinned.clone().map(|why| view! { <p class="badge">{T::PinnedBecause.text(lang)} ": " {why}</p> })}
                {e.capped.then(|| view! { <p class="badge">{T::CappedNote.text(lang)}</p> })}
                <h4>{T::ScoreTerms.text(lang)} " = " {e.score}</h4>
                {terms_table(&e.terms, lang, "explain-terms")}
                <h4>{T::FitSettingsTitle.text(lang)} ": " {fit_total}</h4>
                {gap_chart(chart_rows, lang)}
                <table class="data compact">
                    <tbody>
                        {aspects
                            .into_iter()
                            .map(|(label, score, weight)| {
                                view! {
                                    <tr>
                                        <th scope="row">{label.text(lang)}</th>
                                        <td class="num">{score}</td>
                                        <td class="num">{weight}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
                {(!refused.is_empty()).then(|| view! {
                    <h4>{T::RefusedOpenings.text(lang)}</h4>
                    <ul class="rules" data-testid="explain-refused">
                        {refused.into_iter().map(|(post, why)| view! { <li>{post} ": " {why}</li> }).collect_view()}
                    </ul>
                })}
                <h4>{T::RulesPassed.text(lang)}</h4>
                <ul class="rules" data-testid="explain-rules">
                    {e.rules_passed.iter().map(|r| view! { <li>"✓ " {rule_label(*r, lang)}</li> }).collect_view()}
                </ul>
                {(!e.overridden.is_empty())
                    .then(|| {
                        view! {
                            <h4>{T::RulesOverridden.text(lang)}</h4>
                            <ul>{e.overridden.iter().map(|r| view! { <li>{rule_label(r.rule(), lang)}</li> }).collect_view()}</ul>
                        }
                    })}
                {(!others.is_empty())
                    .then(|| {
                        view! {
                            <h4>{T::WhyNotTitle.text(lang)}</h4>
                            <ul data-testid="why-not">
                                {others.into_iter().map(|(who, why)| view! { <li><strong>{who}</strong> ": " {why}</li> }).collect_view()}
                            </ul>
                        }
                    })}
                <fieldset class="panel" data-testid="decision-form">
                    <legend>{T::Decide.text(lang)}</legend>
                    <label>
                        <span>{T::DecisionReason.text(lang)}</span>
                        <input
                            type="text"
                            data-testid="decision-reason"
                            prop:value=reason
                            on:input=move |ev| reason.set(event_target_value(&ev))
                        />
                    </label>
                    {move || error.get().then(|| view! { <p role="alert" class="alert error">{state.t(T::ReasonRequired)}</p> })}
                    <div class="actions">
                        <button type="button" data-testid="decide-keep" on:click=move |_| decide(None)>
                            {T::DecideKeep.text(lang)}
                        </button>
                        {moved
                            .then(|| {
                                view! {
                                    <button type="button" data-testid="decide-stay" on:click=move |_| decide(Some(DecisionAction::Stay))>
                                        {T::DecideStay.text(lang)}
                                    </button>
                                }
                            })}
                        <select data-testid="decide-target" aria-label=T::DecideAssign.text(lang) prop:value=target on:change=move |ev| target.set(event_target_value(&ev))>
                            <option value="">"—"</option>
                            {options.into_iter().map(|(id, label)| view! { <option value=id>{label}</option> }).collect_view()}
                        </select>
                        <button
                            type="button"
                            data-testid="decide-assign"
                            on:click=move |_| {
                                let t = target.get_untracked();
                                if !t.is_empty() {
                                    decide(Some(DecisionAction::Assign(PositionId(t))));
                                }
                            }
                        >
                            {T::DecideAssign.text(lang)}
                        </button>
                    </div>
                    <div class="actions">
                        <select data-testid="swap-with" aria-label=T::SwapWith.text(lang) prop:value=swap_with on:change=move |ev| swap_with.set(event_target_value(&ev))>
                            <option value="">"—"</option>
                            {movers.into_iter().map(|(nip, label)| view! { <option value=nip>{label}</option> }).collect_view()}
                        </select>
                        <button type="button" data-testid="decide-swap" on:click=swap>{T::SwapWith.text(lang)}</button>
                    </div>
                    <div class="actions">
                        <button type="button" data-testid="scenario-pin" on:click=move |_| constrain(false)>{T::PinInScenario.text(lang)}</button>
                        <button type="button" data-testid="scenario-forbid" on:click=move |_| constrain(true)>{T::ForbidInScenario.text(lang)}</button>
                    </div>
                </fieldset>
                <crate::ui::pages::comments::CommentsPanel nip=comment_nip options=comment_options />
            }
                .into_any()
        })
    };
    view! {
        <aside class="detail" tabindex="-1" aria-labelledby="explain-title" data-testid="explain-panel" node_ref=panel>
            {content}
        </aside>
    }
}

#[component]
fn DecisionsTab() -> impl IntoView {
    let state = use_state();
    move || {
        let lang = state.lang.get();
        state.workspace.with(|ws| {
            let decisions = ws.open_round().map(|r| r.decisions.clone()).unwrap_or_default();
            let name = |nip: &Nip| ws.asn.iter().find(|a| &a.nip == nip).map_or_else(|| nip.to_string(), |a| a.name.clone());
            let pos = |id: &PositionId| ws.positions.iter().find(|p| &p.id == id).map_or_else(|| id.0.clone(), |p| p.name.clone());
            let audit: Vec<AuditEntry> = ws.audit.iter().rev().take(100).cloned().collect();
            view! {
                <h3>{T::Decisions.text(lang)}</h3>
                {if decisions.is_empty() {
                    view! { <p>{T::NoDecisions.text(lang)}</p> }.into_any()
                } else {
                    view! {
                        <table class="data" data-testid="decisions-table">
                            <thead>
                                <tr>
                                    <th scope="col">{T::ColName.text(lang)}</th>
                                    <th scope="col">{T::Action.text(lang)}</th>
                                    <th scope="col">{T::ColReason.text(lang)}</th>
                                    <th scope="col">{T::When.text(lang)}</th>
                                    <th scope="col"></th>
                                </tr>
                            </thead>
                            <tbody>
                                {decisions
                                    .into_iter()
                                    .map(|d| {
                                        let action = match &d.action {
                                            DecisionAction::Assign(p) => format!("{} {}", T::DecideAssign.text(lang), pos(p)),
                                            DecisionAction::Stay => T::Stays.text(lang).to_string(),
                                        };
                                        let nip = d.asn.clone();
                                        let who = name(&d.asn);
                                        view! {
                                            <tr>
                                                <td>{who.clone()}</td>
                                                <td>{action}</td>
                                                <td>{d.reason.clone()}</td>
                                                <td>{d.at.clone()}</td>
                                                <td>
                                                    <button
                                                        type="button"
                                                        on:click=move |_| {
                                                            let _ = state.apply(Edit::Undecide { asn: nip.clone() });
                                                        }
                                                    >
                                                        {T::Remove.text(lang)}
                                                    </button>
                                                </td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    }
                        .into_any()
                }}
                <h3>{T::AuditLog.text(lang)}</h3>
                <table class="data compact" data-testid="audit-log">
                    <thead>
                        <tr>
                            <th scope="col">{T::When.text(lang)}</th>
                            <th scope="col">{T::Action.text(lang)}</th>
                            <th scope="col">{T::ColReason.text(lang)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {audit
                            .into_iter()
                            .map(|a| {
                                view! {
                                    <tr>
                                        <td>{a.at}</td>
                                        <td>{a.action} ": " {a.detail}</td>
                                        <td>{a.reason.unwrap_or_default()}</td>
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
fn CompareTab() -> impl IntoView {
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

#[component]
fn FairnessTab() -> impl IntoView {
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
            let pct = |a: usize, b: usize| {
                if b == 0 {
                    "—".to_string()
                } else {
                    format!("{:.0}%", a as f64 * 100.0 / b as f64)
                }
            };
            view! {
                {groups
                    .into_iter()
                    .map(|(g, title)| {
                        let rows = report::outcomes_by(ws, plan, g);
                        view! {
                            <h3>{title.text(lang)}</h3>
                            <table class="data compact" data-testid=format!("fairness-{g:?}")>
                                <thead>
                                    <tr>
                                        <th scope="col">{T::Group.text(lang)}</th>
                                        <th scope="col">{T::InRound.text(lang)}</th>
                                        <th scope="col">{T::MovedShare.text(lang)}</th>
                                        <th scope="col">{T::MeanFit.text(lang)}</th>
                                        <th scope="col">{T::PrefMet.text(lang)}</th>
                                        <th scope="col">{T::FarMoves.text(lang)}</th>
                                        <th scope="col">{T::ColPromoted.text(lang)}</th>
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

//! One outcome explained: the score's terms, the fit chart, why others
//! did not get the position, refused openings, and the manual decisions,
//! swaps, scenario constraints and comments taken from there.

use crate::core::edit::Edit;
use crate::core::engine::explain::{explain, WhyNot};
use crate::core::engine::view::{self};
use crate::core::engine::Plan;
use crate::core::model::*;
use crate::core::move_class::classify;
use crate::i18n::{Lang, T};
use crate::ui::pages::labels::*;
use crate::ui::state::use_state;
use leptos::prelude::*;

/// Characters of a competency name per line on the GAP chart.
const GAP_LABEL_WIDTH: usize = 30;

/// Bars of required and actual level per competency, 0–5, with a legend;
/// a long name wraps to two lines (cut with "…", whole in the tooltip).
fn gap_chart(rows: Vec<(String, u8, Option<u8>, i8)>, lang: Lang) -> impl IntoView {
    let (x0, unit, row_h, top) = (190, 40, 30, 26);
    let height = row_h * rows.len() as i32 + top + 20;
    let axis = height - 18;
    let legend = [("#b8c2cc", T::GapRequired), ("#0b5c8a", T::GapActual)];
    view! {
        <svg
            class="gap-chart"
            data-testid="gap-chart"
            role="img"
            aria-label=T::GapChartLabel.text(lang)
            viewBox=format!("0 0 {} {height}", x0 + 5 * unit + 60)
            width="100%"
        >
            {legend
                .into_iter()
                .enumerate()
                .map(|(i, (fill, label))| {
                    let x = 4 + 150 * i as i32;
                    view! {
                        <rect x=x y="4" width="12" height="10" fill=fill />
                        <text x=x + 16 y="13" font-size="11" fill="#1b1f24" data-testid="gap-legend">{label.text(lang)}</text>
                    }
                })
                .collect_view()}
            <text x="304" y="13" font-size="11" fill="#4f5863" data-testid="gap-legend">{T::GapDiffLegend.text(lang)}</text>
            {(0..=5)
                .map(|l| {
                    let x = x0 + l * unit;
                    view! {
                        <line x1=x x2=x y1=top y2=axis stroke="#d5dbe1" />
                        <text x=x y=height - 4 font-size="11" text-anchor="middle" fill="#4f5863">{l}</text>
                    }
                })
                .collect_view()}
            {rows
                .into_iter()
                .enumerate()
                .map(|(i, (name, required, actual, gap))| {
                    let y = top + 4 + row_h * i as i32;
                    let a = i32::from(actual.unwrap_or(0));
                    let lines = crate::messages::label_lines(&name, GAP_LABEL_WIDTH);
                    let first_y = if lines.len() > 1 { y + 7 } else { y + 13 };
                    view! {
                        <g data-testid="gap-row">
                            <title>{name.clone()}</title>
                            <text x=x0 - 6 y=first_y font-size="11" text-anchor="end" fill="#1b1f24">
                                {lines
                                    .into_iter()
                                    .enumerate()
                                    .map(|(k, line)| view! { <tspan x=x0 - 6 dy=if k == 0 { "0" } else { "12" }>{line}</tspan> })
                                    .collect_view()}
                            </text>
                            <rect x=x0 y=y width=i32::from(required) * unit height="8" fill="#b8c2cc" />
                            <rect x=x0 y=y + 9 width=a * unit height="8" fill="#0b5c8a" />
                            <text x=x0 + 5 * unit + 8 y=y + 13 font-size="11" fill=if gap < 0 { "#a4161a" } else { "#1e6b34" }>
                                {format!("{gap:+}")}
                            </text>
                        </g>
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
                .map(|(q, s)| {
                    format!(
                        "{} ({})",
                        ws.asn[plan.person(*q)].name,
                        signed_count(*s, lang)
                    )
                })
                .collect::<Vec<_>>()
                .join(", ");
            let cost = cost
                .map(|c| format!("; {} {}", T::WhyCost.text(lang), signed_count(c, lang)))
                .unwrap_or_default();
            format!(
                "{} {holders}; {} {}{cost}",
                T::WhyTaken.text(lang),
                T::TermValue.text(lang),
                signed_count(score, lang)
            )
        }
        WhyNot::NotAmongBest { score, last_kept } => {
            format!(
                "{} ({} < {})",
                T::WhyNotBest.text(lang),
                signed_count(score, lang),
                signed_count(last_kept, lang)
            )
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

/// "Why not someone else?": any ASN, found by NIP or name, with why they
/// are not in the destination of the person `asn`.
#[component]
fn WhyNotSearch(asn: usize) -> impl IntoView {
    let state = use_state();
    let query = RwSignal::new(String::new());
    let answers = move || {
        let lang = state.lang.get();
        let q = query.get();
        if q.trim().is_empty() {
            return None;
        }
        let list = with_plan(state, |input, plan| {
            let Some(row) = plan.row_of_person(asn) else {
                return Vec::new();
            };
            view::why_not_search(input, plan, row, &q, 8)
                .into_iter()
                .map(|(who, why)| {
                    let a = &input.ws.asn[who];
                    (
                        format!("{} ({})", a.name, a.nip),
                        why_not_text(input.ws, plan, why, lang),
                    )
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
        Some(if list.is_empty() {
            view! { <p class="help" data-testid="why-not-none">{T::WhyNotNoMatch.text(lang)}</p> }
                .into_any()
        } else {
            view! {
                <ul data-testid="why-not-found">
                    {list.into_iter().map(|(who, why)| view! { <li><strong>{who}</strong> ": " {why}</li> }).collect_view()}
                </ul>
            }
            .into_any()
        })
    };
    view! {
        <label class="why-not-search">
            <span>{move || state.t(T::WhyNotAnyone)}</span>
            <input
                type="search"
                data-testid="why-not-search"
                placeholder=move || state.t(T::WhyNotAnyoneHint)
                prop:value=query
                on:input=move |ev| query.set(event_target_value(&ev))
            />
        </label>
        {answers}
    }
}

#[component]
/// The explanation of one person's outcome (`asn`, an index into the
/// workspace's people: a plan change moves their row, not them).
pub(super) fn ExplainPanel(asn: usize, selected: RwSignal<Option<usize>>) -> impl IntoView {
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
        let Some((nip, outcome)) = with_plan(state, |input, plan| {
            plan.row_of_person(asn)
                .map(|row| view::outcome(input.ws, plan, row))
        })
        .flatten() else {
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
        target.set(String::new());
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
        let Some([first, second]) = with_plan(state, |input, plan| {
            plan.row_of_person(asn)
                .and_then(|row| view::swap(input.ws, plan, row, &other))
        })
        .flatten() else {
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
        let Some((nip, Some(position))) = with_plan(state, |input, plan| {
            plan.row_of_person(asn)
                .map(|row| view::outcome(input.ws, plan, row))
        })
        .flatten() else {
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
            let Some(row) = plan.row_of_person(asn) else {
                return view! { <p></p> }.into_any();
            };
            let ws = input.ws;
            let e = explain(input, plan, row);
            let person = plan.person(row);
            let asn = &ws.asn[person];
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
            let fit_total = e.fit.as_ref().map(|f| fit_summary(f, assessed(asn), lang));
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
            let movers: Vec<(String, String)> = (0..plan.row_count())
                .filter(|&q| q != row && plan.moved(q))
                .map(|q| {
                    let a = &ws.asn[plan.person(q)];
                    (
                        a.nip.to_string(),
                        format!("{} → {}", a.name, position_label(ws, plan.destination(q))),
                    )
                })
                .collect();
            // Staying reads as staying, not "X → X".
            let header = if current == to {
                format!("{}: {}", T::Stays.text(lang), position_label(ws, current))
            } else {
                format!(
                    "{} → {}",
                    position_label(ws, current),
                    position_label(ws, to)
                )
            };
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
                {e.floored.then(|| view! { <p class="badge" data-testid="floored-note">{T::FlooredNote.text(lang)}</p> })}
                <h4>{T::ScoreTerms.text(lang)} " = " {signed_count(e.score, lang)}</h4>
                <p class="help">{T::ScoreHelp.text(lang)}</p>
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
                // Why not the others: only of a position the person moves
                // to (staying, there is no competition to explain).
                {(moved && !others.is_empty())
                    .then(|| {
                        view! {
                            <h4>{T::WhyNotTitle.text(lang)}</h4>
                            <ul data-testid="why-not">
                                {others.into_iter().map(|(who, why)| view! { <li><strong>{who}</strong> ": " {why}</li> }).collect_view()}
                            </ul>
                        }
                    })}
                {moved.then(|| view! { <WhyNotSearch asn=person /> })}
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
                            disabled=move || target.with(String::is_empty)
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
                        <button type="button" data-testid="decide-swap" disabled=move || swap_with.with(String::is_empty) on:click=swap>{T::SwapWith.text(lang)}</button>
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

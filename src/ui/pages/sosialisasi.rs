//! Socialisation of a draft: printable summaries per agency (who leaves,
//! who arrives, why, the criteria and weights, how to comment and by when)
//! and per ASN (the proposed move, the score breakdown, the preference rank
//! obtained). The deadline and contact are set here and kept in the round.

use crate::core::edit::Edit;
use crate::core::engine::explain::{checked_rules, explain};
use crate::core::engine::report;
use crate::core::model::{AgencyId, PreferenceTarget};
use crate::core::participation::agency_moves;
use crate::i18n::{format_decimal, Lang, T};
use crate::ui::components::AgencySelect;
use crate::ui::pages::labels::{
    assessed, class_key, fit_aspects, fit_summary, jpm_text, phase_key, position_label, rule_label,
    signed_count, term_label, terms_table, version_line, with_plan,
};
use crate::ui::state::use_state;
use leptos::prelude::*;

/// One line of an agency summary.
#[derive(Clone, Debug, PartialEq)]
struct Line {
    nip: String,
    name: String,
    from: String,
    to: String,
    /// The move's class (mutasi, promosi, ...).
    class: String,
    why: String,
}

fn rank_text(rank: Option<usize>, wishes: usize, lang: Lang) -> String {
    match (rank, lang) {
        (Some(r), Lang::Id) => format!("pilihan ke-{} dari {wishes}", r + 1),
        (Some(r), Lang::En) => format!("wish {} of {wishes}", r + 1),
        (None, _) => none_text(wishes, lang),
    }
}

fn none_text(wishes: usize, lang: Lang) -> String {
    if wishes == 0 {
        T::NoWishesStated.text(lang).to_string()
    } else {
        T::NotAmongWishes.text(lang).to_string()
    }
}

/// The tab.
#[component]
pub fn SosialisasiTab() -> impl IntoView {
    let state = use_state();
    let agency = RwSignal::new(String::new());
    let person = RwSignal::new(String::new());
    let round_field = move |f: fn(&crate::core::model::Round) -> String| {
        state
            .workspace
            .with(|ws| ws.open_round().map(f).unwrap_or_default())
    };
    let set_deadline = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let date = crate::core::date::Date::parse_iso(&value).ok();
        let _ = state.apply(Edit::SetDeadline(date));
    };
    let set_contact = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let _ = state.apply(Edit::SetContact(value));
    };
    let people = move || {
        with_plan(state, |input, plan| {
            let mut list: Vec<(String, String)> = (0..plan.row_count())
                .map(|r| {
                    let a = &input.ws.asn[plan.person(r)];
                    let mark = if plan.moved(r) { " →" } else { "" };
                    (a.nip.to_string(), format!("{} · {}{mark}", a.name, a.nip))
                })
                .collect();
            crate::core::sort::sort_by(&mut list, |a, b| a.1.cmp(&b.1));
            list
        })
        .unwrap_or_default()
    };
    view! {
        <div class="sosialisasi" data-testid="sosialisasi">
            <p>{move || state.t(T::SocialIntro)}</p>
            <div class="filters">
                <label>
                    <span>{move || state.t(T::CommentDeadline)}</span>
                    <input
                        type="date"
                        data-testid="comment-deadline"
                        prop:value=move || round_field(|r| r.participation.deadline.map(|d| d.to_string()).unwrap_or_default())
                        on:change=set_deadline
                    />
                </label>
                <label>
                    <span>{move || state.t(T::CommentContact)}</span>
                    <input
                        data-testid="comment-contact"
                        prop:value=move || round_field(|r| r.participation.contact.clone())
                        on:change=set_contact
                    />
                </label>
            </div>
            <div class="filters">
                <AgencySelect value=agency testid="social-agency" />
                <label>
                    <span>{move || state.t(T::SocialPerson)}</span>
                    <select data-testid="social-person" prop:value=person on:change=move |ev| person.set(event_target_value(&ev))>
                        <option value="">"—"</option>
                        {move || people().into_iter().map(|(nip, label)| view! { <option value=nip>{label}</option> }).collect_view()}
                    </select>
                </label>
                <button
                    type="button"
                    data-testid="social-print"
                    disabled=move || agency.with(String::is_empty) && person.with(String::is_empty)
                    title=move || state.t(T::SocialPrintWhat)
                    on:click=move |_| {
                        // A sheet without a deadline tells people nothing
                        // about when to answer: say so before printing.
                        let lang = state.lang.get_untracked();
                        let unset = state.workspace.with_untracked(|ws| {
                            ws.open_round().is_some_and(|r| r.participation.deadline.is_none())
                        });
                        if unset
                            && !window()
                                .confirm_with_message(T::PrintWithoutDeadline.text(lang))
                                .unwrap_or(false)
                        {
                            return;
                        }
                        let _ = window().print();
                    }
                >
                    {move || state.t(T::Print)}
                </button>
            </div>
            {move || {
                (agency.with(String::is_empty) && person.with(String::is_empty))
                    .then(|| view! { <p class="help" data-testid="social-print-help">{state.t(T::SocialPrintWhat)}</p> })
            }}
            {move || {
                let id = agency.get();
                (!id.is_empty()).then(|| view! { <AgencySheet agency=AgencyId(id) /> })
            }}
            {move || {
                let nip = person.get();
                (!nip.is_empty()).then(|| view! { <PersonSheet nip=nip /> })
            }}
        </div>
    }
}

/// How to comment, and until when.
fn how_to_comment(deadline: Option<crate::core::date::Date>, contact: &str, lang: Lang) -> String {
    let deadline = deadline.map_or_else(|| T::DeadlineUnset.text(lang).to_string(), |d| d.to_dmy());
    let contact = if contact.is_empty() {
        T::ContactUnset.text(lang).to_string()
    } else {
        contact.to_string()
    };
    format!(
        "{} {deadline} {} {contact}.",
        T::HowToCommentBefore.text(lang),
        T::HowToCommentVia.text(lang)
    )
}

#[component]
fn AgencySheet(agency: AgencyId) -> impl IntoView {
    let state = use_state();
    let content = move || {
        let lang = state.lang.get();
        with_plan(state, |input, plan| {
            let ws = input.ws;
            let a = ws.agencies.iter().find(|a| a.id == agency)?;
            let moves = agency_moves(ws, plan, &agency);
            let line = |row: usize| {
                let asn = &ws.asn[plan.person(row)];
                let c = plan.chosen[row];
                Line {
                    nip: asn.nip.to_string(),
                    name: asn.name.clone(),
                    from: position_label(ws, plan.current(row)),
                    to: position_label(ws, plan.destination(row)),
                    class: report::class_of_row(ws, plan, row)
                        .map(|c| class_key(c).text(lang).to_string())
                        .unwrap_or_default(),
                    why: format!(
                        "{} {} ({}); {}",
                        T::WeightFit.text(lang),
                        format_decimal(i64::from(c.fit_milli), 3, 2, lang),
                        jpm_text(c.jpm_permille, assessed(asn), 0, lang),
                        rank_text(c.preference_rank, asn.preferences.len(), lang)
                    ),
                }
            };
            let leaving: Vec<Line> = moves.leaving.iter().map(|&r| line(r)).collect();
            let arriving: Vec<Line> = moves.arriving.iter().map(|&r| line(r)).collect();
            let scenario = input.scenario;
            let weights: Vec<(T, i64)> = plan
                .chosen
                .first()
                .map(|c| c.terms.contributions(&scenario.weights).iter().map(|(t, _, w, _)| (term_label(*t), *w)).collect())
                .unwrap_or_default();
            let rules: Vec<&'static str> = checked_rules(&scenario.rules).into_iter().map(|r| rule_label(r, lang)).collect();
            let how = how_to_comment(input.round.participation.deadline, &input.round.participation.contact, lang);
            let table = move |lines: Vec<Line>, testid: &'static str| {
                view! {
                    <table class="data compact" data-testid=testid>
                        <thead>
                            <tr>
                                <th scope="col">"NIP"</th>
                                <th scope="col">{T::ColName.text(lang)}</th>
                                <th scope="col">{T::From.text(lang)}</th>
                                <th scope="col">{T::To.text(lang)}</th>
                                <th scope="col">{T::MoveClassLabel.text(lang)}</th>
                                <th scope="col">{T::Why.text(lang)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {lines
                                .into_iter()
                                .map(|l| {
                                    view! {
                                        <tr>
                                            <td class="mono">{l.nip}</td>
                                            <td>{l.name}</td>
                                            <td>{l.from}</td>
                                            <td>{l.to}</td>
                                            <td data-class=l.class.clone()>{l.class.clone()}</td>
                                            <td>{l.why}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                }
            };
            Some(view! {
                <article class="social-sheet" data-testid="social-agency-sheet">
                    <h3>{T::SocialAgencyTitle.text(lang)} " · " {a.name.clone()}</h3>
                    <p>{input.round.name.clone()} " · TMT " {input.round.effective_date.to_dmy()} " · " {scenario.name.clone()}</p>
                    <p data-testid="social-ppk">{T::Ppk.text(lang)} ": " {ws.government.ppk()} " · " {ws.government.name()}</p>
                    {version_line(ws, input.round, lang).map(|v| view! { <p class="version-line" data-testid="social-version">{v}</p> })}
                    <h4>{T::Leaving.text(lang)} " (" {leaving.len()} ")"</h4>
                    {table(leaving, "social-leaving")}
                    <h4>{T::Arriving.text(lang)} " (" {arriving.len()} ")"</h4>
                    {table(arriving, "social-arriving")}
                    <h4>{T::CriteriaWeights.text(lang)}</h4>
                    <ul data-testid="social-weights">
                        {weights.into_iter().map(|(t, w)| view! { <li>{t.text(lang)} ": " {w}</li> }).collect_view()}
                    </ul>
                    <p>{T::RulesApplied.text(lang)} ": " {rules.join(", ")}</p>
                    <h4>{T::HowToComment.text(lang)}</h4>
                    <p data-testid="social-how">{how}</p>
                </article>
            })
        })
        .flatten()
    };
    view! { {content} }
}

#[component]
fn PersonSheet(nip: String) -> impl IntoView {
    let state = use_state();
    let content = move || {
        let lang = state.lang.get();
        with_plan(state, |input, plan| {
            let ws = input.ws;
            let row = plan.row_of(ws, &nip)?;
            let asn = &ws.asn[plan.person(row)];
            let e = explain(input, plan, row);
            let from = position_label(ws, plan.current(row));
            let to = position_label(ws, plan.destination(row));
            let outcome = if e.moved {
                let class = report::class_of_row(ws, plan, row)
                    .map(|c| class_key(c).text(lang))
                    .unwrap_or_default();
                format!("{from} → {to} ({}: {class})", T::MoveClassLabel.text(lang))
            } else {
                format!("{}: {from}", T::Stays.text(lang))
            };
            let wishes: Vec<String> = asn
                .preferences
                .iter()
                .map(|p| match &p.target {
                    PreferenceTarget::Position(id) => ws
                        .positions
                        .iter()
                        .position(|q| &q.id == id)
                        .map_or(id.0.clone(), |i| position_label(ws, Some(i))),
                    PreferenceTarget::Unit(u) => ws
                        .agencies
                        .iter()
                        .find_map(|a| a.unit(u).map(|x| format!("{} · {}", x.name, a.short_name)))
                        .unwrap_or(u.0.clone()),
                    PreferenceTarget::Agency(a) => ws
                        .agencies
                        .iter()
                        .find(|x| &x.id == a)
                        .map_or(a.0.clone(), |x| x.name.clone()),
                    PreferenceTarget::Regency(r) => r.name().to_string(),
                })
                .collect();
            let stable = (plan.mode == crate::core::engine::Mode::Stable)
                .then(|| wish_points_view(ws, plan, row, lang));
            let aspects = e.fit.as_ref().map(|f| fit_aspects(f, lang)).unwrap_or_default();
            let fit = e.fit.as_ref().map(|f| fit_summary(f, assessed(asn), lang));
            let how = how_to_comment(input.round.participation.deadline, &input.round.participation.contact, lang);
            // The same proposal as a file the ASN opens on the card page
            // to answer it.
            let proposal = crate::core::io::objection::ProposalFile {
                from: from.clone(),
                to: to.clone(),
                moves: e.moved,
                deadline: input.round.participation.deadline,
                contact: input.round.participation.contact.clone(),
                ..crate::core::io::objection::ProposalFile::new(
                    &input.round.id,
                    &input.round.name,
                    asn.nip.as_str(),
                    &asn.name,
                )
            };
            let code = proposal.code();
            let download_proposal = move |_| {
                let text = crate::core::io::objection::write_proposal(&proposal);
                if let Err(e) = crate::ui::browser::download_text(&proposal.file_name(), "application/json", &text) {
                    state.notify(true, e);
                }
            };
            Some(view! {
                <div class="actions">
                    <button type="button" data-testid="social-proposal" on:click=download_proposal>
                        {T::ProposalDownload.text(lang)}
                    </button>
                </div>
                <article class="social-sheet" data-testid="social-person-sheet">
                    <h3>{T::SocialPersonTitle.text(lang)} " · " {asn.name.clone()}</h3>
                    <p class="mono">"NIP " {asn.nip.spaced()}</p>
                    <p>{input.round.name.clone()} " · TMT " {input.round.effective_date.to_dmy()}</p>
                    <p data-testid="social-ppk">{T::Ppk.text(lang)} ": " {ws.government.ppk()} " · " {ws.government.name()}</p>
                    {version_line(ws, input.round, lang).map(|v| view! { <p class="version-line" data-testid="social-version">{v}</p> })}
                    <p data-testid="social-outcome"><strong>{outcome}</strong></p>
                    <p data-testid="social-rank">{rank_text(e.preference_rank, asn.preferences.len(), lang)}</p>
                    {(!wishes.is_empty())
                        .then(|| {
                            view! {
                                <ol class="wish-list">{wishes.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ol>
                            }
                        })}
                    {stable}
                    <h4>{T::ScoreTerms.text(lang)} " = " {signed_count(e.score, lang)}</h4>
                    <p class="help">{T::ScoreHelp.text(lang)}</p>
                    {terms_table(&e.terms, lang, "social-terms")}
                    <h4>{T::FitSettingsTitle.text(lang)} ": " {fit}</h4>
                    <ul>{aspects.into_iter().map(|(t, s, w)| view! { <li>{t.text(lang)} ": " {s} " (" {w} ")"</li> }).collect_view()}</ul>
                    <h4>{T::HowToComment.text(lang)}</h4>
                    <p>{how}</p>
                    <p data-testid="social-code">
                        {T::ProposalCode.text(lang)} ": " <strong class="mono" data-testid="social-code-value">{code}</strong>
                        <br />
                        <span class="help">{T::ProposalCodeHelp.text(lang)}</span>
                    </p>
                </article>
            })
        })
        .flatten()
    };
    view! { {content} }
}

/// How many of a person's options the sheet lists.
const WISH_ROWS: usize = 10;

/// Stable mode on the person's sheet: the phase of their outcome, their
/// points at each position their wishes could give them (with the
/// components), the formula and tie-break, and why ranking true wishes is
/// safe.
fn wish_points_view(
    ws: &crate::core::model::Workspace,
    plan: &crate::core::engine::Plan,
    row: usize,
    lang: Lang,
) -> impl IntoView {
    let list = crate::core::engine::view::wish_points(ws, plan, row);
    let more = list.len().saturating_sub(WISH_ROWS);
    let any = !list.is_empty();
    let participant = plan.model.participant.get(row).copied().unwrap_or(false);
    let phase = plan.phase(row).map(|p| phase_key(p).text(lang));
    let formula = plan.market.formula().clone();
    let rows = list
        .into_iter()
        .take(WISH_ROWS)
        .map(|w| {
            let parts = points_parts(&w.points, &formula, lang);
            let unit = unit_label(ws, w.position);
            view! {
                <tr data-granted=w.granted.to_string()>
                    <td class="num">{w.wish.map(|k| (k + 1).to_string())}</td>
                    <td>
                        {position_label(ws, Some(w.position))}
                        <br />
                        <span class="muted">{unit}</span>
                        {w.granted.then(|| view! { <br /><strong class="granted">"✓ " {T::Granted.text(lang)}</strong> })}
                    </td>
                    <td class="num">
                        <strong>{w.points.total()}</strong>
                        <br />
                        <span class="muted">{parts}</span>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h4>{T::WishPointsTitle.text(lang)}</h4>
        {phase.map(|p| view! { <p data-testid="social-phase">{T::PhaseLabel.text(lang)} ": " {p}</p> })}
        {if !participant {
            ().into_any()
        } else if any {
            view! {
                <table class="data compact" data-testid="social-wish-points">
                    <thead>
                        <tr>
                            <th scope="col" class="num">{T::WishNumber.text(lang)}</th>
                            <th scope="col">{T::ColPosition.text(lang)}</th>
                            <th scope="col" class="num">{T::PointsTotal.text(lang)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
                {(more > 0).then(|| view! { <p class="muted">"+ " {more}</p> })}
            }
                .into_any()
        } else {
            view! { <p>{T::NoWishOptions.text(lang)}</p> }.into_any()
        }}
        <p class="muted">
            {T::PointsFormulaIs.text(lang)} ": "
            {crate::ui::pages::points::formula_words(plan.market.formula(), lang)} ". "
            {T::PointsTieBreak.text(lang)}
        </p>
        <p data-testid="social-safe">{T::StableSafe.text(lang)}</p>
    }
}

/// The components of a person's points that the formula counts, named:
/// "411 kecocokan + 50 masa jabatan".
fn points_parts(
    p: &crate::core::engine::stable::Points,
    formula: &crate::core::model::PointsFormula,
    lang: Lang,
) -> String {
    [
        (formula.fit, p.fit, T::PointsPartFit),
        (formula.per_year_in_position, p.years, T::PointsPartYears),
        (formula.own_request, p.own_request, T::PointsPartOwn),
        (formula.family, p.family, T::PointsPartFamily),
        (formula.near_domicile, p.near, T::PointsPartNear),
    ]
    .iter()
    .filter(|(on, _, _)| *on > 0)
    .map(|(_, v, t)| format!("{v} {}", t.text(lang)))
    .collect::<Vec<_>>()
    .join(" + ")
}

/// A position's unit, to tell apart positions of the same name.
fn unit_label(ws: &crate::core::model::Workspace, position: usize) -> String {
    let p = &ws.positions[position];
    ws.agencies
        .iter()
        .find_map(|a| a.unit(&p.unit).map(|u| u.name.clone()))
        .unwrap_or_default()
}

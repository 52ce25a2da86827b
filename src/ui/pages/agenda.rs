//! The review meeting's printable agenda and minutes (issue 14): for the
//! Tim Penilai Kinerja PNS, the round's fairness summary, then agency by
//! agency the proposed moves, the open objections, the manual decisions
//! with their reasons and the agency's fairness line
//! (`core::engine::agenda`); at the end the minutes as recorded — who
//! attended and what was decided — with room for the chair's signature.

use crate::core::engine::agenda::{agenda, AgencyAgenda};
use crate::core::model::{DecisionAction, PositionId, Review, Round, Workspace};
use crate::i18n::{format_count, format_decimal, Lang, T};
use crate::ui::pages::hasil::fairness::outcomes_table;
use crate::ui::pages::labels::{class_key, position_label, version_line, with_plan};
use crate::ui::state::use_state;
use leptos::prelude::*;

/// The button, and the sheet when asked for.
#[component]
pub fn AgendaPanel() -> impl IntoView {
    let state = use_state();
    let open = RwSignal::new(false);
    view! {
        <div class="actions">
            <button
                type="button"
                data-testid="agenda-show"
                aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {move || state.t(T::AgendaShow)}
            </button>
        </div>
        {move || open.get().then(|| view! { <AgendaSheet /> })}
    }
}

fn name_of(ws: &Workspace, nip: &crate::core::model::Nip) -> String {
    ws.asn
        .iter()
        .find(|a| &a.nip == nip)
        .map_or_else(|| nip.to_string(), |a| format!("{} ({nip})", a.name))
}

fn position_of(ws: &Workspace, id: &PositionId) -> String {
    position_label(ws, ws.positions.iter().position(|p| &p.id == id))
}

fn action_text(ws: &Workspace, action: &DecisionAction, lang: Lang) -> String {
    match action {
        DecisionAction::Assign(p) => {
            format!("{} {}", T::DecideAssign.text(lang), position_of(ws, p))
        }
        DecisionAction::Stay => T::Stays.text(lang).to_string(),
    }
}

/// The printable agenda of the open round's live plan.
#[component]
fn AgendaSheet() -> impl IntoView {
    let state = use_state();
    move || {
        let lang = state.lang.get();
        with_plan(state, |input, plan| {
            let ws = input.ws;
            let round = input.round;
            let a = agenda(ws, round, plan);
            let version = version_line(ws, round, lang)
                .map(|v| format!(" · {v}"))
                .unwrap_or_default();
            view! {
                <section class="agenda-sheet" data-testid="agenda-sheet">
                    <div class="actions">
                        <button type="button" class="primary" data-testid="agenda-print" on:click=move |_| {
                            let _ = window().print();
                        }>{T::Print.text(lang)}</button>
                    </div>
                    <h3>{T::AgendaTitle.text(lang)}</h3>
                    <p>{round.name.clone()} {version} " · " {ws.government.ppk()}</p>
                    {round.procedure.review.as_ref().map(|r| meeting(r, lang))}
                    <h4>{T::FairnessSummary.text(lang)}</h4>
                    <p class="help">{T::ByGender.text(lang)}</p>
                    {outcomes_table(a.by_gender, "agenda-gender".into(), lang)}
                    <p class="help">{T::ByGolongan.text(lang)}</p>
                    {outcomes_table(a.by_golongan, "agenda-golongan".into(), lang)}
                    {a.agencies.into_iter().map(|ag| agency_part(ws, round, ag, lang)).collect_view()}
                    <Minutes review=round.procedure.review.clone() lang=lang />
                </section>
            }
        })
    }
}

/// The meeting's date and members.
fn meeting(review: &Review, lang: Lang) -> impl IntoView {
    view! {
        <p data-testid="agenda-meeting">
            {T::ReviewMeeting.text(lang)} ": " {review.meeting.to_dmy()} " · "
            {T::AgendaMembers.text(lang)} ": " {review.members.join("; ")}
        </p>
    }
}

/// One agency's part: its proposed moves, objections, decisions and
/// fairness line.
fn agency_part(ws: &Workspace, round: &Round, ag: AgencyAgenda, lang: Lang) -> impl IntoView {
    let agency = &ws.agencies[ag.agency];
    let summary = format!(
        "{} {} · {} {}",
        format_count(ag.moves.len(), lang),
        T::AgendaMovesIn.text(lang),
        format_count(ag.leaving, lang),
        T::AgendaLeaving.text(lang)
    );
    let moves = (!ag.moves.is_empty()).then(|| {
        view! {
            <table class="data compact">
                <thead>
                    <tr>
                        <th scope="col">{T::ColName.text(lang)}</th>
                        <th scope="col">{T::ColFrom.text(lang)}</th>
                        <th scope="col">{T::ColTo.text(lang)}</th>
                        <th scope="col">{T::MoveClassLabel.text(lang)}</th>
                        <th scope="col" class="num">{T::ColFit.text(lang)}</th>
                    </tr>
                </thead>
                <tbody>
                    {ag.moves
                        .iter()
                        .map(|m| {
                            let asn = &ws.asn[m.asn];
                            view! {
                                <tr data-nip=asn.nip.to_string()>
                                    <td>{asn.name.clone()} <br /> <span class="nip">{asn.nip.to_string()}</span></td>
                                    <td>{position_label(ws, m.from)}</td>
                                    <td>
                                        {position_label(ws, Some(m.to))}
                                        {m.crossing.map(|_| view! { " " <span class="badge crossing">{T::CrossingBadge.text(lang)}</span> })}
                                    </td>
                                    <td>{class_key(m.class).text(lang)}</td>
                                    <td class="num">{format_decimal(i64::from(m.fit_milli), 3, 2, lang)}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        }
    });
    let comments = &round.participation.comments;
    let objections = (!ag.objections.is_empty()).then(|| {
        view! {
            <p><strong>{T::AgendaObjections.text(lang)}</strong></p>
            <ul data-testid="agenda-objections">
                {ag.objections
                    .iter()
                    .filter_map(|id| comments.iter().find(|c| c.id == *id))
                    .map(|c| {
                        view! {
                            <li>
                                "#" {c.id} " · " {name_of(ws, &c.asn)} ": " {c.text.clone()} " — "
                                {match &c.request {
                                    DecisionAction::Stay => T::RequestStay.text(lang).to_string(),
                                    DecisionAction::Assign(p) => format!("{} {}", T::RequestAssign.text(lang), position_of(ws, p)),
                                }}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
    });
    let decisions = (!ag.decisions.is_empty()).then(|| {
        view! {
            <p><strong>{T::AgendaDecisions.text(lang)}</strong></p>
            <ul data-testid="agenda-decisions">
                {ag.decisions
                    .iter()
                    .filter_map(|&i| round.decisions.get(i))
                    .map(|d| {
                        view! {
                            <li>
                                {name_of(ws, &d.asn)} ": " {action_text(ws, &d.action, lang)} " — "
                                {T::ColReason.text(lang)} ": " {d.reason.clone()}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
    });
    let fairness = ag.fairness.map(|o| {
        view! {
            <p class="help">
                {T::TabFairness.text(lang)} ": " {format_count(o.people, lang)} " " {T::InRound.text(lang)} " · "
                {o.moved} " " {T::MovedShare.text(lang)} " · " {T::MeanFit.text(lang)} " "
                {format_decimal(i64::from(o.mean_fit_milli), 3, 2, lang)} " · " {T::PrefMet.text(lang)} " "
                {o.preference_met} "/" {o.with_preferences} " · " {T::FarMoves.text(lang)} " " {o.far}
            </p>
        }
    });
    view! {
        <section class="agenda-agency" data-testid="agenda-agency" data-agency=agency.id.0.clone()>
            <h4>{agency.name.clone()}</h4>
            <p>{summary}</p>
            {moves}
            {objections}
            {decisions}
            {fairness}
        </section>
    }
}

/// The minutes as recorded, for the record and the chair's signature.
#[component]
fn Minutes(review: Option<Review>, lang: Lang) -> impl IntoView {
    let Some(review) = review else {
        return view! { <p class="help">{T::AgendaNoReview.text(lang)}</p> }.into_any();
    };
    view! {
        <section class="agenda-minutes" data-testid="agenda-minutes">
            <h4>{T::ReviewMinutes.text(lang)}</h4>
            <table class="data compact">
                <tbody>
                    {review
                        .members
                        .iter()
                        .map(|m| {
                            let here = review.attended.contains(m);
                            view! {
                                <tr data-attended=here.to_string()>
                                    <td>{m.clone()}</td>
                                    <td>{if here { T::Attended.text(lang) } else { T::Absent.text(lang) }}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
            <p class="minutes-text">{review.minutes.clone()}</p>
            <p class="signature">{T::AgendaChair.text(lang)} <br /><br /><br /> "( ............................................ )"</p>
        </section>
    }
    .into_any()
}

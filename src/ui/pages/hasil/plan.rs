//! The plan tab: the moves with their filters, vacancy chains, vacant
//! openings, the JPT posts that need an open selection, and who stays.

use super::explain::ExplainPanel;
use crate::core::engine::view::{self, MoveFilter};
use crate::core::model::*;
use crate::i18n::{format_decimal, T};
use crate::ui::components::{page_of, AgencySelect, PagedList, Pager};
use crate::ui::pages::labels::*;
use crate::ui::state::use_state;
use leptos::prelude::*;

/// One line of the moves table: the core's row with its labels.
#[derive(Clone, Debug, PartialEq)]
struct MoveLine {
    m: view::MoveRow,
    name: String,
    nip: String,
    from: String,
    to: String,
    /// The move needs the Mendagri's written approval (Pilkada).
    pilkada: bool,
}

/// The item an option value names: the value is its place in `all`.
fn pick<T: Copy>(all: &[T], value: &str) -> Option<T> {
    value
        .parse::<usize>()
        .ok()
        .and_then(|i| all.get(i).copied())
}

#[component]
pub(super) fn PlanTab() -> impl IntoView {
    let state = use_state();
    let agency = RwSignal::new(String::new());
    let regency = RwSignal::new(String::new());
    let kind = RwSignal::new(String::new());
    // The person whose outcome is explained (not their row: a decision on
    // them reorders the rows).
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
                    pilkada: crate::core::timing::needs_approval(
                        input.round,
                        &ws.asn[m.asn],
                        m.from.map(|p| &ws.positions[p]),
                        &ws.positions[m.to],
                    ),
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
    let page = RwSignal::new(0);
    let filters = Memo::new(move |_| (agency.get(), regency.get(), kind.get()));
    let (total, visible) = page_of(filtered, filters, page);
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
        {move || selected.get().map(|asn| view! { <ExplainPanel asn=asn selected=selected /> })}
        <div class="table-wrap">
            <table class="data" data-testid="moves-result-table">
                <thead>
                    <tr>
                        <th scope="col">{move || state.t(T::ColName)}</th>
                        <th scope="col">{move || state.t(T::ColFrom)}</th>
                        <th scope="col">{move || state.t(T::ColTo)}</th>
                        <th scope="col">{move || state.t(T::MoveClassLabel)}</th>
                        <th scope="col">{move || state.t(T::PhaseLabel)}</th>
                        <th scope="col" class="num">{move || state.t(T::ColFit)}</th>
                        <th scope="col">{move || state.t(T::ColJpm)}</th>
                        <th scope="col" class="num">{move || state.t(T::ColPrefRank)}</th>
                        <th scope="col" class="num">{move || state.t(T::ColDistance)}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        let lang = state.lang.get();
                        let list = visible.get();
                        if list.is_empty() {
                            return view! { <tr><td colspan="9" class="empty">{state.t(T::NoRows)}</td></tr> }.into_any();
                        }
                        list.into_iter()
                            .map(|l| {
                                let m = &l.m;
                                let person = m.asn;
                                view! {
                                    <tr class:selected=move || selected.get() == Some(person) data-nip=l.nip.clone() data-class=m.class.code() data-phase=m.phase.map(|p| p.code()) data-crossing=m.crossing.is_some().to_string() data-pilkada=l.pilkada.to_string()>
                                        <td>
                                            <button type="button" class="link" on:click=move |_| selected.set(Some(person))>
                                                {l.name.clone()}
                                            </button>
                                        </td>
                                        <td>{l.from.clone()}</td>
                                        <td>
                                            {l.to.clone()}
                                            {m.crossing.map(|c| view! { " " <span class="badge crossing" title=c.label()>{T::CrossingBadge.text(lang)}</span> })}
                                            {l.pilkada.then(|| view! { " " <span class="badge pilkada">{T::PilkadaBadge.text(lang)}</span> })}
                                        </td>
                                        <td>{class_key(m.class).text(lang)}</td>
                                        <td>{m.phase.map_or("–", |p| phase_key(p).text(lang))}</td>
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
        <Pager total=total page=page testid="moves-pager" />
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
                    use crate::core::engine::model::WithheldWhy;
                    let why = match v.withheld {
                        Some(WithheldWhy::HolderLeaves { row }) if plan.moved(row) => {
                            T::HolderLeftSeatEmpty
                        }
                        Some(WithheldWhy::HolderLeaves { .. }) => T::HolderDidNotLeave,
                        Some(WithheldWhy::HolderStays { .. }) => T::HolderNotInRound,
                        Some(WithheldWhy::AtNeed { .. }) => T::AtNeedCeiling,
                        None if v.has_candidates => T::CandidatesElsewhere,
                        None => T::NoCandidate,
                    };
                    format!(
                        "{} ({}): {}",
                        position_label(ws, Some(v.position)),
                        crate::ui::pages::labels::priority_key(v.priority).text(lang),
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
                        .enumerate()
                        .map(|(k, &(a, fit))| {
                            use crate::core::engine::selection::Pasal107;
                            let unmet: Vec<&str> = s
                                .unmet
                                .get(k)
                                .into_iter()
                                .flatten()
                                .map(|r| {
                                    match r {
                                        Pasal107::Education => T::Pasal107Education,
                                        Pasal107::Age => T::Pasal107Age,
                                        Pasal107::Rank => T::Pasal107Rank,
                                        Pasal107::Performance => T::Pasal107Performance,
                                    }
                                    .text(lang)
                                })
                                .collect();
                            let unmet = if unmet.is_empty() {
                                String::new()
                            } else {
                                format!("; {}: {}", T::Pasal107Unmet.text(lang), unmet.join(", "))
                            };
                            format!(
                                "{} ({}, {}{unmet})",
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
            let full: Vec<String> = plan
                .model
                .full_pins
                .iter()
                .map(|&(a, p)| format!("{} → {}", ws.asn[a].name, position_label(ws, Some(p))))
                .collect();
            view! {
                {(!full.is_empty()).then(|| view! {
                    <div role="alert" class="alert error" data-testid="full-decisions">
                        <p>{T::FullPins.text(lang)}</p>
                        <ul>{full.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
                    </div>
                })}
                {(!refused.is_empty()).then(|| view! {
                    <div role="alert" class="alert error" data-testid="refused-decisions">
                        <p>{T::RefusedDecisions.text(lang)}</p>
                        <ul>{refused.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
                    </div>
                })}
                <details data-testid="stays">
                    <summary>{T::StaysTitle.text(lang)} " (" {n_stays} ")"</summary>
                    <PagedList items=stays testid="stays-list" />
                </details>
                <h3>{T::Chains.text(lang)} " (" {plan.chains.len()} ")"</h3>
                <PagedList items=chains testid="chains" ordered=true class="chains" />
                <h3>{T::VacantOpenings.text(lang)} " (" {vacant.len()} ")"</h3>
                <PagedList items=vacant testid="vacant-openings" />
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

//! The checklist of transfers between governments (issue 14): for every
//! move whose origin and destination belong to different governments, the
//! releasing PPK's letter, the receiving PPK's letter and BKN's
//! pertimbangan teknis, each with its number and date. The round cannot be
//! decided while one is missing (`core::procedure::unclear`).

use crate::core::date::Date;
use crate::core::edit::Edit;
use crate::core::model::{ClearanceDoc, Letter, Nip, RoundStatus};
use crate::core::procedure::{self, Change, Crossing};
use crate::i18n::T;
use crate::ui::pages::labels::with_plan;
use crate::ui::state::{use_state, AppState};
use leptos::prelude::*;

/// One person's transfer between governments and what is recorded for it.
#[derive(Clone, Debug, PartialEq)]
struct Row {
    nip: Nip,
    name: String,
    crossing: String,
    letters: [Option<Letter>; 3],
    editable: bool,
}

impl Row {
    fn key(&self) -> String {
        format!("{}{:?}{}", self.nip, self.letters, self.editable)
    }
}

/// The transfers between governments of the live plan, or of the decided
/// version once the round is decided.
fn rows(state: AppState) -> Vec<Row> {
    let people: Vec<(Nip, Crossing)> = state
        .workspace
        .with(|ws| {
            let round = ws.open_round()?;
            let version = round.procedure.current()?;
            (round.procedure.status >= RoundStatus::Ditetapkan).then(|| {
                procedure::crossings(ws, &version.result.moves)
                    .map(|(m, c)| (m.asn.clone(), c))
                    .collect()
            })
        })
        .or_else(|| {
            with_plan(state, |input, plan| {
                crate::core::engine::view::moves(input.ws, plan)
                    .into_iter()
                    .filter_map(|m| Some((input.ws.asn[m.asn].nip.clone(), m.crossing?)))
                    .collect()
            })
        })
        .unwrap_or_default();
    state.workspace.with(|ws| {
        let Some(round) = ws.open_round() else {
            return Vec::new();
        };
        let editable = procedure::allows(round.procedure.status, Change::Participation);
        people
            .into_iter()
            .map(|(nip, crossing)| {
                let clearance = round.procedure.clearance(&nip);
                Row {
                    name: ws
                        .asn
                        .iter()
                        .find(|a| a.nip == nip)
                        .map(|a| a.name.clone())
                        .unwrap_or_default(),
                    crossing: crossing.label(),
                    letters: ClearanceDoc::ALL
                        .map(|d| clearance.and_then(|c| c.letter(d)).cloned()),
                    nip,
                    editable,
                }
            })
            .collect()
    })
}

/// The checklist table; nothing when no move crosses governments.
#[component]
pub fn Clearances() -> impl IntoView {
    let state = use_state();
    let list = Memo::new(move |_| rows(state));
    move || {
        if list.with(Vec::is_empty) {
            return None;
        }
        Some(view! {
            <h3>{move || state.t(T::ClearanceTitle)}</h3>
            <p class="help">{move || state.t(T::ClearanceHelp)}</p>
            <div class="table-wrap">
                <table class="data compact" data-testid="clearances">
                    <thead>
                        <tr>
                            <th scope="col">{move || state.t(T::ColName)}</th>
                            <th scope="col">{move || state.t(T::CrossingBadge)}</th>
                            {ClearanceDoc::ALL
                                .map(|d| view! { <th scope="col">{move || state.t(doc_key(d))}</th> })
                                .collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || list.get() key=Row::key let:row>
                            <ClearanceRow row=row />
                        </For>
                    </tbody>
                </table>
            </div>
        })
    }
}

fn doc_key(doc: ClearanceDoc) -> T {
    match doc {
        ClearanceDoc::Releasing => T::DocReleasing,
        ClearanceDoc::Receiving => T::DocReceiving,
        ClearanceDoc::Bkn => T::DocBkn,
    }
}

#[component]
fn ClearanceRow(row: Row) -> impl IntoView {
    let complete = row.letters.iter().all(Option::is_some);
    let cells = ClearanceDoc::ALL
        .into_iter()
        .zip(row.letters.clone())
        .map(|(doc, letter)| {
            view! { <td><LetterCell nip=row.nip.clone() doc=doc letter=letter editable=row.editable /></td> }
        })
        .collect_view();
    view! {
        <tr data-nip=row.nip.to_string() data-complete=complete.to_string()>
            <td>{row.name} <br /> <span class="nip">{row.nip.to_string()}</span></td>
            <td>{row.crossing}</td>
            {cells}
        </tr>
    }
}

/// One document: its number and date, or the fields to record it.
#[component]
fn LetterCell(
    nip: Nip,
    doc: ClearanceDoc,
    letter: Option<Letter>,
    editable: bool,
) -> impl IntoView {
    let state = use_state();
    let code = doc.code();
    match letter {
        Some(l) => {
            let remove = editable.then(|| {
                let nip = nip.clone();
                view! {
                    " "
                    <button type="button" class="link" data-testid=format!("letter-{code}-remove") on:click=move |_| {
                        let _ = state.apply(Edit::SetClearance { asn: nip.clone(), doc, letter: None });
                    }>{move || state.t(T::Remove)}</button>
                }
            });
            view! {
                <span data-testid=format!("letter-{code}")>{l.number} " · " {l.date.to_dmy()}</span>
                {remove}
            }
            .into_any()
        }
        None if editable => {
            let number = RwSignal::new(String::new());
            let date = RwSignal::new(String::new());
            let save = move |_| {
                let Ok(day) = Date::parse_iso(&date.get_untracked()) else {
                    state.notify(true, state.t(T::LetterDateRequired));
                    return;
                };
                let _ = state.apply(Edit::SetClearance {
                    asn: nip.clone(),
                    doc,
                    letter: Some(Letter {
                        number: number.get_untracked(),
                        date: day,
                    }),
                });
            };
            view! {
                <div class="letter-fields">
                    <input type="text" data-testid=format!("letter-{code}-number") aria-label=move || state.t(T::LetterNumber)
                        placeholder=move || state.t(T::LetterNumber) prop:value=number on:input=move |ev| number.set(event_target_value(&ev)) />
                    <input type="date" data-testid=format!("letter-{code}-date") aria-label=move || state.t(T::LetterDate)
                        prop:value=date on:change=move |ev| date.set(event_target_value(&ev)) />
                    <button type="button" data-testid=format!("letter-{code}-save") on:click=save>{move || state.t(T::Record)}</button>
                </div>
            }
            .into_any()
        }
        None => view! { <span class="missing">"–"</span> }.into_any(),
    }
}

//! The decree attachment (Lampiran SK) of the active plan: download as XLSX
//! or CSV, or show it as a printable A4 table.

use crate::core::io::file_jobs::FileJob;
use crate::core::io::sheet_export::{
    decree_csv, decree_lines, decree_notes, version_decree_lines, DecreeLine, CROSSING_SECTION,
    DECREE_HEADERS,
};
use crate::core::model::RoundStatus;
use crate::i18n::{format_count, T};
use crate::ui::state::use_state;
use crate::ui::{browser, files};
use leptos::prelude::*;

/// Buttons, and the printable table when asked for.
#[component]
pub fn DecreePanel() -> impl IntoView {
    let state = use_state();
    let open = RwSignal::new(false);
    let lines = move || -> Vec<DecreeLine> {
        // A decided round's attachment is its decided version, whatever
        // the live plan gives since.
        let decided = state.workspace.with(|ws| {
            let round = ws.open_round()?;
            let version = round.procedure.current()?;
            (round.procedure.status >= RoundStatus::Ditetapkan)
                .then(|| version_decree_lines(ws, round, version))
        });
        decided.unwrap_or_else(|| {
            state
                .plan
                .with(|run| {
                    let plan = run.as_ref()?.result.as_ref().as_ref().ok()?;
                    state
                        .workspace
                        .with(|ws| Some(decree_lines(ws, ws.open_round()?, plan)))
                })
                .unwrap_or_default()
        })
    };
    let title = move || {
        state.workspace.with(|ws| {
            let lang = state.lang.get_untracked();
            let round = ws.open_round();
            let name = round.map(|r| r.name.clone()).unwrap_or_default();
            // The version and its fingerprint, once the round is published.
            let version = round
                .and_then(|r| crate::ui::pages::labels::version_line(ws, r, lang))
                .map(|v| format!(" · {v}"))
                .unwrap_or_default();
            format!("{} · {name}{version}", T::DecreeTitle.text(lang))
        })
    };
    let notes = move || {
        state
            .workspace
            .with(|ws| ws.open_round().map(decree_notes).unwrap_or_default())
    };
    let heading = move || state.workspace.with(|ws| ws.government.decree_heading());
    // The decree's number and date once issued (blank lines to fill in by
    // hand before), where it is signed and by whom.
    let signing = move || {
        state.workspace.with(|ws| Signing {
            decree: ws
                .open_round()
                .and_then(|r| r.procedure.decree.as_ref())
                .map(|d| (d.number.clone(), d.date)),
            place: ws.government.seat().seat().to_string(),
            ppk: ws.government.ppk().to_uppercase(),
        })
    };
    let file_stem = move || format!("lampiran-sk-{}", state.today);
    let xlsx = move |_| {
        let job = FileJob::DecreeXlsx {
            lines: lines(),
            title: title(),
            heading: heading(),
            notes: notes(),
        };
        let name = format!("{}.xlsx", file_stem());
        leptos::task::spawn_local(async move {
            let result = match files::write(job).await {
                Ok(bytes) => browser::download_bytes(&name, browser::XLSX_MIME, &bytes),
                Err(e) => Err(e),
            };
            if let Err(e) = result {
                state.notify(true, e);
            }
        });
    };
    let csv = move |_| {
        if let Err(e) = browser::download_text(
            &format!("{}.csv", file_stem()),
            "text/csv;charset=utf-8",
            &decree_csv(&lines()),
        ) {
            state.notify(true, e);
        }
    };
    view! {
        <div class="actions decree-actions">
            <button type="button" data-testid="decree-xlsx" on:click=xlsx>{move || state.t(T::DecreeXlsx)}</button>
            <button type="button" data-testid="decree-csv" on:click=csv>{move || state.t(T::DecreeCsv)}</button>
            <button
                type="button"
                data-testid="decree-show"
                aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {move || state.t(T::DecreePrint)}
            </button>
        </div>
        {move || open.get().then(|| view! { <DecreeSheet lines=lines() title=title() heading=heading() notes=notes() signing=signing() /> })}
    }
}

/// Who signs the decree, where, and its number and date once issued.
#[derive(Clone, Debug, PartialEq)]
struct Signing {
    decree: Option<(String, crate::core::date::Date)>,
    /// The seat of the government ("Jambi", "Muara Tebo").
    place: String,
    /// "GUBERNUR JAMBI", "BUPATI TEBO".
    ppk: String,
}

/// A blank to fill in by hand on the printed page.
const BLANK: &str = "……………………………";

/// The attachment as a table that prints on A4 landscape, the header row
/// repeated on every page and page numbers in the margin; the decree's
/// number and date above it and the PPK's signature block below it.
#[component]
fn DecreeSheet(
    lines: Vec<DecreeLine>,
    title: String,
    heading: String,
    notes: Vec<String>,
    signing: Signing,
) -> impl IntoView {
    let state = use_state();
    let lang = state.lang.get_untracked();
    let n = lines.len();
    let label = title.clone();
    let (number, date) = match &signing.decree {
        Some((number, date)) => (number.clone(), date.to_dmy()),
        None => (BLANK.to_string(), BLANK.to_string()),
    };
    // Numbered through; the transfers between governments (last) in their
    // own section.
    let (between, within): (Vec<_>, Vec<_>) = lines
        .into_iter()
        .enumerate()
        .partition(|(_, l)| l.crossing.is_some());
    view! {
        <section class="decree-sheet" data-testid="decree-sheet" aria-label=label>
            <div class="actions">
                <button type="button" class="primary" data-testid="decree-print" on:click=move |_| {
                    let _ = window().print();
                }>{T::Print.text(lang)}</button>
            </div>
            <h3>{title}</h3>
            <p data-testid="decree-heading">{heading} " · " {format_count(n, lang)} " ASN"</p>
            <p class="decree-ref" data-testid="decree-ref">
                "NOMOR : " {number.clone()} <br />
                "TANGGAL : " {date.clone()}
            </p>
            {notes
                .into_iter()
                .map(|note| view! { <p class="decree-note" data-testid="decree-note"><strong>{note}</strong></p> })
                .collect_view()}
            <DecreeTable lines=within />
            {(!between.is_empty())
                .then(|| {
                    view! {
                        <h4 data-testid="decree-crossing">{CROSSING_SECTION}</h4>
                        <DecreeTable lines=between />
                    }
                })}
            <div class="decree-signature" data-testid="decree-signature">
                <p>"Ditetapkan di " {signing.place} <br /> "pada tanggal " {date}</p>
                <p><strong>{signing.ppk} ","</strong></p>
                <p class="signature-space" aria-hidden="true"></p>
                <p>{BLANK}</p>
            </div>
        </section>
    }
}

/// One section of the attachment: the lines with their running numbers.
#[component]
fn DecreeTable(lines: Vec<(usize, DecreeLine)>) -> impl IntoView {
    view! {
        <table class="data decree">
            <thead>
                <tr>{DECREE_HEADERS.iter().map(|h| view! { <th scope="col">{*h}</th> }).collect_view()}</tr>
            </thead>
            <tbody>
                {lines
                    .into_iter()
                    .map(|(i, l)| {
                        let note = l.note();
                        view! {
                            <tr data-class=l.class data-crossing=l.crossing.is_some().to_string()>
                                <td class="num">{i + 1}</td>
                                <td class="nip">{l.nip}</td>
                                <td>{l.name}</td>
                                <td>{l.rank}</td>
                                <td>{l.old_position}</td>
                                <td>{l.old_unit}</td>
                                <td>{l.new_position}</td>
                                <td>{l.new_unit}</td>
                                <td>{l.tmt.to_dmy()}</td>
                                <td>{note}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

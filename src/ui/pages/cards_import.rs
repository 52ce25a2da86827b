//! The analyst's side of preference cards: publish the round's offer, open
//! card mode for an ASN, and import many card files (or a form's CSV/XLSX)
//! at once with a report of every problem.

use crate::core::edit::Edit;
use crate::core::io::preference_card::{
    import_card_sheet, import_cards, merge, offer_of, target_name, CardConflict, CardImport, Choice,
};
use crate::i18n::T;
use crate::messages::Message;
use crate::ui::components::{ImportReport, ProblemRow};
use crate::ui::state::use_state;
use crate::ui::{browser, files};
use leptos::prelude::*;

#[component]
pub fn CardsImport() -> impl IntoView {
    let state = use_state();
    let pending: RwSignal<Option<CardImport>> = RwSignal::new(None);
    // The analyst's choices for conflicting cards, apart from `pending`, so
    // choosing does not redraw the report (and its radio buttons).
    let choices: RwSignal<Vec<(String, Choice)>> = RwSignal::new(Vec::new());
    let input_ref = NodeRef::<leptos::html::Input>::new();

    let download_offer = move |_| {
        let offer = state.workspace.with_untracked(offer_of);
        let text = serde_json::to_string_pretty(&offer).unwrap_or_default();
        let name = format!("formasi-{}.json", offer.round);
        if let Err(e) = browser::download_text(&name, "application/json", &text) {
            state.notify(true, e);
        }
    };

    let on_files = move |ev: leptos::ev::Event| {
        let files = browser::chosen_files(&ev);
        leptos::task::spawn_local(async move {
            let mut cards = Vec::new();
            let mut sheets = Vec::new();
            let mut unreadable = Vec::new();
            for file in files {
                let name = file.name();
                match browser::read_bytes(file).await {
                    Ok(bytes) => {
                        let lower = name.to_lowercase();
                        if lower.ends_with(".json") {
                            cards.push((name, String::from_utf8_lossy(&bytes).into_owned()));
                        } else {
                            match files::read_sheet(&name, &bytes, None, state.lang.get_untracked())
                                .await
                            {
                                Ok(s) => sheets.push(s),
                                Err(e) => unreadable.push((name, e)),
                            }
                        }
                    }
                    Err(e) => unreadable.push((name, e)),
                }
            }
            let now = browser::now_iso();
            let result = state.workspace.with_untracked(|ws| {
                let mut all = import_cards(ws, &cards, &now);
                for s in &sheets {
                    all = merge(all, import_card_sheet(ws, s, &now), ws);
                }
                for (name, why) in unreadable {
                    all.read += 1;
                    all.problems
                        .push(crate::core::io::preference_card::CardProblem {
                            file: name,
                            row: None,
                            nip: None,
                            reason: crate::core::io::preference_card::CardReason::Unreadable(why),
                        });
                }
                all
            });
            choices.set(Vec::new());
            pending.set(Some(result));
        });
    };

    let reset = move || {
        pending.set(None);
        choices.set(Vec::new());
        if let Some(input) = input_ref.get_untracked() {
            input.set_value("");
        }
    };
    let confirm = move || {
        let Some(mut import) = pending.get_untracked() else {
            return;
        };
        for (nip, choice) in choices.get_untracked() {
            import.choose(&nip, choice);
        }
        let lang = state.lang.get_untracked();
        let detail = format!(
            "{}: {} {}",
            T::CardsImported.text(lang),
            import.to_apply().count(),
            T::CardsAccepted.text(lang)
        );
        if state.apply(Edit::ImportCards(Box::new(import))).is_ok() {
            state.notify(false, detail);
            reset();
        }
    };

    // The link to send ASN once the offer file is placed beside the app.
    let card_link = move || {
        let round = state
            .workspace
            .with(|ws| ws.open_round().map(|r| r.id.clone()).unwrap_or_default());
        let location = window().location();
        let path = location.pathname().unwrap_or_default();
        // The folder of this page: the card page and the offer sit beside it.
        let folder = path.rfind('/').map_or("/", |i| &path[..=i]);
        format!(
            "{}{folder}{}#formasi=formasi-{round}.json",
            location.origin().unwrap_or_default(),
            crate::ui::card::CARD_PAGE
        )
    };
    view! {
        <section class="cards-import" aria-labelledby="cards-title" data-testid="cards-import">
            <h3 id="cards-title">{move || state.t(T::CardsTitle)}</h3>
            <p>{move || state.t(T::CardsIntro)}</p>
            <p class="help">
                {move || state.t(T::CardLinkHelp)} " "
                <code data-testid="card-link">{card_link}</code>
            </p>
            <div class="actions">
                <button type="button" data-testid="download-offer" on:click=download_offer>
                    {move || state.t(T::DownloadOffer)}
                </button>
                <a href=crate::ui::card::CARD_PAGE target="_blank" rel="noopener" data-testid="open-card-mode">
                    {move || state.t(T::OpenCardMode)}
                </a>
                <label class="file">
                    <span>{move || state.t(T::CardsChoose)}</span>
                    <input
                        type="file"
                        multiple
                        accept=".json,.csv,.xlsx,application/json,text/csv"
                        data-testid="cards-files"
                        node_ref=input_ref
                        on:change=on_files
                    />
                </label>
            </div>
            {move || {
                pending.get().map(|import| {
                    let lang = state.lang.get_untracked();
                    let conflicts = import.conflicts.clone();
                    let plain = import.accepted.len();
                    let accepted = Signal::derive(move || {
                        plain + choices.with(|c| c.iter().filter(|(_, x)| matches!(x, Choice::Card(_))).count())
                    });
                    let problems = import
                        .problems
                        .iter()
                        .map(|p| ProblemRow {
                            file: p.file.clone(),
                            row: p.row,
                            nip: p.nip.clone(),
                            reason: p.message(lang),
                        })
                        .collect();
                    view! {
                        <ImportReport
                            prefix="cards"
                            read=import.read
                            accepted=accepted
                            accepted_word=T::CardsAccepted
                            apply_word=T::CardsApply
                            with_rows=true
                            problems=problems
                            on_confirm=Callback::new(move |()| confirm())
                            on_cancel=Callback::new(move |()| reset())
                        >
                            {(!conflicts.is_empty()).then(|| view! { <Conflicts conflicts=conflicts.clone() choices=choices /> })}
                        </ImportReport>
                    }
                })
            }}
        </section>
    }
}

/// Two or more cards for one NIP that disagree: the analyst picks the one
/// that counts, or none. The import is refused while one is open.
#[component]
fn Conflicts(
    conflicts: Vec<CardConflict>,
    choices: RwSignal<Vec<(String, Choice)>>,
) -> impl IntoView {
    let state = use_state();
    let lang = state.lang.get_untracked();
    let choose = move |nip: String, choice: Choice| {
        choices.update(|c| {
            c.retain(|(n, _)| *n != nip);
            c.push((nip, choice));
        })
    };
    let rows = state.workspace.with_untracked(|ws| {
        conflicts
            .into_iter()
            .map(|c| {
                let name = ws
                    .asn
                    .iter()
                    .find(|a| a.nip.as_str() == c.nip)
                    .map(|a| a.name.clone())
                    .unwrap_or_default();
                let cards: Vec<(String, String)> = c
                    .cards
                    .iter()
                    .map(|card| {
                        let wishes: Vec<String> = card
                            .wishes
                            .iter()
                            .enumerate()
                            .map(|(k, w)| format!("{}. {}", k + 1, target_name(ws, &w.target)))
                            .collect();
                        let when = if card.created_at.is_empty() {
                            "—"
                        } else {
                            &card.created_at
                        };
                        (format!("{} · {when}", card.file), wishes.join("; "))
                    })
                    .collect();
                (c.nip, name, cards)
            })
            .collect::<Vec<_>>()
    });
    view! {
        <div class="conflicts" data-testid="cards-conflicts">
            <h4>{T::CardsConflictTitle.text(lang)}</h4>
            <p class="help">{T::CardsConflictHelp.text(lang)}</p>
            {rows
                .into_iter()
                .map(|(nip, name, cards)| {
                    let group = format!("conflict-{nip}");
                    let neither = nip.clone();
                    view! {
                        <fieldset class="conflict" data-testid="cards-conflict" data-nip=nip.clone()>
                            <legend>{format!("{nip} · {name}")}</legend>
                            {cards
                                .into_iter()
                                .enumerate()
                                .map(|(i, (source, wishes))| {
                                    let nip = nip.clone();
                                    view! {
                                        <label class="check">
                                            <input
                                                type="radio"
                                                name=group.clone()
                                                data-testid="conflict-card"
                                                on:change=move |_| choose(nip.clone(), Choice::Card(i))
                                            />
                                            <span><strong>{source}</strong><br />{wishes}</span>
                                        </label>
                                    }
                                })
                                .collect_view()}
                            <label class="check">
                                <input
                                    type="radio"
                                    name=group.clone()
                                    data-testid="conflict-neither"
                                    on:change=move |_| choose(neither.clone(), Choice::Neither)
                                />
                                <span>{T::CardsConflictNeither.text(lang)}</span>
                            </label>
                        </fieldset>
                    }
                })
                .collect_view()}
        </div>
    }
}

//! The analyst's side of preference cards: publish the round's offer, open
//! card mode for an ASN, and import many card files (or a form's CSV/XLSX)
//! at once with a report of every problem.

use crate::core::edit::Edit;
use crate::core::io::preference_card::{
    import_card_sheet, import_cards, merge, offer_of, CardImport,
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
            let result = state.workspace.with_untracked(|ws| {
                let mut all = import_cards(ws, &cards);
                for s in &sheets {
                    all = merge(all, import_card_sheet(ws, s), ws);
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
            pending.set(Some(result));
        });
    };

    let reset = move || {
        pending.set(None);
        if let Some(input) = input_ref.get_untracked() {
            input.set_value("");
        }
    };
    let confirm = move || {
        let Some(import) = pending.get_untracked() else {
            return;
        };
        let lang = state.lang.get_untracked();
        let detail = format!(
            "{}: {} {}",
            T::CardsImported.text(lang),
            import.accepted.len(),
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
                            accepted=import.accepted.len()
                            accepted_word=T::CardsAccepted
                            apply_word=T::CardsApply
                            with_rows=true
                            problems=problems
                            on_confirm=Callback::new(move |()| confirm())
                            on_cancel=Callback::new(move |()| reset())
                        />
                    }
                })
            }}
        </section>
    }
}

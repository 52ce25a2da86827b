//! The analyst's side of objection files: many `keberatan-<NIP>.json` files
//! read at once, every problem reported, the rest recorded as the ASN's
//! comments on the open round (one undoable edit).

use crate::core::edit::Edit;
use crate::core::io::objection::{import_objections, ObjectionImport};
use crate::i18n::{format_count, T};
use crate::messages::Message;
use crate::ui::browser;
use crate::ui::components::{ImportReport, ProblemRow};
use crate::ui::state::use_state;
use leptos::prelude::*;

#[component]
pub fn ObjectionsImport() -> impl IntoView {
    let state = use_state();
    let pending: RwSignal<Option<ObjectionImport>> = RwSignal::new(None);
    let input_ref = NodeRef::<leptos::html::Input>::new();

    let on_files = move |ev: leptos::ev::Event| {
        let files = browser::chosen_files(&ev);
        leptos::task::spawn_local(async move {
            let mut texts = Vec::new();
            for file in files {
                let name = file.name();
                // A file that cannot be read is reported like a bad one.
                let text = browser::read_bytes(file)
                    .await
                    .map(|b| String::from_utf8_lossy(&b).into_owned())
                    .unwrap_or_default();
                texts.push((name, text));
            }
            let result = state
                .workspace
                .with_untracked(|ws| import_objections(ws, &texts));
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
            "{}: {}",
            T::ObjectionsRecorded.text(lang),
            format_count(import.accepted.len(), lang)
        );
        if state
            .apply(Edit::ImportObjections(Box::new(import)))
            .is_ok()
        {
            state.notify(false, detail);
            reset();
        }
    };

    view! {
        <section class="cards-import" aria-labelledby="objections-title" data-testid="objections-import">
            <h3 id="objections-title">{move || state.t(T::ObjectionsTitle)}</h3>
            <p>{move || state.t(T::ObjectionsIntro)}</p>
            <div class="actions">
                <label class="file">
                    <span>{move || state.t(T::ObjectionsChoose)}</span>
                    <input
                        type="file"
                        multiple
                        accept=".json,application/json"
                        data-testid="objection-files"
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
                            row: None,
                            nip: p.nip.clone(),
                            reason: p.message(lang),
                        })
                        .collect();
                    view! {
                        <ImportReport
                            prefix="objections"
                            read=import.read
                            accepted=import.accepted.len()
                            accepted_word=T::ObjectionsAccepted
                            apply_word=T::ObjectionsApply
                            with_rows=false
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

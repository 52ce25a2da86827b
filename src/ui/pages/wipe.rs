//! "Hapus semua data dari peramban ini" for a shared office computer: one
//! confirmed action deletes everything the planner (and the card page)
//! stored for this origin, stops the file worker, and reloads the page so
//! nothing stays in memory either (the workspace, the undo history, a file
//! being imported). The reloaded page says what was removed. Another open
//! tab of the planner drops its data too and stores nothing more.

use crate::core::demo::jambi_demo;
use crate::i18n::{format_count, Lang, T};
use crate::ui::state::{use_state, AppState, StorageStatus};
use crate::ui::storage::{self, Removed, WipeReport};
use leptos::prelude::*;

/// Deletes everything now, without asking and without reloading: stored
/// entries, the kept copy, the undo history and the file worker; this tab
/// then shows the demo and stores nothing (the button reloads after this).
pub fn wipe_now(state: AppState) -> WipeReport {
    // First, so that no pending or unload-time save writes anything back.
    state.storage.set(StorageStatus::Wiped);
    let undo_steps = state
        .history
        .with_untracked(|h| h.undo.len() + h.redo.len());
    let worker = crate::ui::files::stop();
    let report = storage::wipe(undo_steps, worker);
    forget(state);
    report
}

/// Another tab deleted everything: drop this tab's data as well.
pub fn wiped_elsewhere(state: AppState) {
    state.storage.set(StorageStatus::Wiped);
    crate::ui::files::stop();
    forget(state);
}

fn forget(state: AppState) {
    state.seal.set(None);
    state.copy.set(None);
    state.synced.set_value(String::new());
    state.replace_workspace(jambi_demo());
}

/// What a stored key is, in words.
pub fn describe(key: &str) -> T {
    match key {
        storage::WORKSPACE_KEY => T::StoredWorkspace,
        storage::COPY_KEY => T::StoredCopy,
        storage::LANG_KEY => T::StoredLang,
        storage::MAPPINGS_KEY => T::StoredMappings,
        storage::WELCOMED_KEY => T::StoredWelcomed,
        k if k.starts_with(storage::OFFER_COPY_PREFIX) => T::StoredOffer,
        _ => T::StoredOther,
    }
}

/// The Data page's panel: the one button, confirmed.
#[component]
pub fn WipePanel() -> impl IntoView {
    let state = use_state();
    let wipe = move |_| {
        let lang = state.lang.get_untracked();
        let ok = window()
            .confirm_with_message(T::WipeConfirm.text(lang))
            .unwrap_or(false);
        if ok {
            wipe_now(state);
            let _ = window().location().reload();
        }
    };
    view! {
        <section class="wipe" aria-labelledby="wipe-title">
            <h3 id="wipe-title">{move || state.t(T::SharedComputer)}</h3>
            <p>{move || state.t(T::WipeIntro)}</p>
            <button type="button" class="danger" data-testid="wipe-all" on:click=wipe>
                {move || state.t(T::WipeAll)}
            </button>
        </section>
    }
}

fn removed_line(r: &Removed, lang: Lang) -> String {
    let what = describe(&r.key).text(lang);
    format!(
        "{what} ({}, {} {})",
        r.key,
        format_count(r.chars, lang),
        T::StorageChars.text(lang)
    )
}

/// After the reload: what the wipe removed, until dismissed.
#[component]
pub fn WipeReportBanner() -> impl IntoView {
    let state = use_state();
    let report = RwSignal::new(storage::take_wipe_report());
    move || {
        let r = report.get()?;
        let lang = state.lang.get();
        let lines = if r.removed.is_empty() {
            vec![T::WipeNothing.text(lang).to_string()]
        } else {
            r.removed.iter().map(|x| removed_line(x, lang)).collect()
        };
        Some(view! {
            <div role="status" class="notice banner wiped" data-testid="wipe-report">
                <p>{T::WipeDone.text(lang)}</p>
                <ul>
                    {lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                    {(r.undo_steps > 0)
                        .then(|| view! { <li>{T::WipeUndo.text(lang)} " " {format_count(r.undo_steps, lang)}</li> })}
                    {r.worker.then(|| view! { <li>{T::WipeWorker.text(lang)}</li> })}
                </ul>
                <p class="muted">{T::WipeKept.text(lang)}</p>
                <button type="button" on:click=move |_| report.set(None)>
                    {T::Dismiss.text(lang)}
                </button>
            </div>
        })
    }
}

/// While the data is gone and this tab stores nothing: reload to go on.
#[component]
pub fn WipedBanner() -> impl IntoView {
    let state = use_state();
    view! {
        <div role="alert" class="alert banner" data-testid="wiped-banner">
            <span>{move || state.t(T::WipedBanner)}</span>
            " "
            <button type="button" on:click=move |_| {
                let _ = window().location().reload();
            }>{move || state.t(T::Reload)}</button>
        </div>
    }
}

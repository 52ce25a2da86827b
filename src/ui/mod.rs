//! The browser layer: Leptos components over the core. State lives in one
//! [`state::AppState`] provided through context; pages read it, render the
//! core's views and hand every change to `AppState::apply` as a
//! `core::edit::Edit`. [`browser`] and [`storage`] wrap the browser's APIs,
//! [`files`] talks to the spreadsheet worker, [`components`] holds the
//! shared widgets and [`pages`] the pages.

pub mod autosave;
pub mod browser;
pub mod card;
pub mod components;
pub mod engine;
pub mod files;
pub mod pages;
pub mod state;
pub mod storage;

use crate::core::demo::jambi_demo;
use crate::i18n::{format_count, T};
use crate::messages::Message;
use autosave::autosave;
pub use autosave::{save_now, AUTOSAVE_DELAY};
use leptos::prelude::*;
use pages::data::DataPage;
use pages::evaluasi::EvaluasiPage;
use pages::hasil::HasilPage;
use pages::jabatan::JabatanPage;
use pages::kebutuhan::KebutuhanPage;
use pages::pegawai::PegawaiPage;
use pages::skenario::SkenarioPage;
use state::{AppState, Page, StorageStatus};

/// Builds the state from local storage: the stored workspace, or the Jambi
/// demo on a first visit or when the stored entry cannot be read (then the
/// entry is kept and autosave paused, see [`StorageStatus::Unreadable`]).
pub fn boot() -> AppState {
    let loaded = storage::load(None);
    let state = AppState::with_worker(
        loaded.workspace.unwrap_or_else(jambi_demo),
        browser::today(),
    );
    state.storage.set(loaded.status);
    state.synced.set_value(loaded.fingerprint);
    state.copy.set(storage::copy_saved_at());
    state.lang.set(storage::load_lang());
    if let Some(page) = window()
        .location()
        .hash()
        .ok()
        .as_deref()
        .and_then(Page::from_hash)
    {
        state.page.set(page);
    }
    state
}

/// The analyst's app as served: state from storage, then the shell. (The
/// ASN's card page is its own small app, [`card::CardApp`] in `kartu.html`;
/// index.html sends the old `#/kartu` links there before this loads.)
#[component]
pub fn App() -> impl IntoView {
    view! { <Shell state=boot() /> }
}

/// The shell around a given state: header, navigation, alerts, the current
/// page, autosave and hash routing.
#[component]
pub fn Shell(state: AppState) -> impl IntoView {
    provide_context(state);
    // Whether the stored workspace is locked. A memo: the storage status
    // changes at every autosave (its size), which must not re-render the page.
    let locked = Memo::new(move |_| state.storage.get() == StorageStatus::Locked);

    // Autosave: at once on a first visit, then 600 ms after the last change (a slider
    // drag saves once), and at once when the page is hidden or closed. Paused
    // while a stored entry that could not be read awaits the user's decision.
    let pending: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);
    // Takes the pending save, if any, and cancels its timer: true when one
    // was pending. False once this shell is disposed.
    let take_pending = move || {
        pending
            .try_update_value(Option::take)
            .flatten()
            .map(|handle| handle.clear())
            .is_some()
    };
    Effect::new(move |previous: Option<()>| {
        state.workspace.track();
        if previous.is_none() {
            // A workspace just read from storage is already saved; writing
            // it again would tell other tabs it changed.
            if !matches!(state.storage.get_untracked(), StorageStatus::Saved { .. }) {
                autosave(state);
            }
            return;
        }
        take_pending();
        // A save in progress holds an older workspace: the next one starts
        // after the delay.
        autosave::stop(state);
        let fire = move || {
            // Only a save still pending runs: a disposed shell has none.
            if pending.try_update_value(Option::take).flatten().is_some() {
                autosave(state);
            }
        };
        if let Ok(handle) = set_timeout_with_handle(fire, AUTOSAVE_DELAY) {
            pending.set_value(Some(handle));
        }
    });
    // An unmounted shell never writes later: a pending save is flushed now,
    // while this shell's workspace is still the one it shows, and its timer
    // is cancelled (a timer firing later could overwrite another workspace).
    on_cleanup(move || {
        if take_pending() | autosave::stop(state) {
            autosave::save_at_once(state);
        }
    });
    let on_hide = window_event_listener(leptos::ev::pagehide, move |_| {
        if take_pending() | autosave::stop(state) {
            autosave::save_at_once(state);
        }
    });
    on_cleanup(move || on_hide.remove());
    // Another tab saved: when it holds something else than this tab shows,
    // pause autosave and ask (see StorageBanner).
    let on_storage = window_event_listener(leptos::ev::storage, move |ev| {
        // Another tab deleted everything (`clear()` names no key): this
        // tab drops its data too and stores nothing until reloaded.
        if ev.key().is_none() {
            pages::wipe::wiped_elsewhere(state);
            return;
        }
        if ev.key().as_deref() != Some(storage::WORKSPACE_KEY) {
            return;
        }
        let Some(text) = ev.new_value() else {
            return;
        };
        // Locked or unlocked in another tab: follow, so that this tab
        // neither writes the workspace in the open nor seals it again.
        match crate::core::io::storage_codec::locked_data(&text) {
            Some(data) => {
                let fits = state
                    .seal
                    .try_with_untracked(|k| k.as_ref().is_some_and(|k| k.fits(&data)));
                if fits == Some(false) {
                    state.seal.set(None);
                    state.storage.set(StorageStatus::Locked);
                    return;
                }
            }
            None => {
                if state.seal.try_with_untracked(Option::is_some) == Some(true) {
                    state.seal.set(None);
                }
            }
        }
        let other = crate::core::io::storage_codec::stamp(&text)
            .map(|(f, _)| f)
            .unwrap_or_default();
        let Some(synced) = state.synced.try_get_value() else {
            return;
        };
        if !other.is_empty() && other == synced {
            return;
        }
        let mine = state
            .workspace
            .with_untracked(crate::core::io::storage_codec::fingerprint);
        if other == mine {
            state.synced.set_value(other);
            return;
        }
        state.storage.set(StorageStatus::ChangedElsewhere);
    });
    on_cleanup(move || on_storage.remove());

    components::follow_lang(state.lang);

    // Keep the URL fragment and the page in step (back/forward work).
    Effect::new(move |_| {
        let slug = format!("#/{}", state.page.get().slug());
        if window().location().hash().ok().as_deref() != Some(slug.as_str()) {
            let _ = window().location().set_hash(&slug);
        }
    });
    let on_hash = window_event_listener(leptos::ev::hashchange, move |_| {
        if let Some(page) = window()
            .location()
            .hash()
            .ok()
            .as_deref()
            .and_then(Page::from_hash)
        {
            // The fragment this shell just wrote comes back as an event:
            // setting the same page again would rebuild it and lose its
            // open tab and selections.
            if state.page.get_untracked() != page {
                state.page.set(page);
            }
        }
    });
    on_cleanup(move || on_hash.remove());

    let asn_count = move || state.workspace.with(|ws| ws.asn.len());

    view! {
        // Whether a newer plan is being computed (tests wait for "ready").
        <div class="app" data-plan=move || if state.computing.get() { "computing" } else { "ready" }>
            <header class="top">
                <div class="brand">
                    <h1>{move || state.t(T::AppTitle)}</h1>
                    <p>{move || state.t(T::AppSubtitle)}</p>
                </div>
                <p class="ws" class:hidden=locked>
                    <span class="ws-name">{move || state.workspace.with(|ws| ws.name.clone())}</span>
                    " · "
                    <span data-testid="asn-count" data-count=asn_count>
                        {move || format_count(asn_count(), state.lang.get())}
                    </span>
                    " "
                    {move || state.t(T::AsnCountLabel)}
                </p>
                // On every page: the plan shown is the previous one until
                // the engine worker answers.
                <p class="computing" role="status" data-testid="plan-computing" class:hidden=move || !state.computing.get() || locked.get()>
                    {move || state.t(T::Recomputing)}
                </p>
                <components::LangSwitch lang=state.lang label=|l| T::LangSwitch.text(l) />
            </header>
            <nav class="phases" aria-label="Menu" class:hidden=locked>
                <ol>
                    {Page::ALL
                        .into_iter()
                        .map(|page| {
                            view! {
                                <li>
                                    <a
                                        href=format!("#/{}", page.slug())
                                        data-testid=format!("nav-{}", page.slug())
                                        aria-current=move || (state.page.get() == page).then_some("page")
                                        on:click=move |ev| {
                                            ev.prevent_default();
                                            state.page.set(page);
                                        }
                                    >
                                        {move || state.t(page.label())}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
            </nav>
            <PrintHead />
            <StorageBanner />
            <pages::wipe::WipeReportBanner />
            // While the stored workspace is locked, the page shows nothing of
            // the demo held meanwhile: only the passphrase (in main).
            <Show when=move || !locked.get()>
                <crate::ui::pages::start::Welcome />
                <crate::ui::pages::start::NextStep />
                <crate::ui::pages::start::UndoBar />
                <crate::ui::pages::procedure::RoundStatusBar />
                <ElectionBanner />
            </Show>
            {move || {
                state
                    .notice
                    .get()
                    .map(|n| {
                        let role = if n.error { "alert" } else { "status" };
                        view! {
                            <div class="notice" class:error=n.error role=role data-testid="notice">
                                <span>{n.text}</span>
                                <button type="button" on:click=move |_| state.notice.set(None)>
                                    {move || state.t(T::Dismiss)}
                                </button>
                            </div>
                        }
                    })
            }}
            <main id="main">
                {move || match state.page.get() {
                    // A locked workspace: nothing but the passphrase until it opens.
                    _ if locked.get() => {
                        view! { <pages::sealed::UnlockStorage /> }.into_any()
                    }
                    Page::Kebutuhan => view! { <KebutuhanPage /> }.into_any(),
                    Page::Pegawai => view! { <PegawaiPage /> }.into_any(),
                    Page::Jabatan => view! { <JabatanPage /> }.into_any(),
                    Page::Skenario => view! { <SkenarioPage /> }.into_any(),
                    Page::Hasil => view! { <HasilPage /> }.into_any(),
                    Page::Evaluasi => view! { <EvaluasiPage /> }.into_any(),
                    Page::Data => view! { <DataPage /> }.into_any(),
                }}
            </main>
            <footer>
                {move || {
                    (!locked.get()
                        && state.workspace.with(crate::ui::pages::start::is_demo))
                        .then(|| view! { <p>{state.t(T::DemoNote)}</p> })
                }}
            </footer>
        </div>
    }
}

/// The top and bottom lines of every printed page: workspace, round and
/// its TMT, the print date; page numbers (see `messages::print_page_css`).
/// A constructed style sheet, not a `<style>` element: the page's content
/// security policy allows no inline styles.
#[component]
fn PrintHead() -> impl IntoView {
    let state = state::use_state();
    let Ok(sheet) = web_sys::CssStyleSheet::new() else {
        return;
    };
    let doc = document();
    let adopted = doc.adopted_style_sheets();
    adopted.push(&sheet);
    doc.set_adopted_style_sheets(&adopted);
    let css = move || {
        let lang = state.lang.get();
        state.workspace.with(|ws| {
            let mut head = ws.name.clone();
            if let Some(round) = ws.open_round() {
                head.push_str(&format!(
                    " · {} · TMT {}",
                    round.name,
                    crate::i18n::format_date(round.effective_date, lang)
                ));
            }
            head.push_str(&format!(
                " · {} {}",
                T::PrintedOn.text(lang),
                crate::i18n::format_date(state.today, lang)
            ));
            crate::messages::print_page_css(&head, lang)
        })
    };
    let kept = send_wrapper::SendWrapper::new(sheet);
    let sheet = kept.clone();
    Effect::new(move |_| {
        let _ = sheet.replace_sync(&css());
    });
    on_cleanup(move || {
        let doc = document();
        let mine: &wasm_bindgen::JsValue = &kept;
        let others = doc.adopted_style_sheets().filter(&mut |s, _, _| &s != mine);
        doc.set_adopted_style_sheets(&others);
    });
}

/// This tab's edits made while autosave was paused, kept as a copy: load
/// it (it then becomes the stored workspace), download it, or discard it.
#[component]
fn CopyBanner(at: String) -> impl IntoView {
    let state = use_context::<AppState>().expect("state");
    let load = move |_| {
        let loaded = storage::load_copy(state.seal.get_untracked().as_ref());
        match loaded.workspace {
            Some(ws) => {
                state.replace_workspace(ws);
                storage::remove_copy();
                state.copy.set(None);
            }
            None => {
                if let StorageStatus::Unreadable { error: Some(e), .. } = loaded.status {
                    state.notify(true, e.message(state.lang.get_untracked()));
                }
            }
        }
    };
    let download = move |_| {
        let Some(raw) = storage::copy_text() else {
            return;
        };
        // A locked copy downloads as the sealed file inside (it opens with
        // the same passphrase); an open one as its plan file.
        let text = crate::core::io::storage_codec::locked_data(&raw)
            .or_else(|| crate::core::io::storage_codec::unpack(&raw).ok())
            .unwrap_or(raw);
        let name = format!("mutasi-planner-salinan-{}.json", state.today);
        if let Err(e) = browser::download_text(&name, "application/json", &text) {
            state.notify(true, e);
        }
    };
    let discard = move |_| {
        storage::remove_copy();
        state.copy.set(None);
    };
    view! {
        <div role="alert" class="alert warning banner" data-testid="copy-banner">
            <span>
                {move || state.t(T::CopyKept)} " "
                <time datetime=at.clone()>{
                    let at = at.clone();
                    move || browser::local_time(&at, state.lang.get())
                }</time>
            </span>
            " "
            <button type="button" data-testid="load-copy" on:click=load>
                {move || state.t(T::LoadCopy)}
            </button>
            " "
            <button type="button" data-testid="download-copy" on:click=download>
                {move || state.t(T::DownloadCopy)}
            </button>
            " "
            <button type="button" data-testid="discard-copy" on:click=discard>
                {move || state.t(T::DiscardCopy)}
            </button>
        </div>
    }
}

/// On every page while the open round's TMT falls in a Pilkada window.
#[component]
fn ElectionBanner() -> impl IntoView {
    let state = use_context::<AppState>().expect("state");
    let inside = Memo::new(move |_| {
        state.workspace.with(|ws| {
            ws.open_round()
                .and_then(crate::core::timing::needs_mendagri_approval)
                .is_some()
        })
    });
    let missing = Memo::new(move |_| {
        state.workspace.with(|ws| {
            ws.open_round()
                .is_some_and(crate::core::timing::election_dates_missing)
        })
    });
    move || {
        if inside.get() {
            Some(
                view! {
                    <div role="status" class="alert warning banner" data-testid="election-banner">
                        {move || state.t(T::ElectionBanner)}
                    </div>
                }
                .into_any(),
            )
        } else if missing.get() {
            Some(view! {
                <div role="status" class="alert warning banner" data-testid="election-dates-missing">
                    {move || state.t(T::ElectionDatesMissing)}
                </div>
            }.into_any())
        } else {
            None
        }
    }
}

/// A banner on every page when storage is in trouble; the Data page has the
/// details and the recovery actions. When another tab saved, it offers to
/// load that version or keep this one.
/// Otherwise, while this tab's paused edits are kept as a copy, it offers
/// that copy ([`CopyBanner`]).
#[component]
fn StorageBanner() -> impl IntoView {
    let state = use_context::<AppState>().expect("state");
    let load_other = move |_| {
        let loaded = storage::load(state.seal.get_untracked().as_ref());
        if let Some(ws) = loaded.workspace {
            // What is loaded is stored already: no save, no event for the
            // other tab.
            state.synced.set_value(loaded.fingerprint);
            state.replace_workspace(ws);
        }
        state.storage.set(loaded.status);
    };
    let keep_mine = move |_| {
        autosave::stop(state);
        let seal = state.seal.get_untracked();
        let (status, fingerprint) = state
            .workspace
            .with_untracked(|ws| storage::save(ws, seal.as_ref()));
        if matches!(status, StorageStatus::Saved { .. }) {
            state.synced.set_value(fingerprint);
            storage::remove_copy();
            state.copy.set(None);
        }
        state.storage.set(status);
    };
    move || {
        let status = state.storage.get();
        if status == StorageStatus::Wiped {
            return Some(view! { <pages::wipe::WipedBanner /> }.into_any());
        }
        if status == StorageStatus::ChangedElsewhere {
            return Some(
                view! {
                    <div role="alert" class="alert error banner" data-testid="storage-banner">
                        <span>{move || state.t(T::ChangedElsewhere)}</span>
                        " "
                        <button type="button" data-testid="load-other-tab" on:click=load_other>
                            {move || state.t(T::LoadOtherTab)}
                        </button>
                        " "
                        <button type="button" data-testid="keep-this-tab" on:click=keep_mine>
                            {move || state.t(T::KeepThisTab)}
                        </button>
                    </div>
                }
                .into_any(),
            );
        }
        if let Some(at) = state.copy.get() {
            return Some(view! { <CopyBanner at=at /> }.into_any());
        }
        let text = match status {
            StorageStatus::Refused { .. } => T::StorageQuota,
            StorageStatus::Unreadable { .. } => T::StorageCorrupt,
            StorageStatus::Unavailable => T::StorageUnavailable,
            _ => return None,
        };
        Some(
            view! {
                <div role="alert" class="alert error banner" data-testid="storage-banner">
                    <span>{move || state.t(text)}</span>
                    " "
                    <a
                        href="#/data"
                        on:click=move |ev| {
                            ev.prevent_default();
                            state.page.set(Page::Data);
                        }
                    >
                        {move || state.t(T::NavData)}
                    </a>
                </div>
            }
            .into_any(),
        )
    }
}

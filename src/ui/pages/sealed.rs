//! Encrypted plan files on the Data page ([`crate::core::io::sealed`]): the
//! export dialog (the passphrase twice, a strength hint, a minimum length)
//! and the passphrase dialog of an encrypted file being imported. The key
//! derivation and the cipher run in the file worker, so the page neither
//! blocks nor carries the crypto crates.

use crate::core::io::sealed::{self, SealError, Strength};
use crate::i18n::T;
use crate::messages::Message;
use crate::ui::browser;
use crate::ui::state::use_state;
use leptos::prelude::*;

/// The words of a strength class.
pub fn strength_label(s: Strength) -> T {
    match s {
        Strength::TooShort => T::StrengthTooShort,
        Strength::Weak => T::StrengthWeak,
        Strength::Fair => T::StrengthFair,
        Strength::Strong => T::StrengthStrong,
    }
}

/// The file name of an encrypted export.
pub fn sealed_file_name(today: crate::core::date::Date) -> String {
    super::data::export_file_name(today).replace(".json", "-terenkripsi.json")
}

/// A passphrase box with its label: a new passphrase (`new`, which
/// browsers offer to generate and store) or one to type again.
#[component]
fn PassphraseField(
    label: T,
    #[prop(into)] testid: String,
    value: RwSignal<String>,
    #[prop(optional)] new: bool,
) -> impl IntoView {
    let state = use_state();
    view! {
        <label>
            <span>{move || state.t(label)}</span>
            <input
                type="password"
                autocomplete=if new { "new-password" } else { "current-password" }
                data-testid=testid
                prop:value=value
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </label>
    }
}

/// A form that takes a new passphrase, typed twice (with the minimum, the
/// strength hint and a word when the two differ), and hands it to `work`,
/// which runs in the worker: meanwhile the form says `busy_text`; an error
/// `work` returns is shown and the passphrase can be changed; on success
/// `work` closes the form. Test ids: `{prefix}-dialog`, `{prefix}-pass`,
/// `{prefix}-pass-again`, `{prefix}-strength`, `{prefix}-mismatch`,
/// `{prefix}-error`, `{prefix}-busy`, `{prefix}-go`, `{prefix}-cancel`.
#[component]
pub fn NewPassphraseForm<W, F>(
    prefix: &'static str,
    title: T,
    intro: T,
    /// A warning above the entries, if any.
    #[prop(optional)]
    warning: Option<T>,
    go: T,
    busy_text: T,
    work: W,
    on_cancel: Callback<()>,
) -> impl IntoView
where
    W: Fn(String) -> F + Copy + 'static,
    F: std::future::Future<Output = Result<(), String>> + 'static,
{
    let state = use_state();
    let pass = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let strength = Memo::new(move |_| pass.with(|p| sealed::strength(p)));
    let mismatch = move || again.with(|a| !a.is_empty() && pass.with(|p| p != a));
    let ready = move || {
        strength.get() != Strength::TooShort && pass.with(|p| again.with(|a| p == a)) && !busy.get()
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !ready() {
            return;
        }
        let passphrase = pass.get_untracked();
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            let result = work(passphrase).await;
            // On success `work` closed the form: its signals are gone.
            busy.try_set(false);
            if let Err(e) = result {
                error.try_set(Some(e));
            }
        });
    };
    let title_id = format!("{prefix}-title");
    let labelled_by = title_id.clone();
    view! {
        <form class=format!("dialog {prefix}") data-testid=format!("{prefix}-dialog") role="dialog" aria-labelledby=labelled_by on:submit=submit>
            <h3 id=title_id>{move || state.t(title)}</h3>
            <p>{move || state.t(intro)}</p>
            {warning.map(|w| view! { <p class="alert warning">{move || state.t(w)}</p> })}
            <PassphraseField label=T::Passphrase testid=format!("{prefix}-pass") value=pass new=true />
            <p class="muted">{move || state.t(T::PassphraseHint)}</p>
            <p data-testid=format!("{prefix}-strength") data-strength=move || format!("{:?}", strength.get())>
                {move || state.t(T::Strength)} ": "
                <meter min="0" max="3" low="1.5" high="2.5" optimum="3" value=move || strength.get() as u8></meter>
                " "
                <strong>{move || state.t(strength_label(strength.get()))}</strong>
            </p>
            <PassphraseField label=T::PassphraseAgain testid=format!("{prefix}-pass-again") value=again new=true />
            {move || mismatch().then(|| view! { <p class="error" data-testid=format!("{prefix}-mismatch")>{state.t(T::PassphraseMismatch)}</p> })}
            {move || error.get().map(|e| view! { <p role="alert" class="error" data-testid=format!("{prefix}-error")>{e}</p> })}
            {move || busy.get().then(|| view! { <p role="status" data-testid=format!("{prefix}-busy")>{state.t(busy_text)}</p> })}
            <div class="actions">
                <button type="submit" class="primary" data-testid=format!("{prefix}-go") disabled=move || !ready()>
                    {move || state.t(go)}
                </button>
                <button type="button" data-testid=format!("{prefix}-cancel") disabled=busy on:click=move |_| on_cancel.run(())>
                    {move || state.t(T::ImportCancel)}
                </button>
            </div>
        </form>
    }
}

/// The export dialog, shown while `open`: seals the same plan file as the
/// plain export ([`super::data::plan_text`]), made when the user confirms.
#[component]
pub fn SealDialog(open: RwSignal<bool>) -> impl IntoView {
    let state = use_state();
    let work = move |passphrase: String| async move {
        let lang = state.lang.get_untracked();
        let text = super::data::plan_text(state);
        let bytes = crate::ui::files::seal(&text, &passphrase, lang).await?;
        let name = sealed_file_name(state.today);
        browser::download_bytes(&name, "application/json", &bytes)?;
        open.set(false);
        super::data::notify_written(state, T::SealDone, T::SealDoneWhere, &name, bytes.len());
        Ok(())
    };
    let cancel = Callback::new(move |()| open.set(false));
    move || {
        open.get().then(|| {
            view! {
                <NewPassphraseForm
                    prefix="seal"
                    title=T::SealTitle
                    intro=T::SealIntro
                    go=T::SealGo
                    busy_text=T::Sealing
                    work=work
                    on_cancel=cancel
                />
            }
        })
    }
}

/// An encrypted file chosen for import, waiting for its passphrase.
#[derive(Clone)]
pub struct Locked {
    pub file_name: String,
    pub text: std::sync::Arc<str>,
}

/// Asks for the passphrase of `locked`. `on_open` gets the plan file's
/// text; a wrong passphrase is said here and asked again; any other
/// failure goes to `on_fail` (the file is refused whole).
#[component]
pub fn UnlockDialog(
    locked: Locked,
    on_open: Callback<(String, String)>,
    on_fail: Callback<String>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let state = use_state();
    let pass = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let wrong = RwSignal::new(None::<String>);
    let file_name = locked.file_name.clone();
    let go = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() || pass.with_untracked(String::is_empty) {
            return;
        }
        let passphrase = pass.get_untracked();
        let lang = state.lang.get_untracked();
        let locked = locked.clone();
        busy.set(true);
        wrong.set(None);
        leptos::task::spawn_local(async move {
            let opened = crate::ui::files::open(&locked.text, &passphrase).await;
            busy.set(false);
            match opened {
                Ok(Ok(plain)) => {
                    pass.set(String::new());
                    on_open.run((locked.file_name, plain));
                }
                Ok(Err(e @ SealError::WrongPassphrase)) => wrong.set(Some(e.message(lang))),
                Ok(Err(e)) => on_fail.run(format!("{}: {}", locked.file_name, e.message(lang))),
                Err(e) => on_fail.run(format!("{}: {e}", locked.file_name)),
            }
        });
    };
    view! {
        <form class="dialog unlock" data-testid="unlock-dialog" role="dialog" aria-labelledby="unlock-title" on:submit=go>
            <h3 id="unlock-title">{move || state.t(T::UnlockTitle)} " · " {file_name}</h3>
            <p>{move || state.t(T::UnlockIntro)}</p>
            <PassphraseField label=T::Passphrase testid="unlock-pass" value=pass />
            {move || wrong.get().map(|e| view! { <p role="alert" class="error" data-testid="unlock-error">{e}</p> })}
            {move || busy.get().then(|| view! { <p role="status" data-testid="unlock-busy">{state.t(T::Unlocking)}</p> })}
            <div class="actions">
                <button type="submit" class="primary" data-testid="unlock-go" disabled=move || busy.get() || pass.with(String::is_empty)>
                    {move || state.t(T::UnlockGo)}
                </button>
                <button type="button" data-testid="unlock-cancel" disabled=busy on:click=move |_| on_cancel.run(())>
                    {move || state.t(T::ImportCancel)}
                </button>
            </div>
        </form>
    }
}

/// The Data page's panel: lock the stored workspace with a passphrase, or
/// remove the lock.
#[component]
pub fn StorageLock() -> impl IntoView {
    let state = use_state();
    let asking = RwSignal::new(false);
    let work = move |passphrase: String| async move {
        let lang = state.lang.get_untracked();
        let key = crate::ui::files::new_key(&passphrase, lang).await?;
        asking.set(false);
        state.seal.set(Some(key));
        crate::ui::save_now(state);
        state.notify(false, T::LockDone.text(lang));
        Ok(())
    };
    let cancel = Callback::new(move |()| asking.set(false));
    let remove = move |_| {
        let lang = state.lang.get_untracked();
        if window()
            .confirm_with_message(T::RemoveLockConfirm.text(lang))
            .unwrap_or(false)
        {
            state.seal.set(None);
            crate::ui::save_now(state);
            state.notify(false, T::LockRemoved.text(lang));
        }
    };
    move || {
        if state.seal.with(Option::is_some) {
            return view! {
                <div class="lock" data-testid="storage-lock">
                    <p>{move || state.t(T::LockedNow)}</p>
                    <button type="button" data-testid="remove-lock" on:click=remove>
                        {move || state.t(T::RemoveLock)}
                    </button>
                </div>
            }
            .into_any();
        }
        if !asking.get() {
            return view! {
                <div class="lock" data-testid="storage-lock">
                    <button type="button" data-testid="lock-storage" on:click=move |_| asking.set(true)>
                        {move || state.t(T::LockStorage)}
                    </button>
                </div>
            }
            .into_any();
        }
        view! {
            <NewPassphraseForm
                prefix="lock"
                title=T::LockTitle
                intro=T::LockIntro
                warning=T::LockWarning
                go=T::LockGo
                busy_text=T::Locking
                work=work
                on_cancel=cancel
            />
        }
        .into_any()
    }
}

/// In place of every page while the stored workspace is locked: its
/// passphrase, or (forgotten) the wipe.
#[component]
pub fn UnlockStorage() -> impl IntoView {
    let state = use_state();
    let pass = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let wrong = RwSignal::new(None::<String>);
    let go = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() || pass.with_untracked(String::is_empty) {
            return;
        }
        let passphrase = pass.get_untracked();
        let lang = state.lang.get_untracked();
        let Some(data) = crate::ui::storage::locked_data() else {
            // No longer locked (another tab removed the lock or the data).
            let loaded = crate::ui::storage::load(None);
            if let Some(ws) = loaded.workspace {
                state.synced.set_value(loaded.fingerprint);
                state.replace_workspace(ws);
            }
            state.storage.set(loaded.status);
            return;
        };
        busy.set(true);
        wrong.set(None);
        leptos::task::spawn_local(async move {
            let key = crate::ui::files::unlock(&data, &passphrase).await;
            busy.set(false);
            match key {
                Ok(Ok(key)) => {
                    let loaded = crate::ui::storage::load(Some(&key));
                    if let Some(ws) = loaded.workspace {
                        pass.set(String::new());
                        state.seal.set(Some(key));
                        state.synced.set_value(loaded.fingerprint);
                        state.replace_workspace(ws);
                    }
                    state.storage.set(loaded.status);
                }
                Ok(Err(e)) => wrong.set(Some(e.message(lang))),
                Err(e) => wrong.set(Some(e)),
            }
        });
    };
    view! {
        <section class="page" aria-labelledby="unlock-stored-title">
            <form class="dialog unlock" data-testid="unlock-storage" role="dialog" aria-labelledby="unlock-stored-title" on:submit=go>
                <h2 id="unlock-stored-title">{move || state.t(T::UnlockStoredTitle)}</h2>
                <p>{move || state.t(T::UnlockStoredIntro)}</p>
                <PassphraseField label=T::Passphrase testid="unlock-storage-pass" value=pass />
                {move || wrong.get().map(|e| view! { <p role="alert" class="error" data-testid="unlock-storage-error">{e}</p> })}
                {move || busy.get().then(|| view! { <p role="status">{state.t(T::Unlocking)}</p> })}
                <div class="actions">
                    <button type="submit" class="primary" data-testid="unlock-storage-go" disabled=move || busy.get() || pass.with(String::is_empty)>
                        {move || state.t(T::UnlockGo)}
                    </button>
                </div>
            </form>
            <super::wipe::WipePanel />
        </section>
    }
}

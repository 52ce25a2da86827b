//! Autosave: the workspace is stored [`AUTOSAVE_DELAY`] after the last
//! change, in short tasks, so that the page keeps drawing while a large
//! workspace is saved (a 20,000-ASN one is about 19 MB of plan file to
//! write, hash and compress).
//!
//! A save copies the workspace when it begins (its lists are shared, so the
//! copy costs well under a millisecond), then each task encodes pieces of it
//! ([`crate::core::io::storage_codec::Encoder`]) for about [`SLICE_MS`] and
//! lets the browser draw; the last task writes the entry. A change of the
//! workspace stops a save in progress (the next one starts after the
//! delay), and so does a save made at once: when the page is hidden or the
//! app unmounted ([`save_at_once`]), or when the user asks for one (a lock
//! set or removed, a stored entry replaced).

use super::state::{AppState, StorageStatus};
use super::{browser, storage};
use crate::core::io::storage_codec::{Encoded, PIECE_BYTES};
use leptos::prelude::*;
use std::cell::Cell;

/// How long autosave waits after the last change (a slider drag saves once).
pub const AUTOSAVE_DELAY: std::time::Duration = std::time::Duration::from_millis(600);

/// How long a save works in one task before it lets the browser draw.
pub const SLICE_MS: f64 = 8.0;

thread_local! {
    /// The number the next save takes.
    static NEXT: Cell<u64> = const { Cell::new(1) };
}

/// Whether autosave is paused: a stored entry that could not be read awaits
/// the user's decision, storage is unavailable or wiped, or the stored
/// workspace is locked and not opened.
fn paused(status: &StorageStatus) -> bool {
    matches!(
        status,
        StorageStatus::Unreadable { .. }
            | StorageStatus::Unavailable
            | StorageStatus::Wiped
            | StorageStatus::Locked
    )
}

/// Starts saving the workspace in short tasks (see the module), unless
/// autosave is paused; a save in progress is overtaken. Does nothing once
/// the state is disposed.
pub fn autosave(state: AppState) {
    let Some(status) = state.storage.try_get_untracked() else {
        return;
    };
    if paused(&status) {
        return;
    }
    let (Some(seal), Some(copy)) = (
        state.seal.try_get_untracked(),
        state.workspace.try_with_untracked(Clone::clone),
    ) else {
        return;
    };
    let mut encoder = match storage::encoder(copy, seal.as_ref()) {
        Ok(encoder) => encoder,
        Err(message) => {
            state.storage.set(StorageStatus::Refused { message });
            return;
        }
    };
    let number = NEXT.with(|n| n.replace(n.get() + 1));
    state.saving.set_value(Some(number));
    let current = move || state.saving.try_get_value() == Some(Some(number));
    leptos::task::spawn_local(async move {
        loop {
            let until = browser::now_ms() + SLICE_MS;
            let mut whole = false;
            while !whole && browser::now_ms() < until {
                whole = encoder.step(PIECE_BYTES);
            }
            if whole {
                break;
            }
            browser::yield_to_browser().await;
            if !current() {
                return;
            }
        }
        state.saving.try_set_value(None);
        // The key may have changed while it ran: a lock set or removed
        // saves at once, which stops this save; this is a last guard.
        if state.seal.try_with_untracked(|now| *now == seal) != Some(true) {
            return;
        }
        store(state, encoder.finish().map_err(|e| e.to_string()));
    });
}

/// Stops a save in progress; whether one was.
pub fn stop(state: AppState) -> bool {
    state
        .saving
        .try_update_value(Option::take)
        .flatten()
        .is_some()
}

/// Saves the workspace in this task (the page is being hidden or closed,
/// the app unmounted), unless autosave is paused; a save in progress is
/// stopped first.
pub fn save_at_once(state: AppState) {
    stop(state);
    let Some(status) = state.storage.try_get_untracked() else {
        return;
    };
    if paused(&status) {
        return;
    }
    let Some(seal) = state.seal.try_get_untracked() else {
        return;
    };
    let Some(encoded) = state
        .workspace
        .try_with_untracked(|ws| storage::encode(ws, seal.as_ref()))
    else {
        return;
    };
    store(state, encoded);
}

/// Saves now, even when the stored entry already holds this workspace (the
/// storage was just locked or unlocked: the same plan, written anew).
pub fn save_now(state: AppState) {
    state.synced.set_value(String::new());
    save_at_once(state);
}

/// Writes an encoded workspace, unless the stored entry already holds it.
/// While another tab's save is pending the user's decision, this tab's
/// edits are kept apart ([`storage::COPY_KEY`]), never dropped. The status
/// is read now, not when the save began: another tab may have saved since.
fn store(state: AppState, encoded: Result<Encoded, String>) {
    let Some(status) = state.storage.try_get_untracked() else {
        return;
    };
    if paused(&status) {
        return;
    }
    let encoded = match encoded {
        Ok(encoded) => encoded,
        Err(message) => {
            state.storage.set(StorageStatus::Refused { message });
            return;
        }
    };
    if Some(&encoded.fingerprint) == state.synced.try_get_value().as_ref() {
        return;
    }
    if status == StorageStatus::ChangedElsewhere {
        match storage::save_copy(&encoded) {
            StorageStatus::Saved { .. } => state.copy.set(Some(browser::now_iso())),
            refused => state.storage.set(refused),
        }
        return;
    }
    let status = storage::write(&encoded);
    if matches!(status, StorageStatus::Saved { .. }) {
        state.synced.set_value(encoded.fingerprint);
    }
    state.storage.try_set(status);
}

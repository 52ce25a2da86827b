//! Autosave in local storage (gloo-storage), never losing data: an entry
//! that cannot be read is kept until the user downloads or discards it, and
//! a refused write leaves the previous entry as it was.

use super::state::StorageStatus;
use crate::core::io::sealed::SealKey;
use crate::core::io::storage_codec;
use crate::core::model::Workspace;
use crate::i18n::Lang;
use gloo_storage::{LocalStorage, Storage};

/// The key of the workspace entry.
pub const WORKSPACE_KEY: &str = "mutasi-planner.workspace";
/// The key of the language choice.
pub const LANG_KEY: &str = "mutasi-planner.lang";

fn storage() -> Option<web_sys::Storage> {
    // `LocalStorage::raw` panics where storage is disabled; ask the window.
    web_sys::window()?
        .local_storage()
        .ok()
        .flatten()
        .map(|_| LocalStorage::raw())
}

/// What loading found.
pub struct Loaded {
    /// The stored workspace, or `None` when there was none or it was unreadable.
    pub workspace: Option<Workspace>,
    pub status: StorageStatus,
    /// The stored entry's fingerprint (empty when none or unreadable).
    pub fingerprint: String,
}

/// Loads the stored workspace (a locked one with `seal`, the key its
/// passphrase derived; without it, or with another, the status is
/// [`StorageStatus::Locked`]).
pub fn load(seal: Option<&SealKey>) -> Loaded {
    load_key(WORKSPACE_KEY, seal)
}

fn load_key(key: &str, seal: Option<&SealKey>) -> Loaded {
    let Some(store) = storage() else {
        return Loaded {
            workspace: None,
            status: StorageStatus::Unavailable,
            fingerprint: String::new(),
        };
    };
    match store.get_item(key) {
        Ok(None) => Loaded {
            workspace: None,
            status: StorageStatus::Unknown,
            fingerprint: String::new(),
        },
        Ok(Some(raw)) => match storage_codec::decode_with(&raw, seal) {
            Ok(plan) => Loaded {
                status: StorageStatus::Saved { chars: raw.len() },
                // An entry of an older build names none: compute it.
                fingerprint: match storage_codec::stamp(&raw) {
                    Some((f, _)) if !f.is_empty() => f,
                    _ => storage_codec::fingerprint(&plan.workspace),
                },
                workspace: Some(plan.workspace),
            },
            Err(storage_codec::StorageError::Locked) => Loaded {
                workspace: None,
                status: StorageStatus::Locked,
                fingerprint: String::new(),
            },
            Err(e) => Loaded {
                workspace: None,
                status: StorageStatus::Unreadable {
                    raw,
                    error: Some(e),
                },
                fingerprint: String::new(),
            },
        },
        Err(_) => Loaded {
            workspace: None,
            status: StorageStatus::Unreadable {
                raw: String::new(),
                error: None,
            },
            fingerprint: String::new(),
        },
    }
}

/// An encoder of the workspace for storage, to run a piece at a time (see
/// [`write`]): sealed with `seal` and a fresh nonce when the storage is
/// locked. Fails only when the browser gives no random bytes for the nonce.
pub fn encoder<W: std::borrow::Borrow<Workspace>>(
    workspace: W,
    seal: Option<&SealKey>,
) -> Result<storage_codec::Encoder<W>, String> {
    let seal = match seal {
        None => None,
        Some(key) => Some((key.clone(), super::browser::random_bytes()?)),
    };
    Ok(storage_codec::Encoder::new(
        workspace,
        &super::browser::now_iso(),
        seal,
    ))
}

/// Encodes the workspace for storage at once (see [`encoder`]).
pub fn encode(
    workspace: &Workspace,
    seal: Option<&SealKey>,
) -> Result<storage_codec::Encoded, String> {
    encoder(workspace, seal)?
        .finish()
        .map_err(|e| e.to_string())
}

/// Stores encoded text as the workspace; on refusal the previous entry
/// stays as it was.
pub fn write(encoded: &storage_codec::Encoded) -> StorageStatus {
    write_key(WORKSPACE_KEY, &encoded.text)
}

/// Encodes and stores the workspace; the status and the stored
/// fingerprint.
pub fn save(workspace: &Workspace, seal: Option<&SealKey>) -> (StorageStatus, String) {
    match encode(workspace, seal) {
        Ok(encoded) => (write(&encoded), encoded.fingerprint),
        Err(message) => (StorageStatus::Refused { message }, String::new()),
    }
}

fn write_key(key: &str, text: &str) -> StorageStatus {
    let Some(store) = storage() else {
        return StorageStatus::Unavailable;
    };
    match store.set_item(key, text) {
        Ok(()) => StorageStatus::Saved { chars: text.len() },
        Err(e) => StorageStatus::Refused {
            message: e.as_string().unwrap_or_else(|| format!("{e:?}")),
        },
    }
}

/// Where this tab keeps its edits while another tab's save pauses
/// autosave: never dropped, offered back until loaded or discarded.
pub const COPY_KEY: &str = "mutasi-planner.workspace.copy";

/// Keeps this tab's edits apart while autosave is paused.
pub fn save_copy(encoded: &storage_codec::Encoded) -> StorageStatus {
    write_key(COPY_KEY, &encoded.text)
}

/// The kept copy's time (ISO 8601), when there is one.
pub fn copy_saved_at() -> Option<String> {
    let raw = copy_text()?;
    Some(
        storage_codec::stamp(&raw)
            .map(|(_, at)| at)
            .unwrap_or_default(),
    )
}

/// The kept copy, read like the workspace entry.
pub fn load_copy(seal: Option<&SealKey>) -> Loaded {
    load_key(COPY_KEY, seal)
}

/// The sealed data of the locked workspace entry, for the worker to
/// unlock with a passphrase.
pub fn locked_data() -> Option<String> {
    let raw = storage()?.get_item(WORKSPACE_KEY).ok().flatten()?;
    storage_codec::locked_data(&raw)
}

/// The raw text of the kept copy (for a download).
pub fn copy_text() -> Option<String> {
    storage()?.get_item(COPY_KEY).ok().flatten()
}

/// Forgets the kept copy.
pub fn remove_copy() {
    if let Some(s) = storage() {
        let _ = s.remove_item(COPY_KEY);
    }
}

/// The key prefix of the card page's copies of the offers it opened.
pub const OFFER_COPY_PREFIX: &str = "mutasi-kartu.formasi.";

/// Keeps a copy of an offer the card page fetched (no personal data), so
/// the page still shows it offline. A refused write is only a lost
/// convenience.
pub fn save_offer_copy(name: &str, text: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(&format!("{OFFER_COPY_PREFIX}{name}"), text);
    }
}

/// The kept copy of an offer, if any.
pub fn load_offer_copy(name: &str) -> Option<String> {
    storage()?
        .get_item(&format!("{OFFER_COPY_PREFIX}{name}"))
        .ok()
        .flatten()
}

/// The remembered language.
pub fn load_lang() -> Lang {
    storage()
        .and_then(|s| s.get_item(LANG_KEY).ok().flatten())
        .map_or(Lang::Id, |code| Lang::from_code(&code))
}

/// Remembers the language.
pub fn save_lang(lang: Lang) {
    if let Some(s) = storage() {
        let _ = s.set_item(LANG_KEY, lang.code());
    }
}

/// Where the mappings corrected by hand are kept (by header signature).
pub const MAPPINGS_KEY: &str = "mutasi-planner.mappings";

/// The remembered mappings; none when there are none or they are
/// unreadable (they are a convenience, never data).
pub fn load_mappings() -> crate::core::io::table_import::MappingMemory {
    storage()
        .and_then(|s| s.get_item(MAPPINGS_KEY).ok().flatten())
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// Keeps the remembered mappings.
pub fn save_mappings(memory: &crate::core::io::table_import::MappingMemory) {
    if let (Some(s), Ok(text)) = (storage(), serde_json::to_string(memory)) {
        let _ = s.set_item(MAPPINGS_KEY, &text);
    }
}

/// Set once the welcome was answered (explore the demo, or a new
/// workspace): the welcome is not shown again.
pub const WELCOMED_KEY: &str = "mutasi-planner.welcomed";

/// Whether the welcome was answered in this browser.
pub fn welcomed() -> bool {
    storage()
        .and_then(|s| s.get_item(WELCOMED_KEY).ok().flatten())
        .is_some()
}

/// Remembers that the welcome was answered.
pub fn save_welcomed() {
    if let Some(s) = storage() {
        let _ = s.set_item(WELCOMED_KEY, "1");
    }
}

/// One entry deleted by [`wipe`]: its key and size in characters.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Removed {
    pub key: String,
    pub chars: usize,
}

/// What "delete all data from this browser" removed, shown after the page
/// reloads clean.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct WipeReport {
    /// Local and session storage entries of this origin (the planner's and
    /// the card page's).
    pub removed: Vec<Removed>,
    /// Undo and redo steps dropped with the page's memory.
    pub undo_steps: usize,
    /// Whether the file worker (and the spreadsheet it held) was stopped.
    pub worker: bool,
}

/// Where the report waits for the reloaded page (session storage: this tab
/// only, gone when it closes). It holds key names and sizes, no data.
pub const WIPED_KEY: &str = "mutasi-planner.wiped";

fn drain(store: &web_sys::Storage) -> Vec<Removed> {
    let count = store.length().unwrap_or(0);
    let removed: Vec<Removed> = (0..count)
        .filter_map(|i| store.key(i).ok().flatten())
        .map(|key| Removed {
            chars: store
                .get_item(&key)
                .ok()
                .flatten()
                .map_or(0, |v| v.chars().count()),
            key,
        })
        .collect();
    let _ = store.clear();
    removed
}

/// Deletes everything this origin keeps in local and session storage and
/// leaves the report for the reloaded page; what was removed, keys sorted.
pub fn wipe(undo_steps: usize, worker: bool) -> WipeReport {
    let window = web_sys::window();
    let mut removed = Vec::new();
    if let Some(store) = storage() {
        removed.extend(drain(&store));
    }
    if let Some(session) = window
        .as_ref()
        .and_then(|w| w.session_storage().ok().flatten())
    {
        removed.extend(drain(&session));
    }
    crate::core::sort::sort_by(&mut removed, |a, b| a.key.cmp(&b.key));
    let report = WipeReport {
        removed,
        undo_steps,
        worker,
    };
    if let (Some(session), Ok(text)) = (
        window.and_then(|w| w.session_storage().ok().flatten()),
        serde_json::to_string(&report),
    ) {
        let _ = session.set_item(WIPED_KEY, &text);
    }
    report
}

/// The report a wipe left for this page, taken (shown once).
pub fn take_wipe_report() -> Option<WipeReport> {
    let session = web_sys::window()?.session_storage().ok().flatten()?;
    let text = session.get_item(WIPED_KEY).ok().flatten()?;
    let _ = session.remove_item(WIPED_KEY);
    serde_json::from_str(&text).ok()
}

//! The app's state, in one place, shared through context.

use crate::core::date::Date;
use crate::core::model::Workspace;
use crate::i18n::{Lang, T};
use leptos::prelude::*;

/// The pages, in the order of the program's phases.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Page {
    Kebutuhan,
    #[default]
    Pegawai,
    Jabatan,
    Skenario,
    Hasil,
    Evaluasi,
    Data,
}

impl Page {
    /// All pages, in navigation order.
    pub const ALL: [Page; 7] = [
        Page::Kebutuhan,
        Page::Pegawai,
        Page::Jabatan,
        Page::Skenario,
        Page::Hasil,
        Page::Evaluasi,
        Page::Data,
    ];

    /// The URL fragment (`#/pegawai`); hash routing works under any sub-path.
    pub fn slug(self) -> &'static str {
        match self {
            Page::Kebutuhan => "kebutuhan",
            Page::Pegawai => "pegawai",
            Page::Jabatan => "jabatan",
            Page::Skenario => "skenario",
            Page::Hasil => "hasil",
            Page::Evaluasi => "evaluasi",
            Page::Data => "data",
        }
    }

    /// The page a fragment names (`#/data`, `#data`), if any.
    pub fn from_hash(hash: &str) -> Option<Page> {
        let slug = hash.trim_start_matches('#').trim_start_matches('/');
        Page::ALL.into_iter().find(|p| p.slug() == slug)
    }

    /// The navigation label.
    pub fn label(self) -> T {
        match self {
            Page::Kebutuhan => T::NavKebutuhan,
            Page::Pegawai => T::NavPegawai,
            Page::Jabatan => T::NavJabatan,
            Page::Skenario => T::NavSkenario,
            Page::Hasil => T::NavHasil,
            Page::Evaluasi => T::NavEvaluasi,
            Page::Data => T::NavData,
        }
    }
}

/// How the workspace stands in local storage.
#[derive(Clone, Debug, PartialEq)]
pub enum StorageStatus {
    /// Nothing attempted yet.
    Unknown,
    /// Saved; the stored size in characters.
    Saved { chars: usize },
    /// The browser refused (quota): the previous stored version is intact.
    Refused { message: String },
    /// The stored entry could not be read; autosave is paused so it is not
    /// overwritten until the user decides.
    Unreadable { raw: String, error: String },
    /// No local storage at all (private mode, disabled).
    Unavailable,
}

/// A message in the alert area.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub error: bool,
    pub text: String,
}

/// Everything the components share.
#[derive(Clone, Copy)]
pub struct AppState {
    pub workspace: RwSignal<Workspace>,
    pub page: RwSignal<Page>,
    pub lang: RwSignal<Lang>,
    pub storage: RwSignal<StorageStatus>,
    pub notice: RwSignal<Option<Notice>>,
    /// Bumped on every workspace replacement, so views can reset selections.
    pub generation: RwSignal<u64>,
    pub today: Date,
}

impl AppState {
    /// A state around a workspace.
    pub fn new(workspace: Workspace, today: Date) -> AppState {
        AppState {
            workspace: RwSignal::new(workspace),
            page: RwSignal::new(Page::default()),
            lang: RwSignal::new(Lang::Id),
            storage: RwSignal::new(StorageStatus::Unknown),
            notice: RwSignal::new(None),
            generation: RwSignal::new(0),
            today,
        }
    }

    /// The text of a key in the current language (reactive inside closures).
    pub fn t(&self, key: T) -> &'static str {
        key.text(self.lang.get())
    }

    /// Shows a message in the alert area.
    pub fn notify(&self, error: bool, text: impl Into<String>) {
        self.notice.set(Some(Notice {
            error,
            text: text.into(),
        }));
    }

    /// Replaces the whole workspace (import, reset).
    pub fn replace_workspace(&self, workspace: Workspace) {
        self.workspace.set(workspace);
        self.generation.update(|g| *g += 1);
    }
}

/// The state provided by [`crate::ui::App`].
pub fn use_state() -> AppState {
    expect_context::<AppState>()
}

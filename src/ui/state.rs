//! The app's state, in one place, shared through context.

use crate::core::date::Date;
use crate::core::edit::{Applied, Edit, EditError};
use crate::core::engine::{self, model::RoundInput, Plan, PlanError};
use crate::core::model::{AuditEntry, RoundStatus, Scenario, Workspace};
use crate::i18n::{Lang, T};
use crate::messages::Message;
use leptos::prelude::*;
use std::sync::Arc;

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
    /// `error` is `None` when the browser refused to read the entry.
    Unreadable {
        raw: String,
        error: Option<crate::core::io::storage_codec::StorageError>,
    },
    /// No local storage at all (private mode, disabled).
    Unavailable,
    /// Another tab saved the workspace; autosave is paused so neither tab
    /// silently overwrites the other until the user chooses.
    ChangedElsewhere,
    /// The stored workspace is locked with a passphrase this tab does not
    /// hold: autosave is paused and the pages wait for the passphrase.
    Locked,
    /// Everything the planner stored in this browser was deleted (by this
    /// tab, which reloads, or by another): nothing is stored again until the
    /// page reloads, so no pending save brings the data back.
    Wiped,
}

/// A message in the alert area.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub error: bool,
    pub text: String,
}

/// A computed plan of the active scenario, with the time it took.
#[derive(Clone, Debug)]
pub struct PlanRun {
    pub result: Arc<Result<Plan, PlanError>>,
    /// Milliseconds from the change to the plan (its fingerprints
    /// included; with the engine worker, the whole round trip), measured
    /// in the page.
    pub ms: f64,
    pub scenario: String,
    /// Increases with every computation (memo equality).
    pub seq: u64,
    /// The fingerprint of the plan's inputs
    /// ([`crate::core::engine::canonical::inputs`]) and the "compute"
    /// count it was made for: an edit that changes neither keeps this run.
    pub inputs: u64,
    pub forced: u64,
    /// What the engine worker measured, when it made the plan.
    pub worker: Option<super::engine::WorkerFigures>,
}

impl PartialEq for PlanRun {
    fn eq(&self, other: &Self) -> bool {
        self.seq == other.seq
    }
}

/// Undo and redo stacks of whole-workspace snapshots with their labels.
#[derive(Clone, Debug, Default)]
pub struct History {
    pub undo: Vec<(Workspace, String)>,
    pub redo: Vec<(Workspace, String)>,
}

/// What the page last asked the engine worker for.
#[derive(Clone, Debug)]
struct Asked {
    seq: u64,
    inputs: u64,
    forced: u64,
    scenario: String,
    /// When (ms, the page's clock).
    at: f64,
}

/// The fingerprints of a round's inputs, the world read through
/// `planner`'s memo.
fn fingerprints_here(
    planner: StoredValue<engine::Planner>,
    input: &RoundInput<'_>,
) -> engine::canonical::Fingerprints {
    planner
        .try_update_value(|p| p.fingerprints(input))
        .unwrap_or_else(|| engine::canonical::fingerprints(input))
}

/// A plan made in the page from `planner`'s round ("compute", `fresh`,
/// builds it anew).
fn plan_here(
    planner: StoredValue<engine::Planner>,
    input: &RoundInput<'_>,
    model: u64,
    fresh: bool,
) -> Result<Plan, PlanError> {
    planner
        .try_update_value(|p| {
            if fresh {
                p.forget();
            }
            p.plan_keyed(input, model)
        })
        .unwrap_or_else(|| engine::plan(input))
}

/// The open round and the scenario `id` (or its first) of a workspace.
fn scenario_input<'a>(ws: &'a Workspace, id: &str) -> Option<RoundInput<'a>> {
    let round = ws.open_round()?;
    let scenario = round
        .scenarios
        .iter()
        .find(|s| s.id == id)
        .or(round.scenarios.first())?;
    Some(RoundInput {
        ws,
        round,
        scenario,
    })
}

/// How many edits can be undone.
pub const HISTORY_DEPTH: usize = 30;

/// Everything the components share.
#[derive(Clone, Copy)]
pub struct AppState {
    pub workspace: RwSignal<Workspace>,
    /// The active scenario's id in the open round ("" = the first).
    pub scenario: RwSignal<String>,
    /// Bumped by "compute" to force a fresh computation.
    pub recompute: RwSignal<u64>,
    /// The plan of the active scenario, recomputed when its inputs change
    /// (see [`AppState::new`] and [`AppState::with_worker`]).
    pub plan: Signal<Option<PlanRun>>,
    /// A newer plan is being computed (by the engine worker; the plan shown
    /// is the previous one, or none when the people or positions changed).
    pub computing: RwSignal<bool>,
    pub history: RwSignal<History>,
    pub page: RwSignal<Page>,
    pub lang: RwSignal<Lang>,
    pub storage: RwSignal<StorageStatus>,
    /// The fingerprint of the stored entry this tab's workspace equals
    /// (set when it loads or saves one): autosave writes nothing new when
    /// the workspace still has it, and another tab's save of it is no
    /// change.
    pub synced: StoredValue<String>,
    /// The number of the autosave in progress, if any (see
    /// [`super::autosave`]): a save goes on only while it is still this.
    pub saving: StoredValue<Option<u64>>,
    /// When this tab's edits made while autosave was paused were kept apart
    /// (see [`super::storage::COPY_KEY`]); `None` when there is no copy.
    pub copy: RwSignal<Option<String>>,
    pub notice: RwSignal<Option<Notice>>,
    /// The key the storage passphrase derived, when the stored workspace is
    /// locked (every save is sealed with it); `None` when it is not.
    pub seal: RwSignal<Option<crate::core::io::sealed::SealKey>>,
    /// Bumped on every workspace replacement, so views can reset selections.
    pub generation: RwSignal<u64>,
    pub today: Date,
}

impl AppState {
    /// A state around a workspace, planning in the page's own thread: a
    /// plan is there as soon as it is read (browser tests, and where no
    /// worker can run).
    pub fn new(workspace: Workspace, today: Date) -> AppState {
        let workspace = RwSignal::new(workspace);
        let scenario = RwSignal::new(String::new());
        let recompute = RwSignal::new(0u64);
        // The last round built, kept across plans: a weight drag, a mode
        // switch or another scenario with the same rules re-selects from it
        // (see [`engine::Planner`]); "compute" builds it anew.
        let planner = StoredValue::new(engine::Planner::default());
        let plan = Memo::new(move |previous: Option<&Option<PlanRun>>| {
            let forced = recompute.get();
            let id = scenario.get();
            let previous = previous.and_then(Option::as_ref);
            let seq = previous.map_or(0, |r| r.seq) + 1;
            workspace.with(|ws| {
                let input = scenario_input(ws, &id)?;
                // Only a change of what the plan reads recomputes it (not a
                // round's contact text, a comment or the audit).
                let start = super::browser::now_ms();
                let fingerprints = fingerprints_here(planner, &input);
                let inputs = fingerprints.plan;
                if let Some(p) = previous.filter(|p| p.inputs == inputs && p.forced == forced) {
                    return Some(p.clone());
                }
                let fresh = previous.is_some_and(|p| p.forced != forced);
                let result = plan_here(planner, &input, fingerprints.model, fresh);
                let ms = super::browser::now_ms() - start;
                Some(PlanRun {
                    result: Arc::new(result),
                    ms,
                    scenario: input.scenario.id.clone(),
                    seq,
                    inputs,
                    forced,
                    worker: None,
                })
            })
        });
        AppState::around(workspace, scenario, recompute, plan.into(), today)
    }

    /// A state around a workspace, planning in the engine worker
    /// ([`super::engine`]): the page sends each change and shows the plan
    /// when it arrives, [`AppState::computing`] meanwhile. Where no worker
    /// can start, or once it fails, the page plans itself.
    pub fn with_worker(workspace: Workspace, today: Date) -> AppState {
        if !super::engine::EngineClient::available() {
            return AppState::new(workspace, today);
        }
        let workspace = RwSignal::new(workspace);
        let scenario = RwSignal::new(String::new());
        let recompute = RwSignal::new(0u64);
        let runs = RwSignal::new(None::<PlanRun>);
        let state = AppState::around(workspace, scenario, recompute, runs.into(), today);
        let computing = state.computing;
        // What was asked last: (seq, plan fingerprint, compute count,
        // scenario, when).
        let asked = StoredValue::new_local(None::<Asked>);
        // Plans asked for, in all (each one's number).
        let count = StoredValue::new_local(0u64);
        // Set once the worker failed: the page plans itself from then on.
        let in_page = RwSignal::new(false);
        let planner = StoredValue::new(engine::Planner::default());
        let client = super::engine::EngineClient::new(move |answer| {
            let Some(question) = asked.get_value().filter(|a| a.seq == answer.seq) else {
                return;
            };
            let Ok((result, figures)) = answer.outcome else {
                // Planned again, in the page (the effect below).
                asked.set_value(None);
                in_page.set(true);
                return;
            };
            computing.set(false);
            let run = PlanRun {
                result: Arc::new(result),
                ms: super::browser::now_ms() - question.at,
                scenario: question.scenario,
                seq: question.seq,
                inputs: question.inputs,
                forced: question.forced,
                worker: Some(figures),
            };
            // The previous plan is freed in a task of its own (a province's
            // plan holds hundreds of thousands of candidates).
            if let Some(previous) = runs.try_update(|r| r.replace(run)).flatten() {
                set_timeout(move || drop(previous), std::time::Duration::ZERO);
            }
        });
        let client = StoredValue::new_local(client);
        // A number that changes with the world the worker holds.
        let world = StoredValue::new_local(0u64);
        Effect::new(move |_| {
            let forced = recompute.get();
            let id = scenario.get();
            let in_page = in_page.get();
            workspace.with(|ws| {
                let Some(input) = scenario_input(ws, &id) else {
                    computing.set(false);
                    runs.set(None);
                    asked.set_value(None);
                    return;
                };
                let at = super::browser::now_ms();
                let previous = asked.get_value();
                let fresh = previous.as_ref().is_some_and(|p| p.forced != forced);
                // Whether these inputs were asked last; else they are asked
                // now, under a new number.
                let ask = |inputs: u64| -> Option<u64> {
                    if previous
                        .as_ref()
                        .is_some_and(|p| p.inputs == inputs && p.forced == forced)
                    {
                        return None;
                    }
                    count.update_value(|n| *n += 1);
                    let seq = count.get_value();
                    asked.set_value(Some(Asked {
                        seq,
                        inputs,
                        forced,
                        scenario: input.scenario.id.clone(),
                        at,
                    }));
                    Some(seq)
                };
                if in_page {
                    let fingerprints = fingerprints_here(planner, &input);
                    let Some(seq) = ask(fingerprints.plan) else {
                        return;
                    };
                    let result = plan_here(planner, &input, fingerprints.model, fresh);
                    computing.set(false);
                    runs.set(Some(PlanRun {
                        result: Arc::new(result),
                        ms: super::browser::now_ms() - at,
                        scenario: input.scenario.id.clone(),
                        seq,
                        inputs: fingerprints.plan,
                        forced,
                        worker: None,
                    }));
                    return;
                }
                let changed = client.with_value(|c| c.sync_world(ws));
                if changed {
                    world.update_value(|w| *w += 1);
                }
                let fingerprints = engine::canonical::round_fingerprints(&input, world.get_value());
                let Some(seq) = ask(fingerprints.plan) else {
                    return;
                };
                if changed {
                    // Its rows may not fit the new world.
                    runs.set(None);
                }
                computing.set(true);
                let request = engine::wire::PlanRequest {
                    seq,
                    round: input.round.clone(),
                    scenario: input.scenario.id.clone(),
                    fresh,
                };
                client.with_value(|c| c.request(&request, fingerprints.model));
            });
        });
        state
    }

    /// The fields besides the plan.
    fn around(
        workspace: RwSignal<Workspace>,
        scenario: RwSignal<String>,
        recompute: RwSignal<u64>,
        plan: Signal<Option<PlanRun>>,
        today: Date,
    ) -> AppState {
        AppState {
            workspace,
            scenario,
            recompute,
            plan,
            computing: RwSignal::new(false),
            history: RwSignal::new(History::default()),
            page: RwSignal::new(Page::default()),
            lang: RwSignal::new(Lang::Id),
            storage: RwSignal::new(StorageStatus::Unknown),
            synced: StoredValue::new(String::new()),
            saving: StoredValue::new(None),
            copy: RwSignal::new(None),
            notice: RwSignal::new(None),
            seal: RwSignal::new(None),
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

    /// Replaces the whole workspace (import, reset); history starts anew.
    pub fn replace_workspace(&self, workspace: Workspace) {
        self.workspace.set(workspace);
        self.history.set(History::default());
        self.scenario.set(String::new());
        self.generation.update(|g| *g += 1);
    }

    /// Applies an edit (see [`crate::core::edit`]): on success the change
    /// is one undo step and one audit line; a refusal changes nothing,
    /// records nothing and is shown as a notice. The caller gets the result
    /// to reset its form or select what the edit created.
    pub fn apply(&self, edit: Edit) -> Result<Applied, EditError> {
        let before = self.workspace.get_untracked();
        let result = self
            .workspace
            .try_update_untracked(|ws| edit.apply(ws))
            .unwrap_or(Err(EditError::NoOpenRound));
        match &result {
            Ok(done) => {
                self.history.update(|h| {
                    if crate::core::procedure::is_step(done.action) {
                        // A step of the procedure is not undone: going
                        // back is its own, logged step.
                        h.undo.clear();
                    } else {
                        h.undo.push((before, done.detail.clone()));
                        if h.undo.len() > HISTORY_DEPTH {
                            h.undo.remove(0);
                        }
                    }
                    h.redo.clear();
                });
                let entry = AuditEntry {
                    at: super::browser::now_iso(),
                    action: done.action.to_string(),
                    detail: done.detail.clone(),
                    reason: done.reason.clone(),
                };
                self.workspace.update(|ws| ws.audit.push(entry));
            }
            Err(e) => {
                // Edits check before they change, but a refusal must leave
                // nothing behind whatever the edit did first.
                self.workspace.update_untracked(|ws| *ws = before);
                self.notify(true, e.message(self.lang.get_untracked()));
            }
        }
        result
    }

    /// Undoes the last edit. The audit log is append-only: it keeps the
    /// undone edit and records the undo.
    pub fn undo(&self) {
        let Some((previous, label)) = self.history.try_update(|h| h.undo.pop()).flatten() else {
            return;
        };
        let current = self.workspace.get_untracked();
        self.restore(previous, current.audit.clone(), "undo", &label);
        self.history.update(|h| h.redo.push((current, label)));
    }

    /// Redoes the last undone edit (recorded in the audit log).
    pub fn redo(&self) {
        let Some((next, label)) = self.history.try_update(|h| h.redo.pop()).flatten() else {
            return;
        };
        let current = self.workspace.get_untracked();
        self.restore(next, current.audit.clone(), "redo", &label);
        self.history.update(|h| h.undo.push((current, label)));
    }

    fn restore(&self, mut snapshot: Workspace, audit: Vec<AuditEntry>, action: &str, label: &str) {
        snapshot.audit = audit;
        snapshot.audit.push(AuditEntry {
            at: super::browser::now_iso(),
            action: action.to_string(),
            detail: label.to_string(),
            reason: None,
        });
        self.workspace.set(snapshot);
    }

    /// The id of the active scenario (the first when none is chosen).
    pub fn scenario_id(&self) -> String {
        let id = self.scenario.get();
        self.workspace.with(|ws| {
            ws.open_round()
                .and_then(|r| {
                    r.scenarios
                        .iter()
                        .find(|s| s.id == id)
                        .or(r.scenarios.first())
                })
                .map(|s| s.id.clone())
                .unwrap_or_default()
        })
    }

    /// Changes the active scenario without history (slider drags); the
    /// scenario is saved with the workspace. `false`: refused, because the
    /// round is published (the notice says how to start a new version); a
    /// control then shows the stored value again.
    pub fn tune(&self, change: impl FnOnce(&mut Scenario)) -> bool {
        self.tune_boxed(Box::new(change))
    }

    /// Shows the stored settings again after a refused change to a control
    /// that cannot reset itself (a radio group).
    pub fn redraw(&self) {
        self.workspace.update(|_| {});
    }

    fn tune_boxed(&self, change: Box<dyn FnOnce(&mut Scenario) + '_>) -> bool {
        let id = self.scenario_id();
        // A published round's settings are frozen (a new version first).
        let status = self.workspace.with_untracked(|ws| {
            ws.open_round()
                .map_or(RoundStatus::Draf, |r| r.procedure.status)
        });
        if !crate::core::procedure::allows(status, crate::core::procedure::Change::Settings) {
            self.notify(
                true,
                EditError::Frozen(status).message(self.lang.get_untracked()),
            );
            return false;
        }
        let mut tuned = true;
        self.workspace.maybe_update(|ws| {
            if let Some(s) = ws
                .open_round_mut()
                .and_then(|r| r.scenarios.iter_mut().find(|s| s.id == id))
            {
                let mut next = s.clone();
                change(&mut next);
                // The last weight above 0 stays: a scenario without any
                // would move people for nothing.
                tuned = !next.weights.is_zero();
                if tuned {
                    *s = next;
                }
            }
            tuned
        });
        if !tuned {
            self.notify(
                true,
                T::NoWeight.text(self.lang.get_untracked()).to_string(),
            );
        }
        tuned
    }
}

/// The state provided by [`crate::ui::App`].
pub fn use_state() -> AppState {
    expect_context::<AppState>()
}

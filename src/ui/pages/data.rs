//! Data: export the workspace as a plan file, import one through a preview,
//! reset to the demo, and see how storage stands.

use crate::core::demo::jambi_demo;
use crate::core::edit::Edit;
use crate::core::engine::verify::{record_all, verify, Verdict};
use crate::core::io::file_jobs::{FileJob, FileOutcome};
use crate::core::io::plan_file::{self, CollectionChange, ImportPreview, ImportedPlan};
use crate::core::io::plan_parts::{Assembler, CutPlan};
use crate::core::io::sealed;
use crate::i18n::{format_count, Lang, T};
use crate::messages::Message;
use crate::ui::browser;
use crate::ui::pages::sealed::{Locked, SealDialog, UnlockDialog};
use crate::ui::state::{use_state, AppState, StorageStatus};
use leptos::prelude::*;

/// A file read and validated, waiting for confirmation.
#[derive(Clone)]
struct Pending {
    file_name: String,
    plan: ImportedPlan,
    preview: ImportPreview,
}

/// Says that a file was written: `done`, its name and size, then `place`
/// (where the browser put it).
pub fn notify_written(state: AppState, done: T, place: T, name: &str, bytes: usize) {
    let lang = state.lang.get_untracked();
    state.notify(
        false,
        format!(
            "{} {name} ({} KB). {}",
            done.text(lang),
            format_count(bytes.div_ceil(1024), lang),
            place.text(lang)
        ),
    );
}

/// The file name of an export: `rencana-mutasi-2026-11-28.json`.
pub fn export_file_name(today: crate::core::date::Date) -> String {
    format!("rencana-mutasi-{today}.json")
}

/// The plan file of the workspace as exported: it records every scenario's
/// plan, so a receiver can verify it.
pub fn plan_text(state: AppState) -> String {
    let now = browser::now_iso();
    let mut ws = state.workspace.get_untracked();
    record_all(&mut ws, &now);
    plan_file::write_compact(&ws, &now)
}

/// Reads a plan file into a preview (or the reasons it does not read): the
/// file worker reads and validates it, the page takes its pieces a few per
/// task ([`crate::core::io::plan_parts`]), so a large file never stops the
/// page from drawing.
/// `current` tells whether this file is still the one picked last: a file
/// picked meanwhile is the one shown, whichever is read first.
async fn take_plan(
    state: AppState,
    file_name: String,
    bytes: Vec<u8>,
    current: impl Fn() -> bool,
    pending: RwSignal<Option<Pending>>,
    import_errors: RwSignal<Vec<String>>,
) {
    let lang = state.lang.get_untracked();
    let read = match crate::ui::files::run(&FileJob::ReadPlan, &bytes).await {
        Ok((FileOutcome::Plan(cut), pieces)) => {
            drop(bytes);
            assemble(*cut, &pieces, &current).await.map_err(|e| vec![e])
        }
        Ok((FileOutcome::PlanFailed(plan_file::ImportError::Invalid(findings)), _)) => {
            Err(findings.iter().take(50).map(|f| f.message(lang)).collect())
        }
        Ok((FileOutcome::PlanFailed(e), _)) => Err(vec![e.message(lang)]),
        Ok((FileOutcome::Error(e), _)) | Err(e) => Err(vec![e]),
        Ok((other, _)) => Err(vec![format!("unexpected reply: {other:?}")]),
    };
    if !current() {
        return;
    }
    match read {
        Ok((plan, world)) => {
            if let Some(world) = world {
                crate::ui::engine::offer_world(&plan.workspace, world);
            }
            let preview = state
                .workspace
                .with_untracked(|ws| plan_file::preview(ws, &plan.workspace));
            pending.set(Some(Pending {
                file_name,
                plan,
                preview,
            }));
        }
        Err(lines) => {
            import_errors.set(
                lines
                    .into_iter()
                    .map(|line| format!("{file_name}: {line}"))
                    .collect(),
            );
            state.notify(true, T::ImportFailed.text(lang));
        }
    }
}

/// Puts a plan cut in the file worker together again, letting the browser
/// draw every [`crate::ui::autosave::SLICE_MS`]; the plan, and the world
/// the worker wrote with it for the engine worker. Stops early once
/// `current` says another file was picked (what it gives is then dropped).
async fn assemble(
    cut: CutPlan,
    pieces: &[u8],
    current: impl Fn() -> bool,
) -> Result<(ImportedPlan, Option<js_sys::Uint8Array>), String> {
    let mut assembler = Assembler::new(cut);
    let mut until = browser::now_ms() + crate::ui::autosave::SLICE_MS;
    for range in assembler.ranges() {
        if browser::now_ms() >= until {
            browser::yield_to_browser().await;
            if !current() {
                return Err("another file was picked".into());
            }
            until = browser::now_ms() + crate::ui::autosave::SLICE_MS;
        }
        let piece = pieces
            .get(range)
            .ok_or("the plan's pieces came cut short")?;
        assembler.add(piece)?;
    }
    let world = pieces.get(assembler.world()).map(js_sys::Uint8Array::from);
    Ok((assembler.finish()?, world))
}

/// Counts a file picked for import; whether it is still the one picked
/// last.
fn pick(picks: StoredValue<u64>) -> impl Fn() -> bool {
    picks.update_value(|n| *n += 1);
    let this = picks.get_value();
    move || picks.try_get_value() == Some(this)
}

/// The start of a file, enough to tell a sealed one
/// ([`sealed::is_sealed`] reads 256 characters).
fn head(bytes: &[u8]) -> &[u8] {
    bytes.get(..1024).unwrap_or(bytes)
}

/// The page.
#[component]
pub fn DataPage() -> impl IntoView {
    let state = use_state();
    let pending: RwSignal<Option<Pending>> = RwSignal::new(None);
    let locked: RwSignal<Option<Locked>> = RwSignal::new(None);
    let sealing = RwSignal::new(false);
    let import_errors: RwSignal<Vec<String>> = RwSignal::new(Vec::new());
    let input_ref = NodeRef::<leptos::html::Input>::new();
    // Files picked for import, in all.
    let picks = StoredValue::new(0u64);

    let export = move |_| {
        let text = plan_text(state);
        let name = export_file_name(state.today);
        match browser::download_text(&name, "application/json", &text) {
            Ok(()) => notify_written(
                state,
                T::PlanExported,
                T::PlanExportedWhere,
                &name,
                text.len(),
            ),
            Err(e) => state.notify(true, e),
        }
    };

    // The same file with stable pseudonyms for names and NIPs and coarsened
    // birth dates, for workshops and email.
    let export_pseudonymous = move |_| {
        let now = browser::now_iso();
        let seed = browser::now_ms().to_bits();
        let made = state
            .workspace
            .with_untracked(|ws| crate::core::io::pseudonym::pseudonymise(ws, seed));
        let (mut pseudo, report) = match made {
            Ok(made) => made,
            Err(e) => return state.notify(true, e.to_string()),
        };
        // The copy's own plans: computed on its people.
        record_all(&mut pseudo, &now);
        let text = plan_file::write_compact(&pseudo, &now);
        let name = export_file_name(state.today).replace(".json", "-pseudonim.json");
        match browser::download_text(&name, "application/json", &text) {
            Ok(()) => {
                let lang = state.lang.get_untracked();
                state.notify(
                    false,
                    format!(
                        "{} {} · {} {}",
                        T::PseudonymDone.text(lang),
                        format_count(report.people, lang),
                        format_count(report.finer_birth, lang),
                        T::PseudonymKeptMonth.text(lang)
                    ),
                );
            }
            Err(e) => state.notify(true, e),
        }
    };

    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = browser::chosen_files(&ev).into_iter().next() else {
            return;
        };
        let file_name = file.name();
        let current = pick(picks);
        pending.set(None);
        locked.set(None);
        import_errors.set(Vec::new());
        leptos::task::spawn_local(async move {
            let lang = state.lang.get_untracked();
            match browser::read_bytes(file).await {
                Err(e) => {
                    import_errors.set(vec![format!("{file_name}: {e}")]);
                    state.notify(true, T::ImportFailed.text(lang));
                }
                // An encrypted file asks for its passphrase first.
                Ok(bytes) if sealed::is_sealed(&String::from_utf8_lossy(head(&bytes))) => locked
                    .set(Some(Locked {
                        file_name,
                        text: String::from_utf8_lossy(&bytes).into(),
                    })),
                Ok(bytes) => {
                    take_plan(state, file_name, bytes, current, pending, import_errors).await
                }
            }
        });
    };
    let unlocked = Callback::new(move |(file_name, text): (String, String)| {
        locked.set(None);
        leptos::task::spawn_local(take_plan(
            state,
            file_name,
            text.into_bytes(),
            pick(picks),
            pending,
            import_errors,
        ));
    });
    let unlock_failed = Callback::new(move |line: String| {
        locked.set(None);
        import_errors.set(vec![line]);
        state.notify(true, T::ImportFailed.text(state.lang.get_untracked()));
    });

    let clear_input = move || {
        if let Some(input) = input_ref.get_untracked() {
            input.set_value("");
        }
    };

    let confirm = move |_| {
        if let Some(p) = pending.get_untracked() {
            state.replace_workspace(p.plan.workspace);
            state.notify(
                false,
                format!(
                    "{} {}",
                    T::ImportDone.text(state.lang.get_untracked()),
                    p.file_name
                ),
            );
        }
        pending.set(None);
        clear_input();
    };
    let cancel = move |_| {
        pending.set(None);
        crate::ui::engine::withdraw_world();
        clear_input();
    };
    let unlock_cancel = Callback::new(move |()| {
        locked.set(None);
        clear_input();
    });

    let reset = move |_| {
        let lang = state.lang.get_untracked();
        let ok = window()
            .confirm_with_message(T::ResetDemoConfirm.text(lang))
            .unwrap_or(false);
        if ok {
            state.replace_workspace(jambi_demo());
            state.notify(false, T::ResetDone.text(lang));
        }
    };

    view! {
        <section class="page" aria-labelledby="data-title">
            <h2 id="data-title">{move || state.t(T::NavData)}</h2>
            <p>{move || state.t(T::DataIntro)}</p>
            <GovernmentPicker />
            <StoragePanel />
            <crate::ui::pages::sealed::StorageLock />
            <div class="actions">
                <button type="button" class="primary" data-testid="export-plan" on:click=export>
                    {move || state.t(T::ExportPlan)}
                </button>
                <button type="button" data-testid="export-sealed" on:click=move |_| sealing.set(true)>
                    {move || state.t(T::ExportSealed)}
                </button>
                <button type="button" data-testid="export-pseudonymous" on:click=export_pseudonymous>
                    {move || state.t(T::ExportPseudonymous)}
                </button>
                <label class="file">
                    <span>{move || state.t(T::ImportPlan)}</span>
                    <input
                        type="file"
                        accept=".json,application/json"
                        data-testid="import-plan"
                        node_ref=input_ref
                        on:change=on_file
                    />
                </label>
                <button type="button" data-testid="reset-demo" on:click=reset>
                    {move || state.t(T::ResetDemo)}
                </button>
            </div>
            <SealDialog open=sealing />
            {move || {
                locked
                    .get()
                    .map(|l| {
                        view! {
                            <UnlockDialog locked=l on_open=unlocked on_fail=unlock_failed on_cancel=unlock_cancel />
                        }
                    })
            }}
            {move || {
                let errors = import_errors.get();
                (!errors.is_empty())
                    .then(|| {
                        view! {
                            <div role="alert" class="alert error" data-testid="import-errors">
                                <ul>{errors.into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}</ul>
                            </div>
                        }
                    })
            }}
            {move || {
                pending
                    .get()
                    .map(|p| {
                        view! { <PreviewPanel pending=p on_confirm=confirm on_cancel=cancel /> }
                    })
            }}
            <crate::ui::pages::sheet_import::SheetImport />
            <crate::ui::pages::cards_import::CardsImport />
            <crate::ui::pages::objections_import::ObjectionsImport />
            <super::wipe::WipePanel />
        </section>
    }
}

/// Whose workspace it is: the province or a kabupaten/kota. It names the
/// PPK on the decree attachment and the socialisation sheets.
#[component]
fn GovernmentPicker() -> impl IntoView {
    use crate::core::model::Government;
    let state = use_state();
    let all = Government::all();
    let options = all.clone();
    let current = move || {
        state.workspace.with(|ws| {
            all.iter()
                .position(|g| *g == ws.government)
                .unwrap_or(0)
                .to_string()
        })
    };
    view! {
        <label class="government">
            <span>{move || state.t(T::Government)}</span>
            <select
                data-testid="government"
                prop:value=current
                on:change=move |ev| {
                    let chosen = event_target_value(&ev)
                        .parse::<usize>()
                        .ok()
                        .and_then(|i| Government::all().get(i).copied());
                    if let Some(g) = chosen {
                        let _ = state.apply(Edit::SetGovernment(g));
                    }
                }
            >
                {options
                    .into_iter()
                    .enumerate()
                    .map(|(i, g)| view! { <option value=i.to_string()>{crate::ui::pages::labels::government_label(g)}</option> })
                    .collect_view()}
            </select>
        </label>
    }
}

#[component]
fn PreviewPanel(
    pending: Pending,
    on_confirm: impl Fn(leptos::ev::MouseEvent) + 'static,
    on_cancel: impl Fn(leptos::ev::MouseEvent) + 'static,
) -> impl IntoView {
    let state = use_state();
    let lang = state.lang.get_untracked();
    let p = pending.preview;
    let change_row = move |label: T, c: CollectionChange, lang: Lang| {
        view! {
            <tr>
                <th scope="row">{label.text(lang)}</th>
                <td class="num">{format_count(c.added, lang)}</td>
                <td class="num">{format_count(c.removed, lang)}</td>
                <td class="num">{format_count(c.changed, lang)}</td>
                <td class="num">{format_count(c.unchanged, lang)}</td>
            </tr>
        }
    };
    view! {
        <div class="preview" data-testid="import-preview" role="region" aria-labelledby="preview-title">
            <h3 id="preview-title">{T::ImportPreview.text(lang)} " · " {pending.file_name.clone()}</h3>
            <p>
                {T::ImportFileHolds.text(lang)} ": " {format_count(p.incoming.agencies, lang)} " "
                {T::Agencies.text(lang)} ", " {format_count(p.incoming.positions, lang)} " "
                {T::Positions.text(lang)} ", "
                <span data-testid="preview-asn">{format_count(p.incoming.asn, lang)}</span> " "
                {T::AsnPlural.text(lang)} ", " {format_count(p.incoming.rounds, lang)} " "
                {T::Rounds.text(lang)} " · schema " {pending.plan.file_version} " · "
                {pending.plan.created_at.clone()}
            </p>
            <h4>{T::ImportWouldChange.text(lang)}</h4>
            <table class="data compact">
                <thead>
                    <tr>
                        <td></td>
                        <th scope="col" class="num">{T::Added.text(lang)}</th>
                        <th scope="col" class="num">{T::Removed.text(lang)}</th>
                        <th scope="col" class="num">{T::Changed.text(lang)}</th>
                        <th scope="col" class="num">{T::Unchanged.text(lang)}</th>
                    </tr>
                </thead>
                <tbody>
                    {change_row(T::Agencies, p.agencies, lang)}
                    {change_row(T::Positions, p.positions, lang)}
                    {change_row(T::AsnPlural, p.asn, lang)}
                    {change_row(T::Rounds, p.rounds, lang)}
                </tbody>
            </table>
            {(!p.removed_asn.is_empty())
                .then(|| {
                    view! {
                        <h4>{T::WillBeRemoved.text(lang)}</h4>
                        <ul>{p.removed_asn.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                    }
                })}
            {(!pending.plan.warnings.is_empty())
                .then(|| {
                    view! {
                        <h4>{T::ImportWarnings.text(lang)}</h4>
                        <ul>
                            {pending
                                .plan
                                .warnings
                                .iter()
                                .take(20)
                                .map(|w| view! { <li>{w.message(lang)}</li> })
                                .collect_view()}
                        </ul>
                    }
                })}
            <VerifyPanel plan=pending.plan.workspace.clone() />
            <div class="actions">
                <button type="button" class="primary" data-testid="import-confirm" on:click=on_confirm>
                    {T::ImportConfirm.text(lang)}
                </button>
                <button type="button" data-testid="import-cancel" on:click=on_cancel>
                    {T::ImportCancel.text(lang)}
                </button>
            </div>
        </div>
    }
}

/// How storage stands, with the recovery actions when it does not.
#[component]
pub fn StoragePanel() -> impl IntoView {
    let state = use_state();
    move || {
        let lang = state.lang.get();
        match state.storage.get() {
            StorageStatus::Saved { chars } => view! {
                <p class="storage ok" data-testid="storage-status">
                    {T::StorageSaved.text(lang)} ": " {format_count(chars, lang)} " "
                    {T::StorageChars.text(lang)}
                    {state.seal.with(Option::is_some).then(|| view! { " · " <strong data-testid="storage-locked">{T::StorageSealed.text(lang)}</strong> })}
                </p>
            }
            .into_any(),
            StorageStatus::Locked => view! {
                <p class="storage" data-testid="storage-status">{T::StorageLocked.text(lang)}</p>
            }
            .into_any(),
            StorageStatus::Wiped => view! {
                <p class="storage" data-testid="storage-status">{T::WipedStatus.text(lang)}</p>
            }
            .into_any(),
            StorageStatus::ChangedElsewhere => view! {
                <p class="storage" data-testid="storage-status">{T::ChangedElsewhere.text(lang)}</p>
            }
            .into_any(),
            StorageStatus::Unknown => {
                view! { <p class="storage" data-testid="storage-status"></p> }.into_any()
            }
            StorageStatus::Refused { message } => view! {
                <div role="alert" class="alert error" data-testid="storage-status">
                    <p>{T::StorageQuota.text(lang)}</p>
                    <p class="muted">{message}</p>
                </div>
            }
            .into_any(),
            StorageStatus::Unavailable => view! {
                <div role="alert" class="alert error" data-testid="storage-status">
                    {T::StorageUnavailable.text(lang)}
                </div>
            }
            .into_any(),
            StorageStatus::Unreadable { raw, error } => {
                let download = move |_| {
                    let name = format!("mutasi-planner-tersimpan-{}.txt", state.today);
                    // Offer the plan JSON inside when it can be unpacked, else the raw text.
                    let text = crate::core::io::storage_codec::unpack(&raw)
                        .unwrap_or_else(|_| raw.clone());
                    if let Err(e) = browser::download_text(&name, "text/plain", &text) {
                        state.notify(true, e);
                    }
                };
                let discard = move |_| {
                    crate::ui::autosave::stop(state);
                    let seal = state.seal.get_untracked();
                    let (status, fingerprint) = state
                        .workspace
                        .with_untracked(|ws| super::super::storage::save(ws, seal.as_ref()));
                    if matches!(status, StorageStatus::Saved { .. }) {
                        state.synced.set_value(fingerprint);
                    }
                    state.storage.set(status);
                };
                view! {
                    <div role="alert" class="alert error" data-testid="storage-status">
                        <p>{T::StorageCorrupt.text(lang)}</p>
                        <p class="muted" data-testid="storage-error">{error.map(|e| e.message(lang))}</p>
                        <div class="actions">
                            <button type="button" data-testid="download-raw" on:click=download>
                                {T::DownloadRaw.text(lang)}
                            </button>
                            <button type="button" data-testid="discard-stored" on:click=discard>
                                {T::DiscardStored.text(lang)}
                            </button>
                        </div>
                    </div>
                }
                .into_any()
            }
        }
    }
}

/// Offers to recompute the file's recorded plans and shows the verdict.
#[component]
fn VerifyPanel(plan: crate::core::model::Workspace) -> impl IntoView {
    let state = use_state();
    let has_results = plan.rounds.iter().any(|r| !r.results.is_empty());
    let plan = StoredValue::new(plan);
    let verdicts = RwSignal::new(None::<Vec<crate::core::engine::verify::RoundCheck>>);
    let run = move |_| verdicts.set(Some(plan.with_value(verify)));
    move || {
        let lang = state.lang.get();
        if !has_results {
            return view! { <p class="muted">{T::NoRecordedPlans.text(lang)}</p> }.into_any();
        }
        let result = verdicts.get().map(|checks| {
            plan.with_value(|ws| {
                let name = |nip: &crate::core::model::Nip| ws.asn.iter().find(|a| &a.nip == nip).map_or_else(|| nip.to_string(), |a| a.name.clone());
                let pos = |p: &Option<crate::core::model::PositionId>| match p {
                    Some(id) => ws.positions.iter().find(|x| &x.id == id).map_or_else(|| id.0.clone(), |x| x.name.clone()),
                    None => T::Stays.text(lang).to_string(),
                };
                checks
                    .into_iter()
                    .map(|check| {
                        let scenarios = check
                            .scenarios
                            .into_iter()
                            .map(|(id, verdict)| match verdict {
                                Verdict::Identical => view! { <li data-verdict="identical">{id} ": " <strong>{T::Identical.text(lang)}</strong></li> }.into_any(),
                                Verdict::Differs { differences, recorded_objective, recomputed_objective } => view! {
                                    <li data-verdict="differs">
                                        {id} ": " <strong>{T::Differs.text(lang)}</strong>
                                        {format!(" ({recorded_objective} ≠ {recomputed_objective})")}
                                        <ul>
                                            {differences
                                                .iter()
                                                .take(100)
                                                .map(|d| view! { <li>{format!("{}: {} {} · {} {}", name(&d.asn), T::FileSays.text(lang), pos(&d.recorded), T::RecomputeGives.text(lang), pos(&d.recomputed))}</li> })
                                                .collect_view()}
                                        </ul>
                                    </li>
                                }
                                .into_any(),
                                Verdict::UnknownScenario => view! { <li data-verdict="unknown">{id} ": ?"</li> }.into_any(),
                                Verdict::UnknownEngine(n) => view! { <li data-verdict="unknown-engine">{id} ": " {format!("{} ({n})", T::UnknownEngine.text(lang))}</li> }.into_any(),
                                Verdict::Failed(e) => view! { <li data-verdict="failed">{id} ": " {e}</li> }.into_any(),
                            })
                            .collect_view();
                        let overrides = check
                            .overrides
                            .iter()
                            .map(|d| view! { <li>{format!("{} — {:?}: {}", name(&d.asn), d.action, d.reason)}</li> })
                            .collect_view();
                        let versions = check
                            .versions
                            .iter()
                            .map(|(n, fp, matches)| {
                                let verdict = if *matches { T::VersionMatches } else { T::VersionDiffers };
                                view! {
                                    <li data-testid="verify-version" data-version=*n data-fingerprint=fp.clone() data-matches=matches.to_string()>
                                        {T::Version.text(lang)} " v" {*n} " · " {T::Fingerprint.text(lang)} " "
                                        <code>{crate::core::procedure::short(fp)}</code> ": " <strong>{verdict.text(lang)}</strong>
                                    </li>
                                }
                            })
                            .collect_view();
                        view! {
                            <h4>{check.round}</h4>
                            <ul>{versions}</ul>
                            <ul>{scenarios}</ul>
                            <p>{T::Decisions.text(lang)} ":"</p>
                            <ul>{overrides}</ul>
                        }
                    })
                    .collect_view()
            })
        });
        view! {
            <div class="verify">
                <button type="button" data-testid="verify-plan" on:click=run>{T::VerifyPlan.text(lang)}</button>
                <div data-testid="verify-result">{result}</div>
            </div>
        }
        .into_any()
    }
}

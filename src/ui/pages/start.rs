//! Getting started: the first visit's welcome (what the planner does, that
//! the data is a demo, and two paths: explore it, or start an empty
//! workspace for one's own government), and the next step of the cycle
//! while something is missing (positions, people, a round, openings).

use crate::core::model::{AuditEntry, Government, Workspace};
use crate::i18n::T;
use crate::ui::state::{use_state, AppState, Page};
use crate::ui::{browser, storage};
use leptos::prelude::*;

/// The demo generator names its workspaces "Demo …".
pub fn is_demo(ws: &Workspace) -> bool {
    ws.name.starts_with("Demo ")
}

/// An empty workspace for `government`, its start in the audit log.
pub fn new_workspace(government: Government, at: String) -> Workspace {
    let mut ws = Workspace::empty(format!("Mutasi {}", government.name()));
    ws.government = government;
    ws.audit.push(AuditEntry {
        at,
        action: "workspace.new".into(),
        detail: government.name(),
        reason: None,
    });
    ws
}

/// The welcome, until it is answered (and only over the demo).
#[component]
pub fn Welcome() -> impl IntoView {
    let state = use_state();
    let answered = RwSignal::new(storage::welcomed());
    let choosing = RwSignal::new(false);
    let government = RwSignal::new(0usize);
    let shown = move || !answered.get() && state.workspace.with(is_demo);
    let explore = move |_| {
        storage::save_welcomed();
        answered.set(true);
    };
    let create = move |_| {
        let Some(g) = Government::all().get(government.get_untracked()).copied() else {
            return;
        };
        let lang = state.lang.get_untracked();
        if !window()
            .confirm_with_message(T::NewWorkspaceConfirm.text(lang))
            .unwrap_or(false)
        {
            return;
        }
        start(state, g);
        answered.set(true);
    };
    move || {
        shown().then(|| {
            view! {
                <section class="welcome panel" aria-labelledby="welcome-title" data-testid="welcome">
                    <h2 id="welcome-title">{state.t(T::WelcomeTitle)}</h2>
                    <p>{state.t(T::WelcomeText)}</p>
                    <p><strong>{state.t(T::WelcomeDemo)}</strong></p>
                    <div class="actions">
                        <button type="button" class="primary" data-testid="welcome-demo" on:click=explore>
                            {state.t(T::ExploreDemo)}
                        </button>
                        <button type="button" data-testid="welcome-new" aria-expanded=move || choosing.get().to_string() on:click=move |_| choosing.update(|c| *c = !*c)>
                            {state.t(T::StartOwn)}
                        </button>
                    </div>
                    {move || choosing.get().then(|| view! {
                        <div class="actions">
                            <label>
                                <span>{state.t(T::Government)}</span>
                                <select data-testid="welcome-government" on:change=move |ev| {
                                    if let Ok(i) = event_target_value(&ev).parse::<usize>() {
                                        government.set(i);
                                    }
                                }>
                                    {Government::all()
                                        .into_iter()
                                        .enumerate()
                                        .map(|(i, g)| view! { <option value=i.to_string()>{crate::ui::pages::labels::government_label(g)}</option> })
                                        .collect_view()}
                                </select>
                            </label>
                            <button type="button" class="primary" data-testid="welcome-create" on:click=create>
                                {state.t(T::CreateWorkspace)}
                            </button>
                        </div>
                        <p class="help">{state.t(T::CreateWorkspaceHelp)}</p>
                    })}
                </section>
            }
        })
    }
}

/// Replaces the workspace with an empty one for `government` and goes to
/// the import.
pub fn start(state: AppState, government: Government) {
    storage::save_welcomed();
    state.replace_workspace(new_workspace(government, browser::now_iso()));
    state.page.set(Page::Data);
    state.notify(false, state.t(T::WorkspaceCreated));
}

/// What is missing next in the cycle, with the page that adds it.
fn next_step(ws: &Workspace) -> Option<(T, Page)> {
    if ws.positions.is_empty() {
        Some((T::NextPositions, Page::Data))
    } else if ws.asn.is_empty() {
        Some((T::NextRoster, Page::Data))
    } else if ws.open_round().is_none() {
        Some((T::NextRound, Page::Skenario))
    } else if ws.open_round().is_some_and(|r| r.openings.is_empty()) {
        Some((T::NextOpenings, Page::Kebutuhan))
    } else {
        None
    }
}

/// "Langkah berikut: …" with a link to the page, while something is
/// missing.
#[component]
pub fn NextStep() -> impl IntoView {
    let state = use_state();
    let step = Memo::new(move |_| state.workspace.with(next_step));
    move || {
        let (what, page) = step.get()?;
        let here = state.page.get() == page;
        Some(view! {
            <p class="next-step" role="note" data-testid="next-step" data-page=page.slug()>
                <strong>{state.t(T::NextStep)}</strong> " " {state.t(what)}
                {(!here).then(|| view! {
                    " "
                    <a href=format!("#/{}", page.slug()) data-testid="next-step-go" on:click=move |ev| {
                        ev.prevent_default();
                        state.page.set(page);
                    }>{state.t(page.label())} " →"</a>
                })}
            </p>
        })
    }
}

/// An edit's label cut to a button's length.
pub fn short(label: &str) -> String {
    const MAX: usize = 48;
    if label.chars().count() <= MAX {
        label.to_string()
    } else {
        format!("{}…", label.chars().take(MAX).collect::<String>())
    }
}

/// Undo and redo, on every page: the last edit is named on the button.
#[component]
pub fn UndoBar() -> impl IntoView {
    let state = use_state();
    view! {
        <div class="actions undo-bar" role="group" aria-label=move || state.t(T::Undo)>
            <button
                type="button"
                data-testid="undo"
                disabled=move || state.history.with(|h| h.undo.is_empty())
                on:click=move |_| state.undo()
                title=move || state.history.with(|h| h.undo.last().map(|u| u.1.clone()).unwrap_or_default())
            >
                {move || state.t(T::Undo)}
                {move || {
                    state
                        .history
                        .with(|h| h.undo.last().map(|u| format!(": {}", crate::ui::pages::start::short(&u.1))))
                }}
            </button>
            <button
                type="button"
                data-testid="redo"
                disabled=move || state.history.with(|h| h.redo.is_empty())
                on:click=move |_| state.redo()
            >
                {move || state.t(T::Redo)}
            </button>
        </div>
    }
}

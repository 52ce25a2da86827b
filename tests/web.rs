//! Browser tests (wasm-bindgen-test in headless Chromium): the shell, the
//! tables, the import preview and storage recovery. Run with
//! `cargo test --target wasm32-unknown-unknown --test web`.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use mutasi_planner::core::date::Date;
use mutasi_planner::core::demo::{generate, DemoConfig};
use mutasi_planner::core::edit::{Edit, EditError};
use mutasi_planner::core::engine;
use mutasi_planner::core::engine::view::{self, MoveFilter};
use mutasi_planner::core::io::{plan_file, storage_codec};
use mutasi_planner::core::model::{
    MatchMode, PositionId, PositionType, Priority, Regency, WithoutWishes, Workspace,
};
use mutasi_planner::ui::state::{AppState, Page, StorageStatus};
use mutasi_planner::ui::{boot, storage, Shell};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn small(asn: usize) -> Workspace {
    generate(&DemoConfig {
        asn,
        seed: 5,
        ..DemoConfig::default()
    })
}

fn today() -> Date {
    Date::new(2026, 11, 28).unwrap()
}

fn clear_storage() {
    let store = window().local_storage().unwrap().unwrap();
    store.clear().unwrap();
}

/// A mounted shell. Dropping it unmounts the view — its reactive owner is
/// disposed, so its autosave, listeners and effects stop — and removes its
/// element from the page: no test leaves an app behind for the next one.
struct Mounted<M: Mountable> {
    parent: web_sys::HtmlElement,
    handle: Option<leptos::mount::UnmountHandle<M>>,
}

impl<M: Mountable> Drop for Mounted<M> {
    fn drop(&mut self) {
        drop(self.handle.take());
        self.parent.remove();
    }
}

/// Mounts the shell with a state into a fresh element; the guard unmounts it.
fn mount(state: AppState) -> (web_sys::HtmlElement, Mounted<impl Mountable>) {
    mount_view(move || view! { <Shell state=state /> })
}

/// Mounts the ASN's card page (kartu.html's app) into a fresh element.
fn mount_card(
    state: mutasi_planner::ui::card::CardState,
) -> (web_sys::HtmlElement, Mounted<impl Mountable>) {
    use mutasi_planner::ui::card::CardApp;
    mount_view(move || view! { <CardApp state=state /> })
}

/// Mounts a view into a fresh element; the guard unmounts it.
fn mount_view<F, N>(f: F) -> (web_sys::HtmlElement, Mounted<N::State>)
where
    F: FnOnce() -> N + 'static,
    N: IntoView,
{
    let parent: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&parent).unwrap();
    let handle = leptos::mount::mount_to(parent.clone(), f);
    (
        parent.clone(),
        Mounted {
            parent,
            handle: Some(handle),
        },
    )
}

/// How long a test waits for a condition before it fails.
const WAIT_MS: f64 = 10_000.0;

fn now_ms() -> f64 {
    window().performance().unwrap().now()
}

/// Lets the browser run for `ms` (timers, rendering, file readers).
async fn pause(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Waits until `done` holds, checking every few milliseconds; fails naming
/// `what` when it does not within [`WAIT_MS`].
async fn until(what: &str, mut done: impl FnMut() -> bool) {
    let start = now_ms();
    while !done() {
        assert!(now_ms() - start < WAIT_MS, "waited {WAIT_MS} ms for {what}");
        pause(5).await;
    }
}

/// Waits until `value()` equals `expected`; fails with the last value seen.
async fn until_eq<V: PartialEq + std::fmt::Debug>(
    what: &str,
    mut value: impl FnMut() -> V,
    expected: V,
) {
    let start = now_ms();
    loop {
        let seen = value();
        if seen == expected {
            return;
        }
        assert!(
            now_ms() - start < WAIT_MS,
            "{what}: still {seen:?} after {WAIT_MS} ms, expected {expected:?}"
        );
        pause(5).await;
    }
}

/// The element with this test id, once it is on the page.
async fn element(root: &web_sys::HtmlElement, testid: &str) -> web_sys::HtmlElement {
    until(&format!("[data-testid={testid}]"), || {
        find(root, testid).is_some()
    })
    .await;
    find(root, testid).unwrap()
}

/// Clicks the element with this test id once it is on the page and enabled
/// (a button's `disabled` follows the state a moment after it changes).
async fn press(root: &web_sys::HtmlElement, testid: &str) {
    until(&format!("[data-testid={testid}] enabled"), || {
        find(root, testid).is_some_and(|e| !e.has_attribute("disabled"))
    })
    .await;
    find(root, testid).unwrap().click();
}

/// Clicks the button in a table row (its name, which opens its detail).
fn open_row(row: &web_sys::Element) {
    row.query_selector("button")
        .unwrap()
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
}

/// The stored workspace entry, if any.
fn stored() -> Option<String> {
    window()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item(storage::WORKSPACE_KEY)
        .unwrap()
}

fn find(root: &web_sys::HtmlElement, testid: &str) -> Option<web_sys::HtmlElement> {
    root.query_selector(&format!("[data-testid=\"{testid}\"]"))
        .unwrap()
        .map(|e| e.unchecked_into())
}

fn text(root: &web_sys::HtmlElement, testid: &str) -> String {
    find(root, testid)
        .map(|e| e.text_content().unwrap_or_default())
        .unwrap_or_default()
}

fn body_rows(root: &web_sys::HtmlElement, table: &str) -> Vec<web_sys::Element> {
    let list = root
        .query_selector_all(&format!("[data-testid=\"{table}\"] tbody tr"))
        .unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.unchecked_into())
        .collect()
}

/// The number of rows a pager says its list has.
fn pager_total(root: &web_sys::HtmlElement, pager: &str) -> usize {
    find(root, pager)
        .and_then(|e| e.get_attribute("data-total"))
        .and_then(|n| n.parse().ok())
        .unwrap_or(usize::MAX)
}

/// An attribute of every row of a paged table, page by page with the
/// pager's "next" button from the first page, then back to the first.
async fn all_pages(
    root: &web_sys::HtmlElement,
    table: &str,
    pager: &str,
    attribute: &str,
) -> Vec<Option<String>> {
    let label = format!("{pager}-label");
    let next = || {
        find(root, pager)
            .and_then(|p| p.query_selector("button:last-of-type").unwrap())
            .map(|b| b.unchecked_into::<web_sys::HtmlButtonElement>())
    };
    let total = pager_total(root, pager);
    let mut out = Vec::new();
    let mut pages = 0;
    loop {
        out.extend(
            body_rows(root, table)
                .iter()
                .map(|r| r.get_attribute(attribute)),
        );
        pages += 1;
        let Some(button) = next().filter(|b| !b.disabled()) else {
            break;
        };
        let before = text(root, &label);
        button.click();
        until("the next page", || text(root, &label) != before).await;
    }
    assert_eq!(out.len(), total, "every row once, over the pages");
    assert_eq!(pages, total.div_ceil(50).max(1), "50 rows a page");
    if pages > 1 {
        let prev = find(root, pager)
            .and_then(|p| p.query_selector("button").unwrap())
            .map(|b| b.unchecked_into::<web_sys::HtmlElement>())
            .unwrap();
        for _ in 1..pages {
            let before = text(root, &label);
            prev.click();
            until("the previous page", || text(root, &label) != before).await;
        }
    }
    out
}

/// Puts `file` in the file input with this test id, as a user choosing it
/// would ("change").
fn choose_file(root: &web_sys::HtmlElement, testid: &str, file: &web_sys::File) {
    choose_files(root, testid, std::slice::from_ref(file));
}

/// Puts several files in the file input with this test id ("change").
fn choose_files(root: &web_sys::HtmlElement, testid: &str, files: &[web_sys::File]) {
    let transfer = web_sys::DataTransfer::new().unwrap();
    for file in files {
        transfer.items().add_with_file(file).unwrap();
    }
    let input: web_sys::HtmlInputElement = find(root, testid).unwrap().unchecked_into();
    input.set_files(transfer.files().as_ref());
    input
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
}

/// A text file named `name`.
fn text_file(text: &str, name: &str) -> web_sys::File {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    web_sys::File::new_with_str_sequence(&parts, name).unwrap()
}

fn set_input(el: &web_sys::HtmlElement, value: &str, event: &str) {
    if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        input.set_value(value);
    } else if let Some(select) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
        select.set_value(value);
    } else if let Some(area) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.set_value(value);
    }
    el.dispatch_event(&web_sys::Event::new(event).unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn shell_shows_count_and_navigates_by_phase() {
    clear_storage();
    let state = AppState::new(small(240), today());
    let (root, _app) = mount(state);
    until_eq("the ASN count", || text(&root, "asn-count"), "240".into()).await;
    assert_eq!(
        find(&root, "asn-count")
            .unwrap()
            .get_attribute("data-count")
            .as_deref(),
        Some("240")
    );
    let nav = find(&root, "nav-jabatan").unwrap();
    nav.click();
    element(&root, "position-table").await;
    assert_eq!(state.page.get_untracked(), Page::Jabatan);
    assert_eq!(nav.get_attribute("aria-current").as_deref(), Some("page"));
    assert!(find(&root, "asn-table").is_none());
    press(&root, "nav-kebutuhan").await;
    let openings: usize = element(&root, "openings-count")
        .await
        .text_content()
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(
        openings,
        small(240)
            .rounds
            .iter()
            .map(|r| r.openings.len())
            .sum::<usize>()
    );
}

#[wasm_bindgen_test]
async fn language_switch_translates_and_is_remembered() {
    clear_storage();
    let state = AppState::new(small(60), today());
    let (root, _app) = mount(state);
    let nav_text = || {
        find(&root, "nav-pegawai")
            .and_then(|e| e.text_content())
            .unwrap_or_default()
    };
    until_eq("the Indonesian menu", nav_text, "Pegawai".into()).await;
    press(&root, "lang-switch").await;
    until_eq("the English menu", nav_text, "Civil servants".into()).await;
    until_eq(
        "the remembered language",
        storage::load_lang,
        mutasi_planner::i18n::Lang::En,
    )
    .await;
    assert_eq!(
        document()
            .document_element()
            .unwrap()
            .get_attribute("lang")
            .as_deref(),
        Some("en")
    );
}

#[wasm_bindgen_test]
async fn asn_table_searches_filters_pages_and_opens_details() {
    clear_storage();
    let ws = small(240);
    let target = ws.asn[37].clone();
    let state = AppState::new(ws, today());
    let (root, _app) = mount(state);
    until_eq(
        "the first page of 50",
        || body_rows(&root, "asn-table").len(),
        50,
    )
    .await;
    assert!(text(&root, "asn-pager-label").contains("240"));

    set_input(
        &find(&root, "asn-search").unwrap(),
        target.nip.as_str(),
        "input",
    );
    until_eq(
        "the rows found by NIP",
        || {
            body_rows(&root, "asn-table")
                .iter()
                .map(|r| r.get_attribute("data-nip"))
                .collect::<Vec<_>>()
        },
        vec![Some(target.nip.as_str().to_string())],
    )
    .await;
    open_row(&body_rows(&root, "asn-table")[0]);
    let detail = element(&root, "asn-detail").await;
    assert!(detail.text_content().unwrap().contains(&target.name));
    assert!(detail
        .text_content()
        .unwrap()
        .contains(&target.nip.spaced()));
    let perf_rows = detail
        .query_selector_all("[data-testid=\"asn-performance\"] tbody tr")
        .unwrap();
    assert_eq!(perf_rows.length() as usize, target.performance.len());

    set_input(&find(&root, "asn-search").unwrap(), "", "input");
    let agency = target
        .position
        .as_ref()
        .map(|c| c.position.0.split('.').next().unwrap().to_string())
        .unwrap();
    set_input(
        &find(&root, "asn-filter-agency").unwrap(),
        &agency,
        "change",
    );
    let (in_agency, short) = state.workspace.with_untracked(|ws| {
        let index = ws.index();
        let n = ws
            .asn
            .iter()
            .filter(|a| index.position_of(a).is_some_and(|p| p.agency.0 == agency))
            .count();
        (
            n,
            ws.agencies
                .iter()
                .find(|a| a.id.0 == agency)
                .unwrap()
                .short_name
                .clone(),
        )
    });
    let agencies_shown = || {
        body_rows(&root, "asn-table")
            .iter()
            .map(|row| row.children().item(4).unwrap().text_content().unwrap())
            .collect::<Vec<_>>()
    };
    until_eq(
        "the rows of one agency",
        agencies_shown,
        vec![short.clone(); in_agency.min(50)],
    )
    .await;
}

#[wasm_bindgen_test]
async fn asn_table_sorts_and_pages() {
    clear_storage();
    let state = AppState::new(small(240), today());
    let (root, _app) = mount(state);
    until("the ASN table", || {
        !body_rows(&root, "asn-table").is_empty()
    })
    .await;
    let first_nip = || {
        body_rows(&root, "asn-table")
            .first()
            .and_then(|r| r.get_attribute("data-nip"))
    };
    // Sort by NIP ascending, then descending.
    let nip_header: web_sys::HtmlElement = root
        .query_selector("[data-testid=\"asn-table\"] thead th:first-child button")
        .unwrap()
        .unwrap()
        .unchecked_into();
    nip_header.click();
    let lowest = state.workspace.with_untracked(|ws| {
        ws.asn
            .iter()
            .map(|a| a.nip.as_str().to_string())
            .min()
            .unwrap()
    });
    until_eq("the lowest NIP first", first_nip, Some(lowest)).await;
    nip_header.click();
    let highest = state.workspace.with_untracked(|ws| {
        ws.asn
            .iter()
            .map(|a| a.nip.as_str().to_string())
            .max()
            .unwrap()
    });
    until_eq("the highest NIP first", first_nip, Some(highest)).await;
    // The last page holds the remainder.
    let next = || {
        let buttons = root
            .query_selector_all("[data-testid=\"asn-pager\"] button")
            .unwrap();
        buttons
            .item(1)
            .unwrap()
            .unchecked_into::<web_sys::HtmlButtonElement>()
    };
    let mut clicks = 0;
    while !next().disabled() {
        let label = text(&root, "asn-pager-label");
        next().click();
        until("the next page", || text(&root, "asn-pager-label") != label).await;
        clicks += 1;
        assert!(clicks < 10);
    }
    assert_eq!(clicks, 4, "240 rows fill 5 pages of 50");
    assert_eq!(
        body_rows(&root, "asn-table").len(),
        40,
        "{}",
        text(&root, "asn-pager-label")
    );
    assert!(next().disabled());
}

#[wasm_bindgen_test]
async fn position_table_filters_understaffed_and_shows_holders() {
    clear_storage();
    let state = AppState::new(small(240), today());
    state.page.set(Page::Jabatan);
    let (root, _app) = mount(state);
    let all = element(&root, "position-pager-label")
        .await
        .text_content()
        .unwrap();
    let checkbox: web_sys::HtmlInputElement = find(&root, "position-filter-understaffed")
        .unwrap()
        .unchecked_into();
    checkbox.set_checked(true);
    checkbox
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    until("the filtered count", || {
        text(&root, "position-pager-label") != all
    })
    .await;
    for row in body_rows(&root, "position-table") {
        let gap = row.last_element_child().unwrap().text_content().unwrap();
        assert!(
            gap.starts_with('+'),
            "understaffed rows have a positive gap, got {gap}"
        );
    }
    checkbox.set_checked(false);
    checkbox
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    until_eq(
        "the unfiltered count",
        || text(&root, "position-pager-label"),
        all.clone(),
    )
    .await;
    // Open a position that has holders.
    let (index, holders) = state.workspace.with_untracked(|ws| {
        let occ = ws.occupancy();
        let p = ws
            .positions
            .iter()
            .find(|p| occ.get(&p.id).copied().unwrap_or(0) >= 1)
            .unwrap();
        (p.id.0.clone(), occ[&p.id])
    });
    set_input(&find(&root, "position-search").unwrap(), &index, "input");
    until_eq(
        "the one position found",
        || {
            body_rows(&root, "position-table")
                .iter()
                .map(|r| r.get_attribute("data-position"))
                .collect::<Vec<_>>()
        },
        vec![Some(index.clone())],
    )
    .await;
    open_row(&body_rows(&root, "position-table")[0]);
    until_eq(
        "the holders listed",
        || {
            root.query_selector_all("[data-testid=\"position-holders\"] li")
                .unwrap()
                .length()
        },
        holders,
    )
    .await;
}

#[wasm_bindgen_test]
async fn autosave_writes_a_readable_entry() {
    clear_storage();
    let ws = small(80);
    let state = AppState::new(ws.clone(), today());
    let (_root, _app) = mount(state);
    until("the first save", || stored().is_some()).await;
    assert_eq!(
        storage_codec::decode(&stored().unwrap()).unwrap().workspace,
        ws
    );
    assert!(matches!(
        state.storage.get_untracked(),
        StorageStatus::Saved { .. }
    ));
}

#[wasm_bindgen_test]
async fn an_unmounted_app_flushes_its_pending_save_and_never_writes_later() {
    clear_storage();
    let state = AppState::new(small(40), today());
    let (root, app) = mount(state);
    until("the first save", || stored().is_some()).await;
    state
        .workspace
        .update(|ws| ws.name = "Diubah sebelum ditutup".into());
    until("the new name on screen", || {
        root.text_content()
            .unwrap_or_default()
            .contains("Diubah sebelum ditutup")
    })
    .await;
    let name = || {
        stored()
            .and_then(|raw| storage_codec::decode(&raw).ok())
            .map(|p| p.workspace.name)
    };
    assert_ne!(
        name().as_deref(),
        Some("Diubah sebelum ditutup"),
        "the save waits for the debounce"
    );
    // Unmounted before the debounce: the pending save is written now...
    drop(app);
    assert_eq!(name().as_deref(), Some("Diubah sebelum ditutup"));
    // ... and never again: past the debounce, storage stays as it is left.
    clear_storage();
    let past_debounce = mutasi_planner::ui::AUTOSAVE_DELAY.as_millis() as i32 + 400;
    pause(past_debounce).await;
    assert_eq!(stored(), None);
}

#[wasm_bindgen_test]
async fn autosave_runs_in_short_tasks_stops_on_a_change_and_finishes_when_hidden() {
    clear_storage();
    let state = AppState::new(small(1_500), today());
    let name = || {
        stored()
            .and_then(|raw| storage_codec::decode(&raw).ok())
            .map(|p| p.workspace.name)
    };
    let (_root, app) = mount(state);
    // The first save is under way while this test's own tasks run: it
    // yields to the browser between pieces.
    until("the first save running", || {
        state.saving.get_value().is_some()
    })
    .await;
    assert_eq!(stored(), None, "written only once whole");
    // A change stops it: the first entry written holds the change.
    state
        .workspace
        .update(|ws| ws.name = "Diubah saat menyimpan".into());
    until("the save stopped", || state.saving.get_value().is_none()).await;
    until("a stored entry", || stored().is_some()).await;
    assert_eq!(name().as_deref(), Some("Diubah saat menyimpan"));
    assert_eq!(
        state.synced.get_value(),
        storage_codec::stamp(&stored().unwrap()).unwrap().0
    );
    // The page hidden while a save runs: the workspace is written at once.
    state
        .workspace
        .update(|ws| ws.name = "Disimpan saat ditutup".into());
    until("the next save running", || {
        state.saving.get_value().is_some()
    })
    .await;
    assert_eq!(name().as_deref(), Some("Diubah saat menyimpan"));
    window()
        .dispatch_event(&web_sys::Event::new("pagehide").unwrap())
        .unwrap();
    assert_eq!(state.saving.get_value(), None);
    assert_eq!(name().as_deref(), Some("Disimpan saat ditutup"));
    drop(app);
}

#[wasm_bindgen_test]
async fn unreadable_storage_is_kept_and_reported() {
    clear_storage();
    let store = window().local_storage().unwrap().unwrap();
    store
        .set_item(
            storage::WORKSPACE_KEY,
            "{\"schema_version\":1,\"encoding\":\"deflate+base64\",\"data\":\"!!broken\"}",
        )
        .unwrap();
    let state = boot();
    assert!(matches!(
        state.storage.get_untracked(),
        StorageStatus::Unreadable { .. }
    ));
    assert_eq!(
        state.workspace.with_untracked(|ws| ws.asn.len()),
        1_500,
        "the app starts on the demo"
    );
    let (root, _app) = mount(state);
    // The banner says so, and the broken entry is not overwritten.
    let banner = element(&root, "storage-banner").await;
    assert_eq!(banner.get_attribute("role").as_deref(), Some("alert"));
    assert!(stored().unwrap().contains("!!broken"));
    // The Data page offers the download and the discard; discarding saves.
    press(&root, "nav-data").await;
    element(&root, "download-raw").await;
    press(&root, "discard-stored").await;
    until("the banner gone", || {
        find(&root, "storage-banner").is_none()
    })
    .await;
    assert!(storage_codec::decode(&stored().unwrap()).is_ok());
}

#[wasm_bindgen_test]
async fn import_shows_a_preview_and_changes_nothing_until_confirmed() {
    clear_storage();
    // The JSON path of a bad value comes from the file worker's reader; the
    // test has no built worker, so its jobs run in the page.
    mutasi_planner::ui::files::run_in_page(mutasi_planner::core::io::file_jobs::run);
    let current = small(120);
    let mut incoming = small(120);
    incoming.asn.truncate(100);
    let kept: std::collections::HashSet<String> = incoming
        .asn
        .iter()
        .map(|a| a.nip.as_str().to_string())
        .collect();
    incoming.moves.retain(|m| kept.contains(m.asn.as_str()));
    let state = AppState::new(current.clone(), today());
    state.page.set(Page::Data);
    let (root, _app) = mount(state);
    element(&root, "import-plan").await;

    let choose = |text: &str, name: &str| choose_file(&root, "import-plan", &text_file(text, name));

    // A bad file: an error with where, and nothing changes.
    let mut bad: serde_json::Value =
        serde_json::from_str(&plan_file::write(&incoming, "t")).unwrap();
    bad["workspace"]["asn"][3]["nip"] = serde_json::json!("12345");
    choose(&bad.to_string(), "rusak.json");
    element(&root, "import-errors").await;
    let errors = text(&root, "import-errors");
    assert!(
        errors.contains("rusak.json") && errors.contains("asn[3].nip"),
        "{errors}"
    );
    assert!(root.query_selector("[role=\"alert\"]").unwrap().is_some());
    assert!(find(&root, "import-preview").is_none());
    assert_eq!(state.workspace.with_untracked(|ws| ws.asn.len()), 120);

    // A good file: a preview; cancel leaves the workspace.
    choose(&plan_file::write(&incoming, "t"), "baik.json");
    element(&root, "import-preview").await;
    assert_eq!(text(&root, "preview-asn"), "100");
    // The 20 people the file lacks are named.
    let preview = text(&root, "import-preview");
    assert!(
        preview.contains(&current.asn[100].name) && preview.contains(&current.asn[119].name),
        "{preview}"
    );
    press(&root, "import-cancel").await;
    until("the preview gone", || {
        find(&root, "import-preview").is_none()
    })
    .await;
    assert_eq!(state.workspace.with_untracked(|ws| ws.asn.len()), 120);

    // Confirm replaces it.
    choose(&plan_file::write(&incoming, "t"), "baik.json");
    element(&root, "import-preview").await;
    press(&root, "import-confirm").await;
    until_eq("the ASN count", || text(&root, "asn-count"), "100".into()).await;
    assert_eq!(state.workspace.with_untracked(|ws| ws.asn.len()), 100);

    // A large file, then at once a small one: the preview is the small
    // one's, even though the large one is read after it.
    choose(&plan_file::write(&small(1_500), "t"), "besar.json");
    choose(&plan_file::write(&current, "t"), "kecil.json");
    until_eq(
        "the small file's preview",
        || find(&root, "preview-asn").map(|e| e.text_content().unwrap_or_default()),
        Some("120".into()),
    )
    .await;
    // (Past the large file's reading: it never takes the preview over.)
    pause(3_000).await;
    assert_eq!(text(&root, "preview-asn"), "120");
}

#[wasm_bindgen_test]
async fn refused_save_keeps_the_previous_entry_and_tells_the_user() {
    clear_storage();
    let store = window().local_storage().unwrap().unwrap();
    let previous = storage_codec::encode(&small(30), "earlier").text;
    store.set_item(storage::WORKSPACE_KEY, &previous).unwrap();
    // Fill the rest of the quota so the next save cannot fit.
    let mut i = 0;
    for size in [256 * 1024, 16 * 1024, 1024] {
        let chunk = "x".repeat(size);
        while store.set_item(&format!("filler-{i}"), &chunk).is_ok() {
            i += 1;
            assert!(i < 2_000, "the browser should refuse at some point");
        }
    }
    let state = AppState::new(small(240), today());
    let (root, _app) = mount(state);
    until("the refused save", || {
        matches!(state.storage.get_untracked(), StorageStatus::Refused { .. })
    })
    .await;
    element(&root, "storage-banner").await;
    assert_eq!(
        store.get_item(storage::WORKSPACE_KEY).unwrap().unwrap(),
        previous,
        "the last good state is kept"
    );
    press(&root, "nav-data").await;
    element(&root, "export-plan").await;
    clear_storage();
}

/// The open round's first scenario, as stored.
fn first_scenario(state: AppState) -> mutasi_planner::core::model::Scenario {
    state
        .workspace
        .with_untracked(|ws| ws.open_round().unwrap().scenarios[0].clone())
}

fn plan_moves(root: &web_sys::HtmlElement) -> usize {
    find(root, "plan-summary")
        .and_then(|e| e.get_attribute("data-moves"))
        .and_then(|m| m.parse().ok())
        .unwrap_or(usize::MAX)
}

/// The plan summary's move count, once the summary is on the page.
async fn first_plan_moves(root: &web_sys::HtmlElement) -> usize {
    until("the plan summary", || plan_moves(root) != usize::MAX).await;
    plan_moves(root)
}

#[wasm_bindgen_test]
async fn scenario_sliders_recompute_the_plan_live() {
    clear_storage();
    let state = AppState::new(small(300), today());
    state.page.set(Page::Skenario);
    let (root, _app) = mount(state);
    let before = first_plan_moves(&root).await;
    assert!(before > 0 && before < 300, "{before}");
    // The time the computation took, measured in the page and shown.
    let shown = find(&root, "plan-summary")
        .unwrap()
        .get_attribute("data-ms")
        .unwrap();
    let measured = state
        .plan
        .with_untracked(|p| p.as_ref().map(|run| run.ms))
        .unwrap();
    assert!(measured > 0.0, "{measured}");
    assert_eq!(shown, format!("{measured:.1}"));
    // Staying becomes worth everything: nobody moves.
    set_input(&find(&root, "weight-stability").unwrap(), "100", "input");
    set_input(&find(&root, "weight-fit").unwrap(), "0", "input");
    set_input(&find(&root, "weight-priority").unwrap(), "0", "input");
    set_input(&find(&root, "weight-preference").unwrap(), "0", "input");
    set_input(&find(&root, "weight-refreshment").unwrap(), "0", "input");
    until_eq("the moves", || plan_moves(&root), 0).await;
    let stored = state
        .workspace
        .with_untracked(|ws| ws.open_round().unwrap().scenarios[0].weights.stability);
    assert_eq!(stored, 100, "the scenario keeps the setting");
    // Stable mode reports no justified envy in phase 1.
    set_input(&find(&root, "weight-stability").unwrap(), "5", "input");
    set_input(&find(&root, "weight-preference").unwrap(), "60", "input");
    press(&root, "mode-stable").await;
    until("stable mode", || {
        state.workspace.with_untracked(|ws| {
            ws.open_round().unwrap().scenarios[0].mode
                == mutasi_planner::core::model::MatchMode::Stable
        })
    })
    .await;
    let plan_is_stable = state.plan.with_untracked(|p| {
        p.as_ref()
            .unwrap()
            .result
            .as_ref()
            .as_ref()
            .unwrap()
            .metrics
            .phases
            .as_ref()
            .is_some_and(|p| p.wish_envy == 0)
    });
    assert!(plan_is_stable);
    // Duplicating a scenario makes it active.
    press(&root, "scenario-duplicate").await;
    until_eq(
        "the scenarios",
        || {
            state
                .workspace
                .with_untracked(|ws| ws.open_round().unwrap().scenarios.len())
        },
        3,
    )
    .await;
    assert!(state.scenario.get_untracked().starts_with('s'));
    // A unit cap needs its unit: the button waits for one.
    let add: web_sys::HtmlButtonElement = element(&root, "cap-add").await.unchecked_into();
    assert!(add.disabled(), "no unit chosen");
    let unit = root
        .query_selector("[data-testid=\"cap-unit\"] option:nth-child(2)")
        .unwrap()
        .unwrap()
        .get_attribute("value")
        .unwrap_or_default();
    set_input(&find(&root, "cap-unit").unwrap(), &unit, "change");
    press(&root, "cap-add").await;
    until("the unit cap", || {
        state.workspace.with_untracked(|ws| {
            ws.open_round().unwrap().scenarios.iter().any(|s| {
                s.constraints.iter().any(|c| {
                    matches!(c, mutasi_planner::core::model::Constraint::UnitCap { unit: u, .. } if u.0 == unit)
                })
            })
        })
    })
    .await;
    // A puskesmas' minimum health workers (Permenkes 43/2019): nine floors
    // per JF at once, shown in the list; one more by hand.
    let kind_floors = || {
        state.workspace.with_untracked(|ws| {
            let s = ws.open_round().unwrap();
            let active = state.scenario.get_untracked();
            s.scenarios
                .iter()
                .find(|x| x.id == active)
                .map(|x| {
                    x.constraints
                        .iter()
                        .filter(|c| {
                            matches!(c, mutasi_planner::core::model::Constraint::KindFloor { .. })
                        })
                        .count()
                })
                .unwrap_or(0)
        })
    };
    press(&root, "puskesmas-floors").await;
    until_eq("the puskesmas floors", kind_floors, 9).await;
    let list = element(&root, "constraints").await;
    until("the floors listed", || {
        list.text_content()
            .unwrap_or_default()
            .contains("Puskesmas · bidan ≥ 1")
    })
    .await;
    set_input(
        &find(&root, "kind-floor-units").unwrap(),
        "SMP Negeri",
        "input",
    );
    set_input(
        &find(&root, "kind-floor-families").unwrap(),
        "Guru Mata Pelajaran Matematika",
        "input",
    );
    press(&root, "kind-floor-add").await;
    until_eq("a floor by hand", kind_floors, 10).await;
}

#[wasm_bindgen_test]
async fn policy_values_and_the_bup_table_are_scenario_settings() {
    clear_storage();
    let state = AppState::new(small(300), today());
    state.page.set(Page::Skenario);
    let (root, _app) = mount(state);
    let scenario = move || first_scenario(state);
    first_plan_moves(&root).await;
    let _ = element(&root, "policy").await;
    // The defaults are shown as numbers a person reads: Baik 4, 9-box 4.5.
    let value = |testid: &str| {
        find(&root, testid)
            .unwrap()
            .unchecked_into::<web_sys::HtmlInputElement>()
            .value()
    };
    for (testid, shown) in [
        ("policy-predikat-baik", "4"),
        ("policy-box-above", "4.5"),
        ("policy-education-field", "-2"),
        ("policy-experience-3", "10"),
    ] {
        until_eq(testid, || value(testid), shown.to_string()).await;
    }
    // A value in tenths is kept; out of range is clamped.
    set_input(
        &find(&root, "policy-predikat-baik").unwrap(),
        "4.5",
        "change",
    );
    until_eq("Baik's points", || scenario().fit.predikat_points.baik, 45).await;
    set_input(&find(&root, "policy-box-above").unwrap(), "9", "change");
    until_eq(
        "the 9-box threshold",
        || scenario().rules.nine_box.above_tenths,
        50,
    )
    .await;
    // Text that is not a number changes nothing and shows the value again.
    set_input(
        &find(&root, "policy-education-field").unwrap(),
        "abc",
        "change",
    );
    assert_eq!(scenario().fit.education_field_gap, -2);
    until_eq(
        "the field GAP shown",
        || value("policy-education-field"),
        "-2".to_string(),
    )
    .await;
    // A later experience band never falls below an earlier one.
    set_input(&find(&root, "policy-experience-2").unwrap(), "12", "change");
    until_eq(
        "the bands",
        || scenario().fit.experience_bands,
        [2, 12, 12, 15],
    )
    .await;
    // The BUP table: guru 60 by default; add a JF, then remove it.
    assert_eq!(body_rows(&root, "bup-table").len(), 1);
    set_input(
        &find(&root, "bup-new-jf").unwrap(),
        "  Penyuluh   Pertanian ",
        "input",
    );
    set_input(&find(&root, "bup-new-age").unwrap(), "60", "input");
    press(&root, "bup-add").await;
    until_eq(
        "the BUP table",
        || {
            scenario()
                .rules
                .bup_by_jf
                .get("penyuluh pertanian")
                .copied()
        },
        Some(60),
    )
    .await;
    until_eq("the BUP rows", || body_rows(&root, "bup-table").len(), 2).await;
    set_input(&find(&root, "bup-new-jf").unwrap(), "Perawat", "input");
    set_input(&find(&root, "bup-new-age").unwrap(), "99", "input");
    press(&root, "bup-add").await;
    let _ = element(&root, "bup-invalid").await;
    assert!(!scenario().rules.bup_by_jf.contains_key("perawat"));
    let row = root
        .query_selector("[data-testid=\"bup-table\"] tr[data-jf=\"penyuluh pertanian\"]")
        .unwrap()
        .unwrap();
    row.query_selector("[data-testid=\"bup-remove\"]")
        .unwrap()
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    until_eq("the BUP rows", || body_rows(&root, "bup-table").len(), 1).await;
    assert_eq!(
        scenario()
            .rules
            .bup_by_jf
            .keys()
            .cloned()
            .collect::<Vec<_>>(),
        vec!["guru".to_string()]
    );
}

#[wasm_bindgen_test]
async fn a_pilkada_window_shows_a_banner_on_every_page_and_notes_the_decree() {
    clear_storage();
    let state = AppState::new(small(300), today());
    state.page.set(Page::Kebutuhan);
    let (root, _app) = mount(state);
    let _ = element(&root, "election").await;
    assert!(find(&root, "election-banner").is_none());
    // The round's TMT is 02/01/2027: candidates set on 22/05/2027 open the
    // window on 22/11/2026.
    set_input(
        &find(&root, "election-candidates").unwrap(),
        "2027-05-22",
        "change",
    );
    let _ = element(&root, "election-banner").await;
    let election = state
        .workspace
        .with_untracked(|ws| ws.open_round().unwrap().election);
    assert_eq!(
        election.map(|e| e.candidates_set.to_string()),
        Some("2027-05-22".to_string())
    );
    // The Mendagri's approval is recorded with its number and date.
    set_input(
        &element(&root, "pilkada-approval-number").await,
        "100.2.2.6/77",
        "input",
    );
    set_input(
        &find(&root, "pilkada-approval-date").unwrap(),
        "2027-01-05",
        "change",
    );
    press(&root, "pilkada-approval-save").await;
    until("the approval recorded", || {
        state.workspace.with_untracked(|ws| {
            ws.open_round()
                .unwrap()
                .procedure
                .pilkada_approval
                .as_ref()
                .is_some_and(|l| l.number == "100.2.2.6/77")
        })
    })
    .await;
    // On another page too, and in the printable decree attachment.
    state.page.set(Page::Hasil);
    let _ = element(&root, "election-banner").await;
    press(&root, "decree-show").await;
    let note = element(&root, "decree-note").await;
    let text = note.text_content().unwrap();
    assert!(text.contains("persetujuan tertulis Menteri Dalam Negeri"));
    assert!(text.contains("Nomor 100.2.2.6/77"), "{text}");
    // Each move that replaces an official is marked, the others not.
    until("moves of officials marked", || {
        root.query_selector("tr[data-pilkada=\"true\"] .badge.pilkada")
            .ok()
            .flatten()
            .is_some()
            && root
                .query_selector("tr[data-pilkada=\"false\"]")
                .ok()
                .flatten()
                .is_some()
    })
    .await;
    // Candidates set later: the TMT is before the window, no banner.
    state.page.set(Page::Kebutuhan);
    set_input(
        &element(&root, "election-candidates").await,
        "2027-09-22",
        "change",
    );
    until("the banner gone", || {
        find(&root, "election-banner").is_none()
    })
    .await;
    // Clearing the date removes the election.
    set_input(&find(&root, "election-candidates").unwrap(), "", "change");
    until("no election", || {
        state
            .workspace
            .with_untracked(|ws| ws.open_round().unwrap().election.is_none())
    })
    .await;
    // A Pilkada year without dates is warned on every page.
    set_input(&find(&root, "election-year").unwrap(), "2029", "change");
    let _ = element(&root, "election-dates-missing").await;
    state.page.set(Page::Hasil);
    let _ = element(&root, "election-dates-missing").await;
}

#[wasm_bindgen_test]
fn a_failed_edit_records_nothing_and_a_good_one_is_undoable() {
    clear_storage();
    let state = AppState::new(small(60), today());
    let audit = || state.workspace.with_untracked(|ws| ws.audit.len());
    let before = state.workspace.get_untracked();
    let nobody = state.workspace.with_untracked(|ws| ws.asn[0].nip.clone());
    let refused = state.apply(Edit::Undecide {
        asn: nobody.clone(),
    });
    assert_eq!(refused, Err(EditError::UnknownDecision(nobody)));
    assert_eq!(state.workspace.get_untracked(), before, "nothing changed");
    assert!(
        state.history.with_untracked(|h| h.undo.is_empty()),
        "no undo step"
    );
    let notice = state.notice.get_untracked().expect("the refusal is shown");
    assert!(
        notice.error && notice.text.contains("tidak ada keputusan manual"),
        "{notice:?}"
    );
    let accepted = state.apply(Edit::SetContact(" bkd@jambiprov.go.id ".into()));
    assert_eq!(accepted.map(|a| a.action), Ok("participation.contact"));
    let contact = || {
        state
            .workspace
            .with_untracked(|ws| ws.open_round().unwrap().participation.contact.clone())
    };
    assert_eq!(contact(), "bkd@jambiprov.go.id");
    assert_eq!(audit(), before.audit.len() + 1);
    state.undo();
    assert_eq!(
        contact(),
        before.open_round().unwrap().participation.contact
    );
}

#[wasm_bindgen_test]
async fn results_explain_and_take_manual_decisions_with_undo() {
    clear_storage();
    let state = AppState::new(small(300), today());
    state.page.set(Page::Hasil);
    let (root, _app) = mount(state);
    let moves = first_plan_moves(&root).await;
    until_eq(
        "a row per move",
        || pager_total(&root, "moves-pager"),
        moves,
    )
    .await;
    assert!(moves > 50, "the test needs more than a page of moves");
    until_eq(
        "the first page of moves",
        || body_rows(&root, "moves-result-table").len(),
        50,
    )
    .await;
    let nips = all_pages(&root, "moves-result-table", "moves-pager", "data-nip").await;
    let mut distinct: Vec<_> = nips.iter().flatten().collect();
    mutasi_planner::core::sort::sort(&mut distinct);
    distinct.dedup();
    assert_eq!(distinct.len(), moves, "each mover on one page");
    let first = body_rows(&root, "moves-result-table")[0].clone();
    let nip = first.get_attribute("data-nip").unwrap();
    open_row(&first);
    let panel = element(&root, "explain-panel").await;
    until("the GAP chart", || {
        panel
            .query_selector("[data-testid=\"gap-chart\"] rect")
            .unwrap()
            .is_some()
    })
    .await;
    // The chart says what its bars are, and every competency's whole name
    // is its row's tooltip while the label fits in two short lines.
    let legend = panel
        .query_selector_all("[data-testid=\"gap-legend\"]")
        .unwrap();
    assert_eq!(legend.length(), 3);
    assert!(panel.text_content().unwrap().contains("Dibutuhkan jabatan"));
    let gap_rows = panel
        .query_selector_all("[data-testid=\"gap-row\"]")
        .unwrap();
    assert!(gap_rows.length() >= 3);
    for i in 0..gap_rows.length() {
        let g: web_sys::Element = gap_rows.item(i).unwrap().unchecked_into();
        let title = g
            .query_selector("title")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap();
        let spans = g.query_selector_all("tspan").unwrap();
        assert!((1..=2).contains(&spans.length()), "{title}");
        let shown: Vec<String> = (0..spans.length())
            .map(|k| spans.item(k).unwrap().text_content().unwrap())
            .collect();
        assert!(shown.iter().all(|l| l.chars().count() <= 30), "{shown:?}");
        assert!(
            title.starts_with(shown[0].trim_end_matches('…')),
            "{title} / {shown:?}"
        );
    }
    assert_eq!(
        panel
            .query_selector_all("[data-testid=\"explain-terms\"] tbody tr")
            .unwrap()
            .length(),
        6
    );
    assert!(
        panel
            .query_selector_all("[data-testid=\"explain-rules\"] li")
            .unwrap()
            .length()
            >= 8
    );
    // Every move of the plan is lateral (or a JPT rotation), the panel names
    // its row's class, and the openings the person may not fill say why,
    // naming both levels.
    let expected = match first.get_attribute("data-class").as_deref() {
        Some("lateral") => "mutasi setingkat",
        Some("jpt_rotation") => "rotasi JPT",
        other => panic!("the first move is {other:?}"),
    };
    assert_eq!(
        text(&root, "explain-class"),
        format!("Jenis perpindahan: {expected}")
    );
    for r in body_rows(&root, "moves-result-table") {
        let class = r.get_attribute("data-class");
        assert!(
            matches!(class.as_deref(), Some("lateral" | "jpt_rotation")),
            "{class:?}"
        );
    }
    let refused = text(&root, "explain-refused");
    assert!(refused.contains("bukan mutasi"), "{refused}");

    // "Why not" answers for anyone the analyst names, by NIP or by name.
    let (other_nip, other_name) = state.workspace.with_untracked(|ws| {
        let a = ws.asn.iter().rev().find(|a| a.nip.as_str() != nip).unwrap();
        (a.nip.to_string(), a.name.clone())
    });
    let search = element(&root, "why-not-search").await;
    set_input(&search, &other_nip, "input");
    until("the answer for that NIP", || {
        find(&root, "why-not-found").is_some_and(|l| {
            let t = l.text_content().unwrap_or_default();
            l.query_selector_all("li").unwrap().length() == 1
                && t.contains(&other_name)
                && t.contains(&other_nip)
                && t.len() > other_name.len() + other_nip.len() + 6
        })
    })
    .await;
    let first_word = other_name.split_whitespace().next().unwrap().to_lowercase();
    set_input(&search, &first_word, "input");
    until("answers for a name", || {
        find(&root, "why-not-found").is_some_and(|l| {
            let items = l.query_selector_all("li").unwrap();
            items.length() >= 1
                && items.length() <= 8
                && (0..items.length()).all(|i| {
                    items
                        .item(i)
                        .and_then(|n| n.text_content())
                        .is_some_and(|t| t.to_lowercase().contains(&first_word))
                })
        })
    })
    .await;
    set_input(&search, "zzqx", "input");
    element(&root, "why-not-none").await;
    assert!(find(&root, "why-not-found").is_none());

    // A decision needs a reason.
    press(&root, "decide-stay").await;
    until("the missing-reason alert", || {
        panel.query_selector("[role=\"alert\"]").unwrap().is_some()
    })
    .await;
    assert!(state
        .workspace
        .with_untracked(|ws| ws.open_round().unwrap().decisions.is_empty()));

    set_input(
        &find(&root, "decision-reason").unwrap(),
        "Masih dibutuhkan di unit asal",
        "input",
    );
    press(&root, "decide-stay").await;
    let decisions = || {
        state
            .workspace
            .with_untracked(|ws| ws.open_round().unwrap().decisions.len())
    };
    until_eq("the decisions", decisions, 1).await;
    let decided = state
        .workspace
        .with_untracked(|ws| ws.open_round().unwrap().decisions.clone());
    assert_eq!(decided[0].asn.as_str(), nip);
    assert_eq!(decided[0].reason, "Masih dibutuhkan di unit asal");
    assert!(state.workspace.with_untracked(|ws| ws
        .audit
        .iter()
        .any(|a| a.reason.as_deref() == Some("Masih dibutuhkan di unit asal"))));
    // The plan re-solves around it: the person no longer moves.
    until("the person out of the moves", || {
        body_rows(&root, "moves-result-table")
            .iter()
            .all(|r| r.get_attribute("data-nip").as_deref() != Some(nip.as_str()))
    })
    .await;
    // The open explanation shows the new state: staying, not "X → X",
    // and no competition to explain.
    until("the panel after the decision", || {
        text(&root, "explain-move").starts_with("Tetap di tempat: ")
    })
    .await;
    assert!(find(&root, "why-not").is_none());
    assert!(find(&root, "why-not-search").is_none());
    let assign: web_sys::HtmlButtonElement = find(&root, "decide-assign").unwrap().unchecked_into();
    assert!(assign.disabled(), "no place chosen to assign");

    press(&root, "undo").await;
    until_eq("the decisions after undo", decisions, 0).await;
    until_eq("the moves after undo", || plan_moves(&root), moves).await;
    press(&root, "redo").await;
    until_eq("the decisions after redo", decisions, 1).await;

    press(&root, "tab-decisions").await;
    until_eq(
        "the decisions table",
        || body_rows(&root, "decisions-table").len(),
        1,
    )
    .await;
    assert!(text(&root, "audit-log").contains("Masih dibutuhkan di unit asal"));
}

#[wasm_bindgen_test]
async fn stable_mode_shows_its_phases_points_and_both_modes() {
    clear_storage();
    let state = AppState::new(small(300), today());
    state.page.set(Page::Skenario);
    let (root, _app) = mount(state);
    let scenario = move || first_scenario(state);
    // What the core says of the active scenario.
    let core = move || {
        state.workspace.with_untracked(|ws| {
            let round = ws.open_round().unwrap();
            engine::plan(&engine::model::RoundInput {
                ws,
                round,
                scenario: &round.scenarios[0],
            })
            .unwrap()
        })
    };
    let attr = |name: &str| {
        find(&root, "plan-summary")
            .and_then(|e| e.get_attribute(name))
            .unwrap_or_default()
    };
    first_plan_moves(&root).await;
    assert_eq!(attr("data-wish-moves"), "", "no phases in optimal mode");
    press(&root, "mode-stable").await;
    until("stable mode", || scenario().mode == MatchMode::Stable).await;
    // Everyone near their domicile takes part: phase 1 moves people.
    press(&root, "without-wishes-near").await;
    until("near the domicile", || {
        scenario().stable.without_wishes == WithoutWishes::NearDomicile
    })
    .await;
    let plan = core();
    let phases = plan.metrics.phases.clone().unwrap();
    assert!(phases.wish_moves > 0, "{phases:?}");
    until_eq(
        "phase 1's moves shown",
        || attr("data-wish-moves"),
        phases.wish_moves.to_string(),
    )
    .await;
    assert_eq!(attr("data-wish-envy"), "0");
    assert_eq!(attr("data-moves"), plan.metrics.moves.to_string());
    // A points component is a scenario setting and reads in the formula.
    set_input(&find(&root, "points-years").unwrap(), "20", "change");
    until_eq(
        "points per year",
        || scenario().stable.points.per_year_in_position,
        20,
    )
    .await;
    until("the formula in words", || {
        text(&root, "points-formula").contains("20 × tahun dalam jabatan")
    })
    .await;
    assert!(text(&root, "stable-safe").contains("tidak pernah merugikan"));
    // Hasil marks each move with its phase, as the core does.
    let plan = core();
    let wishes = plan.metrics.phases.as_ref().unwrap().wish_moves;
    state.page.set(Page::Hasil);
    until_eq(
        "the moves in the table",
        || pager_total(&root, "moves-pager"),
        plan.metrics.moves,
    )
    .await;
    let phases = all_pages(&root, "moves-result-table", "moves-pager", "data-phase").await;
    assert_eq!(
        phases
            .iter()
            .filter(|p| p.as_deref() == Some("wishes"))
            .count(),
        wishes,
        "moves of phase 1 in the table"
    );
    // Bandingkan: the active scenario in both modes.
    press(&root, "tab-compare").await;
    element(&root, "modes-table").await;
    let header = root
        .query_selector_all("[data-testid=\"modes-table\"] thead th")
        .unwrap();
    assert_eq!(header.length(), 3);
    clear_storage();
}

#[wasm_bindgen_test]
async fn the_status_bar_follows_the_procedure_and_a_frozen_round_refuses_edits() {
    clear_storage();
    // The steps ask for confirmation: answer yes, and put the browser's
    // own dialog back at the end.
    let original = js_sys::Reflect::get(&window(), &"confirm".into()).unwrap();
    let yes = js_sys::Function::new_with_args("message", "return true");
    js_sys::Reflect::set(&window(), &"confirm".into(), &yes).unwrap();
    let state = AppState::new(small(300), today());
    state.page.set(Page::Hasil);
    let (root, _app) = mount(state);
    let status = || {
        find(&root, "round-status")
            .and_then(|e| e.get_attribute("data-status"))
            .unwrap_or_default()
    };
    until_eq("the draft", status, "draf".to_string()).await;
    press(&root, "tab-procedure").await;
    press(&root, "procedure-publish").await;
    until_eq("published", status, "sosialisasi".to_string()).await;
    let fingerprint = state.workspace.with_untracked(|ws| {
        let v = ws.open_round().unwrap().procedure.current().unwrap();
        v.fingerprint.clone()
    });
    assert_eq!(
        find(&root, "round-version")
            .unwrap()
            .get_attribute("data-fingerprint")
            .unwrap(),
        fingerprint
    );
    until_eq("one version", || body_rows(&root, "versions").len(), 1).await;
    assert_eq!(
        body_rows(&root, "versions")[0]
            .get_attribute("data-matches")
            .as_deref(),
        Some("true")
    );
    assert!(
        state.history.with_untracked(|h| h.undo.is_empty()),
        "a step is not undone"
    );
    // A slider drag on the published round is refused and says how to go on.
    let weight = move || {
        state
            .workspace
            .with_untracked(|ws| ws.open_round().unwrap().scenarios[0].weights.fit)
    };
    let before = weight();
    state.page.set(Page::Skenario);
    let slider = element(&root, "weight-fit").await;
    set_input(&slider, &(before + 7).to_string(), "input");
    until("the refusal", || {
        text(&root, "notice").contains("versi baru")
    })
    .await;
    assert_eq!(weight(), before);
    let shown = slider.clone().unchecked_into::<web_sys::HtmlInputElement>();
    assert_eq!(
        shown.value(),
        before.to_string(),
        "the slider shows the stored value"
    );
    // Back to Draf takes a reason; then the settings change again.
    state.page.set(Page::Hasil);
    press(&root, "tab-procedure").await;
    press(&root, "procedure-back").await;
    until("the reason asked for", || {
        text(&root, "notice").contains("Isi alasan")
    })
    .await;
    assert_eq!(status(), "sosialisasi");
    set_input(
        &element(&root, "procedure-reason").await,
        "Koreksi formasi",
        "input",
    );
    press(&root, "procedure-back").await;
    until_eq("back to the draft", status, "draf".to_string()).await;
    state.page.set(Page::Skenario);
    let slider = element(&root, "weight-fit").await;
    set_input(&slider, &(before + 7).to_string(), "input");
    until_eq("the weight", weight, before + 7).await;
    js_sys::Reflect::set(&window(), &"confirm".into(), &original).unwrap();
    clear_storage();
}

/// The element with this test id inside `scope`.
fn inside(scope: &web_sys::Element, testid: &str) -> Option<web_sys::HtmlElement> {
    scope
        .query_selector(&format!("[data-testid=\"{testid}\"]"))
        .unwrap()
        .map(|e| e.unchecked_into())
}

#[wasm_bindgen_test]
async fn transfers_between_governments_are_marked_and_their_checklist_gates_the_decision() {
    use mutasi_planner::core::model::Government;
    clear_storage();
    let original = js_sys::Reflect::get(&window(), &"confirm".into()).unwrap();
    let yes = js_sys::Function::new_with_args("message", "return true");
    js_sys::Reflect::set(&window(), &"confirm".into(), &yes).unwrap();
    // One agency that people enter from elsewhere is a kabupaten's.
    let mut ws = small(300);
    let crossing = {
        let round = ws.open_round().unwrap();
        let plan = engine::plan(&engine::model::RoundInput {
            ws: &ws,
            round,
            scenario: &round.scenarios[0],
        })
        .unwrap();
        let moves = view::moves(&ws, &plan);
        let from = |m: &view::MoveRow| m.from.map(|p| ws.positions[p].agency.clone());
        let agency = moves
            .iter()
            .find(|m| from(m).as_ref() != Some(&m.to_agency))
            .unwrap()
            .to_agency
            .clone();
        let n = moves
            .iter()
            .filter(|m| (m.to_agency == agency) != (from(m).as_ref() == Some(&agency)))
            .count();
        let a = ws.agencies.iter_mut().find(|a| a.id == agency).unwrap();
        a.government = Government::Regency(Regency::Tebo);
        n
    };
    let state = AppState::new(ws, today());
    state.page.set(Page::Hasil);
    let (root, _app) = mount(state);
    let marked = || {
        root.query_selector_all("[data-testid=\"moves-result-table\"] tr[data-crossing=\"true\"]")
            .unwrap()
            .length() as usize
    };
    until("the moves", || {
        body_rows(&root, "moves-result-table").len() > 1
    })
    .await;
    let marks = all_pages(&root, "moves-result-table", "moves-pager", "data-crossing").await;
    assert_eq!(
        marks
            .iter()
            .filter(|m| m.as_deref() == Some("true"))
            .count(),
        crossing,
        "the marked moves"
    );
    assert!(marked() <= crossing);
    let status = || {
        find(&root, "round-status")
            .and_then(|e| e.get_attribute("data-status"))
            .unwrap_or_default()
    };
    press(&root, "tab-procedure").await;
    until_eq(
        "the checklist",
        || body_rows(&root, "clearances").len(),
        crossing,
    )
    .await;
    press(&root, "procedure-publish").await;
    until_eq("published", status, "sosialisasi".to_string()).await;
    set_input(
        &element(&root, "review-members").await,
        "Sekda (ketua)\nKepala BKD",
        "input",
    );
    set_input(
        &element(&root, "review-meeting").await,
        "2026-12-10",
        "change",
    );
    press(&root, "procedure-review").await;
    until_eq("in review", status, "dibahas".to_string()).await;
    // The minutes: one of two attended.
    let attendance = element(&root, "review-attendance").await;
    let first = attendance
        .query_selector("input[type=checkbox]")
        .unwrap()
        .unwrap()
        .unchecked_into::<web_sys::HtmlInputElement>();
    first.set_checked(true);
    first
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    set_input(
        &element(&root, "review-minutes").await,
        "Disetujui.",
        "input",
    );
    press(&root, "minutes-save").await;
    let review = move || {
        state.workspace.with_untracked(|ws| {
            let r = ws.open_round().unwrap().procedure.review.clone().unwrap();
            (r.attended, r.minutes)
        })
    };
    until_eq(
        "the minutes",
        review,
        (vec!["Sekda (ketua)".to_string()], "Disetujui.".to_string()),
    )
    .await;
    // Deciding is refused while a letter is missing, and says where.
    press(&root, "procedure-establish").await;
    until("the refusal", || {
        text(&root, "notice").contains("antar-instansi")
    })
    .await;
    assert_eq!(status(), "dibahas");
    // Every document of every person, row by row (a recorded row redraws).
    for doc in ["releasing", "receiving", "bkn"] {
        for i in 0..crossing {
            let row = body_rows(&root, "clearances")[i].clone();
            let nip = row.get_attribute("data-nip").unwrap();
            set_input(
                &inside(&row, &format!("letter-{doc}-number")).unwrap(),
                "800/1/BKD",
                "input",
            );
            set_input(
                &inside(&row, &format!("letter-{doc}-date")).unwrap(),
                "2026-12-12",
                "change",
            );
            inside(&row, &format!("letter-{doc}-save")).unwrap().click();
            let selector = format!("[data-testid=\"clearances\"] tr[data-nip=\"{nip}\"] [data-testid=\"letter-{doc}\"]");
            until(&selector, || {
                root.query_selector(&selector).unwrap().is_some()
            })
            .await;
        }
    }
    until_eq(
        "complete",
        || {
            root.query_selector_all("[data-testid=\"clearances\"] tr[data-complete=\"true\"]")
                .unwrap()
                .length() as usize
        },
        crossing,
    )
    .await;
    // The agenda lists the agencies and the minutes as recorded.
    press(&root, "agenda-show").await;
    let sheet = element(&root, "agenda-sheet").await;
    assert!(
        sheet
            .query_selector_all("[data-testid=\"agenda-agency\"]")
            .unwrap()
            .length()
            > 1
    );
    assert_eq!(
        sheet
            .query_selector_all("[data-attended=\"true\"]")
            .unwrap()
            .length(),
        1
    );
    press(&root, "procedure-establish").await;
    until_eq("decided", status, "ditetapkan".to_string()).await;
    js_sys::Reflect::set(&window(), &"confirm".into(), &original).unwrap();
    clear_storage();
}

#[wasm_bindgen_test]
async fn comparison_and_fairness_tabs_show_every_scenario_and_group() {
    clear_storage();
    let ws = small(300);
    let n_scenarios = ws.open_round().unwrap().scenarios.len();
    let state = AppState::new(ws, today());
    state.page.set(Page::Hasil);
    let (root, _app) = mount(state);
    press(&root, "tab-compare").await;
    element(&root, "compare-table").await;
    let header = root
        .query_selector_all("[data-testid=\"compare-table\"] thead th")
        .unwrap();
    assert_eq!(header.length() as usize, n_scenarios + 1);
    // The people whose outcome differs between the scenarios, as the core
    // counts them.
    let differing = state.workspace.with_untracked(|ws| {
        let plans: Vec<_> = engine::plan_all(ws, ws.open_round().unwrap())
            .into_values()
            .map(Result::unwrap)
            .collect();
        let refs: Vec<&engine::Plan> = plans.iter().collect();
        engine::report::differences(ws, &refs).len()
    });
    assert!(differing > 0, "the scenarios differ");
    assert_eq!(text(&root, "diff-count"), differing.to_string());
    // Every one of them listed, a page at a time when there are many.
    if differing > 50 {
        let rows = all_pages(&root, "diff-table", "diff-pager", "class").await;
        assert_eq!(rows.len(), differing);
    } else {
        assert_eq!(body_rows(&root, "diff-table").len(), differing);
    }
    press(&root, "tab-fairness").await;
    element(&root, "fairness-Regency").await;
    for g in ["Gender", "GolonganGroup", "AgeBand", "Agency", "Regency"] {
        assert!(
            !body_rows(&root, &format!("fairness-{g}")).is_empty(),
            "{g}"
        );
    }
    let moved: usize = body_rows(&root, "fairness-Gender")
        .iter()
        .map(|r| {
            r.children()
                .item(2)
                .unwrap()
                .text_content()
                .unwrap()
                .split(' ')
                .next()
                .unwrap()
                .parse::<usize>()
                .unwrap()
        })
        .sum();
    assert_eq!(moved, plan_moves(&root));
}

#[wasm_bindgen_test]
async fn needs_analysis_opens_and_closes_positions() {
    clear_storage();
    let state = AppState::new(small(300), today());
    state.page.set(Page::Jabatan);
    let (root, _app) = mount(state);
    let openings = || {
        state
            .workspace
            .with_untracked(|ws| ws.open_round().unwrap().openings.len())
    };
    let before = openings();
    // Open a position that is not yet open, from its detail.
    let target = state.workspace.with_untracked(|ws| {
        let open: Vec<&PositionId> = ws
            .open_round()
            .unwrap()
            .openings
            .iter()
            .map(|o| &o.position)
            .collect();
        ws.positions
            .iter()
            .find(|p| !open.contains(&&p.id))
            .unwrap()
            .id
            .0
            .clone()
    });
    set_input(&element(&root, "position-search").await, &target, "input");
    until("the target position first", || {
        body_rows(&root, "position-table")
            .first()
            .and_then(|r| r.get_attribute("data-position"))
            .as_deref()
            == Some(target.as_str())
    })
    .await;
    open_row(&body_rows(&root, "position-table")[0]);
    set_input(&element(&root, "open-slots").await, "2", "input");
    set_input(&find(&root, "open-priority").unwrap(), "Mendesak", "change");
    press(&root, "open-confirm").await;
    until_eq("the openings", openings, before + 1).await;
    let opening = state.workspace.with_untracked(|ws| {
        ws.open_round()
            .unwrap()
            .openings
            .iter()
            .find(|o| o.position.0 == target)
            .cloned()
    });
    let opening = opening.expect("opened");
    assert_eq!((opening.slots, opening.priority), (2, Priority::Mendesak));
    // The needs page lists it; closing it there removes it.
    press(&root, "nav-kebutuhan").await;
    assert_eq!(
        element(&root, "openings-count")
            .await
            .text_content()
            .unwrap()
            .parse::<usize>()
            .unwrap(),
        before + 1
    );
    assert!(find(&root, "needs-chart").is_some());
    let agencies = state.workspace.with_untracked(|ws| ws.agencies.len());
    assert_eq!(
        text(&root, "needs-chart-scope"),
        format!(
            "{} OPD dengan kekurangan pegawai terbesar dari {agencies}",
            agencies.min(15)
        )
    );
    assert_eq!(
        body_rows(&root, "needs-by-agency").len(),
        state.workspace.with_untracked(|ws| ws.agencies.len())
    );
    let row = root
        .query_selector(&format!(
            "[data-testid=\"openings-table\"] tr[data-position=\"{target}\"]"
        ))
        .unwrap()
        .unwrap();
    row.query_selector("[data-testid=\"opening-close\"]")
        .unwrap()
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    until_eq("the openings after closing", openings, before).await;
    assert!(
        state.workspace.with_untracked(|ws| ws
            .audit
            .iter()
            .filter(|a| a.action == "opening")
            .count())
            >= 2
    );
    // Closing says so, and the undo on this page names it and opens it
    // again.
    until("the notice", || {
        text(&root, "notice").contains("Formasi ditutup")
    })
    .await;
    let undo = text(&root, "undo");
    assert!(undo.starts_with("Urungkan: "), "{undo}");
    let named = find(&root, "undo")
        .and_then(|b| b.get_attribute("title"))
        .unwrap_or_default();
    assert_eq!(named, format!("{target} closed"));
    press(&root, "undo").await;
    until_eq("the openings after undo", openings, before + 1).await;
}

#[wasm_bindgen_test]
async fn swaps_and_scenario_constraints_from_the_explanation() {
    clear_storage();
    let state = AppState::new(small(300), today());
    state.page.set(Page::Hasil);
    let (root, _app) = mount(state);
    first_plan_moves(&root).await;
    let rows = body_rows(&root, "moves-result-table");
    assert!(rows.len() >= 2);
    let outcome = |nip: &str| -> Option<String> {
        state.plan.with_untracked(|run| {
            let plan = run.as_ref()?.result.as_ref().as_ref().ok()?;
            state.workspace.with_untracked(|ws| {
                let row = plan
                    .model
                    .rows
                    .iter()
                    .position(|r| ws.asn[r.asn].nip.as_str() == nip)?;
                plan.model.slots[plan.slot_of_row[row]]
                    .position
                    .map(|p| ws.positions[p].id.0.clone())
            })
        })
    };
    // The first two listed movers who may lawfully take each other's
    // outcome (a swap into another kind of position is refused).
    let nips: Vec<String> = rows
        .iter()
        .map(|r| r.get_attribute("data-nip").unwrap())
        .collect();
    let lawful = |nip: &str, to: &str| {
        state.workspace.with_untracked(|ws| {
            let asn = ws.asn.iter().find(|x| x.nip.as_str() == nip).unwrap();
            let to = ws.positions.iter().find(|p| p.id.0 == to).unwrap();
            let rules = &ws.open_round().unwrap().scenarios[0].rules;
            mutasi_planner::core::rules::class_rejection(
                asn,
                ws.index().position_of(asn),
                to,
                rules,
            )
            .is_none()
        })
    };
    let (ia, ib) = (0..nips.len())
        .flat_map(|i| (i + 1..nips.len()).map(move |j| (i, j)))
        .find(|&(i, j)| {
            let (to_i, to_j) = (outcome(&nips[i]).unwrap(), outcome(&nips[j]).unwrap());
            to_i != to_j && lawful(&nips[i], &to_j) && lawful(&nips[j], &to_i)
        })
        .expect("two movers who may swap");
    let (a, b) = (nips[ia].clone(), nips[ib].clone());
    let (to_a, to_b) = (outcome(&a).unwrap(), outcome(&b).unwrap());
    open_row(&rows[ia]);
    set_input(
        &element(&root, "decision-reason").await,
        "Tukar atas kesepakatan kedua OPD",
        "input",
    );
    set_input(&find(&root, "swap-with").unwrap(), &b, "change");
    press(&root, "decide-swap").await;
    until_eq("A's outcome", || outcome(&a), Some(to_b.clone())).await;
    assert_eq!(outcome(&b).as_deref(), Some(to_a.as_str()));
    assert_eq!(
        state
            .workspace
            .with_untracked(|ws| ws.open_round().unwrap().decisions.len()),
        2
    );

    // Forbid the pair in the scenario: after undoing the swap, A may not go
    // back to the position it was first given.
    press(&root, "undo").await;
    until_eq("A's outcome after undo", || outcome(&a), Some(to_a.clone())).await;
    let row_of_a = || {
        body_rows(&root, "moves-result-table")
            .into_iter()
            .find(|r| r.get_attribute("data-nip").as_deref() == Some(a.as_str()))
    };
    until("A's row back in the moves", || row_of_a().is_some()).await;
    open_row(&row_of_a().unwrap());
    set_input(
        &element(&root, "decision-reason").await,
        "Konflik kepentingan",
        "input",
    );
    press(&root, "scenario-forbid").await;
    until("A given another outcome", || {
        outcome(&a).as_deref() != Some(to_a.as_str())
    })
    .await;
    let constraints = state
        .workspace
        .with_untracked(|ws| ws.open_round().unwrap().scenarios[0].constraints.len());
    assert_eq!(constraints, 1);
    element(&root, "stays").await;
}

#[wasm_bindgen_test]
async fn evaluation_flags_lead_to_training_and_mentors_and_kpis_follow_new_periods() {
    clear_storage();
    let state = AppState::new(small(600), today());
    state.page.set(Page::Evaluasi);
    let (root, _app) = mount(state);
    element(&root, "kpi-chart").await;
    // Before/after: one pair of bars per predikat (plus the legend).
    let bars = root
        .query_selector_all("[data-testid=\"distribution-chart\"] rect")
        .unwrap()
        .length();
    assert_eq!(bars, 2 * 5 + 2);
    let flagged: usize = text(&root, "flagged-count").parse().unwrap();
    assert!(flagged > 0);
    assert_eq!(body_rows(&root, "flagged-table").len(), flagged.min(300));
    let follow_ups = || state.workspace.with_untracked(|ws| ws.follow_ups.len());
    // A flag leads to a planned training.
    find(&root, "plan-training")
        .expect("a flagged person with a gap")
        .click();
    until_eq("the follow-ups", follow_ups, 1).await;
    let training = state.workspace.with_untracked(|ws| ws.follow_ups.clone());
    assert!(matches!(
        training[0].kind,
        mutasi_planner::core::model::FollowUpKind::Training { .. }
    ));
    // ... and to a mentor.
    press(&root, "tab-followup").await;
    until("the training plan", || {
        !body_rows(&root, "training-plan").is_empty()
    })
    .await;
    find(&root, "plan-mentor")
        .expect("a mentor proposal")
        .click();
    until_eq("the follow-ups", follow_ups, 2).await;
    until_eq(
        "the follow-up rows",
        || body_rows(&root, "follow-ups").len(),
        2,
    )
    .await;
    set_input(
        &root
            .query_selector("[data-testid=\"follow-up-status\"]")
            .unwrap()
            .unwrap()
            .unchecked_into(),
        "InProgress",
        "change",
    );
    until_eq(
        "the first follow-up's status",
        || state.workspace.with_untracked(|ws| ws.follow_ups[0].status),
        mutasi_planner::core::model::FollowUpStatus::InProgress,
    )
    .await;
    // The 9-box: counts add up, a click lists the box's people.
    press(&root, "tab-ninebox").await;
    element(&root, "box-9").await;
    let count = |b: usize| {
        find(&root, &format!("box-{b}"))
            .unwrap()
            .get_attribute("data-count")
            .unwrap()
            .parse::<usize>()
            .unwrap()
    };
    let total: usize = (1..=9).map(count).sum();
    assert!(total > 0);
    let fullest = (1..=9).max_by_key(|&b| count(b)).unwrap();
    let target: web_sys::Element = root
        .query_selector(&format!("[data-testid=\"box-{fullest}\"]"))
        .unwrap()
        .unwrap();
    target
        .dispatch_event(&web_sys::MouseEvent::new("click").unwrap())
        .unwrap();
    until("the box's people", || {
        root.query_selector_all("[data-testid=\"box-people\"] li")
            .unwrap()
            .length()
            > 0
    })
    .await;
    // A new period changes the KPI.
    press(&root, "tab-before-after").await;
    let improved = || {
        find(&root, "kpi-latest")
            .and_then(|e| e.get_attribute("data-improved"))
            .and_then(|n| n.parse::<usize>().ok())
    };
    until("the latest KPI", || improved().is_some()).await;
    let before = improved().unwrap();
    state.workspace.update(|ws| {
        let moved: Vec<mutasi_planner::core::model::Nip> =
            ws.moves.iter().map(|m| m.asn.clone()).collect();
        for a in ws.asn.iter_mut().filter(|a| moved.contains(&a.nip)) {
            a.performance
                .push(mutasi_planner::core::model::PerformanceRecord {
                    period: mutasi_planner::core::model::Period::annual(2026),
                    hasil_kerja: mutasi_planner::core::model::Rating::DiAtas,
                    perilaku_kerja: mutasi_planner::core::model::Rating::DiAtas,
                    score: None,
                });
        }
    });
    until("a good new period raises the improved count", || {
        improved().is_some_and(|n| n > before)
    })
    .await;
}

#[wasm_bindgen_test]
async fn the_quick_grid_saves_a_period_for_many_people_at_once() {
    clear_storage();
    let state = AppState::new(small(600), today());
    state.page.set(Page::Evaluasi);
    let (root, _app) = mount(state);
    press(&root, "tab-entry").await;
    let moved = state.workspace.with_untracked(|ws| ws.moves.len());
    until_eq(
        "one grid row per move",
        || body_rows(&root, "entry-grid").len(),
        moved,
    )
    .await;
    let rows = body_rows(&root, "entry-grid");
    set_input(&find(&root, "grid-year").unwrap(), "2026", "input");
    let mut nips = Vec::new();
    for row in rows.iter().take(2) {
        nips.push(row.get_attribute("data-nip").unwrap());
        set_input(
            &row.query_selector("[data-testid=\"grid-hasil\"]")
                .unwrap()
                .unwrap()
                .unchecked_into(),
            "DiAtas",
            "change",
        );
        set_input(
            &row.query_selector("[data-testid=\"grid-perilaku\"]")
                .unwrap()
                .unwrap()
                .unchecked_into(),
            "Sesuai",
            "change",
        );
    }
    // A row with only one rating is not saved.
    set_input(
        &rows[2]
            .query_selector("[data-testid=\"grid-hasil\"]")
            .unwrap()
            .unwrap()
            .unchecked_into(),
        "DiBawah",
        "change",
    );
    let p2026 = mutasi_planner::core::model::Period::annual(2026);
    let audit_len = state.workspace.with_untracked(|ws| ws.audit.len());
    press(&root, "grid-save").await;
    until("the grid saved", || {
        state.workspace.with_untracked(|ws| ws.audit.len()) > audit_len
    })
    .await;
    state.workspace.with_untracked(|ws| {
        for nip in &nips {
            let a = ws.asn.iter().find(|a| a.nip.as_str() == nip).unwrap();
            let r = a
                .performance
                .iter()
                .find(|r| r.period == p2026)
                .expect("saved");
            assert_eq!(r.predikat(), mutasi_planner::core::model::Predikat::Baik);
        }
        let third = rows[2].get_attribute("data-nip").unwrap();
        assert!(ws
            .asn
            .iter()
            .find(|a| a.nip.as_str() == third)
            .unwrap()
            .performance
            .iter()
            .all(|r| r.period != p2026));
        assert!(mutasi_planner::core::evaluate::kpi_by_period(ws).contains_key(&p2026));
    });
}

#[wasm_bindgen_test]
async fn names_with_markup_render_as_text() {
    clear_storage();
    let mut ws = small(60);
    ws.asn[0].name = "<img src=x onerror=\"window.pwned=1\">Budi <b>Santoso</b>".into();
    let nip = ws.asn[0].nip.to_string();
    let state = AppState::new(ws, today());
    let (root, _app) = mount(state);
    set_input(&element(&root, "asn-search").await, &nip, "input");
    until_eq(
        "the one row found",
        || body_rows(&root, "asn-table").len(),
        1,
    )
    .await;
    let row = body_rows(&root, "asn-table").remove(0);
    assert!(row.text_content().unwrap().contains("<img src=x"));
    assert!(row.query_selector("img").unwrap().is_none());
    assert!(row.query_selector("b").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn spreadsheet_import_maps_columns_reports_rows_and_imports_on_confirm() {
    clear_storage();
    // The test has no built file worker: run its jobs in the page.
    mutasi_planner::ui::files::run_in_page(mutasi_planner::core::io::file_jobs::run);
    let ws = small(60);
    let existing = ws.asn[2].nip.as_str().to_string();
    let state = AppState::new(ws.clone(), today());
    state.page.set(Page::Data);
    let (root, _app) = mount(state);

    // The NIP header is one the importer does not know: it must be mapped.
    let csv = format!(
        "No Pegawai;Nama;Gol/Ruang;Pendidikan;Domisili\r\n\
         {existing};Nama Baru Sekali;;;\r\n\
         198503142010012003;Dewi Lestari;III/b;S1;Tebo\r\n\
         198001012005011004;Budi;III/z;S1;Bungo\r\n;;;;\r\n"
    );
    let choose = |csv: &str| choose_file(&root, "sheet-file", &text_file(csv, "pegawai.csv"));
    element(&root, "sheet-file").await;
    choose(&csv);
    element(&root, "sheet-analysis").await;
    // Not a known source, and nothing remembered for its header yet.
    let source = element(&root, "sheet-source-kind").await;
    assert_eq!(
        source.get_attribute("data-source").as_deref(),
        Some("other")
    );
    assert!(find(&root, "mapping-remembered").is_none());
    assert!(text(&root, "sheet-format").contains("\";\""));
    let blocking = text(&root, "sheet-blocking");
    assert!(blocking.contains("NIP"), "{blocking}");
    let confirm: web_sys::HtmlButtonElement =
        find(&root, "sheet-confirm").unwrap().unchecked_into();
    assert!(confirm.disabled());

    // Map NIP to column A: the report appears.
    set_input(&find(&root, "map-NIP").unwrap(), "0", "change");
    until("the NIP mapped", || find(&root, "sheet-blocking").is_none()).await;
    let counts = element(&root, "sheet-counts").await;
    assert_eq!(counts.get_attribute("data-new").as_deref(), Some("1"));
    assert_eq!(counts.get_attribute("data-update").as_deref(), Some("1"));
    assert_eq!(counts.get_attribute("data-invalid").as_deref(), Some("1"));
    let problems = body_rows(&root, "sheet-problems");
    assert_eq!(problems.len(), 1);
    let problem = problems[0].text_content().unwrap();
    assert!(problem.starts_with("4C"), "row 4, column C: {problem}");
    assert!(problem.contains("III/z"), "{problem}");
    assert_eq!(body_rows(&root, "sheet-preview").len(), 3);
    // Nothing has changed yet.
    assert_eq!(state.workspace.with_untracked(|w| w.asn.len()), 60);

    let confirm: web_sys::HtmlButtonElement =
        find(&root, "sheet-confirm").unwrap().unchecked_into();
    assert!(!confirm.disabled());
    confirm.click();
    until_eq(
        "the ASN after the import",
        || state.workspace.with_untracked(|w| w.asn.len()),
        61,
    )
    .await;
    state.workspace.with_untracked(|w| {
        assert_eq!(w.asn.len(), 61);
        assert_eq!(w.asn[2].name, "Nama Baru Sekali");
        assert_eq!(w.asn[60].name, "Dewi Lestari");
    });
    until("the analysis closed", || {
        find(&root, "sheet-analysis").is_none()
    })
    .await;
    // One undoable edit, in the audit log.
    assert!(state.workspace.with_untracked(|w| w
        .audit
        .last()
        .is_some_and(|e| e.detail.contains("pegawai.csv"))));
    state.undo();
    assert_eq!(state.workspace.with_untracked(|w| w.asn.len()), 60);
    // The next file with the same header starts from the corrected mapping.
    choose(&csv);
    element(&root, "mapping-remembered").await;
    let counts = element(&root, "sheet-counts").await;
    assert_eq!(counts.get_attribute("data-new").as_deref(), Some("1"));
    assert!(find(&root, "sheet-blocking").is_none(), "NIP is mapped");
    // A file that does not read: said, and nothing of the earlier file
    // stays importable.
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(&[0xD0u8, 0xCF, 0x11, 0xE0][..]));
    let file = web_sys::File::new_with_u8_array_sequence(&parts, "lama.xls").unwrap();
    choose_file(&root, "sheet-file", &file);
    element(&root, "sheet-error").await;
    until("the earlier report gone", || {
        find(&root, "sheet-analysis").is_none() && find(&root, "sheet-confirm").is_none()
    })
    .await;
    clear_storage();
}

#[wasm_bindgen_test]
async fn a_worksheet_per_agency_imports_with_the_opd_its_title_names() {
    clear_storage();
    mutasi_planner::ui::files::run_in_page(mutasi_planner::core::io::file_jobs::run);
    let ws = small(60);
    let agency = ws.agencies[2].name.clone();
    let other = ws.agencies[4].name.clone();
    let positions = ws.positions.len();
    let state = AppState::new(ws, today());
    state.page.set(Page::Data);
    let (root, _app) = mount(state);
    set_input(&element(&root, "sheet-kind").await, "jabatan", "change");
    // An Anjab/ABK sheet made for one OPD: the OPD only in its title.
    let csv = format!(
        "ANALISIS JABATAN DAN BEBAN KERJA;;\r\n{};;\r\nNO;NAMA JABATAN;UNIT KERJA;KEBUTUHAN\r\n1;Pengolah Data Kepegawaian;Subbagian Baru;2\r\n",
        agency.to_uppercase()
    );
    element(&root, "sheet-file").await;
    choose_file(&root, "sheet-file", &text_file(&csv, "abk.csv"));
    let counts = element(&root, "sheet-counts").await;
    assert_eq!(counts.get_attribute("data-new").as_deref(), Some("1"));
    assert!(find(&root, "sheet-blocking").is_none());
    let opd: web_sys::HtmlSelectElement = find(&root, "map-OPD").unwrap().unchecked_into();
    assert_eq!(
        opd.value(),
        format!("fixed:{agency}"),
        "every row: the title's OPD"
    );
    // Another agency for every row, and "import" pressed at once, before
    // the analysis of the new mapping lands: it imports what the new
    // mapping reads, so the position is the other agency's.
    set_input(
        &find(&root, "map-OPD").unwrap(),
        &format!("fixed:{other}"),
        "change",
    );
    let confirm: web_sys::HtmlButtonElement =
        find(&root, "sheet-confirm").unwrap().unchecked_into();
    assert!(!confirm.disabled(), "still the previous analysis's button");
    confirm.click();
    until_eq(
        "the new position",
        || state.workspace.with_untracked(|w| w.positions.len()),
        positions + 1,
    )
    .await;
    state.workspace.with_untracked(|w| {
        let p = w.positions.last().unwrap();
        let owner = w.agencies.iter().find(|a| a.id == p.agency).unwrap();
        assert_eq!(owner.name, other);
        assert_eq!(p.need, 2);
    });
    clear_storage();
}

#[wasm_bindgen_test]
async fn the_result_filters_keep_the_moves_the_core_view_keeps() {
    clear_storage();
    let state = AppState::new(small(300), today());
    state.page.set(Page::Hasil);
    let (root, _app) = mount(state);
    let moves = first_plan_moves(&root).await;
    until_eq("all moves", || pager_total(&root, "moves-pager"), moves).await;
    // What the core keeps for the first move's type and seat.
    let (all, kind, seat) = state.plan.with_untracked(|run| {
        let plan = run.as_ref().unwrap().result.as_ref().as_ref().unwrap();
        let all = state.workspace.with_untracked(|ws| view::moves(ws, plan));
        let (kind, seat) = (all[0].kind, all[0].to_seat);
        (all, kind, seat)
    });
    let kept = |f: &MoveFilter| all.iter().filter(|m| f.keeps(m)).count();
    let by_kind = MoveFilter {
        kind: Some(kind),
        ..MoveFilter::default()
    };
    /// The option value naming `x`: its place in `ALL`.
    fn index<T: PartialEq>(all: &[T], x: T) -> String {
        all.iter().position(|y| *y == x).unwrap().to_string()
    }
    set_input(
        &find(&root, "result-filter-type").unwrap(),
        &index(&PositionType::ALL, kind),
        "change",
    );
    until_eq(
        "rows of the type",
        || pager_total(&root, "moves-pager"),
        kept(&by_kind),
    )
    .await;
    assert!(kept(&by_kind) < moves, "the demo moves more than one type");
    let shown = all_pages(&root, "moves-result-table", "moves-pager", "data-nip").await;
    let expected: Vec<Option<String>> = state.workspace.with_untracked(|ws| {
        all.iter()
            .filter(|m| by_kind.keeps(m))
            .map(|m| Some(ws.asn[m.asn].nip.to_string()))
            .collect()
    });
    assert_eq!(shown, expected, "the rows of the type, in order");
    let both = MoveFilter {
        seat: Some(seat),
        ..by_kind
    };
    set_input(
        &find(&root, "result-filter-regency").unwrap(),
        &index(&Regency::ALL, seat),
        "change",
    );
    until_eq(
        "rows of the type and seat",
        || pager_total(&root, "moves-pager"),
        kept(&both),
    )
    .await;
    set_input(&find(&root, "result-filter-type").unwrap(), "", "change");
    set_input(&find(&root, "result-filter-regency").unwrap(), "", "change");
    until_eq("all again", || pager_total(&root, "moves-pager"), moves).await;
}

/// Fills a round form ("round-new", "round-edit") and saves it.
async fn fill_round(root: &web_sys::HtmlElement, form: &str, name: &str, date: &str) {
    set_input(&element(root, &format!("{form}-name")).await, name, "input");
    set_input(
        &find(root, &format!("{form}-date")).unwrap(),
        date,
        "change",
    );
    press(root, &format!("{form}-save")).await;
}

#[wasm_bindgen_test]
async fn a_blank_workspace_starts_its_round_and_names_its_scenarios() {
    clear_storage();
    let state = AppState::new(Workspace::empty("Kabupaten Bungo"), today());
    state.page.set(Page::Skenario);
    let (root, _app) = mount(state);
    // No round: the page says what to do and offers the form.
    element(&root, "first-round").await;
    assert!(find(&root, "round-bar").is_none());
    fill_round(&root, "round-new", "Mutasi April 2027", "2027-04-01").await;
    until_eq(
        "the round's name",
        || text(&root, "round-name"),
        "Mutasi April 2027".to_string(),
    )
    .await;
    assert_eq!(text(&root, "round-tmt"), "01/04/2027");
    assert!(find(&root, "first-round").is_none());
    element(&root, "scenario-s1").await;
    // A new scenario from the standard settings becomes the active one.
    press(&root, "scenario-new").await;
    until("the new scenario", || {
        find(&root, "scenario-s2")
            .is_some_and(|b| b.get_attribute("aria-pressed").as_deref() == Some("true"))
    })
    .await;
    until_eq(
        "the name field",
        || {
            find(&root, "scenario-name")
                .map(|e| e.unchecked_into::<web_sys::HtmlInputElement>().value())
                .unwrap_or_default()
        },
        "Skenario 2".to_string(),
    )
    .await;
    set_input(
        &find(&root, "scenario-name").unwrap(),
        "Dekat rumah",
        "input",
    );
    press(&root, "scenario-rename").await;
    until_eq(
        "the renamed chip",
        || text(&root, "scenario-s2"),
        "Dekat rumah".to_string(),
    )
    .await;
    // The round's name and TMT are edited in place.
    press(&root, "round-edit-open").await;
    fill_round(&root, "round-edit", "Mutasi Mei 2027", "2027-05-01").await;
    until_eq(
        "the edited round",
        || text(&root, "round-tmt"),
        "01/05/2027".to_string(),
    )
    .await;
    assert!(find(&root, "round-edit").is_none(), "the form closes");
    // Every step is an audited edit.
    let actions: Vec<String> = state
        .workspace
        .with_untracked(|w| w.audit.iter().map(|e| e.action.clone()).collect());
    assert_eq!(
        actions,
        ["round.new", "scenario.new", "scenario.rename", "round.set"]
    );
    state.workspace.with_untracked(|w| {
        let r = w.open_round().unwrap();
        assert_eq!(r.name, "Mutasi Mei 2027");
        assert_eq!(r.scenarios.len(), 2);
    });
    clear_storage();
}

#[wasm_bindgen_test]
async fn the_welcome_starts_an_empty_workspace_for_a_kabupaten_and_says_what_is_next() {
    clear_storage();
    let original = js_sys::Reflect::get(&window(), &"confirm".into()).unwrap();
    let yes = js_sys::Function::new_with_args("message", "return true");
    js_sys::Reflect::set(&window(), &"confirm".into(), &yes).unwrap();
    let state = AppState::new(small(60), today());
    let (root, app) = mount(state);
    // Over the demo: what the planner does, that it is a demo, two paths.
    let welcome = element(&root, "welcome").await;
    assert!(welcome.text_content().unwrap().contains("data demo"));
    assert!(
        find(&root, "next-step").is_none(),
        "the demo misses nothing"
    );
    press(&root, "welcome-new").await;
    let select: web_sys::HtmlSelectElement =
        element(&root, "welcome-government").await.unchecked_into();
    let options = root
        .query_selector_all("[data-testid=\"welcome-government\"] option")
        .unwrap();
    let bungo = (0..options.length())
        .find(|&i| {
            options
                .item(i)
                .and_then(|o| o.text_content())
                .is_some_and(|t| t.starts_with("Pemerintah Kabupaten Bungo"))
        })
        .expect("Kabupaten Bungo is offered");
    set_input(&select.unchecked_into(), &bungo.to_string(), "change");
    press(&root, "welcome-create").await;
    until("the empty workspace", || {
        state.workspace.with_untracked(|w| w.asn.is_empty())
    })
    .await;
    state.workspace.with_untracked(|w| {
        assert_eq!(
            w.government,
            mutasi_planner::core::model::Government::Regency(Regency::Bungo)
        );
        assert!(w.positions.is_empty() && w.rounds.is_empty() && w.agencies.is_empty());
        assert_eq!(w.audit.len(), 1);
        assert_eq!(w.audit[0].action, "workspace.new");
    });
    assert_eq!(state.page.get_untracked(), Page::Data);
    until("the welcome closed", || find(&root, "welcome").is_none()).await;
    // The next step: positions, on this page (no link to where one is).
    let next = element(&root, "next-step").await;
    assert_eq!(next.get_attribute("data-page").as_deref(), Some("data"));
    assert!(find(&root, "next-step-go").is_none());
    // Answered once: a later visit over the demo has no welcome.
    drop(app);
    let again = AppState::new(small(60), today());
    let (root, _app) = mount(again);
    element(&root, "nav-data").await;
    assert!(find(&root, "welcome").is_none());
    js_sys::Reflect::set(&window(), &"confirm".into(), &original).unwrap();
    clear_storage();
}

#[wasm_bindgen_test]
async fn the_english_ui_names_priorities_and_counts_in_english() {
    clear_storage();
    let state = AppState::new(small(300), today());
    state.lang.set(mutasi_planner::i18n::Lang::En);
    state.page.set(Page::Kebutuhan);
    let (root, _app) = mount(state);
    let first = element(&root, "openings-table").await;
    let options: Vec<String> = {
        let list = first
            .query_selector_all("tbody tr:first-child select option")
            .unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i).and_then(|o| o.text_content()))
            .collect()
    };
    assert_eq!(options, ["Low", "Medium", "High", "Urgent"]);
    state.lang.set(mutasi_planner::i18n::Lang::Id);
    until("Indonesian priorities", || {
        find(&root, "openings-table")
            .and_then(|t| {
                t.query_selector("tbody tr:first-child select option:last-child")
                    .ok()
                    .flatten()
            })
            .and_then(|o| o.text_content())
            .as_deref()
            == Some("Mendesak")
    })
    .await;
    clear_storage();
}

#[wasm_bindgen_test]
async fn a_socialisation_sheet_prints_only_when_chosen_and_warns_without_a_deadline() {
    clear_storage();
    // Record the dialogs and print calls instead of opening them.
    let (confirm, print) = (
        js_sys::Reflect::get(&window(), &"confirm".into()).unwrap(),
        js_sys::Reflect::get(&window(), &"print".into()).unwrap(),
    );
    let no = js_sys::Function::new_with_args(
        "message",
        "window.__asked = (window.__asked || []).concat([message]); return window.__answer === true;",
    );
    let printed = js_sys::Function::new_no_args("window.__printed = (window.__printed || 0) + 1;");
    js_sys::Reflect::set(&window(), &"confirm".into(), &no).unwrap();
    js_sys::Reflect::set(&window(), &"print".into(), &printed).unwrap();
    let asked = || {
        js_sys::Reflect::get(&window(), &"__asked".into())
            .ok()
            .filter(|v| !v.is_undefined())
            .map(|v| js_sys::Array::from(&v).length())
            .unwrap_or(0)
    };
    let prints = || {
        js_sys::Reflect::get(&window(), &"__printed".into())
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0) as u32
    };
    let state = AppState::new(small(300), today());
    state.page.set(Page::Hasil);
    let (root, _app) = mount(state);
    press(&root, "tab-social").await;
    // Nothing chosen: nothing to print, and the page says what to choose.
    let button: web_sys::HtmlButtonElement = element(&root, "social-print").await.unchecked_into();
    assert!(button.disabled());
    element(&root, "social-print-help").await;
    let agency = root
        .query_selector("[data-testid=\"social-agency\"] option:nth-child(2)")
        .unwrap()
        .unwrap()
        .get_attribute("value")
        .unwrap_or_default();
    set_input(&find(&root, "social-agency").unwrap(), &agency, "change");
    element(&root, "social-agency-sheet").await;
    // No deadline: asked first; "no" prints nothing.
    press(&root, "social-print").await;
    until_eq("the question", asked, 1).await;
    assert_eq!(prints(), 0);
    js_sys::Reflect::set(&window(), &"__answer".into(), &true.into()).unwrap();
    press(&root, "social-print").await;
    until_eq("the print", prints, 1).await;
    // With a deadline: printed without a question.
    set_input(
        &find(&root, "comment-deadline").unwrap(),
        "2026-12-15",
        "change",
    );
    until("the deadline stored", || {
        state
            .workspace
            .with_untracked(|ws| ws.open_round().unwrap().participation.deadline.is_some())
    })
    .await;
    press(&root, "social-print").await;
    until_eq("the second print", prints, 2).await;
    assert_eq!(asked(), 2);
    for key in ["__asked", "__printed", "__answer"] {
        js_sys::Reflect::delete_property(
            window().unchecked_ref::<js_sys::Object>(),
            &wasm_bindgen::JsValue::from_str(key),
        )
        .unwrap();
    }
    js_sys::Reflect::set(&window(), &"confirm".into(), &confirm).unwrap();
    js_sys::Reflect::set(&window(), &"print".into(), &print).unwrap();
    clear_storage();
}

#[wasm_bindgen_test]
async fn objection_files_become_the_asns_comments_and_bad_ones_are_listed() {
    use mutasi_planner::core::io::objection::{write_objection, ObjectionFile};
    use mutasi_planner::core::model::DecisionAction;
    clear_storage();
    let state = AppState::new(small(120), today());
    state.page.set(Page::Data);
    let (root, _app) = mount(state);
    let (round, a, b) = state.workspace.with_untracked(|ws| {
        (
            ws.open_round().unwrap().id.clone(),
            ws.asn[0].clone(),
            ws.asn[1].clone(),
        )
    });
    let at = "2026-12-05T09:00:00+07:00";
    let good = ObjectionFile::new(
        &round,
        a.nip.as_str(),
        &a.name,
        at,
        DecisionAction::Stay,
        "Masih dibutuhkan",
    );
    let other = ObjectionFile::new(
        &round,
        b.nip.as_str(),
        &b.name,
        at,
        DecisionAction::Stay,
        "Dekat keluarga",
    );
    let mut old_round = good.clone();
    old_round.round = "lama".into();
    let files = [
        text_file(&write_objection(&good), &good.file_name()),
        text_file(&write_objection(&other), &other.file_name()),
        text_file(&write_objection(&old_round), "lama.json"),
        text_file("bukan json", "catatan.json"),
    ];
    let comments = || {
        state
            .workspace
            .with_untracked(|ws| ws.open_round().unwrap().participation.comments.len())
    };
    let before = comments();
    element(&root, "objection-files").await;
    choose_files(&root, "objection-files", &files);
    let report = element(&root, "objections-report").await;
    assert_eq!(report.get_attribute("data-accepted").as_deref(), Some("2"));
    let rows = body_rows(&root, "objections-problems");
    assert_eq!(rows.len(), 2);
    let listed: Vec<String> = rows.iter().map(|r| r.text_content().unwrap()).collect();
    assert!(
        listed[0].starts_with("lama.json") && listed[0].contains("bukan putaran terbuka"),
        "{listed:?}"
    );
    assert!(
        listed[1].starts_with("catatan.json") && listed[1].contains("tidak terbaca"),
        "{listed:?}"
    );
    assert_eq!(
        comments(),
        before,
        "nothing recorded before the confirmation"
    );
    press(&root, "objections-confirm").await;
    until_eq("the comments", comments, before + 2).await;
    until("the report gone", || {
        find(&root, "objections-report").is_none()
    })
    .await;
    state.workspace.with_untracked(|ws| {
        let c = &ws.open_round().unwrap().participation.comments[before];
        assert_eq!(
            (c.asn.as_str(), c.text.as_str()),
            (a.nip.as_str(), "Masih dibutuhkan")
        );
    });
    assert!(text(&root, "notice").contains("Keberatan dicatat: 2"));
    press(&root, "undo").await;
    until_eq("the comments after undo", comments, before).await;
    clear_storage();
}

/// A bubbling event, as a browser sends it (Leptos listens at the root).
fn fire(el: &web_sys::HtmlElement, name: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    el.dispatch_event(&web_sys::Event::new_with_event_init_dict(name, &init).unwrap())
        .unwrap();
}

/// The texts of the summary's wishes, in order.
fn summary_wishes(root: &web_sys::HtmlElement) -> Vec<String> {
    let list = find(root, "card-summary-wishes").unwrap();
    let items = list.query_selector_all("li").unwrap();
    (0..items.length())
        .filter_map(|i| items.item(i))
        .map(|n| n.text_content().unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
async fn card_page_checks_the_nip_needs_reasons_reorders_and_summarises() {
    use mutasi_planner::core::io::preference_card::offer_of;
    use mutasi_planner::i18n::Lang;
    use mutasi_planner::ui::card::CardState;
    let ws = small(60);
    let offer = offer_of(&ws);
    assert!(!offer.positions.is_empty(), "the demo round has openings");
    let (root, _card) = mount_card(CardState::new(Lang::Id));
    // No offer: nothing to choose.
    element(&root, "card-no-offer").await;
    assert!(find(&root, "card-wishes").is_none());
    // The ASN opens the offer file BKD sent.
    choose_file(
        &root,
        "card-offer-file",
        &text_file(&serde_json::to_string(&offer).unwrap(), "formasi.json"),
    );
    let shown = element(&root, "card-offer").await;
    assert!(shown.text_content().unwrap().contains(&offer.round_name));
    // The NIP is checked as typed, in words.
    set_input(&element(&root, "card-nip").await, "12345", "input");
    until("the NIP's error", || {
        root.query_selector(".field-error")
            .unwrap()
            .is_some_and(|e| e.text_content().unwrap().contains("18"))
    })
    .await;
    set_input(
        &element(&root, "card-nip").await,
        ws.asn[0].nip.as_str(),
        "input",
    );
    set_input(&element(&root, "card-name").await, "Siti Aminah", "input");
    until("no field error", || {
        root.query_selector(".field-error").unwrap().is_none()
    })
    .await;
    // Wish 1: a position, with a reason; wish 2: a kabupaten, no reason yet.
    let position = offer.positions[0].id.0.clone();
    set_input(&element(&root, "wish-target-0").await, &position, "change");
    set_input(&element(&root, "wish-reason-0").await, "family", "change");
    press(&root, "card-add-wish").await;
    set_input(&element(&root, "wish-kind-1").await, "regency", "change");
    until("the kabupaten options", || {
        find(&root, "wish-target-1").is_some_and(|e| e.inner_html().contains("Kabupaten Kerinci"))
    })
    .await;
    set_input(&element(&root, "wish-target-1").await, "Kerinci", "change");
    press(&root, "card-download").await;
    until("the missing reason, by its number", || {
        text(&root, "card-form").contains("Pilih alasan untuk pilihan 2")
    })
    .await;
    assert!(
        find(&root, "card-summary").is_none(),
        "no summary while a reason is missing"
    );
    set_input(&element(&root, "wish-reason-1").await, "career", "change");
    // Drag wish 2 onto wish 1: the kabupaten comes first.
    fire(&element(&root, "wish-drag-1").await, "dragstart");
    fire(&element(&root, "wish-0").await, "dragover");
    fire(&element(&root, "wish-0").await, "drop");
    until("the kabupaten first", || {
        find(&root, "wish-target-0")
            .map(|e| e.unchecked_into::<web_sys::HtmlSelectElement>().value())
            .as_deref()
            == Some("Kerinci")
    })
    .await;
    press(&root, "card-download").await;
    element(&root, "card-summary").await;
    let lines = summary_wishes(&root);
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(
        lines[0].contains("Kabupaten Kerinci") && lines[0].contains("Karier"),
        "{lines:?}"
    );
    assert!(
        lines[1].contains(&offer.positions[0].name) && lines[1].contains("Keluarga"),
        "{lines:?}"
    );
    assert_eq!(
        text(&root, "card-file-name"),
        format!("preferensi-{}.json", ws.asn[0].nip.as_str())
    );
    // The buttons do the same as dragging: back to the first order.
    press(&root, "wish-down-0").await;
    until("the summary follows", || {
        summary_wishes(&root)
            .first()
            .is_some_and(|l| l.contains(&offer.positions[0].name))
    })
    .await;
}

#[wasm_bindgen_test]
async fn only_inputs_of_the_plan_recompute_it_and_a_weightless_scenario_is_refused() {
    clear_storage();
    let state = AppState::new(small(120), today());
    state.page.set(Page::Skenario);
    let (root, _app) = mount(state);
    element(&root, "weight-fit").await;
    let seq = || state.plan.with_untracked(|p| p.as_ref().unwrap().seq);
    let first = seq();
    // A round's contact text is no input of the plan: the same run.
    state
        .apply(mutasi_planner::core::edit::Edit::SetContact(
            "bkd@jambiprov.go.id".into(),
        ))
        .unwrap();
    assert_eq!(seq(), first);
    // A weight is.
    set_input(&find(&root, "weight-fit").unwrap(), "41", "input");
    until("a new plan", || seq() > first).await;
    // Every weight to 0: the last one refuses, says why, and stays.
    for id in [
        "weight-fit",
        "weight-preference",
        "weight-priority",
        "weight-distance",
        "weight-stability",
        "weight-refreshment",
    ] {
        set_input(&find(&root, id).unwrap(), "0", "input");
    }
    let weights = state
        .workspace
        .with_untracked(|ws| ws.open_round().unwrap().scenarios[0].weights.clone());
    assert!(!weights.is_zero());
    assert_eq!(weights.refreshment, 5, "the last weight above 0 stays");
    let notice = element(&root, "notice").await;
    assert!(
        notice
            .text_content()
            .unwrap()
            .contains("Setidaknya satu bobot tujuan harus lebih dari 0"),
        "{:?}",
        notice.text_content()
    );
    assert_eq!(
        find(&root, "weight-refreshment")
            .unwrap()
            .unchecked_into::<web_sys::HtmlInputElement>()
            .value(),
        "5"
    );
}

fn attr(root: &web_sys::HtmlElement, testid: &str, name: &str) -> Option<String> {
    find(root, testid).and_then(|e| e.get_attribute(name))
}

fn disabled(root: &web_sys::HtmlElement, testid: &str) -> bool {
    find(root, testid)
        .and_then(|e| e.dyn_into::<web_sys::HtmlButtonElement>().ok())
        .is_some_and(|b| b.disabled())
}

#[wasm_bindgen_test]
async fn an_encrypted_export_asks_twice_and_an_encrypted_import_asks_until_right() {
    use mutasi_planner::core::io::sealed::{self, KdfParams};
    clear_storage();
    mutasi_planner::ui::files::run_in_page(mutasi_planner::core::io::file_jobs::run);
    let state = AppState::new(small(120), today());
    state.page.set(Page::Data);
    let (root, _app) = mount(state);

    // Export: the dialog refuses a short passphrase and two that differ.
    press(&root, "export-sealed").await;
    let pass = element(&root, "seal-pass").await;
    let again = element(&root, "seal-pass-again").await;
    set_input(&pass, "jambi 2026", "input");
    // An autosave (the storage status changes its size) does not re-render
    // the page: the dialog and what was typed stay.
    state.storage.set(StorageStatus::Saved { chars: 1 });
    state.storage.set(StorageStatus::Saved { chars: 2 });
    let kept = find(&root, "seal-pass").expect("the dialog stays open after an autosave");
    assert_eq!(
        kept.unchecked_into::<web_sys::HtmlInputElement>().value(),
        "jambi 2026"
    );
    until_eq(
        "too short",
        || attr(&root, "seal-strength", "data-strength"),
        Some("TooShort".into()),
    )
    .await;
    assert!(disabled(&root, "seal-go"));
    set_input(&pass, "Password1234!", "input");
    until_eq(
        "weak",
        || attr(&root, "seal-strength", "data-strength"),
        Some("Weak".into()),
    )
    .await;
    set_input(&pass, "kopi jambi pagi hari sungai", "input");
    set_input(&again, "kopi jambi pagi hari sunga", "input");
    element(&root, "seal-mismatch").await;
    assert!(disabled(&root, "seal-go"));
    set_input(&again, "kopi jambi pagi hari sungai", "input");
    until("no mismatch", || find(&root, "seal-mismatch").is_none()).await;
    assert_eq!(
        attr(&root, "seal-strength", "data-strength").as_deref(),
        Some("Strong")
    );
    assert!(!disabled(&root, "seal-go"));
    press(&root, "seal-go").await;
    until("the file downloaded", || {
        find(&root, "notice").is_some_and(|n| {
            n.text_content()
                .unwrap_or_default()
                .contains("-terenkripsi.json")
        })
    })
    .await;
    assert!(find(&root, "seal-dialog").is_none(), "the dialog closes");

    // Import: a file of 100 people sealed with a passphrase.
    let incoming = small(100);
    let plain = plan_file::write(&incoming, "t");
    let cheap = KdfParams {
        memory_kib: 1024,
        iterations: 1,
        parallelism: 1,
    };
    let sealed_text = sealed::seal(
        plain.as_bytes(),
        "kopi jambi pagi hari",
        &[3; 16],
        &[4; 24],
        cheap,
    )
    .unwrap();
    choose_file(
        &root,
        "import-plan",
        &text_file(&sealed_text, "rahasia.json"),
    );
    let unlock = element(&root, "unlock-pass").await;
    assert!(text(&root, "unlock-dialog").contains("rahasia.json"));
    // A wrong passphrase: said, asked again, nothing read.
    set_input(&unlock, "kopi jambi pagi hari!", "input");
    press(&root, "unlock-go").await;
    element(&root, "unlock-error").await;
    assert!(text(&root, "unlock-error").contains("Frasa sandi salah"));
    assert!(find(&root, "import-preview").is_none());
    assert_eq!(state.workspace.with_untracked(|ws| ws.asn.len()), 120);
    // The right one: the usual preview, then confirm.
    set_input(&unlock, "kopi jambi pagi hari", "input");
    press(&root, "unlock-go").await;
    element(&root, "import-preview").await;
    assert!(find(&root, "unlock-dialog").is_none());
    assert_eq!(text(&root, "preview-asn"), "100");
    assert_eq!(state.workspace.with_untracked(|ws| ws.asn.len()), 120);
    press(&root, "import-confirm").await;
    until_eq("the ASN count", || text(&root, "asn-count"), "100".into()).await;

    // A file changed after sealing: refused whole, nothing changes.
    let at = sealed_text.find("\"ciphertext\":\"").unwrap() + 20;
    let mut changed = sealed_text.into_bytes();
    changed[at] = if changed[at] == b'A' { b'B' } else { b'A' };
    let changed = String::from_utf8(changed).unwrap();
    choose_file(&root, "import-plan", &text_file(&changed, "diubah.json"));
    let unlock = element(&root, "unlock-pass").await;
    set_input(&unlock, "kopi jambi pagi hari", "input");
    press(&root, "unlock-go").await;
    element(&root, "import-errors").await;
    let errors = text(&root, "import-errors");
    assert!(
        errors.contains("diubah.json") && errors.contains("telah diubah"),
        "{errors}"
    );
    assert!(find(&root, "unlock-dialog").is_none());
    assert!(find(&root, "import-preview").is_none());
    assert_eq!(state.workspace.with_untracked(|ws| ws.asn.len()), 100);
}

#[wasm_bindgen_test]
async fn wiping_removes_every_stored_entry_and_another_tabs_wipe_is_obeyed() {
    use mutasi_planner::ui::pages::wipe;
    clear_storage();
    let session = window().session_storage().unwrap().unwrap();
    session.clear().unwrap();
    let store = window().local_storage().unwrap().unwrap();
    store.set_item(storage::LANG_KEY, "id").unwrap();
    store.set_item(storage::MAPPINGS_KEY, "{}").unwrap();
    store
        .set_item(&format!("{}x.json", storage::OFFER_COPY_PREFIX), "[]")
        .unwrap();
    session.set_item("mutasi-kartu.draft", "x").unwrap();
    let state = AppState::new(small(40), today());
    let (root, app) = mount(state);
    until("the first save", || stored().is_some()).await;
    state.apply(Edit::SetContact("Rahasia BKD".into())).unwrap();

    let report = wipe::wipe_now(state);
    let keys: Vec<&str> = report.removed.iter().map(|r| r.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "mutasi-kartu.draft",
            "mutasi-kartu.formasi.x.json",
            storage::LANG_KEY,
            storage::MAPPINGS_KEY,
            storage::WORKSPACE_KEY,
        ]
    );
    assert!(report.removed[4].chars > 1000, "{:?}", report.removed[4]);
    assert_eq!(report.undo_steps, 1);
    assert_eq!(store.length().unwrap(), 0);
    assert_eq!(state.storage.get_untracked(), StorageStatus::Wiped);
    assert_eq!(state.workspace.with_untracked(|ws| ws.asn.len()), 1_500);
    assert!(state.history.with_untracked(|h| h.undo.is_empty()));
    element(&root, "wiped-banner").await;
    // Nothing is stored again: not after the debounce, not on unmount.
    state.apply(Edit::SetContact("Lagi".into())).unwrap();
    pause(mutasi_planner::ui::AUTOSAVE_DELAY.as_millis() as i32 + 300).await;
    drop(app);
    assert_eq!(store.length().unwrap(), 0);

    // The reloaded page says what was removed, once.
    let state = boot();
    let (root, app) = mount(state);
    let shown = text(&root, "wipe-report");
    assert!(
        shown.contains("ruang kerja tersimpan")
            && shown.contains("pemetaan kolom")
            && shown.contains("salinan formasi"),
        "{shown}"
    );
    assert!(storage::take_wipe_report().is_none(), "shown once");
    drop(app);

    // Another tab wiped (a storage event without a key): this tab drops
    // its data and stores nothing more.
    clear_storage();
    let state = AppState::new(small(40), today());
    let (root, _app) = mount(state);
    until("the first save", || stored().is_some()).await;
    let event = web_sys::StorageEvent::new("storage").unwrap();
    window().dispatch_event(&event).unwrap();
    element(&root, "wiped-banner").await;
    assert_eq!(state.storage.get_untracked(), StorageStatus::Wiped);
    assert_eq!(state.workspace.with_untracked(|ws| ws.asn.len()), 1_500);
    clear_storage();
    state.apply(Edit::SetContact("Tab lain".into())).unwrap();
    pause(mutasi_planner::ui::AUTOSAVE_DELAY.as_millis() as i32 + 300).await;
    assert_eq!(stored(), None);
}

#[wasm_bindgen_test]
async fn a_locked_storage_hides_everything_until_its_passphrase_is_given() {
    clear_storage();
    mutasi_planner::ui::files::run_in_page(mutasi_planner::core::io::file_jobs::run);
    let ws = small(40);
    let nip = ws.asn[0].nip.to_string();
    let state = AppState::new(ws, today());
    state.page.set(Page::Data);
    let (root, app) = mount(state);
    until("the first save", || stored().is_some()).await;

    // Lock: the passphrase twice, at least 12 characters.
    press(&root, "lock-storage").await;
    set_input(&element(&root, "lock-pass").await, "pendek", "input");
    assert!(disabled(&root, "lock-go"));
    set_input(
        &element(&root, "lock-pass").await,
        "kopi jambi pagi hari",
        "input",
    );
    set_input(
        &element(&root, "lock-pass-again").await,
        "kopi jambi pagi hari",
        "input",
    );
    until("ready", || !disabled(&root, "lock-go")).await;
    press(&root, "lock-go").await;
    element(&root, "storage-locked").await;
    let locked = stored().unwrap();
    assert!(storage_codec::locked_data(&locked).is_some());
    assert!(!locked.contains(&nip));
    // Every save after is sealed too.
    state.apply(Edit::SetContact("Rahasia".into())).unwrap();
    until("the next save", || stored().is_some_and(|s| s != locked)).await;
    let saved = stored().unwrap();
    assert!(storage_codec::locked_data(&saved).is_some());
    drop(app);

    // Reopened: only the passphrase, and nothing is written meanwhile.
    let state = boot();
    assert_eq!(state.storage.get_untracked(), StorageStatus::Locked);
    let (root, _app) = mount(state);
    let pass = element(&root, "unlock-storage-pass").await;
    assert!(
        find(&root, "export-plan").is_none(),
        "no page behind the lock"
    );
    set_input(&pass, "kopi jambi pagi har", "input");
    press(&root, "unlock-storage-go").await;
    element(&root, "unlock-storage-error").await;
    assert_eq!(stored().as_deref(), Some(saved.as_str()));
    set_input(&pass, "kopi jambi pagi hari", "input");
    press(&root, "unlock-storage-go").await;
    until_eq("the workspace", || text(&root, "asn-count"), "40".into()).await;
    assert!(state.seal.with_untracked(Option::is_some));
    assert!(matches!(
        state.storage.get_untracked(),
        StorageStatus::Saved { .. }
    ));

    // Remove the lock: stored in the open again.
    press(&root, "nav-data").await;
    let original = js_sys::Reflect::get(&window(), &"confirm".into()).unwrap();
    let yes = js_sys::Function::new_no_args("return true;");
    js_sys::Reflect::set(&window(), &"confirm".into(), &yes).unwrap();
    press(&root, "remove-lock").await;
    js_sys::Reflect::set(&window(), &"confirm".into(), &original).unwrap();
    until("stored open", || {
        stored().is_some_and(|s| storage_codec::locked_data(&s).is_none())
    })
    .await;
    let open = storage_codec::decode(&stored().unwrap()).unwrap();
    assert_eq!(open.workspace.asn.len(), 40);

    // Another tab locks it: this tab stops writing in the open and asks.
    use mutasi_planner::core::io::sealed::{self, KdfParams};
    let cheap = KdfParams {
        memory_kib: 64,
        iterations: 1,
        parallelism: 1,
    };
    let key = sealed::new_key("frasa sandi tab lain", &[8; 16], cheap).unwrap();
    let there = storage_codec::encode_locked(&open.workspace, "t", &key, &[9; 24]).unwrap();
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some(storage::WORKSPACE_KEY));
    init.set_new_value(Some(&there.text));
    let event = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
    window().dispatch_event(&event).unwrap();
    element(&root, "unlock-storage").await;
    assert_eq!(state.storage.get_untracked(), StorageStatus::Locked);
}

/// The served app plans in the engine worker (issue 22). Where the worker
/// cannot load (this test page has no built worker: its script is missing),
/// nothing is lost: the page plans in its own thread from then on, the plan
/// it shows is the engine's, and it follows the next edit.
#[wasm_bindgen_test]
async fn without_a_loadable_engine_worker_the_page_plans_itself() {
    use mutasi_planner::core::engine::model::RoundInput;
    clear_storage();
    let ws = small(240);
    // Made inside the mounted view, as `boot` is in the app: the state
    // starts an effect, which needs the mount's task executor.
    let made = std::rc::Rc::new(std::cell::Cell::new(None));
    let (root, _app) = mount_view({
        let (made, ws) = (made.clone(), ws.clone());
        move || {
            let state = AppState::with_worker(ws, today());
            made.set(Some(state));
            view! { <Shell state=state /> }
        }
    });
    let state = made.get().expect("the state was made");
    let fresh = |ws: &mutasi_planner::core::model::Workspace| {
        let round = ws.open_round().unwrap();
        engine::plan(&RoundInput {
            ws,
            round,
            scenario: &round.scenarios[0],
        })
        .unwrap()
        .slot_of_row
    };
    let planned = || {
        state.plan.with_untracked(|run| {
            run.as_ref()
                .filter(|r| r.worker.is_none())
                .and_then(|r| r.result.as_ref().as_ref().ok())
                .map(|p| p.slot_of_row.clone())
        })
    };
    until("a plan made in the page", || {
        planned().is_some() && !state.computing.get_untracked()
    })
    .await;
    assert_eq!(planned(), Some(fresh(&ws)));
    let app = root.query_selector(".app").unwrap().unwrap();
    until_eq(
        "the app's plan state",
        || app.get_attribute("data-plan"),
        Some("ready".into()),
    )
    .await;
    // An edit the plan reads: a weight.
    state.workspace.update(|ws| {
        ws.open_round_mut().unwrap().scenarios[0].weights.stability = 90;
    });
    let edited = state.workspace.get_untracked();
    assert_ne!(fresh(&edited), fresh(&ws), "the edit changes the plan");
    until_eq(
        "the plan of the edited round",
        planned,
        Some(fresh(&edited)),
    )
    .await;
}

#[wasm_bindgen_test]
async fn correcting_a_positions_type_in_jabatan_re_plans() {
    clear_storage();
    let state = AppState::new(small(300), today());
    state.page.set(Page::Jabatan);
    let (root, _app) = mount(state);
    // A pelaksana post the plan fills by a move, and who moves there.
    let target = || -> Option<(String, String)> {
        state.plan.with_untracked(|run| {
            let plan = run.as_ref()?.result.as_ref().as_ref().ok()?;
            state.workspace.with_untracked(|ws| {
                (0..plan.row_count()).find_map(|row| {
                    let p = plan.destination(row)?;
                    (plan.moved(row) && ws.positions[p].kind == PositionType::Pelaksana).then(
                        || {
                            (
                                ws.positions[p].id.0.clone(),
                                ws.asn[plan.person(row)].nip.as_str().to_string(),
                            )
                        },
                    )
                })
            })
        })
    };
    until("a plan with a pelaksana move", || target().is_some()).await;
    let (position, nip) = target().unwrap();
    let seq = || {
        state
            .plan
            .with_untracked(|p| p.as_ref().map_or(0, |p| p.seq))
    };
    let first = seq();
    set_input(&element(&root, "position-search").await, &position, "input");
    until("the position first", || {
        body_rows(&root, "position-table")
            .first()
            .and_then(|r| r.get_attribute("data-position"))
            .as_deref()
            == Some(position.as_str())
    })
    .await;
    open_row(&body_rows(&root, "position-table")[0]);
    // It is an administrator post: corrected, with a need of one.
    set_input(
        &element(&root, "edit-position-kind").await,
        "Administrator",
        "change",
    );
    set_input(&element(&root, "edit-position-need").await, "1", "input");
    press(&root, "edit-position-save").await;
    until("the corrected type", || {
        state.workspace.with_untracked(|ws| {
            ws.positions
                .iter()
                .any(|p| p.id.0 == position && p.kind == PositionType::Administrator && p.need == 1)
        })
    })
    .await;
    // The plan is made again, and the pelaksana no longer goes there.
    until("a new plan", || seq() > first).await;
    let now = state.plan.with_untracked(|run| {
        let plan = run.as_ref()?.result.as_ref().as_ref().ok()?;
        state.workspace.with_untracked(|ws| {
            let row = plan
                .model
                .rows
                .iter()
                .position(|r| ws.asn[r.asn].nip.as_str() == nip)?;
            plan.destination(row).map(|p| ws.positions[p].id.0.clone())
        })
    });
    assert_ne!(now.as_deref(), Some(position.as_str()));
    // The correction is one undo step away.
    let undo = element(&root, "undo").await;
    let label = state
        .history
        .with_untracked(|h| h.undo.last().map(|u| u.1.clone()))
        .unwrap_or_default();
    assert!(label.contains(&position), "{label:?}");
    until("the undo button names it", || {
        undo.get_attribute("title")
            .is_some_and(|t| t.contains(&position))
    })
    .await;
}

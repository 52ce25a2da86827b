//! The ASN's card page (`kartu.html`): a small app of its own, so a phone on
//! mobile data downloads only the card, never the analyst's planner or its
//! spreadsheet worker. Natively there is nothing to run.

#[cfg(target_arch = "wasm32")]
fn main() {
    use mutasi_planner::ui::{browser, card, storage};
    console_error_panic_hook::set_once();
    let state = card::CardState::new(storage::load_lang());
    leptos::mount::mount_to_body(move || leptos::view! { <card::CardApp state=state /> });
    // Its own offline cache, scoped to the card page: only the card's files.
    browser::register_service_worker("./kartu-sw.js", Some("./kartu"));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The card page runs in the browser: see README.md (kartu.html).");
}

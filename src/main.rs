//! Mounts the app (in the browser); natively there is nothing to run.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(mutasi_planner::ui::App);
    mutasi_planner::ui::browser::register_service_worker("./sw.js", None);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Mutasi Planner runs in the browser: see README.md (trunk serve).");
}

//! The engine worker (see `mutasi_planner::engine_worker`): trunk builds it
//! as a web worker beside the app; natively there is nothing to run.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    mutasi_planner::engine_worker::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("engine-worker runs as a web worker in the browser: see README.md.");
}

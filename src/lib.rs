//! Mutasi Planner: a planner for civil-servant transfer programs (program
//! mutasi ASN) of the Province of Jambi, running entirely in the browser.
//!
//! - [`core`]: the pure domain (model, rules, demo data, file formats); no
//!   browser imports, tested natively.
//! - [`i18n`]: the string table (Bahasa Indonesia and English).
//! - [`messages`]: the words of the core's typed errors and findings.
//! - `ui` (wasm only): Leptos components over the core.
//! - `worker` (wasm only): the web worker that reads and writes spreadsheets.
//! - `engine_worker` (wasm only): the web worker that plans rounds.

pub mod core;
#[cfg(target_arch = "wasm32")]
pub mod engine_worker;
pub mod i18n;
pub mod messages;
#[cfg(target_arch = "wasm32")]
pub mod ui;
#[cfg(target_arch = "wasm32")]
pub mod worker;

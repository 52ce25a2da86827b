//! File formats: the versioned JSON plan file and the compact encoding used
//! for the browser's local storage.

pub mod file_jobs;
pub mod plan_file;
pub mod preference_card;
pub mod pseudonym;
pub mod sheet;
pub mod sheet_export;
pub mod storage_codec;
pub mod table_import;
pub mod values;

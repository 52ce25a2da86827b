//! Everything that goes in or out of the app as a file or a stored string.
//!
//! - Plan files: [`plan_file`] (the versioned JSON workspace, with preview
//!   and verification), [`plan_parts`] (a file read in the worker, handed
//!   to the page in pieces), [`pseudonym`] (the copy for workshops) and
//!   [`storage_codec`] (the compact form kept in local storage).
//! - Spreadsheets in: [`sheet`] (CSV and XLSX into one grid of cells),
//!   [`values`] (one cell as a date, NIP, golongan ...) and
//!   [`table_import`] (rosters, positions and performance records: mapping,
//!   rows, apply), [`agency_names`] (OPD names reconciled).
//! - Spreadsheets out: [`sheet_export`] (the decree attachment, templates).
//! - [`preference_card`]: the ASN's small wish file and the offer it reads.
//! - [`sealed`]: plan files encrypted with a passphrase, for email.
//! - [`file_jobs`]: the heavy reading and writing as self-contained jobs for
//!   the web worker.
//!
//! Problems are typed and carry where (file, row, column); their words are
//! in `crate::messages`.

pub mod agency_names;
pub mod file_jobs;
pub mod objection;
pub mod plan_file;
pub mod plan_parts;
pub mod preference_card;
pub mod pseudonym;
pub mod sealed;
pub mod sheet;
pub mod sheet_export;
pub mod storage_codec;
pub mod table_import;
pub mod values;

pub use crate::core::text::{clip, MAX_MESSAGE_CHARS};

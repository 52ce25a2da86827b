//! How a workspace is kept in the browser's local storage.
//!
//! Local storage holds strings, about 5 million characters per site. A
//! 20,000-ASN workspace is far larger as JSON, so the stored text is the
//! compact plan file, DEFLATE-compressed (miniz_oxide) and base64-encoded,
//! inside a small JSON envelope that names the encoding and schema version:
//!
//! ```json
//! {"schema_version":1,"encoding":"deflate+base64","data":"..."}
//! ```
//!
//! Decoding reuses [`super::plan_file::read_fast`], so stored workspaces go
//! through the same version checks and validation as imported files.

use super::plan_file::{self, ImportError, ImportedPlan};
use crate::core::model::Workspace;
use base64::Engine;
use serde::{Deserialize, Serialize};

/// The encoding this build writes.
pub const ENCODING: &str = "deflate+base64";

#[derive(Serialize, Deserialize)]
struct Stored {
    schema_version: u64,
    encoding: String,
    data: String,
}

/// Why stored text could not be read back.
#[derive(Clone, Debug, PartialEq)]
pub enum StorageError {
    /// The envelope is not what this build writes (corrupted, or another app).
    Envelope(String),
    /// The compressed data is damaged.
    Data(String),
    /// The plan inside could not be read.
    Plan(ImportError),
    /// Written by a newer version of the planner (the envelope's version).
    TooNew { found: u64, supported: u32 },
}

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StorageError::Envelope(why) => write!(f, "the stored entry is not readable: {why}"),
            StorageError::Data(why) => write!(f, "the stored data is damaged: {why}"),
            StorageError::Plan(e) => write!(f, "the stored workspace is not valid: {e}"),
            StorageError::TooNew { found, supported } => write!(
                f,
                "the stored entry has schema version {found}, this planner reads up to {supported}: open it with a newer version"
            ),
        }
    }
}

impl std::error::Error for StorageError {}

/// Encodes a workspace for storage.
pub fn encode(workspace: &Workspace, saved_at: &str) -> String {
    let json = plan_file::write_compact(workspace, saved_at);
    let compressed = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 6);
    let stored = Stored {
        schema_version: plan_file::SCHEMA_VERSION.into(),
        encoding: ENCODING.to_string(),
        data: base64::engine::general_purpose::STANDARD.encode(compressed),
    };
    serde_json::to_string(&stored).unwrap_or_default()
}

/// The plan-file JSON inside stored text, without validating it (for a
/// download of what was stored when it no longer loads).
pub fn unpack(text: &str) -> Result<String, StorageError> {
    let stored: Stored = serde_json::from_str(text)
        .map_err(|e| StorageError::Envelope(super::clip(e.to_string())))?;
    if stored.schema_version > u64::from(plan_file::SCHEMA_VERSION) {
        return Err(StorageError::TooNew {
            found: stored.schema_version,
            supported: plan_file::SCHEMA_VERSION,
        });
    }
    if stored.encoding != ENCODING {
        return Err(StorageError::Envelope(format!(
            "unknown encoding \"{}\"",
            super::clip(stored.encoding)
        )));
    }
    let compressed = base64::engine::general_purpose::STANDARD
        .decode(stored.data.as_bytes())
        .map_err(|e| StorageError::Data(e.to_string()))?;
    // The error's Display names the failure only; its Debug form would
    // carry every byte inflated before it (the workspace itself).
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&compressed, 512 << 20)
        .map_err(|e| StorageError::Data(e.to_string()))?;
    String::from_utf8(json).map_err(|e| StorageError::Data(e.to_string()))
}

/// Decodes stored text back into a workspace.
pub fn decode(text: &str) -> Result<ImportedPlan, StorageError> {
    let json = unpack(text)?;
    plan_file::read_fast(&json).map_err(StorageError::Plan)
}

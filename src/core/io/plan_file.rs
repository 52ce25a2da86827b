//! The plan file: one JSON document holding a whole workspace, sent by email
//! and imported on another device.
//!
//! ```json
//! {
//!   "format": "mutasi-planner-plan",
//!   "schema_version": 2,
//!   "app_version": "0.1.0",
//!   "created_at": "2026-11-28T09:15:00Z",
//!   "workspace": { ... }
//! }
//! ```
//!
//! `workspace` is [`Workspace`] as serde writes it: the documented types of
//! [`crate::core::model`] are the format's reference (README.md, "Plan
//! file", summarises it). Reading a file goes: JSON syntax → envelope →
//! migration of older schema versions, one version at a time → typed
//! decoding (errors carry the JSON path) → [`Workspace::validate`]. Any error
//! stops the import before anything is replaced.

use crate::core::model::{Finding, Severity, Workspace};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeSet;
use std::fmt;

/// The value of the `format` field.
pub const FORMAT: &str = "mutasi-planner-plan";

/// The schema version this build writes.
///
/// - 1: the foundation's workspace (organisation, people, rounds with
///   scenarios and decisions, audit log, moves).
/// - 2: adds each round's recorded plans (`results`), follow-ups and the
///   evaluation settings. A version-1 reader would silently drop them, so
///   the version says that it must not read these files.
pub const SCHEMA_VERSION: u32 = 2;

/// The oldest schema version this build can read.
pub const OLDEST_READABLE_VERSION: u32 = 1;

/// The version of the app, written into every file.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The envelope around a workspace.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanFile {
    pub format: String,
    pub schema_version: u32,
    pub app_version: String,
    /// ISO 8601 timestamp of the export.
    pub created_at: String,
    pub workspace: Workspace,
}

/// Why a file could not be imported. Every variant says where.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportError {
    /// Not JSON at all: the line and column of the syntax error.
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    /// JSON, but not a plan file (no or wrong `format`).
    NotAPlanFile(String),
    /// Written by a newer version of the planner.
    TooNew { found: u32, supported: u32 },
    /// An older version this build cannot migrate.
    TooOld { found: u32, oldest: u32 },
    /// A value of the wrong shape, at a JSON path.
    Shape { path: String, message: String },
    /// The content does not hold together (duplicate NIPs, unknown references ...).
    Invalid(Vec<Finding>),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Syntax { line, column, message } => {
                write!(f, "not valid JSON at line {line}, column {column}: {message}")
            }
            ImportError::NotAPlanFile(why) => write!(f, "not a Mutasi Planner plan file: {why}"),
            ImportError::TooNew { found, supported } => write!(
                f,
                "the file has schema version {found}, this planner reads up to {supported}: open it with a newer version"
            ),
            ImportError::TooOld { found, oldest } => {
                write!(f, "the file has schema version {found}; the oldest this planner reads is {oldest}")
            }
            ImportError::Shape { path, message } if path.is_empty() => f.write_str(message),
            ImportError::Shape { path, message } => write!(f, "{path}: {message}"),
            ImportError::Invalid(findings) => {
                write!(f, "{} error(s); first: ", findings.len())?;
                match findings.first() {
                    Some(first) => write!(f, "{first}"),
                    None => Ok(()),
                }
            }
        }
    }
}

impl std::error::Error for ImportError {}

/// A file that was read and validated, not yet applied.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportedPlan {
    pub workspace: Workspace,
    /// The schema version in the file (before migration).
    pub file_version: u32,
    pub app_version: String,
    pub created_at: String,
    /// Findings that do not stop the import.
    pub warnings: Vec<Finding>,
}

/// Writes the workspace as a plan file (pretty JSON).
pub fn write(workspace: &Workspace, created_at: &str) -> String {
    let file = PlanFileRef {
        format: FORMAT,
        schema_version: SCHEMA_VERSION,
        app_version: APP_VERSION,
        created_at,
        workspace,
    };
    serde_json::to_string_pretty(&file).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// Writes the plan file without indentation (for storage).
pub fn write_compact(workspace: &Workspace, created_at: &str) -> String {
    let file = PlanFileRef {
        format: FORMAT,
        schema_version: SCHEMA_VERSION,
        app_version: APP_VERSION,
        created_at,
        workspace,
    };
    serde_json::to_string(&file).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

#[derive(Serialize)]
struct PlanFileRef<'a> {
    format: &'a str,
    schema_version: u32,
    app_version: &'a str,
    created_at: &'a str,
    workspace: &'a Workspace,
}

/// Reads, migrates and validates a plan file; a value of the wrong shape is
/// reported with its JSON path (`workspace.asn[12].nip`).
pub fn read(text: &str) -> Result<ImportedPlan, ImportError> {
    read_with(text, |value| {
        serde_path_to_error::deserialize(value).map_err(|e| ImportError::Shape {
            path: e.path().to_string(),
            message: e.inner().to_string(),
        })
    })
}

/// [`read`] without the JSON path of a shape error (`path` is empty): the
/// same checks and result, with less code. The page uses it (its wasm then
/// has no path-tracking deserialiser) and asks the file worker for the path
/// only when a file fails.
pub fn read_fast(text: &str) -> Result<ImportedPlan, ImportError> {
    read_with(text, |value| {
        serde_json::from_value(value).map_err(|e| ImportError::Shape {
            path: String::new(),
            message: e.to_string(),
        })
    })
}

fn read_with(
    text: &str,
    decode: impl FnOnce(Value) -> Result<PlanFile, ImportError>,
) -> Result<ImportedPlan, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut value: Value = serde_json::from_str(text).map_err(|e| ImportError::Syntax {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    let envelope = value
        .as_object()
        .ok_or_else(|| ImportError::NotAPlanFile("the top level is not a JSON object".into()))?;
    match envelope.get("format").and_then(Value::as_str) {
        Some(FORMAT) => {}
        Some(other) => {
            return Err(ImportError::NotAPlanFile(format!(
                "format is \"{other}\", expected \"{FORMAT}\""
            )))
        }
        None => return Err(ImportError::NotAPlanFile("no \"format\" field".into())),
    }
    let found = envelope
        .get("schema_version")
        .and_then(Value::as_u64)
        .ok_or_else(|| ImportError::Shape {
            path: "schema_version".into(),
            message: "missing or not a whole number".into(),
        })?;
    let found = u32::try_from(found).unwrap_or(u32::MAX);
    if found > SCHEMA_VERSION {
        return Err(ImportError::TooNew {
            found,
            supported: SCHEMA_VERSION,
        });
    }
    if found < OLDEST_READABLE_VERSION {
        return Err(ImportError::TooOld {
            found,
            oldest: OLDEST_READABLE_VERSION,
        });
    }
    for version in found..SCHEMA_VERSION {
        value = migrate_one(value, version)?;
    }
    let file = decode(value)?;
    let (errors, warnings): (Vec<Finding>, Vec<Finding>) = file
        .workspace
        .validate()
        .into_iter()
        .partition(|f| f.severity == Severity::Error);
    if !errors.is_empty() {
        return Err(ImportError::Invalid(errors));
    }
    Ok(ImportedPlan {
        workspace: file.workspace,
        file_version: found,
        app_version: file.app_version,
        created_at: file.created_at,
        warnings,
    })
}

/// Migrates a file of schema `from` to `from + 1`. The arms run in
/// sequence, so a file of any readable version reaches the current one; each
/// schema change adds an arm and a test with a file of the old version.
fn migrate_one(mut value: Value, from: u32) -> Result<Value, ImportError> {
    match from {
        1 => {
            // 1 → 2: recorded plans, follow-ups and evaluation settings
            // appear, empty and at their defaults.
            let workspace = value
                .get_mut("workspace")
                .and_then(Value::as_object_mut)
                .ok_or_else(|| ImportError::Shape {
                    path: "workspace".into(),
                    message: "missing or not an object".into(),
                })?;
            workspace
                .entry("follow_ups")
                .or_insert_with(|| Value::Array(Vec::new()));
            workspace.entry("evaluation").or_insert_with(|| {
                serde_json::to_value(crate::core::model::EvaluationSettings::default())
                    .unwrap_or(Value::Null)
            });
            if let Some(rounds) = workspace.get_mut("rounds").and_then(Value::as_array_mut) {
                for round in rounds.iter_mut().filter_map(Value::as_object_mut) {
                    round
                        .entry("results")
                        .or_insert_with(|| Value::Array(Vec::new()));
                }
            }
            if let Some(envelope) = value.as_object_mut() {
                envelope.insert("schema_version".into(), Value::from(2));
            }
            Ok(value)
        }
        _ => Err(ImportError::TooOld {
            found: from,
            oldest: OLDEST_READABLE_VERSION,
        }),
    }
}

/// Counts of what a workspace holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub agencies: usize,
    pub positions: usize,
    pub asn: usize,
    pub rounds: usize,
    pub moves: usize,
}

impl Counts {
    /// Counts the parts of a workspace.
    pub fn of(ws: &Workspace) -> Counts {
        Counts {
            agencies: ws.agencies.len(),
            positions: ws.positions.len(),
            asn: ws.asn.len(),
            rounds: ws.rounds.len(),
            moves: ws.moves.len(),
        }
    }
}

/// What replacing one collection with another would add, remove and change.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CollectionChange {
    pub added: usize,
    pub removed: usize,
    pub changed: usize,
    pub unchanged: usize,
}

impl CollectionChange {
    fn between<'a, K: Ord, T: PartialEq + 'a>(
        current: impl IntoIterator<Item = (K, &'a T)>,
        incoming: impl IntoIterator<Item = (K, &'a T)>,
    ) -> Self {
        let current = crate::core::sort::map_from(current);
        let incoming = crate::core::sort::map_from(incoming);
        let mut change = CollectionChange::default();
        for (key, item) in &incoming {
            match current.get(key) {
                None => change.added += 1,
                Some(old) if old != item => change.changed += 1,
                Some(_) => change.unchanged += 1,
            }
        }
        change.removed = current.keys().filter(|k| !incoming.contains_key(k)).count();
        change
    }

    /// Whether anything differs.
    pub fn is_empty(&self) -> bool {
        self.added == 0 && self.removed == 0 && self.changed == 0
    }
}

/// The preview of an import: what the file holds and what would change.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportPreview {
    pub incoming: Counts,
    pub current: Counts,
    pub agencies: CollectionChange,
    pub positions: CollectionChange,
    pub asn: CollectionChange,
    pub rounds: CollectionChange,
    /// Names of the ASN that would be removed (at most 20, sorted by NIP).
    pub removed_asn: Vec<String>,
}

/// Compares the current workspace with an incoming one.
pub fn preview(current: &Workspace, incoming: &Workspace) -> ImportPreview {
    let incoming_nips: BTreeSet<&str> =
        crate::core::sort::set_from(incoming.asn.iter().map(|a| a.nip.as_str()));
    let mut removed: Vec<&crate::core::model::Asn> = current
        .asn
        .iter()
        .filter(|a| !incoming_nips.contains(a.nip.as_str()))
        .collect();
    crate::core::sort::sort_by(&mut removed, |a, b| a.nip.cmp(&b.nip));
    ImportPreview {
        incoming: Counts::of(incoming),
        current: Counts::of(current),
        agencies: CollectionChange::between(
            current.agencies.iter().map(|a| (&a.id, a)),
            incoming.agencies.iter().map(|a| (&a.id, a)),
        ),
        positions: CollectionChange::between(
            current.positions.iter().map(|p| (&p.id, p)),
            incoming.positions.iter().map(|p| (&p.id, p)),
        ),
        asn: CollectionChange::between(
            current.asn.iter().map(|a| (&a.nip, a)),
            incoming.asn.iter().map(|a| (&a.nip, a)),
        ),
        rounds: CollectionChange::between(
            current.rounds.iter().map(|r| (&r.id, r)),
            incoming.rounds.iter().map(|r| (&r.id, r)),
        ),
        removed_asn: removed
            .iter()
            .take(20)
            .map(|a| format!("{} ({})", a.name, a.nip))
            .collect(),
    }
}

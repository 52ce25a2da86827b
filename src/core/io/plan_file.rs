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
//! file", summarises it). Reading a file goes: JSON syntax and envelope
//! (`format`, `schema_version`, the rest skipped) → typed decoding of the
//! text (errors carry the JSON path; older schema versions decode through
//! serde defaults, see [`read`]) → [`Workspace::validate`]. Any error stops
//! the import before anything is replaced.

use crate::core::model::{Finding, Severity, Workspace};
use serde::{Deserialize, Serialize};
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
    TooNew { found: u64, supported: u32 },
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
    /// The schema version written in the file.
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

/// Writes the plan file without indentation (for storage): the text serde
/// writes, made by [`CompactWriter`] in one go.
pub fn write_compact(workspace: &Workspace, created_at: &str) -> String {
    let mut out = Vec::new();
    match CompactWriter::default().write(workspace, created_at, &mut out, usize::MAX) {
        Ok(_) => String::from_utf8(out).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}")),
        Err(e) => format!("{{\"error\": \"{e}\"}}"),
    }
}

/// The lists of a workspace, in the order serde writes them, that
/// [`CompactWriter`] writes an item at a time.
const LISTS: [&str; 7] = [
    "competencies",
    "agencies",
    "positions",
    "asn",
    "rounds",
    "audit",
    "moves",
];

/// Writes a compact plan file a piece at a time, so that a page can spread
/// a large workspace over several tasks: the pieces, joined, are the text
/// serde writes for the whole file at once (a test holds them to it). The
/// workspace must not change between the pieces.
#[derive(Clone, Debug, Default)]
pub struct CompactWriter {
    /// 0: nothing written yet; 1..=7: inside the list `LISTS[stage - 1]`;
    /// 8: the rest; 9: all written.
    stage: usize,
    /// The next item of the list being written.
    item: usize,
}

impl CompactWriter {
    /// Appends the next pieces of the file to `out` until it holds at least
    /// `budget` bytes or the file is whole (at least one piece per call);
    /// whether it is whole.
    pub fn write(
        &mut self,
        workspace: &Workspace,
        created_at: &str,
        out: &mut Vec<u8>,
        budget: usize,
    ) -> Result<bool, serde_json::Error> {
        // Every field, named: a field added to the workspace stops the
        // build here until it is written too.
        let Workspace {
            name,
            government,
            competencies,
            agencies,
            positions,
            asn,
            rounds,
            audit,
            moves,
            follow_ups,
            evaluation,
            siasn,
        } = workspace;
        let mut first = true;
        while first || out.len() < budget {
            first = false;
            match self.stage {
                0 => {
                    out.extend_from_slice(b"{\"format\":");
                    serde_json::to_writer(&mut *out, FORMAT)?;
                    out.extend_from_slice(b",\"schema_version\":");
                    serde_json::to_writer(&mut *out, &SCHEMA_VERSION)?;
                    out.extend_from_slice(b",\"app_version\":");
                    serde_json::to_writer(&mut *out, APP_VERSION)?;
                    out.extend_from_slice(b",\"created_at\":");
                    serde_json::to_writer(&mut *out, created_at)?;
                    out.extend_from_slice(b",\"workspace\":{\"name\":");
                    serde_json::to_writer(&mut *out, name)?;
                    if !government.is_province() {
                        out.extend_from_slice(b",\"government\":");
                        serde_json::to_writer(&mut *out, government)?;
                    }
                    self.open_list(out, 0);
                }
                1..=7 => {
                    let whole = match self.stage {
                        1 => self.items(competencies, out, budget)?,
                        2 => self.items(agencies, out, budget)?,
                        3 => self.items(positions, out, budget)?,
                        4 => self.items(asn, out, budget)?,
                        5 => self.items(rounds, out, budget)?,
                        6 => self.items(audit, out, budget)?,
                        _ => self.items(moves, out, budget)?,
                    };
                    if whole {
                        out.push(b']');
                        if self.stage < LISTS.len() {
                            self.open_list(out, self.stage);
                        } else {
                            self.stage += 1;
                        }
                    }
                }
                8 => {
                    if !follow_ups.is_empty() {
                        out.extend_from_slice(b",\"follow_ups\":");
                        serde_json::to_writer(&mut *out, follow_ups)?;
                    }
                    out.extend_from_slice(b",\"evaluation\":");
                    serde_json::to_writer(&mut *out, evaluation)?;
                    if !siasn.is_empty() {
                        out.extend_from_slice(b",\"siasn\":");
                        serde_json::to_writer(&mut *out, siasn)?;
                    }
                    out.extend_from_slice(b"}}");
                    self.stage = 9;
                }
                _ => return Ok(true),
            }
        }
        Ok(self.stage == 9)
    }

    /// Opens the list `LISTS[index]`.
    fn open_list(&mut self, out: &mut Vec<u8>, index: usize) {
        out.extend_from_slice(b",\"");
        out.extend_from_slice(LISTS[index].as_bytes());
        out.extend_from_slice(b"\":[");
        self.stage = index + 1;
        self.item = 0;
    }

    /// Writes items of `list` until `out` holds `budget` bytes (one at
    /// least); whether the list is whole.
    fn items<T: Serialize>(
        &mut self,
        list: &[T],
        out: &mut Vec<u8>,
        budget: usize,
    ) -> Result<bool, serde_json::Error> {
        let mut first = true;
        while let Some(item) = list.get(self.item) {
            if !first && out.len() >= budget {
                return Ok(false);
            }
            first = false;
            if self.item > 0 {
                out.push(b',');
            }
            serde_json::to_writer(&mut *out, item)?;
            self.item += 1;
        }
        Ok(true)
    }
}

#[derive(Serialize)]
struct PlanFileRef<'a> {
    format: &'a str,
    schema_version: u32,
    app_version: &'a str,
    created_at: &'a str,
    workspace: &'a Workspace,
}

/// Reads, checks and validates a plan file; a value of the wrong shape is
/// reported with its JSON path (`workspace.asn[12].nip`).
pub fn read(text: &str) -> Result<ImportedPlan, ImportError> {
    read_with(text, |text| {
        let mut de = serde_json::Deserializer::from_str(text);
        serde_path_to_error::deserialize(&mut de).map_err(|e| ImportError::Shape {
            path: super::clip(e.path().to_string()),
            message: super::clip(e.inner().to_string()),
        })
    })
}

/// [`read`] without the JSON path of a shape error (`path` is empty): the
/// same checks and result, with less code. The page uses it (its wasm then
/// has no path-tracking deserialiser) and asks the file worker for the path
/// only when a file fails.
pub fn read_fast(text: &str) -> Result<ImportedPlan, ImportError> {
    read_with(text, |text| {
        serde_json::from_str(text).map_err(|e| ImportError::Shape {
            path: String::new(),
            message: super::clip(e.to_string()),
        })
    })
}

fn read_with(
    text: &str,
    decode: impl FnOnce(&str) -> Result<PlanFile, ImportError>,
) -> Result<ImportedPlan, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let envelope = Envelope::read(text).map_err(|e| match e {
        EnvelopeError::Syntax(e) => ImportError::Syntax {
            line: e.line(),
            column: e.column(),
            message: super::clip(e.to_string()),
        },
        EnvelopeError::NotAnObject => {
            ImportError::NotAPlanFile("the top level is not a JSON object".into())
        }
    })?;
    match envelope.format.as_deref() {
        Some(FORMAT) => {}
        Some(other) => {
            return Err(ImportError::NotAPlanFile(format!(
                "format is \"{}\", expected \"{FORMAT}\"",
                super::clip(other.to_string())
            )))
        }
        None => return Err(ImportError::NotAPlanFile("no \"format\" field".into())),
    }
    let found = envelope.schema_version.ok_or_else(|| ImportError::Shape {
        path: "schema_version".into(),
        message: "missing or not a whole number".into(),
    })?;
    if found > u64::from(SCHEMA_VERSION) {
        return Err(ImportError::TooNew {
            found,
            supported: SCHEMA_VERSION,
        });
    }
    // At most SCHEMA_VERSION now, so it fits.
    let found = found as u32;
    if found < OLDEST_READABLE_VERSION {
        return Err(ImportError::TooOld {
            found,
            oldest: OLDEST_READABLE_VERSION,
        });
    }
    // Migration: version 1 lacks only what version 2 added (`results` of
    // each round, `follow_ups`, `evaluation`), and those fields default to
    // empty and to the default settings when absent, so a version-1 file
    // decodes as it is. A later change that is not a new defaulted field
    // gets its step here, on the text's typed form, with a test file of the
    // old version.
    let file = decode(text)?;
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

/// The fields that say what a JSON document is (`format`, and the
/// `schema_version` of plan files), read before its content is decoded and
/// without building the whole document in memory: every other value is
/// skipped. Plan files, preference cards and offers are recognised by it.
#[derive(Debug, Default)]
pub(crate) struct Envelope {
    /// `format`, when it is a string.
    pub format: Option<String>,
    /// `schema_version`, when it is a whole number ≥ 0.
    pub schema_version: Option<u64>,
}

/// Why a document has no envelope.
#[derive(Debug)]
pub(crate) enum EnvelopeError {
    /// Not JSON: where the syntax breaks.
    Syntax(serde_json::Error),
    /// JSON, but not an object at the top.
    NotAnObject,
}

impl Envelope {
    /// Reads the envelope of `text` (which must be one JSON object).
    pub(crate) fn read(text: &str) -> Result<Envelope, EnvelopeError> {
        serde_json::from_str::<Envelope>(text).map_err(|e| {
            if e.is_data() {
                // Not an object at the top; but if the text is not JSON
                // either, the syntax error is the better message.
                match serde_json::from_str::<serde::de::IgnoredAny>(text) {
                    Err(syntax) => EnvelopeError::Syntax(syntax),
                    Ok(_) => EnvelopeError::NotAnObject,
                }
            } else {
                EnvelopeError::Syntax(e)
            }
        })
    }
}

impl<'de> Deserialize<'de> for Envelope {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(EnvelopeVisitor)
    }
}

struct EnvelopeVisitor;

impl<'de> serde::de::Visitor<'de> for EnvelopeVisitor {
    type Value = Envelope;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Envelope, A::Error> {
        let mut envelope = Envelope::default();
        // As a JSON object is read, a key given twice counts with its last value.
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            match key.as_ref() {
                "format" => envelope.format = map.next_value::<Scalar>()?.text,
                "schema_version" => envelope.schema_version = map.next_value::<Scalar>()?.number,
                _ => {
                    map.next_value::<serde::de::IgnoredAny>()?;
                }
            }
        }
        Ok(envelope)
    }
}

/// Any JSON value, keeping only a string or a whole number ≥ 0.
#[derive(Default)]
struct Scalar {
    text: Option<String>,
    number: Option<u64>,
}

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ScalarVisitor)
    }
}

struct ScalarVisitor;

impl<'de> serde::de::Visitor<'de> for ScalarVisitor {
    type Value = Scalar;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_str<E>(self, v: &str) -> Result<Scalar, E> {
        Ok(Scalar {
            text: Some(v.to_string()),
            number: None,
        })
    }
    fn visit_u64<E>(self, v: u64) -> Result<Scalar, E> {
        Ok(Scalar {
            text: None,
            number: Some(v),
        })
    }
    fn visit_i64<E>(self, _: i64) -> Result<Scalar, E> {
        Ok(Scalar::default())
    }
    fn visit_f64<E>(self, _: f64) -> Result<Scalar, E> {
        Ok(Scalar::default())
    }
    fn visit_bool<E>(self, _: bool) -> Result<Scalar, E> {
        Ok(Scalar::default())
    }
    fn visit_unit<E>(self) -> Result<Scalar, E> {
        Ok(Scalar::default())
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Scalar, A::Error> {
        while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
        Ok(Scalar::default())
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Scalar, A::Error> {
        while map
            .next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?
            .is_some()
        {}
        Ok(Scalar::default())
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

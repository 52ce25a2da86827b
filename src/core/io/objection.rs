//! Objections from ASN as files: after socialisation an ASN writes a comment
//! or objection on their proposal — to stay, or another position, with a
//! reason — and sends the small file (email, WhatsApp); the analyst imports
//! many at once into the round's comments, where they follow the accept or
//! reject path of every comment.
//!
//! Import rules, all reported, nothing dropped silently:
//! - an unreadable file, a NIP that is not valid or not in the roster, a
//!   name that does not match the roster's, an empty text, or an objection
//!   to another round rejects that file;
//! - a request for a position the workspace lacks rejects the file (the
//!   comment would ask for nothing the analyst can grant);
//! - the same objection twice (same NIP, request and text, in this import
//!   or already among the round's comments) is kept once, the other
//!   reported as a duplicate. Different objections of one ASN are all kept:
//!   a person may write more than once;
//! - an objection typed with the code of the person's proposal sheet
//!   (instead of opening the proposal file) must carry the code of that
//!   round and NIP ([`proposal_code`]), or it is rejected.

use super::preference_card::{names_match, read_version_1, FileError, FileKind};
use crate::core::model::{DecisionAction, Nip, NipError, Workspace};
use serde::{Deserialize, Serialize};

/// The `format` of an objection file.
pub const OBJECTION_FORMAT: &str = "mutasi-planner/keberatan";

/// One ASN's objection (or comment) on their proposal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObjectionFile {
    pub format: String,
    pub version: u32,
    /// The round the objection answers (its id).
    pub round: String,
    pub nip: String,
    pub name: String,
    /// ISO 8601 timestamp of the download.
    pub created_at: String,
    /// What it asks for: to stay, or another position.
    pub request: DecisionAction,
    /// The reason, in the ASN's words.
    pub text: String,
    /// The code of the proposal sheet it answers ([`proposal_code`]), when
    /// known: from the proposal file, or typed from the printed sheet.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub code: String,
}

impl ObjectionFile {
    /// A new objection.
    pub fn new(
        round: &str,
        nip: &str,
        name: &str,
        created_at: &str,
        request: DecisionAction,
        text: &str,
    ) -> Self {
        ObjectionFile {
            format: OBJECTION_FORMAT.to_string(),
            version: 1,
            round: round.to_string(),
            nip: nip.to_string(),
            name: name.to_string(),
            created_at: created_at.to_string(),
            request,
            text: text.to_string(),
            code: proposal_code(round, nip),
        }
    }

    /// The file name: `keberatan-<NIP>.json`.
    pub fn file_name(&self) -> String {
        format!("keberatan-{}.json", self.nip)
    }
}

/// Writes an objection as pretty JSON.
pub fn write_objection(objection: &ObjectionFile) -> String {
    serde_json::to_string_pretty(objection).unwrap_or_default()
}

/// Reads an objection file; the error says where.
pub fn read_objection(text: &str) -> Result<ObjectionFile, FileError> {
    read_version_1(
        text,
        OBJECTION_FORMAT,
        FileKind::Objection,
        |o: &ObjectionFile| o.version,
    )
}

/// The `format` of a proposal file.
pub const PROPOSAL_FORMAT: &str = "mutasi-planner/usulan";

/// One ASN's proposal as the analyst sends it after socialisation: what
/// the draft proposes for them, and how and by when to answer. The ASN
/// opens it on the card page and answers with an [`ObjectionFile`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalFile {
    pub format: String,
    pub version: u32,
    pub round: String,
    pub round_name: String,
    pub nip: String,
    pub name: String,
    /// The current position, as the sheet names it.
    pub from: String,
    /// The proposed position; equal to `from` when the person stays.
    pub to: String,
    pub moves: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<crate::core::date::Date>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub contact: String,
}

/// Crockford's base-32 digits: no I, L, O or U, so a code read aloud or
/// typed from paper is not mistaken.
const CODE_DIGITS: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// The code printed on a person's proposal sheet, `XXXX-XXXX`: 40 bits of
/// an FNV-1a hash of the round's id and the NIP. With it an ASN who has
/// only the paper sheet answers on the card page (NIP + code) instead of
/// opening the proposal file. It catches a mistyped NIP and an answer to
/// another round; it is not a signature — files sent by email are not
/// authenticated, which is why the analyst still accepts or rejects every
/// comment.
pub fn proposal_code(round: &str, nip: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in round.bytes().chain([0u8]).chain(nip.trim().bytes()) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    let digits: String = (0..8)
        .map(|i| CODE_DIGITS[((hash >> (5 * i)) & 31) as usize] as char)
        .collect();
    format!("{}-{}", &digits[..4], &digits[4..])
}

/// A code as typed, normalised: upper case, without spaces or dashes, and
/// the letters Crockford reads as digits (O → 0; I, L → 1).
fn normalise_code(code: &str) -> String {
    code.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        })
        .collect()
}

/// Whether a typed code is the proposal code of this round and NIP.
pub fn code_matches(code: &str, round: &str, nip: &str) -> bool {
    normalise_code(code) == normalise_code(&proposal_code(round, nip))
}

impl ProposalFile {
    /// A proposal of a round for one person, its move not yet said (`from`
    /// and `to` empty, no deadline or contact): set the rest with struct
    /// update syntax.
    pub fn new(round: &str, round_name: &str, nip: &str, name: &str) -> Self {
        ProposalFile {
            format: PROPOSAL_FORMAT.to_string(),
            version: 1,
            round: round.to_string(),
            round_name: round_name.to_string(),
            nip: nip.to_string(),
            name: name.to_string(),
            from: String::new(),
            to: String::new(),
            moves: false,
            deadline: None,
            contact: String::new(),
        }
    }

    /// The code printed on this proposal's sheet.
    pub fn code(&self) -> String {
        proposal_code(&self.round, &self.nip)
    }

    /// The file name: `usulan-<NIP>.json`.
    pub fn file_name(&self) -> String {
        format!("usulan-{}.json", self.nip)
    }

    /// The answer to this proposal.
    pub fn objection(
        &self,
        created_at: &str,
        request: DecisionAction,
        text: &str,
    ) -> ObjectionFile {
        ObjectionFile::new(
            &self.round,
            &self.nip,
            &self.name,
            created_at,
            request,
            text,
        )
    }
}

/// Writes a proposal as pretty JSON.
pub fn write_proposal(proposal: &ProposalFile) -> String {
    serde_json::to_string_pretty(proposal).unwrap_or_default()
}

/// Reads a proposal file; the error says where.
pub fn read_proposal(text: &str) -> Result<ProposalFile, FileError> {
    read_version_1(
        text,
        PROPOSAL_FORMAT,
        FileKind::Proposal,
        |p: &ProposalFile| p.version,
    )
}

/// Why an objection file was not taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ObjectionReason {
    Unreadable(FileError),
    InvalidNip(NipError),
    UnknownNip,
    NameDiffers {
        roster: String,
    },
    EmptyText,
    /// The workspace has no open round to take comments.
    NoOpenRound,
    /// The file answers another round than the open one.
    WrongRound {
        file: String,
        open: String,
    },
    /// The request names a position the workspace lacks.
    UnknownPosition(String),
    /// The proposal code in the file is not the one of this round and NIP.
    CodeDiffers,
    /// The same objection is already taken: from another file of this
    /// import (its name), or the round's comment `#id`.
    Duplicate {
        of: String,
    },
}

/// One reported problem: the file and the NIP if known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ObjectionProblem {
    pub file: String,
    pub nip: Option<String>,
    pub reason: ObjectionReason,
}

/// An objection that will become a comment of the open round.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AcceptedObjection {
    pub file: String,
    pub nip: Nip,
    /// The writer's name, as the roster has it.
    pub from: String,
    pub text: String,
    pub request: DecisionAction,
    pub created_at: String,
}

/// The outcome of reading many objection files: nothing applied yet.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ObjectionImport {
    pub accepted: Vec<AcceptedObjection>,
    pub problems: Vec<ObjectionProblem>,
    /// Files read.
    pub read: usize,
}

/// The key two objections are the same by: NIP, request, text without
/// case or extra spaces.
fn same_key(nip: &str, request: &DecisionAction, text: &str) -> String {
    let words: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
    let request = match request {
        DecisionAction::Stay => "stay".to_string(),
        DecisionAction::Assign(p) => format!("assign:{}", p.0),
    };
    format!("{nip}|{request}|{}", words.join(" "))
}

/// Reads many objection files (name, text) against the workspace's open
/// round, in the order given.
pub fn import_objections(ws: &Workspace, files: &[(String, String)]) -> ObjectionImport {
    let mut out = ObjectionImport::default();
    let round = ws.open_round();
    // Keys already in the round: a file sent twice, or imported twice.
    let mut seen: std::collections::HashMap<String, String> = round
        .map(|r| {
            r.participation
                .comments
                .iter()
                .map(|c| {
                    (
                        same_key(c.asn.as_str(), &c.request, &c.text),
                        format!("#{}", c.id),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    for (file, text) in files {
        out.read += 1;
        let mut problem = |nip: Option<&str>, reason: ObjectionReason| {
            out.problems.push(ObjectionProblem {
                file: file.clone(),
                nip: nip.map(str::to_string),
                reason,
            });
        };
        let o = match read_objection(text) {
            Ok(o) => o,
            Err(why) => {
                problem(None, ObjectionReason::Unreadable(why));
                continue;
            }
        };
        let nip = match Nip::parse(o.nip.trim()) {
            Ok(n) => n,
            Err(e) => {
                problem(Some(&o.nip), ObjectionReason::InvalidNip(e));
                continue;
            }
        };
        let Some(person) = ws.asn.iter().find(|a| a.nip == nip) else {
            problem(Some(nip.as_str()), ObjectionReason::UnknownNip);
            continue;
        };
        if !names_match(&o.name, &person.name) {
            problem(
                Some(nip.as_str()),
                ObjectionReason::NameDiffers {
                    roster: person.name.clone(),
                },
            );
            continue;
        }
        let Some(round) = round else {
            problem(Some(nip.as_str()), ObjectionReason::NoOpenRound);
            continue;
        };
        if o.round != round.id {
            problem(
                Some(nip.as_str()),
                ObjectionReason::WrongRound {
                    file: o.round.clone(),
                    open: round.id.clone(),
                },
            );
            continue;
        }
        if !o.code.trim().is_empty() && !code_matches(&o.code, &round.id, nip.as_str()) {
            problem(Some(nip.as_str()), ObjectionReason::CodeDiffers);
            continue;
        }
        if o.text.trim().is_empty() {
            problem(Some(nip.as_str()), ObjectionReason::EmptyText);
            continue;
        }
        if let DecisionAction::Assign(p) = &o.request {
            if !ws.positions.iter().any(|x| &x.id == p) {
                problem(
                    Some(nip.as_str()),
                    ObjectionReason::UnknownPosition(p.0.clone()),
                );
                continue;
            }
        }
        let key = same_key(nip.as_str(), &o.request, &o.text);
        if let Some(of) = seen.get(&key) {
            let of = of.clone();
            problem(Some(nip.as_str()), ObjectionReason::Duplicate { of });
            continue;
        }
        seen.insert(key, file.clone());
        out.accepted.push(AcceptedObjection {
            file: file.clone(),
            nip,
            from: person.name.clone(),
            text: o.text.trim().to_string(),
            request: o.request,
            created_at: o.created_at,
        });
    }
    out
}

//! A plan file read in the file worker, handed to the page in pieces.
//!
//! Reading a 20,000-ASN plan file (36 MB of JSON) and validating it takes
//! the better part of a second; done on the page, that is a second without
//! a frame. The file worker reads and validates it
//! ([`super::plan_file::read_fast`]), then cuts the workspace into pieces
//! ([`cut`]): a head (the workspace with its seven lists empty) and pieces
//! of at most about `piece_bytes` of one list each, compact JSON such as
//! `{"asn":[{…},{…}]}`. The page reads a few pieces per task ([`Assembler`])
//! and gets the very workspace the worker validated. The worker also writes
//! the workspace's world for the engine worker, which the page passes on as
//! it is when the import is confirmed.

use super::plan_file::{ImportError, ImportedPlan};
use crate::core::model::{
    Agency, Asn, AuditEntry, CompetencyDef, Finding, MoveRecord, Position, Round, Shared, Workspace,
};
use serde::{Deserialize, Serialize};

/// The bytes of JSON a piece holds at most (one item more than that when
/// an item is larger): 0.25 MB, a few milliseconds of reading on a page.
pub const PIECE_BYTES: usize = 1 << 18;

/// What a cut plan is besides its pieces: the plan file's envelope, its
/// warnings, and the length of each piece in the bytes that follow.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CutPlan {
    pub file_version: u32,
    pub app_version: String,
    pub created_at: String,
    pub warnings: Vec<Finding>,
    /// The bytes of each piece, in order: the head first.
    pub lengths: Vec<usize>,
    /// The bytes after the pieces: the workspace's whole world as the
    /// engine worker reads it ([`crate::core::engine::wire::whole_world`]),
    /// so that the page need not write it.
    pub world: usize,
}

/// One list's piece (externally tagged: `{"asn":[…]}`).
#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum Piece {
    Competencies(Vec<CompetencyDef>),
    Agencies(Vec<Agency>),
    Positions(Vec<Position>),
    Asn(Vec<Asn>),
    Rounds(Vec<Round>),
    Audit(Vec<AuditEntry>),
    Moves(Vec<MoveRecord>),
}

/// Cuts a read plan: the description and the pieces' bytes, one after the
/// other.
pub fn cut(plan: &ImportedPlan, piece_bytes: usize) -> Result<(CutPlan, Vec<u8>), String> {
    let ws = &plan.workspace;
    let head = Workspace {
        name: ws.name.clone(),
        government: ws.government,
        competencies: Shared::default(),
        agencies: Shared::default(),
        positions: Shared::default(),
        asn: Shared::default(),
        rounds: Vec::new(),
        audit: Vec::new(),
        moves: Shared::default(),
        follow_ups: ws.follow_ups.clone(),
        evaluation: ws.evaluation.clone(),
        siasn: ws.siasn.clone(),
    };
    let mut bytes = serde_json::to_vec(&head).map_err(|e| e.to_string())?;
    let mut lengths = vec![bytes.len()];
    let mut pieces = Pieces {
        bytes: &mut bytes,
        lengths: &mut lengths,
        piece_bytes,
    };
    pieces.list("competencies", &ws.competencies)?;
    pieces.list("agencies", &ws.agencies)?;
    pieces.list("positions", &ws.positions)?;
    pieces.list("asn", &ws.asn)?;
    pieces.list("rounds", &ws.rounds)?;
    pieces.list("audit", &ws.audit)?;
    pieces.list("moves", &ws.moves)?;
    let world = crate::core::engine::wire::whole_world(ws)?;
    bytes.extend_from_slice(&world);
    Ok((
        CutPlan {
            file_version: plan.file_version,
            app_version: plan.app_version.clone(),
            created_at: plan.created_at.clone(),
            warnings: plan.warnings.clone(),
            lengths,
            world: world.len(),
        },
        bytes,
    ))
}

struct Pieces<'a> {
    bytes: &'a mut Vec<u8>,
    lengths: &'a mut Vec<usize>,
    piece_bytes: usize,
}

impl Pieces<'_> {
    /// Writes `items` as pieces of the list `name` (none when it is empty).
    fn list<T: Serialize>(&mut self, name: &str, items: &[T]) -> Result<(), String> {
        let mut rest = items;
        while !rest.is_empty() {
            let start = self.bytes.len();
            self.bytes.extend_from_slice(b"{\"");
            self.bytes.extend_from_slice(name.as_bytes());
            self.bytes.extend_from_slice(b"\":[");
            let mut taken = 0;
            for item in rest {
                if taken > 0 {
                    if self.bytes.len() - start >= self.piece_bytes {
                        break;
                    }
                    self.bytes.push(b',');
                }
                serde_json::to_writer(&mut *self.bytes, item).map_err(|e| e.to_string())?;
                taken += 1;
            }
            self.bytes.extend_from_slice(b"]}");
            self.lengths.push(self.bytes.len() - start);
            rest = &rest[taken..];
        }
        Ok(())
    }
}

/// Puts a cut plan together again, a piece at a time.
pub struct Assembler {
    cut: CutPlan,
    /// The next piece.
    next: usize,
    head: Option<Workspace>,
    competencies: Vec<CompetencyDef>,
    agencies: Vec<Agency>,
    positions: Vec<Position>,
    asn: Vec<Asn>,
    rounds: Vec<Round>,
    audit: Vec<AuditEntry>,
    moves: Vec<MoveRecord>,
}

impl Assembler {
    pub fn new(cut: CutPlan) -> Assembler {
        Assembler {
            cut,
            next: 0,
            head: None,
            competencies: Vec::new(),
            agencies: Vec::new(),
            positions: Vec::new(),
            asn: Vec::new(),
            rounds: Vec::new(),
            audit: Vec::new(),
            moves: Vec::new(),
        }
    }

    /// The world's byte range in the bytes that came with the plan.
    pub fn world(&self) -> std::ops::Range<usize> {
        let at = self.cut.lengths.iter().sum::<usize>();
        at..at + self.cut.world
    }

    /// The pieces' byte ranges in the bytes that came with the plan.
    pub fn ranges(&self) -> Vec<std::ops::Range<usize>> {
        let mut at = 0;
        self.cut
            .lengths
            .iter()
            .map(|&len| {
                let range = at..at + len;
                at += len;
                range
            })
            .collect()
    }

    /// Reads the next piece.
    pub fn add(&mut self, piece: &[u8]) -> Result<(), String> {
        let which = self.next;
        self.next += 1;
        let bad = |e: serde_json::Error| format!("piece {which} of the plan: {e}");
        if which == 0 {
            self.head = Some(serde_json::from_slice(piece).map_err(bad)?);
            return Ok(());
        }
        match serde_json::from_slice(piece).map_err(bad)? {
            Piece::Competencies(v) => self.competencies.extend(v),
            Piece::Agencies(v) => self.agencies.extend(v),
            Piece::Positions(v) => self.positions.extend(v),
            Piece::Asn(v) => self.asn.extend(v),
            Piece::Rounds(v) => self.rounds.extend(v),
            Piece::Audit(v) => self.audit.extend(v),
            Piece::Moves(v) => self.moves.extend(v),
        }
        Ok(())
    }

    /// The plan, once every piece is read.
    pub fn finish(self) -> Result<ImportedPlan, String> {
        if self.next != self.cut.lengths.len() {
            return Err(format!(
                "the plan came in {} pieces, {} were read",
                self.cut.lengths.len(),
                self.next
            ));
        }
        let mut workspace = self.head.ok_or("the plan came without its head")?;
        workspace.competencies = self.competencies.into();
        workspace.agencies = self.agencies.into();
        workspace.positions = self.positions.into();
        workspace.asn = self.asn.into();
        workspace.rounds = self.rounds;
        workspace.audit = self.audit;
        workspace.moves = self.moves.into();
        Ok(ImportedPlan {
            workspace,
            file_version: self.cut.file_version,
            app_version: self.cut.app_version,
            created_at: self.cut.created_at,
            warnings: self.cut.warnings,
        })
    }
}

/// Reads a plan file's bytes as the import does: fast, and again with the
/// JSON path of a value of the wrong shape when there is one.
pub fn read(input: &[u8]) -> Result<ImportedPlan, ImportError> {
    let text = String::from_utf8_lossy(input);
    match super::plan_file::read_fast(&text) {
        Err(ImportError::Shape { path, .. }) if path.is_empty() => super::plan_file::read(&text),
        read => read,
    }
}

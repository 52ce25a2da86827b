//! Preference cards: an ASN ranks up to [`MAX_WISHES`] wished positions,
//! units, agencies or kabupaten with a reason and sends the small file by
//! email; the analyst imports many at once (or one CSV from a form).
//!
//! What the ASN chooses from is the round's *offer* (formasi): the open
//! positions with their agencies and units and nothing about people, so the
//! analyst can publish it without sharing personal data.
//!
//! Import rules, all reported, nothing dropped silently:
//! - an unreadable file, a NIP that is not valid or not in the roster, or a
//!   name that does not match the roster's rejects that card;
//! - a wish naming something the workspace does not have is left out and
//!   reported (the card's other wishes are kept, in their order);
//! - a card for another round, or whose `created_at` is not a timestamp or
//!   lies in the future (beyond [`CLOCK_SKEW_SECONDS`]), or with a note over
//!   [`MAX_NOTE_CHARS`] characters, is rejected; a wish naming what an
//!   earlier wish named is left out and reported;
//! - two cards for one NIP with the same wishes: one is kept (the later,
//!   else the later file) and the other reported as superseded; with
//!   different wishes neither is taken silently: both are shown to the
//!   analyst, who chooses ([`CardImport::conflicts`]).

use super::plan_file::{Envelope, EnvelopeError};
use super::sheet::Sheet;
use super::values::{compact, normalize};
use crate::core::date::Date;
use crate::core::model::{
    AgencyId, Nip, Position, PositionId, PositionType, Preference, PreferenceReason,
    PreferenceTarget, Regency, UnitId, Workspace,
};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The `format` of a card file.
pub const CARD_FORMAT: &str = "mutasi-planner/kartu-preferensi";
/// The `format` of an offer file.
pub const OFFER_FORMAT: &str = "mutasi-planner/formasi";
/// The most wishes a card holds.
pub const MAX_WISHES: usize = 5;
/// The most characters of a wish's note (the card page stops there).
pub const MAX_NOTE_CHARS: usize = 500;
/// How far in the future a card's time may be: a phone's clock that runs
/// a little fast.
pub const CLOCK_SKEW_SECONDS: i64 = 15 * 60;

/// One ASN's card.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PreferenceCard {
    pub format: String,
    pub version: u32,
    /// The round the card answers (its id), empty when unknown.
    #[serde(default)]
    pub round: String,
    pub nip: String,
    pub name: String,
    /// ISO 8601 timestamp of the download.
    pub created_at: String,
    /// Most wanted first.
    pub wishes: Vec<Preference>,
}

impl PreferenceCard {
    /// A new card.
    pub fn new(
        round: &str,
        nip: &str,
        name: &str,
        created_at: &str,
        wishes: Vec<Preference>,
    ) -> Self {
        PreferenceCard {
            format: CARD_FORMAT.to_string(),
            version: 1,
            round: round.to_string(),
            nip: nip.to_string(),
            name: name.to_string(),
            created_at: created_at.to_string(),
            wishes,
        }
    }

    /// The file name: `preferensi-<NIP>.json`.
    pub fn file_name(&self) -> String {
        format!("preferensi-{}.json", self.nip)
    }
}

/// Writes a card as pretty JSON.
pub fn write_card(card: &PreferenceCard) -> String {
    serde_json::to_string_pretty(card).unwrap_or_default()
}

/// Reads a card file; the error says where.
pub fn read_card(text: &str) -> Result<PreferenceCard, FileError> {
    read_version_1(text, CARD_FORMAT, FileKind::Card, |c: &PreferenceCard| {
        c.version
    })
}

/// The kinds of small JSON file an ASN and the analyst exchange.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Card,
    Offer,
    Proposal,
    Objection,
}

/// Why a card, offer, proposal or objection file could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    /// Not JSON: where it breaks.
    Syntax { line: usize, column: usize },
    /// JSON, but not this kind of file (the `format` it names, if any).
    OtherFormat {
        kind: FileKind,
        found: Option<String>,
    },
    /// This kind of file, but a value is missing or wrong (serde's words,
    /// with line and column).
    Invalid(String),
    /// A version this app does not read.
    Version { kind: FileKind, version: u32 },
}

/// Reads a JSON file of one kind (`format`), at version 1: the error says
/// where the JSON breaks, that the file is another kind, or that its
/// version is not supported.
pub(crate) fn read_version_1<T: serde::de::DeserializeOwned>(
    text: &str,
    format: &str,
    kind: FileKind,
    version: impl Fn(&T) -> u32,
) -> Result<T, FileError> {
    let found = format_of(text)?;
    if found.as_deref() != Some(format) {
        return Err(FileError::OtherFormat { kind, found });
    }
    let file: T = serde_json::from_str(text).map_err(|e| FileError::Invalid(e.to_string()))?;
    match version(&file) {
        1 => Ok(file),
        v => Err(FileError::Version { kind, version: v }),
    }
}

/// An agency as the offer shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferAgency {
    pub id: AgencyId,
    pub short_name: String,
    pub name: String,
    pub seat: Regency,
    /// The units that have an open position.
    pub units: Vec<(UnitId, String)>,
}

/// An open position as the offer shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferPosition {
    pub id: PositionId,
    pub name: String,
    pub kind: PositionType,
    pub agency: AgencyId,
    pub unit: UnitId,
}

/// What an ASN may wish for in a round: no personal data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Offer {
    pub format: String,
    pub version: u32,
    pub round: String,
    pub round_name: String,
    /// The last day cards are accepted, if announced.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<Date>,
    pub agencies: Vec<OfferAgency>,
    pub positions: Vec<OfferPosition>,
}

impl Offer {
    /// No offer: nothing to choose (the card page before one is opened).
    pub fn none() -> Offer {
        Offer {
            format: OFFER_FORMAT.to_string(),
            version: 1,
            round: String::new(),
            round_name: String::new(),
            deadline: None,
            agencies: Vec::new(),
            positions: Vec::new(),
        }
    }
}

/// The offer of the workspace's open round: its openings, their agencies
/// and units.
pub fn offer_of(ws: &Workspace) -> Offer {
    let round = ws.open_round();
    let open: Vec<&Position> = round
        .map(|r| {
            r.openings
                .iter()
                .filter_map(|o| ws.positions.iter().find(|p| p.id == o.position))
                .collect()
        })
        .unwrap_or_default();
    let agencies = ws
        .agencies
        .iter()
        .filter(|a| open.iter().any(|p| p.agency == a.id))
        .map(|a| OfferAgency {
            id: a.id.clone(),
            short_name: a.short_name.clone(),
            name: a.name.clone(),
            seat: a.seat,
            units: a
                .units
                .iter()
                .filter(|u| open.iter().any(|p| p.unit == u.id))
                .map(|u| (u.id.clone(), u.name.clone()))
                .collect(),
        })
        .collect();
    Offer {
        format: OFFER_FORMAT.to_string(),
        version: 1,
        round: round.map(|r| r.id.clone()).unwrap_or_default(),
        round_name: round.map(|r| r.name.clone()).unwrap_or_default(),
        deadline: round.and_then(|r| r.participation.deadline),
        agencies,
        positions: open
            .into_iter()
            .map(|p| OfferPosition {
                id: p.id.clone(),
                name: p.name.clone(),
                kind: p.kind,
                agency: p.agency.clone(),
                unit: p.unit.clone(),
            })
            .collect(),
    }
}

/// Reads an offer file.
pub fn read_offer(text: &str) -> Result<Offer, FileError> {
    read_version_1(text, OFFER_FORMAT, FileKind::Offer, |o: &Offer| o.version)
}

/// The `format` of a JSON document (`None` when it has none, or when the
/// document is not an object); an error says where the JSON breaks.
pub(crate) fn format_of(text: &str) -> Result<Option<String>, FileError> {
    match Envelope::read(text) {
        Ok(envelope) => Ok(envelope.format),
        Err(EnvelopeError::NotAnObject) => Ok(None),
        Err(EnvelopeError::Syntax(e)) => Err(FileError::Syntax {
            line: e.line(),
            column: e.column(),
        }),
    }
}

/// Why a card link's offer file name is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OfferLinkError {
    /// Not a plain `.json` file name beside the page (a path, another
    /// site, or characters a file name here never has).
    NotAFileName(String),
}

/// The offer file a card link names: `kartu.html#formasi=mutasi-2027.json`
/// (or the analyst app's old `#/kartu?formasi=…`). Only a plain `.json` file name beside the page is
/// taken — letters, digits, `.`, `-`, `_` — so a link can never fetch from
/// another site or another folder. `Ok(None)`: the link names none.
pub fn offer_link(hash: &str) -> Result<Option<String>, OfferLinkError> {
    let fragment = hash.trim_start_matches('#').trim_start_matches('/');
    let query = fragment.split_once('?').map_or(fragment, |(_, q)| q);
    let Some(value) = query
        .split('&')
        .find_map(|pair| pair.strip_prefix("formasi="))
    else {
        return Ok(None);
    };
    let plain = value
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'));
    let stem = value.strip_suffix(".json").unwrap_or("");
    if !plain || stem.is_empty() || stem.starts_with('.') || value.contains("..") {
        return Err(OfferLinkError::NotAFileName(value.to_string()));
    }
    Ok(Some(value.to_string()))
}

/// Why a card (or one wish of it) was not taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CardReason {
    /// A card file that could not be read.
    File(FileError),
    /// A form (CSV/XLSX) that could not be read: why.
    Unreadable(String),
    InvalidNip(crate::core::model::NipError),
    UnknownNip,
    NameDiffers {
        roster: String,
    },
    /// Wish `rank` (1-based) names something the workspace lacks: left out.
    UnknownTarget {
        rank: usize,
        text: String,
    },
    TooManyWishes(usize),
    /// A card for another round (its id): rejected.
    OtherRound(String),
    /// `created_at` is not a timestamp: rejected.
    BadTimestamp(String),
    /// `created_at` lies in the future: rejected.
    FutureTimestamp(String),
    /// Wish `rank` names what wish `first` named: left out.
    DuplicateWish {
        rank: usize,
        first: usize,
    },
    /// Wish `rank`'s note is longer than [`MAX_NOTE_CHARS`]: rejected.
    NoteTooLong {
        rank: usize,
    },
    /// Superseded by a later card for the same NIP in `by`.
    Superseded {
        by: String,
    },
}

/// One reported problem: the file, its row for a CSV, the NIP if known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CardProblem {
    pub file: String,
    pub row: Option<usize>,
    pub nip: Option<String>,
    pub reason: CardReason,
}

/// A card that will be applied.
#[derive(Clone, Debug, PartialEq)]
pub struct AcceptedCard {
    pub file: String,
    /// The card's NIP: applying finds the person by it, so a roster changed
    /// between the report and the confirmation cannot redirect a card.
    pub nip: String,
    /// Index into `Workspace::asn`.
    pub asn: usize,
    pub created_at: String,
    pub wishes: Vec<Preference>,
}

/// Two or more cards for one NIP with different wishes: the analyst
/// chooses one (or none).
#[derive(Clone, Debug, PartialEq)]
pub struct CardConflict {
    pub nip: String,
    /// In the order read.
    pub cards: Vec<AcceptedCard>,
    pub choice: Choice,
}

/// The analyst's choice in a [`CardConflict`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// Not made yet: the import cannot be applied.
    Open,
    /// This card (an index into `cards`).
    Card(usize),
    /// None of them: the person's wishes stay as they are.
    Neither,
}

/// The outcome of reading many cards: nothing applied yet.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct CardImport {
    pub accepted: Vec<AcceptedCard>,
    pub problems: Vec<CardProblem>,
    /// Cards read (files, or CSV rows).
    pub read: usize,
    /// NIPs with cards that disagree; applied only as chosen.
    pub conflicts: Vec<CardConflict>,
}

impl CardImport {
    /// Records the analyst's choice for the conflict on `nip`.
    pub fn choose(&mut self, nip: &str, choice: Choice) {
        if let Some(c) = self.conflicts.iter_mut().find(|c| c.nip == nip) {
            c.choice = match choice {
                Choice::Card(i) if i >= c.cards.len() => Choice::Open,
                other => other,
            };
        }
    }

    /// Conflicts still waiting for a choice.
    pub fn undecided(&self) -> usize {
        self.conflicts
            .iter()
            .filter(|c| c.choice == Choice::Open)
            .count()
    }

    /// The cards that will be applied: the accepted ones and each
    /// conflict's chosen card.
    pub fn to_apply(&self) -> impl Iterator<Item = &AcceptedCard> {
        self.accepted
            .iter()
            .chain(self.conflicts.iter().filter_map(|c| match c.choice {
                Choice::Card(i) => c.cards.get(i),
                _ => None,
            }))
    }
}

/// True when the card's name plausibly is the roster's: one word of three
/// letters or more in common, titles after the first comma ignored.
pub(crate) fn names_match(card: &str, roster: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        let head = s.split(',').next().unwrap_or(s);
        normalize(head)
            .split(' ')
            .filter(|w| w.len() >= 3)
            .map(str::to_string)
            .collect()
    };
    let roster = words(roster);
    words(card).iter().any(|w| roster.contains(w))
}

fn target_known(ws: &Workspace, target: &PreferenceTarget) -> bool {
    match target {
        PreferenceTarget::Position(id) => ws.positions.iter().any(|p| &p.id == id),
        PreferenceTarget::Unit(id) => ws.agencies.iter().any(|a| a.unit(id).is_some()),
        PreferenceTarget::Agency(id) => ws.agencies.iter().any(|a| &a.id == id),
        PreferenceTarget::Regency(_) => true,
    }
}

/// A wish's target as people read it: the position's, unit's or agency's
/// name, or the kabupaten; the id when the workspace lacks it.
pub fn target_name(ws: &Workspace, target: &PreferenceTarget) -> String {
    match target {
        PreferenceTarget::Position(id) => ws
            .positions
            .iter()
            .find(|p| &p.id == id)
            .map_or_else(|| id.0.clone(), |p| p.name.clone()),
        PreferenceTarget::Unit(id) => ws
            .agencies
            .iter()
            .find_map(|a| a.unit(id).map(|u| format!("{} · {}", u.name, a.short_name)))
            .unwrap_or_else(|| id.0.clone()),
        PreferenceTarget::Agency(id) => ws
            .agencies
            .iter()
            .find(|a| &a.id == id)
            .map_or_else(|| id.0.clone(), |a| a.name.clone()),
        PreferenceTarget::Regency(r) => r.name().to_string(),
    }
}

fn target_text(target: &PreferenceTarget) -> String {
    match target {
        PreferenceTarget::Position(id) => id.0.clone(),
        PreferenceTarget::Unit(id) => id.0.clone(),
        PreferenceTarget::Agency(id) => id.0.clone(),
        PreferenceTarget::Regency(r) => r.name().to_string(),
    }
}

struct Collector<'a> {
    ws: &'a Workspace,
    by_nip: HashMap<&'a str, usize>,
    out: CardImport,
    /// NIP → index into `out.accepted`.
    taken: HashMap<String, usize>,
    /// The open round's id: a card for another is rejected.
    round: String,
    /// Now, in seconds since the epoch (`None`: unknown, no future check).
    now: Option<i64>,
}

impl<'a> Collector<'a> {
    fn new(ws: &'a Workspace, now: &str) -> Self {
        Collector {
            round: ws.open_round().map(|r| r.id.clone()).unwrap_or_default(),
            now: crate::core::date::parse_timestamp(now),
            ws,
            by_nip: ws
                .asn
                .iter()
                .enumerate()
                .map(|(i, a)| (a.nip.as_str(), i))
                .collect(),
            out: CardImport::default(),
            taken: HashMap::new(),
        }
    }

    fn problem(&mut self, file: &str, row: Option<usize>, nip: Option<&str>, reason: CardReason) {
        self.out.problems.push(CardProblem {
            file: file.to_string(),
            row,
            nip: nip.map(str::to_string),
            reason,
        });
    }

    /// Checks one card and keeps it (or reports why not).
    #[allow(clippy::too_many_arguments)]
    fn card(
        &mut self,
        file: &str,
        row: Option<usize>,
        round: Option<&str>,
        nip_text: &str,
        name: &str,
        created_at: &str,
        wishes: Vec<(Result<PreferenceTarget, String>, PreferenceReason, String)>,
    ) {
        self.out.read += 1;
        let nip = match Nip::parse(nip_text.trim_start_matches('\'')) {
            Ok(n) => n,
            Err(e) => {
                self.problem(file, row, Some(nip_text), CardReason::InvalidNip(e));
                return;
            }
        };
        let Some(&asn) = self.by_nip.get(nip.as_str()) else {
            self.problem(file, row, Some(nip.as_str()), CardReason::UnknownNip);
            return;
        };
        let roster = &self.ws.asn[asn].name;
        if !names_match(name, roster) {
            let roster = roster.clone();
            self.problem(
                file,
                row,
                Some(nip.as_str()),
                CardReason::NameDiffers { roster },
            );
            return;
        }
        let nip_text = nip.as_str();
        let reject = match round {
            Some(r) if !r.is_empty() && r != self.round => Some(CardReason::OtherRound(clip(r))),
            _ => None,
        }
        .or_else(|| self.time_problem(created_at, round.is_some()))
        .or_else(|| {
            let long = wishes
                .iter()
                .take(MAX_WISHES)
                .position(|(_, _, note)| note.chars().count() > MAX_NOTE_CHARS)?;
            Some(CardReason::NoteTooLong { rank: long + 1 })
        });
        if let Some(why) = reject {
            self.problem(file, row, Some(nip_text), why);
            return;
        }
        if wishes.len() > MAX_WISHES {
            self.problem(
                file,
                row,
                Some(nip.as_str()),
                CardReason::TooManyWishes(wishes.len()),
            );
        }
        let mut kept = Vec::new();
        let mut ranks: Vec<usize> = Vec::new();
        for (rank, (target, reason, note)) in wishes.into_iter().take(MAX_WISHES).enumerate() {
            match target {
                Ok(t) if target_known(self.ws, &t) => {
                    if let Some(k) = kept.iter().position(|p: &Preference| p.target == t) {
                        self.problem(
                            file,
                            row,
                            Some(nip.as_str()),
                            CardReason::DuplicateWish {
                                rank: rank + 1,
                                first: ranks[k],
                            },
                        );
                        continue;
                    }
                    ranks.push(rank + 1);
                    kept.push(Preference {
                        target: t,
                        reason,
                        note,
                    })
                }
                Ok(t) => self.problem(
                    file,
                    row,
                    Some(nip.as_str()),
                    CardReason::UnknownTarget {
                        rank: rank + 1,
                        text: target_text(&t),
                    },
                ),
                Err(text) => self.problem(
                    file,
                    row,
                    Some(nip.as_str()),
                    CardReason::UnknownTarget {
                        rank: rank + 1,
                        text,
                    },
                ),
            }
        }
        let card = AcceptedCard {
            file: file.to_string(),
            nip: nip.as_str().to_string(),
            asn,
            created_at: created_at.to_string(),
            wishes: kept,
        };
        self.keep(card, row);
    }

    /// Why a card's time cannot be taken: not a timestamp, or in the
    /// future. A card file's time is the ASN's to write and must be one; a
    /// form's is written by the form service in its own locale, so one it
    /// cannot read (`file` false) only leaves the rows unordered.
    fn time_problem(&self, created_at: &str, file: bool) -> Option<CardReason> {
        let Some(at) = crate::core::date::parse_timestamp(created_at) else {
            return file.then(|| CardReason::BadTimestamp(clip(created_at)));
        };
        match self.now {
            Some(now) if at > now + CLOCK_SKEW_SECONDS => {
                Some(CardReason::FutureTimestamp(clip(created_at)))
            }
            _ => None,
        }
    }

    /// Keeps a checked card. Another card for its NIP with the same wishes:
    /// the later `created_at` is kept (equal or unknown times: the one kept
    /// last) and the other reported as superseded (`row` is the new card's
    /// CSV row, if any). With different wishes, both go to the analyst.
    fn keep(&mut self, card: AcceptedCard, row: Option<usize>) {
        let key = card.nip.clone();
        if let Some(c) = self.out.conflicts.iter_mut().find(|c| c.nip == key) {
            c.cards.push(card);
            return;
        }
        match self.taken.get(&key).copied() {
            Some(i) if self.out.accepted[i].wishes != card.wishes => {
                let first = self.out.accepted.remove(i);
                self.taken.remove(&key);
                for v in self.taken.values_mut() {
                    if *v > i {
                        *v -= 1;
                    }
                }
                self.out.conflicts.push(CardConflict {
                    nip: key,
                    cards: vec![first, card],
                    choice: Choice::Open,
                });
            }
            Some(i) if later(&card.created_at, &self.out.accepted[i].created_at) => {
                let old = self.out.accepted[i].file.clone();
                let by = card.file.clone();
                self.problem(&old, None, Some(&key), CardReason::Superseded { by });
                self.out.accepted[i] = card;
            }
            Some(i) => {
                let by = self.out.accepted[i].file.clone();
                self.problem(&card.file, row, Some(&key), CardReason::Superseded { by });
            }
            None => {
                self.taken.insert(key, self.out.accepted.len());
                self.out.accepted.push(card);
            }
        }
    }
}

/// Whether `a` is not earlier than `b`, by their times; true when either is
/// not a timestamp (then the one read last counts as later).
fn later(a: &str, b: &str) -> bool {
    use crate::core::date::parse_timestamp;
    match (parse_timestamp(a), parse_timestamp(b)) {
        (Some(a), Some(b)) => a >= b,
        _ => true,
    }
}

fn clip(text: &str) -> String {
    crate::core::text::clip(text.to_string())
}

/// Reads many card files (name, text) against the workspace; `now` is the
/// time of the import (ISO 8601), for cards dated in the future.
pub fn import_cards(ws: &Workspace, files: &[(String, String)], now: &str) -> CardImport {
    let mut c = Collector::new(ws, now);
    for (file, text) in files {
        match read_card(text) {
            Ok(card) => {
                let wishes = card
                    .wishes
                    .into_iter()
                    .map(|p| (Ok(p.target), p.reason, p.note))
                    .collect();
                c.card(
                    file,
                    None,
                    Some(&card.round),
                    &card.nip,
                    &card.name,
                    &card.created_at,
                    wishes,
                );
            }
            Err(why) => {
                c.out.read += 1;
                c.problem(file, None, None, CardReason::File(why));
            }
        }
    }
    c.out
}

/// A reason from a form's text: mentions of keluarga/family (orang tua,
/// suami, istri, anak), kesehatan/health/sakit, karier/karir/career/
/// pengembangan; anything else Other.
pub fn reason_from_text(text: &str) -> PreferenceReason {
    let key = compact(text);
    let has = |words: &[&str]| words.iter().any(|w| key.contains(w));
    if has(&["KELUARGA", "FAMILY", "ORANGTUA", "SUAMI", "ISTRI", "ANAK"]) {
        PreferenceReason::Family
    } else if has(&["KESEHATAN", "HEALTH", "SAKIT"]) {
        PreferenceReason::Health
    } else if has(&["KARIER", "KARIR", "CAREER", "PENGEMBANGAN"]) {
        PreferenceReason::Career
    } else {
        PreferenceReason::Other
    }
}

/// A wish from a form's text: a position id, a kabupaten, an agency (id,
/// short or full name), a unit (id or a name only one agency has), or a
/// position name only one position has.
pub fn target_from_text(ws: &Workspace, text: &str) -> Result<PreferenceTarget, String> {
    let key = compact(text);
    if let Some(p) = ws.positions.iter().find(|p| p.id.0 == text) {
        return Ok(PreferenceTarget::Position(p.id.clone()));
    }
    if let Ok(r) = super::values::regency(&super::sheet::Cell::Text(text.to_string())) {
        return Ok(PreferenceTarget::Regency(r));
    }
    if let Some(a) = ws.agencies.iter().find(|a| {
        compact(&a.id.0) == key || compact(&a.short_name) == key || compact(&a.name) == key
    }) {
        return Ok(PreferenceTarget::Agency(a.id.clone()));
    }
    let units: Vec<&UnitId> = ws
        .agencies
        .iter()
        .flat_map(|a| a.units.iter())
        .filter(|u| u.id.0 == text || compact(&u.name) == key)
        .map(|u| &u.id)
        .collect();
    if let [unit] = units[..] {
        return Ok(PreferenceTarget::Unit(unit.clone()));
    }
    let positions: Vec<&Position> = ws
        .positions
        .iter()
        .filter(|p| compact(&p.name) == key)
        .collect();
    if let [p] = positions[..] {
        return Ok(PreferenceTarget::Position(p.id.clone()));
    }
    Err(text.to_string())
}

/// Reads a form export: columns NIP, NAMA, and for k = 1..5 `PILIHAN k`,
/// `ALASAN k` and optionally `CATATAN k`; the first row is the header.
pub fn import_card_sheet(ws: &Workspace, sheet: &Sheet, now: &str) -> CardImport {
    let mut c = Collector::new(ws, now);
    let file = sheet.file_name.clone();
    let headers: Vec<String> = (0..sheet.width())
        .map(|col| normalize(&sheet.cell(0, col).display()))
        .collect();
    let column = |name: &str| headers.iter().position(|h| h == name);
    let (Some(nip_col), name_col) = (column("NIP"), column("NAMA")) else {
        c.problem(
            &file,
            Some(sheet.row_number(0)),
            None,
            CardReason::Unreadable("no NIP column".into()),
        );
        return c.out;
    };
    let wish_cols: Vec<(usize, Option<usize>, Option<usize>)> = (1..=MAX_WISHES + 5)
        .filter_map(|k| {
            let choice = column(&format!("PILIHAN {k}"))?;
            Some((
                choice,
                column(&format!("ALASAN {k}")),
                column(&format!("CATATAN {k}")),
            ))
        })
        .collect();
    let timestamp_col = column("TIMESTAMP").or(column("STEMPEL WAKTU"));
    for r in 1..sheet.rows.len() {
        if sheet.rows[r].iter().all(|cell| cell.is_empty()) {
            continue;
        }
        let text = |col: Option<usize>| col.map(|c| sheet.cell(r, c).display()).unwrap_or_default();
        let wishes = wish_cols
            .iter()
            .filter(|(choice, _, _)| !sheet.cell(r, *choice).is_empty())
            .map(|(choice, reason, note)| {
                (
                    target_from_text(ws, &sheet.cell(r, *choice).display()),
                    reason_from_text(&text(*reason)),
                    text(*note),
                )
            })
            .collect();
        c.card(
            &file,
            Some(sheet.row_number(r)),
            None,
            &text(Some(nip_col)),
            &text(name_col),
            &text(timestamp_col),
            wishes,
        );
    }
    c.out
}

/// Merges two imports (files and a CSV chosen together).
pub fn merge(mut a: CardImport, b: CardImport, ws: &Workspace) -> CardImport {
    let mut c = Collector::new(ws, "");
    c.out.read = a.read + b.read;
    c.out.problems.append(&mut a.problems);
    c.out.problems.extend(b.problems);
    c.out.conflicts = a.conflicts;
    for conflict in b.conflicts {
        for card in conflict.cards {
            c.keep(card, None);
        }
    }
    for card in a.accepted.into_iter().chain(b.accepted) {
        c.keep(card, None);
    }
    c.out
}

/// Replaces the preferences of every accepted card's ASN.
pub fn apply_cards(ws: &Workspace, import: &CardImport) -> Workspace {
    let mut out = ws.clone();
    for card in import.to_apply() {
        if let Some(asn) = out.asn.iter_mut().find(|a| a.nip.as_str() == card.nip) {
            asn.preferences = card.wishes.clone();
        }
    }
    out
}

//! Every change a user makes to a workspace, as data: one [`Edit`] per kind
//! of change, applied by [`Edit::apply`], which either changes the
//! workspace and says what it did ([`Applied`]: a stable action code and a
//! detail built from NIPs and ids, for the audit log) or refuses with an
//! [`EditError`] and leaves the workspace exactly as it was.
//!
//! The UI builds an `Edit` from what the user chose and hands it to
//! `AppState::apply`, which keeps the undo step and the audit line; the
//! business rules (one decision per person, one constraint per person or
//! unit, a period's performance record replaced, a scenario kept in every
//! round) live here and are tested natively in tests/edit.rs.
//!
//! Slider drags of the active scenario are not edits: they change a
//! setting many times a second and are saved without an undo step
//! (`AppState::tune`).

use crate::core::date::Date;
use crate::core::io::objection::ObjectionImport;
use crate::core::io::preference_card::{apply_cards, CardImport};
use crate::core::io::table_import::{self, Analysis, RowStatus};
use crate::core::model::{
    audit_value, Clearance, ClearanceDoc, CommentAuthor, Constraint, Decision, DecisionAction,
    Election, FollowUp, FollowUpKind, FollowUpStatus, Government, Letter, Nip, Opening,
    PerformanceRecord, Period, Position, PositionId, Priority, Rating, Round, RoundStatus,
    Scenario, Workspace,
};
use crate::core::participation::{accept_comment, add_comment, reject_comment, CommentError};
use crate::core::procedure::{self, Change};

/// The most people an opening can ask for, as the openings editor allows.
pub use crate::core::model::limits::MAX_SLOTS;

/// One change to a workspace. Timestamps (`at`) are given by the caller:
/// the core has no clock.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// A manual decision on a person of the open round, with its reason;
    /// it replaces an earlier decision on the same person.
    Decide {
        asn: Nip,
        action: DecisionAction,
        reason: String,
        at: String,
    },
    /// Two people take each other's outcome: two decisions, one reason.
    Swap {
        first: (Nip, PositionId),
        second: (Nip, PositionId),
        reason: String,
        at: String,
    },
    /// Removes the manual decision on a person.
    Undecide { asn: Nip },
    /// Adds a constraint to a scenario of the open round; it replaces the
    /// scenario's pin or ban on the same person, or its cap on the same unit.
    Constrain {
        scenario: String,
        constraint: Constraint,
        reason: Option<String>,
    },
    /// Removes a scenario's constraint by its place in the list.
    Unconstrain { scenario: String, index: usize },
    /// Opens a position in the open round (or reopens it with new terms).
    Open { opening: Opening },
    /// Changes how many people an opening asks for.
    SetSlots { position: PositionId, slots: u32 },
    /// Changes an opening's priority.
    SetPriority {
        position: PositionId,
        priority: Priority,
    },
    /// Closes an opening.
    Close { position: PositionId },
    /// The day the Pilkada candidates are set; `None` removes the election.
    SetCandidatesSet(Option<Date>),
    /// The year of the government's next Pilkada, before its dates are
    /// known (a round with it and no dates is warned).
    SetElectionYear(Option<u16>),
    /// The day the elected head is inaugurated, once known.
    SetInauguration(Option<Date>),
    /// The last day for comments and preference cards.
    SetDeadline(Option<Date>),
    /// Where comments and cards go (trimmed).
    SetContact(String),
    /// A period's performance record of one person (replacing the same
    /// period's record).
    RecordPerformance { asn: Nip, record: PerformanceRecord },
    /// One period's ratings of several people, all or nothing.
    RecordPerformances {
        period: Period,
        ratings: Vec<(Nip, Rating, Rating)>,
    },
    /// Plans a follow-up, replacing one of the same kind for the person.
    PlanFollowUp {
        asn: Nip,
        kind: FollowUpKind,
        planned_on: Date,
    },
    /// Moves a follow-up on.
    SetFollowUpStatus {
        asn: Nip,
        kind: FollowUpKind,
        status: FollowUpStatus,
    },
    /// Starts a new round (name, planned TMT) with one standard scenario;
    /// it becomes the open round. Refused while the open round is out for
    /// comment or in review (decide it, or take it back to Draf, first).
    NewRound { name: String, effective_date: Date },
    /// Renames the open round and sets its planned TMT (while in Draf).
    SetRound { name: String, effective_date: Date },
    /// A new scenario of the open round with the standard settings.
    NewScenario { name: String },
    /// Renames a scenario of the open round.
    RenameScenario { id: String, name: String },
    /// A copy of a scenario of the open round, under a new name.
    DuplicateScenario { id: String, name: String },
    /// Deletes a scenario; a round keeps at least one.
    DeleteScenario { id: String },
    /// Records a comment or objection on a person of the open round.
    AddComment {
        asn: Nip,
        author: CommentAuthor,
        from: String,
        text: String,
        request: DecisionAction,
        at: String,
    },
    /// Accepts an objection: its request becomes the person's decision.
    AcceptComment { id: u32, note: String, at: String },
    /// Rejects an objection, with a reason.
    RejectComment { id: u32, reason: String, at: String },
    /// Applies an analysed spreadsheet import.
    ImportSheet(Box<Analysis>),
    /// Applies the accepted preference cards.
    ImportCards(Box<CardImport>),
    /// Records the accepted objection files as the ASN's comments on the
    /// open round.
    ImportObjections(Box<ObjectionImport>),
    /// Draf → Sosialisasi: freezes a version of the scenario and publishes
    /// it; a version after the first needs a reason.
    Publish {
        scenario: String,
        reason: Option<String>,
        at: String,
    },
    /// Sosialisasi → Dibahas: the Tim Penilai Kinerja's members and meeting.
    StartReview {
        members: Vec<String>,
        meeting: Date,
        at: String,
    },
    /// The review meeting's minutes (in Dibahas): who of the members
    /// attended, and what was decided.
    SetMinutes { attended: Vec<String>, text: String },
    /// Dibahas → Ditetapkan: the PPK decides; the chosen scenario and its
    /// plan are frozen as the decided version.
    Establish { scenario: String, at: String },
    /// Ditetapkan → SK terbit: the decree's number and date; the decided
    /// moves become move records with the round's TMT (from the people's
    /// current positions, which the next roster import updates).
    IssueDecree {
        number: String,
        date: Date,
        at: String,
    },
    /// One step back (Sosialisasi → Draf, Dibahas → Sosialisasi), with a
    /// reason.
    StepBack { reason: String, at: String },
    /// Whose workspace it is (the PPK who signs); not while a round is
    /// published.
    SetGovernment(Government),
    /// Corrects a position (by its id): type and level, JF, unit (within
    /// its agency), minimum golongan, education, required competencies and
    /// need. It clears "perlu diperiksa". Refused while the open round is
    /// published (the data a frozen version read must not change).
    SetPosition(Box<Position>),
    /// Records (or, with `None`, removes) one document of a person's
    /// transfer between governments; until the round is decided.
    SetClearance {
        asn: Nip,
        doc: ClearanceDoc,
        letter: Option<Letter>,
    },
    /// Records (or, with `None`, removes) the Mendagri's written approval
    /// of the round's moves of officials in a Pilkada window.
    SetPilkadaApproval(Option<Letter>),
}

/// What an applied edit did, for the audit log and the undo label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Applied {
    /// A stable code (`decision`, `opening`, `comment.accept`, …).
    pub action: &'static str,
    /// What changed, in ids, NIPs and plan-file values only.
    pub detail: String,
    /// The user's reason, when the edit has one.
    pub reason: Option<String>,
    /// The scenario the edit created, for the UI to show.
    pub new_scenario: Option<String>,
}

/// Why an edit was refused; nothing was changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    /// The workspace has no open round.
    NoOpenRound,
    /// A decision or constraint needs a reason.
    ReasonRequired,
    UnknownAsn(Nip),
    UnknownPosition(PositionId),
    UnknownOpening(PositionId),
    UnknownScenario(String),
    UnknownConstraint(usize),
    UnknownDecision(Nip),
    UnknownFollowUp(Nip),
    /// A round keeps at least one scenario.
    LastScenario,
    /// A round or scenario needs a name.
    NameRequired,
    /// A new round while the open one is out for comment or in review.
    RoundInProgress(RoundStatus),
    /// Slots outside 1..=[`MAX_SLOTS`].
    SlotsOutOfRange(u32),
    /// A unit cap above 100 %.
    PercentOutOfRange(u8),
    /// Card conflicts the analyst has not decided yet.
    CardsUndecided(usize),
    /// A swap of a person with themself.
    SamePerson(Nip),
    /// An inauguration date for a round with no election.
    NoElection,
    /// Nothing to record or import.
    Nothing,
    /// The import's mapping has problems that block it.
    ImportBlocked,
    Comment(CommentError),
    /// The round's status does not allow this change (a change to a
    /// published round needs a new version: back to Draf, then publish).
    Frozen(RoundStatus),
    /// This step cannot be taken from the round's status.
    WrongStatus(RoundStatus),
    /// A position corrected into a unit its agency does not have.
    UnknownUnit(crate::core::model::UnitId),
    /// A need of 0 or above the limit.
    NeedOutOfRange(u32),
    /// A floor per position type without the units it covers or a JF.
    EmptyKindFloor,
    /// The review needs its members.
    MembersRequired,
    /// The minutes name an attendee who is not a member of the team.
    UnknownMember(String),
    /// The decree needs its number.
    DecreeNumberRequired,
    /// A letter needs its number.
    LetterNumberRequired,
    /// These people's transfers between governments lack a document of
    /// their checklist: the round cannot be decided.
    Unclear(Vec<Nip>),
    /// The plan to freeze could not be computed.
    Plan(crate::core::engine::PlanError),
}

impl From<CommentError> for EditError {
    fn from(e: CommentError) -> EditError {
        EditError::Comment(e)
    }
}

type Result<T> = std::result::Result<T, EditError>;

impl Edit {
    /// Applies the edit: on success the workspace has changed and the
    /// result says how; on refusal the workspace is untouched (every check
    /// runs before the first change).
    pub fn apply(self, ws: &mut Workspace) -> Result<Applied> {
        match self {
            Edit::Decide {
                asn,
                action,
                reason,
                at,
            } => {
                let reason = required(reason)?;
                let round = round_for(ws, Change::Decisions)?;
                let detail = format!("{asn}: {}", audit_value(&action));
                round.decide(Decision {
                    asn,
                    action,
                    reason: reason.clone(),
                    at,
                    comment: None,
                });
                Ok(applied("decision", detail).because(Some(reason)))
            }
            Edit::Swap {
                first,
                second,
                reason,
                at,
            } => {
                let reason = required(reason)?;
                if first.0 == second.0 {
                    return Err(EditError::SamePerson(first.0));
                }
                let round = round_for(ws, Change::Decisions)?;
                let detail = format!("swap {} ⇄ {}", first.0, second.0);
                for (asn, to) in [first, second] {
                    round.decide(Decision {
                        asn,
                        action: DecisionAction::Assign(to),
                        reason: reason.clone(),
                        at: at.clone(),
                        comment: None,
                    });
                }
                Ok(applied("decision.swap", detail).because(Some(reason)))
            }
            Edit::Undecide { asn } => {
                let round = round_for(ws, Change::Decisions)?;
                if !round.decisions.iter().any(|d| d.asn == asn) {
                    return Err(EditError::UnknownDecision(asn));
                }
                round.undecide(&asn);
                Ok(applied("decision.remove", asn.to_string()))
            }
            Edit::Constrain {
                scenario,
                constraint,
                reason,
            } => {
                if let Constraint::UnitCap { max_percent, .. } = constraint {
                    if max_percent > 100 {
                        return Err(EditError::PercentOutOfRange(max_percent));
                    }
                }
                let constraint = match constraint {
                    Constraint::KindFloor {
                        units,
                        families,
                        min,
                    } => {
                        let units = units.trim().to_string();
                        let families: Vec<String> = families
                            .iter()
                            .map(|f| f.trim().to_string())
                            .filter(|f| !f.is_empty())
                            .collect();
                        if units.is_empty() || families.is_empty() {
                            return Err(EditError::EmptyKindFloor);
                        }
                        if min == 0 || min > crate::core::model::limits::MAX_NEED {
                            return Err(EditError::NeedOutOfRange(min));
                        }
                        Constraint::KindFloor {
                            units,
                            families,
                            min,
                        }
                    }
                    other => other,
                };
                let reason = reason
                    .map(|r| r.trim().to_string())
                    .filter(|r| !r.is_empty());
                let s = scenario_mut(ws, &scenario)?;
                let detail = format!("scenario {scenario}: {}", audit_value(&constraint));
                s.constraints.retain(|c| !same_subject(c, &constraint));
                s.constraints.push(constraint);
                Ok(applied("constraint.add", detail).because(reason))
            }
            Edit::Unconstrain { scenario, index } => {
                let s = scenario_mut(ws, &scenario)?;
                if index >= s.constraints.len() {
                    return Err(EditError::UnknownConstraint(index));
                }
                let removed = s.constraints.remove(index);
                let detail = format!("scenario {scenario}: {}", audit_value(&removed));
                Ok(applied("constraint.remove", detail))
            }
            Edit::Open { opening } => {
                check_slots(opening.slots)?;
                if !ws.positions.iter().any(|p| p.id == opening.position) {
                    return Err(EditError::UnknownPosition(opening.position));
                }
                let round = round_for(ws, Change::Settings)?;
                let detail = format!(
                    "{} slots {} priority {}",
                    opening.position.0,
                    opening.slots,
                    audit_value(&opening.priority)
                );
                let reason = Some(opening.reason.trim().to_string()).filter(|r| !r.is_empty());
                round.openings.retain(|o| o.position != opening.position);
                round.openings.push(opening);
                Ok(applied("opening", detail).because(reason))
            }
            Edit::SetSlots { position, slots } => {
                check_slots(slots)?;
                opening_mut(ws, &position)?.slots = slots;
                Ok(applied("opening", format!("{} slots {slots}", position.0)))
            }
            Edit::SetPriority { position, priority } => {
                opening_mut(ws, &position)?.priority = priority;
                let detail = format!("{} priority {}", position.0, audit_value(&priority));
                Ok(applied("opening", detail))
            }
            Edit::Close { position } => {
                opening_mut(ws, &position)?;
                let round = round_for(ws, Change::Settings)?;
                round.openings.retain(|o| o.position != position);
                Ok(applied("opening", format!("{} closed", position.0)))
            }
            Edit::SetCandidatesSet(date) => {
                let round = round_for(ws, Change::Settings)?;
                match (date, round.election.as_mut()) {
                    (Some(d), Some(e)) => e.candidates_set = d,
                    (Some(d), None) => {
                        round.election = Some(Election {
                            candidates_set: d,
                            inauguration: None,
                        })
                    }
                    (None, _) => round.election = None,
                }
                Ok(applied("round.election", date_text(date)))
            }
            Edit::SetElectionYear(year) => {
                let round = round_for(ws, Change::Settings)?;
                round.election_year = year.filter(|y| (2000..=2100).contains(y));
                Ok(applied(
                    "round.election_year",
                    round
                        .election_year
                        .map(|y| y.to_string())
                        .unwrap_or_default(),
                ))
            }
            Edit::SetInauguration(date) => {
                let round = round_for(ws, Change::Settings)?;
                let election = round.election.as_mut().ok_or(EditError::NoElection)?;
                election.inauguration = date;
                Ok(applied("round.election.inauguration", date_text(date)))
            }
            Edit::SetDeadline(date) => {
                round_for(ws, Change::Participation)?.participation.deadline = date;
                Ok(applied("participation.deadline", date_text(date)))
            }
            Edit::SetContact(contact) => {
                let contact = contact.trim().to_string();
                round_for(ws, Change::Participation)?.participation.contact = contact.clone();
                Ok(applied("participation.contact", contact))
            }
            Edit::RecordPerformance { asn, record } => {
                let detail = format!(
                    "{asn} {}: {}",
                    record.period,
                    audit_value(&record.predikat())
                );
                asn_mut(ws, &asn)?.record_performance(record);
                Ok(applied("performance", detail))
            }
            Edit::RecordPerformances { period, ratings } => {
                if ratings.is_empty() {
                    return Err(EditError::Nothing);
                }
                if let Some((nip, ..)) = ratings
                    .iter()
                    .find(|(n, ..)| !ws.asn.iter().any(|a| &a.nip == n))
                {
                    return Err(EditError::UnknownAsn(nip.clone()));
                }
                let detail = format!("{} ratings for {period}", ratings.len());
                for (nip, hasil_kerja, perilaku_kerja) in ratings {
                    asn_mut(ws, &nip)?.record_performance(PerformanceRecord {
                        period,
                        hasil_kerja,
                        perilaku_kerja,
                        score: None,
                    });
                }
                Ok(applied("performance.grid", detail))
            }
            Edit::PlanFollowUp {
                asn,
                kind,
                planned_on,
            } => {
                asn_mut(ws, &asn)?;
                let detail = format!("{asn}: {}", audit_value(&kind));
                ws.follow_ups.retain(|f| !(f.asn == asn && f.kind == kind));
                ws.follow_ups.push(FollowUp {
                    asn,
                    kind,
                    status: FollowUpStatus::Planned,
                    planned_on,
                    note: String::new(),
                });
                Ok(applied("follow_up", detail))
            }
            Edit::SetFollowUpStatus { asn, kind, status } => {
                let f = ws
                    .follow_ups
                    .iter_mut()
                    .find(|f| f.asn == asn && f.kind == kind)
                    .ok_or_else(|| EditError::UnknownFollowUp(asn.clone()))?;
                f.status = status;
                let detail = format!("{asn}: {} {}", audit_value(&kind), audit_value(&status));
                Ok(applied("follow_up.status", detail))
            }
            Edit::NewRound {
                name,
                effective_date,
            } => {
                let name = required_name(&name)?;
                if let Some(r) = ws.open_round() {
                    let status = r.procedure.status;
                    if matches!(status, RoundStatus::Sosialisasi | RoundStatus::Dibahas) {
                        return Err(EditError::RoundInProgress(status));
                    }
                }
                let mut n = ws.rounds.len() + 1;
                let id = loop {
                    let id = format!("putaran-{n}");
                    if ws.rounds.iter().all(|r| r.id != id) {
                        break id;
                    }
                    n += 1;
                };
                ws.rounds.push(Round {
                    id: id.clone(),
                    name: name.clone(),
                    effective_date,
                    openings: Vec::new(),
                    scenarios: vec![Scenario::standard("s1", "Seimbang")],
                    decisions: Vec::new(),
                    results: Vec::new(),
                    participation: Default::default(),
                    election: None,
                    election_year: None,
                    procedure: Default::default(),
                });
                let mut done = applied("round.new", format!("{id}: {name} · TMT {effective_date}"));
                done.new_scenario = Some("s1".into());
                Ok(done)
            }
            Edit::SetRound {
                name,
                effective_date,
            } => {
                let name = required_name(&name)?;
                let round = round_for(ws, Change::Settings)?;
                round.name = name.clone();
                round.effective_date = effective_date;
                Ok(applied(
                    "round.set",
                    format!("{}: {name} · TMT {effective_date}", round.id),
                ))
            }
            Edit::NewScenario { name } => {
                let name = required_name(&name)?;
                let round = round_for(ws, Change::Settings)?;
                let id = free_scenario_id(round);
                round
                    .scenarios
                    .push(Scenario::standard(id.clone(), name.clone()));
                let mut done = applied("scenario.new", format!("{id}: {name}"));
                done.new_scenario = Some(id);
                Ok(done)
            }
            Edit::RenameScenario { id, name } => {
                let name = required_name(&name)?;
                let round = round_for(ws, Change::Settings)?;
                let scenario = round
                    .scenarios
                    .iter_mut()
                    .find(|s| s.id == id)
                    .ok_or_else(|| EditError::UnknownScenario(id.clone()))?;
                let detail = format!("{id}: {} → {name}", scenario.name);
                scenario.name = name;
                Ok(applied("scenario.rename", detail))
            }
            Edit::DuplicateScenario { id, name } => {
                let round = round_for(ws, Change::Settings)?;
                let source = round
                    .scenarios
                    .iter()
                    .find(|s| s.id == id)
                    .cloned()
                    .ok_or_else(|| EditError::UnknownScenario(id.clone()))?;
                let new_id = free_scenario_id(round);
                round.scenarios.push(Scenario {
                    id: new_id.clone(),
                    name,
                    ..source
                });
                let mut done = applied("scenario.duplicate", format!("scenario {id} → {new_id}"));
                done.new_scenario = Some(new_id);
                Ok(done)
            }
            Edit::DeleteScenario { id } => {
                let round = round_for(ws, Change::Settings)?;
                if !round.scenarios.iter().any(|s| s.id == id) {
                    return Err(EditError::UnknownScenario(id));
                }
                if round.scenarios.len() < 2 {
                    return Err(EditError::LastScenario);
                }
                round.scenarios.retain(|s| s.id != id);
                Ok(applied("scenario.delete", format!("scenario {id}")))
            }
            Edit::AddComment {
                asn,
                author,
                from,
                text,
                request,
                at,
            } => {
                let round = round_for(ws, Change::Participation)?;
                let detail = format!("{asn}: {}", audit_value(&request));
                let id = add_comment(round, asn, author, &from, &text, request, &at)?;
                Ok(applied("comment.add", format!("#{id} {detail}")))
            }
            Edit::AcceptComment { id, note, at } => {
                accept_comment(round_for(ws, Change::Decisions)?, id, &note, &at)?;
                let note = Some(note.trim().to_string()).filter(|n| !n.is_empty());
                Ok(applied("comment.accept", format!("#{id}")).because(note))
            }
            Edit::RejectComment { id, reason, at } => {
                reject_comment(round_for(ws, Change::Participation)?, id, &reason, &at)?;
                Ok(applied("comment.reject", format!("#{id}"))
                    .because(Some(reason.trim().to_string())))
            }
            Edit::ImportSheet(analysis) => {
                if !analysis.blocking.is_empty() {
                    return Err(EditError::ImportBlocked);
                }
                if analysis.changes.is_empty() {
                    return Err(EditError::Nothing);
                }
                let detail = format!(
                    "{} {}: new {}, update {}, invalid {}",
                    analysis.kind.code(),
                    analysis.file_name,
                    analysis.count(RowStatus::New),
                    analysis.count(RowStatus::Update),
                    analysis.count(RowStatus::Invalid),
                );
                *ws = table_import::apply(ws, &analysis);
                Ok(applied("import_sheet", detail))
            }
            Edit::ImportCards(import) => {
                let undecided = import.undecided();
                if undecided > 0 {
                    return Err(EditError::CardsUndecided(undecided));
                }
                let nips: Vec<&str> = import.to_apply().map(|c| c.nip.as_str()).collect();
                if nips.is_empty() {
                    return Err(EditError::Nothing);
                }
                let detail = format!("{} cards: {}", nips.len(), nips.join(" "));
                *ws = apply_cards(ws, &import);
                Ok(applied("import_cards", detail))
            }
            Edit::ImportObjections(import) => {
                if import.accepted.is_empty() {
                    return Err(EditError::Nothing);
                }
                // Checked before the first change: add_comment cannot fail.
                if import.accepted.iter().any(|o| o.text.trim().is_empty()) {
                    return Err(CommentError::EmptyText.into());
                }
                let round = round_for(ws, Change::Participation)?;
                let room =
                    crate::core::participation::next_comment_id(&round.participation.comments)
                        .map_or(0, |next| {
                            crate::core::model::limits::MAX_COMMENT_ID - next + 1
                        });
                if import.accepted.len() as u64 > u64::from(room) {
                    return Err(CommentError::Full.into());
                }
                let mut ids = Vec::new();
                for o in &import.accepted {
                    let id = add_comment(
                        round,
                        o.nip.clone(),
                        CommentAuthor::Asn,
                        &o.from,
                        &o.text,
                        o.request.clone(),
                        &o.created_at,
                    )?;
                    ids.push(format!("#{id} {}", o.nip));
                }
                let detail = format!("{} objections: {}", ids.len(), ids.join(", "));
                Ok(applied("import_objections", detail))
            }
            Edit::Publish {
                scenario,
                reason,
                at,
            } => {
                let round = round_in(ws, RoundStatus::Draf)?;
                let reason = match reason {
                    Some(r) => r.trim().to_string(),
                    None => String::new(),
                };
                if !round.procedure.versions.is_empty() && reason.is_empty() {
                    return Err(EditError::ReasonRequired);
                }
                let detail = freeze(ws, &scenario, RoundStatus::Sosialisasi, &reason, &at)?;
                let reason = Some(reason).filter(|r| !r.is_empty());
                Ok(applied("round.publish", detail).because(reason))
            }
            Edit::StartReview {
                members,
                meeting,
                at: _,
            } => {
                let members: Vec<String> = members
                    .iter()
                    .map(|m| m.trim().to_string())
                    .filter(|m| !m.is_empty())
                    .collect();
                if members.is_empty() {
                    return Err(EditError::MembersRequired);
                }
                let round = round_in(ws, RoundStatus::Sosialisasi)?;
                let detail = format!("meeting {meeting}: {}", members.join("; "));
                round.procedure.review = Some(crate::core::model::Review {
                    members,
                    meeting,
                    attended: Vec::new(),
                    minutes: String::new(),
                });
                round.procedure.status = RoundStatus::Dibahas;
                Ok(applied("round.review", detail))
            }
            Edit::SetMinutes { attended, text } => {
                let round = round_in(ws, RoundStatus::Dibahas)?;
                let review = round
                    .procedure
                    .review
                    .as_mut()
                    .ok_or(EditError::WrongStatus(RoundStatus::Dibahas))?;
                if let Some(stranger) = attended
                    .iter()
                    .map(|a| a.trim())
                    .find(|a| !review.members.iter().any(|m| m == a))
                {
                    return Err(EditError::UnknownMember(stranger.to_string()));
                }
                // In the members' order, each once.
                let attended: Vec<String> = review
                    .members
                    .iter()
                    .filter(|m| attended.iter().any(|a| a.trim() == m.as_str()))
                    .cloned()
                    .collect();
                review.attended = attended;
                review.minutes = text.trim().to_string();
                Ok(applied(
                    "round.minutes",
                    format!(
                        "{} of {} attended; {} characters",
                        review.attended.len(),
                        review.members.len(),
                        review.minutes.chars().count()
                    ),
                ))
            }
            Edit::Establish { scenario, at } => {
                round_in(ws, RoundStatus::Dibahas)?;
                let detail = freeze(ws, &scenario, RoundStatus::Ditetapkan, "", &at)?;
                Ok(applied("round.establish", detail))
            }
            Edit::SetClearance { asn, doc, letter } => {
                let letter = numbered(letter)?;
                if !ws.asn.iter().any(|a| a.nip == asn) {
                    return Err(EditError::UnknownAsn(asn));
                }
                let round = round_for(ws, Change::Participation)?;
                let detail = match &letter {
                    Some(l) => format!("{asn} {}: {} {}", doc.code(), l.number, l.date),
                    None => format!("{asn} {}: -", doc.code()),
                };
                let clearances = &mut round.procedure.clearances;
                let at = match clearances.iter().position(|c| c.asn == asn) {
                    Some(i) => i,
                    None => {
                        clearances.push(Clearance::new(asn));
                        clearances.len() - 1
                    }
                };
                *clearances[at].letter_mut(doc) = letter;
                if clearances[at] == Clearance::new(clearances[at].asn.clone()) {
                    clearances.remove(at);
                }
                Ok(applied("round.clearance", detail))
            }
            Edit::SetPilkadaApproval(letter) => {
                let letter = numbered(letter)?;
                let round = round_for(ws, Change::Participation)?;
                let detail = match &letter {
                    Some(l) => format!("{} {}", l.number, l.date),
                    None => "-".to_string(),
                };
                round.procedure.pilkada_approval = letter;
                Ok(applied("round.pilkada_approval", detail))
            }
            Edit::IssueDecree {
                number,
                date,
                at: _,
            } => {
                let number = number.trim().to_string();
                if number.is_empty() {
                    return Err(EditError::DecreeNumberRequired);
                }
                let round = round_in(ws, RoundStatus::Ditetapkan)?.clone();
                let version = round
                    .procedure
                    .current()
                    .ok_or(EditError::WrongStatus(RoundStatus::Ditetapkan))?;
                let records = procedure::decree_moves(ws, &round, version);
                let detail = format!("SK {number} {date}: {} moves", records.len());
                // The people's current positions are SIASN's: they change
                // with the next roster import after the TMT, so the frozen
                // versions keep matching the data they were computed from.
                ws.moves.extend(records);
                let round = open_round(ws)?;
                round.procedure.decree = Some(crate::core::model::Decree { number, date });
                round.procedure.status = RoundStatus::SkTerbit;
                Ok(applied("round.decree", detail))
            }
            Edit::SetGovernment(government) => {
                if let Some(round) = ws.open_round() {
                    let status = round.procedure.status;
                    if !procedure::allows(status, Change::Settings) {
                        return Err(EditError::Frozen(status));
                    }
                }
                ws.government = government;
                Ok(applied("government", audit_value(&government)))
            }
            Edit::SetPosition(mut position) => {
                if let Some(round) = ws.open_round() {
                    let status = round.procedure.status;
                    if !procedure::allows(status, Change::Settings) {
                        return Err(EditError::Frozen(status));
                    }
                }
                let i = ws
                    .positions
                    .iter()
                    .position(|p| p.id == position.id)
                    .ok_or_else(|| EditError::UnknownPosition(position.id.clone()))?;
                let old = &ws.positions[i];
                // The agency stays; the unit must be one of its units.
                position.agency = old.agency.clone();
                let agency = ws.agencies.iter().find(|a| a.id == old.agency);
                if agency.is_none_or(|a| a.unit(&position.unit).is_none()) {
                    return Err(EditError::UnknownUnit(position.unit.clone()));
                }
                if position.need == 0 || position.need > MAX_NEED {
                    return Err(EditError::NeedOutOfRange(position.need));
                }
                position.jf = position
                    .jf
                    .map(|j| j.trim().to_string())
                    .filter(|j| !j.is_empty());
                position.name = position.name.trim().to_string();
                if position.name.is_empty() {
                    return Err(EditError::NameRequired);
                }
                position.review = false;
                // An eselon belongs to its type: a post made a JF loses it.
                position.eselon = position.eselon.filter(|e| e.kind() == position.kind);
                let detail = position_changes(old, &position);
                ws.positions[i] = *position;
                Ok(applied("position", detail))
            }
            Edit::StepBack { reason, at: _ } => {
                let reason = required(reason)?;
                let round = open_round(ws)?;
                let from = round.procedure.status;
                let to = procedure::back_from(from).ok_or(EditError::WrongStatus(from))?;
                round.procedure.status = to;
                if to == RoundStatus::Sosialisasi {
                    round.procedure.review = None;
                }
                let detail = format!("{} → {}", from.code(), to.code());
                Ok(applied("round.back", detail).because(Some(reason)))
            }
        }
    }
}

/// The most people a position's need may ask for.
pub const MAX_NEED: u32 = 9_999;

/// What a correction changes, in plan-file values: "dinkes.p1: kind
/// pelaksana → pengawas, need 3 → 2".
fn position_changes(old: &Position, new: &Position) -> String {
    let mut parts = Vec::new();
    let mut diff = |field: &str, a: String, b: String| {
        if a != b {
            parts.push(format!("{field} {a} → {b}"));
        }
    };
    diff("name", old.name.clone(), new.name.clone());
    diff("kind", audit_value(&old.kind), audit_value(&new.kind));
    diff(
        "eselon",
        old.eselon.map(|e| e.code()).unwrap_or_default().to_string(),
        new.eselon.map(|e| e.code()).unwrap_or_default().to_string(),
    );
    diff(
        "jf",
        old.jf.clone().unwrap_or_default(),
        new.jf.clone().unwrap_or_default(),
    );
    diff("unit", old.unit.0.clone(), new.unit.0.clone());
    diff(
        "min_golongan",
        audit_value(&old.min_golongan),
        audit_value(&new.min_golongan),
    );
    diff(
        "education",
        audit_value(&old.education),
        audit_value(&new.education),
    );
    diff(
        "competencies",
        audit_value(&old.competencies),
        audit_value(&new.competencies),
    );
    diff("need", old.need.to_string(), new.need.to_string());
    if old.review && parts.is_empty() {
        parts.push("checked".to_string());
    }
    format!("{}: {}", new.id.0, parts.join(", "))
}

fn applied(action: &'static str, detail: String) -> Applied {
    Applied {
        action,
        detail,
        reason: None,
        new_scenario: None,
    }
}

impl Applied {
    fn because(mut self, reason: Option<String>) -> Applied {
        self.reason = reason;
        self
    }
}

/// A trimmed reason that is not empty.
fn required(reason: String) -> Result<String> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(EditError::ReasonRequired);
    }
    Ok(reason.to_string())
}

fn open_round(ws: &mut Workspace) -> Result<&mut Round> {
    ws.open_round_mut().ok_or(EditError::NoOpenRound)
}

/// The open round, if its status allows the change.
fn round_for(ws: &mut Workspace, change: Change) -> Result<&mut Round> {
    let round = open_round(ws)?;
    let status = round.procedure.status;
    if procedure::allows(status, change) {
        Ok(round)
    } else {
        Err(EditError::Frozen(status))
    }
}

/// Freezes a version of the open round's scenario for `status` and moves
/// the round there; returns the audit detail (version, scenario,
/// fingerprint).
fn freeze(
    ws: &mut Workspace,
    scenario: &str,
    status: RoundStatus,
    reason: &str,
    at: &str,
) -> Result<String> {
    let round = open_round(ws)?.clone();
    let version =
        procedure::freeze(ws, &round, scenario, status, reason, at).map_err(EditError::Plan)?;
    // The PPK decides only transfers between governments whose letters
    // and BKN's pertimbangan teknis are recorded.
    if status == RoundStatus::Ditetapkan {
        let unclear = procedure::unclear(ws, &round, &version.result.moves);
        if !unclear.is_empty() {
            return Err(EditError::Unclear(unclear));
        }
    }
    let detail = format!(
        "v{} scenario {scenario} sha256 {}",
        version.number, version.fingerprint
    );
    let round = open_round(ws)?;
    round.procedure.versions.push(version);
    round.procedure.status = status;
    Ok(detail)
}

/// The open round if it is in `status`.
fn round_in(ws: &mut Workspace, status: RoundStatus) -> Result<&mut Round> {
    let round = open_round(ws)?;
    if round.procedure.status == status {
        Ok(round)
    } else {
        Err(EditError::WrongStatus(round.procedure.status))
    }
}

fn scenario_mut<'a>(ws: &'a mut Workspace, id: &str) -> Result<&'a mut Scenario> {
    round_for(ws, Change::Settings)?
        .scenarios
        .iter_mut()
        .find(|s| s.id == id)
        .ok_or_else(|| EditError::UnknownScenario(id.to_string()))
}

fn opening_mut<'a>(ws: &'a mut Workspace, position: &PositionId) -> Result<&'a mut Opening> {
    round_for(ws, Change::Settings)?
        .openings
        .iter_mut()
        .find(|o| &o.position == position)
        .ok_or_else(|| EditError::UnknownOpening(position.clone()))
}

fn asn_mut<'a>(ws: &'a mut Workspace, nip: &Nip) -> Result<&'a mut crate::core::model::Asn> {
    ws.asn
        .iter_mut()
        .find(|a| &a.nip == nip)
        .ok_or_else(|| EditError::UnknownAsn(nip.clone()))
}

fn check_slots(slots: u32) -> Result<()> {
    if (1..=MAX_SLOTS).contains(&slots) {
        Ok(())
    } else {
        Err(EditError::SlotsOutOfRange(slots))
    }
}

/// A letter to record, its number trimmed; refused without a number.
fn numbered(letter: Option<Letter>) -> Result<Option<Letter>> {
    match letter {
        Some(l) if l.number.trim().is_empty() => Err(EditError::LetterNumberRequired),
        Some(l) => Ok(Some(Letter {
            number: l.number.trim().to_string(),
            date: l.date,
        })),
        None => Ok(None),
    }
}

fn date_text(date: Option<Date>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}

/// True when two constraints are about the same thing: a pin or ban on the
/// same person, or a cap on the same unit.
fn same_subject(a: &Constraint, b: &Constraint) -> bool {
    use Constraint::*;
    match (a, b) {
        (UnitCap { unit: x, .. }, UnitCap { unit: y, .. }) => x == y,
        (UnitFloor { unit: x, .. }, UnitFloor { unit: y, .. }) => x == y,
        (
            KindFloor {
                units: u,
                families: f,
                ..
            },
            KindFloor {
                units: v,
                families: g,
                ..
            },
        ) => {
            let keys = |f: &[String]| {
                let mut k: Vec<String> = f
                    .iter()
                    .map(|f| crate::core::move_class::jf_key(f))
                    .collect();
                crate::core::sort::sort(&mut k);
                k
            };
            crate::core::io::values::compact(u) == crate::core::io::values::compact(v)
                && keys(f) == keys(g)
        }
        (
            Pin { asn: x, .. } | Forbid { asn: x, .. },
            Pin { asn: y, .. } | Forbid { asn: y, .. },
        ) => x == y,
        _ => false,
    }
}

/// The first `s{n}` not taken, counting from the number of scenarios + 1.
/// A name, trimmed; refused when empty.
fn required_name(name: &str) -> Result<String> {
    let name = name.trim();
    if name.is_empty() {
        Err(EditError::NameRequired)
    } else {
        Ok(name.to_string())
    }
}

fn free_scenario_id(round: &Round) -> String {
    let mut n = round.scenarios.len() + 1;
    while round.scenarios.iter().any(|s| s.id == format!("s{n}")) {
        n += 1;
    }
    format!("s{n}")
}

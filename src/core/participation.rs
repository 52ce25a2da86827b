//! ASN participation in a draft: comments and objections with a status (an
//! accepted one becomes a manual decision), and the facts behind the
//! socialisation printouts (who leaves and who arrives per agency).

use crate::core::engine::Plan;
use crate::core::model::{
    AgencyId, Comment, CommentAuthor, CommentStatus, Decision, DecisionAction, Nip, Round,
    Workspace,
};
use std::fmt;

/// Why a comment operation was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CommentError {
    EmptyText,
    /// Rejecting needs a reason.
    EmptyReason,
    UnknownComment(u32),
    /// Already accepted or rejected.
    AlreadyResolved(u32),
    /// The round has used every comment number.
    Full,
}

impl fmt::Display for CommentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CommentError::EmptyText => f.write_str("the comment is empty"),
            CommentError::EmptyReason => f.write_str("a rejection needs a reason"),
            CommentError::UnknownComment(id) => write!(f, "no comment #{id}"),
            CommentError::AlreadyResolved(id) => write!(f, "comment #{id} is already resolved"),
            CommentError::Full => f.write_str("the round has used every comment number"),
        }
    }
}

/// Records a new open comment; returns its number.
pub fn add_comment(
    round: &mut Round,
    asn: Nip,
    author: CommentAuthor,
    from: &str,
    text: &str,
    request: DecisionAction,
    at: &str,
) -> Result<u32, CommentError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(CommentError::EmptyText);
    }
    let comments = &mut round.participation.comments;
    let id = next_comment_id(comments).ok_or(CommentError::Full)?;
    comments.push(Comment {
        id,
        asn,
        author,
        from: from.trim().to_string(),
        text: text.to_string(),
        request,
        at: at.to_string(),
        status: CommentStatus::Open,
        response: String::new(),
        resolved_at: None,
    });
    Ok(id)
}

/// The number of the next comment: one more than the largest, while it
/// stays within [`crate::core::model::limits::MAX_COMMENT_ID`].
pub fn next_comment_id(comments: &[Comment]) -> Option<u32> {
    let last = comments.iter().map(|c| c.id).max().unwrap_or(0);
    last.checked_add(1)
        .filter(|&id| id <= crate::core::model::limits::MAX_COMMENT_ID)
}

fn open_comment(round: &mut Round, id: u32) -> Result<&mut Comment, CommentError> {
    let c = round
        .participation
        .comments
        .iter_mut()
        .find(|c| c.id == id)
        .ok_or(CommentError::UnknownComment(id))?;
    if c.status != CommentStatus::Open {
        return Err(CommentError::AlreadyResolved(id));
    }
    Ok(c)
}

/// Accepts a comment: its request becomes the person's manual decision
/// (replacing an earlier one), with the comment as the reason.
pub fn accept_comment(
    round: &mut Round,
    id: u32,
    note: &str,
    at: &str,
) -> Result<(), CommentError> {
    let c = open_comment(round, id)?;
    c.status = CommentStatus::Accepted;
    c.response = note.trim().to_string();
    c.resolved_at = Some(at.to_string());
    let mut reason = c.text.clone();
    if !c.response.is_empty() {
        reason.push_str(" — ");
        reason.push_str(&c.response);
    }
    let decision = Decision {
        asn: c.asn.clone(),
        action: c.request.clone(),
        reason,
        at: at.to_string(),
        comment: Some(id),
    };
    round.decide(decision);
    Ok(())
}

/// Rejects a comment with a reason; the plan does not change.
pub fn reject_comment(
    round: &mut Round,
    id: u32,
    reason: &str,
    at: &str,
) -> Result<(), CommentError> {
    if reason.trim().is_empty() {
        return Err(CommentError::EmptyReason);
    }
    let c = open_comment(round, id)?;
    c.status = CommentStatus::Rejected;
    c.response = reason.trim().to_string();
    c.resolved_at = Some(at.to_string());
    Ok(())
}

/// The comments on one person, oldest first.
pub fn comments_on<'a>(round: &'a Round, asn: &Nip) -> Vec<&'a Comment> {
    round
        .participation
        .comments
        .iter()
        .filter(|c| &c.asn == asn)
        .collect()
}

/// Who leaves and who arrives in an agency under a plan (rows of the plan,
/// in row order).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct AgencyMoves {
    pub leaving: Vec<usize>,
    pub arriving: Vec<usize>,
}

/// The moves of a plan that touch an agency. A move inside the agency is in
/// both lists.
pub fn agency_moves(ws: &Workspace, plan: &Plan, agency: &AgencyId) -> AgencyMoves {
    let mut out = AgencyMoves::default();
    for row in 0..plan.model.rows.len() {
        if !plan.moved(row) {
            continue;
        }
        let from = plan.model.rows[row]
            .current
            .map(|p| &ws.positions[p].agency);
        let to = plan.model.slots[plan.slot_of_row[row]]
            .position
            .map(|p| &ws.positions[p].agency);
        if from == Some(agency) {
            out.leaving.push(row);
        }
        if to == Some(agency) {
            out.arriving.push(row);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::demo::jambi_demo;
    use crate::core::engine::model::RoundInput;
    use crate::core::engine::plan;

    #[test]
    fn an_accepted_objection_becomes_a_decision_and_changes_the_plan() {
        let mut ws = jambi_demo();
        let round = ws.open_round().unwrap().clone();
        let input = RoundInput {
            ws: &ws,
            round: &round,
            scenario: &round.scenarios[0],
        };
        let before = plan(&input).unwrap();
        let row = (0..before.model.rows.len())
            .find(|&r| before.moved(r))
            .unwrap();
        let nip = ws.asn[before.model.rows[row].asn].nip.clone();

        let mut round = round.clone();
        assert_eq!(
            add_comment(
                &mut round,
                nip.clone(),
                CommentAuthor::Asn,
                "x",
                "  ",
                DecisionAction::Stay,
                "t"
            ),
            Err(CommentError::EmptyText)
        );
        let a = add_comment(
            &mut round,
            nip.clone(),
            CommentAuthor::Asn,
            "Yang bersangkutan",
            "Orang tua sakit, mohon tetap",
            DecisionAction::Stay,
            "2026-11-28T09:00:00Z",
        )
        .unwrap();
        let b = add_comment(
            &mut round,
            nip.clone(),
            CommentAuthor::Agency,
            "Dinkes",
            "Masih dibutuhkan",
            DecisionAction::Stay,
            "2026-11-28T10:00:00Z",
        )
        .unwrap();
        assert_eq!((a, b), (1, 2));
        assert_eq!(
            reject_comment(&mut round, b, " ", "t"),
            Err(CommentError::EmptyReason)
        );
        reject_comment(&mut round, b, "Formasi sudah diisi", "t2").unwrap();
        assert_eq!(
            reject_comment(&mut round, b, "lagi", "t3"),
            Err(CommentError::AlreadyResolved(b))
        );
        assert!(
            round.decisions.iter().all(|d| d.asn != nip),
            "a rejection changes nothing"
        );
        accept_comment(&mut round, a, "Disetujui tim", "t4").unwrap();
        let d = round.decisions.iter().find(|d| d.asn == nip).unwrap();
        assert_eq!(d.action, DecisionAction::Stay);
        assert_eq!(d.comment, Some(a), "the decision names its objection");
        assert_eq!(d.reason, "Orang tua sakit, mohon tetap — Disetujui tim");
        assert_eq!(comments_on(&round, &nip).len(), 2);

        ws.rounds.retain(|r| r.id != round.id);
        ws.rounds.push(round.clone());
        let after = plan(&RoundInput {
            ws: &ws,
            round: &round,
            scenario: &round.scenarios[0],
        })
        .unwrap();
        let row_after = after
            .model
            .rows
            .iter()
            .position(|r| ws.asn[r.asn].nip == nip)
            .unwrap();
        assert!(
            !after.moved(row_after),
            "the accepted objection keeps the person in place"
        );
    }

    #[test]
    fn agency_moves_split_leaving_and_arriving() {
        let ws = jambi_demo();
        let round = ws.open_round().unwrap();
        let p = plan(&RoundInput {
            ws: &ws,
            round,
            scenario: &round.scenarios[0],
        })
        .unwrap();
        let mut total_leaving = 0;
        let mut total_arriving = 0;
        for a in &ws.agencies {
            let m = agency_moves(&ws, &p, &a.id);
            total_leaving += m.leaving.len();
            total_arriving += m.arriving.len();
            for &r in &m.arriving {
                let to = p.model.slots[p.slot_of_row[r]].position.unwrap();
                assert_eq!(ws.positions[to].agency, a.id);
            }
        }
        let moved = (0..p.model.rows.len()).filter(|&r| p.moved(r)).count();
        assert_eq!(total_arriving, moved);
        assert!(total_leaving <= moved);
    }
}

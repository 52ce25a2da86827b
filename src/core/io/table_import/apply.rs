//! Applying a confirmed analysis to a copy of the workspace.

use super::*;
use crate::core::model::Workspace;

/// Applies an analysis's valid changes to a copy of the workspace. The
/// analysis must have been made on this workspace (the page recomputes it
/// whenever the workspace changes); indices that do not fit are skipped
/// rather than trusted.
pub fn apply(ws: &Workspace, analysis: &Analysis) -> Workspace {
    let mut out = ws.clone();
    for change in &analysis.changes {
        match change {
            Change::Asn {
                asn,
                existing,
                new_position,
            } => {
                if let Some(new) = new_position {
                    if let Some((a, unit)) = &new.new_unit {
                        if let Some(agency) = out.agencies.get_mut(*a) {
                            agency.units.push(unit.clone());
                        }
                    }
                    out.positions.push(new.position.clone());
                }
                match existing.and_then(|i| out.asn.get_mut(i)) {
                    Some(slot) => *slot = (**asn).clone(),
                    None => out.asn.push((**asn).clone()),
                }
            }
            Change::Position {
                position,
                existing,
                new_unit,
            } => {
                if let Some((a, unit)) = new_unit {
                    if let Some(agency) = out.agencies.get_mut(*a) {
                        agency.units.push(unit.clone());
                    }
                }
                match existing.and_then(|i| out.positions.get_mut(i)) {
                    Some(slot) => *slot = (**position).clone(),
                    None => out.positions.push((**position).clone()),
                }
            }
            // `replaces` only labels the row (New or Update).
            Change::Performance { asn, record, .. } => {
                let Some(person) = out.asn.get_mut(*asn) else {
                    continue;
                };
                person.record_performance(record.clone());
            }
        }
    }
    out
}

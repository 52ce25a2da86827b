//! Applying a confirmed analysis to a copy of the workspace.

use super::*;
use crate::core::model::Workspace;

/// Applies an analysis's valid changes to a copy of the workspace. The
/// analysis must have been made on this workspace (the page recomputes it
/// whenever the workspace changes); indices that do not fit are skipped
/// rather than trusted.
pub fn apply(ws: &Workspace, analysis: &Analysis) -> Workspace {
    let mut out = ws.clone();
    // New OPDs first: the changes count them after the workspace's.
    for agency in &analysis.new_agencies {
        if !out.agencies.iter().any(|a| a.id == agency.id) {
            out.agencies.push(agency.clone());
        }
    }
    for change in &analysis.changes {
        match change {
            Change::Asn {
                asn,
                existing,
                new_position,
                siasn,
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
                keep_siasn_ids(&mut out, asn, siasn);
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

/// Keeps SIASN's ids of a roster row: the person's, their position's and
/// its unit's.
fn keep_siasn_ids(out: &mut Workspace, asn: &crate::core::model::Asn, ids: &SiasnRow) {
    if let Some(id) = &ids.pns {
        out.siasn.pns.insert(asn.nip.clone(), id.clone());
    }
    let Some(current) = &asn.position else {
        return;
    };
    if let Some(id) = &ids.jabatan {
        out.siasn
            .jabatan
            .insert(current.position.clone(), id.clone());
    }
    if let Some(id) = &ids.unor {
        let unit = out
            .positions
            .iter()
            .find(|p| p.id == current.position)
            .map(|p| p.unit.clone());
        if let Some(unit) = unit {
            out.siasn.unor.insert(unit, id.clone());
        }
    }
}

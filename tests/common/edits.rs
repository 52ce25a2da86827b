//! Applying edits in the tests of edits (tests/edit.rs,
//! tests/procedure.rs): one that must succeed, one that must be refused
//! and leave the workspace as it was.

use mutasi_planner::core::edit::{Applied, Edit, EditError};
use mutasi_planner::core::model::Workspace;

/// Applies an edit that must succeed.
pub fn ok(ws: &mut Workspace, edit: Edit) -> Applied {
    match edit.clone().apply(ws) {
        Ok(done) => done,
        Err(e) => panic!("{edit:?} refused: {e:?}"),
    }
}

/// Applies an edit that must be refused with `expected`, and checks that
/// nothing changed.
pub fn refused(ws: &Workspace, edit: Edit, expected: EditError) {
    let mut copy = ws.clone();
    assert_eq!(edit.apply(&mut copy), Err(expected));
    assert_eq!(&copy, ws, "a refused edit changes nothing");
}

//! Demo positions an import row can name without an id: the only one of
//! their name in their unit (tests/table_import.rs, tests/siasn_import.rs,
//! tests/fuzz_siasn.rs).

use mutasi_planner::core::model::{Agency, Position, Unit, Workspace};

/// Every position that its name and unit identify, with its agency and
/// unit, in workspace order.
pub fn named(ws: &Workspace) -> impl Iterator<Item = (&Position, &Agency, &Unit)> {
    ws.positions.iter().filter_map(move |p| {
        let same = ws
            .positions
            .iter()
            .filter(|q| q.unit == p.unit && q.name == p.name)
            .count();
        let agency = ws.agencies.iter().find(|a| a.id == p.agency)?;
        let unit = agency.unit(&p.unit)?;
        (same == 1).then_some((p, agency, unit))
    })
}

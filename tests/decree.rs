//! The decree attachment (Lampiran SK) of a demo plan, written as XLSX and
//! CSV and read back.
#![cfg(not(target_arch = "wasm32"))]

use mutasi_planner::core::demo::jambi_demo;
use mutasi_planner::core::engine::model::RoundInput;
use mutasi_planner::core::engine::plan;
use mutasi_planner::core::io::sheet::{self, Cell};
use mutasi_planner::core::io::sheet_export::{
    decree_csv, decree_lines, decree_xlsx, DECREE_HEADERS,
};
use mutasi_planner::core::io::values::from_excel_serial;

#[test]
fn the_attachment_lists_every_move_and_reads_back_identically() {
    let mut ws = jambi_demo();
    let round = ws.open_round().unwrap().clone();
    let input = RoundInput {
        ws: &ws,
        round: &round,
        scenario: &round.scenarios[0],
    };
    let p = plan(&input).unwrap();
    let moved = (0..p.model.rows.len()).filter(|&r| p.moved(r)).count();
    let lines = decree_lines(&ws, &round, &p);
    assert_eq!(lines.len(), moved);
    assert!(moved > 100, "{moved} moves");
    assert!(lines.iter().all(|l| l.tmt == round.effective_date));
    // Ordered by new agency (workspace order), then golongan from highest.
    let agency_of = |unit: &str| {
        ws.agencies
            .iter()
            .position(|a| unit.ends_with(&format!(", {}", a.name)))
            .unwrap()
    };
    let order: Vec<usize> = lines.iter().map(|l| agency_of(&l.new_unit)).collect();
    assert!(order.windows(2).all(|w| w[0] <= w[1]));

    // A name that a spreadsheet would run as a formula.
    let first = ws
        .asn
        .iter()
        .position(|a| a.nip.as_str() == lines[0].nip)
        .unwrap();
    ws.asn[first].name = "=HYPERLINK(\"http://x\",\"klik\")".into();
    let p = plan(&RoundInput {
        ws: &ws,
        round: &round,
        scenario: &round.scenarios[0],
    })
    .unwrap();
    let lines = decree_lines(&ws, &round, &p);

    let bytes = decree_xlsx(
        &lines,
        "Lampiran SK uji",
        "LAMPIRAN KEPUTUSAN GUBERNUR JAMBI",
        &[],
    )
    .unwrap();
    assert_eq!(
        bytes,
        decree_xlsx(
            &lines,
            "Lampiran SK uji",
            "LAMPIRAN KEPUTUSAN GUBERNUR JAMBI",
            &[]
        )
        .unwrap(),
        "same plan, same bytes"
    );
    let back = sheet::read("lampiran.xlsx", &bytes).unwrap();
    let header = back
        .rows
        .iter()
        .position(|r| r[0] == Cell::Text("NO".into()))
        .unwrap();
    let headers: Vec<String> = back.rows[header].iter().map(Cell::display).collect();
    assert_eq!(headers, DECREE_HEADERS);
    let data = &back.rows[header + 1..];
    assert_eq!(data.len(), lines.len());
    for (i, (row, line)) in data.iter().zip(&lines).enumerate() {
        assert_eq!(row[0], Cell::Number((i + 1) as f64));
        assert_eq!(row[1], Cell::Text(line.nip.clone()), "NIP stays text");
        assert_eq!(row[2].display(), line.name);
        assert_eq!(row[6].display(), line.new_position);
        let Cell::Date(serial) = row[8] else {
            panic!("TMT is a date cell: {:?}", row[8])
        };
        assert_eq!(from_excel_serial(serial).unwrap(), line.tmt);
    }
    assert!(data
        .iter()
        .any(|r| r[2].display().starts_with("=HYPERLINK")));

    let csv = decree_csv(&lines);
    let back = sheet::read("lampiran.csv", csv.as_bytes()).unwrap();
    assert_eq!(back.rows.len(), lines.len() + 1);
    assert!(back
        .rows
        .iter()
        .any(|r| r[2].display() == "'=HYPERLINK(\"http://x\",\"klik\")"));
    assert_eq!(back.rows[1][8].display(), round.effective_date.to_dmy());
}

#[test]
fn promotions_are_labelled_and_a_pilkada_window_adds_the_mendagri_note() {
    use mutasi_planner::core::date::Date;
    use mutasi_planner::core::io::sheet_export::decree_notes;
    use mutasi_planner::core::model::Election;
    let ws = jambi_demo();
    let mut round = ws.open_round().unwrap().clone();
    let mut scenario = round.scenarios[0].clone();
    let lines_of = |scenario: &_| {
        let input = RoundInput {
            ws: &ws,
            round: &round,
            scenario,
        };
        decree_lines(&ws, &round, &plan(&input).unwrap())
    };
    let lines = lines_of(&scenario);
    assert!(lines
        .iter()
        .all(|l| l.class == "Mutasi" || l.class == "Rotasi JPT"));
    scenario.rules.allow_promotion = true;
    let lines = lines_of(&scenario);
    let promoted = lines.iter().filter(|l| l.class == "Promosi").count();
    assert!(promoted > 0, "the promotion scenario promotes");
    assert!(decree_notes(&round).is_empty(), "no Pilkada, no note");
    // TMT 02/01/2027; candidates set 22/05/2027: the window opens 22/11/2026.
    let d = |y, m, day| Date::new(y, m, day).unwrap();
    round.election = Some(Election {
        candidates_set: d(2027, 5, 22),
        inauguration: None,
    });
    let notes = decree_notes(&round);
    assert_eq!(notes.len(), 1);
    assert!(notes[0].contains("persetujuan tertulis Menteri Dalam Negeri"));
    assert!(notes[0].contains("22/11/2026"), "{}", notes[0]);
    round.election = Some(Election {
        candidates_set: d(2027, 9, 22),
        inauguration: None,
    });
    assert!(decree_notes(&round).is_empty(), "TMT before the window");

    let bytes = decree_xlsx(
        &lines,
        "Lampiran SK uji",
        "LAMPIRAN KEPUTUSAN BUPATI TEBO",
        &["Catatan: uji".to_string()],
    )
    .unwrap();
    let back = sheet::read("lampiran.xlsx", &bytes).unwrap();
    assert!(back.rows.iter().any(|r| r[0].display() == "Catatan: uji"));
    // The heading names the workspace's PPK.
    assert!(back
        .rows
        .iter()
        .any(|r| r[0].display() == "LAMPIRAN KEPUTUSAN BUPATI TEBO"));
    let header = back
        .rows
        .iter()
        .position(|r| r[0] == Cell::Text("NO".into()))
        .unwrap();
    let classes: Vec<String> = back.rows[header + 1..]
        .iter()
        .map(|r| r[9].display())
        .collect();
    assert_eq!(classes.iter().filter(|c| *c == "Promosi").count(), promoted);
}

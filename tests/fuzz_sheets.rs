//! Bounded fuzzing of the spreadsheet and preference-card importers (runs
//! with `cargo test`): damaged CSV and XLSX bytes, random cell grids and
//! damaged card files must give a report, never a panic, and whatever the
//! importer accepts must leave a workspace that still validates.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use mutasi_planner::core::demo::{generate, DemoConfig};
use mutasi_planner::core::io::preference_card::{
    apply_cards, import_card_sheet, import_cards, offer_of, write_card, PreferenceCard,
};
use mutasi_planner::core::io::sheet::{self, Cell, Sheet, SourceFormat, TextEncoding};
use mutasi_planner::core::io::sheet_export::write_csv;
use mutasi_planner::core::io::table_import::{analyse, apply, guess_mapping, ImportKind};
use mutasi_planner::core::model::*;
use mutasi_planner::messages::Message;
use proptest::prelude::*;
use std::sync::OnceLock;

struct Base {
    ws: Workspace,
    roster_csv: Vec<u8>,
    roster_xlsx: Vec<u8>,
    card: String,
}

fn base() -> &'static Base {
    static BASE: OnceLock<Base> = OnceLock::new();
    BASE.get_or_init(|| {
        let ws = generate(&DemoConfig {
            asn: 25,
            seed: 3,
            ..DemoConfig::default()
        });
        let mut rows = vec![[
            "NIP",
            "NAMA",
            "GOL/RUANG",
            "PENDIDIKAN",
            "JURUSAN",
            "OPD",
            "UNIT KERJA",
            "JABATAN",
            "TMT JABATAN",
            "DOMISILI",
            "TGL LAHIR",
        ]
        .map(String::from)
        .to_vec()];
        for a in &ws.asn {
            let pos = a
                .position
                .as_ref()
                .and_then(|c| ws.positions.iter().find(|p| p.id == c.position));
            let agency = pos.and_then(|p| ws.agencies.iter().find(|g| g.id == p.agency));
            rows.push(vec![
                a.nip.as_str().to_string(),
                a.name.clone(),
                a.golongan.map(|g| g.code().to_string()).unwrap_or_default(),
                a.education.level.code().to_string(),
                a.education.field.clone(),
                agency.map(|g| g.short_name.clone()).unwrap_or_default(),
                pos.and_then(|p| agency.and_then(|g| g.unit(&p.unit)).map(|u| u.name.clone()))
                    .unwrap_or_default(),
                pos.map(|p| p.name.clone()).unwrap_or_default(),
                a.position
                    .as_ref()
                    .map(|c| c.since.to_dmy())
                    .unwrap_or_default(),
                a.domicile.name().to_string(),
                a.birth_date.to_dmy(),
            ]);
        }
        let roster_csv = write_csv(&rows).into_bytes();
        let mut book = rust_xlsxwriter::Workbook::new();
        let s = book.add_worksheet();
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                s.write_string(r as u32, c as u16, v).unwrap();
            }
        }
        let roster_xlsx = book.save_to_buffer().unwrap();
        let offer = offer_of(&ws);
        let a = &ws.asn[0];
        let card = write_card(&PreferenceCard::new(
            &offer.round,
            a.nip.as_str(),
            &a.name,
            "2026-11-28T00:00:00Z",
            offer
                .positions
                .iter()
                .take(2)
                .map(|p| Preference {
                    target: PreferenceTarget::Position(p.id.clone()),
                    reason: PreferenceReason::Career,
                    note: "x".into(),
                })
                .collect(),
        ));
        Base {
            ws,
            roster_csv,
            roster_xlsx,
            card,
        }
    })
}

fn no_errors(ws: &Workspace) -> bool {
    ws.validate().iter().all(|f| f.severity != Severity::Error)
}

/// Reads bytes as a file and imports every kind; the result must validate.
fn import_everything(name: &str, bytes: &[u8]) -> Result<(), TestCaseError> {
    let ws = &base().ws;
    if let Ok(sheet) = sheet::read(name, bytes) {
        check_sheet(&sheet)?;
    }
    let _ = ws;
    Ok(())
}

fn check_sheet(sheet: &Sheet) -> Result<(), TestCaseError> {
    let ws = &base().ws;
    for kind in ImportKind::ALL {
        let mapping = guess_mapping(kind, sheet);
        let analysis = analyse(kind, sheet, &mapping, ws);
        for p in &analysis.problems {
            prop_assert!(p.row >= sheet.first_row);
            let _ = p.message(mutasi_planner::i18n::Lang::Id);
        }
        if analysis.can_apply() {
            let after = apply(ws, &analysis);
            prop_assert!(no_errors(&after), "{kind:?}: {:?}", after.validate());
        }
    }
    let cards = import_card_sheet(ws, sheet, "2026-12-02T00:00:00Z");
    prop_assert!(no_errors(&apply_cards(ws, &cards)));
    Ok(())
}

/// Bytes that matter to CSV (and a Latin-1 letter and an invalid byte).
const CSV_BYTES: &[u8] = &[b';', b',', b'"', b'\n', b'/', b'9', 0xE9, 0xff];

fn edits() -> impl Strategy<Value = Vec<common::Edit>> {
    common::edits(CSV_BYTES, 8)
}

/// Cell values that spreadsheets really hold, good and bad.
fn cell() -> impl Strategy<Value = Cell> {
    prop_oneof![
        Just(Cell::Empty),
        any::<f64>().prop_map(Cell::Number),
        (-1e6f64..3e6).prop_map(Cell::Date),
        any::<bool>().prop_map(Cell::Bool),
        Just(Cell::Error("#N/A".into())),
        "[ -~]{0,16}".prop_map(Cell::Text),
        prop::sample::select(vec![
            "NIP",
            "NAMA",
            "GOL",
            "PENDIDIKAN",
            "JABATAN",
            "UNIT KERJA",
            "OPD",
            "TMT JABATAN",
            "TAHUN",
            "PREDIKAT",
            "HASIL KERJA",
            "JENIS JABATAN",
            "KEBUTUHAN",
            "PILIHAN 1",
            "III/a",
            "IV/e",
            "S1",
            "D-III",
            "31/12/1999",
            "12/31/1999",
            "29/02/2023",
            "1.97E+17",
            "198503142010012003",
            "199001012015031001",
            "Sangat Baik",
            "di atas",
            "Kota Jambi",
            "JF Ahli Muda",
            "Pelaksana",
            "2027",
            "TW V",
            "-1",
            "0",
            "Dinkes",
            "=1+1",
        ])
        .prop_map(|s| Cell::Text(s.to_string())),
    ]
}

fn grid() -> impl Strategy<Value = Sheet> {
    (1usize..8, 1usize..12)
        .prop_flat_map(|(w, h)| proptest::collection::vec(proptest::collection::vec(cell(), w), h))
        .prop_map(|rows| Sheet {
            file_name: "acak.csv".into(),
            format: SourceFormat::Csv {
                delimiter: b';',
                encoding: TextEncoding::Utf8,
            },
            rows,
            first_row: 1,
            first_column: 0,
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn damaged_csv_never_panics_and_imports_stay_valid(es in edits()) {
        let bytes = common::damaged(&base().roster_csv, &es);
        import_everything("pegawai.csv", &bytes)?;
    }

    #[test]
    fn damaged_xlsx_never_panics_and_imports_stay_valid(es in edits()) {
        let bytes = common::damaged(&base().roster_xlsx, &es);
        import_everything("pegawai.xlsx", &bytes)?;
    }

    #[test]
    fn random_grids_never_panic_and_imports_stay_valid(sheet in grid()) {
        check_sheet(&sheet)?;
    }

    #[test]
    fn damaged_cards_never_panic(es in edits()) {
        let bytes = common::damaged(base().card.as_bytes(), &es);
        let ws = &base().ws;
        let import = import_cards(ws, &[("k.json".into(), String::from_utf8_lossy(&bytes).into_owned())], "2026-12-02T00:00:00Z");
        prop_assert_eq!(import.read, 1);
        prop_assert!(no_errors(&apply_cards(ws, &import)));
    }
}

#[test]
fn the_undamaged_files_import_as_updates() {
    let b = base();
    for (name, bytes) in [("r.csv", &b.roster_csv), ("r.xlsx", &b.roster_xlsx)] {
        let sheet = sheet::read(name, bytes).unwrap();
        let analysis = analyse(
            ImportKind::Roster,
            &sheet,
            &guess_mapping(ImportKind::Roster, &sheet),
            &b.ws,
        );
        assert!(
            analysis.problems.is_empty(),
            "{name}: {:?}",
            analysis.problems
        );
        assert_eq!(
            analysis.count(mutasi_planner::core::io::table_import::RowStatus::Update),
            b.ws.asn.len()
        );
        assert_eq!(
            apply(&b.ws, &analysis),
            b.ws,
            "{name}: re-importing the roster changes nothing"
        );
    }
}

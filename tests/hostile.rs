//! Hostile and broken inputs (issue 19): every number of a plan file at
//! its type's extremes is refused by validation with a message that names
//! the field, or is harmless and the round still plans; messages never
//! carry the data they could not read.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::rounds::demo;
use mutasi_planner::core::edit::Edit;
use mutasi_planner::core::engine::model::RoundInput;
use mutasi_planner::core::engine::plan;
use mutasi_planner::core::io::plan_file::{self, ImportError};
use mutasi_planner::core::model::*;
use mutasi_planner::core::participation;
use mutasi_planner::i18n::Lang;
use mutasi_planner::messages::Message;
use serde_json::Value;

const AT: &str = "2026-12-02T09:00:00Z";

/// A small workspace that carries every kind of number a plan file has:
/// a unit cap, the stable points, a comment, a frozen version, a quarter,
/// a recorded plan and a follow-up.
fn every_number() -> Workspace {
    let mut ws = demo(30, 19);
    // Only the positions someone holds, wishes or moves to, and twenty
    // openings: a small file, read hundreds of times.
    let round = ws.open_round_mut().unwrap();
    round.openings.truncate(20);
    let mut kept: Vec<PositionId> = round.openings.iter().map(|o| o.position.clone()).collect();
    for a in &ws.asn {
        kept.extend(a.position.iter().map(|p| p.position.clone()));
        for w in &a.preferences {
            if let PreferenceTarget::Position(p) = &w.target {
                kept.push(p.clone());
            }
        }
    }
    for m in &ws.moves {
        kept.extend(m.from.iter().cloned());
        kept.push(m.to.clone());
    }
    for r in &mut ws.rounds {
        r.openings.retain(|o| kept.contains(&o.position));
    }
    ws.positions.retain(|p| kept.contains(&p.id));
    let scenario = ws.open_round().unwrap().scenarios[0].id.clone();
    let unit = ws.agencies[0].units[0].id.clone();
    let round = ws.open_round_mut().unwrap();
    round.scenarios[0].stable.points.own_request = 5;
    round.scenarios[0].constraints.push(Constraint::UnitCap {
        unit,
        max_percent: 20,
    });
    let nip = ws.asn[3].nip.clone();
    Edit::AddComment {
        asn: nip,
        author: CommentAuthor::Asn,
        from: "Uji".into(),
        text: "Mohon tetap".into(),
        request: DecisionAction::Stay,
        at: AT.into(),
    }
    .apply(&mut ws)
    .unwrap();
    Edit::Publish {
        scenario,
        reason: None,
        at: AT.into(),
    }
    .apply(&mut ws)
    .unwrap();
    let p = &mut ws.asn[7].performance;
    let last = p.last().unwrap().period;
    p.push(PerformanceRecord {
        period: Period {
            year: last.year + 1,
            quarter: Some(2),
        },
        ..p.last().unwrap().clone()
    });
    assert!(
        ws.validate()
            .iter()
            .all(|f| f.severity == Severity::Warning),
        "the fixture is valid"
    );
    ws
}

/// Every numeric leaf of a JSON value, by its path as validation writes
/// it (`rounds[1].openings[0].slots`) and its JSON pointer, the first of
/// each generalised path (indices dropped) only.
fn numbers(v: &Value, at: (&str, &str), seen: &mut Vec<String>, out: &mut Vec<(String, String)>) {
    let (path, pointer) = at;
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                numbers(x, (&p, &format!("{pointer}/{k}")), seen, out);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                let at = (&format!("{path}[{i}]")[..], &format!("{pointer}/{i}")[..]);
                numbers(x, at, seen, out);
            }
        }
        Value::Number(_) => {
            let general: String = path
                .split('[')
                .map(|s| s.split_once(']').map_or(s, |(_, rest)| rest))
                .collect::<Vec<_>>()
                .join("[]");
            if !seen.contains(&general) {
                seen.push(general);
                out.push((path.to_string(), pointer.to_string()));
            }
        }
        _ => {}
    }
}

/// Numbers a file may carry at any size: a recorded plan's objective (only
/// compared with a recomputed one), its engine (one this version does not
/// know is reported by "Verifikasi", the rest of the file still loads) and
/// a decision's comment number (only looked up).
const HARMLESS: [&str; 3] = ["objective", "engine", "comment"];

#[test]
fn every_number_at_its_extremes_is_refused_by_name_or_plans() {
    let ws = every_number();
    let text = plan_file::write_compact(&ws, AT);
    let file: Value = serde_json::from_str(&text).unwrap();
    let mut paths = Vec::new();
    numbers(&file, ("", ""), &mut Vec::new(), &mut paths);
    let paths: Vec<(String, String)> = paths
        .into_iter()
        .filter_map(|(p, ptr)| Some((p.strip_prefix("workspace.")?.to_string(), ptr)))
        .collect();
    assert!(paths.len() > 60, "{} numeric fields", paths.len());
    for wanted in [
        "rounds[1].openings[0].slots",
        "positions[0].need",
        "evaluation.mentor_capacity",
        "rounds[1].participation.comments[0].id",
        "rounds[1].procedure.versions[0].number",
    ] {
        assert!(
            paths.iter().any(|(p, _)| p == wanted),
            "{wanted} in the fixture"
        );
    }
    let maxima: [Value; 8] = [
        u64::MAX.into(),
        i64::MAX.into(),
        u32::MAX.into(),
        i32::MAX.into(),
        u16::MAX.into(),
        i16::MAX.into(),
        u8::MAX.into(),
        i8::MAX.into(),
    ];
    let minima: [Value; 4] = [
        i64::MIN.into(),
        i32::MIN.into(),
        i16::MIN.into(),
        i8::MIN.into(),
    ];
    let (mut refused, mut planned) = (0, 0);
    for (path, ptr) in &paths {
        for extremes in [&maxima[..], &minima[..]] {
            for value in extremes {
                let mut f = file.clone();
                *f.pointer_mut(ptr).unwrap() = value.clone();
                match plan_file::read_fast(&f.to_string()) {
                    // Not this field's type: try a smaller one.
                    Err(ImportError::Shape { .. }) => continue,
                    Err(ImportError::Invalid(findings)) => {
                        let finding = findings
                            .iter()
                            .find(|x| x.path == *path)
                            .unwrap_or_else(|| panic!("{path} = {value}: {findings:?}"));
                        for lang in [Lang::Id, Lang::En] {
                            let m = finding.message(lang);
                            assert!(m.starts_with(path.as_str()) && m.len() < 200, "{m}");
                        }
                        refused += 1;
                    }
                    Err(e) => panic!("{path} = {value}: {e}"),
                    Ok(read) => {
                        let last = path.rsplit('.').next().unwrap();
                        assert!(HARMLESS.contains(&last), "{path} = {value} was accepted");
                        let ws = read.workspace;
                        let round = ws.open_round().unwrap();
                        plan(&RoundInput {
                            ws: &ws,
                            round,
                            scenario: &round.scenarios[0],
                        })
                        .unwrap();
                        planned += 1;
                    }
                }
                break;
            }
        }
    }
    eprintln!(
        "{} numeric fields: {refused} extremes refused by name, {planned} planned",
        paths.len()
    );
    assert!(
        refused > 60 && planned >= 1,
        "{refused} refused, {planned} planned"
    );
}

#[test]
fn huge_slots_are_refused_and_sums_do_not_wrap() {
    let mut ws = demo(60, 3);
    let round = ws.open_round_mut().unwrap();
    round.openings[0].slots = u32::MAX;
    round.openings[1].slots = u32::MAX;
    let findings = ws.validate();
    let at = |p: &str| findings.iter().find(|f| f.path.ends_with(p)).cloned();
    let slots = at("openings[0].slots").expect("the slots are named");
    assert_eq!(
        slots.issue,
        Issue::OutOfRange {
            value: u32::MAX.into(),
            low: 1,
            high: 99
        }
    );
    let seats = at("].openings").expect("the round's seats in all");
    match seats.issue {
        Issue::TooMany { count, max } => {
            assert!(count > 2 * u64::from(u32::MAX) && max == 100_000)
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        seats.message(Lang::Id).split(": ").nth(1).unwrap(),
        format!(
            "{} melebihi 100000 yang diperbolehkan",
            2 * u64::from(u32::MAX) + seats_of_the_rest(&ws)
        )
    );
}

fn seats_of_the_rest(ws: &Workspace) -> u64 {
    ws.open_round().unwrap().openings[2..]
        .iter()
        .map(|o| u64::from(o.slots))
        .sum()
}

#[test]
fn a_scenario_without_any_weight_is_refused() {
    let mut ws = demo(60, 3);
    let i = ws.rounds.len() - 1;
    let s = &mut ws.open_round_mut().unwrap().scenarios[0];
    s.weights = common::rounds::zero_weights();
    let findings = ws.validate();
    let f = findings
        .iter()
        .find(|f| f.issue == Issue::NoWeight)
        .expect("refused");
    assert_eq!(f.path, format!("rounds[{i}].scenarios[0].weights"));
    assert!(f.message(Lang::Id).contains("semua bobot tujuan 0"));
}

#[test]
fn the_next_comment_number_cannot_overflow() {
    let mut ws = demo(60, 3);
    let nip = ws.asn[1].nip.clone();
    let comment = |id| Comment {
        id,
        asn: nip.clone(),
        author: CommentAuthor::Asn,
        from: "Uji".into(),
        text: "x".into(),
        request: DecisionAction::Stay,
        at: AT.into(),
        status: CommentStatus::Open,
        response: String::new(),
        resolved_at: None,
    };
    let mut comments = vec![comment(u32::MAX)];
    assert!(participation::next_comment_id(&comments).is_none());
    comments[0].id = 7;
    assert_eq!(participation::next_comment_id(&comments), Some(8));
    ws.open_round_mut().unwrap().participation.comments = vec![comment(u32::MAX)];
    assert!(ws
        .validate()
        .iter()
        .any(|f| f.path.ends_with("comments[0].id") && f.severity == Severity::Error));
}

#[test]
fn a_damaged_stored_entry_says_what_without_the_data() {
    use mutasi_planner::core::io::storage_codec::{self, StorageError};
    let ws = demo(200, 5);
    let stored = storage_codec::encode(&ws, AT).text;
    let mut envelope: Value = serde_json::from_str(&stored).unwrap();
    let data = envelope["data"].as_str().unwrap().to_string();
    // Cut to 90 %, on a whole base64 quantum so the base64 still decodes.
    let cut = data.len() * 9 / 10 / 4 * 4;
    envelope["data"] = data[..cut].into();
    let err = storage_codec::decode(&envelope.to_string()).unwrap_err();
    assert!(matches!(err, StorageError::Data(_)), "{err:?}");
    for lang in [Lang::Id, Lang::En] {
        let m = err.message(lang);
        assert!(m.len() < 200, "{} characters", m.len());
        assert!(!ws.asn.iter().any(|a| m.contains(a.nip.as_str())));
    }
    assert_eq!(
        err.message(Lang::Id),
        "data tersimpan rusak: Truncated input stream"
    );
    // A newer envelope is refused by its version, as a newer plan file is.
    envelope["data"] = data.into();
    envelope["schema_version"] = 99.into();
    let err = storage_codec::decode(&envelope.to_string()).unwrap_err();
    assert_eq!(
        err,
        StorageError::TooNew {
            found: 99,
            supported: plan_file::SCHEMA_VERSION
        }
    );
    assert!(err.message(Lang::Id).contains("versi skema 99"));
}

#[test]
fn versions_are_reported_as_written_and_parser_messages_are_cut_short() {
    let text = plan_file::write_compact(&demo(30, 2), AT);
    let mut file: Value = serde_json::from_str(&text).unwrap();
    file["schema_version"] = (1u64 << 32).into();
    assert_eq!(
        plan_file::read_fast(&file.to_string()).unwrap_err(),
        ImportError::TooNew {
            found: 1 << 32,
            supported: plan_file::SCHEMA_VERSION
        }
    );
    // A name where a number belongs: serde quotes the value; the report
    // keeps 160 characters of it at most.
    file["schema_version"] = plan_file::SCHEMA_VERSION.into();
    let names: String = (0..5_000).map(|i| format!("Budi Santoso {i} ")).collect();
    file["workspace"]["evaluation"]["mentor_capacity"] = names.into();
    for err in [
        plan_file::read(&file.to_string()).unwrap_err(),
        plan_file::read_fast(&file.to_string()).unwrap_err(),
    ] {
        let m = err.message(Lang::Id);
        assert!(m.contains("Budi Santoso 0") && m.len() < 300, "{m}");
        assert!(!m.contains("Budi Santoso 100"));
    }
}

/// A workbook made by rust_xlsxwriter, its first sheet's XML (or its
/// shared strings) replaced by `xml`, deflated as Excel does.
fn workbook_with(part: &str, xml: &[u8]) -> Vec<u8> {
    use std::io::{Cursor, Write};
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "NIP").unwrap();
    sheet.write_string(0, 1, "NAMA").unwrap();
    let base = book.save_to_buffer().unwrap();
    let mut from = zip::ZipArchive::new(Cursor::new(base)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(9));
    for i in 0..from.len() {
        let entry = from.by_index(i).unwrap();
        if entry.name() == part {
            continue;
        }
        out.raw_copy_file(entry).unwrap();
    }
    out.start_file(part, deflated).unwrap();
    out.write_all(xml).unwrap();
    out.finish().unwrap().into_inner()
}

fn sheet_xml(cells: &str) -> Vec<u8> {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{cells}</sheetData></worksheet>"#
    )
    .into_bytes()
}

#[test]
fn a_tiny_xlsx_with_a_huge_cell_is_refused_before_it_is_read() {
    use mutasi_planner::core::io::sheet::{self, SheetError, MAX_XML_RUN};
    const PART: &str = "xl/worksheets/sheet1.xml";
    // A 4 MB inline string deflates to a few kilobytes.
    let huge = "A".repeat(4 << 20);
    let bytes = workbook_with(
        PART,
        &sheet_xml(&format!(
            r#"<row r="1"><c r="A1" t="inlineStr"><is><t>{huge}</t></is></c></row>"#
        )),
    );
    assert!(bytes.len() < 40_000, "{} bytes", bytes.len());
    let err = sheet::read("bom.xlsx", &bytes).unwrap_err();
    assert_eq!(
        err,
        SheetError::TooLarge {
            file: "bom.xlsx".into(),
            part: PART.into()
        }
    );
    assert!(err
        .message(Lang::Id)
        .starts_with("bom.xlsx: buku kerja terlalu besar"));
    // A cell over Excel's 32,767 characters, short of the XML limit, is
    // named by its row and column.
    let long = "B".repeat(40_000);
    assert!(long.len() < MAX_XML_RUN);
    let bytes = workbook_with(
        PART,
        &sheet_xml(&format!(
            r#"<row r="1"><c r="A1" t="inlineStr"><is><t>NIP</t></is></c></row><row r="3"><c r="B3" t="inlineStr"><is><t>{long}</t></is></c></row>"#
        )),
    );
    let err = sheet::read("panjang.xlsx", &bytes).unwrap_err();
    assert_eq!(
        err,
        SheetError::CellTooLong {
            file: "panjang.xlsx".into(),
            row: 3,
            column: "B".into()
        }
    );
    assert_eq!(
        err.message(Lang::Id),
        "panjang.xlsx, baris 3, kolom B: sel berisi lebih dari 32767 karakter (batas Excel sendiri)"
    );
    // A shared-string table announcing billions of strings: the reader
    // would reserve room for them all.
    let sst = br#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4000000000" uniqueCount="4000000000"><si><t>NIP</t></si></sst>"#;
    let err = sheet::read("sst.xlsx", &workbook_with("xl/sharedStrings.xml", sst)).unwrap_err();
    assert!(matches!(err, SheetError::TooLarge { part, .. } if part == "xl/sharedStrings.xml"));
}

#[test]
fn a_long_csv_field_and_a_foreign_byte_are_named_by_row_and_column() {
    use mutasi_planner::core::io::sheet::{self, Cell, SheetError, SourceFormat, TextEncoding};
    let long = "x".repeat(40_000);
    let csv = format!("NIP;NAMA\n1;Ani\n2;{long}\n");
    assert_eq!(
        sheet::read("a.csv", csv.as_bytes()).unwrap_err(),
        SheetError::CellTooLong {
            file: "a.csv".into(),
            row: 3,
            column: "B".into()
        }
    );
    // UTF-8 with its mark, a real "é" in row 2 and a Windows-1252 é (0xE9)
    // in row 3: mixed, refused where the bad byte is.
    let mut mixed = b"\xEF\xBB\xBFNIP;NAMA\n1;Andr\xC3\xA9\n".to_vec();
    mixed.extend_from_slice(b"2;Ren\xE9 CP1252\n");
    let err = sheet::read("campur.csv", &mixed).unwrap_err();
    assert_eq!(
        err,
        SheetError::InvalidByte {
            file: "campur.csv".into(),
            row: 3,
            column: "B".into(),
            byte: 0xE9
        }
    );
    assert!(err
        .message(Lang::Id)
        .contains("baris 3, kolom B: bita 0xE9 bukan UTF-8"));
    // The same without any UTF-8 character is a Windows-1252 file with a
    // stray mark: read as Windows-1252.
    let legacy = b"\xEF\xBB\xBFNIP;NAMA\n2;Ren\xE9 CP1252\n";
    let sheet = sheet::read("lama.csv", legacy).unwrap();
    assert_eq!(sheet.rows[1][1], Cell::Text("René CP1252".into()));
    assert!(matches!(
        sheet.format,
        SourceFormat::Csv {
            encoding: TextEncoding::Windows1252,
            ..
        }
    ));
}

#[test]
fn forged_cards_do_not_override_and_conflicts_go_to_the_analyst() {
    use mutasi_planner::core::io::preference_card::*;
    let ws = demo(60, 4);
    let offer = offer_of(&ws);
    let a = &ws.asn[10];
    let wish = |target: PreferenceTarget, note: &str| Preference {
        target,
        reason: PreferenceReason::Family,
        note: note.into(),
    };
    let tebo = PreferenceTarget::Regency(Regency::Tebo);
    let bungo = PreferenceTarget::Regency(Regency::Bungo);
    let card = |round: &str, at: &str, wishes: Vec<Preference>| {
        write_card(&PreferenceCard::new(
            round,
            a.nip.as_str(),
            &a.name,
            at,
            wishes,
        ))
    };
    let genuine = card(
        &offer.round,
        "2026-12-01T08:00:00Z",
        vec![wish(tebo.clone(), "")],
    );
    let forged = |at: &str| card(&offer.round, at, vec![wish(bungo.clone(), "")]);
    // A forged time ("zzz", or years ahead) replaces nothing, in either order.
    for at in ["zzz", "9999-12-31T23:59:59Z"] {
        for files in [
            vec![
                ("asli.json".to_string(), genuine.clone()),
                ("palsu.json".to_string(), forged(at)),
            ],
            vec![
                ("palsu.json".to_string(), forged(at)),
                ("asli.json".to_string(), genuine.clone()),
            ],
        ] {
            let import = import_cards(&ws, &files, AT);
            assert_eq!(import.accepted.len(), 1);
            assert_eq!(import.accepted[0].file, "asli.json");
            assert!(import.conflicts.is_empty());
            let problem = import
                .problems
                .iter()
                .find(|p| p.file == "palsu.json")
                .unwrap();
            assert!(matches!(
                problem.reason,
                CardReason::BadTimestamp(_) | CardReason::FutureTimestamp(_)
            ));
            assert!(problem.message(Lang::Id).ends_with("kartu tidak dipakai"));
        }
    }
    // A few minutes ahead is a phone's clock: taken.
    let soon = import_cards(
        &ws,
        &[("k.json".into(), forged("2026-12-02T09:10:00Z"))],
        AT,
    );
    assert_eq!(soon.accepted.len(), 1, "{:?}", soon.problems);
    // Another round's card is refused.
    let old = card(
        "mutasi-2024",
        "2024-05-01T08:00:00Z",
        vec![wish(tebo.clone(), "")],
    );
    let import = import_cards(&ws, &[("lama.json".into(), old)], AT);
    assert!(import.accepted.is_empty());
    assert_eq!(
        import.problems[0].reason,
        CardReason::OtherRound("mutasi-2024".into())
    );
    // The same position three times: the repeats are left out and named.
    let pos = PreferenceTarget::Position(offer.positions[0].id.clone());
    let thrice = card(
        &offer.round,
        "2026-12-01T08:00:00Z",
        vec![
            wish(pos.clone(), ""),
            wish(pos.clone(), ""),
            wish(pos.clone(), ""),
        ],
    );
    let import = import_cards(&ws, &[("tiga.json".into(), thrice)], AT);
    assert_eq!(import.accepted[0].wishes, vec![wish(pos, "")]);
    let reasons: Vec<&CardReason> = import.problems.iter().map(|p| &p.reason).collect();
    assert_eq!(
        reasons,
        [
            &CardReason::DuplicateWish { rank: 2, first: 1 },
            &CardReason::DuplicateWish { rank: 3, first: 1 }
        ]
    );
    // A 5,000,000-character note is refused, not stored.
    let long = card(
        &offer.round,
        "2026-12-01T08:00:00Z",
        vec![wish(tebo.clone(), &"x".repeat(5_000_000))],
    );
    let import = import_cards(&ws, &[("panjang.json".into(), long)], AT);
    assert!(import.accepted.is_empty());
    assert_eq!(
        import.problems[0].reason,
        CardReason::NoteTooLong { rank: 1 }
    );
    // Two genuine cards that disagree: neither is picked; the edit is
    // refused until the analyst chooses.
    let later = card(
        &offer.round,
        "2026-12-02T08:00:00Z",
        vec![wish(bungo.clone(), "")],
    );
    let mut import = import_cards(
        &ws,
        &[("a.json".into(), genuine.clone()), ("b.json".into(), later)],
        AT,
    );
    assert!(import.accepted.is_empty());
    assert_eq!(import.conflicts.len(), 1);
    let mut open = ws.clone();
    assert_eq!(
        Edit::ImportCards(Box::new(import.clone())).apply(&mut open),
        Err(mutasi_planner::core::edit::EditError::CardsUndecided(1))
    );
    import.choose(a.nip.as_str(), Choice::Card(0));
    Edit::ImportCards(Box::new(import))
        .apply(&mut open)
        .unwrap();
    assert_eq!(open.asn[10].preferences, vec![wish(tebo, "")]);
    // The same wishes twice are no conflict: one is kept.
    let import = import_cards(
        &ws,
        &[
            ("a.json".into(), genuine.clone()),
            ("a2.json".into(), genuine),
        ],
        AT,
    );
    assert_eq!((import.accepted.len(), import.conflicts.len()), (1, 0));
}

#[test]
fn a_stored_entry_names_its_content_so_tabs_do_not_ping_pong() {
    use mutasi_planner::core::io::storage_codec::{self, fingerprint, stamp};
    let mut ws = demo(60, 6);
    let first = storage_codec::encode(&ws, "2026-12-02T09:00:00Z");
    let again = storage_codec::encode(&ws, "2026-12-02T09:05:00Z");
    // The same workspace stored later is the same content: a tab that
    // loaded another tab's version does not store it again.
    assert_eq!(first.fingerprint, again.fingerprint);
    assert_ne!(first.text, again.text);
    assert_eq!(fingerprint(&ws), first.fingerprint);
    assert_eq!(
        stamp(&again.text),
        Some((
            again.fingerprint.clone(),
            "2026-12-02T09:05:00Z".to_string()
        ))
    );
    assert_eq!(storage_codec::decode(&again.text).unwrap().workspace, ws);
    // Any edit is another content.
    ws.open_round_mut().unwrap().participation.contact = "bkd@jambiprov.go.id".into();
    assert_ne!(fingerprint(&ws), first.fingerprint);
    // An entry of an older build names no fingerprint and still loads.
    let mut old: Value = serde_json::from_str(&first.text).unwrap();
    let o = old.as_object_mut().unwrap();
    o.remove("fingerprint");
    o.remove("saved_at");
    o.insert("schema_version".into(), 1.into());
    let old = old.to_string();
    assert_eq!(stamp(&old), Some((String::new(), String::new())));
    assert!(storage_codec::decode(&old).is_ok());
    assert_eq!(stamp("not an entry"), None);
}

#[test]
fn only_what_the_plan_reads_changes_its_inputs() {
    use mutasi_planner::core::engine::canonical::inputs;
    let ws = demo(80, 12);
    let fingerprint = |ws: &Workspace| {
        let round = ws.open_round().unwrap();
        inputs(&RoundInput {
            ws,
            round,
            scenario: &round.scenarios[0],
        })
    };
    let base = fingerprint(&ws);
    let mut other = ws.clone();
    let round = other.open_round_mut().unwrap();
    round.participation.contact = "bkd@jambiprov.go.id".into();
    round.name = "Mutasi (revisi)".into();
    other.audit.push(AuditEntry {
        at: AT.into(),
        action: "x".into(),
        detail: "y".into(),
        reason: None,
    });
    assert_eq!(fingerprint(&other), base, "contact, name, audit: same plan");
    let changes: [fn(&mut Workspace); 4] = [
        |w| w.open_round_mut().unwrap().scenarios[0].weights.fit += 1,
        |w| w.open_round_mut().unwrap().openings[0].slots += 1,
        |w| w.asn[3].domicile = Regency::Tebo,
        |w| w.positions[0].need += 1,
    ];
    for change in changes {
        let mut w = ws.clone();
        change(&mut w);
        assert_ne!(fingerprint(&w), base);
    }
}

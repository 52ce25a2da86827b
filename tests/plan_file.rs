//! The JSON plan file and the storage encoding: round trips and the
//! rejection of each kind of bad file, with where and why.
#![cfg(not(target_arch = "wasm32"))]

use mutasi_planner::core::demo::{generate, DemoConfig};
use mutasi_planner::core::io::plan_file::{self, ImportError};
use mutasi_planner::core::io::storage_codec::{self, StorageError};
use mutasi_planner::core::model::*;
use serde_json::{json, Value};

fn small() -> Workspace {
    generate(&DemoConfig {
        asn: 120,
        seed: 11,
        ..DemoConfig::default()
    })
}

fn file_value(ws: &Workspace) -> Value {
    serde_json::from_str(&plan_file::write(ws, "2026-11-28T10:00:00Z")).unwrap()
}

fn read_value(v: &Value) -> Result<plan_file::ImportedPlan, ImportError> {
    plan_file::read(&v.to_string())
}

#[test]
fn round_trip_keeps_everything() {
    let ws = small();
    let text = plan_file::write(&ws, "2026-11-28T10:00:00Z");
    let back = plan_file::read(&text).unwrap();
    assert_eq!(back.workspace, ws);
    assert_eq!(back.file_version, plan_file::SCHEMA_VERSION);
    assert_eq!(back.created_at, "2026-11-28T10:00:00Z");
    assert_eq!(back.app_version, env!("CARGO_PKG_VERSION"));
    // A byte-order mark, as Windows editors add, is accepted.
    assert_eq!(
        plan_file::read(&format!("\u{feff}{text}"))
            .unwrap()
            .workspace,
        ws
    );
}

#[test]
fn stable_settings_travel_in_the_file_and_defaults_stay_out() {
    let mut ws = small();
    let text = plan_file::write(&ws, "2026-11-28T10:00:00Z");
    assert!(
        !text.contains("\"stable\""),
        "default settings are not written"
    );
    let s = &mut ws.open_round_mut().unwrap().scenarios[0];
    s.mode = MatchMode::Stable;
    s.stable = StableSettings {
        without_wishes: WithoutWishes::NearDomicile,
        points: PointsFormula {
            fit: 120,
            per_year_in_position: 10,
            own_request: 30,
            family: 50,
            near_domicile: 20,
        },
    };
    let text = plan_file::write(&ws, "2026-11-28T10:00:00Z");
    assert!(text.contains("\"without_wishes\": \"near_domicile\""));
    assert_eq!(plan_file::read(&text).unwrap().workspace, ws);
}

#[test]
fn envelope_fields_are_present() {
    let v = file_value(&small());
    assert_eq!(v["format"], "mutasi-planner-plan");
    assert_eq!(v["schema_version"], plan_file::SCHEMA_VERSION);
    assert!(v["workspace"]["asn"].is_array());
    // Derived values are not stored: predikat follows from the ratings.
    // (Scenarios carry a predikat *scale*, a setting.)
    assert!(!v["workspace"]["asn"].to_string().contains("predikat"));
}

#[test]
fn rejects_syntax_errors_with_line_and_column() {
    let err = plan_file::read("{\n  \"format\": \"mutasi-planner-plan\",\n  oops\n}").unwrap_err();
    match err {
        ImportError::Syntax { line, column, .. } => assert_eq!((line, column), (3, 3)),
        other => panic!("{other:?}"),
    }
}

#[test]
fn reads_the_envelope_before_the_content() {
    // Not an object, and not JSON either: the syntax error wins, with where.
    match plan_file::read("[1, 2") {
        Err(ImportError::Syntax { line, column, .. }) => assert_eq!((line, column), (1, 5)),
        other => panic!("{other:?}"),
    }
    // A newer file is refused by its version even when its content would
    // not decode with this build's types.
    let newer = r#"{"workspace": {"agencies": "a new shape"}, "format": "mutasi-planner-plan", "schema_version": 99}"#;
    assert!(matches!(
        plan_file::read(newer),
        Err(ImportError::TooNew { found: 99, .. })
    ));
    assert_eq!(plan_file::read_fast(newer), plan_file::read(newer));
    // A key given twice counts with its last value, as in any JSON object.
    let twice = r#"{"format": "other", "format": "mutasi-planner-plan", "schema_version": 99}"#;
    assert!(matches!(
        plan_file::read(twice),
        Err(ImportError::TooNew { .. })
    ));
    // Trailing text after the object is a syntax error.
    let mut text = plan_file::write(&small(), "2026-11-28T00:00:00Z");
    text.push_str("\n{}");
    assert!(matches!(
        plan_file::read_fast(&text),
        Err(ImportError::Syntax { .. })
    ));
}

#[test]
fn rejects_other_json_and_versions() {
    assert!(matches!(
        plan_file::read("[1,2]"),
        Err(ImportError::NotAPlanFile(_))
    ));
    assert!(matches!(
        plan_file::read(r#"{"a":1}"#),
        Err(ImportError::NotAPlanFile(_))
    ));
    assert!(matches!(
        plan_file::read(r#"{"format":"xlsx"}"#),
        Err(ImportError::NotAPlanFile(_))
    ));
    let mut v = file_value(&small());
    v["schema_version"] = json!(plan_file::SCHEMA_VERSION + 1);
    let err = read_value(&v).unwrap_err();
    assert_eq!(
        err,
        ImportError::TooNew {
            found: u64::from(plan_file::SCHEMA_VERSION) + 1,
            supported: plan_file::SCHEMA_VERSION
        }
    );
    assert!(err.to_string().contains("newer version"));
    v["schema_version"] = json!(0);
    assert!(matches!(
        read_value(&v),
        Err(ImportError::TooOld { found: 0, .. })
    ));
    v["schema_version"] = json!("1");
    assert!(
        matches!(read_value(&v), Err(ImportError::Shape { path, .. }) if path == "schema_version")
    );
}

#[test]
fn bad_values_name_their_json_path() {
    let ws = small();
    type Mutation = Box<dyn Fn(&mut Value)>;
    let cases: Vec<(&str, Mutation, &str)> = vec![
        (
            "workspace.asn[12].nip",
            Box::new(|v| v["workspace"]["asn"][12]["nip"] = json!("123")),
            "18",
        ),
        (
            "workspace.asn[3].golongan",
            Box::new(|v| v["workspace"]["asn"][3]["golongan"] = json!("V/z")),
            "golongan",
        ),
        (
            "workspace.asn[5].birth_date",
            Box::new(|v| v["workspace"]["asn"][5]["birth_date"] = json!("1990-02-30")),
            "does not exist",
        ),
        (
            "workspace.positions[2].kind",
            Box::new(|v| v["workspace"]["positions"][2]["kind"] = json!("raja")),
            "variant",
        ),
        (
            "workspace.asn[0]",
            Box::new(|v| {
                v["workspace"]["asn"][0]
                    .as_object_mut()
                    .unwrap()
                    .remove("name");
            }),
            "missing field `name`",
        ),
        (
            "workspace.asn[7].performance[0].hasil_kerja",
            Box::new(|v| {
                v["workspace"]["asn"][7]["performance"][0]["hasil_kerja"] = json!("hebat")
            }),
            "variant",
        ),
    ];
    for (path, mutate, why) in cases {
        let mut v = file_value(&ws);
        mutate(&mut v);
        match read_value(&v) {
            Err(ImportError::Shape { path: got, message }) => {
                assert_eq!(got, path, "{message}");
                assert!(message.contains(why), "{path}: {message}");
            }
            other => panic!("{path}: {other:?}"),
        }
    }
}

fn invalid_paths(v: &Value) -> Vec<String> {
    match read_value(v) {
        Err(ImportError::Invalid(findings)) => findings.into_iter().map(|f| f.path).collect(),
        other => panic!("expected validation errors, got {other:?}"),
    }
}

#[test]
fn duplicate_nips_are_errors() {
    let ws = small();
    let mut v = file_value(&ws);
    let first_nip = v["workspace"]["asn"][0]["nip"].clone();
    v["workspace"]["asn"][9]["nip"] = first_nip;
    let paths = invalid_paths(&v);
    assert!(paths.contains(&"asn[9].nip".to_string()), "{paths:?}");
}

#[test]
fn unknown_references_are_errors() {
    let ws = small();
    let mut v = file_value(&ws);
    v["workspace"]["asn"][4]["position"]["position"] = json!("nowhere.p01");
    v["workspace"]["positions"][6]["agency"] = json!("dinas-fiktif");
    v["workspace"]["positions"][8]["unit"] = json!("dinkes.tidak-ada");
    v["workspace"]["positions"][1]["competencies"][0]["competency"] = json!("sulap");
    v["workspace"]["rounds"][1]["openings"][0]["position"] = json!("x.p99");
    let paths = invalid_paths(&v);
    for expected in [
        "asn[4].position.position",
        "positions[6].agency",
        "positions[8].unit",
        "positions[1].competencies[0].competency",
        "rounds[1].openings[0].position",
    ] {
        assert!(
            paths.contains(&expected.to_string()),
            "{expected} not in {paths:?}"
        );
    }
}

#[test]
fn out_of_range_levels_and_duplicate_periods_are_errors() {
    let mut v = file_value(&small());
    v["workspace"]["positions"][0]["competencies"][2]["level"] = json!(7);
    let rec = v["workspace"]["asn"][20]["performance"][0].clone();
    v["workspace"]["asn"][20]["performance"]
        .as_array_mut()
        .unwrap()
        .push(rec);
    let paths = invalid_paths(&v);
    assert!(
        paths.contains(&"positions[0].competencies[2].level".to_string()),
        "{paths:?}"
    );
    assert!(
        paths.iter().any(|p| p.starts_with("asn[20].performance[")),
        "{paths:?}"
    );
}

#[test]
fn nip_disagreements_are_warnings_not_errors() {
    let mut v = file_value(&small());
    v["workspace"]["asn"][2]["birth_date"] = json!("1950-01-01");
    let plan = read_value(&v).unwrap();
    assert!(
        plan.warnings.iter().any(|w| w.path == "asn[2].birth_date"),
        "{:?}",
        plan.warnings
    );
}

#[test]
fn preview_counts_what_would_change() {
    let current = small();
    let mut incoming = current.clone();
    incoming.asn.remove(0);
    incoming.asn[0].name = "Nama Baru".into();
    let removed_name = current.asn[0].name.clone();
    let p = plan_file::preview(&current, &incoming);
    assert_eq!(p.asn.removed, 1);
    assert_eq!(p.asn.changed, 1);
    assert_eq!(p.asn.added, 0);
    assert_eq!(p.asn.unchanged, current.asn.len() - 2);
    assert!(p.positions.is_empty());
    assert!(p.removed_asn[0].starts_with(&removed_name));
    assert_eq!(p.incoming.asn + 1, p.current.asn);
}

#[test]
fn storage_round_trip_is_compact() {
    let ws = small();
    let stored = storage_codec::encode(&ws, "2026-11-28T10:00:00Z").text;
    let plain = plan_file::write_compact(&ws, "x");
    assert!(
        stored.len() * 4 < plain.len(),
        "{} vs {}",
        stored.len(),
        plain.len()
    );
    assert_eq!(storage_codec::decode(&stored).unwrap().workspace, ws);
}

#[test]
fn damaged_storage_is_reported_not_wiped() {
    let ws = small();
    let stored = storage_codec::encode(&ws, "t").text;
    assert!(matches!(
        storage_codec::decode("not json"),
        Err(StorageError::Envelope(_))
    ));
    assert!(matches!(
        storage_codec::decode(r#"{"schema_version":1,"encoding":"zstd","data":""}"#),
        Err(StorageError::Envelope(_))
    ));
    let damaged = stored.replacen("\"data\":\"", "\"data\":\"AAAA", 1);
    assert!(matches!(
        storage_codec::decode(&damaged),
        Err(StorageError::Data(_))
    ));
    let truncated = format!("{}\"}}", &stored[..stored.len() / 2]);
    assert!(storage_codec::decode(&truncated).is_err());
}

#[test]
fn a_version_1_file_loads_through_the_migration() {
    // A file as the first schema wrote it: no recorded plans, follow-ups or
    // evaluation settings.
    let mut ws = small();
    ws.follow_ups.clear();
    ws.evaluation = EvaluationSettings::default();
    for r in &mut ws.rounds {
        r.results.clear();
    }
    let mut v = file_value(&ws);
    v["schema_version"] = json!(1);
    let w = v["workspace"].as_object_mut().unwrap();
    assert!(w.remove("evaluation").is_some());
    w.remove("follow_ups");
    for r in v["workspace"]["rounds"].as_array_mut().unwrap() {
        r.as_object_mut().unwrap().remove("results");
    }
    let text = v.to_string();
    assert!(!text.contains("\"evaluation\""));
    let plan = plan_file::read(&text).unwrap();
    assert_eq!(plan.file_version, 1);
    assert_eq!(plan.workspace, ws);
    // Written again, it is a current file.
    let again: Value = serde_json::from_str(&plan_file::write(&plan.workspace, "t")).unwrap();
    assert_eq!(again["schema_version"], plan_file::SCHEMA_VERSION);
    assert!(again["workspace"]["evaluation"].is_object());
}

#[test]
fn a_version_1_file_without_a_workspace_object_is_refused_with_where() {
    let v = json!({ "format": "mutasi-planner-plan", "schema_version": 1, "app_version": "0.1.0", "created_at": "t", "workspace": 5 });
    assert!(matches!(read_value(&v), Err(ImportError::Shape { path, .. }) if path == "workspace"));
}

#[test]
fn policy_values_outside_their_ranges_are_refused_by_path() {
    let mut ws = small();
    assert!(ws
        .validate()
        .iter()
        .all(|f| f.severity != Severity::Error || !f.path.contains("scenarios")));
    let round = ws.open_round_mut().unwrap();
    let s = &mut round.scenarios[0];
    s.fit.predikat_points.baik = 255;
    s.fit.experience_bands = [2, 10, 5, 15];
    s.rules.nine_box.expected_tenths = 48; // above the 4.5 of "above"
    s.rules.bup_by_jf.insert("guru".into(), 200);
    s.stable.points.family = 5_000;
    let paths: Vec<String> = ws
        .validate()
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.path)
        .collect();
    let i = ws
        .rounds
        .iter()
        .rposition(|r| !r.openings.is_empty())
        .unwrap();
    for path in [
        "fit.predikat_points.baik",
        "fit.experience_bands",
        "rules.nine_box.expected_tenths",
        "rules.bup_by_jf.guru",
        "stable.points.family",
    ] {
        let full = format!("rounds[{i}].scenarios[0].{path}");
        assert!(paths.contains(&full), "{full} in {paths:?}");
    }
}

/// A workspace with every field the compact writer writes set, the
/// optional ones included.
fn every_field() -> Workspace {
    let mut ws = small();
    ws.government = Government::Regency(Regency::Batanghari);
    let nip = ws.asn[0].nip.clone();
    ws.follow_ups.push(FollowUp {
        asn: nip.clone(),
        kind: FollowUpKind::Mentoring {
            mentor: ws.asn[1].nip.clone(),
        },
        status: FollowUpStatus::Planned,
        planned_on: mutasi_planner::core::date::Date::new(2026, 12, 1).unwrap(),
        note: "mentor \"Bu Sari\"".into(),
    });
    ws.siasn.pns.insert(nip, "A1B2-\u{e9}".into());
    ws.audit.push(AuditEntry {
        at: "2026-12-01T08:00:00Z".into(),
        action: "edit".into(),
        detail: "a line\nand \\ another".into(),
        reason: Some("why".into()),
    });
    ws
}

/// The whole file as serde writes it (what `write_compact` wrote before
/// the compact writer existed).
fn serde_compact(ws: &Workspace, created_at: &str) -> String {
    #[derive(serde::Serialize)]
    struct File<'a> {
        format: &'a str,
        schema_version: u32,
        app_version: &'a str,
        created_at: &'a str,
        workspace: &'a Workspace,
    }
    serde_json::to_string(&File {
        format: plan_file::FORMAT,
        schema_version: plan_file::SCHEMA_VERSION,
        app_version: plan_file::APP_VERSION,
        created_at,
        workspace: ws,
    })
    .unwrap()
}

#[test]
fn the_compact_file_written_a_piece_at_a_time_is_the_text_serde_writes() {
    let mut empty = Workspace::empty("kosong");
    empty.competencies = Shared::default();
    for ws in [small(), every_field(), empty] {
        let expected = serde_compact(&ws, "2026-12-03T10:00:00Z");
        assert_eq!(
            plan_file::write_compact(&ws, "2026-12-03T10:00:00Z"),
            expected
        );
        for budget in [0, 1, 700, 1 << 14] {
            let mut writer = plan_file::CompactWriter::default();
            let mut text = Vec::new();
            let mut piece = Vec::new();
            let mut calls = 0;
            loop {
                piece.clear();
                let whole = writer
                    .write(&ws, "2026-12-03T10:00:00Z", &mut piece, budget)
                    .unwrap();
                calls += 1;
                assert!(!piece.is_empty() || whole, "a call wrote nothing");
                text.extend_from_slice(&piece);
                if whole {
                    break;
                }
            }
            assert_eq!(
                String::from_utf8(text).unwrap(),
                expected,
                "budget {budget}"
            );
            if budget < 1 << 14 && !ws.asn.is_empty() {
                // Small budgets give a piece per item or so.
                assert!(calls > ws.asn.len(), "{calls} calls at budget {budget}");
            }
        }
    }
}

#[test]
fn storage_encoded_a_piece_at_a_time_is_the_text_encoded_at_once() {
    let ws = every_field();
    let at_once = storage_codec::encode(&ws, "2026-12-03T10:00:00Z");
    let mut encoder = storage_codec::Encoder::new(ws.clone(), "2026-12-03T10:00:00Z", None);
    let mut steps = 0;
    while !encoder.step(1000) {
        steps += 1;
    }
    assert!(steps > 10, "{steps} steps");
    let pieces = encoder.finish().unwrap();
    assert_eq!(pieces.text, at_once.text);
    assert_eq!(pieces.fingerprint, at_once.fingerprint);
    assert_eq!(pieces.fingerprint, storage_codec::fingerprint(&ws));
    assert_eq!(storage_codec::decode(&pieces.text).unwrap().workspace, ws);
    // The data is the whole file deflated at once, as stored before.
    use base64::Engine;
    let json = plan_file::write_compact(&ws, "");
    let data = base64::engine::general_purpose::STANDARD
        .encode(miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 6));
    assert!(pieces.text.contains(&format!("\"data\":\"{data}\"")));
    // Finished early, it writes the rest at once: the same text.
    let mut encoder = storage_codec::Encoder::new(&ws, "2026-12-03T10:00:00Z", None);
    encoder.step(1);
    assert_eq!(encoder.finish().unwrap().text, at_once.text);
}

#[test]
fn a_locked_save_encoded_a_piece_at_a_time_opens_with_its_key_only() {
    use mutasi_planner::core::io::sealed::{derive_key, KdfParams};
    let cheap = KdfParams {
        memory_kib: 8,
        iterations: 1,
        parallelism: 1,
    };
    let key = derive_key("kopi jambi pagi hari", &[3; 16], cheap).unwrap();
    let other = derive_key("teh kayu aro sore", &[3; 16], cheap).unwrap();
    let ws = every_field();
    let at_once = storage_codec::encode_locked(&ws, "t", &key, &[5; 24]).unwrap();
    let mut encoder = storage_codec::Encoder::new(&ws, "t", Some((key.clone(), [5; 24])));
    while !encoder.step(512) {}
    let pieces = encoder.finish().unwrap();
    assert_eq!(pieces.text, at_once.text);
    assert_eq!(pieces.fingerprint, storage_codec::fingerprint(&ws));
    assert_eq!(
        storage_codec::decode_with(&pieces.text, Some(&key))
            .unwrap()
            .workspace,
        ws
    );
    assert_eq!(
        storage_codec::decode_with(&pieces.text, Some(&other)),
        Err(StorageError::Locked)
    );
    assert!(!pieces.text.contains(&*ws.asn[0].name));
}

#[test]
fn a_plan_read_in_the_worker_is_cut_into_pieces_and_put_together_again() {
    use mutasi_planner::core::engine::wire;
    use mutasi_planner::core::io::file_jobs::{run, FileJob, FileOutcome};
    use mutasi_planner::core::io::plan_parts::{self, Assembler};
    let ws = every_field();
    let text = plan_file::write(&ws, "2026-12-03T10:00:00Z");
    let read = plan_file::read_fast(&text).unwrap();
    for piece_bytes in [1, 4096, plan_parts::PIECE_BYTES] {
        let (cut, bytes) = plan_parts::cut(&read, piece_bytes).unwrap();
        assert_eq!(cut.lengths.iter().sum::<usize>() + cut.world, bytes.len());
        if piece_bytes == 1 {
            // The head, then one piece per item.
            let items = ws.competencies.len()
                + ws.agencies.len()
                + ws.positions.len()
                + ws.asn.len()
                + ws.rounds.len()
                + ws.audit.len()
                + ws.moves.len();
            assert_eq!(cut.lengths.len(), 1 + items);
        }
        let mut assembler = Assembler::new(cut);
        for range in assembler.ranges() {
            assembler.add(&bytes[range]).unwrap();
        }
        let world = bytes[assembler.world()].to_vec();
        let plan = assembler.finish().unwrap();
        assert_eq!(plan, read);
        // The world is the one the page would write for the engine worker.
        assert_eq!(world, wire::whole_world(&plan.workspace).unwrap());
        let mut sent = wire::WorldSent::default();
        sent.sent_whole(&plan.workspace);
        assert!(sent.holds(&plan.workspace));
        assert_eq!(sent.delta(&plan.workspace), None, "nothing more to send");
        assert!(!sent.holds(&read.workspace), "equal lists are not the same");
    }
    // The file worker's job gives the same, and the envelope.
    let (outcome, bytes) = run(FileJob::ReadPlan, text.as_bytes());
    let FileOutcome::Plan(cut) = outcome else {
        panic!("{outcome:?}");
    };
    assert_eq!(cut.created_at, "2026-12-03T10:00:00Z");
    let mut assembler = Assembler::new(*cut);
    let ranges = assembler.ranges();
    // A piece missing, or damaged, is said, never half a workspace.
    for range in &ranges[..ranges.len() - 1] {
        assembler.add(&bytes[range.clone()]).unwrap();
    }
    let short = assembler.finish().unwrap_err();
    assert!(short.contains("pieces"), "{short}");
    let (outcome, _) = run(FileJob::ReadPlan, text.as_bytes());
    let FileOutcome::Plan(cut) = outcome else {
        panic!("{outcome:?}");
    };
    let mut assembler = Assembler::new(*cut);
    assembler.add(&bytes[ranges[0].clone()]).unwrap();
    let damaged = assembler.add(b"{\"asn\":[{\"nip\":1}]}").unwrap_err();
    assert!(damaged.starts_with("piece 1 of the plan"), "{damaged}");
}

#[test]
fn a_plan_that_does_not_read_in_the_worker_says_why_and_where() {
    use mutasi_planner::core::io::file_jobs::{run, FileJob, FileOutcome};
    let mut v = file_value(&small());
    v["workspace"]["asn"][3]["birth_date"] = json!("kemarin");
    let (outcome, bytes) = run(FileJob::ReadPlan, v.to_string().as_bytes());
    assert!(bytes.is_empty());
    match outcome {
        FileOutcome::PlanFailed(ImportError::Shape { path, .. }) => {
            assert_eq!(path, "workspace.asn[3].birth_date")
        }
        other => panic!("{other:?}"),
    }
    let mut v = file_value(&small());
    v["workspace"]["asn"][2]["nip"] = v["workspace"]["asn"][1]["nip"].clone();
    match run(FileJob::ReadPlan, v.to_string().as_bytes()).0 {
        FileOutcome::PlanFailed(ImportError::Invalid(findings)) => assert!(!findings.is_empty()),
        other => panic!("{other:?}"),
    }
    match run(FileJob::ReadPlan, b"{\"format\": ").0 {
        FileOutcome::PlanFailed(ImportError::Syntax { line: 1, .. }) => {}
        other => panic!("{other:?}"),
    }
}

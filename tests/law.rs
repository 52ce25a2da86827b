//! The law's procedure (issue 40): sanctions read with their kind, start
//! and end; service counted from the data's service credit.
#![cfg(not(target_arch = "wasm32"))]

use mutasi_planner::core::date::Date;
use mutasi_planner::core::io::sheet;
use mutasi_planner::core::io::table_import::{
    analyse, apply, guess_mapping, ImportKind, RowStatus,
};
use mutasi_planner::core::model::*;

mod common;
use common::rounds::plan_first;

fn d(y: i32, m: u8, day: u8) -> Date {
    Date::new(y, m, day).unwrap()
}

fn import(
    ws: &Workspace,
    text: &str,
) -> (Workspace, mutasi_planner::core::io::table_import::Analysis) {
    let sheet = sheet::read("pegawai.csv", text.as_bytes()).unwrap();
    let mapping = guess_mapping(ImportKind::Roster, &sheet);
    let a = analyse(ImportKind::Roster, &sheet, &mapping, ws);
    assert!(a.blocking.is_empty(), "{:?}", a.blocking);
    (apply(ws, &a), a)
}

fn workspace() -> Workspace {
    let mut ws = Workspace::empty("Kabupaten Tebo");
    ws.government = Government::Regency(Regency::Tebo);
    ws
}

#[test]
fn a_roster_gives_sanctions_their_kind_start_and_end() {
    let text = "NIP;NAMA;GOL;PENDIDIKAN;JABATAN;TMT JABATAN;OPD;JENIS HUKUMAN;TMT HUKUMAN;AKHIR HUKUMAN\n\
        198001012005011001;Ahmad;III/a;S1;Pengadministrasi Umum;01/01/2020;BKPSDM;Pemotongan Tunjangan Kinerja 25% selama 9 bulan;01/02/2026;\n\
        198102022006012002;Budi Santi;III/a;S1;Pengadministrasi Umum;01/01/2020;BKPSDM;Hukuman Disiplin Berat;01/03/2026;31/12/2026\n\
        198203032007011003;Candra;III/a;S1;Pengadministrasi Umum;01/01/2020;BKPSDM;Teguran Tertulis;05/05/2026;\n\
        198304042008012004;Dewi;III/a;S1;Pengadministrasi Umum;01/01/2020;BKPSDM;;;\n\
        198405052009011005;Eko;III/a;S1;Pengadministrasi Umum;01/01/2020;BKPSDM;Pemotongan TPP;;\n\
        198506062010012006;Fitri;III/a;S1;Pengadministrasi Umum;01/01/2020;BKPSDM;Dimarahi;01/01/2026;\n";
    let (ws, a) = import(&workspace(), text);
    let status: Vec<RowStatus> = a.rows.iter().map(|(_, s)| s.clone()).collect();
    assert_eq!(
        status,
        [
            RowStatus::New,
            RowStatus::New,
            RowStatus::New,
            RowStatus::New,
            RowStatus::Invalid,
            RowStatus::Invalid
        ]
    );
    // The refusals name the column: a kind without its start, a text that
    // is no sanction.
    assert!(a
        .problems
        .iter()
        .any(|p| p.row == 6 && p.column.as_deref() == Some("I")));
    assert!(a
        .problems
        .iter()
        .any(|p| p.row == 7 && p.column.as_deref() == Some("H")));
    let sanctions = |nip: &str| {
        ws.asn
            .iter()
            .find(|a| a.nip.as_str() == nip)
            .unwrap()
            .flags
            .sanctions
            .clone()
    };
    let s = &sanctions("198001012005011001")[0];
    assert_eq!(
        (s.kind, s.level, s.imposed, s.ends()),
        (
            Some(SanctionKind::PotonganTukin9),
            SanctionLevel::Sedang,
            d(2026, 2, 1),
            d(2026, 11, 1)
        )
    );
    let s = &sanctions("198102022006012002")[0];
    assert_eq!(
        (s.kind, s.level, s.ends()),
        (None, SanctionLevel::Berat, d(2027, 1, 1))
    );
    assert_eq!(
        sanctions("198203032007011003")[0].kind,
        Some(SanctionKind::TeguranTertulis)
    );
    assert!(sanctions("198304042008012004").is_empty());
    // Imported again with the same start, the sanction is replaced, not
    // added.
    let again = "NIP;NAMA;GOL;PENDIDIKAN;JABATAN;TMT JABATAN;OPD;JENIS HUKUMAN;TMT HUKUMAN\n\
        198001012005011001;Ahmad;III/a;S1;Pengadministrasi Umum;01/01/2020;BKPSDM;Pemotongan Tunjangan Kinerja 25% selama 12 bulan;01/02/2026\n";
    let (ws, _) = import(&ws, again);
    let s = &ws
        .asn
        .iter()
        .find(|a| a.nip.as_str() == "198001012005011001")
        .unwrap()
        .flags
        .sanctions;
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].kind, Some(SanctionKind::PotonganTukin12));
}

#[test]
fn service_counts_from_the_service_credit_or_tmt_cpns() {
    // Entered 2005 by the NIP; a service credit of 24 years at a TMT
    // golongan of 1 April 2025 (prior service credited) starts it in 2001;
    // a TMT CPNS alone gives its year; neither leaves the NIP's.
    let text = "NIP BARU,NAMA,GOL AKHIR NAMA,TINGKAT PENDIDIKAN NAMA,JABATAN NAMA,TMT JABATAN,SATUAN KERJA INDUK NAMA,MK TAHUN,MK BULAN,TMT GOLONGAN,TMT CPNS\n\
        198001012005011001,Ahmad,III/a,S-1/Sarjana,Pengadministrasi Umum,01-01-2020,BKPSDM,24,0,01-04-2025,01-01-2005\n\
        198102022006012002,Budi,III/a,S-1/Sarjana,Pengadministrasi Umum,01-01-2020,BKPSDM,,,,01-03-2003\n\
        198203032007011003,Candra,III/a,S-1/Sarjana,Pengadministrasi Umum,01-01-2020,BKPSDM,,,,\n";
    let (ws, a) = import(&workspace(), text);
    assert_eq!(a.count(RowStatus::Invalid), 0, "{:?}", a.problems);
    let from = |nip: &str| {
        let p = ws.asn.iter().find(|a| a.nip.as_str() == nip).unwrap();
        (p.service_from_year, p.service_from())
    };
    assert_eq!(from("198001012005011001"), (Some(2001), 2001));
    assert_eq!(from("198102022006012002"), (Some(2003), 2003));
    assert_eq!(from("198203032007011003"), (None, 2007));
}

#[test]
fn the_ten_year_statement_binds_own_requests_to_another_government() {
    use mutasi_planner::core::rules::{ten_year_rejection, Rejection};
    let rules = RuleSettings::default();
    let ws =
        mutasi_planner::core::demo::generate(&mutasi_planner::core::demo::DemoConfig::default());
    // A PNS with TMT CPNS March 2022 (the 2021 formation), own request.
    let mut a = ws.asn[0].clone();
    a.nip = Nip::parse("199001012022031001").unwrap();
    a.status = EmploymentStatus::Pns;
    a.own_request = true;
    let until = d(2033, 3, 1);
    assert_eq!(
        ten_year_rejection(&a, &rules, d(2033, 2, 28)),
        Some(Rejection::TenYearStatement {
            cpns_year: 2022,
            until
        })
    );
    assert_eq!(ten_year_rejection(&a, &rules, until), None);
    // Not bound: a 2021 TMT CPNS, a move the organisation asks, the
    // setting off.
    let mut earlier = a.clone();
    earlier.nip = Nip::parse("199001012021031001").unwrap();
    assert_eq!(ten_year_rejection(&earlier, &rules, d(2026, 1, 1)), None);
    let asked = Asn {
        own_request: false,
        ..a.clone()
    };
    assert_eq!(ten_year_rejection(&asked, &rules, d(2026, 1, 1)), None);
    let off = RuleSettings {
        ten_year_statement_from: 0,
        ..RuleSettings::default()
    };
    assert_eq!(ten_year_rejection(&a, &off, d(2026, 1, 1)), None);
}

#[test]
fn no_plan_grants_a_bound_own_request_to_another_government() {
    use mutasi_planner::core::engine::{explain, model::RoundInput, view, Mode};
    use mutasi_planner::core::procedure;
    let mut ws =
        mutasi_planner::core::demo::generate(&mutasi_planner::core::demo::DemoConfig::default());
    let mut round = ws.open_round().unwrap().clone();
    let plan = plan_first;
    // One agency becomes a kabupaten's: the plain plan moves people into
    // it from the province.
    let first = plan(&ws, &round);
    let moves = view::moves(&ws, &first);
    let agency = moves
        .iter()
        .filter(|m| {
            m.from
                .is_some_and(|f| ws.positions[f].agency != m.to_agency)
        })
        .map(|m| m.to_agency.clone())
        .next()
        .unwrap();
    ws.agencies
        .iter_mut()
        .find(|a| a.id == agency)
        .unwrap()
        .government = Government::Regency(Regency::Tebo);
    let crossing: Vec<(usize, usize)> = moves
        .iter()
        .filter(|m| m.to_agency == agency)
        .filter(|m| m.from.is_some_and(|f| ws.positions[f].agency != agency))
        .map(|m| (m.asn, m.to))
        .collect();
    assert!(!crossing.is_empty());
    // Those people asked themselves, and were appointed CPNS in March
    // 2022 (their experience kept as it was).
    for &(a, _) in &crossing {
        let p = &mut ws.asn[a];
        p.service_from_year = Some(p.service_from());
        let nip = format!("{}202203{}", &p.nip.as_str()[..8], &p.nip.as_str()[14..]);
        p.nip = Nip::parse(&nip).unwrap();
        p.own_request = true;
    }
    let on = round.effective_date;
    for mode in [Mode::Optimal, Mode::Stable] {
        round.scenarios[0].mode = mode;
        round.scenarios[0].rules.ten_year_statement_from = 2022;
        let after = plan(&ws, &round);
        let input = RoundInput {
            ws: &ws,
            round: &round,
            scenario: &round.scenarios[0],
        };
        for row in 0..after.row_count() {
            let a = after.person(row);
            if mutasi_planner::core::rules::ten_year_rejection(
                &ws.asn[a],
                &round.scenarios[0].rules,
                on,
            )
            .is_none()
            {
                continue;
            }
            if let (Some(from), Some(to)) = (after.current(row), after.destination(row)) {
                assert!(
                    !procedure::crosses(&ws, Some(&ws.positions[from]), &ws.positions[to]),
                    "{mode:?}: {} crosses",
                    ws.asn[a].nip
                );
            }
        }
        // The explanation names the statement for the move now refused.
        let &(a, to) = crossing.first().unwrap();
        match explain::why_not(&input, &after, a, to) {
            explain::WhyNot::PairRejected(r) => assert!(
                r.iter().any(|r| matches!(
                    r,
                    mutasi_planner::core::rules::Rejection::TenYearStatement { .. }
                )),
                "{r:?}"
            ),
            other => panic!("{mode:?}: {other:?}"),
        }
        // Off, the same people may cross again.
        round.scenarios[0].rules.ten_year_statement_from = 0;
        let free = plan(&ws, &round);
        let crossed = (0..free.row_count()).any(|row| {
            matches!((free.current(row), free.destination(row)), (Some(f), Some(t))
                if free.moved(row) && procedure::crosses(&ws, Some(&ws.positions[f]), &ws.positions[t]))
        });
        assert!(crossed, "{mode:?}");
    }
}

#[test]
fn the_pilkada_rule_marks_each_move_that_replaces_an_official() {
    use mutasi_planner::core::io::sheet_export::{decree_lines, decree_notes, PILKADA_NOTE};
    use mutasi_planner::core::timing;
    let ws =
        mutasi_planner::core::demo::generate(&mutasi_planner::core::demo::DemoConfig::default());
    let mut round = ws.open_round().unwrap().clone();
    let plan = plan_first(&ws, &round);
    // No election: nothing is marked.
    assert!(decree_lines(&ws, &round, &plan).iter().all(|l| !l.pilkada));
    assert!(decree_notes(&round).is_empty());
    // A year set, no dates: warned.
    round.election_year = Some(2029);
    assert!(timing::election_dates_missing(&round));
    // A window covering the decision date (the TMT while no decree).
    let on = timing::decision_date(&round);
    round.election = Some(Election {
        candidates_set: on.add_months(3),
        inauguration: None,
    });
    assert!(!timing::election_dates_missing(&round));
    let lines = decree_lines(&ws, &round, &plan);
    let marked = lines.iter().filter(|l| l.pilkada).count();
    assert!(
        marked > 0 && marked < lines.len(),
        "{marked} of {}",
        lines.len()
    );
    // Marked exactly the moves from or to a JPT, administrator or
    // pengawas post, or of a kepala sekolah/puskesmas.
    for l in &lines {
        let asn = ws.asn.iter().find(|a| a.nip.as_str() == l.nip).unwrap();
        let from = ws.index().position_of(asn);
        let official = from.is_some_and(|p| {
            matches!(
                p.kind,
                PositionType::Administrator
                    | PositionType::Pengawas
                    | PositionType::JptPratama
                    | PositionType::JptMadya
            )
        }) || ws.positions.iter().any(|p| {
            p.name == l.new_position
                && matches!(
                    p.kind,
                    PositionType::Administrator
                        | PositionType::Pengawas
                        | PositionType::JptPratama
                        | PositionType::JptMadya
                )
        }) || asn.flags.task.is_some();
        assert_eq!(
            l.pilkada, official,
            "{} {} → {}",
            l.nip, l.old_position, l.new_position
        );
        assert_eq!(l.note().contains(PILKADA_NOTE), l.pilkada);
    }
    assert_eq!(decree_notes(&round).len(), 1);
    // The approval, once recorded (an audited edit; a number is needed),
    // is cited on each marked line and in the note.
    let mut with_round = ws.clone();
    *with_round.open_round_mut().unwrap() = round.clone();
    let letter = |number: &str| {
        mutasi_planner::core::edit::Edit::SetPilkadaApproval(Some(Letter {
            number: number.into(),
            date: on,
        }))
    };
    assert_eq!(
        letter(" ").apply(&mut with_round.clone()),
        Err(mutasi_planner::core::edit::EditError::LetterNumberRequired)
    );
    letter(" 100.2.2.6/123/OTDA ")
        .apply(&mut with_round)
        .unwrap();
    let approved = with_round.open_round().unwrap().clone();
    let lines = decree_lines(&with_round, &approved, &plan);
    for l in lines.iter().filter(|l| l.pilkada) {
        assert!(
            l.note()
                .contains("persetujuan tertulis Mendagri No. 100.2.2.6/123/OTDA"),
            "{}",
            l.note()
        );
        assert!(!l.note().contains(PILKADA_NOTE));
    }
    assert!(decree_notes(&approved)[0].contains("Nomor 100.2.2.6/123/OTDA"));
    // A decree dated after the window: nothing needs approval.
    round.election = Some(Election {
        candidates_set: on.add_months(-12),
        inauguration: Some(on.add_months(-8)),
    });
    assert!(decree_lines(&ws, &round, &plan).iter().all(|l| !l.pilkada));
}

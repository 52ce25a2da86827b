//! Objections as files: written by an ASN on their proposal, imported in
//! bulk by the analyst into the round's comments, every problem reported.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::edits::ok;
use common::rounds::{demo, open_round};
use mutasi_planner::core::edit::{Edit, EditError};
use mutasi_planner::core::io::objection::*;
use mutasi_planner::core::io::preference_card::{write_card, FileError, FileKind, PreferenceCard};
use mutasi_planner::core::model::*;
use mutasi_planner::i18n::Lang;
use mutasi_planner::messages::Message;

const AT: &str = "2026-12-05T09:00:00+07:00";

fn file(name: &str, o: &ObjectionFile) -> (String, String) {
    (name.to_string(), write_objection(o))
}

/// A NIP of the same shape as `nip` that no one in the roster has.
fn stranger(ws: &Workspace, nip: &Nip) -> String {
    let head = &nip.as_str()[..15];
    (1..1000)
        .map(|k| format!("{head}{k:03}"))
        .find(|n| Nip::parse(n).is_ok() && !ws.asn.iter().any(|a| a.nip.as_str() == n))
        .expect("a free sequence number")
}

#[test]
fn an_objection_file_round_trips_and_names_itself_by_nip() {
    let o = ObjectionFile::new(
        "r1",
        "198503142010012003",
        "Dewi Lestari",
        AT,
        DecisionAction::Assign(PositionId("bkd.mutasi.analis".into())),
        "Saya merawat orang tua di Muara Bulian.",
    );
    let text = write_objection(&o);
    assert!(text.contains("\"format\": \"mutasi-planner/keberatan\""));
    assert_eq!(read_objection(&text), Ok(o.clone()));
    assert_eq!(o.file_name(), "keberatan-198503142010012003.json");
    assert_eq!(
        read_objection("{\"format\": \"x\"}"),
        Err(FileError::OtherFormat {
            kind: FileKind::Objection,
            found: Some("x".into())
        })
    );
    let broken = read_objection("{\"format\": ").unwrap_err();
    assert!(
        matches!(broken, FileError::Syntax { line: 1, .. }),
        "{broken:?}"
    );
    // Said in Indonesian first, with where it breaks.
    assert!(broken
        .message(Lang::Id)
        .starts_with("bukan JSON yang sah (baris 1, kolom"));
    assert!(broken
        .message(Lang::En)
        .starts_with("not valid JSON (line 1"));
}

#[test]
fn many_objections_import_with_every_problem_reported_and_none_recorded_twice() {
    let mut ws = demo(300, 4);
    let round = open_round(&ws).id.clone();
    let a = ws.asn[0].clone();
    let b = ws.asn[1].clone();
    let c = ws.asn[2].clone();
    let position = ws.positions[5].id.clone();
    let stay = |who: &Asn, text: &str| {
        ObjectionFile::new(
            &round,
            who.nip.as_str(),
            &who.name,
            AT,
            DecisionAction::Stay,
            text,
        )
    };
    let good_a = stay(&a, "Masih menyelesaikan proyek di unit ini");
    let good_b = ObjectionFile::new(
        &round,
        b.nip.as_str(),
        &b.name,
        AT,
        DecisionAction::Assign(position.clone()),
        "Lebih dekat dengan keluarga",
    );
    let mut wrong_round = stay(&c, "Tetap");
    wrong_round.round = "putaran-lama".into();
    let mut unknown = stay(&c, "Tetap");
    unknown.nip = stranger(&ws, &c.nip);
    let mut short = stay(&c, "Tetap");
    short.nip = c.nip.as_str()[..17].to_string();
    let mut other_name = stay(&c, "Tetap");
    other_name.name = "Zzz Qqq".into();
    let empty = stay(&c, "   ");
    let mut nowhere = stay(&c, "Ke jabatan lain");
    nowhere.request = DecisionAction::Assign(PositionId("tidak-ada".into()));
    // The same objection again, with other spaces and case: a duplicate.
    let again = stay(&a, "masih  menyelesaikan proyek di unit INI");
    let card = PreferenceCard::new(&round, c.nip.as_str(), &c.name, AT, Vec::new());
    let files = vec![
        file("keberatan-a.json", &good_a),
        file("keberatan-b.json", &good_b),
        file("lama.json", &wrong_round),
        file("asing.json", &unknown),
        file("pendek.json", &short),
        file("nama.json", &other_name),
        file("kosong.json", &empty),
        file("jabatan.json", &nowhere),
        file("ulang.json", &again),
        ("kartu.json".to_string(), write_card(&card)),
        ("rusak.json".to_string(), "{\"format\": ".to_string()),
    ];
    let import = import_objections(&ws, &files);
    assert_eq!(import.read, files.len());
    let accepted: Vec<&str> = import.accepted.iter().map(|o| o.file.as_str()).collect();
    assert_eq!(accepted, ["keberatan-a.json", "keberatan-b.json"]);
    assert_eq!(import.accepted[0].from, a.name);
    assert_eq!(
        import.accepted[1].request,
        DecisionAction::Assign(position.clone())
    );
    let reported: Vec<(&str, &ObjectionReason)> = import
        .problems
        .iter()
        .map(|p| (p.file.as_str(), &p.reason))
        .collect();
    assert_eq!(
        reported.len(),
        files.len() - 2,
        "every other file is reported: {reported:?}"
    );
    let reason_of = |f: &str| {
        reported
            .iter()
            .find(|(n, _)| *n == f)
            .map(|(_, r)| *r)
            .unwrap()
    };
    assert!(
        matches!(reason_of("lama.json"), ObjectionReason::WrongRound { file, .. } if file == "putaran-lama")
    );
    assert_eq!(reason_of("asing.json"), &ObjectionReason::UnknownNip);
    assert!(matches!(
        reason_of("pendek.json"),
        ObjectionReason::InvalidNip(_)
    ));
    assert!(
        matches!(reason_of("nama.json"), ObjectionReason::NameDiffers { roster } if *roster == c.name)
    );
    assert_eq!(reason_of("kosong.json"), &ObjectionReason::EmptyText);
    assert_eq!(
        reason_of("jabatan.json"),
        &ObjectionReason::UnknownPosition("tidak-ada".into())
    );
    assert_eq!(
        reason_of("ulang.json"),
        &ObjectionReason::Duplicate {
            of: "keberatan-a.json".into()
        }
    );
    assert!(matches!(
        reason_of("kartu.json"),
        ObjectionReason::Unreadable(_)
    ));
    assert!(matches!(
        reason_of("rusak.json"),
        ObjectionReason::Unreadable(_)
    ));
    // Said in Indonesian first, with the NIP's reason in words.
    let short_problem = import
        .problems
        .iter()
        .find(|p| p.file == "pendek.json")
        .unwrap();
    let words = short_problem.message(Lang::Id);
    assert!(
        words.starts_with("NIP: ") && words.ends_with("; keberatan tidak dicatat"),
        "{words}"
    );
    assert!(!words.contains("digits"), "{words}");
    let dup = import
        .problems
        .iter()
        .find(|p| p.file == "ulang.json")
        .unwrap();
    assert_eq!(
        dup.message(Lang::En),
        "the same objection is already there (keberatan-a.json); not recorded twice"
    );

    // Recorded as the ASN's open comments, in one audited edit.
    let before = open_round(&ws).participation.comments.len();
    let done = ok(&mut ws, Edit::ImportObjections(Box::new(import)));
    assert_eq!(done.action, "import_objections");
    let comments = &open_round(&ws).participation.comments;
    assert_eq!(comments.len(), before + 2);
    let new = &comments[before..];
    assert_eq!(new[0].asn, a.nip);
    assert_eq!(new[0].author, CommentAuthor::Asn);
    assert_eq!(new[0].status, CommentStatus::Open);
    assert_eq!(new[0].request, DecisionAction::Stay);
    assert_eq!(new[1].request, DecisionAction::Assign(position));
    assert_eq!(new[1].at, AT);

    // The same files again: both are already comments of the round.
    let twice = import_objections(&ws, &files[..2]);
    assert!(twice.accepted.is_empty());
    let ids: Vec<String> = new.iter().map(|c| format!("#{}", c.id)).collect();
    let of: Vec<&ObjectionReason> = twice.problems.iter().map(|p| &p.reason).collect();
    assert_eq!(
        of,
        [
            &ObjectionReason::Duplicate { of: ids[0].clone() },
            &ObjectionReason::Duplicate { of: ids[1].clone() }
        ]
    );
    let mut copy = ws.clone();
    assert_eq!(
        Edit::ImportObjections(Box::new(twice)).apply(&mut copy),
        Err(EditError::Nothing)
    );
    assert_eq!(copy, ws);
}

#[test]
fn without_an_open_round_nothing_is_taken() {
    let mut ws = demo(120, 2);
    let a = ws.asn[0].clone();
    let round = open_round(&ws).id.clone();
    ws.rounds.clear();
    let o = ObjectionFile::new(
        &round,
        a.nip.as_str(),
        &a.name,
        AT,
        DecisionAction::Stay,
        "Tetap",
    );
    let import = import_objections(&ws, &[file("a.json", &o)]);
    assert!(import.accepted.is_empty());
    assert_eq!(import.problems[0].reason, ObjectionReason::NoOpenRound);
    assert_eq!(
        import.problems[0].message(Lang::Id),
        "tidak ada putaran mutasi yang terbuka; keberatan tidak dicatat"
    );
}

#[test]
fn a_proposal_file_round_trips_and_its_answer_imports() {
    let ws = demo(200, 5);
    let round = open_round(&ws);
    let a = ws.asn[3].clone();
    let proposal = ProposalFile {
        from: "Analis · BKD".into(),
        to: "Analis · Dinkes".into(),
        moves: true,
        contact: "mutasi@bkd.jambiprov.go.id".into(),
        ..ProposalFile::new(&round.id, &round.name, a.nip.as_str(), &a.name)
    };
    assert_eq!(proposal.format, PROPOSAL_FORMAT);
    let text = write_proposal(&proposal);
    assert_eq!(read_proposal(&text), Ok(proposal.clone()));
    assert_eq!(proposal.file_name(), format!("usulan-{}.json", a.nip));
    assert!(read_proposal(&write_objection(&proposal.objection(
        AT,
        DecisionAction::Stay,
        "x"
    )))
    .is_err());
    // The answer carries the proposal's round, NIP and name: it imports.
    let answer = proposal.objection(AT, DecisionAction::Stay, "Anak saya bersekolah di sini");
    let import = import_objections(&ws, &[(answer.file_name(), write_objection(&answer))]);
    assert_eq!(import.accepted.len(), 1, "{:?}", import.problems);
    assert_eq!(import.accepted[0].nip, a.nip);
}

#[test]
fn the_proposal_code_is_short_readable_and_checks_round_and_nip() {
    let code = proposal_code("mutasi-2027", "198503142010012003");
    assert_eq!(code.len(), 9, "{code}");
    assert_eq!(&code[4..5], "-");
    assert!(code
        .chars()
        .filter(|c| *c != '-')
        .all(|c| "0123456789ABCDEFGHJKMNPQRSTVWXYZ".contains(c)));
    // The same input, the same code; another NIP or round, another code.
    assert_eq!(code, proposal_code("mutasi-2027", "198503142010012003"));
    assert_ne!(code, proposal_code("mutasi-2027", "198503142010012004"));
    assert_ne!(code, proposal_code("mutasi-2028", "198503142010012003"));
    // Typed as people type: lower case, spaces, O for 0, I or L for 1.
    let typed = code
        .to_lowercase()
        .replace('-', " ")
        .replace('0', "o")
        .replace('1', "l");
    assert!(
        code_matches(&typed, "mutasi-2027", "198503142010012003"),
        "{typed}"
    );
    assert!(!code_matches(&typed, "mutasi-2027", "198503142010012004"));
    assert!(!code_matches("", "mutasi-2027", "198503142010012003"));
}

#[test]
fn an_objection_with_another_persons_code_is_rejected_and_said_so() {
    let ws = demo(200, 5);
    let round = open_round(&ws);
    let (a, b) = (ws.asn[3].clone(), ws.asn[4].clone());
    let mut forged = ObjectionFile::new(
        &round.id,
        a.nip.as_str(),
        &a.name,
        AT,
        DecisionAction::Stay,
        "Tetap",
    );
    assert_eq!(forged.code, proposal_code(&round.id, a.nip.as_str()));
    forged.code = proposal_code(&round.id, b.nip.as_str());
    // A file of an older version, without a code, is still taken.
    let mut plain = ObjectionFile::new(
        &round.id,
        b.nip.as_str(),
        &b.name,
        AT,
        DecisionAction::Stay,
        "Tetap",
    );
    plain.code.clear();
    assert!(!write_objection(&plain).contains("\"code\""));
    let import = import_objections(&ws, &[file("a.json", &forged), file("b.json", &plain)]);
    assert_eq!(import.accepted.len(), 1);
    assert_eq!(import.accepted[0].nip, b.nip);
    assert_eq!(import.problems.len(), 1);
    assert_eq!(import.problems[0].reason, ObjectionReason::CodeDiffers);
    assert!(import.problems[0]
        .message(Lang::Id)
        .contains("kode usulan tidak cocok"));
    // The proposal file's answer carries the sheet's code.
    let proposal = ProposalFile::new(&round.id, &round.name, a.nip.as_str(), &a.name);
    assert_eq!(
        proposal.objection(AT, DecisionAction::Stay, "t").code,
        proposal.code()
    );
}

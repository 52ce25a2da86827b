//! Preference cards: written by an ASN, imported in bulk by the analyst,
//! every problem reported.
#![cfg(not(target_arch = "wasm32"))]

use mutasi_planner::core::demo::jambi_demo;
use mutasi_planner::core::io::preference_card::*;
use mutasi_planner::core::io::sheet;
use mutasi_planner::core::model::*;
use mutasi_planner::i18n::Lang;
use mutasi_planner::messages::Message;

const NOW: &str = "2026-12-02T00:00:00Z";

fn wish(target: PreferenceTarget, reason: PreferenceReason) -> Preference {
    Preference {
        target,
        reason,
        note: String::new(),
    }
}

#[test]
fn the_offer_holds_the_openings_and_no_personal_data() {
    let ws = jambi_demo();
    let offer = offer_of(&ws);
    let round = ws.open_round().unwrap();
    assert_eq!(offer.positions.len(), round.openings.len());
    let text = serde_json::to_string(&offer).unwrap();
    assert!(ws
        .asn
        .iter()
        .all(|a| !text.contains(a.nip.as_str()) && !text.contains(&a.name)));
    assert_eq!(read_offer(&text).unwrap(), offer);
    let other = read_offer("{\"format\":\"x\"}").unwrap_err();
    assert_eq!(
        other.message(Lang::Id),
        "bukan berkas formasi (formatnya \"x\")"
    );
    assert_eq!(
        other.message(Lang::En),
        "not an offer file (its format is \"x\")"
    );
    // An offer of a later version is refused, in words.
    let later = text.replacen("\"version\":1", "\"version\":2", 1);
    assert_eq!(
        read_offer(&later).unwrap_err().message(Lang::Id),
        "berkas formasi versi 2 belum dapat dibaca (hanya versi 1)"
    );
}

#[test]
fn many_cards_are_checked_reported_and_applied() {
    let ws = jambi_demo();
    let offer = offer_of(&ws);
    let (a, b, c) = (&ws.asn[10], &ws.asn[11], &ws.asn[12]);
    let pos = offer.positions[0].id.clone();
    let unit = offer.positions[1].unit.clone();
    let card_a = PreferenceCard::new(
        &offer.round,
        a.nip.as_str(),
        &a.name,
        "2026-11-28T08:00:00Z",
        vec![
            wish(
                PreferenceTarget::Position(pos.clone()),
                PreferenceReason::Career,
            ),
            wish(
                PreferenceTarget::Position(PositionId("tidak.ada".into())),
                PreferenceReason::Family,
            ),
            wish(
                PreferenceTarget::Regency(Regency::Kerinci),
                PreferenceReason::Family,
            ),
        ],
    );
    // The same person again, later: this one wins.
    let card_a2 = PreferenceCard::new(
        &offer.round,
        a.nip.as_str(),
        &a.name,
        "2026-11-29T08:00:00Z",
        vec![wish(
            PreferenceTarget::Unit(unit.clone()),
            PreferenceReason::Health,
        )],
    );
    let card_b_wrong_name = PreferenceCard::new(
        &offer.round,
        b.nip.as_str(),
        "Zzz Qqq",
        "2026-11-28T08:30:00Z",
        vec![],
    );
    let card_unknown = PreferenceCard::new(
        &offer.round,
        "198503142010012003",
        "Dewi",
        "2026-11-28T08:30:00Z",
        vec![],
    );
    let text_a = write_card(&card_a);
    assert_eq!(read_card(&text_a).unwrap(), card_a);
    let files = vec![
        (card_a.file_name(), text_a),
        ("preferensi-kedua.json".to_string(), write_card(&card_a2)),
        ("b.json".to_string(), write_card(&card_b_wrong_name)),
        ("dewi.json".to_string(), write_card(&card_unknown)),
        (
            "rusak.json".to_string(),
            "{\"format\": \"mutasi-planner/kartu-preferensi\",\n  \"nip\": }".to_string(),
        ),
        (
            "c.json".to_string(),
            write_card(&PreferenceCard::new(
                "",
                c.nip.as_str(),
                &c.name.to_uppercase(),
                "2026-11-28T08:30:00Z",
                (0..7)
                    .map(|_| {
                        wish(
                            PreferenceTarget::Regency(Regency::Tebo),
                            PreferenceReason::Other,
                        )
                    })
                    .collect(),
            )),
        ),
    ];
    let mut import = import_cards(&ws, &files, NOW);
    assert_eq!(import.read, 6);
    // Two cards of one NIP that disagree: neither is taken until the
    // analyst chooses.
    assert_eq!(import.accepted.len(), 1, "{:?}", import.problems);
    assert_eq!(import.conflicts.len(), 1);
    let conflict = &import.conflicts[0];
    assert_eq!(conflict.nip, a.nip.as_str());
    assert_eq!(
        conflict
            .cards
            .iter()
            .map(|c| c.file.as_str())
            .collect::<Vec<_>>(),
        [card_a.file_name().as_str(), "preferensi-kedua.json"]
    );
    assert_eq!(import.undecided(), 1);
    import.choose(a.nip.as_str(), Choice::Card(1));
    assert_eq!(import.undecided(), 0);
    assert_eq!(import.to_apply().count(), 2);
    let reasons: Vec<(String, CardReason)> = import
        .problems
        .iter()
        .map(|p| (p.file.clone(), p.reason.clone()))
        .collect();
    assert!(reasons.contains(&(
        card_a.file_name(),
        CardReason::UnknownTarget {
            rank: 2,
            text: "tidak.ada".into()
        }
    )));
    assert!(reasons.contains(&(
        "b.json".into(),
        CardReason::NameDiffers {
            roster: b.name.clone()
        }
    )));
    assert!(reasons.contains(&("dewi.json".into(), CardReason::UnknownNip)));
    assert!(reasons.contains(&("c.json".into(), CardReason::TooManyWishes(7))));
    for rank in 2..=MAX_WISHES {
        assert!(reasons.contains(&(
            "c.json".into(),
            CardReason::DuplicateWish { rank, first: 1 }
        )));
    }
    let unreadable = import
        .problems
        .iter()
        .find(|p| p.file == "rusak.json")
        .unwrap();
    assert!(
        unreadable
            .message(Lang::Id)
            .contains("bukan JSON yang sah (baris 2"),
        "{}",
        unreadable.message(Lang::Id)
    );

    let after = apply_cards(&ws, &import);
    assert_eq!(
        after.asn[10].preferences,
        vec![wish(PreferenceTarget::Unit(unit), PreferenceReason::Health)]
    );
    assert_eq!(
        after.asn[12].preferences.len(),
        1,
        "the repeats are left out"
    );
    assert_eq!(
        after.asn[11].preferences, ws.asn[11].preferences,
        "rejected card changes nothing"
    );
}

#[test]
fn a_form_export_csv_is_read_row_by_row() {
    let ws = jambi_demo();
    let a = &ws.asn[20];
    let b = &ws.asn[21];
    let agency = &ws.agencies[3];
    let csv = format!(
        "Timestamp,NIP,Nama,Pilihan 1,Alasan 1,Pilihan 2,Alasan 2,Catatan 2\n\
         2026/11/28 9:00,'{},{},{},Dekat keluarga,Kabupaten Bungo,Karier,ingin berkembang\n\
         2026/11/28 9:05,{},{},Jabatan Khayalan,Kesehatan,,,\n\
         2026/11/28 9:06,123,Salah,,,,,\n",
        a.nip.as_str(),
        a.name.replace(',', ""),
        agency.short_name,
        b.nip.as_str(),
        b.name.replace(',', ""),
    );
    let sheet = sheet::read("form.csv", csv.as_bytes()).unwrap();
    let import = import_card_sheet(&ws, &sheet, NOW);
    assert_eq!(import.read, 3);
    assert_eq!(import.accepted.len(), 2);
    let first = &import.accepted[0];
    assert_eq!(
        first.wishes,
        vec![
            wish(
                PreferenceTarget::Agency(agency.id.clone()),
                PreferenceReason::Family
            ),
            Preference {
                target: PreferenceTarget::Regency(Regency::Bungo),
                reason: PreferenceReason::Career,
                note: "ingin berkembang".into()
            }
        ]
    );
    assert!(import.accepted[1].wishes.is_empty());
    let rows: Vec<(Option<usize>, CardReason)> = import
        .problems
        .iter()
        .map(|p| (p.row, p.reason.clone()))
        .collect();
    assert_eq!(
        rows[0],
        (
            Some(3),
            CardReason::UnknownTarget {
                rank: 1,
                text: "Jabatan Khayalan".into()
            }
        )
    );
    assert!(matches!(rows[1], (Some(4), CardReason::InvalidNip(_))));
    assert_eq!(rows.len(), 2);
}

#[test]
fn cards_apply_by_nip_even_if_the_roster_changed_after_the_report() {
    let ws = jambi_demo();
    let a = &ws.asn[30];
    let offer = offer_of(&ws);
    let card = PreferenceCard::new(
        &offer.round,
        a.nip.as_str(),
        &a.name,
        "2026-11-28T08:30:00Z",
        vec![wish(
            PreferenceTarget::Regency(Regency::Tebo),
            PreferenceReason::Family,
        )],
    );
    let import = import_cards(&ws, &[("k.json".into(), write_card(&card))], NOW);
    // Someone earlier in the roster leaves before the analyst confirms.
    let mut changed = ws.clone();
    changed.asn.remove(0);
    let after = apply_cards(&changed, &import);
    let person = after.asn.iter().find(|p| p.nip == a.nip).unwrap();
    assert_eq!(person.preferences.len(), 1);
    for (x, y) in after.asn.iter().zip(&changed.asn) {
        if x.nip != a.nip {
            assert_eq!(x.preferences, y.preferences, "nobody else changes");
        }
    }
}

#[test]
fn a_card_link_names_only_an_offer_file_beside_the_page() {
    assert_eq!(offer_link("#/kartu"), Ok(None));
    assert_eq!(offer_link(""), Ok(None));
    // The card page's own links, and the analyst app's old ones.
    assert_eq!(
        offer_link("#formasi=mutasi-2027.json"),
        Ok(Some("mutasi-2027.json".to_string()))
    );
    assert_eq!(
        offer_link("#/kartu?formasi=mutasi-2027.json"),
        Ok(Some("mutasi-2027.json".to_string()))
    );
    assert_eq!(
        offer_link("#/kartu?lang=id&formasi=formasi_Bungo.2027.json"),
        Ok(Some("formasi_Bungo.2027.json".to_string()))
    );
    for bad in [
        "#/kartu?formasi=https://evil.example/x.json",
        "#/kartu?formasi=../data/x.json",
        "#/kartu?formasi=sub/x.json",
        "#/kartu?formasi=x.js",
        "#/kartu?formasi=.json",
        "#/kartu?formasi=%2F%2Fx.json",
        "#/kartu?formasi=",
    ] {
        assert!(
            matches!(offer_link(bad), Err(OfferLinkError::NotAFileName(_))),
            "{bad}"
        );
    }
}

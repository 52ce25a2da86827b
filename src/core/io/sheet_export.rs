//! Spreadsheets out: the decree attachment (Lampiran SK) of a plan as XLSX
//! and CSV, and blank import templates.
//!
//! Formula injection: a text cell that begins with `=`, `+`, `-`, `@` (or a
//! tab or carriage return) would be run as a formula by a spreadsheet that
//! opens the CSV. In CSV such a cell gets a leading apostrophe; in XLSX every
//! text is written as a string cell (never a formula) and such cells also get
//! Excel's quote-prefix flag, so editing the cell in Excel keeps it text.

use super::table_import::{Field, ImportKind};
use crate::core::date::Date;
use crate::core::engine::Plan;
use crate::core::model::{Position, Workspace};
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, XlsxError};

/// True when a spreadsheet would read the text as a formula.
pub fn is_formula_like(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// The text made safe for CSV: formula-like text gets a leading apostrophe.
pub fn neutralise(text: &str) -> String {
    if is_formula_like(text) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// One CSV field: neutralised, quoted when it holds the separator, a quote or
/// a line break.
fn csv_field(text: &str, out: &mut String) {
    let text = neutralise(text);
    if text.contains([';', '"', '\n', '\r', ',']) {
        out.push('"');
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(&text);
    }
}

/// A `;`-separated CSV with a UTF-8 byte-order mark and CRLF line ends: what
/// Excel with Indonesian regional settings opens correctly by double-click.
pub fn write_csv(rows: &[Vec<String>]) -> String {
    let mut out = String::from("\u{feff}");
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                out.push(';');
            }
            csv_field(cell, &mut out);
        }
        out.push_str("\r\n");
    }
    out
}

/// One line of the decree attachment.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DecreeLine {
    pub nip: String,
    pub name: String,
    /// `Penata Muda (III/a)`, or `PPPK`.
    pub rank: String,
    pub old_position: String,
    pub old_unit: String,
    pub new_position: String,
    pub new_unit: String,
    /// TMT: the round's effective date.
    pub tmt: Date,
    /// KETERANGAN: the move's class ("Mutasi", "Promosi", ...), so that a
    /// promotion is never hidden among transfers.
    pub class: String,
    /// A transfer between governments: which ones, and BKN's pertimbangan
    /// teknis when recorded. Such lines come after the others, in their own
    /// section.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub crossing: Option<String>,
    /// The move replaces an official while a Pilkada window covers the
    /// decision ([`crate::core::timing::needs_approval`]): it needs the
    /// Mendagri's written approval.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub pilkada: bool,
    /// The Mendagri's approval, once recorded: "persetujuan Mendagri No. …
    /// tgl …".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pilkada_approval: Option<String>,
}

/// The KETERANGAN words of a move that needs the Mendagri's approval.
pub const PILKADA_NOTE: &str = "perlu persetujuan tertulis Mendagri (Pilkada)";

impl DecreeLine {
    /// The KETERANGAN cell: the class, the crossing when there is one, and
    /// the Mendagri's approval when the move needs it.
    pub fn note(&self) -> String {
        let mut note = self.class.clone();
        if let Some(c) = &self.crossing {
            note = format!("{note}; {c}");
        }
        if self.pilkada {
            let approval = self.pilkada_approval.as_deref().unwrap_or(PILKADA_NOTE);
            note = format!("{note}; {approval}");
        }
        note
    }
}

/// The heading of the attachment's section of transfers between
/// governments.
pub const CROSSING_SECTION: &str =
    "MUTASI ANTAR-INSTANSI (pertimbangan teknis Kepala BKN, PP 11/2017 Pasal 192)";

/// The KETERANGAN text of a transfer between governments.
fn crossing_note(
    crossing: crate::core::procedure::Crossing,
    clearance: Option<&crate::core::model::Clearance>,
) -> String {
    let bkn = clearance
        .and_then(|c| c.bkn.as_ref())
        .map(|l| {
            format!(
                "; pertimbangan teknis BKN {} tgl {}",
                l.number,
                l.date.to_dmy()
            )
        })
        .unwrap_or_default();
    format!("antar-instansi: {}{bkn}", crossing.label())
}

/// The column headers of the attachment.
pub const DECREE_HEADERS: [&str; 10] = [
    "NO",
    "NIP",
    "NAMA",
    "PANGKAT/GOL. RUANG",
    "JABATAN LAMA",
    "UNIT KERJA LAMA",
    "JABATAN BARU",
    "UNIT KERJA BARU",
    "TMT",
    "KETERANGAN",
];

/// The notes an attachment carries for `round`: the Mendagri's written
/// approval when the TMT falls in a Pilkada window
/// ([`crate::core::timing`]).
pub fn decree_notes(round: &crate::core::model::Round) -> Vec<String> {
    crate::core::timing::needs_mendagri_approval(round)
        .map(|w| {
            let until = w
                .until
                .map_or_else(|| "pelantikan + 6 bulan".to_string(), |d| d.to_dmy());
            let approval = match &round.procedure.pilkada_approval {
                Some(l) => format!(
                    " Persetujuan tertulis Menteri Dalam Negeri Nomor {} tanggal {}.",
                    l.number,
                    l.date.to_dmy()
                ),
                None => String::new(),
            };
            format!(
                "Catatan: keputusan tanggal {} dalam masa {} s.d. {} (6 bulan sebelum penetapan pasangan calon Pilkada sampai 6 bulan setelah pelantikan); penggantian pejabat pimpinan tinggi, administrator, pengawas dan kepala sekolah/puskesmas yang bertanda di kolom KETERANGAN memerlukan persetujuan tertulis Menteri Dalam Negeri (UU 10/2016 Pasal 71 ayat (2) dan Pasal 162 ayat (3); SE Mendagri 100.2.1.3/1575/SJ).{approval}",
                crate::core::timing::decision_date(round).to_dmy(),
                w.from.to_dmy(),
                until
            )
        })
        .into_iter()
        .collect()
}

fn unit_label(ws: &Workspace, p: &Position) -> String {
    match ws.agencies.iter().find(|a| a.id == p.agency) {
        Some(a) => match a.unit(&p.unit) {
            Some(u) => format!("{}, {}", u.name, a.name),
            None => a.name.clone(),
        },
        None => p.agency.0.clone(),
    }
}

/// The lines for everyone the plan of `round` moves: the transfers within
/// the government first, then those between governments; each ordered by
/// the new agency (in workspace order), then golongan from highest, then
/// NIP.
pub fn decree_lines(
    ws: &Workspace,
    round: &crate::core::model::Round,
    plan: &Plan,
) -> Vec<DecreeLine> {
    let moves = (0..plan.model.rows.len())
        .filter(|&r| plan.moved(r))
        .filter_map(|r| {
            let row = &plan.model.rows[r];
            let to = plan.model.slots[plan.slot_of_row[r]].position?;
            Some((row.asn, row.current, to))
        });
    lines_of(ws, round, moves)
}

/// The attachment of a frozen version (a decided round): its recorded
/// moves, from each person's current position, with the round's TMT —
/// whatever the live plan gives since.
pub fn version_decree_lines(
    ws: &Workspace,
    round: &crate::core::model::Round,
    version: &crate::core::model::RoundVersion,
) -> Vec<DecreeLine> {
    let position =
        |id: &crate::core::model::PositionId| ws.positions.iter().position(|p| &p.id == id);
    let moves = version.result.moves.iter().filter_map(|m| {
        let a = ws.asn.iter().position(|x| x.nip == m.asn)?;
        let from = ws.asn[a]
            .position
            .as_ref()
            .and_then(|c| position(&c.position));
        Some((a, from, position(&m.to)?))
    });
    lines_of(ws, round, moves)
}

/// Lines for moves given as (ASN, current position, new position) indices:
/// within the government first, then between governments; each in agency
/// order, then golongan (highest first), then NIP.
fn lines_of(
    ws: &Workspace,
    round: &crate::core::model::Round,
    moves: impl Iterator<Item = (usize, Option<usize>, usize)>,
) -> Vec<DecreeLine> {
    let tmt = round.effective_date;
    let approval = round.procedure.pilkada_approval.as_ref().map(|l| {
        format!(
            "persetujuan tertulis Mendagri No. {} tgl {}",
            l.number,
            l.date.to_dmy()
        )
    });
    let agency_order = |id: &crate::core::model::AgencyId| {
        ws.agencies
            .iter()
            .position(|a| &a.id == id)
            .unwrap_or(usize::MAX)
    };
    let mut keyed: Vec<_> = moves
        .filter_map(|(a, from, to)| {
            let asn = ws.asn.get(a)?;
            let to = ws.positions.get(to)?;
            let from = from.and_then(|p| ws.positions.get(p));
            let crossing = crate::core::procedure::crossing(ws, from, to)
                .map(|c| crossing_note(c, round.procedure.clearance(&asn.nip)));
            let line = DecreeLine {
                nip: asn.nip.as_str().to_string(),
                name: asn.name.clone(),
                rank: match (asn.golongan, asn.pppk_golongan) {
                    (Some(g), _) => format!("{} ({})", g.pangkat(), g.code()),
                    (None, Some(g)) => format!("PPPK ({})", g.code()),
                    (None, None) => "PPPK".to_string(),
                },
                old_position: from.map(|p| p.name.clone()).unwrap_or_else(|| "-".into()),
                old_unit: from
                    .map(|p| unit_label(ws, p))
                    .unwrap_or_else(|| "-".into()),
                new_position: to.name.clone(),
                new_unit: unit_label(ws, to),
                tmt,
                class: crate::core::move_class::classify(from, to)
                    .decree_label()
                    .to_string(),
                pilkada: crate::core::timing::needs_approval(round, asn, from, to),
                pilkada_approval: approval.clone(),
                crossing,
            };
            let key = (
                line.crossing.is_some(),
                agency_order(&to.agency),
                std::cmp::Reverse(asn.golongan),
                asn.nip.clone(),
            );
            Some((key, line))
        })
        .collect();
    crate::core::sort::sort_by(&mut keyed, |a, b| a.0.cmp(&b.0));
    keyed.into_iter().map(|(_, line)| line).collect()
}

fn decree_table(lines: &[DecreeLine]) -> Vec<Vec<String>> {
    let mut rows = vec![DECREE_HEADERS.iter().map(|h| h.to_string()).collect()];
    for (i, l) in lines.iter().enumerate() {
        rows.push(vec![
            (i + 1).to_string(),
            l.nip.clone(),
            l.name.clone(),
            l.rank.clone(),
            l.old_position.clone(),
            l.old_unit.clone(),
            l.new_position.clone(),
            l.new_unit.clone(),
            l.tmt.to_dmy(),
            l.note(),
        ]);
    }
    rows
}

/// The attachment as CSV.
pub fn decree_csv(lines: &[DecreeLine]) -> String {
    write_csv(&decree_table(lines))
}

/// The attachment as an XLSX workbook: a title, the table with a bold
/// repeated header row, NIP as text, TMT as a real date, A4 landscape fitted
/// to the page width, page numbers in the footer.
pub fn decree_xlsx(
    lines: &[DecreeLine],
    title: &str,
    heading: &str,
    notes: &[String],
) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Lampiran SK")?;
    let bold = Format::new().set_bold();
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_border(FormatBorder::Thin)
        .set_background_color("#E7E6E6");
    let text = Format::new()
        .set_num_format("@")
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin);
    let quoted = text.clone().set_quote_prefix();
    let date = Format::new()
        .set_num_format("dd/mm/yyyy")
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin);
    let number = Format::new()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin);
    sheet.write_string_with_format(0, 0, title, &bold)?;
    sheet.write_string(1, 0, heading)?;
    // Notes sit between the title and the table (one line).
    if !notes.is_empty() {
        sheet.write_string_with_format(2, 0, notes.join(" "), &bold)?;
    }
    let top = 3u32;
    for (c, h) in DECREE_HEADERS.iter().enumerate() {
        sheet.write_string_with_format(top, c as u16, *h, &header)?;
    }
    let mut r = top;
    for (i, l) in lines.iter().enumerate() {
        // The transfers between governments come last, under their own
        // section row.
        if l.crossing.is_some() && (i == 0 || lines[i - 1].crossing.is_none()) {
            r += 1;
            sheet.merge_range(r, 0, r, 9, CROSSING_SECTION, &header)?;
        }
        r += 1;
        sheet.write_number_with_format(r, 0, (i + 1) as f64, &number)?;
        let cells = [
            &l.nip,
            &l.name,
            &l.rank,
            &l.old_position,
            &l.old_unit,
            &l.new_position,
            &l.new_unit,
        ];
        for (k, value) in cells.into_iter().enumerate() {
            let format = if is_formula_like(value) {
                &quoted
            } else {
                &text
            };
            sheet.write_string_with_format(r, (k + 1) as u16, value.as_str(), format)?;
        }
        let tmt = rust_xlsxwriter::ExcelDateTime::from_ymd(
            u16::try_from(l.tmt.year()).unwrap_or(1900),
            l.tmt.month(),
            l.tmt.day(),
        )?;
        sheet.write_datetime_with_format(r, 8, &tmt, &date)?;
        sheet.write_string_with_format(r, 9, l.note(), &text)?;
    }
    for (c, width) in [5.0, 21.0, 28.0, 22.0, 28.0, 34.0, 28.0, 34.0, 11.0, 14.0]
        .into_iter()
        .enumerate()
    {
        sheet.set_column_width(c as u16, width)?;
    }
    sheet.set_paper_size(9); // A4
    sheet.set_landscape();
    sheet.set_margins(0.4, 0.4, 0.6, 0.6, 0.3, 0.3);
    sheet.set_repeat_rows(top, top)?;
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_header("&C&\"-,Bold\"Lampiran SK Mutasi");
    sheet.set_footer("&CHalaman &P dari &N");
    sheet.set_freeze_panes(top + 1, 0)?;
    // A fixed creation date keeps the same plan's file byte-for-byte equal.
    let props = rust_xlsxwriter::DocProperties::new()
        .set_title(title)
        .set_creation_datetime(&rust_xlsxwriter::ExcelDateTime::from_ymd(2026, 1, 1)?);
    book.set_properties(&props);
    book.save_to_buffer()
}

/// An example value per field, for the template's second row.
fn example(field: Field) -> &'static str {
    use Field::*;
    match field {
        Nip => "198503142010012003",
        Name => "Dewi Lestari",
        TitleFront => "",
        TitleBack => "S.E.",
        CandidateStatus => "P",
        LegalStatus => "Aktif",
        SiasnPnsId => "",
        SiasnJabatanId => "",
        SiasnUnorId => "",
        WorkLocation => "Kota Jambi",
        Gender => "P",
        BirthDate => "14/03/1985",
        Status => "PNS",
        Golongan => "III/b",
        Education => "S1",
        Major => "Akuntansi",
        Agency => "BKD",
        Unit => "Bidang Mutasi dan Promosi",
        PositionName => "Analis Kepegawaian Ahli Pertama",
        PositionId => "",
        Since => "01/02/2021",
        Domicile => "Kota Jambi",
        PositionType => "JF Ahli Pertama",
        Eselon => "",
        ServiceYears => "12",
        ServiceMonths => "3",
        TmtCpns => "01/03/2009",
        TmtGolongan => "01/04/2021",
        SanctionKind => "",
        SanctionStart => "",
        SanctionEnd => "",
        MinGolongan => "III/a",
        MinEducation => "S1",
        AcceptedMajors => "Manajemen SDM; Hukum",
        Need => "2",
        Bezetting => "1",
        Openings => "",
        Year => "2026",
        Quarter => "",
        HasilKerja => "Sesuai ekspektasi",
        PerilakuKerja => "Di atas ekspektasi",
        Predikat => "",
        Score => "",
    }
}

/// The template as rows: the headers and one example.
fn template_rows(kind: ImportKind) -> Vec<Vec<String>> {
    vec![
        kind.fields()
            .iter()
            .map(|f| f.header().to_string())
            .collect(),
        kind.fields()
            .iter()
            .map(|f| example(*f).to_string())
            .collect(),
    ]
}

/// A CSV template for an import kind.
pub fn template_csv(kind: ImportKind) -> String {
    write_csv(&template_rows(kind))
}

/// An XLSX template: the headers, an example row, and every column
/// formatted as text so a NIP typed or pasted in keeps its 18 digits.
pub fn template_xlsx(kind: ImportKind) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(kind.code())?;
    let bold = Format::new().set_bold().set_num_format("@");
    let text = Format::new().set_num_format("@");
    for (c, row) in template_rows(kind).iter().enumerate().flat_map(|(r, row)| {
        row.iter()
            .enumerate()
            .map(move |(c, v)| ((r as u32, c as u16), v.clone()))
            .collect::<Vec<_>>()
    }) {
        let format = if c.0 == 0 { &bold } else { &text };
        sheet.write_string_with_format(c.0, c.1, row, format)?;
    }
    for c in 0..kind.fields().len() {
        sheet.set_column_format(c as u16, &text)?;
        sheet.set_column_width(c as u16, 22.0)?;
    }
    let props = rust_xlsxwriter::DocProperties::new()
        .set_creation_datetime(&rust_xlsxwriter::ExcelDateTime::from_ymd(2026, 1, 1)?);
    book.set_properties(&props);
    book.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_like_text_is_neutralised_in_csv() {
        for bad in ["=1+1", "+62 812", "-5", "@SUM(A1)", "\tx"] {
            assert!(is_formula_like(bad), "{bad:?}");
            assert!(neutralise(bad).starts_with('\''));
        }
        assert_eq!(neutralise("Budi"), "Budi");
        let csv = write_csv(&[vec!["=HYPERLINK(\"x\")".into(), "a;b".into(), "ok".into()]]);
        assert_eq!(csv, "\u{feff}\"'=HYPERLINK(\"\"x\"\")\";\"a;b\";ok\r\n");
    }

    #[test]
    fn templates_read_back_with_every_field_guessed() {
        use crate::core::io::sheet;
        use crate::core::io::table_import::guess_mapping;
        for kind in ImportKind::ALL {
            for (name, bytes) in [
                ("t.csv", template_csv(kind).into_bytes()),
                ("t.xlsx", template_xlsx(kind).unwrap()),
            ] {
                let sheet = sheet::read(name, &bytes).unwrap();
                let mapping = guess_mapping(kind, &sheet);
                assert_eq!(mapping.header_row, 0);
                assert_eq!(
                    mapping.columns.len(),
                    kind.fields().len(),
                    "{kind:?} {name}"
                );
                for (i, f) in kind.fields().iter().enumerate() {
                    assert_eq!(mapping.columns.get(f), Some(&i));
                }
            }
        }
    }
}

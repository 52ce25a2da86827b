//! The heavy file work (reading CSV/XLSX, writing XLSX) as self-contained
//! jobs: a job and its input bytes in, a result and output bytes out, both
//! plain data. In the browser the jobs run in a web worker that is loaded
//! only when a spreadsheet is read or written, so the spreadsheet crates
//! (calamine, rust_xlsxwriter, zip, encoding tables) stay out of the app's
//! first download and a big file never freezes the page. Natively and in
//! tests the same function runs in place.

use super::sealed::{self, KdfParams};
use super::sheet::{self, Sheet};
use super::sheet_export::{decree_xlsx, template_xlsx, DecreeLine};
use super::table_import::{analyse_with_progress, Analysis, ImportKind, Mapping};
use crate::core::model::Workspace;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::hash::{Hash, Hasher};

/// What to do.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum FileJob {
    /// Read the input bytes as a spreadsheet (one sheet of a workbook).
    ReadSheet { name: String, sheet: Option<String> },
    /// Write the decree attachment as XLSX.
    DecreeXlsx {
        lines: Vec<DecreeLine>,
        title: String,
        /// "LAMPIRAN KEPUTUSAN GUBERNUR JAMBI", or the workspace's PPK
        /// ([`crate::core::model::Government::decree_heading`]).
        heading: String,
        /// Notes under the title (e.g. the Mendagri's approval).
        #[serde(default)]
        notes: Vec<String>,
    },
    /// Write an import template as XLSX.
    TemplateXlsx { kind: ImportKind },
    /// Read the input bytes as a spreadsheet as `ReadSheet` does (or take
    /// the sheet read last from the same bytes) and analyse it for an
    /// import into `workspace` with `mapping`, reporting progress.
    Analyse {
        name: String,
        sheet: Option<String>,
        kind: ImportKind,
        mapping: Mapping,
        workspace: Box<Workspace>,
    },
    /// Read the input bytes as a plan file to import: `Plan` with the
    /// workspace cut into pieces in the output bytes
    /// ([`super::plan_parts`]), or `PlanFailed` says why it does not read.
    ReadPlan,
    /// Seal the input bytes (a plan file) with a passphrase
    /// ([`super::sealed::seal`] with [`KdfParams::DEFAULT`]): the output
    /// bytes hold the sealed file. The salt and nonce are fresh random bytes
    /// from the caller.
    Seal {
        passphrase: String,
        salt: [u8; sealed::SALT_BYTES],
        nonce: [u8; sealed::NONCE_BYTES],
    },
    /// Open the input bytes (a sealed file): the output bytes hold the plan
    /// file's text, or `SealFailed` says why not.
    Open { passphrase: String },
    /// Derive a new key from a passphrase (a locked local storage):
    /// `Key`, or `SealFailed` for a short passphrase.
    NewKey {
        passphrase: String,
        salt: [u8; sealed::SALT_BYTES],
    },
    /// Open the input bytes (a locked entry's sealed data) and keep the
    /// key: `Key` with the plan file's text in the output bytes.
    Unlock { passphrase: String },
}

/// What came out; `Bytes` means the output bytes hold the file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum FileOutcome {
    Sheet(Sheet),
    /// What an import would do (`Analyse`).
    Analysed(Box<Analysis>),
    /// The bytes are not a readable spreadsheet (typed, for the UI's words).
    SheetFailed(sheet::SheetError),
    Bytes,
    Error(String),
    /// A sealed file could not be made or opened (typed, for the UI's words).
    SealFailed(sealed::SealError),
    /// A derived key (`NewKey`, `Unlock`).
    Key(sealed::SealKey),
    /// A plan file read and validated (`ReadPlan`): the output bytes hold
    /// its pieces.
    Plan(Box<super::plan_parts::CutPlan>),
    /// A plan file that does not read (`ReadPlan`).
    PlanFailed(super::plan_file::ImportError),
}

/// How far a long job is, told while it runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Progress {
    /// Reading the file.
    Reading,
    /// Analysing data rows: `done` of `total`.
    Analysing { done: usize, total: usize },
}

/// The sheet read last, kept so that analysing it again (another mapping)
/// does not read the file again.
struct LastSheet {
    /// A hash of the file name and bytes.
    key: u64,
    /// The sheet asked for, and the sheet it was (a workbook's first).
    asked: Option<String>,
    sheet: Sheet,
}

thread_local! {
    static LAST_SHEET: RefCell<Option<LastSheet>> = const { RefCell::new(None) };
}

fn file_key(name: &str, input: &[u8]) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    name.hash(&mut h);
    input.hash(&mut h);
    h.finish()
}

/// Reads a sheet, or takes the one read last from the same file.
fn read_sheet(
    name: &str,
    sheet: Option<&str>,
    input: &[u8],
    progress: &mut dyn FnMut(Progress),
) -> Result<Sheet, sheet::SheetError> {
    let key = file_key(name, input);
    let cached = LAST_SHEET.with(|last| {
        let last = last.borrow();
        let l = last.as_ref().filter(|l| l.key == key)?;
        let read_as = match &l.sheet.format {
            super::sheet::SourceFormat::Xlsx { sheet, .. } => Some(sheet.as_str()),
            _ => None,
        };
        (l.asked.as_deref() == sheet || (sheet.is_some() && read_as == sheet))
            .then(|| l.sheet.clone())
    });
    if let Some(s) = cached {
        return Ok(s);
    }
    progress(Progress::Reading);
    let read = match sheet {
        Some(s) => sheet::read_xlsx(name, input, Some(s)),
        None => sheet::read(name, input),
    }?;
    LAST_SHEET.with(|last| {
        *last.borrow_mut() = Some(LastSheet {
            key,
            asked: sheet.map(str::to_string),
            sheet: read.clone(),
        })
    });
    Ok(read)
}

/// Runs a job given as JSON on the input bytes; returns the outcome as
/// JSON and the output bytes (empty unless the outcome is `Bytes`).
pub fn run_json(job: &str, input: &[u8]) -> (String, Vec<u8>) {
    run_json_with_progress(job, input, &mut |_| {})
}

/// [`run_json`], telling `progress` how far a long job is.
pub fn run_json_with_progress(
    job: &str,
    input: &[u8],
    progress: &mut dyn FnMut(Progress),
) -> (String, Vec<u8>) {
    let (outcome, bytes) = match serde_json::from_str::<FileJob>(job) {
        Ok(job) => run_with_progress(job, input, progress),
        Err(e) => (FileOutcome::Error(format!("bad job: {e}")), Vec::new()),
    };
    let json = serde_json::to_string(&outcome)
        .unwrap_or_else(|e| format!("{{\"Error\":\"{}\"}}", e.to_string().replace('"', "'")));
    (json, bytes)
}

/// Runs a job on the input bytes.
pub fn run(job: FileJob, input: &[u8]) -> (FileOutcome, Vec<u8>) {
    run_with_progress(job, input, &mut |_| {})
}

/// [`run`], telling `progress` how far a long job is.
pub fn run_with_progress(
    job: FileJob,
    input: &[u8],
    progress: &mut dyn FnMut(Progress),
) -> (FileOutcome, Vec<u8>) {
    match job {
        FileJob::ReadSheet { name, sheet } => {
            match read_sheet(&name, sheet.as_deref(), input, progress) {
                Ok(s) => (FileOutcome::Sheet(s), Vec::new()),
                Err(e) => (FileOutcome::SheetFailed(e), Vec::new()),
            }
        }
        FileJob::Analyse {
            name,
            sheet,
            kind,
            mapping,
            workspace,
        } => match read_sheet(&name, sheet.as_deref(), input, progress) {
            Ok(s) => {
                let analysis =
                    analyse_with_progress(kind, &s, &mapping, &workspace, &mut |done, total| {
                        progress(Progress::Analysing { done, total })
                    });
                (FileOutcome::Analysed(Box::new(analysis)), Vec::new())
            }
            Err(e) => (FileOutcome::SheetFailed(e), Vec::new()),
        },
        FileJob::DecreeXlsx {
            lines,
            title,
            heading,
            notes,
        } => bytes(decree_xlsx(&lines, &title, &heading, &notes)),
        FileJob::TemplateXlsx { kind } => bytes(template_xlsx(kind)),
        FileJob::ReadPlan => match super::plan_parts::read(input)
            .map_err(FileOutcome::PlanFailed)
            .and_then(|plan| {
                super::plan_parts::cut(&plan, super::plan_parts::PIECE_BYTES)
                    .map_err(FileOutcome::Error)
            }) {
            Ok((cut, bytes)) => (FileOutcome::Plan(Box::new(cut)), bytes),
            Err(outcome) => (outcome, Vec::new()),
        },
        FileJob::Seal {
            passphrase,
            salt,
            nonce,
        } => match sealed::seal(input, &passphrase, &salt, &nonce, KdfParams::DEFAULT) {
            Ok(text) => (FileOutcome::Bytes, text.into_bytes()),
            Err(e) => (FileOutcome::SealFailed(e), Vec::new()),
        },
        FileJob::Open { passphrase } => {
            let opened = std::str::from_utf8(input)
                .map_err(|_| sealed::SealError::NotSealed)
                .and_then(|text| sealed::open(text, &passphrase));
            match opened {
                Ok(plain) => (FileOutcome::Bytes, plain.into_bytes()),
                Err(e) => (FileOutcome::SealFailed(e), Vec::new()),
            }
        }
        FileJob::NewKey { passphrase, salt } => {
            match sealed::new_key(&passphrase, &salt, KdfParams::DEFAULT) {
                Ok(key) => (FileOutcome::Key(key), Vec::new()),
                Err(e) => (FileOutcome::SealFailed(e), Vec::new()),
            }
        }
        FileJob::Unlock { passphrase } => {
            let opened = std::str::from_utf8(input)
                .map_err(|_| sealed::SealError::NotSealed)
                .and_then(|text| sealed::unlock(text, &passphrase));
            match opened {
                Ok((plain, key)) => (FileOutcome::Key(key), plain.into_bytes()),
                Err(e) => (FileOutcome::SealFailed(e), Vec::new()),
            }
        }
    }
}

fn bytes(result: Result<Vec<u8>, rust_xlsxwriter::XlsxError>) -> (FileOutcome, Vec<u8>) {
    match result {
        Ok(b) => (FileOutcome::Bytes, b),
        Err(e) => (FileOutcome::Error(e.to_string()), Vec::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jobs_round_trip_through_json() {
        let job = serde_json::to_string(&FileJob::ReadSheet {
            name: "a.csv".into(),
            sheet: None,
        })
        .unwrap();
        let (out, bytes) = run_json(&job, b"NIP;NAMA\n1;Budi\n");
        assert!(bytes.is_empty());
        match serde_json::from_str::<FileOutcome>(&out).unwrap() {
            FileOutcome::Sheet(s) => assert_eq!(s.rows.len(), 2),
            other => panic!("{other:?}"),
        }
        let job = serde_json::to_string(&FileJob::TemplateXlsx {
            kind: ImportKind::Performance,
        })
        .unwrap();
        let (out, bytes) = run_json(&job, &[]);
        assert_eq!(
            serde_json::from_str::<FileOutcome>(&out).unwrap(),
            FileOutcome::Bytes
        );
        assert!(bytes.starts_with(b"PK"));
        let (out, _) = run_json("{nonsense", &[]);
        assert!(matches!(
            serde_json::from_str::<FileOutcome>(&out).unwrap(),
            FileOutcome::Error(_)
        ));
        let job = serde_json::to_string(&FileJob::ReadSheet {
            name: "x.xls".into(),
            sheet: None,
        })
        .unwrap();
        let (out, _) = run_json(&job, &[0xD0, 0xCF, 0x11, 0xE0]);
        assert_eq!(
            serde_json::from_str::<FileOutcome>(&out).unwrap(),
            FileOutcome::SheetFailed(sheet::SheetError::LegacyXls {
                file: "x.xls".into()
            }),
            "a sheet's error travels typed"
        );
    }

    #[test]
    fn an_analysis_reports_progress_reads_the_file_once_and_travels_as_json() {
        use crate::core::io::table_import::{analyse, guess_mapping, Field};
        let ws = crate::core::demo::generate(&crate::core::demo::DemoConfig {
            asn: 40,
            ..Default::default()
        });
        let mut csv = String::from("NIP;NAMA;JABATAN\n");
        for i in 0..2500 {
            csv.push_str(&format!(
                "19850314201001{:04};Orang {i};Analis\n",
                i % 10_000
            ));
        }
        let name = format!("progress-{}.csv", csv.len());
        let read = sheet::read(&name, csv.as_bytes()).unwrap();
        let mapping = guess_mapping(ImportKind::Roster, &read);
        let job = |mapping: &Mapping| {
            serde_json::to_string(&FileJob::Analyse {
                name: name.clone(),
                sheet: None,
                kind: ImportKind::Roster,
                mapping: mapping.clone(),
                workspace: Box::new(ws.clone()),
            })
            .unwrap()
        };
        let mut told = Vec::new();
        let (out, _) =
            run_json_with_progress(&job(&mapping), csv.as_bytes(), &mut |p| told.push(p));
        assert_eq!(
            told,
            vec![
                Progress::Reading,
                Progress::Analysing {
                    done: 1000,
                    total: 2500
                },
                Progress::Analysing {
                    done: 2000,
                    total: 2500
                },
            ]
        );
        let expected = analyse(ImportKind::Roster, &read, &mapping, &ws);
        assert_eq!(
            serde_json::from_str::<FileOutcome>(&out).unwrap(),
            FileOutcome::Analysed(Box::new(expected))
        );
        // Another mapping of the same file: not read again.
        let mut other = mapping.clone();
        other.columns.remove(&Field::Name);
        let mut told = Vec::new();
        let (out, _) = run_json_with_progress(&job(&other), csv.as_bytes(), &mut |p| told.push(p));
        assert!(!told.contains(&Progress::Reading), "{told:?}");
        assert_eq!(
            serde_json::from_str::<FileOutcome>(&out).unwrap(),
            FileOutcome::Analysed(Box::new(analyse(ImportKind::Roster, &read, &other, &ws)))
        );
    }
}

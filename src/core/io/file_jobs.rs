//! The heavy file work (reading CSV/XLSX, writing XLSX) as self-contained
//! jobs: a job and its input bytes in, a result and output bytes out, both
//! plain data. In the browser the jobs run in a web worker that is loaded
//! only when a spreadsheet is read or written, so the spreadsheet crates
//! (calamine, rust_xlsxwriter, zip, encoding tables) stay out of the app's
//! first download and a big file never freezes the page. Natively and in
//! tests the same function runs in place.

use super::sheet::{self, Sheet};
use super::sheet_export::{decree_xlsx, template_xlsx, DecreeLine};
use super::table_import::ImportKind;
use serde::{Deserialize, Serialize};

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
    /// Read the input bytes (UTF-8) as a plan file with full error detail
    /// (the JSON path of a bad value): `Error` says why, `Fine` that it reads.
    CheckPlan,
}

/// What came out; `Bytes` means the output bytes hold the file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum FileOutcome {
    Sheet(Sheet),
    /// The bytes are not a readable spreadsheet (typed, for the UI's words).
    SheetFailed(sheet::SheetError),
    Bytes,
    Error(String),
    /// The job found nothing wrong.
    Fine,
}

/// Runs a job given as JSON on the input bytes; returns the outcome as
/// JSON and the output bytes (empty unless the outcome is `Bytes`).
pub fn run_json(job: &str, input: &[u8]) -> (String, Vec<u8>) {
    let (outcome, bytes) = match serde_json::from_str::<FileJob>(job) {
        Ok(job) => run(job, input),
        Err(e) => (FileOutcome::Error(format!("bad job: {e}")), Vec::new()),
    };
    let json = serde_json::to_string(&outcome)
        .unwrap_or_else(|e| format!("{{\"Error\":\"{}\"}}", e.to_string().replace('"', "'")));
    (json, bytes)
}

/// Runs a job on the input bytes.
pub fn run(job: FileJob, input: &[u8]) -> (FileOutcome, Vec<u8>) {
    match job {
        FileJob::ReadSheet { name, sheet } => {
            let read = match sheet {
                Some(s) => sheet::read_xlsx(&name, input, Some(&s)),
                None => sheet::read(&name, input),
            };
            match read {
                Ok(s) => (FileOutcome::Sheet(s), Vec::new()),
                Err(e) => (FileOutcome::SheetFailed(e), Vec::new()),
            }
        }
        FileJob::DecreeXlsx {
            lines,
            title,
            heading,
            notes,
        } => bytes(decree_xlsx(&lines, &title, &heading, &notes)),
        FileJob::TemplateXlsx { kind } => bytes(template_xlsx(kind)),
        FileJob::CheckPlan => match super::plan_file::read(&String::from_utf8_lossy(input)) {
            Ok(_) => (FileOutcome::Fine, Vec::new()),
            Err(e) => (FileOutcome::Error(e.to_string()), Vec::new()),
        },
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
}

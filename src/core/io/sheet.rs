//! Spreadsheets as a grid of cells: CSV (any separator, UTF-8, UTF-16 or
//! Windows-1252) and XLSX, read into one shape so the importer does not care
//! where the rows came from.
//!
//! What Indonesian office files really contain, and what this does with it:
//! - `;`-separated CSV (Excel with Indonesian regional settings) or `,`, tab
//!   or `|`: the separator is detected from the first lines, or taken from an
//!   Excel `sep=;` first line;
//! - a UTF-8 byte-order mark, UTF-16 "Unicode text" exports, and
//!   Windows-1252 text (names like `Sitî` saved by an old Excel);
//! - stray spaces and non-breaking spaces: every text cell is trimmed and
//!   runs of white space become one space;
//! - empty rows at the end (and empty columns on the right) are dropped;
//! - XLSX dates are kept as Excel serial numbers with a date flag, numbers as
//!   numbers, so the importer can tell a NIP stored as a number.
//!
//! Limits keep a hostile or broken file from exhausting memory: at most
//! [`MAX_ROWS`] rows and [`MAX_COLUMNS`] columns.

use calamine::{DataRef, Reader, Xlsx};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::io::Cursor;

/// More rows than a provincial roster ever has (Jambi has ~15,000 provincial ASN).
pub const MAX_ROWS: usize = 100_000;
/// More columns than any SIASN/SIMPEG export has.
pub const MAX_COLUMNS: usize = 200;

/// One cell's value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Cell {
    Empty,
    /// Trimmed text, never empty.
    Text(String),
    /// A number cell (XLSX); CSV gives text only.
    Number(f64),
    /// An XLSX cell formatted as a date: the Excel serial day number.
    Date(f64),
    Bool(bool),
    /// An XLSX error value such as `#N/A`.
    Error(String),
}

impl Cell {
    /// True for an empty cell.
    pub fn is_empty(&self) -> bool {
        matches!(self, Cell::Empty)
    }

    /// The cell as the user sees it, for previews and messages.
    pub fn display(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(text) => text.clone(),
            Cell::Number(n) => format_number(*n),
            Cell::Date(serial) => format!("{serial}"),
            Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
            Cell::Error(e) => e.clone(),
        }
    }
}

/// A number as Excel would show it in a General cell: whole numbers without
/// decimals, large ones in scientific notation (as a NIP typed as a number
/// shows up: `1.97E+17`).
pub fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{n:.0}")
    } else if n.abs() >= 1e15 {
        let text = format!("{n:E}");
        match text.split_once('E') {
            Some((mantissa, exp)) => {
                let mantissa: f64 = mantissa.parse().unwrap_or(n);
                format!("{:.2}E+{exp}", mantissa)
            }
            None => text,
        }
    } else {
        format!("{n}")
    }
}

/// Where the rows came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SourceFormat {
    Csv {
        delimiter: u8,
        encoding: TextEncoding,
    },
    Xlsx {
        sheet: String,
        /// Every sheet in the workbook, in order.
        sheets: Vec<String>,
    },
}

/// The text encoding a CSV was decoded from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TextEncoding {
    Utf8,
    Utf8Bom,
    Utf16,
    Windows1252,
}

impl TextEncoding {
    pub fn label(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf8Bom => "UTF-8 (BOM)",
            TextEncoding::Utf16 => "UTF-16",
            TextEncoding::Windows1252 => "Windows-1252",
        }
    }
}

/// A grid of cells read from one file (one sheet of a workbook).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sheet {
    /// The file's name, for messages.
    pub file_name: String,
    pub format: SourceFormat,
    /// Rows from the first row with anything in it; every row has the same
    /// number of cells ([`Sheet::width`]).
    pub rows: Vec<Vec<Cell>>,
    /// The spreadsheet row number (1-based) of `rows[0]`.
    pub first_row: usize,
    /// The spreadsheet column index (0 = A) of each row's first cell.
    pub first_column: usize,
}

impl Sheet {
    /// The number of columns.
    pub fn width(&self) -> usize {
        self.rows.first().map_or(0, Vec::len)
    }

    /// The spreadsheet row number (1-based, as Excel shows it) of `rows[index]`.
    pub fn row_number(&self, index: usize) -> usize {
        self.first_row + index
    }

    /// The column letter (A, B, ..., AA) of column `index`.
    pub fn column_letter(&self, index: usize) -> String {
        column_letter(self.first_column + index)
    }

    /// The cell at a row and column, empty outside the grid.
    pub fn cell(&self, row: usize, column: usize) -> &Cell {
        static EMPTY: Cell = Cell::Empty;
        self.rows
            .get(row)
            .and_then(|r| r.get(column))
            .unwrap_or(&EMPTY)
    }
}

/// Excel's column name for a 0-based index: 0 → A, 25 → Z, 26 → AA.
pub fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// Why a file could not be read as a spreadsheet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SheetError {
    /// Nothing but empty cells.
    Empty { file: String },
    /// An old binary Excel file (.xls).
    LegacyXls { file: String },
    /// Not a readable XLSX.
    BadXlsx { file: String, message: String },
    /// A CSV the reader could not split.
    BadCsv {
        file: String,
        row: usize,
        message: String,
    },
    /// Over [`MAX_ROWS`] rows.
    TooManyRows { file: String },
    /// Over [`MAX_COLUMNS`] columns.
    TooManyColumns { file: String },
}

impl fmt::Display for SheetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SheetError::Empty { file } => write!(f, "{file}: the file has no data"),
            SheetError::LegacyXls { file } => write!(
                f,
                "{file}: an old Excel 97-2003 file (.xls); open it in Excel and save it as .xlsx or CSV"
            ),
            SheetError::BadXlsx { file, message } => {
                write!(f, "{file}: not a readable XLSX workbook ({message})")
            }
            SheetError::BadCsv { file, row, message } => {
                write!(f, "{file}, row {row}: {message}")
            }
            SheetError::TooManyRows { file } => write!(f, "{file}: more than {MAX_ROWS} rows"),
            SheetError::TooManyColumns { file } => {
                write!(f, "{file}: more than {MAX_COLUMNS} columns")
            }
        }
    }
}

impl std::error::Error for SheetError {}

/// Reads a file by its content: XLSX (a zip), old XLS (refused with advice)
/// or else CSV/text.
pub fn read(file_name: &str, bytes: &[u8]) -> Result<Sheet, SheetError> {
    if bytes.starts_with(b"PK\x03\x04") {
        read_xlsx(file_name, bytes, None)
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        Err(SheetError::LegacyXls {
            file: file_name.to_string(),
        })
    } else {
        read_csv(file_name, bytes)
    }
}

/// Decodes text bytes: UTF-16 or UTF-8 by their byte-order mark, UTF-8 when
/// valid, else Windows-1252 (what Excel on Indonesian Windows writes as "CSV").
pub fn decode_text(bytes: &[u8]) -> (String, TextEncoding) {
    if bytes.starts_with(&[0xFF, 0xFE]) {
        let (text, _) = encoding_rs::UTF_16LE.decode_without_bom_handling(&bytes[2..]);
        return (text.into_owned(), TextEncoding::Utf16);
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        let (text, _) = encoding_rs::UTF_16BE.decode_without_bom_handling(&bytes[2..]);
        return (text.into_owned(), TextEncoding::Utf16);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        let (text, _) = encoding_rs::UTF_8.decode_without_bom_handling(rest);
        return (text.into_owned(), TextEncoding::Utf8Bom);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), TextEncoding::Utf8),
        Err(_) => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            (text.into_owned(), TextEncoding::Windows1252)
        }
    }
}

const DELIMITERS: [u8; 4] = [b';', b',', b'\t', b'|'];

/// Picks the separator: for each candidate, the most common non-zero count
/// per line (outside quotes) over the first 30 non-empty lines; the winner has
/// that count on the most lines, then the higher count, then the earlier
/// candidate in `; , tab |` order (Indonesian Excel writes `;`).
pub fn detect_delimiter(text: &str) -> u8 {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(30)
        .collect();
    let mut best = (0usize, 0usize, b',');
    for &d in &DELIMITERS {
        let mut counts: Vec<usize> = lines
            .iter()
            .map(|line| count_outside_quotes(line, d))
            .filter(|&c| c > 0)
            .collect();
        counts.sort_unstable();
        let mut mode = (0usize, 0usize); // (lines, count)
        let mut i = 0;
        while i < counts.len() {
            let mut j = i;
            while j < counts.len() && counts[j] == counts[i] {
                j += 1;
            }
            if (j - i, counts[i]) > mode {
                mode = (j - i, counts[i]);
            }
            i = j;
        }
        if mode.0 > 0 && (mode.0, mode.1) > (best.0, best.1) {
            best = (mode.0, mode.1, d);
        }
    }
    best.2
}

fn count_outside_quotes(line: &str, delimiter: u8) -> usize {
    let mut quoted = false;
    let mut n = 0;
    for b in line.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if b == delimiter && !quoted {
            n += 1;
        }
    }
    n
}

/// Trims, turns non-breaking spaces into spaces and collapses white space.
pub fn clean_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{feff}')
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

fn text_cell(text: &str) -> Cell {
    let cleaned = clean_text(text);
    if cleaned.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(cleaned)
    }
}

/// Reads CSV or tab-separated text.
pub fn read_csv(file_name: &str, bytes: &[u8]) -> Result<Sheet, SheetError> {
    let (text, encoding) = decode_text(bytes);
    let mut body = text.as_str();
    let mut first_row = 1;
    let mut delimiter = None;
    // Excel's `sep=;` hint line.
    if let Some(first) = body.lines().next() {
        let hint = first.trim().to_ascii_lowercase();
        if let Some(rest) = hint.strip_prefix("sep=") {
            if let Some(&d) = rest.as_bytes().first() {
                delimiter = Some(d);
                body = body
                    .get(first.len()..)
                    .unwrap_or("")
                    .trim_start_matches(['\r', '\n']);
                first_row = 2;
            }
        }
    }
    let delimiter = delimiter.unwrap_or_else(|| detect_delimiter(body));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(body.as_bytes());
    let mut rows = Vec::new();
    for (index, record) in reader.byte_records().enumerate() {
        let record = record.map_err(|e| SheetError::BadCsv {
            file: file_name.to_string(),
            row: first_row + index,
            message: e.to_string(),
        })?;
        if rows.len() >= MAX_ROWS {
            return Err(too_many_rows(file_name));
        }
        if record.len() > MAX_COLUMNS {
            return Err(too_many_columns(file_name));
        }
        rows.push(
            record
                .iter()
                .map(|field| text_cell(&String::from_utf8_lossy(field)))
                .collect::<Vec<_>>(),
        );
    }
    finish(
        file_name,
        SourceFormat::Csv {
            delimiter,
            encoding,
        },
        rows,
        first_row,
        0,
    )
}

fn too_many_rows(file: &str) -> SheetError {
    SheetError::TooManyRows {
        file: file.to_string(),
    }
}

fn too_many_columns(file: &str) -> SheetError {
    SheetError::TooManyColumns {
        file: file.to_string(),
    }
}

/// Reads one sheet of an XLSX workbook: the named one, else the first sheet
/// with any cell.
pub fn read_xlsx(file_name: &str, bytes: &[u8], sheet: Option<&str>) -> Result<Sheet, SheetError> {
    let bad = |message: String| SheetError::BadXlsx {
        file: file_name.to_string(),
        message,
    };
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| bad(e.to_string()))?;
    let sheets = workbook.sheet_names();
    let wanted: Vec<String> = match sheet {
        Some(name) => vec![name.to_string()],
        None => sheets.clone(),
    };
    for name in wanted {
        let mut cells: Vec<(usize, usize, Cell)> = Vec::new();
        {
            let mut reader = workbook
                .worksheet_cells_reader(&name)
                .map_err(|e| bad(e.to_string()))?;
            while let Some(cell) = reader.next_cell().map_err(|e| bad(e.to_string()))? {
                let (row, column) = cell.get_position();
                let (row, column) = (row as usize, column as usize);
                if row >= MAX_ROWS + 1000 {
                    return Err(too_many_rows(file_name));
                }
                if column >= MAX_COLUMNS + 100 {
                    return Err(too_many_columns(file_name));
                }
                let value = xlsx_cell(cell.get_value());
                if !value.is_empty() {
                    cells.push((row, column, value));
                }
            }
        }
        if cells.is_empty() {
            continue;
        }
        let first_row = cells.iter().map(|c| c.0).min().unwrap_or(0);
        let first_column = cells.iter().map(|c| c.1).min().unwrap_or(0);
        let last_row = cells.iter().map(|c| c.0).max().unwrap_or(0);
        let last_column = cells.iter().map(|c| c.1).max().unwrap_or(0);
        if last_row - first_row + 1 > MAX_ROWS {
            return Err(too_many_rows(file_name));
        }
        if last_column - first_column + 1 > MAX_COLUMNS {
            return Err(too_many_columns(file_name));
        }
        let width = last_column - first_column + 1;
        let mut rows = vec![vec![Cell::Empty; width]; last_row - first_row + 1];
        for (row, column, value) in cells {
            rows[row - first_row][column - first_column] = value;
        }
        return finish(
            file_name,
            SourceFormat::Xlsx {
                sheet: name,
                sheets: sheets.clone(),
            },
            rows,
            first_row + 1,
            first_column,
        );
    }
    Err(SheetError::Empty {
        file: file_name.to_string(),
    })
}

fn xlsx_cell(value: &DataRef<'_>) -> Cell {
    match value {
        DataRef::Empty => Cell::Empty,
        DataRef::Int(i) => Cell::Number(*i as f64),
        // JSON (how sheets travel from the file worker) has no NaN.
        DataRef::Float(f) if !f.is_finite() => Cell::Error("#NUM!".to_string()),
        DataRef::Float(f) => Cell::Number(*f),
        DataRef::String(s) => text_cell(s),
        DataRef::SharedString(s) => text_cell(s),
        DataRef::Bool(b) => Cell::Bool(*b),
        DataRef::DateTime(dt) if !dt.as_f64().is_finite() => Cell::Error("#NUM!".to_string()),
        DataRef::DateTime(dt) if dt.is_datetime() => Cell::Date(dt.as_f64()),
        DataRef::DateTime(dt) => Cell::Number(dt.as_f64()),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => text_cell(s),
        DataRef::Error(e) => Cell::Error(e.to_string()),
    }
}

/// Drops empty rows at the end and empty columns on the right, squares the
/// rows, and refuses a file with nothing in it.
fn finish(
    file_name: &str,
    format: SourceFormat,
    mut rows: Vec<Vec<Cell>>,
    mut first_row: usize,
    first_column: usize,
) -> Result<Sheet, SheetError> {
    while rows.last().is_some_and(|r| r.iter().all(Cell::is_empty)) {
        rows.pop();
    }
    let leading = rows
        .iter()
        .take_while(|r| r.iter().all(Cell::is_empty))
        .count();
    rows.drain(..leading);
    first_row += leading;
    let width = rows
        .iter()
        .map(|r| r.iter().rposition(|c| !c.is_empty()).map_or(0, |i| i + 1))
        .max()
        .unwrap_or(0);
    if width == 0 {
        return Err(SheetError::Empty {
            file: file_name.to_string(),
        });
    }
    for row in &mut rows {
        row.resize(width, Cell::Empty);
    }
    Ok(Sheet {
        file_name: file_name.to_string(),
        format,
        rows,
        first_row,
        first_column,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(sheet: &Sheet) -> Vec<Vec<String>> {
        sheet
            .rows
            .iter()
            .map(|r| r.iter().map(Cell::display).collect())
            .collect()
    }

    #[test]
    fn semicolon_csv_with_bom_and_trailing_rows() {
        let bytes = b"\xEF\xBB\xBFNIP;NAMA\r\n'1;  Siti   Aminah \r\n;\r\n;\r\n\r\n";
        let sheet = read("a.csv", bytes).unwrap();
        assert_eq!(
            sheet.format,
            SourceFormat::Csv {
                delimiter: b';',
                encoding: TextEncoding::Utf8Bom
            }
        );
        assert_eq!(
            texts(&sheet),
            vec![vec!["NIP", "NAMA"], vec!["'1", "Siti Aminah"]]
        );
    }

    #[test]
    fn windows_1252_is_decoded() {
        // "André;Sitî" in Windows-1252: é = 0xE9, î = 0xEE.
        let bytes = b"NAMA;KOTA\nAndr\xE9;Sit\xEE\n";
        let sheet = read("b.csv", bytes).unwrap();
        assert_eq!(
            sheet.rows[1],
            vec![Cell::Text("André".into()), Cell::Text("Sitî".into())]
        );
        assert!(matches!(
            sheet.format,
            SourceFormat::Csv {
                encoding: TextEncoding::Windows1252,
                ..
            }
        ));
    }

    #[test]
    fn utf16_tab_separated_unicode_text() {
        let text = "NIP\tNAMA\r\n1\tBudi\r\n";
        let mut bytes = vec![0xFF, 0xFE];
        for unit in text.encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let sheet = read("c.txt", &bytes).unwrap();
        assert_eq!(texts(&sheet), vec![vec!["NIP", "NAMA"], vec!["1", "Budi"]]);
    }

    #[test]
    fn delimiter_detection_ignores_quoted_separators_and_title_rows() {
        assert_eq!(detect_delimiter("a,b,c\n1,2,3\n"), b',');
        assert_eq!(
            detect_delimiter("DAFTAR PEGAWAI\nNIP;NAMA;GOL\n1;\"Budi, S.E.\";III/a\n2;Ani;II/b"),
            b';'
        );
        assert_eq!(detect_delimiter("a\tb\n1\t2"), b'\t');
        assert_eq!(detect_delimiter("only one column\n"), b',');
    }

    #[test]
    fn sep_hint_line_sets_the_delimiter_and_shifts_row_numbers() {
        let sheet = read("d.csv", b"sep=|\nNIP|NAMA\n1|A,B\n").unwrap();
        assert_eq!(texts(&sheet), vec![vec!["NIP", "NAMA"], vec!["1", "A,B"]]);
        assert_eq!(sheet.row_number(1), 3);
    }

    #[test]
    fn ragged_rows_are_squared_and_leading_empty_rows_counted() {
        let sheet = read("e.csv", b",,\nA,B,C\n1\n").unwrap();
        assert_eq!(sheet.first_row, 2);
        assert_eq!(sheet.width(), 3);
        assert_eq!(
            sheet.rows[1],
            vec![Cell::Text("1".into()), Cell::Empty, Cell::Empty]
        );
    }

    #[test]
    fn empty_and_legacy_files_are_refused() {
        assert!(matches!(
            read("f.csv", b" ; ;\n\n"),
            Err(SheetError::Empty { .. })
        ));
        assert!(matches!(
            read("g.xls", &[0xD0, 0xCF, 0x11, 0xE0, 0, 0]),
            Err(SheetError::LegacyXls { .. })
        ));
        assert!(matches!(
            read("h.xlsx", b"PK\x03\x04garbage"),
            Err(SheetError::BadXlsx { .. })
        ));
    }

    #[test]
    fn column_letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }

    #[test]
    fn numbers_display_like_excel_general() {
        assert_eq!(format_number(197501012000031000.0), "1.98E+17");
        assert_eq!(format_number(42.0), "42");
        assert_eq!(format_number(3.5), "3.5");
    }

    #[test]
    fn xlsx_round_trip_keeps_types_and_positions() {
        use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
        let mut workbook = Workbook::new();
        let sheet = workbook.add_worksheet();
        sheet.write_string(2, 1, "NIP").unwrap();
        sheet.write_string(2, 2, " TGL  LAHIR ").unwrap();
        sheet.write_number(3, 1, 197501012000031000.0).unwrap();
        let date = ExcelDateTime::from_ymd(1975, 1, 1).unwrap();
        let format = Format::new().set_num_format("dd/mm/yyyy");
        sheet
            .write_datetime_with_format(3, 2, &date, &format)
            .unwrap();
        let bytes = workbook.save_to_buffer().unwrap();
        let sheet = read("r.xlsx", &bytes).unwrap();
        assert_eq!(sheet.first_row, 3);
        assert_eq!(sheet.column_letter(0), "B");
        assert_eq!(
            sheet.rows[0],
            vec![Cell::Text("NIP".into()), Cell::Text("TGL LAHIR".into())]
        );
        assert_eq!(sheet.rows[1][0], Cell::Number(197501012000031000.0));
        assert_eq!(sheet.rows[1][1], Cell::Date(27395.0));
    }
}

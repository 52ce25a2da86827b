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
//! Limits keep a hostile or broken file from exhausting memory or the
//! page, and are checked in the file worker before a cell reaches the page:
//! at most [`MAX_ROWS`] rows and [`MAX_COLUMNS`] columns, a cell of at most
//! [`MAX_CELL_CHARS`] characters (Excel's own limit), and an XLSX whose
//! parts inflate to at most [`MAX_XLSX_BYTES`] in all, with no XML text run
//! over [`MAX_XML_RUN`] bytes and at most [`MAX_SHARED_STRINGS`] shared
//! strings announced.
//!
//! A text file that is UTF-8 except for a few bytes (a Windows-1252 `é`
//! pasted into a UTF-8 export) is refused at the row and column of the
//! first bad byte, never read with replacement characters; one without any
//! UTF-8 multi-byte character is Windows-1252, BOM or not.

use calamine::{DataRef, Reader, Xlsx};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;
use std::io::Cursor;

/// More rows than a provincial roster ever has (Jambi has ~15,000 provincial ASN).
pub const MAX_ROWS: usize = 100_000;
/// More columns than any SIASN/SIMPEG export has.
pub const MAX_COLUMNS: usize = 200;
/// The most characters of one cell: Excel's own limit (32,767).
pub const MAX_CELL_CHARS: usize = 32_767;
/// The most bytes an XLSX's parts may inflate to, in all (a 100,000-row
/// export of 40 columns is about 200 MB of XML).
pub const MAX_XLSX_BYTES: u64 = 400 << 20;
/// The longest run of XML bytes between two `<`/`>`: a cell of
/// [`MAX_CELL_CHARS`] characters written with the longest escapes fits.
pub const MAX_XML_RUN: usize = 256 << 10;
/// The most shared strings a workbook may announce (the reader reserves
/// room for them up front).
pub const MAX_SHARED_STRINGS: usize = 4_000_000;

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
    /// A cell over [`MAX_CELL_CHARS`] characters, at its row (1-based, as
    /// the spreadsheet numbers it) and column letter.
    CellTooLong {
        file: String,
        row: usize,
        column: String,
    },
    /// An XLSX whose parts inflate to more than [`MAX_XLSX_BYTES`], or one
    /// part with an XML run over [`MAX_XML_RUN`] bytes or too many shared
    /// strings: a bomb or a damaged file, refused before it is read.
    TooLarge { file: String, part: String },
    /// A byte that is not UTF-8 in a UTF-8 text file.
    InvalidByte {
        file: String,
        row: usize,
        column: String,
        byte: u8,
    },
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
            SheetError::CellTooLong { file, row, column } => write!(
                f,
                "{file}, row {row}, column {column}: a cell of more than {MAX_CELL_CHARS} characters (Excel's own limit)"
            ),
            SheetError::TooLarge { file, part } => write!(
                f,
                "{file}: the workbook is too large to read safely ({part}); limits: {} MB unpacked, {} characters a cell",
                MAX_XLSX_BYTES >> 20,
                MAX_CELL_CHARS
            ),
            SheetError::InvalidByte {
                file,
                row,
                column,
                byte,
            } => write!(
                f,
                "{file}, row {row}, column {column}: byte 0x{byte:02X} is not UTF-8 in a UTF-8 file (a character from another encoding); save the file again as UTF-8"
            ),
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

/// The text of a file and how it is encoded: UTF-16 by its byte-order
/// mark; UTF-8 (with or without its mark) when valid, or when it holds a
/// UTF-8 multi-byte character among bytes that are not UTF-8 (mixed: the
/// reader then names the first bad byte's cell); else Windows-1252 (what
/// Excel on Indonesian Windows writes as "CSV"). UTF-8 stays bytes, so each
/// cell is checked where it is.
pub fn decode_text(bytes: &[u8]) -> (Cow<'_, [u8]>, TextEncoding) {
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        let (text, _) = encoding_rs::UTF_16LE.decode_without_bom_handling(rest);
        return (
            Cow::Owned(text.into_owned().into_bytes()),
            TextEncoding::Utf16,
        );
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let (text, _) = encoding_rs::UTF_16BE.decode_without_bom_handling(rest);
        return (
            Cow::Owned(text.into_owned().into_bytes()),
            TextEncoding::Utf16,
        );
    }
    let (rest, utf8) = match bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        Some(rest) => (rest, TextEncoding::Utf8Bom),
        None => (bytes, TextEncoding::Utf8),
    };
    let multibyte = || rest.utf8_chunks().any(|chunk| !chunk.valid().is_ascii());
    if std::str::from_utf8(rest).is_ok() || multibyte() {
        (Cow::Borrowed(rest), utf8)
    } else {
        let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(rest);
        (
            Cow::Owned(text.into_owned().into_bytes()),
            TextEncoding::Windows1252,
        )
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
    let mut body: &[u8] = &text;
    let mut first_row = 1;
    let mut delimiter = None;
    // Excel's `sep=;` hint line.
    let first = body.split(|&b| b == b'\n').next().unwrap_or_default();
    let hint = String::from_utf8_lossy(first).trim().to_ascii_lowercase();
    if let Some(rest) = hint.strip_prefix("sep=") {
        if let Some(&d) = rest.as_bytes().first() {
            delimiter = Some(d);
            body = body.get(first.len()..).unwrap_or_default();
            while let [b'\r' | b'\n', tail @ ..] = body {
                body = tail;
            }
            first_row = 2;
        }
    }
    let delimiter = delimiter.unwrap_or_else(|| detect_delimiter(&String::from_utf8_lossy(body)));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(body);
    let mut rows = Vec::new();
    for (index, record) in reader.byte_records().enumerate() {
        let row = first_row + index;
        let record = record.map_err(|e| SheetError::BadCsv {
            file: file_name.to_string(),
            row,
            message: e.to_string(),
        })?;
        if rows.len() >= MAX_ROWS {
            return Err(too_many_rows(file_name));
        }
        if record.len() > MAX_COLUMNS {
            return Err(too_many_columns(file_name));
        }
        let mut cells = Vec::with_capacity(record.len());
        for (column, field) in record.iter().enumerate() {
            let text = std::str::from_utf8(field).map_err(|e| SheetError::InvalidByte {
                file: file_name.to_string(),
                row,
                column: column_letter(column),
                byte: field[e.valid_up_to()],
            })?;
            check_cell(file_name, text, row, column)?;
            cells.push(text_cell(text));
        }
        rows.push(cells);
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

/// Refuses a cell over [`MAX_CELL_CHARS`] characters (`row` 1-based,
/// `column` 0-based).
fn check_cell(file: &str, text: &str, row: usize, column: usize) -> Result<(), SheetError> {
    if text.len() > MAX_CELL_CHARS && text.chars().count() > MAX_CELL_CHARS {
        return Err(SheetError::CellTooLong {
            file: file.to_string(),
            row,
            column: column_letter(column),
        });
    }
    Ok(())
}

/// Inflates every part of an XLSX once, without keeping it, before the
/// workbook reader sees it: refuses more than [`MAX_XLSX_BYTES`] in all
/// (whatever the zip directory claims), an XML run between two `<`/`>`
/// longer than [`MAX_XML_RUN`] bytes (one huge cell or attribute), and a
/// shared-string table announcing more than [`MAX_SHARED_STRINGS`].
pub fn check_xlsx(file_name: &str, bytes: &[u8]) -> Result<(), SheetError> {
    check_parts(file_name, bytes, MAX_XLSX_BYTES)
}

fn check_parts(file_name: &str, bytes: &[u8], max_total: u64) -> Result<(), SheetError> {
    use std::io::Read;
    let bad = |message: String| SheetError::BadXlsx {
        file: file_name.to_string(),
        message: crate::core::text::clip(message),
    };
    let too_large = |part: &str| SheetError::TooLarge {
        file: file_name.to_string(),
        part: crate::core::text::clip(part.to_string()),
    };
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| bad(e.to_string()))?;
    let mut total: u64 = 0;
    let mut buf = vec![0u8; 64 << 10];
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).map_err(|e| bad(e.to_string()))?;
        let name = part.name().to_string();
        let mut run = 0usize;
        let mut head = Vec::new();
        loop {
            let n = part.read(&mut buf).map_err(|e| bad(e.to_string()))?;
            if n == 0 {
                break;
            }
            total += n as u64;
            if total > max_total {
                return Err(too_large(&name));
            }
            for &b in &buf[..n] {
                if b == b'<' || b == b'>' {
                    run = 0;
                } else {
                    run += 1;
                    if run > MAX_XML_RUN {
                        return Err(too_large(&name));
                    }
                }
            }
            if head.len() < 4096 {
                head.extend_from_slice(&buf[..n.min(4096)]);
            }
        }
        if name.ends_with("sharedStrings.xml") && announced_strings(&head) > MAX_SHARED_STRINGS {
            return Err(too_large(&name));
        }
    }
    Ok(())
}

/// The `uniqueCount` (else `count`) a shared-string table announces in its
/// first bytes; 0 when it says none.
fn announced_strings(head: &[u8]) -> usize {
    let head = String::from_utf8_lossy(head);
    ["uniqueCount=\"", " count=\""]
        .iter()
        .filter_map(|key| {
            let at = head.find(key)? + key.len();
            let digits: String = head[at..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            Some(digits.parse::<usize>().unwrap_or(usize::MAX))
        })
        .max()
        .unwrap_or(0)
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
    check_xlsx(file_name, bytes)?;
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
                if let Cell::Text(text) = &value {
                    check_cell(file_name, text, row + 1, column)?;
                }
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
    fn an_xlsx_is_refused_when_its_parts_inflate_past_the_limit() {
        let mut book = rust_xlsxwriter::Workbook::new();
        book.add_worksheet().write_string(0, 0, "NIP").unwrap();
        let bytes = book.save_to_buffer().unwrap();
        assert_eq!(check_parts("a.xlsx", &bytes, 1 << 20), Ok(()));
        assert!(matches!(
            check_parts("a.xlsx", &bytes, 1_000),
            Err(SheetError::TooLarge { .. })
        ));
        assert_eq!(
            announced_strings(br#"<sst xmlns="x" count="3" uniqueCount="2">"#),
            3
        );
        assert_eq!(
            announced_strings(br#"<sst uniqueCount="99999999999999999999999">"#),
            usize::MAX
        );
        assert_eq!(announced_strings(b"<sst>"), 0);
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

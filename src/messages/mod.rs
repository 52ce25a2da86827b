//! The words of the core's typed errors and findings, in both languages.
//!
//! The core reports what went wrong as data (an import problem with its
//! row, column and value; a refused edit with the NIP or id); it never
//! chooses words. Static texts come from the string table ([`crate::i18n`]);
//! a message that carries data is composed here, Indonesian beside English.
//! Pure, so it is tested natively with the core's tests.

mod cards;
pub mod edit;
mod files;
mod findings;
mod import;
mod nip;
mod objection;

use crate::i18n::{format_count, format_decimal, Lang, T};

/// "JPM 87%" — or, for a person whose competencies were never assessed,
/// that they were not (the JPM then counts nothing, and "0 %" beside a
/// good fit would read as a bad match). `places`: decimals shown.
pub fn jpm_text(permille: u32, assessed: bool, places: u32, lang: Lang) -> String {
    if assessed {
        format!(
            "JPM {}%",
            format_decimal(i64::from(permille), 1, places, lang)
        )
    } else {
        T::JpmNotAssessed.text(lang).to_string()
    }
}

/// A whole number with the language's thousands separator and its sign:
/// "52.970", "−1.250" (a score, an objective).
pub fn signed_count(n: i64, lang: Lang) -> String {
    let digits = format_count(
        usize::try_from(n.unsigned_abs()).unwrap_or(usize::MAX),
        lang,
    );
    if n < 0 {
        format!("−{digits}")
    } else {
        digits
    }
}

/// A chart label in at most two lines of at most `width` characters, cut
/// at spaces; a longer name ends its second line with "…" (the chart shows
/// the whole name as the row's tooltip). A word longer than a line is cut.
pub fn label_lines(name: &str, width: usize) -> Vec<String> {
    let width = width.max(2);
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in name.split_whitespace() {
        let fits =
            current.is_empty() || current.chars().count() + 1 + word.chars().count() <= width;
        if !fits {
            lines.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    if !current.is_empty() {
        lines.push(current);
    }
    let cut = lines.len() > 2;
    lines.truncate(2);
    let n = lines.len();
    for (i, line) in lines.iter_mut().enumerate() {
        let last = i + 1 == n;
        if line.chars().count() > width || (last && cut) {
            let keep: String = line.chars().take(width - 1).collect();
            *line = format!("{}…", keep.trim_end());
        }
    }
    lines
}

/// Text as a CSS string literal: quotes and backslashes escaped, line
/// breaks and other control characters dropped (a name comes from the
/// user's files and must not end the string or the rule).
pub fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '<' => out.push_str("\\3c "),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The page box of every printed document: the workspace and round (name
/// and planned TMT) with the print date at the top of each page, "Halaman
/// n / m" at the bottom. A document that names its own page (the decree
/// attachment's landscape page) keeps its own bottom line.
pub fn print_page_css(head: &str, lang: Lang) -> String {
    format!(
        "@page {{ @top-left {{ content: {}; font-size: 8pt; color: #444; }} \
         @bottom-center {{ content: {} counter(page) {} counter(pages); font-size: 8pt; }} }}",
        css_string(head),
        css_string(&format!("{} ", T::PageWord.text(lang))),
        css_string(" / "),
    )
}

/// Something the user is told about, in their language.
pub trait Message {
    fn message(&self, lang: Lang) -> String;
}

#[cfg(test)]
mod number_tests {
    use super::*;

    #[test]
    fn jpm_says_when_nothing_was_assessed_and_scores_read() {
        assert_eq!(jpm_text(875, true, 1, Lang::Id), "JPM 87,5%");
        assert_eq!(jpm_text(875, true, 0, Lang::En), "JPM 88%");
        assert_eq!(
            jpm_text(0, true, 0, Lang::Id),
            "JPM 0%",
            "assessed and 0: said"
        );
        assert_eq!(
            jpm_text(0, false, 0, Lang::Id),
            "JPM: kompetensi belum diasesmen"
        );
        assert_eq!(
            jpm_text(0, false, 0, Lang::En),
            "JPM: competencies not assessed"
        );
        assert_eq!(signed_count(52_970, Lang::Id), "52.970");
        assert_eq!(signed_count(72_079_940, Lang::En), "72,079,940");
        assert_eq!(signed_count(-1_250, Lang::Id), "−1.250");
        assert_eq!(signed_count(0, Lang::Id), "0");
    }

    #[test]
    fn a_name_cannot_end_the_print_rule() {
        assert_eq!(css_string("Mutasi 2027"), "\"Mutasi 2027\"");
        assert_eq!(
            css_string("A \"B\" \\ C\n</style>"),
            "\"A \\\"B\\\" \\\\ C \\3c /style>\""
        );
        let css = print_page_css("Mutasi \"Semester I\" · TMT 01-04-2027", Lang::Id);
        assert!(css.starts_with("@page {"), "{css}");
        assert!(css.contains("content: \"Mutasi \\\"Semester I\\\" · TMT 01-04-2027\";"));
        assert!(css.contains("\"Halaman \" counter(page) \" / \" counter(pages)"));
        assert!(print_page_css("x", Lang::En).contains("\"Page \" counter(page)"));
        assert_eq!(css.matches('{').count(), css.matches('}').count());
    }

    #[test]
    fn chart_labels_wrap_at_spaces_into_two_lines_and_say_when_cut() {
        assert_eq!(label_lines("Integritas", 20), vec!["Integritas"]);
        assert_eq!(
            label_lines("Pengelolaan Keuangan Daerah", 20),
            vec!["Pengelolaan Keuangan", "Daerah"]
        );
        let long = label_lines(
            "Perencanaan dan Penganggaran Pembangunan Daerah Berbasis Kinerja",
            20,
        );
        assert_eq!(long.len(), 2);
        assert_eq!(long[0], "Perencanaan dan");
        assert!(
            long[1].ends_with('…') && long[1].chars().count() <= 20,
            "{long:?}"
        );
        let word = label_lines("Antikorupsiintegritasakuntabilitas", 12);
        assert_eq!(word, vec!["Antikorupsi…"]);
        assert!(label_lines("  ", 12).is_empty());
    }
}

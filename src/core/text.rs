//! Text helpers shared by the readers and validation.

/// The longest a parser's own message may be in a problem report.
pub const MAX_MESSAGE_CHARS: usize = 160;

/// A parser's message cut to [`MAX_MESSAGE_CHARS`] characters: serde quotes
/// the value it could not use ("invalid type: string \"…\""), which may be
/// a name, a NIP or a whole column of them. A report says what and where,
/// never carries the data.
pub fn clip(message: String) -> String {
    match message.char_indices().nth(MAX_MESSAGE_CHARS) {
        None => message,
        Some((cut, _)) => format!("{}…", &message[..cut]),
    }
}

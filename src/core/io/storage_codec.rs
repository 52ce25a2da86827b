//! How a workspace is kept in the browser's local storage.
//!
//! Local storage holds strings, about 5 million characters per site. A
//! 20,000-ASN workspace is far larger as JSON, so the stored text is the
//! compact plan file, DEFLATE-compressed (miniz_oxide) and base64-encoded,
//! inside a small JSON envelope that names the encoding and schema version:
//!
//! ```json
//! {"schema_version":2,"encoding":"deflate+base64","saved_at":"…",
//!  "fingerprint":"…","data":"..."}
//! ```
//!
//! The fingerprint is a SHA-256 (16 hex digits of it) of the compact plan
//! JSON, which itself carries no time: two tabs tell whether an entry
//! another tab stored holds what they show without decoding it, and a tab
//! does not store again what is already stored (a storage event in every
//! other tab would say "changed" when nothing did).
//!
//! Decoding reuses [`super::plan_file::read_fast`], so stored workspaces go
//! through the same version checks and validation as imported files.

use super::plan_file::{self, ImportError, ImportedPlan};
use super::sealed::SealKey;
use crate::core::model::Workspace;
use base64::Engine;
use serde::{Deserialize, Serialize};
use std::borrow::Borrow;

/// The encoding this build writes.
pub const ENCODING: &str = "deflate+base64";
/// The encoding of a locked entry: `data` is a sealed envelope
/// ([`super::sealed`]) of the compact plan file, made with the key the
/// user's passphrase derives.
pub const LOCKED_ENCODING: &str = "sealed";

#[derive(Serialize, Deserialize)]
struct Stored {
    schema_version: u64,
    encoding: String,
    /// When it was stored (ISO 8601); absent in older entries.
    #[serde(default)]
    saved_at: String,
    /// See the module's documentation; absent in older entries.
    #[serde(default)]
    fingerprint: String,
    data: String,
}

/// Stored text and the fingerprint of the workspace in it.
pub struct Encoded {
    pub text: String,
    pub fingerprint: String,
}

/// Why stored text could not be read back.
#[derive(Clone, Debug, PartialEq)]
pub enum StorageError {
    /// The envelope is not what this build writes (corrupted, or another app).
    Envelope(String),
    /// The compressed data is damaged.
    Data(String),
    /// The plan inside could not be read.
    Plan(ImportError),
    /// Written by a newer version of the planner (the envelope's version).
    TooNew { found: u64, supported: u32 },
    /// Locked with a passphrase, and the key at hand (if any) does not open it.
    Locked,
}

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StorageError::Envelope(why) => write!(f, "the stored entry is not readable: {why}"),
            StorageError::Data(why) => write!(f, "the stored data is damaged: {why}"),
            StorageError::Plan(e) => write!(f, "the stored workspace is not valid: {e}"),
            StorageError::TooNew { found, supported } => write!(
                f,
                "the stored entry has schema version {found}, this planner reads up to {supported}: open it with a newer version"
            ),
            StorageError::Locked => write!(f, "the stored workspace is locked with a passphrase"),
        }
    }
}

impl std::error::Error for StorageError {}

/// Encodes a workspace for storage.
pub fn encode(workspace: &Workspace, saved_at: &str) -> Encoded {
    // An open entry's encoding fails only where serde fails on the
    // workspace (it does not): then an entry that does not load.
    Encoder::new(workspace, saved_at, None)
        .finish()
        .unwrap_or_else(|_| Encoded {
            text: String::new(),
            fingerprint: String::new(),
        })
}

/// Encodes a workspace for storage, sealed with `key` and a fresh random
/// `nonce` (a locked workspace). The fingerprint stays outside: it names
/// 64 bits of a hash of the whole plan, which tells two tabs whether they
/// hold the same, and nothing else.
pub fn encode_locked(
    workspace: &Workspace,
    saved_at: &str,
    key: &SealKey,
    nonce: &[u8; super::sealed::NONCE_BYTES],
) -> Result<Encoded, StorageError> {
    Encoder::new(workspace, saved_at, Some((key.clone(), *nonce))).finish()
}

/// The bytes of plan file a page's [`Encoder::step`] writes: about 1-3 ms
/// of work natively (the README has the figures).
pub const PIECE_BYTES: usize = 1 << 17;

/// Encodes a workspace for storage a piece at a time, so that a page can
/// spread the save of a large workspace over several short tasks: each
/// [`Encoder::step`] writes the next items of the compact plan file
/// ([`plan_file::CompactWriter`]), hashes them for the fingerprint and
/// compresses them; [`Encoder::finish`] ends the stream and wraps it (base64,
/// or sealed). The text is the one [`encode`] and [`encode_locked`] give,
/// which run it at once.
pub struct Encoder<W: Borrow<Workspace> = Workspace> {
    /// What is saved: a page's own copy, taken when the save began (its
    /// lists shared with the page's workspace, not copied), or a borrowed
    /// workspace.
    workspace: W,
    saved_at: String,
    seal: Option<(SealKey, [u8; super::sealed::NONCE_BYTES])>,
    writer: plan_file::CompactWriter,
    /// The piece being written (kept to reuse its memory).
    piece: Vec<u8>,
    whole: bool,
    hasher: sha2::Sha256,
    deflate: Deflater,
    /// Why writing failed (serde refused a value), once it did.
    failed: Option<String>,
}

impl<W: Borrow<Workspace>> Encoder<W> {
    /// An encoder for `workspace`, sealed with a key and a fresh nonce when
    /// `seal` is given.
    pub fn new(
        workspace: W,
        saved_at: &str,
        seal: Option<(SealKey, [u8; super::sealed::NONCE_BYTES])>,
    ) -> Encoder<W> {
        use sha2::Digest;
        Encoder {
            workspace,
            saved_at: saved_at.to_string(),
            seal,
            writer: plan_file::CompactWriter::default(),
            piece: Vec::new(),
            whole: false,
            hasher: sha2::Sha256::new(),
            deflate: Deflater::new(6),
            failed: None,
        }
    }

    /// Writes, hashes and compresses about `bytes` more of the plan file
    /// (one item at least); whether it is all written.
    pub fn step(&mut self, bytes: usize) -> bool {
        use sha2::Digest;
        if self.whole {
            return true;
        }
        self.piece.clear();
        match self
            .writer
            .write(self.workspace.borrow(), "", &mut self.piece, bytes)
        {
            Ok(whole) => self.whole = whole,
            Err(e) => {
                self.failed = Some(e.to_string());
                self.whole = true;
            }
        }
        self.hasher.update(&self.piece);
        self.deflate.write(&self.piece);
        self.whole
    }

    /// The stored text: what is left written at once, then ended and
    /// wrapped.
    pub fn finish(mut self) -> Result<Encoded, StorageError> {
        use sha2::Digest;
        while !self.step(usize::MAX) {}
        if let Some(why) = self.failed {
            return Err(StorageError::Data(why));
        }
        let fingerprint = fingerprint_of(&self.hasher.finalize());
        let compressed = self.deflate.finish();
        let (encoding, data) = match &self.seal {
            None => (
                ENCODING,
                base64::engine::general_purpose::STANDARD.encode(compressed),
            ),
            Some((key, nonce)) => (
                LOCKED_ENCODING,
                super::sealed::seal_compressed(key, &compressed, nonce)
                    .map_err(|e| StorageError::Data(e.to_string()))?,
            ),
        };
        let stored = Stored {
            schema_version: plan_file::SCHEMA_VERSION.into(),
            encoding: encoding.to_string(),
            saved_at: self.saved_at,
            fingerprint: fingerprint.clone(),
            data,
        };
        Ok(Encoded {
            text: serde_json::to_string(&stored).map_err(|e| StorageError::Data(e.to_string()))?,
            fingerprint,
        })
    }
}

/// Raw DEFLATE (what `miniz_oxide::deflate::compress_to_vec` writes) of
/// input given a piece at a time.
struct Deflater {
    compressor: Box<miniz_oxide::deflate::core::CompressorOxide>,
    out: Vec<u8>,
}

impl Deflater {
    fn new(level: u8) -> Deflater {
        use miniz_oxide::deflate::core::{create_comp_flags_from_zip_params, CompressorOxide};
        let flags = create_comp_flags_from_zip_params(level.into(), 0, 0);
        Deflater {
            compressor: Box::new(CompressorOxide::new(flags)),
            out: Vec::new(),
        }
    }

    fn write(&mut self, input: &[u8]) {
        self.run(input, miniz_oxide::deflate::core::TDEFLFlush::None);
    }

    fn finish(mut self) -> Vec<u8> {
        self.run(&[], miniz_oxide::deflate::core::TDEFLFlush::Finish);
        self.out
    }

    /// Feeds `input` to the compressor, the output growing as it needs.
    fn run(&mut self, mut input: &[u8], flush: miniz_oxide::deflate::core::TDEFLFlush) {
        use miniz_oxide::deflate::core::{compress, TDEFLFlush, TDEFLStatus};
        loop {
            let at = self.out.len();
            let room = (input.len() / 2).max(1 << 12);
            self.out.resize(at + room, 0);
            let (status, used, written) =
                compress(&mut self.compressor, input, &mut self.out[at..], flush);
            self.out.truncate(at + written);
            input = input.get(used..).unwrap_or_default();
            match status {
                TDEFLStatus::Done => return,
                TDEFLStatus::Okay if flush == TDEFLFlush::None && input.is_empty() => return,
                TDEFLStatus::Okay => {}
                // Bad parameters or a failed write: neither can happen here;
                // the stream then ends short and does not decode.
                _ => return,
            }
        }
    }
}

/// The sealed envelope inside a locked entry (`None` for any other text),
/// for the worker to unlock with a passphrase.
pub fn locked_data(text: &str) -> Option<String> {
    let stored: Stored = serde_json::from_str(text).ok()?;
    (stored.encoding == LOCKED_ENCODING).then_some(stored.data)
}

/// The fingerprint [`encode`] gives `workspace`, without compressing it.
pub fn fingerprint(workspace: &Workspace) -> String {
    fingerprint_json(&plan_file::write_compact(workspace, ""))
}

fn fingerprint_json(json: &str) -> String {
    use sha2::{Digest, Sha256};
    fingerprint_of(&Sha256::digest(json.as_bytes()))
}

/// A fingerprint: the first 8 bytes of a SHA-256 digest, in hex.
fn fingerprint_of(digest: &[u8]) -> String {
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

/// The fingerprint and time stored text names, without decoding its data
/// (empty strings for an older entry, `None` for text that is no entry).
pub fn stamp(text: &str) -> Option<(String, String)> {
    #[derive(Deserialize)]
    struct Stamp {
        #[serde(default)]
        fingerprint: String,
        #[serde(default)]
        saved_at: String,
    }
    let s: Stamp = serde_json::from_str(text).ok()?;
    Some((s.fingerprint, s.saved_at))
}

/// The plan-file JSON inside stored text, without validating it (for a
/// download of what was stored when it no longer loads).
pub fn unpack(text: &str) -> Result<String, StorageError> {
    let stored: Stored = serde_json::from_str(text)
        .map_err(|e| StorageError::Envelope(super::clip(e.to_string())))?;
    if stored.schema_version > u64::from(plan_file::SCHEMA_VERSION) {
        return Err(StorageError::TooNew {
            found: stored.schema_version,
            supported: plan_file::SCHEMA_VERSION,
        });
    }
    if stored.encoding == LOCKED_ENCODING {
        return Err(StorageError::Locked);
    }
    if stored.encoding != ENCODING {
        return Err(StorageError::Envelope(format!(
            "unknown encoding \"{}\"",
            super::clip(stored.encoding)
        )));
    }
    let compressed = base64::engine::general_purpose::STANDARD
        .decode(stored.data.as_bytes())
        .map_err(|e| StorageError::Data(e.to_string()))?;
    // The error's Display names the failure only; its Debug form would
    // carry every byte inflated before it (the workspace itself).
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&compressed, 512 << 20)
        .map_err(|e| StorageError::Data(e.to_string()))?;
    String::from_utf8(json).map_err(|e| StorageError::Data(e.to_string()))
}

/// Decodes stored text back into a workspace.
pub fn decode(text: &str) -> Result<ImportedPlan, StorageError> {
    decode_with(text, None)
}

/// [`decode`], opening a locked entry with `key`.
pub fn decode_with(text: &str, key: Option<&SealKey>) -> Result<ImportedPlan, StorageError> {
    let json = match (locked_data(text), key) {
        (None, _) => unpack(text)?,
        (Some(_), None) => return Err(StorageError::Locked),
        (Some(data), Some(key)) => match super::sealed::open_with(key, &data) {
            Ok(json) => json,
            Err(super::sealed::SealError::WrongPassphrase) => return Err(StorageError::Locked),
            Err(e) => return Err(StorageError::Data(e.to_string())),
        },
    };
    plan_file::read_fast(&json).map_err(StorageError::Plan)
}

//! Plan files sealed with a passphrase, safe to send by email (issue 20).
//!
//! A sealed file is a small JSON envelope around the plan file's bytes,
//! DEFLATE-compressed and then encrypted:
//!
//! ```json
//! {"format":"mutasi-planner-sealed","version":1,
//!  "kdf":{"name":"argon2id","version":19,"memory_kib":65536,"iterations":3,
//!         "parallelism":1,"salt":"…"},
//!  "cipher":{"name":"xchacha20-poly1305","nonce":"…"},
//!  "compression":"deflate","key_check":"…","ciphertext":"…"}
//! ```
//!
//! - **Key**: Argon2id (RFC 9106) of the passphrase's UTF-8 bytes, exactly as
//!   typed, with a random 16-byte salt, gives 64 bytes: the first 32 are the
//!   cipher's key; the other 32 give the `key_check` (16 bytes of a SHA-256
//!   of them), which tells a wrong passphrase from a changed file. The check
//!   lets an attacker test a guess no faster than the cipher itself would.
//! - **Cipher**: XChaCha20-Poly1305 with a random 24-byte nonce. Its
//!   associated data is the envelope's header (everything but `key_check`
//!   and `ciphertext`, serialised as above), so a changed parameter fails
//!   authentication as a changed ciphertext does.
//! - **Nothing outside the ciphertext** names the workspace, a person or a
//!   time: the header holds only the format and the algorithms' parameters.
//!
//! Reading checks, in order: the size, the format and version, the
//! parameters (bounded, so a hostile file cannot ask for gigabytes or hours
//! of work), the passphrase (`key_check`), then authentication; nothing is
//! decompressed or read that did not authenticate. Randomness comes from the
//! caller (the browser's `crypto.getRandomValues`), which keeps this module
//! pure and its tests reproducible.

use argon2::{Algorithm, Argon2, Params, Version};
use base64::Engine;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::ops::RangeInclusive;

/// The value of the `format` field.
pub const FORMAT: &str = "mutasi-planner-sealed";
/// The envelope version this build writes and reads.
pub const VERSION: u64 = 1;
/// The key-derivation function's name in the envelope.
pub const KDF: &str = "argon2id";
/// Argon2's version 1.3 (0x13), the one RFC 9106 specifies.
pub const KDF_VERSION: u64 = 0x13;
/// The cipher's name in the envelope.
pub const CIPHER: &str = "xchacha20-poly1305";
/// The compression applied before encryption.
pub const COMPRESSION: &str = "deflate";
/// Bytes of salt this build writes; a read salt may be 16–64 bytes.
pub const SALT_BYTES: usize = 16;
/// Bytes of an XChaCha20 nonce.
pub const NONCE_BYTES: usize = 24;
/// Bytes of the passphrase check.
pub const CHECK_BYTES: usize = 16;
/// The shortest passphrase a file is sealed with, in characters.
pub const MIN_PASSPHRASE_CHARS: usize = 12;
/// The largest sealed file read (characters of text).
pub const MAX_SEALED_CHARS: usize = 400 << 20;
/// The largest plan a sealed file may inflate to.
pub const MAX_PLAIN_BYTES: usize = 512 << 20;

const SALTS: RangeInclusive<usize> = 16..=64;
const CHECK_DOMAIN: &[u8] = b"mutasi-planner-sealed key check v1";

/// Argon2id's cost: memory in KiB, passes, lanes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfParams {
    pub memory_kib: u32,
    pub iterations: u32,
    pub parallelism: u32,
}

impl KdfParams {
    /// What this build seals with: 64 MiB and 3 passes on one lane, the
    /// second of RFC 9106's recommended settings with the lanes a
    /// single-threaded browser worker has. Measured in the worker in headless
    /// Chromium on a 2-core machine: see README ("Berkas terenkripsi").
    pub const DEFAULT: KdfParams = KdfParams {
        memory_kib: 64 * 1024,
        iterations: 3,
        parallelism: 1,
    };
    /// The memory a read envelope may ask for (8 KiB … 256 MiB).
    pub const MEMORY_KIB: RangeInclusive<u64> = 8..=262_144;
    /// The passes it may ask for.
    pub const ITERATIONS: RangeInclusive<u64> = 1..=10;
    /// The lanes it may ask for.
    pub const PARALLELISM: RangeInclusive<u64> = 1..=4;
}

/// Why a file could not be sealed or opened.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum SealError {
    /// The text is not a sealed file.
    NotSealed,
    /// Sealed by a newer version of the planner.
    TooNew { found: u64, supported: u64 },
    /// An algorithm this build does not know (`field` names which).
    Unsupported { field: String, value: String },
    /// The envelope is malformed: `field` (empty for the whole) and why.
    Damaged { field: String, detail: String },
    /// A parameter outside what this build accepts.
    OutOfRange {
        field: String,
        value: u64,
        min: u64,
        max: u64,
    },
    /// The file is larger than the planner reads.
    TooLarge { chars: usize, max: usize },
    /// The passphrase does not open this file (or the salt or parameters
    /// were changed, which no one can tell apart from it).
    WrongPassphrase,
    /// The passphrase is right but the contents were changed: refused whole.
    Tampered,
    /// Sealing: the passphrase is shorter than [`MIN_PASSPHRASE_CHARS`].
    PassphraseTooShort { chars: usize, min: usize },
}

impl std::fmt::Display for SealError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SealError::NotSealed => write!(f, "not a sealed plan file"),
            SealError::TooNew { found, supported } => write!(
                f,
                "sealed file version {found}, this planner reads up to {supported}"
            ),
            SealError::Unsupported { field, value } => {
                write!(f, "{field}: unknown algorithm \"{value}\"")
            }
            SealError::Damaged { field, detail } if field.is_empty() => {
                write!(f, "damaged envelope: {detail}")
            }
            SealError::Damaged { field, detail } => write!(f, "{field}: {detail}"),
            SealError::OutOfRange {
                field,
                value,
                min,
                max,
            } => write!(f, "{field}: {value} outside {min}…{max}"),
            SealError::TooLarge { chars, max } => {
                write!(f, "{chars} characters, at most {max} are read")
            }
            SealError::WrongPassphrase => write!(f, "wrong passphrase"),
            SealError::Tampered => write!(f, "the file was changed after it was sealed"),
            SealError::PassphraseTooShort { chars, min } => {
                write!(f, "passphrase of {chars} characters, at least {min}")
            }
        }
    }
}

impl std::error::Error for SealError {}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Kdf {
    name: String,
    version: u64,
    memory_kib: u64,
    iterations: u64,
    parallelism: u64,
    salt: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Cipher {
    name: String,
    nonce: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Envelope {
    format: String,
    version: u64,
    kdf: Kdf,
    cipher: Cipher,
    compression: String,
    key_check: String,
    ciphertext: String,
}

/// What the cipher authenticates besides the ciphertext.
#[derive(Serialize)]
struct Header<'a> {
    format: &'a str,
    version: u64,
    kdf: &'a Kdf,
    cipher: &'a Cipher,
    compression: &'a str,
}

impl Envelope {
    fn header(&self) -> Vec<u8> {
        serde_json::to_vec(&Header {
            format: &self.format,
            version: self.version,
            kdf: &self.kdf,
            cipher: &self.cipher,
            compression: &self.compression,
        })
        .unwrap_or_default()
    }
}

fn b64() -> base64::engine::general_purpose::GeneralPurpose {
    base64::engine::general_purpose::STANDARD
}

/// Whether `text` looks like a sealed file (its start names the format);
/// [`open`] says exactly what is wrong with one that only looks like it.
pub fn is_sealed(text: &str) -> bool {
    let head: String = text.trim_start().chars().take(256).collect();
    head.starts_with('{') && head.contains(&format!("\"{FORMAT}\""))
}

/// A key derived from a passphrase, with the salt and cost it was derived
/// with. Sealing more with it costs only the cipher: the locked local
/// storage derives once when it is unlocked, then seals every save.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SealKey {
    key: [u8; 32],
    check: [u8; CHECK_BYTES],
    salt: Vec<u8>,
    params: KdfParams,
}

impl std::fmt::Debug for SealKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SealKey")
            .field("params", &self.params)
            .finish_non_exhaustive()
    }
}

impl SealKey {
    /// Whether this key opens `text` (the same salt, cost and passphrase
    /// check), without decrypting it.
    pub fn fits(&self, text: &str) -> bool {
        check(text)
            .is_ok_and(|c| c.salt == self.salt && c.params == self.params && c.check == self.check)
    }
}

/// Derives the key of `passphrase` with `salt` and `params` (the slow
/// part: Argon2id). Any passphrase opens; [`new_key`] also checks length.
pub fn derive_key(passphrase: &str, salt: &[u8], params: KdfParams) -> Result<SealKey, SealError> {
    let argon_params = Params::new(
        params.memory_kib,
        params.iterations,
        params.parallelism,
        Some(64),
    )
    .map_err(|e| SealError::Damaged {
        field: "kdf".into(),
        detail: e.to_string(),
    })?;
    let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, argon_params);
    let mut out = [0u8; 64];
    argon
        .hash_password_into(passphrase.as_bytes(), salt, &mut out)
        .map_err(|e| SealError::Damaged {
            field: "kdf".into(),
            detail: e.to_string(),
        })?;
    let mut key = [0u8; 32];
    key.copy_from_slice(&out[..32]);
    let digest = Sha256::new()
        .chain_update(CHECK_DOMAIN)
        .chain_update(&out[32..])
        .finalize();
    let mut check = [0u8; CHECK_BYTES];
    check.copy_from_slice(&digest[..CHECK_BYTES]);
    out.fill(0);
    Ok(SealKey {
        key,
        check,
        salt: salt.to_vec(),
        params,
    })
}

/// A key to seal new files with: refuses a passphrase shorter than
/// [`MIN_PASSPHRASE_CHARS`], then derives it with a fresh random `salt`.
pub fn new_key(
    passphrase: &str,
    salt: &[u8; SALT_BYTES],
    params: KdfParams,
) -> Result<SealKey, SealError> {
    let chars = passphrase.chars().count();
    if chars < MIN_PASSPHRASE_CHARS {
        return Err(SealError::PassphraseTooShort {
            chars,
            min: MIN_PASSPHRASE_CHARS,
        });
    }
    derive_key(passphrase, salt, params)
}

/// Seals `plain` with a derived key and a fresh random `nonce`; the
/// envelope's text.
pub fn seal_with(
    key: &SealKey,
    plain: &[u8],
    nonce: &[u8; NONCE_BYTES],
) -> Result<String, SealError> {
    seal_compressed(key, &miniz_oxide::deflate::compress_to_vec(plain, 6), nonce)
}

/// [`seal_with`] for bytes already compressed as the envelope names (raw
/// DEFLATE): a caller that compressed them a piece at a time.
pub fn seal_compressed(
    key: &SealKey,
    compressed: &[u8],
    nonce: &[u8; NONCE_BYTES],
) -> Result<String, SealError> {
    let mut envelope = Envelope {
        format: FORMAT.into(),
        version: VERSION,
        kdf: Kdf {
            name: KDF.into(),
            version: KDF_VERSION,
            memory_kib: key.params.memory_kib.into(),
            iterations: key.params.iterations.into(),
            parallelism: key.params.parallelism.into(),
            salt: b64().encode(&key.salt),
        },
        cipher: Cipher {
            name: CIPHER.into(),
            nonce: b64().encode(nonce),
        },
        compression: COMPRESSION.into(),
        key_check: b64().encode(key.check),
        ciphertext: String::new(),
    };
    let aad = envelope.header();
    let sealed = XChaCha20Poly1305::new((&key.key).into())
        .encrypt(
            XNonce::from_slice(nonce),
            Payload {
                msg: compressed,
                aad: &aad,
            },
        )
        .map_err(|_| SealError::Damaged {
            field: "ciphertext".into(),
            detail: "encryption failed".into(),
        })?;
    envelope.ciphertext = b64().encode(sealed);
    serde_json::to_string(&envelope).map_err(|e| SealError::Damaged {
        field: String::new(),
        detail: e.to_string(),
    })
}

/// Seals `plain` (a plan file's bytes) with `passphrase`, a fresh random
/// `salt` and `nonce`, and the Argon2id cost `params`
/// ([`KdfParams::DEFAULT`] outside tests); the envelope's text.
pub fn seal(
    plain: &[u8],
    passphrase: &str,
    salt: &[u8; SALT_BYTES],
    nonce: &[u8; NONCE_BYTES],
    params: KdfParams,
) -> Result<String, SealError> {
    seal_with(&new_key(passphrase, salt, params)?, plain, nonce)
}

fn bounded(field: &str, value: u64, range: RangeInclusive<u64>) -> Result<u32, SealError> {
    if range.contains(&value) {
        // The ranges end well below u32::MAX.
        Ok(value as u32)
    } else {
        Err(SealError::OutOfRange {
            field: field.into(),
            value,
            min: *range.start(),
            max: *range.end(),
        })
    }
}

fn decode(field: &str, text: &str) -> Result<Vec<u8>, SealError> {
    b64()
        .decode(text.as_bytes())
        .map_err(|e| SealError::Damaged {
            field: field.into(),
            detail: format!("not base64: {e}"),
        })
}

fn length(field: &str, bytes: &[u8], range: RangeInclusive<usize>) -> Result<(), SealError> {
    if range.contains(&bytes.len()) {
        Ok(())
    } else {
        Err(SealError::Damaged {
            field: field.into(),
            detail: format!(
                "{} bytes, expected {}",
                bytes.len(),
                if range.start() == range.end() {
                    range.start().to_string()
                } else {
                    format!("{}…{}", range.start(), range.end())
                }
            ),
        })
    }
}

fn known(field: &str, value: &str, expected: &str) -> Result<(), SealError> {
    if value == expected {
        Ok(())
    } else {
        Err(SealError::Unsupported {
            field: field.into(),
            value: super::clip(value.to_string()),
        })
    }
}

/// A read envelope, checked up to the passphrase.
struct Checked {
    envelope: Envelope,
    params: KdfParams,
    salt: Vec<u8>,
    nonce: Vec<u8>,
    check: Vec<u8>,
    ciphertext: Vec<u8>,
}

fn check(text: &str) -> Result<Checked, SealError> {
    let chars = text.len();
    if chars > MAX_SEALED_CHARS {
        return Err(SealError::TooLarge {
            chars,
            max: MAX_SEALED_CHARS,
        });
    }
    // The format and version first, so a newer envelope is named as such
    // rather than as one with unknown fields.
    #[derive(Deserialize)]
    struct Probe {
        format: Option<serde_json::Value>,
        version: Option<serde_json::Value>,
    }
    let probe: Probe = serde_json::from_str(text).map_err(|e| {
        if is_sealed(text) {
            SealError::Damaged {
                field: String::new(),
                detail: super::clip(e.to_string()),
            }
        } else {
            SealError::NotSealed
        }
    })?;
    if probe.format.as_ref().and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(SealError::NotSealed);
    }
    if let Some(found) = probe.version.as_ref().and_then(|v| v.as_u64()) {
        if found > VERSION {
            return Err(SealError::TooNew {
                found,
                supported: VERSION,
            });
        }
    }
    let envelope: Envelope = serde_json::from_str(text).map_err(|e| SealError::Damaged {
        field: String::new(),
        detail: super::clip(e.to_string()),
    })?;
    if envelope.version != VERSION {
        return Err(SealError::OutOfRange {
            field: "version".into(),
            value: envelope.version,
            min: VERSION,
            max: VERSION,
        });
    }
    known("kdf.name", &envelope.kdf.name, KDF)?;
    if envelope.kdf.version != KDF_VERSION {
        return Err(SealError::Unsupported {
            field: "kdf.version".into(),
            value: envelope.kdf.version.to_string(),
        });
    }
    known("cipher.name", &envelope.cipher.name, CIPHER)?;
    known("compression", &envelope.compression, COMPRESSION)?;
    let params = KdfParams {
        memory_kib: bounded(
            "kdf.memory_kib",
            envelope.kdf.memory_kib,
            KdfParams::MEMORY_KIB,
        )?,
        iterations: bounded(
            "kdf.iterations",
            envelope.kdf.iterations,
            KdfParams::ITERATIONS,
        )?,
        parallelism: bounded(
            "kdf.parallelism",
            envelope.kdf.parallelism,
            KdfParams::PARALLELISM,
        )?,
    };
    // Argon2 needs 8 KiB per lane.
    let least = 8 * u64::from(params.parallelism);
    if u64::from(params.memory_kib) < least {
        return Err(SealError::OutOfRange {
            field: "kdf.memory_kib".into(),
            value: params.memory_kib.into(),
            min: least,
            max: *KdfParams::MEMORY_KIB.end(),
        });
    }
    let salt = decode("kdf.salt", &envelope.kdf.salt)?;
    length("kdf.salt", &salt, SALTS)?;
    let nonce = decode("cipher.nonce", &envelope.cipher.nonce)?;
    length("cipher.nonce", &nonce, NONCE_BYTES..=NONCE_BYTES)?;
    let check = decode("key_check", &envelope.key_check)?;
    length("key_check", &check, CHECK_BYTES..=CHECK_BYTES)?;
    let ciphertext = decode("ciphertext", &envelope.ciphertext)?;
    // Poly1305's tag alone is 16 bytes.
    length("ciphertext", &ciphertext, 16..=usize::MAX)?;
    Ok(Checked {
        envelope,
        params,
        salt,
        nonce,
        check,
        ciphertext,
    })
}

/// Checks a sealed file's envelope without a passphrase: what [`open`]
/// would refuse before asking for one.
pub fn inspect(text: &str) -> Result<(), SealError> {
    check(text).map(|_| ())
}

/// Opens a sealed file: the plan file's text, or why not. A wrong
/// passphrase and a changed file are told apart, and neither yields any
/// part of the contents.
pub fn open(text: &str, passphrase: &str) -> Result<String, SealError> {
    unlock(text, passphrase).map(|(plain, _)| plain)
}

/// [`open`], also giving the key, to seal again without deriving it.
pub fn unlock(text: &str, passphrase: &str) -> Result<(String, SealKey), SealError> {
    let c = check(text)?;
    let key = derive_key(passphrase, &c.salt, c.params)?;
    let plain = decrypt(&key, &c)?;
    Ok((plain, key))
}

/// Opens a file sealed with `key` (by [`seal_with`]); one sealed with
/// another passphrase, salt or cost is a wrong passphrase.
pub fn open_with(key: &SealKey, text: &str) -> Result<String, SealError> {
    let c = check(text)?;
    if c.salt != key.salt || c.params != key.params {
        return Err(SealError::WrongPassphrase);
    }
    decrypt(key, &c)
}

fn decrypt(key: &SealKey, c: &Checked) -> Result<String, SealError> {
    // Constant time, like the tag comparison.
    let differs = key
        .check
        .iter()
        .zip(&c.check)
        .fold(0u8, |acc, (a, b)| acc | (a ^ b));
    if differs != 0 {
        return Err(SealError::WrongPassphrase);
    }
    let compressed = XChaCha20Poly1305::new((&key.key).into())
        .decrypt(
            XNonce::from_slice(&c.nonce),
            Payload {
                msg: &c.ciphertext,
                aad: &c.envelope.header(),
            },
        )
        .map_err(|_| SealError::Tampered)?;
    // Authentic, so made by someone with the passphrase; still bounded.
    let plain = miniz_oxide::inflate::decompress_to_vec_with_limit(&compressed, MAX_PLAIN_BYTES)
        .map_err(|e| SealError::Damaged {
            field: "ciphertext".into(),
            detail: e.to_string(),
        })?;
    String::from_utf8(plain).map_err(|e| SealError::Damaged {
        field: "ciphertext".into(),
        detail: e.to_string(),
    })
}

/// How hard a passphrase would be to guess, as a hint while it is typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Strength {
    /// Shorter than [`MIN_PASSPHRASE_CHARS`]: a file is not sealed with it.
    TooShort,
    /// Under about 50 bits: a few common words, a name and a year.
    Weak,
    /// 50–69 bits.
    Fair,
    /// 70 bits or more: five unrelated words, or 12 random characters of
    /// every kind.
    Strong,
}

/// Words everyone in a Jambi office would try first (lower case).
const COMMON: &[&str] = &[
    "password",
    "passw0rd",
    "sandi",
    "katasandi",
    "rahasia",
    "admin",
    "qwerty",
    "asdf",
    "jambi",
    "bkd",
    "bkpsdm",
    "asn",
    "pns",
    "mutasi",
    "indonesia",
    "merdeka",
    "bismillah",
    "welcome",
    "letmein",
    "iloveyou",
    "sayang",
    "cinta",
    "rencana",
    "pemprov",
    "provinsi",
    "kantor",
];

/// A rough estimate of a passphrase's guessing entropy in bits: each run of
/// letters counts as a word (about 10 bits plus 1.5 a letter) when it reads
/// like one, or as random letters when it does not; a common word counts 4
/// bits, digits 3.3 bits each unless they count up, down or repeat (a year
/// counts 7), other characters 5 bits each, a repeated run 1 bit, and each
/// switch between letters, digits and other characters 1 bit. A hint,
/// not a guarantee: it does not know every dictionary.
pub fn entropy_bits(passphrase: &str) -> f64 {
    #[derive(PartialEq, Clone, Copy)]
    enum Class {
        Letter,
        Digit,
        Space,
        Other,
    }
    let class = |c: char| {
        if c.is_alphabetic() {
            Class::Letter
        } else if c.is_ascii_digit() {
            Class::Digit
        } else if c.is_whitespace() {
            Class::Space
        } else {
            Class::Other
        }
    };
    let mut runs: Vec<(Class, String)> = Vec::new();
    for c in passphrase.chars() {
        match runs.last_mut() {
            Some((k, run)) if *k == class(c) => run.push(c),
            _ => runs.push((class(c), c.to_string())),
        }
    }
    // Where one kind of character gives way to another is itself a guess
    // (spaces between words are not).
    let switches = runs
        .windows(2)
        .filter(|w| w[0].0 != Class::Space && w[1].0 != Class::Space)
        .count();
    let mut seen: Vec<String> = Vec::new();
    let mut bits = switches as f64;
    for (k, run) in runs {
        let lower = run.to_lowercase();
        if seen.contains(&lower) {
            bits += 1.0;
            continue;
        }
        seen.push(lower.clone());
        let chars: Vec<char> = run.chars().collect();
        let n = chars.len() as f64;
        bits += match k {
            Class::Letter => letter_bits(&chars, &lower),
            Class::Digit => digit_bits(&chars),
            Class::Space => 1.0,
            Class::Other => 5.0 * n,
        };
    }
    bits
}

fn letter_bits(chars: &[char], lower: &str) -> f64 {
    let n = chars.len() as f64;
    if COMMON.contains(&lower) {
        return 4.0;
    }
    // Mixed case beyond a capital first letter adds a bit a letter.
    let inner_upper = chars.iter().skip(1).filter(|c| c.is_uppercase()).count() as f64;
    let capital = if chars.first().is_some_and(|c| c.is_uppercase()) {
        1.0
    } else {
        0.0
    };
    let vowels = lower.chars().filter(|c| "aeiouy".contains(*c)).count() as f64;
    let mut cluster = 0;
    let mut longest = 0;
    for c in lower.chars() {
        if "aeiouy".contains(c) {
            cluster = 0;
        } else {
            cluster += 1;
            longest = longest.max(cluster);
        }
    }
    let wordlike = n >= 3.0 && (0.25..=0.65).contains(&(vowels / n)) && longest <= 3;
    let repeats = chars.windows(2).filter(|w| w[0] == w[1]).count() as f64;
    let base = if wordlike {
        (4.7 * n).min(10.0 + 1.5 * n)
    } else {
        4.7 * (n - repeats) + repeats
    };
    base + capital + inner_upper
}

fn digit_bits(chars: &[char]) -> f64 {
    let digits: Vec<i32> = chars
        .iter()
        .filter_map(|c| c.to_digit(10))
        .map(|d| d as i32)
        .collect();
    let n = digits.len();
    if n == 4 && (digits[..2] == [1, 9] || digits[..2] == [2, 0]) {
        return 7.0;
    }
    let steps: Vec<i32> = digits.windows(2).map(|w| w[1] - w[0]).collect();
    let patterned = n >= 3 && steps.iter().all(|s| *s == steps[0] && s.abs() <= 1);
    if patterned {
        3.3 + n as f64
    } else {
        3.3 * n as f64
    }
}

/// The strength class of a passphrase (see [`entropy_bits`]).
pub fn strength(passphrase: &str) -> Strength {
    if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
        return Strength::TooShort;
    }
    match entropy_bits(passphrase) {
        b if b < 50.0 => Strength::Weak,
        b if b < 70.0 => Strength::Fair,
        _ => Strength::Strong,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strength_hints_read_like_a_person_would() {
        assert_eq!(strength("kopi pagi"), Strength::TooShort);
        assert_eq!(strength("Password1234!"), Strength::Weak);
        assert_eq!(strength("jambi2026jambi"), Strength::Weak);
        assert_eq!(strength("aaaaaaaaaaaaaaaa"), Strength::Weak);
        assert_eq!(strength("123456789012"), Strength::Weak);
        assert_eq!(strength("kopi jambi pagi hari"), Strength::Fair);
        assert_eq!(
            strength("kopi jambi pagi hari sungai batanghari"),
            Strength::Strong
        );
        assert_eq!(strength("x7#Qm!2vR9&kLp"), Strength::Strong);
        assert!(entropy_bits("xkqvtmbzrwpd") > entropy_bits("makanansiang"));
    }
}

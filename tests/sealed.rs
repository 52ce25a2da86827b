//! Plan files sealed with a passphrase (issue 20): the primitives against
//! their published test vectors, the demo's round trip, a wrong
//! passphrase, every single-byte change of a small sealed file, damaged
//! envelopes (never a panic), and nothing personal outside the ciphertext.
#![cfg(not(target_arch = "wasm32"))]

use argon2::{Algorithm, Argon2, AssociatedData, ParamsBuilder, Version};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use mutasi_planner::core::demo::jambi_demo;
use mutasi_planner::core::io::file_jobs::{run, FileJob, FileOutcome};
use mutasi_planner::core::io::plan_file;
use mutasi_planner::core::io::sealed::{self, KdfParams, SealError};
use proptest::prelude::*;
use serde_json::Value;

fn hex(s: &str) -> Vec<u8> {
    let s: String = s.split_whitespace().collect();
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

/// RFC 9106, section 5.3: Argon2id, version 0x13, 32 KiB, 3 passes, 4
/// lanes, with a secret and associated data.
#[test]
fn argon2id_matches_rfc_9106() {
    let params = ParamsBuilder::new()
        .m_cost(32)
        .t_cost(3)
        .p_cost(4)
        .data(AssociatedData::new(&[0x04; 12]).unwrap())
        .output_len(32)
        .build()
        .unwrap();
    let argon =
        Argon2::new_with_secret(&[0x03; 8], Algorithm::Argon2id, Version::V0x13, params).unwrap();
    let mut tag = [0u8; 32];
    argon
        .hash_password_into(&[0x01; 32], &[0x02; 16], &mut tag)
        .unwrap();
    assert_eq!(
        tag.to_vec(),
        hex("0d 64 0d f5 8d 78 76 6c 08 c0 37 a3 4a 8b 53 c9
             d0 1e f0 45 2d 75 b6 5e b5 25 20 e9 6b 01 e6 59")
    );
}

/// draft-irtf-cfrg-xchacha-03, appendix A.3.1: XChaCha20-Poly1305.
#[test]
fn xchacha20_poly1305_matches_the_draft() {
    let key = hex("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f");
    let nonce = hex("404142434445464748494a4b4c4d4e4f5051525354555657");
    let aad = hex("50515253c0c1c2c3c4c5c6c7");
    let plain = b"Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.";
    let expected = hex(
        "bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb
         731c7f1b0b4aa6440bf3a82f4eda7e39ae64c6708c54c216cb96b72e1213b452
         2f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b2383565d3fff9
         21f9664c97637da9768812f615c68b13b52e
         c0875924c1c7987947deafd8780acf49",
    );
    let cipher = XChaCha20Poly1305::new_from_slice(&key).unwrap();
    let sealed = cipher
        .encrypt(
            XNonce::from_slice(&nonce),
            Payload {
                msg: plain,
                aad: &aad,
            },
        )
        .unwrap();
    assert_eq!(sealed, expected);
    let opened = cipher
        .decrypt(
            XNonce::from_slice(&nonce),
            Payload {
                msg: &sealed,
                aad: &aad,
            },
        )
        .unwrap();
    assert_eq!(opened, plain);
}

const PASS: &str = "kopi jambi pagi hari";
/// Cheap parameters for tests that open a file hundreds of times.
const CHEAP: KdfParams = KdfParams {
    memory_kib: 8,
    iterations: 1,
    parallelism: 1,
};

fn small_sealed() -> String {
    sealed::seal(br#"{"a":"b"}"#, PASS, &[7; 16], &[9; 24], CHEAP).unwrap()
}

/// A file sealed by the first version of the format opens, and what it
/// holds is what was sealed: a later change of the format cannot silently
/// strand files already sent.
#[test]
fn a_file_of_the_first_version_still_opens() {
    let text = include_str!("fixtures/sealed-v1.json");
    assert_eq!(sealed::open(text.trim_end(), PASS).unwrap(), r#"{"a":"b"}"#);
    assert_eq!(small_sealed(), text.trim_end(), "the format did not change");
}

#[test]
fn the_demo_round_trips_through_the_file_job_and_names_no_one_outside() {
    let ws = jambi_demo();
    let plain = plan_file::write_compact(&ws, "2026-12-03T08:00:00Z");
    let job = FileJob::Seal {
        passphrase: PASS.into(),
        salt: [1; 16],
        nonce: [2; 24],
    };
    let (outcome, bytes) = run(job, plain.as_bytes());
    assert_eq!(outcome, FileOutcome::Bytes);
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(sealed::is_sealed(&text));
    assert!(
        text.len() < plain.len() / 3,
        "compressed before encryption: {} of {}",
        text.len(),
        plain.len()
    );
    // Nothing personal outside the ciphertext: no NIP, name, workspace
    // name or time, and only the header's fields.
    for a in &ws.asn {
        assert!(!text.contains(&a.nip.to_string()), "{}", a.nip);
        assert!(!text.contains(&a.name), "{}", a.name);
    }
    assert!(!text.contains(&ws.name));
    assert!(!text.contains("2026"));
    let v: Value = serde_json::from_str(&text).unwrap();
    assert!(text.starts_with(r#"{"format":"mutasi-planner-sealed","version":1,"kdf":{"#));
    let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "cipher",
            "ciphertext",
            "compression",
            "format",
            "kdf",
            "key_check",
            "version"
        ]
    );
    assert_eq!(v["kdf"]["memory_kib"], 65536);

    let (outcome, back) = run(
        FileJob::Open {
            passphrase: PASS.into(),
        },
        &bytes,
    );
    assert_eq!(outcome, FileOutcome::Bytes);
    assert_eq!(String::from_utf8(back).unwrap(), plain);
    let read = plan_file::read(&plain).unwrap();
    assert_eq!(read.workspace, ws);

    // A wrong passphrase says so and yields nothing.
    let (outcome, back) = run(
        FileJob::Open {
            passphrase: "kopi jambi pagi hari!".into(),
        },
        &bytes,
    );
    assert_eq!(outcome, FileOutcome::SealFailed(SealError::WrongPassphrase));
    assert!(back.is_empty());
}

#[test]
fn a_short_passphrase_seals_nothing() {
    assert_eq!(
        sealed::seal(b"x", "jambi 2026", &[0; 16], &[0; 24], CHEAP),
        Err(SealError::PassphraseTooShort { chars: 10, min: 12 })
    );
    // Characters, not bytes: twelve letters with accents are enough.
    assert!(sealed::seal(b"x", "éééééééééééé", &[0; 16], &[0; 24], CHEAP).is_ok());
}

/// Every byte of a small sealed file, changed to each of several other
/// values, is refused; a change of the ciphertext is told as tampering, of
/// the salt or check as a wrong passphrase (no one can tell those apart).
#[test]
fn every_single_byte_change_is_refused() {
    let text = small_sealed();
    let bytes = text.as_bytes();
    let mut kinds = std::collections::BTreeMap::<String, usize>::new();
    let ciphertext_at = text.find("\"ciphertext\":\"").unwrap() + 14;
    for i in 0..bytes.len() {
        for delta in [0x01u8, 0x02, 0x20, 0x41, 0x80] {
            let mut changed = bytes.to_vec();
            changed[i] ^= delta;
            let Ok(changed) = std::str::from_utf8(&changed) else {
                continue;
            };
            match sealed::open(changed, PASS) {
                Ok(plain) => panic!("byte {i} ^ {delta:#x} opened: {plain}"),
                Err(e) => {
                    if i >= ciphertext_at && i < bytes.len() - 2 {
                        assert!(
                            matches!(e, SealError::Tampered | SealError::Damaged { .. }),
                            "byte {i} of the ciphertext: {e:?}"
                        );
                    }
                    let kind = format!("{e:?}");
                    let kind = kind.split([' ', '(', '{']).next().unwrap().to_string();
                    *kinds.entry(kind).or_default() += 1;
                }
            }
        }
    }
    println!("{} bytes, refusals: {kinds:?}", bytes.len());
    assert!(kinds["Tampered"] > 0 && kinds["WrongPassphrase"] > 0);
}

#[test]
fn hostile_parameters_are_refused_before_any_work() {
    let text = small_sealed();
    let with = |path: &[&str], value: Value| {
        let mut v: Value = serde_json::from_str(&text).unwrap();
        let mut at = &mut v;
        for p in &path[..path.len() - 1] {
            at = &mut at[*p];
        }
        at[path[path.len() - 1]] = value;
        sealed::open(&v.to_string(), PASS)
    };
    assert_eq!(
        with(&["kdf", "memory_kib"], Value::from(4_194_304u64)),
        Err(SealError::OutOfRange {
            field: "kdf.memory_kib".into(),
            value: 4_194_304,
            min: 8,
            max: 262_144
        })
    );
    assert!(matches!(
        with(&["kdf", "iterations"], Value::from(u64::MAX)),
        Err(SealError::OutOfRange {
            value: u64::MAX,
            ..
        })
    ));
    assert!(matches!(
        with(&["kdf", "parallelism"], Value::from(0)),
        Err(SealError::OutOfRange { .. })
    ));
    assert!(matches!(
        with(&["kdf", "parallelism"], Value::from(4)),
        Err(SealError::OutOfRange { min: 32, .. })
    ));
    assert_eq!(
        with(&["kdf", "name"], Value::from("scrypt")),
        Err(SealError::Unsupported {
            field: "kdf.name".into(),
            value: "scrypt".into()
        })
    );
    assert!(matches!(
        with(&["cipher", "nonce"], Value::from("AAAA")),
        Err(SealError::Damaged { field, .. }) if field == "cipher.nonce"
    ));
    assert_eq!(
        with(&["version"], Value::from(2)),
        Err(SealError::TooNew {
            found: 2,
            supported: 1
        })
    );
    assert!(matches!(
        with(&["extra"], Value::from(1)),
        Err(SealError::Damaged { .. })
    ));
    assert_eq!(
        sealed::open(r#"{"format":"mutasi-planner-plan"}"#, PASS),
        Err(SealError::NotSealed)
    );
    assert_eq!(sealed::open("", PASS), Err(SealError::NotSealed));
    // A header change that still derives: the cipher's associated data.
    assert_eq!(
        with(&["compression"], Value::from("deflate ")),
        Err(SealError::Unsupported {
            field: "compression".into(),
            value: "deflate ".into()
        })
    );
}

fn mutate(text: &str, ops: &[(usize, u8, u8)]) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    for &(at, op, value) in ops {
        if bytes.is_empty() {
            bytes.push(value);
            continue;
        }
        let at = at % bytes.len();
        match op % 4 {
            0 => bytes[at] = value,
            1 => {
                bytes.remove(at);
            }
            2 => bytes.insert(at, value),
            _ => bytes.truncate(at),
        }
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Damaged envelopes: never a panic, never opened.
    #[test]
    fn damaged_envelopes_never_open(ops in prop::collection::vec((any::<usize>(), any::<u8>(), any::<u8>()), 1..6)) {
        let text = small_sealed();
        let changed = mutate(&text, &ops);
        let opened = std::str::from_utf8(&changed).map(|t| sealed::open(t, PASS));
        if let Ok(Ok(plain)) = opened {
            // Only a change that left the JSON's meaning whole may open.
            let a: Value = serde_json::from_slice(&changed).unwrap();
            let b: Value = serde_json::from_str(&text).unwrap();
            prop_assert_eq!(a, b);
            prop_assert_eq!(plain, r#"{"a":"b"}"#);
        }
    }

    /// Any text at all: never a panic.
    #[test]
    fn any_text_is_refused_without_a_panic(text in ".{0,300}") {
        prop_assert!(sealed::open(&text, PASS).is_err());
    }
}

/// A locked local storage: the entry holds nothing readable, opens only
/// with its key, and the worker's unlock gives back the same key.
#[test]
fn a_locked_workspace_opens_only_with_its_key() {
    use mutasi_planner::core::demo::{generate, DemoConfig};
    use mutasi_planner::core::io::storage_codec::{self, StorageError};
    let ws = generate(&DemoConfig {
        asn: 60,
        ..DemoConfig::default()
    });
    let key = sealed::new_key(PASS, &[5; 16], CHEAP).unwrap();
    let one = storage_codec::encode_locked(&ws, "2026-12-03T08:00:00Z", &key, &[6; 24]).unwrap();
    let two = storage_codec::encode_locked(&ws, "2026-12-03T08:00:00Z", &key, &[7; 24]).unwrap();
    assert_ne!(one.text, two.text, "a fresh nonce each save");
    assert_eq!(one.fingerprint, two.fingerprint);
    assert_eq!(one.fingerprint, storage_codec::fingerprint(&ws));
    for a in &ws.asn {
        assert!(!one.text.contains(&a.nip.to_string()) && !one.text.contains(&a.name));
    }
    assert!(!one.text.contains(&ws.name));
    assert_eq!(storage_codec::decode(&one.text), Err(StorageError::Locked));
    assert_eq!(
        storage_codec::decode_with(&one.text, Some(&key))
            .unwrap()
            .workspace,
        ws
    );
    let other = sealed::new_key("another long passphrase", &[5; 16], CHEAP).unwrap();
    assert_eq!(
        storage_codec::decode_with(&one.text, Some(&other)),
        Err(StorageError::Locked)
    );
    // A plain entry still reads with a key at hand.
    let plain = storage_codec::encode(&ws, "t");
    assert!(storage_codec::decode_with(&plain.text, Some(&key)).is_ok());
    assert_eq!(storage_codec::locked_data(&plain.text), None);

    // The worker: a new key needs 12 characters; unlocking gives the key.
    let (outcome, _) = run(
        FileJob::NewKey {
            passphrase: "pendek".into(),
            salt: [1; 16],
        },
        &[],
    );
    assert!(matches!(
        outcome,
        FileOutcome::SealFailed(SealError::PassphraseTooShort { .. })
    ));
    let data = storage_codec::locked_data(&one.text).unwrap();
    let (outcome, bytes) = run(
        FileJob::Unlock {
            passphrase: PASS.into(),
        },
        data.as_bytes(),
    );
    assert_eq!(outcome, FileOutcome::Key(key.clone()));
    assert_eq!(
        plan_file::read(std::str::from_utf8(&bytes).unwrap())
            .unwrap()
            .workspace,
        ws
    );
    let (outcome, bytes) = run(
        FileJob::Unlock {
            passphrase: "kopi jambi pagi har".into(),
        },
        data.as_bytes(),
    );
    assert_eq!(outcome, FileOutcome::SealFailed(SealError::WrongPassphrase));
    assert!(bytes.is_empty());

    // Changed data: refused, never half-read.
    let mut v: Value = serde_json::from_str(&one.text).unwrap();
    let mut inner: Value = serde_json::from_str(v["data"].as_str().unwrap()).unwrap();
    let c = inner["ciphertext"].as_str().unwrap().to_string();
    let flipped = if c.starts_with('A') { "B" } else { "A" };
    inner["ciphertext"] = Value::from(format!("{flipped}{}", &c[1..]));
    v["data"] = Value::from(inner.to_string());
    assert!(matches!(
        storage_codec::decode_with(&v.to_string(), Some(&key)),
        Err(StorageError::Data(_))
    ));
}

#[test]
fn a_key_knows_the_files_it_opens() {
    let key = sealed::new_key(PASS, &[5; 16], CHEAP).unwrap();
    let mine = sealed::seal_with(&key, b"{}", &[1; 24]).unwrap();
    assert!(key.fits(&mine));
    let salted = sealed::seal(b"{}", PASS, &[6; 16], &[1; 24], CHEAP).unwrap();
    assert!(!key.fits(&salted), "another salt");
    let other = sealed::seal(b"{}", "another long passphrase", &[5; 16], &[1; 24], CHEAP).unwrap();
    assert!(!key.fits(&other), "another passphrase");
    assert!(!key.fits("{}"));
}

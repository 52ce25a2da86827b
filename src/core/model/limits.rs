//! The bounds of every number and list a workspace may hold. A plan file
//! or a stored workspace outside them is refused by validation, with the
//! field named ([`super::Workspace::validate`]), before a number reaches an
//! allocation or a sum: a file must not carry what the settings cannot
//! offer, nor a seat count that no province has.

/// Slots of one opening (the Kebutuhan page offers 1–99).
pub const MAX_SLOTS: u32 = 99;
/// Seats all openings of one round offer together.
pub const MAX_ROUND_SLOTS: u64 = 100_000;
/// The need (formasi) of one position.
pub const MAX_NEED: u32 = 9_999;
/// ASN, positions, agencies' units, audit lines and moves of a workspace:
/// several times a province's ASN (tens of thousands).
pub const MAX_ROWS: usize = 200_000;
/// Rounds of a workspace, scenarios of a round, versions of a procedure.
pub const MAX_ROUNDS: usize = 200;
pub const MAX_SCENARIOS: usize = 50;
pub const MAX_VERSIONS: u32 = 999;
/// Constraints of one scenario.
pub const MAX_CONSTRAINTS: usize = 10_000;
/// Wishes (preferences) of one ASN: a card carries at most five.
pub const MAX_PREFERENCES: usize = 20;
/// Performance records of one ASN (a quarter a year for a whole career).
pub const MAX_RECORDS: usize = 400;
/// A weight of the objective or of a Profile Matching aspect, and a
/// percentage (the Skenario page's sliders go to 100).
pub const MAX_WEIGHT: u16 = 100;
/// Months a rule may name: the shortest tenure (0–120), the longest
/// (0–180), and the look-backs and buffers (0–60).
pub const MAX_MIN_TENURE: u16 = 120;
pub const MAX_MAX_TENURE: u16 = 180;
pub const MAX_LOOKBACK: u16 = 60;
/// Years of a performance period.
pub const FIRST_YEAR: i32 = 1900;
pub const LAST_YEAR: i32 = 2200;
/// Comment numbers within a round.
pub const MAX_COMMENT_ID: u32 = 999_999;
/// The evaluation's settings: periods without improvement (1–12) and
/// mentees per mentor (1–20).
pub const MAX_PERIODS: u8 = 12;
pub const MAX_MENTEES: u8 = 20;

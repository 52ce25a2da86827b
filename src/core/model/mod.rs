//! The domain model: typed, documented, serde-serialisable. The glossary in
//! README.md explains the Indonesian terms (ASN, OPD, NIP, golongan, SKP,
//! predikat ...); each type's documentation gives the rule behind a field.

mod agency;
mod asn;
mod competency;
pub mod limits;
mod nip;
mod performance;
mod position;
mod procedure;
mod rank;
mod region;
mod shared;
mod validate;
mod workspace;

pub use agency::*;
pub use asn::*;
pub use competency::*;
pub use nip::*;
pub use performance::*;
pub use position::*;
pub use procedure::*;
pub use rank::*;
pub use region::*;
pub use shared::Shared;
pub use validate::*;
pub use workspace::*;

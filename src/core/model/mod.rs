//! The domain model: typed, documented, serde-serialisable. See
//! `docs/GLOSSARY.md` for the Indonesian terms and ../shared/DOMAIN.md for
//! the rules behind each field.

mod agency;
mod asn;
mod competency;
mod nip;
mod performance;
mod position;
mod rank;
mod region;
mod validate;
mod workspace;

pub use agency::*;
pub use asn::*;
pub use competency::*;
pub use nip::*;
pub use performance::*;
pub use position::*;
pub use rank::*;
pub use region::*;
pub use validate::*;
pub use workspace::*;

//! The pages of the navigation and the panels they are built from.
//!
//! Pages, in navigation order: [`kebutuhan`] (needs and openings),
//! [`pegawai`], [`jabatan`], [`skenario`] (with [`policy`] and [`points`],
//! its settings),
//! [`hasil`] (a folder, one module per tab; [`sosialisasi`] is its
//! socialisation tab, [`procedure`] its procedure tab and the status bar
//! every page shows, [`agenda`] the review meeting's agenda and minutes, [`clearance`] the procedure's checklist of transfers
//! between governments, [`comments`] and [`decree`] its panels), [`evaluasi`]
//! and [`data`] (plan files, with [`sheet_import`], [`cards_import`],
//! [`sealed`] for encrypted files and [`wipe`] for a shared computer).
//! [`start`] is the welcome and the next step; [`rounds`] makes rounds and scenarios. [`labels`] holds the words the
//! result pages share. A page reads the state and renders; every change goes
//! through `AppState::apply` with a `core::edit::Edit`.

pub mod agenda;
pub mod cards_import;
pub mod clearance;
pub mod comments;
pub mod data;
pub mod decree;
pub mod evaluasi;
pub mod hasil;
pub mod jabatan;
pub mod kebutuhan;
pub mod labels;
pub mod objections_import;
pub mod pegawai;
pub mod points;
pub mod policy;
pub mod procedure;
pub mod rounds;
pub mod sealed;
pub mod sheet_import;
pub mod skenario;
pub mod sosialisasi;
pub mod start;
pub mod wipe;

//! One module per page of the navigation.

pub mod cards_import;
pub mod comments;
pub mod data;
pub mod decree;
pub mod evaluasi;
pub mod hasil;
pub mod jabatan;
pub mod kartu;
pub mod kebutuhan;
pub mod pegawai;
pub mod policy;
pub mod sheet_import;
pub mod skenario;
pub mod sosialisasi;

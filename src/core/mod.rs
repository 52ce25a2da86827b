//! The pure core of the planner: no browser, no clock, no randomness that is
//! not seeded. Everything here compiles and is tested natively.

pub mod assign;
pub mod browse;
pub mod date;
pub mod demo;
pub mod edit;
pub mod engine;
pub mod evaluate;
pub mod fit;
pub mod io;
pub mod model;
pub mod move_class;
pub mod participation;
pub mod rng;
pub mod rules;
pub mod sort;
pub mod timing;

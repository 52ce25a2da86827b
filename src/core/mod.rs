//! The pure core of the planner: no browser, no clock, no randomness that is
//! not seeded, no words of the UI. Everything here compiles and is tested
//! natively.
//!
//! - The workspace: [`model`] (types and validation), [`edit`] (every change
//!   a user makes, applied or refused as a whole), [`demo`] (the seeded
//!   Jambi generator), [`date`], [`rng`], [`sort`] (the one stable sort),
//!   [`text`] (messages cut short).
//! - The plan: [`rules`] (eligibility), [`fit`] (Profile Matching),
//!   [`move_class`] (lawful career steps), [`titles`] (the level a
//!   regional title tells), [`timing`] (Pilkada windows),
//!   [`engine`] (model, solvers, explanations, reports, plan views) over
//!   [`assign`] (linear assignment).
//! - Around the plan: [`procedure`] (draft → publication → review →
//!   decision → decree, frozen versions and their fingerprints),
//!   [`participation`] (comments and objections),
//!   [`evaluate`] (performance after the moves, follow-ups), [`browse`]
//!   (table views), [`io`] (files in and out).

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
pub mod procedure;
pub mod rng;
pub mod rules;
pub mod sort;
pub mod text;
pub mod timing;
pub mod titles;

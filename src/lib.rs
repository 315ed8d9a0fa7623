//! learncity: a terminal reader for reports about UNESCO Learning Cities.
//!
//! The modules are public so that the integration tests and benchmarks can
//! reach them; the binary is a thin shell over them.

pub mod alloc;
pub mod cache;
pub mod cli;
pub mod clock;
pub mod config;
pub mod corpus;
pub mod facets;
pub mod gnlc;
pub mod i18n;
pub mod parallel;
pub mod search;
pub mod state;
pub mod stats;
pub mod stderr;
pub mod text;
pub mod tui;

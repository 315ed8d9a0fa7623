//! Helpers shared by the integration tests. Each test file that wants them
//! says `mod common;`; a file uses only some of them, hence the allow.
#![allow(dead_code)]

pub mod pty;
pub mod reader;
pub mod screen;

//! The corpus: its model, the loader that checks and cleans any corpus
//! file, and the corpus bundled in the binary.

mod budget;
mod bundled;
mod describe;
mod error;
pub mod import;
mod load;
pub mod locate;
mod model;
pub mod order;
mod quotes;
mod raw;
mod schema;
mod stream;
mod validate;

pub use budget::{limit_for, Left, ALLOWANCE};
pub use bundled::{bundled, BUNDLED_JSON, BUNDLED_NAME};
pub use error::{LoadError, Location, Problem};
pub(crate) use load::human_bytes;
pub use load::{
    display_name, io_reason, json_reason, load_bytes, load_file, load_file_hashed,
    load_file_with_limit, read_file, MAX_DEPTH, MAX_FILE_BYTES,
};
pub use model::*;
pub use validate::current_year;

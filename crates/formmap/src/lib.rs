//! DOM-free knowledge of the WeChat filing form: which label means which draft field.
//!
//! The content script reads label texts, section headings and values off the page; everything it
//! decides about them lives here so that native tests reach it:
//! - [`synonyms`]: the ONE table of label synonyms, grouped by concept (a label change on the live
//!   page is one line there), and the section-heading table;
//! - [`label`]: label normalisation (`*`, `：`, `（选填）`, whitespace) and matching;
//! - [`path`]: (section, concept, position in the row) → contracts.md §1 field path;
//! - [`page`]: is this page a filing form?
//! - [`assemble`]: (path, value) pairs → [`beian_rules::Draft`].

pub mod assemble;
pub mod label;
pub mod page;
pub mod path;
pub mod synonyms;

pub use assemble::{assemble, UploadMeta, Value};
pub use label::{match_label, match_placeholder, match_section, normalize_label};
pub use path::{field_path, upload_slot};
pub use synonyms::{Concept, Section};

//! Filing stage tracking (contracts.md §5, rules.md §F). TODO: being written.

pub mod event;
pub use event::{Event, EventSource, Stage};

//! Field paths (contracts.md §1) and their Chinese/English labels for people-facing output.
//! TODO: being written.

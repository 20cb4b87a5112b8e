//! Reference data: GB/T 2260 division codes (current and abolished), provinces, certificate types.
//! TODO: being written (generated tables with provenance).

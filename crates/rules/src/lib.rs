//! The filing-form rule catalogue: a pure function from a [`Draft`] to [`Report`] findings.
//!
//! Invariants (see ARCHITECTURE.md): no I/O, no clock (`today` is a parameter), no DOM, no panics on
//! any input. The same code runs natively (`beian check`, the helper) and in wasm32 (content script,
//! popup). Each rule family lives in one file under `families/` with its own tests; ids are listed
//! once in [`catalog`].

pub mod catalog;
pub mod data;
pub mod date;
pub mod draft;
mod families;
pub mod fields;
pub mod finding;
pub mod ids;
pub mod normalize;
#[cfg(test)]
mod test_fixtures;

pub use catalog::{Family, Rule};
pub use date::Date;
pub use draft::Draft;
pub use finding::{Finding, Report, Severity, Summary};

/// How a draft is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// The day the check is made; every "expiring", "minor" and "in the future" verdict is relative to it.
    pub today: Date,
    /// `true` on submit / `--complete`: missing fields are reported by the `*_required` rules.
    /// `false` while typing: absent or empty fields yield nothing.
    pub complete: bool,
}

/// Runs every rule on `draft`. Findings come in form order (subject, subject_principal, app,
/// app_principal, materials), then by severity.
pub fn check(draft: &Draft, options: &Options) -> Report {
    let ctx = families::Ctx::new(draft, options);
    let mut findings = Vec::new();
    families::run_all(&ctx, &mut findings);
    Report::from_findings(findings)
}

//! Findings: what a rule reports, and the report of a whole check (contracts.md §2).

use crate::catalog::Rule;
use serde::{Serialize, Serializer};

/// How bad a finding is. `Error`: the platform or bureau will refuse it; `Warning`: a frequent cause
/// of rejection or a likely mistake; `Info`: advice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

impl Serialize for Severity {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One problem with one field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub rule: Rule,
    pub severity: Severity,
    /// Dotted path of contracts.md §1, e.g. `subject_principal.mobile`, `materials.uploads[0]`.
    pub field: String,
    /// Chinese message: what is wrong and how to fix it.
    pub message: String,
    pub message_en: String,
}

impl Finding {
    pub fn new(
        rule: Rule,
        severity: Severity,
        field: impl Into<String>,
        message: impl Into<String>,
        message_en: impl Into<String>,
    ) -> Self {
        Finding { rule, severity, field: field.into(), message: message.into(), message_en: message_en.into() }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub error: u32,
    pub warning: u32,
    pub info: u32,
}

/// The result of checking one draft: findings JSON of contracts.md §2.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Report {
    pub findings: Vec<Finding>,
    pub summary: Summary,
}

/// Position of a field path's section in the form; unknown sections sort last.
pub fn section_rank(field: &str) -> u8 {
    let head = field.split(['.', '[']).next().unwrap_or("");
    match head {
        "subject" => 0,
        "subject_principal" => 1,
        "legal_person" => 2,
        "app" => 3,
        "app_principal" => 4,
        "admin" => 5,
        "materials" => 6,
        _ => 7,
    }
}

impl Report {
    /// Orders findings (form order, then severity; stable otherwise) and counts them.
    pub fn from_findings(mut findings: Vec<Finding>) -> Self {
        // The families run in form order, so the findings mostly arrive sorted (or there are none):
        // checking that is cheaper than sorting, and a stable sort would leave them as they are.
        let key = |f: &Finding| (section_rank(&f.field), f.severity);
        if !findings.is_sorted_by_key(key) {
            findings.sort_by_key(key);
        }
        let mut summary = Summary::default();
        for f in &findings {
            match f.severity {
                Severity::Error => summary.error += 1,
                Severity::Warning => summary.warning += 1,
                Severity::Info => summary.info += 1,
            }
        }
        Report { findings, summary }
    }

    pub fn has_errors(&self) -> bool {
        self.summary.error > 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_orders_by_section_then_severity() {
        let f = |rule, sev, field: &str| Finding::new(rule, sev, field, "", "");
        let r = Report::from_findings(vec![
            f(Rule::UploadFormat, Severity::Error, "materials.uploads[0]"),
            f(Rule::PersonEmailTypo, Severity::Warning, "subject_principal.email"),
            f(Rule::PersonMobileFormat, Severity::Error, "subject_principal.mobile"),
            f(Rule::SubjectNameRequired, Severity::Error, "subject.name"),
        ]);
        let order: Vec<_> = r.findings.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(order, ["subject.name", "subject_principal.mobile", "subject_principal.email", "materials.uploads[0]"]);
        assert_eq!(r.summary, Summary { error: 3, warning: 1, info: 0 });
    }

    #[test]
    fn finding_serialises_as_contract() {
        let f = Finding::new(Rule::PersonEmergencySame, Severity::Error, "subject_principal.emergency_mobile", "中", "en");
        let v = serde_json::to_value(&f).unwrap();
        assert_eq!(v["rule"], "person_emergency_same");
        assert_eq!(v["severity"], "error");
        assert_eq!(v["field"], "subject_principal.emergency_mobile");
        assert_eq!(v["message_en"], "en");
    }
}

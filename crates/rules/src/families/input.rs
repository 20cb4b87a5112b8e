//! §0 Any field: `input_fullwidth`, for code-like values (certificate numbers, mobiles, e-mails, appid)
//! that normalisation had to repair. The platform compares the raw text, so `１３８…` or
//! `110105 1949…` fails its checks even though our rules, which normalise, would accept it.
//!
//! This family owns the rule for persons too: the person family does not repeat it.

use super::Ctx;
use crate::catalog::Rule;
use crate::draft::Person;
use crate::finding::{Finding, Severity};
use crate::normalize::{self, Normalized};

/// How a code-like field is normalised.
#[derive(Clone, Copy)]
enum Kind {
    /// Certificate numbers: upper-cased (a lower-case `x` is fixed by the platform itself, not reported).
    IdNumber,
    /// Mobile numbers: separators and country prefix removed.
    Phone,
    /// E-mail addresses and the appid: case kept.
    Plain,
}

impl Kind {
    fn normalize(self, raw: &str) -> Normalized<'_> {
        match self {
            Kind::IdNumber => normalize::code(raw, true),
            Kind::Phone => normalize::phone(raw),
            Kind::Plain => normalize::code(raw, false),
        }
    }
}

pub(super) fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let draft = ctx.draft;
    if let Some(subject) = &draft.subject {
        report(out, ("subject", "certificate_number"), "证件号码", &subject.certificate_number, Kind::IdNumber);
    }
    for (prefix, person) in ctx.persons() {
        // With "复用主体负责人信息" the merged person holds the subject principal's values; those are
        // reported under subject_principal already. Only what the app principal's page shows counts.
        let page = if prefix == "app_principal" { draft.app_principal.as_ref() } else { Some(person) };
        let Some(page) = page else { continue };
        person_fields(out, prefix, page);
    }
    if let Some(legal) = &draft.legal_person {
        report(out, ("legal_person", "certificate_number"), "法定代表人证件号码", &legal.certificate_number, Kind::IdNumber);
    }
    if let Some(admin) = &draft.admin {
        report(out, ("admin", "certificate_number"), "管理员证件号码", &admin.certificate_number, Kind::IdNumber);
    }
    if let Some(app) = &draft.app {
        report(out, ("app", "appid"), "AppID", &app.appid, Kind::Plain);
    }
}

fn person_fields(out: &mut Vec<Finding>, prefix: &str, p: &Person) {
    let fields: [(&str, &str, &Option<String>, Kind); 4] = [
        ("certificate_number", "证件号码", &p.certificate_number, Kind::IdNumber),
        ("mobile", "手机号", &p.mobile, Kind::Phone),
        ("emergency_mobile", "应急手机号", &p.emergency_mobile, Kind::Phone),
        ("email", "邮箱", &p.email, Kind::Plain),
    ];
    for (name, label, value, kind) in fields {
        report(out, (prefix, name), label, value, kind);
    }
}

/// `path` is (section, field): the dotted path is only built for a finding, as nearly every value
/// is clean.
fn report(out: &mut Vec<Finding>, path: (&str, &str), label: &str, value: &Option<String>, kind: Kind) {
    let Some(raw) = normalize::present(value) else { return };
    let n = kind.normalize(raw);
    if !n.needs_fix() {
        return;
    }
    let path = format!("{}.{}", path.0, path.1);
    let (zh, en) = match (n.had_fullwidth, n.had_inner_space) {
        (true, true) => ("含全角字符和空格", "full-width characters and spaces"),
        (true, false) => ("含全角字符", "full-width characters"),
        _ if matches!(kind, Kind::Phone) => ("含空格或分隔符", "spaces or separators"),
        _ => ("含空格", "spaces"),
    };
    out.push(Finding::new(
        Rule::InputFullwidth,
        Severity::Warning,
        path.as_str(),
        format!("{label}{zh}：平台按原文比对，请改用半角字符并去掉空格后重新输入。"),
        format!("The {path} value contains {en}; the platform compares the raw text, so retype it in half-width characters without spaces."),
    ));
}

#[cfg(test)]
mod tests {
    use crate::draft::{Admin, App, Draft, Person, Subject};
    use crate::{check, Date, Options, Rule};

    fn findings(d: &Draft) -> Vec<(Rule, String)> {
        let options = Options { today: Date::new(2026, 11, 23).unwrap(), complete: false };
        let mut out = Vec::new();
        super::check(&super::Ctx::new(d, &options), &mut out);
        assert!(out.iter().all(|f| f.rule == Rule::InputFullwidth && f.severity == crate::Severity::Warning));
        // The public entry point sees the same findings.
        let all = check(d, &options);
        assert_eq!(all.findings.iter().filter(|f| f.rule == Rule::InputFullwidth).count(), out.len());
        out.into_iter().map(|f| (f.rule, f.field)).collect()
    }

    fn person(number: &str, mobile: &str, emergency: &str, email: &str) -> Person {
        Person {
            name: Some("张三".into()),
            certificate_number: Some(number.into()),
            mobile: Some(mobile.into()),
            emergency_mobile: Some(emergency.into()),
            email: Some(email.into()),
            ..Person::default()
        }
    }

    #[test]
    fn clean_half_width_values_give_nothing() {
        let d = Draft {
            subject: Some(Subject { certificate_number: Some(" 91440300MA5G1K2P8N ".into()), ..Subject::default() }),
            subject_principal: Some(person(
                "11010519491231002x",
                "13800138000",
                "+8613900139000",
                "zhangsan@example.com",
            )),
            app: Some(App { appid: Some("wx0123456789abcdef".into()), ..App::default() }),
            ..Draft::default()
        };
        assert_eq!(findings(&d), []);
    }

    #[test]
    fn full_width_and_inner_spaces_are_reported_per_field() {
        let d = Draft {
            subject: Some(Subject {
                certificate_number: Some("９１４４０３００MA5G1K2P8N".into()),
                ..Subject::default()
            }),
            subject_principal: Some(person(
                "110105 19491231002X",
                "138-0013-8000",
                "13900139000",
                "zhangsan＠example.com",
            )),
            admin: Some(Admin {
                certificate_number: Some("１１０１０５１９４９１２３１００２Ｘ".into()),
                ..Admin::default()
            }),
            app: Some(App { appid: Some("wx0123456789ａｂｃdef".into()), ..App::default() }),
            ..Draft::default()
        };
        let got = findings(&d);
        let fields: Vec<&str> = got.iter().map(|(_, f)| f.as_str()).collect();
        assert_eq!(
            fields,
            [
                "subject.certificate_number",
                "subject_principal.certificate_number",
                "subject_principal.mobile",
                "subject_principal.email",
                "admin.certificate_number",
                "app.appid"
            ]
        );
    }

    #[test]
    fn reused_app_principal_reports_only_what_its_page_shows() {
        let mut d = Draft {
            subject_principal: Some(person(
                "11010519491231002X",
                "１３８００１３８０００",
                "13900139000",
                "a@example.com",
            )),
            app_principal: Some(Person { reuse_subject_principal: Some(true), ..Person::default() }),
            ..Draft::default()
        };
        assert_eq!(findings(&d), [(Rule::InputFullwidth, "subject_principal.mobile".to_string())]);
        d.app_principal.as_mut().unwrap().email = Some("ｂ@example.com".into());
        let got = findings(&d);
        assert_eq!(got.len(), 2);
        assert_eq!(got[1].1, "app_principal.email");
    }

    #[test]
    fn blank_or_absent_values_say_nothing() {
        let d = Draft {
            subject: Some(Subject { certificate_number: Some("\u{3000} ".into()), ..Subject::default() }),
            app_principal: Some(Person { mobile: Some(String::new()), ..Person::default() }),
            ..Draft::default()
        };
        assert_eq!(findings(&d), []);
    }
}

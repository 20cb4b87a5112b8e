//! §D rules across people and sections: shared contact details between different people, the same
//! person described two ways, the app principal against the admin's real-name info, individuals'
//! principal and residence proof.
//!
//! A finding names the later field in form order (the app principal's, after the subject
//! principal's), since that is the one the user typed last and usually the one to change.

use super::Ctx;
use crate::catalog::Rule;
use crate::draft::Person;
use crate::finding::{Finding, Severity};
use crate::ids;
use crate::normalize;
use std::borrow::Cow;

pub(super) fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    if let (Some(subject_principal), Some(app_principal)) = (&ctx.draft.subject_principal, ctx.app_principal.as_deref()) {
        match same_person(subject_principal, app_principal) {
            Some(false) => shared_contacts(subject_principal, app_principal, out),
            Some(true) => inconsistent(subject_principal, app_principal, out),
            None => {}
        }
    }
    app_principal_admin(ctx, out);
    personal_principal(ctx, out);
    residence_proof(ctx, out);
}

/// 15–20 characters of digits and `X`: a resident ID, possibly mistyped.
fn looks_like_resident_id(n: &str) -> bool {
    (15..=20).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit() || b == b'X')
}

fn id_key(p: &Person) -> Option<Cow<'_, str>> {
    normalize::present(&p.certificate_number).map(|s| normalize::code(s, true).value)
}

/// A name as compared: the characters of [`normalize::name_key`], without allocating.
fn name_chars(name: &Option<String>) -> Option<impl Iterator<Item = char> + '_> {
    let name = normalize::present(name)?;
    Some(name.chars().filter(|c| !c.is_whitespace() && *c != '\u{3000}').map(normalize::halfwidth_char))
}

/// `Some(true)` when both names are given and equal, `Some(false)` when both are given and differ.
fn same_name(a: &Option<String>, b: &Option<String>) -> Option<bool> {
    Some(name_chars(a)?.eq(name_chars(b)?))
}

fn phone_key(v: &Option<String>) -> Option<Cow<'_, str>> {
    normalize::present(v).map(|s| normalize::phone(s).value)
}

/// E-mail addresses compare case-insensitively (domains always are; providers treat local parts so).
fn same_email(a: &Option<String>, b: &Option<String>) -> Option<bool> {
    let key = |v| normalize::present(v).map(|s| normalize::code(s, false).value);
    Some(key(a)?.eq_ignore_ascii_case(&key(b)?))
}

/// `Some(true)` same person, `Some(false)` different people, `None` not enough to tell.
///
/// The ID number decides; when it differs but the names agree, one number is more likely mistyped
/// (the ID rules say so) than two namesakes sharing a phone, so that is not called "different".
fn same_person(a: &Person, b: &Person) -> Option<bool> {
    let names = same_name(&a.name, &b.name);
    match (id_key(a), id_key(b)) {
        (Some(x), Some(y)) if x == y => Some(true),
        (Some(_), Some(_)) if names == Some(true) => None,
        (Some(_), Some(_)) => Some(false),
        _ => names,
    }
}

fn shared_contacts(sp: &Person, ap: &Person, out: &mut Vec<Finding>) {
    let (sp_mobile, ap_mobile) = (phone_key(&sp.mobile), phone_key(&ap.mobile));
    let (sp_emergency, ap_emergency) = (phone_key(&sp.emergency_mobile), phone_key(&ap.emergency_mobile));
    let same = |a: &Option<Cow<str>>, b: &Option<Cow<str>>| a.is_some() && a == b;

    if same(&sp_mobile, &ap_mobile) {
        out.push(Finding::new(
            Rule::CrossMobileShared,
            Severity::Error,
            "app_principal.mobile",
            "主体负责人和小程序负责人是不同的人，不能使用同一个手机号，请填写小程序负责人本人的手机号。",
            "The subject principal and the app principal are different people and cannot share a mobile; enter the app principal's own number.",
        ));
    }
    // One's emergency number is the other's mobile: the emergency contact must be a third person.
    if same(&sp_emergency, &ap_mobile) {
        out.push(emergency_finding("subject_principal.emergency_mobile"));
    }
    if same(&sp_emergency, &ap_emergency) || same(&ap_emergency, &sp_mobile) {
        out.push(emergency_finding("app_principal.emergency_mobile"));
    }
    if same_email(&sp.email, &ap.email) == Some(true) {
        out.push(Finding::new(
            Rule::CrossEmailShared,
            Severity::Error,
            "app_principal.email",
            "主体负责人和小程序负责人是不同的人，不能使用同一个邮箱，请填写小程序负责人本人的邮箱。",
            "Different principals cannot share an e-mail address; enter the app principal's own.",
        ));
    }
}

fn emergency_finding(field: &str) -> Finding {
    Finding::new(
        Rule::CrossEmergencyShared,
        Severity::Error,
        field,
        "两位负责人的应急联系方式不能相同，也不能是另一位负责人的手机号，请填写第三人的手机号。",
        "The two principals' emergency numbers must differ from each other and from the other principal's mobile; use a third person's number.",
    )
}

fn inconsistent(sp: &Person, ap: &Person, out: &mut Vec<Finding>) {
    fn differs<T: PartialEq>(a: Option<T>, b: Option<T>) -> bool {
        matches!((a, b), (Some(x), Some(y)) if x != y)
    }
    let checks = [
        ("name", "姓名", "name", same_name(&sp.name, &ap.name) == Some(false)),
        ("mobile", "手机号", "mobile", differs(phone_key(&sp.mobile), phone_key(&ap.mobile))),
        ("emergency_mobile", "应急手机号", "emergency mobile", differs(phone_key(&sp.emergency_mobile), phone_key(&ap.emergency_mobile))),
        ("email", "邮箱", "e-mail", same_email(&sp.email, &ap.email) == Some(false)),
    ];
    for (field, zh, en, different) in checks {
        if different {
            out.push(Finding::new(
                Rule::CrossSamePersonInconsistent,
                Severity::Warning,
                format!("app_principal.{field}"),
                format!("小程序负责人与主体负责人证件号相同，是同一人，但{zh}不一致，请统一填写。"),
                format!("The app principal has the subject principal's ID number, so is the same person, but the {en} differs; make them match."),
            ));
        }
    }
}

/// Compares a value with the admin's, where the admin's may be masked (`张*`, `1101**********002X`):
/// `*` (already half-width) matches any one character.
fn matches_masked(value: impl Iterator<Item = char>, admin: impl Iterator<Item = char>) -> bool {
    let (mut value, mut admin) = (value, admin);
    loop {
        match (value.next(), admin.next()) {
            (None, None) => return true,
            (Some(v), Some(a)) if a == '*' || v == a => {}
            _ => return false,
        }
    }
}

fn app_principal_admin(ctx: &Ctx, out: &mut Vec<Finding>) {
    let (Some(ap), Some(admin)) = (ctx.app_principal.as_deref(), &ctx.draft.admin) else { return };
    if let (Some(name), Some(admin_name)) = (name_chars(&ap.name), name_chars(&admin.name)) {
        if !matches_masked(name, admin_name) {
            out.push(Finding::new(
                Rule::CrossAppPrincipalAdmin,
                Severity::Error,
                "app_principal.name",
                "小程序负责人须是小程序管理员本人，姓名与管理员实名信息不一致，请更换管理员或负责人。",
                "The app principal must be the mini program's admin; the name differs from the admin's real-name info. Change the admin or the principal.",
            ));
        }
    }
    let admin_number = normalize::present(&admin.certificate_number).map(|s| normalize::code(s, true).value);
    if let (Some(number), Some(admin_number)) = (id_key(ap), admin_number) {
        // A number that fails the ID checks is reported by them; saying it also differs from the
        // admin's would report one typo twice.
        let malformed = looks_like_resident_id(&number) && ids::resident_id_problem(&number, ctx.today).is_some();
        if !malformed && !matches_masked(number.chars(), admin_number.chars()) {
            out.push(Finding::new(
                Rule::CrossAppPrincipalAdmin,
                Severity::Error,
                "app_principal.certificate_number",
                "小程序负责人证件号与管理员实名信息不一致，负责人须是管理员本人，请核对。",
                "The app principal's ID number differs from the admin's real-name info; the principal must be the admin.",
            ));
        }
    }
}

fn personal_subject(ctx: &Ctx) -> bool {
    ctx.draft.subject.as_ref().and_then(|s| normalize::present(&s.nature)) == Some("个人")
}

fn personal_principal(ctx: &Ctx, out: &mut Vec<Finding>) {
    if !personal_subject(ctx) {
        return;
    }
    let subject_number = ctx.draft.subject.as_ref().and_then(|s| normalize::present(&s.certificate_number));
    let (Some(subject_number), Some(principal)) = (subject_number, &ctx.draft.subject_principal) else { return };
    let Some(principal_number) = id_key(principal) else { return };
    let subject_number = normalize::code(subject_number, true);
    // Only two valid numbers name two people; an invalid one is a typo the ID rules report.
    let valid = |n: &str| ids::resident_id_problem(n, ctx.today).is_none();
    if subject_number.value != principal_number && valid(&subject_number.value) && valid(&principal_number) {
        out.push(Finding::new(
            Rule::CrossPersonalPrincipal,
            Severity::Error,
            "subject_principal.certificate_number",
            "个人备案的主体负责人必须是备案人本人，证件号码应与主办者证件号码一致。",
            "For a personal filing the principal is the filer: the ID number must equal the subject's.",
        ));
    }
}

/// Provinces that refuse an individual from elsewhere without residence proof (seed 003 #14).
const PROOF_REQUIRED_PROVINCES: &[u8] = &[22, 31, 32, 33, 34, 37, 42, 44, 51, 52, 53];

fn residence_proof(ctx: &Ctx, out: &mut Vec<Finding>) {
    let draft = ctx.draft;
    if !personal_subject(ctx) || !(ctx.complete || draft.materials.is_some()) {
        return;
    }
    let Some(subject) = &draft.subject else { return };
    let Some(province) = ctx.province else { return };
    let number = normalize::present(&subject.certificate_number)
        .or_else(|| draft.subject_principal.as_ref().and_then(|p| normalize::present(&p.certificate_number)));
    let Some(number) = number else { return };
    let number = normalize::code(number, true);
    // Only a valid number tells where its holder is registered; invalid ones are reported elsewhere.
    if ids::resident_id_problem(&number.value, ctx.today).is_some() {
        return;
    }
    let id_province = number.value.get(..2).and_then(|p| p.parse::<u8>().ok());
    let from_elsewhere = matches!(id_province, Some(81..=83)) || id_province != Some(province.code);
    let materials = draft.materials.as_ref();
    let proof = materials.and_then(|m| m.residence_permit.as_ref()).and_then(|l| l.uploaded) == Some(true)
        || materials.and_then(|m| m.uploads.as_ref()).is_some_and(|uploads| {
            uploads.iter().any(|u| normalize::present(&u.slot) == Some("residence_permit"))
        });
    if !from_elsewhere || proof {
        return;
    }
    let required = PROOF_REQUIRED_PROVINCES.contains(&province.code);
    let (severity, zh, en) = if required {
        (
            Severity::Error,
            format!("身份证不是{}的，在{}以个人备案须上传居住证或临时居住证明。", province.short, province.short),
            format!("The ID card is not from {0}; filing as an individual in {0} requires a residence permit or temporary residence proof.", province.short),
        )
    } else {
        (
            Severity::Warning,
            format!("身份证不是{}的，管局可能要求居住证或临时居住证明，建议提前上传。", province.short),
            format!("The ID card is not from {}; the bureau may ask for residence proof, so consider uploading it.", province.short),
        )
    };
    out.push(Finding::new(Rule::CrossResidenceProof, severity, "materials.residence_permit", zh, en));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::{Admin, Draft, Letter, Materials, Subject};
    use crate::{check, Options};

    use crate::test_fixtures::{adult_principal, today, valid_id};

    fn person(name: &str, number: &str, mobile: &str, emergency: &str, email: &str) -> Person {
        Person {
            name: Some(name.into()),
            certificate_type: Some("居民身份证".into()),
            certificate_number: Some(number.into()),
            validity_start: Some("2015-03-01".into()),
            validity_end: Some("长期".into()),
            mobile: Some(mobile.into()),
            emergency_mobile: Some(emergency.into()),
            email: Some(email.into()),
            ..Person::default()
        }
    }

    fn zhang() -> Person {
        Person { is_legal_representative: None, ..adult_principal() }
    }

    /// Born 1970-01-01 in 东城区.
    fn li() -> Person {
        person("李四", &valid_id("11010119700101001"), "13700137000", "13600136000", "lisi@example.com")
    }

    fn cross(draft: &Draft) -> Vec<(String, String)> {
        check(draft, &Options { today: today(), complete: true })
            .findings
            .into_iter()
            .filter(|f| f.rule.family() == crate::Family::Cross)
            .map(|f| (f.rule.id().to_owned(), f.field))
            .collect()
    }

    fn beian_rules_id_problem(d: &Draft) -> bool {
        let n = d.app_principal.as_ref().and_then(|p| p.certificate_number.as_deref()).unwrap_or("");
        ids::resident_id_problem(n, today()).is_some()
    }

    fn pair(rule: &str, field: &str) -> Vec<(String, String)> {
        vec![(rule.to_owned(), field.to_owned())]
    }

    fn two(sp: Person, ap: Person) -> Draft {
        Draft { subject_principal: Some(sp), app_principal: Some(ap), ..Draft::default() }
    }

    #[test]
    fn different_people_with_own_contacts_are_fine() {
        assert_eq!(cross(&two(zhang(), li())), vec![]);
        assert_eq!(cross(&two(zhang(), zhang())), vec![]);
    }

    #[test]
    fn shared_mobile_names_the_app_principal() {
        let ap = Person { mobile: Some("+86 138 0013 8000".into()), ..li() };
        assert_eq!(cross(&two(zhang(), ap)), pair("cross_mobile_shared", "app_principal.mobile"));
    }

    #[test]
    fn shared_emergency_numbers() {
        let ap = Person { emergency_mobile: Some("13900139000".into()), ..li() };
        assert_eq!(cross(&two(zhang(), ap)), pair("cross_emergency_shared", "app_principal.emergency_mobile"));
        let ap = Person { emergency_mobile: Some("13800138000".into()), ..li() };
        assert_eq!(cross(&two(zhang(), ap)), pair("cross_emergency_shared", "app_principal.emergency_mobile"));
        let sp = Person { emergency_mobile: Some("13700137000".into()), ..zhang() };
        assert_eq!(cross(&two(sp, li())), pair("cross_emergency_shared", "subject_principal.emergency_mobile"));
    }

    #[test]
    fn shared_email_ignores_case() {
        let ap = Person { email: Some("ZhangSan@Example.com".into()), ..li() };
        assert_eq!(cross(&two(zhang(), ap)), pair("cross_email_shared", "app_principal.email"));
    }

    #[test]
    fn missing_ids_fall_back_to_names() {
        let ap = Person { certificate_number: None, mobile: Some("13800138000".into()), ..li() };
        assert_eq!(cross(&two(zhang(), ap)), pair("cross_mobile_shared", "app_principal.mobile"));
        let ap = Person { certificate_number: None, ..zhang() };
        assert_eq!(cross(&two(zhang(), ap)), vec![], "same name, no ID: same person");
        // Different numbers, same name: a mistyped number, not two people sharing a phone.
        let ap = Person { certificate_number: Some("110105194912310021".into()), ..zhang() };
        assert_eq!(cross(&two(zhang(), ap)), vec![]);
    }

    #[test]
    fn same_person_inconsistent_per_field() {
        let ap = Person { mobile: Some("13500135000".into()), email: Some("zs@example.com".into()), ..zhang() };
        let got = cross(&two(zhang(), ap));
        assert_eq!(got, vec![
            ("cross_same_person_inconsistent".to_owned(), "app_principal.mobile".to_owned()),
            ("cross_same_person_inconsistent".to_owned(), "app_principal.email".to_owned()),
        ]);
        let ap = Person { name: Some("张叁".into()), ..zhang() };
        assert_eq!(cross(&two(zhang(), ap)), pair("cross_same_person_inconsistent", "app_principal.name"));
    }

    #[test]
    fn reused_principal_is_consistent() {
        let ap = Person { reuse_subject_principal: Some(true), ..Person::default() };
        assert_eq!(cross(&two(zhang(), ap)), vec![]);
    }

    #[test]
    fn app_principal_against_admin() {
        let with_admin = |name: &str, number: &str| Draft {
            admin: Some(Admin { name: Some(name.into()), certificate_number: Some(number.into()) }),
            ..two(zhang(), li())
        };
        assert_eq!(cross(&with_admin("李四", &li().certificate_number.unwrap())), vec![]);
        assert_eq!(cross(&with_admin("李*", "1101**********001*")), vec![], "masked admin info");
        assert_eq!(cross(&with_admin("王五", &li().certificate_number.unwrap())), pair("cross_app_principal_admin", "app_principal.name"));
        assert_eq!(cross(&with_admin("李四", "11010519491231002X")), pair("cross_app_principal_admin", "app_principal.certificate_number"));
        assert_eq!(cross(&with_admin("王*", "1101**********001*")), pair("cross_app_principal_admin", "app_principal.name"));
        // A mistyped app principal number is the ID rules' finding, not a second one here.
        let typo = Draft { app_principal: Some(Person { certificate_number: Some("110101197001010012".into()), ..li() }), ..with_admin("李四", &li().certificate_number.unwrap()) };
        assert!(beian_rules_id_problem(&typo));
        assert_eq!(cross(&typo), vec![]);
    }

    fn personal(province: &str, subject_number: &str, principal: Person, materials: Option<Materials>) -> Draft {
        Draft {
            subject: Some(Subject {
                province: Some(province.into()),
                nature: Some("个人".into()),
                certificate_number: Some(subject_number.into()),
                ..Subject::default()
            }),
            subject_principal: Some(principal),
            materials,
            ..Draft::default()
        }
    }

    #[test]
    fn personal_principal_is_the_subject() {
        assert_eq!(cross(&personal("北京市", "11010519491231002X", zhang(), None)), vec![]);
        assert_eq!(
            cross(&personal("北京市", &li().certificate_number.unwrap(), zhang(), None)),
            pair("cross_personal_principal", "subject_principal.certificate_number"),
        );
        // A typo in either number is reported by the ID rules only.
        assert_eq!(cross(&personal("北京市", "11010519491231002", zhang(), None)), vec![]);
        assert_eq!(cross(&personal("北京市", "110105194912310021", zhang(), None)), vec![]);
    }

    #[test]
    fn residence_proof_for_individuals_from_elsewhere() {
        let none = || Some(Materials::default());
        let rule = |d: &Draft| check(d, &Options { today: today(), complete: true }).findings.into_iter().find(|f| f.rule == Rule::CrossResidenceProof);
        // A Beijing ID filing in 广东 without proof: error there.
        let f = rule(&personal("广东省", "11010519491231002X", zhang(), none())).expect("finding");
        assert_eq!((f.severity, f.field.as_str()), (Severity::Error, "materials.residence_permit"));
        // In 河北: warning.
        let f = rule(&personal("河北", "11010519491231002X", zhang(), none())).expect("finding");
        assert_eq!(f.severity, Severity::Warning);
        // Home province, or proof uploaded: nothing.
        assert!(rule(&personal("北京", "11010519491231002X", zhang(), none())).is_none());
        let proof = Some(Materials { residence_permit: Some(Letter { uploaded: Some(true), sealed: None }), ..Materials::default() });
        assert!(rule(&personal("广东省", "11010519491231002X", zhang(), proof)).is_none());
        // A Hong Kong residence permit holder always needs proof.
        let hk = Person { certificate_number: Some("810000199408230021".into()), ..zhang() };
        assert!(rule(&personal("440000", "810000199408230021", hk, none())).is_some());
        // Not a complete check and the materials section not reached: nothing yet.
        let d = personal("广东省", "11010519491231002X", zhang(), None);
        assert!(check(&d, &Options { today: today(), complete: false }).findings.iter().all(|f| f.rule != Rule::CrossResidenceProof));
    }
}

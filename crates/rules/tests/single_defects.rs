//! Whole-catalogue behaviour on realistic drafts: the clean enterprise and personal drafts in
//! `tests/drafts/` yield no error and no warning, and each single defect planted in them (persons,
//! cross-section and materials rules) yields exactly the one expected `(rule, field)` — no echo on
//! the other principal, no second rule on the same mistake.

use beian_rules::{check, Date, Draft, Options, Severity};
use serde_json::{json, Value};

const ENTERPRISE: &str = include_str!("drafts/clean_enterprise.json");
const PERSONAL: &str = include_str!("drafts/clean_personal.json");

fn today() -> Date {
    Date::new(2026, 11, 23).unwrap()
}

/// (rule, field) of every error and warning of a complete check.
fn problems(draft: &Value) -> Vec<(String, String)> {
    let draft: Draft = serde_json::from_value(draft.clone()).expect("draft parses");
    check(&draft, &Options { today: today(), complete: true })
        .findings
        .into_iter()
        .filter(|f| f.severity != Severity::Info)
        .map(|f| (f.rule.id().to_owned(), f.field))
        .collect()
}

fn base(text: &str) -> Value {
    serde_json::from_str(text).expect("fixture is JSON")
}

/// Sets `path` (dotted, `[i]` for arrays) in `draft` to `value` (`Value::Null` removes a field).
fn set(draft: &mut Value, path: &str, value: Value) {
    let mut node = draft;
    let parts: Vec<&str> = path.split('.').collect();
    for (i, part) in parts.iter().enumerate() {
        let (key, index) = match part.split_once('[') {
            Some((k, rest)) => (k, Some(rest.trim_end_matches(']').parse::<usize>().unwrap())),
            None => (*part, None),
        };
        let last = i + 1 == parts.len();
        if last && index.is_none() {
            let object = node.as_object_mut().expect("object on the path");
            if value.is_null() {
                object.remove(key);
            } else {
                object.insert(key.to_owned(), value);
            }
            return;
        }
        node = node.get_mut(key).unwrap_or_else(|| panic!("{path}: no {key}"));
        if let Some(index) = index {
            node = &mut node[index];
            if last {
                *node = value;
                return;
            }
        }
    }
}

#[test]
fn clean_drafts_have_no_errors_or_warnings() {
    assert_eq!(problems(&base(ENTERPRISE)), vec![], "enterprise");
    assert_eq!(problems(&base(PERSONAL)), vec![], "personal");
}

fn expect_single(fixture: &str, edits: &[(&str, Value)], rule: &str, field: &str) {
    let mut draft = base(fixture);
    for (path, value) in edits {
        set(&mut draft, path, value.clone());
    }
    assert_eq!(problems(&draft), vec![(rule.to_owned(), field.to_owned())], "edits {edits:?}");
}

#[test]
fn person_defects() {
    let e = ENTERPRISE;
    expect_single(e, &[("subject_principal.name", Value::Null)], "person_name_required", "subject_principal.name");
    expect_single(e, &[("subject_principal.name", json!("张 三"))], "person_name_format", "subject_principal.name");
    expect_single(e, &[("subject_principal.certificate_type", json!("营业执照（个人或企业）"))], "person_certificate_type_personal", "subject_principal.certificate_type");
    expect_single(e, &[("subject_principal.certificate_number", Value::Null)], "person_id_required", "subject_principal.certificate_number");
    expect_single(e, &[("subject_principal.certificate_number", json!("110105491231002"))], "person_id_length", "subject_principal.certificate_number");
    expect_single(e, &[("subject_principal.certificate_number", json!("1101051949123100Y2"))], "person_id_charset", "subject_principal.certificate_number");
    expect_single(e, &[("subject_principal.certificate_number", json!("990105194912310025"))], "person_id_region", "subject_principal.certificate_number");
    expect_single(
        e,
        &[("subject_principal.certificate_number", json!("110105201001010010")), ("subject_principal.validity_start", json!("2026-02-01")), ("subject_principal.validity_end", json!("2036-02-01"))],
        "person_id_minor",
        "subject_principal.certificate_number",
    );
    expect_single(e, &[("subject_principal.certificate_number", json!("110105194913310027"))], "person_id_birth_date", "subject_principal.certificate_number");
    expect_single(e, &[("subject_principal.certificate_number", json!("110105194912310021"))], "person_id_checksum", "subject_principal.certificate_number");
    expect_single(
        e,
        &[("app_principal.certificate_number", json!("440305198805120032"))],
        "person_id_checksum",
        "app_principal.certificate_number",
    );
    expect_single(e, &[("subject_principal.validity_start", Value::Null)], "person_validity_required", "subject_principal.validity_start");
    expect_single(e, &[("app_principal.validity_end", json!("2040-06-31"))], "person_validity_invalid", "app_principal.validity_end");
    expect_single(e, &[("subject_principal.validity_start", json!("2027-03-01"))], "person_validity_invalid", "subject_principal.validity_start");
    expect_single(e, &[("app_principal.validity_end", json!("2040-09-01"))], "person_validity_span", "app_principal.validity_end");
    expect_single(e, &[("subject_principal.mobile", Value::Null)], "person_mobile_required", "subject_principal.mobile");
    expect_single(e, &[("subject_principal.mobile", json!("1380013800"))], "person_mobile_format", "subject_principal.mobile");
    expect_single(e, &[("app_principal.mobile", json!("14112345678"))], "person_mobile_data_only", "app_principal.mobile");
    expect_single(e, &[("app_principal.emergency_mobile", Value::Null)], "person_emergency_required", "app_principal.emergency_mobile");
    expect_single(e, &[("subject_principal.emergency_mobile", json!("1390013900"))], "person_emergency_format", "subject_principal.emergency_mobile");
    expect_single(e, &[("subject_principal.emergency_mobile", json!("13800138000"))], "person_emergency_same", "subject_principal.emergency_mobile");
    expect_single(e, &[("app_principal.email", Value::Null)], "person_email_required", "app_principal.email");
    expect_single(e, &[("subject_principal.email", json!("zhangsan@example"))], "person_email_format", "subject_principal.email");
    expect_single(e, &[("subject_principal.email", json!("zhangsan@gmial.com"))], "person_email_typo", "subject_principal.email");
    expect_single(e, &[("subject_principal.is_legal_representative", json!(false))], "person_not_legal_rep", "subject_principal.is_legal_representative");
    expect_single(
        e,
        &[("app_principal.certificate_type", json!("港澳居民来往内地通行证")), ("app_principal.certificate_number", json!("H12345678")), ("admin.certificate_number", json!("H12345678"))],
        "person_app_principal_mainland_id",
        "app_principal.certificate_type",
    );
    expect_single(
        e,
        &[("subject_principal.certificate_type", json!("港澳居民居住证")), ("subject_principal.certificate_number", json!("810000199408230022")), ("subject_principal.validity_start", json!("2020-01-01")), ("subject_principal.validity_end", json!("2030-01-01"))],
        "person_permit_format",
        "subject_principal.certificate_number",
    );
}

#[test]
fn expiry_boundaries_on_a_real_draft() {
    // Li (born 1988-05-12) with a 20-year card, as issued at 26–45, ending around today.
    let ending = |end: &str| {
        let start = Date::parse(end).unwrap().add_years(-20).unwrap().to_string();
        let mut d = base(ENTERPRISE);
        set(&mut d, "app_principal.validity_start", json!(start));
        set(&mut d, "app_principal.validity_end", json!(end));
        let draft: Draft = serde_json::from_value(d).unwrap();
        check(&draft, &Options { today: today(), complete: true })
            .findings
            .into_iter()
            // Issued in 2006 at 18 a 20-year span is itself suspicious; only expiry matters here.
            .filter(|f| f.rule.id() != "person_validity_span")
            .map(|f| (f.rule.id().to_owned(), f.field, f.severity))
            .collect::<Vec<_>>()
    };
    let expiring = |severity| vec![("person_validity_expiring".to_owned(), "app_principal.validity_end".to_owned(), severity)];
    assert_eq!(ending("2026-11-22"), expiring(Severity::Error), "expired yesterday");
    assert_eq!(ending("2026-12-22"), expiring(Severity::Error), "a day less than a month");
    assert_eq!(ending("2026-12-23"), expiring(Severity::Warning), "exactly one month");
    assert_eq!(ending("2027-02-22"), expiring(Severity::Warning));
    assert_eq!(ending("2027-02-23"), vec![], "exactly three months");
}

#[test]
fn cross_defects() {
    let e = ENTERPRISE;
    expect_single(e, &[("app_principal.mobile", json!("13800138000"))], "cross_mobile_shared", "app_principal.mobile");
    expect_single(e, &[("app_principal.emergency_mobile", json!("13900139000"))], "cross_emergency_shared", "app_principal.emergency_mobile");
    expect_single(e, &[("subject_principal.emergency_mobile", json!("13700137000"))], "cross_emergency_shared", "subject_principal.emergency_mobile");
    expect_single(e, &[("app_principal.email", json!("zhangsan@example.com"))], "cross_email_shared", "app_principal.email");
    expect_single(e, &[("admin.name", json!("王五"))], "cross_app_principal_admin", "app_principal.name");
    expect_single(e, &[("admin.certificate_number", json!("11010519491231002X"))], "cross_app_principal_admin", "app_principal.certificate_number");
    // The app principal is the subject principal, typed by hand with another mobile.
    let zhang = json!({
        "name": "张三", "certificate_type": "居民身份证", "certificate_number": "11010519491231002X",
        "validity_start": "2015-03-01", "validity_end": "长期",
        "mobile": "13800138001", "emergency_mobile": "13900139000", "email": "zhangsan@example.com"
    });
    expect_single(
        e,
        &[("app_principal", zhang), ("admin", json!({ "name": "张三", "certificate_number": "11010519491231002X" }))],
        "cross_same_person_inconsistent",
        "app_principal.mobile",
    );
    let p = PERSONAL;
    // A typo in the personal subject's number is the subject rule's, not also "another person".
    expect_single(p, &[("subject.certificate_number", json!("110108198511200047"))], "subject_personal_id_invalid", "subject.certificate_number");
    expect_single(p, &[("subject_principal.certificate_number", json!("11010519491231002X")), ("subject_principal.validity_start", json!("2015-03-01")), ("subject_principal.validity_end", json!("长期")), ("admin.certificate_number", json!("11010519491231002X"))], "cross_personal_principal", "subject_principal.certificate_number");
}

#[test]
fn residence_proof_on_a_personal_draft() {
    // The Beijing resident files in Shanghai (error there) or Hebei (warning).
    let moved = |province: &str, city: &str, district: &str| {
        vec![("subject.province", json!(province)), ("subject.city", json!(city)), ("subject.district", json!(district))]
    };
    expect_single(PERSONAL, &moved("上海市", "上海市", "浦东新区"), "cross_residence_proof", "materials.residence_permit");
    expect_single(PERSONAL, &moved("河北省", "石家庄市", "长安区"), "cross_residence_proof", "materials.residence_permit");
    let mut edits = moved("上海市", "上海市", "浦东新区");
    edits.push(("materials.residence_permit", json!({ "uploaded": true })));
    let mut d = base(PERSONAL);
    for (p, v) in edits {
        set(&mut d, p, v);
    }
    assert_eq!(problems(&d), vec![]);
}

#[test]
fn materials_defects() {
    let e = ENTERPRISE;
    expect_single(e, &[("materials.uploads[0].file_name", json!("licence.pdf")), ("materials.uploads[0].content_type", json!("application/pdf"))], "upload_format", "materials.uploads[0]");
    expect_single(e, &[("materials.uploads[5].bytes", json!(2 * 1024 * 1024 + 1))], "upload_too_large", "materials.uploads[5]");
    expect_single(e, &[("materials.uploads[1].bytes", json!(99 * 1024))], "upload_id_size", "materials.uploads[1]");
    expect_single(e, &[("materials.uploads[4].bytes", json!(200 * 1024 + 1))], "upload_id_size", "materials.uploads[4]");
    expect_single(e, &[("materials.uploads[2].width", json!(1000)), ("materials.uploads[2].height", json!(700))], "upload_resolution", "materials.uploads[2]");
    expect_single(e, &[("materials.uploads[0].width", json!(1400)), ("materials.uploads[0].height", json!(1100))], "upload_resolution", "materials.uploads[0]");
    expect_single(e, &[("materials.commitment_letter", json!({ "uploaded": false })), ("materials.uploads[5].slot", json!("other"))], "letter_guangdong_template", "materials.commitment_letter");
    let jiangsu = [
        ("subject.province", json!("江苏省")),
        ("subject.city", json!("南京市")),
        ("subject.district", json!("玄武区")),
        ("subject.certificate_number", json!("91320102MA1XYW123R")),
        ("subject.certificate_address", json!("南京市玄武区珠江路88号")),
        ("subject.address", json!("珠江路88号新世界中心A座1201室")),
        ("materials.commitment_letter", json!({ "uploaded": true, "sealed": false })),
    ];
    expect_single(e, &jiangsu, "letter_seal_required", "materials.commitment_letter");
}

#[test]
fn individual_business_letter() {
    // The enterprise draft as an individual business (credit code 92…) with an unsealed letter.
    let unsealed = [
        ("subject.name", json!("深圳市南山区某某便利店")),
        ("subject.account_subject_name", json!("深圳市南山区某某便利店")),
        ("subject.certificate_number", json!("92440300MA5G1K2P8K")),
        ("materials.commitment_letter", json!({ "uploaded": true, "sealed": false })),
    ];
    expect_single(ENTERPRISE, &unsealed, "subject_no_seal_remark", "subject.remark");
    let mut explained = unsealed.to_vec();
    explained.push(("subject.remark", json!("个体工商户无公章")));
    expect_single(ENTERPRISE, &explained, "letter_unsealed_individual", "materials.commitment_letter");
}

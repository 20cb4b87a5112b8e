//! The rule crate never panics, whatever the page or a draft file holds, and stays linear in the
//! size of its input: arbitrary strings in every field, arbitrary JSON-shaped drafts, absurdly long
//! values.

use beian_rules::draft::{Admin, App, LegalPerson, Letter, Materials, Person, PreApproval, Subject, Upload};
use beian_rules::{check, ids, normalize, Date, Draft, Options};
use proptest::prelude::*;
use std::time::{Duration, Instant};

/// Values that reach deep into the rules (valid IDs, codes, dates, provinces) mixed with arbitrary
/// Unicode, so that the later checks in each chain run on odd data too.
fn text() -> BoxedStrategy<String> {
    prop_oneof![
        3 => any::<String>(),
        2 => "[0-9Xx１２３ -]{0,20}",
        1 => proptest::sample::select(vec![
            "", " ", "长期", "个人", "企业", "广东省", "宁夏", "440000", "居民身份证", "港澳居民居住证", "护照",
            "台湾居民来往大陆通行证", "港澳居民来往内地通行证", "外国人永久居留身份证", "11010519491231002X",
            "810000199408230021", "91110000600037341L", "92440300MA5G1K2P8N", "13800138000", "+86 138-0013-8000",
            "2015-03-01", "2026-12-23", "20350301", "2099.02.29", "a@qq.con", "ａ＠ｑｑ．ｃｏｍ", "以上都不涉及",
            "＊＊", "\u{0}", "\u{FEFF}", "🀄", "\u{3000}\u{3000}",
        ])
        .prop_map(str::to_owned),
    ]
    .boxed()
}

fn opt_text() -> impl Strategy<Value = Option<String>> {
    proptest::option::weighted(0.8, text())
}

fn opt_flag() -> impl Strategy<Value = Option<bool>> {
    proptest::option::of(any::<bool>())
}

fn person() -> BoxedStrategy<Person> {
    (
        (opt_text(), opt_text(), opt_text(), opt_text(), opt_text()),
        (opt_text(), opt_text(), opt_text(), opt_flag(), opt_flag()),
    )
        .prop_map(|((name, certificate_type, certificate_number, validity_start, validity_end), (mobile, emergency_mobile, email, legal, reuse))| Person {
            name,
            certificate_type,
            certificate_number,
            validity_start,
            validity_end,
            mobile,
            emergency_mobile,
            email,
            is_legal_representative: legal,
            reuse_subject_principal: reuse,
        })
        .boxed()
}

fn subject() -> BoxedStrategy<Subject> {
    (
        (opt_text(), opt_text(), opt_text(), opt_text(), opt_text(), opt_text()),
        (opt_text(), opt_text(), opt_text(), opt_text(), opt_text(), opt_text()),
    )
        .prop_map(|((province, city, district, nature, certificate_type, certificate_number), (name, certificate_address, address, remark, account_subject_name, license_valid_until))| Subject {
            province,
            city,
            district,
            nature,
            certificate_type,
            certificate_number,
            name,
            certificate_address,
            address,
            remark,
            account_subject_name,
            license_valid_until,
        })
        .boxed()
}

fn upload() -> BoxedStrategy<Upload> {
    (opt_text(), opt_text(), opt_text(), proptest::option::of(any::<u64>()), proptest::option::of(any::<u32>()), proptest::option::of(any::<u32>()))
        .prop_map(|(slot, file_name, content_type, bytes, width, height)| Upload { slot, file_name, content_type, bytes, width, height })
        .boxed()
}

fn letter() -> impl Strategy<Value = Option<Letter>> {
    proptest::option::of((opt_flag(), opt_flag()).prop_map(|(uploaded, sealed)| Letter { uploaded, sealed }))
}

fn draft() -> BoxedStrategy<Draft> {
    let app = (
        opt_text(),
        opt_text(),
        proptest::option::of(proptest::collection::vec(text(), 0..8)),
        proptest::option::of(proptest::collection::vec(
            (opt_text(), opt_text(), opt_flag()).prop_map(|(kind, number, document)| PreApproval { kind, number, document }),
            0..4,
        )),
        opt_text(),
    )
        .prop_map(|(appid, name, service_types, pre_approvals, remark)| App { appid, name, service_types, pre_approvals, remark })
        .boxed();
    let materials = (letter(), letter(), letter(), proptest::option::of(proptest::collection::vec(upload(), 0..5)))
        .prop_map(|(commitment_letter, authorization_letter, residence_permit, uploads)| Materials { commitment_letter, authorization_letter, residence_permit, uploads })
        .boxed();
    (
        proptest::option::of(subject()),
        proptest::option::of(person()),
        proptest::option::of((opt_text(), opt_text(), opt_text()).prop_map(|(name, certificate_type, certificate_number)| LegalPerson { name, certificate_type, certificate_number })),
        proptest::option::of(app),
        proptest::option::of(person()),
        proptest::option::of((opt_text(), opt_text()).prop_map(|(name, certificate_number)| Admin { name, certificate_number })),
        proptest::option::of(materials),
    )
        .prop_map(|(subject, subject_principal, legal_person, app, app_principal, admin, materials)| Draft {
            subject,
            subject_principal,
            legal_person,
            app,
            app_principal,
            admin,
            materials,
        })
        .boxed()
}

/// JSON values of any shape, with draft keys likely at the top levels.
fn json() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let keys = proptest::sample::select(vec![
        "subject", "subject_principal", "app_principal", "app", "admin", "legal_person", "materials", "uploads",
        "certificate_number", "mobile", "name", "province", "nature", "validity_end", "bytes", "width", "slot",
        "commitment_letter", "uploaded", "sealed", "pre_approvals", "type", "service_types", "reuse_subject_principal",
    ]);
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        text().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::vec((keys.clone(), inner), 0..8)
                .prop_map(|kv| Value::Object(kv.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())),
        ]
    })
}

fn options(complete: bool) -> Options {
    Options { today: Date::new(2026, 11, 23).unwrap(), complete }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_draft_is_checked_without_panicking(draft in draft(), complete in any::<bool>()) {
        let report = check(&draft, &options(complete));
        // Every finding names a field and a message in both languages.
        for f in &report.findings {
            prop_assert!(!f.field.is_empty() && !f.message.is_empty() && !f.message_en.is_empty(), "{f:?}");
        }
        let total = report.summary.error + report.summary.warning + report.summary.info;
        prop_assert_eq!(total as usize, report.findings.len());
    }

    #[test]
    fn any_json_either_fails_to_parse_or_is_checked(value in json()) {
        if let Ok(draft) = serde_json::from_value::<Draft>(value) {
            check(&draft, &options(true));
            check(&draft, &options(false));
        }
    }

    #[test]
    fn identifier_functions_take_any_string(s in any::<String>(), today in (1i64..3_000_000).prop_map(|n| Date::from_days(n - 719_162).unwrap())) {
        let n = normalize::code(&s, true);
        ids::resident_id_problem(&n.value, today);
        ids::resident_id_problem(&s, today);
        ids::birth_date(&s);
        ids::uscc_problem(&s);
        ids::uscc_problem(&n.value);
        ids::is_registration_number(&s);
        ids::mobile_problem(&normalize::phone(&s).value);
        ids::email_problem(&s);
        ids::organization_code_valid(&s);
        ids::resident_id_check_char(s.as_bytes());
        ids::uscc_check_char(s.as_bytes());
        for doc in [
            ids::PersonalDocument::ResidentId, ids::PersonalDocument::Passport, ids::PersonalDocument::TaiwanTravelPermit,
            ids::PersonalDocument::HkMacaoTravelPermit, ids::PersonalDocument::ForeignPermanentResident,
            ids::PersonalDocument::HkMacaoResidencePermit, ids::PersonalDocument::TaiwanResidencePermit,
        ] {
            ids::permit_format_valid(doc, &s);
        }
    }
}

/// A draft whose every text field holds `value`.
fn filled_with(value: &str) -> Draft {
    let v = || Some(value.to_owned());
    let person = || Person {
        name: v(),
        certificate_type: v(),
        certificate_number: v(),
        validity_start: v(),
        validity_end: v(),
        mobile: v(),
        emergency_mobile: v(),
        email: v(),
        is_legal_representative: Some(false),
        reuse_subject_principal: Some(false),
    };
    Draft {
        subject: Some(Subject {
            province: v(),
            city: v(),
            district: v(),
            nature: v(),
            certificate_type: v(),
            certificate_number: v(),
            name: v(),
            certificate_address: v(),
            address: v(),
            remark: v(),
            account_subject_name: v(),
            license_valid_until: v(),
        }),
        subject_principal: Some(person()),
        legal_person: Some(LegalPerson { name: v(), certificate_type: v(), certificate_number: v() }),
        app: Some(App {
            appid: v(),
            name: v(),
            service_types: Some(vec![value.to_owned(); 3]),
            pre_approvals: Some(vec![PreApproval { kind: v(), number: v(), document: Some(false) }]),
            remark: v(),
        }),
        app_principal: Some(person()),
        admin: Some(Admin { name: v(), certificate_number: v() }),
        materials: Some(Materials {
            commitment_letter: Some(Letter { uploaded: Some(true), sealed: Some(false) }),
            authorization_letter: None,
            residence_permit: None,
            uploads: Some(vec![Upload { slot: v(), file_name: v(), content_type: v(), bytes: Some(u64::MAX), width: Some(0), height: Some(u32::MAX) }]),
        }),
    }
}

fn time_check(draft: &Draft) -> Duration {
    let start = Instant::now();
    check(draft, &options(true));
    start.elapsed()
}

#[test]
fn megabyte_values_are_checked_in_linear_time() {
    // Mixed content, so that no rule stops at the first character: digits, CJK, full-width,
    // separators, address-like tokens.
    let unit = "1１号广东省深圳市 a＊-X@.长期";
    let small = filled_with(&unit.repeat(1 << 13)); // ~0.25 MB in each of ~50 fields
    let large = filled_with(&unit.repeat(1 << 15)); // ~1 MB in each field, ~50 MB in all
    // 4× the input: linear is ~4×, quadratic ~16×. A shared CI machine adds noise, so a slow
    // measurement is retried before it counts as superlinear.
    let mut attempts = Vec::new();
    for _ in 0..3 {
        let (t_small, t_large) = (time_check(&small), time_check(&large));
        eprintln!("check on ~0.25 MB fields: {t_small:?}; ~1 MB fields: {t_large:?}");
        if t_large < t_small * 9 + Duration::from_millis(50) {
            return;
        }
        attempts.push((t_small, t_large));
    }
    panic!("superlinear in input size: {attempts:?}");
}

//! Fixtures shared by the rule families' unit tests (`families/*.rs`): the fixed "today" every test
//! checks against, a valid resident ID from its first 17 digits, and one clean principal. Each
//! family's defect tests start from these, so "clean" means the same thing everywhere.

use crate::date::Date;
use crate::draft::Person;
use crate::ids;

/// The day the tests are written against (a Monday, a working day).
pub const TODAY: Date = match Date::new(2026, 11, 23) {
    Some(d) => d,
    None => panic!("valid date"),
};

pub fn today() -> Date {
    TODAY
}

/// A valid resident ID with the given first 17 digits (its GB 11643 check character appended).
pub fn valid_id(first17: &str) -> String {
    format!("{first17}{}", ids::resident_id_check_char(first17.as_bytes()) as char)
}

/// 张三: an adult with a valid resident ID (born 1949-12-31 in 北京市朝阳区), a long-term ID,
/// distinct mobiles and a plain e-mail address; the legal representative.
pub fn adult_principal() -> Person {
    Person {
        name: Some("张三".into()),
        certificate_type: Some("居民身份证".into()),
        certificate_number: Some("11010519491231002X".into()),
        validity_start: Some("2015-03-01".into()),
        validity_end: Some("长期".into()),
        mobile: Some("13800138000".into()),
        emergency_mobile: Some("13900139000".into()),
        email: Some("zhangsan@example.com".into()),
        is_legal_representative: Some(true),
        reuse_subject_principal: None,
    }
}

#[test]
fn the_clean_principal_is_clean() {
    assert_eq!(valid_id("11010519491231002"), "11010519491231002X");
    let findings = crate::check(
        &crate::Draft { subject_principal: Some(adult_principal()), ..crate::Draft::default() },
        &crate::Options { today: TODAY, complete: false },
    )
    .findings;
    assert!(findings.iter().all(|f| !f.field.starts_with("subject_principal")), "{findings:?}");
}

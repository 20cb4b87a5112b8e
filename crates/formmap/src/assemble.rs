//! Draft assembly: the (field path, value) pairs the content script read off the page → a
//! [`beian_rules::Draft`]. Unknown paths are ignored (the page may show fields the draft has no
//! place for); later pairs for the same path win, except uploads, which accumulate in order so that
//! `materials.uploads[i]` is the i-th upload pair.

use beian_rules::draft::{Admin, App, LegalPerson, Letter, Materials, Person, PreApproval, Subject, Upload};
use beian_rules::Draft;

/// A file's metadata, read locally (the file itself never leaves the machine).
pub type UploadMeta = Upload;

/// What a control holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Text(String),
    Flag(bool),
    /// Chosen options of a checkbox group (服务内容标识).
    List(Vec<String>),
    PreApprovals(Vec<PreApproval>),
    Upload(UploadMeta),
}

/// Builds a draft from `pairs`. Sections appear in the draft as soon as one of their fields does.
pub fn assemble<'a>(pairs: impl IntoIterator<Item = (&'a str, Value)>) -> Draft {
    let mut d = Draft::default();
    for (path, value) in pairs {
        set(&mut d, path, value);
    }
    d
}

fn set(d: &mut Draft, path: &str, value: Value) {
    let (head, field) = path.split_once('.').unwrap_or((path, ""));
    match (head, value) {
        ("subject", Value::Text(v)) => {
            let s = d.subject.get_or_insert_with(Subject::default);
            let slot = match field {
                "province" => &mut s.province,
                "city" => &mut s.city,
                "district" => &mut s.district,
                "nature" => &mut s.nature,
                "certificate_type" => &mut s.certificate_type,
                "certificate_number" => &mut s.certificate_number,
                "name" => &mut s.name,
                "certificate_address" => &mut s.certificate_address,
                "address" => &mut s.address,
                "remark" => &mut s.remark,
                "account_subject_name" => &mut s.account_subject_name,
                "license_valid_until" => &mut s.license_valid_until,
                _ => return,
            };
            *slot = Some(v);
        }
        ("subject_principal", v) => set_person(d.subject_principal.get_or_insert_with(Person::default), field, v),
        ("app_principal", v) => set_person(d.app_principal.get_or_insert_with(Person::default), field, v),
        ("legal_person", Value::Text(v)) => {
            let p = d.legal_person.get_or_insert_with(LegalPerson::default);
            match field {
                "name" => p.name = Some(v),
                "certificate_type" => p.certificate_type = Some(v),
                "certificate_number" => p.certificate_number = Some(v),
                _ => {}
            }
        }
        ("admin", Value::Text(v)) => {
            let a = d.admin.get_or_insert_with(Admin::default);
            match field {
                "name" => a.name = Some(v),
                "certificate_number" => a.certificate_number = Some(v),
                _ => {}
            }
        }
        ("app", v) => {
            let a = d.app.get_or_insert_with(App::default);
            match (field, v) {
                ("appid", Value::Text(t)) => a.appid = Some(t),
                ("name", Value::Text(t)) => a.name = Some(t),
                ("remark", Value::Text(t)) => a.remark = Some(t),
                ("service_types", Value::List(l)) => a.service_types = Some(l),
                ("pre_approvals", Value::PreApprovals(p)) => a.pre_approvals = Some(p),
                _ => {}
            }
        }
        ("materials", v) => set_materials(d.materials.get_or_insert_with(Materials::default), field, v),
        _ => {}
    }
}

fn set_person(p: &mut Person, field: &str, value: Value) {
    match value {
        Value::Text(v) => {
            let slot = match field {
                "name" => &mut p.name,
                "certificate_type" => &mut p.certificate_type,
                "certificate_number" => &mut p.certificate_number,
                "validity_start" => &mut p.validity_start,
                "validity_end" => &mut p.validity_end,
                "mobile" => &mut p.mobile,
                "emergency_mobile" => &mut p.emergency_mobile,
                "email" => &mut p.email,
                _ => return,
            };
            *slot = Some(v);
        }
        Value::Flag(b) => match field {
            "is_legal_representative" => p.is_legal_representative = Some(b),
            "reuse_subject_principal" => p.reuse_subject_principal = Some(b),
            _ => {}
        },
        _ => {}
    }
}

fn set_materials(m: &mut Materials, field: &str, value: Value) {
    match value {
        Value::Upload(u) if field == "uploads" => m.uploads.get_or_insert_with(Vec::new).push(u),
        Value::Flag(b) => {
            let (letter, flag) = field.split_once('.').unwrap_or((field, "uploaded"));
            let letter = match letter {
                "commitment_letter" => &mut m.commitment_letter,
                "authorization_letter" => &mut m.authorization_letter,
                "residence_permit" => &mut m.residence_permit,
                _ => return,
            };
            let letter = letter.get_or_insert_with(Letter::default);
            match flag {
                "uploaded" => letter.uploaded = Some(b),
                "sealed" => letter.sealed = Some(b),
                _ => {}
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Value {
        Value::Text(s.into())
    }

    #[test]
    fn pairs_fill_their_sections() {
        let d = assemble([
            ("subject.province", text("广东省")),
            ("subject.certificate_number", text("91440300MA5G1K2P8N")),
            ("subject_principal.mobile", text("13800138000")),
            ("subject_principal.is_legal_representative", Value::Flag(true)),
            ("app_principal.reuse_subject_principal", Value::Flag(false)),
            ("app_principal.mobile", text("13800138000")),
            ("app.service_types", Value::List(vec!["工具-记账".into()])),
            ("app.pre_approvals", Value::PreApprovals(vec![PreApproval { kind: Some("以上都不涉及".into()), ..Default::default() }])),
            ("materials.commitment_letter.sealed", Value::Flag(true)),
            ("materials.commitment_letter", Value::Flag(true)),
        ]);
        let s = d.subject.unwrap();
        assert_eq!(s.province.as_deref(), Some("广东省"));
        assert_eq!(s.certificate_number.as_deref(), Some("91440300MA5G1K2P8N"));
        let sp = d.subject_principal.unwrap();
        assert_eq!(sp.mobile.as_deref(), Some("13800138000"));
        assert_eq!(sp.is_legal_representative, Some(true));
        assert_eq!(d.app_principal.unwrap().reuse_subject_principal, Some(false));
        assert_eq!(d.app.unwrap().service_types.unwrap(), ["工具-记账"]);
        let letter = d.materials.unwrap().commitment_letter.unwrap();
        assert_eq!((letter.uploaded, letter.sealed), (Some(true), Some(true)));
    }

    #[test]
    fn uploads_accumulate_in_order() {
        let up = |slot: &str| Value::Upload(Upload { slot: Some(slot.into()), ..Default::default() });
        let d = assemble([("materials.uploads", up("subject_certificate")), ("materials.uploads", up("other"))]);
        let slots: Vec<_> = d.materials.unwrap().uploads.unwrap().into_iter().map(|u| u.slot.unwrap()).collect();
        assert_eq!(slots, ["subject_certificate", "other"]);
    }

    #[test]
    fn unknown_paths_and_mismatched_values_are_ignored() {
        let d = assemble([("nowhere.x", text("1")), ("subject.nope", text("1")), ("app.service_types", text("x"))]);
        assert_eq!(d.subject, Some(Subject::default()));
        assert_eq!(d.app, Some(App::default()));
        assert!(d.subject_principal.is_none());
    }
}

//! From what a label says and where it stands to a draft field path (contracts.md §1).
//!
//! The same label means different fields in different sections: 证件号码 is
//! `subject.certificate_number` under 主办单位信息 and `app_principal.certificate_number` under
//! 小程序负责人信息. Rows holding several controls (地区: three pickers; 证件有效期: start and end)
//! pass the control's position in the row as `part`.

use crate::synonyms::{Concept, Section};

/// Path prefix of the person a section describes, if it describes one.
fn person(section: Section) -> Option<&'static str> {
    match section {
        Section::SubjectPrincipal => Some("subject_principal"),
        Section::AppPrincipal => Some("app_principal"),
        _ => None,
    }
}

/// The field path of the `part`-th control of a row labelled `concept` in `section`.
/// Upload concepts give `materials.uploads` (the caller appends `[i]`); `None` for what the draft
/// does not hold (验证码) or what makes no sense where it stands.
pub fn field_path(section: Section, concept: Concept, part: usize) -> Option<&'static str> {
    use Concept as C;
    // Section-independent concepts first.
    match concept {
        C::LegalPersonName => return Some("legal_person.name"),
        C::LegalPersonNumber => return Some("legal_person.certificate_number"),
        C::ServiceTypes => return Some("app.service_types"),
        C::PreApprovals => return Some("app.pre_approvals"),
        C::AppId => return Some("app.appid"),
        C::AppName => return Some("app.name"),
        C::CommitmentLetter => return Some("materials.commitment_letter"),
        C::AuthorizationLetter => return Some("materials.authorization_letter"),
        C::ResidenceProof => return Some("materials.residence_permit"),
        C::CertificateUpload | C::IdFront | C::IdBack | C::OtherAttachment => return Some("materials.uploads"),
        C::VerificationCode => return None,
        _ => {}
    }
    if let Some(p) = person(section) {
        return person_path(p, concept, part);
    }
    match section {
        Section::Subject => subject_path(concept, part),
        Section::App => match concept {
            C::Name => Some("app.name"),
            C::Remark => Some("app.remark"),
            _ => None,
        },
        Section::Materials | Section::SubjectPrincipal | Section::AppPrincipal => None,
    }
}

fn subject_path(concept: Concept, part: usize) -> Option<&'static str> {
    use Concept as C;
    Some(match (concept, part) {
        // A row labelled 所在省份 that holds three selects is a 省/市/区 row.
        (C::Region | C::Province, 1) | (C::City, _) => "subject.city",
        (C::Region | C::Province, 2) | (C::District, _) => "subject.district",
        (C::Region, 0) | (C::Province, _) => "subject.province",
        (C::Nature, _) => "subject.nature",
        (C::CertificateType, _) => "subject.certificate_type",
        (C::CertificateNumber, _) => "subject.certificate_number",
        (C::Name, _) => "subject.name",
        (C::CertificateAddress, _) => "subject.certificate_address",
        (C::Address, _) => "subject.address",
        (C::Remark, _) => "subject.remark",
        // A licence validity row may show start and end: only the end is checked.
        (C::LicenceValidity, _) | (C::Validity | C::ValidityEnd, 1) => "subject.license_valid_until",
        _ => return None,
    })
}

fn person_path(prefix: &'static str, concept: Concept, part: usize) -> Option<&'static str> {
    use Concept as C;
    let field = match (concept, part) {
        (C::Name, _) => "name",
        (C::CertificateType, _) => "certificate_type",
        (C::CertificateNumber, _) => "certificate_number",
        (C::Validity, 0) | (C::ValidityStart, _) => "validity_start",
        (C::Validity, _) | (C::ValidityEnd, _) => "validity_end",
        (C::Mobile, _) => "mobile",
        (C::EmergencyMobile, _) => "emergency_mobile",
        (C::Email, _) => "email",
        (C::IsLegalRepresentative, _) if prefix == "subject_principal" => "is_legal_representative",
        (C::ReusePrincipal, _) if prefix == "app_principal" => "reuse_subject_principal",
        _ => return None,
    };
    // Static strings, so that bindings and findings compare without allocating.
    Some(match (prefix, field) {
        ("subject_principal", "name") => "subject_principal.name",
        ("subject_principal", "certificate_type") => "subject_principal.certificate_type",
        ("subject_principal", "certificate_number") => "subject_principal.certificate_number",
        ("subject_principal", "validity_start") => "subject_principal.validity_start",
        ("subject_principal", "validity_end") => "subject_principal.validity_end",
        ("subject_principal", "mobile") => "subject_principal.mobile",
        ("subject_principal", "emergency_mobile") => "subject_principal.emergency_mobile",
        ("subject_principal", "email") => "subject_principal.email",
        ("subject_principal", "is_legal_representative") => "subject_principal.is_legal_representative",
        ("app_principal", "name") => "app_principal.name",
        ("app_principal", "certificate_type") => "app_principal.certificate_type",
        ("app_principal", "certificate_number") => "app_principal.certificate_number",
        ("app_principal", "validity_start") => "app_principal.validity_start",
        ("app_principal", "validity_end") => "app_principal.validity_end",
        ("app_principal", "mobile") => "app_principal.mobile",
        ("app_principal", "emergency_mobile") => "app_principal.emergency_mobile",
        ("app_principal", "email") => "app_principal.email",
        ("app_principal", "reuse_subject_principal") => "app_principal.reuse_subject_principal",
        _ => return None,
    })
}

/// The upload slot (contracts.md §1) of a file chosen under `concept` in `section`.
pub fn upload_slot(section: Section, concept: Concept) -> &'static str {
    use Concept as C;
    match (section, concept) {
        (_, C::CommitmentLetter) => "commitment_letter",
        (_, C::AuthorizationLetter) => "authorization_letter",
        (_, C::ResidenceProof) => "residence_permit",
        (_, C::PreApprovals) => "pre_approval",
        (Section::Subject, C::CertificateUpload) => "subject_certificate",
        (Section::SubjectPrincipal, C::IdFront | C::CertificateUpload) => "subject_principal_id_front",
        (Section::SubjectPrincipal, C::IdBack) => "subject_principal_id_back",
        (Section::AppPrincipal, C::IdFront | C::CertificateUpload) => "app_principal_id_front",
        (Section::AppPrincipal, C::IdBack) => "app_principal_id_back",
        _ => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::label::match_label;

    fn path(section: Section, label: &str, part: usize) -> Option<&'static str> {
        field_path(section, match_label(label)?, part)
    }

    #[test]
    fn shared_person_labels_resolve_by_section() {
        assert_eq!(path(Section::SubjectPrincipal, "证件号码", 0), Some("subject_principal.certificate_number"));
        assert_eq!(path(Section::AppPrincipal, "证件号码", 0), Some("app_principal.certificate_number"));
        assert_eq!(path(Section::Subject, "证件号码", 0), Some("subject.certificate_number"));
        assert_eq!(path(Section::AppPrincipal, "应急联系方式", 0), Some("app_principal.emergency_mobile"));
        assert_eq!(path(Section::SubjectPrincipal, "姓名", 0), Some("subject_principal.name"));
        assert_eq!(path(Section::Subject, "姓名", 0), Some("subject.name"));
        assert_eq!(path(Section::App, "备注（必填）", 0), Some("app.remark"));
        assert_eq!(path(Section::Subject, "备注（选填）", 0), Some("subject.remark"));
    }

    #[test]
    fn multi_control_rows_use_the_position() {
        assert_eq!(path(Section::Subject, "选择地区", 0), Some("subject.province"));
        assert_eq!(path(Section::Subject, "选择地区", 2), Some("subject.district"));
        // 所在省份 over the three selects of 省/市/区 (a legacy admin page).
        assert_eq!(path(Section::Subject, "所在省份", 0), Some("subject.province"));
        assert_eq!(path(Section::Subject, "所在省份", 1), Some("subject.city"));
        assert_eq!(path(Section::Subject, "所在省份", 2), Some("subject.district"));
        assert_eq!(path(Section::Subject, "选择地区", 3), None);
        assert_eq!(path(Section::AppPrincipal, "证件有效期", 0), Some("app_principal.validity_start"));
        assert_eq!(path(Section::AppPrincipal, "证件有效期", 1), Some("app_principal.validity_end"));
        assert_eq!(path(Section::Subject, "营业执照有效期", 0), Some("subject.license_valid_until"));
    }

    #[test]
    fn section_specific_switches_and_ignored_fields() {
        assert_eq!(path(Section::AppPrincipal, "复用主体负责人信息", 0), Some("app_principal.reuse_subject_principal"));
        assert_eq!(path(Section::SubjectPrincipal, "复用主体负责人信息", 0), None);
        assert_eq!(path(Section::SubjectPrincipal, "验证码", 0), None);
        assert_eq!(path(Section::Materials, "手机号", 0), None);
    }

    #[test]
    fn upload_slots() {
        assert_eq!(upload_slot(Section::Subject, Concept::CertificateUpload), "subject_certificate");
        assert_eq!(upload_slot(Section::AppPrincipal, Concept::IdBack), "app_principal_id_back");
        assert_eq!(upload_slot(Section::Materials, Concept::CommitmentLetter), "commitment_letter");
        assert_eq!(upload_slot(Section::Materials, Concept::OtherAttachment), "other");
    }
}

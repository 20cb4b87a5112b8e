//! The rule catalogue: every stable rule id, once. `rules.md` is the spec; this table is its code.
//! An id is a contract (findings JSON, tests, users quote it): add, never rename or drop.

use serde::{Serialize, Serializer};

/// Which family file implements a rule (one family per file under `families/`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Family {
    /// §0 any field — `families/input.rs`
    Input,
    /// §A 主办单位 — `families/subject.rs`
    Subject,
    /// §B 主体负责人 / 小程序负责人 — `families/person.rs`
    Person,
    /// §C 小程序 — `families/app.rs`
    App,
    /// §D across people and sections — `families/cross.rs`
    Cross,
    /// §E materials and uploads — `families/materials.rs`
    Materials,
    /// §F stage tracking, checked on records by `beian-tracker`, not on drafts.
    Stage,
}

macro_rules! catalog {
    ($($variant:ident = $id:literal, $family:ident;)*) => {
        /// A rule id. Serialises as its stable string id.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Rule { $($variant,)* }

        impl Rule {
            /// Every rule, in catalogue order.
            pub const ALL: &'static [Rule] = &[$(Rule::$variant,)*];

            /// The stable id, e.g. `person_emergency_same`.
            pub const fn id(self) -> &'static str {
                match self { $(Rule::$variant => $id,)* }
            }

            pub const fn family(self) -> Family {
                match self { $(Rule::$variant => Family::$family,)* }
            }

            pub fn from_id(id: &str) -> Option<Rule> {
                match id { $($id => Some(Rule::$variant),)* _ => None }
            }
        }
    };
}

catalog! {
    InputFullwidth = "input_fullwidth", Input;

    SubjectRegionRequired = "subject_region_required", Subject;
    SubjectNatureRequired = "subject_nature_required", Subject;
    SubjectCertificateTypeAllowed = "subject_certificate_type_allowed", Subject;
    SubjectNameRequired = "subject_name_required", Subject;
    SubjectNameMasked = "subject_name_masked", Subject;
    SubjectNameMismatch = "subject_name_mismatch", Subject;
    SubjectNamePersonal = "subject_name_personal", Subject;
    SubjectNumberRequired = "subject_number_required", Subject;
    SubjectUsccInvalid = "subject_uscc_invalid", Subject;
    SubjectRegistrationNumber = "subject_registration_number", Subject;
    SubjectUsccKindMismatch = "subject_uscc_kind_mismatch", Subject;
    SubjectUsccRegionMismatch = "subject_uscc_region_mismatch", Subject;
    SubjectPersonalIdInvalid = "subject_personal_id_invalid", Subject;
    SubjectCertificateAddressRequired = "subject_certificate_address_required", Subject;
    SubjectAddressRequired = "subject_address_required", Subject;
    SubjectAddressRepeatsRegion = "subject_address_repeats_region", Subject;
    SubjectAddressOtherRegion = "subject_address_other_region", Subject;
    SubjectAddressHouseNumber = "subject_address_house_number", Subject;
    SubjectLicenceExpiring = "subject_licence_expiring", Subject;
    SubjectNoSealRemark = "subject_no_seal_remark", Subject;

    PersonNameRequired = "person_name_required", Person;
    PersonNameFormat = "person_name_format", Person;
    PersonCertificateTypePersonal = "person_certificate_type_personal", Person;
    PersonAppPrincipalMainlandId = "person_app_principal_mainland_id", Person;
    PersonIdRequired = "person_id_required", Person;
    PersonIdLength = "person_id_length", Person;
    PersonIdCharset = "person_id_charset", Person;
    PersonIdRegion = "person_id_region", Person;
    PersonIdBirthDate = "person_id_birth_date", Person;
    PersonIdChecksum = "person_id_checksum", Person;
    PersonIdMinor = "person_id_minor", Person;
    PersonPermitFormat = "person_permit_format", Person;
    PersonValidityRequired = "person_validity_required", Person;
    PersonValidityInvalid = "person_validity_invalid", Person;
    PersonValidityExpiring = "person_validity_expiring", Person;
    PersonValiditySpan = "person_validity_span", Person;
    PersonMobileRequired = "person_mobile_required", Person;
    PersonMobileFormat = "person_mobile_format", Person;
    PersonMobileDataOnly = "person_mobile_data_only", Person;
    PersonEmergencyRequired = "person_emergency_required", Person;
    PersonEmergencyFormat = "person_emergency_format", Person;
    PersonEmergencySame = "person_emergency_same", Person;
    PersonEmailRequired = "person_email_required", Person;
    PersonEmailFormat = "person_email_format", Person;
    PersonEmailTypo = "person_email_typo", Person;
    PersonNotLegalRep = "person_not_legal_rep", Person;

    AppServiceTypesRequired = "app_service_types_required", App;
    AppServiceTypesMax = "app_service_types_max", App;
    AppPreApprovalRequired = "app_pre_approval_required", App;
    AppPreApprovalExclusive = "app_pre_approval_exclusive", App;
    AppPreApprovalDocument = "app_pre_approval_document", App;
    AppPreApprovalSuspected = "app_pre_approval_suspected", App;
    AppRemarkRequired = "app_remark_required", App;
    AppRemarkLength = "app_remark_length", App;
    AppRemarkPlaceholder = "app_remark_placeholder", App;
    AppRemarkVague = "app_remark_vague", App;

    CrossMobileShared = "cross_mobile_shared", Cross;
    CrossEmergencyShared = "cross_emergency_shared", Cross;
    CrossEmailShared = "cross_email_shared", Cross;
    CrossSamePersonInconsistent = "cross_same_person_inconsistent", Cross;
    CrossPersonalPrincipal = "cross_personal_principal", Cross;
    CrossAppPrincipalAdmin = "cross_app_principal_admin", Cross;
    CrossResidenceProof = "cross_residence_proof", Cross;

    UploadFormat = "upload_format", Materials;
    UploadTooLarge = "upload_too_large", Materials;
    UploadIdSize = "upload_id_size", Materials;
    UploadResolution = "upload_resolution", Materials;
    LetterGuangdongTemplate = "letter_guangdong_template", Materials;
    LetterSealRequired = "letter_seal_required", Materials;
    LetterUnsealedIndividual = "letter_unsealed_individual", Materials;

    StageSmsPending = "stage_sms_pending", Stage;
    StageSmsExpired = "stage_sms_expired", Stage;
    StagePlatformOverdue = "stage_platform_overdue", Stage;
    StageBureauOverdue = "stage_bureau_overdue", Stage;
    StageRejected = "stage_rejected", Stage;
    StageFiled = "stage_filed", Stage;
    FilingNumberFormat = "filing_number_format", Stage;
    CertificateExpiryAfterFiling = "certificate_expiry_after_filing", Stage;
}

impl Serialize for Rule {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

impl core::fmt::Display for Rule {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.id())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ids of rules.md (sections 0–F), copied verbatim: a rename here fails this test.
    const SPEC_IDS: &str = "input_fullwidth subject_region_required subject_nature_required subject_certificate_type_allowed subject_name_required subject_name_masked subject_name_mismatch subject_name_personal subject_number_required subject_uscc_invalid subject_registration_number subject_uscc_kind_mismatch subject_uscc_region_mismatch subject_personal_id_invalid subject_certificate_address_required subject_address_required subject_address_repeats_region subject_address_other_region subject_address_house_number subject_licence_expiring subject_no_seal_remark person_name_required person_name_format person_certificate_type_personal person_app_principal_mainland_id person_id_required person_id_length person_id_charset person_id_region person_id_birth_date person_id_checksum person_id_minor person_permit_format person_validity_required person_validity_invalid person_validity_expiring person_validity_span person_mobile_required person_mobile_format person_mobile_data_only person_emergency_required person_emergency_format person_emergency_same person_email_required person_email_format person_email_typo person_not_legal_rep app_service_types_required app_service_types_max app_pre_approval_required app_pre_approval_exclusive app_pre_approval_document app_pre_approval_suspected app_remark_required app_remark_length app_remark_placeholder app_remark_vague cross_mobile_shared cross_emergency_shared cross_email_shared cross_same_person_inconsistent cross_personal_principal cross_app_principal_admin cross_residence_proof upload_format upload_too_large upload_id_size upload_resolution letter_guangdong_template letter_seal_required letter_unsealed_individual stage_sms_pending stage_sms_expired stage_platform_overdue stage_bureau_overdue stage_rejected stage_filed filing_number_format certificate_expiry_after_filing";

    #[test]
    fn every_spec_id_is_in_the_catalogue_and_round_trips() {
        for id in SPEC_IDS.split_whitespace() {
            let rule = Rule::from_id(id).unwrap_or_else(|| panic!("{id} missing from the catalogue"));
            assert_eq!(rule.id(), id);
        }
        assert!(Rule::ALL.len() >= SPEC_IDS.split_whitespace().count());
    }

    #[test]
    fn ids_are_unique() {
        let mut ids: Vec<_> = Rule::ALL.iter().map(|r| r.id()).collect();
        ids.sort_unstable();
        let n = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), n);
    }
}

//! The draft model: a filing form's content as typed (contracts.md §1).
//!
//! Every field is optional: `None` means "not on the page / not reached", which rules treat as
//! "nothing to say" (only `*_required` rules speak, and only in a complete check). Strings are kept
//! exactly as typed; the rules normalise. Unknown JSON fields are ignored. Numbers where a string is
//! expected (`"mobile": 13800138000`) are accepted as their decimal text, since hand-written drafts do that.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Draft {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<Subject>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject_principal: Option<Person>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub legal_person: Option<LegalPerson>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub app: Option<App>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub app_principal: Option<Person>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub admin: Option<Admin>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub materials: Option<Materials>,
}

/// 主办单位信息.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Subject {
    #[serde(deserialize_with = "lenient::text", skip_serializing_if = "Option::is_none")]
    pub province: Option<String>,
    #[serde(deserialize_with = "lenient::text", skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(deserialize_with = "lenient::text", skip_serializing_if = "Option::is_none")]
    pub district: Option<String>,
    /// 主办者性质: 企业, 个人, 政府机关, …
    #[serde(deserialize_with = "lenient::text", skip_serializing_if = "Option::is_none")]
    pub nature: Option<String>,
    #[serde(deserialize_with = "lenient::text", skip_serializing_if = "Option::is_none")]
    pub certificate_type: Option<String>,
    #[serde(deserialize_with = "lenient::text", skip_serializing_if = "Option::is_none")]
    pub certificate_number: Option<String>,
    #[serde(deserialize_with = "lenient::text", skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// 证件住所: the address printed on the certificate.
    #[serde(deserialize_with = "lenient::text", skip_serializing_if = "Option::is_none")]
    pub certificate_address: Option<String>,
    /// 通讯地址: below district level, down to the house number.
    #[serde(deserialize_with = "lenient::text", skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(deserialize_with = "lenient::text", skip_serializing_if = "Option::is_none")]
    pub remark: Option<String>,
    /// The WeChat account's verified subject name, to compare with `name`.
    #[serde(deserialize_with = "lenient::text", skip_serializing_if = "Option::is_none")]
    pub account_subject_name: Option<String>,
    /// A date or `长期`.
    #[serde(deserialize_with = "lenient::text", skip_serializing_if = "Option::is_none")]
    pub license_valid_until: Option<String>,
}

/// A person: 主体负责人 (`subject_principal`) or 小程序负责人 (`app_principal`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Person {
    #[serde(deserialize_with = "lenient::text", skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(deserialize_with = "lenient::text", skip_serializing_if = "Option::is_none")]
    pub certificate_type: Option<String>,
    #[serde(deserialize_with = "lenient::text", skip_serializing_if = "Option::is_none")]
    pub certificate_number: Option<String>,
    #[serde(deserialize_with = "lenient::text", skip_serializing_if = "Option::is_none")]
    pub validity_start: Option<String>,
    /// A date or `长期`.
    #[serde(deserialize_with = "lenient::text", skip_serializing_if = "Option::is_none")]
    pub validity_end: Option<String>,
    #[serde(deserialize_with = "lenient::text", skip_serializing_if = "Option::is_none")]
    pub mobile: Option<String>,
    #[serde(deserialize_with = "lenient::text", skip_serializing_if = "Option::is_none")]
    pub emergency_mobile: Option<String>,
    #[serde(deserialize_with = "lenient::text", skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Subject principal only: is this person the legal representative (法定代表人)?
    #[serde(deserialize_with = "lenient::flag", skip_serializing_if = "Option::is_none")]
    pub is_legal_representative: Option<bool>,
    /// App principal only: "复用主体负责人信息" chosen; missing fields come from the subject principal.
    #[serde(deserialize_with = "lenient::flag", skip_serializing_if = "Option::is_none")]
    pub reuse_subject_principal: Option<bool>,
}

/// 法定代表人, asked for when the subject principal is not the legal representative.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LegalPerson {
    #[serde(deserialize_with = "lenient::text", skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(deserialize_with = "lenient::text", skip_serializing_if = "Option::is_none")]
    pub certificate_type: Option<String>,
    #[serde(deserialize_with = "lenient::text", skip_serializing_if = "Option::is_none")]
    pub certificate_number: Option<String>,
}

/// The mini program's administrator as registered (real-name info).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Admin {
    #[serde(deserialize_with = "lenient::text", skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(deserialize_with = "lenient::text", skip_serializing_if = "Option::is_none")]
    pub certificate_number: Option<String>,
}

/// 小程序信息.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct App {
    #[serde(deserialize_with = "lenient::text", skip_serializing_if = "Option::is_none")]
    pub appid: Option<String>,
    #[serde(deserialize_with = "lenient::text", skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// 服务内容标识, second-level tags such as `工具-记账`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service_types: Option<Vec<String>>,
    /// 前置审批项 chosen; `以上都不涉及` when none applies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pre_approvals: Option<Vec<PreApproval>>,
    #[serde(deserialize_with = "lenient::text", skip_serializing_if = "Option::is_none")]
    pub remark: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PreApproval {
    #[serde(rename = "type", deserialize_with = "lenient::text", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// 审批号.
    #[serde(deserialize_with = "lenient::text", skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Whether the approval document was uploaded.
    #[serde(deserialize_with = "lenient::flag", skip_serializing_if = "Option::is_none")]
    pub document: Option<bool>,
}

/// 上传其他信息材料.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Materials {
    /// 互联网信息服务承诺书.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commitment_letter: Option<Letter>,
    /// 授权书.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authorization_letter: Option<Letter>,
    /// 临时居住证明 / 居住证 (individuals filing outside their ID's province).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub residence_permit: Option<Letter>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uploads: Option<Vec<Upload>>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Letter {
    #[serde(deserialize_with = "lenient::flag", skip_serializing_if = "Option::is_none")]
    pub uploaded: Option<bool>,
    /// 加盖公章.
    #[serde(deserialize_with = "lenient::flag", skip_serializing_if = "Option::is_none")]
    pub sealed: Option<bool>,
}

/// A file chosen in an upload slot: only metadata, never the content.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Upload {
    /// `subject_certificate`, `subject_principal_id_front`, …, `other` (contracts.md §1).
    #[serde(deserialize_with = "lenient::text", skip_serializing_if = "Option::is_none")]
    pub slot: Option<String>,
    #[serde(deserialize_with = "lenient::text", skip_serializing_if = "Option::is_none")]
    pub file_name: Option<String>,
    #[serde(deserialize_with = "lenient::text", skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bytes: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub width: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub height: Option<u32>,
}

/// Forgiving deserializers for hand-written drafts.
mod lenient {
    use serde::de::{self, Deserializer, Visitor};
    use core::fmt;

    struct Text;
    impl<'de> Visitor<'de> for Text {
        type Value = Option<String>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a string")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Some(v.into()))
        }
        fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
            Ok(Some(v))
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
    }

    pub fn text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
        d.deserialize_any(Text)
    }

    struct Flag;
    impl<'de> Visitor<'de> for Flag {
        type Value = Option<bool>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("true or false")
        }
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
            Ok(Some(v))
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            match v.trim() {
                "true" | "是" | "yes" | "1" => Ok(Some(true)),
                "false" | "否" | "no" | "0" => Ok(Some(false)),
                "" => Ok(None),
                _ => Err(E::invalid_value(de::Unexpected::Str(v), &self)),
            }
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
            match v {
                0 => Ok(Some(false)),
                1 => Ok(Some(true)),
                _ => Err(E::invalid_value(de::Unexpected::Unsigned(v), &self)),
            }
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
    }

    pub fn flag<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
        d.deserialize_any(Flag)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contract_example_parses() {
        let d: Draft = serde_json::from_str(r#"{
            "subject": {"province": "广东省", "certificate_number": "91440300MA5G1K2P8N", "unknown": 1},
            "subject_principal": {"mobile": 13800138000, "is_legal_representative": true},
            "app": {"service_types": ["工具-记账"], "pre_approvals": [{"type": "以上都不涉及"}]},
            "app_principal": {"reuse_subject_principal": "是"},
            "materials": {"uploads": [{"slot": "other", "bytes": 180000, "width": 1600}]}
        }"#).unwrap();
        assert_eq!(d.subject.as_ref().unwrap().province.as_deref(), Some("广东省"));
        assert_eq!(d.subject_principal.as_ref().unwrap().mobile.as_deref(), Some("13800138000"));
        assert_eq!(d.app.as_ref().unwrap().pre_approvals.as_ref().unwrap()[0].kind.as_deref(), Some("以上都不涉及"));
        assert_eq!(d.app_principal.as_ref().unwrap().reuse_subject_principal, Some(true));
        assert_eq!(d.materials.unwrap().uploads.unwrap()[0].bytes, Some(180_000));
    }

    #[test]
    fn wrong_types_are_errors_not_panics() {
        assert!(serde_json::from_str::<Draft>(r#"{"subject": {"name": [1]}}"#).is_err());
        assert!(serde_json::from_str::<Draft>(r#"{"app": {"service_types": "x"}}"#).is_err());
        assert!(serde_json::from_str::<Draft>(r#""draft""#).is_err());
        assert!(serde_json::from_str::<Draft>("5").is_err());
        assert_eq!(serde_json::from_str::<Draft>(r#"{"subject": null}"#).unwrap(), Draft::default());
    }
}

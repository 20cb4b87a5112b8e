//! People-facing names of form sections and fields (from `beian_rules::fields`), and the output language.

use beian_rules::fields;

/// (Chinese, English) name of the form section a dotted field path belongs to.
pub fn section_of(field: &str) -> (&'static str, &'static str) {
    fields::section(field)
}

/// The Chinese label of a field path, or the path itself when it has none.
pub fn field_label(field: &str) -> String {
    fields::label(field).map_or_else(|| field.to_string(), |(zh, _)| zh.to_string())
}

/// English messages are added (below the Chinese ones, which are always shown) when `LANG`,
/// `LC_MESSAGES` or `LC_ALL` starts with `en`: adding is harmless, so any of them is enough.
pub fn wants_english() -> bool {
    ["LC_ALL", "LC_MESSAGES", "LANG"].iter().any(|k| std::env::var(k).is_ok_and(|v| v.starts_with("en")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_follow_the_path() {
        assert_eq!(field_label("subject_principal.emergency_mobile"), "应急手机号");
        assert_eq!(field_label("app.name"), "小程序名称");
        assert_eq!(field_label("materials.uploads[0]"), "上传文件");
        assert_eq!(field_label("unknown.thing"), "unknown.thing");
        assert_eq!(section_of("materials.uploads[3]").0, "上传其他信息材料");
    }
}

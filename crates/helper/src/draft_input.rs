//! Reading a draft (contracts.md §1) from bytes, with a one-line reason when it cannot be read.
//! Shared by `beian check` and the host's `check` request.

use beian_rules::Draft;

/// Why some bytes are not a draft. `Display` is the one-line message shown to the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftError {
    NotUtf8 { offset: usize },
    Empty,
    NotJson(String),
    NotAnObject(&'static str),
    WrongTypes(String),
    TooDeep,
}

impl std::fmt::Display for DraftError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DraftError::NotUtf8 { offset } => write!(f, "not UTF-8 text (binary data? invalid byte at offset {offset})"),
            DraftError::Empty => write!(f, "empty input, expected a JSON object"),
            DraftError::NotJson(e) => write!(f, "not valid JSON: {e}"),
            DraftError::NotAnObject(kind) => write!(f, "the top level is {kind}, expected a JSON object"),
            DraftError::WrongTypes(e) => write!(f, "not a draft: {e}"),
            DraftError::TooDeep => write!(f, "JSON nested deeper than {MAX_DEPTH} levels (no draft is)"),
        }
    }
}

/// serde_json's own recursion limit; it does not apply to values skipped as unknown fields, so
/// nesting is measured first and refused consistently wherever it is.
const MAX_DEPTH: usize = 128;

/// Parses draft JSON. Deep nesting is refused (an error, not a crash); long strings are fine
/// (linear time).
pub fn parse_draft(bytes: &[u8]) -> Result<Draft, DraftError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| DraftError::NotUtf8 { offset: e.valid_up_to() })?;
    if nesting_depth(bytes) > MAX_DEPTH {
        return Err(DraftError::TooDeep);
    }
    let trimmed = text.trim_start();
    match trimmed.as_bytes().first() {
        None => return Err(DraftError::Empty),
        Some(b'{') => {}
        // A derived struct also accepts a JSON array, so the top level is checked by hand first.
        Some(_) => {
            return Err(match serde_json::from_str::<serde::de::IgnoredAny>(text) {
                Err(e) => DraftError::NotJson(e.to_string()),
                Ok(_) => DraftError::NotAnObject(top_level_kind(trimmed)),
            })
        }
    }
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| DraftError::NotJson(e.to_string()))?;
    check_shape(&value)?;
    // Parsed again from text (not from `value`) for the line and column in type errors.
    serde_json::from_str::<Draft>(text).map_err(|e| {
        if e.is_syntax() || e.is_eof() {
            DraftError::NotJson(e.to_string())
        } else {
            DraftError::WrongTypes(e.to_string())
        }
    })
}

/// Parses a draft that arrived as a JSON value (the host's `check`).
pub fn draft_from_value(value: serde_json::Value) -> Result<Draft, DraftError> {
    if !value.is_object() {
        return Err(DraftError::NotAnObject(value_kind(&value)));
    }
    check_shape(&value)?;
    serde_json::from_value(value).map_err(|e| DraftError::WrongTypes(e.to_string()))
}

/// Sections and sub-objects must be objects (or null): serde's derived structs would otherwise accept
/// a JSON array positionally (`"subject": ["广东省", …]`), silently misreading a wrong file.
fn check_shape(draft: &serde_json::Value) -> Result<(), DraftError> {
    use serde_json::Value;
    let wrong = |path: &str, expected: &str, got: &Value| {
        Err(DraftError::WrongTypes(format!("`{path}` must be {expected}, got {}", value_kind(got))))
    };
    let object_or_null = |path: &str, v: Option<&Value>| match v {
        None | Some(Value::Null) | Some(Value::Object(_)) => Ok(()),
        Some(other) => wrong(path, "an object", other),
    };
    let array_of_objects = |path: &str, v: Option<&Value>| match v {
        None | Some(Value::Null) => Ok(()),
        Some(Value::Array(items)) => items.iter().enumerate().try_for_each(|(i, item)| match item {
            Value::Object(_) => Ok(()),
            other => wrong(&format!("{path}[{i}]"), "an object", other),
        }),
        Some(other) => wrong(path, "an array", other),
    };
    for section in ["subject", "subject_principal", "legal_person", "app", "app_principal", "admin", "materials"] {
        object_or_null(section, draft.get(section))?;
    }
    if let Some(app) = draft.get("app") {
        array_of_objects("app.pre_approvals", app.get("pre_approvals"))?;
    }
    if let Some(materials) = draft.get("materials") {
        for letter in ["commitment_letter", "authorization_letter", "residence_permit"] {
            object_or_null(&format!("materials.{letter}"), materials.get(letter))?;
        }
        array_of_objects("materials.uploads", materials.get("uploads"))?;
    }
    Ok(())
}

/// Deepest `[`/`{` nesting outside strings (a cheap linear scan; malformed JSON is left to the parser).
fn nesting_depth(bytes: &[u8]) -> usize {
    let (mut depth, mut deepest, mut in_string, mut escaped) = (0usize, 0usize, false, false);
    for &b in bytes {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

fn top_level_kind(text: &str) -> &'static str {
    match text.as_bytes().first() {
        Some(b'[') => "an array",
        Some(b'"') => "a string",
        Some(b't' | b'f') => "a boolean",
        Some(b'n') => "null",
        _ => "a number",
    }
}

pub fn value_kind(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_objects_with_unknown_fields_and_a_bom() {
        assert!(parse_draft(b"\xEF\xBB\xBF{\"app\":{\"name\":\"x\"},\"extra\":1}").is_ok());
        assert!(parse_draft(b"  {}").is_ok());
    }

    #[test]
    fn classifies_each_kind_of_bad_input() {
        assert!(matches!(parse_draft(b""), Err(DraftError::Empty)));
        assert!(matches!(parse_draft(b"\x00\xff\xfe"), Err(DraftError::NotUtf8 { offset: 1 })));
        assert!(matches!(parse_draft(b"{\"app\": "), Err(DraftError::NotJson(_))));
        assert!(matches!(parse_draft(b"[1,2]"), Err(DraftError::NotAnObject("an array"))));
        assert!(matches!(parse_draft(b"42"), Err(DraftError::NotAnObject("a number"))));
        assert!(matches!(parse_draft(b"nope"), Err(DraftError::NotJson(_))));
        assert!(matches!(parse_draft(b"{\"subject\": 5}"), Err(DraftError::WrongTypes(_))));
        let positional = parse_draft("{\"subject\": [\"广东省\", \"深圳市\"]}".as_bytes());
        assert!(matches!(&positional, Err(DraftError::WrongTypes(m)) if m.contains("`subject`")), "{positional:?}");
        let upload = parse_draft(b"{\"materials\": {\"uploads\": [1]}}");
        assert!(matches!(&upload, Err(DraftError::WrongTypes(m)) if m.contains("materials.uploads[0]")), "{upload:?}");
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let depth = 100_000;
        let mut s = String::from("{\"x\":");
        s.push_str(&"[".repeat(depth));
        s.push_str(&"]".repeat(depth));
        s.push('}');
        assert!(matches!(parse_draft(s.as_bytes()), Err(DraftError::TooDeep)));
        let top = "[".repeat(depth);
        assert!(matches!(parse_draft(top.as_bytes()), Err(DraftError::TooDeep)));
        // Brackets inside strings do not count.
        let quoted = format!("{{\"app\":{{\"remark\":\"{}\\\"{}\"}}}}", "[".repeat(1000), "{".repeat(1000));
        assert!(parse_draft(quoted.as_bytes()).is_ok(), "{quoted}");
    }

    #[test]
    fn long_strings_are_fine() {
        let s = format!("{{\"app\":{{\"remark\":\"{}\"}}}}", "长".repeat(3_000_000));
        assert!(parse_draft(s.as_bytes()).is_ok());
    }
}

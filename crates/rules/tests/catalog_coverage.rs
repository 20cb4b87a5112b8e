//! The catalogue and the family files agree: every rule of the draft families (§0–§E) is emitted
//! by some family source file, and every family file is registered in `FAMILIES`.
//!
//! Reads the sources at test time: a rule added to the catalogue but implemented nowhere, or a
//! family file written but never run, fails here.

use beian_rules::{Family, Rule};
use std::fs;
use std::path::{Path, PathBuf};

fn families_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join("families")
}

/// (file stem, source) of every family file, `mod.rs` excluded.
fn family_sources() -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = fs::read_dir(families_dir())
        .expect("families/ is readable")
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs") && p.file_stem().is_some_and(|s| s != "mod"))
        .map(|p| {
            let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
            let source = fs::read_to_string(&p).expect("family file is readable");
            (stem, source)
        })
        .collect();
    files.sort();
    files
}

/// The `Rule` variant name as written in source (`Rule::InputFullwidth`), from its stable id.
fn variant_name(rule: Rule) -> String {
    format!("{rule:?}")
}

#[test]
fn every_draft_rule_is_emitted_by_a_family_file() {
    let sources = family_sources();
    assert!(
        sources.len() >= 6,
        "expected the six family files, found {:?}",
        sources.iter().map(|s| &s.0).collect::<Vec<_>>()
    );
    let mut missing = Vec::new();
    for &rule in Rule::ALL {
        if rule.family() == Family::Stage {
            continue;
        }
        let needle = format!("Rule::{}", variant_name(rule));
        // Word boundary: `Rule::PersonId` must not be satisfied by `Rule::PersonIdLength`.
        let used = sources.iter().any(|(_, src)| {
            src.match_indices(&needle)
                .any(|(i, _)| !src[i + needle.len()..].chars().next().is_some_and(|c| c.is_alphanumeric() || c == '_'))
        });
        if !used {
            missing.push(rule.id());
        }
    }
    assert!(missing.is_empty(), "rules no family file emits: {missing:?}");
}

#[test]
fn every_family_file_is_registered() {
    let registry = fs::read_to_string(families_dir().join("mod.rs")).expect("families/mod.rs is readable");
    for (stem, _) in family_sources() {
        let module = format!("mod {stem};");
        let entry = format!("(\"{stem}\", {stem}::check)");
        assert!(registry.contains(&module), "families/{stem}.rs is not declared in families/mod.rs");
        assert!(registry.contains(&entry), "families/{stem}.rs is not listed in FAMILIES");
    }
}

//! `beian check`: exit codes, the findings JSON contract, the multi-file shape, and a one-line
//! message naming the file for every kind of unreadable input.

mod common;
use common::*;
use std::io::Write;
use std::process::Stdio;

fn check(args: &[&str]) -> std::process::Output {
    let dir = tempfile::tempdir().unwrap();
    run(&dir.path().join("db"), args)
}

fn fixture_str(rel: &str) -> String {
    fixture(rel).to_str().unwrap().to_string()
}

#[test]
fn contract_example_has_no_errors_and_prints_exactly_the_findings_json() {
    let f = fixture_str("drafts/contract_example.json");
    let out = check(&["check", "--format", "json", "--today", "2026-11-23", "--complete", &f]);
    let v = stdout_json(&out);
    let keys: Vec<_> = v.as_object().unwrap().keys().cloned().collect();
    assert_eq!(keys, ["findings", "summary"]);
    assert_eq!(v["summary"]["error"], 0, "{v}");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn errors_found_exit_1_with_rule_field_and_messages() {
    let f = fixture_str("drafts/emergency_same.json");
    let out = check(&["check", "--format", "json", "--today", "2026-11-23", &f]);
    assert_eq!(out.status.code(), Some(1));
    let v = stdout_json(&out);
    let finding = v["findings"].as_array().unwrap().iter().find(|f| f["rule"] == "person_emergency_same").expect("rule reported");
    assert_eq!(finding["severity"], "error");
    assert_eq!(finding["field"], "subject_principal.emergency_mobile");
    assert!(finding["message"].as_str().unwrap().chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)));
    assert!(!finding["message_en"].as_str().unwrap().is_empty());
    let errors = v["findings"].as_array().unwrap().iter().filter(|f| f["severity"] == "error").count();
    assert_eq!(v["summary"]["error"], errors);
}

#[test]
fn complete_reports_missing_fields_and_partial_does_not() {
    let f = fixture_str("drafts/empty_object.json");
    let partial = check(&["check", "--format", "json", "--today", "2026-11-23", &f]);
    assert_eq!(partial.status.code(), Some(0));
    assert_eq!(stdout_json(&partial)["findings"].as_array().unwrap().len(), 0);
    let complete = check(&["check", "--format", "json", "--today", "2026-11-23", "--complete", &f]);
    assert_eq!(complete.status.code(), Some(1));
    assert!(stdout_json(&complete)["summary"]["error"].as_u64().unwrap() > 0);
}

#[test]
fn stdin_is_read_for_dash() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = beian(&dir.path().join("db"))
        .args(["check", "--format", "json", "--today", "2026-11-23", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let draft = std::fs::read(fixture("drafts/emergency_same.json")).unwrap();
    child.stdin.take().unwrap().write_all(&draft).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout_json(&out)["findings"].as_array().unwrap().iter().any(|f| f["rule"] == "person_emergency_same"));
}

#[test]
fn every_malformed_input_exits_2_with_one_line_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let deep = dir.path().join("deep.json");
    std::fs::write(&deep, format!("{{\"subject\":{}{}}}", "[".repeat(100_000), "]".repeat(100_000))).unwrap();
    let deep_top = dir.path().join("deep_top.json");
    std::fs::write(&deep_top, "[".repeat(100_000)).unwrap();
    let cases: Vec<(String, &str)> = vec![
        (fixture_str("malformed/not_json.json"), "not valid JSON"),
        (fixture_str("malformed/truncated.json"), "not valid JSON"),
        (fixture_str("malformed/top_level_array.json"), "top level is an array"),
        (fixture_str("malformed/top_level_string.json"), "top level is a string"),
        (fixture_str("malformed/wrong_types.json"), "`subject` must be an object"),
        (fixture_str("malformed/binary_junk.bin"), "not UTF-8"),
        (fixture_str("malformed/empty.json"), "empty"),
        (deep.to_str().unwrap().into(), "nested deeper"),
        (deep_top.to_str().unwrap().into(), "nested deeper"),
        (dir.path().join("missing.json").to_str().unwrap().into(), "no such file"),
        (dir.path().to_str().unwrap().into(), "is a directory"),
    ];
    for (file, expected) in cases {
        for format in ["text", "json"] {
            let out = check(&["check", "--format", format, &file]);
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{file}: {stderr}");
            assert_eq!(stderr.trim_end().lines().count(), 1, "{file}: one line: {stderr}");
            assert!(stderr.contains(&file), "{file}: names the file: {stderr}");
            assert!(stderr.contains(expected), "{file}: says {expected:?}: {stderr}");
            assert!(out.stdout.is_empty(), "{file}: nothing on stdout");
        }
    }
}

#[test]
fn multi_megabyte_strings_are_checked_quickly() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.json");
    std::fs::write(&big, format!("{{\"app\":{{\"remark\":\"{}\"}},\"subject\":{{\"name\":\"{}\"}}}}", "长".repeat(2_000_000), "x".repeat(4_000_000))).unwrap();
    let started = std::time::Instant::now();
    let out = check(&["check", "--format", "json", "--today", "2026-11-23", big.to_str().unwrap()]);
    assert!(matches!(out.status.code(), Some(0 | 1)), "{}", String::from_utf8_lossy(&out.stderr));
    stdout_json(&out);
    assert!(started.elapsed().as_secs() < 20, "took {:?}", started.elapsed());
}

#[test]
fn several_files_give_an_array_and_the_worst_exit_code() {
    let ok = fixture_str("drafts/contract_example.json");
    let bad = fixture_str("drafts/emergency_same.json");
    let junk = fixture_str("malformed/not_json.json");
    let out = check(&["check", "--format", "json", "--today", "2026-11-23", &ok, &bad]);
    assert_eq!(out.status.code(), Some(1));
    let v = stdout_json(&out);
    assert_eq!(v.as_array().unwrap().len(), 2);
    assert_eq!(v[0]["file"], ok.as_str());
    assert_eq!(v[1]["summary"]["error"], 1);
    let out = check(&["check", "--format", "json", &ok, &junk, &bad]);
    assert_eq!(out.status.code(), Some(2));
    let v = stdout_json(&out);
    assert!(v[1]["error"].as_str().unwrap().contains("not valid JSON"));
    assert!(v[2]["findings"].is_array());
}

#[test]
fn text_output_groups_by_section_with_labels_and_no_colour_when_piped() {
    let f = fixture_str("drafts/emergency_same.json");
    let out = check(&["check", "--today", "2026-11-23", &f]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("主体负责人"), "{text}");
    assert!(text.contains("应急手机号"), "{text}");
    assert!(text.contains("错误"), "{text}");
    assert!(!text.contains('\x1b'), "no ANSI codes when stdout is not a terminal");
    assert!(!text.contains("must differ"), "no English unless LANG=en");
    let dir = tempfile::tempdir().unwrap();
    let en = beian(&dir.path().join("db")).env("LANG", "en_US.UTF-8").args(["check", "--today", "2026-11-23", &f]).output().unwrap();
    let text = String::from_utf8(en.stdout).unwrap();
    assert!(text.contains("differ"), "English message with LANG=en: {text}");
}

#[test]
fn today_defaults_and_bad_options_are_usage_errors() {
    let f = fixture_str("drafts/contract_example.json");
    assert_eq!(check(&["check", &f]).status.code(), Some(0));
    assert_eq!(check(&["check", "--today", "2026-02-30", &f]).status.code(), Some(2));
    assert_eq!(check(&["check", "--format", "xml", &f]).status.code(), Some(2));
    assert_eq!(check(&["check"]).status.code(), Some(2));
    let help = check(&["check", "--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&help.stdout).contains("--complete"));
}

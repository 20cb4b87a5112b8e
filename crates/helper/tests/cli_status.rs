//! `beian status`, `history`, `remind`, `export`, `import`: tables for people, JSON for scripts,
//! the documented exit codes, and import merging without duplicates.

mod common;
use common::*;
use serde_json::{json, Value};

/// A database holding three filings in different stages, filled through the host.
fn seeded() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let mut host = Host::start(&db);
    let mut rejected = event("r2", "wx2222222222222222", "bureau_rejected", "2026-11-10T10:00:00+08:00");
    rejected["detail"] = json!({"reason": "主办单位名称与证件不一致"});
    let events = json!([
        event("s1", "wx1111111111111111", "platform_review", "2026-11-20T09:00:00+08:00"),
        event("s2", "wx1111111111111111", "sms_verification", "2026-11-22T10:00:00+08:00"),
        event("r1", "wx2222222222222222", "bureau_review", "2026-11-01T10:00:00+08:00"),
        rejected,
        event("f1", "wx3333333333333333", "filed", "2026-10-01T10:00:00+08:00"),
    ]);
    let r = host.request(&json!({"id": 1, "type": "record_events", "events": events}));
    assert_eq!(r["data"]["stored"], 5, "{r}");
    assert!(host.finish().success());
    (dir, db)
}

#[test]
fn status_lists_each_filing_with_stage_since_and_deadline() {
    let (_dir, db) = seeded();
    let out = run(&db, &["status", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let v = stdout_json(&out);
    let rows = v.as_array().unwrap();
    assert_eq!(rows.len(), 3);
    let sms = rows.iter().find(|r| r["appid"] == "wx1111111111111111").unwrap();
    assert_eq!(sms["stage"], "sms_verification");
    assert_eq!(sms["app_name"], "某某记账");
    assert_eq!(sms["next_deadline"], "2026-11-23T10:00:00+08:00");
    let filed = rows.iter().find(|r| r["appid"] == "wx3333333333333333").unwrap();
    assert_eq!(filed["next_deadline"], Value::Null);

    let text = String::from_utf8(run(&db, &["status"]).stdout).unwrap();
    assert!(text.starts_with("APPID"), "{text}");
    assert!(text.contains("短信核验 sms_verification"), "{text}");
    assert_eq!(text.lines().count(), 4);
}

#[test]
fn history_shows_the_timeline_and_unknown_appid_exits_2() {
    let (_dir, db) = seeded();
    let out = run(&db, &["history", "wx2222222222222222", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let v = stdout_json(&out);
    let stages: Vec<_> = v["events"].as_array().unwrap().iter().map(|e| e["stage"].as_str().unwrap().to_string()).collect();
    assert_eq!(stages, ["bureau_review", "bureau_rejected"]);
    assert_eq!(v["record"]["stage"], "bureau_rejected");
    let text = String::from_utf8(run(&db, &["history", "wx2222222222222222"]).stdout).unwrap();
    assert!(text.contains("主办单位名称与证件不一致"), "{text}");
    let unknown = run(&db, &["history", "wx9999999999999999"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("unknown appid"));
    assert_eq!(run(&db, &["history"]).status.code(), Some(2));
}

#[test]
fn remind_exits_1_when_something_is_due() {
    let (_dir, db) = seeded();
    let out = run(&db, &["remind", "--format", "json", "--now", "2026-11-23T09:00:00+08:00"]);
    assert_eq!(out.status.code(), Some(1));
    let v = stdout_json(&out);
    let rules: Vec<_> = v["due"].as_array().unwrap().iter().map(|d| d["rule"].as_str().unwrap().to_string()).collect();
    assert!(rules.contains(&"stage_sms_pending".to_string()), "{v}");
    assert!(rules.contains(&"stage_rejected".to_string()), "{v}");
    let later = stdout_json(&run(&db, &["remind", "--format", "json", "--now", "2026-11-23T11:00:00+08:00"]));
    assert!(later["due"].as_array().unwrap().iter().any(|d| d["rule"] == "stage_sms_expired"), "{later}");
    let text = String::from_utf8(run(&db, &["remind", "--now", "2026-11-23T09:00:00+08:00"]).stdout).unwrap();
    assert!(text.contains("短信"), "{text}");
    assert_eq!(run(&db, &["remind", "--now", "yesterday"]).status.code(), Some(2));

    let empty = tempfile::tempdir().unwrap();
    let nothing = run(&empty.path().join("db"), &["remind", "--format", "json"]);
    assert_eq!(nothing.status.code(), Some(0));
    assert_eq!(stdout_json(&nothing)["due"], json!([]));
}

#[test]
fn export_then_import_merges_without_duplicates() {
    let (_dir, db) = seeded();
    let other_dir = tempfile::tempdir().unwrap();
    let other = other_dir.path().join("db");
    // The other store has one event of its own and one in common.
    let mut host = Host::start(&other);
    let own = json!([event("o1", "wx4444444444444444", "draft", "2026-11-01T10:00:00+08:00"), event("s1", "wx1111111111111111", "platform_review", "2026-11-20T09:00:00+08:00")]);
    host.request(&json!({"id": 1, "type": "record_events", "events": own}));
    assert!(host.finish().success());

    let export = run(&db, &["export", "--format", "json"]);
    assert_eq!(export.status.code(), Some(0));
    let v = stdout_json(&export);
    assert_eq!(v["events"].as_array().unwrap().len(), 5);
    assert_eq!(v["records"].as_array().unwrap().len(), 3);
    let file = other_dir.path().join("export.json");
    std::fs::write(&file, &export.stdout).unwrap();
    for expected in ["imported 4 new events, 1 already present", "imported 0 new events, 5 already present"] {
        let out = run(&other, &["import", file.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), expected);
    }
    let merged = stdout_json(&run(&other, &["export"]));
    assert_eq!(merged["events"].as_array().unwrap().len(), 6);

    // CSV round trip into a third store.
    let csv = run(&db, &["export", "--format", "csv"]);
    let text = String::from_utf8(csv.stdout.clone()).unwrap();
    assert!(text.starts_with("event_id,appid,app_name,kind,stage,observed_at,source,status_text,reason,filing_number\n"));
    assert_eq!(text.lines().count(), 6);
    let third_dir = tempfile::tempdir().unwrap();
    let csv_file = third_dir.path().join("export.csv");
    std::fs::write(&csv_file, &csv.stdout).unwrap();
    let third = third_dir.path().join("db");
    assert_eq!(run(&third, &["import", csv_file.to_str().unwrap()]).status.code(), Some(0));
    let a = stdout_json(&run(&db, &["export"]))["records"].clone();
    let b = stdout_json(&run(&third, &["export"]))["records"].clone();
    assert_eq!(a, b, "same records after a CSV round trip");
}

#[test]
fn import_of_a_bad_file_exits_2_and_changes_nothing() {
    let (dir, db) = seeded();
    let bad = dir.path().join("bad.json");
    // One good event, then a broken one: nothing may be imported.
    std::fs::write(&bad, json!([event("new1", "wx5", "draft", "2026-11-01T10:00:00+08:00"), {"event_id": "x", "stage": "nope"}]).to_string()).unwrap();
    let junk = dir.path().join("junk.bin");
    std::fs::write(&junk, [0u8, 159, 146, 150]).unwrap();
    for file in [bad.to_str().unwrap(), junk.to_str().unwrap(), "/no/such/file.json"] {
        let out = run(&db, &["import", file]);
        assert_eq!(out.status.code(), Some(2), "{file}");
        assert!(String::from_utf8_lossy(&out.stderr).contains(file));
    }
    assert_eq!(stdout_json(&run(&db, &["export"]))["events"].as_array().unwrap().len(), 5);
}

#[test]
fn every_command_has_help_and_unknown_commands_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    for cmd in ["check", "status", "history", "remind", "export", "import", "install", "uninstall", "doctor"] {
        let out = run(&db, &[cmd, "--help"]);
        assert_eq!(out.status.code(), Some(0), "{cmd}");
        assert!(String::from_utf8_lossy(&out.stdout).contains(&format!("beian {cmd}")), "{cmd}");
    }
    assert_eq!(run(&db, &["--help"]).status.code(), Some(0));
    assert_eq!(run(&db, &["frobnicate"]).status.code(), Some(2));
    assert_eq!(run(&db, &["status", "--bogus"]).status.code(), Some(2));
    assert!(!db.exists(), "help and usage errors do not create the database");
}

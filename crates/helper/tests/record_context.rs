//! `record_context` (PROTOCOL.md): the extension sends a filing's province and certificate end
//! dates, and `beian remind` (CLI and host) then reports certificates that end within 30 days
//! (rules.md §F `certificate_expiry_after_filing`). Bad contexts are refused without stopping the
//! host; a database of the previous schema version is migrated keeping its events.

mod common;
use common::*;
use serde_json::{json, Value};

const APPID: &str = "wx0123456789abcdef";
const NOW: &str = "2026-12-01T09:00:00+08:00";

fn filed(db: &std::path::Path) -> Host {
    let mut host = Host::start(db);
    let reply = host.request(&json!({"id": 1, "type": "record_events",
        "events": [event("f1", APPID, "filed", "2026-11-20T09:30:00+08:00")]}));
    assert_eq!(reply["ok"], true, "{reply}");
    host
}

fn expiries(remind: &Value) -> Vec<&Value> {
    remind["due"].as_array().unwrap().iter().filter(|d| d["rule"] == "certificate_expiry_after_filing").collect()
}

#[test]
fn stored_context_makes_remind_report_expiring_certificates() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let mut host = filed(&db);
    let hello = host.request(&json!({"id": 2, "type": "hello"}));
    assert!(hello["data"]["capabilities"].as_array().unwrap().iter().any(|c| c == "record_context"), "{hello}");

    // Without a context: only the plain "filed" notice, nothing due.
    let out = run(&db, &["remind", "--now", NOW, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    assert!(expiries(&stdout_json(&out)).is_empty());

    let reply = host.request(&json!({"id": 3, "type": "record_context", "appid": APPID, "context": {
        "subject_province": "广东", "licence_valid_until": "2026/12/20",
        "subject_principal_validity_end": "长期", "app_principal_validity_end": null}}));
    assert_eq!(reply["ok"], true, "{reply}");
    assert_eq!(reply["data"]["context"], json!({"subject_province": "广东省", "licence_valid_until": "2026-12-20",
        "subject_principal_validity_end": "长期"}));
    // Idempotent: the same context again is the same stored state.
    let again = host.request(&json!({"id": 4, "type": "record_context", "appid": APPID, "context": {
        "subject_province": "广东", "licence_valid_until": "2026/12/20", "subject_principal_validity_end": "长期"}}));
    assert_eq!(again["data"], reply["data"]);

    // The host's `remind` sees it.
    let remind = host.request(&json!({"id": 5, "type": "remind", "now": NOW}));
    let found = expiries(&remind["data"]);
    assert_eq!(found.len(), 1, "{remind}");
    assert_eq!(found[0]["severity"], "warning");
    assert_eq!(found[0]["due"], true);
    assert!(found[0]["message"].as_str().unwrap().contains("2026-12-20"), "{remind}");
    assert!(host.finish().success());

    // The CLI: JSON and text, exit 1.
    let out = run(&db, &["remind", "--now", NOW, "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let json = stdout_json(&out);
    assert_eq!(expiries(&json).len(), 1, "{json}");
    assert_eq!(expiries(&json)[0]["appid"], APPID);
    let out = run(&db, &["remind", "--now", NOW]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("[certificate_expiry_after_filing]") && text.contains("2026-12-20"), "{text}");

    // Far from the end date: nothing due.
    let out = run(&db, &["remind", "--now", "2026-10-01T09:00:00+08:00", "--format", "json"]);
    assert!(expiries(&stdout_json(&out)).is_empty());
}

#[test]
fn bad_contexts_are_refused_and_the_host_keeps_serving() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let mut host = filed(&db);
    let bad = [
        json!({"appid": APPID, "context": {"licence_valid_until": "next year"}}),
        json!({"appid": APPID, "context": {"licence_valid_until": "2026-02-30"}}),
        json!({"appid": APPID, "context": {"licence_valid_until": 20261220}}),
        json!({"appid": APPID, "context": {"subject_province": "Atlantis"}}),
        json!({"appid": APPID, "context": {"principal_name": "张三"}}),
        json!({"appid": APPID, "context": {"app_principal_validity_end": "13800138000"}}),
        json!({"appid": APPID, "context": "2026-12-20"}),
        json!({"appid": APPID}),
        json!({"appid": "", "context": {}}),
        json!({"context": {"licence_valid_until": "2026-12-20"}}),
    ];
    for (i, request) in bad.iter().enumerate() {
        let mut request = request.clone();
        request["id"] = json!(i);
        request["type"] = json!("record_context");
        let reply = host.request(&request);
        assert_eq!(reply["ok"], false, "{request} → {reply}");
        assert_eq!(reply["error"]["code"], 4, "{request} → {reply}");
        assert_eq!(reply["id"], i);
    }
    let hello = host.request(&json!({"id": "h", "type": "hello"}));
    assert_eq!(hello["ok"], true);
    let remind = host.request(&json!({"id": "r", "type": "remind", "now": NOW}));
    assert_eq!(remind["ok"], true);
    assert!(expiries(&remind["data"]).is_empty(), "nothing of the refused contexts was stored: {remind}");
    assert!(host.finish().success());
}

#[test]
fn a_schema_2_database_is_migrated_keeping_its_events() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    {
        // Schema 2 as the previous release wrote it.
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch(
            "CREATE TABLE events (seq INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT NOT NULL UNIQUE,
                appid TEXT NOT NULL, observed_at TEXT NOT NULL, body TEXT NOT NULL);
             CREATE INDEX events_by_appid ON events(appid, seq);
             CREATE TABLE records (appid TEXT PRIMARY KEY, event_count INTEGER NOT NULL, body TEXT NOT NULL);
             CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
             ALTER TABLE records ADD COLUMN summary TEXT NOT NULL DEFAULT '{}';",
        )
        .unwrap();
        for (id, stage, at) in [("a", "bureau_review", "2026-11-01T09:30:00+08:00"), ("b", "filed", "2026-11-20T09:30:00+08:00")] {
            let e = event(id, APPID, stage, at);
            conn.execute("INSERT INTO events (event_id, appid, observed_at, body) VALUES (?1, ?2, ?3, ?4)",
                rusqlite::params![id, APPID, at, e.to_string()]).unwrap();
        }
        conn.pragma_update(None, "user_version", 2).unwrap();
    }
    let mut host = Host::start(&db);
    let reply = host.request(&json!({"id": 1, "type": "record_context", "appid": APPID,
        "context": {"app_principal_validity_end": "2026-12-10"}}));
    assert_eq!(reply["ok"], true, "{reply}");
    assert!(host.finish().success());

    let version: i64 = rusqlite::Connection::open(&db).unwrap().query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, 3);
    let export = stdout_json(&run(&db, &["export", "--format", "json"]));
    let ids: Vec<&str> = export["events"].as_array().unwrap().iter().map(|e| e["event_id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a", "b"]);
    let out = run(&db, &["remind", "--now", NOW, "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let json = stdout_json(&out);
    assert_eq!(expiries(&json).len(), 1, "{json}");
    assert_eq!(expiries(&json)[0]["stage"], "filed");
}

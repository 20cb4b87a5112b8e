//! The native-messaging host as the browser sees it: the real binary, frames on its stdin, one
//! well-formed reply per request whatever the request, nothing but frames on stdout, and the store
//! showing exactly the acknowledged events afterwards.

mod common;
use common::*;
use serde_json::{json, Value};
use std::io::Write;
use std::process::Stdio;

/// Pipes `input` into a host in one go and returns its replies (stdout must be frames only).
fn pipe(db: &std::path::Path, input: Vec<u8>) -> Vec<Value> {
    pipe_with_args(db, &["chrome-extension://abcdefghijklmnopabcdefghijklmnop/"], input)
}

fn pipe_with_args(db: &std::path::Path, args: &[&str], input: Vec<u8>) -> Vec<Value> {
    let mut child = beian(db)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert_eq!(out.status.code(), Some(0));
    read_all_replies(&out.stdout)
}

fn is_well_formed(reply: &Value) -> bool {
    let ok = reply["ok"].as_bool();
    reply.get("id").is_some()
        && reply["version"].is_string()
        && match ok {
            Some(true) => reply.get("data").is_some(),
            Some(false) => reply["error"]["code"].is_i64() && reply["error"]["message"].is_string(),
            None => false,
        }
}

#[test]
fn malformed_oversized_and_valid_frames_interleaved_all_get_replies() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let appid = "wx0123456789abcdef";
    let mut input = Vec::new();
    let mut expected_ids: Vec<Value> = Vec::new();
    let mut acked_events = Vec::new();
    for round in 0..20 {
        let id = format!("e{round}");
        let ev = event(&id, appid, "platform_review", &format!("2026-11-20T09:{round:02}:00+08:00"));
        input.extend(frame(json!({"id": round, "type": "record_events", "events": [ev]}).to_string().as_bytes()));
        expected_ids.push(json!(round));
        acked_events.push(id.clone());
        input.extend(frame(b"{not json"));
        expected_ids.push(Value::Null);
        input.extend(frame(&[0xff, 0x00, 0xfe]));
        expected_ids.push(Value::Null);
        input.extend(frame(json!({"id": format!("u{round}"), "type": "no_such_type"}).to_string().as_bytes()));
        expected_ids.push(json!(format!("u{round}")));
        if round % 5 == 0 {
            let big = 1024 * 1024 + 1 + round;
            input.extend((big as u32).to_ne_bytes());
            input.extend(std::iter::repeat_n(b'[', big));
            expected_ids.push(Value::Null);
        }
        input.extend(frame(json!({"id": {"nested": round}, "type": "record_events", "events": [{"event_id": "bad"}]}).to_string().as_bytes()));
        expected_ids.push(json!({"nested": round}));
        // The same event again: acknowledged as a duplicate, not stored twice.
        input.extend(frame(json!({"id": format!("dup{round}"), "type": "record_events", "events": [event(&id, appid, "platform_review", &format!("2026-11-20T09:{round:02}:00+08:00"))]}).to_string().as_bytes()));
        expected_ids.push(json!(format!("dup{round}")));
    }
    input.extend(frame(json!({"id": "hello", "type": "hello", "extension_version": "0.1.0"}).to_string().as_bytes()));
    expected_ids.push(json!("hello"));
    let replies = pipe(&db, input);
    assert_eq!(replies.len(), expected_ids.len());
    for (reply, id) in replies.iter().zip(&expected_ids) {
        assert!(is_well_formed(reply), "{reply}");
        assert_eq!(&reply["id"], id, "{reply}");
    }
    let codes: Vec<i64> = replies.iter().filter_map(|r| r["error"]["code"].as_i64()).collect();
    for code in [1, 2, 3, 4, 6] {
        assert!(codes.contains(&code), "code {code} used");
    }
    let stored: u64 = replies.iter().filter_map(|r| r["data"]["stored"].as_u64()).sum();
    let duplicates: u64 = replies.iter().filter_map(|r| r["data"]["duplicates"].as_u64()).sum();
    assert_eq!((stored, duplicates), (20, 20));
    let hello = replies.last().unwrap();
    assert!(hello["data"]["capabilities"].as_array().unwrap().iter().any(|c| c == "events_since"));
    assert_eq!(hello["data"]["db_path"], db.to_str().unwrap());

    // The CLI sees exactly the acknowledged events.
    let status = stdout_json(&run(&db, &["status", "--format", "json"]));
    assert_eq!(status.as_array().unwrap().len(), 1);
    assert_eq!(status[0]["appid"], appid);
    assert_eq!(status[0]["events"], 20);
    let history = run(&db, &["history", appid, "--format", "json"]);
    assert_eq!(history.status.code(), Some(0));
    let mut ids: Vec<String> = stdout_json(&history)["events"].as_array().unwrap().iter().map(|e| e["event_id"].as_str().unwrap().to_string()).collect();
    ids.sort();
    acked_events.sort();
    assert_eq!(ids, acked_events);
}

#[test]
fn check_request_matches_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let draft: Value = serde_json::from_slice(&std::fs::read(fixture("drafts/emergency_same.json")).unwrap()).unwrap();
    let mut host = Host::start(&db);
    let reply = host.request(&json!({"id": 1, "type": "check", "draft": draft, "today": "2026-11-23", "complete": true}));
    let cli = stdout_json(&run(&db, &["check", "--format", "json", "--today", "2026-11-23", "--complete", fixture("drafts/emergency_same.json").to_str().unwrap()]));
    assert_eq!(reply["data"], cli);
    let bad_today = host.request(&json!({"id": 2, "type": "check", "draft": {}, "today": "yesterday"}));
    assert_eq!(bad_today["error"]["code"], 4);
    let no_draft = host.request(&json!({"id": 3, "type": "check"}));
    assert_eq!(no_draft["error"]["code"], 4);
    assert!(host.finish().success());
}

#[test]
fn record_events_masks_pii_in_reasons() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let mut host = Host::start(&db);
    let mut ev = event("r1", "wx0123456789abcdef", "bureau_rejected", "2026-11-20T09:30:00+08:00");
    ev["detail"] = json!({"status_text": "管局审核驳回", "reason": "负责人 11010519491231002X 手机 13800138000 邮箱 zhangsan@example.com 不一致"});
    let reply = host.request(&json!({"id": 1, "type": "record_events", "events": [ev]}));
    assert_eq!(reply["data"]["stored"], 1);
    assert!(host.finish().success());
    let export = String::from_utf8(run(&db, &["export", "--format", "json"]).stdout).unwrap();
    for raw in ["11010519491231002X", "13800138000", "zhangsan@example.com"] {
        assert!(!export.contains(raw), "{raw} stored raw: {export}");
    }
    assert!(export.contains("负责人"));
}

#[test]
fn events_since_pages_stay_under_1_mib_and_cover_everything_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let mut host = Host::start(&db);
    // ~3 MiB of events: each has a long (harmless) reason.
    let reason = "材料不清晰，请重新上传。".repeat(40);
    let mut total = 0;
    for batch in 0..12 {
        let events: Vec<Value> = (0..200)
            .map(|i| {
                let mut e = event(&format!("b{batch}-{i}"), &format!("wx{:016x}", i % 7), "bureau_review", "2026-11-20T09:30:00+08:00");
                e["detail"]["reason"] = json!(reason);
                e
            })
            .collect();
        total += events.len();
        let r = host.request(&json!({"id": batch, "type": "record_events", "events": events}));
        assert_eq!(r["data"]["stored"], 200, "{r}");
    }
    let mut cursor = Value::Null;
    let mut seen = std::collections::HashSet::new();
    let mut pages = 0;
    loop {
        host.send(&json!({"id": pages, "type": "events_since", "cursor": cursor}));
        let r = read_reply(&mut host.stdout).unwrap();
        assert_eq!(r["ok"], true, "{r}");
        for e in r["data"]["events"].as_array().unwrap() {
            assert!(seen.insert(e["event_id"].as_str().unwrap().to_string()), "seen twice");
        }
        cursor = r["data"]["cursor"].clone();
        pages += 1;
        if r["data"]["more"] != true {
            break;
        }
    }
    assert_eq!(seen.len(), total);
    assert!(pages >= 3, "paged ({pages} pages)");
    let again = host.request(&json!({"id": "tail", "type": "events_since", "cursor": cursor}));
    assert_eq!(again["data"]["events"].as_array().unwrap().len(), 0);
    let bad = host.request(&json!({"id": "bad", "type": "events_since", "cursor": "banana"}));
    assert_eq!(bad["error"]["code"], 4);
    let records = host.request(&json!({"id": "lr", "type": "list_records"}));
    assert_eq!(records["data"].as_array().unwrap().len(), 7);
    assert!(host.finish().success());
}

#[test]
fn firefox_style_launch_is_a_host_too() {
    let dir = tempfile::tempdir().unwrap();
    let manifest = dir.path().join("com.beian.helper.json");
    std::fs::write(&manifest, "{}").unwrap();
    let out = {
        let mut child = beian(&dir.path().join("db"))
            .args([manifest.to_str().unwrap(), "beian@mp-filing-assistant"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(&frame(br#"{"id":1,"type":"hello"}"#)).unwrap();
        child.wait_with_output().unwrap()
    };
    let replies = read_all_replies(&out.stdout);
    assert_eq!(replies.len(), 1);
    assert_eq!(replies[0]["ok"], true);
}

#[test]
fn truncated_final_frame_gets_an_error_reply_and_a_clean_exit() {
    let dir = tempfile::tempdir().unwrap();
    let mut input = frame(br#"{"id":1,"type":"hello"}"#);
    input.extend(100u32.to_ne_bytes());
    input.extend(b"{\"id\":2,");
    let replies = pipe(&dir.path().join("db"), input);
    assert_eq!(replies.len(), 2);
    assert_eq!(replies[1]["error"]["code"], 1);
    let replies = pipe(&dir.path().join("db"), vec![1, 0]);
    assert_eq!(replies.len(), 1);
    assert_eq!(replies[0]["error"]["code"], 1);
}

#[test]
fn host_subcommand_and_bare_piped_invocation_serve_frames() {
    let dir = tempfile::tempdir().unwrap();
    for args in [&["host"][..], &[]] {
        let replies = pipe_with_args(&dir.path().join("db"), args, frame(br#"{"id":"h","type":"hello"}"#));
        assert_eq!(replies.len(), 1, "{args:?}");
        assert_eq!(replies[0]["id"], "h");
        assert_eq!(replies[0]["ok"], true);
    }
}

//! The store under abuse: the host SIGKILLed mid-stream again and again must keep every event it
//! acknowledged (exactly once); a locked database gives a clear error and the host keeps serving;
//! a file that is not a database is reported and never overwritten.

mod common;
use common::*;
use serde_json::{json, Value};
use std::collections::{HashMap, HashSet};
use std::time::{Duration, Instant};

/// A small deterministic generator so a failure can be replayed.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, bound: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % bound
    }
}

fn exported_event_ids(db: &std::path::Path) -> Vec<String> {
    let out = run(db, &["export", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    stdout_json(&out)["events"].as_array().unwrap().iter().map(|e| e["event_id"].as_str().unwrap().to_string()).collect()
}

#[test]
fn acknowledged_events_survive_sigkill_at_random_points() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let mut rng = Lcg(0x5eed);
    let mut acknowledged: HashSet<String> = HashSet::new();
    let mut sent: HashSet<String> = HashSet::new();
    // Events whose frame was fully written to the host's stdin (acknowledged or not).
    let mut in_flight = 0usize;
    for round in 0..30 {
        let Host { mut child, mut stdin, mut stdout } = Host::start(&db);
        let batches: Vec<Vec<String>> = (0..5000).map(|i| (0..3).map(|k| format!("r{round}-{i}-{k}")).collect()).collect();
        sent.extend(batches.iter().flatten().cloned());
        let to_write = batches.clone();
        let writer = std::thread::spawn(move || {
            use std::io::Write;
            let mut written = 0;
            for (i, ids) in to_write.iter().enumerate() {
                let events: Vec<Value> = ids.iter().map(|id| event(id, &format!("wx{:016x}", i % 5), "bureau_review", "2026-11-20T09:30:00+08:00")).collect();
                let body = json!({"id": i, "type": "record_events", "events": events}).to_string();
                if stdin.write_all(&frame(body.as_bytes())).and_then(|_| stdin.flush()).is_err() {
                    break;
                }
                written += ids.len();
            }
            written
        });
        let reader = std::thread::spawn(move || {
            let mut acked = Vec::new();
            while let Some(reply) = read_reply(&mut stdout) {
                assert_eq!(reply["ok"], true, "{reply}");
                acked.push(reply["id"].as_u64().unwrap() as usize);
            }
            acked
        });
        std::thread::sleep(Duration::from_millis(rng.next(150)));
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        in_flight += writer.join().unwrap();
        for i in reader.join().unwrap() {
            acknowledged.extend(batches[i].iter().cloned());
        }
    }
    eprintln!("acknowledged {} of {in_flight} written events", acknowledged.len());
    assert!(!acknowledged.is_empty(), "some requests were acknowledged before the kills");
    assert!(acknowledged.len() < in_flight, "kills landed with requests in flight");
    let ids = exported_event_ids(&db);
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for id in &ids {
        *counts.entry(id).or_default() += 1;
    }
    for id in &acknowledged {
        assert_eq!(counts.get(id.as_str()), Some(&1), "acknowledged event {id} present exactly once");
    }
    assert!(ids.iter().all(|id| sent.contains(id)), "nothing that was not sent");
    assert!(counts.values().all(|&n| n == 1));
    // Status agrees with the log.
    let status = stdout_json(&run(&db, &["status", "--format", "json"]));
    let total: u64 = status.as_array().unwrap().iter().map(|r| r["events"].as_u64().unwrap()).sum();
    assert_eq!(total as usize, ids.len());
}

#[test]
fn a_locked_database_is_a_clear_error_and_the_host_keeps_serving() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let mut host = Host::start(&db);
    let first = host.request(&json!({"id": 1, "type": "record_events", "events": [event("a", "wx1", "draft", "2026-11-20T09:30:00+08:00")]}));
    assert_eq!(first["data"]["stored"], 1);

    let locker = rusqlite::Connection::open(&db).unwrap();
    locker.execute_batch("BEGIN IMMEDIATE; INSERT INTO events (event_id, appid, observed_at, body) VALUES ('lock', 'x', 'x', '{}');").unwrap();
    let started = Instant::now();
    let locked = host.request(&json!({"id": 2, "type": "record_events", "events": [event("b", "wx1", "draft", "2026-11-21T09:30:00+08:00")]}));
    assert_eq!(locked["ok"], false);
    assert_eq!(locked["error"]["code"], 7, "{locked}");
    assert!(locked["error"]["message"].as_str().unwrap().contains("locked"));
    assert!(started.elapsed() < Duration::from_secs(10));
    assert_eq!(host.request(&json!({"id": 3, "type": "hello"}))["ok"], true, "still serving");

    let export = dir.path().join("export.json");
    std::fs::write(&export, json!([event("c", "wx1", "draft", "2026-11-22T09:30:00+08:00")]).to_string()).unwrap();
    let import = run(&db, &["import", export.to_str().unwrap()]);
    assert_eq!(import.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&import.stderr);
    assert!(stderr.contains("locked"), "{stderr}");

    locker.execute_batch("ROLLBACK").unwrap();
    let retried = host.request(&json!({"id": 4, "type": "record_events", "events": [event("b", "wx1", "draft", "2026-11-21T09:30:00+08:00")]}));
    assert_eq!(retried["data"]["stored"], 1, "{retried}");
    assert!(host.finish().success());
    let mut ids = exported_event_ids(&db);
    ids.sort();
    assert_eq!(ids, ["a", "b"]);
}

#[test]
fn a_junk_database_file_is_reported_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let junk: Vec<u8> = (0..10_000u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).collect();
    std::fs::write(&db, &junk).unwrap();
    for args in [&["status"][..], &["status", "--format", "json"], &["history", "wx1"], &["export"], &["remind"]] {
        let out = run(&db, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("not a beian database"), "{args:?}: {stderr}");
        assert!(out.stdout.is_empty());
    }
    let mut host = Host::start(&db);
    let reply = host.request(&json!({"id": 1, "type": "record_events", "events": [event("a", "wx1", "draft", "2026-11-20T09:30:00+08:00")]}));
    assert_eq!(reply["error"]["code"], 5, "{reply}");
    assert_eq!(host.request(&json!({"id": 2, "type": "check", "draft": {}}))["ok"], true, "check works without a store");
    assert!(host.finish().success());
    assert_eq!(std::fs::read(&db).unwrap(), junk, "the user's file is unchanged");
    assert!(!dir.path().join("db-wal").exists());
}

#[test]
fn a_directory_as_database_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["status"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is a directory"));
}

//! `beian bench` (hidden): the helper's own performance numbers for BENCHMARKS.md — native-messaging
//! round trip of `record_events` (one event, committed), `beian status` over 100 000 events, and
//! `beian check` throughput over 10 000 draft files. Runs this very binary as child processes.

use super::args::Args;
use super::usage_error;
use crate::host::frame::{self, Inbound};
use crate::store::Store;
use crate::ExitCode;
use beian_tracker::{Event, EventSource, Stage};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const SAMPLE_DRAFT: &str = r#"{"subject":{"province":"广东省","city":"深圳市","district":"南山区","nature":"企业","certificate_type":"营业执照（个人或企业）","certificate_number":"91440300MA5G1K2P8N","name":"深圳市某某科技有限公司","address":"粤海街道科技园路1号A栋201室"},"subject_principal":{"name":"张三","certificate_type":"居民身份证","certificate_number":"11010519491231002X","validity_start":"2015-03-01","validity_end":"长期","mobile":"13800138000","emergency_mobile":"13900139000","email":"zhangsan@example.com"},"app":{"appid":"wx0123456789abcdef","name":"某某记账","service_types":["工具-记账"],"remark":"为个人用户提供日常收支记账、分类统计和预算提醒服务。"}}"#;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn event(i: usize, appids: usize) -> Event {
    let stages = [Stage::PlatformReview, Stage::SmsVerification, Stage::BureauReview, Stage::Filed];
    Event {
        event_id: format!("bench-{i:08}"),
        appid: format!("wx{:016x}", i % appids),
        app_name: Some(format!("应用{}", i % appids)),
        kind: "stage".into(),
        stage: stages[(i / appids) % stages.len()],
        observed_at: format!("2026-{:02}-{:02}T09:{:02}:00+08:00", 1 + (i / appids) % 12, 1 + (i / appids) % 28, i % 60),
        source: EventSource::Page,
        detail: Default::default(),
    }
}

pub fn run(mut args: Args) -> ExitCode {
    let parsed = (|| {
        let rounds = args.value("--rounds")?.map(|v| v.parse::<usize>().map_err(|_| "--rounds N")).transpose()?.unwrap_or(2000);
        let events = args.value("--events")?.map(|v| v.parse::<usize>().map_err(|_| "--events N")).transpose()?.unwrap_or(100_000);
        let drafts = args.value("--drafts")?.map(|v| v.parse::<usize>().map_err(|_| "--drafts N")).transpose()?.unwrap_or(10_000);
        args.clone().finish()?;
        Ok::<_, String>((rounds, events, drafts))
    })();
    let (rounds, events, drafts) = match parsed {
        Ok(p) => p,
        Err(m) => return usage_error("bench", &m),
    };
    let dir = std::env::temp_dir().join(format!("beian-bench-{}", std::process::id()));
    let result = std::fs::create_dir_all(&dir).map_err(|e| e.to_string()).and_then(|_| {
        round_trip(&dir, rounds)?;
        status_time(&dir, events)?;
        check_throughput(&dir, drafts)
    });
    let _ = std::fs::remove_dir_all(&dir);
    match result {
        Ok(()) => ExitCode::Ok,
        Err(e) => {
            eprintln!("beian bench: {e}");
            ExitCode::Unreadable
        }
    }
}

fn exe() -> Result<PathBuf, String> {
    std::env::current_exe().map_err(|e| e.to_string())
}

fn round_trip(dir: &Path, rounds: usize) -> Result<(), String> {
    let db = dir.join("rt.sqlite3");
    let started = Instant::now();
    let mut child = Command::new(exe()?)
        .arg("chrome-extension://bench/")
        .env("BEIAN_DB", &db)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| e.to_string())?;
    let (Some(mut stdin), Some(mut stdout)) = (child.stdin.take(), child.stdout.take()) else {
        return Err("no pipes to the host".into());
    };
    let mut samples = Vec::with_capacity(rounds);
    let mut first = None;
    for i in 0..=rounds {
        let body = serde_json::json!({ "id": i, "type": "record_events", "events": [event(i, 50)] }).to_string();
        let t = Instant::now();
        frame::write_frame(&mut stdin, body.as_bytes()).map_err(|e| e.to_string())?;
        match frame::read_frame(&mut stdout).map_err(|e| e.to_string())? {
            Inbound::Message(reply) if reply.contains("\"ok\":true") => {}
            other => return Err(format!("unexpected reply {other:?}")),
        }
        if i == 0 {
            // The first request includes process start and opening (creating) the database.
            first = Some(started.elapsed());
        } else {
            samples.push(t.elapsed());
        }
    }
    drop(stdin);
    let _ = child.wait();
    // What a browser pays per connectNative: spawn, open the existing database, one commit, exit.
    let mut connects = Vec::new();
    for i in 0..20 {
        let t = Instant::now();
        let mut child = Command::new(exe()?)
            .arg("chrome-extension://bench/")
            .env("BEIAN_DB", &db)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|e| e.to_string())?;
        let (Some(mut stdin), Some(mut stdout)) = (child.stdin.take(), child.stdout.take()) else {
            return Err("no pipes to the host".into());
        };
        let body = serde_json::json!({ "id": i, "type": "record_events", "events": [event(rounds + 1 + i, 50)] }).to_string();
        frame::write_frame(&mut stdin, body.as_bytes()).map_err(|e| e.to_string())?;
        frame::read_frame(&mut stdout).map_err(|e| e.to_string())?;
        drop(stdin);
        let _ = child.wait();
        connects.push(t.elapsed());
    }
    connects.sort();
    samples.sort();
    println!(
        "host record_events round trip (1 event, committed, {rounds} rounds): p50 {:.3} ms, p95 {:.3} ms, max {:.3} ms; spawn + first request creating the database {:.1} ms",
        ms(percentile(&samples, 0.5)), ms(percentile(&samples, 0.95)), ms(samples.last().copied().unwrap_or_default()),
        ms(first.unwrap_or_default())
    );
    println!(
        "host connection (spawn, open existing db, 1 record_events, exit; 20 runs): p50 {:.1} ms, p95 {:.1} ms",
        ms(percentile(&connects, 0.5)), ms(percentile(&connects, 0.95))
    );
    Ok(())
}

fn status_time(dir: &Path, events: usize) -> Result<(), String> {
    let db = dir.join("status.sqlite3");
    let appids = (events / 100).max(1);
    let mut store = Store::open(&db).map_err(|e| e.to_string())?;
    let fill = Instant::now();
    let all: Vec<Event> = (0..events).map(|i| event(i, appids)).collect();
    for chunk in all.chunks(10_000) {
        store.record_events(chunk).map_err(|e| e.to_string())?;
    }
    let fill = fill.elapsed();
    drop(store);
    let mut samples = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        let out = Command::new(exe()?).args(["status", "--format", "json"]).env("BEIAN_DB", &db).output().map_err(|e| e.to_string())?;
        samples.push(t.elapsed());
        if !out.status.success() {
            return Err(format!("status failed: {}", String::from_utf8_lossy(&out.stderr)));
        }
    }
    samples.sort();
    println!(
        "beian status --format json with {events} events / {appids} filings: median {:.1} ms (whole process; 5 runs); filling the store took {:.1} s",
        ms(percentile(&samples, 0.5)), fill.as_secs_f64()
    );
    Ok(())
}

fn check_throughput(dir: &Path, drafts: usize) -> Result<(), String> {
    let drafts_dir = dir.join("drafts");
    std::fs::create_dir_all(&drafts_dir).map_err(|e| e.to_string())?;
    let mut files = Vec::with_capacity(drafts);
    for i in 0..drafts {
        let path = drafts_dir.join(format!("{i:05}.json"));
        // Vary the mobile so drafts differ; every tenth is broken in a different way.
        let text = SAMPLE_DRAFT.replace("13800138000", &format!("138{:08}", i));
        let text = if i % 10 == 0 { text.replace("\"长期\"", "\"2020-01-01\"") } else { text };
        std::fs::File::create(&path).and_then(|mut f| f.write_all(text.as_bytes())).map_err(|e| e.to_string())?;
        files.push(path);
    }
    let t = Instant::now();
    let out = Command::new(exe()?)
        .args(["check", "--format", "json", "--today", "2026-11-23", "--complete"])
        .args(&files)
        .output()
        .map_err(|e| e.to_string())?;
    let elapsed = t.elapsed();
    if out.status.code() == Some(2) {
        return Err(format!("check failed: {}", String::from_utf8_lossy(&out.stderr)));
    }
    println!(
        "beian check --format json over {drafts} files (one process): {:.2} s, {:.0} drafts/s",
        elapsed.as_secs_f64(), drafts as f64 / elapsed.as_secs_f64()
    );
    Ok(())
}

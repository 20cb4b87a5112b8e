//! Rules benchmark: validation time of a realistic complete draft, against python-stdnum's time
//! to validate just the draft's identifiers. Plain `std::time::Instant`, no harness:
//! `cargo bench -p beian-rules --bench check`. Results go in BENCHMARKS.md, section "Rules".
//!
//! Reported: ns per draft (best of several rounds, single thread), drafts per second per core,
//! and the ratio to stdnum (`tests/oracles/stdnum_bench.py`) for (a) the draft's two resident
//! IDs and (b) its credit code plus the subject principal's ID.

use beian_rules::{check, ids, Date, Draft, Options};
use std::hint::black_box;
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

const ENTERPRISE: &str = include_str!("../tests/drafts/clean_enterprise.json");
const PERSONAL: &str = include_str!("../tests/drafts/clean_personal.json");
const ROUNDS: usize = 7;
const ROUND_TIME: Duration = Duration::from_millis(300);

/// CPU time consumed by this thread: unlike wall time, not inflated when the scheduler gives the
/// core to another process.
#[cfg(unix)]
fn thread_cpu_time() -> Duration {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a valid, writable timespec; CLOCK_THREAD_CPUTIME_ID is supported on Linux and macOS.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    assert_eq!(rc, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

#[cfg(not(unix))]
fn thread_cpu_time() -> Duration {
    Duration::ZERO
}

/// Nanoseconds per call of `f`: (wall, thread CPU), each the best of `ROUNDS` rounds.
fn ns_per_call(mut f: impl FnMut()) -> (f64, f64) {
    // Calibrate the batch so one round takes about ROUND_TIME.
    let mut batch = 1u64;
    loop {
        let start = Instant::now();
        for _ in 0..batch {
            f();
        }
        if start.elapsed() >= ROUND_TIME / 4 || batch >= 1 << 30 {
            break;
        }
        batch *= 2;
    }
    batch *= 4;
    let (mut wall, mut cpu) = (f64::INFINITY, f64::INFINITY);
    for _ in 0..ROUNDS {
        let (start, start_cpu) = (Instant::now(), thread_cpu_time());
        for _ in 0..batch {
            f();
        }
        let (elapsed, elapsed_cpu) = (start.elapsed(), thread_cpu_time() - start_cpu);
        wall = wall.min(elapsed.as_nanos() as f64 / batch as f64);
        cpu = cpu.min(elapsed_cpu.as_nanos() as f64 / batch as f64);
    }
    (wall, cpu)
}

/// python-stdnum's (wall, CPU) nanoseconds per draft for `numbers` (`kind:value`).
fn stdnum_ns_per_draft(numbers: &[&str]) -> Result<(f64, f64), String> {
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/oracles/stdnum_bench.py");
    let out = Command::new("python3")
        .arg(script)
        .arg("20000")
        .args(numbers)
        .output()
        .map_err(|e| format!("cannot run python3: {e}"))?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    if !out.status.success() {
        return Err(format!("stdnum_bench.py failed: {}", String::from_utf8_lossy(&out.stderr)));
    }
    let value = |key: &str| {
        stdout
            .lines()
            .find_map(|l| l.strip_prefix(key))
            .and_then(|n| n.trim().parse::<f64>().ok())
            .ok_or_else(|| format!("no {key} in output: {stdout}"))
    };
    Ok((value("ns_per_draft")?, value("cpu_ns_per_draft")?))
}

fn main() {
    let options = Options { today: Date::new(2026, 11, 23).expect("date"), complete: true };
    let enterprise: Draft = serde_json::from_str(ENTERPRISE).expect("fixture");
    let personal: Draft = serde_json::from_str(PERSONAL).expect("fixture");
    assert!(!check(&enterprise, &options).has_errors(), "the benchmark draft must be clean");

    let check_enterprise = ns_per_call(|| {
        black_box(check(black_box(&enterprise), &options));
    });
    let check_personal = ns_per_call(|| {
        black_box(check(black_box(&personal), &options));
    });
    let parse_and_check = ns_per_call(|| {
        let draft: Draft = serde_json::from_str(black_box(ENTERPRISE)).expect("fixture");
        black_box(check(&draft, &options));
    });
    println!("(wall ns / thread-CPU ns per draft; drafts/s from CPU time, one core)");
    for (label, (wall, cpu)) in [
        ("complete check, enterprise draft", check_enterprise),
        ("complete check, personal draft", check_personal),
        ("JSON parse + check, enterprise", parse_and_check),
    ] {
        println!("rules: {label:<34} {wall:>8.0} / {cpu:>8.0} ns  {:>8.0} drafts/s/core", 1e9 / cpu);
    }

    // The identifier algorithms alone, on the same numbers stdnum validates below.
    let today = options.today;
    let ours_two_ids = ns_per_call(|| {
        black_box(ids::resident_id_problem(black_box("11010519491231002X"), today));
        black_box(ids::resident_id_problem(black_box("440305198805120031"), today));
    });
    let ours_code_and_id = ns_per_call(|| {
        black_box(ids::uscc_problem(black_box("91440300MA5G1K2P8N")));
        black_box(ids::resident_id_problem(black_box("11010519491231002X"), today));
    });

    let two_ids = ["ric:11010519491231002X", "ric:440305198805120031"];
    let code_and_id = ["uscc:91440300MA5G1K2P8N", "ric:11010519491231002X"];
    for (label, numbers, ours) in [("two resident IDs", &two_ids, ours_two_ids), ("credit code + resident ID", &code_and_id, ours_code_and_id)] {
        println!("ids.rs, {label}: {:.0} / {:.0} ns", ours.0, ours.1);
        match stdnum_ns_per_draft(numbers) {
            Ok((wall, cpu)) => println!(
                "python-stdnum, {label}: {wall:.0} / {cpu:.0} ns  → whole rule check {:.1}× faster (CPU; wall {:.1}×); identifier checks alone {:.0}×",
                cpu / check_enterprise.1,
                wall / check_enterprise.0,
                cpu / ours.1,
            ),
            Err(e) => println!("python-stdnum, {label}: not measured ({e}; pip install python-stdnum)"),
        }
    }
}

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

/// Best-of-`ROUNDS` nanoseconds per call of `f`.
fn ns_per_call(mut f: impl FnMut()) -> f64 {
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
    (0..ROUNDS)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..batch {
                f();
            }
            start.elapsed().as_nanos() as f64 / batch as f64
        })
        .fold(f64::INFINITY, f64::min)
}

fn stdnum_ns_per_draft(numbers: &[&str]) -> Result<f64, String> {
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
    stdout
        .split_whitespace()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .ok_or_else(|| format!("unexpected output: {stdout}"))
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
    let per_second = |ns: f64| 1e9 / ns;
    println!("rules: complete check, enterprise draft: {check_enterprise:>9.0} ns/draft  {:>9.0} drafts/s/core", per_second(check_enterprise));
    println!("rules: complete check, personal draft:   {check_personal:>9.0} ns/draft  {:>9.0} drafts/s/core", per_second(check_personal));
    println!("rules: JSON parse + check, enterprise:   {parse_and_check:>9.0} ns/draft  {:>9.0} drafts/s/core", per_second(parse_and_check));

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
        println!("ids.rs, {label}: {ours:>9.1} ns/draft");
        match stdnum_ns_per_draft(numbers) {
            Ok(ns) => println!(
                "python-stdnum, {label}: {ns:>9.0} ns/draft  → whole rule check {:.1}× faster; identifier checks alone {:.0}× faster",
                ns / check_enterprise,
                ns / ours
            ),
            Err(e) => println!("python-stdnum, {label}: not measured ({e}; pip install python-stdnum)"),
        }
    }
}

use beian_rules::{check, Date, Draft, Options};
#[test]
fn probe() {
    let full: serde_json::Value = serde_json::from_str(include_str!("drafts/clean_enterprise.json")).unwrap();
    let o = Options { today: Date::new(2026, 11, 23).unwrap(), complete: false };
    for key in ["subject", "subject_principal", "app", "app_principal", "admin", "materials", "ALL"] {
        let d: Draft = if key == "ALL" { serde_json::from_value(full.clone()).unwrap() } else {
            let mut v = serde_json::json!({}); v[key] = full[key].clone(); serde_json::from_value(v).unwrap() };
        let n = 20000;
        let t = std::time::Instant::now();
        for _ in 0..n { std::hint::black_box(check(std::hint::black_box(&d), &o)); }
        eprintln!("{key}: {:?}/draft", t.elapsed() / n);
    }
}

//! `beian install` / `uninstall` / `doctor`: host manifests named `com.beian.helper` in each
//! browser's user-scope directory (or `--user-data-dir`), pointing at this binary, with our
//! extension's origin (Chromium family) or add-on id (Firefox).

mod common;
use common::*;
use serde_json::Value;
use std::path::Path;

fn run_home(home: &Path, args: &[&str]) -> std::process::Output {
    beian(&home.join("db")).env("HOME", home).args(args).output().unwrap()
}

fn read_json(p: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))).unwrap()
}

#[cfg(target_os = "linux")]
#[test]
fn install_all_writes_every_browser_manifest_and_uninstall_removes_them() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let out = run_home(h, &["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let exe = std::fs::canonicalize(BIN).unwrap();
    let chromium_family = [
        ".config/google-chrome/NativeMessagingHosts",
        ".config/chromium/NativeMessagingHosts",
        ".config/microsoft-edge/NativeMessagingHosts",
        ".config/BraveSoftware/Brave-Browser/NativeMessagingHosts",
    ];
    for dir in chromium_family {
        let m = read_json(&h.join(dir).join("com.beian.helper.json"));
        assert_eq!(m["name"], "com.beian.helper");
        assert_eq!(m["type"], "stdio");
        assert_eq!(m["path"], exe.to_str().unwrap());
        let origin = m["allowed_origins"][0].as_str().unwrap();
        let id = origin.strip_prefix("chrome-extension://").and_then(|s| s.strip_suffix('/')).unwrap();
        assert_eq!(id.len(), 32);
        assert!(id.bytes().all(|b| (b'a'..=b'p').contains(&b)));
        assert!(m.get("allowed_extensions").is_none());
    }
    let ff = read_json(&h.join(".mozilla/native-messaging-hosts/com.beian.helper.json"));
    assert_eq!(ff["allowed_extensions"], serde_json::json!(["beian@mp-filing-assistant"]));
    assert!(ff.get("allowed_origins").is_none());
    assert_eq!(ff["path"], exe.to_str().unwrap());

    let doctor = run_home(h, &["doctor", "--format", "json"]);
    assert_eq!(doctor.status.code(), Some(0));
    let d = stdout_json(&doctor);
    assert!(d["browsers"].as_array().unwrap().iter().all(|b| b["exists"] == true && b["ok"] == true && b["is_this_binary"] == true), "{d}");
    assert!(!h.join("db").exists(), "doctor does not create the database");

    assert_eq!(run_home(h, &["uninstall"]).status.code(), Some(0));
    for dir in chromium_family.iter().chain([".mozilla/native-messaging-hosts"].iter()) {
        assert!(!h.join(dir).join("com.beian.helper.json").exists(), "{dir}");
    }
    assert_eq!(run_home(h, &["uninstall"]).status.code(), Some(0), "uninstalling twice is fine");
}

#[test]
fn user_data_dir_gets_the_manifest_and_the_extension_id_can_be_given() {
    let home = tempfile::tempdir().unwrap();
    let profile = home.path().join("profile");
    let out = run_home(home.path(), &["install", "--browser", "chromium", "--user-data-dir", profile.to_str().unwrap(), "--extension-id", "abcdefghijklmnopabcdefghijklmnop"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let m = read_json(&profile.join("NativeMessagingHosts/com.beian.helper.json"));
    assert_eq!(m["allowed_origins"], serde_json::json!(["chrome-extension://abcdefghijklmnopabcdefghijklmnop/"]));
    assert!(!home.path().join(".config").exists(), "only the user-data-dir is touched");

    let doctor = stdout_json(&run_home(home.path(), &["doctor", "--format", "json", "--user-data-dir", profile.to_str().unwrap()]));
    let entry = doctor["browsers"].as_array().unwrap().iter().find(|b| b["browser"] == "user-data-dir").unwrap().clone();
    assert_eq!(entry["ok"], true, "{entry}");

    assert_eq!(run_home(home.path(), &["uninstall", "--user-data-dir", profile.to_str().unwrap()]).status.code(), Some(0));
    assert!(!profile.join("NativeMessagingHosts/com.beian.helper.json").exists());
}

#[test]
fn doctor_reports_broken_manifests_and_bad_options_exit_2() {
    let home = tempfile::tempdir().unwrap();
    let profile = home.path().join("profile");
    let dir = profile.join("NativeMessagingHosts");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("com.beian.helper.json"), r#"{"name":"com.beian.helper","path":"/nonexistent/beian","type":"stdio"}"#).unwrap();
    let d = stdout_json(&run_home(home.path(), &["doctor", "--format", "json", "--user-data-dir", profile.to_str().unwrap()]));
    let entry = d["browsers"].as_array().unwrap().iter().find(|b| b["browser"] == "user-data-dir").unwrap().clone();
    assert_eq!(entry["exists"], true);
    assert_eq!(entry["executable"], false);
    assert_eq!(entry["ok"], false);
    let text = String::from_utf8(run_home(home.path(), &["doctor", "--user-data-dir", profile.to_str().unwrap()]).stdout).unwrap();
    assert!(text.contains("not an executable"), "{text}");
    assert!(text.contains("database:"), "{text}");

    assert_eq!(run_home(home.path(), &["install", "--browser", "netscape"]).status.code(), Some(2));
    assert_eq!(run_home(home.path(), &["install", "--extension-id", "short"]).status.code(), Some(2));
}

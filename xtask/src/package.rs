//! `cargo xtask package`: store-ready, reproducible zips for Chrome/Edge/Brave and Firefox, plus the
//! same trees unpacked in `dist/chrome/` and `dist/firefox/` for loading by hand and for the tests.
//!
//! The built repository root is the source (`cargo xtask build` runs first unless `--no-build`);
//! only what the extension loads is copied: the manifest, `_locales`, `extension/` pages, scripts,
//! styles and icons, and the generated `pkg`/`pkg-fallback` — never sources, maps or type stubs.
//! Every file the manifest names (and the worker glue that background.js and popup.js import) must
//! be there and non-empty, so a half-finished build cannot be packaged.
//!
//! Manifest flavours (generated here, `manifest.json` stays the one source):
//! - Chrome Web Store zip (also what Edge Add-ons and Brave take): no `key` — the store refuses
//!   uploads that carry one and assigns the id itself — and no `browser_specific_settings`, which
//!   Chromium reports as an unrecognised key.
//! - `dist/chrome/` keeps `key`, so an unpacked load gets the same id as the repository root and
//!   the native-messaging host registered by `beian install` (allowed_origins) accepts it.
//! - Firefox (zip and `dist/firefox/`): `background.scripts` instead of `service_worker` (Firefox
//!   has no extension service workers; the module type is kept), `use_dynamic_url` dropped (Firefox
//!   already gives each install a random moz-extension:// host), no `key`, and
//!   `browser_specific_settings.gecko` with the add-on id, `strict_min_version` 140.0 and
//!   `data_collection_permissions` — 140 is the first desktop release that knows that key (so lint
//!   has nothing to warn about) and the oldest supported ESR line; Firefox for Android learnt the
//!   key in 142, so `gecko_android.strict_min_version` says 142.0 (lint warns without it). This is
//!   what makes `web-ext lint --warnings-as-errors` pass.
//!
//! Reproducible: entries sorted, timestamps fixed (1980-01-01 or `SOURCE_DATE_EPOCH`), Unix mode
//! 0644, deflate level fixed in a pinned `miniz_oxide` (see `zip.rs`): the same tree gives the same
//! bytes, so reviewers can rebuild and compare sha256 sums.

mod zip;

use crate::util::root;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use zip::DosTime;

/// The Firefox add-on id; the helper's Firefox host manifest lists it in `allowed_extensions`.
pub const GECKO_ID: &str = "beian@mp-filing-assistant";
/// First Firefox release with `data_collection_permissions`; also the oldest supported ESR line.
pub const GECKO_MIN_VERSION: &str = "140.0";
/// First Firefox for Android release with `data_collection_permissions`.
pub const GECKO_ANDROID_MIN_VERSION: &str = "142.0";

/// File types copied from `extension/` (anything else there — sources, maps, .d.ts — is left out).
const EXTENSION_FILE_TYPES: &[&str] = &["js", "mjs", "html", "css", "png", "svg", "wasm"];
/// Loaded by background.js / popup.js through `import`, so the manifest does not name them.
const REQUIRED_UNNAMED: &[&str] = &["extension/pkg/beian_worker.js", "extension/pkg/beian_worker_bg.wasm"];

/// One browser family's package.
#[derive(Debug)]
pub struct Package {
    /// `chrome` or `firefox`: names `dist/<flavour>/` and `dist/beian-<flavour>-<version>.zip`.
    pub flavour: &'static str,
    /// What goes into the zip (archive path → bytes).
    pub zip_entries: BTreeMap<String, Vec<u8>>,
    /// What goes into `dist/<flavour>/` (differs from the zip only in Chrome's manifest `key`).
    pub unpacked_entries: BTreeMap<String, Vec<u8>>,
}

pub fn run(args: &[String]) -> Result<(), String> {
    let mut build = true;
    let mut out_dir: Option<PathBuf> = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--no-build" => build = false,
            "--out" => out_dir = Some(rest.next().ok_or("package: --out needs a directory")?.into()),
            other => return Err(format!("package: unknown option `{other}` (known: --no-build, --out DIR)")),
        }
    }
    if build {
        crate::build::run(&[])?;
    }
    let root = root();
    let out_dir = out_dir.unwrap_or_else(|| root.join("dist"));
    let (version, packages) = packages(&root)?;
    let time = DosTime::from_env();
    fs::create_dir_all(&out_dir).map_err(|e| format!("cannot create {}: {e}", out_dir.display()))?;
    for package in &packages {
        let archive = zip::write(&package.zip_entries, time)?;
        let zip_path = out_dir.join(format!("beian-{}-{version}.zip", package.flavour));
        fs::write(&zip_path, &archive).map_err(|e| format!("cannot write {}: {e}", zip_path.display()))?;
        let unpacked = out_dir.join(package.flavour);
        write_tree(&unpacked, &package.unpacked_entries)?;
        eprintln!(
            "  {:>9} B  {} ({} files; unpacked in {})",
            archive.len(),
            zip_path.display(),
            package.zip_entries.len(),
            unpacked.display()
        );
    }
    Ok(())
}

/// The manifest version and both packages, from a built tree at `root`.
pub fn packages(root: &Path) -> Result<(String, Vec<Package>), String> {
    let manifest_path = root.join("manifest.json");
    let text = fs::read_to_string(&manifest_path).map_err(|e| format!("cannot read {}: {e}", manifest_path.display()))?;
    let manifest: Value = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", manifest_path.display()))?;
    let version = manifest
        .get("version")
        .and_then(Value::as_str)
        .filter(|v| !v.is_empty() && v.chars().all(|c| c.is_ascii_digit() || c == '.'))
        .ok_or("manifest.json: `version` must be dotted numbers")?
        .to_string();
    let files = collect_files(root)?;
    check_complete(&manifest, &files)?;

    let with_manifest = |manifest: &Value| -> Result<BTreeMap<String, Vec<u8>>, String> {
        let mut entries = files.clone();
        entries.insert("manifest.json".into(), to_json_bytes(manifest)?);
        Ok(entries)
    };
    let chrome = Package {
        flavour: "chrome",
        zip_entries: with_manifest(&chrome_manifest(&manifest, false))?,
        unpacked_entries: with_manifest(&chrome_manifest(&manifest, true))?,
    };
    let firefox_entries = with_manifest(&firefox_manifest(&manifest)?)?;
    let firefox = Package { flavour: "firefox", zip_entries: firefox_entries.clone(), unpacked_entries: firefox_entries };
    Ok((version, vec![chrome, firefox]))
}

/// The Chromium flavour: `browser_specific_settings` removed; `key` kept only for unpacked loads.
pub fn chrome_manifest(manifest: &Value, keep_key: bool) -> Value {
    let mut m = manifest.clone();
    if let Some(obj) = m.as_object_mut() {
        obj.remove("browser_specific_settings");
        if !keep_key {
            obj.remove("key");
        }
    }
    m
}

/// The Firefox flavour (see the module comment for why each change).
pub fn firefox_manifest(manifest: &Value) -> Result<Value, String> {
    let mut m = manifest.clone();
    let obj = m.as_object_mut().ok_or("manifest.json is not an object")?;
    obj.remove("key");
    if let Some(background) = obj.get_mut("background").and_then(Value::as_object_mut) {
        if let Some(worker) = background.remove("service_worker") {
            let scripts = background.entry("scripts").or_insert_with(|| json!([]));
            if let Some(list) = scripts.as_array_mut() {
                if !list.contains(&worker) {
                    list.push(worker);
                }
            }
        }
    }
    if let Some(resources) = obj.get_mut("web_accessible_resources").and_then(Value::as_array_mut) {
        for entry in resources.iter_mut().filter_map(Value::as_object_mut) {
            entry.remove("use_dynamic_url");
        }
    }
    let settings = obj.entry("browser_specific_settings").or_insert_with(|| json!({}));
    let settings = settings.as_object_mut().ok_or("manifest.json: browser_specific_settings is not an object")?;
    let gecko = settings.entry("gecko").or_insert_with(|| json!({}));
    let gecko = gecko.as_object_mut().ok_or("manifest.json: browser_specific_settings.gecko is not an object")?;
    gecko.insert("id".into(), json!(GECKO_ID));
    gecko.insert("strict_min_version".into(), json!(GECKO_MIN_VERSION));
    gecko.insert("data_collection_permissions".into(), json!({ "required": ["none"] }));
    settings.insert("gecko_android".into(), json!({ "strict_min_version": GECKO_ANDROID_MIN_VERSION }));
    Ok(m)
}

/// Pretty JSON with a final newline (keys sorted: serde_json's map is ordered by key).
fn to_json_bytes(value: &Value) -> Result<Vec<u8>, String> {
    let mut text = serde_json::to_string_pretty(value).map_err(|e| e.to_string())?;
    text.push('\n');
    Ok(text.into_bytes())
}

/// The files of the extension besides the manifest (archive path → bytes): `_locales` (at the
/// root, or `extension/_locales` mapped to the root where browsers look for it) and `extension/`.
fn collect_files(root: &Path) -> Result<BTreeMap<String, Vec<u8>>, String> {
    let mut files = BTreeMap::new();
    let locales = [root.join("_locales"), root.join("extension").join("_locales")].into_iter().find(|d| d.is_dir());
    if let Some(dir) = locales {
        walk(&dir, "_locales", &mut |path, bytes| {
            if path.ends_with(".json") {
                files.insert(path, bytes);
            }
        })?;
    }
    walk(&root.join("extension"), "extension", &mut |path, bytes| {
        let is_locale = path.starts_with("extension/_locales/");
        let wanted = path.rsplit_once('.').is_some_and(|(_, ext)| EXTENSION_FILE_TYPES.contains(&ext));
        if wanted && !is_locale {
            files.insert(path, bytes);
        }
    })?;
    Ok(files)
}

/// Calls `take(archive path, bytes)` for every regular file under `dir`, skipping hidden entries.
fn walk(dir: &Path, prefix: &str, take: &mut dyn FnMut(String, Vec<u8>)) -> Result<(), String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
        let name = entry.file_name();
        let Some(name) = name.to_str() else {
            return Err(format!("{}: file name is not UTF-8", entry.path().display()));
        };
        if name.starts_with('.') {
            continue;
        }
        let path = entry.path();
        let archive_path = format!("{prefix}/{name}");
        let kind = entry.file_type().map_err(|e| format!("{}: {e}", path.display()))?;
        if kind.is_dir() {
            walk(&path, &archive_path, take)?;
        } else if kind.is_file() {
            take(archive_path, fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?);
        }
    }
    Ok(())
}

/// Every file the manifest names, plus [`REQUIRED_UNNAMED`], exists among `files` and is non-empty.
fn check_complete(manifest: &Value, files: &BTreeMap<String, Vec<u8>>) -> Result<(), String> {
    let mut needed: Vec<String> = manifest_paths(manifest);
    needed.extend(REQUIRED_UNNAMED.iter().map(|s| s.to_string()));
    if manifest.get("default_locale").is_some() {
        needed.push("_locales/en/messages.json".into());
        if let Some(default) = manifest.get("default_locale").and_then(Value::as_str) {
            needed.push(format!("_locales/{default}/messages.json"));
        }
    }
    let missing: Vec<&str> =
        needed.iter().map(String::as_str).filter(|p| files.get(*p).is_none_or(|bytes| bytes.is_empty())).collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(format!("package: missing or empty (run `cargo xtask build` first?): {}", missing.join(", ")))
    }
}

/// The file paths a manifest refers to (icons, popup, background, content scripts, web-accessible
/// resources without wildcards).
fn manifest_paths(manifest: &Value) -> Vec<String> {
    let mut paths = Vec::new();
    let mut strings = |v: Option<&Value>| {
        match v {
            Some(Value::String(s)) => paths.push(s.clone()),
            Some(Value::Object(map)) => paths.extend(map.values().filter_map(Value::as_str).map(String::from)),
            Some(Value::Array(list)) => paths.extend(list.iter().filter_map(Value::as_str).map(String::from)),
            _ => {}
        };
    };
    let at = |path: &[&str]| path.iter().try_fold(manifest, |v, key| v.get(key));
    strings(at(&["icons"]));
    strings(at(&["action", "default_icon"]));
    strings(at(&["action", "default_popup"]));
    strings(at(&["background", "service_worker"]));
    strings(at(&["background", "scripts"]));
    let empty = Vec::new();
    for script in at(&["content_scripts"]).and_then(Value::as_array).unwrap_or(&empty) {
        strings(script.get("js"));
        strings(script.get("css"));
    }
    for resource in at(&["web_accessible_resources"]).and_then(Value::as_array).unwrap_or(&empty) {
        strings(resource.get("resources"));
    }
    paths.retain(|p| !p.contains('*'));
    paths.iter().map(|p| p.trim_start_matches('/').to_string()).collect()
}

/// Replaces `dir` with exactly `entries`.
fn write_tree(dir: &Path, entries: &BTreeMap<String, Vec<u8>>) -> Result<(), String> {
    if dir.exists() {
        fs::remove_dir_all(dir).map_err(|e| format!("cannot clear {}: {e}", dir.display()))?;
    }
    for (name, bytes) in entries {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        fs::write(&path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// A fresh directory under the system temp dir, removed when dropped.
    struct TempTree(PathBuf);

    impl TempTree {
        fn new() -> TempTree {
            static N: AtomicUsize = AtomicUsize::new(0);
            let dir = std::env::temp_dir()
                .join(format!("xtask-package-{}-{}", std::process::id(), N.fetch_add(1, Ordering::Relaxed)));
            let _ = fs::remove_dir_all(&dir);
            fs::create_dir_all(&dir).unwrap();
            TempTree(dir)
        }

        fn file(&self, path: &str, contents: &[u8]) {
            let path = self.0.join(path);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, contents).unwrap();
        }
    }

    impl Drop for TempTree {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    fn manifest() -> Value {
        serde_json::from_str(include_str!("../../manifest.json")).unwrap()
    }

    /// A built tree in miniature: the real manifest, every file it names, and things to leave out.
    fn built_tree() -> TempTree {
        let tree = TempTree::new();
        tree.file("manifest.json", include_bytes!("../../manifest.json"));
        for path in manifest_paths(&manifest()).into_iter().chain(REQUIRED_UNNAMED.iter().map(|s| s.to_string())) {
            tree.file(&path, format!("contents of {path}\n").repeat(20).as_bytes());
        }
        tree.file("_locales/zh_CN/messages.json", "{\"extName\": {\"message\": \"小程序备案助手\"}}".as_bytes());
        tree.file("_locales/en/messages.json", b"{\"extName\": {\"message\": \"Filing assistant\"}}");
        tree.file("extension/popup.js", b"import './pkg/beian_worker.js';");
        tree.file("extension/pkg/beian_content.js.map", b"{}");
        tree.file("extension/pkg/beian_content.d.ts", b"export {};");
        tree.file("extension/pkg/package.json", b"{}");
        tree.file("extension/.popup.js.swp", b"x");
        tree.file("crates/rules/src/lib.rs", b"//! no");
        tree
    }

    #[test]
    fn the_same_tree_gives_the_same_bytes_twice() {
        let tree = built_tree();
        let first: Vec<Vec<u8>> =
            packages(&tree.0).unwrap().1.iter().map(|p| zip::write(&p.zip_entries, DosTime::EPOCH).unwrap()).collect();
        // Touch every file again (new mtimes, rewritten in another order) and package once more.
        std::thread::sleep(std::time::Duration::from_millis(20));
        let (_, again) = packages(&tree.0).unwrap();
        for (name, bytes) in again[0].unpacked_entries.iter().rev() {
            tree.file(name, bytes);
        }
        tree.file("manifest.json", include_bytes!("../../manifest.json"));
        let second: Vec<Vec<u8>> =
            packages(&tree.0).unwrap().1.iter().map(|p| zip::write(&p.zip_entries, DosTime::EPOCH).unwrap()).collect();
        assert_eq!(first.len(), 2);
        assert!(first == second, "archives differ between two runs over the same tree");
    }

    #[test]
    fn only_extension_files_are_packaged() {
        let tree = built_tree();
        let (version, packages) = packages(&tree.0).unwrap();
        assert_eq!(version, manifest()["version"].as_str().unwrap());
        for package in &packages {
            let archive = zip::write(&package.zip_entries, DosTime::EPOCH).unwrap();
            let names: Vec<String> = zip::tests::read(&archive).into_iter().map(|(n, _)| n).collect();
            assert!(names.contains(&"manifest.json".to_string()));
            assert!(names.contains(&"_locales/zh_CN/messages.json".to_string()));
            assert!(names.contains(&"extension/pkg/beian_worker_bg.wasm".to_string()));
            for excluded in ["extension/pkg/beian_content.js.map", "extension/pkg/beian_content.d.ts", "extension/pkg/package.json"] {
                assert!(!names.iter().any(|n| n == excluded), "{} packages {excluded}", package.flavour);
            }
            assert!(!names.iter().any(|n| n.contains("/.") || n.starts_with("crates/")), "{names:?}");
        }
    }

    #[test]
    fn a_missing_build_output_is_an_error_naming_it() {
        let tree = built_tree();
        fs::remove_file(tree.0.join("extension/pkg/beian_worker_bg.wasm")).unwrap();
        let error = packages(&tree.0).unwrap_err();
        assert!(error.contains("extension/pkg/beian_worker_bg.wasm"), "{error}");
        tree.file("extension/pkg/beian_worker_bg.wasm", b"");
        assert!(packages(&tree.0).is_err(), "an empty wasm is as bad as a missing one");
    }

    #[test]
    fn the_chrome_store_manifest_has_no_key_but_the_unpacked_one_does() {
        let (_, packages) = packages(&built_tree().0).unwrap();
        let parse = |bytes: &Vec<u8>| serde_json::from_slice::<Value>(bytes).unwrap();
        let chrome = &packages[0];
        assert_eq!(chrome.flavour, "chrome");
        let store = parse(&chrome.zip_entries["manifest.json"]);
        let unpacked = parse(&chrome.unpacked_entries["manifest.json"]);
        assert!(store.get("key").is_none());
        assert!(store.get("browser_specific_settings").is_none());
        assert_eq!(unpacked.get("key"), manifest().get("key"));
        assert_eq!(store["background"], manifest()["background"], "the service worker stays for Chromium");
        assert_eq!(store["web_accessible_resources"], manifest()["web_accessible_resources"]);
    }

    #[test]
    fn the_firefox_manifest_uses_background_scripts_and_gecko_settings() {
        let firefox = firefox_manifest(&manifest()).unwrap();
        let worker = manifest()["background"]["service_worker"].clone();
        assert!(worker.is_string(), "the source manifest has a service worker");
        assert_eq!(firefox["background"]["scripts"], json!([worker]));
        assert!(firefox["background"].get("service_worker").is_none());
        assert_eq!(firefox["background"]["type"], manifest()["background"]["type"]);
        assert!(firefox.get("key").is_none());
        let gecko = &firefox["browser_specific_settings"]["gecko"];
        assert_eq!(gecko["id"], GECKO_ID);
        assert_eq!(gecko["strict_min_version"], GECKO_MIN_VERSION);
        assert_eq!(gecko["data_collection_permissions"], json!({ "required": ["none"] }));
        assert_eq!(firefox["browser_specific_settings"]["gecko_android"]["strict_min_version"], GECKO_ANDROID_MIN_VERSION);
        for entry in firefox["web_accessible_resources"].as_array().unwrap() {
            assert!(entry.get("use_dynamic_url").is_none());
            assert!(!entry["resources"].as_array().unwrap().is_empty());
        }
        // Everything else is carried over unchanged.
        for key in ["manifest_version", "version", "permissions", "content_scripts", "action", "content_security_policy"] {
            assert_eq!(firefox[key], manifest()[key], "{key}");
        }
    }

    #[test]
    fn the_firefox_flavour_tolerates_odd_manifests() {
        assert!(firefox_manifest(&json!([])).is_err());
        let bare = firefox_manifest(&json!({ "version": "1" })).unwrap();
        assert_eq!(bare["browser_specific_settings"]["gecko"]["id"], GECKO_ID);
        assert!(firefox_manifest(&json!({ "browser_specific_settings": 3 })).is_err());
        let both = json!({ "background": { "service_worker": "a.js", "scripts": ["a.js"] } });
        assert_eq!(firefox_manifest(&both).unwrap()["background"], json!({ "scripts": ["a.js"] }));
    }
}

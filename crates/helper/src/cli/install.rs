//! `beian install`, `beian uninstall`, `beian doctor`: registering this binary as the
//! native-messaging host `com.beian.helper` with the browsers, and checking that it is reachable.

use super::args::{Args, Format};
use super::style::table;
use super::{print_json, usage_error, wants_help};
use crate::manifest::{self, Browser};
use crate::store::{self, Store};
use crate::ExitCode;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

const INSTALL_HELP: &str = "\
Usage: beian install [--browser chrome|chromium|edge|brave|firefox|all] [--user-data-dir DIR] [--extension-id ID]

Writes the native-messaging host manifest `com.beian.helper.json` pointing at this binary:
  default            the user-scope manifest directory of every browser (Linux, macOS; Windows:
                     a manifest in the data dir plus an HKCU registry key)
  --user-data-dir    DIR/NativeMessagingHosts/ only (a browser started with --user-data-dir=DIR);
                     Chromium flavour unless --browser firefox
  --extension-id     allow another Chromium extension id (default: the id of our manifest key)";

const UNINSTALL_HELP: &str = "\
Usage: beian uninstall [--browser …|all] [--user-data-dir DIR]

Removes the host manifests (and registry keys on Windows) that `beian install` writes.";

const DOCTOR_HELP: &str = "\
Usage: beian doctor [--format text|json]

Says where the database is and whether it opens, and for each browser where the host manifest is,
whether it exists and whether its `path` points at an executable.";

/// Where manifests go: per browser (user scope) or one `--user-data-dir`.
struct Targets {
    entries: Vec<(Browser, PathBuf)>,
}

fn home() -> Option<PathBuf> {
    directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf())
}

fn targets(args: &mut Args) -> Result<Targets, String> {
    let browser = args.value("--browser")?.unwrap_or_else(|| "all".into());
    let user_data_dir = args.value("--user-data-dir")?;
    let browsers: Vec<Browser> = if browser == "all" {
        Browser::ALL.to_vec()
    } else {
        vec![Browser::from_name(&browser).ok_or_else(|| format!("--browser {browser:?} is not one of chrome, chromium, edge, brave, firefox, all"))?]
    };
    if let Some(dir) = user_data_dir {
        let dir = PathBuf::from(dir).join("NativeMessagingHosts");
        let flavour = if browsers == [Browser::Firefox] { Browser::Firefox } else { browsers.iter().copied().find(|b| !b.is_firefox()).unwrap_or(Browser::Chromium) };
        return Ok(Targets { entries: vec![(flavour, dir)] });
    }
    let home = home().ok_or("cannot find the home directory")?;
    Ok(Targets { entries: browsers.into_iter().map(|b| (b, b.manifest_dir(&home))).collect() })
}

fn current_exe() -> Result<PathBuf, String> {
    let exe = std::env::current_exe().map_err(|e| format!("cannot find this program's path: {e}"))?;
    Ok(exe.canonicalize().unwrap_or(exe))
}

pub fn install(mut args: Args) -> ExitCode {
    if wants_help(&mut args, INSTALL_HELP) {
        return ExitCode::Ok;
    }
    let parsed = (|| {
        let targets = targets(&mut args)?;
        let id = args.value("--extension-id")?.unwrap_or_else(manifest::extension_id);
        if id.len() != 32 || !id.bytes().all(|b| (b'a'..=b'p').contains(&b)) {
            return Err(format!("--extension-id {id:?} is not a Chromium extension id (32 letters a–p)"));
        }
        args.clone().finish()?;
        Ok((targets, id, current_exe()?))
    })();
    let (targets, id, exe) = match parsed {
        Ok(p) => p,
        Err(m) => return usage_error("install", &m),
    };
    let mut failed = false;
    for (browser, dir) in &targets.entries {
        let file = manifest::manifest_file(dir);
        let content = manifest::manifest_json(*browser, &exe, &id);
        let written = std::fs::create_dir_all(dir)
            .and_then(|_| std::fs::write(&file, serde_json::to_string_pretty(&content).unwrap_or_default() + "\n"));
        match written {
            Ok(()) => {
                println!("{:<9} {}", browser.name(), file.display());
                if let Err(e) = register(*browser, &file) {
                    eprintln!("beian install: {}: registry: {e}", browser.name());
                    failed = true;
                }
            }
            Err(e) => {
                eprintln!("beian install: {}: cannot write {}: {e}", browser.name(), file.display());
                failed = true;
            }
        }
    }
    if failed { ExitCode::Unreadable } else { ExitCode::Ok }
}

pub fn uninstall(mut args: Args) -> ExitCode {
    if wants_help(&mut args, UNINSTALL_HELP) {
        return ExitCode::Ok;
    }
    let targets = match targets(&mut args).and_then(|t| args.clone().finish().map(|_| t)) {
        Ok(t) => t,
        Err(m) => return usage_error("uninstall", &m),
    };
    let mut failed = false;
    for (browser, dir) in &targets.entries {
        let file = manifest::manifest_file(dir);
        match std::fs::remove_file(&file) {
            Ok(()) => println!("removed {}", file.display()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                eprintln!("beian uninstall: cannot remove {}: {e}", file.display());
                failed = true;
            }
        }
        unregister(*browser);
    }
    if failed { ExitCode::Unreadable } else { ExitCode::Ok }
}

#[cfg(windows)]
fn register(browser: Browser, file: &Path) -> Result<(), String> {
    let status = std::process::Command::new("reg")
        .args(["add", &browser.registry_key(), "/ve", "/t", "REG_SZ", "/d"])
        .arg(file)
        .arg("/f")
        .status()
        .map_err(|e| e.to_string())?;
    if status.success() { Ok(()) } else { Err(format!("reg add exited with {status}")) }
}

#[cfg(not(windows))]
fn register(_browser: Browser, _file: &Path) -> Result<(), String> {
    Ok(())
}

#[cfg(windows)]
fn unregister(browser: Browser) {
    let _ = std::process::Command::new("reg").args(["delete", &browser.registry_key(), "/f"]).status();
}

#[cfg(not(windows))]
fn unregister(_browser: Browser) {}

/// What doctor finds about one manifest file.
fn manifest_state(file: &Path, expected_exe: &Path) -> Value {
    let Ok(text) = std::fs::read_to_string(file) else {
        return json!({ "exists": false });
    };
    let parsed: Option<Value> = serde_json::from_str(&text).ok();
    let target = parsed.as_ref().and_then(|m| m.get("path")).and_then(Value::as_str).map(PathBuf::from);
    let executable = target.as_deref().is_some_and(is_executable);
    let is_this = target.as_deref().and_then(|t| t.canonicalize().ok()).is_some_and(|t| t == expected_exe);
    let name_ok = parsed.as_ref().and_then(|m| m.get("name")).and_then(Value::as_str) == Some(manifest::HOST_NAME);
    json!({
        "exists": true,
        "valid_json": parsed.is_some(),
        "name_ok": name_ok,
        "path": target.map(|t| t.display().to_string()),
        "executable": executable,
        "is_this_binary": is_this,
        "ok": name_ok && executable,
    })
}

fn is_executable(path: &Path) -> bool {
    let Ok(meta) = std::fs::metadata(path) else { return false };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        meta.is_file() && meta.permissions().mode() & 0o111 != 0
    }
    #[cfg(not(unix))]
    {
        meta.is_file()
    }
}

pub fn doctor(mut args: Args) -> ExitCode {
    if wants_help(&mut args, DOCTOR_HELP) {
        return ExitCode::Ok;
    }
    let parsed = (|| {
        let format = args.format(&[Format::Text, Format::Json])?;
        let user_data_dir = args.value("--user-data-dir")?;
        args.clone().finish()?;
        Ok::<_, String>((format, user_data_dir))
    })();
    let (format, user_data_dir) = match parsed {
        Ok(p) => p,
        Err(m) => return usage_error("doctor", &m),
    };
    let exe = current_exe().unwrap_or_default();
    let db = match store::default_path() {
        Err(m) => json!({ "path": null, "ok": false, "problem": m }),
        Ok(path) => {
            let exists = path.exists();
            // Doctor never creates the database: it only opens one that is there.
            let state = if exists { Store::open(&path).and_then(|s| Ok((s.schema_version()?, s.event_count()?))).map_err(|e| e.to_string()) } else { Err("not created yet (it is created on first use)".into()) };
            match state {
                Ok((schema, events)) => json!({ "path": path.display().to_string(), "exists": true, "ok": true, "schema_version": schema, "events": events }),
                Err(problem) => json!({ "path": path.display().to_string(), "exists": exists, "ok": !exists, "problem": problem }),
            }
        }
    };
    let mut browsers = Vec::new();
    let mut places: Vec<(String, PathBuf)> = match home() {
        Some(home) => Browser::ALL.iter().map(|b| (b.name().to_string(), b.manifest_dir(&home))).collect(),
        None => Vec::new(),
    };
    if let Some(dir) = user_data_dir {
        places.push(("user-data-dir".into(), PathBuf::from(dir).join("NativeMessagingHosts")));
    }
    for (name, dir) in places {
        let file = manifest::manifest_file(&dir);
        let mut state = manifest_state(&file, &exe);
        state["browser"] = json!(name);
        state["manifest"] = json!(file.display().to_string());
        browsers.push(state);
    }
    let report = json!({
        "version": crate::host::VERSION,
        "binary": exe.display().to_string(),
        "extension_id": manifest::extension_id(),
        "database": db,
        "browsers": browsers,
    });
    if format == Format::Json {
        print_json(&report);
        return ExitCode::Ok;
    }
    println!("beian {} at {}", crate::host::VERSION, exe.display());
    println!("extension id: {}", manifest::extension_id());
    let d = &report["database"];
    let db_line = match (d["ok"].as_bool(), d["problem"].as_str()) {
        (_, Some(p)) => format!("{} — {p}", d["path"].as_str().unwrap_or("?")),
        _ => format!("{} — ok, schema {}, {} events", d["path"].as_str().unwrap_or("?"), d["schema_version"], d["events"]),
    };
    println!("database: {db_line}\n");
    let rows: Vec<Vec<String>> = browsers
        .iter()
        .map(|b| {
            let verdict = if b["exists"] != true {
                "not installed (run `beian install`)".to_string()
            } else if b["ok"] == true {
                if b["is_this_binary"] == true { "ok".into() } else { format!("ok (points at {})", b["path"].as_str().unwrap_or("?")) }
            } else if b["valid_json"] != true {
                "broken manifest (not JSON)".into()
            } else {
                format!("broken: path {} is not an executable", b["path"].as_str().unwrap_or("?"))
            };
            vec![b["browser"].as_str().unwrap_or("").to_string(), b["manifest"].as_str().unwrap_or("").to_string(), verdict]
        })
        .collect();
    print!("{}", table(&["BROWSER", "MANIFEST", "STATE"], &rows));
    ExitCode::Ok
}

//! `cargo xtask build`: the extension as a browser loads it, from the repository root.
//!
//! 1. `cargo build --profile wasm --target wasm32-unknown-unknown` for `beian-content` and
//!    `beian-worker` (cdylib-only crates, opt-level s, LTO, panic=abort);
//! 2. `wasm-bindgen --target web` → `extension/pkg/` (the CLI must be exactly the version of the
//!    `wasm-bindgen` crate in Cargo.lock: the glue and the wasm's custom section must agree);
//! 3. `wasm-opt -Oz` from npm `binaryen` 132 (Debian's 108 cannot parse reference-types opcodes);
//! 4. the no-WebAssembly fallback of the content script for pages whose CSP forbids compiling wasm
//!    in content scripts: a build without reference-types/multivalue (separate target dir),
//!    `wasm-opt --strip-target-features` (else wasm-bindgen still emits externref glue),
//!    `--llvm-nontrapping-fptoint-lowering` (wasm2js cannot lower the saturating conversions the
//!    prebuilt std uses), `wasm-bindgen --target bundler`, `wasm2js`, and a patch of the glue's memory-view cache
//!    (wasm2js swaps the ArrayBuffer on memory.grow without detaching the old one)
//!    → `extension/pkg-fallback/`.
//!
//! Deterministic: absolute paths are remapped out of the wasm (panic locations), names and
//! producer sections are stripped, so two builds of the same tree give the same bytes.
//! `--content-only` skips the worker (for iterating on the content script).

use crate::util::{cargo, root, run as sh};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

const TARGET: &str = "wasm32-unknown-unknown";
const PROFILE: &str = "wasm";
/// Separate target dir of the no-reference-types build (other RUSTFLAGS: must not evict the main build's cache).
const FALLBACK_TARGET_DIR: &str = "target/wasm-noref";
const FALLBACK_FEATURES: &str = "-C target-feature=-reference-types,-multivalue";
/// Features the stripped fallback wasm still uses; wasm-opt and wasm2js must be told about them.
const FALLBACK_WASM_FEATURES: &[&str] =
    &["--enable-bulk-memory", "--enable-sign-ext", "--enable-nontrapping-float-to-int", "--enable-mutable-globals"];

/// A wasm crate and where its glue goes.
struct WasmCrate {
    package: &'static str,
    /// File stem cargo and wasm-bindgen use (`beian_content` → `beian_content.js`, `_bg.wasm`).
    stem: &'static str,
}

const CONTENT: WasmCrate = WasmCrate { package: "beian-content", stem: "beian_content" };
const WORKER: WasmCrate = WasmCrate { package: "beian-worker", stem: "beian_worker" };

pub fn run(args: &[String]) -> Result<(), String> {
    let content_only = args.iter().any(|a| a == "--content-only");
    if let Some(unknown) = args.iter().find(|a| *a != "--content-only") {
        return Err(format!("build: unknown option `{unknown}` (known: --content-only)"));
    }
    let root = root();
    check_wasm_bindgen_version(&root)?;
    // Two builds at once would clear each other's output directories half-way.
    let _lock = BuildLock::acquire(&root.join("target").join("xtask-build.lock"))?;
    let bin = ensure_node_tools(&root)?;
    let crates: Vec<&WasmCrate> = if content_only { vec![&CONTENT] } else { vec![&CONTENT, &WORKER] };

    // 1–3: the wasm builds.
    let mut build = cargo();
    build.args(["build", "--locked", "--profile", PROFILE, "--target", TARGET]);
    for c in &crates {
        build.args(["-p", c.package]);
    }
    build.env("RUSTFLAGS", remap_flags(&root, ""));
    sh(&mut build)?;
    // Written to a staging directory and moved into place at the end, so a browser test running
    // meanwhile never sees a half-written extension/pkg.
    let pkg = root.join("extension").join("pkg");
    let stage = root.join("target").join("xtask-stage");
    let pkg_stage = stage.join("pkg");
    fresh_dir(&pkg_stage)?;
    if content_only {
        // Keep the worker's files from an earlier full build.
        for entry in fs::read_dir(&pkg).into_iter().flatten().flatten() {
            let name = entry.file_name();
            if name.to_string_lossy().starts_with(WORKER.stem) {
                fs::copy(entry.path(), pkg_stage.join(&name)).map_err(|e| format!("cannot copy {}: {e}", entry.path().display()))?;
            }
        }
    }
    for c in &crates {
        let wasm = root.join("target").join(TARGET).join(PROFILE).join(format!("{}.wasm", c.stem));
        wasm_bindgen(&wasm, "web", &pkg_stage)?;
        let bg = pkg_stage.join(format!("{}_bg.wasm", c.stem));
        let mut opt = Command::new(bin.join("wasm-opt"));
        opt.arg("-Oz").args(["--strip-debug", "--strip-producers"]).arg(&bg).arg("-o").arg(&bg);
        sh(&mut opt)?;
    }

    // 4: the fallback.
    let fallback_stage = stage.join("pkg-fallback");
    build_fallback(&root, &bin, &fallback_stage)?;
    replace_dir(&pkg_stage, &pkg)?;
    replace_dir(&fallback_stage, &root.join("extension").join("pkg-fallback"))?;
    for dir in [&pkg, &root.join("extension").join("pkg-fallback")] {
        for entry in fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))? {
            let path = entry.map_err(|e| e.to_string())?.path();
            let len = fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
            eprintln!("  {:>9} B  {}", len, path.strip_prefix(&root).unwrap_or(&path).display());
        }
    }
    Ok(())
}

fn build_fallback(root: &Path, bin: &Path, out: &Path) -> Result<(), String> {
    let mut build = cargo();
    build
        .args(["build", "--locked", "--profile", PROFILE, "--target", TARGET, "-p", CONTENT.package])
        .args(["--target-dir", FALLBACK_TARGET_DIR])
        .env("RUSTFLAGS", remap_flags(root, FALLBACK_FEATURES));
    sh(&mut build)?;
    let built = root.join(FALLBACK_TARGET_DIR).join(TARGET).join(PROFILE).join(format!("{}.wasm", CONTENT.stem));
    let work = root.join("target").join("wasm-fallback-work");
    fresh_dir(&work)?;
    let stripped = work.join(format!("{}.wasm", CONTENT.stem));
    let mut strip = Command::new(bin.join("wasm-opt"));
    // The standard library is prebuilt with saturating float→int instructions, which wasm2js's i64
    // lowering mishandles ("call param types must match"): lower them to plain instructions first.
    strip.args(FALLBACK_WASM_FEATURES).args([
        "--strip-target-features",
        "--strip-debug",
        "--strip-producers",
        "--llvm-nontrapping-fptoint-lowering",
        "-O0",
    ]);
    strip.arg(&built).arg("-o").arg(&stripped);
    sh(&mut strip)?;
    fresh_dir(out)?;
    wasm_bindgen(&stripped, "bundler", out)?;
    let bg_wasm = out.join(format!("{}_bg.wasm", CONTENT.stem));
    let bg_wasm_js = out.join(format!("{}_bg.wasm.js", CONTENT.stem));
    let mut w2j = Command::new(bin.join("wasm2js"));
    w2j.args(FALLBACK_WASM_FEATURES).args(["--enable-bulk-memory-opt", "-Oz"]).arg(&bg_wasm).arg("-o").arg(&bg_wasm_js);
    sh(&mut w2j)?;
    fs::remove_file(&bg_wasm).map_err(|e| format!("cannot remove {}: {e}", bg_wasm.display()))?;
    let glue_path = out.join(format!("{}_bg.js", CONTENT.stem));
    // wasm2js replaces the memory's ArrayBuffer on growth without detaching the old one; the glue
    // only refreshes its cached views when the old buffer is detached → stale views, empty strings.
    // Compare identity instead.
    replace_in(
        &glue_path,
        &[
            (
                "cachedDataViewMemory0 === null || cachedDataViewMemory0.buffer.detached === true || (cachedDataViewMemory0.buffer.detached === undefined && cachedDataViewMemory0.buffer !== wasm.memory.buffer)",
                "cachedDataViewMemory0 === null || cachedDataViewMemory0.buffer !== wasm.memory.buffer",
            ),
            (
                "cachedUint8ArrayMemory0 === null || cachedUint8ArrayMemory0.byteLength === 0",
                "cachedUint8ArrayMemory0 === null || cachedUint8ArrayMemory0.buffer !== wasm.memory.buffer",
            ),
        ],
    )?;
    // One module, no nested imports: a content script's import() of an extension module works under
    // the page's CSP, but the static imports *inside* it are checked against the page's script-src
    // ("Failed to fetch dynamically imported module" under `script-src 'self'`).
    let read = |p: &Path| fs::read_to_string(p).map_err(|e| format!("cannot read {}: {e}", p.display()));
    let bundle = bundle_fallback(&read(&glue_path)?, &read(&bg_wasm_js)?)?;
    for f in [&glue_path, &bg_wasm_js, &out.join(format!("{}.js", CONTENT.stem))] {
        fs::remove_file(f).map_err(|e| format!("cannot remove {}: {e}", f.display()))?;
    }
    let entry = out.join(format!("{}.js", CONTENT.stem));
    fs::write(&entry, bundle).map_err(|e| format!("cannot write {}: {e}", entry.display()))?;
    Ok(())
}

/// Joins the wasm-bindgen bundler glue and the wasm2js module into one ES module: the glue as is
/// (it exports `start`), the wasm2js code in a function that receives the glue's exports as its
/// import object and returns its exports, handed to the glue with `__wbg_set_wasm`.
fn bundle_fallback(glue: &str, wasm_js: &str) -> Result<String, String> {
    let import_line = format!("import * as $_{}_bg_js from './{}_bg.js';", CONTENT.stem, CONTENT.stem);
    if !wasm_js.contains(&import_line) || !wasm_js.contains("var retasmFunc = asmFunc(") {
        return Err("wasm2js output changed shape; re-check bundle_fallback".into());
    }
    if !glue.contains("export function __wbg_set_wasm(") {
        return Err("wasm-bindgen glue has no __wbg_set_wasm; re-check bundle_fallback".into());
    }
    let glue_exports: Vec<&str> = glue
        .lines()
        .filter_map(|l| l.strip_prefix("export function "))
        .filter_map(|rest| rest.split('(').next())
        .collect();
    let body: String = wasm_js
        .lines()
        .filter(|l| *l != import_line && !l.starts_with("export var "))
        .collect::<Vec<_>>()
        .join("\n");
    Ok(format!(
        "// Generated by `cargo xtask build`: wasm-bindgen glue + wasm2js translation of beian_content.wasm.\n\
         {glue}\n\
         const $_{stem}_bg_js = {{ {exports} }};\n\
         const __beian_wasm2js = (() => {{\n{body}\nreturn retasmFunc;\n}})();\n\
         __wbg_set_wasm(__beian_wasm2js);\n",
        stem = CONTENT.stem,
        exports = glue_exports.join(", "),
    ))
}

/// RUSTFLAGS with absolute paths remapped (panic locations would otherwise embed this machine's
/// paths and make the wasm differ between checkouts), plus `extra`.
fn remap_flags(root: &Path, extra: &str) -> String {
    let mut flags = vec![format!("--remap-path-prefix={}=/beian", root.display())];
    if let Some(home) = std::env::var_os("CARGO_HOME").map(PathBuf::from).or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo"))) {
        flags.push(format!("--remap-path-prefix={}=/cargo", home.display()));
    }
    if !extra.is_empty() {
        flags.push(extra.to_string());
    }
    flags.join(" ")
}

fn wasm_bindgen(wasm: &Path, target: &str, out: &Path) -> Result<(), String> {
    let mut cmd = Command::new("wasm-bindgen");
    cmd.args(["--target", target, "--no-typescript", "--out-dir"]).arg(out).arg(wasm);
    sh(&mut cmd)
}

/// The wasm-bindgen CLI must be exactly the crate's version (Cargo.lock).
fn check_wasm_bindgen_version(root: &Path) -> Result<(), String> {
    let lock = fs::read_to_string(root.join("Cargo.lock")).map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let locked = locked_version(&lock, "wasm-bindgen").ok_or("Cargo.lock has no wasm-bindgen package")?;
    let output = Command::new("wasm-bindgen").arg("--version").output().map_err(|e| {
        format!("cannot run wasm-bindgen ({e}): install it with `cargo install wasm-bindgen-cli --version {locked}`")
    })?;
    let cli = String::from_utf8_lossy(&output.stdout);
    let cli = cli.split_whitespace().nth(1).unwrap_or("").to_string();
    if cli != locked {
        return Err(format!(
            "wasm-bindgen CLI is {cli:?} but Cargo.lock has wasm-bindgen {locked}: the glue would not match the wasm. \
             Install the matching CLI: cargo install wasm-bindgen-cli --version {locked}"
        ));
    }
    Ok(())
}

/// The version of `package` in a Cargo.lock text.
fn locked_version(lock: &str, package: &str) -> Option<String> {
    let needle = format!("name = \"{package}\"\n");
    let at = lock.find(&needle)? + needle.len();
    let line = lock[at..].lines().next()?;
    line.strip_prefix("version = \"")?.strip_suffix('"').map(String::from)
}

/// node_modules/.bin with binaryen's tools; runs `npm ci` when missing.
fn ensure_node_tools(root: &Path) -> Result<PathBuf, String> {
    let bin = root.join("node_modules").join(".bin");
    if !bin.join("wasm-opt").exists() || !bin.join("wasm2js").exists() {
        sh(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]))?;
    }
    if !bin.join("wasm-opt").exists() {
        return Err("node_modules/.bin/wasm-opt missing after npm ci (package.json pins binaryen)".into());
    }
    Ok(bin)
}

/// An exclusive lock file for the duration of a build; removed on drop. A lock older than
/// [`BuildLock::STALE`] is from a build that died and is taken over.
struct BuildLock(PathBuf);

impl BuildLock {
    const STALE: std::time::Duration = std::time::Duration::from_secs(20 * 60);

    fn acquire(path: &Path) -> Result<BuildLock, String> {
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
        let mut announced = false;
        loop {
            match fs::OpenOptions::new().write(true).create_new(true).open(path) {
                Ok(_) => return Ok(BuildLock(path.to_path_buf())),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    let age = fs::metadata(path).and_then(|m| m.modified()).ok().and_then(|t| t.elapsed().ok());
                    if age.is_some_and(|a| a > Self::STALE) {
                        let _ = fs::remove_file(path);
                        continue;
                    }
                    if !announced {
                        eprintln!("xtask: waiting for another build to finish ({})", path.display());
                        announced = true;
                    }
                    std::thread::sleep(std::time::Duration::from_millis(500));
                }
                Err(e) => return Err(format!("cannot create {}: {e}", path.display())),
            }
        }
    }
}

impl Drop for BuildLock {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.0);
    }
}

/// Replaces `dest` by `staged` (a rename: both are on the same file system).
fn replace_dir(staged: &Path, dest: &Path) -> Result<(), String> {
    if dest.exists() {
        fs::remove_dir_all(dest).map_err(|e| format!("cannot clear {}: {e}", dest.display()))?;
    }
    fs::rename(staged, dest).map_err(|e| format!("cannot move {} to {}: {e}", staged.display(), dest.display()))
}

fn fresh_dir(dir: &Path) -> Result<(), String> {
    if dir.exists() {
        fs::remove_dir_all(dir).map_err(|e| format!("cannot clear {}: {e}", dir.display()))?;
    }
    fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))
}

fn replace_in(path: &Path, replacements: &[(&str, &str)]) -> Result<(), String> {
    let mut text = fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    for (from, to) in replacements {
        if !text.contains(from) {
            return Err(format!(
                "{}: expected text not found (the wasm-bindgen glue changed; re-check the fallback patch): {from}",
                path.display()
            ));
        }
        text = text.replace(from, to);
    }
    fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_locked_version() {
        let lock = "[[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.130\"\nsource = \"x\"\n\n[[package]]\nname = \"wasm-bindgen-futures\"\nversion = \"0.4.80\"\n";
        assert_eq!(locked_version(lock, "wasm-bindgen").as_deref(), Some("0.2.130"));
        assert_eq!(locked_version(lock, "wasm-bindgen-futures").as_deref(), Some("0.4.80"));
        assert_eq!(locked_version(lock, "serde"), None);
    }
}

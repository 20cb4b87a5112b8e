//! `cargo xtask build`. TODO: being written.

pub fn run(_args: &[String]) -> Result<(), String> {
    Err("build: not written yet".into())
}

//! `cargo xtask install`. TODO: being written.

pub fn run(_args: &[String]) -> Result<(), String> {
    Err("install: not written yet".into())
}

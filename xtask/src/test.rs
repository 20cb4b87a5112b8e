//! `cargo xtask test`. TODO: being written.

pub fn run(_args: &[String]) -> Result<(), String> {
    Err("test: not written yet".into())
}

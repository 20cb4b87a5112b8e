//! `cargo xtask install`: what a user runs to get the product on their machine —
//! the extension built into `extension/pkg` (load the repository root as an unpacked extension),
//! the `beian` helper installed with `cargo install`, and its native-messaging host manifest
//! registered with every supported browser (`beian install --browser all`).

use crate::util::{cargo, root, run as sh};
use std::process::Command;

pub fn run(args: &[String]) -> Result<(), String> {
    crate::build::run(&[])?;
    sh(cargo().args(["install", "--locked", "--path"]).arg(root().join("crates/helper")))?;
    let mut register = Command::new("beian");
    register.args(["install", "--browser", "all"]).args(args);
    sh(&mut register).map_err(|e| {
        format!("{e}\n(is ~/.cargo/bin on your PATH? `beian install --browser all` registers the helper)")
    })?;
    eprintln!(
        "\nDone. Load the extension: chrome://extensions → Developer mode → Load unpacked → {}\n\
         Firefox: about:debugging → This Firefox → Load Temporary Add-on → dist/firefox (after `cargo xtask package`).",
        root().display()
    );
    Ok(())
}

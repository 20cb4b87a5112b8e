//! A small command-line parser: options are taken out by name (`--x v`, `--x=v`, flags), what is
//! left must be positionals. No parser crate: startup time and binary size matter for the host.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Csv,
}

impl Format {
    fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Json => "json",
            Format::Csv => "csv",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Args {
    items: Vec<String>,
}

impl Args {
    pub fn new(items: Vec<String>) -> Args {
        Args { items }
    }

    /// Index of the first `--` (end of options); options are only looked for before it.
    fn options_end(&self) -> usize {
        self.items.iter().position(|a| a == "--").unwrap_or(self.items.len())
    }

    /// Removes every occurrence of a boolean flag; `true` if there was one.
    pub fn flag(&mut self, name: &str) -> bool {
        let tail = self.items.split_off(self.options_end());
        let before = self.items.len();
        self.items.retain(|a| a != name);
        let found = self.items.len() != before;
        self.items.extend(tail);
        found
    }

    /// Removes `name VALUE` or `name=VALUE` (the last one wins); an error if the value is missing.
    pub fn value(&mut self, name: &str) -> Result<Option<String>, String> {
        let mut found = None;
        loop {
            let end = self.options_end();
            let prefix = format!("{name}=");
            let Some(i) = self.items[..end].iter().position(|a| a == name || a.starts_with(&prefix)) else {
                return Ok(found);
            };
            let item = self.items.remove(i);
            if let Some(v) = item.strip_prefix(&prefix) {
                found = Some(v.to_string());
            } else if i < self.items.len() && self.items[i] != "--" {
                found = Some(self.items.remove(i));
            } else {
                return Err(format!("{name} needs a value"));
            }
        }
    }

    /// `--format` among `allowed`; the first allowed one is the default.
    pub fn format(&mut self, allowed: &[Format]) -> Result<Format, String> {
        let default = allowed.first().copied().unwrap_or(Format::Text);
        match self.value("--format")? {
            None => Ok(default),
            Some(v) => allowed.iter().copied().find(|f| f.name() == v).ok_or_else(|| {
                let names: Vec<_> = allowed.iter().map(|f| f.name()).collect();
                format!("--format {v:?} is not one of {}", names.join(", "))
            }),
        }
    }

    /// What is left; an unknown option is an error (`-` alone is a positional: standard input).
    pub fn positionals(self) -> Result<Vec<String>, String> {
        let mut out = Vec::new();
        let mut options_over = false;
        for a in self.items {
            if !options_over && a == "--" {
                options_over = true;
            } else if !options_over && a.starts_with('-') && a != "-" {
                return Err(format!("unknown option {a}"));
            } else {
                out.push(a);
            }
        }
        Ok(out)
    }

    /// Like [`Args::positionals`] but there must be none.
    pub fn finish(self) -> Result<(), String> {
        match self.positionals()?.first() {
            Some(extra) => Err(format!("unexpected argument {extra:?}")),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &[&str]) -> Args {
        Args::new(s.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn takes_options_out_and_leaves_positionals() {
        let mut a = args(&["a.json", "--format", "json", "--complete", "--today=2026-11-23", "-", "--", "--odd"]);
        assert!(a.flag("--complete"));
        assert!(!a.flag("--complete"));
        assert_eq!(a.value("--today").unwrap().as_deref(), Some("2026-11-23"));
        assert_eq!(a.format(&[Format::Text, Format::Json]).unwrap(), Format::Json);
        assert_eq!(a.positionals().unwrap(), ["a.json", "-", "--odd"]);
    }

    #[test]
    fn reports_bad_options() {
        assert!(args(&["--today"]).value("--today").is_err());
        assert!(args(&["--format", "xml"]).format(&[Format::Text, Format::Json]).is_err());
        assert!(args(&["--bogus"]).positionals().is_err());
        assert!(args(&["x"]).finish().is_err());
    }
}

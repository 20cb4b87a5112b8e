//! Terminal styling: ANSI colour only when stdout is a terminal and `NO_COLOR` is not set.

use std::io::IsTerminal;

pub struct Style {
    colour: bool,
}

impl Style {
    pub fn for_stdout() -> Style {
        Style { colour: std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none() }
    }

    fn paint(&self, code: &str, text: &str) -> String {
        if self.colour { format!("\x1b[{code}m{text}\x1b[0m") } else { text.to_string() }
    }

    pub fn error(&self, t: &str) -> String {
        self.paint("1;31", t)
    }
    pub fn warning(&self, t: &str) -> String {
        self.paint("33", t)
    }
    pub fn info(&self, t: &str) -> String {
        self.paint("36", t)
    }
    pub fn good(&self, t: &str) -> String {
        self.paint("32", t)
    }
    pub fn bold(&self, t: &str) -> String {
        self.paint("1", t)
    }
    pub fn dim(&self, t: &str) -> String {
        self.paint("2", t)
    }
}

/// Renders rows as a left-aligned table with a header, padding by display width (CJK counts 2).
pub fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let cols = header.len();
    let mut widths: Vec<usize> = header.iter().map(|h| width(h)).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate().take(cols) {
            widths[i] = widths[i].max(width(cell));
        }
    }
    let mut out = String::new();
    let mut line = |cells: Vec<&str>| {
        let mut l = String::new();
        for (i, cell) in cells.iter().enumerate() {
            l.push_str(cell);
            if i + 1 < cells.len() {
                l.push_str(&" ".repeat(widths.get(i).copied().unwrap_or(0).saturating_sub(width(cell)) + 2));
            }
        }
        out.push_str(l.trim_end());
        out.push('\n');
    };
    line(header.to_vec());
    for row in rows {
        line(row.iter().map(String::as_str).collect());
    }
    out
}

/// Display columns of `s`: East Asian wide characters take two.
pub fn width(s: &str) -> usize {
    s.chars()
        .map(|c| match c as u32 {
            0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 => 2,
            _ => 1,
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_pads_by_display_width() {
        let t = table(&["A", "B"], &[vec!["记账".into(), "x".into()], vec!["abcde".into(), "y".into()]]);
        let lines: Vec<_> = t.lines().collect();
        assert_eq!(lines[0], "A      B");
        assert_eq!(lines[1], "记账   x");
        assert_eq!(lines[2], "abcde  y");
    }
}

//! Writing to the terminal: every untrusted character escaped, colour only
//! when it is wanted, and no panic when the reader has gone (`| head`).

use std::borrow::Cow;
use std::io::{IsTerminal, Write};

/// Whether to colour the output (`--color`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorWhen {
    /// On a terminal, unless `NO_COLOR` is set (and not empty) or
    /// `TERM=dumb`.
    Auto,
    /// Always (even through a pipe, and over `NO_COLOR`).
    Always,
    /// Never.
    Never,
}

impl ColorWhen {
    /// Whether standard output gets colour.
    pub fn enabled(self) -> bool {
        match self {
            ColorWhen::Always => true,
            ColorWhen::Never => false,
            ColorWhen::Auto => {
                std::io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
            }
        }
    }
}

/// A style for a piece of text output.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// Unstyled.
    Plain,
    /// An error label.
    Error,
    /// A warning label.
    Warning,
    /// An info label.
    Info,
    /// The gutter and the `-->` arrow.
    Gutter,
    /// A `help:` label.
    Help,
    /// Emphasis (a heading).
    Bold,
}

impl Style {
    fn code(self) -> &'static str {
        match self {
            Style::Plain => "",
            Style::Error => "\x1b[1;31m",
            Style::Warning => "\x1b[1;33m",
            Style::Info => "\x1b[1;36m",
            Style::Gutter => "\x1b[1;34m",
            Style::Help => "\x1b[1;32m",
            Style::Bold => "\x1b[1m",
        }
    }

    /// The style of a severity's label.
    pub fn of(severity: duo_selfhosted::Severity) -> Style {
        match severity {
            duo_selfhosted::Severity::Error => Style::Error,
            duo_selfhosted::Severity::Warning => Style::Warning,
            duo_selfhosted::Severity::Info => Style::Info,
        }
    }
}

/// Whether a character must not reach a terminal as it is: control
/// characters (C0 but the line feed, DEL, C1), which move the cursor, clear
/// the screen or change the terminal's state, and the bidirectional
/// controls, which reorder what is shown (CVE-2021-42574).
fn unsafe_char(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c, '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every unsafe character written as a Rust escape (`\u{1b}`,
/// `\t`), as the JSON output escapes them; line feeds are kept.
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c) {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `text` on one line: [`escape`], and line feeds escaped too (a value
/// shown inside a line of output).
pub fn escape_line(text: &str) -> Cow<'_, str> {
    match escape(text) {
        Cow::Borrowed(t) if !t.contains('\n') => Cow::Borrowed(t),
        other => Cow::Owned(other.replace('\n', "\\n")),
    }
}

/// The standard output of one command.
pub struct Out {
    color: bool,
    buffer: String,
}

impl Out {
    /// Output with colour or without.
    pub fn new(color: bool) -> Out {
        Out {
            color,
            buffer: String::new(),
        }
    }

    /// Add text, escaped.
    pub fn text(&mut self, text: &str) -> &mut Self {
        self.buffer.push_str(&escape(text));
        self
    }

    /// Add text, escaped, in a style.
    pub fn styled(&mut self, style: Style, text: &str) -> &mut Self {
        if self.color && style != Style::Plain {
            self.buffer.push_str(style.code());
            self.buffer.push_str(&escape(text));
            self.buffer.push_str("\x1b[0m");
        } else {
            self.buffer.push_str(&escape(text));
        }
        self
    }

    /// Add a line, escaped.
    pub fn line(&mut self, text: &str) -> &mut Self {
        self.text(text).text("\n")
    }

    /// Write what was added to standard output; a closed pipe ends the
    /// output quietly.
    pub fn flush(&mut self) {
        let mut stdout = std::io::stdout().lock();
        let _ = stdout.write_all(self.buffer.as_bytes());
        let _ = stdout.flush();
        self.buffer.clear();
    }
}

impl Drop for Out {
    fn drop(&mut self) {
        if !self.buffer.is_empty() {
            self.flush();
        }
    }
}

/// Print one value as a line of compact JSON (the same bytes the npm
/// package's functions produce through `JSON.stringify`).
pub fn print_json(value: &impl serde::Serialize) {
    let mut stdout = std::io::stdout().lock();
    match serde_json::to_string(value) {
        Ok(text) => {
            let _ = writeln!(stdout, "{text}");
        }
        // Serialising the library's own report types cannot fail; if it
        // ever did, say so rather than print half a document.
        Err(e) => eprintln!("error: could not write JSON: {e}"),
    }
}

/// Print a note to standard error (escaped).
pub fn note(text: &str) {
    eprintln!("note: {}", escape(text));
}

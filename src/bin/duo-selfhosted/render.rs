//! Human output in the style of rustc and miette: the severity and code,
//! the message, `file:line:col`, the offending line with a caret under the
//! value, and a `help:` line with the catalog's fix.

use crate::out::{escape, escape_line, Out, Style};
use duo_selfhosted::config::{SourceFormat, SourceMap, Span};
use duo_selfhosted::diagnostic::catalog;
use duo_selfhosted::{Diagnostic, Diagnostics, Param, Severity};

/// A document's text and where it came from, for pointing into it.
pub struct Source<'a> {
    /// The path shown (`-` for standard input).
    pub path: &'a str,
    /// The text.
    pub text: &'a str,
    /// Its syntax.
    pub format: SourceFormat,
}

/// Render every diagnostic, then the summary line (`valid: …`).
pub fn diagnostics(out: &mut Out, source: Option<&Source<'_>>, all: &Diagnostics) {
    let map = source.map(|s| SourceMap::new(s.text, s.format));
    for d in all {
        let span = match (source, &map) {
            (Some(s), Some(map)) => map.diagnostic_span(s.text, d),
            _ => None,
        };
        diagnostic(out, source, span, d);
        out.text("\n");
    }
    summary(out, all);
}

/// `valid: 0 errors, 1 warning, 2 info` (or `invalid: …`).
pub fn summary(out: &mut Out, all: &Diagnostics) {
    let count = |s: Severity| all.iter().filter(|d| d.severity() == s).count();
    let (errors, warnings, infos) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    );
    let (label, style) = if errors == 0 {
        ("valid", Style::Help)
    } else {
        ("invalid", Style::Error)
    };
    out.styled(style, label).line(&format!(
        ": {errors} error{}, {warnings} warning{}, {infos} info",
        if errors == 1 { "" } else { "s" },
        if warnings == 1 { "" } else { "s" },
    ));
}

/// `error[code] path: message` on one line, the severity coloured (for the
/// commands about one value rather than a file).
pub fn line(out: &mut Out, d: &Diagnostic) {
    out.styled(
        Style::of(d.severity()),
        &format!("{}[{}]", d.severity(), d.code()),
    );
    if !d.path().is_root() {
        out.text(" ").text(&escape_line(&d.path().to_string()));
    }
    out.text(": ").line(&escape_line(d.message()));
}

fn diagnostic(out: &mut Out, source: Option<&Source<'_>>, span: Option<Span>, d: &Diagnostic) {
    let style = Style::of(d.severity());
    out.styled(style, &format!("{}[{}]", d.severity(), d.code()))
        .styled(Style::Bold, ": ")
        .styled(Style::Bold, &escape_line(d.message()))
        .text("\n");
    let width = span.map_or(1, |s| s.line.to_string().len());
    let pad = " ".repeat(width);
    if let Some(source) = source {
        out.text(&pad).styled(Style::Gutter, "--> ");
        match span {
            Some(s) => out.line(&format!(
                "{}:{}:{}",
                escape_line(source.path),
                s.line,
                s.column
            )),
            None => out.line(&escape_line(source.path)),
        };
    }
    if let (Some(source), Some(span)) = (source, span) {
        let line_start = source.text[..span.start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = source.text[span.start..]
            .find('\n')
            .map_or(source.text.len(), |i| span.start + i);
        let line_text = source.text[line_start..line_end].trim_end_matches('\r');
        let before = &source.text[line_start..span.start];
        let under = &source.text[span.start..span.end.min(line_end).max(span.start)];
        // Columns as the terminal shows them: each character one column,
        // an escaped one as wide as its escape.
        let indent = escape_line(before).chars().count();
        let carets = escape_line(under.trim_end_matches('\r'))
            .chars()
            .count()
            .max(1);
        out.text(&pad).styled(Style::Gutter, " |\n");
        out.styled(Style::Gutter, &format!("{} | ", span.line))
            .line(&escape_line(line_text));
        out.text(&pad)
            .styled(Style::Gutter, " | ")
            .text(&" ".repeat(indent))
            .styled(style, &"^".repeat(carets));
        if !d.path().is_root() {
            out.text(" ")
                .styled(style, &escape_line(&d.path().to_string()));
        }
        out.text("\n");
    } else if !d.path().is_root() {
        out.text(&pad)
            .styled(Style::Gutter, " = ")
            .line(&format!("at {}", escape_line(&d.path().to_string())));
    }
    if d.severity() != Severity::Info {
        if let Some(entry) = catalog::lookup(d.code()) {
            out.text(&pad)
                .styled(Style::Gutter, " = ")
                .styled(Style::Help, "help")
                .text(": ")
                .line(&escape(entry.fix));
        }
        for name in ["suggestion", "suggested_entry", "suggested_allowlist_entry"] {
            if let Some(Param::Str(value)) = d.param(name) {
                let label = name.replace('_', " ");
                out.text(&pad)
                    .styled(Style::Gutter, " = ")
                    .styled(Style::Help, &label)
                    .line(&format!(": {}", escape_line(&format!("{value:?}"))));
            }
        }
    }
}

//! A small command-line reader: positionals, `--name value`, `--name=value`
//! and boolean `--flag`s. Anything unexpected is a [`UsageError`] (exit 2).

use std::collections::BTreeMap;
use std::fmt;

/// A mistake in how the command was called.
#[derive(Debug)]
pub struct UsageError(pub String);

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Output formats a command may accept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Human-readable text (the default).
    Text,
    /// One line of compact JSON.
    Json,
    /// GitLab CI's Code Quality report.
    CodeQuality,
}

/// The parsed arguments of one subcommand.
#[derive(Debug, Default)]
pub struct Args {
    positionals: Vec<String>,
    values: BTreeMap<String, String>,
    flags: Vec<String>,
}

impl Args {
    /// Read `argv` for a command whose options taking a value are `valued`
    /// and whose boolean flags are `flags` (names without `--`). `--format`
    /// is always accepted.
    pub fn parse(argv: &[String], valued: &[&str], flags: &[&str]) -> Result<Self, UsageError> {
        let mut args = Args::default();
        let mut iter = argv.iter();
        let mut only_positionals = false;
        while let Some(arg) = iter.next() {
            if only_positionals || !arg.starts_with("--") || arg == "-" {
                args.positionals.push(arg.clone());
                continue;
            }
            if arg == "--" {
                only_positionals = true;
                continue;
            }
            let body = &arg[2..];
            let (name, inline) = match body.split_once('=') {
                Some((n, v)) => (n, Some(v.to_owned())),
                None => (body, None),
            };
            if name == "format" || valued.contains(&name) {
                let value = match inline {
                    Some(v) => v,
                    None => iter
                        .next()
                        .cloned()
                        .ok_or_else(|| UsageError(format!("--{name} needs a value")))?,
                };
                if args.values.insert(name.to_owned(), value).is_some() {
                    return Err(UsageError(format!("--{name} given twice")));
                }
            } else if flags.contains(&name) && inline.is_none() {
                args.flags.push(name.to_owned());
            } else {
                return Err(UsageError(format!("unknown option --{name}")));
            }
        }
        Ok(args)
    }

    /// The positional arguments.
    pub fn positionals(&self) -> &[String] {
        &self.positionals
    }

    /// Exactly `N` positionals named by `names`, or a usage error.
    pub fn exactly<const N: usize>(&self, names: [&str; N]) -> Result<[&str; N], UsageError> {
        if self.positionals.len() != N {
            return Err(UsageError(format!(
                "expected {} argument{} ({}), got {}",
                N,
                if N == 1 { "" } else { "s" },
                names.join(", "),
                self.positionals.len()
            )));
        }
        Ok(std::array::from_fn(|i| self.positionals[i].as_str()))
    }

    /// At most one positional.
    pub fn optional_one(&self, name: &str) -> Result<Option<&str>, UsageError> {
        match self.positionals.as_slice() {
            [] => Ok(None),
            [one] => Ok(Some(one)),
            _ => Err(UsageError(format!(
                "expected at most one argument ({name})"
            ))),
        }
    }

    /// The value of `--name`, if given.
    pub fn value(&self, name: &str) -> Option<&str> {
        self.values.get(name).map(String::as_str)
    }

    /// Whether `--name` was given.
    pub fn flag(&self, name: &str) -> bool {
        self.flags.iter().any(|f| f == name)
    }

    /// The `--format` value, checked against the formats this command offers.
    pub fn format(&self, offered: &[Format]) -> Result<Format, UsageError> {
        let format = match self.value("format") {
            None | Some("text") => Format::Text,
            Some("json") => Format::Json,
            Some("codequality") => Format::CodeQuality,
            Some(other) => return Err(UsageError(format!("unknown format {other:?}"))),
        };
        if offered.contains(&format) {
            Ok(format)
        } else {
            Err(UsageError(
                "this command does not offer that --format".to_owned(),
            ))
        }
    }
}

/// Print one value as a line of compact JSON (the same bytes the npm
/// package's functions produce through `JSON.stringify`).
pub fn print_json(value: &impl serde::Serialize) {
    match serde_json::to_string(value) {
        Ok(text) => outln!("{text}"),
        // Serialising the library's own report types cannot fail; if it ever
        // did, say so rather than print half a document.
        Err(e) => eprintln!("error: could not write JSON: {e}"),
    }
}

/// Read a whole file, or standard input for `-` or no path.
pub fn read_input(path: Option<&str>) -> Result<String, UsageError> {
    use std::io::Read;
    match path {
        None | Some("-") => {
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .map_err(|e| UsageError(format!("cannot read standard input: {e}")))?;
            Ok(text)
        }
        Some(path) => std::fs::read_to_string(path)
            .map_err(|e| UsageError(format!("cannot read {path}: {e}"))),
    }
}

//! Reading a configuration document for `check`, `resolve` and `snippet`:
//! a file (TOML when it ends in `.toml`, JSON otherwise), standard input for
//! `-` (TOML unless it starts with `{`), or the bundled example.

use crate::args::{read_input, UsageError};
use duo_selfhosted::config::{self, Config, Decoded, Report};

/// The path reported for the bundled example.
pub const EXAMPLE_PATH: &str = "examples/duo-selfhosted.json";

/// A document's text, its display path and whether it is TOML.
pub struct Document {
    /// The text.
    pub text: String,
    /// The path to report (the file, `-`, or the example's path).
    pub path: String,
    /// Whether to read it as TOML.
    pub toml: bool,
}

/// Read `file`, or the bundled example when there is none.
pub fn read(file: Option<&str>) -> Result<Document, UsageError> {
    match file {
        None => Ok(Document {
            text: config::EXAMPLE_JSON.to_owned(),
            path: EXAMPLE_PATH.to_owned(),
            toml: false,
        }),
        Some(path) => {
            let text = read_input(Some(path))?;
            let toml = if path == "-" {
                !text.trim_start().starts_with('{')
            } else {
                path.ends_with(".toml")
            };
            Ok(Document {
                text,
                path: path.to_owned(),
                toml,
            })
        }
    }
}

impl Document {
    /// Decode the document.
    pub fn decode(&self) -> Decoded {
        if self.toml {
            Config::from_toml(&self.text)
        } else {
            Config::from_json(&self.text)
        }
    }

    /// Decode and check the document.
    pub fn check(&self) -> Report {
        if self.toml {
            config::check_toml(&self.text)
        } else {
            config::check_json(&self.text)
        }
    }

    /// The configuration, or a usage-style error listing why it cannot be
    /// read (the commands other than `check` need a readable document).
    pub fn config(&self) -> Result<Config, UsageError> {
        let decoded = self.decode();
        match decoded.config {
            Some(config) => Ok(config),
            None => {
                let lines: Vec<String> = decoded
                    .diagnostics
                    .iter()
                    .filter(|d| d.is_error())
                    .map(ToString::to_string)
                    .collect();
                Err(UsageError(format!(
                    "cannot read {}:\n{}",
                    self.path,
                    lines.join("\n")
                )))
            }
        }
    }
}

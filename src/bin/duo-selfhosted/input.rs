//! Reading the input: a file, standard input (`-`, or no file when
//! standard input is not a terminal), or the bundled example; as UTF-8 text,
//! in the format the option, the extension or the text says.

use crate::out;
use crate::Failure;
use duo_selfhosted::config::{self, SourceFormat};
use std::io::{IsTerminal, Read};
use std::path::{Component, Path, PathBuf};

/// The path reported for the bundled example.
pub const EXAMPLE_PATH: &str = "examples/duo-selfhosted.json";

/// `--input-format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    /// JSON.
    Json,
    /// TOML.
    Toml,
}

/// A document's text, where it came from, and its format.
pub struct Document {
    /// The text.
    pub text: String,
    /// The path as given (`-` for standard input).
    pub path: String,
    /// The format it is read in.
    pub format: SourceFormat,
}

/// Read standard input whole.
fn read_stdin() -> Result<Vec<u8>, Failure> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| Failure::usage(format!("cannot read standard input: {e}")))?;
    Ok(bytes)
}

/// UTF-8 text of `bytes` read from `path`, or a failure naming the offset
/// of the first byte that is not UTF-8.
fn utf8(bytes: Vec<u8>, path: &str) -> Result<String, Failure> {
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let byte = e.as_bytes().get(at).copied().unwrap_or_default();
        Failure::usage(format!(
            "cannot read {path}: not UTF-8 text (byte 0x{byte:02X} at offset {at})"
        ))
    })
}

/// Read a whole file (or standard input for `-`) as UTF-8 text.
pub fn read_text(path: &str) -> Result<String, Failure> {
    let bytes = if path == "-" {
        read_stdin()?
    } else {
        std::fs::read(path).map_err(|e| Failure::usage(format!("cannot read {path}: {e}")))?
    };
    utf8(bytes, path)
}

/// The text of a command that reads one record or document: `file`, else
/// standard input when it is not a terminal; `None` when there is neither.
pub fn read_optional(file: Option<&str>) -> Result<Option<(String, String)>, Failure> {
    match file {
        Some(path) => Ok(Some((read_text(path)?, path.to_owned()))),
        None if std::io::stdin().is_terminal() => Ok(None),
        None => Ok(Some((
            utf8(read_stdin()?, "standard input")?,
            "-".to_owned(),
        ))),
    }
}

/// Read the configuration document of `check`, `resolve` and `snippet`:
/// `file`; without it, standard input when that is not a terminal (the
/// bundled example when it is empty), else the bundled example.
pub fn read_document(file: Option<&str>, format: Option<InputFormat>) -> Result<Document, Failure> {
    let (text, path) = match read_optional(file)? {
        Some((text, path)) if !(file.is_none() && text.trim().is_empty()) => (text, path),
        Some(_) => {
            out::note(&format!(
                "standard input is empty: checking the bundled example {EXAMPLE_PATH}"
            ));
            return Ok(example());
        }
        None => return Ok(example()),
    };
    let format = match format {
        Some(InputFormat::Json) => SourceFormat::Json,
        Some(InputFormat::Toml) => SourceFormat::Toml,
        None => detect(&path, &text),
    };
    Ok(Document { text, path, format })
}

fn example() -> Document {
    Document {
        text: config::EXAMPLE_JSON.to_owned(),
        path: EXAMPLE_PATH.to_owned(),
        format: SourceFormat::Json,
    }
}

/// The format of a document: its extension (`.json`, `.toml`), else its
/// first character (`{`: JSON; anything else: TOML).
pub fn detect(path: &str, text: &str) -> SourceFormat {
    let extension = Path::new(path)
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    match extension.as_deref() {
        Some("json") => SourceFormat::Json,
        Some("toml") => SourceFormat::Toml,
        _ if text.trim_start().starts_with('{') => SourceFormat::Json,
        _ => SourceFormat::Toml,
    }
}

impl Document {
    /// Decode the document.
    pub fn decode(&self) -> config::Decoded {
        match self.format {
            SourceFormat::Json => config::Config::from_json(&self.text),
            SourceFormat::Toml => config::Config::from_toml(&self.text),
        }
    }

    /// Decode and check the document.
    pub fn check(&self) -> config::Report {
        match self.format {
            SourceFormat::Json => config::check_json(&self.text),
            SourceFormat::Toml => config::check_toml(&self.text),
        }
    }
}

/// `path` relative to the working directory, as a Code Quality report
/// wants it: an absolute path under the working directory loses that
/// prefix, `./` and `.` components are dropped, `/` separates.
pub fn relative_to_cwd(path: &str) -> String {
    if path == "-" {
        return path.to_owned();
    }
    let given = Path::new(path);
    let mut relative = PathBuf::new();
    let stripped = if given.is_absolute() {
        std::env::current_dir().ok().and_then(|cwd| {
            let canonical = cwd.canonicalize().unwrap_or_else(|_| cwd.clone());
            given
                .strip_prefix(&cwd)
                .or_else(|_| given.strip_prefix(&canonical))
                .ok()
                .map(Path::to_path_buf)
        })
    } else {
        None
    };
    let base = stripped.as_deref().unwrap_or(given);
    for component in base.components() {
        if component != Component::CurDir {
            relative.push(component);
        }
    }
    let text = relative.to_string_lossy().replace('\\', "/");
    if text.is_empty() {
        path.to_owned()
    } else {
        text
    }
}

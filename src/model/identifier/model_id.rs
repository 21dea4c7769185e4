//! A Bedrock model ID (`anthropic.claude-3-5-sonnet-20241022-v2:0`),
//! split into namespace, name, version and throughput suffix.

use std::fmt;

/// A Bedrock model ID such as `anthropic.claude-3-5-sonnet-20241022-v2:0`,
/// split into its parts. Displays as the exact text.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ModelId {
    text: String,
    namespace_end: usize,
    version_start: Option<usize>,
    version_end: usize,
}

impl ModelId {
    /// Split `text` (no validation: see [`model_id_problem`](super::model_id_problem)).
    pub fn new(text: &str) -> Self {
        let namespace_end = text.find('.').unwrap_or(text.len());
        // A throughput suffix (`:18k`, `:51k`) follows the version.
        let mut version_end = text.len();
        if let Some(i) = text.rfind(':') {
            let tail = &text[i + 1..];
            if tail.len() > 1
                && tail.ends_with('k')
                && tail[..tail.len() - 1].bytes().all(|b| b.is_ascii_digit())
                && text[..i].contains(':')
            {
                version_end = i;
            }
        }
        let core = &text[..version_end];
        let version_start = version_start(core, namespace_end);
        ModelId {
            text: text.to_owned(),
            namespace_end,
            version_start,
            version_end,
        }
    }

    /// The whole ID.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The provider namespace (`anthropic`).
    pub fn namespace(&self) -> &str {
        &self.text[..self.namespace_end]
    }

    /// The model name without namespace, version or throughput suffix
    /// (`claude-3-5-sonnet-20241022`).
    pub fn name(&self) -> &str {
        let start = (self.namespace_end + 1).min(self.text.len());
        let end = match self.version_start {
            Some(v) => v.saturating_sub(1).max(start),
            None => self.version_end,
        };
        &self.text[start..end.max(start)]
    }

    /// The version (`v2:0`, `v1`, `1:0`), if the ID has one.
    pub fn version(&self) -> Option<&str> {
        self.version_start.map(|v| &self.text[v..self.version_end])
    }

    /// A provisioned-throughput suffix (`18k` in `…:0:18k`), if any.
    pub fn throughput(&self) -> Option<&str> {
        (self.version_end < self.text.len()).then(|| &self.text[self.version_end + 1..])
    }

    /// The ID without its throughput suffix (the on-demand model ID).
    pub fn base(&self) -> &str {
        &self.text[..self.version_end]
    }
}

/// Where the version of a model ID starts: the last `-` segment when it is
/// `v<digits>` (optionally `:<digits>`) or `<digits>:<digits>`.
fn version_start(core: &str, namespace_end: usize) -> Option<usize> {
    let dash = core.rfind('-')?;
    if dash <= namespace_end {
        return None;
    }
    let segment = &core[dash + 1..];
    let (major, minor) = match segment.split_once(':') {
        Some((a, b)) => (a, Some(b)),
        None => (segment, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let ok = match major.strip_prefix('v') {
        Some(n) => digits(n) && minor.is_none_or(digits),
        None => digits(major) && minor.is_some_and(digits),
    };
    ok.then_some(dash + 1)
}

impl fmt::Display for ModelId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn model_id_parts() {
        let id = ModelId::new("anthropic.claude-3-5-sonnet-20241022-v2:0:18k");
        assert_eq!(id.namespace(), "anthropic");
        assert_eq!(id.name(), "claude-3-5-sonnet-20241022");
        assert_eq!(id.version(), Some("v2:0"));
        assert_eq!(id.throughput(), Some("18k"));
        assert_eq!(id.base(), "anthropic.claude-3-5-sonnet-20241022-v2:0");
        let id = ModelId::new("anthropic.claude-sonnet-4-6");
        assert_eq!((id.name(), id.version()), ("claude-sonnet-4-6", None));
        let id = ModelId::new("openai.gpt-oss-120b-1:0");
        assert_eq!((id.name(), id.version()), ("gpt-oss-120b", Some("1:0")));
    }
}

//! The two URL settings (the Local AI Gateway URL and the Agent Platform
//! service URL): GitLab's normalisation and length limit.

use crate::diagnostic::{Diagnostic, Path};

/// GitLab's length limit for the AI gateway and Agent Platform URLs
/// (model validation and database `CHECK`).
pub const URL_MAX_LENGTH: usize = 2048;

/// Rails' message for a too-long attribute, as GitLab shows it after the
/// attribute name.
pub const TOO_LONG_MESSAGE: &str = "is too long (maximum is 2048 characters)";

/// The environment variable GitLab reads the Local AI Gateway URL from when
/// it first creates its AI settings.
pub const AI_GATEWAY_ENV_VAR: &str = "AI_GATEWAY_URL";

/// GitLab's normalisation of both URL settings (the `duoSettingsUpdate`
/// mutation): one trailing `/` removed, a blank value unsets the setting.
pub fn normalize_url(text: &str) -> Option<String> {
    let chomped = text.strip_suffix('/').unwrap_or(text);
    if chomped.trim().is_empty() {
        None
    } else {
        Some(chomped.to_owned())
    }
}

/// `settings.url_too_long` when `url` exceeds [`URL_MAX_LENGTH`] characters.
pub fn check_length(url: &str, path: &Path) -> Option<Diagnostic> {
    let length = url.chars().count();
    (length > URL_MAX_LENGTH).then(|| {
        Diagnostic::error(
            "settings.url_too_long",
            path.clone(),
            format!("the URL is {length} characters long; GitLab allows at most {URL_MAX_LENGTH}"),
        )
        .with("length", length)
        .with("maximum", URL_MAX_LENGTH)
        .with("gitlab_message", TOO_LONG_MESSAGE)
    })
}

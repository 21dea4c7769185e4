//! Outbound URLs: what GitLab's URL blocker does with the Local AI Gateway
//! URL, AI gateway calls and self-hosted model endpoints.
//!
//! From the bottom up: [`host`] reads a URL's host as browsers (WHATWG) and
//! GitLab (Addressable) do; [`address`] classifies it; [`sanitize`] is the
//! HTML-sanitizer test both the allowlist and the blocker apply;
//! [`allowlist`] reads the outbound allowlist as GitLab does; [`blocker`]
//! runs GitLab's steps, with its options: the presets GitLab uses per
//! setting and version, and the `url` command's request (a preset and a
//! policy JSON object).

pub mod address;
pub mod allowlist;
pub mod blocker;
pub mod host;
pub mod sanitize;

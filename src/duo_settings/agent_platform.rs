//! The Agent Platform service URL read as the gRPC `host:port` target
//! GitLab passes it as.

use super::urls::{check_length, normalize_url};
use crate::diagnostic::{Diagnostic, Diagnostics, Path};
use serde::Serialize;

/// GitLab's UI help for the Agent Platform URL field.
pub const AGENT_PLATFORM_URL_HELP: &str = "The URL must not include the \"http://\" or \"https://\" protocol. For example \"example.com:50052\".";

/// The Agent Platform URL read as the gRPC target GitLab passes it as.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AgentPlatformTarget {
    /// Host name or IP address (IPv6 without brackets).
    pub host: String,
    /// Port, when given.
    pub port: Option<u16>,
}

/// Check the "Local URL for the GitLab Duo Agent Platform service" value
/// (paths relative to the value).
///
/// GitLab's server checks only the length ([`URL_MAX_LENGTH`](super::URL_MAX_LENGTH)). The other
/// rules follow GitLab's documentation and UI help and are **stricter than
/// GitLab**, which saves any text and hands it to gRPC verbatim:
/// `agent_platform.url_has_scheme` (no `http://` or `https://`),
/// `agent_platform.url_not_host_port` (the expected `host:port` form),
/// `agent_platform.url_without_port` (gRPC would use its default port 443,
/// the reference's guess from gRPC semantics; the docs always give
/// `:50052`), `agent_platform.url_invalid_port`.
pub fn check_agent_platform_url(text: &str) -> (Option<AgentPlatformTarget>, Diagnostics) {
    let mut diagnostics = Diagnostics::new();
    let here = Path::root();
    let Some(url) = normalize_url(text) else {
        return (None, diagnostics);
    };
    if let Some(d) = check_length(&url, &here) {
        diagnostics.push(d);
    }
    let lower = url.to_ascii_lowercase();
    let mut rest = url.as_str();
    for scheme in ["http://", "https://"] {
        if lower.starts_with(scheme) {
            rest = &url[scheme.len()..];
            diagnostics.push(
                Diagnostic::error(
                    "agent_platform.url_has_scheme",
                    here.clone(),
                    format!(
                        "the Agent Platform service URL must not start with {}: it is a gRPC target (host:port); GitLab saves it anyway, but does not add or strip the prefix",
                        &url[..scheme.len()]
                    ),
                )
                .with("scheme", &url[..scheme.len() - 3])
                .with("suggestion", rest.trim_end_matches('/'))
                .with("enforced_by_gitlab", false)
                .with("gitlab_message", AGENT_PLATFORM_URL_HELP),
            );
        }
    }
    let target = parse_host_port(rest.trim_end_matches('/'), &mut diagnostics);
    (target, diagnostics)
}

fn not_host_port(text: &str, reason: &str, diagnostics: &mut Diagnostics) {
    diagnostics.push(
        Diagnostic::error(
            "agent_platform.url_not_host_port",
            Path::root(),
            format!("{text:?} is not host:port: {reason}"),
        )
        .with("value", text)
        .with("reason", reason)
        .with("enforced_by_gitlab", false),
    );
}

fn parse_host_port(text: &str, diagnostics: &mut Diagnostics) -> Option<AgentPlatformTarget> {
    let (host, port) = if let Some(inner) = text.strip_prefix('[') {
        let Some((host, after)) = inner.split_once(']') else {
            not_host_port(text, "unclosed `[` around an IPv6 address", diagnostics);
            return None;
        };
        let port = match after {
            "" => None,
            p => match p.strip_prefix(':') {
                Some(p) => Some(p),
                None => {
                    not_host_port(text, "unexpected text after `]`", diagnostics);
                    return None;
                }
            },
        };
        if host.parse::<std::net::Ipv6Addr>().is_err() {
            not_host_port(text, "not an IPv6 address inside `[ ]`", diagnostics);
            return None;
        }
        (host, port)
    } else {
        match text.rsplit_once(':') {
            Some((host, _)) if host.contains(':') => {
                not_host_port(text, "an IPv6 address needs `[ ]` around it", diagnostics);
                return None;
            }
            Some((host, port)) => (host, Some(port)),
            None => (text, None),
        }
    };
    if let Some(bad) = host
        .chars()
        .find(|c| !(c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | ':')))
    {
        let reason = if bad == '/' {
            "a path or scheme has no place in a gRPC target".to_owned()
        } else {
            format!("unexpected character {bad:?} in the host")
        };
        not_host_port(text, &reason, diagnostics);
        return None;
    }
    if host.is_empty() {
        not_host_port(text, "the host is empty", diagnostics);
        return None;
    }
    let port = match port {
        None => {
            diagnostics.push(
                Diagnostic::warning(
                    "agent_platform.url_without_port",
                    Path::root(),
                    format!(
                        "{text:?} has no port: gRPC would use its default port 443; the Agent Platform service usually listens on 50052"
                    ),
                )
                .with("host", host)
                .with("assumed_port", 443u16),
            );
            None
        }
        Some(p) => match p.parse::<u16>() {
            Ok(n) if n > 0 && p.bytes().all(|b| b.is_ascii_digit()) => Some(n),
            _ => {
                diagnostics.push(
                    Diagnostic::error(
                        "agent_platform.url_invalid_port",
                        Path::root(),
                        format!("{p:?} is not a port number (1 to 65535)"),
                    )
                    .with("port", p),
                );
                return None;
            }
        },
    };
    Some(AgentPlatformTarget {
        host: host.to_owned(),
        port,
    })
}

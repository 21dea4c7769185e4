//! [`classify`]: a bare host, an IP address or a URL, parsed as browsers
//! and GitLab parse it, classified, with the findings an admin needs.

use super::class::{AddressClass, Embedding};
use super::lookup::{classify_host, classify_name, embedded_ipv4, metadata_host};
use crate::diagnostic::{message, Diagnostic, Diagnostics, Path, Piece};
use crate::url::host::{
    self, addressable::AddressableParts, canonical, AddressableHost, Host, WhatwgReading,
};
use serde::Serialize;
use std::net::{IpAddr, Ipv4Addr};

/// `input` with the password of its userinfo (`user:password@`) replaced by
/// `*****`, as GitLab masks credentials in URLs it shows: the `input` of a
/// [`Classification`] is echoed in output and logs.
fn redact_password(input: &str) -> String {
    let start = host::find_scheme_separator(input).map_or(0, |i| i + 3);
    let rest = &input[start..];
    let end = rest
        .bytes()
        .position(|b| matches!(b, b'/' | b'\\' | b'?' | b'#'))
        .unwrap_or(rest.len());
    let authority = &rest[..end];
    let Some(at) = authority.rfind('@') else {
        return input.to_owned();
    };
    match authority[..at].find(':') {
        Some(colon) if colon + 1 < at => format!(
            "{}*****{}",
            &input[..start + colon + 1],
            &input[start + at..]
        ),
        _ => input.to_owned(),
    }
}

/// The result of [`classify`], in the `classify` command's JSON shape.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Classification {
    /// The input as given, with a URL's password masked (`user:*****@`).
    pub input: String,
    /// The WHATWG serialisation of the host (IPv6 in brackets), or `None`
    /// when the input is invalid.
    pub canonical_host: Option<String>,
    /// The one class the host belongs to.
    pub class: AddressClass,
    /// The IPv4 address an IPv6 host embeds.
    pub embedded_ipv4: Option<Ipv4Addr>,
    /// Whether the host is a known cloud-metadata endpoint.
    pub cloud_metadata: bool,
    /// Findings: why it is invalid, parser hazards, advice.
    pub diagnostics: Diagnostics,
}

/// Classify a bare host, an IP address or a URL (a bare host or IP is read
/// as `http://<input>/`).
pub fn classify(input: &str) -> Classification {
    let url_text = host::url_for_input(input);
    let whatwg = WhatwgReading::parse(&url_text);
    let rfc = AddressableParts::parse(&url_text).ok();
    let mut diagnostics = host::hazards_of(
        &url_text,
        whatwg.as_ref().map(|url| (url.host.as_ref(), url.special)),
        rfc.as_ref().map(|uri| AddressableHost {
            host: uri.host,
            userinfo: uri.user.is_some(),
        }),
    );
    let mut result = Classification {
        input: redact_password(input),
        canonical_host: None,
        class: AddressClass::Invalid,
        embedded_ipv4: None,
        cloud_metadata: false,
        diagnostics: Diagnostics::new(),
    };
    let parsed_host = match whatwg {
        Err(error) => {
            diagnostics.push(
                Diagnostic::error(
                    "address.invalid",
                    Path::root(),
                    format!("not a valid URL or host: {error}"),
                )
                .with("whatwg_error", error.message),
            );
            None
        }
        Ok(url) if !url.special => {
            let opaque = url.host.map(|h| h.to_string()).unwrap_or_default();
            diagnostics.push(
                Diagnostic::warning(
                    "address.opaque_host",
                    Path::root().key("host"),
                    format!(
                        "the scheme {:?} is not special, so WHATWG keeps the host {opaque:?} opaque; it is classified as an http host would be",
                        url.scheme.as_ref()
                    ),
                )
                .with("scheme", url.scheme.as_ref()),
            );
            match Host::parse(&opaque) {
                Ok(h) => Some(h),
                Err(error) => {
                    diagnostics.push(
                        Diagnostic::error(
                            "address.invalid",
                            Path::root().key("host"),
                            format!("not a valid host: {error}"),
                        )
                        .with("whatwg_error", error.message),
                    );
                    None
                }
            }
        }
        Ok(url) => match url.host {
            Some(Host::Domain(d)) if d.is_empty() => None,
            Some(h) => Some(h),
            None => None,
        },
    };
    let Some(parsed_host) = parsed_host else {
        if !diagnostics.has_errors() {
            diagnostics.push(Diagnostic::error(
                "address.no_host",
                Path::root(),
                "the URL has no host",
            ));
        }
        result.diagnostics = diagnostics;
        return result;
    };
    // A name is looked up once, for its class and the rule behind it.
    let (class, embedded, why) = match &parsed_host {
        Host::Domain(name) => {
            let (class, why) = classify_name(name);
            // As `classify_host`: an empty name is no host.
            let class = if name.is_empty() {
                AddressClass::Invalid
            } else {
                class
            };
            (class, None, why)
        }
        other => {
            let (class, embedded) = classify_host(other);
            (class, embedded, "")
        }
    };
    let metadata = metadata_host(&parsed_host);
    let outer_ipv6 = match parsed_host {
        Host::Ipv6(outer) => Some(outer),
        _ => None,
    };
    let is_name = matches!(parsed_host, Host::Domain(_));
    // The host as shown (messages and the result), written once; a name
    // is its own text.
    let canonical_host = match parsed_host {
        Host::Domain(name) => name,
        ip => ip.canonical_string(),
    };
    if let (Some(inner), Some(outer)) = (embedded, outer_ipv6) {
        let how = embedded_ipv4(outer).map_or("embedded", |(e, _)| match e {
            Embedding::Mapped => "IPv4-mapped",
            Embedding::Compatible => "IPv4-compatible",
            Embedding::Translated => "IPv4-translated",
            Embedding::Nat64 => "NAT64",
            Embedding::LocalNat64 => "local-use NAT64",
            Embedding::SixToFour => "6to4",
            Embedding::Teredo => "Teredo",
        });
        let ipv4 = canonical::ip_string(IpAddr::V4(inner));
        diagnostics.push(
            Diagnostic::info(
                "address.embedded_ipv4",
                Path::root().key("host"),
                message(&[
                    Piece::Text(&canonical_host),
                    Piece::Text(" carries the IPv4 address "),
                    Piece::Text(&ipv4),
                    Piece::Text(" ("),
                    Piece::Text(how),
                    Piece::Text("); it is classified as "),
                    Piece::Text(class.as_str()),
                ]),
            )
            .with("embedding", how)
            .with("ipv4", ipv4),
        );
    }
    if is_name && class != AddressClass::Loopback {
        let name = &canonical_host;
        diagnostics.push(
            Diagnostic::info(
                "address.depends_on_dns",
                Path::root().key("host"),
                message(&[
                    Piece::Text(name),
                    Piece::Text(" is a DNS name ("),
                    Piece::Text(why),
                    Piece::Text("); what GitLab does with it depends on what it resolves to"),
                ]),
            )
            .with("host", name.as_str())
            .with("reason", why),
        );
    }
    if let Some(endpoint) = metadata {
        diagnostics.push(
            Diagnostic::warning(
                "address.cloud_metadata",
                Path::root().key("host"),
                message(&[
                    Piece::Text(&canonical_host),
                    Piece::Text(" is a cloud metadata endpoint ("),
                    Piece::Text(endpoint.provider),
                    Piece::Text(")"),
                ]),
            )
            .with("provider", endpoint.provider)
            .with("gitlab_blocks", endpoint.gitlab_blocks),
        );
    }
    result.canonical_host = Some(canonical_host);
    result.class = class;
    result.embedded_ipv4 = embedded;
    result.cloud_metadata = metadata.is_some();
    result.diagnostics = diagnostics;
    result
}

#[cfg(test)]
mod tests {
    use super::redact_password;

    #[test]
    fn passwords_are_masked() {
        let rows = [
            (
                "http://user:s3cret@10.0.0.1/",
                "http://user:*****@10.0.0.1/",
            ),
            ("user:s3cret@gw.internal", "user:*****@gw.internal"),
            (
                "https://a:b:c@x@gw/p?q=user:pw@x",
                "https://a:*****@gw/p?q=user:pw@x",
            ),
            ("http://user@gw/", "http://user@gw/"),
            ("http://user:@gw/", "http://user:@gw/"),
            ("http://gw/path@x:y", "http://gw/path@x:y"),
            ("10.0.0.1", "10.0.0.1"),
        ];
        for (input, shown) in rows {
            assert_eq!(redact_password(input), shown, "{input}");
        }
    }
}

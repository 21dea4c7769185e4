//! URL and host parsing: the WHATWG reading (what browsers and the `url`
//! crate do), GitLab's reading (Ruby's Addressable plus the system
//! resolver), and the places where the two disagree.
//!
//! A URL is ambiguous when two well-known parsers find different hosts in
//! it (`http://127.1.1.1:80\@127.2.2.2/` is 127.1.1.1 to a browser and
//! 127.2.2.2 to Addressable). Ambiguity is how SSRF filters get bypassed, so
//! it is reported as the error `url.parser_differential` rather than
//! resolved by picking one reading. Milder hazards (backslashes, tabs,
//! percent-encoded or non-ASCII hosts, userinfo, non-canonical IP spellings)
//! are warnings. Source: `url-blocker.md` §8–§9.

pub mod addressable;
pub mod canonical;
pub mod inet;
mod whatwg;

use crate::diagnostic::{message, Diagnostic, Diagnostics, Path, Piece};
use addressable::{hostname_of, normalized_host_of, AddressableUri};
use serde::{Serialize, Serializer};
use std::borrow::Cow;
use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// A parsed host, as WHATWG defines it (like `url::Host`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Host {
    /// A domain name: lower case, IDNA (punycode) applied, a trailing dot kept.
    Domain(String),
    /// An IPv4 address, from any numeric spelling (`0x7f.1` is 127.0.0.1).
    Ipv4(Ipv4Addr),
    /// An IPv6 address (IPv4-mapped addresses stay IPv6 here).
    Ipv6(Ipv6Addr),
}

impl Host {
    /// Read a bare host, IP address or URL the way the `classify` command
    /// does: a bare host or IP is read as `http://<input>/` (an IPv6
    /// address in brackets).
    pub fn parse(input: &str) -> Result<Host, HostError> {
        let url = WhatwgReading::parse(&url_for_input(input))?;
        url.host.ok_or_else(|| HostError {
            message: "the URL has no host".to_owned(),
        })
    }

    /// The address, if this is an IP host.
    pub fn ip(&self) -> Option<IpAddr> {
        match self {
            Host::Domain(_) => None,
            Host::Ipv4(a) => Some(IpAddr::V4(*a)),
            Host::Ipv6(a) => Some(IpAddr::V6(*a)),
        }
    }

    /// The host for an address (the inverse of [`Host::ip`]).
    pub fn from_ip(ip: IpAddr) -> Host {
        match ip {
            IpAddr::V4(a) => Host::Ipv4(a),
            IpAddr::V6(a) => Host::Ipv6(a),
        }
    }
}

impl From<IpAddr> for Host {
    fn from(ip: IpAddr) -> Self {
        Host::from_ip(ip)
    }
}

impl fmt::Display for Host {
    /// The WHATWG serialisation: IPv6 in brackets, as `URL.hostname` gives it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Host::Domain(d) => f.write_str(d),
            Host::Ipv4(a) => f.write_str(canonical::whatwg_ip_text(IpAddr::V4(*a)).as_str()),
            Host::Ipv6(a) => f.write_str(canonical::whatwg_ip_text(IpAddr::V6(*a)).as_str()),
        }
    }
}

/// The WHATWG IPv6 serialisation: lower-case hex pieces, the first longest
/// run of two or more zero pieces compressed, never a dotted IPv4 tail
/// (std's `Display` writes `::ffff:127.0.0.1`; WHATWG writes `::ffff:7f00:1`).
pub fn ipv6_to_string(address: Ipv6Addr) -> String {
    canonical::ipv6_string(address)
}

impl Host {
    /// The WHATWG serialisation as a `String` (what `to_string` gives,
    /// without the formatting machinery).
    pub fn canonical_string(&self) -> String {
        match self {
            Host::Domain(d) => d.clone(),
            Host::Ipv4(a) => canonical::ip_string(IpAddr::V4(*a)),
            Host::Ipv6(a) => canonical::whatwg_ip_text(IpAddr::V6(*a))
                .as_str()
                .to_owned(),
        }
    }
}

impl Serialize for Host {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Host::Domain(d) => serializer.serialize_str(d),
            Host::Ipv4(a) => {
                serializer.serialize_str(canonical::whatwg_ip_text(IpAddr::V4(*a)).as_str())
            }
            Host::Ipv6(a) => {
                serializer.serialize_str(canonical::whatwg_ip_text(IpAddr::V6(*a)).as_str())
            }
        }
    }
}

/// Why the WHATWG parser refused a URL or host.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HostError {
    /// The parser's own description, e.g. `invalid IPv4 address`.
    pub message: String,
}

impl fmt::Display for HostError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// The schemes WHATWG calls special (their hosts are parsed, not opaque).
const SPECIAL_SCHEMES: &[&str] = &["http", "https", "ws", "wss", "ftp", "file"];

/// A URL as the WHATWG URL standard reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WhatwgUrl {
    /// The scheme, lower case.
    pub scheme: String,
    /// The host, if any. For a non-special scheme it is the opaque host text.
    pub host: Option<Host>,
    /// The explicit port, unless it is the scheme's default.
    pub port: Option<u16>,
    /// Whether the scheme is special (http, https, ws, wss, ftp, file).
    pub special: bool,
}

/// [`WhatwgUrl`] with its scheme borrowed where it is a constant (`http`
/// or `https`): `classify` reads a URL once and drops the reading, so it
/// copies no scheme.
pub(crate) struct WhatwgReading {
    pub scheme: Cow<'static, str>,
    pub host: Option<Host>,
    pub port: Option<u16>,
    pub special: bool,
}

impl WhatwgReading {
    /// [`WhatwgUrl::parse`]'s reading.
    pub(crate) fn parse(input: &str) -> Result<WhatwgReading, HostError> {
        match whatwg::parse_simple(input) {
            Some(parsed) => parsed,
            None => WhatwgReading::parse_full(input),
        }
    }

    /// [`WhatwgUrl::parse_full`]'s reading.
    fn parse_full(input: &str) -> Result<WhatwgReading, HostError> {
        let url = ::url::Url::parse(input).map_err(|e| HostError {
            message: e.to_string(),
        })?;
        let host = url.host().map(|h| match h {
            ::url::Host::Domain(d) => Host::Domain(d.to_owned()),
            ::url::Host::Ipv4(a) => Host::Ipv4(a),
            ::url::Host::Ipv6(a) => Host::Ipv6(a),
        });
        Ok(WhatwgReading {
            special: SPECIAL_SCHEMES.contains(&url.scheme()),
            scheme: Cow::Owned(url.scheme().to_owned()),
            host,
            port: url.port(),
        })
    }

    /// [`WhatwgUrl::port_or_default`].
    pub(crate) fn port_or_default(&self) -> Option<u16> {
        self.port.or(default_port(&self.scheme))
    }

    fn into_url(self) -> WhatwgUrl {
        WhatwgUrl {
            scheme: self.scheme.into_owned(),
            host: self.host,
            port: self.port,
            special: self.special,
        }
    }
}

impl WhatwgUrl {
    /// Parse with the WHATWG rules (the `url` crate).
    pub fn parse(input: &str) -> Result<WhatwgUrl, HostError> {
        WhatwgReading::parse(input).map(WhatwgReading::into_url)
    }

    /// [`WhatwgUrl::parse`] through `Url::parse` always (the reference the
    /// fast reading of ordinary URLs is tested against).
    pub fn parse_full(input: &str) -> Result<WhatwgUrl, HostError> {
        WhatwgReading::parse_full(input).map(WhatwgReading::into_url)
    }

    /// The explicit port, or the scheme's default port.
    pub fn port_or_default(&self) -> Option<u16> {
        self.port.or(default_port(&self.scheme))
    }
}

/// The default port of a special scheme.
fn default_port(scheme: &str) -> Option<u16> {
    match scheme {
        "http" | "ws" => Some(80),
        "https" | "wss" => Some(443),
        "ftp" => Some(21),
        _ => None,
    }
}

/// Where `://` starts in `text`.
pub(crate) fn find_scheme_separator(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(at) = bytes[from..].iter().position(|&b| b == b':') {
        let colon = from + at;
        if bytes[colon + 1..].starts_with(b"//") {
            return Some(colon);
        }
        from = colon + 1;
    }
    None
}

/// The URL a `classify` input stands for: a URL as given (it contains
/// `://` or starts with a special scheme and `:`, as `http:127.0.0.1/`), a
/// bare host or IP as `http://<input>/` (a bare IPv6 address in brackets).
pub fn url_for_input(input: &str) -> Cow<'_, str> {
    // Every test below needs a colon: the usual bare host has none.
    let colon = input.bytes().position(|b| b == b':');
    if let Some(colon) = colon {
        let scheme = &input[..colon];
        let special_prefix = SPECIAL_SCHEMES
            .iter()
            .any(|s| s.eq_ignore_ascii_case(scheme));
        if special_prefix || find_scheme_separator(&input[colon..]).is_some() {
            return Cow::Borrowed(input);
        }
    }
    let bracket = colon.is_some() && input.parse::<Ipv6Addr>().is_ok();
    let mut url = String::with_capacity(input.len() + 10);
    url.push_str(if bracket { "http://[" } else { "http://" });
    url.push_str(input);
    url.push_str(if bracket { "]/" } else { "/" });
    Cow::Owned(url)
}

/// The host GitLab ends up contacting, as far as the URL alone tells.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Reading<'a> {
    Ip(IpAddr),
    Name(Cow<'a, str>),
    None,
}

fn gitlab_reading(host: &str) -> Reading<'_> {
    match hostname_of(host) {
        "" => Reading::None,
        hostname => match inet::numeric_host(hostname) {
            Some(ip) => Reading::Ip(ip),
            None => Reading::Name(normalized_host_of(host)),
        },
    }
}

fn whatwg_reading(host: Option<&Host>) -> Reading<'_> {
    match host {
        None => Reading::None,
        Some(Host::Domain(d)) if d.is_empty() => Reading::None,
        Some(Host::Domain(d)) => Reading::Name(Cow::Borrowed(d.strip_suffix('.').unwrap_or(d))),
        Some(host) => host.ip().map_or(Reading::None, Reading::Ip),
    }
}

fn quoted(host: Option<&str>) -> String {
    host.map_or_else(|| "none".to_owned(), |h| format!("{h:?}"))
}

/// GitLab's host as it would be shown: the address it contacts, or for a
/// name the text it hands to the resolver (not lower-cased or decoded).
fn gitlab_host_text(host: &str) -> Option<String> {
    match gitlab_reading(host) {
        Reading::Name(_) => Some(hostname_of(host).to_owned()),
        other => describe(&other),
    }
}

fn describe(reading: &Reading) -> Option<String> {
    match reading {
        Reading::Ip(ip) => Some(canonical::whatwg_ip_string(*ip)),
        Reading::Name(n) => Some(n.to_string()),
        Reading::None => None,
    }
}

/// Compare the WHATWG and the Addressable reading of `input` and report the
/// hazards of §9: `url.parser_differential` (error) when they find
/// different hosts, and warnings for backslashes (`url.backslash`), tabs or
/// line breaks (`url.control_whitespace`), percent-encoded hosts
/// (`url.percent_encoded_host`), non-ASCII hosts (`url.non_ascii_host`),
/// userinfo (`url.userinfo`) and non-canonical IP spellings
/// (`url.non_canonical_ip`). Paths are relative to the URL.
pub fn hazards(
    input: &str,
    whatwg: Result<&WhatwgUrl, &HostError>,
    rfc: Option<&AddressableUri>,
) -> Diagnostics {
    hazards_of(
        input,
        whatwg.map(|url| (url.host.as_ref(), url.special)),
        rfc.map(AddressableHost::of),
    )
}

/// What the hazards read of Addressable's reading of a URL.
#[derive(Clone, Copy)]
pub(crate) struct AddressableHost<'a> {
    /// The host as written.
    pub host: Option<&'a str>,
    /// Whether the URL has userinfo.
    pub userinfo: bool,
}

impl AddressableHost<'_> {
    pub(crate) fn of(uri: &AddressableUri) -> AddressableHost<'_> {
        AddressableHost {
            host: uri.host.as_deref(),
            userinfo: uri.user.is_some(),
        }
    }
}

/// [`hazards`] of the WHATWG host and whether the scheme is special, and
/// of Addressable's host.
pub(crate) fn hazards_of(
    input: &str,
    whatwg: Result<(Option<&Host>, bool), &HostError>,
    rfc: Option<AddressableHost>,
) -> Diagnostics {
    let mut out = Diagnostics::new();
    // One scan for both: a backslash before the query, a tab or line break
    // anywhere.
    let (mut backslash, mut control, mut in_query) = (false, false, false);
    for b in input.bytes() {
        match b {
            b'?' | b'#' => in_query = true,
            b'\\' => backslash |= !in_query,
            b'\t' | b'\n' | b'\r' => control = true,
            _ => {}
        }
    }
    if backslash {
        out.push(Diagnostic::warning(
            "url.backslash",
            Path::root(),
            "the URL contains a backslash before its query: browsers read it as `/`, RFC 3986 parsers (and GitLab) as an ordinary character",
        ));
    }
    if control {
        out.push(Diagnostic::warning(
            "url.control_whitespace",
            Path::root(),
            "the URL contains a tab or line break: browsers delete them, GitLab rejects line breaks and the resolver stops at whitespace",
        ));
    }
    if let Some(uri) = rfc {
        let host = uri.host.unwrap_or("");
        if host.contains('%') {
            out.push(
                Diagnostic::warning(
                    "url.percent_encoded_host",
                    Path::root().key("host"),
                    format!("the host {host:?} is percent-encoded: browsers decode it, GitLab passes it to the resolver as written"),
                )
                .with("host", host),
            );
        }
        if !host.is_ascii() {
            out.push(
                Diagnostic::warning(
                    "url.non_ascii_host",
                    Path::root().key("host"),
                    format!("the host {host:?} is not ASCII: browsers map it with IDNA, GitLab passes it to the resolver as written"),
                )
                .with("host", host),
            );
        }
        if uri.userinfo {
            out.push(Diagnostic::warning(
                "url.userinfo",
                Path::root().key("userinfo"),
                "the URL has userinfo before an `@`: a classic way to disguise the real host",
            ));
        }
    }
    let (whatwg_host, special) = match whatwg {
        Ok(url) => url,
        Err(error) => {
            if let Some(gitlab) = rfc.and_then(|uri| gitlab_host_text(uri.host?)) {
                let gitlab = Some(gitlab);
                out.push(
                    Diagnostic::error(
                        "url.parser_differential",
                        Path::root().key("host"),
                        format!(
                            "browsers reject this URL ({error}) but GitLab's parser reads the host {}: the parsers disagree about this URL",
                            quoted(gitlab.as_deref())
                        ),
                    )
                    .with("whatwg_host", None::<String>)
                    .with("rfc3986_host", gitlab)
                    .with("whatwg_error", error.message.as_str()),
                );
            }
            return out;
        }
    };
    // Both readings, once (for special schemes, or an IPv4 host).
    let readings = rfc
        .filter(|_| special || matches!(whatwg_host, Some(Host::Ipv4(_))))
        .map(|uri| {
            let theirs = uri.host.map_or(Reading::None, gitlab_reading);
            (whatwg_reading(whatwg_host), theirs)
        });
    // IPv6 spellings are unambiguous (inet_pton and WHATWG agree); IPv4
    // ones (octal, hex, short forms) are not.
    if let (Some(uri), Some(Host::Ipv4(address))) = (rfc, whatwg_host) {
        if let Some(host) = uri.host {
            let written = hostname_of(host);
            let canonical = canonical::ip_text(IpAddr::V4(*address));
            let agree = readings
                .as_ref()
                .is_some_and(|(ours, theirs)| ours == theirs);
            // Bytes compared: the text is needed only for a warning.
            if written.as_bytes() != canonical.as_bytes() && agree {
                let canonical = canonical.as_str();
                out.push(
                    Diagnostic::warning(
                        "url.non_canonical_ip",
                        Path::root().key("host"),
                        message(&[
                            Piece::Text("the IP address "),
                            Piece::Quoted(written),
                            Piece::Text(" is not written in its canonical form "),
                            Piece::Text(canonical),
                            Piece::Text("; other parsers may read it differently"),
                        ]),
                    )
                    .with("host", written)
                    .with("canonical", canonical),
                );
            }
        }
    }
    if let Some(uri) = rfc {
        if let Some((ours, theirs)) = readings.filter(|_| special) {
            if ours != theirs {
                let (a, b) = (describe(&ours), uri.host.and_then(gitlab_host_text));
                out.push(
                    Diagnostic::error(
                        "url.parser_differential",
                        Path::root().key("host"),
                        format!(
                            "the URL is ambiguous: browsers (WHATWG) read the host {}, GitLab's RFC 3986 parser reads {}",
                            quoted(a.as_deref()),
                            quoted(b.as_deref())
                        ),
                    )
                    .with("whatwg_host", a)
                    .with("rfc3986_host", b),
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_bare_inputs_as_http_urls() {
        assert_eq!(url_for_input("::1"), "http://[::1]/");
        assert_eq!(url_for_input("10.0.0.1"), "http://10.0.0.1/");
        assert_eq!(url_for_input("https://x/"), "https://x/");
        assert_eq!(
            Host::parse("0x7f.1"),
            Ok(Host::Ipv4(Ipv4Addr::new(127, 0, 0, 1)))
        );
    }
}

#[cfg(test)]
mod ipv6_tests {
    use super::ipv6_to_string;

    #[test]
    fn whatwg_ipv6_serialisation() {
        // §8 item 6 examples.
        let cases = [
            ("0:0:0:0:0:ffff:127.0.0.1", "::ffff:7f00:1"),
            ("::127.0.0.1", "::7f00:1"),
            ("FFFF::255.255.255.255", "ffff::ffff:ffff"),
            ("::", "::"),
            ("::1", "::1"),
            ("1::", "1::"),
            ("1:0:0:2:0:0:0:3", "1:0:0:2::3"),
            ("1:0:2:0:3:0:4:0", "1:0:2:0:3:0:4:0"),
        ];
        for (input, expected) in cases {
            let parsed: std::net::Ipv6Addr =
                input.parse().unwrap_or(std::net::Ipv6Addr::UNSPECIFIED);
            assert_eq!(ipv6_to_string(parsed), expected, "{input}");
        }
    }
}

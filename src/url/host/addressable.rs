//! How GitLab reads a URL: Ruby's Addressable (RFC 3986), as the URL blocker
//! calls it (`Addressable::URI.parse`, then `hostname`, `port`,
//! `normalized_host`, `to_s`).
//!
//! Source: `sporkmonger/addressable : lib/addressable/uri.rb` (`parse`, the
//! component setters, `validate`, `hostname`, `normalized_host`, `to_s`) and
//! the reference (`url-blocker.md` §2.1 step 1, §2.4, §4.4, §9).
//!
//! The split is RFC 3986's regular expression
//! `^(([^:/?#]+):)?(//([^/?#]*))?([^?#]*)(\?([^#]*))?(#(.*))?$`; inside the
//! authority the userinfo runs up to the **last** `@` that has no bracket
//! before it, and the port is the text after the last `:` when that text has
//! no `:`, `@`, `[` or `]`. A backslash is an ordinary character here (but
//! invalid in a host), which is where Addressable and WHATWG part ways.

use std::borrow::Cow;

/// RFC 3986's unreserved characters other than letters and digits
/// (`-._~`) and its sub-delims (`!$&'()*+,;=`): what a host may hold beside
/// letters and digits, here and in the allowlist's lints.
pub(crate) const fn is_mark_or_sub_delim(b: u8) -> bool {
    matches!(
        b,
        b'-' | b'.'
            | b'_'
            | b'~'
            | b'!'
            | b'$'
            | b'&'
            | b'\''
            | b'('
            | b')'
            | b'*'
            | b'+'
            | b','
            | b';'
            | b'='
    )
}

/// In [`HOST_BYTES`]: a byte a normalised host keeps as it is.
const KEPT: u8 = 1;
/// In [`HOST_BYTES`]: an upper-case letter (kept, after lower-casing).
const UPPER: u8 = 2;

/// What a normalised host does with each byte: keeps ASCII letters and
/// digits, RFC 3986's unreserved and sub-delims, brackets and `:`; marks
/// upper-case letters, so that one scan tells both.
const HOST_BYTES: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        let kept =
            c.is_ascii_alphanumeric() || is_mark_or_sub_delim(c) || matches!(c, b'[' | b']' | b':');
        table[b] = if c.is_ascii_uppercase() {
            KEPT | UPPER
        } else if kept {
            KEPT
        } else {
            0
        };
        b += 1;
    }
    table
};

/// The ASCII characters Addressable refuses in a host: `<>{}/\?#@"` and
/// white space (no byte of a multi-byte character is marked).
const REFUSED_IN_HOST: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = matches!(
            c,
            b'<' | b'>'
                | b'{'
                | b'}'
                | b'/'
                | b'\\'
                | b'?'
                | b'#'
                | b'@'
                | b'"'
                | b'\t'
                | b'\n'
                | 0x0b
                | 0x0c
                | b'\r'
                | b' '
        );
        b += 1;
    }
    table
};

/// The default ports Addressable knows (`Addressable::URI.port_mapping`).
const PORT_MAPPING: &[(&str, u16)] = &[
    ("http", 80),
    ("https", 443),
    ("ftp", 21),
    ("tftp", 69),
    ("sftp", 22),
    ("ssh", 22),
    ("svn+ssh", 22),
    ("telnet", 23),
    ("nntp", 119),
    ("gopher", 70),
    ("wais", 210),
    ("ldap", 389),
    ("prospero", 1525),
];

/// A URL as Addressable reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AddressableUri {
    /// The scheme exactly as written (not lower-cased).
    pub scheme: Option<String>,
    /// The user, stripped of surrounding whitespace.
    pub user: Option<String>,
    /// The password, stripped of surrounding whitespace.
    pub password: Option<String>,
    /// The host as written (IPv6 literals keep their brackets).
    pub host: Option<String>,
    /// The explicit port's decimal digits without leading zeros (`None`
    /// when absent or zero, as Addressable drops port 0).
    pub port_digits: Option<String>,
    /// The path.
    pub path: String,
    /// The query, without `?`.
    pub query: Option<String>,
    /// The fragment, without `#`.
    pub fragment: Option<String>,
}

/// [`AddressableUri`] borrowing its parts from the text it was read from.
/// `classify` and the URL check read a URL once and only look at it, so
/// the parts are not copied; [`AddressableUri`] owns a copy of them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct AddressableParts<'a> {
    pub scheme: Option<&'a str>,
    pub user: Option<&'a str>,
    pub password: Option<&'a str>,
    pub host: Option<&'a str>,
    /// Borrowed unless the port had to be decoded.
    pub port_digits: Option<Cow<'a, str>>,
    pub path: &'a str,
    pub query: Option<&'a str>,
    pub fragment: Option<&'a str>,
}

/// Why Addressable refused the URL (GitLab reports every one of these as
/// "URI is invalid").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AddressableError(pub String);

fn is_ruby_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | '\0')
}

/// The first byte of `text` that `hit` picks (ASCII bytes: never inside a
/// multi-byte character, so the index is a character boundary).
fn find_any(text: &str, hit: impl Fn(u8) -> bool) -> Option<usize> {
    text.bytes().position(hit)
}

/// The last byte of `text` that `hit` picks.
fn rfind_any(text: &str, hit: impl Fn(u8) -> bool) -> Option<usize> {
    text.bytes().rposition(hit)
}

/// Ruby's `String#strip`.
pub fn ruby_strip(text: &str) -> &str {
    text.trim_matches(is_ruby_space)
}

/// Ruby's `blank?`: nil, empty or only whitespace.
pub fn is_blank(text: Option<&str>) -> bool {
    text.is_none_or(|t| t.chars().all(char::is_whitespace))
}

impl AddressableUri {
    /// `Addressable::URI.parse(text)` followed by its validation.
    pub fn parse(text: &str) -> Result<Self, AddressableError> {
        AddressableParts::parse(text).map(|parts| AddressableUri {
            scheme: parts.scheme.map(str::to_owned),
            user: parts.user.map(str::to_owned),
            password: parts.password.map(str::to_owned),
            host: parts.host.map(str::to_owned),
            port_digits: parts.port_digits.map(Cow::into_owned),
            path: parts.path.to_owned(),
            query: parts.query.map(str::to_owned),
            fragment: parts.fragment.map(str::to_owned),
        })
    }
}

impl<'a> AddressableParts<'a> {
    /// `Addressable::URI.parse(text)` followed by its validation.
    pub(crate) fn parse(text: &'a str) -> Result<Self, AddressableError> {
        let mut rest = text;
        // `^`…`$` are line anchors in Ruby; a URL with a line break is
        // refused by GitLab anyway (step 1), so read the first line only.
        if let Some(end) = find_any(rest, |b| matches!(b, b'\n' | b'\r')) {
            rest = &rest[..end];
        }
        let mut scheme = None;
        if let Some(colon) = find_any(rest, |b| matches!(b, b':' | b'/' | b'?' | b'#')) {
            if colon > 0 && rest.as_bytes()[colon] == b':' {
                scheme = Some(&rest[..colon]);
                rest = &rest[colon + 1..];
            }
        }
        let mut authority = None;
        if let Some(after) = rest.strip_prefix("//") {
            let end = find_any(after, |b| matches!(b, b'/' | b'?' | b'#')).unwrap_or(after.len());
            authority = Some(&after[..end]);
            rest = &after[end..];
        }
        let path_end = find_any(rest, |b| matches!(b, b'?' | b'#')).unwrap_or(rest.len());
        let path = &rest[..path_end];
        rest = &rest[path_end..];
        let mut query = None;
        if let Some(after) = rest.strip_prefix('?') {
            let end = find_any(after, |b| matches!(b, b'#')).unwrap_or(after.len());
            query = Some(&after[..end]);
            rest = &after[end..];
        }
        let fragment = rest.strip_prefix('#');

        let (mut user, mut password, mut host, mut port) = (None, None, None, None);
        if let Some(authority) = authority {
            let bracket =
                find_any(authority, |b| matches!(b, b'[' | b']')).unwrap_or(authority.len());
            let userinfo_end = rfind_any(&authority[..bracket], |b| matches!(b, b'@'));
            let host_and_port = match userinfo_end {
                Some(at) => {
                    let userinfo = ruby_strip(&authority[..at]);
                    match userinfo.split_once(':') {
                        Some((u, p)) => {
                            user = Some(u);
                            password = Some(p);
                        }
                        None => user = Some(userinfo),
                    }
                    &authority[at + 1..]
                }
                None => authority,
            };
            // The port regex runs on the whole authority; the host regex on
            // what is left after the userinfo. Both end at the string's end,
            // so they agree unless the userinfo holds the last colon.
            let port_of = |s: &str| -> Option<usize> {
                let colon = rfind_any(s, |b| matches!(b, b':'))?;
                find_any(&s[colon + 1..], |b| matches!(b, b'@' | b'[' | b']'))
                    .is_none()
                    .then_some(colon)
            };
            let host_colon = port_of(host_and_port);
            host = Some(match host_colon {
                Some(colon) => &host_and_port[..colon],
                None => host_and_port,
            });
            // Without userinfo the two are one string: one search.
            let port_colon = match userinfo_end {
                None => host_colon,
                Some(_) => port_of(authority),
            };
            port = port_colon
                .map(|colon| &authority[colon + 1..])
                .filter(|p| !p.is_empty());
        }

        if let Some(s) = scheme {
            let mut chars = s.chars();
            let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
                && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '+' | '-'));
            if !valid {
                return Err(AddressableError(format!("Invalid scheme format: '{s}'")));
            }
        }
        let port_digits = match port {
            Some(p) => parse_port(p)?,
            None => None,
        };
        let uri = AddressableParts {
            scheme,
            user,
            password,
            host,
            port_digits,
            path,
            query,
            fragment,
        };
        uri.validate()?;
        Ok(uri)
    }

    fn validate(&self) -> Result<(), AddressableError> {
        let host_empty = self.host.is_none_or(str::is_empty);
        // The scheme's lookup last: most URLs have a host.
        if host_empty && self.path.is_empty() && self.scheme.is_some() && self.ip_based() {
            return Err(AddressableError(
                "Absolute URI missing hierarchical segment".to_owned(),
            ));
        }
        if self.host.is_none()
            && (self.port_digits.is_some() || self.user.is_some() || self.password.is_some())
        {
            return Err(AddressableError("Hostname not supplied".to_owned()));
        }
        if self.path.starts_with("//") && self.host.is_none() {
            return Err(AddressableError(
                "Cannot have a path with two leading slashes without an authority set".to_owned(),
            ));
        }
        if let Some(host) = self.host {
            // The ASCII characters by table; beyond ASCII only white
            // space is refused.
            let bad_char = host.bytes().any(|b| REFUSED_IN_HOST[usize::from(b)])
                || (!host.is_ascii() && host.chars().any(char::is_whitespace));
            // An IP literal: what `hostname` takes out of the brackets.
            let literal = hostname_of(host);
            let bad_literal = literal.len() != host.len()
                && !literal
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:".contains(&b));
            if bad_char || bad_literal {
                return Err(AddressableError(format!(
                    "Invalid character in host: '{host}'"
                )));
            }
        }
        if self.scheme.is_none() && !self.path.starts_with('/') {
            if let Some(colon) = self.path.find(':') {
                if !self.path[..colon].contains('/') {
                    return Err(AddressableError(
                        "Cannot assemble URI string with ambiguous path".to_owned(),
                    ));
                }
            }
        }
        Ok(())
    }

    fn ip_based(&self) -> bool {
        self.scheme.and_then(default_port_of).is_some()
    }
}

/// `default_port`: the port Addressable knows for the lower-cased scheme.
fn default_port_of(scheme: &str) -> Option<u16> {
    let scheme = ruby_strip(scheme);
    PORT_MAPPING
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(scheme))
        .map(|(_, port)| *port)
}

/// `hostname`: the host with the brackets of an IPv6 literal removed.
pub(crate) fn hostname_of(host: &str) -> &str {
    host.strip_prefix('[')
        .and_then(|h| h.strip_suffix(']'))
        .unwrap_or(host)
}

/// [`AddressableUri::normalized_host`] of a host as written, borrowed
/// where that is already its normal form (the usual host).
pub(crate) fn normalized_host_of(host: &str) -> Cow<'_, str> {
    let host = ruby_strip(host);
    if host.is_empty() {
        return Cow::Borrowed("");
    }
    // The usual host (ASCII, nothing percent-encoded, nothing to
    // encode): lower-cased, one trailing dot dropped, borrowed when
    // there is nothing to lower-case.
    let mut seen = 0;
    if host.bytes().all(|b| {
        let class = HOST_BYTES[usize::from(b)];
        seen |= class;
        class & KEPT != 0
    }) {
        let bytes = host.as_bytes();
        let end =
            if bytes.len() >= 2 && bytes[bytes.len() - 1] == b'.' && bytes[bytes.len() - 2] != b'.'
            {
                host.len() - 1
            } else {
                host.len()
            };
        let host = &host[..end];
        return if seen & UPPER != 0 {
            Cow::Owned(host.to_ascii_lowercase())
        } else {
            Cow::Borrowed(host)
        };
    }
    Cow::Owned(normalized_general(host))
}

impl AddressableUri {
    /// Whether the scheme is one Addressable knows a default port for.
    pub fn ip_based(&self) -> bool {
        self.default_port().is_some()
    }

    /// `default_port`: the port Addressable knows for the lower-cased scheme.
    pub fn default_port(&self) -> Option<u16> {
        default_port_of(self.scheme.as_deref()?)
    }

    /// The explicit port as a number, saturating at `u64::MAX`.
    pub fn port(&self) -> Option<u64> {
        self.port_digits
            .as_deref()
            .map(|d| d.parse::<u64>().unwrap_or(u64::MAX))
    }

    /// GitLab's `get_port`: the explicit port, else the scheme's default.
    pub fn effective_port(&self) -> Option<u64> {
        self.port().or_else(|| self.default_port().map(u64::from))
    }

    /// `hostname`: the host with the brackets of an IPv6 literal removed.
    pub fn hostname(&self) -> Option<&str> {
        Some(hostname_of(self.host.as_deref()?))
    }

    /// `normalized_host`: lower-cased, percent-decoded, IDNA to ASCII, one
    /// trailing dot removed, characters outside RFC 3986's host set
    /// percent-encoded. This is what allowlist domain entries are compared
    /// with.
    ///
    /// Addressable maps non-ASCII labels with NFKC and punycode; this uses
    /// UTS #46 (the `idna` crate), which agrees for ordinary Unicode names
    /// and may differ for exotic code points.
    pub fn normalized_host(&self) -> Option<String> {
        self.host
            .as_deref()
            .map(|host| normalized_host_of(host).into_owned())
    }

    /// `to_s`: the URL rebuilt from its components (what GitLab sanitizes,
    /// checks for line breaks and prints in the ASCII-only message).
    pub fn to_uri_string(&self) -> String {
        let len = |s: &Option<String>| s.as_ref().map_or(0, |s| s.len() + 1);
        let mut out = String::with_capacity(
            len(&self.scheme)
                + len(&self.user)
                + len(&self.password)
                + len(&self.host)
                + 2
                + len(&self.port_digits)
                + self.path.len()
                + len(&self.query)
                + len(&self.fragment),
        );
        if let Some(scheme) = &self.scheme {
            out.push_str(scheme);
            out.push(':');
        }
        if let Some(host) = &self.host {
            out.push_str("//");
            if let Some(user) = &self.user {
                out.push_str(user);
                if let Some(password) = &self.password {
                    out.push(':');
                    out.push_str(password);
                }
                out.push('@');
            }
            out.push_str(host);
            if let Some(port) = &self.port_digits {
                out.push(':');
                out.push_str(port);
            }
        }
        out.push_str(&self.path);
        if let Some(query) = &self.query {
            out.push('?');
            out.push_str(query);
        }
        if let Some(fragment) = &self.fragment {
            out.push('#');
            out.push_str(fragment);
        }
        out
    }
}

/// `normalized_host` for any host (stripped, not empty): lower-cased,
/// percent-decoded, IDNA to ASCII, one trailing dot removed, characters
/// outside RFC 3986's host set percent-encoded.
fn normalized_general(host: &str) -> String {
    let keep = |b: u8| HOST_BYTES[usize::from(b)] & KEPT != 0;
    // Addressable downcases all of it; ASCII is enough here because the
    // UTS #46 mapping below lowercases every non-ASCII letter too.
    let lower = host.to_ascii_lowercase();
    let decoded = String::from_utf8_lossy(&percent_decode(&lower)).into_owned();
    let mut ascii = if decoded.is_ascii() {
        decoded
    } else {
        idna::domain_to_ascii(&decoded).unwrap_or(decoded)
    };
    let bytes = ascii.as_bytes();
    if bytes.len() >= 2 && bytes[bytes.len() - 1] == b'.' && bytes[bytes.len() - 2] != b'.' {
        ascii.pop();
    }
    let mut out = String::with_capacity(ascii.len());
    for byte in ascii.bytes() {
        if keep(byte) {
            out.push(char::from(byte));
        } else {
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xf)]));
        }
    }
    out
}

/// Addressable's `port=`: percent-decode, require a line of digits, then
/// Ruby's `to_i` (leading whitespace, digits with single underscores); 0
/// means "no port".
fn parse_port(text: &str) -> Result<Option<Cow<'_, str>>, AddressableError> {
    // The usual port: plain digits (what the steps below make of them).
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        let digits = text.trim_start_matches('0');
        return Ok((!digits.is_empty()).then_some(Cow::Borrowed(digits)));
    }
    let decoded = String::from_utf8(percent_decode(text))
        .map_err(|_| AddressableError("Invalid encoding in port".to_owned()))?;
    let has_digit_line = decoded
        .split('\n')
        .any(|line| !line.is_empty() && line.bytes().all(|b| b.is_ascii_digit()));
    if !has_digit_line {
        return Err(AddressableError(format!(
            "Invalid port number: {decoded:?}"
        )));
    }
    let trimmed = decoded.trim_start_matches(is_ruby_space);
    let mut digits = String::new();
    let mut previous_underscore = false;
    for c in trimmed.chars() {
        match c {
            '0'..='9' => {
                digits.push(c);
                previous_underscore = false;
            }
            '_' if !digits.is_empty() && !previous_underscore => previous_underscore = true,
            _ => break,
        }
    }
    let digits = digits.trim_start_matches('0');
    Ok((!digits.is_empty()).then(|| Cow::Owned(digits.to_owned())))
}

/// `%XX` sequences decoded to bytes; anything else kept.
pub fn percent_decode(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = |b: u8| (b as char).to_digit(16);
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn parse(text: &str) -> AddressableUri {
        match AddressableUri::parse(text) {
            Ok(uri) => uri,
            Err(e) => panic!("{text}: {}", e.0),
        }
    }

    #[test]
    fn splits_like_addressable() {
        // §9: Addressable takes userinfo up to the last `@`; `\` is not a delimiter.
        let uri = parse("http://127.1.1.1:80\\@127.2.2.2:80/");
        assert_eq!(uri.hostname(), Some("127.2.2.2"));
        assert_eq!(uri.user.as_deref(), Some("127.1.1.1"));
        assert_eq!(uri.port(), Some(80));
        let uri = parse("http://a@b@127.2.2.2/x?q#f");
        assert_eq!(uri.hostname(), Some("127.2.2.2"));
        assert_eq!(uri.query.as_deref(), Some("q"));
        let uri = parse("http://[::1]:8080/");
        assert_eq!(uri.hostname(), Some("::1"));
        assert_eq!(uri.host.as_deref(), Some("[::1]"));
        assert_eq!(uri.effective_port(), Some(8080));
        let uri = parse("https://Example.COM./");
        assert_eq!(uri.normalized_host().as_deref(), Some("example.com"));
        assert_eq!(uri.effective_port(), Some(443));
        let uri = parse("http://ğitlab.com/");
        assert_eq!(uri.normalized_host().as_deref(), Some("xn--itlab-j1a.com"));
        let uri = parse("not-a-url");
        assert_eq!((uri.scheme, uri.host), (None, None));
        let uri = parse("http:/localhost:9201");
        assert_eq!(uri.host, None);
        let uri = parse("http://host:%38%30/");
        assert_eq!(uri.port(), Some(80));
        let uri = parse("http://host:0/");
        assert_eq!(uri.port(), None);
    }

    proptest::proptest! {
        /// The one-allocation reading of ordinary hosts equals the general
        /// one (decode, IDNA, encode) wherever it is taken.
        #[test]
        fn ordinary_hosts_normalise_like_any_host(host in "[A-Za-z0-9.%:_~!$&'()*+,;=\\[\\]-]{1,20}") {
            let uri = AddressableUri { host: Some(host.clone()), ..parse("http://x/") };
            proptest::prop_assert_eq!(uri.normalized_host(), Some(normalized_general(ruby_strip(&host))));
        }
    }

    #[test]
    fn refuses_like_addressable() {
        // §2.1: malformed URLs from GitLab's spec.
        for text in [
            "http://:8080",
            "http://host:port/",
            "1http://x/",
            "http://a b/",
            "http://[fe80::1%25eth0]/",
            ":foo",
        ] {
            assert!(AddressableUri::parse(text).is_err(), "{text}");
        }
    }
}

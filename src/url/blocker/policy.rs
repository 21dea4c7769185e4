//! The blocker's options, named as GitLab names them, and what the library
//! cannot look up itself (the resolved addresses, the server's own).

use crate::diagnostic::{message as concat, Piece};
use crate::url::allowlist::Allowlist;
use std::net::IpAddr;

/// Which version of the `gitlab-http` gem's blocker to follow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum GemVersion {
    /// The newest gem seen (`1becc04b`): cloud-metadata block, port > 65535
    /// refused, a blank host refused by the hostname check.
    #[default]
    Newest,
    /// The previous gem (`0286e4c6`, `4de6023d`): no cloud-metadata block,
    /// no port-range check, blank hosts skip the hostname check.
    BeforeCloudMetadata,
}

impl GemVersion {
    pub(super) fn blocks_metadata(self) -> bool {
        self == GemVersion::Newest
    }
}

/// How the caller shows the blocker's message (`url-blocker.md` §2.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum MessageFormat {
    /// The bare message (AI gateway URL at save time, newest).
    #[default]
    Bare,
    /// `is not allowed: <message>` (AI gateway URL, older versions).
    IsNotAllowed,
    /// `Endpoint is blocked: <message>` (self-hosted model endpoint).
    EndpointIsBlocked,
    /// `URL is blocked: <message>` (`Gitlab::HTTP` at request time).
    UrlIsBlocked,
}

impl MessageFormat {
    /// The message as GitLab shows it.
    pub fn wrap(self, message: &str) -> String {
        let prefix = match self {
            MessageFormat::Bare => return message.to_owned(),
            MessageFormat::IsNotAllowed => "is not allowed: ",
            MessageFormat::EndpointIsBlocked => "Endpoint is blocked: ",
            MessageFormat::UrlIsBlocked => "URL is blocked: ",
        };
        // Written without `core::fmt`: every DNS answer that blocks has one.
        concat(&[Piece::Text(prefix), Piece::Text(message)])
    }
}

/// The blocker's options, named as GitLab names them.
///
/// `Default` is the gem's defaults with `schemes` set to http and https
/// (the gem requires the caller to give schemes).
#[derive(Clone, Debug)]
pub struct Policy {
    /// Allowed schemes, compared exactly (case-sensitive).
    pub schemes: Vec<String>,
    /// When non-empty, a port below 1024 must be listed.
    pub ports: Vec<u64>,
    /// When false, block `::`, `0.0.0.0`, the server's addresses, loopback.
    pub allow_localhost: bool,
    /// When false, block private, unique-local, link-local, shared, broadcast.
    pub allow_local_network: bool,
    /// Block everything not allowlisted, internal or extra-allowed.
    pub deny_all_requests_except_allowed: bool,
    /// Resolve the host and block unresolvable hosts.
    pub dns_rebind_protection: bool,
    /// Block cloud-metadata endpoints (newest gem only; not allowlistable).
    pub deny_cloud_metadata_requests: bool,
    /// The username must start with a letter or digit.
    pub enforce_user: bool,
    /// The whole URL must be ASCII.
    pub ascii_only: bool,
    /// Refuse URLs the HTML sanitizer would change.
    pub enforce_sanitization: bool,
    /// URIs allowed when scheme, host name and port match.
    pub extra_allowed_uris: Vec<String>,
    /// The admin outbound allowlist.
    pub outbound_local_requests_allowlist: Allowlist,
    /// Which gem version's behaviour to follow.
    pub gem: GemVersion,
    /// How the caller wraps the message.
    pub message_format: MessageFormat,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            schemes: vec!["http".to_owned(), "https".to_owned()],
            ports: Vec::new(),
            allow_localhost: false,
            allow_local_network: true,
            deny_all_requests_except_allowed: false,
            dns_rebind_protection: true,
            deny_cloud_metadata_requests: true,
            enforce_user: false,
            ascii_only: false,
            enforce_sanitization: false,
            extra_allowed_uris: Vec::new(),
            outbound_local_requests_allowlist: Allowlist::new(),
            gem: GemVersion::Newest,
            message_format: MessageFormat::Bare,
        }
    }
}

/// What the library cannot look up itself.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Context {
    /// The addresses the host resolves to, in resolver order (`Some(vec![])`
    /// = does not resolve; `None` = unknown). Ignored for numeric hosts,
    /// which the resolver answers without DNS.
    pub resolved_addresses: Option<Vec<IpAddr>>,
    /// The GitLab server's own interface addresses (`Socket.ip_address_list`).
    /// 127.0.0.1 and ::1 need not be listed: GitLab runs on Linux, whose
    /// loopback interface always has them, so they always count as the
    /// server's own (which is why GitLab says "Requests to localhost are not
    /// allowed" for `http://127.0.0.1`, as its DAST spec expects; §2.3).
    pub server_addresses: Vec<IpAddr>,
    /// Whether `http_proxy`, `https_proxy`, `HTTP_PROXY` or `HTTPS_PROXY`
    /// is set.
    pub http_proxy_env: bool,
    /// GitLab's own URLs (`allowed_internal_uris`): its web URL and
    /// `ssh://<host>:<port>`.
    pub internal_uris: Vec<String>,
}

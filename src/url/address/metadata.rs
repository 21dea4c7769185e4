//! The cloud-metadata endpoint table (`url-blocker.md` §2.3 for the ones
//! GitLab blocks, §7.3 for the aliases seen in public SSRF lists).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// A known cloud-metadata endpoint.
#[derive(Clone, Copy, Debug)]
pub struct MetadataEndpoint {
    /// The address or host name.
    pub host: MetadataHost,
    /// Whose endpoint it is.
    pub provider: &'static str,
    /// Whether GitLab's newest URL blocker refuses it by itself.
    pub gitlab_blocks: bool,
}

/// A metadata endpoint's address or name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MetadataHost {
    /// An address.
    Ip(IpAddr),
    /// A host name.
    Name(&'static str),
}

/// Cloud-metadata endpoints (`url-blocker.md` §2.3 for the ones GitLab
/// blocks, §7.3 for the aliases seen in public SSRF lists).
pub const METADATA_ENDPOINTS: &[MetadataEndpoint] = &[
    MetadataEndpoint {
        host: MetadataHost::Ip(IpAddr::V4(Ipv4Addr::new(169, 254, 169, 254))),
        provider: "AWS, GCP, Azure and others",
        gitlab_blocks: true,
    },
    MetadataEndpoint {
        host: MetadataHost::Ip(IpAddr::V6(Ipv6Addr::new(
            0xfd00, 0xec2, 0, 0, 0, 0, 0, 0x254,
        ))),
        provider: "AWS IMDS over IPv6",
        gitlab_blocks: true,
    },
    MetadataEndpoint {
        host: MetadataHost::Ip(IpAddr::V4(Ipv4Addr::new(100, 100, 100, 200))),
        provider: "Alibaba Cloud",
        gitlab_blocks: true,
    },
    MetadataEndpoint {
        host: MetadataHost::Ip(IpAddr::V4(Ipv4Addr::new(192, 0, 0, 192))),
        provider: "Oracle Cloud",
        gitlab_blocks: true,
    },
    MetadataEndpoint {
        host: MetadataHost::Ip(IpAddr::V4(Ipv4Addr::new(169, 254, 170, 2))),
        provider: "AWS ECS task metadata",
        gitlab_blocks: false,
    },
    MetadataEndpoint {
        host: MetadataHost::Name("metadata.google.internal"),
        provider: "Google Cloud",
        gitlab_blocks: true,
    },
    MetadataEndpoint {
        host: MetadataHost::Name("metadata"),
        provider: "alias in SSRF lists",
        gitlab_blocks: false,
    },
    MetadataEndpoint {
        host: MetadataHost::Name("instance-data"),
        provider: "AWS alias",
        gitlab_blocks: false,
    },
    MetadataEndpoint {
        host: MetadataHost::Name("rancher-metadata"),
        provider: "Rancher",
        gitlab_blocks: false,
    },
    MetadataEndpoint {
        host: MetadataHost::Name("metadata.tencentyun.com"),
        provider: "Tencent Cloud",
        gitlab_blocks: false,
    },
    MetadataEndpoint {
        host: MetadataHost::Name("metadata.nicob.net"),
        provider: "alias resolving to 169.254.169.254",
        gitlab_blocks: false,
    },
];

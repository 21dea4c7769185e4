//! A Bedrock ARN, split at its `:` fields.

use std::fmt;

/// A Bedrock ARN, split at its `:` fields.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Arn {
    text: String,
    /// `aws`, `aws-us-gov`, `aws-cn`, …
    pub partition: String,
    /// `bedrock` (or `sagemaker`).
    pub service: String,
    /// The source Region the ARN pins.
    pub region: String,
    /// The account (empty for foundation models).
    pub account: String,
    /// The resource type (`inference-profile`, `foundation-model`, …).
    pub resource_type: String,
    /// The resource ID (the text after the first `/`).
    pub resource_id: String,
}

impl Arn {
    /// Split an ARN; `None` when it does not have six `:` fields and a
    /// `type/id` resource.
    pub fn parse(text: &str) -> Option<Self> {
        let mut parts = text.splitn(6, ':');
        let arn = parts.next()?;
        if !arn.eq_ignore_ascii_case("arn") {
            return None;
        }
        let partition = parts.next()?;
        let service = parts.next()?;
        let region = parts.next()?;
        let account = parts.next()?;
        let resource = parts.next()?;
        let (resource_type, resource_id) = resource.split_once('/')?;
        Some(Arn {
            text: text.to_owned(),
            partition: partition.to_owned(),
            service: service.to_owned(),
            region: region.to_owned(),
            account: account.to_owned(),
            resource_type: resource_type.to_owned(),
            resource_id: resource_id.to_owned(),
        })
    }

    /// The whole ARN.
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

impl fmt::Display for Arn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

//! AWS's patterns for what a Bedrock identifier points at: model IDs,
//! provisioned or imported model names, and ARNs (`bedrock.md` §5).

use super::arn::Arn;

/// Why `id` does not match AWS's control-plane `BedrockModelId` pattern
/// (`bedrock.md` §5.1: `[a-z0-9-]{1,63}[.]{1}[a-z0-9-]{1,63}([a-z0-9-]{1,63}[.]){0,2}[a-z0-9-]{1,63}([:][a-z0-9-]{1,63}){0,2}`,
/// at most 140 characters), or `None` when it matches. This pattern
/// full-matches every model-ID shape AWS uses, including throughput
/// suffixes; the `/<12 chars>` custom-model form is not accepted here.
pub fn model_id_problem(id: &str) -> Option<String> {
    if id.is_empty() {
        return Some("it is empty".to_owned());
    }
    if id.len() > 140 {
        return Some(format!(
            "it is {} characters long, AWS allows at most 140",
            id.len()
        ));
    }
    if let Some(c) = id
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '.' | ':')))
    {
        let why = if c.is_ascii_uppercase() {
            "upper-case letters are never valid"
        } else {
            "only a-z, 0-9, '-', '.' and ':' are valid"
        };
        return Some(format!("unexpected character {c:?} ({why})"));
    }
    let mut colon_parts = id.split(':');
    let dotted = colon_parts.next().unwrap_or_default();
    let colon_parts: Vec<&str> = colon_parts.collect();
    if colon_parts.len() > 2 {
        return Some("more than two ':' segments".to_owned());
    }
    if let Some(bad) = colon_parts
        .iter()
        .find(|s| s.is_empty() || s.len() > 63 || s.contains('.'))
    {
        return Some(format!(
            "the ':' segment {bad:?} must be 1 to 63 characters of a-z, 0-9 and '-'"
        ));
    }
    let segments: Vec<&str> = dotted.split('.').collect();
    if segments.len() < 2 {
        return Some("expected <provider>.<model>, found no '.'".to_owned());
    }
    if segments.len() > 4 {
        return Some("more than three '.' after the provider".to_owned());
    }
    if segments[0].is_empty() || segments[0].len() > 63 {
        return Some("the provider must be 1 to 63 characters".to_owned());
    }
    let first = segments[1];
    if first.len() < 2 || first.len() > 126 {
        return Some(format!(
            "the model name {first:?} must be 2 to 126 characters"
        ));
    }
    if let Some(bad) = segments[2..].iter().find(|s| s.is_empty() || s.len() > 63) {
        return Some(format!(
            "the '.' segment {bad:?} must be 1 to 63 characters"
        ));
    }
    None
}

/// Whether `text` fits AWS's runtime pattern for a provisioned-model or
/// imported-model name, `([0-9a-zA-Z][_-]?)+` (at most 63 characters,
/// `ProvisionedModelName`, `bedrock.md` §5.1), and has no `.` (which would
/// make it a model ID).
pub fn is_provisioned_model_name(text: &str) -> bool {
    let bytes = text.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= 63
        && bytes[0].is_ascii_alphanumeric()
        && bytes
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-'))
        && !bytes
            .windows(2)
            .any(|w| !w[0].is_ascii_alphanumeric() && !w[1].is_ascii_alphanumeric())
}

/// Why an ARN does not match the forms AWS's runtime accepts
/// (`bedrock.md` §5.1 and §5.3), or `None`.
pub fn arn_problem(arn: &Arn) -> Option<String> {
    if arn.as_str().starts_with("ARN:") {
        return Some("the \"arn:\" prefix must be lower case".to_owned());
    }
    if !(arn.partition == "aws" || arn.partition.starts_with("aws-")) {
        return Some(format!("unknown partition {:?}", arn.partition));
    }
    if arn.service != "bedrock" {
        return Some(format!("the service is {:?}, not \"bedrock\"", arn.service));
    }
    let region_ok = (1..=20).contains(&arn.region.len())
        && arn
            .region
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !region_ok {
        return Some(format!("the Region field {:?} is not a Region", arn.region));
    }
    let account_ok = arn.account.len() == 12 && arn.account.bytes().all(|b| b.is_ascii_digit());
    let short_id = |s: &str| {
        s.len() == 12
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    };
    match arn.resource_type.as_str() {
        "foundation-model" => {
            if !arn.account.is_empty() {
                return Some("a foundation-model ARN has an empty account field".to_owned());
            }
            model_id_problem(&arn.resource_id).map(|p| format!("the model ID {p}"))
        }
        "inference-profile" | "application-inference-profile" => {
            if !account_ok {
                return Some("the account must be 12 digits".to_owned());
            }
            let ok = !arn.resource_id.is_empty()
                && arn
                    .resource_id
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b':' | b'.'));
            (!ok).then(|| {
                format!(
                    "the profile ID {:?} has characters outside [a-zA-Z0-9-:.]",
                    arn.resource_id
                )
            })
        }
        "provisioned-model" | "imported-model" | "custom-model-deployment" => {
            if !account_ok {
                return Some("the account must be 12 digits".to_owned());
            }
            (!short_id(&arn.resource_id)).then(|| {
                format!(
                    "the {} ID must be 12 lower-case letters or digits",
                    arn.resource_type
                )
            })
        }
        "custom-model" => (!account_ok).then(|| "the account must be 12 digits".to_owned()),
        other => Some(format!("unknown resource type {other:?}")),
    }
}

//! The length limits GitLab's database and the AI gateway put on a
//! record's fields.

/// GitLab's database limit on the deployment name (`CHECK char_length(name) <= 255`).
pub const NAME_MAX_LEN: usize = 255;
/// GitLab's database limit on the endpoint (`CHECK char_length(endpoint) <= 2048`).
pub const ENDPOINT_MAX_LEN: usize = 2048;
/// The AI gateway's limit on the endpoint (`ModelMetadata.endpoint`, `max_length=255`).
pub const AI_GATEWAY_ENDPOINT_MAX_LEN: usize = 255;
/// The AI gateway's limit on the API key (`max_length=2000`).
pub const AI_GATEWAY_API_KEY_MAX_LEN: usize = 2000;

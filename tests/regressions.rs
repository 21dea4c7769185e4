//! Inputs found by fuzzing (`fuzz/`) and the differential tests
//! (`tests/differential.rs`), kept so the bug they found stays fixed. Each
//! test names the target that found it.

mod util;

use duo_selfhosted::bedrock::bedrock_identifier;
use util::only;

#[test]
fn bedrock_empty_model_is_an_error() {
    // fuzz target `bedrock`, seed "us-east-1\n": no identifier and no
    // diagnostic at all, so a form showed nothing. Also for whitespace and
    // a bare "bedrock/" (the prefix is stripped, leaving nothing).
    for model in ["", "   ", "bedrock/"] {
        let report = bedrock_identifier("us-east-1", model);
        assert_eq!(report.identifier, None, "{model:?}");
        let d = only(&report.diagnostics, "bedrock.model_empty");
        assert_eq!(
            d.message(),
            "the model is empty; give a base model ID such as anthropic.claude-3-5-sonnet-20241022-v2:0"
        );
        assert_eq!(d.path().to_string(), "model");
    }
}

#[test]
fn api_keys_never_reach_a_debug_string() {
    // fuzz target `config_json` (API key injected into every model record):
    // while the configuration kept the raw model records as JSON values,
    // `format!("{config:?}")` printed the key. The records are now typed,
    // with the key in `ApiKey`; keep it that way for every output.
    let mut doc: serde_json::Value =
        serde_json::from_str(duo_selfhosted::config::EXAMPLE_JSON).unwrap_or_default();
    let key = "sk-regression-5be2c1d0a9f3";
    for model in doc["self_hosted_models"]
        .as_array_mut()
        .map(Vec::as_mut_slice)
        .unwrap_or_default()
    {
        model["api_key"] = serde_json::json!(key);
    }
    let decoded = duo_selfhosted::config::Config::from_value(&doc);
    let Some(config) = decoded.config else {
        panic!("the example does not decode: {:?}", decoded.diagnostics);
    };
    assert_eq!(config.self_hosted_models.len(), 4);
    let report = duo_selfhosted::config::validate(&config);
    let outputs = [
        format!("{config:?}"),
        format!("{report:?}"),
        report.to_string(),
        serde_json::to_string(&report).unwrap_or_default(),
        format!("{:?}", duo_selfhosted::config::resolve(&config)),
        duo_selfhosted::settings::snippet(&config).to_string(),
    ];
    for output in outputs {
        assert!(!output.contains(key), "the API key leaked: {output}");
    }
}

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

//! Model identifiers: `Identifier::parse` and the checks per deployment
//! method and family.
//!
//! Input: `<deployment method key, or empty>\n<family key, or empty>\n<identifier>`.
//! Properties: display gives back exactly the parsed text; parse → display
//! → parse is the identity; the report is deterministic and well formed.
#![no_main]

use duo_selfhosted::family::{DeploymentMethod, Family};
use duo_selfhosted::identifier::{check_identifier, identifier_report, Identifier};
use duo_selfhosted::{Diagnostics, Path};
use duo_selfhosted_fuzz::{check_diagnostics, fields, json};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(f) = fields(data, 3) else { return };
    let (method, family, text) = (DeploymentMethod::from_key(f[0]), Family::by_key(f[1]), f[2]);

    let id = Identifier::parse(text);
    let shown = id.to_string();
    assert_eq!(shown, text, "display is not the parsed text");
    let again = Identifier::parse(&shown);
    assert_eq!(again, id, "parse → display → parse changed the identifier");
    assert_eq!(
        id.has_explicit_provider(),
        text.split_once('/').is_some_and(|(_, r)| !r.is_empty())
    );
    if let Some(model) = id.bedrock() {
        assert_eq!(id.litellm_model(), model.to_string());
    }

    let mut diagnostics = Diagnostics::new();
    let checked = check_identifier(text, method, family, &Path::root(), &mut diagnostics);
    assert_eq!(checked, id, "check_identifier parsed differently");
    check_diagnostics(&diagnostics);
    if text.is_empty() {
        assert!(diagnostics.contains_code("identifier.empty"));
    }
    if text.chars().count() > duo_selfhosted::identifier::MAX_LEN {
        assert!(diagnostics.contains_code("identifier.too_long"));
    }

    let report = identifier_report(text, method);
    check_diagnostics(&report.diagnostics);
    assert_eq!(report.provider, id.provider().as_str());
    assert_eq!(
        json(&report),
        json(&identifier_report(text, method)),
        "not deterministic"
    );
});

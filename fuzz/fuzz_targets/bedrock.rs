//! Bedrock identifier derivation: `bedrock_identifier(region, model)`.
//!
//! Input: `<AWS Region>\n<model>`.
//! Properties: a derived identifier is a `bedrock/…` identifier that the
//! identifier checks accept for the Bedrock deployment method, whose
//! prefix is the reported one; feeding it back as the model derives the
//! same identifier (a fixpoint); no identifier means an error was reported.
#![no_main]

use duo_selfhosted::bedrock::bedrock_identifier;
use duo_selfhosted::family::DeploymentMethod;
use duo_selfhosted::identifier::{check_identifier, Identifier, Provider};
use duo_selfhosted::{Diagnostics, Path};
use duo_selfhosted_fuzz::{check_diagnostics, fields, json};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(f) = fields(data, 2) else { return };
    let (region, model) = (f[0], f[1]);

    let report = bedrock_identifier(region, model);
    check_diagnostics(&report.diagnostics);
    let _ = json(&report);
    let Some(identifier) = report.identifier.as_deref() else {
        assert!(
            report.diagnostics.has_errors(),
            "no identifier and no error: {report:?}"
        );
        assert!(report.prefix.is_none());
        return;
    };

    let parsed = Identifier::parse(identifier);
    assert_eq!(parsed.provider(), &Provider::Bedrock, "{identifier}");
    assert_eq!(parsed.cross_region_prefix(), report.prefix, "{identifier}");
    let mut diagnostics = Diagnostics::new();
    check_identifier(
        identifier,
        Some(DeploymentMethod::Bedrock),
        None,
        &Path::root(),
        &mut diagnostics,
    );
    assert!(
        !diagnostics.has_errors(),
        "derived {identifier:?} from ({region:?}, {model:?}) but the identifier check rejects it: {diagnostics:?}"
    );

    let again = bedrock_identifier(region, identifier);
    assert_eq!(
        again.identifier.as_deref(),
        Some(identifier),
        "derivation is not a fixpoint for ({region:?}, {model:?}): {again:?}"
    );
});

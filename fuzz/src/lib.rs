//! Helpers shared by the fuzz targets: input framing and the properties
//! every report must have whatever the input.
//!
//! Inputs are plain UTF-8 text, fields separated by newlines (the last field
//! takes the rest), so the seed corpora under `fuzz/seeds/` are readable and
//! can be written by hand.

use duo_selfhosted::{Diagnostic, Diagnostics, Param};
use serde::Serialize;

/// The input as `n` fields: the first `n - 1` lines, then the rest.
/// `None` when the input is not UTF-8 (every entry point takes `&str`).
pub fn fields(data: &[u8], n: usize) -> Option<Vec<&str>> {
    let text = std::str::from_utf8(data).ok()?;
    let mut out = Vec::with_capacity(n);
    let mut rest = text;
    for _ in 1..n {
        match rest.split_once('\n') {
            Some((head, tail)) => {
                out.push(head);
                rest = tail;
            }
            None => {
                out.push(rest);
                rest = "";
            }
        }
    }
    out.push(rest);
    Some(out)
}

/// A stable dotted code: `area.snake_case`, at least two segments of
/// `[a-z0-9_]`.
pub fn is_dotted_code(code: &str) -> bool {
    let mut segments = 0;
    for segment in code.split('.') {
        if segment.is_empty()
            || !segment
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        {
            return false;
        }
        segments += 1;
    }
    segments >= 2
}

/// The properties every diagnostic has: a dotted code with a catalog entry
/// that allows its severity and its params, a message that is not empty
/// and has no trailing period, a path whose JSON Pointer form is empty
/// exactly when the path is the root.
pub fn check_diagnostic(d: &Diagnostic) {
    assert!(is_dotted_code(d.code()), "bad code {:?}", d.code());
    // The catalog is the contract: the code, its severity and its params.
    let Some(entry) = duo_selfhosted::diagnostic::catalog::lookup(d.code()) else {
        panic!("{} has no catalog entry", d.code());
    };
    assert!(
        entry.severities.contains(&d.severity()),
        "{} is {} but the catalog allows {:?}",
        d.code(),
        d.severity(),
        entry.severities
    );
    for (name, value) in d.params() {
        assert!(
            entry.param(name).is_some_and(|spec| spec.admits(value)),
            "{}: the param {name} = {value:?} does not fit the catalog",
            d.code()
        );
    }
    assert!(!d.message().is_empty(), "empty message for {}", d.code());
    // A message may end with a period only where it ends with a value
    // taken from the input (a host such as `example.com.`).
    let ends_with_value = d.params().iter().any(|(_, value)| match value {
        Param::Str(s) => !s.is_empty() && d.message().ends_with(s.as_str()),
        Param::List(items) => items
            .iter()
            .any(|s| !s.is_empty() && d.message().ends_with(&**s)),
        _ => false,
    });
    assert!(
        !d.message().ends_with('.') || ends_with_value,
        "trailing period in {}: {:?}",
        d.code(),
        d.message()
    );
    assert_eq!(d.path().is_root(), d.path().pointer().is_empty());
}

/// [`check_diagnostic`] for each, and `is_valid` agrees with the severities.
pub fn check_diagnostics(all: &Diagnostics) {
    for d in all.iter() {
        check_diagnostic(d);
    }
    assert_eq!(all.is_valid(), !all.iter().any(Diagnostic::is_error));
}

/// The compact JSON a front end would print; serialising never fails.
pub fn json<T: Serialize>(value: &T) -> String {
    match serde_json::to_string(value) {
        Ok(text) => text,
        Err(e) => panic!("serialising failed: {e}"),
    }
}

/// Fails if `secret` appears in `output`, also JSON-escaped.
pub fn assert_secret_absent(output: &str, secret: &str) {
    assert!(!output.contains(secret), "the API key leaked: {output}");
    let escaped = serde_json::to_string(secret).unwrap_or_default();
    let escaped = escaped.trim_matches('"');
    assert!(
        escaped.is_empty() || !output.contains(escaped),
        "the API key leaked (escaped): {output}"
    );
}

/// Recognisable API keys the configuration targets inject into every
/// self-hosted model record: plain, padded with whitespace (so the
/// whitespace rules fire), and long. The fuzzer never produces them by
/// itself.
pub const KEYS: [&str; 3] = [
    "sk-fuzz-4f1c9e07b2d84a6e",
    "  sk-fuzz-4f1c9e07b2d84a6e\n",
    "sk-fuzz-4f1c9e07b2d84a6e-LONG-LONG-LONG-LONG-LONG-LONG-LONG-LONG-LONG-LONG-LONG-LONG-LONG",
];

/// The part of every key in [`KEYS`] that must never be printed.
pub const KEY_CORE: &str = "4f1c9e07b2d84a6e";

/// The input as text, or `None` when it is not UTF-8 or already holds
/// [`KEY_CORE`] (an input that names the key itself would make the
/// secret checks fail for the input's sake, not the library's).
pub fn text_without_key(data: &[u8]) -> Option<&str> {
    std::str::from_utf8(data)
        .ok()
        .filter(|text| !text.contains(KEY_CORE))
}

/// Put `key` as `api_key` into every object of the top-level
/// `self_hosted_models` array. Returns whether any record got it.
pub fn inject_key(document: &mut serde_json::Value, key: &str) -> bool {
    let mut injected = false;
    if let Some(models) = document
        .get_mut("self_hosted_models")
        .and_then(serde_json::Value::as_array_mut)
    {
        for model in models
            .iter_mut()
            .filter_map(serde_json::Value::as_object_mut)
        {
            model.insert(
                "api_key".to_owned(),
                serde_json::Value::String(key.to_owned()),
            );
            injected = true;
        }
    }
    injected
}

/// Everything the library prints about a configuration document: the
/// check report (JSON, text, Debug, Code Quality), the resolution (JSON,
/// text), the snippet, and the decoded configuration's Debug form; with the
/// properties that tie `validate` and `resolve` together.
pub fn check_config(decoded: duo_selfhosted::config::Decoded) -> Vec<String> {
    use duo_selfhosted::config::{is_valid, resolve, validate, Via};
    use duo_selfhosted::feature::Provider;

    check_diagnostics(&decoded.diagnostics);
    let mut outputs = vec![
        json(&decoded.diagnostics),
        format!("{:?}", decoded.diagnostics),
    ];
    let Some(config) = decoded.config else {
        assert!(
            decoded.diagnostics.has_errors(),
            "no configuration and no error"
        );
        return outputs;
    };
    outputs.push(format!("{config:?}"));

    let report = validate(&config);
    check_diagnostics(&report.diagnostics);
    assert_eq!(report.valid, report.diagnostics.is_valid());
    assert_eq!(
        is_valid(&config),
        report.valid,
        "is_valid and validate disagree"
    );
    outputs.push(json(&report));
    outputs.push(report.to_string());
    outputs.push(format!("{report:?}"));
    outputs.push(json(&report.code_quality("duo.json")));

    let resolution = resolve(&config);
    outputs.push(json(&resolution));
    outputs.push(resolution.to_string());
    let mut seen = std::collections::HashSet::new();
    for f in &resolution.features {
        assert!(seen.insert(f.feature), "{} resolved twice", f.feature);
        assert_eq!(f.enabled, f.provider != Provider::Disabled, "{}", f.feature);
        let deployment = f.model.as_deref().and_then(|name| config.deployment(name));
        assert_eq!(
            f.family.is_some(),
            deployment.is_some(),
            "{}: family reported without a deployment, or the other way round",
            f.feature
        );
        if let (Some(family), Some(d)) = (&f.family, deployment) {
            assert_eq!(family, &d.family);
        }
        if f.provider == Provider::SelfHosted && report.valid {
            assert!(
                deployment.is_some(),
                "valid configuration, but {} resolves to a model that does not exist: {:?}",
                f.feature,
                f.model
            );
        }
        if f.via == Via::GeneralChatFallback {
            assert_ne!(f.feature, "duo_chat", "General Chat falls back to itself");
            // A saved unassigned, disabled or self_hosted setting never
            // falls back (duo-domain.md §4.3).
            if let Some(own) = config.setting(f.feature) {
                assert!(
                    own.provider == Provider::Vendored,
                    "{} has its own {:?} setting but fell back to General Chat",
                    f.feature,
                    own.provider
                );
            }
        }
        if f.via == Via::InstanceModelSelection {
            // Only a feature with no saved setting gets the instance's
            // GitLab-managed default model.
            assert!(config.setting(f.feature).is_none(), "{}", f.feature);
            assert_eq!(f.provider, Provider::Vendored, "{}", f.feature);
        }
        assert!(!f.reason.is_empty(), "{} has no reason", f.feature);
    }
    assert_eq!(resolution, resolve(&config), "resolve is not deterministic");

    let snippet = duo_selfhosted::settings::snippet(&config);
    outputs.push(json(&snippet));
    outputs.push(snippet.to_string());

    // Configuration as code: the plan against an empty GitLab puts every
    // API key into a create's variables, and the renderings must mask it;
    // the written document never carries one.
    let empty = duo_selfhosted::gitlab::LiveState {
        gitlab_version: None,
        duo_settings: Some(Default::default()),
        models: Some(Vec::new()),
        feature_settings: Some(Vec::new()),
    };
    match duo_selfhosted::gitlab::plan(&config, &empty) {
        Ok(plan) => {
            assert!(report.valid, "a plan for a document with errors");
            outputs.push(plan.to_string());
            outputs.push(json(&plan));
            outputs.push(format!("{plan:?}"));
        }
        Err(refused) => {
            assert!(
                refused.diagnostics.has_errors(),
                "a refusal without an error"
            );
            outputs.push(json(&refused.diagnostics));
        }
    }
    outputs.push(config.to_json_text());
    outputs.push(config.to_toml_text());
    outputs
}

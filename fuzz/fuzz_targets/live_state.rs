//! GitLab's answers (a live-state file, or a whole GraphQL response)
//! through the live-state reader, `import` and `plan`, as a GitLab of
//! another version, a token without permission, or a broken proxy might
//! send them.
//!
//! Input: any text. It is read as a live state; the state is imported and
//! the bundled example is planned against it, with a recognisable API key
//! in every model of the example.
//! Properties: no panic; a null or mistyped part is a diagnostic; a plan
//! exists only for a complete live state and a valid document; the saved
//! state reads back to the same state; the key appears in no rendering of
//! the plan nor in the imported document.
#![no_main]

use duo_selfhosted::config::{Config, EXAMPLE_JSON};
use duo_selfhosted::gitlab::{self, LiveState};
use duo_selfhosted_fuzz::{
    assert_secret_absent, check_diagnostics, inject_key, text_without_key, KEYS, KEY_CORE,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(text) = text_without_key(data) else {
        return;
    };
    let decoded = LiveState::from_json(text);
    check_diagnostics(&decoded.diagnostics);
    let state = decoded.state;
    // What import --save-live writes reads back as the same state.
    let again = LiveState::from_json(&state.to_value().to_string());
    assert_eq!(
        again.state, state,
        "the saved live state does not read back"
    );
    let imported = gitlab::import(&state, &duo_selfhosted::GitLabVersion::new(19, 6));
    check_diagnostics(&imported.diagnostics);
    for written in [
        imported.config.to_json_text(),
        imported.config.to_toml_text(),
    ] {
        let back = if written.starts_with('{') {
            Config::from_json(&written)
        } else {
            Config::from_toml(&written)
        };
        assert!(
            back.config.is_some(),
            "an imported document does not read back: {written}"
        );
    }
    let mut example: serde_json::Value = serde_json::from_str(EXAMPLE_JSON).unwrap_or_default();
    inject_key(&mut example, KEYS[data.len() % KEYS.len()]);
    let Some(config) = Config::from_value(&example).config else {
        return;
    };
    let complete =
        state.duo_settings.is_some() && state.models.is_some() && state.feature_settings.is_some();
    match gitlab::plan(&config, &state) {
        Ok(plan) => {
            assert!(complete, "a plan against an incomplete live state");
            for output in [
                plan.to_string(),
                serde_json::to_string(&plan).unwrap_or_default(),
                format!("{plan:?}"),
            ] {
                assert_secret_absent(&output, KEY_CORE);
            }
        }
        Err(refused) => assert!(
            refused.diagnostics.has_errors(),
            "a refusal without an error"
        ),
    }
});

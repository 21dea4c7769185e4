//! The configuration document in TOML through decode, `validate` and
//! `resolve`.
//!
//! Input: a TOML document. It is checked as given, then (when it is TOML
//! with a `self_hosted_models` array) again with a recognisable API key
//! injected into every model record.
//! Properties: see `check_config`; the API key appears in no output; the
//! TOML document reads exactly as the same document in JSON.
#![no_main]

use duo_selfhosted::config::Config;
use duo_selfhosted_fuzz::{
    assert_secret_absent, check_config, inject_key, json, text_without_key, KEYS, KEY_CORE,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(text) = text_without_key(data) else {
        return;
    };
    let from_toml = Config::from_toml(text);
    check_config(from_toml.clone());
    let Ok(table) = text.parse::<toml::Table>() else {
        return;
    };
    let Ok(mut document) = serde_json::to_value(&table) else {
        return;
    };
    let as_json = Config::from_json(&document.to_string());
    assert_eq!(
        json(&as_json.diagnostics),
        json(&from_toml.diagnostics),
        "TOML and JSON read differently"
    );
    assert_eq!(
        as_json.config, from_toml.config,
        "TOML and JSON read differently"
    );

    let key = KEYS[data.len() % KEYS.len()];
    if inject_key(&mut document, key) {
        let Ok(injected) = toml::to_string(&document) else {
            return;
        };
        for output in check_config(Config::from_toml(&injected)) {
            assert_secret_absent(&output, KEY_CORE);
        }
    }
});

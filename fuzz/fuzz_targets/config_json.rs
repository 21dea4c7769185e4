//! The configuration document in JSON through decode, `validate` and
//! `resolve`.
//!
//! Input: a JSON document. It is checked as given, then (when it is JSON
//! with a `self_hosted_models` array) again with a recognisable API key
//! injected into every model record.
//! Properties: see `check_config` (validate and resolve agree, the Chat
//! fallback law, determinism), and the API key appears in no output.
#![no_main]

use duo_selfhosted::config::Config;
use duo_selfhosted_fuzz::{
    assert_secret_absent, check_config, inject_key, text_without_key, KEYS, KEY_CORE,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(text) = text_without_key(data) else {
        return;
    };
    check_config(Config::from_json(text));
    let Ok(mut document) = serde_json::from_str::<serde_json::Value>(text) else {
        return;
    };
    let key = KEYS[data.len() % KEYS.len()];
    if inject_key(&mut document, key) {
        let injected = document.to_string();
        for output in check_config(Config::from_json(&injected)) {
            assert_secret_absent(&output, KEY_CORE);
        }
    }
});

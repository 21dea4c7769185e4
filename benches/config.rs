//! `validate` and `resolve` on a large realistic configuration: 20
//! deployments, a setting for every feature, a 1000-entry allowlist.

use criterion::{criterion_group, criterion_main, Criterion};
use duo_selfhosted::config::{self, Config};
use duo_selfhosted::feature::FEATURES;
use serde_json::{json, Value};
use std::hint::black_box;

fn large_document() -> Value {
    let families = ["claude_3", "gpt", "mistral", "codestral", "llama3"];
    let models: Vec<Value> = (0..20)
        .map(|i| {
            let family = families[i % families.len()];
            if family == "claude_3" {
                json!({"name": format!("Deployment {i}"), "family": family, "deployment": "bedrock",
                       "identifier": "bedrock/us.anthropic.claude-sonnet-4-5-20250929-v1:0", "aws_region": "us-east-1", "aws_region_name": "us-east-1"})
            } else {
                json!({"name": format!("Deployment {i}"), "family": family, "deployment": "vllm",
                       "endpoint": format!("http://vllm-{i}.internal:8000/v1"), "api_key": "key",
                       "identifier": format!("custom_openai/model-{i}")})
            }
        })
        .collect();
    let mut features = serde_json::Map::new();
    for (i, feature) in FEATURES.iter().enumerate() {
        // Claude deployments (every fifth) fit every feature.
        let setting = match i % 4 {
            0 | 1 => {
                json!({"provider": "self_hosted", "model": format!("Deployment {}", (i * 5) % 20)})
            }
            2 => json!({"provider": "vendored", "model": "claude_sonnet_4"}),
            _ => json!({"provider": "disabled"}),
        };
        features.insert(feature.key.to_owned(), setting);
    }
    let allowlist: Vec<String> = (0..1000)
        .map(|i| match i % 3 {
            0 => format!("10.{}.{}.0/24", i / 256, i % 256),
            1 => format!("service-{i}.internal"),
            _ => format!("*.zone-{i}.example.com:8443"),
        })
        .collect();
    json!({
        "gitlab_version": "18.10",
        "tier": "ultimate",
        "add_ons": ["duo_enterprise"],
        "beta_models_and_features": true,
        "network": {"outbound_allowlist": allowlist, "gitlab_server_addresses": ["10.0.0.4"]},
        "ai_gateway": {"url": "http://ai-gateway.internal:5052", "resolved_addresses": ["10.0.1.7"]},
        "agent_platform": {"url": "ai-gateway.internal:50052", "tls": false},
        "self_hosted_models": models,
        "features": features
    })
}

fn bench(c: &mut Criterion) {
    let doc = large_document();
    let text = doc.to_string();
    let decoded = Config::from_value(&doc);
    let Some(config) = decoded.config else {
        panic!("bench document does not decode: {:?}", decoded.diagnostics);
    };
    c.bench_function("config/decode_json", |b| {
        b.iter(|| Config::from_json(black_box(&text)))
    });
    c.bench_function("config/validate", |b| {
        b.iter(|| config::validate(black_box(&config)))
    });
    c.bench_function("config/resolve", |b| {
        b.iter(|| config::resolve(black_box(&config)))
    });
    c.bench_function("config/check_json", |b| {
        b.iter(|| config::check_json(black_box(&text)))
    });
    // The same document as TOML (the CLI's other input format).
    #[cfg(feature = "cli")]
    {
        let toml_text = match toml::to_string(&doc) {
            Ok(t) => t,
            Err(e) => panic!("bench document as TOML: {e}"),
        };
        c.bench_function("config/check_toml", |b| {
            b.iter(|| config::check_toml(black_box(&toml_text)))
        });
    }
    c.bench_function("config/snippet", |b| {
        b.iter(|| duo_selfhosted::settings::snippet(black_box(&config)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);

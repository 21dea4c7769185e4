//! `validate` and `resolve` on a large realistic configuration: 20
//! deployments, a setting for every feature, a 1000-entry allowlist.

use criterion::{criterion_group, criterion_main, Criterion};
use duo_selfhosted::config::{self, Config};
use std::hint::black_box;

mod fixture;
use fixture::large_document;

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

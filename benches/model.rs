//! Identifier parsing and cross-region prefix derivation.

use criterion::{criterion_group, criterion_main, Criterion};
use duo_selfhosted::bedrock::{bedrock_identifier, default_table, derive, Prefer};
use duo_selfhosted::family::DeploymentMethod;
use duo_selfhosted::identifier::{identifier_report, Identifier};
use std::hint::black_box;

const IDENTIFIERS: &[&str] = &[
    "custom_openai/Mixtral-8x7B-Instruct-v0.1",
    "bedrock/apac.anthropic.claude-3-5-sonnet-20241022-v2:0",
    "bedrock/converse/arn:aws:bedrock:us-east-2:123456789012:application-inference-profile/oitsuvtb0pij",
    "azure/gpt-35-turbo",
    "bedrock/us.anthropic.claude-opus-4-6-v1[1m]",
];

fn parsing(c: &mut Criterion) {
    c.bench_function("identifier/parse", |b| {
        b.iter(|| {
            for text in IDENTIFIERS {
                black_box(Identifier::parse(black_box(text)));
            }
        })
    });
    c.bench_function("identifier/check", |b| {
        b.iter(|| {
            for text in IDENTIFIERS {
                black_box(identifier_report(
                    black_box(text),
                    Some(DeploymentMethod::Bedrock),
                ));
            }
        })
    });
}

fn derivation(c: &mut Criterion) {
    let table = default_table();
    c.bench_function("bedrock/derive", |b| {
        b.iter(|| {
            black_box(derive(
                table,
                black_box("ap-northeast-1"),
                black_box("anthropic.claude-3-5-sonnet-20241022-v2:0"),
                Prefer::Regional,
            ))
            .is_ok()
        })
    });
    c.bench_function("bedrock/bedrock_identifier", |b| {
        b.iter(|| {
            black_box(bedrock_identifier(
                black_box("eu-west-2"),
                black_box("anthropic.claude-3-7-sonnet-20250219-v1:0"),
            ))
        })
    });
}

criterion_group!(benches, parsing, derivation);
criterion_main!(benches);

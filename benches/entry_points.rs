//! The entry points the area benches leave out, on realistic inputs: a
//! self-hosted model record, the Agent Platform URL, host parsing, the URL
//! check for every preset, and the `allowlist match` text path (which parses
//! the list on every call, as the CLI and the npm package do).

use criterion::{criterion_group, criterion_main, Criterion};
use duo_selfhosted::allowlist::Allowlist;
use duo_selfhosted::blocker::{check_url, Context};
use duo_selfhosted::host::Host;
use duo_selfhosted::model::{ModelContext, ModelReport};
use duo_selfhosted::preset::Preset;
use duo_selfhosted::settings::check_agent_platform_url;
use duo_selfhosted::GitLabVersion;
use std::hint::black_box;

const BEDROCK_RECORD: &str = r#"{"name":"Claude Sonnet 4 on Bedrock","family":"claude_3","deployment":"bedrock","identifier":"bedrock/apac.anthropic.claude-sonnet-4-20250514-v1:0","aws_region":"ap-northeast-1"}"#;
const VLLM_RECORD: &str = r#"{"name":"Mistral on vLLM","family":"mistral","deployment":"vllm","endpoint":"http://vllm.internal:8000/v1","api_key":"secret","identifier":"custom_openai/mistralai/Mistral-Small-3.2-24B-Instruct-2506"}"#;

fn bench(c: &mut Criterion) {
    let context = ModelContext::default();
    c.bench_function("model/check bedrock record", |b| {
        b.iter(|| ModelReport::from_json(black_box(BEDROCK_RECORD), &context))
    });
    c.bench_function("model/check vllm record", |b| {
        b.iter(|| ModelReport::from_json(black_box(VLLM_RECORD), &context))
    });
    c.bench_function("settings/agent platform url", |b| {
        b.iter(|| check_agent_platform_url(black_box("ai-gateway.internal:50052")))
    });
    c.bench_function("host/parse", |b| {
        b.iter(|| Host::parse(black_box("https://[::ffff:10.0.0.1]:5052/v1")))
    });
    let version = GitLabVersion::new(18, 9);
    for preset in Preset::ALL {
        let policy = preset.policy(&version);
        c.bench_function(&format!("url check/{}", preset.name()), |b| {
            b.iter(|| {
                check_url(
                    black_box("http://10.0.1.7:5052/v1"),
                    &policy,
                    &Context::default(),
                )
            })
        });
    }
    let text: String = (0..1000)
        .map(|i| match i % 3 {
            0 => format!("10.{}.{}.0/24\n", i >> 8, i & 255),
            1 => format!("service-{i}.internal\n"),
            _ => format!("192.168.{}.{}\n", i & 255, (i * 7) & 255),
        })
        .collect();
    c.bench_function("allowlist/match text, 1000 entries", |b| {
        b.iter(|| {
            let (list, _) = Allowlist::parse(black_box(&text));
            list.match_host_text("10.1.20.7", None)
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);

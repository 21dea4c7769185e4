//! Speed of the URL rules: classification, a full blocker check, and
//! allowlist matching against GitLab's maximum of 1000 entries (matching
//! is indexed, so it should not grow with the list); parsing allowlists of
//! 1000 to 1,000,000 entries (the time per entry must stay flat: parsing is
//! linear, n log n at most).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use duo_selfhosted::allowlist::Allowlist;
use duo_selfhosted::blocker::{check_url, Context};
use duo_selfhosted::{classify, GitLabVersion, Preset};
use std::hint::black_box;
use std::net::IpAddr;
use std::time::Duration;

mod fixture;

fn thousand_entries() -> Vec<String> {
    let mut entries = Vec::with_capacity(1000);
    for i in 0..250u32 {
        entries.push(format!("10.{}.{}.0/24", i % 256, (i * 7) % 256));
        entries.push(format!("host{i}.example.com:{}", 1000 + i));
        entries.push(format!("192.168.{}.{}", i % 256, (i * 3) % 256));
        entries.push(format!("fd00:{i:x}::/48"));
    }
    entries
}

fn bench(c: &mut Criterion) {
    c.bench_function("classify numeric host", |b| {
        b.iter(|| classify(black_box("http://0x7f.1:5052/")))
    });
    c.bench_function("classify domain", |b| {
        b.iter(|| classify(black_box("ip-172-31-1-1.ec2.internal")))
    });
    // A host that needs IDNA (UTS #46 mapping and NFC, then Punycode).
    c.bench_function("classify international domain", |b| {
        b.iter(|| classify(black_box("https://Bücher.münchen.example/")))
    });

    let version = GitLabVersion::new(18, 9);
    let policy = Preset::AiGatewaySave.policy(&version);
    let context = Context {
        resolved_addresses: Some(vec![IpAddr::from([10, 1, 2, 3])]),
        ..Context::default()
    };
    c.bench_function("url check, resolved", |b| {
        b.iter(|| {
            check_url(
                black_box("http://aigw.example.com:5052/v1"),
                &policy,
                &context,
            )
        })
    });
    c.bench_function("url check, depends on DNS", |b| {
        b.iter(|| {
            check_url(
                black_box("http://aigw.example.com:5052/v1"),
                &policy,
                &Context::default(),
            )
        })
    });

    let entries = thousand_entries();
    let (list, _) = Allowlist::from_entries(&entries);
    assert_eq!(list.len(), 1000);
    c.bench_function("allowlist parse 1000 entries", |b| {
        b.iter(|| Allowlist::from_entries(black_box(&entries)))
    });
    c.bench_function("allowlist match ip, 1000 entries", |b| {
        b.iter(|| list.match_ip(black_box(IpAddr::from([192, 168, 249, 235])), Some(443)))
    });
    c.bench_function("allowlist match miss, 1000 entries", |b| {
        b.iter(|| list.match_ip(black_box(IpAddr::from([8, 8, 8, 8])), Some(443)))
    });
    c.bench_function("allowlist match domain, 1000 entries", |b| {
        b.iter(|| list.match_domain(black_box("host249.example.com"), Some(1249)))
    });
    let mut deny = policy.clone();
    deny.deny_all_requests_except_allowed = true;
    deny.outbound_local_requests_allowlist = list.clone();
    c.bench_function("url check with 1000-entry allowlist", |b| {
        b.iter(|| {
            check_url(
                black_box("http://192.168.249.235:5052/"),
                &deny,
                &Context::default(),
            )
        })
    });
    // Blocked (deny-all, not on the list): the advice tries the entry that
    // would let it through against the whole list.
    let blocked = check_url("http://172.16.5.9:5052/", &deny, &Context::default());
    assert_eq!(blocked.blocked, Some(true));
    assert!(blocked.suggested_allowlist_entry.is_some());
    c.bench_function(
        "url check blocked, 1000-entry allowlist (suggestion)",
        |b| {
            b.iter(|| {
                check_url(
                    black_box("http://172.16.5.9:5052/"),
                    &deny,
                    &Context::default(),
                )
            })
        },
    );
}

/// Parsing the allowlist text at growing sizes: with linear work the time
/// per entry (criterion's throughput) stays flat from 1000 to 1,000,000.
fn scaling(c: &mut Criterion) {
    let mut group = c.benchmark_group("allowlist parse scaling");
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    for n in [1_000usize, 10_000, 100_000, 1_000_000] {
        let text = fixture::allowlist_text(n);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &text, |b, text| {
            b.iter(|| Allowlist::parse(black_box(text)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench, scaling);
criterion_main!(benches);

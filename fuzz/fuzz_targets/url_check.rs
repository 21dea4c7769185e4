//! GitLab's URL blocker: `blocker::check_url` with every preset, in several
//! GitLab versions, with and without the stricter instance settings.
//!
//! Input: `<URL>`.
//! Properties: the verdict's canonical host and class are the ones
//! `classify` gives (the canonical host is WHATWG's); a block has a code
//! and GitLab's message, an allowed URL has neither; a stricter policy
//! (local network disallowed, deny-all on) never lets through what the
//! looser one blocks; the check is deterministic.
#![no_main]

use duo_selfhosted::address::classify;
use duo_selfhosted::blocker::{check_url, Context, Policy, UrlVerdict};
use duo_selfhosted::host::WhatwgUrl;
use duo_selfhosted::preset::Preset;
use duo_selfhosted::GitLabVersion;
use duo_selfhosted_fuzz::{check_diagnostics, json};
use libfuzzer_sys::fuzz_target;

/// Blocked > depends on DNS > allowed.
fn strictness(v: &UrlVerdict) -> u8 {
    match v.blocked {
        Some(false) => 0,
        None => 1,
        Some(true) => 2,
    }
}

fn well_formed(url: &str, v: &UrlVerdict) {
    check_diagnostics(&v.diagnostics);
    let _ = json(v);
    match v.blocked {
        Some(true) => {
            assert!(v.code.is_some(), "{url:?}: blocked without a code");
            // Blocked whatever DNS answers, with a message that depends on
            // the answer: the messages are in the diagnostic's parameters.
            if v.code != Some("url.blocked_whatever_dns") {
                assert!(
                    v.gitlab_message.is_some(),
                    "{url:?}: blocked without GitLab's message"
                );
            }
        }
        Some(false) => {
            assert!(
                v.code.is_none(),
                "{url:?}: allowed with a code {:?}",
                v.code
            );
            assert!(
                v.gitlab_message.is_none(),
                "{url:?}: allowed with a message"
            );
        }
        None => assert!(
            !v.dns_outcomes.is_empty(),
            "{url:?}: depends on DNS but lists no outcome"
        ),
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(url) = std::str::from_utf8(data) else {
        return;
    };
    let classified = classify(url);
    let context = Context::default();
    for version in [GitLabVersion::new(17, 1), GitLabVersion::new(18, 9)] {
        for preset in Preset::ALL {
            let policy = preset.policy(&version);
            let verdict = check_url(url, &policy, &context);
            well_formed(url, &verdict);
            // For a special scheme both report WHATWG's host; for another
            // scheme the blocker shows the opaque host and classify reads it
            // as an http host (both documented).
            if url.contains("://") && WhatwgUrl::parse(url).is_ok_and(|w| w.special) {
                assert_eq!(
                    verdict.canonical_host, classified.canonical_host,
                    "{url:?}: the blocker and classify disagree on the host"
                );
            }
            assert_eq!(
                verdict,
                check_url(url, &policy, &context),
                "{url:?}: not deterministic"
            );

            let strict = Policy {
                allow_local_network: false,
                ..policy.clone()
            };
            let strict_verdict = check_url(url, &strict, &context);
            well_formed(url, &strict_verdict);
            assert!(
                strictness(&strict_verdict) >= strictness(&verdict),
                "{url:?} ({}): disallowing the local network let it through: {verdict:?} → {strict_verdict:?}",
                preset.name()
            );
            let deny_all = Policy {
                deny_all_requests_except_allowed: true,
                ..policy
            };
            let deny_verdict = check_url(url, &deny_all, &context);
            well_formed(url, &deny_verdict);
            assert!(
                strictness(&deny_verdict) >= strictness(&verdict),
                "{url:?} ({}): deny-all let it through: {verdict:?} → {deny_verdict:?}",
                preset.name()
            );
        }
    }
});

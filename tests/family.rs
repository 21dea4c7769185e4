//! The model family table and deployment methods.

use duo_selfhosted::family::{
    offered_families, DeploymentMethod, DocsClass, Family, ReleaseState, FAMILIES,
};
use duo_selfhosted::GitLabVersion;

#[test]
fn family_rows() {
    // (key, display, state in 18.9, docs class, methods) — duo-domain §1.1.
    use DeploymentMethod::{AzureOpenai, Bedrock, Vllm};
    let rows: &[(&str, &str, ReleaseState, DocsClass, &[DeploymentMethod])] = &[
        (
            "mistral",
            "Mistral",
            ReleaseState::Ga,
            DocsClass::Supported,
            &[Vllm, Bedrock],
        ),
        (
            "llama3",
            "Llama 3",
            ReleaseState::Beta,
            DocsClass::Supported,
            &[Vllm],
        ),
        (
            "codegemma",
            "CodeGemma",
            ReleaseState::Beta,
            DocsClass::Compatible,
            &[Vllm],
        ),
        (
            "codestral",
            "Mistral Codestral",
            ReleaseState::Ga,
            DocsClass::Supported,
            &[Vllm],
        ),
        (
            "codellama",
            "Code Llama",
            ReleaseState::Beta,
            DocsClass::Compatible,
            &[Vllm],
        ),
        (
            "deepseekcoder",
            "DeepSeek Coder",
            ReleaseState::Beta,
            DocsClass::Compatible,
            &[Vllm],
        ),
        (
            "claude_3",
            "Claude",
            ReleaseState::Ga,
            DocsClass::Supported,
            &[Bedrock],
        ),
        (
            "gpt",
            "GPT",
            ReleaseState::Ga,
            DocsClass::Supported,
            &[AzureOpenai, Vllm],
        ),
        (
            "mixtral",
            "Mixtral",
            ReleaseState::Ga,
            DocsClass::CompatibleDeprecated,
            &[Vllm, Bedrock],
        ),
        (
            "general",
            "General",
            ReleaseState::Beta,
            DocsClass::Compatible,
            &[Vllm],
        ),
    ];
    let v = GitLabVersion::new(18, 9);
    for (key, display, state, class, methods) in rows {
        let Some(f) = Family::by_key(key) else {
            panic!("{key}")
        };
        assert_eq!(
            (f.display_name, f.release_state(&v), f.docs_class, f.methods),
            (*display, *state, *class, *methods),
            "{key}"
        );
        assert_eq!(
            Family::by_graphql_value(&key.to_uppercase()).map(|f| f.key),
            Some(*key)
        );
    }
    assert_eq!(FAMILIES.len(), 13);
    assert_eq!(Family::nearest_keys("claude3"), ["claude_3"]);
}

#[test]
fn release_state_and_introduction_by_version() {
    let mixtral = Family::by_key("mixtral").map(|f| {
        (
            f.release_state(&GitLabVersion::new(17, 9)),
            f.release_state(&GitLabVersion::new(18, 9)),
        )
    });
    // duo-domain §1.2: mixtral was BETA in 17.x, GA in 18.9.
    assert_eq!(mixtral, Some((ReleaseState::Beta, ReleaseState::Ga)));
    // duo-domain §7: general since 18.3.
    let general = Family::by_key("general").map(|f| {
        (
            f.exists_in(&GitLabVersion::new(18, 2)),
            f.exists_in(&GitLabVersion::new(18, 3)),
        )
    });
    assert_eq!(general, Some((false, true)));
}

#[test]
fn form_offers_ga_families_unless_beta_is_on() {
    // duo-domain §1.3: BETA families are dropped unless the beta checkbox is on.
    let v = GitLabVersion::new(18, 9);
    let keys = |beta| {
        offered_families(&v, beta)
            .iter()
            .map(|f| f.key)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        keys(false),
        ["mistral", "codestral", "claude_3", "gpt", "mixtral"]
    );
    assert_eq!(keys(true).len(), 10);
}

#[test]
fn deployment_methods_by_version() {
    // gitlab-update §2: the model form's Vertex AI platform from 18.11
    // (18.10 has none); the endpoint is required only for the api provider
    // from 19.0 (migration '19.0'; the 18.11 model still requires it).
    let v1810 = GitLabVersion::new(18, 10);
    let v1811 = GitLabVersion::new(18, 11);
    let v190 = GitLabVersion::new(19, 0);
    assert!(!DeploymentMethod::VertexAi.available_in(&v1810));
    assert!(DeploymentMethod::VertexAi.available_in(&v1811));
    assert!(DeploymentMethod::Bedrock.endpoint_required(&v1811));
    assert!(DeploymentMethod::VertexAi.endpoint_required(&v1811));
    assert!(!DeploymentMethod::Bedrock.endpoint_required(&v190));
    assert!(!DeploymentMethod::VertexAi.endpoint_required(&v190));
    assert!(DeploymentMethod::Vllm.endpoint_required(&v190));
    assert!(DeploymentMethod::AzureOpenai.endpoint_required(&v190));
    assert_eq!(
        DeploymentMethod::keys().collect::<Vec<_>>(),
        ["vllm", "bedrock", "azure_openai", "vertex_ai"]
    );
}

//! Tokens and the GitLab permissions they carry.

use std::collections::{BTreeSet, HashMap};

/// The GitLab abilities the three queries and six mutations check (ref §5,
/// §7). A token holds a set of them; the implied ones are added as GitLab's
/// policy does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Permission {
    /// `:manage_self_hosted_models_settings`: models, classic feature
    /// settings, the two URLs and the TLS flag (ref §5, §7.3).
    ManageSelfHostedModelsSettings,
    /// `:manage_instance_model_selection`: vendored (GitLab-managed) models
    /// in `aiFeatureSettingUpdate` (`offeredModelRef`), and reading
    /// `aiFeatureSettings` (ref §7.1, §7.3).
    ManageInstanceModelSelection,
    /// `:update_dap_self_hosted_model`: a self-hosted model for the two
    /// Agent Platform features (ref §7.3).
    UpdateDapSelfHostedModel,
    /// `:read_dap_self_hosted_model` (ref §5); implied by the update one.
    ReadDapSelfHostedModel,
    /// `:update_ai_gateway_timeout`: `duoSettingsUpdate(aiGatewayTimeoutSeconds:)`
    /// from 19.2 (ref §5: S4+ mutation).
    UpdateAiGatewayTimeout,
    /// `:read_ai_gateway_timeout`: `DuoSettings.aiGatewayTimeoutSeconds`;
    /// implied by managing self-hosted models or updating the timeout (ref §5).
    ReadAiGatewayTimeout,
    /// `:read_self_hosted_models_settings`: the URL and TLS fields of
    /// `DuoSettings` (ref §7.2); implied by managing self-hosted models.
    ReadSelfHostedModelsSettings,
    /// `:admin_all_resources`: `duoSettingsUpdate` is authorized on it from
    /// 19.2 (ref §7.3, "from S4").
    AdminAllResources,
}

impl Permission {
    /// Every permission: what an instance administrator with the self-hosted
    /// licence (online) holds.
    pub const ALL: [Permission; 8] = [
        Permission::ManageSelfHostedModelsSettings,
        Permission::ManageInstanceModelSelection,
        Permission::UpdateDapSelfHostedModel,
        Permission::ReadDapSelfHostedModel,
        Permission::UpdateAiGatewayTimeout,
        Permission::ReadAiGatewayTimeout,
        Permission::ReadSelfHostedModelsSettings,
        Permission::AdminAllResources,
    ];

    /// GitLab's name, e.g. `manage_self_hosted_models_settings`.
    pub fn name(self) -> &'static str {
        match self {
            Permission::ManageSelfHostedModelsSettings => "manage_self_hosted_models_settings",
            Permission::ManageInstanceModelSelection => "manage_instance_model_selection",
            Permission::UpdateDapSelfHostedModel => "update_dap_self_hosted_model",
            Permission::ReadDapSelfHostedModel => "read_dap_self_hosted_model",
            Permission::UpdateAiGatewayTimeout => "update_ai_gateway_timeout",
            Permission::ReadAiGatewayTimeout => "read_ai_gateway_timeout",
            Permission::ReadSelfHostedModelsSettings => "read_self_hosted_models_settings",
            Permission::AdminAllResources => "admin_all_resources",
        }
    }

    /// The permission GitLab names `name`.
    pub fn from_name(name: &str) -> Option<Permission> {
        Permission::ALL.into_iter().find(|p| p.name() == name)
    }
}

/// The set of permissions of one request, with the implied ones added.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Perms(BTreeSet<Permission>);

impl Perms {
    pub fn new(granted: &[Permission]) -> Perms {
        let mut set: BTreeSet<Permission> = granted.iter().copied().collect();
        if set.contains(&Permission::ManageSelfHostedModelsSettings) {
            set.insert(Permission::ReadSelfHostedModelsSettings);
            set.insert(Permission::ReadAiGatewayTimeout);
        }
        if set.contains(&Permission::UpdateAiGatewayTimeout) {
            set.insert(Permission::ReadAiGatewayTimeout);
        }
        if set.contains(&Permission::UpdateDapSelfHostedModel) {
            set.insert(Permission::ReadDapSelfHostedModel);
        }
        Perms(set)
    }

    /// An anonymous request: no permission at all.
    pub fn anonymous() -> Perms {
        Perms::default()
    }

    pub fn has(&self, permission: Permission) -> bool {
        self.0.contains(&permission)
    }
}

/// Which tokens the mock accepts and what each may do. A request with an
/// unknown token gets GitLab's `401 {"errors":[{"message":"Invalid token"}]}`;
/// a request without a token runs as an anonymous user.
#[derive(Clone, Debug, Default)]
pub struct Tokens(HashMap<String, Vec<Permission>>);

impl Tokens {
    /// No token at all (every request anonymous or invalid).
    pub fn new() -> Tokens {
        Tokens::default()
    }

    /// One token with every permission.
    pub fn admin(token: &str) -> Tokens {
        Tokens::new().with(token, &Permission::ALL)
    }

    /// Adds `token` with `permissions` (the implied ones are added).
    pub fn with(mut self, token: &str, permissions: &[Permission]) -> Tokens {
        self.0.insert(token.to_owned(), permissions.to_vec());
        self
    }

    /// Adds `token` with permissions by GitLab name
    /// (`"manage_self_hosted_models_settings"`, …); panics on an unknown name.
    pub fn with_names(self, token: &str, names: &[&str]) -> Tokens {
        let permissions: Vec<Permission> = names
            .iter()
            .map(|n| Permission::from_name(n).unwrap_or_else(|| panic!("unknown permission {n:?}")))
            .collect();
        self.with(token, &permissions)
    }

    /// The permissions of `token`, or `None` when the token is unknown.
    pub fn perms(&self, token: &str) -> Option<Perms> {
        self.0.get(token).map(|p| Perms::new(p))
    }
}

//! Configuration as code against a GitLab instance (the `gitlab-api`
//! feature): `import`, `plan`, `apply` and `check --gitlab`. This module
//! does the IO the library leaves to its callers: it reads the token, sends
//! the library's GraphQL requests over HTTPS, and prints the library's
//! answers. No rule lives here.
//!
//! The token is read only from an environment variable (`--token-env`,
//! default `GITLAB_TOKEN`) or a file (`--token-file`), never from the
//! command line, and it appears in no output.

use crate::args::{print_json, Args, UsageError};
use duo_selfhosted::config::{Config, Decoded};
use duo_selfhosted::gitlab::{
    self, ApplyReport, DecodedLiveState, LiveState, PlanOptions, PlanReport, Transport,
};
use duo_selfhosted::{Diagnostics, GitLabVersion};
use serde_json::Value;
use std::io::IsTerminal;
use std::time::Duration;

/// The options every command that talks to GitLab takes.
pub const CONNECTION_OPTIONS: &[&str] = &["gitlab", "token-env", "token-file", "ca-file"];

/// An HTTPS connection to one GitLab's API.
pub struct Http {
    agent: ureq::Agent,
    base: String,
    token: String,
}

impl Http {
    /// Connect to the GitLab at `--gitlab URL` with the token and CA the
    /// options name.
    pub fn from_args(args: &Args) -> Result<Option<Self>, UsageError> {
        let Some(base) = args.value("gitlab") else {
            return Ok(None);
        };
        let base = base.trim_end_matches('/').to_owned();
        if !(base.starts_with("https://") || base.starts_with("http://")) {
            return Err(UsageError(format!(
                "--gitlab: expected the instance's URL (https://gitlab.example.com), got {base:?}"
            )));
        }
        let token = match (args.value("token-file"), args.value("token-env")) {
            (Some(_), Some(_)) => {
                return Err(UsageError(
                    "give the token by --token-env or --token-file, not both".to_owned(),
                ))
            }
            (Some(path), None) => std::fs::read_to_string(path)
                .map_err(|e| UsageError(format!("cannot read the token file {path}: {e}")))?
                .trim()
                .to_owned(),
            (None, variable) => {
                let variable = variable.unwrap_or("GITLAB_TOKEN");
                std::env::var(variable).map_err(|_| {
                    UsageError(format!(
                        "no token: set the environment variable {variable} (or name another with --token-env, or a file with --token-file); tokens are never read from the command line"
                    ))
                })?
            }
        };
        if token.is_empty() {
            return Err(UsageError("the GitLab token is empty".to_owned()));
        }
        let mut config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(60)));
        if let Some(path) = args.value("ca-file") {
            let pem = std::fs::read(path)
                .map_err(|e| UsageError(format!("cannot read the CA file {path}: {e}")))?;
            let certs: Vec<ureq::tls::Certificate<'static>> = ureq::tls::parse_pem(&pem)
                .filter_map(|item| match item {
                    Ok(ureq::tls::PemItem::Certificate(cert)) => Some(cert),
                    _ => None,
                })
                .collect();
            if certs.is_empty() {
                return Err(UsageError(format!(
                    "no PEM certificate in the CA file {path}"
                )));
            }
            config = config.tls_config(
                ureq::tls::TlsConfig::builder()
                    .root_certs(ureq::tls::RootCerts::new_with_certs(&certs))
                    .build(),
            );
        }
        Ok(Some(Http {
            agent: config.build().into(),
            base,
            token,
        }))
    }

    /// The text of an error, without the token.
    fn scrub(&self, text: String) -> String {
        text.replace(&self.token, duo_selfhosted::secret::MASK)
    }

    /// GitLab's release from `GET /api/v4/version` (`19.6.0-ee`), if it
    /// answers.
    pub fn version(&mut self) -> Option<GitLabVersion> {
        let mut response = self
            .agent
            .get(format!("{}/api/v4/version", self.base))
            .header("Authorization", format!("Bearer {}", self.token))
            .call()
            .ok()?;
        if response.status().as_u16() != 200 {
            return None;
        }
        let body: Value = serde_json::from_str(&response.body_mut().read_to_string().ok()?).ok()?;
        let text = body.get("version")?.as_str()?;
        // "19.6.0-ee": the release is what the rules need.
        let mut parts = text.split(['.', '-']);
        let major = parts.next()?.parse().ok()?;
        let minor = parts.next()?.parse().ok()?;
        Some(GitLabVersion::new(major, minor))
    }
}

impl Transport for Http {
    fn execute(&mut self, document: &str, variables: &Value) -> Result<Value, String> {
        let body = serde_json::json!({"query": document, "variables": variables}).to_string();
        let url = format!("{}/api/graphql", self.base);
        let mut response = self
            .agent
            .post(&url)
            .header("Authorization", format!("Bearer {}", self.token))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .send(body)
            .map_err(|e| self.scrub(format!("cannot reach {url}: {e}")))?;
        let status = response.status().as_u16();
        let text = response
            .body_mut()
            .read_to_string()
            .map_err(|e| self.scrub(format!("cannot read GitLab's answer: {e}")))?;
        match (status, serde_json::from_str::<Value>(&text)) {
            (200, Ok(json)) => Ok(json),
            (401, _) => Err("GitLab refused the token (401 Unauthorized): it needs the api scope and an administrator's rights".to_owned()),
            (_, Ok(json)) if json.get("errors").is_some() => Ok(json),
            (status, _) => Err(format!("GitLab answered HTTP {status}")),
        }
    }
}

/// Fetch the live state, with GitLab's release when it says.
fn fetch(http: &mut Http) -> Result<DecodedLiveState, UsageError> {
    let mut decoded = gitlab::fetch_live(http).map_err(UsageError)?;
    if decoded.state.gitlab_version.is_none() {
        decoded.state.gitlab_version = http.version();
    }
    Ok(decoded)
}

fn print_diagnostics(diagnostics: &Diagnostics) {
    for d in diagnostics.iter() {
        eprintln!("{d}");
    }
}

/// `import --gitlab URL [--format json|toml] [--save-live FILE] [--gitlab-version V]`.
pub fn import(argv: &[String]) -> Result<std::process::ExitCode, UsageError> {
    let mut valued = CONNECTION_OPTIONS.to_vec();
    valued.extend(["save-live", "gitlab-version"]);
    let args = Args::parse(argv, &valued, &[])?;
    args.exactly([])?;
    let toml = match args.value("format") {
        None | Some("json") => false,
        Some("toml") => true,
        Some(other) => {
            return Err(UsageError(format!(
                "import: unknown format {other:?} (json or toml)"
            )))
        }
    };
    let mut http = Http::from_args(&args)?
        .ok_or_else(|| UsageError("import needs --gitlab URL".to_owned()))?;
    let decoded = fetch(&mut http)?;
    print_diagnostics(&decoded.diagnostics);
    if let Some(path) = args.value("save-live") {
        let text = serde_json::to_string_pretty(&decoded.state.to_value()).unwrap_or_default();
        std::fs::write(path, text + "\n")
            .map_err(|e| UsageError(format!("cannot write {path}: {e}")))?;
    }
    let version = match args.value("gitlab-version") {
        Some(text) => text
            .parse()
            .map_err(|e| UsageError(format!("--gitlab-version: {e}")))?,
        None => duo_selfhosted::preset::DEFAULT_VERSION,
    };
    let imported = gitlab::import(&decoded.state, &version);
    print_diagnostics(&imported.diagnostics);
    if toml {
        out!("{}", imported.config.to_toml_text());
    } else {
        out!("{}", imported.config.to_json_text());
    }
    Ok(if decoded.diagnostics.has_errors() {
        std::process::ExitCode::from(1)
    } else {
        std::process::ExitCode::SUCCESS
    })
}

/// The live state from `--live FILE` or `--gitlab URL`.
fn live_state(args: &Args, http: Option<&mut Http>) -> Result<DecodedLiveState, UsageError> {
    match (args.value("live"), http) {
        (Some(_), Some(_)) => Err(UsageError(
            "give --live FILE or --gitlab URL, not both".to_owned(),
        )),
        (Some(path), None) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| UsageError(format!("cannot read {path}: {e}")))?;
            Ok(LiveState::from_json(&text))
        }
        (None, Some(http)) => fetch(http),
        (None, None) => Err(UsageError(
            "plan needs --gitlab URL or --live FILE".to_owned(),
        )),
    }
}

fn options(args: &Args) -> PlanOptions {
    PlanOptions {
        rotate_api_keys: args.flag("rotate-api-keys"),
    }
}

/// The document named by the one positional argument.
fn document(args: &Args) -> Result<Decoded, UsageError> {
    let doc = crate::document::read(args.optional_one("DOCUMENT")?)?;
    Ok(doc.decode())
}

/// `plan DOCUMENT (--gitlab URL | --live FILE) [--format text|json]
/// [--detailed-exitcode] [--rotate-api-keys]`: exit 0, 1 (errors, no plan),
/// 2 (usage), and with `--detailed-exitcode` 3 when the plan has changes.
pub fn plan(argv: &[String]) -> Result<std::process::ExitCode, UsageError> {
    let mut valued = CONNECTION_OPTIONS.to_vec();
    valued.push("live");
    let args = Args::parse(argv, &valued, &["detailed-exitcode", "rotate-api-keys"])?;
    let format = args.format(&[crate::args::Format::Text, crate::args::Format::Json])?;
    let desired = document(&args)?;
    let mut http = Http::from_args(&args)?;
    let live = live_state(&args, http.as_mut())?;
    let report = PlanReport::new(desired, live, options(&args));
    match format {
        crate::args::Format::Json => print_json(&report),
        _ => print_plan_text(&report),
    }
    Ok(exit_code(&report, args.flag("detailed-exitcode")))
}

fn exit_code(report: &PlanReport, detailed: bool) -> std::process::ExitCode {
    if !report.planned || report.diagnostics.has_errors() {
        std::process::ExitCode::from(1)
    } else if detailed && !report.operations.is_empty() {
        std::process::ExitCode::from(3)
    } else {
        std::process::ExitCode::SUCCESS
    }
}

fn print_plan_text(report: &PlanReport) {
    for d in report.diagnostics.iter() {
        outln!("{d}");
    }
    if !report.planned {
        outln!("No plan: the document has errors or the live state is incomplete.");
        return;
    }
    outln!(
        "GitLab Duo Self-Hosted plan for GitLab {}",
        report.gitlab_version.as_deref().unwrap_or("?")
    );
    for op in &report.operations {
        let sign = match op.action {
            gitlab::Action::Create => '+',
            gitlab::Action::Update => '~',
            gitlab::Action::Delete => '-',
        };
        outln!("  {sign} {}", op.summary);
    }
    let u = report.unchanged;
    outln!(
        "Plan: {} to create, {} to update, {} to delete; unchanged: {} settings, {} models, {} features.",
        report.counts.create,
        report.counts.update,
        report.counts.delete,
        u.settings,
        u.models,
        u.features
    );
}

/// `apply DOCUMENT --gitlab URL [--auto-approve] [--rotate-api-keys]
/// [--format text|json]`: shows the plan, asks on a terminal, runs it.
pub fn apply(argv: &[String]) -> Result<std::process::ExitCode, UsageError> {
    let args = Args::parse(
        argv,
        CONNECTION_OPTIONS,
        &["auto-approve", "rotate-api-keys"],
    )?;
    let format = args.format(&[crate::args::Format::Text, crate::args::Format::Json])?;
    let decoded = document(&args)?;
    let mut http =
        Http::from_args(&args)?.ok_or_else(|| UsageError("apply needs --gitlab URL".to_owned()))?;
    let auto = args.flag("auto-approve");
    if !auto && !std::io::stdin().is_terminal() {
        return Err(UsageError(
            "apply asks for confirmation on a terminal; in CI, pass --auto-approve".to_owned(),
        ));
    }
    let live = fetch(&mut http)?;
    let Some(config) = decoded.config.clone() else {
        let report = PlanReport::new(decoded, live, options(&args));
        print_plan_text(&report);
        return Ok(std::process::ExitCode::from(1));
    };
    let plan = match gitlab::plan_with(&config, &live.state, options(&args)) {
        Ok(plan) => plan,
        Err(_) => {
            let report = PlanReport::new(decoded, live, options(&args));
            match format {
                crate::args::Format::Json => print_json(&report),
                _ => print_plan_text(&report),
            }
            return Ok(std::process::ExitCode::from(1));
        }
    };
    if format != crate::args::Format::Json {
        out!("{plan}");
    }
    if plan.is_empty() {
        if format == crate::args::Format::Json {
            print_json(&gitlab::apply(&plan, &mut http));
        }
        return Ok(std::process::ExitCode::SUCCESS);
    }
    if !auto && !confirm()? {
        outln!("Nothing applied.");
        return Ok(std::process::ExitCode::SUCCESS);
    }
    let report: ApplyReport = gitlab::apply(&plan, &mut http);
    match format {
        crate::args::Format::Json => print_json(&report),
        _ => out!("{report}"),
    }
    Ok(if report.complete {
        std::process::ExitCode::SUCCESS
    } else {
        std::process::ExitCode::from(1)
    })
}

fn confirm() -> Result<bool, UsageError> {
    eprint!("Apply these changes to GitLab? Type yes to continue: ");
    let mut answer = String::new();
    std::io::stdin()
        .read_line(&mut answer)
        .map_err(|e| UsageError(format!("cannot read the answer: {e}")))?;
    Ok(answer.trim() == "yes")
}

/// For `check --gitlab URL`: the drift between the document and GitLab.
pub fn drift(args: &Args, config: Option<&Config>) -> Result<Option<Diagnostics>, UsageError> {
    let Some(mut http) = Http::from_args(args)? else {
        return Ok(None);
    };
    let live = fetch(&mut http)?;
    let mut diagnostics = Diagnostics::new();
    diagnostics.extend_under(&duo_selfhosted::Path::root().key("live"), live.diagnostics);
    if let Some(config) = config {
        diagnostics.extend(gitlab::drift(config, &live.state));
    }
    Ok(Some(diagnostics))
}

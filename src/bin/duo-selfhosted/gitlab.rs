//! Configuration as code against a GitLab instance (the `gitlab-api`
//! feature): `import`, `plan`, `apply` and `check --gitlab`. This module
//! does the IO the library leaves to its callers: it reads the token, sends
//! the library's GraphQL requests over HTTPS, and prints the library's
//! answers. No rule lives here.
//!
//! The token is read only from an environment variable (`--token-env`,
//! default `GITLAB_TOKEN`) or a file (`--token-file`), never from the
//! command line, and it appears in no output.

use crate::input;
use crate::out::{print_json, Out};
use crate::{Failure as UsageError, Format, EXIT_CODES};
use duo_selfhosted::config::{Config, Decoded};
use duo_selfhosted::gitlab::{
    self, ApplyReport, DecodedLiveState, LiveState, PlanOptions, PlanReport, Transport,
};
use duo_selfhosted::{Diagnostics, GitLabVersion};
use serde_json::Value;
use std::io::IsTerminal;
use std::time::Duration;

/// The options every command that talks to GitLab takes.
#[derive(clap::Args, Debug, Default)]
pub struct Connection {
    /// The GitLab instance's URL (https://gitlab.example.com).
    #[arg(long, value_name = "URL")]
    gitlab: Option<String>,
    /// The environment variable holding the token (default GITLAB_TOKEN);
    /// tokens are never read from the command line.
    #[arg(long, value_name = "VAR")]
    token_env: Option<String>,
    /// A file holding the token.
    #[arg(long, value_name = "FILE")]
    token_file: Option<String>,
    /// A PEM file of the CA certificates to trust.
    #[arg(long, value_name = "FILE")]
    ca_file: Option<String>,
}

/// `--format` of `import`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ImportFormat {
    /// JSON.
    Json,
    /// TOML.
    Toml,
}

/// The arguments of `import`.
#[derive(clap::Args, Debug)]
#[command(after_help = EXIT_CODES)]
pub struct ImportArgs {
    #[command(flatten)]
    connection: Connection,
    /// Output format of the document.
    #[arg(long, value_enum, default_value = "json")]
    format: ImportFormat,
    /// Also write the live state GitLab answered (JSON), for `plan --live`.
    #[arg(long, value_name = "FILE")]
    save_live: Option<String>,
    /// The release to write into the document when GitLab does not say.
    #[arg(long, value_name = "V")]
    gitlab_version: Option<String>,
}

/// The arguments of `plan`.
#[derive(clap::Args, Debug)]
#[command(after_help = PLAN_EXIT_CODES)]
pub struct PlanArgs {
    /// The configuration (JSON or TOML); `-` for standard input.
    #[arg(value_name = "DOCUMENT")]
    document: Option<String>,
    #[command(flatten)]
    connection: Connection,
    /// A live state saved by `import --save-live`, instead of --gitlab.
    #[arg(long, value_name = "FILE")]
    live: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Exit 3 when the plan changes something.
    #[arg(long)]
    detailed_exitcode: bool,
    /// Send every model's API key again.
    #[arg(long)]
    rotate_api_keys: bool,
}

/// The arguments of `apply`.
#[derive(clap::Args, Debug)]
#[command(after_help = EXIT_CODES)]
pub struct ApplyArgs {
    /// The configuration (JSON or TOML); `-` for standard input.
    #[arg(value_name = "DOCUMENT")]
    document: Option<String>,
    #[command(flatten)]
    connection: Connection,
    /// Apply without asking (needed without a terminal, as in CI).
    #[arg(long)]
    auto_approve: bool,
    /// Send every model's API key again.
    #[arg(long)]
    rotate_api_keys: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
}

/// `plan`'s exit codes (`--detailed-exitcode` adds 3).
pub const PLAN_EXIT_CODES: &str = "\
Exit codes:
  0  a plan (with --detailed-exitcode: a plan that changes nothing)
  1  no plan: the document has an error finding or the live state is incomplete
  2  usage error: a mistyped command or option, a value the command does
     not take, a file that cannot be read
  3  with --detailed-exitcode: the plan changes something";

/// An HTTPS connection to one GitLab's API.
pub struct Http {
    agent: ureq::Agent,
    base: String,
    token: String,
}

impl Http {
    /// Connect to the GitLab at `--gitlab URL` with the token and CA the
    /// options name.
    pub fn from_args(args: &Connection) -> Result<Option<Self>, UsageError> {
        let Some(base) = args.gitlab.as_deref() else {
            return Ok(None);
        };
        let base = base.trim_end_matches('/').to_owned();
        if !(base.starts_with("https://") || base.starts_with("http://")) {
            return Err(UsageError::usage(format!(
                "--gitlab: expected the instance's URL (https://gitlab.example.com), got {base:?}"
            )));
        }
        let token = match (args.token_file.as_deref(), args.token_env.as_deref()) {
            (Some(_), Some(_)) => {
                return Err(UsageError::usage(
                    "give the token by --token-env or --token-file, not both".to_owned(),
                ))
            }
            (Some(path), None) => std::fs::read_to_string(path)
                .map_err(|e| UsageError::usage(format!("cannot read the token file {path}: {e}")))?
                .trim()
                .to_owned(),
            (None, variable) => {
                let variable = variable.unwrap_or("GITLAB_TOKEN");
                std::env::var(variable).map_err(|_| {
                    UsageError::usage(format!(
                        "no token: set the environment variable {variable} (or name another with --token-env, or a file with --token-file); tokens are never read from the command line"
                    ))
                })?
            }
        };
        if token.is_empty() {
            return Err(UsageError::usage("the GitLab token is empty"));
        }
        let mut config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(60)));
        if let Some(path) = args.ca_file.as_deref() {
            let pem = std::fs::read(path)
                .map_err(|e| UsageError::usage(format!("cannot read the CA file {path}: {e}")))?;
            let certs: Vec<ureq::tls::Certificate<'static>> = ureq::tls::parse_pem(&pem)
                .filter_map(|item| match item {
                    Ok(ureq::tls::PemItem::Certificate(cert)) => Some(cert),
                    _ => None,
                })
                .collect();
            if certs.is_empty() {
                return Err(UsageError::usage(format!(
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
    let mut decoded = gitlab::fetch_live(http).map_err(UsageError::usage)?;
    if decoded.state.gitlab_version.is_none() {
        decoded.state.gitlab_version = http.version();
    }
    Ok(decoded)
}

fn print_diagnostics(diagnostics: &Diagnostics) {
    for d in diagnostics.iter() {
        eprintln!("{}", crate::out::escape(&d.to_string()));
    }
}

/// `import --gitlab URL [--format json|toml] [--save-live FILE] [--gitlab-version V]`.
pub fn import(args: &ImportArgs) -> Result<std::process::ExitCode, UsageError> {
    let mut http = Http::from_args(&args.connection)?
        .ok_or_else(|| UsageError::usage("import needs --gitlab URL"))?;
    let decoded = fetch(&mut http)?;
    print_diagnostics(&decoded.diagnostics);
    if let Some(path) = &args.save_live {
        let text = serde_json::to_string_pretty(&decoded.state.to_value()).unwrap_or_default();
        std::fs::write(path, text + "\n")
            .map_err(|e| UsageError::usage(format!("cannot write {path}: {e}")))?;
    }
    let version = match &args.gitlab_version {
        Some(text) => text
            .parse()
            .map_err(|e| UsageError::usage(format!("--gitlab-version: {e}")))?,
        None => duo_selfhosted::preset::DEFAULT_VERSION,
    };
    let imported = gitlab::import(&decoded.state, &version);
    print_diagnostics(&imported.diagnostics);
    let text = match args.format {
        ImportFormat::Toml => imported.config.to_toml_text(),
        ImportFormat::Json => imported.config.to_json_text(),
    };
    Out::new(false).text(&text);
    Ok(if decoded.diagnostics.has_errors() {
        std::process::ExitCode::from(1)
    } else {
        std::process::ExitCode::SUCCESS
    })
}

/// The live state from `--live FILE` or `--gitlab URL`.
fn live_state(live: Option<&str>, http: Option<&mut Http>) -> Result<DecodedLiveState, UsageError> {
    match (live, http) {
        (Some(_), Some(_)) => Err(UsageError::usage(
            "give --live FILE or --gitlab URL, not both",
        )),
        (Some(path), None) => Ok(LiveState::from_json(&input::read_text(path)?)),
        (None, Some(http)) => fetch(http),
        (None, None) => Err(UsageError::usage("plan needs --gitlab URL or --live FILE")),
    }
}

fn options(rotate_api_keys: bool) -> PlanOptions {
    PlanOptions { rotate_api_keys }
}

/// The document named by the positional argument (or standard input, or
/// the bundled example, as `check` reads it).
fn document(file: Option<&str>) -> Result<Decoded, UsageError> {
    Ok(input::read_document(file, None)?.decode())
}

/// `plan DOCUMENT (--gitlab URL | --live FILE) [--format text|json]
/// [--detailed-exitcode] [--rotate-api-keys]`: exit 0, 1 (errors, no plan),
/// 2 (usage), and with `--detailed-exitcode` 3 when the plan has changes.
pub fn plan(args: &PlanArgs) -> Result<std::process::ExitCode, UsageError> {
    let desired = document(args.document.as_deref())?;
    let mut http = Http::from_args(&args.connection)?;
    let live = live_state(args.live.as_deref(), http.as_mut())?;
    let report = PlanReport::new(desired, live, options(args.rotate_api_keys));
    match args.format {
        Format::Json => print_json(&report),
        Format::Text => print_plan_text(&report),
    }
    Ok(exit_code(&report, args.detailed_exitcode))
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
    let mut out = Out::new(false);
    for d in report.diagnostics.iter() {
        out.line(&d.to_string());
    }
    if !report.planned {
        out.line("No plan: the document has errors or the live state is incomplete.");
        return;
    }
    out.line(&format!(
        "GitLab Duo Self-Hosted plan for GitLab {}",
        report.gitlab_version.as_deref().unwrap_or("?")
    ));
    for op in &report.operations {
        let sign = match op.action {
            gitlab::Action::Create => '+',
            gitlab::Action::Update => '~',
            gitlab::Action::Delete => '-',
        };
        out.line(&format!("  {sign} {}", op.summary));
    }
    let u = report.unchanged;
    out.line(&format!(
        "Plan: {} to create, {} to update, {} to delete; unchanged: {} settings, {} models, {} features.",
        report.counts.create,
        report.counts.update,
        report.counts.delete,
        u.settings,
        u.models,
        u.features
    ));
}

/// `apply DOCUMENT --gitlab URL [--auto-approve] [--rotate-api-keys]
/// [--format text|json]`: shows the plan, asks on a terminal, runs it.
pub fn apply(args: &ApplyArgs) -> Result<std::process::ExitCode, UsageError> {
    let decoded = document(args.document.as_deref())?;
    let mut http = Http::from_args(&args.connection)?
        .ok_or_else(|| UsageError::usage("apply needs --gitlab URL"))?;
    let auto = args.auto_approve;
    if !auto && !std::io::stdin().is_terminal() {
        return Err(UsageError::usage(
            "apply asks for confirmation on a terminal; in CI, pass --auto-approve",
        ));
    }
    let live = fetch(&mut http)?;
    let format = args.format;
    let Some(config) = decoded.config.clone() else {
        let report = PlanReport::new(decoded, live, options(args.rotate_api_keys));
        print_plan_text(&report);
        return Ok(std::process::ExitCode::from(1));
    };
    let plan = match gitlab::plan_with(&config, &live.state, options(args.rotate_api_keys)) {
        Ok(plan) => plan,
        Err(_) => {
            let report = PlanReport::new(decoded, live, options(args.rotate_api_keys));
            match format {
                Format::Json => print_json(&report),
                Format::Text => print_plan_text(&report),
            }
            return Ok(std::process::ExitCode::from(1));
        }
    };
    if format != Format::Json {
        Out::new(false).text(&plan.to_string()).flush();
    }
    if plan.is_empty() {
        if format == Format::Json {
            print_json(&gitlab::apply(&plan, &mut http));
        }
        return Ok(std::process::ExitCode::SUCCESS);
    }
    if !auto && !confirm()? {
        Out::new(false).line("Nothing applied.");
        return Ok(std::process::ExitCode::SUCCESS);
    }
    let report: ApplyReport = gitlab::apply(&plan, &mut http);
    match format {
        Format::Json => print_json(&report),
        Format::Text => {
            Out::new(false).text(&report.to_string());
        }
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
        .map_err(|e| UsageError::usage(format!("cannot read the answer: {e}")))?;
    Ok(answer.trim() == "yes")
}

/// For `check --gitlab URL`: the drift between the document and GitLab.
pub fn drift(
    args: &Connection,
    config: Option<&Config>,
) -> Result<Option<Diagnostics>, UsageError> {
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

//! `duo-selfhosted init [--gitlab-version V] [--deployment M] [--format
//! toml|json]`: a commented starting configuration that `check` accepts.

use crate::out::Out;
use crate::{gitlab_version, Failure, Outcome};
use duo_selfhosted::config::{self, SourceFormat};
use duo_selfhosted::family::DeploymentMethod;
use std::process::ExitCode;

/// `--format` of `init`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum InitFormat {
    /// TOML, with comments.
    Toml,
    /// JSON (which has no comments).
    Json,
}

/// The arguments of `init`.
#[derive(clap::Args, Debug)]
pub struct InitArgs {
    /// The GitLab release (default: the newest the rules cover).
    #[arg(long, value_name = "V")]
    gitlab_version: Option<String>,
    /// How the model is served: vllm, bedrock, azure_openai or vertex_ai.
    #[arg(long, value_name = "METHOD", default_value = "vllm")]
    deployment: String,
    /// Output format.
    #[arg(long, value_enum, default_value = "toml")]
    format: InitFormat,
}

/// Print the starting document to standard output.
pub fn run(args: &InitArgs) -> Outcome {
    let version = gitlab_version(args.gitlab_version.as_deref())?;
    let method = DeploymentMethod::from_key(&args.deployment).ok_or_else(|| {
        let keys: Vec<&str> = DeploymentMethod::keys().collect();
        Failure::usage(format!(
            "--deployment: unknown deployment method {:?}, expected one of: {}",
            args.deployment,
            keys.join(", ")
        ))
    })?;
    let format = match args.format {
        InitFormat::Toml => SourceFormat::Toml,
        InitFormat::Json => SourceFormat::Json,
    };
    let text = config::starting_document(&version, method, format).map_err(Failure::usage)?;
    Out::new(false).text(&text);
    Ok(ExitCode::SUCCESS)
}

//! `duo-selfhosted`: GitLab Duo Self-Hosted configuration checks for admins
//! and CI pipelines. A thin front end: it parses arguments, calls the
//! library and prints its results. No rule lives here.
//!
//! Exit codes: 0 when the command ran, 1 when `check` found an error, 2 on a
//! usage error.

/// `print!` that never panics: when standard output is gone (`| head`
/// closed the pipe), the rest of the output is dropped silently.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stdout().lock(), $($arg)*);
    }};
}

/// `println!` that never panics (see `out!`).
macro_rules! outln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout().lock(), $($arg)*);
    }};
}

mod allowlist;
mod args;
mod bedrock;
mod check;
mod classify;
mod document;
#[cfg(feature = "gitlab-api")]
mod gitlab;
mod identifier;
mod model;
mod resolve;
mod snippet;
mod url;

use args::UsageError;
use std::process::ExitCode;

const USAGE: &str = "\
usage: duo-selfhosted <COMMAND> [ARGS] [--format text|json]

commands:
  help                                   this text
  classify <HOST|IP|URL>                 the address class of a host
  url <URL> [--preset ai-gateway|ai-gateway-request|model-endpoint]
      [--policy JSON] [--gitlab-version V]
                                         what GitLab's URL blocker does with a URL
  allowlist parse <TEXT>                 the outbound allowlist as GitLab reads it, with lints
  allowlist match <TEXT> <HOST_OR_IP> [--port N]
                                         the entry that allows a host
  bedrock --region <REGION> --model <MODEL_ID> [--prefer regional|global] [--profiles FILE]
                                         the bedrock/... identifier for a model and AWS Region
  identifier <IDENTIFIER> [--method vllm|bedrock|azure_openai|vertex_ai] [--region R]
                                         parse and check a model identifier
  model [FILE] [--gitlab-version V] [--beta] [--deny-all] [--allowlist A,B] [--allow-local]
                                         check one self-hosted model record (JSON; stdin by default)
  check [FILE] [--format text|json|codequality]
                                         check a configuration (JSON or TOML;
                                         the bundled example without FILE);
                                         exit 1 on errors
  resolve [FILE] [--format text|json]    what each feature will actually use
  snippet [FILE] [--format text|json]    settings lines for the installation

configuration as code (the gitlab-api feature; the token comes from
--token-env VAR (default GITLAB_TOKEN) or --token-file F, never argv):
  import --gitlab URL [--format json|toml] [--save-live FILE] [--ca-file F]
                                         the instance's set-up as a document
  plan [FILE] (--gitlab URL | --live STATE.json) [--format text|json]
       [--detailed-exitcode] [--rotate-api-keys]
                                         what apply would change (exit 3 with
                                         --detailed-exitcode when it changes something)
  apply [FILE] --gitlab URL [--auto-approve] [--rotate-api-keys]
                                         make the instance the document's
  check [FILE] --gitlab URL              also report drift from the instance
";

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let Some((command, rest)) = argv.split_first() else {
        eprint!("{USAGE}");
        return ExitCode::from(2);
    };
    let outcome: Result<ExitCode, UsageError> = match command.as_str() {
        "help" | "--help" | "-h" => {
            out!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        "classify" => classify::run(rest),
        "url" => url::run(rest),
        "allowlist" => allowlist::run(rest),
        "bedrock" => bedrock::run(rest),
        "identifier" => identifier::run(rest),
        "model" => model::run(rest),
        "check" => check::run(rest),
        "resolve" => resolve::run(rest),
        "snippet" => snippet::run(rest),
        #[cfg(feature = "gitlab-api")]
        "import" => gitlab::import(rest),
        #[cfg(feature = "gitlab-api")]
        "plan" => gitlab::plan(rest),
        #[cfg(feature = "gitlab-api")]
        "apply" => gitlab::apply(rest),
        other => Err(UsageError(format!("unknown command {other:?}"))),
    };
    match outcome {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

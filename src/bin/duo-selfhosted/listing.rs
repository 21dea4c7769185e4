//! `duo-selfhosted features` and `families [--gitlab-version V]`: what a
//! GitLab release offers.

use crate::out::{self, print_json, Out};
use crate::{gitlab_version, Failure, Format, Outcome};
use duo_selfhosted::config::listing;
use duo_selfhosted::timeline;
use std::process::ExitCode;

/// The arguments of `features` and `families`.
#[derive(clap::Args, Debug)]
pub struct ListingArgs {
    /// The GitLab release (default: the newest the rules cover).
    #[arg(long, value_name = "V")]
    gitlab_version: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
}

fn version(args: &ListingArgs) -> Result<duo_selfhosted::GitLabVersion, Failure> {
    let version = gitlab_version(args.gitlab_version.as_deref())?;
    listing::covered(&version).map_err(Failure::usage)?;
    if timeline::newer_than_rules(&version) {
        out::note(&format!(
            "GitLab {version} is newer than the rules: listed with the {} rules",
            timeline::NEWEST.version_text()
        ));
    }
    Ok(version)
}

/// Print a listing as text or JSON.
fn print<T: serde::Serialize + std::fmt::Display>(listing: &T, format: Format) -> Outcome {
    match format {
        Format::Json => print_json(listing),
        Format::Text => {
            Out::new(false).text(&listing.to_string());
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `features`.
pub fn features(args: &ListingArgs) -> Outcome {
    print(&listing::features(&version(args)?), args.format)
}

/// `families`.
pub fn families(args: &ListingArgs) -> Outcome {
    print(&listing::families(&version(args)?), args.format)
}

//! [`check_model`] and [`check_models`]: every field of a record in turn,
//! then the name's uniqueness across records.

use super::context::ModelContext;
use super::endpoint::{check_endpoint, Shared};
use super::fields::{check_api_key, check_deployment, check_family, check_name};
use super::provider::check_stored_provider;
use super::region::check_region_and_prefix;
use super::ModelRecord;
use crate::diagnostic::{Diagnostic, Diagnostics, Path};
use crate::model::identifier::{check_identifier, FORM_EMPTY};
use crate::url::allowlist::Allowlist;

/// Check one record; paths are the field names (`identifier`).
pub fn check_model(record: &ModelRecord, context: &ModelContext) -> Diagnostics {
    let mut diagnostics = Diagnostics::new();
    check_at(
        record,
        context,
        &Shared::new(None),
        &Path::root(),
        &mut diagnostics,
    );
    diagnostics
}

/// Check several records, including that deployment names are unique
/// (case-sensitive, as GitLab's uniqueness validation on PostgreSQL);
/// paths are `self_hosted_models[i].field`.
pub fn check_models(records: &[ModelRecord], context: &ModelContext) -> Diagnostics {
    check_records(records, context, &Shared::new(None))
}

/// [`check_models`] with the outbound allowlist already read (its problems
/// are the caller's to report; `context.outbound_allowlist` is not read).
/// A configuration check reads the list once and shares it with the AI
/// gateway's URL check and every model endpoint's.
pub fn check_models_with_allowlist(
    records: &[ModelRecord],
    context: &ModelContext,
    allowlist: &Allowlist,
) -> Diagnostics {
    check_records(records, context, &Shared::new(Some(allowlist)))
}

fn check_records(records: &[ModelRecord], context: &ModelContext, shared: &Shared) -> Diagnostics {
    let mut diagnostics = Diagnostics::new();
    let list = Path::root().key("self_hosted_models");
    // Sorted by name (a vector searched by bisection: no hash table code in
    // the wasm build).
    let mut first_index: Vec<(&str, usize)> = Vec::new();
    for (i, record) in records.iter().enumerate() {
        let path = list.index(i);
        check_at(record, context, shared, &path, &mut diagnostics);
        if record.name.is_empty() {
            continue;
        }
        let name = record.name.as_str();
        match first_index.binary_search_by(|(n, _)| (*n).cmp(name)) {
            Ok(at) => diagnostics.push({
                let first = first_index[at].1;
                Diagnostic::error(
                    "model.name_taken",
                    path.key("name"),
                    format!(
                        "the deployment name {:?} is already used by self_hosted_models[{first}]",
                        record.name
                    ),
                )
                .with("name", record.name.as_str())
                .with("first_index", first)
                .with("gitlab_message", "Name has already been taken")
                .with(
                    "gitlab_form_message",
                    "Please enter a unique deployment name.",
                )
            }),
            Err(at) => first_index.insert(at, (name, i)),
        }
    }
    diagnostics
}

fn check_at(
    record: &ModelRecord,
    context: &ModelContext,
    shared: &Shared,
    path: &Path,
    out: &mut Diagnostics,
) {
    let version = &context.gitlab_version;
    check_name(record, path, out);
    let family = check_family(record, context, path, out);
    let method = check_deployment(record, version, path, out);
    if let (Some(family), Some(method)) = (family, method) {
        if !family.documents_method(method) {
            let documented: Vec<String> =
                family.methods.iter().map(|m| m.key().to_owned()).collect();
            out.push(
                Diagnostic::warning(
                    "model.family_method_undocumented",
                    path.key("deployment"),
                    format!(
                        "GitLab's documentation lists the {} family for {}, not for {}",
                        family.display_name,
                        documented.join(", "),
                        method.key()
                    ),
                )
                .with("family", family.key)
                .with("deployment", method.key())
                .with("documented", documented),
            );
        }
    }
    check_endpoint(record, method, context, shared, path, out);
    check_stored_provider(record, method, version, path, out);
    check_api_key(record, method, path, out);
    let identifier_path = path.key("identifier");
    let identifier = match record.identifier.as_deref() {
        Some(text) => Some(check_identifier(
            text,
            method,
            family,
            &identifier_path,
            out,
        )),
        None => {
            out.push(
                Diagnostic::error(
                    "identifier.empty",
                    identifier_path,
                    "the model identifier is missing; GitLab's form requires one",
                )
                .with("gitlab_message", FORM_EMPTY),
            );
            None
        }
    };
    check_region_and_prefix(record, method, identifier.as_ref(), context, path, out);
}

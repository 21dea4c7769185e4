//! The mock GitLab: a thread serving `POST /api/graphql` on 127.0.0.1.

use std::cell::RefCell;
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::Duration;

use apollo_compiler::resolvers::Execution;
use serde_json::{json, Map, Value};

use super::auth::{Perms, Tokens};
use super::exec::{Ctx, MutationRoot, QueryRoot};
use super::faults::{FailWhen, Failure, Faults};
use super::http::{self, Auth, Client, Request};
use super::schema::{self, GraphqlError};
use super::store::{LiveFixture, Store};
use super::version::{self, Version};

/// GitLab's limit on the query text (`GraphqlController::MAX_QUERY_SIZE`):
/// a longer one gets `422 {"errors":[{"message":"Query too large"}]}`.
pub const MAX_QUERY_SIZE: usize = 10_000;

/// The three queries with every field the live-state file holds; the
/// server's [`MockGitLab::live_state`] is this query's `data`.
pub const LIVE_STATE_QUERY: &str = "query LiveState {
  duoSettings { aiGatewayUrl duoAgentPlatformServiceUrl selfHostedDuoAgentPlatformServiceSecure aiGatewayTimeoutSeconds }
  aiSelfHostedModels { nodes { id name model endpoint identifier hasApiToken provider releaseState } }
  aiFeatureSettings { nodes { feature provider selfHostedModel { id name } } }
}";

/// One request the server received.
#[derive(Clone, Debug)]
pub struct Recorded {
    /// `query`, `mutation`, or `invalid` (not executed: bad HTTP, bad JSON,
    /// invalid token, or a document that does not validate).
    pub kind: &'static str,
    pub operation_name: Option<String>,
    pub query: String,
    pub variables: Value,
    /// The token sent, if any.
    pub token: Option<String>,
    /// The root fields the operation selects (`["aiSelfHostedModelCreate"]`).
    pub root_fields: Vec<String>,
    pub status: u16,
    pub response: Value,
}

struct Inner {
    version: Version,
    store: Store,
    tokens: Tokens,
    faults: Faults,
    log: Vec<Recorded>,
}

/// A running mock GitLab; stops when dropped.
pub struct MockGitLab {
    addr: SocketAddr,
    inner: Arc<Mutex<Inner>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

fn lock(inner: &Mutex<Inner>) -> MutexGuard<'_, Inner> {
    // A panic in another test thread must not hide this test's result.
    inner
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl MockGitLab {
    /// Starts a GitLab `version` (`"18.11"` … `"19.6"`) holding `state`,
    /// accepting `tokens`, on 127.0.0.1 (a free port), on a background thread.
    /// Panics on an unsupported version.
    #[track_caller]
    pub fn start(version: &str, state: LiveFixture, tokens: Tokens) -> MockGitLab {
        let version = version::supported(version).unwrap_or_else(|e| panic!("{e}"));
        // Parse the SDL now, so a broken schema fails here and not in a request.
        schema::schema_for(version);
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
        let addr = listener.local_addr().expect("local address");
        let inner = Arc::new(Mutex::new(Inner {
            version,
            store: state.store,
            tokens,
            faults: Faults::default(),
            log: Vec::new(),
        }));
        let stop = Arc::new(AtomicBool::new(false));
        let thread = {
            let inner = Arc::clone(&inner);
            let stop = Arc::clone(&stop);
            std::thread::Builder::new()
                .name(format!("mock-gitlab-{version}"))
                .spawn(move || serve(listener, &inner, &stop))
                .expect("spawn the mock GitLab thread")
        };
        MockGitLab {
            addr,
            inner,
            stop,
            thread: Some(thread),
        }
    }

    /// `http://127.0.0.1:<port>`: the GitLab URL to give the CLI.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// `http://127.0.0.1:<port>/api/graphql`.
    pub fn graphql_url(&self) -> String {
        format!("{}/api/graphql", self.url())
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The GitLab version served.
    pub fn version(&self) -> String {
        lock(&self.inner).version.to_string()
    }

    /// A client sending `Authorization: Bearer <token>`.
    pub fn client(&self, token: &str) -> Client {
        Client {
            addr: self.addr,
            auth: Auth::Bearer(token.to_owned()),
        }
    }

    /// A client sending `PRIVATE-TOKEN: <token>`.
    pub fn private_token_client(&self, token: &str) -> Client {
        Client {
            addr: self.addr,
            auth: Auth::PrivateToken(token.to_owned()),
        }
    }

    /// A client without a token.
    pub fn anonymous_client(&self) -> Client {
        Client {
            addr: self.addr,
            auth: Auth::None,
        }
    }

    /// Makes the mutations matching `when` fail with `how` (rules are tried in
    /// the order given; the first match wins).
    pub fn fail(&self, when: FailWhen, how: Failure) {
        lock(&self.inner).faults.rules.push((when, how));
    }

    /// Removes every fault rule (the mutation count goes on).
    pub fn clear_faults(&self) {
        lock(&self.inner).faults.rules.clear();
    }

    /// Every request received, oldest first.
    pub fn operations(&self) -> Vec<Recorded> {
        lock(&self.inner).log.clone()
    }

    /// The requests that executed a mutation, oldest first.
    pub fn mutations(&self) -> Vec<Recorded> {
        self.operations()
            .into_iter()
            .filter(|r| r.kind == "mutation")
            .collect()
    }

    /// Forgets the recorded requests.
    pub fn clear_operations(&self) {
        lock(&self.inner).log.clear();
    }

    /// Turns the beta checkbox on or off (it is not in GraphQL).
    pub fn set_beta_terms_accepted(&self, accepted: bool) {
        lock(&self.inner).store.beta_terms_accepted = accepted;
    }

    /// The live state as an administrator's import reads it: the `data` of
    /// [`LIVE_STATE_QUERY`], with `gitlab_version`. BETA-family models are
    /// hidden and FLAGGED features left out unless the beta terms are
    /// accepted, as GitLab does.
    pub fn live_state(&self) -> Value {
        let mut inner = lock(&self.inner);
        let perms = Perms::new(&super::auth::Permission::ALL);
        let (status, response) = execute(&mut inner, perms, LIVE_STATE_QUERY, &Map::new(), None).1;
        assert_eq!(status, 200, "live-state query failed: {response}");
        let mut state = response.get("data").cloned().unwrap_or(Value::Null);
        if let Some(object) = state.as_object_mut() {
            object.insert("gitlab_version".into(), inner.version.to_string().into());
        }
        state
    }

    /// Everything stored, in the live-state shape but without GitLab's
    /// filters: every model, only the saved feature settings.
    pub fn stored_state(&self) -> Value {
        let inner = lock(&self.inner);
        inner.store.to_stored_json(inner.version)
    }

    /// The API key stored for the model named `name` (never returned by the
    /// API; for asserting what an apply sent).
    pub fn stored_api_key(&self, name: &str) -> Option<String> {
        lock(&self.inner)
            .store
            .model_named(name)
            .and_then(|m| m.api_token.clone())
    }
}

impl Drop for MockGitLab {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop.
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_secs(1));
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn serve(listener: TcpListener, inner: &Mutex<Inner>, stop: &AtomicBool) {
    for stream in listener.incoming() {
        if stop.load(Ordering::SeqCst) {
            break;
        }
        let Ok(mut stream) = stream else { continue };
        let _ = stream.set_read_timeout(Some(Duration::from_secs(30)));
        let (status, body) = match http::read_request(&stream) {
            Ok(Some(request)) => handle(inner, &request),
            Ok(None) => continue,
            Err(e) => {
                let body = json!({"errors": [{"message": format!("mock GitLab: unreadable request: {e}")}]});
                record_invalid(inner, None, None, String::new(), Value::Null, 400, &body);
                (400, body)
            }
        };
        let _ = http::write_json(&mut stream, status, &body);
        let _ = stream.shutdown(Shutdown::Both);
    }
}

fn token_of(request: &Request) -> Option<String> {
    if let Some(value) = request.header("authorization") {
        if let Some(token) = value
            .strip_prefix("Bearer ")
            .or_else(|| value.strip_prefix("bearer "))
        {
            return Some(token.trim().to_owned());
        }
    }
    request.header("private-token").map(str::to_owned)
}

/// The permissions of `token` (the lock is released before the caller goes on).
fn known_perms(inner: &Mutex<Inner>, token: &str) -> Option<Perms> {
    lock(inner).tokens.perms(token)
}

fn error_body(message: &str) -> Value {
    json!({"errors": [{"message": message}]})
}

fn record_invalid(
    inner: &Mutex<Inner>,
    token: Option<String>,
    operation_name: Option<String>,
    query: String,
    variables: Value,
    status: u16,
    response: &Value,
) {
    lock(inner).log.push(Recorded {
        kind: "invalid",
        operation_name,
        query,
        variables,
        token,
        root_fields: Vec::new(),
        status,
        response: response.clone(),
    });
}

/// One HTTP request → (status, JSON body).
fn handle(inner: &Mutex<Inner>, request: &Request) -> (u16, Value) {
    let token = token_of(request);
    // GitLab's REST `GET /api/v4/version` (any authenticated user):
    // `{"version": "19.6.0-ee", "revision": …}`; the CLI reads the release
    // there, since the GraphQL schema here has no `metadata` field.
    if request.path == "/api/v4/version" && request.method == "GET" {
        let known = token
            .as_deref()
            .and_then(|t| known_perms(inner, t))
            .is_some();
        let body = if known {
            json!({"version": format!("{}.0-ee", lock(inner).version), "revision": "mock"})
        } else {
            json!({"message": "401 Unauthorized"})
        };
        let status = if known { 200 } else { 401 };
        record_invalid(
            inner,
            token,
            None,
            String::new(),
            Value::Null,
            status,
            &body,
        );
        return (status, body);
    }
    if request.path != "/api/graphql" {
        let body = json!({"message": "404 Not Found"});
        record_invalid(inner, token, None, String::new(), Value::Null, 404, &body);
        return (404, body);
    }
    if request.method != "POST" {
        let body = error_body("mock GitLab: only POST /api/graphql is served");
        record_invalid(inner, token, None, String::new(), Value::Null, 405, &body);
        return (405, body);
    }
    // GraphqlController#authorize_access_api!: a token that authenticates
    // no one is refused; no token at all runs as an anonymous user.
    let perms = match &token {
        None => Perms::anonymous(),
        Some(t) => match known_perms(inner, t) {
            Some(perms) => perms,
            None => {
                let body = error_body("Invalid token");
                record_invalid(inner, token, None, String::new(), Value::Null, 401, &body);
                return (401, body);
            }
        },
    };
    let params: Value = match serde_json::from_slice(&request.body) {
        Ok(v @ Value::Object(_)) => v,
        _ => {
            let body = error_body("mock GitLab: the body is not a JSON object");
            record_invalid(inner, token, None, String::new(), Value::Null, 400, &body);
            return (400, body);
        }
    };
    let query = params
        .get("query")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    let operation_name = params
        .get("operationName")
        .and_then(Value::as_str)
        .map(str::to_owned);
    // Gitlab::Graphql::Variables: an object, a JSON text of one, or nothing.
    let variables = match params.get("variables") {
        None | Some(Value::Null) => Map::new(),
        Some(Value::Object(o)) => o.clone(),
        Some(Value::String(s)) if s.trim().is_empty() => Map::new(),
        Some(Value::String(s)) => match serde_json::from_str(s) {
            Ok(Value::Object(o)) => o,
            _ => {
                let body = error_body(&format!("Unexpected end of input: {s}"));
                record_invalid(inner, token, operation_name, query, Value::Null, 422, &body);
                return (422, body);
            }
        },
        Some(other) => {
            let body = error_body(&format!("Unexpected parameter: {other}"));
            record_invalid(
                inner,
                token,
                operation_name,
                query,
                other.clone(),
                422,
                &body,
            );
            return (422, body);
        }
    };
    if query.chars().count() > MAX_QUERY_SIZE {
        let body = error_body("Query too large");
        record_invalid(
            inner,
            token,
            operation_name,
            query,
            Value::Object(variables),
            422,
            &body,
        );
        return (422, body);
    }
    let mut guard = lock(inner);
    let (recorded, (status, body)) = execute(
        &mut guard,
        perms,
        &query,
        &variables,
        operation_name.as_deref(),
    );
    guard.log.push(Recorded {
        token,
        operation_name,
        query,
        variables: Value::Object(variables),
        status,
        response: body.clone(),
        ..recorded
    });
    (status, body)
}

fn errors_json(errors: &[GraphqlError]) -> Value {
    json!({"errors": errors.iter().map(GraphqlError::to_json).collect::<Vec<_>>()})
}

/// Validates and executes one operation. Returns the record's kind and root
/// fields, and the (status, body).
fn execute(
    inner: &mut Inner,
    perms: Perms,
    query: &str,
    variables: &Map<String, Value>,
    operation_name: Option<&str>,
) -> (Recorded, (u16, Value)) {
    let mut recorded = Recorded {
        kind: "invalid",
        operation_name: None,
        query: String::new(),
        variables: Value::Null,
        token: None,
        root_fields: Vec::new(),
        status: 200,
        response: Value::Null,
    };
    if query.trim().is_empty() {
        return (recorded, (200, error_body("No query string was present")));
    }
    let document = match schema::parse_and_validate(inner.version, query) {
        Ok(document) => document,
        Err(errors) => return (recorded, (200, errors_json(&errors))),
    };
    let operation = match document.operations.get(operation_name) {
        Ok(operation) => operation,
        Err(e) => return (recorded, (200, error_body(&e.message().to_string()))),
    };
    recorded.kind = if operation.is_mutation() {
        "mutation"
    } else {
        "query"
    };
    recorded.root_fields = operation
        .root_fields(&document)
        .map(|f| f.name.to_string())
        .collect();
    let schema = schema::schema_for(inner.version);
    let raw_variables: apollo_compiler::response::JsonMap =
        match serde_json::from_value(Value::Object(variables.clone())) {
            Ok(map) => map,
            Err(e) => return (recorded, (200, error_body(&e.to_string()))),
        };
    let ctx = Ctx {
        version: inner.version,
        perms,
        store: RefCell::new(std::mem::take(&mut inner.store)),
        faults: RefCell::new(std::mem::take(&mut inner.faults)),
        abort: RefCell::new(None),
    };
    let execution = Execution::new(schema, &document).operation(operation);
    let execution = execution.raw_variable_values(&raw_variables);
    let result = if operation.is_mutation() {
        execution.execute_sync(&MutationRoot(&ctx))
    } else {
        execution.execute_sync(&QueryRoot(&ctx))
    };
    inner.store = ctx.store.into_inner();
    inner.faults = ctx.faults.into_inner();
    if let Some(abort) = ctx.abort.into_inner() {
        return (recorded, (abort.status, error_body(&abort.message)));
    }
    let body = match result {
        Ok(response) => {
            let mut body = serde_json::to_value(&response).unwrap_or(Value::Null);
            strip_resolver_prefix(&mut body);
            body
        }
        Err(e) => errors_json(&[GraphqlError {
            message: e.message().to_string(),
            locations: Vec::new(),
        }]),
    };
    (recorded, (200, body))
}

/// apollo-compiler prefixes the messages of resolver errors with
/// "resolver error: "; GitLab's messages go out as GitLab writes them.
fn strip_resolver_prefix(body: &mut Value) {
    let Some(errors) = body.get_mut("errors").and_then(Value::as_array_mut) else {
        return;
    };
    for error in errors {
        if let Some(Value::String(message)) = error.get_mut("message") {
            if let Some(rest) = message.strip_prefix("resolver error: ") {
                *message = rest.to_owned();
            }
        }
    }
}

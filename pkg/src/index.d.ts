// Type declarations of duo-selfhosted: hand-written, except what comes from
// the library's tables (generated.d.ts: the literal unions and the
// configuration document, generated like the JSON Schema), re-exported
// here. Checked by `tsc -p test/tsconfig.json` against test/types.test.ts.

import type {
  ConfigDocument,
  DeploymentMethod,
  DiagnosticCode,
  DiagnosticParams,
  DiagnosticSeverities,
  FeatureKey,
  Installation,
  Provider,
  SelfHostedModel,
} from './generated.js';

export type {
  AddOn,
  AgentPlatformSettings,
  AiGatewaySettings,
  ConfigDocument,
  DeploymentMethod,
  DiagnosticCode,
  DiagnosticParams,
  DiagnosticSeverities,
  Family,
  FeatureKey,
  FeatureSetting,
  FeatureSettings,
  Installation,
  License,
  NetworkSettings,
  Offering,
  Provider,
  SelfHostedModel,
  Tier,
} from './generated.js';

/** What `init()` accepts: where or what the package's .wasm is. */
export type InitInput =
  | string
  | URL
  | Request
  | Response
  | BufferSource
  | WebAssembly.Module
  | Promise<Response | BufferSource | WebAssembly.Module>;

/**
 * Load the WebAssembly module. Without an argument it loads the package's
 * own `duo_selfhosted_bg.wasm` (fetched next to the module in browsers and
 * bundlers, read from disk in Node). Calling it again does nothing.
 */
export function init(input?: InitInput): Promise<void>;

/** Load the WebAssembly module synchronously from its bytes or a compiled module. */
export function initSync(bytes: BufferSource | WebAssembly.Module): void;

/** The version of the crate the package was built from. */
export function version(): string;

// ---------------------------------------------------------------------------
// Diagnostics (every function reports through them)

/** How serious a diagnostic is. */
export type Severity = 'error' | 'warning' | 'info';

/** A diagnostic parameter's value (each code's own are typed in `DiagnosticParams`). */
export type ParamValue = string | number | boolean | readonly string[] | null;

/**
 * One finding, as the CLI prints it with `--format json`: a union
 * discriminated by `code`, so that comparing `code` narrows `severity` and
 * `params` to that code's (the diagnostics catalog's). `Diagnostic<'url.loopback'>`
 * is one code's diagnostic.
 */
export type Diagnostic<Code extends DiagnosticCode = DiagnosticCode> = {
  readonly [C in Code]: {
    /** Stable dotted code, e.g. `url.scheme_not_allowed`. */
    readonly code: C;
    /** One of the severities the catalog gives the code. */
    readonly severity: DiagnosticSeverities[C];
    /** Dotted path into the input, e.g. `self_hosted_models[0].identifier` (`""` for the whole input). */
    readonly path: string;
    /** The same place as an RFC 6901 JSON Pointer, e.g. `/self_hosted_models/0/identifier`. */
    readonly pointer: string;
    /** English message. */
    readonly message: string;
    /** Typed parameters; `gitlab_message` carries GitLab's own text where it has one. */
    readonly params: DiagnosticParams[C];
  };
}[Code];

// ---------------------------------------------------------------------------
// Outbound URL rules

/** The address classes of the reference's taxonomy. */
export type AddressClass =
  | 'loopback'
  | 'private'
  | 'link_local'
  | 'unique_local'
  | 'shared'
  | 'unspecified'
  | 'broadcast'
  | 'multicast'
  | 'reserved'
  | 'documentation'
  | 'public'
  | 'internal_name'
  | 'invalid';

/** `classify(input)`: `duo-selfhosted classify <INPUT> --format json`. */
export interface Classification {
  readonly input: string;
  /** The host as WHATWG parsers canonicalise it (IPv6 bracketed), or null when there is none. */
  readonly canonical_host: string | null;
  readonly class: AddressClass;
  /** The IPv4 address carried by an IPv6 address, if any. */
  readonly embedded_ipv4: string | null;
  readonly cloud_metadata: boolean;
  readonly diagnostics: readonly Diagnostic[];
}

/** The option sets GitLab uses for the settings this package cares about. */
export type Preset = 'ai-gateway' | 'ai-gateway-request' | 'model-endpoint';

/**
 * GitLab's URL blocker options and the context the library cannot look up
 * itself (keys as in GitLab; given keys override the preset). An unknown key
 * or a value of the wrong type is a programming error: `checkUrl` throws.
 */
export interface UrlPolicy {
  schemes?: string[];
  ports?: number[];
  allow_localhost?: boolean;
  allow_local_network?: boolean;
  deny_all_requests_except_allowed?: boolean;
  dns_rebind_protection?: boolean;
  deny_cloud_metadata_requests?: boolean;
  enforce_user?: boolean;
  ascii_only?: boolean;
  enforce_sanitization?: boolean;
  outbound_local_requests_allowlist?: string[];
  /** In the resolver's order; `[]` means the name does not resolve; absent means unknown. */
  resolved_addresses?: string[];
  server_addresses?: string[];
  http_proxy_env?: boolean;
  internal_uris?: string[];
}

/** `checkUrl` options: the CLI's `--preset`, `--policy` and `--gitlab-version`. */
export interface CheckUrlOptions {
  preset?: Preset;
  /** An object, or its JSON text. */
  policy?: UrlPolicy | string;
  /** `major.minor`, e.g. `"19.6"`; default: the newest release the rules cover (19.6). */
  gitlabVersion?: string;
}

/** `checkUrl(url, options)`: `duo-selfhosted url <URL> --format json`. */
export interface UrlVerdict {
  /** null when the outcome depends on DNS and no resolved addresses were given. */
  readonly blocked: boolean | null;
  /** The code of the deciding check; null when allowed. */
  readonly code: DiagnosticCode | null;
  readonly message: string;
  /** GitLab's own error text, or null. */
  readonly gitlab_message: string | null;
  readonly canonical_host: string | null;
  readonly port: number | null;
  readonly class: AddressClass;
  /** The outbound allowlist entry that would allow the URL, or null. */
  readonly suggested_allowlist_entry: string | null;
  readonly diagnostics: readonly Diagnostic[];
}

/** One outbound allowlist entry as GitLab reads it. */
export interface AllowlistEntry {
  readonly raw: string;
  readonly kind: 'ip' | 'range' | 'domain';
  readonly value: string;
  readonly port: number | null;
}

/** `parseAllowlist(text)`: `duo-selfhosted allowlist parse <TEXT> --format json`. */
export interface AllowlistReport {
  readonly entries: readonly AllowlistEntry[];
  readonly diagnostics: readonly Diagnostic[];
}

/** `matchAllowlist(text, host, port?)`: `duo-selfhosted allowlist match --format json`. */
export interface AllowlistMatch {
  readonly matched: boolean;
  /** The raw entry that matched, or null. */
  readonly entry: string | null;
}

// ---------------------------------------------------------------------------
// Model rules

/** `parseIdentifier(identifier, method?)`: `duo-selfhosted identifier --format json`. */
export interface IdentifierReport {
  /** The AI gateway's provider: the part before the first `/` (`custom_openai` when there is none). */
  readonly provider: string;
  readonly model: string;
  /** The Bedrock cross-region prefix (`apac`, `us`, `global`, …), or null. */
  readonly cross_region_prefix: string | null;
  readonly diagnostics: readonly Diagnostic[];
}

/** `bedrockIdentifier` input: the CLI's `--region`, `--model` and `--prefer`. */
export interface BedrockRequest {
  /** The AWS region the AI gateway calls Bedrock from (`AWS_REGION`). */
  region: string;
  /** The base Bedrock model id, e.g. `anthropic.claude-3-5-sonnet-20241022-v2:0`. */
  model: string;
  /** Which profile to try first (default `regional`). */
  prefer?: 'regional' | 'global';
}

/** `bedrockIdentifier(request)`: `duo-selfhosted bedrock --format json`. */
export interface BedrockReport {
  /** The full `bedrock/…` identifier to paste into GitLab, or null when none can work. */
  readonly identifier: string | null;
  /** The cross-region prefix, or null for none. */
  readonly prefix: string | null;
  /** The date of the embedded inference-profile table. */
  readonly data_date: string;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * A self-hosted model record, `checkModel`'s input: the fields of a
 * configuration's `self_hosted_models[]` entry.
 */
export type ModelRecord = SelfHostedModel;

/** `checkModel` and `validateConfig`: `{valid, diagnostics}`. */
export interface CheckReport {
  /** No error-severity diagnostic. */
  readonly valid: boolean;
  readonly diagnostics: readonly Diagnostic[];
}

// ---------------------------------------------------------------------------
// The configuration document (`duo-selfhosted check` / `resolve`)

/** `snippet(config, options)`: `duo-selfhosted snippet --format json`. */
export interface Snippet {
  /** The installation type the lines are for. */
  readonly installation: Installation;
  /** The file the lines go into (`/etc/gitlab/gitlab.rb`, `/etc/default/gitlab`, `values.yaml`). */
  readonly file: string | null;
  /** The lines, ready to paste; empty when nothing needs setting. */
  readonly lines: readonly string[];
  /** What to do with them and what else to set, in order. */
  readonly notes: readonly string[];
}

/** `snippet` options. */
export interface SnippetOptions {
  /** The installation type to write the lines for; default: the document's `installation` (`linux_package` when absent). */
  installation?: Installation;
}

/**
 * What `snippet` answers for a document that cannot be read at all: the
 * `check` report's shape, saying why (the CLI prints it and exits 1).
 */
export interface UnreadableDocument extends CheckReport {
  readonly valid: false;
}

/** What one feature will actually use, and why. */
export interface ResolvedFeature {
  /** GitLab's feature key. */
  readonly feature: FeatureKey;
  /** The UI title, e.g. `General Chat`. */
  readonly title: string;
  /** The UI group, e.g. `GitLab Duo Chat`. */
  readonly group: string;
  readonly provider: Provider;
  /** The deployment name (or vendored model), or null. */
  readonly model: string | null;
  /** The deployment's family key as the document writes it, or null. */
  readonly family: string | null;
  /**
   * `own`: its own saved setting (or its own lack of a model);
   * `general_chat_fallback`: a Chat sub-feature with nothing of its own uses General Chat's setting;
   * `instance_model_selection`: no saved setting, so GitLab uses its default model through its cloud AI gateway
   * (from GitLab 19.4, what Chat sub-features get on an online licence instead of the fallback).
   */
  readonly via: 'own' | 'general_chat_fallback' | 'instance_model_selection';
  /** Why GitLab's code resolves the feature so, in English. */
  readonly reason: string;
  readonly enabled: boolean;
}

/** `resolveFeatures(config)`: `duo-selfhosted resolve --format json`. */
export interface Resolution {
  /** Every feature the GitLab version offers. */
  readonly features: readonly ResolvedFeature[];
  /**
   * Only for a document that cannot be read at all (where the CLI stops with
   * a usage error): why. `features` is then empty.
   */
  readonly diagnostics?: readonly Diagnostic[];
}

// ---------------------------------------------------------------------------
// Standard Schema v1 (https://standardschema.dev), as the spec asks
// libraries to declare it.

/** The Standard Schema v1 interface. */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly '~standard': StandardSchemaV1.Props<Input, Output>;
}

export declare namespace StandardSchemaV1 {
  interface Props<Input = unknown, Output = Input> {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => Result<Output> | Promise<Result<Output>>;
    readonly types?: Types<Input, Output> | undefined;
  }
  type Result<Output> = SuccessResult<Output> | FailureResult;
  interface SuccessResult<Output> {
    readonly value: Output;
    readonly issues?: undefined;
  }
  interface FailureResult {
    readonly issues: ReadonlyArray<Issue>;
  }
  interface Issue {
    readonly message: string;
    readonly path?: ReadonlyArray<PropertyKey | PathSegment> | undefined;
  }
  interface PathSegment {
    readonly key: PropertyKey;
  }
  interface Types<Input = unknown, Output = Input> {
    readonly input: Input;
    readonly output: Output;
  }
  type InferInput<Schema extends StandardSchemaV1> = NonNullable<Schema['~standard']['types']>['input'];
  type InferOutput<Schema extends StandardSchemaV1> = NonNullable<Schema['~standard']['types']>['output'];
}

/** A configuration issue: Standard Schema's, plus the diagnostic code. */
export interface ConfigIssue extends StandardSchemaV1.Issue {
  readonly code?: DiagnosticCode;
}

/**
 * The configuration document as a Standard Schema v1 validator (synchronous):
 * `configSchema['~standard'].validate(value)` returns `{ value }`, or
 * `{ issues: [{ message, path, code }] }` for every error-severity diagnostic
 * (warnings and advice do not fail validation).
 */
export declare const configSchema: {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: 'duo-selfhosted';
    readonly validate: (value: unknown) => StandardSchemaV1.SuccessResult<ConfigDocument> | ConfigFailure;
    readonly types?: StandardSchemaV1.Types<ConfigDocument, ConfigDocument> | undefined;
  };
};

/** What `configSchema` returns for an invalid document. */
export interface ConfigFailure {
  readonly issues: ReadonlyArray<ConfigIssue>;
}

// ---------------------------------------------------------------------------
// Functions. Each returns the CLI's `--format json` document; invalid input
// gives diagnostics, never an exception. A wrong argument type, or what the
// CLI refuses as a usage error (an unknown preset, method or policy key),
// throws a TypeError.

/** The address class of a host, IP or URL (a bare host or IP is read as `http://<input>/`). */
export function classify(input: string): Classification;

/** What GitLab's URL blocker does with a URL. */
export function checkUrl(url: string, options?: CheckUrlOptions): UrlVerdict;

/** The outbound allowlist text as GitLab reads it, with lints for entries that can never match. */
export function parseAllowlist(text: string): AllowlistReport;

/** The allowlist entry that lets `host` (and `port`) through, if any. */
export function matchAllowlist(text: string, host: string, port?: number): AllowlistMatch;

/**
 * An allowlist parsed and indexed once (`compileAllowlist(text)`), for
 * matching many hosts: `matchAllowlist(text, …)` parses the text on every
 * call.
 */
export interface CompiledAllowlist {
  /** What `matchAllowlist(text, host, port)` answers for the compiled text. */
  match(host: string, port?: number): AllowlistMatch;
  /** Release the list's memory now (otherwise the garbage collector does); `match()` then throws. */
  free(): void;
}

/** Parse and index an allowlist once, to match many hosts against it. */
export function compileAllowlist(text: string): CompiledAllowlist;

/** A model identifier read as the AI gateway reads it, checked for the deployment method. */
export function parseIdentifier(identifier: string, method?: DeploymentMethod): IdentifierReport;

/** The `bedrock/…` identifier for a model called from an AWS region, with the reasoning. */
export function bedrockIdentifier(request: BedrockRequest): BedrockReport;

/** One self-hosted model record, as an object or as JSON text (malformed text gets a diagnostic). */
export function checkModel(record: ModelRecord | string): CheckReport;

/** A whole configuration document checked, as an object or JSON text (malformed text gets a diagnostic). */
export function validateConfig(config: ConfigDocument | string): CheckReport;

/** What every feature will actually use, including General Chat fallbacks. */
export function resolveFeatures(config: ConfigDocument | string): Resolution;

/**
 * The settings lines an admin adds for the installation type (environment
 * variables up to GitLab 19.1, the Agent Platform TLS variable in
 * 18.4-18.9), with notes. Tell the two answers apart with `'lines' in result`.
 */
export function snippet(config: ConfigDocument | string, options?: SnippetOptions): Snippet | UnreadableDocument;


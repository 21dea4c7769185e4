// duo-selfhosted/plan: configuration as code (planChanges), its own module.
import type { ConfigDocument, Diagnostic } from './index.js';

/** Load the planner's WebAssembly module (URL, Response, bytes or WebAssembly.Module; default: the package's own). */
export function init(input?: string | URL | Request | Response | BufferSource | WebAssembly.Module): Promise<void>;
/** The same, synchronously, from the module's bytes. */
export function initSync(bytes: BufferSource | WebAssembly.Module): void;
/** The crate version the module was built from. */
export function version(): string;

/** A self-hosted model as GitLab's `aiSelfHostedModels` query returns it. */
export interface LiveModel {
  /** `gid://gitlab/Ai::SelfHostedModel/<n>`. */
  id: string;
  name: string;
  /** The family key, lower case (`mistral`). */
  model: string;
  endpoint?: string | null;
  identifier?: string | null;
  hasApiToken?: boolean;
  provider?: 'API' | 'BEDROCK' | 'VERTEX_AI' | null;
  releaseState?: 'GA' | 'BETA' | 'EXPERIMENTAL';
}

/** One feature setting as GitLab's `aiFeatureSettings` query returns it. */
export interface LiveFeatureSetting {
  feature: string;
  provider: string;
  selfHostedModel?: { id: string; name: string } | null;
}

/**
 * The live set-up: the values of GitLab's `duoSettings`, `aiSelfHostedModels`
 * and `aiFeatureSettings` query fields (what `duo-selfhosted import --save-live`
 * writes). A null field is one GitLab did not give (no permission).
 */
export interface LiveState {
  gitlab_version?: string;
  duoSettings: {
    aiGatewayUrl?: string | null;
    aiGatewayTimeoutSeconds?: number | null;
    duoAgentPlatformServiceUrl?: string | null;
    selfHostedDuoAgentPlatformServiceSecure?: boolean | null;
  } | null;
  aiSelfHostedModels: { nodes: LiveModel[] } | null;
  aiFeatureSettings: { nodes: LiveFeatureSetting[] } | null;
}

/** One GraphQL mutation of a plan. */
export interface PlanOperation {
  readonly action: 'create' | 'update' | 'delete';
  readonly mutation:
    | 'duoSettingsUpdate'
    | 'aiSelfHostedModelCreate'
    | 'aiSelfHostedModelUpdate'
    | 'aiSelfHostedModelDelete'
    | 'aiFeatureSettingUpdate';
  /** What it does, in English. */
  readonly summary: string;
  /** The GraphQL document. */
  readonly document: string;
  /** `{input: {…}}`, with any API key masked as `[REDACTED]`. */
  readonly variables: { readonly input: Readonly<Record<string, unknown>> };
  /** A model created earlier in the plan whose id goes into `input.aiSelfHostedModelId` when applied. */
  readonly model_id_from: string | null;
  /** For a create: the name the new model's id is known by. */
  readonly creates_model: string | null;
}

/** `planChanges(config, live)`: the plan, or (`planned: false`) why there is none. */
export interface PlanReport {
  readonly planned: boolean;
  readonly gitlab_version: string | null;
  readonly operations: readonly PlanOperation[];
  readonly counts: { readonly create: number; readonly update: number; readonly delete: number };
  readonly unchanged: { readonly settings: number; readonly models: number; readonly features: number };
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * What would change: the GraphQL mutations that make the live set-up what the
 * document describes (`duo-selfhosted plan --live STATE DOCUMENT --format json`).
 */
export function planChanges(config: ConfigDocument | string, live: LiveState | string): PlanReport;

// Type-level tests of the hand-written declarations (dist/index.d.ts, from
// src/index.d.ts): `tsc -p test/tsconfig.json` must pass. The lines expected
// to be errors must be errors, so a declaration that became too loose fails
// CI too.
import {
  bedrockIdentifier,
  checkModel,
  checkUrl,
  classify,
  compileAllowlist,
  configSchema,
  init,
  initSync,
  matchAllowlist,
  parseAllowlist,
  parseIdentifier,
  resolveFeatures,
  snippet,
  validateConfig,
  version,
  type CompiledAllowlist,
  type ConfigDocument,
  type DeploymentMethod,
  type Family,
  type FeatureKey,
  type FeatureSettings,
  type Installation,
  type Provider,
  type SelfHostedModel,
  type StandardSchemaV1,
  type AddressClass,
  type Diagnostic,
  type DiagnosticCode,
  type ModelRecord,
  type Severity,
  type UrlPolicy,
} from 'duo-selfhosted';

export async function usage(bytes: Uint8Array): Promise<void> {
  await init();
  await init(new URL('https://example.test/duo_selfhosted_bg.wasm'));
  initSync(bytes);
  const v: string = version();
  void v;
  // @ts-expect-error initSync needs the bytes
  initSync();
  // @ts-expect-error not a wasm source
  initSync(null);
}

function severities(ds: readonly Diagnostic[]): Severity[] {
  return ds.map((d) => d.severity);
}

// Diagnostics are a union discriminated by `code`: comparing the code
// narrows the severity and the params to that code's (the catalog's).
export function diagnostics(ds: readonly Diagnostic[]): string[] {
  const out: string[] = [];
  for (const d of ds) {
    if (d.code === 'url.loopback') {
      const gitlab: string = d.params.gitlab_message;
      const address: string | null = d.params.address;
      const step: number = d.params.step;
      const severity: 'error' = d.severity;
      out.push(gitlab, String(address), String(step), severity);
      // @ts-expect-error a parameter url.loopback does not have (gitlab_message)
      out.push(d.params.gitlab_mesage);
    }
    // @ts-expect-error a code that does not exist (url.loopback)
    if (d.code === 'url.loopbak') out.push(d.message);
    switch (d.code) {
      case 'model.family_unknown': {
        const suggestions: readonly string[] = d.params.suggestions;
        out.push(...suggestions);
        break;
      }
      case 'feature.incompatible_family':
        out.push(d.params.gitlab_message, ...d.params.compatible_families);
        // @ts-expect-error a parameter of another code (model.family_unknown's)
        out.push(...d.params.suggestions);
        break;
      default:
        // Codes this program does not know: by their severity.
        out.push(d.severity);
    }
  }
  // @ts-expect-error a code that does not exist (url.loopback)
  const typo: DiagnosticCode = 'url.loopbak';
  const one: Diagnostic<'address.no_host'> = {
    code: 'address.no_host',
    severity: 'error',
    path: '',
    pointer: '',
    message: 'the URL has no host',
    params: {},
  };
  // @ts-expect-error url.depends_on_dns is a warning, never an error
  const wrongSeverity: Diagnostic<'url.depends_on_dns'>['severity'] = 'error';
  void [typo, one, wrongSeverity];
  return out;
}

export function urlRules(): void {
  const c = classify('0x7f.1');
  const cls: AddressClass = c.class;
  const host: string | null = c.canonical_host;
  const metadata: boolean = c.cloud_metadata;
  void [cls, host, metadata, severities(c.diagnostics)];
  // @ts-expect-error classify takes a string
  classify(127001);

  const policy: UrlPolicy = { allow_local_network: true, resolved_addresses: ['10.0.1.7'] };
  const verdict = checkUrl('http://10.0.1.7:5052', { preset: 'ai-gateway', policy, gitlabVersion: '18.9' });
  const blocked: boolean | null = verdict.blocked;
  const entry: string | null = verdict.suggested_allowlist_entry;
  const port: number | null = verdict.port;
  void [blocked, entry, port];
  checkUrl('http://x', { policy: '{"allow_localhost": true}' });
  // @ts-expect-error unknown preset
  checkUrl('http://x', { preset: 'ai_gateway' });
  // @ts-expect-error unknown policy key
  checkUrl('http://x', { policy: { allow_localhosts: true } });

  const list = parseAllowlist('10.0.0.0/8\nai-gateway.internal:5052');
  const kinds: ('ip' | 'range' | 'domain')[] = list.entries.map((e) => e.kind);
  void kinds;
  const m = matchAllowlist('10.0.0.0/8', '10.1.2.3', 5052);
  const matched: boolean = m.matched;
  void matched;
  // @ts-expect-error the port is a number
  matchAllowlist('10.0.0.0/8', '10.1.2.3', '5052');
  const compiled: CompiledAllowlist = compileAllowlist('10.0.0.0/8');
  const matchedEntry: string | null = compiled.match('10.1.2.3', 5052).entry;
  void matchedEntry;
  // @ts-expect-error the port is a number
  compiled.match('10.1.2.3', '5052');
  compiled.free();
}

export function modelRules(): void {
  const id = parseIdentifier('bedrock/apac.anthropic.claude-3-5-sonnet-20241022-v2:0', 'bedrock');
  const prefix: string | null = id.cross_region_prefix;
  void prefix;
  // @ts-expect-error unknown deployment method
  parseIdentifier('x', 'sagemaker');

  const b = bedrockIdentifier({ region: 'ap-northeast-1', model: 'anthropic.claude-3-5-sonnet-20241022-v2:0', prefer: 'global' });
  const identifier: string | null = b.identifier;
  const date: string = b.data_date;
  void [identifier, date];
  // @ts-expect-error the region is required
  bedrockIdentifier({ model: 'anthropic.claude-3-haiku-20240307-v1:0' });

  const record: ModelRecord = {
    name: 'Claude on Bedrock',
    family: 'claude_3',
    deployment: 'bedrock',
    identifier: 'bedrock/apac.anthropic.claude-3-5-sonnet-20241022-v2:0',
    aws_region: 'ap-northeast-1',
  };
  const report = checkModel(record);
  const valid: boolean = report.valid;
  void [valid, checkModel('{"name": "from JSON text"}')];
  // @ts-expect-error the deployment method is one of GitLab's
  checkModel({ name: 'x', family: 'mixtral', deployment: 'ollama' });
  // @ts-expect-error the model family is one of GitLab's keys (llama3, not llama)
  checkModel({ name: 'x', family: 'llama', deployment: 'vllm' });
  // @ts-expect-error the deployment method is required, as in the JSON Schema
  checkModel({ name: 'x', family: 'mixtral' });
}

export function configuration(): void {
  const config: ConfigDocument = {
    gitlab_version: '18.9',
    tier: 'ultimate',
    add_ons: ['duo_enterprise'],
    network: { outbound_allowlist: '10.0.0.0/8\nai-gateway.internal' },
    ai_gateway: { url: 'http://ai-gateway.internal:5052' },
    agent_platform: { url: 'ai-gateway.internal:50052', tls: false },
    self_hosted_models: [
      { name: 'Mixtral', family: 'mixtral', deployment: 'vllm', endpoint: 'http://vllm.internal:8000/v1', identifier: 'custom_openai/Mixtral' },
    ],
    features: { duo_chat: { provider: 'self_hosted', model: 'Mixtral' }, duo_chat_explain_code: { provider: 'disabled' } },
  };
  const report = validateConfig(config);
  const codes: DiagnosticCode[] = report.diagnostics.map((d) => d.code);
  void codes;
  validateConfig('{"gitlab_version": "18.9"}');
  for (const f of resolveFeatures(config).features) {
    const feature: FeatureKey = f.feature;
    const provider: Provider = f.provider;
    void [feature, provider];
    const via: 'own' | 'general_chat_fallback' | 'instance_model_selection' = f.via;
    // @ts-expect-error `via` has a third value from GitLab 19.4
    const twoWays: 'own' | 'general_chat_fallback' = f.via;
    const reason: string = f.reason;
    const model: string | null = f.model;
    void [via, twoWays, reason, model];
  }
  // @ts-expect-error the tier is required
  validateConfig({ gitlab_version: '18.9' });
  // @ts-expect-error unknown provider
  validateConfig({ gitlab_version: '18.9', tier: 'ultimate', features: { duo_chat: { provider: 'openai' } } });
  // @ts-expect-error a feature key with a typo
  validateConfig({ gitlab_version: '18.9', tier: 'ultimate', features: { duo_chta: { provider: 'disabled' } } });
  validateConfig({
    gitlab_version: '18.9',
    tier: 'ultimate',
    // @ts-expect-error the model family is one of GitLab's keys (llama3, not llama)
    self_hosted_models: [{ name: 'Llama', family: 'llama', deployment: 'vllm' }],
  });
  validateConfig({
    gitlab_version: '18.9',
    tier: 'ultimate',
    // @ts-expect-error a deployment method GitLab does not have
    self_hosted_models: [{ name: 'Llama', family: 'llama3', deployment: 'ollama' }],
  });
  // @ts-expect-error an add-on that does not exist
  validateConfig({ gitlab_version: '18.9', tier: 'ultimate', add_ons: ['duo_ultimate'] });
  // The unions are exported, for the admin's own forms.
  const family: Family = 'llama3';
  const key: FeatureKey = 'duo_chat_fix_code';
  const method: DeploymentMethod = 'bedrock';
  const provider: Provider = 'vendored';
  const features: FeatureSettings = { [key]: { provider } };
  const model: SelfHostedModel = { name: 'Llama', family, deployment: method };
  void [features, model];

  // snippet: the settings lines, or the check report of an unreadable document.
  const lines = snippet(config, { installation: 'helm_chart' });
  if ('lines' in lines) {
    const file: string | null = lines.file;
    const installation: Installation = lines.installation;
    const text: readonly string[] = [...lines.lines, ...lines.notes];
    void [file, installation, text];
  } else {
    const valid: false = lines.valid;
    void [valid, lines.diagnostics];
  }
  snippet('{"gitlab_version": "18.9", "tier": "ultimate"}');
  // @ts-expect-error an installation type that does not exist
  snippet(config, { installation: 'omnibus' });

  // configSchema is usable wherever a Standard Schema v1 is expected.
  const schema: StandardSchemaV1<ConfigDocument> = configSchema;
  const result = configSchema['~standard'].validate(config);
  if ('issues' in result && result.issues) {
    for (const issue of result.issues) {
      const message: string = issue.message;
      const code: DiagnosticCode | undefined = issue.code;
      void [message, code, issue.path];
    }
  } else {
    const value: ConfigDocument = result.value;
    void value;
  }
  void schema;
}

// duo-selfhosted/url: the same answers, each a Promise.
import * as url from 'duo-selfhosted/url';
import type { Classification, UrlVerdict } from 'duo-selfhosted/url';

export async function urlEntryPoint(): Promise<void> {
  const c: Classification = await url.classify('10.0.0.1');
  const v: UrlVerdict = await url.checkUrl('http://10.0.0.1', { preset: 'ai-gateway' });
  const list = await url.compileAllowlist('10.0.0.0/8');
  const m: boolean = (await list.match('10.0.0.1', 5052)).matched;
  list.free();
  const needs: boolean = url.needsIdna('bücher.example');
  await url.init();
  await url.initIdna();
  const version: string = await url.version();
  void [c, v, m, needs, version];
  // @ts-expect-error the URL entry point answers with Promises
  const sync: Classification = url.classify('10.0.0.1');
  void sync;
  // @ts-expect-error the URL entry point has only the URL functions
  void url.validateConfig;
}

// duo-selfhosted/plan: planChanges and its report.
import * as planner from 'duo-selfhosted/plan';
import type { LiveState, PlanReport } from 'duo-selfhosted/plan';

export async function planTypes(): Promise<void> {
  await planner.init();
  const live: LiveState = {
    duoSettings: { aiGatewayUrl: null },
    aiSelfHostedModels: { nodes: [{ id: 'gid://gitlab/Ai::SelfHostedModel/1', name: 'M', model: 'mistral', provider: 'API' }] },
    aiFeatureSettings: null,
  };
  const report: PlanReport = planner.planChanges({ gitlab_version: '19.6', tier: 'ultimate' }, live);
  const first = report.operations[0];
  if (first !== undefined) {
    const action: 'create' | 'update' | 'delete' = first.action;
    const from: string | null = first.model_id_from;
    void [action, from];
  }
  // @ts-expect-error a provider GitLab's API does not have
  const wrong: LiveState = { duoSettings: null, aiSelfHostedModels: { nodes: [{ id: 'x', name: 'M', model: 'm', provider: 'OPENAI' }] }, aiFeatureSettings: null };
  void wrong;
  // @ts-expect-error the live state is required
  planner.planChanges({ gitlab_version: '19.6', tier: 'ultimate' });
}

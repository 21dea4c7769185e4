// duo-selfhosted/plan: planChanges in Node, its own module, and its parity
// with the native CLI's `plan DOCUMENT --live STATE --format json` (the
// same JSON, byte for byte) over documents and live states that plan,
// refuse, rename, create and delete.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import * as plan from 'duo-selfhosted/plan';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CLI = process.env.DUO_CLI ?? join(root, 'target', 'debug', 'duo-selfhosted');
const example = JSON.parse(readFileSync(join(root, 'examples', 'duo-selfhosted.json'), 'utf8'));
const fixture = JSON.parse(readFileSync(join(root, 'tests', 'data', 'gitlab-live', 'vllm-bedrock-azure.json'), 'utf8'));
const emptyLive = {
  gitlab_version: '19.6',
  duoSettings: { aiGatewayUrl: null, aiGatewayTimeoutSeconds: 60, duoAgentPlatformServiceUrl: null, selfHostedDuoAgentPlatformServiceSecure: true },
  aiSelfHostedModels: { nodes: [] },
  aiFeatureSettings: { nodes: [] },
};
let scratch;

before(async () => {
  await plan.init();
  scratch = mkdtempSync(join(tmpdir(), 'duo-plan-'));
});
after(() => rmSync(scratch, { recursive: true, force: true }));

test('the exports map serves duo-selfhosted/plan from its own files', () => {
  assert.equal(import.meta.resolve('duo-selfhosted/plan'), new URL('../dist/plan-node.js', import.meta.url).href);
  assert.match(plan.version(), /^\d+\.\d+\.\d+/);
});

test('planChanges: the mutations that make a live set-up the document, with API keys masked', () => {
  const config = {
    gitlab_version: '19.6',
    tier: 'ultimate',
    ai_gateway: { url: 'http://10.0.1.7:5052' },
    self_hosted_models: [
      { name: 'Mistral', family: 'mistral', deployment: 'vllm', endpoint: 'http://10.0.1.8:8000/v1', identifier: 'custom_openai/Mistral-Small', api_key: 'sk-npm-plan-secret' },
    ],
    features: { duo_chat: { provider: 'self_hosted', model: 'Mistral' } },
  };
  const report = plan.planChanges(config, emptyLive);
  assert.equal(report.planned, true);
  assert.deepEqual(report.counts, { create: 1, update: 2, delete: 0 });
  assert.deepEqual(
    report.operations.map((o) => [o.action, o.mutation, o.summary]),
    [
      ['update', 'duoSettingsUpdate', 'update Duo settings: AI gateway URL (none) \u2192 "http://10.0.1.7:5052"'],
      ['create', 'aiSelfHostedModelCreate', 'create model "Mistral" (mistral, vllm)'],
      ['update', 'aiFeatureSettingUpdate', 'set General Chat \u2192 self_hosted "Mistral"'],
    ],
  );
  assert.equal(report.operations[1].variables.input.apiToken, '[REDACTED]');
  assert.equal(report.operations[2].model_id_from, 'Mistral');
  assert.ok(!JSON.stringify(report).includes('sk-npm-plan-secret'));
  // A broken document: no plan, and why.
  const refused = plan.planChanges({ ...config, features: { duo_chat: { provider: 'self_hosted', model: 'Nope' } } }, JSON.stringify(emptyLive));
  assert.equal(refused.planned, false);
  assert.deepEqual(refused.operations, []);
  assert.ok(refused.diagnostics.some((d) => d.code === 'feature.unknown_deployment'));
  assert.throws(() => plan.planChanges(config, 5), {
    name: 'TypeError',
    message: 'duo-selfhosted: planChanges(): live must be an object or JSON text, got a number',
  });
});

test('parity with the native CLI: plan DOCUMENT --live STATE --format json', (t) => {
  if (!existsSync(CLI)) return t.skip(`the native CLI ${CLI} is missing`);
  const renamed = structuredClone(example);
  renamed.self_hosted_models[0].name = 'Mistral Small';
  renamed.features.duo_chat.model = 'Mistral Small';
  const docs = [example, renamed, { ...example, features: {} }, { ...example, gitlab_version: '18.9' }, { gitlab_version: '19.6', tier: 'ultimate' }, '{', 'tier = 5'];
  const states = [emptyLive, fixture, { ...fixture, aiSelfHostedModels: null }, { ...fixture, gitlab_version: '19.5' }, '[]', '{'];
  let compared = 0;
  for (const [i, doc] of docs.entries()) {
    for (const [j, live] of states.entries()) {
      const docPath = join(scratch, `doc-${i}.json`);
      const livePath = join(scratch, `live-${j}.json`);
      writeFileSync(docPath, typeof doc === 'string' ? doc : JSON.stringify(doc));
      writeFileSync(livePath, typeof live === 'string' ? live : JSON.stringify(live));
      const run = spawnSync(CLI, ['plan', docPath, '--live', livePath, '--format', 'json'], { encoding: 'utf8', input: '' });
      assert.ok(run.status === 0 || run.status === 1, `plan doc-${i} live-${j} exited ${run.status}: ${run.stderr}`);
      const lines = run.stdout.split('\n');
      assert.equal(lines.length, 2, `one line of JSON: ${run.stdout}`);
      const text = typeof doc === 'string' ? doc : JSON.stringify(doc);
      assert.equal(JSON.stringify(plan.planChanges(text, typeof live === 'string' ? live : JSON.stringify(live))), lines[0], `doc-${i} live-${j}`);
      compared += 1;
    }
  }
  t.diagnostic(`${compared} plans compared`);
});

// Parity: the same inputs through the native CLI (`--format json`) and
// through the package in Node must give byte-identical JSON. Where the CLI
// refuses the call as a usage error (exit code 2), the package must throw a
// TypeError with the same message. Inputs: test/parity-cases.mjs.
//
// The CLI is $DUO_CLI, or target/debug/duo-selfhosted (built by
// `cargo build --features cli`; scripts/ci/30-npm-package.sh does it).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import * as duo from 'duo-selfhosted';
import * as cases from './parity-cases.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CLI = process.env.DUO_CLI ?? join(root, 'target', 'debug', 'duo-selfhosted');
let scratch;

before(async () => {
  assert.ok(existsSync(CLI), `the native CLI ${CLI} is missing: run cargo build --features cli`);
  await duo.init();
  scratch = mkdtempSync(join(tmpdir(), 'duo-parity-'));
});
after(() => rmSync(scratch, { recursive: true, force: true }));

/** Run the CLI: { json } when it ran, { usage } with its message on exit 2. */
function cli(args, input) {
  const run = spawnSync(CLI, [...args], { input: input ?? '', encoding: 'utf8', maxBuffer: 64 << 20 });
  if (run.status === 2) {
    // The CLI prints `error: <message>` and a line feed (no usage text).
    const message = run.stderr.replace(/^error: /, '').replace(/\n$/, '');
    return { usage: message };
  }
  assert.ok(run.status === 0 || run.status === 1, `CLI ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  const lines = run.stdout.split('\n');
  assert.equal(lines.length, 2, 'one line of JSON');
  return { json: lines[0] };
}

/** Compare one CLI run with one package call. */
function same(label, args, call, input) {
  const expected = cli(args, input);
  if (expected.usage !== undefined) {
    assert.throws(call, (e) => {
      assert.equal(e.name, 'TypeError', label);
      assert.equal(e.message.replace(/^duo-selfhosted: \w+\(\): /, ''), expected.usage, label);
      return true;
    });
    return 'usage';
  }
  assert.equal(JSON.stringify(call()), expected.json, label);
  return 'json';
}

function tally(results, t) {
  // Each table must exercise real answers, not only refusals.
  assert.ok(results.includes('json'), 'at least one case answered with JSON');
  const usage = results.filter((r) => r === 'usage').length;
  t?.diagnostic(`${results.length} inputs compared (${results.length - usage} JSON answers, ${usage} usage errors)`);
}

describe('parity between the native CLI and the package', () => {
  test('classify', (t) => {
    tally(cases.hosts.map((h) => same(`classify ${JSON.stringify(h)}`, ['classify', '--format', 'json', '--', h], () => duo.classify(h))), t);
  });

  test('checkUrl over URLs, presets and policies', (t) => {
    const results = [];
    for (const url of cases.urls) {
      for (const preset of cases.presets) {
        const args = ['url', '--format', 'json'];
        if (preset !== undefined) args.push('--preset', preset);
        results.push(same(`url ${url} ${preset}`, [...args, '--', url], () => duo.checkUrl(url, preset === undefined ? undefined : { preset })));
      }
    }
    for (const policy of [...cases.policies, ...cases.badPolicies]) {
      if (policy === undefined) continue;
      for (const url of ['http://10.0.1.7:5052', 'http://ai-gateway.internal:5052', 'https://cloud.gitlab.com', 'http://[::ffff:169.254.169.254]/']) {
        const args = ['url', '--format', 'json', '--preset', 'ai-gateway', '--policy', JSON.stringify(policy), '--', url];
        results.push(same(`url ${url} ${JSON.stringify(policy)}`, args, () => duo.checkUrl(url, { preset: 'ai-gateway', policy })));
      }
    }
    for (const [version, preset] of [['17.0', 'ai-gateway'], ['18.10', 'model-endpoint'], ['not-a-version', 'ai-gateway']]) {
      const url = 'http://10.0.1.7:5052';
      const args = ['url', '--format', 'json', '--preset', preset, '--gitlab-version', version, '--', url];
      results.push(same(`url ${version}`, args, () => duo.checkUrl(url, { preset, gitlabVersion: version })));
    }
    results.push(same('unknown preset', ['url', '--format', 'json', '--preset', 'ai-gateways', '--', 'http://x'], () => duo.checkUrl('http://x', { preset: 'ai-gateways' })));
    results.push(same('policy as malformed JSON text', ['url', '--format', 'json', '--policy', '{"schemes":', '--', 'http://x'], () => duo.checkUrl('http://x', { policy: '{"schemes":' })));
    assert.ok(results.includes('usage'), 'usage errors are compared too');
    tally(results, t);
  });

  test('parseAllowlist', (t) => {
    tally(cases.allowlists.map((text) => same(`allowlist parse ${JSON.stringify(text).slice(0, 60)}`, ['allowlist', 'parse', '--format', 'json', '--', text], () => duo.parseAllowlist(text))), t);
  });

  // `allowlist match` with or without --port.
  const matchArgs = (text, host, port) => [
    'allowlist', 'match', '--format', 'json',
    ...(port === undefined ? [] : ['--port', String(port)]),
    '--', text, host,
  ];

  test('matchAllowlist', (t) => {
    const results = cases.matches.map(([text, host, port]) =>
      same(`allowlist match ${text} ${host} ${port}`, matchArgs(text, host, port), () => duo.matchAllowlist(text, host, port)));
    tally(results, t);
  });

  test('compileAllowlist(text).match', (t) => {
    // One compiled list per text, as a form holds it while the admin types hosts.
    const compiled = new Map();
    const results = cases.matches.map(([text, host, port]) => {
      if (!compiled.has(text)) compiled.set(text, duo.compileAllowlist(text));
      return same(`compiled allowlist match ${text} ${host} ${port}`, matchArgs(text, host, port), () => compiled.get(text).match(host, port));
    });
    for (const list of compiled.values()) list.free();
    tally(results, t);
  });

  test('parseIdentifier', (t) => {
    const results = [];
    for (const [identifier, method] of cases.identifiers) {
      for (const m of method === undefined ? [undefined, ...cases.methods] : [method]) {
        const args = ['identifier', '--format', 'json'];
        if (m !== undefined) args.push('--method', m);
        results.push(same(`identifier ${identifier} ${m}`, [...args, '--', identifier], () => duo.parseIdentifier(identifier, m)));
      }
    }
    results.push(same('unknown method', ['identifier', '--format', 'json', '--method', 'sagemaker', '--', 'x'], () => duo.parseIdentifier('x', 'sagemaker')));
    tally(results, t);
  });

  test('bedrockIdentifier', (t) => {
    const results = cases.bedrockPairs.map(([region, model, prefer]) => {
      const args = ['bedrock', '--format', 'json', '--region', region, '--model', model];
      if (prefer !== undefined) args.push('--prefer', prefer);
      const request = prefer === undefined ? { region, model } : { region, model, prefer };
      return same(`bedrock ${region} ${model} ${prefer}`, args, () => duo.bedrockIdentifier(request));
    });
    results.push(
      same('bad prefer', ['bedrock', '--format', 'json', '--region', 'us-east-1', '--model', 'm', '--prefer', 'closest'], () =>
        duo.bedrockIdentifier({ region: 'us-east-1', model: 'm', prefer: 'closest' }),
      ),
    );
    tally(results, t);
  });

  test('checkModel over records and malformed text', (t) => {
    const results = [];
    for (const record of cases.modelRecords) {
      const text = JSON.stringify(record);
      results.push(same(`model ${text.slice(0, 60)}`, ['model', '--format', 'json'], () => duo.checkModel(record), text));
    }
    for (const text of cases.modelTexts) {
      const file = join(scratch, 'model.json');
      writeFileSync(file, text);
      results.push(same(`model text ${JSON.stringify(text)}`, ['model', '--format', 'json', file], () => duo.checkModel(text)));
    }
    tally(results, t);
  });

  test('validateConfig and resolveFeatures over configurations and malformed text', (t) => {
    const example = JSON.parse(readFileSync(join(root, 'examples', 'duo-selfhosted.json'), 'utf8'));
    const texts = [...cases.configs(example).map((c) => JSON.stringify(c)), ...cases.configTexts];
    const file = join(scratch, 'config.json');
    const results = [];
    for (const text of texts) {
      writeFileSync(file, text);
      const label = text.slice(0, 80);
      // `check` exits 1 on errors; the JSON is the same either way.
      results.push(same(`check ${label}`, ['check', '--format', 'json', file], () => duo.validateConfig(text)));
      // A document that cannot be read: the CLI exits 1 with the same
      // {"features": [], "diagnostics": [...]} the package answers.
      const expected = cli(['resolve', '--format', 'json', file]);
      assert.equal(expected.usage, undefined, `resolve ${label}: ${expected.usage}`);
      assert.equal(JSON.stringify(duo.resolveFeatures(text)), expected.json, `resolve ${label}`);
      results.push(JSON.parse(expected.json).diagnostics === undefined ? 'json' : 'unreadable');
    }
    assert.ok(results.filter((r) => r === 'json').length > 100, 'most configurations are answered');
    assert.ok(results.includes('unreadable'), 'unreadable documents are compared too');
    tally(results, t);
  });

  test('snippet over configurations, installation types and malformed text', (t) => {
    const example = JSON.parse(readFileSync(join(root, 'examples', 'duo-selfhosted.json'), 'utf8'));
    const file = join(scratch, 'snippet.json');
    const results = [];
    // The CLI reads the installation type from the document; the package's
    // option stands for the document's member, so each (document, option)
    // pair is compared with the CLI on the document that says so.
    const compare = (label, text, doc, options) => {
      writeFileSync(file, doc);
      // A document that cannot be read: the CLI exits 1 with the check
      // report's {"valid": false, "diagnostics": [...]}, as the package answers.
      const expected = cli(['snippet', '--format', 'json', file]);
      assert.equal(expected.usage, undefined, `${label}: ${expected.usage}`);
      assert.equal(JSON.stringify(duo.snippet(text, options)), expected.json, label);
      results.push(JSON.parse(expected.json).lines === undefined ? 'unreadable' : 'json');
    };
    for (const config of cases.configs(example)) {
      const text = JSON.stringify(config);
      compare(`snippet ${text.slice(0, 80)}`, text, text);
    }
    for (const text of cases.configTexts) compare(`snippet ${JSON.stringify(text)}`, text, text);
    for (const version of ['17.9', '18.3', '18.9', '18.10', '19.1', '19.2', '19.6']) {
      for (const tls of [true, false]) {
        for (const installation of cases.installations) {
          const config = { ...structuredClone(example), gitlab_version: version };
          config.agent_platform.tls = tls;
          const label = `snippet ${version} tls=${tls} --installation ${installation}`;
          compare(label, config, JSON.stringify({ ...config, installation }), { installation });
        }
      }
    }
    assert.ok(results.includes('unreadable'), 'unreadable documents are compared too');
    tally(results, t);
  });
});

// The package's entry points in Node: loading, the exports map, argument
// checking. Run with `node --test test/` after `node scripts/build.mjs`.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import * as duo from 'duo-selfhosted';

const pkgDir = fileURLToPath(new URL('..', import.meta.url));
const pkgJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const cargoToml = readFileSync(new URL('../../Cargo.toml', import.meta.url), 'utf8');

test('the node export resolves to dist/node.js through the exports map', () => {
  assert.equal(import.meta.resolve('duo-selfhosted'), new URL('../dist/node.js', import.meta.url).href);
});

test('a function called before init() throws a clear error', async () => {
  // A fresh instance of the wrapper (the query makes it a separate module).
  const fresh = await import(`../dist/index.js?before-init=${Date.now()}`);
  assert.throws(() => fresh.version(), {
    name: 'Error',
    message: 'duo-selfhosted: version() was called before init() or initSync(bytes) finished',
  });
});

test('init() without arguments loads the package wasm in Node', async () => {
  await duo.init();
  await duo.init(); // a second call does nothing
  const cargoVersion = /^version = "([^"]+)"/m.exec(cargoToml)[1];
  assert.equal(duo.version(), cargoVersion);
  assert.equal(pkgJson.version, cargoVersion, 'package.json and Cargo.toml versions must agree');
});

test('initSync(bytes) loads the module synchronously in a fresh process', () => {
  const script = `
    import { readFileSync } from 'node:fs';
    import { initSync, version } from 'duo-selfhosted';
    initSync(readFileSync(new URL('./dist/duo_selfhosted_bg.wasm', 'file://${pkgDir}')));
    process.stdout.write(version());`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: pkgDir, encoding: 'utf8' });
  assert.equal(out, pkgJson.version);
});

test('initSync with something other than bytes throws a TypeError', async () => {
  const fresh = await import(`../dist/index.js?bad-init=${Date.now()}`);
  assert.throws(() => fresh.initSync('duo_selfhosted_bg.wasm'), {
    name: 'TypeError',
    message:
      'duo-selfhosted: initSync(bytes) expects the bytes of duo_selfhosted_bg.wasm (ArrayBuffer, Uint8Array or WebAssembly.Module), got a string',
  });
});

test('a wrong argument type throws a TypeError naming the function and argument', async () => {
  await duo.init();
  const cases = [
    [() => duo.classify(127001), 'duo-selfhosted: classify(): input must be a string, got a number'],
    [() => duo.classify(), 'duo-selfhosted: classify(): input must be a string, got undefined'],
    [() => duo.checkUrl(new URL('http://x')), 'duo-selfhosted: checkUrl(): url must be a string, got an object'],
    [() => duo.checkUrl('http://x', 'ai-gateway'), 'duo-selfhosted: checkUrl(): options must be an object, got a string'],
    [() => duo.checkUrl('http://x', { preset: 1 }), 'duo-selfhosted: checkUrl(): options.preset must be a string, got a number'],
    [() => duo.checkUrl('http://x', { policy: 1 }), 'duo-selfhosted: checkUrl(): options.policy must be an object or JSON text, got a number'],
    [() => duo.parseAllowlist(['10.0.0.0/8']), 'duo-selfhosted: parseAllowlist(): text must be a string, got an array'],
    [() => duo.matchAllowlist('a', null), 'duo-selfhosted: matchAllowlist(): host must be a string, got null'],
    [() => duo.matchAllowlist('a', 'a', 70000), 'duo-selfhosted: matchAllowlist(): port must be an integer from 0 to 65535, got a number 70000'],
    [() => duo.matchAllowlist('a', 'a', '80'), 'duo-selfhosted: matchAllowlist(): port must be an integer from 0 to 65535, got a string 80'],
    [() => duo.parseIdentifier('x', 3), 'duo-selfhosted: parseIdentifier(): method must be a string, got a number'],
    [() => duo.bedrockIdentifier('us-east-1'), 'duo-selfhosted: bedrockIdentifier(): expects { region, model, prefer? }, got a string'],
    [() => duo.bedrockIdentifier({ region: 'us-east-1' }), 'duo-selfhosted: bedrockIdentifier(): model must be a string, got undefined'],
    [() => duo.checkModel(42), 'duo-selfhosted: checkModel(): record must be an object or JSON text, got a number'],
    [() => duo.checkModel(null), 'duo-selfhosted: checkModel(): record must be an object or JSON text, got null'],
    [() => duo.snippet(42), 'duo-selfhosted: snippet(): config must be an object or JSON text, got a number'],
    [() => duo.snippet('{}', 'docker'), 'duo-selfhosted: snippet(): options must be an object, got a string'],
    [() => duo.snippet('{}', { installation: 1 }), 'duo-selfhosted: snippet(): options.installation must be a string, got a number'],
  ];
  for (const [call, message] of cases) {
    assert.throws(call, { name: 'TypeError', message });
  }
});

test('what the CLI refuses as a usage error throws a TypeError with its message', async () => {
  await duo.init();
  assert.throws(() => duo.checkUrl('http://x', { preset: 'ai_gateway' }), {
    name: 'TypeError',
    message:
      'duo-selfhosted: checkUrl(): error[policy.unknown_preset] preset: unknown preset "ai_gateway", expected one of: ai-gateway, ai-gateway-request, model-endpoint',
  });
  assert.throws(() => duo.bedrockIdentifier({ region: 'us-east-1', model: 'm', prefer: 'closest' }), {
    name: 'TypeError',
    message: 'duo-selfhosted: bedrockIdentifier(): --prefer: expected regional or global, got "closest"',
  });
  assert.throws(() => duo.snippet({ gitlab_version: '18.9', tier: 'ultimate' }, { installation: 'omnibus' }), {
    name: 'TypeError',
    message:
      'duo-selfhosted: snippet(): installation: unknown installation type "omnibus", expected one of: linux_package, self_compiled, helm_chart, docker',
  });
});

test('invalid input is answered with diagnostics, never an exception', async () => {
  await duo.init();
  const c = duo.classify('http://a\\b@c/');
  assert.ok(c.diagnostics.some((d) => d.severity === 'error'));
  const m = duo.checkModel('{"name":');
  assert.equal(m.valid, false);
  assert.equal(m.diagnostics[0].code, 'document.invalid_json');
  const b = duo.bedrockIdentifier({ region: 'us-east-7', model: '' });
  assert.equal(b.identifier, null);
  assert.ok(b.diagnostics.length > 0);
});

test('the seed documentation examples come out of the package', async () => {
  await duo.init();
  // configure_duo_features.md: Claude 3.5 Sonnet v2 called from Tokyo needs the apac. profile.
  const tokyo = duo.bedrockIdentifier({ region: 'ap-northeast-1', model: 'anthropic.claude-3-5-sonnet-20241022-v2:0' });
  assert.equal(tokyo.identifier, 'bedrock/apac.anthropic.claude-3-5-sonnet-20241022-v2:0');
  assert.equal(tokyo.prefix, 'apac');
  // ... and from eu-west-2 Claude 3.7 Sonnet has no prefix.
  const london = duo.bedrockIdentifier({ region: 'eu-west-2', model: 'anthropic.claude-3-7-sonnet-20250219-v1:0' });
  assert.equal(london.identifier, 'bedrock/anthropic.claude-3-7-sonnet-20250219-v1:0');
  assert.equal(london.prefix, null);
});

test('an API key never appears in the output', async () => {
  await duo.init();
  const secret = 'sk-very-secret-4242';
  const report = duo.checkModel({ name: 'm', family: 'nope', deployment: 'vllm', endpoint: 'ftp://x', api_key: secret, identifier: '' });
  assert.equal(report.valid, false);
  assert.ok(!JSON.stringify(report).includes(secret));
});

test('npm pack ships every file the exports map and the types point at, and nothing else', () => {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: pkgDir, encoding: 'utf8' });
  const files = JSON.parse(out)[0].files.map((f) => f.path).sort();
  assert.deepEqual(files, [
    'LICENSE-APACHE',
    'LICENSE-MIT',
    'README.md',
    'dist/api.js',
    'dist/duo_selfhosted.js',
    'dist/duo_selfhosted_bg.wasm',
    'dist/duo_selfhosted_plan.js',
    'dist/duo_selfhosted_plan_bg.wasm',
    'dist/duo_selfhosted_url.js',
    'dist/duo_selfhosted_url_bg.wasm',
    'dist/generated.d.ts',
    'dist/index.d.ts',
    'dist/index.js',
    'dist/node.d.ts',
    'dist/node.js',
    'dist/plan-node.js',
    'dist/plan.d.ts',
    'dist/plan.js',
    'dist/url-api.js',
    'dist/url-node.js',
    'dist/url.d.ts',
    'dist/url.js',
    'package.json',
  ]);
  const targets = [pkgJson.types, ...Object.values(pkgJson.exports).flatMap((t) => (typeof t === 'string' ? [t] : Object.values(t)))];
  for (const target of targets) {
    assert.ok(files.includes(target.replace(/^\.\//, '')), `${target} is packed`);
  }
});

test('compileAllowlist(text).match() answers what matchAllowlist(text, …) answers', async () => {
  await duo.init();
  const entries = ['10.0.0.0/8', 'ai-gateway.internal:5052', '*.corp.example', '[fd00::1]:443', 'bücher.example', '192.168.1.1;9000'];
  for (let i = 0; i < 300; i++) entries.push(`172.16.${i >> 8}.${i & 255}`, `host-${i}.svc.cluster.local`);
  const text = entries.join('\n');
  const compiled = duo.compileAllowlist(text);
  const probes = [
    ['10.1.2.3'], ['10.1.2.3', 5052], ['ai-gateway.internal', 5052], ['ai-gateway.internal', 5053], ['ai-gateway.internal'],
    ['a.corp.example'], ['corp.example'], ['fd00::1', 443], ['[fd00::1]', 443], ['fd00::1', 80], ['xn--bcher-kva.example'],
    ['BÜCHER.example'], ['::ffff:10.0.0.1'], ['172.16.1.44'], ['host-299.svc.cluster.local', 1], ['host-300.svc.cluster.local'],
    ['8.8.8.8'], [''], ['[::1'], ['192.168.1.1', 9000], ['192.168.1.1', 9001],
  ];
  let matched = 0;
  for (const [host, port] of probes) {
    const expected = duo.matchAllowlist(text, host, port);
    assert.deepEqual(compiled.match(host, port), expected, `${host} ${port}`);
    if (expected.matched) matched += 1;
  }
  assert.ok(matched >= 8 && matched < probes.length, `both answers occur (${matched} of ${probes.length} matched)`);
  compiled.free();
  compiled.free(); // a second free does nothing
  assert.throws(() => compiled.match('10.1.2.3'), {
    name: 'Error',
    message: 'duo-selfhosted: CompiledAllowlist.match() was called after free()',
  });
});

test('compileAllowlist and CompiledAllowlist.match check their arguments', async () => {
  await duo.init();
  assert.throws(() => duo.compileAllowlist(['10.0.0.0/8']), {
    name: 'TypeError',
    message: 'duo-selfhosted: compileAllowlist(): text must be a string, got an array',
  });
  const compiled = duo.compileAllowlist('10.0.0.0/8');
  assert.throws(() => compiled.match(10), {
    name: 'TypeError',
    message: 'duo-selfhosted: CompiledAllowlist.match(): host must be a string, got a number',
  });
  assert.throws(() => compiled.match('10.0.0.1', 65536), {
    name: 'TypeError',
    message: 'duo-selfhosted: CompiledAllowlist.match(): port must be an integer from 0 to 65535, got a number 65536',
  });
  compiled.free();
});

test('snippet: the settings lines for the document\'s installation, or the one asked for', async () => {
  await duo.init();
  // 18.9: the AI gateway URL is an environment variable, and TLS off needs DUO_AGENT_PLATFORM_SERVICE_SECURE.
  const config = {
    gitlab_version: '18.9',
    tier: 'ultimate',
    installation: 'self_compiled',
    ai_gateway: { url: 'http://ai-gateway.internal:5052' },
    agent_platform: { url: 'ai-gateway.internal:50052', tls: false },
  };
  const own = duo.snippet(config);
  assert.equal(own.installation, 'self_compiled');
  assert.equal(own.file, '/etc/default/gitlab');
  assert.deepEqual(own.lines, [
    "export AI_GATEWAY_URL='http://ai-gateway.internal:5052'",
    'export DUO_AGENT_PLATFORM_SERVICE_SECURE=false',
  ]);
  const helm = duo.snippet(JSON.stringify(config), { installation: 'helm_chart' });
  assert.equal(helm.installation, 'helm_chart');
  assert.equal(helm.file, 'values.yaml');
  assert.deepEqual(helm.lines.slice(0, 2), ['global:', '  extraEnv:']);
  // The option is the document's member: the same answer as a document that says so.
  assert.deepEqual(duo.snippet({ ...config, installation: 'docker' }), duo.snippet(config, { installation: 'docker' }));
  // A document that cannot be read at all: the check report saying why.
  const unreadable = duo.snippet('{"gitlab_version": }');
  assert.equal(unreadable.valid, false);
  assert.equal(unreadable.diagnostics[0].code, 'document.invalid_json');
  assert.equal('lines' in unreadable, false);
});

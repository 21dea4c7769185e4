// duo-selfhosted/url: the URL functions from the small module (no IDNA
// tables), the full module only for input that needs IDNA. Its answers must
// be the main entry point's, byte for byte: on the parity cases, on every
// host of the WHATWG corpus (tests/data/whatwg-hosts.json) and on inputs
// that need IDNA. The small module is also asked directly, without the
// routing, for every input the routing sends to it, so that the rule
// deciding what needs IDNA is tested, not only its result.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import * as duo from 'duo-selfhosted';
import * as url from 'duo-selfhosted/url';
import * as cases from './parity-cases.mjs';

const dist = new URL('../dist/', import.meta.url);
const root = fileURLToPath(new URL('../..', import.meta.url));
// The small module's own glue, initialised apart from the entry point.
let small;

before(async () => {
  await duo.init();
  small = await import(new URL('duo_selfhosted_url.js', dist).href);
  small.initSync({ module: readFileSync(new URL('duo_selfhosted_url_bg.wasm', dist)) });
});

const whatwgHosts = JSON.parse(readFileSync(`${root}/tests/data/whatwg-hosts.json`, 'utf8')).map((row) => row[0]);

test('the entry point resolves to dist/url-node.js in Node, with types', () => {
  assert.equal(import.meta.resolve('duo-selfhosted/url'), new URL('url-node.js', dist).href);
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  assert.equal(pkg.exports['./url'].types, './dist/url.d.ts');
  assert.equal(pkg.exports['./url'].default, './dist/url.js');
});

test('every function answers with a Promise, and the version is the package\'s', async () => {
  const answer = url.classify('10.0.0.1');
  assert.ok(answer instanceof Promise);
  assert.deepEqual(await answer, duo.classify('10.0.0.1'));
  assert.equal(await url.version(), duo.version());
});

test('what needs IDNA: non-ASCII text, a percent sign, an xn-- label', () => {
  for (const text of ['bücher.example', 'http://%62ücher/', 'http://a%2eb/', 'XN--mnchen-3ya.de', 'xn--', 'Ⓐ']) {
    assert.equal(url.needsIdna(text), true, text);
  }
  for (const text of ['10.0.0.1', 'http://ai-gateway.internal:5052/v1', 'xn-mnchen.de', '']) {
    assert.equal(url.needsIdna(text), false, text);
  }
});

test('classify and checkUrl answer as the main entry point on the parity cases and the WHATWG corpus', async () => {
  const inputs = [...cases.hosts, ...cases.urls, ...whatwgHosts, ...whatwgHosts.map((h) => `http://${h}:5052/v1`)];
  let direct = 0;
  for (const input of inputs) {
    const expected = JSON.stringify(duo.classify(input));
    assert.equal(JSON.stringify(await url.classify(input)), expected, input);
    if (!url.needsIdna(input)) {
      assert.equal(small.classify_json(input), expected, `small module: ${input}`);
      direct += 1;
    }
  }
  assert.ok(direct > 4000, `the small module answered ${direct} inputs`);
  for (const input of cases.urls) {
    for (const preset of cases.presets) {
      for (const policy of cases.policies) {
        const options = { preset, policy };
        assert.equal(JSON.stringify(await url.checkUrl(input, options)), JSON.stringify(duo.checkUrl(input, options)), input);
      }
    }
  }
  for (const host of whatwgHosts) {
    const input = `http://${host}:5052/v1`;
    const expected = JSON.stringify(duo.checkUrl(input, { preset: 'ai-gateway' }));
    assert.equal(JSON.stringify(await url.checkUrl(input, { preset: 'ai-gateway' })), expected, input);
    if (!url.needsIdna(input)) assert.equal(small.check_url_json(input, 'ai-gateway', undefined, undefined), expected, input);
  }
});

test('a policy that spells a non-ASCII entry with a JSON escape goes to the full module', async () => {
  const policy = '{"deny_all_requests_except_allowed": true, "outbound_local_requests_allowlist": ["b\\u00fccher.example"]}';
  const options = { preset: 'ai-gateway', policy };
  assert.deepEqual(await url.checkUrl('http://xn--bcher-kva.example/', options), duo.checkUrl('http://xn--bcher-kva.example/', options));
});

test('the allowlist functions answer as the main entry point', async () => {
  for (const text of cases.allowlists) {
    assert.deepEqual(await url.parseAllowlist(text), duo.parseAllowlist(text), text);
  }
  for (const [text, host, port] of cases.matches) {
    assert.deepEqual(await url.matchAllowlist(text, host, port), duo.matchAllowlist(text, host, port));
  }
  const list = await url.compileAllowlist('10.0.0.0/8\nai-gateway.internal:5052\nxn--bcher-kva.example');
  assert.deepEqual(await list.match('10.1.2.3'), { matched: true, entry: '10.0.0.0/8' });
  // A host that needs IDNA is matched by the full module.
  assert.deepEqual(await list.match('bücher.example'), duo.matchAllowlist('10.0.0.0/8\nai-gateway.internal:5052\nxn--bcher-kva.example', 'bücher.example'));
  list.free();
  await assert.rejects(list.match('10.1.2.3'), /after free\(\)/);
  // A list that needs IDNA is compiled by the full module only.
  const unicode = await url.compileAllowlist('bücher.example');
  assert.deepEqual(await unicode.match('10.1.2.3'), { matched: false, entry: null });
  unicode.free();
});

test('wrong argument types are TypeErrors, as in the main entry point', async () => {
  await assert.rejects(url.classify(42), { name: 'TypeError', message: 'duo-selfhosted: classify(): input must be a string, got a number' });
  await assert.rejects(url.checkUrl('http://x', { preset: 'nope' }), (e) => {
    assert.equal(e.name, 'TypeError');
    assert.throws(() => duo.checkUrl('http://x', { preset: 'nope' }), { message: e.message });
    return true;
  });
  await assert.rejects(url.matchAllowlist('x', 'y', 70000), { name: 'TypeError' });
});

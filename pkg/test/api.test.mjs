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

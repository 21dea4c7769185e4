// The package in a bundler: a Vite production build of test/vite-app/, which
// imports 'duo-selfhosted' by name through a node_modules link to this
// package. The bundle must carry the .wasm as an asset and nothing from
// Node. test/browser.test.mjs runs such a build in Chromium.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildViteApp, pkgDir } from './vite-build.mjs';

test('a Vite production build bundles the package with its .wasm', async () => {
  const appOut = await buildViteApp('vite-app');
  const assets = readdirSync(join(appOut, 'assets'));
  const wasm = assets.filter((f) => f.endsWith('.wasm'));
  assert.equal(wasm.length, 1, `one .wasm asset expected, got ${assets.join(', ')}`);
  assert.deepEqual(
    readFileSync(join(appOut, 'assets', wasm[0])),
    readFileSync(join(pkgDir, 'dist', 'duo_selfhosted_bg.wasm')),
  );
  const js = assets.filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(appOut, 'assets', f), 'utf8'));
  assert.equal(js.length, 1);
  assert.ok(js[0].includes(wasm[0]), 'the bundle refers to the emitted .wasm');
  assert.ok(!js[0].includes('node:fs'), 'the browser bundle must not contain the Node entry point');
  assert.ok(existsSync(join(appOut, 'index.html')));
});

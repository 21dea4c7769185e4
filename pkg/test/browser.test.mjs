// The package in a real browser (Debian's Chromium through playwright-core,
// headless): the demo page imports it without a bundler, and a Vite build of
// test/vite-app/ runs too. Only localhost is ever requested, and the
// only .wasm fetched is the package's own.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { after, before, beforeEach, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { launch } from './browser.mjs';
import { serve } from './server.mjs';
import { buildViteApp } from './vite-build.mjs';

const pkgDir = fileURLToPath(new URL('..', import.meta.url));
const outDir = `${pkgDir}test-output`;
const version = JSON.parse(readFileSync(`${pkgDir}package.json`, 'utf8')).version;

let server;
let browser;
let page;
const foreign = [];
const consoleErrors = [];

before(async () => {
  mkdirSync(outDir, { recursive: true });
  const viteDist = await buildViteApp('vite-app-browser');
  server = await serve({ '/': pkgDir, '/vite/': viteDist });
  browser = await launch();
  page = await browser.context.newPage();
  page.on('request', (r) => {
    if (!r.url().startsWith(server.url)) foreign.push(r.url());
  });
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
});

after(async () => {
  await browser?.close();
  await server?.close();
  assert.deepEqual(foreign, [], 'nothing but localhost may be requested');
});

beforeEach(() => {
  consoleErrors.length = 0;
});

test('the demo page loads the package without a bundler', async () => {
  await page.goto(`${server.url}/demo/`);
  await page.locator('#version', { hasText: version }).waitFor();
  const wasm = server.requests.filter((p) => p.endsWith('.wasm'));
  assert.deepEqual(wasm, ['/dist/duo_selfhosted_bg.wasm']);
  assert.deepEqual(consoleErrors, []);
});

test('a Vite-built app runs the package', async () => {
  await page.goto(`${server.url}/vite/`);
  await page.locator('#result', { hasText: 'version' }).waitFor();
  assert.deepEqual(JSON.parse(await page.locator('#result').textContent()), { version });
  assert.deepEqual(consoleErrors, []);
});

// The package as a user gets it: the `npm pack` tarball installed into a
// fresh directory outside the repository, then pkg/README.md's example run
// as written in Node, in a Vite production build and in Chromium without a
// bundler (an import map, as pkg/demo/ does). Where the example writes
// `expression; // 'value'`, the value is asserted.
//
// scripts/ci/30-npm-package.sh packs once (publint and attw check that same
// tarball) and passes it in DUO_PACKED_TARBALL; without it, this test packs
// pkg/ itself (after `node scripts/build.mjs`).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { launch } from './browser.mjs';
import { serve } from './server.mjs';

const pkgDir = fileURLToPath(new URL('..', import.meta.url));

// The first ```js block under "## Example" in pkg/README.md, with each
// `expression; // literal` line turned into a check of that value.
function readmeExample() {
  const readme = readFileSync(join(pkgDir, 'README.md'), 'utf8');
  const section = readme.split(/^## /m).find((s) => s.startsWith('Example\n'));
  assert.ok(section, 'pkg/README.md has an "## Example" section');
  const code = /```js\n([\s\S]*?)```/.exec(section)?.[1];
  assert.ok(code, 'the Example section has a ```js block');
  let checks = 0;
  const body = code.replace(
    /^(.*\S);\s*\/\/\s*('[^']*'|"[^"]*"|-?\d+(?:\.\d+)?|true|false|null)\s*$/gm,
    (_, expr, literal) => {
      checks += 1;
      return `__check(${expr}, ${literal}, ${JSON.stringify(expr.trim())});`;
    },
  );
  assert.ok(checks > 0, 'the README example states at least one value to check');
  return { body, checks };
}

// The example as an ES module; `report` is a statement that publishes
// `__report` ({ checks }) when the example ran to its end.
function exampleModule(report) {
  const { body } = readmeExample();
  return `let __checks = 0;
function __check(actual, expected, source) {
  if (!Object.is(actual, expected)) {
    throw new Error(\`\${source}: got \${JSON.stringify(actual)}, expected \${JSON.stringify(expected)}\`);
  }
  __checks += 1;
}
${body}
const __report = { checks: __checks };
${report}
`;
}

const PAGE = (head, script) => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><link rel="icon" href="data:,"><title>duo-selfhosted, packed</title>
<script>
  // A module that throws, or whose top-level await rejects, is reported here.
  addEventListener('error', (e) => { document.getElementById('result').textContent = 'error: ' + e.message; });
</script>
${head}</head>
<body>
  <output id="result">loading</output>
  ${script}
</body>
</html>
`;
const BROWSER_REPORT = "document.getElementById('result').textContent = JSON.stringify(__report);";

let work;
let app;
let tarball;
let installed;

before(() => {
  work = mkdtempSync(join(tmpdir(), 'duo-selfhosted-packed-'));
  tarball = process.env.DUO_PACKED_TARBALL;
  if (!tarball) {
    const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], {
      cwd: pkgDir,
      encoding: 'utf8',
    });
    tarball = join(work, JSON.parse(out)[0].filename);
  }
  app = join(work, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'packed-app', private: true, type: 'module' }));
  // --offline: the package has no dependencies, so installing it must not
  // need the registry.
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], {
    cwd: app,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  installed = join(app, 'node_modules', 'duo-selfhosted');
});

after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

test('the tarball installs as files, not as a link to the repository', () => {
  const pkgJson = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  assert.equal(pkgJson.name, 'duo-selfhosted');
  assert.ok(readdirSync(join(installed, 'dist')).includes('duo_selfhosted_bg.wasm'));
  assert.deepEqual(
    readFileSync(join(installed, 'dist', 'duo_selfhosted_bg.wasm')),
    readFileSync(join(pkgDir, 'dist', 'duo_selfhosted_bg.wasm')),
    'the packed .wasm is the one built in pkg/dist',
  );
});

test('the README example runs in Node from the installed tarball', () => {
  const { checks } = readmeExample();
  const report = `console.log(JSON.stringify({ ...__report, resolved: import.meta.resolve('duo-selfhosted') }));`;
  writeFileSync(join(app, 'example.mjs'), exampleModule(report));
  const out = JSON.parse(execFileSync(process.execPath, ['example.mjs'], { cwd: app, encoding: 'utf8' }));
  assert.equal(out.checks, checks);
  // Node takes the `node` condition of the installed copy's exports map.
  assert.equal(fileURLToPath(out.resolved), join(installed, 'dist', 'node.js'));
});

test('the README example runs in a Vite build and without a bundler in Chromium', async () => {
  const { checks } = readmeExample();

  // A Vite production build of an app whose only dependency is the tarball.
  const viteApp = join(app, 'vite-app');
  mkdirSync(viteApp);
  writeFileSync(join(viteApp, 'index.html'), PAGE('', '<script type="module" src="./main.js"></script>'));
  writeFileSync(join(viteApp, 'main.js'), exampleModule(BROWSER_REPORT));
  const viteOut = join(viteApp, 'dist');
  await build({
    root: viteApp,
    base: './',
    logLevel: 'warn',
    configFile: false,
    build: { outDir: viteOut, emptyOutDir: true, target: 'es2022' },
  });
  const assets = readdirSync(join(viteOut, 'assets'));
  const wasm = assets.filter((f) => f.endsWith('.wasm'));
  assert.equal(wasm.length, 1, `one .wasm asset expected, got ${assets.join(', ')}`);
  assert.deepEqual(readFileSync(join(viteOut, 'assets', wasm[0])), readFileSync(join(installed, 'dist', 'duo_selfhosted_bg.wasm')));

  // No bundler: an import map points the bare name at the file the exports
  // map gives browsers (its `default` condition).
  const entry = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')).exports['.'].default;
  const importMap = JSON.stringify({ imports: { 'duo-selfhosted': `./node_modules/duo-selfhosted/${entry.replace(/^\.\//, '')}` } });
  writeFileSync(
    join(app, 'plain.html'),
    PAGE(`<script type="importmap">${importMap}</script>\n`, `<script type="module">\n${exampleModule(BROWSER_REPORT)}</script>`),
  );

  const server = await serve({ '/plain/': app, '/vite/': viteOut });
  const browser = await launch();
  try {
    for (const path of ['/plain/plain.html', '/vite/index.html']) {
      const page = await browser.context.newPage();
      const errors = [];
      const foreign = [];
      const wasmFetched = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('request', (r) => {
        if (!r.url().startsWith(server.url)) foreign.push(r.url());
        if (r.url().endsWith('.wasm')) wasmFetched.push(new URL(r.url()).pathname);
      });
      await page.goto(`${server.url}${path}`);
      const result = page.locator('#result');
      await page.waitForFunction(() => document.getElementById('result').textContent !== 'loading', null, { timeout: 15000 });
      const text = await result.textContent();
      assert.deepEqual(JSON.parse(text.startsWith('{') ? text : JSON.stringify({ text })), { checks }, `${path}: ${text}`);
      assert.deepEqual(errors, [], `${path}: no errors in the page`);
      assert.deepEqual(foreign, [], `${path}: nothing but localhost is requested`);
      assert.equal(wasmFetched.length, 1, `${path}: the package's .wasm is fetched once: ${wasmFetched}`);
      if (path.startsWith('/plain/')) {
        assert.equal(wasmFetched[0], '/plain/node_modules/duo-selfhosted/dist/duo_selfhosted_bg.wasm');
      }
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
});

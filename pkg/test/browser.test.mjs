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
import * as duo from 'duo-selfhosted';

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
  await duo.init();
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

// The diagnostics listed next to a field (their codes).
async function codesAt(fieldId) {
  return page.locator(`ul.diagnostics[data-for="${fieldId}"] li`).evaluateAll((lis) => lis.map((li) => li.dataset.code));
}

// Wait until the field shows (or no longer shows) a diagnostic code.
async function expectCode(fieldId, code, present = true) {
  const item = page.locator(`ul.diagnostics[data-for="${fieldId}"] li[data-code="${code}"]`);
  await item.first().waitFor({ state: present ? 'visible' : 'detached', timeout: 5000 });
  assert.equal((await codesAt(fieldId)).includes(code), present, `${code} at #${fieldId}: ${await codesAt(fieldId)}`);
}

// Everything the package says about the form's document is on the page,
// once, next to the field its path points at (or under "Other findings").
async function expectPageMatchesPackage() {
  const doc = await page.evaluate(() => window.duoDemo.document());
  const expected = duo
    .validateConfig(doc)
    .diagnostics.map((d) => `${d.code}@${d.path}`)
    .sort();
  const shown = await page.locator('ul.diagnostics li').evaluateAll((lis) =>
    lis.map((li) => {
      const list = li.parentElement;
      const field = list.dataset.for ? document.getElementById(list.dataset.for) : null;
      return { key: `${li.dataset.code}@${li.dataset.path}`, slot: field ? field.dataset.path : null, path: li.dataset.path };
    }),
  );
  assert.deepEqual(shown.map((s) => s.key).sort(), expected);
  for (const s of shown) {
    // Only a finding about the whole document may land under "Other findings".
    assert.ok(s.slot !== null || s.path === '', `${s.key} has a field`);
    if (s.slot !== null) {
      assert.ok(s.path === s.slot || s.path.startsWith(`${s.slot}.`) || s.path.startsWith(`${s.slot}[`), `${s.key} shown at ${s.slot}`);
    }
  }
  await expectResultsMatchForm(doc);
}

// The results table says, for every feature, what the assignment table
// says (the choice's own words), and what the package resolves it to, with
// its `via` and its `reason`: an unassigned feature never reads as chosen.
async function expectResultsMatchForm(doc) {
  const resolved = duo.resolveFeatures(doc).features;
  const rows = await page.locator('#resolution tbody tr').evaluateAll((trs) =>
    trs.map((tr) => {
      const select = document.getElementById(`feature-${tr.dataset.feature}`);
      const cells = [...tr.cells].map((td) => td.textContent);
      return {
        feature: tr.dataset.feature,
        via: tr.dataset.via,
        chosen: select.selectedOptions[0].textContent.replace(/^\((.*)\)$/, '$1'),
        form: cells[1],
        why: cells[3],
      };
    }),
  );
  assert.deepEqual(rows.map((r) => r.feature), resolved.map((f) => f.feature));
  for (const [i, row] of rows.entries()) {
    assert.equal(row.form, row.chosen, `${row.feature}: the results and the assignment table agree`);
    assert.equal(row.via, resolved[i].via, row.feature);
    assert.ok(row.why.endsWith(resolved[i].reason), `${row.feature}: the reason is shown`);
  }
}

// The status bar: its own element, styled by its state.
async function expectStatus(state, text) {
  const status = page.locator('#status');
  await page.locator(`#status[data-state="${state}"]`).waitFor({ timeout: 5000 });
  assert.match(await status.textContent(), text);
}

async function noHorizontalOverflow() {
  const [scrollWidth, clientWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  assert.ok(scrollWidth <= clientWidth, `scrollWidth ${scrollWidth} <= clientWidth ${clientWidth}`);
}

async function typeInto(id, text) {
  await page.locator(`#${id}`).fill('');
  await page.locator(`#${id}`).pressSequentially(text);
}

test('the demo page loads the package without a bundler', async () => {
  await page.goto(`${server.url}/demo/`);
  await page.locator('#version', { hasText: version }).waitFor();
  const wasm = server.requests.filter((p) => p.endsWith('.wasm'));
  assert.deepEqual(wasm, ['/dist/duo_selfhosted_bg.wasm']);
  assert.deepEqual(consoleErrors, []);
});

test('the status is a styled element of its own; an empty form has nothing to check yet', async () => {
  // Not text inside the intro sentence: a block of its own, with its own colours.
  const status = page.locator('#status');
  assert.equal(await status.evaluate((el) => el.closest('header p') === null && getComputedStyle(el).display), 'block');
  // The form as it opens (only the version and licence have a value).
  await expectStatus('empty', /^Nothing to check yet/);
  const look = () => status.evaluate((el) => getComputedStyle(el).backgroundColor);
  const empty = await look();
  assert.notEqual(empty, 'rgba(0, 0, 0, 0)');
  // Every feature is "not assigned" in both tables, and the results say
  // why GitLab then uses its default model.
  const codeGen = page.locator('#resolution tr[data-feature="code_generations"]');
  assert.deepEqual((await codeGen.locator('td').allTextContents()).slice(1, 3), ['not assigned', "GitLab's default model"]);
  await expectPageMatchesPackage();
  // An error: the count, in the error colours.
  await typeInto('ai-gateway-timeout', '30');
  await expectStatus('invalid', /^1 error$/);
  const invalid = await look();
  // A valid form that is not empty.
  await typeInto('ai-gateway-timeout', '120');
  await expectStatus('valid', /^Valid/);
  const valid = await look();
  assert.equal(new Set([empty, invalid, valid]).size, 3, 'each state has its own colours');
  await page.locator('#ai-gateway-timeout').fill('');
  await expectStatus('empty', /^Nothing to check yet/);
  assert.deepEqual(consoleErrors, []);
});

test('the AI gateway URL: a blocked loopback URL, the suggested allowlist entry, then allowed', async () => {
  // Which check blocks it is the rules' business; the page must show that one.
  await duo.init();
  const verdict = duo.checkUrl('http://127.0.0.1:5052', { preset: 'ai-gateway' });
  assert.equal(verdict.blocked, true);
  await typeInto('ai-gateway-url', 'http://127.0.0.1:5052');
  await expectCode('ai-gateway-url', verdict.code);
  await expectPageMatchesPackage();
  await expectStatus('invalid', /^\d+ errors?\b/);
  assert.equal(await page.locator('#ai-gateway-url').getAttribute('aria-invalid'), 'true');
  const suggestion = page.locator('#allowlist-suggestion');
  assert.match(await suggestion.textContent(), /Add to the outbound allowlist: 127\.0\.0\.1:5052/);
  await suggestion.getByRole('button', { name: 'Use it' }).click();
  assert.equal(await page.locator('#allowlist').inputValue(), '127.0.0.1:5052');
  await expectCode('ai-gateway-url', verdict.code, false);
  await expectCode('ai-gateway-url', 'url.allowlisted');
  assert.equal(await page.locator('#ai-gateway-url').getAttribute('aria-invalid'), null);
  assert.match(await suggestion.textContent(), /Allowed by the allowlist entry 127\.0\.0\.1:5052/);
  // An allowlist entry GitLab accepts but can never match gets its lint.
  await page.locator('#allowlist').press('End');
  await page.locator('#allowlist').pressSequentially('\nhttps://cloud.gitlab.com:443');
  await expectCode('allowlist', 'allowlist.entry_has_scheme');
  await expectPageMatchesPackage();
  await page.locator('#allowlist').fill('127.0.0.1:5052');
  await expectCode('allowlist', 'allowlist.entry_has_scheme', false);
  await expectPageMatchesPackage();
  assert.deepEqual(consoleErrors, []);
});

test('the Agent Platform URL: no scheme, and the TLS choice', async () => {
  await typeInto('agent-platform-url', 'http://ai-gateway.internal:50052');
  await expectCode('agent-platform-url', 'agent_platform.url_has_scheme');
  await expectPageMatchesPackage();
  await page.locator('#beta').check();
  await typeInto('agent-platform-url', 'ai-gateway.internal:50052');
  await expectCode('agent-platform-url', 'agent_platform.url_has_scheme', false);
  await expectPageMatchesPackage();
  await page.locator('#agent-platform-tls').selectOption('false');
  await page.locator('#feature-duo_agent_platform').selectOption('vendored');
  await expectPageMatchesPackage();
  await page.locator('#feature-duo_agent_platform').selectOption('unassigned');
  await expectPageMatchesPackage();
  assert.deepEqual(consoleErrors, []);
});

test('adding a Bedrock model: family typo, the suggested cross-region identifier', async () => {
  await typeInto('model-name', 'Claude on Bedrock');
  await typeInto('model-family', 'claude3');
  await expectCode('model-family', 'model.family_unknown');
  await expectPageMatchesPackage();
  assert.match(await page.locator('ul.diagnostics[data-for="model-family"]').textContent(), /did you mean "claude_3"\?/);
  await typeInto('model-family', 'claude_3');
  await expectCode('model-family', 'model.family_unknown', false);

  await page.locator('#model-deployment').selectOption('bedrock');
  assert.equal(await page.locator('#region-row').isVisible(), true);
  await typeInto('model-region', 'ap-northeast-1');
  await typeInto('model-identifier', 'bedrock/anthropic.claude-3-5-sonnet-20241022-v2:0');
  await expectCode('model-identifier', 'bedrock.prefix_recommended');
  await expectPageMatchesPackage();
  const suggestion = page.locator('#identifier-suggestion');
  assert.match(await suggestion.textContent(), /bedrock\/apac\.anthropic\.claude-3-5-sonnet-20241022-v2:0/);
  await suggestion.getByRole('button', { name: 'Use it' }).click();
  assert.equal(await page.locator('#model-identifier').inputValue(), 'bedrock/apac.anthropic.claude-3-5-sonnet-20241022-v2:0');
  await expectCode('model-identifier', 'bedrock.prefix_recommended', false);
  await expectPageMatchesPackage();
  assert.equal(await suggestion.isHidden(), true);
  // A region Bedrock does not know gets the nearest names.
  await typeInto('model-region', 'ap-northeast-9');
  await page.locator('ul.diagnostics[data-for="model-region"] li').first().waitFor();
  await typeInto('model-region', 'ap-northeast-1');
  assert.deepEqual(await codesAt('model-region'), []);
  // AWS_REGION alone: the note about AWS_REGION_NAME sits at its own field,
  // not under "Other findings".
  await expectCode('model-region-name', 'region.name_variable_missing');
  assert.equal(await page.locator('#general-diagnostics li').count(), 0);
  await expectPageMatchesPackage();
  await typeInto('model-region-name', 'eu-west-2');
  await expectCode('model-region-name', 'region.variables_differ');
  await expectPageMatchesPackage();
  await typeInto('model-region-name', 'ap-northeast-1');
  await expectCode('model-region-name', 'region.variables_differ', false);
  assert.deepEqual(await codesAt('model-region-name'), []);
  await expectPageMatchesPackage();
  assert.deepEqual(consoleErrors, []);
});

test('feature assignments: Chat sub-features fall back to General Chat', async () => {
  await page.locator('#feature-duo_chat').selectOption('self_hosted');
  const explain = page.locator('#resolution tr[data-feature="duo_chat_explain_code"]');
  // GitLab 19.6 (the form's default), online licence: a sub-feature with
  // no setting of its own gets GitLab's default model, not General Chat's.
  await page.locator('#resolution tr[data-feature="duo_chat_explain_code"][data-via="instance_model_selection"]').waitFor();
  assert.equal(await explain.locator('td').nth(2).textContent(), "GitLab's default model");
  assert.equal(await explain.getAttribute('class'), 'instance-default');
  assert.match(await explain.locator('.reason').textContent(), /from GitLab 19\.4 an online licence uses the instance model selection/);
  await expectResultsMatchForm(await page.evaluate(() => window.duoDemo.document()));
  // 19.3: the fallback to General Chat.
  await page.locator('#gitlab-version').fill('19.3');
  await page.locator('#resolution tr[data-feature="duo_chat_explain_code"][data-via="general_chat_fallback"]').waitFor();
  assert.equal(await explain.getAttribute('class'), 'fallback');
  const [title, form, uses, why, on] = await explain.locator('td').allTextContents();
  assert.deepEqual([title, form, uses, on], ['Code Explanation', 'not assigned', 'Claude on Bedrock (claude_3)', 'on']);
  assert.match(why, /^General Chat fallback/);
  await expectResultsMatchForm(await page.evaluate(() => window.duoDemo.document()));
  // A sub-feature turned off is its own setting and off.
  await page.locator('#feature-duo_chat_fix_code').selectOption('disabled');
  const fix = page.locator('#resolution tr[data-feature="duo_chat_fix_code"]');
  await page.locator('#resolution tr[data-feature="duo_chat_fix_code"][data-provider="disabled"]').waitFor();
  assert.match(await fix.locator('td').nth(3).textContent(), /^own setting/);
  assert.equal(await fix.locator('td').last().textContent(), 'off');
  assert.deepEqual((await fix.locator('td').allTextContents()).slice(1, 3), ['disabled', 'nothing (disabled)']);
  // General Chat without a model: the sub-feature has no model to fall back to.
  await page.locator('#feature-duo_chat').selectOption('unassigned');
  await explain.locator('td', { hasText: 'Claude on Bedrock' }).waitFor({ state: 'detached' });
  await expectResultsMatchForm(await page.evaluate(() => window.duoDemo.document()));
  await page.locator('#feature-duo_chat').selectOption('self_hosted');
  await explain.locator('td', { hasText: 'Claude on Bedrock' }).waitFor();
  await expectPageMatchesPackage();
  // The assignment table follows the version's titles, not only its keys.
  const agents = page.locator('#assignments tr', { has: page.locator('#feature-duo_agent_platform') });
  await page.locator('#gitlab-version').fill('18.11');
  await agents.locator('td', { hasText: 'All agents, except Agentic Chat' }).waitFor();
  await page.locator('#gitlab-version').fill('19.0');
  await agents.locator('td', { hasText: 'Agents & flows' }).waitFor();
  await page.locator('#gitlab-version').fill('19.6');
  await expectPageMatchesPackage();
  // From the top, where the sticky status bar belongs.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${outDir}/demo-1280.png`, fullPage: true });
  assert.deepEqual(consoleErrors, []);
});

test('at 420 px wide: no horizontal overflow, and every "Use it" button on screen', async () => {
  await page.setViewportSize({ width: 420, height: 900 });
  try {
    // Both suggestions with their buttons: a new allowlist entry, and the
    // cross-region identifier (long, unbreakable values).
    await typeInto('ai-gateway-url', 'http://127.0.0.2:5052');
    await typeInto('model-identifier', 'bedrock/anthropic.claude-3-5-sonnet-20241022-v2:0');
    await expectCode('model-identifier', 'bedrock.prefix_recommended');
    await noHorizontalOverflow();
    for (const id of ['allowlist-suggestion', 'identifier-suggestion']) {
      const button = page.locator(`#${id}`).getByRole('button', { name: 'Use it' });
      await button.scrollIntoViewIfNeeded();
      assert.equal(await button.isVisible(), true, id);
      const box = await button.boundingBox();
      assert.ok(box !== null && box.x >= 0 && box.x + box.width <= 420, `${id}: "Use it" at x=${box?.x} width=${box?.width}`);
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${outDir}/demo-420.png`, fullPage: true });
    await page.locator('#allowlist-suggestion').getByRole('button', { name: 'Use it' }).click();
    await expectCode('ai-gateway-url', 'url.allowlisted');
    await page.locator('#identifier-suggestion').getByRole('button', { name: 'Use it' }).click();
    await expectCode('model-identifier', 'bedrock.prefix_recommended', false);
    await noHorizontalOverflow();
    await expectPageMatchesPackage();
  } finally {
    await page.setViewportSize({ width: 1280, height: 1000 });
  }
  assert.deepEqual(consoleErrors, []);
});

test('a Vite-built app runs the package', async () => {
  await page.goto(`${server.url}/vite/`);
  await page.locator('#result', { hasText: 'version' }).waitFor();
  assert.deepEqual(JSON.parse(await page.locator('#result').textContent()), { version });
  assert.deepEqual(consoleErrors, []);
});

test('duo-selfhosted/url: ASCII input from the small module alone, a non-ASCII host from the full module, exact', async () => {
  await duo.init();
  await page.goto(`${server.url}/test/url-page/`);
  const wasmRequests = () => server.requests.filter((p) => p.endsWith('.wasm'));
  const before = wasmRequests().length;
  const ascii = await page.evaluate(async () => {
    const url = await import('/dist/url.js');
    return { classify: await url.classify('http://10.0.0.1:5052/'), check: await url.checkUrl('http://127.0.0.1:5052', { preset: 'ai-gateway' }) };
  });
  assert.deepEqual(ascii.classify, duo.classify('http://10.0.0.1:5052/'));
  assert.deepEqual(ascii.check, duo.checkUrl('http://127.0.0.1:5052', { preset: 'ai-gateway' }));
  assert.deepEqual(wasmRequests().slice(before), ['/dist/duo_selfhosted_url_bg.wasm'], 'only the small module for ASCII input');
  const host = 'http://Bücher.example:5052/v1';
  const unicode = await page.evaluate(async (input) => {
    const url = await import('/dist/url.js');
    return { classify: await url.classify(input), check: await url.checkUrl(input, { preset: 'ai-gateway' }) };
  }, host);
  assert.deepEqual(unicode.classify, duo.classify(host));
  assert.equal(unicode.classify.canonical_host, 'xn--bcher-kva.example');
  assert.deepEqual(unicode.check, duo.checkUrl(host, { preset: 'ai-gateway' }));
  assert.deepEqual(wasmRequests().slice(before), ['/dist/duo_selfhosted_url_bg.wasm', '/dist/duo_selfhosted_bg.wasm'], 'the full module once, on demand');
  assert.deepEqual(consoleErrors, []);
});

// configSchema as a Standard Schema v1 validator: what form libraries
// (TanStack Form, react-hook-form's standard-schema resolver, …) call.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, test } from 'node:test';
import * as duo from 'duo-selfhosted';

const example = JSON.parse(readFileSync(new URL('../../examples/duo-selfhosted.json', import.meta.url), 'utf8'));

// What a generic consumer does: the result may be a value or a promise.
async function standardValidate(schema, value) {
  assert.equal(schema['~standard'].version, 1);
  assert.equal(typeof schema['~standard'].vendor, 'string');
  return await schema['~standard'].validate(value);
}

before(() => duo.init());

test('the bundled example is valid and comes back as the value', async () => {
  const result = await standardValidate(duo.configSchema, example);
  assert.equal(result.issues, undefined);
  assert.equal(result.value, example);
  // It has warnings or advice, which do not fail validation.
  assert.ok(duo.validateConfig(example).diagnostics.length > 0);
});

test('every error is an issue with its message and path, in diagnostic order', async () => {
  const broken = structuredClone(example);
  broken.offering_type = 'self_managed';
  broken.self_hosted_models[1].family = 'codestrall';
  broken.features.duo_chat = { provider: 'self_hosted', model: 'no such deployment' };
  const result = await standardValidate(duo.configSchema, broken);
  const errors = duo.validateConfig(broken).diagnostics.filter((d) => d.severity === 'error');
  assert.ok(errors.length >= 3);
  assert.equal(result.issues.length, errors.length);
  result.issues.forEach((issue, i) => {
    assert.equal(issue.message, errors[i].message);
    assert.equal(issue.code, errors[i].code);
  });
  const paths = result.issues.map((i) => JSON.stringify(i.path));
  assert.ok(paths.includes('["offering_type"]'), paths.join(' '));
  assert.ok(paths.includes('["self_hosted_models",1,"family"]'), paths.join(' '));
  assert.ok(paths.some((p) => p.startsWith('["features","duo_chat"')), paths.join(' '));
});

test('a JSON Pointer with escapes becomes path keys', async () => {
  const doc = structuredClone(example);
  doc.features['a/b~c'] = { provider: 'disabled' };
  const result = await standardValidate(duo.configSchema, doc);
  const issue = result.issues.find((i) => i.path?.[1] === 'a/b~c');
  assert.ok(issue, JSON.stringify(result.issues));
  assert.deepEqual(issue.path.slice(0, 2), ['features', 'a/b~c']);
});

test('values that are not configuration documents are issues, never exceptions', async () => {
  for (const value of [undefined, null, 42, 'gitlab_version = "18.9"', [], () => 1, 10n]) {
    const result = await standardValidate(duo.configSchema, value);
    assert.ok(Array.isArray(result.issues) && result.issues.length > 0, String(value));
  }
  const whole = await standardValidate(duo.configSchema, []);
  assert.equal(whole.issues[0].path, undefined, 'a problem with the whole document has no path');
});

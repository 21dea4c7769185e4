// The README's typed form ("Typed forms with Standard Schema"): the code the
// README shows is test/form-example.ts between its markers (which tsc
// checks, test/tsconfig.json), and it runs: TypeScript's own transpiler
// strips the types, and TanStack Form's FormApi validates with configSchema.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import * as duo from 'duo-selfhosted';

const pkgDir = fileURLToPath(new URL('..', import.meta.url));
const source = readFileSync(`${pkgDir}test/form-example.ts`, 'utf8');

test('the README shows the compiled example, line for line', () => {
  const shown = /\/\/ README: begin\n([^]*?)\/\/ README: end\n/.exec(source)?.[1];
  assert.ok(shown, 'form-example.ts has its markers');
  const readme = readFileSync(`${pkgDir}README.md`, 'utf8');
  assert.ok(readme.includes(`\`\`\`ts\n${shown}\`\`\`\n`), 'pkg/README.md shows form-example.ts between its markers');
});

test('the example runs: each error lands on the field its path names, as the comments say', async () => {
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
  });
  // Inside the package, so that its bare imports resolve as in an app.
  mkdirSync(`${pkgDir}test-output`, { recursive: true });
  const compiled = `${pkgDir}test-output/form-example.mjs`;
  writeFileSync(compiled, outputText);
  const { errors, form } = await import(pathToFileURL(compiled).href);

  assert.equal(errors[0].code, 'url.localhost');
  assert.equal(errors[0].message, 'GitLab blocks this URL: requests to localhost are not allowed');
  assert.deepEqual(errors[0].path, ['ai_gateway', 'url']);
  // The line the types refuse still ran: the rules refuse it too.
  const family = form.getFieldMeta('self_hosted_models[0].family').errors.map((e) => e.code);
  assert.ok(family.includes('model.family_unknown'), String(family));
  // Every error-severity diagnostic of the form's document is on its field.
  const expected = duo
    .validateConfig(form.state.values)
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => `${d.code}@${d.path}`)
    .sort();
  const shown = Object.entries(form.state.errorMap.onChange ?? {})
    .flatMap(([field, issues]) => issues.map((i) => `${i.code}@${field}`))
    .sort();
  assert.deepEqual(shown, expected);
  assert.equal(form.state.canSubmit, false);
});

// The size budgets: what a browser downloads for each entry point (the .wasm,
// the wasm-bindgen glue and the wrappers), gzipped at level 9 (Node's zlib).
//   duo-selfhosted      all nine functions, exact: at most 185,000 bytes
//   duo-selfhosted/url  the URL functions, first load for input without IDNA
//                       (the full module comes only for input that needs
//                       it): at most 100,000 bytes
// Prints the sizes; exits 1 above a budget.
//
// Usage: node scripts/size.mjs  (after scripts/build.mjs)
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const ENTRIES = {
  'duo-selfhosted': {
    files: ['duo_selfhosted_bg.wasm', 'duo_selfhosted.js', 'index.js', 'api.js'],
    budget: 185_000,
  },
  'duo-selfhosted/url': {
    files: ['duo_selfhosted_url_bg.wasm', 'duo_selfhosted_url.js', 'url.js', 'url-api.js', 'api.js'],
    budget: 100_000,
  },
  // The planner (configuration as code), for portals that plan: loaded only
  // by them, with the rules it runs before planning. Measured, no budget.
  'duo-selfhosted/plan': {
    files: ['duo_selfhosted_plan_bg.wasm', 'duo_selfhosted_plan.js', 'plan.js', 'api.js'],
    budget: null,
  },
};
export const BUDGET = ENTRIES['duo-selfhosted'].budget;
export const SHIPPED = ENTRIES['duo-selfhosted'].files;

export function measure(dist, entry = 'duo-selfhosted') {
  const files = ENTRIES[entry].files.map((name) => {
    const bytes = readFileSync(join(dist, name));
    return { name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const total = files.reduce((sum, f) => sum + f.gzip, 0);
  return { files, total };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = join(dirname(dirname(fileURLToPath(import.meta.url))), 'dist');
  let failed = false;
  for (const [entry, { budget }] of Object.entries(ENTRIES)) {
    const { files, total } = measure(dist, entry);
    console.log(entry);
    for (const f of files) {
      console.log(`  ${f.name.padEnd(28)} ${String(f.raw).padStart(8)} B raw ${String(f.gzip).padStart(8)} B gzipped`);
    }
    if (budget === null) {
      console.log(`  total gzipped: ${total} B (${(total / 1000).toFixed(1)} KB), no budget`);
      continue;
    }
    const verdict = total <= budget ? 'within' : 'OVER';
    console.log(`  total gzipped: ${total} B (${(total / 1000).toFixed(1)} KB), ${verdict} the budget of ${budget} B`);
    if (total > budget) failed = true;
  }
  if (failed) process.exit(1);
}

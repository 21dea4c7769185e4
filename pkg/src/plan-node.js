// The `node` export of duo-selfhosted/plan: the same API, but init() without
// an argument reads the module from disk (Node's fetch cannot load file:
// URLs).
import { readFile } from 'node:fs/promises';
import { init as initFrom } from './plan.js';

export * from './plan.js';

/** Load the planner's module; without an argument, from the package's own file. */
export async function init(input) {
  return initFrom(input ?? (await readFile(new URL('./duo_selfhosted_plan_bg.wasm', import.meta.url))));
}

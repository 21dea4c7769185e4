// duo-selfhosted/plan: configuration as code in the browser and Node. One
// function, planChanges(config, live): the GraphQL mutations that make a
// GitLab's live set-up (the answers of its duoSettings, aiSelfHostedModels
// and aiFeatureSettings queries, fetched by the caller with its own
// credentials) what the document describes; the same JSON as
// `duo-selfhosted plan --live STATE DOCUMENT --format json`. Its own
// WebAssembly module (duo_selfhosted_plan_bg.wasm), so that forms that only
// check a document do not load the planner. No rule lives here.
import wbgInit, * as wasm from './duo_selfhosted_plan.js';
import { callJson, documentText, moduleLoader } from './api.js';

const loader = moduleLoader('duo-selfhosted/plan', 'duo_selfhosted_plan_bg.wasm', wbgInit, wasm.initSync);
const ensureReady = loader.ensureReady;

/**
 * Load the planner's WebAssembly module. Without an argument it fetches
 * `duo_selfhosted_plan_bg.wasm` next to this file (in Node, the `node`
 * export reads it from disk). Accepts a URL, a Response, bytes or a
 * WebAssembly.Module. Calling it again does nothing.
 */
export async function init(input) {
  return loader.init(input);
}

/** Load the planner's module synchronously from its bytes (or a compiled WebAssembly.Module). */
export function initSync(bytes) {
  loader.initSync(bytes);
}

/** The version of the crate the module was built from. */
export function version() {
  ensureReady('version');
  return wasm.crate_version();
}

/**
 * What would change: the GraphQL mutations (document, variables with API keys
 * masked, summary) that make the live set-up what the document describes;
 * `planned: false` with the diagnostics saying why when there is no plan.
 */
export function planChanges(config, live) {
  ensureReady('planChanges');
  return callJson(
    'planChanges',
    wasm.plan_changes_json,
    documentText('planChanges', 'config', config),
    documentText('planChanges', 'live', live),
  );
}

// duo-selfhosted: GitLab Duo Self-Hosted configuration rules, compiled from
// the Rust crate to WebAssembly. This wrapper only translates: it checks
// argument types (a wrong type is a programming error and throws a
// TypeError), turns objects into the JSON text the CLI would read, and
// parses the JSON text the crate returns, the same bytes the CLI prints with
// `--format json`. No rule lives here.
import wbgInit, * as wasm from './duo_selfhosted.js';
import { callJson, checkUrlArgs, describe, documentText, expectHostAndPort, expectString, moduleLoader, optionalString, optionsObject } from './api.js';

const loader = moduleLoader('duo-selfhosted', 'duo_selfhosted_bg.wasm', wbgInit, wasm.initSync);
const ensureReady = loader.ensureReady;

/**
 * Load the WebAssembly module. Without an argument it fetches the package's
 * own `duo_selfhosted_bg.wasm` next to this file (in Node, the `node` export
 * reads it from disk). Accepts a URL, a Response, bytes or a
 * WebAssembly.Module. Calling it again does nothing.
 */
export async function init(input) {
  return loader.init(input);
}

/** Load the WebAssembly module synchronously from its bytes (or a compiled WebAssembly.Module). */
export function initSync(bytes) {
  loader.initSync(bytes);
}

/** The version of the crate the package was built from. */
export function version() {
  ensureReady('version');
  return wasm.crate_version();
}

function call(fn, raw, ...args) {
  ensureReady(fn);
  return callJson(fn, raw, ...args);
}

/** The address class of a host, IP or URL (`duo-selfhosted classify`). */
export function classify(input) {
  expectString('classify', 'input', input);
  return call('classify', wasm.classify_json, input);
}

/** What GitLab's URL blocker does with a URL (`duo-selfhosted url`). */
export function checkUrl(url, options) {
  return call('checkUrl', wasm.check_url_json, ...checkUrlArgs(url, options));
}

/** The outbound allowlist as GitLab reads it, with lints (`duo-selfhosted allowlist parse`). */
export function parseAllowlist(text) {
  expectString('parseAllowlist', 'text', text);
  return call('parseAllowlist', wasm.parse_allowlist_json, text);
}

/** Whether the allowlist lets a host (and port) through (`duo-selfhosted allowlist match`). */
export function matchAllowlist(text, host, port) {
  expectString('matchAllowlist', 'text', text);
  expectHostAndPort('matchAllowlist', host, port);
  return call('matchAllowlist', wasm.match_allowlist_json, text, host, port);
}

/**
 * An allowlist parsed and indexed once: `match(host, port?)` gives what
 * `matchAllowlist(text, host, port)` gives, without parsing the text again.
 * `free()` releases its memory at once (otherwise the garbage collector does).
 */
class CompiledAllowlist {
  #inner;

  constructor(inner) {
    this.#inner = inner;
  }

  match(host, port) {
    expectHostAndPort('CompiledAllowlist.match', host, port);
    const inner = this.#inner;
    if (inner === undefined) {
      throw new Error('duo-selfhosted: CompiledAllowlist.match() was called after free()');
    }
    return call('CompiledAllowlist.match', (h, p) => inner.match_json(h, p), host, port);
  }

  free() {
    this.#inner?.free();
    this.#inner = undefined;
  }
}
if (typeof Symbol.dispose === 'symbol') {
  CompiledAllowlist.prototype[Symbol.dispose] = CompiledAllowlist.prototype.free;
}

/** Parse and index an allowlist once, to match many hosts against it. */
export function compileAllowlist(text) {
  expectString('compileAllowlist', 'text', text);
  ensureReady('compileAllowlist');
  return new CompiledAllowlist(new wasm.CompiledAllowlist(text));
}

/** A model identifier read as the AI gateway reads it (`duo-selfhosted identifier`). */
export function parseIdentifier(identifier, method) {
  expectString('parseIdentifier', 'identifier', identifier);
  optionalString('parseIdentifier', 'method', method);
  return call('parseIdentifier', wasm.parse_identifier_json, identifier, method);
}

/** The `bedrock/…` identifier for a model called from an AWS region (`duo-selfhosted bedrock`). */
export function bedrockIdentifier(request) {
  if (request === null || typeof request !== 'object' || Array.isArray(request)) {
    throw new TypeError(`duo-selfhosted: bedrockIdentifier(): expects { region, model, prefer? }, got ${describe(request)}`);
  }
  expectString('bedrockIdentifier', 'region', request.region);
  expectString('bedrockIdentifier', 'model', request.model);
  optionalString('bedrockIdentifier', 'prefer', request.prefer);
  return call('bedrockIdentifier', wasm.bedrock_identifier_json, request.region, request.model, request.prefer);
}

/** One self-hosted model record checked (`duo-selfhosted model`); an object or its JSON text. */
export function checkModel(record) {
  return call('checkModel', wasm.check_model_json, documentText('checkModel', 'record', record));
}

/** A whole configuration document checked (`duo-selfhosted check --format json`); an object or its JSON text. */
export function validateConfig(config) {
  return call('validateConfig', wasm.validate_config_json, documentText('validateConfig', 'config', config));
}

/**
 * What every feature will actually use (`duo-selfhosted resolve --format json`).
 * A document that cannot be read at all (where the CLI stops with a usage
 * error) gives no features and the diagnostics saying why.
 */
export function resolveFeatures(config) {
  return call('resolveFeatures', wasm.resolve_features_json, documentText('resolveFeatures', 'config', config));
}

/**
 * The settings lines for the installation type (`duo-selfhosted snippet
 * --format json`): the document's `installation`, or `options.installation`
 * when given. A document that cannot be read at all gives `{valid: false,
 * diagnostics}` saying why.
 */
export function snippet(config, options) {
  const text = documentText('snippet', 'config', config);
  const { installation } = optionsObject('snippet', options);
  optionalString('snippet', 'options.installation', installation);
  return call('snippet', wasm.snippet_json, text, installation);
}

// Standard Schema v1 (https://standardschema.dev): the configuration
// document's validator for form libraries. Error-severity diagnostics become
// issues; warnings and advice do not fail validation.
function pointerPath(pointer) {
  if (pointer === '') return undefined;
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s));
}

/** The configuration document as a Standard Schema v1 validator. */
export const configSchema = Object.freeze({
  '~standard': Object.freeze({
    version: 1,
    vendor: 'duo-selfhosted',
    validate(value) {
      let text;
      try {
        text = JSON.stringify(value === undefined ? null : value);
      } catch {
        text = undefined;
      }
      if (text === undefined) {
        return { issues: [{ message: `the configuration must be JSON data, got ${describe(value)}` }] };
      }
      const report = validateConfig(text);
      const issues = report.diagnostics
        .filter((d) => d.severity === 'error')
        .map((d) => {
          const path = pointerPath(d.pointer);
          return path === undefined ? { message: d.message, code: d.code } : { message: d.message, path, code: d.code };
        });
      return issues.length === 0 ? { value } : { issues };
    },
  }),
});

// duo-selfhosted: GitLab Duo Self-Hosted configuration rules, compiled from
// the Rust crate to WebAssembly. This wrapper only translates: it checks
// argument types (a wrong type is a programming error and throws a
// TypeError), turns objects into the JSON text the CLI would read, and
// parses the JSON text the crate returns, the same bytes the CLI prints with
// `--format json`. No rule lives here.
import wbgInit, * as wasm from './duo_selfhosted.js';

let ready = false;

/**
 * Load the WebAssembly module. Without an argument it fetches the package's
 * own `duo_selfhosted_bg.wasm` next to this file (in Node, the `node` export
 * reads it from disk). Accepts a URL, a Response, bytes or a
 * WebAssembly.Module. Calling it again does nothing.
 */
export async function init(input) {
  if (ready) return;
  await wbgInit(input === undefined ? undefined : { module_or_path: input });
  ready = true;
}

/** Load the WebAssembly module synchronously from its bytes (or a compiled WebAssembly.Module). */
export function initSync(bytes) {
  if (ready) return;
  if (!(bytes instanceof ArrayBuffer || ArrayBuffer.isView(bytes) || bytes instanceof WebAssembly.Module)) {
    throw new TypeError(
      `duo-selfhosted: initSync(bytes) expects the bytes of duo_selfhosted_bg.wasm (ArrayBuffer, Uint8Array or WebAssembly.Module), got ${describe(bytes)}`,
    );
  }
  wasm.initSync({ module: bytes });
  ready = true;
}

function describe(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function ensureReady(fn) {
  if (!ready) {
    throw new Error(`duo-selfhosted: ${fn}() was called before init() or initSync(bytes) finished`);
  }
}

/** The version of the crate the package was built from. */
export function version() {
  ensureReady('version');
  return wasm.crate_version();
}

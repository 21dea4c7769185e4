// The argument checks, the module loader and the JSON call shared by the
// package's entry points (`duo-selfhosted`, `duo-selfhosted/url` and
// `duo-selfhosted/plan`). Only translation lives here:
// a wrong argument type is a programming error and throws a TypeError; the
// crate answers with the JSON text the CLI prints, which is parsed.

export function describe(value) {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

export function expectString(fn, name, value) {
  if (typeof value !== 'string') {
    throw new TypeError(`duo-selfhosted: ${fn}(): ${name} must be a string, got ${describe(value)}`);
  }
}

export function optionalString(fn, name, value) {
  if (value !== undefined) expectString(fn, name, value);
  return value;
}

// Objects are sent as the JSON text the CLI would read from a file; a string
// is taken to be that text already (so malformed JSON gets its diagnostic).
export function documentText(fn, name, value) {
  if (typeof value === 'string') return value;
  if (value === null || typeof value !== 'object') {
    throw new TypeError(`duo-selfhosted: ${fn}(): ${name} must be an object or JSON text, got ${describe(value)}`);
  }
  return JSON.stringify(value);
}

export function optionsObject(fn, value) {
  if (value === undefined) return {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new TypeError(`duo-selfhosted: ${fn}(): options must be an object, got ${describe(value)}`);
  }
  return value;
}

export function expectHostAndPort(fn, host, port) {
  expectString(fn, 'host', host);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65535)) {
    throw new TypeError(`duo-selfhosted: ${fn}(): port must be an integer from 0 to 65535, got ${describe(port)} ${String(port)}`);
  }
}

/** checkUrl's arguments as the binding takes them: url, preset, policy text, version. */
export function checkUrlArgs(url, options) {
  expectString('checkUrl', 'url', url);
  const { preset, policy, gitlabVersion } = optionsObject('checkUrl', options);
  optionalString('checkUrl', 'options.preset', preset);
  optionalString('checkUrl', 'options.gitlabVersion', gitlabVersion);
  const policyText = policy === undefined ? undefined : documentText('checkUrl', 'options.policy', policy);
  return [url, preset, policyText, gitlabVersion];
}

// The crate answers with JSON text, or throws the text of a usage error
// (what the CLI reports with exit code 2), which is a programming error
// here. Anything else (a trap) is rethrown untouched: it is a bug, not a
// wrong argument.
export function callJson(fn, raw, ...args) {
  let text;
  try {
    text = raw(...args);
  } catch (e) {
    if (typeof e === 'string') throw new TypeError(`duo-selfhosted: ${fn}(): ${e}`);
    throw e;
  }
  return JSON.parse(text);
}

/**
 * An entry point's init(), initSync() and the guard its functions call:
 * `entry` names it in errors, `file` is its .wasm, `wbgInit` and
 * `wbgInitSync` are its wasm-bindgen glue's loaders. Loading twice does
 * nothing.
 */
export function moduleLoader(entry, file, wbgInit, wbgInitSync) {
  let ready = false;
  return {
    async init(input) {
      if (ready) return;
      await wbgInit(input === undefined ? undefined : { module_or_path: input });
      ready = true;
    },
    initSync(bytes) {
      if (ready) return;
      if (!(bytes instanceof ArrayBuffer || ArrayBuffer.isView(bytes) || bytes instanceof WebAssembly.Module)) {
        throw new TypeError(
          `${entry}: initSync(bytes) expects the bytes of ${file} (ArrayBuffer, Uint8Array or WebAssembly.Module), got ${describe(bytes)}`,
        );
      }
      wbgInitSync({ module: bytes });
      ready = true;
    },
    ensureReady(fn) {
      if (!ready) {
        throw new Error(`${entry}: ${fn}() was called before init() or initSync(bytes) finished`);
      }
    },
  };
}

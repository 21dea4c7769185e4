// duo-selfhosted/url: the package's URL functions (classify, checkUrl,
// parseAllowlist, matchAllowlist, compileAllowlist) for forms that only ask
// about a URL, from a WebAssembly module about half the size of the whole
// package's: the same crate built with only these bindings and without
// IDNA's Unicode tables.
//
// Every function returns a Promise. Input that does not need IDNA is
// answered by the small module, loaded on the first call. Input that may
// (a non-ASCII character, a `%` that may decode to one, an `xn--` label, or
// in a policy a `\u` escape) is answered by the package's full module,
// loaded the first time such input comes, so that it gets exactly the
// answer of `duo-selfhosted` and the CLI. test/url.test.mjs holds the two
// modules to the same answers.
import liteInit, * as lite from './duo_selfhosted_url.js';
import { callJson, checkUrlArgs, expectHostAndPort, expectString } from './api.js';

const IDNA = /[^\x00-\x7f]|%|xn--/i;
const POLICY_IDNA = /[^\x00-\x7f]|%|xn--|\\u/i;

/** Whether the small module may answer `text` differently (it has no IDNA tables). */
export function needsIdna(text) {
  return IDNA.test(text);
}

/**
 * The URL entry point's functions, loading the small module from
 * `sources.url()` and the full one from `sources.idna()` (each `undefined`
 * for the file next to its glue, else a URL, Response, bytes or Module).
 */
export function urlApi(sources) {
  let liteLoading;
  let fullLoading;

  function loadLite(input) {
    liteLoading ??= (async () => {
      const source = input ?? (await sources.url());
      await liteInit(source === undefined ? undefined : { module_or_path: source });
      return lite;
    })();
    return liteLoading;
  }

  function loadFull(input) {
    fullLoading ??= (async () => {
      const full = await import('./duo_selfhosted.js');
      const source = input ?? (await sources.idna());
      await full.default(source === undefined ? undefined : { module_or_path: source });
      return full;
    })();
    return fullLoading;
  }

  // The module for these arguments: the full one where IDNA may matter.
  function moduleFor(texts, policy) {
    const idna = texts.some((t) => IDNA.test(t)) || (policy !== undefined && POLICY_IDNA.test(policy));
    return idna ? loadFull() : loadLite();
  }

  /**
   * An allowlist parsed and indexed once. `match(host, port?)` resolves to
   * what `matchAllowlist(text, host, port)` does; a host that needs IDNA is
   * matched by the full module (which indexes the list again, once).
   */
  class CompiledAllowlist {
    #text;
    #small;
    #full;
    #freed = false;

    constructor(text, small, full) {
      this.#text = text;
      this.#small = small;
      this.#full = full;
    }

    async match(host, port) {
      expectHostAndPort('CompiledAllowlist.match', host, port);
      if (this.#freed) {
        throw new Error('duo-selfhosted: CompiledAllowlist.match() was called after free()');
      }
      let inner = this.#small;
      if (inner === undefined || IDNA.test(host)) {
        this.#full ??= new (await loadFull()).CompiledAllowlist(this.#text);
        inner = this.#full;
      }
      return callJson('CompiledAllowlist.match', (h, p) => inner.match_json(h, p), host, port);
    }

    free() {
      this.#small?.free();
      this.#full?.free();
      this.#small = undefined;
      this.#full = undefined;
      this.#freed = true;
    }
  }
  if (typeof Symbol.dispose === 'symbol') {
    CompiledAllowlist.prototype[Symbol.dispose] = CompiledAllowlist.prototype.free;
  }

  return {
    /** Load the small module now (otherwise the first call does). */
    async init(input) {
      await loadLite(input);
    },
    /** Load the full module, which answers input that needs IDNA, now (otherwise the first such input does). */
    async initIdna(input) {
      await loadFull(input);
    },
    /** The version of the crate the package was built from. */
    async version() {
      return (await loadLite()).crate_version();
    },
    /** The address class of a host, IP or URL (`duo-selfhosted classify`). */
    async classify(input) {
      expectString('classify', 'input', input);
      const m = await moduleFor([input]);
      return callJson('classify', m.classify_json, input);
    },
    /** What GitLab's URL blocker does with a URL (`duo-selfhosted url`). */
    async checkUrl(url, options) {
      const args = checkUrlArgs(url, options);
      const m = await moduleFor([args[0]], args[2]);
      return callJson('checkUrl', m.check_url_json, ...args);
    },
    /** The outbound allowlist as GitLab reads it, with lints (`duo-selfhosted allowlist parse`). */
    async parseAllowlist(text) {
      expectString('parseAllowlist', 'text', text);
      const m = await moduleFor([text]);
      return callJson('parseAllowlist', m.parse_allowlist_json, text);
    },
    /** Whether the allowlist lets a host (and port) through (`duo-selfhosted allowlist match`). */
    async matchAllowlist(text, host, port) {
      expectString('matchAllowlist', 'text', text);
      expectHostAndPort('matchAllowlist', host, port);
      const m = await moduleFor([text, host]);
      return callJson('matchAllowlist', m.match_allowlist_json, text, host, port);
    },
    /** Parse and index an allowlist once, to match many hosts against it. */
    async compileAllowlist(text) {
      expectString('compileAllowlist', 'text', text);
      const m = await moduleFor([text]);
      const inner = new m.CompiledAllowlist(text);
      return m === lite ? new CompiledAllowlist(text, inner, undefined) : new CompiledAllowlist(text, undefined, inner);
    },
  };
}

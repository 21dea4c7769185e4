// Type declarations of duo-selfhosted (hand-written; checked by
// `tsc -p test/tsconfig.json` against test/types.test.ts).

/** What `init()` accepts: where or what the package's .wasm is. */
export type InitInput =
  | string
  | URL
  | Request
  | Response
  | BufferSource
  | WebAssembly.Module
  | Promise<Response | BufferSource | WebAssembly.Module>;

/**
 * Load the WebAssembly module. Without an argument it loads the package's
 * own `duo_selfhosted_bg.wasm` (fetched next to the module in browsers and
 * bundlers, read from disk in Node). Calling it again does nothing.
 */
export function init(input?: InitInput): Promise<void>;

/** Load the WebAssembly module synchronously from its bytes or a compiled module. */
export function initSync(bytes: BufferSource | WebAssembly.Module): void;

/** The version of the crate the package was built from. */
export function version(): string;

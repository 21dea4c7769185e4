// The `node` export of duo-selfhosted: the same API, but init() without an
// argument reads the package's .wasm from disk (Node's fetch cannot load
// file: URLs).
import { readFile } from 'node:fs/promises';
import { init as initFrom } from './index.js';

export * from './index.js';

/** Load the WebAssembly module; without an argument, from the package's own file. */
export async function init(input) {
  return initFrom(input ?? (await readFile(new URL('./duo_selfhosted_bg.wasm', import.meta.url))));
}

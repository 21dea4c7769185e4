// duo-selfhosted/url in Node: the same API, with the modules read from disk
// (Node's fetch cannot load file: URLs).
import { readFile } from 'node:fs/promises';
import { urlApi } from './url-api.js';

const file = (name) => () => readFile(new URL(name, import.meta.url));
const api = urlApi({ url: file('./duo_selfhosted_url_bg.wasm'), idna: file('./duo_selfhosted_bg.wasm') });

export const { init, initIdna, version, classify, checkUrl, parseAllowlist, matchAllowlist, compileAllowlist } = api;
export { needsIdna } from './url-api.js';

// duo-selfhosted/url for browsers and bundlers: the modules are fetched from
// next to their glue (see url-api.js).
import { urlApi } from './url-api.js';

const api = urlApi({ url: () => undefined, idna: () => undefined });

export const { init, initIdna, version, classify, checkUrl, parseAllowlist, matchAllowlist, compileAllowlist } = api;
export { needsIdna } from './url-api.js';

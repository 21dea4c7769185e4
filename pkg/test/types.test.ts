// Type-level tests of the hand-written declarations (dist/index.d.ts, from
// src/index.d.ts): `tsc -p test/tsconfig.json` must pass. The lines expected
// to be errors must be errors, so a declaration that became too loose fails
// CI too.
import { init, initSync, version } from 'duo-selfhosted';

export async function usage(bytes: Uint8Array): Promise<void> {
  await init();
  await init(new URL('https://example.test/duo_selfhosted_bg.wasm'));
  initSync(bytes);
  const v: string = version();
  void v;
  // @ts-expect-error initSync needs the bytes
  initSync();
  // @ts-expect-error not a wasm source
  initSync(null);
}

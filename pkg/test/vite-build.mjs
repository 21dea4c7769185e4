// Builds test/vite-app/ with Vite (production) into test-output/<name>/dist.
// The app imports 'duo-selfhosted' by name through a node_modules link to
// this package, as an application that installed it would.
import { cpSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export const pkgDir = fileURLToPath(new URL('..', import.meta.url));

export async function buildViteApp(name) {
  const app = join(pkgDir, 'test-output', name);
  const outDir = join(app, 'dist');
  rmSync(app, { recursive: true, force: true });
  mkdirSync(join(app, 'node_modules'), { recursive: true });
  cpSync(join(pkgDir, 'test', 'vite-app'), app, { recursive: true });
  symlinkSync(pkgDir, join(app, 'node_modules', 'duo-selfhosted'), 'dir');
  await build({
    root: app,
    base: './',
    logLevel: 'warn',
    configFile: false,
    build: { outDir, emptyOutDir: true, target: 'es2022' },
  });
  return outDir;
}

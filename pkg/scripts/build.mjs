// Builds the npm package into pkg/dist/ from the crate at the repository root:
//   1. cargo rustc --lib --crate-type cdylib --target wasm32-unknown-unknown
//      --profile wasm-release, with the standard library rebuilt for size
//      (-Zbuild-std): the whole package (default features; the crate itself
//      is an rlib only, Cargo.toml)
//   2. the same for `duo-selfhosted/url`: the crate with only the URL
//      bindings (`wasm-url`) and with `idna_adapter` 1.0, the stub without
//      Unicode tables, in a scratch copy of the crate whose Cargo.lock pins it
//      (target/url-lite/crate; the library is named duo_selfhosted_url
//      there so the builds share the target directory), and for
//      `duo-selfhosted/plan`: only `planChanges` (`plan`), with the whole
//      IDNA back end (it checks the document exactly as the main build),
//      in target/plan-lite/crate as duo_selfhosted_plan
//   3. wasm-bindgen --target web (the pinned CLI; its version must equal the
//      crate's pinned `wasm-bindgen` dependency) for both
//   4. wasm-opt (binaryen from npm) strips names, producers and target
//      features (no optimisation pass: WASM_OPT below)
//   5. the hand-written wrappers and declarations from pkg/src/, the JS
//      (glue and wrappers) minified by esbuild, and the licence texts from
//      the repository root
// Usage: node scripts/build.mjs
// DUO_WASM_OPT="-O1 ..." overrides the wasm-opt flags (to measure them);
// DUO_PKG_ENTRIES=main builds the whole package only (scripts/size-floor).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';

const pkg = dirname(dirname(fileURLToPath(import.meta.url)));
const root = dirname(pkg);
const dist = join(pkg, 'dist');
const run = (cmd, args, opts = {}) => {
  console.log(`$ ${cmd} ${args.join(' ')}`);
  execFileSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
};

// wasm-opt's optimisation passes, chosen by measuring size and speed
// together (pkg/README.md, "Size"): none. With the crate built with fat LTO
// at opt-level "z", every pass binaryen offers made the gzipped .wasm
// larger (-O1 +2.0 KB, -Oz with --flatten --rereloop +1.8 KB, -O3 +2.8 KB)
// for at most 3% of speed in Node, within the noise of the measurement.
const WASM_OPT = (process.env.DUO_WASM_OPT ?? '').split(/\s+/).filter(Boolean);

// The CLI that generates the glue must be exactly the version the crate pins.
const lock = readFileSync(join(root, 'Cargo.lock'), 'utf8');
const pinned = /name = "wasm-bindgen"\nversion = "([^"]+)"/.exec(lock)?.[1];
const cli = execFileSync('wasm-bindgen', ['--version'], { encoding: 'utf8' }).trim();
if (!pinned || cli !== `wasm-bindgen ${pinned}`) {
  console.error(`wasm-bindgen CLI is "${cli}", Cargo.lock pins ${pinned}: install it with\n  cargo install wasm-bindgen-cli --version ${pinned}`);
  process.exit(1);
}

// The standard library is rebuilt with the crate, for size (-16.7 KB
// gzipped, measured 2026-11-26): panics become a bare trap
// (`panic=immediate-abort`: no messages, no formatting code; the library
// never panics on any input, which the fuzz targets check) and carry no
// source locations. `-Zbuild-std` and these flags are unstable options:
// RUSTC_BOOTSTRAP=1 lets the installed stable toolchain accept them for this
// one build, so the standard library is that toolchain's own source (its
// `rust-src` component), not a nightly's. The standard library's
// `optimize_for_size` feature picks its smaller algorithms (sorts, integer
// formatting): -4.5 KB gzipped, no measurable change in speed (pkg/README.md,
// "Size").
const targetDir = process.env.CARGO_TARGET_DIR ?? join(root, 'target');
const wasmEnv = {
  ...process.env,
  CARGO_TARGET_DIR: targetDir,
  RUSTC_BOOTSTRAP: '1',
  RUSTFLAGS: '-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none',
};
const cargoWasm = (cwd, extra) =>
  run(
    'cargo',
    [
      'rustc', '--lib', '--crate-type', 'cdylib', '--target', 'wasm32-unknown-unknown', '--profile', 'wasm-release',
      '-Zbuild-std=std,panic_abort', '-Zbuild-std-features=optimize_for_size', ...extra,
    ],
    { cwd, env: wasmEnv },
  );
const built = (lib) => join(targetDir, 'wasm32-unknown-unknown', 'wasm-release', `${lib}.wasm`);

// 1. The whole package.
cargoWasm(root, []);

// 2. duo-selfhosted/url and duo-selfhosted/plan: the same sources in
// scratch crates whose library has its own name (so that the builds share
// the target directory). The URL one's lock file pins idna_adapter 1.0 (a
// Cargo feature cannot choose a dependency's version; the lock file can,
// which is how `idna` selects its back end).
const withEntries = process.env.DUO_PKG_ENTRIES !== 'main';
const scratch = (dir, lib, pinStub, features) => {
  const crate = join(targetDir, dir, 'crate');
  rmSync(crate, { recursive: true, force: true });
  mkdirSync(crate, { recursive: true });
  for (const item of ['Cargo.toml', 'Cargo.lock', 'README.md', 'src', 'examples', 'benches']) {
    cpSync(join(root, item), join(crate, item), { recursive: true });
  }
  let manifest = readFileSync(join(crate, 'Cargo.toml'), 'utf8');
  if (!manifest.includes('\n[lib]\n')) throw new Error('Cargo.toml has no [lib] section to rename');
  manifest = manifest.replace('\n[lib]\n', `\n[lib]\nname = "${lib}"\n`);
  // The IDNA back end is the repository's idna-adapter/, by its own path:
  // a copy would be another crate of the same name and version, which Cargo
  // gives the same place in the shared target directory (and takes one's
  // build for the other's). The URL entry point has upstream's stub
  // idna_adapter 1.0 instead: without the patch.
  const patch = /\n\[patch\.crates-io\]\nidna_adapter = \{ path = "idna-adapter" \}\n/;
  if (!patch.test(manifest)) throw new Error('Cargo.toml has no idna_adapter patch');
  const adapter = JSON.stringify(join(root, 'idna-adapter'));
  manifest = manifest.replace(patch, pinStub ? '\n' : `\n[patch.crates-io]\nidna_adapter = { path = ${adapter} }\n`);
  writeFileSync(join(crate, 'Cargo.toml'), manifest);
  if (pinStub) {
    // Cargo first locks the registry's idna_adapter where the lock file
    // names the patched one (metadata does it), then pins the stub.
    const lockRegistry = ['metadata', '--quiet', '--format-version', '1'];
    const pin = ['update', '--quiet', '-p', 'idna_adapter', '--precise', '1.0.0'];
    for (const args of [lockRegistry, pin]) {
      try {
        execFileSync('cargo', [...args, '--offline'], { cwd: crate, stdio: 'ignore' });
      } catch {
        run('cargo', args, { cwd: crate, stdio: ['ignore', 'ignore', 'inherit'] });
      }
    }
  }
  cargoWasm(crate, ['--no-default-features', '--features', features]);
};
if (withEntries) {
  scratch('url-lite', 'duo_selfhosted_url', true, 'wasm-url');
  scratch('plan-lite', 'duo_selfhosted_plan', false, 'plan');
}

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
mkdirSync(join(targetDir, 'wasm-pkg'), { recursive: true });
const outputs = withEntries ? ['duo_selfhosted', 'duo_selfhosted_url', 'duo_selfhosted_plan'] : ['duo_selfhosted'];
for (const lib of outputs) {
  const out = lib;
  run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', dist, '--out-name', out, built(lib)]);
  const wasm = join(dist, `${out}_bg.wasm`);
  const before = statSync(wasm).size;
  // Kept with its name section for scripts/size-breakdown.mjs.
  cpSync(wasm, join(targetDir, 'wasm-pkg', `${out}_bg.names.wasm`));
  run(join(pkg, 'node_modules', '.bin', 'wasm-opt'), [
    ...WASM_OPT, '--strip-debug', '--strip-producers', '--strip-target-features', wasm, '-o', wasm,
  ]);
  console.log(`wasm-opt ${WASM_OPT.join(' ')}: ${out}_bg.wasm ${before} -> ${statSync(wasm).size} bytes`);
}

// The glue and the wrappers, minified (the exported names stay).
const minify = (code) => transformSync(code, { minify: true, format: 'esm', target: 'es2022', legalComments: 'none' }).code;
for (const file of outputs.map((out) => `${out}.js`)) {
  writeFileSync(join(dist, file), minify(readFileSync(join(dist, file), 'utf8')));
}
for (const file of ['index.js', 'node.js', 'api.js', 'url.js', 'url-node.js', 'url-api.js', 'plan.js', 'plan-node.js']) {
  writeFileSync(join(dist, file), minify(readFileSync(join(pkg, 'src', file), 'utf8')));
}
for (const file of ['index.d.ts', 'node.d.ts', 'generated.d.ts', 'url.d.ts', 'plan.d.ts']) {
  cpSync(join(pkg, 'src', file), join(dist, file));
}
// The licence texts live at the repository root; the package ships copies
// at its own root, where npm and licence scanners look for them.
for (const file of ['LICENSE-MIT', 'LICENSE-APACHE']) {
  cpSync(join(root, file), join(pkg, file));
}
console.log(`built ${dist}`);

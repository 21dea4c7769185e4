// Builds the npm package into pkg/dist/ from the crate at the repository root:
//   1. cargo rustc --lib --crate-type cdylib --target wasm32-unknown-unknown
//      --profile wasm-release, with the standard library rebuilt for size
//      (-Zbuild-std); the crate itself is an rlib only (Cargo.toml)
//   2. wasm-bindgen --target web (the pinned CLI; its version must equal the
//      crate's pinned `wasm-bindgen` dependency)
//   3. wasm-opt -Oz, --flatten --rereloop, -Oz again (binaryen from npm) and
//      strip names/producers
//   4. copy the hand-written wrapper and declarations from pkg/src/, and the
//      licence texts from the repository root
// Usage: node scripts/build.mjs
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = dirname(dirname(fileURLToPath(import.meta.url)));
const root = dirname(pkg);
const dist = join(pkg, 'dist');
const run = (cmd, args, opts = {}) => {
  console.log(`$ ${cmd} ${args.join(' ')}`);
  execFileSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
};

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
// `rust-src` component), not a nightly's.
run(
  'cargo',
  [
    'rustc', '--lib', '--crate-type', 'cdylib',
    '--target', 'wasm32-unknown-unknown', '--profile', 'wasm-release', '-Zbuild-std=std,panic_abort',
  ],
  {
    env: {
      ...process.env,
      RUSTC_BOOTSTRAP: '1',
      RUSTFLAGS: '-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none',
    },
  },
);
const targetDir = process.env.CARGO_TARGET_DIR ?? join(root, 'target');
const raw = join(targetDir, 'wasm32-unknown-unknown', 'wasm-release', 'duo_selfhosted.wasm');

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', dist, '--out-name', 'duo_selfhosted', raw]);

const wasm = join(dist, 'duo_selfhosted_bg.wasm');
const before = statSync(wasm).size;
// Kept with its name section for scripts/size-breakdown.mjs.
mkdirSync(join(targetDir, 'wasm-pkg'), { recursive: true });
cpSync(wasm, join(targetDir, 'wasm-pkg', 'duo_selfhosted_bg.names.wasm'));
// --flatten --rereloop between two -Oz rounds lets binaryen rebuild the
// control flow of the big rule functions more compactly: -0.8 KB gzipped
// for about 7 s of build time (measured 2026-11-26).
run(join(pkg, 'node_modules', '.bin', 'wasm-opt'), [
  '-Oz', '--flatten', '--rereloop', '-Oz', '--converge', '--strip-debug', '--strip-producers', '--strip-target-features', wasm, '-o', wasm,
]);
console.log(`wasm-opt -Oz: ${before} -> ${statSync(wasm).size} bytes`);

for (const file of ['index.js', 'node.js', 'index.d.ts', 'node.d.ts', 'generated.d.ts']) {
  cpSync(join(pkg, 'src', file), join(dist, file));
}
// The licence texts live at the repository root; the package ships copies
// at its own root, where npm and licence scanners look for them.
for (const file of ['LICENSE-MIT', 'LICENSE-APACHE']) {
  cpSync(join(root, file), join(pkg, file));
}
console.log(`built ${dist}`);

// What each dependency costs: attributes the code of the wasm-bindgen output
// (before wasm-opt, which removes the names; build.mjs keeps a copy) to crates by the function names in its name
// section, and reports the data section (string constants, Unicode and data
// tables) on its own line. Gzipped figures are each crate's share of the raw
// code applied to the gzipped size of the whole code section, an estimate.
// Usage: node scripts/size-breakdown.mjs  (after scripts/build.mjs)
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const file = join(process.env.CARGO_TARGET_DIR ?? join(root, 'target'), 'wasm-pkg', process.env.DUO_NAMES ?? 'duo_selfhosted_bg.names.wasm');
const bytes = readFileSync(file);

let pos = 8;
const u32 = () => {
  let result = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[pos++];
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return result;
};
const name = () => {
  const len = u32();
  const s = bytes.toString('utf8', pos, pos + len);
  pos += len;
  return s;
};

let imported = 0;
const bodies = [];
const names = new Map();
let dataSize = 0;
let codeStart = 0;
let codeEnd = 0;
while (pos < bytes.length) {
  const id = bytes[pos++];
  const size = u32();
  const end = pos + size;
  if (id === 2) {
    for (let n = u32(); n > 0; n--) {
      name();
      name();
      const kind = bytes[pos++];
      if (kind === 0) { imported++; u32(); }
      else if (kind === 1) { pos++; const f = bytes[pos++]; u32(); if (f & 1) u32(); }
      else if (kind === 2) { const f = bytes[pos++]; u32(); if (f & 1) u32(); }
      else if (kind === 3) { pos += 2; }
    }
  } else if (id === 10) {
    codeStart = pos;
    codeEnd = end;
    for (let n = u32(); n > 0; n--) {
      const len = u32();
      bodies.push({ start: pos, len });
      pos += len;
    }
  } else if (id === 11) {
    dataSize = size;
  } else if (id === 0 && name() === 'name') {
    while (pos < end) {
      const sub = bytes[pos++];
      const subSize = u32();
      const subEnd = pos + subSize;
      if (sub === 1) {
        for (let n = u32(); n > 0; n--) {
          const index = u32();
          names.set(index, name());
        }
      }
      pos = subEnd;
    }
  }
  pos = end;
}

// The crate a demangled Rust symbol belongs to: its first path segment, or
// for `<T as Trait>::f` and `<T>::f` the crate of T. The standard library's
// crates (and the allocator) are one row.
const STD = new Set(['core', 'alloc', 'std', 'dlmalloc', '__rustc', 'compiler_builtins', 'hashbrown', 'memchr']);
function crateOf(symbol) {
  const s = symbol.replace(/\[[0-9a-f]+\]/g, '').replace(/^(<|&|\*|mut |const |dyn |\(|\[)+/, '');
  const m = /^([A-Za-z_][A-Za-z0-9_]*)::/.exec(s);
  if (m) {
    if (STD.has(m[1])) return 'Rust standard library (alloc, fmt, panics, allocator)';
    if (m[1] === 'duo_selfhosted') return 'duo_selfhosted (the rules and the bindings)';
    return m[1];
  }
  if (/^(__wbindgen|__wbg|__externref|wasm_bindgen)/.test(s)) return 'wasm_bindgen';
  // The exported bindings (src/wasm.rs), with what LLVM inlined into them.
  if (/^([a-z]+_)+json( multivalue shim)?$|^compiledallowlist_|^crate_version/.test(s)) {
    return 'duo_selfhosted (the rules and the bindings)';
  }
  if (/^(T|A|_|u8|str|usize) /.test(s) || s === '') return 'generic instances (mostly std)';
  return 'other (compiler intrinsics)';
}

const byCrate = new Map();
let codeTotal = 0;
bodies.forEach((body, i) => {
  if (process.env.DEBUG_NAMES) console.log(body.len, names.get(imported + i));
  const crate = crateOf(names.get(imported + i) ?? '');
  byCrate.set(crate, (byCrate.get(crate) ?? 0) + body.len);
  codeTotal += body.len;
});
const codeGzip = gzipSync(bytes.subarray(codeStart, codeEnd), { level: 9 }).length;

console.log('| crate | code bytes (raw) | share of code | ≈ gzipped |');
console.log('|---|---:|---:|---:|');
for (const [crate, size] of [...byCrate].sort((a, b) => b[1] - a[1])) {
  const share = size / codeTotal;
  console.log(`| ${crate} | ${size} | ${(share * 100).toFixed(1)}% | ${((share * codeGzip) / 1000).toFixed(1)} KB |`);
}
console.log(`| **all code** | ${codeTotal} | 100% | ${(codeGzip / 1000).toFixed(1)} KB |`);
console.log(`| data section (constants, Unicode/IDNA tables, embedded data) | ${dataSize} | | |`);

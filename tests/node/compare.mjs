// Throughput comparison, in one Node process: the npm package (pkg/dist,
// built by pkg/scripts/build.mjs) against what a front-end developer would
// otherwise write.
//
//   1. "Is this URL private?": Node's WHATWG `URL` + ipaddr.js's range()
//      against the package's classify() and checkUrl().
//   2. "Is this host on the outbound allowlist?" (1000 entries): a linear
//      scan (entries split once, each CIDR parsed by ipaddr.js during the
//      scan) against the package's matchAllowlist(text, host, port) and
//      against a list compiled once with compileAllowlist(text).
//
// Prints throughput RATIOS (package / alternative; above 1 means the package
// is faster), the median of several alternating rounds, so that machine
// speed cancels out. Also counts the inputs where the alternative's answer
// differs from the package's (what the alternative gets wrong).
//
// Usage: node compare.mjs [--rounds N] [--ms MS_PER_ROUND]
//   DUO_PKG_DIST=path/to/dist overrides ../../pkg/dist.
import ipaddr from 'ipaddr.js';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dist = resolve(process.env.DUO_PKG_DIST ?? join(here, '..', '..', 'pkg', 'dist'));
const pkg = await import(pathToFileURL(join(dist, 'node.js')).href);
await pkg.init();

const arg = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
};
const ROUNDS = arg('--rounds', 7);
const MS = arg('--ms', 300);

// --- deterministic corpora ---------------------------------------------------
let seed = 0x5eed;
const rand = () => {
  seed = (seed * 1103515245 + 12345) >>> 0;
  return seed / 4294967296;
};
const pick = (list) => list[Math.floor(rand() * list.length)];
const octet = () => Math.floor(rand() * 256);

// What an admin form sees: mostly ordinary hosts and private addresses, some
// IPv6 and a few odd spellings.
const hosts = [
  () => pick(['gitlab.example.com', 'ai-gateway.internal', 'vllm.corp.example', 'api.openai.com', 'bedrock-runtime.us-east-1.amazonaws.com']),
  () => `10.${octet()}.${octet()}.${octet()}`,
  () => `192.168.${octet()}.${octet()}`,
  () => `172.${16 + Math.floor(rand() * 16)}.${octet()}.${octet()}`,
  () => `${1 + Math.floor(rand() * 223)}.${octet()}.${octet()}.${octet()}`,
  () => pick(['127.0.0.1', 'localhost', '169.254.169.254', '[::1]', '[fd00:ec2::254]', '[::ffff:10.0.0.1]', '[2001:db8::1]', '[2600:1f18::1]']),
  () => pick(['0x7f.1', '2130706433', '0177.0.0.1', '127.1', '[::ffff:7f00:1]', 'metadata.google.internal']),
];
const urls = [];
for (let i = 0; i < 1000; i++) {
  const host = pick(hosts)();
  const port = pick(['', '', ':5052', ':8000', ':443']);
  urls.push(`${pick(['http', 'https'])}://${host}${port}/${pick(['', 'v1', 'v1/chat/completions'])}`);
}

const entries = [];
for (let i = 0; i < 1000; i++) {
  switch (i % 3) {
    case 0: entries.push(`10.${i >> 8}.${i & 255}.0/24`); break;
    case 1: entries.push(`service-${i}.internal`); break;
    default: entries.push(`192.168.${i & 255}.${(i * 7) & 255}`);
  }
}
const allowlistText = entries.join('\n');
const lookups = [];
for (let i = 0; i < 1000; i++) {
  const n = Math.floor(rand() * 1200);
  lookups.push(pick([
    `10.${n >> 8}.${n & 255}.${octet()}`, // hit (range) or miss past the end
    `service-${n}.internal`, // hit for n % 3 == 1
    `192.168.${n & 255}.${(n * 7) & 255}`, // hit for n % 3 == 2
    `203.0.113.${octet()}`, // miss
    `unknown-${n}.example.com`, // miss
  ]));
}

// --- the alternatives ----------------------------------------------------------
const NOT_PRIVATE = new Set(['unicast']);

/** Node URL + ipaddr.js: the usual "is it private" check. */
function isPrivateAlternative(text) {
  let url;
  try {
    url = new URL(text);
  } catch {
    return true; // unparsable: refuse
  }
  let host = url.hostname;
  if (host.startsWith('[')) host = host.slice(1, -1);
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (!ipaddr.isValid(host)) return false; // a DNS name: cannot tell, allow
  let address = ipaddr.parse(host);
  if (address.kind() === 'ipv6' && address.isIPv4MappedAddress()) address = address.toIPv4Address();
  return !NOT_PRIVATE.has(address.range());
}

/** The package's answer to the same question. */
function isPrivatePackage(text) {
  return pkg.classify(text).class !== 'public';
}

function checkUrlPackage(text) {
  return pkg.checkUrl(text, { preset: 'ai-gateway' }).blocked;
}

const splitEntries = allowlistText.split(/[\s,;]+/).filter(Boolean);

/** A linear scan: exact match, else CIDR/address containment via ipaddr.js. */
function allowlistAlternative(host) {
  const isIp = ipaddr.isValid(host);
  const address = isIp ? ipaddr.parse(host) : null;
  for (const entry of splitEntries) {
    if (entry === host) return entry;
    if (!isIp) continue;
    if (entry.includes('/')) {
      try {
        const [range, bits] = ipaddr.parseCIDR(entry);
        if (range.kind() === address.kind() && address.match(range, bits)) return entry;
      } catch {
        // not a CIDR
      }
    }
  }
  return null;
}

function allowlistPackage(host) {
  return pkg.matchAllowlist(allowlistText, host).entry;
}

// What a form holding the list does: parse and index it once.
const compiledAllowlist = pkg.compileAllowlist(allowlistText);
function allowlistCompiled(host) {
  return compiledAllowlist.match(host).entry;
}

// --- measurement ---------------------------------------------------------------
/** Calls per second of `fn` over `inputs` (cycled) for about `ms` milliseconds. */
function throughput(fn, inputs, ms) {
  let calls = 0;
  let sink = 0;
  const start = process.hrtime.bigint();
  const stop = start + BigInt(ms) * 1_000_000n;
  let now = start;
  while (now < stop) {
    for (let k = 0; k < 16; k += 1) {
      if (fn(inputs[calls % inputs.length])) sink += 1;
      calls += 1;
    }
    now = process.hrtime.bigint();
  }
  if (sink < 0) console.log(sink);
  return calls / (Number(now - start) / 1e9);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function compare(name, ours, theirs, inputs, ms = MS) {
  throughput(ours, inputs, 50); // warm up both
  throughput(theirs, inputs, 50);
  const ratios = [];
  const rates = { ours: [], theirs: [] };
  for (let r = 0; r < ROUNDS; r += 1) {
    const a = throughput(ours, inputs, ms);
    const b = throughput(theirs, inputs, ms);
    rates.ours.push(a);
    rates.theirs.push(b);
    ratios.push(a / b);
  }
  const ratio = median(ratios);
  const per = (x) => (1e6 / median(x)).toFixed(2);
  console.log(`${name}: ratio ${ratio.toFixed(3)} (package ${per(rates.ours)} us/call, alternative ${per(rates.theirs)} us/call on this machine)`);
  return ratio;
}

const disagree = (a, b, inputs) => inputs.filter((x) => Boolean(a(x)) !== Boolean(b(x)));

console.log(`package ${pkg.version()} from ${dist}; Node ${process.version}; ipaddr.js ${ipaddr.IPv4 ? 'loaded' : '?'}`);
console.log(`${ROUNDS} alternating rounds of ${MS} ms; ratio = package throughput / alternative throughput (median)`);
compare('is this URL private: classify() vs URL + ipaddr.js', isPrivatePackage, isPrivateAlternative, urls);
compare('is this URL private: checkUrl(ai-gateway) vs URL + ipaddr.js', checkUrlPackage, isPrivateAlternative, urls);
compare('allowlist, 1000 entries: matchAllowlist(text) vs linear scan', allowlistPackage, allowlistAlternative, lookups);
compare('allowlist, 1000 entries: compileAllowlist(text).match vs linear scan', allowlistCompiled, allowlistAlternative, lookups);

const wrong = disagree(isPrivatePackage, isPrivateAlternative, urls);
console.log(`answers: URL + ipaddr.js differs from classify() on ${wrong.length} of ${urls.length} URLs${wrong.length ? `, e.g. ${[...new Set(wrong)].slice(0, 4).join(' ')}` : ''}`);
const wrongAllow = lookups.slice(0, 100).filter((h) => (allowlistPackage(h) ?? null) !== allowlistAlternative(h));
console.log(`answers: the linear scan differs from matchAllowlist() on ${wrongAllow.length} of 100 hosts`);
const compiledDiffers = lookups.filter((h) => allowlistCompiled(h) !== allowlistPackage(h));
console.log(`answers: compileAllowlist(text).match differs from matchAllowlist() on ${compiledDiffers.length} of ${lookups.length} hosts`);

// The independent side of the differential tests (tests/differential.rs).
//
// Reads one JSON string per line on stdin and writes one JSON object per
// line on stdout, in the same order:
//
//   node oracle.mjs hosts      input: a URL
//     {"host": URL.hostname} when Node's WHATWG URL parses it (IPv6 keeps
//     its brackets), {"host": null} when it throws; for an IP host also
//     the ipaddr.js facts below under "ip".
//   node oracle.mjs addresses  input: an IP address in canonical text
//     {"range": ipaddr.js range()} and, for the IPv6 ranges that carry an
//     IPv4 address, {"inner": dotted IPv4, "inner_range": its range()};
//     for ::/96, which ipaddr.js calls unicast, also
//     {"embedding": "compatible"}.
//
// The IPv4 extraction for each embedding is written here from the RFCs,
// independently of the Rust code it is compared with.
import ipaddr from 'ipaddr.js';
import { createInterface } from 'node:readline';

function v4(n) {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

// IPv6 parts (eight 16-bit numbers) -> the embedded IPv4 address, if the
// ipaddr.js range carries one.
function embedded(range, p) {
  switch (range) {
    case 'ipv4Mapped': // RFC 4291 ::ffff:0:0/96
    case 'rfc6145': // RFC 6145 ::ffff:0:0:0/96
      return v4(((p[6] << 16) | p[7]) >>> 0);
    case 'rfc6052':
      if (p[2] === 1) {
        // RFC 8215 64:ff9b:1::/48 with RFC 6052's /48 layout: bits 48-63,
        // then the zero "u" octet (bits 64-71), then bits 72-87.
        const hi = p[3];
        const lo = ((p[4] & 0xff) << 8) | (p[5] >>> 8);
        return v4(((hi << 16) | lo) >>> 0);
      }
      return v4(((p[6] << 16) | p[7]) >>> 0); // RFC 6052 64:ff9b::/96
    case '6to4': // RFC 3056: bits 16-47
      return v4(((p[1] << 16) | p[2]) >>> 0);
    case 'teredo': // RFC 4380: the client address is the last 32 bits inverted
      return v4(~((p[6] << 16) | p[7]) >>> 0);
    default:
      return null;
  }
}

function ipFacts(text) {
  const addr = ipaddr.parse(text);
  const out = { range: addr.range() };
  if (addr.kind() === 'ipv6') {
    // RFC 4291 §2.5.5.1 IPv4-compatible ::/96 (deprecated), which ipaddr.js
    // has no range for: :: and ::1 keep their own ranges.
    if (out.range === 'unicast' && addr.parts.slice(0, 6).every((p) => p === 0)) {
      out.embedding = 'compatible';
      out.inner = v4(((addr.parts[6] << 16) | addr.parts[7]) >>> 0);
      out.inner_range = ipaddr.parse(out.inner).range();
      return out;
    }
    const inner = embedded(out.range, addr.parts);
    if (inner !== null) {
      out.inner = inner;
      out.inner_range = ipaddr.parse(inner).range();
    }
  }
  return out;
}

function hostFacts(text) {
  let url;
  try {
    url = new URL(text);
  } catch {
    return { host: null };
  }
  const out = { host: url.hostname };
  const bare = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  // Only canonical IP serialisations reach ipaddr.js: WHATWG has already
  // turned every numeric spelling into dotted decimal or compressed IPv6.
  if (ipaddr.IPv4.isValidFourPartDecimal(bare) || (bare.includes(':') && ipaddr.IPv6.isValid(bare))) {
    out.ip = ipFacts(bare);
  }
  return out;
}

const mode = process.argv[2];
const facts = { hosts: hostFacts, addresses: ipFacts }[mode];
if (!facts) {
  console.error('usage: node oracle.mjs hosts|addresses < inputs.jsonl');
  process.exit(2);
}
const out = [];
const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of rl) {
  if (line === '') continue;
  out.push(JSON.stringify(facts(JSON.parse(line))));
  if (out.length >= 4096) {
    process.stdout.write(out.join('\n') + '\n');
    out.length = 0;
  }
}
if (out.length) process.stdout.write(out.join('\n') + '\n');

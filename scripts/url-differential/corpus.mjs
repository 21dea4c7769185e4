// Generates the host corpus for the WHATWG differential test and records
// what Node's own `URL` (ada) makes of each: `new URL("http://" + host + "/")`.
// Output: a JSON array of [host, hostname-or-null], one row per line, in a
// deterministic order. `tests/host.rs` compares duo-selfhosted's parser with
// the recorded answers; `scripts/ci/20-url-differential.sh` re-runs this
// script and checks the recording still matches the installed Node.
//
// Usage: node scripts/url-differential/corpus.mjs > tests/data/whatwg-hosts.json

// A small deterministic PRNG (mulberry32) so the corpus never changes by itself.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(20261126);
const pick = (list) => list[Math.floor(rand() * list.length)];
const int = (n) => Math.floor(rand() * n);

const hosts = new Set();
const add = (h) => hosts.add(h);

// 1. Numeric IPv4 forms of interesting and random addresses.
const seeds = [
  [127, 0, 0, 1], [169, 254, 169, 254], [10, 0, 0, 1], [192, 168, 1, 1], [0, 0, 0, 0],
  [255, 255, 255, 255], [100, 100, 100, 200], [8, 8, 8, 8], [172, 16, 0, 1], [192, 0, 0, 192],
];
for (let i = 0; i < 60; i++) seeds.push([int(256), int(256), int(256), int(256)]);
const part = (n, style) => {
  switch (style) {
    case 'dec': return String(n);
    case 'hex': return '0x' + n.toString(16);
    case 'HEX': return '0X' + n.toString(16).toUpperCase();
    case 'oct': return '0' + n.toString(8);
    case 'pad': return '00' + String(n);
    default: return String(n);
  }
};
const styles = ['dec', 'hex', 'HEX', 'oct', 'pad'];
for (const [a, b, c, d] of seeds) {
  const value = ((a << 24) >>> 0) + (b << 16) + (c << 8) + d;
  for (const s of styles) {
    add([a, b, c, d].map((n) => part(n, s)).join('.'));
    add(part(value, s));
    add([part(a, s), part((b << 16) + (c << 8) + d, s)].join('.'));
    add([part(a, s), part(b, s), part((c << 8) + d, s)].join('.'));
  }
  add([a, b, c, d].map(() => part(0, pick(styles))).join('.'));
  add([a, b, c, d].map((n) => part(n, pick(styles))).join('.'));
  add([a, b, c, d].join('.') + '.');
  add([a, b, c, d].join('.') + '..');
  add(String(value + 4294967296));
  add('0x' + (value + 4294967296).toString(16));
  add([a + 256, b, c, d].join('.'));
  add([a, b, c, d, int(256)].join('.'));
  add([a, b, c].join('.') + '.0x');
  add([a, b, c, d].join('.') + '.com');
  add('0' + [a, b, c, d].join('.'));
  add([a, b, c, '08'].join('.'));
  add([a, b, c, '0xg'].join('.'));
  add([a, b, c, d].join('.') + ':' + int(70000));
}
for (const h of ['0x', '0x.0x.0', '0', '00', '0x0', '1.', '.1', '..', '1..1', '4294967295', '4294967296',
  '0xffffffff', '0xffffffff1', '0x41414141A9FEA9FE', '7147006462', '45080379393', '425.510.425.510',
  '10.048.1.1', 'o177.0.0.1', '10.0.0.wtf', '127.0.0.1..', '1.1.1.1.1', '8.0x1ffffff', '1024.0.0.1',
  '0xc0.168.1.1', '192.0250.1.1', '030052000401', '01200034567', '169.16689662', '127.42.258',
  '127.000000000000000.1', '00000177.0.0.1', '0127.0.0.1', '012.1.2.3', '09', '0x1g']) add(h);

// 2. IPv6 forms.
const hex4 = () => int(65536).toString(16);
const v6seeds = ['::1', '::', '::ffff:127.0.0.1', '::ffff:7f00:1', '0:0:0:0:0:ffff:127.0.0.1', '::127.0.0.1',
  'fe80::1', 'fd00:ec2::254', 'FFFF::255.255.255.255', '64:ff9b::192.168.2.1', '2002:c0a8:ffff::',
  '2001:0:4136:e378:8000:63bf:3f57:fdf2', '::ffff:0:0', '1:2:3:4:5:6:7:8', '1::', '::1:2', '1:0:0:2:0:0:0:3'];
for (let i = 0; i < 150; i++) {
  const pieces = Array.from({ length: 8 }, () => (rand() < 0.4 ? '0' : hex4()));
  v6seeds.push(pieces.join(':'));
  if (rand() < 0.5) v6seeds.push(pieces.slice(0, 6).join(':') + ':' + [int(256), int(256), int(256), int(256)].join('.'));
}
for (const v of v6seeds) {
  add('[' + v + ']');
  add('[' + v.toUpperCase() + ']');
  add('[' + v.replace(/(^|:)0(:|$)/, '$1$2') + ']');
  add('[' + v + '%25eth0]');
  add('[' + v + ':1]');
  add('[' + v + ']:' + int(65536));
}
for (const h of ['[]', '[:]', '[:::]', '[::1', '::1]', '[::ffff:127.0.0.01]', '[::ffff:1.2.3]', '[::ffff:1.2.3.4.5]',
  '[::1.2.3.4]', '[1:2:3:4:5:6:7:1.2.3.4]', '[1:2:3:4:5:6:1.2.3.4]', '[v1.fe80::a+en1]', '[1:2:3:4:5:6:7:8:9]',
  '[12345::]', '[::ﬀﬀ:7f00:1]', '[::%eth0]', '[0000::1]', '[00000::1]']) add(h);

// 3. Unicode hosts.
const unicode = ['①②⑦.⓪.⓪.①', '⑩.⓪.⓪.①', '１２７．０．０．１', '127。0。0。1', '127｡0｡0｡1', 'ğitlab.com',
  'GİTLAB.com', 'straße.de', 'faß.de', 'ΕΛΛΗΝΙΚΆ.gr', 'пример.рф', '例え.テスト', 'مثال.إختبار', 'דוגמה.טעסט',
  '\u00adlocalhost', 'local\u200bhost', 'local\u034fhost', 'local\u2060host', '\u180elocalhost', 'ⓛocalhost',
  'ﬆ.com', '㎈.com', 'ⅼocalhost', '😀.com', 'xn--itlab-j1a.com', 'xn--.com', 'xn--zz.com', 'XN--ITLAB-J1A.COM',
  'a\u0300.com', 'ａｂｃ.com', 'abc\u3002com', 'Ⅻ.com', '\u200d.com', 'a\u200cb.com', 'é.com', 'e\u0301.com',
  '\u0661\u0662\u0663.com', 'a‐b.com', 'exa\u00admple.com', '\u2028.com'];
for (const u of unicode) {
  add(u);
  add(u.toUpperCase());
  add('www.' + u);
}

// 4. Percent-encoding.
const enc = (s) => Array.from(new TextEncoder().encode(s)).map((b) => '%' + b.toString(16).padStart(2, '0')).join('');
for (const s of ['127.0.0.1', 'localhost', '0x7f.1', 'example.com', 'ğitlab.com', '。', '10.0.0.1', '::1']) {
  add(enc(s));
  add(enc(s).toUpperCase());
  add(s.replace(/./, (c) => enc(c)));
}
for (const h of ['localhost%2e', 'local%68ost', '%2509', '%25', '%zz.com', 'a%00b.com', '%E3%80%82', '%41bc.com',
  'a%2fb.com', 'a%3ab.com', 'a%40b.com', '%ef%bc%91%ef%bc%92%ef%bc%97.0.0.1', 'a%20b.com']) add(h);

// 5. Assorted ASCII: case, dots, forbidden and special characters.
for (const h of ['EXAMPLE.COM', 'example.com.', 'example..com', '.example.com', 'a_b.com', '-a.com', 'a-.com',
  '*.example.com', 'a b.com', 'a<b.com', 'a>b.com', 'a^b.com', 'a|b.com', 'a\\b.com', 'a"b.com', "a'b.com",
  'a{b}.com', 'a~b.com', 'a!b.com', 'a$b.com', 'a&b.com', 'a(b).com', 'a+b.com', 'a,b.com', 'a;b.com',
  'a=b.com', 'a`b.com', 'user@host.com', 'a@b@127.2.2.2', '127.1.1.1:80\\@127.2.2.2', 'x:y@10.0.0.1',
  'localhost', 'LOCALHOST', 'a.localhost', 'metadata.google.internal', 'a\tb.com', 'a\nb.com', ' a.com ',
  '\u0000a.com', 'a\u007fb.com', 'host:80', 'host:', 'host:0080', 'host:65536', 'a'.repeat(64) + '.com',
  'a'.repeat(300), 'a.'.repeat(130) + 'com']) add(h);
for (let i = 0; i < 400; i++) {
  const alphabet = 'abcXYZ0123456789.-_:%[]@xX';
  let h = '';
  const n = 1 + int(14);
  for (let j = 0; j < n; j++) h += pick(alphabet.split(''));
  add(h);
}

const rows = [];
for (const host of hosts) {
  let result = null;
  try {
    result = new URL('http://' + host + '/').hostname;
  } catch {
    result = null;
  }
  rows.push(JSON.stringify([host, result]));
}
process.stdout.write('[\n' + rows.join(',\n') + '\n]\n');

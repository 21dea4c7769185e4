// Inputs for the parity test: the same values go through the native CLI and
// the package. Hand-picked edge cases (numeric IPv4 forms, IPv6 with embedded
// IPv4, IDNA, percent-encoding, parser differentials, malformed text) plus a
// seeded random corpus, so the comparison also covers inputs nobody thought
// of. Expected answers are not listed here: the CLI is the oracle.

// A small deterministic PRNG (mulberry32), so every run checks the same corpus.
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

function randomStrings(seed, count, pieces, maxParts) {
  const next = rng(seed);
  const out = [];
  for (let i = 0; i < count; i++) {
    const parts = 1 + Math.floor(next() * maxParts);
    let s = '';
    for (let j = 0; j < parts; j++) s += pieces[Math.floor(next() * pieces.length)];
    out.push(s);
  }
  return out;
}

const HOST_PIECES = [
  '0x7f', '.', '1', '0177', '255', '256', '10', '192', '168', '172', '16', '169', '254', '::', 'ffff:',
  '[', ']', 'fe80', '%25', '%2e', 'localhost', 'internal', 'example', 'com', 'xn--', 'bücher', 'ß', 'Ⓐ',
  '-', '_', '@', '\\', ':', '5052', '/', 'http://', 'https://', ' ', '\t', '0', '4294967296', 'A', 'ÿ',
];

export const hosts = [
  '127.0.0.1', '0x7f.1', '0177.1', '2130706433', '127.1', '0x7f000001', '017700000001', '127.0.0.1.',
  '[::1]', '::1', '::ffff:10.0.0.1', '[::ffff:a00:1]', '::ffff:127.0.0.1', '64:ff9b::10.0.0.1', '2002:a00:1::',
  '::10.0.0.1', 'fe80::1', '[fe80::1%25eth0]', 'fd00::1', 'fc00::', '2001:db8::1', 'ff02::1', '::',
  '10.0.0.5', '172.16.5.4', '172.32.0.1', '192.168.1.1', '100.64.0.1', '100.128.0.1', '0.0.0.0', '0',
  '255.255.255.255', '224.0.0.1', '240.0.0.1', '192.0.2.1', '198.51.100.7', '203.0.113.9', '198.18.0.1',
  '169.254.169.254', '169.254.170.2', 'fd00:ec2::254', '100.100.100.200', 'metadata.google.internal',
  'metadata', 'localhost', 'LOCALHOST', 'foo.localhost', 'localhost.', 'ai-gateway.internal', 'vllm.local',
  'printer.lan', 'router.home.arpa', 'intranet', '10.0.0.1.nip.io', '127.0.0.1.sslip.io', 'localtest.me',
  '8.8.8.8', '1.1.1.1', 'cloud.gitlab.com', 'CLOUD.GITLAB.COM.', 'xn--nxasmq6b.com', 'bücher.example',
  'ＥＸＡＭＰＬＥ.com', '%31%32%37.0.0.1', 'exa%6dple.com', '4294967296', '999999999999', '1.2.3.4.5',
  '256.0.0.1', '0x100.0.0.1', '1.2.3', '09.1.1.1', '', ' ', 'a b', 'a'.repeat(300), 'xn--', '-a.com',
  'http://10.0.0.1:5052/', 'https://user:pass@ai-gateway.internal:5052/v1', 'http://a\\b@c/', 'http://a@b@c/',
  'http:\\\\evil.com\\', 'http://evil.com#@10.0.0.1/', 'ftp://10.0.0.1/', 'http://[::ffff:169.254.169.254]/',
  'http://0x7f.1:80/', 'javascript:alert(1)', 'http://', 'http://:80/', '--help', '-', '😀.example',
  ...randomStrings(1, 120, HOST_PIECES, 6),
];

export const urls = [
  'http://ai-gateway.internal:5052', 'http://ai-gateway.internal:5052/', 'https://cloud.gitlab.com',
  'http://10.0.1.7:5052', 'http://127.0.0.1:5052', 'http://localhost:5052', 'http://169.254.169.254/latest',
  'http://[::ffff:169.254.169.254]/', 'http://0x7f.1:5052', 'https://8.8.8.8', 'http://192.168.1.20:8000/v1',
  'ftp://ai-gateway.internal', 'gopher://10.0.0.1', 'http://user@ai-gateway.internal:5052',
  'http://a\\b@c/', 'http://ai-gateway.internal:99999', 'http://ai-gateway.internal:0', 'http://bücher.example',
  'http://ai-gateway.internal\n:5052', 'ai-gateway.internal:5052', '', 'not a url', 'http://',
  'https://vllm.example.com:8000/v1', 'http://100.64.0.1', 'http://[fd00::1]:5052', 'http://metadata.google.internal',
  ...randomStrings(2, 60, HOST_PIECES, 6).map((s) => `http://${s}`),
];

export const presets = [undefined, 'ai-gateway', 'ai-gateway-request', 'model-endpoint'];

export const policies = [
  undefined,
  {},
  { allow_local_network: true },
  { allow_localhost: true, allow_local_network: true },
  { deny_all_requests_except_allowed: true, outbound_local_requests_allowlist: ['10.0.1.7', 'ai-gateway.internal:5052'] },
  { outbound_local_requests_allowlist: ['10.0.0.0/8'] },
  { resolved_addresses: ['10.0.1.7'] },
  { resolved_addresses: [] },
  { resolved_addresses: ['8.8.8.8', '10.0.0.1'], dns_rebind_protection: true },
  { server_addresses: ['10.0.1.7'], http_proxy_env: true },
  { schemes: ['https'], ports: [443], enforce_user: true, ascii_only: true, enforce_sanitization: true },
  { deny_cloud_metadata_requests: false, allow_local_network: true },
  { internal_uris: ['http://ai-gateway.internal:5052'] },
];

// Policies the CLI refuses as a usage error (exit 2); the package throws the
// same message as a TypeError.
export const badPolicies = [{ allow_localhosts: true }, { schemes: 'https' }, { resolved_addresses: ['not an ip'] }];

export const allowlists = [
  '', '10.0.0.0/8', '10.0.0.0/8\nai-gateway.internal', '10.0.0.0/8, ai-gateway.internal;192.168.1.1:5052',
  'https://cloud.gitlab.com:443', 'CLOUD.GITLAB.COM', '*.example.com', 'example.com/path', '010.000.000.001',
  '10.0.0.1/8', '[::1]:5052', '::1', '::ffff:10.0.0.1', 'fe80::/10', '2001:db8::/129', '10.0.0.0/33',
  'bücher.example', 'a'.repeat(256), 'ai-gateway.internal:99999', 'ai-gateway.internal:5052 ai-gateway.internal:5052',
  ' \t ai-gateway.internal \n\n 10.1.1.1 ', Array.from({ length: 1005 }, (_, i) => `host${i}.internal`).join('\n'),
  ...randomStrings(3, 40, [...HOST_PIECES, ',', ';', '\n', '/8', '/24'], 8),
];

export const matches = [
  ['10.0.0.0/8', '10.1.2.3', undefined], ['10.0.0.0/8', '11.1.2.3', undefined],
  ['ai-gateway.internal', 'ai-gateway.internal', 5052], ['ai-gateway.internal:5052', 'ai-gateway.internal', 5052],
  ['ai-gateway.internal:5052', 'ai-gateway.internal', 5053], ['ai-gateway.internal:5052', 'ai-gateway.internal', undefined],
  ['AI-Gateway.internal', 'ai-gateway.internal', undefined], ['10.0.0.1', '::ffff:10.0.0.1', undefined],
  ['::ffff:10.0.0.1', '10.0.0.1', undefined], ['*.example.com', 'a.example.com', undefined],
  ['https://cloud.gitlab.com:443', 'cloud.gitlab.com', 443], ['fd00::/8', 'fd00::1', 5052],
  ['[fd00::1]:5052', 'fd00::1', 5052], ['', 'localhost', undefined], ['localhost', '127.0.0.1', 80],
  ['192.168.1.0/24;10.0.0.1:80', '10.0.0.1', 80], ['0x7f.1', '127.0.0.1', undefined],
];

export const identifiers = [
  ['custom_openai/Mixtral-8x7B-Instruct-v0.1', 'vllm'], ['custom_openai/mistralai/Mistral-7B', 'vllm'],
  ['Mixtral-8x7B', 'vllm'], ['Mixtral-8x7B', undefined], ['bedrock/anthropic.claude-3-5-sonnet-20241022-v2:0', 'bedrock'],
  ['bedrock/apac.anthropic.claude-3-5-sonnet-20241022-v2:0', 'bedrock'], ['bedrock/us-gov.anthropic.claude-3-haiku-20240307-v1:0', 'bedrock'],
  ['bedrock/global.anthropic.claude-sonnet-4-5-20250929-v1:0', undefined], ['bedrock/converse/arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-7-sonnet-20250219-v1:0', 'bedrock'],
  ['bedrock/arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123', 'bedrock'],
  ['bedrock/anthropic.claude-3-5-sonnet-20241022-v2:0', 'vllm'], ['custom_openai/x', 'bedrock'], ['azure/gpt-4o', 'azure_openai'],
  ['azure/', 'azure_openai'], ['bedrock/', 'bedrock'], ['/', undefined], ['', undefined], ['bedrock/ANTHROPIC.CLAUDE', 'bedrock'],
  ['bedrock/xx.anthropic.claude-3-haiku-20240307-v1:0', 'bedrock'], ['vertex_ai/claude-3-5-sonnet@20240620', 'vertex_ai'],
  ['bedrock/openai.gpt-oss-120b-1:0', 'bedrock'], ['bedrock/eu.deepseek.v3.2', 'bedrock'], ['x'.repeat(300), undefined],
  ...randomStrings(4, 40, ['bedrock/', 'custom_openai/', 'azure/', 'apac.', 'us.', 'eu.', 'global.', 'anthropic.', 'claude-3', '-v1', ':0', '/', '.', 'ß', ' ', 'arn:aws:bedrock:'], 6).map((s) => [s, undefined]),
];

export const methods = ['vllm', 'bedrock', 'azure_openai', 'vertex_ai'];

export const bedrockPairs = [
  ['ap-northeast-1', 'anthropic.claude-3-5-sonnet-20241022-v2:0', undefined],
  ['eu-west-2', 'anthropic.claude-3-7-sonnet-20250219-v1:0', undefined],
  ['eu-west-2', 'anthropic.claude-sonnet-4-5-20250929-v1:0', undefined],
  ['eu-west-2', 'anthropic.claude-sonnet-4-5-20250929-v1:0', 'global'],
  ['eu-west-2', 'anthropic.claude-sonnet-4-5-20250929-v1:0', 'regional'],
  ['ca-central-1', 'anthropic.claude-sonnet-4-5-20250929-v1:0', undefined],
  ['il-central-1', 'anthropic.claude-sonnet-4-20250514-v1:0', undefined],
  ['me-central-1', 'anthropic.claude-3-5-sonnet-20241022-v2:0', undefined],
  ['us-east-1', 'anthropic.claude-3-haiku-20240307-v1:0', undefined],
  ['us-gov-west-1', 'anthropic.claude-3-haiku-20240307-v1:0', undefined],
  ['ca-central-1', 'amazon.nova-lite-v1:0', undefined],
  ['us-east-1', 'apac.anthropic.claude-3-5-sonnet-20241022-v2:0', undefined],
  ['us-east-1', 'anthropic.claude-not-a-model-v9:0', undefined],
  ['us-east-7', 'anthropic.claude-3-haiku-20240307-v1:0', undefined],
  ['', '', undefined], ['US-EAST-1', 'anthropic.claude-3-haiku-20240307-v1:0', undefined],
  ['cn-north-1', 'anthropic.claude-3-haiku-20240307-v1:0', undefined],
  ['ap-south-2', 'anthropic.claude-sonnet-4-5-20250929-v1:0', 'global'],
];

export const modelRecords = [
  { name: 'Mixtral on vLLM', family: 'mixtral', deployment: 'vllm', endpoint: 'http://vllm.internal:8000/v1', api_key: 'sk-secret-123', identifier: 'custom_openai/Mixtral-8x7B-Instruct-v0.1' },
  { name: 'Mixtral on vLLM', family: 'mixtral', deployment: 'vllm', endpoint: 'http://vllm.internal:8000', identifier: 'Mixtral-8x7B-Instruct-v0.1' },
  { name: 'Claude on Bedrock', family: 'claude_3', deployment: 'bedrock', identifier: 'bedrock/apac.anthropic.claude-3-5-sonnet-20241022-v2:0', aws_region: 'ap-northeast-1' },
  { name: 'Claude on Bedrock', family: 'claude_3', deployment: 'bedrock', identifier: 'bedrock/anthropic.claude-3-5-sonnet-20241022-v2:0', aws_region: 'ap-northeast-1' },
  { name: '', family: 'mixtrall', deployment: 'vllm', endpoint: 'ftp://x', identifier: '' },
  { name: 'x'.repeat(300), family: 'gpt', deployment: 'azure_openai', endpoint: 'https://example.openai.azure.com', identifier: 'azure/gpt-4o', api_key: 'secret' },
  { name: 'n', family: 'mistral', deployment: 'sagemaker', identifier: 'custom_openai/m', endpoint: 'http://10.0.0.1/v1', extra: 1 },
  { name: 1, family: null, deployment: [], endpoint: {}, identifier: true },
  {},
];

export const modelTexts = ['', '{', '[]', 'null', '"text"', '{"name": "a",}', '{"name":"a","name":"b"}', '\ufeff{}'];

// The installation types (`installation` in the document; `snippet`'s option).
export const installations = ['linux_package', 'self_compiled', 'helm_chart', 'docker'];

export const configTexts = ['', '{', '[]', 'null', '42', '{"gitlab_version": }', 'gitlab_version = "18.9"'];

// Whole configurations: the bundled example and variations of it that touch
// every area (versions, offerings, licences, models, features, URLs, TLS),
// including wrong types and unknown fields.
export function configs(example) {
  const clone = () => structuredClone(example);
  const out = [example];
  const edit = (fn) => {
    const c = clone();
    fn(c);
    out.push(c);
  };
  for (const v of ['17.0', '17.9', '18.0', '18.3', '18.4', '18.9', '18.10', '18.11', '19.0', '19.1', '19.2', '19.3', '19.4', '19.5', '19.6', '19.7', '20.0', '18', 'x', 18.9]) {
    edit((c) => (c.gitlab_version = v));
  }
  for (const key of Object.keys(example)) edit((c) => delete c[key]);
  edit((c) => (c.gitlab_verison = '18.9'));
  edit((c) => (c.tier = 'premium'));
  edit((c) => (c.tier = 'gold'));
  edit((c) => (c.tier = 5));
  edit((c) => (c.offering = 'gitlab_com'));
  edit((c) => (c.license = 'offline'));
  edit((c) => (c.add_ons = []));
  edit((c) => (c.add_ons = ['duo_pro', 'duo_agent_platform_self_hosted', 'duo_enterprise', 'duo_enterprise']));
  edit((c) => (c.beta_models_and_features = false));
  edit((c) => (c.beta_models_and_features = 'yes'));
  edit((c) => (c.installation = 'self_compiled'));
  edit((c) => (c.network.outbound_allowlist = '10.0.0.0/8\nai-gateway.internal;https://vllm.internal:8000'));
  edit((c) => (c.network.outbound_allowlist = 5));
  edit((c) => (c.network.deny_all_requests_except_allowed = true));
  edit((c) => (c.network.allow_local_requests_from_web_hooks_and_services = true));
  edit((c) => (c.network.outbound_allowlist = []));
  for (const url of ['http://127.0.0.1:5052', 'http://169.254.169.254/', '', '   ', 'ftp://ai-gateway.internal', 'http://a\\b@c/', `http://${'a'.repeat(2050)}.com`, 'http://ai-gateway.internal:5052//']) {
    edit((c) => (c.ai_gateway.url = url));
  }
  edit((c) => delete c.ai_gateway.resolved_addresses);
  edit((c) => (c.ai_gateway.resolved_addresses = []));
  edit((c) => (c.ai_gateway.resolved_addresses = ['127.0.0.1']));
  for (const url of ['http://ai-gateway.internal:50052', 'https://ai-gateway.internal:50052', 'ai-gateway.internal', '', 'ai-gateway.internal:50052/']) {
    edit((c) => (c.agent_platform.url = url));
  }
  for (const tls of [true, 'true', 'false', 'False', 'yes', 0, null]) edit((c) => (c.agent_platform.tls = tls));
  edit((c) => (c.gitlab_version = '18.10'));
  edit((c) => {
    c.gitlab_version = '18.10';
    c.agent_platform.tls = 'false';
  });
  edit((c) => (c.self_hosted_models[0].endpoint = 'http://vllm.internal:8000'));
  edit((c) => (c.self_hosted_models[0].identifier = 'Mistral-Small'));
  edit((c) => (c.self_hosted_models[0].family = 'mistrall'));
  edit((c) => (c.self_hosted_models[1].name = c.self_hosted_models[0].name));
  edit((c) => (c.self_hosted_models[2].identifier = 'bedrock/anthropic.claude-sonnet-4-5-20250929-v1:0'));
  edit((c) => (c.self_hosted_models[2].aws_region = 'eu-west-2'));
  edit((c) => (c.self_hosted_models[2].aws_region = 'mars-north-1'));
  edit((c) => (c.self_hosted_models[2].deployment = 'vertex_ai'));
  edit((c) => (c.self_hosted_models = {}));
  edit((c) => c.self_hosted_models.push({ name: 'extra', family: 'gpt', deployment: 'azure_openai', identifier: 'azure/gpt-4o', api_key: 'sk-secret', extra: true }));
  const keys = Object.keys(example.features);
  for (const provider of ['self_hosted', 'vendored', 'disabled', 'unassigned', 'openai']) {
    edit((c) => (c.features.duo_chat = provider === 'self_hosted' ? { provider, model: 'Codestral on vLLM' } : { provider }));
  }
  edit((c) => delete c.features.duo_chat);
  edit((c) => (c.features = {}));
  edit((c) => (c.features.duo_chat_explain_code = { provider: 'unassigned' }));
  edit((c) => (c.features.duo_chat_fix_code = { provider: 'self_hosted', model: 'Codestral on vLLM' }));
  edit((c) => (c.features.duo_chat_write_tests = { provider: 'self_hosted', model: 'nope' }));
  edit((c) => (c.features.duo_chat_refactor_code = { provider: 'vendored', model: 'claude_sonnet_3_7' }));
  edit((c) => (c.features.duo_chat_summarize_comment = { provider: 'disabled' }));
  edit((c) => (c.features[keys[0]] = 'self_hosted'));
  edit((c) => (c.features.code_completions = { provider: 'self_hosted', model: 'Claude Sonnet 4.5 on Bedrock' }));
  edit((c) => {
    c.license = 'offline';
    c.features.review_merge_request = { provider: 'vendored' };
  });
  // GitLab 19.x: the timeout, the new features and families, the
  // resolution change of 19.4 and the dating windows.
  for (const t of [59, 60, 600, 601, 90.5, '60', null]) edit((c) => (c.ai_gateway.timeout_seconds = t));
  for (const v of ['19.2', '19.3']) {
    edit((c) => {
      c.gitlab_version = v;
      delete c.features.duo_chat_explain_code;
      delete c.features.duo_developer;
    });
  }
  edit((c) => (c.features.embeddings_code = { provider: 'self_hosted', model: 'Qwen3 Coder on vLLM' }));
  edit((c) => (c.features.security_review = { provider: 'disabled' }));
  edit((c) => (c.self_hosted_models[3].identifier = 'gemini-2.5-pro'));
  edit((c) => (c.self_hosted_models[3].endpoint = 'http://vertex.internal'));
  edit((c) => {
    c.gitlab_version = '18.11';
    c.self_hosted_models[1].identifier = 'bedrock/anthropic.claude-3-haiku-20240307-v1:0';
  });
  edit((c) => {
    c.add_ons = [];
    c.beta_models_and_features = false;
  });
  return out;
}

// The live form. Every answer comes from the package; this file only builds
// the configuration document from the form, calls the package and puts each
// diagnostic next to the field its path points at. No rule lives here.
import {
  bedrockIdentifier,
  checkUrl,
  compileAllowlist,
  init,
  parseIdentifier,
  resolveFeatures,
  validateConfig,
  version,
} from 'duo-selfhosted';

const $ = (id) => document.getElementById(id);
const form = $('config');
const choices = new Map(); // feature key -> 'unassigned' | 'self_hosted' | 'vendored' | 'disabled'
let featureKeys = '';

// What the form calls each choice, in the assignment table and in the
// results, so that the two tables speak the same words.
const CHOICES = [
  ['unassigned', 'not assigned'],
  ['self_hosted', 'self-hosted model from the form'],
  ['vendored', 'GitLab AI vendor model'],
  ['disabled', 'disabled'],
];
const choiceLabel = (value) => CHOICES.find(([v]) => v === value)?.[1] ?? value;

function text(id) {
  return $(id).value.trim();
}

function modelRecord() {
  const ids = ['model-name', 'model-family', 'model-endpoint', 'model-api-key', 'model-identifier', 'model-region', 'model-region-name'];
  if (ids.every((id) => $(id).value === '')) return null;
  const record = {
    name: $('model-name').value,
    family: text('model-family'),
    deployment: $('model-deployment').value,
  };
  if (text('model-endpoint') !== '') record.endpoint = text('model-endpoint');
  if ($('model-api-key').value !== '') record.api_key = $('model-api-key').value;
  record.identifier = text('model-identifier');
  if (record.deployment === 'bedrock' && text('model-region') !== '') record.aws_region = text('model-region');
  if (record.deployment === 'bedrock' && text('model-region-name') !== '') record.aws_region_name = text('model-region-name');
  return record;
}

/** The configuration document (the CLI's `check` input) the form describes. */
function configDocument() {
  const model = modelRecord();
  const features = {};
  for (const [feature, provider] of choices) {
    if (provider === 'self_hosted') features[feature] = { provider, model: model?.name ?? '' };
    else if (provider !== 'unassigned') features[feature] = { provider };
  }
  const doc = {
    gitlab_version: text('gitlab-version'),
    offering: 'self_managed',
    tier: 'ultimate',
    add_ons: ['duo_enterprise'],
    license: $('license').value,
    installation: 'linux_package',
    beta_models_and_features: $('beta').checked,
    network: {
      allow_local_requests_from_web_hooks_and_services: $('allow-local').checked,
      deny_all_requests_except_allowed: $('deny-all').checked,
      outbound_allowlist: $('allowlist').value,
    },
    self_hosted_models: model ? [model] : [],
    features,
  };
  if (text('ai-gateway-url') !== '' || text('ai-gateway-timeout') !== '') {
    doc.ai_gateway = {};
    if (text('ai-gateway-url') !== '') doc.ai_gateway.url = text('ai-gateway-url');
    // A number when it reads as one; otherwise the text, so that the package
    // reports the wrong type rather than the form dropping it.
    const timeout = text('ai-gateway-timeout');
    if (timeout !== '') doc.ai_gateway.timeout_seconds = /^-?\d+$/.test(timeout) ? Number(timeout) : timeout;
  }
  const tls = $('agent-platform-tls').value;
  if (text('agent-platform-url') !== '' || tls !== '') {
    doc.agent_platform = {};
    if (text('agent-platform-url') !== '') doc.agent_platform.url = text('agent-platform-url');
    if (tls !== '') doc.agent_platform.tls = tls === 'true';
  }
  return doc;
}

// Each field with a data-path gets a list for its diagnostics right after it
// (the assignment table holds the findings about the features as a whole).
const slots = [];
for (const field of form.querySelectorAll('[data-path]')) {
  const list = document.createElement('ul');
  list.className = 'diagnostics';
  list.dataset.for = field.id;
  (field.closest('.row') ?? field).after(list);
  slots.push({ path: field.dataset.path, field, list });
}

/** The slot whose path is the diagnostic's path or its nearest ancestor. */
function slotFor(path) {
  let best = null;
  for (const slot of slots) {
    const p = slot.path;
    const under = path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`);
    if (under && (best === null || p.length > best.path.length)) best = slot;
  }
  return best;
}

function item(d) {
  const li = document.createElement('li');
  li.className = d.severity;
  li.dataset.code = d.code;
  li.dataset.path = d.path;
  const code = document.createElement('code');
  code.textContent = d.code;
  li.append(code, ` ${d.message}`);
  return li;
}

function showDiagnostics(diagnostics) {
  for (const slot of slots) {
    slot.list.replaceChildren();
    slot.field.removeAttribute('aria-invalid');
  }
  const general = [];
  for (const d of diagnostics) {
    const slot = slotFor(d.path);
    if (slot === null) {
      general.push(item(d));
      continue;
    }
    slot.list.append(item(d));
    if (d.severity === 'error' && slot.field.matches('input, select, textarea')) slot.field.setAttribute('aria-invalid', 'true');
  }
  $('general-diagnostics').replaceChildren(...general);
}

// Re-rendered only when its text changes, so that a click on its button is
// not lost when the field the admin leaves fires a change event first.
function suggestion(el, message, value, apply) {
  const key = value === null ? '' : `${message}\u0000${value}`;
  if (el.dataset.key === key) return;
  el.dataset.key = key;
  if (value === null) {
    el.hidden = true;
    el.replaceChildren();
    return;
  }
  const code = document.createElement('code');
  code.textContent = value;
  el.replaceChildren(`${message} `, code);
  if (apply) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Use it';
    button.addEventListener('click', apply);
    el.append(button);
  }
  el.hidden = false;
}

// The allowlist compiled once per text: typing in the URL field matches
// against it without parsing the list again.
let allowlist = { text: null, compiled: null };
function compiledAllowlist() {
  const current = $('allowlist').value;
  if (allowlist.text !== current) {
    allowlist.compiled?.free();
    allowlist = { text: current, compiled: compileAllowlist(current) };
  }
  return allowlist.compiled;
}

function suggestAllowlistEntry() {
  const url = text('ai-gateway-url');
  if (url === '') return suggestion($('allowlist-suggestion'), '', null);
  const verdict = checkUrl(url, { preset: 'ai-gateway' });
  const entry = verdict.suggested_allowlist_entry;
  if (entry === null || verdict.canonical_host === null) return suggestion($('allowlist-suggestion'), '', null);
  const match = compiledAllowlist().match(verdict.canonical_host, verdict.port ?? undefined);
  if (match.matched) {
    return suggestion($('allowlist-suggestion'), 'Allowed by the allowlist entry', match.entry);
  }
  suggestion($('allowlist-suggestion'), 'Add to the outbound allowlist:', entry, () => {
    const area = $('allowlist');
    area.value = area.value.trim() === '' ? entry : `${area.value.replace(/\s+$/, '')}\n${entry}`;
    update();
  });
}

function suggestIdentifier() {
  const el = $('identifier-suggestion');
  const region = text('model-region');
  const identifier = text('model-identifier');
  if ($('model-deployment').value !== 'bedrock' || region === '' || identifier === '') return suggestion(el, '', null);
  const parsed = parseIdentifier(identifier, 'bedrock');
  if (parsed.model === null || parsed.model === '') return suggestion(el, '', null);
  const built = bedrockIdentifier({ region, model: parsed.model });
  if (built.identifier === null || built.identifier === identifier) return suggestion(el, '', null);
  suggestion(el, `For ${region} (profiles dated ${built.data_date}) use`, built.identifier, () => {
    $('model-identifier').value = built.identifier;
    update();
  });
}

function assignmentOptions(feature) {
  const select = document.createElement('select');
  select.dataset.feature = feature;
  for (const [value, label] of CHOICES) {
    select.add(new Option(value === 'unassigned' ? `(${label})` : label, value));
  }
  select.value = choices.get(feature) ?? 'unassigned';
  select.addEventListener('change', () => {
    choices.set(feature, select.value);
    update();
  });
  return select;
}

function renderAssignments(features) {
  // Titles and sections change with the GitLab version, not only the keys.
  const keys = features.map((f) => `${f.feature}\u0000${f.title}\u0000${f.group}`).join('\u0001');
  if (keys === featureKeys) return;
  featureKeys = keys;
  slots.splice(0, slots.length, ...slots.filter((s) => !s.path.startsWith('features.')));
  const rows = features.map((f) => {
    const tr = document.createElement('tr');
    const select = assignmentOptions(f.feature);
    select.id = `feature-${f.feature}`;
    select.dataset.path = `features.${f.feature}`;
    const cell = document.createElement('td');
    cell.dataset.label = 'Model';
    const list = document.createElement('ul');
    list.className = 'diagnostics';
    list.dataset.for = select.id;
    cell.append(select, list);
    slots.push({ path: select.dataset.path, field: select, list });
    const title = document.createElement('td');
    title.dataset.label = 'Feature';
    title.textContent = f.title;
    const group = document.createElement('td');
    group.dataset.label = 'Group';
    group.textContent = f.group;
    tr.append(title, group, cell);
    return tr;
  });
  $('assignments').tBodies[0].replaceChildren(...rows);
}

// What a feature ends up with, in the admin's words.
function uses(f) {
  if (f.provider === 'disabled') return 'nothing (disabled)';
  if (f.model === null) return f.provider === 'vendored' ? "GitLab's default model" : 'no model';
  return f.family === null ? f.model : `${f.model} (${f.family})`;
}

const VIA = {
  own: 'own setting',
  general_chat_fallback: 'General Chat fallback',
  instance_model_selection: 'instance model selection',
};

// One row per feature: what the form assigns, what GitLab will use, and
// GitLab's reason (the package's `via` and `reason`), so that a feature
// the form leaves unassigned never reads as if the admin had chosen a model.
function renderResolution(features) {
  const rows = features.map((f) => {
    const tr = document.createElement('tr');
    tr.dataset.feature = f.feature;
    tr.dataset.via = f.via;
    tr.dataset.provider = f.provider;
    if (f.via === 'general_chat_fallback') tr.className = 'fallback';
    if (f.via === 'instance_model_selection') tr.className = 'instance-default';
    const cell = (label, ...content) => {
      const td = document.createElement('td');
      td.dataset.label = label;
      td.append(...content);
      tr.append(td);
      return td;
    };
    const chosen = choices.get(f.feature) ?? 'unassigned';
    cell('Feature', f.title);
    cell('In the form', choiceLabel(chosen));
    cell('Uses', uses(f));
    const via = document.createElement('strong');
    // `own` for a feature the form leaves unassigned is its own lack of a setting.
    via.textContent = f.via === 'own' && chosen === 'unassigned' ? 'no setting of its own' : (VIA[f.via] ?? f.via);
    const reason = document.createElement('span');
    reason.className = 'reason';
    reason.textContent = f.reason;
    cell('Why', via, reason);
    const on = cell('On', f.enabled ? 'on' : 'off');
    if (!f.enabled) on.className = 'off';
    return tr;
  });
  $('resolution').tBodies[0].replaceChildren(...rows);
}

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Whether the admin has entered nothing yet (the version and licence always have a value). */
function nothingEntered(doc) {
  return (
    doc.ai_gateway === undefined &&
    doc.agent_platform === undefined &&
    doc.self_hosted_models.length === 0 &&
    Object.keys(doc.features).length === 0 &&
    doc.network.outbound_allowlist.trim() === '' &&
    !doc.network.allow_local_requests_from_web_hooks_and_services &&
    !doc.network.deny_all_requests_except_allowed &&
    !doc.beta_models_and_features
  );
}

function showStatus(report, doc) {
  const count = (severity) => report.diagnostics.filter((d) => d.severity === severity).length;
  const [errors, warnings] = [count('error'), count('warning')];
  const status = $('status');
  let state;
  let message;
  if (errors > 0) {
    state = 'invalid';
    message = warnings > 0 ? `${plural(errors, 'error')}, ${plural(warnings, 'warning')}` : plural(errors, 'error');
  } else if (nothingEntered(doc)) {
    state = 'empty';
    message = 'Nothing to check yet: enter a setting, add a model or assign a feature.';
  } else {
    state = 'valid';
    message = warnings > 0 ? `Valid, with ${plural(warnings, 'warning')}` : 'Valid';
  }
  status.textContent = message;
  status.dataset.state = state;
  status.dataset.valid = String(report.valid);
}

function update() {
  const bedrock = $('model-deployment').value === 'bedrock';
  $('region-row').hidden = !bedrock;
  $('region-name-row').hidden = !bedrock;
  const doc = configDocument();
  const resolution = resolveFeatures(doc);
  renderAssignments(resolution.features);
  const report = validateConfig(doc);
  showDiagnostics(report.diagnostics);
  renderResolution(resolution.features);
  suggestAllowlistEntry();
  suggestIdentifier();
  showStatus(report, doc);
}

// For tests and curious admins: the document the form currently describes.
window.duoDemo = { document: configDocument };

await init();
$('version').textContent = version();
form.addEventListener('input', update);
form.addEventListener('change', update);
update();

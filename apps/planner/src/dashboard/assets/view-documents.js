/* global document, URLSearchParams */
/* Documents: worksheets, runbooks (en/fr) and the failover plan wizard (goal → pools → state → steps, checked). */
import { getBlob, getJson, postJson } from './api.js';
import { getLang, t } from './i18n.js';
import { esc, saveBlob, shortName, when } from './util.js';

const $ = (id) => document.getElementById(id);
const WORKSHEETS = ['all', 'database', 'filestore', 'settings', 'restore'];
const FIELDS = {
  failover: ['pool', 'planned'], failback: ['pool', 'planned'], serve: ['usersOf', 'by', 'planned'], rebuild: ['failed', 'newFqdn'],
  'edge-failover': ['edgePool', 'to'], 'edge-failback': ['edgePool'], 'edge-associate': ['pool', 'edge'], 'cms-failover': ['planned'],
  'db-failover': ['pool', 'type'], 'restore-conference-content': ['pool'],
};
const DB_TYPES = ['User', 'CentralMgmt', 'Archiving', 'Monitoring', 'PersistentChat', 'PersistentChatCompliance', 'Application'];
let wiz = { steps: [], violation: null, checked: null, error: null, warnings: [] };
let ctx = null;
let onRunStarted = () => {};

const sel = (id, values, label = (v) => v, extra = '') =>
  `<select id="${id}" ${extra}>${values.map((v) => `<option value="${esc(v)}">${esc(label(v))}</option>`).join('')}</select>`;
const field = (labelKey, control) => `<label><span>${esc(t(labelKey))}</span>${control}</label>`;
const langSel = (id) => sel(id, ['en', 'fr'], (l) => (l === 'en' ? 'English' : 'Français'));
const fmtSel = (id) => sel(id, ['pdf', 'md', 'html'], (f) => f.toUpperCase());

function pools(kinds) {
  return (ctx.topology?.pools ?? []).filter((p) => !kinds || kinds.includes(p.kind)).map((p) => p.fqdn);
}
const REG = ['FrontEnd', 'StandardEdition'];

async function download(path, name, out) {
  out.textContent = '…';
  try {
    saveBlob(await getBlob(path), name);
    out.textContent = name;
  } catch (e) {
    out.textContent = t('error', { message: e.message });
  }
}

/** The comparison of the printed documents with the newest CMS export (`/api/stale-documents`), or null. */
let drift = null;

const docName = (d) => {
  if (d.kind === 'runbook') {
    const [id, ...pools] = d.name.split(' ');
    const rb = (ctx?.runbooks?.runbooks ?? []).find((r) => r.id === id);
    return `${rb?.title?.[getLang()] ?? id}${pools.length ? ` — ${pools.map(shortName).join(', ')}` : ''}`;
  }
  return d.kind === 'worksheet' ? t(`wsKind_${d.name}`) : d.name;
};

/** Worksheets and runbooks are downloaded again as they were asked for; a plan needs its state: the wizard makes it. */
function againQuery(d) {
  if (d.kind === 'worksheet') return `/api/documents/worksheet?${new URLSearchParams({ kind: d.name, lang: d.lang, format: d.format })}`;
  if (d.kind !== 'runbook') return null;
  const [procedure, ...pools] = d.name.split(' ');
  const q = new URLSearchParams({ procedure, lang: d.lang, format: d.format });
  for (const p of pools) q.append('pool', p);
  return `/api/documents/runbook?${q}`;
}

/** The "Printed documents" block: whether what was printed still matches the newest CMS export, and what to print again. */
function renderStale() {
  const root = $('docs-stale');
  if (!root) return;
  if (!drift || (!drift.export && !drift.documents.length)) {
    root.hidden = true;
    root.innerHTML = '';
    return;
  }
  const lang = getLang();
  const again = drift.documents.filter((d) => d.stale);
  const head = drift.unknown ? `<p class="note">${esc(t('staleUnknown'))}</p>`
    : drift.stale ? `<p class="stale-alert" role="alert"><strong>${esc(t('staleTitle'))}</strong> ` +
      `${esc(drift.deploymentDiffers ? t('staleExport', { file: drift.export?.file ?? '', at: when(drift.export?.observedAt, lang) }) : t('staleOlder'))}</p>` +
      (drift.changes.length ? `<h4>${esc(t('staleChanges'))}</h4><ul class="stale-changes">${drift.changes.map((c) => `<li>${esc(c)}</li>`).join('')}</ul>` : '') +
      `<h4>${esc(t('staleAgain'))}</h4>` + (again.length ? '' : `<p class="note">${esc(t('staleAgainAll'))}</p>`)
    : `<p class="check-ok">${esc(drift.export ? t('staleCurrent', { file: drift.export.file ?? '', at: when(drift.export.observedAt, lang) }) : t('staleCurrentDeployment'))}</p>`;
  const rows = drift.documents.map((d, i) => `<tr data-kind="${esc(d.kind)}" data-name="${esc(d.name)}" data-lang="${esc(d.lang)}" data-stale="${d.stale}">` +
    `<td>${esc(t(`docKind_${d.kind}`))}</td><td>${esc(docName(d))}</td><td>${esc(d.lang)} · ${esc(d.format.toUpperCase())}</td>` +
    `<td><time datetime="${esc(d.at)}">${esc(when(d.at, lang))}</time></td><td><code>${esc(d.fingerprint.slice(0, 16))}</code></td>` +
    `<td><span class="badge ${d.stale ? 'late' : 'ok'}">${esc(t(d.stale ? 'docReprint' : 'docCurrent'))}</span>` +
    `${d.stale && againQuery(d) ? ` <button type="button" class="secondary doc-again" data-i="${i}">${esc(t('download'))}</button>` : ''}</td></tr>`).join('');
  root.hidden = false;
  root.innerHTML = `<legend>${esc(t('printed'))}</legend>${head}` +
    (drift.documents.length ? `<div class="table-wrap"><table class="printed"><thead><tr><th scope="col">${esc(t('kind'))}</th><th scope="col">${esc(t('docTitle'))}</th>` +
      `<th scope="col">${esc(t('language'))}</th><th scope="col">${esc(t('docPrinted'))}</th><th scope="col">${esc(t('docFingerprint'))}</th><th scope="col">${esc(t('status'))}</th></tr></thead>` +
      `<tbody>${rows}</tbody></table></div><p class="note" id="stale-out" role="status"></p>` : '');
}

/** Loads `/api/stale-documents` (a planner without it shows no block). */
export async function loadStale() {
  try {
    drift = await getJson('/api/stale-documents');
  } catch (e) {
    if (e.status !== 404) throw e;
    drift = null;
  }
  renderStale();
}

export function renderDocuments(state) {
  ctx = state;
  const lang = getLang();
  const runbooks = state.runbooks?.runbooks ?? [];
  const goals = state.runbooks?.goals ?? Object.keys(FIELDS);
  $('docs').innerHTML = '<fieldset id="docs-stale" class="printed-docs" hidden></fieldset>' +
    `<div class="docgrid"><fieldset><legend>${esc(t('worksheets'))}</legend><div class="docform">` +
      field('kind', sel('ws-kind', WORKSHEETS)) + field('language', langSel('ws-lang')) + field('format', fmtSel('ws-format')) +
      `<button type="button" id="ws-go">${esc(t('download'))}</button></div><p class="note" id="ws-out" role="status"></p></fieldset>` +
    `<fieldset><legend>${esc(t('runbooks'))}</legend><div class="docform">` +
      field('procedure', `<select id="rb-id">${runbooks.map((r) => `<option value="${esc(r.id)}" ${r.applies ? 'disabled' : ''}>${esc(r.title[lang] ?? r.id)}${r.applies ? ` — ${esc(t('notApplicable', { why: r.applies }))}` : ''}</option>`).join('')}</select>`) +
      field('pool', sel('rb-pool', ['', ...pools(null)], (v) => v || t('anyPool'))) + field('language', langSel('rb-lang')) + field('format', fmtSel('rb-format')) +
      `<button type="button" id="rb-go">${esc(t('download'))}</button></div><p class="note" id="rb-out" role="status"></p></fieldset></div>` +
    `<fieldset id="wizard"><legend>${esc(t('plans'))}</legend>` +
      `<h3>${esc(t('step1'))}</h3><div class="docform">${field('goal', sel('pw-goal', goals))}</div>` +
      `<h3>${esc(t('step2'))}</h3><div class="docform" id="pw-fields"></div>` +
      `<h3>${esc(t('step3'))}</h3><p class="note">${esc(t('stateHint'))}</p><div id="pw-state"></div>` +
      `<h3>${esc(t('step4'))}</h3><div class="docform"><button type="button" id="pw-plan">${esc(t('makePlan'))}</button>` +
      `<button type="button" id="pw-check" class="secondary">${esc(t('checkSteps'))}</button>` +
      field('language', langSel('pw-lang')) + `<button type="button" id="pw-pdf" class="secondary">${esc(t('downloadPlan'))}</button></div><p class="note" id="pw-out" role="status"></p>` +
      `<div id="pw-result" aria-live="polite"></div>` + (!state.runsApi ? '' :
      `<h3>${esc(t('step5'))}</h3><div class="docform">${field('runTitle', `<input id="pw-title" type="text" autocomplete="off" size="40" value="${esc(t('drillTitle'))}">`)}` +
      `${field('kind', sel('pw-kind', ['drill', 'real'], (k) => t(`kind_${k}`)))}<button type="button" id="pw-drill">${esc(t('startRun'))}</button></div>` +
      `<p class="note" id="pw-run-out" role="status"></p>`) + '</fieldset>';
  for (const id of ['ws-lang', 'rb-lang', 'pw-lang']) $(id).value = lang;
  const firstApplicable = runbooks.find((r) => !r.applies);
  if (firstApplicable) $('rb-id').value = firstApplicable.id;
  renderGoalFields();
  renderSteps();
  renderStale();
}

function renderGoalFields() {
  const goal = $('pw-goal').value;
  const reg = pools(REG), edges = pools(['Edge']);
  const controls = {
    pool: field('pool', sel('pw-pool', reg)), usersOf: field('usersOf', sel('pw-usersOf', reg)), by: field('by', sel('pw-by', reg.slice().reverse())),
    failed: field('failedPool', sel('pw-failed', reg)), newFqdn: field('newFqdn', '<input id="pw-newFqdn" type="text" value="pool03.contoso.example">'),
    edgePool: field('edge', sel('pw-edgePool', edges)), to: field('to', sel('pw-to', ['', ...edges], (v) => v || '—')),
    edge: field('edge', sel('pw-edge', edges)), type: field('dbType', sel('pw-type', DB_TYPES)),
    planned: `<label class="inline"><span>${esc(t('planned'))}</span><input type="checkbox" id="pw-planned"></label>`,
  };
  $('pw-fields').innerHTML = (FIELDS[goal] ?? []).map((f) => controls[f]).join('');
  renderState();
}

/** Pools the goal implies are down (a disaster failover, a rebuild, an Edge failover), pre-ticked in step 3. */
function impliedDown() {
  const goal = $('pw-goal').value;
  const planned = $('pw-planned')?.checked;
  if (goal === 'failover' && !planned) return [$('pw-pool')?.value];
  if (goal === 'rebuild') return [$('pw-failed')?.value];
  if (goal === 'edge-failover') return [$('pw-edgePool')?.value];
  return [];
}

function renderState() {
  const topo = ctx.topology;
  if (!topo) {
    $('pw-state').innerHTML = `<p class="note">${esc(t('noTopology'))}</p>`;
    return;
  }
  const down = new Set(impliedDown());
  const reg = pools(REG);
  const partner = (p) => topo.pairs.find((pair) => pair.includes(p))?.find((x) => x !== p) ?? null;
  $('pw-state').innerHTML = `<div class="poolstate">` + topo.pools.filter((p) => REG.includes(p.kind) || p.kind === 'Edge' || p.kind === 'Director').map((p) => {
    const st = ctx.poolStatus.get(p.fqdn) ?? 'unknown';
    const mate = REG.includes(p.kind) ? partner(p.fqdn) : null;
    return `<div><label><input type="checkbox" class="pw-down" value="${esc(p.fqdn)}" ${down.has(p.fqdn) ? 'checked' : ''}> ${esc(t('down'))}: <strong>${esc(shortName(p.fqdn))}</strong>` +
      ` <span class="badge ${st}">${esc(t('liveStatus', { status: t(st) }))}</span></label>` +
      (mate ? `<label>${esc(t('failedOverTo'))} <select class="pw-fo" data-home="${esc(p.fqdn)}"><option value="">${esc(t('none'))}</option><option value="${esc(mate)}">${esc(mate)}</option></select></label>` : '') +
      '</div>';
  }).join('') + `</div><div class="docform">${field('cmsActive', sel('pw-cms', reg, (v) => v))}</div>`;
  if (topo.cms?.pool && reg.includes(topo.cms.pool)) $('pw-cms').value = topo.cms.pool;
}

function stateJson() {
  const failedOver = {};
  for (const s of document.querySelectorAll('.pw-fo')) if (s.value) failedOver[s.dataset.home] = s.value;
  const down = [...document.querySelectorAll('.pw-down:checked')].map((c) => c.value);
  return { failedOver, down, cmsActive: $('pw-cms')?.value || null };
}

function planQuery() {
  const q = new URLSearchParams({ goal: $('pw-goal').value });
  for (const k of ['pool', 'usersOf', 'by', 'failed', 'newFqdn', 'to', 'edge', 'type']) {
    const el = $(`pw-${k}`);
    if (el?.value) q.set(k, el.value);
  }
  if ($('pw-edgePool')?.value) q.set('pool', $('pw-edgePool').value);
  if ($('pw-planned')?.checked) q.set('planned', 'true');
  q.set('state', JSON.stringify(stateJson()));
  return q;
}

/** Plan texts come as { code, params, text } (text in the language asked for); steps a person added are plain text. */
const say = (x) => (typeof x === 'string' ? x : x?.text ?? x?.message ?? JSON.stringify(x));

function renderSteps() {
  const out = $('pw-result');
  if (!out) return;
  const v = wiz.violation;
  const head = wiz.error ? `<p class="step-error" role="alert">${esc(t('error', { message: wiz.error }))}</p>` :
    v ? `<p class="step-error" role="alert">${esc(t('violation', { n: v.stepN, rule: v.rule, message: v.message }))}</p>` :
    wiz.checked ? `<p class="check-ok">${esc(t('checkOk', { n: wiz.checked }))}</p>` : '';
  const warn = wiz.warnings.length ? `<h4>${esc(t('warnings'))}</h4><ul>${wiz.warnings.map((w) => `<li>${esc(say(w))}</li>`).join('')}</ul>` : '';
  out.innerHTML = head + warn + `<ol class="steps">${wiz.steps.map((s, i) => {
    const n = i + 1;
    const bad = v && v.stepN === n;
    return `<li class="${bad ? 'bad' : ''}" data-n="${n}" ${bad ? 'aria-invalid="true"' : ''}><div class="step-head"><span><span class="n">${n}.</span>${esc(say(s.title))}` +
      `${s.manual ? ` <span class="badge unknown">${esc(t('manual'))}</span>` : ''}${s.on ? ` <small>${esc(t('on'))} ${esc(s.on)}</small>` : ''}</span>` +
      `<span class="step-tools"><button type="button" class="secondary mv" data-i="${i}" data-d="-1" aria-label="${esc(t('moveUp', { n }))}" ${i === 0 ? 'disabled' : ''}>↑</button>` +
      `<button type="button" class="secondary mv" data-i="${i}" data-d="1" aria-label="${esc(t('moveDown', { n }))}" ${n === wiz.steps.length ? 'disabled' : ''}>↓</button>` +
      `<button type="button" class="secondary rm" data-i="${i}" aria-label="${esc(t('remove', { n }))}">✕</button></span></div>` +
      (s.command ? `<code class="cmd">${esc(s.command)}</code>` : '') +
      (s.instructions?.length ? `<ul>${s.instructions.map((x) => `<li>${esc(say(x))}</li>`).join('')}</ul>` : '') +
      (s.check ? `<div><small>${esc(t('verify'))}: ${esc(say(s.check))}</small></div>` : '') +
      (bad ? `<p class="step-error">${esc(v.message)} <small>(${esc(v.rule)}, ${esc(v.ref)})</small></p>` : '') + '</li>';
  }).join('')}</ol>`;
}

async function makePlan() {
  wiz = { steps: [], violation: null, checked: null, error: null, warnings: [] };
  try {
    const q = planQuery();
    q.set('lang', getLang());
    const p = await getJson(`/api/plan?${q}`);
    wiz.steps = p.steps;
    wiz.warnings = p.warnings ?? [];
  } catch (e) {
    wiz.error = e.message;
  }
  renderSteps();
}

async function checkSteps() {
  wiz.violation = null;
  wiz.checked = null;
  wiz.error = null;
  try {
    const steps = wiz.steps.map((s) => ({ command: s.command ?? null, on: s.on ?? null, op: s.op ?? null }));
    const q = new URLSearchParams({ steps: JSON.stringify({ steps }), state: JSON.stringify(stateJson()) });
    const r = await getJson(`/api/plan/check?${q}`);
    if (r.ok) wiz.checked = r.steps;
    else wiz.violation = r.violation;
  } catch (e) {
    wiz.error = e.message;
  }
  renderSteps();
  document.querySelector('#pw-result li.bad button, #pw-result .check-ok')?.focus?.();
}

/** Starts a drill (or a real run) of the goal as the wizard sets it: the planner plans it again and freezes it. */
async function startRun() {
  const q = planQuery();
  const args = {};
  for (const [k, v] of q) if (k !== 'goal') args[k] = k === 'planned' ? v === 'true' : v;
  $('pw-run-out').textContent = '…';
  try {
    const r = await postJson(`/api/runs?lang=${getLang()}`, { goal: q.get('goal'), args, kind: $('pw-kind').value, title: $('pw-title').value.trim() });
    $('pw-run-out').textContent = t('runStarted', { title: r.title });
    onRunStarted(r.id);
  } catch (e) {
    $('pw-run-out').textContent = e.status === 403 ? t('adminNeeded') : t('error', { message: e.message });
  }
}

/** Sets the wizard to a goal and its arguments (`pool`, `to`, `type`, `planned`…, as in /api/plan) and the state it implies. */
function fillWizard(goal, args = {}) {
  $('pw-goal').value = goal;
  renderGoalFields();
  const values = { ...args };
  // The wizard names the Edge pool of an Edge goal edgePool; /api/plan takes it as pool.
  if ((goal === 'edge-failover' || goal === 'edge-failback') && values.pool !== undefined) {
    values.edgePool = values.pool;
    delete values.pool;
  }
  for (const [k, v] of Object.entries(values)) {
    const el = $(`pw-${k}`);
    if (!el) continue;
    if (el.type === 'checkbox') el.checked = v === true || v === 'true';
    else el.value = String(v ?? '');
  }
  renderState();
}

/** Opens the wizard on a goal (from the Readiness view) with its steps planned. */
export async function openPlan(goal, args) {
  fillWizard(goal, args);
  await makePlan();
  $('wizard').scrollIntoView?.({ block: 'start' });
  $('pw-goal').focus();
}

/** Downloads the plan of a goal as a PDF in the page's language, from the state the wizard implies for it. */
export async function planPdf(goal, args, out) {
  fillWizard(goal, args);
  const q = planQuery();
  q.set('format', 'pdf');
  q.set('lang', getLang());
  await download(`/api/plan?${q}`, `plan-${goal}-${q.get('lang')}.pdf`, out);
}

/** `runStarted(id)` is called with the id of a run the wizard started. */
export function bindDocuments(runStarted = () => {}) {
  onRunStarted = runStarted;
  $('docs').addEventListener('click', (ev) => {
    const b = ev.target.closest('button');
    if (!b) return;
    if (b.id === 'ws-go') {
      const q = new URLSearchParams({ kind: $('ws-kind').value, lang: $('ws-lang').value, format: $('ws-format').value });
      void download(`/api/documents/worksheet?${q}`, `worksheet-${q.get('kind')}-${q.get('lang')}.${q.get('format')}`, $('ws-out'));
    } else if (b.id === 'rb-go') {
      const q = new URLSearchParams({ procedure: $('rb-id').value, lang: $('rb-lang').value, format: $('rb-format').value });
      if ($('rb-pool').value) q.set('pool', $('rb-pool').value);
      void download(`/api/documents/runbook?${q}`, `runbook-${q.get('procedure')}-${q.get('lang')}.${q.get('format')}`, $('rb-out'));
    } else if (b.classList.contains('doc-again')) {
      const d = drift?.documents?.[Number(b.dataset.i)];
      const url = d && againQuery(d);
      if (url) void download(url, `${d.kind}-${d.name.split(' ')[0]}-${d.lang}.${d.format}`, $('stale-out')).then(() => loadStale());
    } else if (b.id === 'pw-plan') {
      void makePlan();
    } else if (b.id === 'pw-check') {
      void checkSteps();
    } else if (b.id === 'pw-drill') {
      void startRun();
    } else if (b.id === 'pw-pdf') {
      const q = planQuery();
      q.set('format', 'pdf');
      q.set('lang', $('pw-lang').value);
      void download(`/api/plan?${q}`, `plan-${q.get('goal')}-${q.get('lang')}.pdf`, $('pw-out'));
    } else if (b.classList.contains('mv')) {
      const i = Number(b.dataset.i), j = i + Number(b.dataset.d);
      [wiz.steps[i], wiz.steps[j]] = [wiz.steps[j], wiz.steps[i]];
      wiz.violation = null;
      wiz.checked = null;
      renderSteps();
      document.querySelector(`#pw-result li[data-n="${j + 1}"] button.mv[data-d="${b.dataset.d}"]:not([disabled])`)?.focus();
    } else if (b.classList.contains('rm')) {
      wiz.steps.splice(Number(b.dataset.i), 1);
      wiz.violation = null;
      wiz.checked = null;
      renderSteps();
    }
  });
  $('docs').addEventListener('change', (ev) => {
    const id = ev.target.id;
    if (id === 'pw-goal') renderGoalFields();
    else if (['pw-pool', 'pw-failed', 'pw-edgePool', 'pw-planned'].includes(id)) renderState();
  });
}

/* global document, navigator, location, URLSearchParams */
/* Drills and real runs: the list, one run's checklist (live for every browser), the step to do now, the timer, the report. */
import { getBlob, getJson, postJson } from './api.js';
import { getLang, t } from './i18n.js';
import { duration, esc, saveBlob, when } from './util.js';

const $ = (id) => document.getElementById(id);
const STEP_CLASS = { pending: 'unknown', running: 'late', done: 'ok', failed: 'failed', skipped: 'unknown' };
let runs = [];
let run = null;
let openId = null;
let events = null;
let error = null;
let ticker = null;

const badge = (status) => `<span class="badge ${STEP_CLASS[status] ?? 'unknown'}">${esc(t(`step_${status}`))}</span>`;
const elapsed = (r, now = Date.now()) => ((r.finishedAt ? Date.parse(r.finishedAt) : now) - Date.parse(r.startedAt)) / 1000;
const lang = () => getLang();

/** The measured figures of a finished run (the summary's fields that exist are shown; the rest is in the report). */
function figures(s) {
  if (!s || typeof s !== 'object') return '';
  const rows = [];
  const minutes = (v) => (typeof v === 'number' ? duration(v * 60, lang()) : null);
  const secs = (v) => (typeof v === 'number' ? duration(v, lang()) : null);
  const total = secs(s.totalSeconds) ?? minutes(s.totalMinutes);
  const down = secs(s.usersDownSeconds) ?? minutes(s.usersDownMinutes);
  const rto = secs(s.measuredRtoSeconds) ?? minutes(s.measuredRtoMinutes) ?? minutes(s.rto?.measuredMinutes);
  const target = minutes(s.targetRtoMinutes) ?? minutes(s.rto?.targetMinutes);
  if (total) rows.push([t('runTotal'), total]);
  if (down) rows.push([t('runUsersDown'), down]);
  if (rto) rows.push([t('runRto'), target ? t('runRtoVs', { rto, target }) : rto]);
  return rows.length ? `<dl class="card run-figures">${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>` : '';
}

function renderList() {
  return runs.length
    ? `<div class="table-wrap"><table class="run-list"><thead><tr><th scope="col">${esc(t('runTitle'))}</th><th scope="col">${esc(t('kind'))}</th>` +
      `<th scope="col">${esc(t('runStartedAt'))}</th><th scope="col">${esc(t('runOutcome'))}</th><th scope="col"><span class="sr">${esc(t('runOpen'))}</span></th></tr></thead><tbody>` +
      runs.map((r) => `<tr${r.id === openId ? ' aria-current="true"' : ''}><td>${esc(r.title)}</td><td>${esc(t(`kind_${r.kind}`))}</td>` +
        `<td><time datetime="${esc(r.started)}">${esc(when(r.started, lang()))}</time></td><td>${esc(r.outcome ? t(`outcome_${r.outcome}`) : t('runInProgress'))}</td>` +
        `<td><button type="button" class="secondary run-open" data-id="${esc(r.id)}">${esc(t('runOpen'))}</button></td></tr>`).join('') +
      '</tbody></table></div>'
    : `<p class="note">${esc(t('noDrills'))}</p>`;
}

function renderCurrent(r) {
  if (r.finishedAt) return `<p class="run-done">${esc(t('runFinished', { outcome: t(`outcome_${r.outcome}`), at: when(r.finishedAt, lang()) }))}</p>`;
  const s = r.steps.find((x) => x.n === r.next);
  if (!s) return `<p class="run-done">${esc(t('runAllDone'))}</p>`;
  return `<div class="run-now" data-n="${s.n}"><p class="run-big"><span class="n">${s.n}.</span> ${esc(s.title)}` +
    `${s.manual ? ` <span class="badge unknown">${esc(t('manual'))}</span>` : ''}</p>` +
    (s.on ? `<p class="note">${esc(t('on'))} ${esc(s.on)}</p>` : '') +
    (s.command ? `<div class="run-cmd"><code class="cmd" id="run-cmd">${esc(s.command)}</code><button type="button" class="secondary" id="run-copy">${esc(t('copy'))}</button></div>` : '') +
    (s.instructions.length ? `<ul>${s.instructions.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>` : '') +
    (s.check ? `<p><small>${esc(t('verify'))}: ${esc(s.check)}</small></p>` : '') + '</div>';
}

/** The buttons of one step: what may come next from its status. */
function actions(r, s) {
  if (r.finishedAt) return '';
  const b = (status, key, cls = 'secondary') => `<button type="button" class="${cls} run-set" data-n="${s.n}" data-status="${status}">${esc(t(key))}</button>`;
  if (s.status === 'pending') return b('running', 'stepStart') + b('done', 'stepDone') + b('skipped', 'stepSkip');
  if (s.status === 'running') return b('done', 'stepDone', '') + b('failed', 'stepFail') + b('skipped', 'stepSkip');
  if (s.status === 'failed') return b('running', 'stepRetry', '') + b('skipped', 'stepSkip');
  return '';
}

function renderSteps(r) {
  return `<ol class="steps run-steps">${r.steps.map((s) => {
    const times = s.startedAt ? `<small>${esc(when(s.startedAt, lang()))}${s.endedAt ? ` → ${esc(when(s.endedAt, lang()))}` : ''}` +
      `${s.startedAt && s.endedAt ? ` (${esc(duration((Date.parse(s.endedAt) - Date.parse(s.startedAt)) / 1000, lang()))})` : ''}</small>` : '';
    return `<li class="run-step ${esc(s.status)}${s.n === r.next ? ' next' : ''}" data-n="${s.n}" data-status="${esc(s.status)}">` +
      `<div class="step-head"><span><span class="n">${s.n}.</span>${esc(s.title)} ${badge(s.status)}</span><span class="step-tools">${actions(r, s)}</span></div>` +
      `<div class="run-meta">${times}${s.operators.length ? ` <small>· ${esc(s.operators.join(', '))}</small>` : ''}` +
      `${s.estimateMinutes ? ` <small>· ${esc(t('estimate', { d: duration(s.estimateMinutes * 60, lang()) }))}</small>` : ''}</div>` +
      (s.reason ? `<p class="run-reason">${esc(t('reasonGiven'))}: ${esc(s.reason)}</p>` : '') +
      (s.status === 'failed' && !r.finishedAt ? `<p class="run-rollback" role="note">${esc(r.rollback ? t('rollbackHint', { plan: r.rollback }) : t('rollbackNone'))}</p>` : '') +
      (s.notes.length ? `<ul class="run-notes">${s.notes.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>` : '') +
      (s.evidence.length ? `<ul class="run-evidence">${s.evidence.map((e) => `<li><button type="button" class="secondary run-ev" data-id="${esc(e.id)}" data-name="${esc(e.name)}">${esc(e.name)}</button> <small>${e.size} B</small>` +
        (e.excerpt ? `<pre>${esc(e.excerpt)}</pre>` : '') + '</li>').join('')}</ul>` : '') + '</li>';
  }).join('')}</ol>`;
}

function renderEvents() {
  if (!events) return '';
  return `<div class="table-wrap"><table class="run-events"><thead><tr><th scope="col">#</th><th scope="col">${esc(t('at'))}</th><th scope="col">${esc(t('operator'))}</th><th scope="col">${esc(t('change'))}</th></tr></thead><tbody>` +
    events.map((e) => `<tr><td>${e.seq}</td><td><time datetime="${esc(e.at)}">${esc(when(e.at, lang()))}</time></td><td>${esc(e.operator)}</td><td>${esc(describe(e))}</td></tr>`).join('') +
    '</tbody></table></div>';
}

function describe(e) {
  if (e.type === 'run.started') return t('evStarted', { kind: t(`kind_${e.kind}`), title: e.title });
  if (e.type === 'step.changed') return t('evStep', { n: e.n, status: t(`step_${e.status}`) }) + (e.reason ? ` — ${e.reason}` : '') + (e.note ? ` — ${e.note}` : '');
  if (e.type === 'evidence.added') return t('evEvidence', { n: e.n, name: e.name });
  if (e.type === 'run.finished') return t('evFinished', { outcome: t(`outcome_${e.outcome}`) }) + (e.note ? ` — ${e.note}` : '');
  return e.type;
}

function renderRun(r) {
  return `<article class="run" id="run-${esc(r.id)}" data-id="${esc(r.id)}" data-seq="${r.seq}">` +
    `<header class="run-head"><h3>${esc(r.title)}</h3><span class="badge ${r.kind === 'real' ? 'failed' : 'unknown'}">${esc(t(`kind_${r.kind}`))}</span>` +
    `<span class="note">${esc(r.goal)} · ${esc(t('runBy', { who: r.operator, at: when(r.startedAt, lang()) }))}</span>` +
    `<span class="run-timer" id="run-timer" role="timer" aria-label="${esc(t('elapsed'))}">${esc(duration(elapsed(r), lang()))}</span></header>` +
    (error ? `<p class="step-error" role="alert">${esc(error)}</p>` : '') +
    renderCurrent(r) +
    (r.finishedAt ? '' : `<fieldset class="run-input"><legend>${esc(t('runInput'))}</legend><div class="docform">` +
      `<label><span>${esc(t('note'))}</span><input id="run-note" type="text" autocomplete="off"></label>` +
      `<label><span>${esc(t('reasonField'))}</span><input id="run-reason" type="text" autocomplete="off"></label></div>` +
      `<label class="run-paste"><span>${esc(t('evidencePaste'))}</span><textarea id="run-evidence" rows="4"></textarea></label></fieldset>`) +
    renderSteps(r) +
    (r.finishedAt
      ? figures(r.summary) + `<div class="docform"><button type="button" id="run-pdf">${esc(t('reportPdf'))}</button>` +
        `<label><span>${esc(t('language'))}</span><select id="run-lang"><option value="en">English</option><option value="fr">Français</option></select></label></div>` +
        '<p class="note" id="run-out" role="status"></p>'
      : `<div class="docform run-finish"><button type="button" id="run-finish">${esc(t('runFinish'))}</button>` +
        `<button type="button" class="secondary" id="run-abandon">${esc(t('runAbandon'))}</button></div>`) +
    `<details id="run-history"${events ? ' open' : ''}><summary>${esc(t('runHistory'))}</summary>${renderEvents()}</details></article>`;
}

/** Renders the Runs section from what is loaded (the list and the open run). */
export function renderRuns() {
  const root = $('runs-view');
  if (!root) return;
  // Keep what the operator was typing across live refreshes.
  const kept = Object.fromEntries(['run-note', 'run-reason', 'run-evidence'].map((id) => [id, $(id)?.value ?? '']));
  const lng = $('run-lang')?.value;
  root.innerHTML = renderList() + (run ? renderRun(run) : '');
  for (const [id, v] of Object.entries(kept)) if ($(id) && v) $(id).value = v;
  if ($('run-lang')) $('run-lang').value = lng ?? lang();
  ticker ??= setInterval(() => {
    if (run && $('run-timer')) $('run-timer').textContent = duration(elapsed(run), lang());
  }, 1000);
}

/** Loads the list of runs (and the open run, when one is open). */
export async function loadRuns() {
  runs = (await getJson('/api/runs')).runs;
  if (openId) await loadRun(openId);
  else renderRuns();
}

async function loadRun(id) {
  const q = new URLSearchParams({ lang: lang() });
  run = await getJson(`/api/runs/${encodeURIComponent(id)}?${q}`);
  events = (await getJson(`/api/runs/${encodeURIComponent(id)}/events`)).events;
  renderRuns();
  document.body.dataset.runSeq = String(run.seq);
}

/** Opens a run (from the list, the plan wizard or the address `#runs/<id>`). */
export async function openRun(id) {
  openId = id || null;
  error = null;
  if (!openId) {
    run = null;
    events = null;
    return renderRuns();
  }
  await loadRun(openId);
}

/** A run changed (a `run` event of the planner's stream): reload the list, and the open run when it is that one. */
export async function onRunEvent(data) {
  runs = (await getJson('/api/runs')).runs;
  if (openId && data?.runId === openId) await loadRun(openId);
  else renderRuns();
}

async function change(path, body) {
  error = null;
  try {
    const q = new URLSearchParams({ lang: lang() });
    run = await postJson(`/api/runs/${encodeURIComponent(run.id)}${path}?${q}`, body);
    for (const id of ['run-note', 'run-reason', 'run-evidence']) if ($(id)) $(id).value = '';
    events = (await getJson(`/api/runs/${encodeURIComponent(run.id)}/events`)).events;
  } catch (e) {
    error = e.status === 403 ? t('adminNeeded') : t('error', { message: e.message });
  }
  renderRuns();
  document.body.dataset.runSeq = String(run.seq);
  if (error) $('run-reason')?.focus();
}

function setStep(n, status) {
  const body = { status };
  const note = $('run-note')?.value.trim();
  const reason = $('run-reason')?.value.trim();
  const pasted = $('run-evidence')?.value;
  if (note) body.note = note;
  if (reason) body.reason = reason;
  if (pasted?.trim()) body.evidence = { name: `step-${n}-output.txt`, text: pasted };
  if (status === 'skipped' && !reason) {
    error = t('reasonNeeded');
    renderRuns();
    $('run-reason')?.focus();
    return;
  }
  return change(`/steps/${n}`, body);
}

export function bindRuns() {
  $('runs-view').addEventListener('click', (ev) => {
    const b = ev.target.closest('button');
    if (!b) return;
    if (b.classList.contains('run-open')) {
      location.hash = `#runs/${encodeURIComponent(b.dataset.id)}`;
    } else if (b.classList.contains('run-set')) {
      void setStep(Number(b.dataset.n), b.dataset.status);
    } else if (b.id === 'run-copy') {
      const text = $('run-cmd')?.textContent ?? '';
      navigator.clipboard?.writeText(text).then(() => (b.textContent = t('copied')), () => (b.textContent = t('copyFailed')));
    } else if (b.id === 'run-finish' || b.id === 'run-abandon') {
      const note = $('run-note')?.value.trim();
      void change('/finish', { outcome: b.id === 'run-finish' ? 'completed' : 'abandoned', ...(note ? { note } : {}) });
    } else if (b.id === 'run-pdf') {
      const l = $('run-lang').value;
      const name = `drill-report-${run.id}-${l}.pdf`;
      $('run-out').textContent = '…';
      getBlob(`/api/runs/${encodeURIComponent(run.id)}/report.pdf?lang=${l}`).then((blob) => {
        saveBlob(blob, name);
        $('run-out').textContent = name;
      }, (e) => ($('run-out').textContent = t('error', { message: e.message })));
    } else if (b.classList.contains('run-ev')) {
      void getBlob(`/api/runs/${encodeURIComponent(run.id)}/evidence/${encodeURIComponent(b.dataset.id)}`).then((blob) => saveBlob(blob, b.dataset.name));
    }
  });
}

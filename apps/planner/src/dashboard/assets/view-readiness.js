/* global document, location */
/* Readiness: would each failover work right now? One row per goal — status, blockers in words, RPO and RTO against the targets, its plan. */
import { getJson } from './api.js';
import { getLang, t } from './i18n.js';
import { duration, esc, shortName, when } from './util.js';

const $ = (id) => document.getElementById(id);
const BADGE = { ready: 'ok', 'at-risk': 'late', blocked: 'failed' };
let data = null;
let actions = { open: () => {}, pdf: async () => {} };

/** The goal in words, from its kind and arguments (an unknown kind prints as given). */
export function goalWords(goal, args = {}) {
  const a = Object.fromEntries(Object.entries(args ?? {}).map(([k, v]) => [k, typeof v === 'string' && v.includes('.') ? shortName(v) : String(v ?? '')]));
  const key = `goal_${goal}`;
  const text = t(key, a);
  if (text !== key) return text;
  const rest = Object.entries(args ?? {}).map(([k, v]) => `${k}=${v}`).join(', ');
  return rest ? `${goal} (${rest})` : goal;
}

/**
 * One figure against its target: the text first (value, target, over or within), then a bar drawn with SVG
 * attributes (the page's CSP allows no inline style) that repeats it for the eye.
 */
function figure(kind, seconds, targetSeconds) {
  const lang = getLang();
  const value = seconds === null || seconds === undefined ? null : Math.max(0, seconds);
  const target = targetSeconds === null || targetSeconds === undefined ? null : targetSeconds;
  const over = value !== null && target !== null && value > target;
  const text = value === null ? t('rdUnknown') : duration(value, lang);
  const vs = target === null ? t('rdNoTarget') : t('rdTarget', { d: duration(target, lang) });
  const verdict = value === null || target === null ? '' : over ? t('rdOver') : t('rdWithin');
  const max = Math.max(value ?? 0, target ?? 0) * 1.25 || 1;
  const w = value === null ? 0 : Math.max(1, Math.round((value / max) * 200));
  const mark = target === null ? '' : `<line x1="${Math.round((target / max) * 200)}" y1="0" x2="${Math.round((target / max) * 200)}" y2="14" class="target"/>`;
  const state = value === null ? 'unknown' : over ? 'over' : 'within';
  return `<div class="rd-figure ${state}" data-kind="${kind}" data-state="${state}"><span class="rd-text">${esc(text)} <small>(${esc(vs)})</small>${verdict ? ` <strong>${esc(verdict)}</strong>` : ''}</span>` +
    `<svg class="rd-bar" viewBox="0 0 200 14" width="200" height="14" aria-hidden="true" focusable="false"><rect x="0" y="2" width="200" height="10" rx="2" class="track"/>` +
    `<rect x="0" y="2" width="${w}" height="10" rx="2" class="fill"/>${mark}</svg></div>`;
}

function blockers(g) {
  if (!g.blockers?.length) return `<span class="note">${esc(t('rdNoBlocker'))}</span>`;
  return `<ul class="rd-blockers">${g.blockers.map((b) => `<li data-code="${esc(b.code)}">${esc(b.message)}` +
    `${b.step !== null && b.step !== undefined ? ` <small>(${esc(t('rdStep', { n: b.step }))})</small>` : ''}</li>`).join('')}</ul>`;
}

function facts(g) {
  if (!g.facts?.length) return '';
  const lang = getLang();
  return `<details class="rd-facts"><summary>${esc(t('rdFacts', { n: g.facts.length }))}</summary><ul>${g.facts.map((f) =>
    `<li><strong>${esc(f.fact)}</strong>: ${esc(f.value === null || f.value === undefined ? t('rdUnknown') : typeof f.value === 'object' ? JSON.stringify(f.value) : f.value)}` +
    ` <small>— ${esc(f.source ?? '')}${typeof f.ageSeconds === 'number' ? `, ${esc(t('rdAge', { d: duration(f.ageSeconds, lang) }))}` : ''}</small></li>`).join('')}</ul></details>`;
}

function row(g, i) {
  const st = BADGE[g.status] ?? 'unknown';
  const rpoTarget = typeof g.targets?.rpoMinutes === 'number' ? g.targets.rpoMinutes * 60 : null;
  const rtoTarget = typeof g.targets?.rtoMinutes === 'number' ? g.targets.rtoMinutes * 60 : null;
  return `<tr data-goal="${esc(g.goal)}" data-status="${esc(g.status)}" data-i="${i}">` +
    `<th scope="row" class="rd-goal">${esc(goalWords(g.goal, g.args))}` +
    `${g.plan ? `<details class="rd-cli"><summary>${esc(t('rdCli'))}</summary><code>${esc(g.plan)}</code></details>` : ''}</th>` +
    `<td data-label="${esc(t('status'))}"><span class="badge ${st}">${esc(t(`rd_${g.status}`))}</span></td>` +
    `<td data-label="${esc(t('rdBlockers'))}" class="rd-why">${blockers(g)}${facts(g)}</td>` +
    `<td data-label="${esc(t('rdRpo'))}">${figure('rpo', g.rpoSeconds, rpoTarget)}</td>` +
    `<td data-label="${esc(t('rdRto'))}">${figure('rto', typeof g.rtoMinutes === 'number' ? g.rtoMinutes * 60 : null, rtoTarget)}</td>` +
    `<td class="rd-plan"><div><button type="button" class="rd-open" data-i="${i}">${esc(t('rdOpenPlan'))}</button>` +
    `<button type="button" class="secondary rd-pdf" data-i="${i}">${esc(t('rdPdf'))}</button></div></td></tr>`;
}

/** Renders what was loaded last (again after a change of language). */
export function renderReadiness() {
  const root = $('readiness-view');
  if (!root || !data) return;
  const goals = data.goals ?? [];
  const count = (s) => goals.filter((g) => g.status === s).length;
  root.innerHTML =
    `<p class="note rd-summary" role="status">${esc(t('rdSummary', { ready: count('ready'), risk: count('at-risk'), blocked: count('blocked'), at: when(data.generatedAt, getLang()) }))}</p>` +
    (goals.length
      ? '<div class="table-wrap"><table class="readiness"><colgroup><col class="rd-c-goal"><col class="rd-c-st"><col><col class="rd-c-fig"><col class="rd-c-fig"><col class="rd-c-plan"></colgroup>' +
        `<thead><tr><th scope="col">${esc(t('goal'))}</th><th scope="col">${esc(t('status'))}</th>` +
        `<th scope="col">${esc(t('rdBlockers'))}</th><th scope="col">${esc(t('rdRpo'))}</th><th scope="col">${esc(t('rdRto'))}</th>` +
        `<th scope="col"><span class="sr">${esc(t('rdPlan'))}</span></th></tr></thead><tbody>${goals.map(row).join('')}</tbody></table></div>` +
        '<p class="note" id="rd-out" role="status"></p>'
      : `<p class="note">${esc(t('rdNone'))}</p>`);
  document.body.dataset.readinessAt = data.generatedAt ?? '';
}

/** Loads `/api/readiness` and renders it (the language travels along for the blockers' words). */
export async function loadReadiness() {
  data = await getJson(`/api/readiness?lang=${getLang()}`);
  renderReadiness();
}

/**
 * `open(goal, args)` shows the goal in the plan wizard; `pdf(goal, args, out)` downloads its plan as a PDF and
 * writes the outcome into `out`.
 */
export function bindReadiness(o) {
  actions = o;
  $('readiness-view').addEventListener('click', (ev) => {
    const b = ev.target.closest('button');
    const g = b && data?.goals?.[Number(b.dataset.i)];
    if (!g) return;
    if (b.classList.contains('rd-open')) {
      location.hash = '#documents';
      actions.open(g.goal, g.args ?? {});
    } else if (b.classList.contains('rd-pdf')) {
      void actions.pdf(g.goal, g.args ?? {}, $('rd-out'));
    }
  });
}

/* global document, location */
/* Backup status: every inventory item with its status, last good backup, age against its period, the reason. */
import { getJson } from './api.js';
import { getLang, reasonOf, t } from './i18n.js';
import { ageChart, shareWords, timeline } from './history-chart.js';
import { itemWords } from './item-words.js';
import { bySeverity } from './model.js';
import { duration, esc, STATUSES, when } from './util.js';

const $ = (id) => document.getElementById(id);
const rowsById = new Map();
/** The age cell as last shown, per item (ages grow at every evaluation; the cell changes far less often). */
const ageShown = new Map();
let placed = [];
/** The inventory entries by item id (`/api/dashboard/items`), for the items' names in words. */
let inventory = new Map();
/** The dashboard's state as last rendered (the policy's defaults and the evaluation time, for the history charts). */
let lastState = null;
/** The history fetched for each open history row. */
const histories = new WeakMap();
/** What the text filter searches in a row: its words, id and reason. */
const searchText = (r) => {
  const w = itemWords(r, inventory.get(r.id));
  return `${w.name} ${w.where} ${r.name} ${r.id} ${reasonOf(r.entry)}`.toLowerCase();
};

/** Age against the period, in words; `over` when the age is past the period. */
function ageCell(e) {
  const over = e.ageSeconds !== null && e.periodSeconds && e.ageSeconds > e.periodSeconds;
  const text = `${esc(duration(e.ageSeconds, getLang()))} / ${esc(duration(e.periodSeconds ?? null, getLang()))}`;
  return over ? `<span class="over">${text}</span>` : text;
}

const lastGoodCell = (e) => (e.lastGood ? `<time datetime="${esc(e.lastGood)}">${esc(when(e.lastGood, getLang()))}</time>` : '—');
const badge = (s) => `<span class="badge ${esc(s)}">${esc(t(s))}</span>`;

/** Per-language pieces of a row, built once per render instead of once per row. */
let parts = null;
function rowParts() {
  const lang = getLang();
  if (parts?.lang === lang) return parts;
  const label = (k) => ` data-label="${esc(t(k))}"`;
  parts = { lang, item: label('item'), status: label('status'), lastGood: label('lastGood'), age: label('age'), reason: label('reason'),
    badge: Object.fromEntries(STATUSES.map((s) => [s, badge(s)])),
    button: `<td><button type="button" class="secondary hist" aria-expanded="false">${esc(t('history'))}</button></td></tr>` };
  return parts;
}

function rowHtml(r) {
  const e = r.entry;
  const p = rowParts();
  const w = itemWords(r, inventory.get(r.id));
  return `<tr data-id="${esc(r.id)}" data-site="${esc(r.site ?? '')}" data-pool="${esc(r.pool ?? '')}" data-status="${esc(e.status)}">` +
    `<td class="item"${p.item}><div class="name">${esc(w.name)}${w.where ? ` <span class="where">— ${esc(w.where)}</span>` : ''}</div><div class="id">${esc(r.id)}</div></td>` +
    `<td class="st"${p.status}>${p.badge[e.status] ?? badge(e.status)}</td>` +
    `<td class="lg"${p.lastGood}>${lastGoodCell(e)}</td>` +
    `<td class="age"${p.age}>${ageCell(e)}</td>` +
    `<td class="reason"${p.reason}>${esc(reasonOf(e))}</td>${p.button}`;
}

function options(select, values, labelOf = (v) => v) {
  const keep = select.value;
  select.innerHTML = `<option value="">${esc(t('all'))}</option>` + values.map((v) => `<option value="${esc(v)}">${esc(labelOf(v))}</option>`).join('');
  if (values.includes(keep)) select.value = keep;
}

/** Shows only the rows that match the filters (and their open history rows). */
export function applyFilters() {
  const site = $('f-site').value, pool = $('f-pool').value, status = $('f-status').value, text = $('f-text').value.trim().toLowerCase();
  let n = 0;
  for (const r of placed) {
    const tr = rowsById.get(r.id);
    if (!tr) continue;
    const show = (!site || r.site === site) && (!pool || r.pool === pool) && (!status || r.entry.status === status) &&
      (!text || searchText(r).includes(text));
    tr.hidden = !show;
    const h = tr.nextElementSibling;
    if (h?.classList.contains('history')) h.hidden = !show;
    if (show) n++;
  }
  $('shown').textContent = t('shown', { n, total: placed.length });
  for (const b of document.querySelectorAll('#counts button[data-status]')) b.setAttribute('aria-pressed', String(b.dataset.status === status));
}

/** Puts the rows of the table (each with its open history row) in the order of `placed`, moving only those out of place. */
function reorder() {
  const body = $('rows');
  let before = body.firstElementChild;
  for (const r of placed) {
    const tr = rowsById.get(r.id);
    if (!tr) continue;
    const open = tr.nextElementSibling?.classList.contains('history') ? tr.nextElementSibling : null;
    if (tr !== before) {
      body.insertBefore(tr, before);
      if (open) body.insertBefore(open, before);
    } else {
      before = (open ?? tr).nextElementSibling;
      continue;
    }
    before = (open ?? tr).nextElementSibling;
  }
}

const FIRST_ROWS = 120;
let rendering = null;

/**
 * Renders the whole table (first load, language change): the first screenful at once, the other rows on the next
 * task so the page shows data without waiting for thousands of rows. Resolves when every row is in.
 */
export function renderStatus(state) {
  lastState = state;
  inventory = state.inventory;
  lastState = state;
  placed = bySeverity(state.rows);
  const sites = state.topology ? state.topology.sites.map((s) => s.id) : [...new Set(placed.map((r) => r.site).filter(Boolean))];
  const siteName = (id) => state.topology?.sites.find((s) => s.id === id)?.name ?? id;
  const pools = state.topology ? state.topology.pools.map((p) => p.fqdn) : [...new Set(placed.map((r) => r.pool).filter(Boolean))];
  options($('f-site'), sites, siteName);
  options($('f-pool'), pools);
  options($('f-status'), STATUSES, (s) => t(s));
  const rows = placed;
  $('rows').innerHTML = rows.slice(0, FIRST_ROWS).map(rowHtml).join('');
  rowsById.clear();
  ageShown.clear();
  const index = () => {
    for (const tr of $('rows').children) if (!tr.classList.contains('history')) rowsById.set(tr.dataset.id, tr);
    for (const r of rows) ageShown.set(r.id, ageCell(r.entry));
  };
  if (rows.length <= FIRST_ROWS) {
    index();
    applyFilters();
    return (rendering = Promise.resolve());
  }
  $('shown').textContent = t('shown', { n: FIRST_ROWS, total: rows.length });
  rendering = new Promise((resolve) => setTimeout(() => {
    if (placed === rows) $('rows').insertAdjacentHTML('beforeend', rows.slice(FIRST_ROWS).map(rowHtml).join(''));
    index();
    applyFilters();
    resolve();
  }, 0));
  return rendering;
}

/** Patches the rows whose status changed (a live update keeps focus, scroll and open histories). */
export async function updateStatus(state) {
  await rendering;
  const before = new Map(placed.map((r) => [r.id, r.entry]));
  // Filters need a new pass only when rows were added or a status changed under a status filter.
  let refilter = Boolean($('f-text').value) || placed.length !== state.rows.length;
  let resort = placed.length !== state.rows.length;
  inventory = state.inventory;
  lastState = state;
  placed = bySeverity(state.rows);
  for (const r of placed) {
    const tr = rowsById.get(r.id);
    const old = before.get(r.id);
    if (!tr) {
      $('rows').insertAdjacentHTML('beforeend', rowHtml(r));
      rowsById.set(r.id, $('rows').lastElementChild);
      refilter = true;
      continue;
    }
    const e = r.entry;
    if (old && old.status === e.status && old.lastGood === e.lastGood && old.reason === e.reason) {
      if (old.ageSeconds !== e.ageSeconds) {
        // Ages grow at every evaluation; touch the cell only when what it shows changes.
        const html = ageCell(e);
        if (ageShown.get(r.id) !== html) {
          tr.querySelector('.age').innerHTML = html;
          ageShown.set(r.id, html);
        }
      }
      continue;
    }
    if (old?.status !== e.status) refilter ||= Boolean($('f-status').value);
    resort = true;
    tr.dataset.status = e.status;
    tr.querySelector('.st').innerHTML = badge(e.status);
    tr.querySelector('.lg').innerHTML = lastGoodCell(e);
    const age = ageCell(e);
    tr.querySelector('.age').innerHTML = age;
    ageShown.set(r.id, age);
    tr.querySelector('.reason').textContent = reasonOf(e);
    // Flash the row (Web Animations: no forced layout of a table of thousands of rows).
    tr.animate?.([{ backgroundColor: '#fff3b0' }, { backgroundColor: 'transparent' }], { duration: 1500, easing: 'ease-out' });
    const open = tr.nextElementSibling;
    if (open?.classList.contains('history')) void loadHistory(tr, open);
  }
  // A changed status or backup moves its row to its place in the order of severity (the others stay put).
  if (resort) reorder();
  if (refilter) applyFilters();
}

/** The grace of an item: the policy's own figure when the entry carries it, else the defaults of /api/policy. */
function graceOf(entry) {
  const g = entry?.reasonParams?.graceSeconds;
  if (typeof g === 'number') return g;
  const d = lastState?.policy?.defaults;
  const period = entry?.periodSeconds ?? 86_400;
  return d ? Math.max(d.minGraceHours * 3600, period * d.graceFraction) : 0;
}

/** Draws the history of an item (fetched once per open/update) over the window chosen in its panel (30 or 90 days). */
function drawHistory(tr, holder, h) {
  const entry = placed.find((r) => r.id === tr.dataset.id)?.entry;
  const now = new Date(lastState?.status?.generatedAt ?? Date.now());
  const days = Number(holder.dataset.days) || 30;
  const periodSeconds = entry?.periodSeconds ?? null;
  const evals = h.evaluations;
  const runs = [...h.runs].sort((a, b) => (a.at < b.at ? -1 : 1));
  const { svg } = timeline(evals, { now, periodSeconds, windowDays: days });
  const share = (n) => shareWords(timeline(evals, { now, periodSeconds, windowDays: n }).share);
  const strip = (list, cls, title) => (list.length
    ? `<div class="strip" role="img" aria-label="${esc(list.map((x) => `${when(x.at, getLang())} ${t(cls(x))}`).join(', '))}">` +
      list.map((x) => `<span class="${esc(cls(x))}" title="${esc(title(x))}"></span>`).join('') + '</div>'
    : `<p class="note">${esc(t('noHistory'))}</p>`);
  const button = (n) => `<button type="button" class="secondary window" data-days="${n}" aria-pressed="${n === days}">${esc(t('hDays', { n }))}</button>`;
  holder.firstElementChild.innerHTML =
    `<div class="hist-head"><strong>${esc(t('hTimeline'))}</strong>` +
    `<span class="share" data-days="30">${esc(t('hOver', { n: 30 }))} ${esc(share(30))}</span>` +
    `<span class="share" data-days="90">${esc(t('hOver', { n: 90 }))} ${esc(share(90))}</span>` +
    `<span class="windows" role="group" aria-label="${esc(t('hWindow'))}">${button(30)}${button(90)}</span></div>${svg}` +
    `<strong>${esc(t('hAge'))}</strong>${ageChart(evals, runs, { now, windowDays: days, periodSeconds, graceSeconds: graceOf(entry) })}` +
    `<strong>${esc(t('runs'))}</strong>${strip(runs, (x) => (x.ok ? 'ok' : 'failed'), (x) => `${when(x.at, getLang())} — ${x.agent} / ${x.collector} (${x.durationMs} ms)`)}`;
}

async function loadHistory(tr, holder) {
  const id = tr.dataset.id;
  try {
    const h = await getJson(`/api/items/${encodeURIComponent(id)}/history?limit=1000`);
    histories.set(holder, h);
    drawHistory(tr, holder, h);
  } catch (e) {
    holder.firstElementChild.textContent = t('error', { message: e.message });
  }
}

/** Wires the filters and the history buttons (once). */
export function bindStatus() {
  for (const id of ['f-site', 'f-pool', 'f-status']) $(id).addEventListener('change', applyFilters);
  $('f-text').addEventListener('input', applyFilters);
  $('filters').addEventListener('submit', (ev) => ev.preventDefault());
  // The header's counts are filters: a count shows only its status, pressed again every item.
  $('counts').addEventListener('click', (ev) => {
    const b = ev.target.closest('button[data-status]');
    if (!b) return;
    $('f-status').value = $('f-status').value === b.dataset.status ? '' : b.dataset.status;
    applyFilters();
    if (location.hash && location.hash !== '#status') location.hash = '#status';
  });
  $('rows').addEventListener('click', (ev) => {
    const win = ev.target.closest('button.window');
    if (win) {
      const holder = win.closest('tr.history');
      holder.dataset.days = win.dataset.days;
      const h = histories.get(holder);
      if (h) drawHistory(holder.previousElementSibling, holder, h);
      holder.querySelector(`button.window[data-days="${win.dataset.days}"]`)?.focus();
      return;
    }
    const btn = ev.target.closest('button.hist');
    if (!btn) return;
    const tr = btn.closest('tr');
    const next = tr.nextElementSibling;
    if (next?.classList.contains('history')) {
      next.remove();
      btn.setAttribute('aria-expanded', 'false');
      btn.textContent = t('history');
      return;
    }
    tr.insertAdjacentHTML('afterend', `<tr class="history" data-for="${esc(tr.dataset.id)}"><td colspan="6">…</td></tr>`);
    btn.setAttribute('aria-expanded', 'true');
    btn.textContent = t('hideHistory');
    void loadHistory(tr, tr.nextElementSibling);
  });
}

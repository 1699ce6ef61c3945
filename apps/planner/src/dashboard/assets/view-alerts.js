/* global document */
/* The alerts log and the policy in force (read-only). */
import { getLang, reasonOf, t } from './i18n.js';
import { itemWords } from './item-words.js';
import { esc, when } from './util.js';

const $ = (id) => document.getElementById(id);
const badge = (s) => (s ? `<span class="badge ${esc(s)}">${esc(t(s))}</span>` : '—');

/** The item of an alert in words, its internal id below in small text. */
function itemCell(state, byId, itemId) {
  const row = byId.get(itemId) ?? { id: itemId, name: String(itemId).split(':')[0], pool: null };
  const w = itemWords(row, state.inventory.get(itemId));
  return `<td class="item"><div class="name">${esc(w.name)}${w.where ? ` <span class="where">— ${esc(w.where)}</span>` : ''}</div><div class="id">${esc(itemId)}</div></td>`;
}

export function renderAlerts(state) {
  const alerts = state.alerts ?? [];
  const byId = new Map((state.rows ?? []).map((r) => [r.id, r]));
  // A fixed layout with set column widths: the table fits the page at 1,280 px, long ids and reasons wrap.
  $('alert-list').innerHTML = alerts.length
    ? '<table class="alerts"><colgroup><col class="a-at"><col class="a-item"><col class="a-change"><col class="a-reason"><col class="a-channel"><col class="a-delivered"></colgroup>' +
      `<thead><tr><th scope="col">${esc(t('at'))}</th><th scope="col">${esc(t('item'))}</th><th scope="col">${esc(t('change'))}</th>` +
      `<th scope="col">${esc(t('reason'))}</th><th scope="col">${esc(t('channel'))}</th><th scope="col">${esc(t('delivered'))}</th></tr></thead><tbody>` +
      alerts.map((a) => `<tr data-item="${esc(a.itemId)}"><td><time datetime="${esc(a.at)}">${esc(when(a.at, getLang()))}</time></td>${itemCell(state, byId, a.itemId)}` +
        `<td class="change">${badge(a.from)} → ${badge(a.to)}</td><td class="reason">${esc(reasonOf(a))}</td><td class="channel">${esc(a.channel)}</td><td>${esc(a.delivered ? t('yes') : t('no'))}</td></tr>`).join('') +
      '</tbody></table>'
    : `<p class="note">${esc(t('noAlerts'))}</p>`;

  const p = state.policy;
  if (!p) {
    $('policy').innerHTML = '';
    return;
  }
  const d = p.defaults;
  const rules = Object.entries(p.rules ?? {});
  const periods = new Map();
  for (const item of state.inventory.values()) {
    const key = `${item.category ?? item.kind ?? '—'}|${item.frequency?.periodHours ?? '—'}`;
    periods.set(key, (periods.get(key) ?? 0) + 1);
  }
  $('policy').innerHTML =
    `<h3>${esc(t('defaults'))}</h3><dl class="card"><dt>${esc(t('grace'))}</dt><dd>${esc(t('graceDefault', { fraction: Math.round(d.graceFraction * 100), hours: d.minGraceHours }))}</dd>` +
    `<dt>${esc(t('rpoBackup'))}</dt><dd>${d.backupServiceRpoMinutes} min</dd><dt>${esc(t('rpoCms'))}</dt><dd>${d.cmsReplicationRpoMinutes} min</dd>` +
    `<dt>${esc(t('probe'))}</dt><dd>${d.probePeriodHours} h</dd></dl>` +
    `<h3>${esc(t('rules'))}</h3>` +
    (rules.length ? `<div class="table-wrap"><table><thead><tr><th scope="col">${esc(t('item'))}</th><th scope="col">${esc(t('period'))}</th><th scope="col">${esc(t('grace'))}</th><th scope="col">min / max ms</th><th scope="col">RPO</th></tr></thead><tbody>` +
      rules.map(([k, r]) => `<tr><td><code>${esc(k)}</code></td><td>${esc(r.periodHours ?? '—')} h</td><td>${esc(r.graceHours ?? '—')} h</td><td>${esc(r.minDurationMs ?? '—')} / ${esc(r.maxDurationMs ?? '—')}</td><td>${esc(r.rpoMinutes ?? '—')} min</td></tr>`).join('') +
      '</tbody></table></div>' : `<p class="note">${esc(t('noRules'))}</p>`) +
    `<h3>${esc(t('periods'))}</h3><div class="table-wrap"><table><thead><tr><th scope="col">${esc(t('kind'))}</th><th scope="col">${esc(t('period'))}</th><th scope="col">${esc(t('items'))}</th></tr></thead><tbody>` +
    [...periods].sort().map(([k, n]) => {
      const [kind, h] = k.split('|');
      return `<tr><td>${esc(kind)}</td><td>${esc(h)} h</td><td>${n}</td></tr>`;
    }).join('') + '</tbody></table></div>';
}

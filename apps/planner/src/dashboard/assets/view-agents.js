/* global document */
/* Agents: connected or last seen, version, last run per collector, and "collect now". */
import { postJson } from './api.js';
import { getLang, t } from './i18n.js';
import { duration, esc, when } from './util.js';

const $ = (id) => document.getElementById(id);

export function renderAgents(state) {
  const list = state.agents ?? [];
  if (!list.length) {
    $('agent-list').innerHTML = `<p class="note">${esc(t('noAgents'))}</p>`;
    return;
  }
  $('agent-list').innerHTML = list.map((a) => {
    // Every collector the agent offers (its hello) and every one that ran: an agent with no run yet can still be asked.
    const names = [...new Set([...(a.collectors ?? []), ...Object.keys(a.lastRuns ?? {})])].sort((x, y) => x.localeCompare(y));
    const runs = names.map((c) => [c, a.lastRuns?.[c] ?? null]);
    const seen = a.connected ? `<span class="badge ok">${esc(t('connected'))}</span>` :
      `<span class="badge unknown">${esc(a.lastSeen ? t('lastSeen', { at: when(a.lastSeen, getLang()) }) : t('never'))}</span>`;
    return `<article class="card" data-agent="${esc(a.name)}" aria-label="${esc(t('agent'))} ${esc(a.name)}">` +
      `<h3>${esc(a.name)} ${seen}</h3>` +
      `<dl><dt>${esc(t('version'))}</dt><dd>${esc(a.version ?? '—')}${a.outdated ? ` <span class="badge late">${esc(t('agentOutdated', { min: state.minAgentVersion ?? '' }))}</span>` : ''}</dd><dt>${esc(t('host'))}</dt><dd>${esc(a.host ?? '—')}</dd>` +
      `<dt>${esc(t('clock'))}</dt><dd class="clock">${esc(clockOffset(a.clockOffsetMs))}</dd></dl>` +
      refusals(a.findings) +
      `<strong>${esc(t('lastRuns'))}</strong>` +
      (runs.length ? `<ul class="runs">${runs.map(([c, at]) => `<li><span><code>${esc(c)}</code> — ${at ? `<time datetime="${esc(at)}">${esc(when(at, getLang()))}</time>` : esc(t('noRuns'))}</span>` +
        `<button type="button" class="secondary collect" data-agent="${esc(a.name)}" data-collector="${esc(c)}" ${a.connected ? '' : 'disabled'} aria-label="${esc(t('collectNow'))}: ${esc(c)} (${esc(a.name)})">${esc(t('collectNow'))}</button></li>`).join('')}</ul>`
        : `<p class="note">${esc(t('noRuns'))}</p>`) +
      '</article>';
  }).join('');
}

/** The agent's clock against the planner's (from its last hello or heartbeat; includes the network delay). */
function clockOffset(ms) {
  if (ms === null || ms === undefined) return '—';
  if (Math.abs(ms) < 1000) return t('clockInStep');
  return t(ms > 0 ? 'clockAhead' : 'clockBehind', { d: duration(Math.abs(ms) / 1000, getLang()) });
}

/** What the planner refused from the agent (clock skew, undeclared collectors…), newest first. */
function refusals(findings) {
  if (!findings?.length) return '';
  return `<strong>${esc(t('refused'))}</strong><ul class="refused">${findings.map((f) =>
    `<li><code>${esc(f.code)}</code> <time datetime="${esc(f.at)}">${esc(when(f.at, getLang()))}</time> — ${esc(f.message)}</li>`).join('')}</ul>`;
}

/** "Collect now" posts to the admin route; a 401/403 asks for an admin token first. */
export function bindAgents(askToken) {
  $('agent-list').addEventListener('click', async (ev) => {
    const btn = ev.target.closest('button.collect');
    if (!btn) return;
    const { agent, collector } = btn.dataset;
    const out = $('collect-result');
    const send = () => postJson(`/api/agents/${encodeURIComponent(agent)}/collect`, { collector });
    try {
      try {
        await send();
      } catch (e) {
        if (e.status !== 401 && e.status !== 403) throw e;
        out.textContent = t('adminNeeded');
        if (!(await askToken())) return;
        await send();
      }
      out.textContent = t('collectSent', { collector, agent });
    } catch (e) {
      out.textContent = t('error', { message: e.message });
    }
  });
}

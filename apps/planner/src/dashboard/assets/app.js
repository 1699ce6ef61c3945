/* global document, window, location, performance */
/* The dashboard: loads the planner's data, renders the views and follows /api/events for live updates. */
import { ApiError, getJson, listen, servedDeployment, token } from './api.js';
import { getLang, setLang, t, translatePage } from './i18n.js';
import { indexTopology, placeItems, poolStatuses } from './model.js';
import { esc, SEVERITY } from './util.js';
import { applyFilters, bindStatus, renderStatus, updateStatus } from './view-status.js';
import { bindAgents, renderAgents } from './view-agents.js';
import { loadPeers, renderPeers } from './view-peers.js';
import { bindOverview, renderOverview } from './view-overview.js';
import { bindDocuments, loadStale, openPlan, planPdf, renderDocuments } from './view-documents.js';
import { bindReadiness, loadReadiness, renderReadiness } from './view-readiness.js';
import { renderAlerts } from './view-alerts.js';
import { bindRuns, loadRuns, onRunEvent, openRun } from './view-runs.js';

const $ = (id) => document.getElementById(id);
const SECTIONS = ['status', 'agents', 'readiness', 'overview', 'documents', 'runs', 'alerts'];
const state = { status: null, inventory: new Map(), topology: null, ix: indexTopology(null), rows: [], poolStatus: new Map(), agents: [], alerts: [], policy: null, versions: [], runbooks: null };

function message(text) {
  $('message').hidden = !text;
  $('message').textContent = text ?? '';
}

// Served as one of several deployments: a way back to the overview of them all.
$('all-deployments').hidden = !servedDeployment;
if (servedDeployment) $('all-deployments').href = '/';

function renderHeader() {
  const s = state.status;
  // One of several deployments: its name in the planner first, the topology's own name after it.
  const names = [servedDeployment, s?.deployment && s.deployment !== servedDeployment ? s.deployment : null].filter(Boolean);
  $('deployment').textContent = names.length ? `— ${names.join(' · ')}` : '';
  // The counts, most urgent first, are filters of the status table (view-status.js); a focused one stays focused.
  const focused = document.activeElement?.closest?.('#counts button[data-status]')?.dataset.status;
  $('counts').innerHTML = s ? SEVERITY.map((k) => `<button type="button" class="badge ${k}" data-status="${k}" aria-pressed="${$('f-status').value === k}" title="${esc(t('countsFilter', { status: t(k) }))}">${s.counts[k] ?? 0} ${esc(t(k))}</button>`).join('') +
    ` <small>${esc(t('generated', { at: new Date(s.generatedAt).toLocaleTimeString(getLang() === 'fr' ? 'fr-FR' : 'en-GB') }))}</small>` : '';
  if (focused) $('counts').querySelector(`button[data-status="${focused}"]`)?.focus();
  $('token-open').textContent = token.get() ? t('tokenSet') : t('token');
}

function place() {
  state.rows = placeItems(state.ix, state.inventory, state.status?.items ?? []);
  state.poolStatus = poolStatuses(state.rows);
}

const optional = (p) => p.catch((e) => (e instanceof ApiError && (e.status === 404 || e.status === 501) ? null : Promise.reject(e)));

async function loadAll() {
  const [status, items, topology] = await Promise.all([getJson('/api/status'), getJson('/api/dashboard/items'), optional(getJson('/api/topology'))]);
  performance.mark('lyncdr:data-loaded');
  state.status = status;
  state.inventory = new Map(items.items.map((i) => [i.id, i]));
  state.topology = topology?.topology ?? null;
  state.ix = indexTopology(state.topology);
  place();
  renderHeader();
  const all = renderStatus(state);
  performance.mark('lyncdr:first-rows');
  message(null);
  await all;
  document.body.dataset.generatedAt = status.generatedAt;
  performance.mark('lyncdr:status-rendered');
  const [agents, alerts, policy, versions, runbooks] = await Promise.all([
    getJson('/api/agents'), getJson('/api/alerts?limit=200'), getJson('/api/policy'),
    optional(getJson('/api/topology/versions')), state.topology ? optional(getJson('/api/runbooks')) : null,
  ]);
  state.agents = agents.agents;
  state.minAgentVersion = agents.minAgentVersion;
  state.alerts = alerts.alerts;
  state.policy = policy;
  state.versions = versions?.versions ?? [];
  state.runbooks = runbooks;
  renderAgents(state);
  renderOverview(state);
  renderDocuments(state);
  renderAlerts(state);
  // The peer planners' cards (none without peers).
  await loadPeers();
  await loadStale();
  // A planner without the readiness API answers 404: its tab is then hidden.
  const readiness = (await optional(loadReadiness().then(() => true))) === true;
  $('tab-readiness').hidden = !readiness;
  state.readinessApi = readiness;
  // A planner without the runs API answers 404: its tab is then hidden.
  const runs = (await optional(loadRuns().then(() => true))) === true;
  $('tab-runs').hidden = !runs;
  if (runs) {
    state.runsApi = true;
    renderDocuments(state);
    const [section, run] = location.hash.slice(1).split('/');
    if (section === 'runs' && run) await openRun(decodeURIComponent(run));
  }
}

/** Runs `fn` now, or once more after the current run when called during it (coalesces bursts of events). */
function coalesced(fn) {
  let running = null, again = false;
  const run = async () => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await fn();
        } catch (e) {
          message(t('error', { message: e.message }));
        }
      } while (again);
    })();
    await running;
    running = null;
  };
  return run;
}

/** Evaluations published by the planner since the last sync; null asks for a full reload of /api/status. */
let pending = [];

const syncStatus = coalesced(async () => {
  const events = pending;
  pending = [];
  if (events === null || !state.status) {
    state.status = await getJson('/api/status');
  } else {
    // Apply the changed entries the event carries: no request, whatever the number of items.
    const byId = new Map(state.status.items.map((e) => [e.itemId, e]));
    for (const ev of events) {
      for (const e of ev.changed) byId.set(e.itemId, { ...byId.get(e.itemId), ...e });
      for (const id of ev.removed ?? []) byId.delete(id);
      state.status = { ...state.status, generatedAt: ev.generatedAt, counts: ev.counts };
    }
    state.status.items = [...byId.values()];
  }
  if (state.status.items.some((e) => !state.inventory.has(e.itemId) && !/^(backup-service|mirror-state|cms-replication|drill|documents):/.test(e.itemId))) {
    const items = await getJson('/api/dashboard/items');
    state.inventory = new Map(items.items.map((i) => [i.id, i]));
  }
  place();
  renderHeader();
  await updateStatus(state);
  document.body.dataset.generatedAt = state.status.generatedAt;
  performance.mark('lyncdr:status-applied');
  if (!$('overview').hidden) renderOverview(state);
});

function onStatusEvent(ev) {
  performance.mark('lyncdr:status-event');
  if (pending !== null) {
    if (Array.isArray(ev?.changed)) pending.push(ev);
    else pending = null;
  }
  void syncStatus();
}

function reloadStatus() {
  pending = null;
  void syncStatus();
}

const refreshAgents = coalesced(async () => {
  state.agents = (await getJson('/api/agents')).agents;
  renderAgents(state);
});
const refreshReadiness = coalesced(async () => {
  if (state.readinessApi) await loadReadiness();
});
const refreshStale = coalesced(loadStale);
const refreshPeers = coalesced(loadPeers);
const refreshAlerts = coalesced(async () => {
  state.alerts = (await getJson('/api/alerts?limit=200')).alerts;
  renderAlerts(state);
});

function show(hash, focus) {
  const [section, sub] = hash.split('/');
  const id = SECTIONS.includes(section) ? section : 'status';
  for (const s of SECTIONS) $(s).hidden = s !== id;
  for (const a of document.querySelectorAll('.tabs a')) {
    if (a.getAttribute('href') === `#${id}`) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  if (id === 'overview' && state.status) renderOverview(state);
  if (id === 'runs' && state.status) openRun(sub ? decodeURIComponent(sub) : null).catch((e) => message(t('error', { message: e.message })));
  const heading = $(`${id}-h`);
  if (focus && heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus();
  }
}

function askToken() {
  const dlg = $('token-dialog');
  $('token-input').value = '';
  dlg.showModal();
  return new Promise((resolve) => {
    dlg.addEventListener('close', () => {
      if (dlg.returnValue === 'save' && $('token-input').value.trim()) token.set($('token-input').value.trim());
      else if (dlg.returnValue === 'clear') token.set(null);
      renderHeader();
      resolve(dlg.returnValue === 'save' || dlg.returnValue === 'clear');
    }, { once: true });
  });
}

let stopListening = null;
let poller = null;

async function start() {
  try {
    await loadAll();
  } catch (e) {
    if (e instanceof ApiError && (e.status === 401 || e.status === 403)) {
      message(`${t('needToken')} (${e.message})`);
      if (await askToken()) return start();
      return;
    }
    message(t('error', { message: e.message }));
    return;
  }
  stopListening?.();
  let reportsTimer = null;
  stopListening = listen((type, data) => {
    if (type === 'status') {
      onStatusEvent(data);
      void refreshAlerts();
      // Every evaluation judges the goals again: the readiness follows the status, and so do the printed documents.
      void refreshReadiness();
      void refreshStale();
      // A peer that stops or starts answering is judged again at once (its peer:<name> item).
      void refreshPeers();
    } else if (type === 'run') {
      onRunEvent(data).catch((e) => message(t('error', { message: e.message })));
    } else if (type === 'report' && !reportsTimer) {
      // At most one agents refresh per 300 ms, however many reports stream in.
      reportsTimer = setTimeout(() => {
        reportsTimer = null;
        void refreshAgents();
      }, 300);
    }
  }, (live) => {
    // (Re)connected: reload once, in case an evaluation came while the stream was down.
    if (live) {
      reloadStatus();
      void refreshReadiness();
    }
    $('live').className = `live${live ? ' on' : ''}`;
    $('live').textContent = live ? t('live') : t('offline');
    document.body.dataset.live = String(live);
  });
  // Ages grow between evaluations; the agents' connections change without reports.
  poller ??= setInterval(() => {
    reloadStatus();
    void refreshAgents();
    void refreshPeers();
  }, 60_000);
}

setLang(getLang());
$('lang').value = getLang();
translatePage();
renderHeader();
show(location.hash.slice(1), false);
window.addEventListener('hashchange', () => show(location.hash.slice(1), true));
$('lang').addEventListener('change', () => {
  setLang($('lang').value);
  translatePage();
  renderHeader();
  if (state.status) {
    renderStatus(state);
    renderAgents(state);
    renderPeers();
    renderOverview(state);
    renderDocuments(state);
    renderAlerts(state);
    renderReadiness();
    void refreshReadiness();
    optional(loadRuns()).catch((e) => message(t('error', { message: e.message })));
  }
  $('live').textContent = document.body.dataset.live === 'true' ? t('live') : t('offline');
});
$('token-open').addEventListener('click', async () => {
  if (await askToken()) void start();
});
bindStatus();
bindAgents(askToken);
bindOverview((pool) => {
  location.hash = '#status';
  $('f-pool').value = pool;
  applyFilters();
});
bindDocuments((id) => {
  location.hash = `#runs/${encodeURIComponent(id)}`;
});
bindRuns();
bindReadiness({ open: (goal, args) => openPlan(goal, args).catch((e) => message(t('error', { message: e.message }))), pdf: planPdf });
void start();

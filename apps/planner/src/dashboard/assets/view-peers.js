/* global document */
/* Peer planners (docs/planner.md, Peers): a card per peer on the Agents tab — reachable or not and since when, how far
   behind it is, and which planner sends the alerts. From GET /api/peers; nothing is shown without peers. */
import { ApiError, getJson } from './api.js';
import { getLang } from './i18n.js';
import { span } from './reasons.js';
import { esc, when } from './util.js';

const words = {
  en: {
    title: 'Peer planners', reachable: 'reachable', unreachable: 'not answering', down: 'down', notPolled: 'not polled yet',
    since: 'since {at}', behind: 'behind by {d}', ahead: 'ahead by {d}', upToDate: 'up to date', lacking: '{n} report(s) fewer',
    missing: 'no report yet from {n} agent(s)', lastAnswer: 'Last answer', never: 'never', error: 'Last error', sync: 'Reports',
    sender: 'Alerts are sent by {name}.', senderSelf: 'This planner ({name}) sends the alerts.', url: 'URL',
  },
  fr: {
    title: 'Planificateurs pairs', reachable: 'joignable', unreachable: 'ne répond pas', down: 'hors service', notPolled: 'pas encore interrogé',
    since: 'depuis le {at}', behind: 'en retard de {d}', ahead: 'en avance de {d}', upToDate: 'à jour', lacking: '{n} rapport(s) de moins',
    missing: 'encore aucun rapport de {n} agent(s)', lastAnswer: 'Dernière réponse', never: 'jamais', error: 'Dernière erreur', sync: 'Rapports',
    sender: 'Les alertes sont envoyées par {name}.', senderSelf: 'Ce planificateur ({name}) envoie les alertes.', url: 'URL',
  },
};

function w(key, params = {}) {
  const text = (words[getLang()] ?? words.en)[key] ?? words.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_m, k) => String(params[k] ?? ''));
}

let last = null;

/** The cards' container, made once at the top of the Agents tab. */
function container() {
  let box = document.getElementById('peer-list');
  if (box) return box;
  const section = document.getElementById('agents');
  if (!section) return null;
  box = document.createElement('div');
  box.id = 'peer-list';
  box.className = 'peers';
  section.querySelector('h2')?.after(box);
  return box;
}

/** One peer's card. */
function card(p) {
  const lang = getLang();
  const state = p.reachable === null && !p.down ? ['unknown', w('notPolled')] : p.reachable ? ['ok', w('reachable')] : p.down ? ['failed', w('down')] : ['late', w('unreachable')];
  const gap = p.gap;
  const lag = [];
  if (p.reachable && gap) {
    if (gap.behindSeconds > 0) lag.push(w('behind', { d: span(gap.behindSeconds, lang) }));
    if (gap.aheadSeconds > 0) lag.push(w('ahead', { d: span(gap.aheadSeconds, lang) }));
    if (gap.agentsMissing?.length) lag.push(w('missing', { n: gap.agentsMissing.length }));
    if (gap.reportsLacking > 0) lag.push(w('lacking', { n: gap.reportsLacking }));
    if (!lag.length) lag.push(w('upToDate'));
  }
  return `<article class="card peer" data-peer="${esc(p.name)}" data-reachable="${esc(String(p.reachable))}" data-down="${esc(String(p.down))}" aria-label="${esc(w('title'))}: ${esc(p.name)}">` +
    `<h3>${esc(p.name)} <span class="badge ${state[0]}">${esc(state[1])}</span> <small>${esc(w('since', { at: when(p.since, lang) }))}</small></h3>` +
    (lag.length ? `<p class="peer-lag">${esc(lag.join(' · '))}</p>` : '') +
    `<dl><dt>${esc(w('url'))}</dt><dd><code>${esc(p.url)}</code></dd>` +
    `<dt>${esc(w('lastAnswer'))}</dt><dd>${p.lastAnswer ? `<time datetime="${esc(p.lastAnswer)}">${esc(when(p.lastAnswer, lang))}</time>` : esc(w('never'))}</dd>` +
    (p.sync ? `<dt>${esc(w('sync'))}</dt><dd>${esc(String(p.sync.reports))}</dd>` : '') +
    (p.error ? `<dt>${esc(w('error'))}</dt><dd>${esc(p.error)}</dd>` : '') +
    '</dl></article>';
}

export function renderPeers(view = last) {
  last = view;
  const box = container();
  if (!box) return;
  if (!view?.peers?.length) {
    box.hidden = true;
    box.innerHTML = '';
    return;
  }
  box.hidden = false;
  const sender = view.sender === view.self?.name ? w('senderSelf', { name: view.self?.name ?? '' }) : w('sender', { name: view.sender ?? '' });
  box.innerHTML = `<h3>${esc(w('title'))}</h3><p class="note">${esc(sender)}</p><div class="cards">${view.peers.map(card).join('')}</div>`;
}

/** Reads GET /api/peers and draws the cards; a planner without the route (404) shows none. */
export async function loadPeers() {
  try {
    renderPeers(await getJson('/api/peers'));
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return renderPeers(null);
    throw e;
  }
}

/* global document */
/* Overview: the deployment as an SVG — sites, pools, pairs (Backup Service per direction), CMS, Edge and federation. */
import { getLang, t } from './i18n.js';
import { esc, shortName, when } from './util.js';

const $ = (id) => document.getElementById(id);
const COL = 300, GAP = 60, BOX_W = 230, BOX_H = 58, ROW = 92, TOP = 120;
const colours = {
  ok: ['#166c2f', '#e3f4e8'], late: ['#8a5300', '#fff1d6'], failed: ['#b3261e', '#fde7e5'], unknown: ['#4a525c', '#eceff3'],
};
const order = { Edge: 0, Director: 1, FrontEnd: 2, StandardEdition: 2, PersistentChat: 3, Mediation: 4 };

/** Positions of the pools: one column per site, Edge pools on top. */
function layout(topology) {
  const pos = new Map();
  topology.sites.forEach((site, col) => {
    const pools = topology.pools.filter((p) => p.site === site.id).sort((a, b) => (order[a.kind] ?? 9) - (order[b.kind] ?? 9) || a.fqdn.localeCompare(b.fqdn));
    pools.forEach((p, row) => pos.set(p.fqdn, { x: 30 + col * (COL + GAP) + (COL - BOX_W) / 2, y: TOP + 40 + row * ROW, col }));
  });
  return pos;
}

function line(a, b, cls, colour, marker, dy = 0) {
  const x1 = a.x + BOX_W / 2, y1 = a.y + BOX_H / 2 + dy, x2 = b.x + BOX_W / 2, y2 = b.y + BOX_H / 2 + dy;
  // Leave the boxes from their side edges when the pools are in different columns.
  const sx = a.col === b.col ? x1 : x1 + Math.sign(x2 - x1) * BOX_W / 2;
  const ex = a.col === b.col ? x2 : x2 - Math.sign(x2 - x1) * (BOX_W / 2 + 4);
  const sy = a.col === b.col ? y1 + Math.sign(y2 - y1) * BOX_H / 2 : y1;
  const ey = a.col === b.col ? y2 - Math.sign(y2 - y1) * (BOX_H / 2 + 4) : y2;
  return { d: a.col === b.col ? `M${sx + dy * 3},${sy} C${sx + 60 + dy * 3},${(sy + ey) / 2} ${ex + 60 + dy * 3},${(sy + ey) / 2} ${ex + dy * 3},${ey}` : `M${sx},${sy} L${ex},${ey}`,
    mid: { x: (sx + ex) / 2 + (a.col === b.col ? 50 + dy * 3 : 0), y: (sy + ey) / 2 + (a.col === b.col ? 0 : dy * 1.6) }, cls, colour, marker };
}

export function renderOverview(state) {
  const topo = state.topology;
  if (!topo) {
    $('diagram').innerHTML = `<p class="note">${esc(t('noTopology'))}</p>`;
    $('versions').innerHTML = '';
    return;
  }
  const pos = layout(topo);
  const rows = Math.max(1, ...topo.sites.map((s) => topo.pools.filter((p) => p.site === s.id).length));
  const W = Math.max(700, 60 + topo.sites.length * (COL + GAP) - GAP);
  const H = TOP + 60 + rows * ROW;
  const statusOf = (fqdn) => state.poolStatus.get(fqdn) ?? 'unknown';
  const entry = new Map(state.rows.map((r) => [r.id.toLowerCase(), r.entry]));
  const parts = [];
  const labels = [];
  const markers = Object.entries(colours).map(([s, [c]]) => `<marker id="arrow-${s}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${c}"/></marker>`).join('');
  parts.push(`<defs>${markers}<marker id="arrow-hop" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#6e7781"/></marker></defs>`);
  topo.sites.forEach((s, col) => {
    const x = 30 + col * (COL + GAP);
    parts.push(`<g class="site"><rect x="${x}" y="${TOP - 10}" width="${COL}" height="${H - TOP}" rx="10" fill="#f5f7fa" stroke="#c9d1d9"/>` +
      '</g>');
    // Site names go on top of the lines (with a halo) so a federation route crossing them stays readable.
    labels.push(`<text x="${x + 14}" y="${TOP + 14}" font-size="15" font-weight="700" fill="#1b1f24" stroke="#f5f7fa" stroke-width="6" paint-order="stroke">${esc(s.name)}${s.location ? ` — ${esc(s.location)}` : ''}</text>`);
  });
  // Federation routes from the Internet to the Edge pools that carry them.
  const fed = [['lyncEdge', 'SIP'], ['xmppEdge', 'XMPP']].filter(([k]) => topo.federation?.[k] && pos.has(topo.federation[k]));
  const lines = [];
  if (fed.length) {
    const fx = W / 2 - 90;
    parts.push(`<g class="federation"><rect x="${fx}" y="14" width="180" height="44" rx="22" fill="#fff" stroke="#0b5cad" stroke-width="2"/>` +
      `<text x="${W / 2}" y="41" text-anchor="middle" font-size="14" font-weight="600" fill="#0b5cad">${esc(t('federation'))}</text></g>`);
    for (const [k, label] of fed) {
      const p = pos.get(topo.federation[k]);
      const ex = p.x + BOX_W / 2, ey = p.y - 4;
      const c = colours[statusOf(topo.federation[k])][0];
      lines.push(`<path d="M${W / 2},58 L${ex},${ey}" stroke="${c}" stroke-width="2" fill="none" marker-end="url(#arrow-${statusOf(topo.federation[k])})"/>` +
        `<text x="${(W / 2 + ex) / 2 + 6}" y="${(58 + ey) / 2}" font-size="12" fill="#1b1f24">${label}</text>`);
    }
  }
  // Edge next hops.
  for (const p of topo.pools) {
    const hop = p.kind === 'Edge' ? p.nextHop : null;
    if (hop && pos.has(hop) && pos.has(p.fqdn)) {
      const l = line(pos.get(p.fqdn), pos.get(hop), 'hop', '#6e7781', 'hop', 0);
      lines.push(`<path d="${l.d}" stroke="#6e7781" stroke-dasharray="5 4" stroke-width="1.5" fill="none" marker-end="url(#arrow-hop)"><title>${esc(shortName(p.fqdn))} ${esc(t('nextHop'))} ${esc(hop)}</title></path>`);
    }
  }
  // Pairs: one arrow per direction, coloured by the Backup Service state seen from the exporting pool.
  for (const [a, b] of topo.pairs ?? []) {
    if (!pos.has(a) || !pos.has(b)) continue;
    for (const [from, to, dy] of [[a, b, -9], [b, a, 9]]) {
      const st = entry.get(`backup-service:${from}`.toLowerCase())?.status ?? 'unknown';
      const l = line(pos.get(from), pos.get(to), 'pair', colours[st][0], st, dy);
      const label = t('backupService', { from: shortName(from), to: shortName(to), status: t(st) });
      lines.push(`<g class="pair" data-from="${esc(from)}" data-to="${esc(to)}" data-status="${st}"><path d="${l.d}" stroke="${colours[st][0]}" stroke-width="3" fill="none" marker-end="url(#arrow-${st})"><title>${esc(label)}</title></path>` +
        `<text x="${l.mid.x}" y="${l.mid.y + (dy < 0 ? -6 : 16)}" text-anchor="middle" font-size="12" fill="${colours[st][0]}" font-weight="600">${esc(t(st))}</text></g>`);
    }
  }
  const boxes = topo.pools.filter((p) => pos.has(p.fqdn)).map((p) => {
    const { x, y } = pos.get(p.fqdn);
    const st = statusOf(p.fqdn);
    const [stroke, fill] = colours[st];
    const tags = [];
    if (topo.cms?.pool === p.fqdn) tags.push(t('cms'));
    if (topo.cms?.standbyPool === p.fqdn) tags.push(t('cmsStandby'));
    const label = `${p.fqdn} (${p.kind}) — ${t(st)}${tags.length ? ` — ${tags.join(', ')}` : ''}`;
    return `<g class="pool" data-pool="${esc(p.fqdn)}" data-status="${st}" tabindex="0" role="link" aria-label="${esc(label)}"><title>${esc(label)}</title>` +
      `<rect x="${x}" y="${y}" width="${BOX_W}" height="${BOX_H}" rx="8" fill="${fill}" stroke="${stroke}" stroke-width="2.5"/>` +
      `<text x="${x + 10}" y="${y + 22}" font-size="14" font-weight="700" fill="#1b1f24">${esc(shortName(p.fqdn))}</text>` +
      `<text x="${x + 10}" y="${y + 42}" font-size="12" fill="#4a525c">${esc(p.kind)} · ${esc(t(st))}</text>` +
      (tags.length ? `<text x="${x + BOX_W - 10}" y="${y + 22}" text-anchor="end" font-size="12" font-weight="700" fill="#0b5cad">${esc(tags.join(' · '))}</text>` : '') +
      '</g>';
  }).join('');
  const summary = `${topo.sites.length} sites, ${topo.pools.length} pools, ${(topo.pairs ?? []).length} pairs`;
  $('diagram').innerHTML = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" role="group" aria-label="${esc(summary)}">${parts.join('')}${lines.join('')}${labels.join('')}${boxes}</svg>`;
  $('versions').innerHTML = (state.versions ?? []).map((v) => `<li><strong>v${v.version}</strong> ${esc(when(v.savedAt, getLang()))} — ${esc(v.source)}: ` +
    `${v.diff?.length ? `<ul>${v.diff.map((d) => `<li>${esc(d)}</li>`).join('')}</ul>` : esc(t('noChanges'))}</li>`).join('');
}

/** A pool of the picture opens the backup status filtered to that pool (click or Enter). */
export function bindOverview(showPool) {
  const open = (ev) => {
    const g = ev.target.closest('g.pool');
    if (g) showPool(g.dataset.pool);
  };
  $('diagram').addEventListener('click', open);
  $('diagram').addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' || ev.key === ' ') {
      ev.preventDefault();
      open(ev);
    }
  });
}

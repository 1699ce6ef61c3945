/* global document */
/* Overview: the deployment as an SVG — sites, pools, pairs (Backup Service per direction), CMS, Edge and federation. */
import { ApiError, getJson } from './api.js';
import { getLang, t } from './i18n.js';
import { pathOf, placeLabels, textBox } from './overview-layout.js';
import { esc, shortName, when } from './util.js';

const $ = (id) => document.getElementById(id);
const COL = 300, GAP = 60, BOX_W = 230, BOX_H = 72, ROW = 104, TOP = 120;
const colours = {
  ok: ['#166c2f', '#e3f4e8'], late: ['#8a5300', '#fff1d6'], failed: ['#b3261e', '#fde7e5'], unknown: ['#4a525c', '#eceff3'],
};
const order = { Edge: 0, Director: 1, FrontEnd: 2, StandardEdition: 2, PersistentChat: 3, Mediation: 4 };
/** Readiness of a goal (docs/readiness.md) as the status colour it is drawn in. */
const READY_AS = { ready: 'ok', 'at-risk': 'late', blocked: 'failed' };
const READY_RANK = { ready: 0, 'at-risk': 1, blocked: 2 };

/** The readiness of each pool (the worst of the goals planned for it), from /api/readiness; null when the planner has none. */
let readiness = { for: null, pools: null };

async function loadReadiness(generatedAt, redraw) {
  readiness = { for: generatedAt, pools: readiness.pools };
  try {
    const r = await getJson('/api/readiness');
    const pools = new Map();
    for (const g of r.goals ?? []) {
      const pool = g.args?.pool;
      if (!pool || !(g.status in READY_RANK)) continue;
      if (!pools.has(pool) || READY_RANK[g.status] > READY_RANK[pools.get(pool)]) pools.set(pool, g.status);
    }
    readiness = { for: generatedAt, pools };
  } catch (e) {
    // A planner without the readiness API: the boxes show no readiness.
    if (!(e instanceof ApiError && e.status === 404)) throw e;
    readiness = { for: generatedAt, pools: null };
    return;
  }
  redraw();
}

/** Positions of the pools: one column per site, Edge pools on top. */
function layout(topology) {
  const pos = new Map();
  topology.sites.forEach((site, col) => {
    const pools = topology.pools.filter((p) => p.site === site.id).sort((a, b) => (order[a.kind] ?? 9) - (order[b.kind] ?? 9) || a.fqdn.localeCompare(b.fqdn));
    pools.forEach((p, row) => pos.set(p.fqdn, { x: 30 + col * (COL + GAP) + (COL - BOX_W) / 2, y: TOP + 40 + row * ROW, col }));
  });
  return pos;
}

const mid = (y) => y + BOX_H / 2;

/**
 * An arrow between two pools as a polyline that crosses no pool box: side to side between columns (offset `dy` so that
 * the two directions of a pair run side by side), around the boxes on `side` (1 right, -1 left) within a column.
 */
function route(a, b, dy, side, lane = 0) {
  if (a.col !== b.col) {
    const right = b.x > a.x;
    return [{ x: right ? a.x + BOX_W : a.x, y: mid(a.y) + dy }, { x: right ? b.x - 4 : b.x + BOX_W + 4, y: mid(b.y) + dy }];
  }
  const edge = (p) => (side > 0 ? p.x + BOX_W : p.x);
  const out = edge(a) + side * (14 + lane * 10);
  return [{ x: edge(a), y: mid(a.y) + dy }, { x: out, y: mid(a.y) + dy }, { x: out, y: mid(b.y) + dy }, { x: edge(b) + side * 4, y: mid(b.y) + dy }];
}

/** Where a label may go beside a polyline's longest segment: its middle first, then further along and further out. */
function besideCandidates(points, above, size) {
  let best = [points[0], points[1]];
  for (let i = 1; i < points.length - 1; i++) {
    const [a, b] = [points[i], points[i + 1]];
    if (Math.hypot(b.x - a.x, b.y - a.y) > Math.hypot(best[1].x - best[0].x, best[1].y - best[0].y)) best = [a, b];
  }
  const [a, b] = best;
  const out = [];
  // Around points of the segment, nearest first: straight above (or below) first, then the other sides. The
  // anchor makes the text grow away from the point (left of it: anchored at its end).
  const dirs = above
    ? [[0, -1], [1, -1], [-1, -1], [1, 0], [-1, 0], [0, 1], [1, 1], [-1, 1]]
    : [[0, 1], [1, 1], [-1, 1], [1, 0], [-1, 0], [0, -1], [1, -1], [-1, -1]];
  for (const r of [5, 10, 16, 24, 34]) {
    for (const t of [0.5, 0.35, 0.65, 0.2, 0.8]) {
      const x = a.x + (b.x - a.x) * t, y = a.y + (b.y - a.y) * t;
      for (const [dx, dy] of dirs) {
        out.push({ x: x + dx * r, y: y + (dy < 0 ? -r : dy > 0 ? r + size * 0.8 : size / 3), anchor: dx > 0 ? 'start' : dx < 0 ? 'end' : 'middle' });
      }
    }
  }
  return out;
}

export function renderOverview(state) {
  const topo = state.topology;
  if (!topo) {
    $('diagram').innerHTML = `<p class="note">${esc(t('noTopology'))}</p>`;
    $('versions').innerHTML = '';
    return;
  }
  const generatedAt = state.status?.generatedAt ?? null;
  if (readiness.for !== generatedAt) loadReadiness(generatedAt, () => renderOverview(state)).catch(() => {});
  const pos = layout(topo);
  const rows = Math.max(1, ...topo.sites.map((s) => topo.pools.filter((p) => p.site === s.id).length));
  const W = Math.max(700, 60 + topo.sites.length * (COL + GAP) - GAP);
  const H = TOP + 70 + rows * ROW;
  const statusOf = (fqdn) => state.poolStatus.get(fqdn) ?? 'unknown';
  const entry = new Map(state.rows.map((r) => [r.id.toLowerCase(), r.entry]));
  const parts = [];
  const arrows = [];
  const labels = [];
  const obstacles = [...pos.values()].map((p) => ({ x: p.x, y: p.y, w: BOX_W, h: BOX_H }));
  const markers = Object.entries(colours).map(([s, [c]]) => `<marker id="arrow-${s}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${c}"/></marker>`).join('');
  parts.push(`<defs>${markers}<marker id="arrow-hop" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#6e7781"/></marker></defs>`);
  topo.sites.forEach((s, col) => {
    const x = 30 + col * (COL + GAP);
    parts.push(`<g class="site"><rect x="${x}" y="${TOP - 10}" width="${COL}" height="${H - TOP}" rx="10" fill="#f5f7fa" stroke="#c9d1d9"/></g>`);
    // The site's name: top left, else top right, else at the bottom — wherever no arrow crosses it.
    labels.push({ kind: 'site', text: `${s.name}${s.location ? ` — ${s.location}` : ''}`, size: 15, bold: true, attrs: 'font-weight="700" fill="#1b1f24"',
      candidates: [{ x: x + 14, y: TOP + 14, anchor: 'start' }, { x: x + COL - 14, y: TOP + 14, anchor: 'end' }, { x: x + 14, y: H - 16, anchor: 'start' }, { x: x + COL - 14, y: H - 16, anchor: 'end' }] });
  });
  // Federation routes from the Internet to the Edge pools that carry them.
  const fed = [['lyncEdge', 'SIP'], ['xmppEdge', 'XMPP']].filter(([k]) => topo.federation?.[k] && pos.has(topo.federation[k]));
  const lines = [];
  if (fed.length) {
    const fx = W / 2 - 90;
    obstacles.push({ x: fx, y: 14, w: 180, h: 44 });
    parts.push(`<g class="federation"><rect x="${fx}" y="14" width="180" height="44" rx="22" fill="#fff" stroke="#0b5cad" stroke-width="2"/>` +
      `<text x="${W / 2}" y="41" text-anchor="middle" font-size="14" font-weight="600" fill="#0b5cad">${esc(t('federation'))}</text></g>`);
    const shared = fed.length === 2 && topo.federation.lyncEdge === topo.federation.xmppEdge;
    fed.forEach(([k, label], i) => {
      const p = pos.get(topo.federation[k]);
      const off = shared ? (i ? 24 : -24) : 0;
      const pts = [{ x: W / 2 + off, y: 58 }, { x: p.x + BOX_W / 2 + off, y: p.y - 4 }];
      const st = statusOf(topo.federation[k]);
      arrows.push(pts);
      lines.push(`<path class="arrow fed" d="${pathOf(pts)}" stroke="${colours[st][0]}" stroke-width="2" fill="none" marker-end="url(#arrow-${st})"/>`);
      labels.push({ kind: 'fed', text: label, size: 12, bold: false, attrs: 'fill="#1b1f24"', candidates: besideCandidates(pts, true, 12) });
    });
  }
  // Edge next hops: dashed, around the boxes on the right within a site.
  for (const p of topo.pools) {
    const hop = p.kind === 'Edge' ? p.nextHop : null;
    if (hop && pos.has(hop) && pos.has(p.fqdn)) {
      const pts = route(pos.get(p.fqdn), pos.get(hop), 0, 1);
      arrows.push(pts);
      lines.push(`<path class="arrow hop" d="${pathOf(pts)}" stroke="#6e7781" stroke-dasharray="5 4" stroke-width="1.5" fill="none" marker-end="url(#arrow-hop)"><title>${esc(shortName(p.fqdn))} ${esc(t('nextHop'))} ${esc(hop)}</title></path>`);
    }
  }
  // Pairs: one arrow per direction, coloured by the Backup Service state seen from the exporting pool.
  const pairLabels = [];
  for (const [a, b] of topo.pairs ?? []) {
    if (!pos.has(a) || !pos.has(b)) continue;
    for (const [from, to, dy] of [[a, b, -9], [b, a, 9]]) {
      const st = entry.get(`backup-service:${from}`.toLowerCase())?.status ?? 'unknown';
      const pts = route(pos.get(from), pos.get(to), dy, -1, dy > 0 ? 1 : 0);
      arrows.push(pts);
      const label = t('backupService', { from: shortName(from), to: shortName(to), status: t(st) });
      const i = pairLabels.length;
      pairLabels.push({ from, to, st, label, pts });
      labels.push({ kind: 'pair', i, text: t(st), size: 12, bold: true, attrs: `fill="${colours[st][0]}" font-weight="600"`, candidates: besideCandidates(pts, dy < 0, 12) });
    }
  }
  // Every label where no arrow crosses it (overview-layout.js).
  const { placed } = placeLabels(labels, arrows, obstacles);
  const text = (l) => `<text x="${l.x.toFixed(1)}" y="${l.y.toFixed(1)}" text-anchor="${l.anchor}" font-size="${l.size}" ${l.attrs}>${esc(l.text)}</text>`;
  const pairs = pairLabels.map((p, i) => {
    const l = placed.find((x) => x.kind === 'pair' && x.i === i);
    return `<g class="pair" data-from="${esc(p.from)}" data-to="${esc(p.to)}" data-status="${p.st}"><path class="arrow" d="${pathOf(p.pts)}" stroke="${colours[p.st][0]}" stroke-width="3" fill="none" marker-end="url(#arrow-${p.st})"><title>${esc(p.label)}</title></path>` +
      `${text(l)}</g>`;
  }).join('');
  const others = placed.filter((l) => l.kind !== 'pair').map((l) => text(l).replace('<text ', `<text class="label ${l.kind}" `)).join('');
  const boxes = topo.pools.filter((p) => pos.has(p.fqdn)).map((p) => {
    const { x, y } = pos.get(p.fqdn);
    const st = statusOf(p.fqdn);
    const [stroke, fill] = colours[st];
    const tags = [];
    if (topo.cms?.pool === p.fqdn) tags.push(t('cms'));
    if (topo.cms?.standbyPool === p.fqdn) tags.push(t('cmsStandby'));
    const ready = readiness.pools?.get(p.fqdn) ?? null;
    const label = `${p.fqdn} (${p.kind}) — ${t(st)}${tags.length ? ` — ${tags.join(', ')}` : ''}${ready ? ` — ${t('ovReadiness')} ${t(`rd_${ready}`)}` : ''}`;
    let badge = '';
    if (ready) {
      const [c, bg] = colours[READY_AS[ready]];
      const head = t('ovReadiness');
      const word = t(`rd_${ready}`);
      const bx = x + 10 + textBox(head, 0, 0, 11).w * 0.85 + 6;
      const bw = textBox(word, 0, 0, 11, 'start', true).w * 0.85 + 12;
      badge = `<g class="readiness" data-readiness="${esc(ready)}"><text x="${x + 10}" y="${y + 62}" font-size="11" fill="#4a525c">${esc(head)}</text>` +
        `<rect x="${bx.toFixed(1)}" y="${y + 50}" width="${bw.toFixed(1)}" height="16" rx="8" fill="${bg}" stroke="${c}"/>` +
        `<text x="${(bx + bw / 2).toFixed(1)}" y="${y + 62}" text-anchor="middle" font-size="11" font-weight="700" fill="${c}">${esc(word)}</text></g>`;
    }
    return `<g class="pool" data-pool="${esc(p.fqdn)}" data-status="${st}" tabindex="0" role="link" aria-label="${esc(label)}"><title>${esc(label)}</title>` +
      `<rect x="${x}" y="${y}" width="${BOX_W}" height="${BOX_H}" rx="8" fill="${fill}" stroke="${stroke}" stroke-width="2.5"/>` +
      `<text x="${x + 10}" y="${y + 22}" font-size="14" font-weight="700" fill="#1b1f24">${esc(shortName(p.fqdn))}</text>` +
      `<text x="${x + 10}" y="${y + 42}" font-size="12" fill="#4a525c">${esc(p.kind)} · ${esc(t(st))}</text>` +
      (tags.length ? `<text x="${x + BOX_W - 10}" y="${y + 22}" text-anchor="end" font-size="12" font-weight="700" fill="#0b5cad">${esc(tags.join(' · '))}</text>` : '') +
      badge + '</g>';
  }).join('');
  const summary = `${topo.sites.length} sites, ${topo.pools.length} pools, ${(topo.pairs ?? []).length} pairs`;
  $('diagram').innerHTML = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" role="group" aria-label="${esc(summary)}">${parts.join('')}${lines.join('')}${pairs}${others}${boxes}</svg>`;
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

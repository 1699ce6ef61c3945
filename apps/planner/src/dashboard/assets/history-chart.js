/* An item's history drawn in SVG of our own (the CSP allows no external script): the period timeline and the age chart. */
import { ageSeries, dayTicks, onTimeShare, periodBars } from './history-model.js';
import { getLang, reasonOf, t } from './i18n.js';
import { duration, esc, when } from './util.js';

const W = 720, PAD_L = 56, PAD_R = 12;
const PLOT = W - PAD_L - PAD_R;
const dayFormats = new Map();
const day = (ms) => {
  const lang = getLang();
  if (!dayFormats.has(lang)) dayFormats.set(lang, new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }));
  return dayFormats.get(lang).format(new Date(ms));
};
const iso = (ms) => new Date(ms).toISOString();
const colon = () => (getLang() === 'fr' ? ' : ' : ': ');

/** The x axis: a line and the day ticks with their labels, below `y`. */
function axis(start, end, y) {
  const x = (ms) => PAD_L + ((ms - start) / (end - start)) * PLOT;
  return `<g class="axis" aria-hidden="true"><line x1="${PAD_L}" y1="${y}" x2="${W - PAD_R}" y2="${y}"/>` +
    dayTicks(start, end).map((ms) => `<line x1="${x(ms).toFixed(1)}" y1="${y}" x2="${x(ms).toFixed(1)}" y2="${y + 4}"/>` +
      `<text x="${x(ms).toFixed(1)}" y="${y + 16}" text-anchor="middle">${esc(day(ms))}</text>`).join('') + '</g>';
}

/** The share on time in words: "96.7 % of 30 periods on time" or "no period with data yet". */
export function shareWords(share) {
  if (share.percent === null) return t('hNoData');
  const pct = share.percent.toLocaleString(getLang() === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1 });
  return t('hShare', { pct, on: share.on, total: share.total });
}

/**
 * One bar per evaluation period over `windowDays`, coloured by the worst status in force during it, with a time axis;
 * each bar's tooltip (`<title>`) gives its dates, status and reason. Returns `{ svg, share }`.
 */
export function timeline(evaluations, { now, periodSeconds, windowDays }) {
  const { bars, perBar, periods } = periodBars(evaluations, { now, periodSeconds, windowDays });
  const start = now.getTime() - windowDays * 86_400_000, end = now.getTime();
  const x = (ms) => PAD_L + ((ms - start) / (end - start)) * PLOT;
  const lang = getLang();
  const rects = bars.map((b) => {
    const x0 = x(b.start), x1 = x(b.end);
    const w = Math.max(1, x1 - x0 - (x1 - x0 > 4 ? 1.5 : 0.5));
    const status = b.status ?? 'none';
    const what = b.status === null ? t('hNoEval') : `${t(b.status)}${b.row ? `${colon()}${reasonOf(b.row)}` : ''}`;
    const span = `${when(iso(b.start), lang)} – ${when(iso(b.end), lang)}`;
    const many = perBar > 1 ? ` (${t('hPeriods', { n: b.periods })})` : '';
    return `<rect class="bar ${status}" data-status="${status}" data-start="${iso(b.start)}" x="${x0.toFixed(2)}" y="4" width="${w.toFixed(2)}" height="30" rx="1">` +
      `<title>${esc(`${span}${many}${colon()}${what}`)}</title></rect>`;
  }).join('');
  const share = onTimeShare(periods);
  const label = t('hTimelineLabel', { days: windowDays, share: shareWords(share) });
  const svg = `<svg class="timeline" viewBox="0 0 ${W} 58" role="img" aria-label="${esc(label)}" data-bars="${bars.length}" data-per-bar="${perBar}">` +
    `<text class="ylabel" x="${PAD_L - 6}" y="24" text-anchor="end">${esc(t('hStatus'))}</text>${rects}${axis(start, end, 38)}</svg>`;
  return { svg, share };
}

/** Ticks of the age axis: round durations up to `max` ms (at most five). */
function ageTicks(max) {
  const H = 3_600_000;
  const step = [H, 2 * H, 6 * H, 12 * H, 24 * H, 48 * H, 7 * 24 * H, 14 * 24 * H, 30 * 24 * H].find((s) => max / s <= 4) ?? 30 * 24 * H;
  const out = [];
  for (let v = 0; v <= max; v += step) out.push(v);
  return out;
}

/**
 * The age of the newest good backup over the window against the period and the period + grace (dashed lines):
 * above the dashed line the item is late. Returns the SVG (role img, its summary in `aria-label`).
 */
export function ageChart(evaluations, runs, { now, windowDays, periodSeconds, graceSeconds }) {
  const points = ageSeries(evaluations, runs, { now, windowDays });
  const periodMs = (periodSeconds || 86_400) * 1000, limitMs = periodMs + (graceSeconds ?? 0) * 1000;
  const start = now.getTime() - windowDays * 86_400_000, end = now.getTime();
  const H = 130, top = 8, bottom = H - 28;
  const maxAge = Math.max(limitMs * 1.15, ...points.map((p) => p.age * 1.05));
  const x = (ms) => PAD_L + ((ms - start) / (end - start)) * PLOT;
  const y = (age) => bottom - (age / maxAge) * (bottom - top);
  const lang = getLang();
  const grid = ageTicks(maxAge).map((v) => `<g class="grid" aria-hidden="true"><line x1="${PAD_L}" y1="${y(v).toFixed(1)}" x2="${W - PAD_R}" y2="${y(v).toFixed(1)}"/>` +
    `<text x="${PAD_L - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end">${esc(v ? duration(v / 1000, lang) : '0')}</text></g>`).join('');
  const limits = `<line class="period" x1="${PAD_L}" y1="${y(periodMs).toFixed(1)}" x2="${W - PAD_R}" y2="${y(periodMs).toFixed(1)}"><title>${esc(t('hPeriod', { d: duration(periodMs / 1000, lang) }))}</title></line>` +
    `<line class="limit" x1="${PAD_L}" y1="${y(limitMs).toFixed(1)}" x2="${W - PAD_R}" y2="${y(limitMs).toFixed(1)}"><title>${esc(t('hLimit', { d: duration(limitMs / 1000, lang) }))}</title></line>`;
  const line = points.length
    ? `<polyline class="age" points="${points.map((p) => `${x(p.t).toFixed(1)},${y(p.age).toFixed(1)}`).join(' ')}"/>` +
      points.filter((p) => p.age > limitMs).slice(0, 1).map((p) => `<circle class="over" cx="${x(p.t).toFixed(1)}" cy="${y(p.age).toFixed(1)}" r="3"/>`).join('')
    : `<text class="empty" x="${PAD_L + PLOT / 2}" y="${(top + bottom) / 2}" text-anchor="middle">${esc(t('hNoGood'))}</text>`;
  const over = points.some((p) => p.age > limitMs);
  const newest = points.length ? points[points.length - 1].age : null;
  const label = t('hAgeLabel', { days: windowDays, age: newest === null ? '—' : duration(newest / 1000, lang), limit: duration(limitMs / 1000, lang) }) + (over ? ` ${t('hAgeOver')}` : '');
  return `<svg class="agechart" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(label)}" data-points="${points.length}" data-limit-ms="${limitMs}">` +
    `${grid}${limits}${line}${axis(start, end, bottom)}</svg>`;
}

/* global document */
/* Small helpers shared by the dashboard views (plain browser ES module, no dependencies). */

/** Escapes text for HTML. */
export const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

export const STATUSES = ['ok', 'late', 'failed', 'unknown'];
/** The statuses from the most to the least urgent: the order of the status table and of the header's counts. */
export const SEVERITY = ['failed', 'late', 'unknown', 'ok'];
const rank = { ok: 0, unknown: 1, late: 2, failed: 3 };

/** The worst of some statuses (failed > late > unknown > ok); unknown when there are none. */
export function worst(statuses) {
  let w = null;
  for (const s of statuses) if (w === null || rank[s] > rank[w]) w = s;
  return w ?? 'unknown';
}

/** A duration in seconds, in words: `3 d 4 h`, `2 h 10 min`, `45 s`. */
export function duration(seconds, lang) {
  if (seconds === null || seconds === undefined) return '—';
  const s = Math.max(0, Math.round(seconds));
  const d = Math.floor(s / 86400), h = Math.floor((s % 86400) / 3600), m = Math.floor((s % 3600) / 60);
  const j = lang === 'fr' ? 'j' : 'd';
  if (d) return `${d} ${j}${h ? ` ${h} h` : ''}`;
  if (h) return `${h} h${m ? ` ${m} min` : ''}`;
  if (m) return `${m} min`;
  return `${s} s`;
}

const formats = new Map();
/** A date-time for people, in the page's language (one Intl formatter per language: thousands of rows use it). */
export function when(iso, lang) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  if (!formats.has(lang)) formats.set(lang, new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' }));
  return formats.get(lang).format(d);
}

export const shortName = (fqdn) => String(fqdn ?? '').split('.')[0];

/** Saves bytes fetched from the API as a file download. */
export function saveBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Defensive readers for the JSON that PowerShell's ConvertTo-Json prints (one object or an array; names in any case). */

export function asList(x: unknown): Record<string, unknown>[] {
  if (x === null || x === undefined) return [];
  const list = Array.isArray(x) ? x : [x];
  return list.filter((v): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v));
}

/** The value of the first of `names` present on `obj`, matched case-insensitively; undefined when none is. */
export function pick(obj: Record<string, unknown> | null | undefined, ...names: string[]): unknown {
  if (!obj) return undefined;
  const keys = Object.keys(obj);
  for (const n of names) {
    const k = keys.find((key) => key.toLowerCase() === n.toLowerCase());
    if (k !== undefined) return obj[k];
  }
  return undefined;
}

/** A string value, or null when absent or empty. Numbers are kept as text (an enum ConvertTo-Json printed as a number). */
export function text(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return null;
}

/** Booleans as PowerShell may print them: true/false, "True"/"False". */
export function bool(v: unknown): boolean | null {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string' && /^(true|false)$/i.test(v.trim())) return v.trim().toLowerCase() === 'true';
  return null;
}

/** Dates as ConvertTo-Json prints them in Windows PowerShell 5 (`/Date(1700000000000)/`) or as ISO text. */
export function date(v: unknown): string | null {
  if (typeof v === 'string') {
    const m = /^\/Date\((-?\d+)(?:[+-]\d{4})?\)\/$/.exec(v.trim());
    if (m) return new Date(Number(m[1])).toISOString();
    const t = Date.parse(v);
    return Number.isNaN(t) ? null : new Date(t).toISOString();
  }
  if (v && typeof v === 'object') {
    const inner = pick(v as Record<string, unknown>, 'value', 'DateTime');
    if (inner !== undefined && inner !== v) return date(inner);
  }
  return null;
}

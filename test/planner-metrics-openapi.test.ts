import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operations } from '../apps/planner/src/server/http/openapi-operations';
import { VERSION } from '../apps/planner/src/server/version';
import { connectSimAgent, sampleReport } from '../apps/planner/src/testing/sim-agent';
import { startDashboardPlanner, type DashboardPlanner } from '../apps/planner/src/testing/dashboard-planner';
import { startTestPlanner } from '../apps/planner/src/testing/test-planner';

/** One metric family as scraped: its HELP, TYPE and samples (name with labels → value). */
interface ScrapedFamily {
  help: string;
  type: string;
  samples: { name: string; labels: Record<string, string>; value: number }[];
}

/** A strict reader of the Prometheus text format: every sample must belong to a family announced by HELP and TYPE. */
function parseExposition(text: string): Map<string, ScrapedFamily> {
  expect(text.endsWith('\n')).toBe(true);
  const families = new Map<string, ScrapedFamily>();
  let current: string | null = null;
  for (const line of text.slice(0, -1).split('\n')) {
    const help = /^# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) (.+)$/.exec(line);
    const type = /^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (gauge|counter|histogram|summary|untyped)$/.exec(line);
    if (help) {
      expect(families.has(help[1]!), `HELP of ${help[1]} once`).toBe(false);
      families.set(help[1]!, { help: help[2]!, type: '', samples: [] });
      current = help[1]!;
      continue;
    }
    if (type) {
      expect(type[1], 'TYPE follows the HELP of its family').toBe(current);
      families.get(type[1]!)!.type = type[2]!;
      continue;
    }
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    expect(sample, `a sample line: ${line}`).not.toBeNull();
    const [, name, labelText, value] = sample!;
    const family = families.get(current ?? '');
    expect(family?.type, `${name} after its HELP and TYPE`).toBeTruthy();
    const base = family!.type === 'histogram' ? name!.replace(/_(bucket|sum|count)$/, '') : name;
    expect(base).toBe(current);
    const labels = Object.fromEntries([...(labelText ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1]!, m[2]!]));
    const v = value === '+Inf' ? Infinity : Number(value);
    expect(Number.isNaN(v) && value !== 'NaN', `value of ${line}`).toBe(false);
    family!.samples.push({ name: name!, labels, value: v });
  }
  for (const [name, f] of families) {
    expect(f.type, `TYPE of ${name}`).not.toBe('');
    if (f.type !== 'histogram') continue;
    const buckets = f.samples.filter((s) => s.name === `${name}_bucket`);
    const bounds = buckets.map((b) => (b.labels.le === '+Inf' ? Infinity : Number(b.labels.le)));
    expect(bounds.at(-1), `${name} ends at +Inf`).toBe(Infinity);
    for (let i = 1; i < buckets.length; i++) {
      expect(bounds[i]! > bounds[i - 1]!, `${name} bounds ascending`).toBe(true);
      expect(buckets[i]!.value >= buckets[i - 1]!.value, `${name} buckets cumulative`).toBe(true);
    }
    const count = f.samples.find((s) => s.name === `${name}_count`)?.value;
    expect(buckets.at(-1)!.value).toBe(count);
    expect(f.samples.some((s) => s.name === `${name}_sum`)).toBe(true);
  }
  return families;
}

const value = (m: Map<string, ScrapedFamily>, name: string, labels: Record<string, string> = {}) => {
  const family = m.get(name.replace(/_(bucket|sum|count)$/, '')) ?? m.get(name);
  return family?.samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
};

let p: DashboardPlanner;
beforeAll(async () => {
  p = await startDashboardPlanner({});
});
afterAll(async () => p?.stop());

const get = (path: string, token?: string) => fetch(`${p.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('GET /metrics on a real planner', () => {
  it('needs a read token unless reads are open', async () => {
    expect((await get('/metrics')).status).toBe(401);
    const open = await startTestPlanner({ api: { openRead: true } });
    try {
      const r = await fetch(`${open.url}/metrics`);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    } finally {
      await open.stop();
    }
  });

  it('is the text format with HELP and TYPE, cumulative buckets, and values that follow a report', async () => {
    const before = parseExposition(await (await get('/metrics', p.readToken)).text());
    for (const name of ['lyncdr_items', 'lyncdr_agents_connected', 'lyncdr_reports_stored', 'lyncdr_evaluation_seconds', 'lyncdr_report_ack_seconds', 'lyncdr_build_info']) {
      expect(before.has(name), name).toBe(true);
    }
    expect(value(before, 'lyncdr_build_info', { version: VERSION })).toBe(1);
    const statuses = ['ok', 'late', 'failed', 'unknown'].map((status) => value(before, 'lyncdr_items', { status }) ?? NaN);
    expect(statuses.reduce((a, b) => a + b, 0)).toBe(p.server.evaluator.latest().items.length);
    expect(value(before, 'lyncdr_agents_connected')).toBe(0);

    const token = p.addAgent('fe-metrics');
    const agent = await connectSimAgent(p.agentUrl, { agentId: 'fe-metrics', token });
    try {
      agent.hello(true, ['file-store']);
      await agent.report('metrics-report-0001', sampleReport(new Date()));
      p.server.evaluator.evaluate();
      const after = parseExposition(await (await get('/metrics', p.readToken)).text());
      expect(value(after, 'lyncdr_agents_connected')).toBe(1);
      expect(value(after, 'lyncdr_reports_stored')).toBe((value(before, 'lyncdr_reports_stored') ?? NaN) + 1);
      expect(value(after, 'lyncdr_report_ack_seconds_count')).toBe((value(before, 'lyncdr_report_ack_seconds_count') ?? NaN) + 1);
      expect(value(after, 'lyncdr_report_ack_seconds_sum')).toBeGreaterThan(0);
      expect(value(after, 'lyncdr_evaluation_seconds_count')).toBeGreaterThan(value(before, 'lyncdr_evaluation_seconds_count') ?? NaN);
      expect(value(after, 'lyncdr_last_evaluation_timestamp_seconds')).toBeGreaterThan(0);
    } finally {
      agent.close();
    }
  });
});

type Json = Record<string, unknown>;

describe('GET /openapi.json on a real planner', () => {
  let doc: Json;
  beforeAll(async () => {
    const r = await get('/openapi.json', p.readToken);
    expect(r.status).toBe(200);
    doc = (await r.json()) as Json;
  });

  it('is an OpenAPI 3.1 document: info, unique operation ids, declared path parameters, resolvable $refs, known security schemes', () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info).toMatchObject({ title: expect.any(String), version: VERSION });
    const components = doc.components as { securitySchemes: Json; schemas: Json };
    const ids = new Set<string>();
    const tags = new Set((doc.tags as { name: string }[]).map((t) => t.name));
    for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, Json>>)) {
      expect(path.startsWith('/'), path).toBe(true);
      for (const [method, op] of Object.entries(item)) {
        expect(['get', 'post'], `${method} ${path}`).toContain(method);
        expect(ids.has(op.operationId as string), `operationId ${String(op.operationId)} unique`).toBe(false);
        ids.add(op.operationId as string);
        expect(Object.keys(op.responses as Json).length).toBeGreaterThan(0);
        for (const t of op.tags as string[]) expect(tags.has(t), t).toBe(true);
        const inPath = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();
        const declared = ((op.parameters ?? []) as { in: string; name: string; required: boolean }[]).filter((x) => x.in === 'path');
        expect(declared.map((x) => x.name).sort(), `path parameters of ${path}`).toEqual(inPath);
        expect(declared.every((x) => x.required)).toBe(true);
        for (const s of op.security as Json[]) for (const name of Object.keys(s)) expect(components.securitySchemes[name], name).toBeDefined();
      }
    }
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1]!);
    for (const ref of refs) {
      expect(ref.startsWith('#/'), ref).toBe(true);
      const target = ref.slice(2).split('/').reduce<unknown>((o, k) => (o as Json | undefined)?.[k], doc);
      expect(target, ref).toBeDefined();
    }
  });

  it('describes every route the router serves, and describes nothing else', () => {
    const listed = Object.entries(doc.paths as Record<string, Record<string, Json>>).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ':$1')}`, op })));
    // A route of the router without an entry in openapi-operations.ts is served with its path as its summary only.
    expect(listed.filter(({ key, op }) => op.summary === key).map((l) => l.key)).toEqual([]);
    expect(listed.map((l) => l.key).sort()).toEqual(Object.keys(operations).sort());
  });

  it('every GET path it lists is served by the router (none is a 404 "no such endpoint")', async () => {
    const paths = Object.entries(doc.paths as Record<string, Json>).filter(([path, item]) => 'get' in item && path !== '/api/events').map(([path]) => path);
    expect(paths.length).toBeGreaterThan(15);
    for (const path of paths) {
      const r = await get(path.replace(/\{[^}]+\}/g, 'x'), p.adminToken);
      const body = r.headers.get('content-type')?.includes('json') ? ((await r.json()) as { error?: { code: string } }) : (await r.arrayBuffer(), {});
      expect(body.error?.code === 'E_HTTP_NOT_FOUND' && r.status === 404 && !path.includes('{'), path).toBe(false);
    }
  });

  it('the JSON answers of the parameterless GET routes match their schemas', async () => {
    for (const [key, op] of Object.entries(operations)) {
      const [method, path] = key.split(' ') as [string, string];
      if (method !== 'GET' || path.includes(':') || !op.response || op.query?.goal || op.query?.steps) continue;
      const r = await get(path, p.adminToken);
      expect(r.status, path).toBe(200);
      const parsed = op.response.safeParse(await r.json());
      expect(parsed.success ? [] : parsed.error.issues.slice(0, 3), path).toEqual([]);
    }
  });
});

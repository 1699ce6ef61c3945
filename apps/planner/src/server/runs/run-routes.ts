import type { IncomingMessage, ServerResponse } from 'node:http';
import { isLyncdrError, LyncdrError } from '@lyncdr/errors';
import type { Store } from '@lyncdr/store';
import { bearer, hashToken } from '../agents/tokens';
import { readJsonBody, sendError, sendJson } from '../../http/respond';
import type { Route } from '../../http/router';
import type { RunListEntry, RunView, StepStatus } from './run-types';

export type Lang = 'en' | 'fr';
export type ReportFormat = 'pdf' | 'md' | 'html';

export interface StartInput {
  goal: string;
  /** The goal's options (pool, planned, usersOf, by, failed, newFqdn, to, edge, type) and the DR state (`state`: object or JSON text). */
  args: Record<string, unknown>;
  kind: 'drill' | 'real';
  title: string;
}

export interface StepInput {
  status: StepStatus;
  note?: string;
  reason?: string;
  /** Pasted command output (`text`) or a file (`base64`), with its name. */
  evidence?: { name: string; content: Uint8Array };
}

export interface FinishInput {
  outcome: 'completed' | 'abandoned';
  note?: string;
}

/** What the runs routes need: each call appends to the run's events (or reads them) and answers with the run's view. */
export interface RunService {
  start(input: StartInput, operator: string, lang: Lang): RunView;
  list(): RunListEntry[];
  view(id: string, lang: Lang): RunView;
  step(id: string, n: number, input: StepInput, operator: string, lang: Lang): RunView;
  finish(id: string, input: FinishInput, operator: string, lang: Lang): RunView;
  events(id: string): readonly unknown[];
  evidence(id: string, evidenceId: string): { name: string; content: Uint8Array } | null;
  report(id: string, lang: Lang, format: ReportFormat): Promise<{ contentType: string; body: Uint8Array | string }>;
}

/** Largest body of a step change: evidence travels base64 in it (the store has its own, smaller, limit per file). */
export const MAX_STEP_BODY_BYTES = 8 * 1024 * 1024;
const STATUSES: readonly StepStatus[] = ['running', 'done', 'failed', 'skipped', 'pending'];
const MAX_TEXT = 4000;

/** HTTP status of a refused run change, by code: an unknown run is 404, a change that lost a race or breaks a rule is 409. */
const STATUS_OF: Record<string, number> = {
  E_RUN_UNKNOWN: 404, E_RUN_STEP_UNKNOWN: 404, E_RUN_EVIDENCE_UNKNOWN: 404,
  E_RUN_CONFLICT: 409, E_RUN_FINISHED: 409, E_RUN_TRANSITION: 409, E_RUN_NOT_DONE: 409,
  E_RUN_EVIDENCE_TOO_LARGE: 413,
};

/** The name of the API token that made the request: the operator recorded with every change. */
export function operatorOf(req: IncomingMessage, store: Store): string {
  const token = bearer(req.headers.authorization);
  const rec = token ? store.findByTokenHash(hashToken(token)) : null;
  return rec?.name ?? 'anonymous';
}

const bodyError = (message: string) => new LyncdrError('E_HTTP_BODY', message);

function text(v: unknown, name: string, required = false): string | undefined {
  if (v === undefined || v === null || v === '') {
    if (required) throw bodyError(`give ${name} as a non-empty string`);
    return undefined;
  }
  if (typeof v !== 'string') throw bodyError(`${name} must be a string`);
  if (v.length > MAX_TEXT) throw bodyError(`${name} is over ${MAX_TEXT} characters; attach long output as evidence`);
  return v;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseStart(body: unknown): StartInput {
  if (!isRecord(body)) throw bodyError('give {"goal":"failover","args":{"pool":"…"},"kind":"drill","title":"…"}');
  const kind = body.kind ?? 'drill';
  if (kind !== 'drill' && kind !== 'real') throw bodyError('kind must be "drill" or "real"');
  const args = body.args ?? {};
  if (!isRecord(args)) throw bodyError('args must be an object of the goal\u2019s options, e.g. {"pool":"pool01.contoso.example"}');
  return { goal: text(body.goal, 'goal', true)!, args, kind, title: text(body.title, 'title', true)! };
}

export function parseStep(body: unknown): StepInput {
  if (!isRecord(body)) throw bodyError('give {"status":"done","note":"…"}');
  const status = body.status;
  if (!STATUSES.includes(status as StepStatus)) throw bodyError(`status must be one of ${STATUSES.join(', ')}`);
  const out: StepInput = { status: status as StepStatus };
  const note = text(body.note, 'note');
  const reason = text(body.reason, 'reason');
  if (note) out.note = note;
  if (reason) out.reason = reason;
  if (body.evidence !== undefined && body.evidence !== null) {
    const e = body.evidence;
    if (!isRecord(e)) throw bodyError('evidence must be {"name":"output.txt","text":"…"} or {"name":"…","base64":"…"}');
    const name = text(e.name, 'evidence.name') ?? 'output.txt';
    if (typeof e.text === 'string') out.evidence = { name, content: new TextEncoder().encode(e.text) };
    else if (typeof e.base64 === 'string') out.evidence = { name, content: new Uint8Array(Buffer.from(e.base64, 'base64')) };
    else throw bodyError('evidence needs "text" (pasted output) or "base64" (a file)');
    if (!out.evidence.content.length) throw bodyError('the evidence is empty');
  }
  return out;
}

export function parseFinish(body: unknown): FinishInput {
  if (!isRecord(body)) throw bodyError('give {"outcome":"completed"} or {"outcome":"abandoned","note":"…"}');
  const outcome = body.outcome ?? 'completed';
  if (outcome !== 'completed' && outcome !== 'abandoned') throw bodyError('outcome must be "completed" or "abandoned"');
  const note = text(body.note, 'note');
  return note ? { outcome, note } : { outcome };
}

function langOf(q: URLSearchParams): Lang {
  const l = q.get('lang') ?? 'en';
  if (l !== 'en' && l !== 'fr') throw new LyncdrError('E_USAGE', `lang=${l} is not one of en, fr`);
  return l;
}

function stepNumber(text: string | undefined): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new LyncdrError('E_HTTP_BAD_PATH', `step "${text ?? ''}" is not a step number (1, 2, … as printed in the plan)`);
  return n;
}

/** Answers a refused change with its status (404, 409, 413); anything else goes to the request handler (400 or 500). */
async function answer(res: ServerResponse, status: number, work: () => unknown): Promise<void> {
  try {
    const body = await work();
    sendJson(res, status, body);
  } catch (e) {
    const code = isLyncdrError(e) ? STATUS_OF[e.code] : undefined;
    if (!code || !isLyncdrError(e)) throw e;
    sendError(res, code, e.code, e.message);
  }
}

const CONTENT_TYPES: Record<ReportFormat, string> = { pdf: 'application/pdf', md: 'text/markdown; charset=utf-8', html: 'text/html; charset=utf-8' };

/**
 * Drills and real runs (docs/drills.md): read routes take a read token, changes an admin token, and the token's name
 * is the operator recorded with each change.
 */
export function runRoutes(d: { store: Store; runs: RunService }): Route[] {
  const { runs } = d;
  return [
    { method: 'GET', path: '/api/runs', role: 'read', handle: ({ res }) => sendJson(res, 200, { runs: runs.list() }) },
    {
      method: 'POST', path: '/api/runs', role: 'admin',
      handle: async ({ req, res, query }) => {
        const input = parseStart(await readJsonBody(req));
        await answer(res, 201, () => runs.start(input, operatorOf(req, d.store), langOf(query)));
      },
    },
    { method: 'GET', path: '/api/runs/:id', role: 'read', handle: ({ res, params, query }) => answer(res, 200, () => runs.view(params.id ?? '', langOf(query))) },
    {
      method: 'POST', path: '/api/runs/:id/steps/:n', role: 'admin',
      handle: async ({ req, res, params, query }) => {
        const n = stepNumber(params.n);
        const input = parseStep(await readJsonBody(req, MAX_STEP_BODY_BYTES));
        await answer(res, 200, () => runs.step(params.id ?? '', n, input, operatorOf(req, d.store), langOf(query)));
      },
    },
    {
      method: 'POST', path: '/api/runs/:id/finish', role: 'admin',
      handle: async ({ req, res, params, query }) => {
        const input = parseFinish(await readJsonBody(req));
        await answer(res, 200, () => runs.finish(params.id ?? '', input, operatorOf(req, d.store), langOf(query)));
      },
    },
    { method: 'GET', path: '/api/runs/:id/events', role: 'read', handle: ({ res, params }) => answer(res, 200, () => ({ runId: params.id, events: runs.events(params.id ?? '') })) },
    {
      method: 'GET', path: '/api/runs/:id/evidence/:evidence', role: 'read',
      handle: async ({ res, params }) => {
        const e = runs.evidence(params.id ?? '', params.evidence ?? '');
        if (!e) return sendError(res, 404, 'E_HTTP_NOT_FOUND', `run ${params.id} has no evidence ${params.evidence}`);
        res.writeHead(200, {
          'content-type': 'application/octet-stream', 'content-length': e.content.length, 'cache-control': 'no-store',
          'content-disposition': `attachment; filename="${e.name.replace(/[^\w.-]+/g, '_')}"`,
        });
        res.end(e.content);
      },
    },
    {
      method: 'GET', path: '/api/runs/:id/report.:format', role: 'read',
      handle: async ({ res, params, query }) => {
        const format = params.format ?? '';
        if (format !== 'pdf' && format !== 'md' && format !== 'html') throw new LyncdrError('E_USAGE', `report.${format}: use report.pdf, report.md or report.html`);
        const lang = langOf(query);
        try {
          const doc = await runs.report(params.id ?? '', lang, format);
          res.writeHead(200, { 'content-type': CONTENT_TYPES[format], 'content-disposition': `attachment; filename="drill-report-${(params.id ?? '').replace(/[^\w-]+/g, '_')}-${lang}.${format}"` });
          res.end(doc.body);
        } catch (e) {
          const code = isLyncdrError(e) ? STATUS_OF[e.code] : undefined;
          if (!code || !isLyncdrError(e)) throw e;
          sendError(res, code, e.code, e.message);
        }
      },
    },
  ];
}

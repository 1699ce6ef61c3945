import { LyncdrError } from '@lyncdr/errors';
import type { Command } from 'commander';
import { readInput } from '../io';

/** Largest token file read (a token is 43 characters; the file may hold a trailing newline or a comment-free line). */
const MAX_TOKEN_BYTES = 4096;

export interface PlannerFlags {
  planner: string;
  tokenFile: string;
}

/** The `--planner URL --token-file F` options every `lyncdr run` subcommand takes. */
export function plannerOptions(c: Command): Command {
  return c
    .requiredOption('--planner <url>', 'the planner, e.g. https://planner.contoso.example:8443')
    .requiredOption('--token-file <file>', 'a file holding an API token (admin to write, read to read): lyncdr agents add <name> --role admin');
}

/** A JSON client of the planner's HTTP API with one bearer token; the planner's `{ error: { code, message } }` becomes a LyncdrError. */
export interface PlannerClient {
  getJson<T>(path: string): Promise<T>;
  postJson<T>(path: string, body: unknown): Promise<T>;
  getBytes(path: string): Promise<Uint8Array>;
}

function baseUrl(planner: string): URL {
  let url: URL;
  try {
    url = new URL(planner);
  } catch {
    throw new LyncdrError('E_USAGE', `--planner ${planner} is not a URL; give it as http://host:port or https://host:port`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new LyncdrError('E_USAGE', `--planner ${planner}: use an http:// or https:// URL`);
  return url;
}

export async function createPlannerClient(flags: PlannerFlags, cwd: string, fetchImpl: typeof fetch = fetch): Promise<PlannerClient> {
  const base = baseUrl(flags.planner);
  const token = (await readInput(flags.tokenFile, cwd, 'token file', MAX_TOKEN_BYTES)).toString('utf8').trim();
  if (!token || /\s/.test(token)) throw new LyncdrError('E_INPUT', `${flags.tokenFile} does not hold one API token on one line`, { location: { file: flags.tokenFile } });

  const call = async (method: 'GET' | 'POST', path: string, body?: unknown): Promise<Response> => {
    const url = new URL(path, base);
    let res: Response;
    try {
      res = await fetchImpl(url, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (e) {
      const why = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).message;
      throw new LyncdrError('E_PLANNER_UNREACHABLE', `cannot reach the planner at ${base.origin} (${why}); check --planner and that lyncdr serve runs`, { cause: e });
    }
    if (res.ok) return res;
    let answer: unknown = null;
    try {
      answer = await res.json();
    } catch {
      /* not JSON: not the planner's API */
    }
    const err = (answer as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    if (res.status === 404 && err?.code === 'E_HTTP_NOT_FOUND') {
      throw new LyncdrError('E_HTTP_NOT_FOUND', `the planner at ${base.origin} does not serve runs (no ${url.pathname}): it is older than this lyncdr, or runs are not enabled on it (HTTP 404)`);
    }
    if (typeof err?.code === 'string' && typeof err.message === 'string') throw new LyncdrError<string>(err.code, `${err.message} (HTTP ${res.status})`);
    throw new LyncdrError('E_PLANNER_UNREACHABLE', `${base.origin}${url.pathname} answered HTTP ${res.status} without a lyncdr error; is --planner the planner's URL?`);
  };
  const json = async <T>(res: Response): Promise<T> => {
    try {
      return (await res.json()) as T;
    } catch (e) {
      throw new LyncdrError('E_PLANNER_UNREACHABLE', `the planner's answer to ${res.url} is not JSON; is --planner the planner's URL?`, { cause: e });
    }
  };
  return {
    getJson: async (path) => json(await call('GET', path)),
    postJson: async (path, body) => json(await call('POST', path, body)),
    getBytes: async (path) => new Uint8Array(await (await call('GET', path)).arrayBuffer()),
  };
}

/** `/api/runs/<id>…` with the id encoded as one path segment. */
export const runPath = (id: string, rest = '') => `/api/runs/${encodeURIComponent(id)}${rest}`;

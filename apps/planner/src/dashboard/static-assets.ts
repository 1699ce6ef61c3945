import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LyncdrError } from '@lyncdr/errors';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Everything the page may load comes from the planner itself; the browser enforces it. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

export interface StaticAssets {
  /** Answers `GET /` (the page: index.html, or the deployments' overview) and `GET /assets/<file>`; false when the path is not the dashboard's. */
  serve(pathname: string, res: ServerResponse): boolean;
  readonly names: string[];
}

/** The folder of the dashboard's files, beside this module (src) or found from the built bundle (dist). */
export function findAssetsDir(from = path.dirname(fileURLToPath(import.meta.url))): string {
  const candidates = [path.join(from, 'assets'), path.resolve(from, '../src/dashboard/assets'), path.resolve(from, '../../src/dashboard/assets')];
  const dir = candidates.find((d) => existsSync(path.join(d, 'index.html')));
  if (!dir) throw new LyncdrError('E_DASHBOARD_ASSETS', `dashboard files not found (looked in ${candidates.join(', ')}); reinstall the planner`);
  return dir;
}

/** Reads the dashboard's files once into memory and serves them with a strict content security policy. */
export function createStaticAssets(deps: { dir?: string; page?: string; base?: string } = {}): StaticAssets {
  const page = deps.page ?? 'index.html';
  const base = deps.base ?? '';
  const dir = deps.dir ?? findAssetsDir();
  const files = new Map<string, { body: Buffer; type: string }>();
  for (const name of readdirSync(dir)) {
    const type = types[path.extname(name)];
    let body = readFileSync(path.join(dir, name));
    // Served under a prefix (one of several deployments, `/d/<name>`): the page loads its files from there.
    if (base && name.endsWith('.html')) body = Buffer.from(body.toString('utf8').replaceAll('"/assets/', `"${base}/assets/`), 'utf8');
    if (type) files.set(name, { body, type });
  }
  const send = (res: ServerResponse, f: { body: Buffer; type: string }, cache: string) => {
    res.writeHead(200, {
      'content-type': f.type, 'content-length': f.body.length, 'cache-control': cache,
      'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer',
    });
    res.end(f.body);
  };
  return {
    names: [...files.keys()],
    serve(pathname, res) {
      if (pathname === '/' || pathname === `/${page}`) {
        send(res, files.get(page)!, 'no-cache');
        return true;
      }
      if (!pathname.startsWith('/assets/')) return false;
      const f = files.get(pathname.slice('/assets/'.length));
      if (!f) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('no such dashboard file');
        return true;
      }
      send(res, f, 'no-cache');
      return true;
    },
  };
}

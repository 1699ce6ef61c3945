import type { IncomingMessage, ServerResponse } from 'node:http';
import { LyncdrError } from '@lyncdr/errors';

export type Role = 'read' | 'admin';

export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  params: Record<string, string>;
  query: URLSearchParams;
}

export interface Route {
  method: 'GET' | 'POST';
  /** Path with `:name` parameters, e.g. `/api/agents/:id/collect`. */
  path: string;
  role: Role;
  handle(ctx: RouteContext): Promise<void> | void;
}

export interface CompiledRoute extends Route {
  match(pathname: string): Record<string, string> | null;
}

/** Decodes one `%`-encoded path segment; a malformed escape is the client's error (400), never an exception that escapes. */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new LyncdrError('E_HTTP_BAD_PATH', 'the path has a malformed %-escape; encode each segment with encodeURIComponent');
  }
}

/** Compiles a route; `match` returns the decoded parameters, null for another path, and throws `E_HTTP_BAD_PATH`. */
export function compileRoute(route: Route): CompiledRoute {
  const names: string[] = [];
  const re = new RegExp(
    '^' + route.path.replace(/:([a-zA-Z]+)/g, (_m, n: string) => {
      names.push(n);
      return '([^/]+)';
    }) + '$',
  );
  return {
    ...route,
    match(pathname) {
      const m = re.exec(pathname);
      if (!m) return null;
      return Object.fromEntries(names.map((n, i) => [n, decodeSegment(m[i + 1] ?? '')]));
    },
  };
}

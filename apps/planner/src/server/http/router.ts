import type { IncomingMessage, ServerResponse } from 'node:http';

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
      return Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1] ?? '')]));
    },
  };
}

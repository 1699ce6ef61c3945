import { z } from 'zod';
import { sendJson } from '../../http/respond';
import type { Role, Route } from '../../http/router';
import { VERSION } from '../version';
import { operations, PING_PATHS, type Operation } from './openapi-operations';

export const OPENAPI_PATH = '/openapi.json';

type Json = Record<string, unknown>;

/** A route as the description sees it. */
export interface DescribedRoute {
  method: 'GET' | 'POST';
  path: string;
  /** The API role it needs, or `agent` for the ping URLs. */
  role: Role | 'agent';
}

/** `/api/runs/:id/report.:format` → `/api/runs/{id}/report.{format}`. */
export const openApiPath = (path: string) => path.replace(/:([a-zA-Z]+)/g, '{$1}');
const paramNames = (path: string) => [...path.matchAll(/:([a-zA-Z]+)/g)].map((m) => m[1] as string);

const schemaOf = (s: z.ZodType, io: 'input' | 'output'): Json => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any' }) as Json;
  return rest;
};

const errorAnswer = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });

function operation(route: DescribedRoute, op: Operation): Json {
  const parameters = [
    ...paramNames(route.path).map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
    ...Object.entries(op.query ?? {}).map(([name, q]) => ({ name, in: 'query', required: q.required ?? false, description: q.description, schema: schemaOf(q.schema, 'input') })),
  ];
  const success = op.response
    ? { description: 'Success.', content: { 'application/json': { schema: schemaOf(op.response, 'output') } } }
    : { description: 'Success.', content: { [op.produces ?? 'application/octet-stream']: { schema: { type: 'string' } } } };
  const body = op.body ? schemaOf(op.body, 'input') : null;
  return {
    operationId: `${route.method.toLowerCase()}${route.path.replace(/[^a-zA-Z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    tags: [op.tag],
    security: route.role === 'agent' ? [{ agentToken: [] }] : [{ [`${route.role}Token`]: [] }],
    'x-lyncdr-role': route.role,
    ...(parameters.length ? { parameters } : {}),
    ...(body ? { requestBody: { required: false, content: { [body.type === 'string' ? 'text/plain' : 'application/json']: { schema: body } } } } : {}),
    responses: {
      [String(op.status ?? 200)]: success,
      '400': errorAnswer('Bad input (E_HTTP_BODY, E_HTTP_BAD_PATH, E_USAGE…).'),
      '401': errorAnswer('No token (and reads are not open).'),
      '403': errorAnswer('Unknown or revoked token, or a role too low.'),
      ...(route.role === 'agent' ? { '404': errorAnswer('No such item.'), '413': errorAnswer('Body over 10 000 bytes.'), '429': errorAnswer('Over the token\u2019s ping budget.') } : {}),
    },
  };
}

/**
 * The OpenAPI 3.1 description of the planner's HTTP API: every route of the router plus the ping URLs, each from its
 * entry in openapi-operations.ts. Routes without an entry are returned in `undocumented` (and described only by
 * their path), so a new route cannot go unnoticed.
 */
export function buildOpenApi(
  routes: readonly DescribedRoute[],
  o: { base?: string; prefix?: string; root?: readonly DescribedRoute[]; more?: Readonly<Record<string, Operation>> } = {},
): { document: Json; undocumented: string[] } {
  const prefix = o.prefix ?? '';
  const all: DescribedRoute[] = [...routes, ...PING_PATHS.map((path) => ({ method: 'POST' as const, path, role: 'agent' as const }))];
  const paths: Record<string, Record<string, Json>> = {};
  const undocumented: string[] = [];
  // Several deployments: each deployment's routes under `prefix` (`/d/:deployment`), the planner's own at the root.
  for (const [r, at] of [...all.map((r) => [r, prefix] as const), ...(o.root ?? []).map((r) => [r, ''] as const)]) {
    const key = `${r.method} ${r.path}`;
    const op = operations[key] ?? o.more?.[key];
    if (!op) undocumented.push(key);
    const path = `${at}${r.path}`;
    (paths[openApiPath(path)] ??= {})[r.method.toLowerCase()] = operation({ ...r, path }, op ?? { tag: 'operations', summary: key });
  }
  const bearer = (description: string) => ({ type: 'http', scheme: 'bearer', description });
  return {
    undocumented,
    document: {
      openapi: '3.1.0',
      info: {
        title: 'lyncdr planner', version: VERSION,
        description: 'The HTTP API of the lyncdr planner (docs/planner.md). Tokens are made with `lyncdr agents add <name> --role read|admin` (agent tokens for /ping); GET routes need no token when api.openRead is on.',
      },
      ...(o.base ? { servers: [{ url: o.base, description: 'This deployment\u2019s paths (a planner serving several deployments).' }] } : {}),
      tags: ['status', 'agents', 'topology', 'documents', 'plans', 'runs', 'operations', 'ping'].map((name) => ({ name })),
      paths,
      components: {
        securitySchemes: {
          readToken: bearer('A read or admin API token.'),
          adminToken: bearer('An admin API token.'),
          agentToken: bearer('An agent token (lyncdr agents add <name>).'),
        },
        schemas: { Error: { type: 'object', required: ['error'], properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } } } } },
      },
    },
  };
}

/** The routes plus `GET /openapi.json`, which describes them all (itself included); read role like the API. */
export function withOpenApi(routes: readonly Route[], o: { base?: string } = {}): Route[] {
  let cached: Json | null = null;
  const own: Route = {
    method: 'GET', path: OPENAPI_PATH, role: 'read',
    handle: ({ res }) => sendJson(res, 200, (cached ??= buildOpenApi(all, o).document)),
  };
  const all = [...routes, own];
  return all;
}

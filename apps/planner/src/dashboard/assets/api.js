/* global sessionStorage, fetch, AbortController, TextDecoderStream, location */
/* The dashboard's only way out: same-origin requests to the planner's API, with the token kept in sessionStorage. */

/** The deployment this page shows when the planner serves several (`/d/<name>/`), else null. */
export const servedDeployment = /^\/d\/([a-z0-9-]+)\//.exec(location.pathname)?.[1] ?? null;
/** The API is beside the page: `/api/…` at the root, `/d/<name>/api/…` for one of several deployments. */
const at = (path) => (path.startsWith('/') ? path.slice(1) : path);
const GLOBAL_KEY = 'lyncdr.token';
/** Each deployment keeps its own token; a global admin token (given on the overview) serves them all. */
const KEY = servedDeployment ? `${GLOBAL_KEY}:${servedDeployment}` : GLOBAL_KEY;
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export const token = {
  get: () => sessionStorage.getItem(KEY) ?? (KEY === GLOBAL_KEY ? null : sessionStorage.getItem(GLOBAL_KEY)),
  set: (t) => (t ? sessionStorage.setItem(KEY, t) : sessionStorage.removeItem(KEY)),
};

function headers(extra = {}) {
  const t = token.get();
  return t ? { ...extra, authorization: `Bearer ${t}` } : extra;
}

async function fail(res) {
  let code = `HTTP_${res.status}`, message = res.statusText;
  try {
    const body = await res.json();
    if (body?.error) ({ code, message } = body.error);
  } catch { /* not JSON */ }
  throw new ApiError(res.status, code, message);
}

/** GET a JSON document from the API. */
export async function getJson(path) {
  const res = await fetch(at(path), { headers: headers(), cache: 'no-store' });
  if (!res.ok) await fail(res);
  return res.json();
}

/** POST JSON to the API (admin routes). */
export async function postJson(path, body) {
  const res = await fetch(at(path), { method: 'POST', headers: headers({ 'content-type': 'application/json' }), body: JSON.stringify(body) });
  if (!res.ok) await fail(res);
  return res.json();
}

/** GET a file (PDF, Markdown, HTML) from the API as a Blob. */
export async function getBlob(path) {
  const res = await fetch(at(path), { headers: headers(), cache: 'no-store' });
  if (!res.ok) await fail(res);
  return res.blob();
}

/**
 * Listens to `GET /api/events` (server-sent events) with fetch, so the token travels in a header; reconnects after
 * a pause. `onEvent(type, data)`; `onState(live)` says whether the stream is up. Returns a stop function.
 */
export function listen(onEvent, onState) {
  let stopped = false;
  let ctrl = null;
  const run = async () => {
    while (!stopped) {
      ctrl = new AbortController();
      try {
        const res = await fetch(at('/api/events'), { headers: headers(), signal: ctrl.signal, cache: 'no-store' });
        if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
        onState(true);
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buf = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buf += value;
          let i;
          while ((i = buf.indexOf('\n\n')) >= 0) {
            const frame = buf.slice(0, i);
            buf = buf.slice(i + 2);
            let type = 'message', data = '';
            for (const line of frame.split('\n')) {
              if (line.startsWith('event: ')) type = line.slice(7);
              else if (line.startsWith('data: ')) data += line.slice(6);
            }
            if (data) onEvent(type, JSON.parse(data));
          }
        }
      } catch { /* reconnect below */ }
      onState(false);
      if (!stopped) await new Promise((r) => setTimeout(r, 2000));
    }
  };
  void run();
  return () => {
    stopped = true;
    ctrl?.abort();
  };
}

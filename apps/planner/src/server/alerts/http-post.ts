import type { Delivery } from './channel';

export interface HttpPostOptions {
  url: string;
  retries: number;
  backoffMs: number;
  timeoutMs: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface HttpRequestBody {
  body: string;
  headers: Record<string, string>;
}

export type HttpPoster = (request: HttpRequestBody) => Promise<Delivery>;

/**
 * POSTs to a URL. Retries network errors, timeouts, 429 and 5xx answers with exponential backoff
 * (backoffMs, 2×, 4×…); a 4xx other than 429 is not retried (the request itself is wrong). Each attempt is bounded
 * by timeoutMs. The URL (it holds secrets: a Teams signature, an ntfy topic) never appears in the detail.
 */
export function createHttpPoster(o: HttpPostOptions): HttpPoster {
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  return async ({ body, headers }) => {
    let detail = '';
    for (let attempt = 1; attempt <= o.retries + 1; attempt++) {
      try {
        const res = await fetch(o.url, {
          method: 'POST',
          headers: { 'user-agent': 'lyncdr-planner', ...headers },
          body,
          signal: AbortSignal.timeout(o.timeoutMs),
        });
        await res.arrayBuffer().catch(() => undefined);
        if (res.ok) return { delivered: true, attempts: attempt, detail: `HTTP ${res.status}` };
        detail = `HTTP ${res.status}`;
        if (res.status < 500 && res.status !== 429) return { delivered: false, attempts: attempt, detail };
      } catch (e) {
        const err = e as Error & { cause?: { code?: string } };
        detail = err.name === 'TimeoutError' ? `no answer within ${o.timeoutMs} ms` : [err.message, err.cause?.code].filter(Boolean).join(': ');
        detail = detail.split(o.url).join('<url>');
      }
      if (attempt <= o.retries) await sleep(o.backoffMs * 2 ** (attempt - 1));
    }
    return { delivered: false, attempts: o.retries + 1, detail };
  };
}

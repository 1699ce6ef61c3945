export interface WebhookOptions {
  url: string;
  retries: number;
  backoffMs: number;
  timeoutMs: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface Delivery {
  delivered: boolean;
  attempts: number;
  detail: string;
}

export type WebhookSender = (body: unknown) => Promise<Delivery>;

/**
 * POSTs JSON to the webhook. Retries network errors, timeouts, 429 and 5xx answers with exponential backoff
 * (backoffMs, 2×, 4×…); a 4xx other than 429 is not retried (the request itself is wrong).
 */
export function createWebhookSender(o: WebhookOptions): WebhookSender {
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  return async (body) => {
    let detail = '';
    for (let attempt = 1; attempt <= o.retries + 1; attempt++) {
      try {
        const res = await fetch(o.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'user-agent': 'lyncdr-planner' },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(o.timeoutMs),
        });
        await res.arrayBuffer().catch(() => undefined);
        if (res.ok) return { delivered: true, attempts: attempt, detail: `HTTP ${res.status}` };
        detail = `HTTP ${res.status}`;
        if (res.status < 500 && res.status !== 429) return { delivered: false, attempts: attempt, detail };
      } catch (e) {
        detail = (e as Error).name === 'TimeoutError' ? `no answer within ${o.timeoutMs} ms` : (e as Error).message;
      }
      if (attempt <= o.retries) await sleep(o.backoffMs * 2 ** (attempt - 1));
    }
    return { delivered: false, attempts: o.retries + 1, detail };
  };
}

import type { AlertChannel, Delivery } from './channel';
import { createHttpPoster, type HttpPostOptions } from './http-post';

export type { Delivery } from './channel';
export type WebhookOptions = HttpPostOptions;
export type WebhookSender = (body: unknown) => Promise<Delivery>;

/**
 * POSTs JSON to the webhook, with the retries and backoff of createHttpPoster (network errors, timeouts, 429 and
 * 5xx are retried; another 4xx is not).
 */
export function createWebhookSender(o: WebhookOptions): WebhookSender {
  const post = createHttpPoster(o);
  return (body) => post({ body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
}

/** The generic webhook channel: the alert or summary as the JSON document it is (`kind: "lyncdr.alert"`…). */
export function createWebhookChannel(o: WebhookOptions): AlertChannel {
  const send = createWebhookSender(o);
  return { name: 'webhook', send: (message) => send(message) };
}

import type { StatusEntry } from '@lyncdr/protocol';

/** What one delivery did: shown in the alert log (`delivered`, `detail`) and in the planner log. */
export interface Delivery {
  delivered: boolean;
  attempts: number;
  /** What happened, in words: `HTTP 204`, `250 queued`, `no answer within 10000 ms`… Never a secret. */
  detail: string;
}

export interface AlertChange {
  itemId: string;
  from: StatusEntry['status'] | null;
  to: StatusEntry['status'];
  reason: string;
  lastGood: string | null;
}

/** Status changes of one evaluation (the webhook's JSON body, unchanged). */
export interface AlertMessage {
  kind: 'lyncdr.alert';
  deployment: string | null;
  at: string;
  changes: AlertChange[];
}

/** The daily summary: counts and the items that need attention. */
export interface SummaryMessage {
  kind: 'lyncdr.summary';
  deployment: string | null;
  at: string;
  counts: Record<StatusEntry['status'], number>;
  attention: { itemId: string; status: StatusEntry['status']; reason: string }[];
}

export type ChannelMessage = AlertMessage | SummaryMessage;

/** One way of telling admins: the webhook, e-mail, Teams, ntfy. `send` never throws and is bounded in time. */
export interface AlertChannel {
  /** The name the alert log keeps in its `channel` column. */
  readonly name: string;
  send(message: ChannelMessage): Promise<Delivery>;
}

/** Replaces every occurrence of a secret (URL, password, token) by `***` in a detail or error text. */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const s of secrets) if (s) out = out.split(s).join('***');
  return out;
}

import type { Logger } from '@lyncdr/logger';
import type { StatusEntry, StatusSnapshot } from '@lyncdr/protocol';
import { countStatuses } from '@lyncdr/domain';
import type { Store } from '@lyncdr/store';
import type { SilenceWindow } from '../config';
import { isSilenced } from './silence';
import type { WebhookSender } from './webhook';

export interface StatusChange {
  entry: StatusEntry;
  previous: StatusEntry['status'] | null;
}

/** The reason of an entry as the alert log keeps it: the English words, and the code and parameters when given. */
function reasonOf(e: StatusEntry): { reason: string; reasonCode?: string; reasonParams?: Record<string, unknown> } {
  return { reason: e.reason, ...(e.reasonCode ? { reasonCode: e.reasonCode } : {}), ...(e.reasonParams ? { reasonParams: e.reasonParams } : {}) };
}

export interface Notifier {
  /** Alerts on status changes only (first evidence that an item is ok is not an alert). */
  onChanges(changes: StatusChange[], deployment: string | null): Promise<void>;
  dailySummary(snapshot: StatusSnapshot): Promise<void>;
}

export function createNotifier(deps: {
  store: Store;
  log: Logger;
  now: () => Date;
  silence: readonly SilenceWindow[];
  webhook: WebhookSender | null;
}): Notifier {
  const { store, log, now } = deps;
  return {
    async onChanges(changes, deployment) {
      const at = now();
      // First evidence (none or unknown → ok) is not news; every move to late/failed and every recovery is.
      const alerting = changes.filter((c) => (c.entry.status === 'ok' ? c.previous === 'late' || c.previous === 'failed' : c.entry.status !== 'unknown' || c.previous !== null));
      const loud: StatusChange[] = [];
      for (const c of alerting) {
        const silenced = isSilenced(deps.silence, c.entry.itemId, at);
        log.info('status.changed', { item: c.entry.itemId, from: c.previous, to: c.entry.status, reason: c.entry.reason, silenced: silenced || undefined });
        if (silenced) {
          store.logAlert({ at: at.toISOString(), itemId: c.entry.itemId, from: c.previous, to: c.entry.status, ...reasonOf(c.entry), channel: 'silenced', delivered: false, detail: 'in a silence window' });
        } else loud.push(c);
      }
      if (!loud.length) return;
      let delivery = { delivered: true, attempts: 0, detail: 'log only' };
      if (deps.webhook) {
        delivery = await deps.webhook({
          kind: 'lyncdr.alert', deployment, at: at.toISOString(),
          changes: loud.map((c) => ({ itemId: c.entry.itemId, from: c.previous, to: c.entry.status, reason: c.entry.reason, lastGood: c.entry.lastGood })),
        });
        (delivery.delivered ? log.info : log.error)(delivery.delivered ? 'alert.delivered' : 'alert.failed', { changes: loud.length, attempts: delivery.attempts, detail: delivery.detail });
      }
      for (const c of loud) {
        store.logAlert({
          at: at.toISOString(), itemId: c.entry.itemId, from: c.previous, to: c.entry.status, ...reasonOf(c.entry),
          channel: deps.webhook ? 'webhook' : 'log', delivered: delivery.delivered, detail: delivery.detail,
        });
      }
    },
    async dailySummary(snapshot) {
      const counts = countStatuses(snapshot.items);
      const notOk = snapshot.items.filter((i) => i.status !== 'ok');
      log.info('summary', counts);
      if (!deps.webhook) return;
      const d = await deps.webhook({
        kind: 'lyncdr.summary', deployment: snapshot.deployment, at: snapshot.generatedAt, counts,
        attention: notOk.map((i) => ({ itemId: i.itemId, status: i.status, reason: i.reason })),
      });
      (d.delivered ? log.info : log.error)(d.delivered ? 'summary.delivered' : 'summary.failed', { attempts: d.attempts, detail: d.detail });
    },
  };
}

import type { Logger } from '@lyncdr/logger';
import type { StatusEntry, StatusSnapshot } from '@lyncdr/protocol';
import { countStatuses } from '@lyncdr/domain';
import type { Store } from '@lyncdr/store';
import type { SilenceWindow } from '../config';
import type { AlertGate } from '../peers/alert-gate';
import type { AlertChannel, ChannelMessage, Delivery } from './channel';
import { isSilenced } from './silence';

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

/**
 * Sends one message on every channel at once and hands each result to `done` as soon as that channel is through
 * (a slow channel retrying does not hold back the others' alert-log rows); a channel that throws counts as not delivered.
 */
async function sendAll(channels: readonly AlertChannel[], message: ChannelMessage, done: (channel: string, delivery: Delivery) => void): Promise<void> {
  await Promise.all(channels.map(async (c) => {
    let delivery: Delivery;
    try {
      delivery = await c.send(message);
    } catch (e) {
      delivery = { delivered: false, attempts: 1, detail: (e as Error).message };
    }
    done(c.name, delivery);
  }));
}

export function createNotifier(deps: {
  store: Store;
  log: Logger;
  now: () => Date;
  silence: readonly SilenceWindow[];
  /** Where alerts and summaries go (alerts/channels.ts); none: the planner log and the alert log only. */
  channels: readonly AlertChannel[];
  /** Peer planners (peers/alert-gate.ts): alerts another planner sends are logged as not sent here. */
  gate?: AlertGate | null;
}): Notifier {
  const { store, log, now, channels } = deps;
  return {
    async onChanges(changes, deployment) {
      const at = now();
      // First evidence (none or unknown → ok) is not news; every move to late/failed and every recovery is.
      const alerting = changes.filter((c) => (c.entry.status === 'ok' ? c.previous === 'late' || c.previous === 'failed' : c.entry.status !== 'unknown' || c.previous !== null));
      let loud: StatusChange[] = [];
      for (const c of alerting) {
        const silenced = isSilenced(deps.silence, c.entry.itemId, at);
        log.info('status.changed', { item: c.entry.itemId, from: c.previous, to: c.entry.status, reason: c.entry.reason, silenced: silenced || undefined });
        if (silenced) {
          store.logAlert({ at: at.toISOString(), itemId: c.entry.itemId, from: c.previous, to: c.entry.status, ...reasonOf(c.entry), channel: 'silenced', delivered: false, detail: 'in a silence window' });
        } else loud.push(c);
      }
      if (!loud.length) return;
      const decision = deps.gate?.decide() ?? { send: true };
      if (!decision.send) {
        // What the sending peer cannot say about itself (its own peer:<name> item) is sent from here all the same.
        const left = loud.filter((c) => c.entry.itemId !== decision.except);
        log.info('alert.left_to_peer', { peer: decision.sender, changes: left.length });
        for (const c of left) {
          store.logAlert({ at: at.toISOString(), itemId: c.entry.itemId, from: c.previous, to: c.entry.status, ...reasonOf(c.entry), channel: 'peer', delivered: false, detail: `not sent: peer ${decision.sender} sends` });
        }
        deps.gate?.hold(left, decision.sender, at);
        loud = loud.filter((c) => c.entry.itemId === decision.except);
        if (!loud.length) return;
      } else {
        // Alerts left to a peer that stopped answering before this planner took over are sent now, first.
        loud.unshift(...(deps.gate?.takeBack() ?? []));
      }
      const record = (channel: string, delivery: Delivery) => {
        for (const c of loud) {
          store.logAlert({
            at: at.toISOString(), itemId: c.entry.itemId, from: c.previous, to: c.entry.status, ...reasonOf(c.entry),
            channel, delivered: delivery.delivered, detail: delivery.detail,
          });
        }
      };
      if (!channels.length) {
        record('log', { delivered: true, attempts: 0, detail: 'log only' });
        return;
      }
      await sendAll(channels, {
        kind: 'lyncdr.alert', deployment, at: at.toISOString(),
        changes: loud.map((c) => ({ itemId: c.entry.itemId, from: c.previous, to: c.entry.status, reason: c.entry.reason, lastGood: c.entry.lastGood })),
      }, (channel, delivery) => {
        (delivery.delivered ? log.info : log.error)(delivery.delivered ? 'alert.delivered' : 'alert.failed', { channel, changes: loud.length, attempts: delivery.attempts, detail: delivery.detail });
        record(channel, delivery);
      });
    },
    async dailySummary(snapshot) {
      const counts = countStatuses(snapshot.items);
      const notOk = snapshot.items.filter((i) => i.status !== 'ok');
      log.info('summary', counts);
      if (!channels.length) return;
      const decision = deps.gate?.decide() ?? { send: true };
      if (!decision.send) return log.info('summary.left_to_peer', { peer: decision.sender });
      await sendAll(channels, {
        kind: 'lyncdr.summary', deployment: snapshot.deployment, at: snapshot.generatedAt, counts,
        attention: notOk.map((i) => ({ itemId: i.itemId, status: i.status, reason: i.reason })),
      }, (channel, d) => (d.delivered ? log.info : log.error)(d.delivered ? 'summary.delivered' : 'summary.failed', { channel, attempts: d.attempts, detail: d.detail }));
    },
  };
}

import type { StatusChange } from '../alerts/notifier';
import { alertSender } from './alert-sender';
import { peerItemId } from './peer-state';

/**
 * What the gate says about the alerts of now: this planner sends them, or `sender` does — but for `except`, the
 * sender's own `peer:<name>` item here, which it cannot send about itself (it is back: this planner says so).
 */
export type GateDecision = { send: true } | { send: false; sender: string; except: string };

/** Decides whether this planner sends alerts, keeps those it leaves to a peer, and hands them back when it takes over. */
export interface AlertGate {
  decide(): GateDecision;
  /** Alerts left to `sender` at `at`. */
  hold(changes: readonly StatusChange[], sender: string, at: Date): void;
  /**
   * Now that this planner sends: the alerts it left to a peer after that peer stopped answering (the peer, gone, may
   * not have sent them), oldest first, each once. The rest is dropped.
   */
  takeBack(): StatusChange[];
}

/** How many held alerts are kept (the oldest go first). */
const KEEP = 500;

export function createAlertGate(deps: {
  order: readonly string[];
  self: string;
  /** The peers down now (by this planner's monitor). */
  down: () => ReadonlySet<string>;
  /** Since when a peer has not answered; null while it answers. */
  silentSince: (peer: string) => string | null;
}): AlertGate {
  let held: { change: StatusChange; sender: string; at: number }[] = [];
  return {
    decide() {
      const sender = alertSender(deps.order, deps.self, deps.down());
      return sender === deps.self ? { send: true } : { send: false, sender, except: peerItemId(sender) };
    },
    hold(changes, sender, at) {
      held.push(...changes.map((change) => ({ change, sender, at: at.getTime() })));
      if (held.length > KEEP) held = held.slice(-KEEP);
    },
    takeBack() {
      const out = held.filter((h) => {
        const since = deps.silentSince(h.sender);
        return since !== null && h.at >= Date.parse(since);
      }).map((h) => h.change);
      held = [];
      return out;
    },
  };
}

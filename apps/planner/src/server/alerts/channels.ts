import { LyncdrError } from '@lyncdr/errors';
import type { PlannerConfig } from '../config';
import type { AlertChannel } from './channel';
import { createEmailChannel } from './email';
import { createNtfyChannel } from './ntfy';
import { createTeamsChannel } from './teams';
import { createWebhookChannel } from './webhook';

/** A secret given by the name of an environment variable: its value, or E_CONFIG naming the key when it is not set. */
export function secretFromEnv(env: NodeJS.ProcessEnv, name: string, key: string): string {
  const v = env[name];
  if (!v) throw new LyncdrError('E_CONFIG', `the environment variable ${name} is not set; set it, or give the secret in planner.yaml`, { location: { where: key } });
  return v;
}

/** The channels planner.yaml `alerts:` configures, in a fixed order: webhook, email, teams, ntfy. */
export function createChannels(alerts: PlannerConfig['alerts'], env: NodeJS.ProcessEnv = process.env): AlertChannel[] {
  const channels: AlertChannel[] = [];
  if (alerts.webhook) channels.push(createWebhookChannel(alerts.webhook));
  if (alerts.email) {
    const a = alerts.email.auth;
    const password = a ? (a.password ?? (a.passwordEnv ? secretFromEnv(env, a.passwordEnv, 'alerts.email.auth.passwordEnv') : null)) : null;
    channels.push(createEmailChannel({ config: alerts.email, password }));
  }
  if (alerts.teams) channels.push(createTeamsChannel(alerts.teams));
  if (alerts.ntfy) {
    const n = alerts.ntfy;
    const token = n.token ?? (n.tokenEnv ? secretFromEnv(env, n.tokenEnv, 'alerts.ntfy.tokenEnv') : undefined);
    channels.push(createNtfyChannel({ ...n, ...(token ? { token } : {}) }));
  }
  return channels;
}

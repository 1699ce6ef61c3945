import { hostname, networkInterfaces } from 'node:os';

/** This machine's host name and the addresses of its interfaces: names a browser may rightly use to reach the planner. */
export function machineNames(): string[] {
  const addresses = Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((i) => i.address));
  return [hostname(), ...addresses].filter(Boolean);
}

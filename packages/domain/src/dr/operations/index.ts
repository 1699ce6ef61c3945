/** Every DR operation, by id. One file per operation, each citing its reference page and declaring its arguments. */
import { defineOperation } from '../operation';
import type { Operation } from '../types';
import { abcStep } from './abc-stage';
import { backupStatus } from './backup-status';
import { backupSync } from './backup-sync';
import { cmsFailover } from './cms-failover';
import { cmsLocate } from './cms-locate';
import { conferenceContentRestore } from './conference-content-restore';
import { dbFailover } from './db-failover';
import { edgeAssociate } from './edge-associate';
import { edgeNextHop } from './edge-next-hop';
import { groupPickupOrbit } from './group-pickup-orbit';
import { lyncFederationRoute } from './lync-federation-route';
import { poolFailback } from './pool-failback';
import { poolFailover } from './pool-failover';
import { xmppFederationRoute } from './xmpp-federation-route';

export const OPERATIONS: Record<string, Operation> = Object.fromEntries(
  [defineOperation(poolFailover), defineOperation(poolFailback), defineOperation(cmsFailover), defineOperation(cmsLocate),
    defineOperation(dbFailover), defineOperation(backupStatus), defineOperation(backupSync),
    defineOperation(conferenceContentRestore), defineOperation(edgeNextHop), defineOperation(lyncFederationRoute),
    defineOperation(xmppFederationRoute), defineOperation(edgeAssociate), defineOperation(abcStep),
    defineOperation(groupPickupOrbit)].map((o) => [o.id, o]),
);

export { ABC_STAGES } from './abc-stages';
export { DATABASE_TYPES } from './db-failover';
export { BACKUP_MODULES } from './backup-sync';

import type { RunbookSpec } from '../spec';
import { abcRebuildRunbook } from './abc-rebuild';
import { conferenceContentRunbook } from './conference-content';
import { edgeAssociateRunbook, edgeFailbackRunbook } from './edge-failback';
import { edgeFailoverRunbook, xmppFailoverRunbook } from './edge-failover';
import { mirrorFailoverRunbook } from './mirror-failover';
import { poolFailbackRunbook } from './pool-failback';
import { poolFailoverRunbook } from './pool-failover';

/** Disaster-recovery runbooks (failover, failback, Edge, mirror, conference content, ABC), built from the DR engine. */
export const drRunbooks: RunbookSpec[] = [
  poolFailoverRunbook,
  poolFailbackRunbook,
  mirrorFailoverRunbook,
  edgeFailoverRunbook,
  xmppFailoverRunbook,
  edgeFailbackRunbook,
  edgeAssociateRunbook,
  conferenceContentRunbook,
  abcRebuildRunbook,
];

/**
 * Redirecting a Group Call Pickup number range (a Call Park orbit of type GroupPickup) to another pool's Call Park
 * application: Set-CsCallParkOrbit -Identity "<orbit>" -CallParkService "service:ApplicationServer:<pool>".
 * lync-server-2013-manage-group-call-pickup-during-disaster-recovery.md: the ranges go to the backup pool after the
 * failover is complete and back to the primary pool after the failback is complete; Call Park must run in both pools.
 * The syntax is the ABC page's step 14 (cmdlets/Set-CsCallParkOrbit.md: -CallParkService takes an FQDN or service id).
 * Args: range (the orbit Identity; '' when the deployment's list is unknown), pool (the new host), from (the old one).
 */
import { z } from 'zod';
import { commandStep, violation } from '../draft';
import { REF } from '../refs';
import { isDown } from '../topology-view';
import { blank, txt } from '../text';
import type { OperationSpec, Violation } from '../types';

const args = z.strictObject({
  range: z.string(),
  pool: z.string(),
  from: z.string(),
});

export const groupPickupOrbit: OperationSpec<z.infer<typeof args>> = {
  id: 'group-pickup-orbit',
  ref: REF.groupPickup,
  args,
  check(state, { pool }, t) {
    const out: Violation[] = [];
    if (!state.pools.includes(pool)) return [violation('not-a-front-end-pool', `${pool} is not a Front End pool of this deployment; Group Call Pickup ranges go to a pool running the Call Park application`, REF.groupPickup)];
    if (isDown(state, t, pool)) out.push(violation('pickup-pool-down', `${pool} is down; redirect the Group Call Pickup ranges to a running pool`, REF.groupPickup));
    if (!state.cmsAvailable && state.cmsActive !== null) out.push(violation('cms-writable', 'Set-CsCallParkOrbit writes to the Central Management store, which is unavailable; fail it over first', REF.groupPickup));
    return out;
  },
  apply(state, { range, pool }) {
    if (!range) return state;
    return { ...state, groupPickup: { ...state.groupPickup, [range]: pool } };
  },
  commands(_t, { range, pool, from }, op) {
    const identity = range ? `"${range}"` : blank(0);
    return [
      commandStep(range ? txt('groupPickup.title', { range, pool }) : txt('groupPickup.titleUnknown', { from, pool }), `Set-CsCallParkOrbit -Identity ${identity} -CallParkService "service:ApplicationServer:${pool}"`, {
        op, ref: REF.groupPickup,
        blanks: range ? [] : [txt('blank.groupPickupRange', { pool: from })],
        check: txt('groupPickup.check'),
        notes: [
          ...(range ? [] : [txt('groupPickup.note.unknown', { pool: from })]),
          txt('groupPickup.note.bothPools'),
        ],
      }),
    ];
  },
};

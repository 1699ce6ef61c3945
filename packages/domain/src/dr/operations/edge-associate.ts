/**
 * Changing the Edge pool associated with a Front End pool (media for Web and A/V Conferencing), in Topology Builder:
 * Front End pool → Edit Properties → Associations → "Associate Edge pool (for media components)" → OK → publish
 * (publish is implied, not written). lync-server-2013-changing-the-edge-pool-associated-with-a-front-end-pool.md.
 */
import { z } from 'zod';
import { manualStep, violation } from '../draft';
import { txt } from '../text';
import { REF } from '../refs';
import { findPool, isDown, isEdgePool } from '../topology-view';
import type { OperationSpec, Violation } from '../types';

const args = z.strictObject({
  /** The Front End pool. */
  pool: z.string(),
  /** The Edge pool it uses for media. */
  edge: z.string(),
});

export const edgeAssociate: OperationSpec<z.infer<typeof args>> = {
  id: 'edge-associate',
  ref: REF.edgeAssociate,
  args,
  check(state, { pool, edge }, t) {
    const out: Violation[] = [];
    if (!state.pools.includes(pool)) out.push(violation('not-a-front-end-pool', `${pool} is not a Front End pool of this deployment`, REF.edgeAssociate));
    if (!isEdgePool(findPool(t, edge))) return [...out, violation('not-an-edge-pool', `${edge} is not an Edge pool of this deployment`, REF.edgeAssociate)];
    if (isDown(state, t, edge)) out.push(violation('associate-edge-down', `${edge} is down; associate ${pool} with a running Edge pool`, REF.edgeAssociate));
    if (!state.cmsAvailable && state.cmsActive !== null) out.push(violation('cms-writable', 'publishing the topology needs the Central Management store; fail it over first', REF.edgeAssociate));
    return out;
  },
  apply(state, { pool, edge }) {
    return { ...state, edgeAssociations: { ...state.edgeAssociations, [pool]: edge } };
  },
  commands(_t, { pool, edge }, op) {
    return [
      manualStep(txt('edgeAssociate.title', { pool, edge }), [
        txt('edgeAssociate.open', { pool }),
        txt('edgeAssociate.tick', { edge }),
        txt('tb.okPublish'),
      ], {
        op, ref: REF.edgeAssociate,
        check: txt('edgeAssociate.check', { pool, edge }),
        notes: [txt('edgeAssociate.note.publish')],
      }),
    ];
  },
};

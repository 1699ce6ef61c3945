/** Runbooks: failing back the federation Edge pool, and changing the Edge pool a Front End pool uses (REFERENCE §e.5). */
import type { Topology } from '@lyncdr/topology';
import type { Document } from '../../model';
import { pick } from '../common/lang';
import { runbookDocument, type RunbookSection } from '../common/procedure';
import type { RunbookOptions, RunbookSpec } from '../spec';
import { planWarnings, runbookSteps, stateWith, tryPlan } from './common';
import { edgeApplies, edgePools, federationEdge } from './edge-common';

const FAILBACK = 'lync-server-2013-failing-back-the-edge-pool-used-for-lync-server-federation-or-xmpp-federation.md';
const ASSOCIATE = 'lync-server-2013-changing-the-edge-pool-associated-with-a-front-end-pool.md';

function buildFailback(t: Topology, opts: RunbookOptions): Document {
  const tr = pick(opts.lang);
  const edge = federationEdge(t, 'lync', opts.pools) ?? '';
  const over = tryPlan({ kind: 'edge-failover', pool: edge }, stateWith(t, { down: [edge] }), t);
  const back = over ? tryPlan({ kind: 'edge-failback', pool: edge }, { ...over.finalState, down: [] }, t) : null;
  return runbookDocument({
    id: 'edge-failback',
    title: tr('Runbook: failing back the Edge pool used for federation', 'Procédure : restauration automatique du pool Edge utilisé pour la fédération'),
    purpose: [tr('Once the failed Edge pool is restored, move Lync and XMPP federation and the Front End pools\' Edge associations back to it.', 'Une fois le pool Edge restauré, y ramener la fédération Lync et XMPP et les associations Edge des pools frontaux.')],
    facts: [[tr('Restored Edge pool', 'Pool Edge restauré'), edge]],
    preconditions: [
      tr('The Edge pool is restored (same FQDN, certificates in place).', 'Le pool Edge est restauré (même FQDN, certificats en place).'),
      tr('The Central Management store is available.', 'Le magasin central de gestion est disponible.'),
    ],
    sections: [{ steps: back ? runbookSteps(back, opts.lang) : [] }],
    warnings: back ? planWarnings(back, opts.lang) : [],
    notes: [tr('If the Front End pool of the same site had failed over too, fail it back now with Invoke-CsPoolFailBack -PoolFqdn <that pool> (the page writes Invoke–CsPoolFailback with an en dash: type a plain hyphen).', 'Si le pool frontal du même site avait aussi été basculé, effectuer maintenant sa restauration automatique avec Invoke-CsPoolFailBack -PoolFqdn <ce pool> (la page écrit Invoke–CsPoolFailback avec un tiret demi-cadratin : taper un trait d’union).')],
    errata: [
      tr('ERRATUM: the page writes -XmppExternalFederationRoute; the Set-CsSite parameter is -XmppFederationRoute.', 'ERRATUM : la page écrit -XmppExternalFederationRoute ; le paramètre de Set-CsSite est -XmppFederationRoute.'),
      tr('ERRATUM: the page points the XMPP A record to EdgeServer2 during failback; it must point to the restored Edge pool.', 'ERRATUM : la page fait pointer l’enregistrement A XMPP vers EdgeServer2 lors de la restauration ; il doit pointer vers le pool Edge restauré.'),
    ],
    rollback: [tr('If the restored pool misbehaves, run the edge-failover and xmpp-failover runbooks again.', 'Si le pool restauré ne fonctionne pas correctement, relancer les procédures edge-failover et xmpp-failover.')],
    refs: [FAILBACK, 'cmdlets/Set-CsSite.md'],
  }, t.deployment, opts);
}

function associations(t: Topology, named: string[]): [string, string][] {
  const edges = edgePools(t);
  const wanted = new Set(named.map((n) => n.toLowerCase()));
  const state = stateWith(t, {});
  return Object.entries(state.edgeAssociations)
    .filter(([fe, e]) => e !== null && (wanted.size === 0 || wanted.has(fe.toLowerCase())))
    .map(([fe, e]) => [fe, edges.find((x) => x !== e) ?? ''] as [string, string])
    .filter(([, other]) => other !== '');
}

function buildAssociate(t: Topology, opts: RunbookOptions): Document {
  const tr = pick(opts.lang);
  const sections: RunbookSection[] = [];
  for (const [fe, other] of associations(t, opts.pools)) {
    const p = tryPlan({ kind: 'edge-associate', pool: fe, edge: other }, stateWith(t, {}), t);
    if (p) sections.push({ heading: tr(`${fe} → Edge pool ${other}`, `${fe} → pool Edge ${other}`), steps: runbookSteps(p, opts.lang) });
  }
  return runbookDocument({
    id: 'edge-associate',
    title: tr('Runbook: changing the Edge pool associated with a Front End pool', 'Procédure : modification du pool Edge associé à un pool frontal'),
    purpose: [tr('When a site\'s Edge pool is down but its Front End pool is up, associate the Front End pool with a working Edge pool so Web Conferencing and A/V Conferencing keep working for external users.', 'Quand le pool Edge d’un site est hors service mais que son pool frontal fonctionne, associer le pool frontal à un pool Edge opérationnel pour que les conférences web et A/V restent disponibles pour les utilisateurs externes.')],
    facts: [],
    preconditions: [tr('The target Edge pool is running and reachable from the Front End pool through the firewall.', 'Le pool Edge cible fonctionne et est joignable depuis le pool frontal à travers le pare-feu.')],
    sections,
    notes: [tr('The page does not write "publish"; a Topology Builder change takes effect only once the topology is published.', 'La page n’écrit pas « publier » ; une modification du Générateur de topologie ne prend effet qu’après publication.')],
    rollback: [tr('Associate the Front End pool with its original Edge pool again (same steps) once that pool is restored.', 'Réassocier le pool frontal à son pool Edge d’origine (mêmes étapes) une fois celui-ci restauré.')],
    refs: [ASSOCIATE],
  }, t.deployment, opts);
}

export const edgeFailbackRunbook: RunbookSpec = {
  id: 'edge-failback',
  title: { en: 'Failing back the Edge pool used for federation', fr: 'Restauration automatique du pool Edge utilisé pour la fédération' },
  refs: [FAILBACK],
  applies: (t) => edgeApplies(t),
  build: buildFailback,
};

export const edgeAssociateRunbook: RunbookSpec = {
  id: 'edge-associate',
  title: { en: 'Changing the Edge pool associated with a Front End pool', fr: 'Modification du pool Edge associé à un pool frontal' },
  refs: [ASSOCIATE],
  applies: (t, opts) => (edgeApplies(t) ?? (associations(t, opts.pools).length === 0 ? 'no Front End pool of this deployment has a known Edge association to change' : null)),
  build: buildAssociate,
};

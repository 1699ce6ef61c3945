/**
 * Runbooks: failing over the Edge pool used for Lync federation, and the one used for XMPP federation
 * (lync-server-2013-failing-over-the-edge-pool-used-for-lync-server-federation.md, …-xmpp-federation.md).
 */
import type { Topology } from '@lyncdr/topology';
import type { Document } from '../../model';
import { pick } from '../common/lang';
import { runbookDocument } from '../common/procedure';
import type { RunbookOptions, RunbookSpec } from '../spec';
import { planWarnings, runbookSteps, stateWith, tryPlan } from './common';
import { edgeApplies, federationEdge, xmppApplies } from './edge-common';

const LYNC = 'lync-server-2013-failing-over-the-edge-pool-used-for-lync-server-federation.md';
const XMPP = 'lync-server-2013-failing-over-the-edge-pool-used-for-xmpp-federation.md';
const EDGE_DR = 'lync-server-2013-edge-server-disaster-recovery.md';

function builder(kind: 'lync' | 'xmpp') {
  return (t: Topology, opts: RunbookOptions): Document => {
    const tr = pick(opts.lang);
    const edge = federationEdge(t, kind, opts.pools) ?? '';
    const p = tryPlan({ kind: 'edge-failover', pool: edge, federation: kind }, stateWith(t, { down: [edge] }), t);
    const steps = p ? runbookSteps(p, opts.lang) : [];
    const lync = kind === 'lync';
    return runbookDocument({
      id: lync ? 'edge-failover' : 'xmpp-failover',
      title: lync ? tr('Runbook: failing over the Edge pool used for Lync federation', 'Procédure : basculement du pool Edge utilisé pour la fédération Lync') : tr('Runbook: failing over the Edge pool used for XMPP federation', 'Procédure : basculement du pool Edge utilisé pour la fédération XMPP'),
      purpose: [lync
        ? tr('Outbound Lync (SIP, port 5061) federation goes through exactly one Edge pool: when it fails, move federation to another Edge pool in Topology Builder.', 'La fédération Lync sortante (SIP, port 5061) passe par un seul pool Edge : s’il tombe, déplacer la fédération vers un autre pool Edge dans le Générateur de topologie.')
        : tr('Inbound and outbound XMPP federation (port 5269) fail while the designated XMPP Edge pool is down: route it through another Edge pool.', 'La fédération XMPP entrante et sortante (port 5269) est interrompue tant que le pool Edge XMPP désigné est hors service : la faire passer par un autre pool Edge.')],
      facts: [[tr('Edge pool that failed', 'Pool Edge hors service'), edge], [tr('Edge pool taking over', 'Pool Edge de reprise'), p?.finalState.federation[kind] ?? '—']],
      preconditions: [
        tr('A second Edge pool is deployed and running.', 'Un second pool Edge est déployé et fonctionne.'),
        tr('The Central Management store is available (Topology Builder publishes to it).', 'Le magasin central de gestion est disponible (le Générateur de topologie y publie).'),
        tr('You can change external DNS and the external firewall.', 'Vous pouvez modifier le DNS externe et le pare-feu externe.'),
      ],
      sections: [{ steps }],
      warnings: p ? planWarnings(p, opts.lang) : [],
      notes: lync
        ? [tr('Inbound federation keeps working without this procedure if every Edge pool is published in the _sipfederationtls._tcp SRV records with a different priority.', 'La fédération entrante continue sans cette procédure si chaque pool Edge est publié dans les enregistrements SRV _sipfederationtls._tcp avec une priorité différente.')]
        : [tr('Pre-create XMPP SRV records for every Edge pool with distinct priorities (the lowest value wins).', 'Créer à l’avance des enregistrements SRV XMPP pour chaque pool Edge avec des priorités distinctes (la plus petite valeur l’emporte).')],
      errata: lync ? [] : [tr('ERRATUM: the page writes Set-CsSite -XmppExternalFederationRoute, a parameter that exists in no version of Set-CsSite; the parameter is -XmppFederationRoute EdgeServer:<Edge pool FQDN>.', 'ERRATUM : la page écrit Set-CsSite -XmppExternalFederationRoute, paramètre qui n’existe dans aucune version de Set-CsSite ; le paramètre est -XmppFederationRoute EdgeServer:<FQDN du pool Edge>.')],
      rollback: [tr('When the failed Edge pool is restored, follow the edge-failback runbook.', 'Une fois le pool Edge restauré, suivre la procédure edge-failback.')],
      refs: lync ? [LYNC, EDGE_DR] : [XMPP, 'cmdlets/Set-CsSite.md', EDGE_DR],
    }, t.deployment, opts);
  };
}

export const edgeFailoverRunbook: RunbookSpec = {
  id: 'edge-failover',
  title: { en: 'Failing over the Edge pool used for Lync federation', fr: 'Basculement du pool Edge utilisé pour la fédération Lync' },
  refs: [LYNC, EDGE_DR],
  applies: (t) => edgeApplies(t),
  build: builder('lync'),
};

export const xmppFailoverRunbook: RunbookSpec = {
  id: 'xmpp-failover',
  title: { en: 'Failing over the Edge pool used for XMPP federation', fr: 'Basculement du pool Edge utilisé pour la fédération XMPP' },
  refs: [XMPP, 'cmdlets/Set-CsSite.md'],
  applies: (t) => edgeApplies(t) ?? xmppApplies(t),
  build: builder('xmpp'),
};

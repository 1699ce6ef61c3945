import type { Pool, Topology } from '@lyncdr/topology';
import type { Document } from '../../model';
import type { RunbookOptions, RunbookSpec } from '../spec';
import { ownerOf, responseGroupPools } from '../common/deployment';
import { tbd } from '../../text/index';
import { runbookLabels } from '../common/labels';
import { pick } from '../common/lang';
import { pickPools } from '../common/pools';
import { runbookDocument, type RunbookSection } from '../common/procedure';
import { importRgsStep, setBackupStep } from './common';

const REF = 'lync-server-2013-restoring-response-group-settings.md';

const fits = (t: Topology) => {
  const rgs = new Set(responseGroupPools(t).map((p) => p.fqdn));
  return (p: Pool) => rgs.has(p.fqdn);
};

function applies(t: Topology, opts: RunbookOptions): string | null {
  const r = pickPools(t, opts.pools, fits(t), 'pool that runs the Response Group application');
  return typeof r === 'string' ? r : null;
}

function build(t: Topology, opts: RunbookOptions): Document {
  const tr = pick(opts.lang);
  const L = runbookLabels(opts.lang);
  const lang = opts.lang;
  const pools = pickPools(t, opts.pools, fits(t), 'pool') as Pool[];
  const sections: RunbookSection[] = [{ steps: [setBackupStep(t, lang, pools[0]?.fqdn ?? null)] }, ...pools.map((p) => ({ heading: p.fqdn, steps: [importRgsStep(t, lang, p.fqdn, REF)] }))];
  return runbookDocument(
    {
      id: 'restore-response-group',
      title: tr('Restore Response Group settings', 'Restauration des paramètres Response Group'),
      subtitle: pools.map((p) => p.fqdn).join(', '),
      purpose: [
        tr(
          'Restores the Response Group configuration (agent groups, queues, workflows, hours, holidays, audio) of a pool after its Back End or Standard Edition server was restored, from the Export-CsRgsConfiguration file of the backup set.',
          'Restaure la configuration Response Group (groupes d’agents, files d’attente, flux de travail, heures, jours fériés, audio) d’un pool après la restauration de son serveur principal ou de son serveur Standard Edition, à partir du fichier Export-CsRgsConfiguration du jeu de sauvegarde.',
        ),
      ],
      facts: [
        [L.facts.deployment, t.deployment ?? tbd(lang)],
        [L.facts.pools, pools.map((p) => p.fqdn).join(', ')],
        [L.facts.owner, ownerOf(t, pools.map((p) => p.fqdn)) ?? { text: tbd(lang), style: 'blank' }],
      ],
      preconditions: [
        tr('The pool’s Back End (or Standard Edition server) is restored and its services run.', 'Le serveur principal du pool (ou le serveur Standard Edition) est restauré et ses services fonctionnent.'),
        tr('The RgsConfiguration zip of this pool is in the backup set.', 'Le fichier zip RgsConfiguration de ce pool se trouve dans le jeu de sauvegarde.'),
        tr('You are a member of RTCUniversalServerAdmins.', 'Vous êtes membre de RTCUniversalServerAdmins.'),
      ],
      sections,
      errata: [
        tr(
          'To carry the application-level settings (default music on hold, agent ring-back grace period, call context) into a pool that already has its own, the Response Group pages write -ReplaceExistingSettings, even inside example commands; the cmdlet’s parameter is -ReplaceExistingRgsSettings. Add -ReplaceExistingRgsSettings only when you want to overwrite the target pool’s settings.',
          'Pour reporter les paramètres au niveau de l’application (musique d’attente par défaut, délai de rappel des agents, contexte d’appel) dans un pool qui a déjà les siens, les pages Response Group écrivent -ReplaceExistingSettings, même dans les exemples de commandes ; le paramètre de l’applet de commande est -ReplaceExistingRgsSettings. N’ajoutez -ReplaceExistingRgsSettings que pour écraser les paramètres du pool cible.',
        ),
      ],
      notes: [
        tr('Use -OverwriteOwner whenever the target pool’s Response Group database is new or empty, even with the same FQDN: the contact objects already exist in Active Directory and the import would fail without it.', 'Utilisez -OverwriteOwner chaque fois que la base Response Group du pool cible est nouvelle ou vide, même avec le même FQDN : les objets contact existent déjà dans Active Directory et l’import échouerait sans ce paramètre.'),
        tr('Response Group object names must be unique across pools; -ResolveNameConflicts renames duplicates.', 'Les noms des objets Response Group doivent être uniques entre les pools ; -ResolveNameConflicts renomme les doublons.'),
      ],
      rollback: [tr('Export the current configuration (Export-CsRgsConfiguration) before importing if the pool already has some, so it can be imported back.', 'Exportez la configuration actuelle (Export-CsRgsConfiguration) avant l’import si le pool en a déjà une, afin de pouvoir la réimporter.')],
      refs: [REF, 'lync-server-2013-backup-and-restoration-requirements-tools-and-permissions.md', 'lync-server-2013-planning-for-response-group-disaster-recovery.md', 'lync-server-2013-response-group-disaster-recovery-procedures.md', 'cmdlets/Import-CsRgsConfiguration.md'],
    },
    t.deployment,
    opts,
  );
}

/** Restore Response Group settings (REFERENCE §c.11). */
export const restoreResponseGroupRunbook: RunbookSpec = {
  id: 'restore-response-group',
  title: { en: 'Restore Response Group settings', fr: 'Restauration des paramètres Response Group' },
  refs: [REF],
  applies,
  build,
};

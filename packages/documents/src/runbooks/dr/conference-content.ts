/** Runbook: restoring conference content with the Backup Service (lync-server-2013-restoring-conference-contents-using-the-backup-service.md). */
import type { Topology } from '@lyncdr/topology';
import type { Document } from '../../model';
import { pick } from '../common/lang';
import { runbookDocument, type RunbookSection } from '../common/procedure';
import type { RunbookOptions, RunbookSpec } from '../spec';
import { pairedApplies, pairedPools, runbookSteps, stateWith, tryPlan } from './common';

const REF = 'lync-server-2013-restoring-conference-contents-using-the-backup-service.md';

function build(t: Topology, opts: RunbookOptions): Document {
  const tr = pick(opts.lang);
  const sections: RunbookSection[] = [];
  for (const pool of pairedPools(t, opts.pools)) {
    const p = tryPlan({ kind: 'restore-conference-content', pool }, stateWith(t, {}), t);
    if (p) sections.push({ heading: tr(`${pool} lost its conference content`, `${pool} a perdu son contenu de conférence`), steps: runbookSteps(p, opts.lang) });
  }
  return runbookDocument({
    id: 'conference-content',
    title: tr('Runbook: restoring conference content with the Backup Service', 'Procédure : restauration du contenu de conférence avec le service de sauvegarde'),
    purpose: [
      tr('Copy a pool\'s conference content (PowerPoint uploads, whiteboards, handouts) back from its paired pool, when its file store lost it or after failed-over users were failed back.', 'Recopier le contenu de conférence d’un pool (présentations, tableaux blancs, documents) depuis son pool couplé, quand son magasin de fichiers l’a perdu ou après la restauration automatique des utilisateurs basculés.'),
      tr('Note the opposite convention: here -PoolFqdn names the PARTNER of the pool that lost the data — unlike Invoke-CsPoolFailOver/FailBack, whose -PoolFqdn is the users\' home pool.', 'Attention, convention inverse : ici -PoolFqdn désigne le PARTENAIRE du pool qui a perdu les données — contrairement à Invoke-CsPoolFailOver/FailBack, dont le -PoolFqdn est le pool d’origine des utilisateurs.'),
    ],
    facts: [[tr('Pools covered', 'Pools concernés'), pairedPools(t, opts.pools).join(', ')]],
    preconditions: [
      tr('Both pools of the pair are running; the file store of the pool that lost the content is reachable again (same UNC path).', 'Les deux pools de la paire fonctionnent ; le magasin de fichiers du pool qui a perdu le contenu est de nouveau joignable (même chemin UNC).'),
      tr('The Backup Service (LYNCBACKUP) runs on both pools.', 'Le service de sauvegarde (LYNCBACKUP) fonctionne sur les deux pools.'),
    ],
    sections,
    errata: [tr('ERRATUM: the page adds -BackupModule ConfServices.DataConf to Get-CsBackupServiceStatus; that cmdlet has no such parameter — read the ConfServices.DataConf entry of BackupModules instead.', 'ERRATUM : la page ajoute -BackupModule ConfServices.DataConf à Get-CsBackupServiceStatus ; cette cmdlet n’a pas ce paramètre — lire l’entrée ConfServices.DataConf de BackupModules.')],
    notes: [tr('Which direction a given -PoolFqdn synchronises is not stated by the docs; the page passes the partner, and so does this runbook (Microsoft: “Restoring conference contents using the Backup Service in Lync Server 2013”).', 'La documentation ne précise pas le sens synchronisé pour un -PoolFqdn donné ; la page passe le partenaire, cette procédure aussi (Microsoft : « Restoring conference contents using the Backup Service in Lync Server 2013 »).')],
    rollback: [tr('Nothing to roll back: the sync copies only the delta. If content is still missing, restore the file store from backup (restore-file-store runbook).', 'Rien à annuler : la synchronisation ne copie que le différentiel. S’il manque encore du contenu, restaurer le magasin de fichiers depuis la sauvegarde.')],
    refs: [REF, 'cmdlets/Invoke-CsBackupServiceSync.md', 'cmdlets/Get-CsBackupServiceStatus.md'],
  }, t.deployment, opts);
}

export const conferenceContentRunbook: RunbookSpec = {
  id: 'conference-content',
  title: { en: 'Restoring conference content with the Backup Service', fr: 'Restauration du contenu de conférence avec le service de sauvegarde' },
  refs: [REF],
  applies: (t, opts) => pairedApplies(t, opts.pools),
  build,
};

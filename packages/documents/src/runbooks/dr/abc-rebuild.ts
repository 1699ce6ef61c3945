/**
 * Runbook: the ABC Front End pool failover — pool A lost for good, rebuilt as pool C (new FQDN) from its partner B,
 * then B paired with C (lync-server-2013-front-end-pool-abc-failover-procedure.md, with REFERENCE §e.7's ERRATA).
 * --pool A [--pool C]: without C, the new FQDN is left as a blank to fill in.
 */
import type { Topology } from '@lyncdr/topology';
import type { Document } from '../../model';
import { pick } from '../common/lang';
import { runbookDocument } from '../common/procedure';
import type { RunbookOptions, RunbookSpec } from '../spec';
import { pairedApplies, pairedPools, planWarnings, runbookSteps, stateWith, tryPlan } from './common';

const REF = 'lync-server-2013-front-end-pool-abc-failover-procedure.md';
const PREREQ = 'lync-server-2013-backup-prerequisites-for-abc-pool-failover.md';
const PLACEHOLDER = 'new-pool-c.invalid';

function build(t: Topology, opts: RunbookOptions): Document {
  const tr = pick(opts.lang);
  const known = new Set(t.pools.map((p) => p.fqdn.toLowerCase()));
  const a = pairedPools(t, opts.pools.filter((p) => known.has(p.toLowerCase())))[0] ?? pairedPools(t, [])[0] ?? '';
  const named = opts.pools.find((p) => !known.has(p.toLowerCase()));
  const c = named ?? PLACEHOLDER;
  const blank = tr('<TBD — owner: FQDN of new pool C>', '<À compléter — responsable : FQDN du nouveau pool C>');
  const p = tryPlan({ kind: 'rebuild', failed: a, newFqdn: c }, stateWith(t, { down: [a] }), t);
  const replace: [string, string][] = named ? [] : [[PLACEHOLDER, blank]];
  const b = p?.steps.find((s) => s.op?.args.partner)?.op?.args.partner ?? '';
  return runbookDocument({
    id: 'abc-rebuild',
    title: tr('Runbook: rebuilding a lost Front End pool (ABC failover)', 'Procédure : reconstruction d’un pool frontal perdu (basculement ABC)'),
    purpose: [
      tr('Pool A is lost for good. Its users are failed over to its partner B, then moved to a new pool C with a new FQDN; B is then paired with C. C\'s services stay stopped until users, conference directory, Conferencing Auto Attendant, conference content, user data and Call Park are moved.', 'Le pool A est définitivement perdu. Ses utilisateurs sont basculés vers son partenaire B, puis déplacés vers un nouveau pool C au nouveau FQDN ; B est ensuite couplé avec C. Les services de C restent arrêtés jusqu’au déplacement des utilisateurs, de l’annuaire de conférence, du standard automatique de conférence, du contenu de conférence, des données utilisateur et du parcage d’appel.'),
      tr('-PoolFqdn of Invoke-CsPoolFailOver names A, the pool that suffered the disaster.', 'Le -PoolFqdn de Invoke-CsPoolFailOver désigne A, le pool touché par le sinistre.'),
    ],
    facts: [[tr('Lost pool (A)', 'Pool perdu (A)'), a], [tr('Partner (B)', 'Partenaire (B)'), String(b)], [tr('New pool (C)', 'Nouveau pool (C)'), named ?? blank]],
    preconditions: [
      tr('Collected before the disaster: regular Export-CsLisConfiguration and Export-CsRgsConfiguration files of A.', 'Collectés avant le sinistre : exports réguliers Export-CsLisConfiguration et Export-CsRgsConfiguration de A.'),
      tr('Copies of A\'s Response Group audio, Call Park music-on-hold and announcement files.', 'Copies des fichiers audio Response Group, de la musique d’attente du parcage d’appel et des annonces de A.'),
      tr('SQL backups of A\'s Monitoring and Archiving databases (not preserved otherwise).', 'Sauvegardes SQL des bases de surveillance et d’archivage de A (perdues sinon).'),
      tr('Pool C is defined with a new FQDN; its servers are installed, services not started.', 'Le pool C est défini avec un nouveau FQDN ; ses serveurs sont installés, services non démarrés.'),
      tr('An elevated Lync Server Management Shell, member of RTCUniversalServerAdmins.', 'Un Lync Server Management Shell élevé, membre de RTCUniversalServerAdmins.'),
    ],
    sections: [{ steps: p ? runbookSteps(p, opts.lang, replace) : [] }],
    warnings: p ? planWarnings(p, opts.lang).map((w) => replace.reduce((acc, [x, y]) => acc.split(x).join(y), w)) : [],
    errata: [
      tr('ERRATUM: step 9 says the outage lasts "until step 16"; it ends when C\'s services start (step 15). Starting C\'s services is mandatory, not part of the conditional Persistent Chat step.', 'ERRATUM : l’étape 9 indique une interruption « jusqu’à l’étape 16 » ; elle prend fin au démarrage des services de C (étape 15). Le démarrage des services de C est obligatoire, pas seulement dans l’étape conditionnelle Persistent Chat.'),
      tr('ERRATUM: step 17 imports the step-4 file; import the file exported in step 16. Step 19 reuses the step-16 file name, which makes Export-CsRgsConfiguration fail: use a new name.', 'ERRATUM : l’étape 17 importe le fichier de l’étape 4 ; importer celui exporté à l’étape 16. L’étape 19 réutilise le nom de fichier de l’étape 16, ce qui fait échouer Export-CsRgsConfiguration : utiliser un nouveau nom.'),
      tr('ERRATUM: the parameter is -ReplaceExistingRgsSettings (the page writes -ReplaceExistingSettings); -TargetVersion Lync2010 (not -TargetVersionLync2010); the Bootstrapper path is <system drive>\\Program Files\\Microsoft Lync Server 2013\\Deployment\\Bootstrapper.exe; step 27 refers to a "step 30" that does not exist.', 'ERRATUM : le paramètre est -ReplaceExistingRgsSettings (la page écrit -ReplaceExistingSettings) ; -TargetVersion Lync2010 (et non -TargetVersionLync2010) ; le chemin de Bootstrapper est <lecteur système>\\Program Files\\Microsoft Lync Server 2013\\Deployment\\Bootstrapper.exe ; l’étape 27 renvoie à une « étape 30 » inexistante.'),
    ],
    notes: [tr('The CMS is not failed back. A\'s Monitoring/Archiving data, Response Group application-level settings and Call Park settings are lost unless transferred.', 'Le magasin central de gestion n’est pas restauré. Les données de surveillance/archivage de A, les paramètres Response Group au niveau application et ceux du parcage d’appel sont perdus s’ils ne sont pas transférés.')],
    rollback: [
      tr('Until step 9 (Move-CsUser), A\'s users are only failed over to B: stop there and keep them on B if C cannot be built.', 'Jusqu’à l’étape 9 (Move-CsUser), les utilisateurs de A sont seulement basculés vers B : s’arrêter là et les laisser sur B si C ne peut pas être construit.'),
      tr('After step 9 there is no documented way back to A (it is lost); finish the procedure.', 'Après l’étape 9, aucun retour vers A n’est documenté (il est perdu) ; terminer la procédure.'),
    ],
    refs: [REF, 'lync-server-2013-performing-an-abc-front-end-pool-failover.md', PREREQ, 'cmdlets/Move-CsUser.md', 'cmdlets/Remove-CsUserStoreBackupData.md'],
  }, t.deployment, opts);
}

export const abcRebuildRunbook: RunbookSpec = {
  id: 'abc-rebuild',
  title: { en: 'Rebuilding a lost Front End pool (ABC failover)', fr: 'Reconstruction d’un pool frontal perdu (basculement ABC)' },
  refs: [REF, PREREQ],
  applies: (t, opts) => pairedApplies(t, opts.pools.filter((p) => t.pools.some((x) => x.fqdn.toLowerCase() === p.toLowerCase()))),
  build,
};

import { findPool, type FileStore, type Topology } from '@lyncdr/topology';
import type { Document } from '../../model';
import type { RunbookOptions, RunbookSpec } from '../spec';
import { ownerOf } from '../common/deployment';
import { tbd } from '../../text/index';
import { runbookLabels } from '../common/labels';
import { pick } from '../common/lang';
import { runbookDocument, type RunbookSection } from '../common/procedure';
import { enableTopologyStep, PREPARING, restoreFileStoreSteps, restoreRollback, setBackupStep } from './common';

const REF = 'lync-server-2013-restoring-a-file-store.md';

function storesFor(t: Topology, named: string[]): FileStore[] {
  const wanted = new Set(named.map((n) => n.toLowerCase()));
  return t.fileStores.filter((f) => wanted.size === 0 || f.pools.some((p) => wanted.has(p.toLowerCase())) || wanted.has(f.server.toLowerCase()));
}

function applies(t: Topology, opts: RunbookOptions): string | null {
  if (t.fileStores.length === 0) return 'the topology has no file store';
  if (storesFor(t, opts.pools).length === 0) return `no file store is used by ${opts.pools.join(', ')}`;
  return null;
}

function build(t: Topology, opts: RunbookOptions): Document {
  const tr = pick(opts.lang);
  const L = runbookLabels(opts.lang);
  const lang = opts.lang;
  const stores = storesFor(t, opts.pools);
  const paired = stores.some((f) => f.pools.some((p) => findPool(t, p)?.backupPool));
  const sections: RunbookSection[] = [
    { steps: [setBackupStep(t, lang, stores[0]?.server ?? null)] },
    ...stores.map((f) => ({
      heading: `${f.unc} — ${f.pools.join(', ')}`,
      steps: [...restoreFileStoreSteps(lang, t, f, REF), enableTopologyStep(lang, REF, f.pools[0] ?? null)],
    })),
  ];
  return runbookDocument(
    {
      id: 'restore-file-store',
      title: tr('Restore a file store', 'Restauration d’un magasin de fichiers'),
      subtitle: stores.map((f) => f.unc).join(', '),
      purpose: [
        tr(
          'Copies a lost file store back from the backup set to exactly the same server, path and share name, then sets its access control lists again.',
          'Recopie un magasin de fichiers perdu depuis le jeu de sauvegarde vers exactement le même serveur, le même chemin et le même nom de partage, puis redéfinit ses listes de contrôle d’accès.',
        ),
      ],
      facts: [
        [L.facts.deployment, t.deployment ?? tbd(lang)],
        [tr('File stores', 'Magasins de fichiers'), stores.map((f) => f.unc).join(', ')],
        [L.facts.owner, ownerOf(t, stores.flatMap((f) => [f.id, ...f.pools])) ?? { text: tbd(lang), style: 'blank' }],
      ],
      preconditions: [
        tr('The file server (or Standard Edition server) is running, with the same FQDN as before.', 'Le serveur de fichiers (ou le serveur Standard Edition) fonctionne, avec le même FQDN qu’avant.'),
        tr('The file store copy of the backup set ($Backup\\filestore) is readable.', 'La copie du magasin de fichiers du jeu de sauvegarde ($Backup\\filestore) est lisible.'),
        tr('You are a member of RTCUniversalServerAdmins and an administrator of the file server.', 'Vous êtes membre de RTCUniversalServerAdmins et administrateur du serveur de fichiers.'),
      ],
      sections,
      notes: [
        tr('The Enable-CsTopology step is needed only if Topology Builder was not run during this restore; publishing the topology also sets the share permissions.', 'L’étape Enable-CsTopology n’est nécessaire que si le Générateur de topologie n’a pas été exécuté pendant cette restauration ; la publication de la topologie définit aussi les autorisations du partage.'),
        ...(paired
          ? [tr('The pool is paired: conference content lost since the backup can be copied back from the backup pool with the Backup Service (conference-content runbook).', 'Le pool est couplé : le contenu des conférences perdu depuis la sauvegarde peut être recopié depuis le pool de sauvegarde avec le service de sauvegarde (runbook conference-content).')]
          : []),
      ],
      rollback: restoreRollback(lang).slice(0, 1),
      refs: [REF, PREPARING, 'lync-server-2013-backing-up-file-stores.md', 'cmdlets/Enable-CsTopology.md'],
    },
    t.deployment,
    opts,
  );
}

/** Restore a file store (REFERENCE §c.8). */
export const restoreFileStoreRunbook: RunbookSpec = {
  id: 'restore-file-store',
  title: { en: 'Restore a file store', fr: 'Restauration d’un magasin de fichiers' },
  refs: [REF],
  applies,
  build,
};

import type { Inventory } from '@lyncdr/domain';
import { step, type ScenarioStep } from './restore-model';

/** Backup file of an inventory item, or a placeholder a person fills in. */
export function fileOf(inventory: Inventory, id: string): string {
  return inventory.items.find((i) => i.id === id)?.file ?? '<backup file>';
}

/** Steps 1–2 of every server restore [lync-server-2013-preparing-to-restore-lync-server.md]. */
export function newServerSteps(fqdn: string, localAdmin: boolean, members: string[] = []): ScenarioStep[] {
  const en = members.length > 1 ? `the failed server (one of ${members.join(', ')})` : fqdn;
  const fr = members.length > 1 ? `le serveur défaillant (l’un de ${members.join(', ')})` : fqdn;
  return [
    step(
      `Start with a new server with the same FQDN as ${en}, install the operating system, restore or re-enroll the certificates.`,
      `Démarrez avec un nouveau serveur ayant le même nom de domaine complet que ${fr}, installez le système d’exploitation, puis restaurez ou réinscrivez les certificats.`,
      null,
      fqdn,
    ),
    step(
      localAdmin
        ? 'Log on with an account that is a member of RTCUniversalServerAdmins and of the local Administrators group.'
        : 'Log on with an account that is a member of RTCUniversalServerAdmins.',
      localAdmin
        ? 'Ouvrez une session avec un compte membre de RTCUniversalServerAdmins et du groupe Administrateurs locaux.'
        : 'Ouvrez une session avec un compte membre de RTCUniversalServerAdmins.',
      null,
      fqdn,
    ),
  ];
}

/** Deployment Wizard Steps 1–4 [lync-server-2013-restoring-a-standard-edition-server.md step 5]. */
export function deploymentWizardStep(on: string): ScenarioStep {
  return step(
    'Lync Server Deployment Wizard (\\setup\\amd64\\Setup.exe): Step 1 Install Local Configuration Store, Step 2 Setup or Remove Lync Server Components, Step 3 Request, Install or Assign Certificates, Step 4 Start Services.',
    'Assistant Déploiement de Lync Server (\\setup\\amd64\\Setup.exe) : Étape 1 Installer le magasin de configurations local, Étape 2 Installer ou supprimer des composants Lync Server, Étape 3 Demander, installer ou assigner les certificats, Étape 4 Démarrer les services.',
    null,
    on,
  );
}

/** The local folder the user data zip is copied to before the import (the page's example folder). */
export const LOCAL_RESTORE_FOLDER = 'C:\\Logs';

/**
 * User data import with the Front End services stopped [lync-server-2013-restoring-a-standard-edition-server.md step 6]:
 * the zip is copied from the backup folder to a local folder, and the import reads that local copy.
 */
export function userDataSteps(inventory: Inventory, pool: string): ScenarioStep[] {
  const file = fileOf(inventory, `export:userdata@${pool}`);
  const local = `${LOCAL_RESTORE_FOLDER}\\${file.split(/[\\/]/).pop() ?? file}`;
  return [
    step(`Copy ${file} to ${local} (a local folder of the server).`, `Copiez ${file} vers ${local} (un dossier local du serveur).`, null, pool),
    step('Stop the Lync Server services.', 'Arrêtez les services Lync Server.', 'Stop-CsWindowsService', pool),
    step('Restore the user data from the local copy.', 'Restaurez les données utilisateur depuis la copie locale.', `Import-CsUserData -PoolFqdn ${pool} -FileName "${local}"`, pool),
    step('Start the Lync Server services.', 'Redémarrez les services Lync Server.', 'Start-CsWindowsService', pool),
  ];
}

/**
 * Response Group import into a pool whose RGS database is new: -OverwriteOwner
 * [lync-server-2013-restoring-response-group-settings.md, cmdlets/Import-CsRgsConfiguration.md].
 */
export function rgsStep(inventory: Inventory, pool: string): ScenarioStep {
  const file = fileOf(inventory, `export:rgs@${pool}`);
  return step(
    'If Response Group is deployed: restore its configuration.',
    'Si Response Group est déployé : restaurez sa configuration.',
    `Import-CsRgsConfiguration -Destination "service:ApplicationServer:${pool}" -OverwriteOwner -FileName "${file}"`,
    pool,
  );
}

export function downloadTopologyStep(): ScenarioStep {
  return step(
    'Topology Builder: Download Topology from existing deployment, then save it.',
    'Générateur de topologie : Télécharger la topologie à partir d’un déploiement existant, puis enregistrez-la.',
  );
}

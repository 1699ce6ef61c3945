/**
 * French forms of the DR engine's step titles and fixed phrases. The engine speaks English; printed French plans and
 * runbooks translate its titles here. Terms follow REFERENCE §h: failover = « basculement », failback = « restauration
 * automatique », Central Management store = « magasin central de gestion ». Unknown text is kept as is.
 */
const TITLES: [RegExp, string][] = [
  [/^Fail over the users of (\S+) to (.+?) \(disaster mode\)$/, 'Basculement des utilisateurs de $1 vers $2 (mode sinistre)'],
  [/^Fail over the users of (\S+) to (.+?) \(planned\)$/, 'Basculement planifié des utilisateurs de $1 vers $2'],
  [/^Fail back the users of (\S+) from (\S+)$/, 'Restauration automatique des utilisateurs de $1 depuis $2'],
  [/^Fail back the users of (\S+)$/, 'Restauration automatique des utilisateurs de $1'],
  [/^Fail the Central Management store over to (\S+) \(disaster\)$/, 'Basculement du magasin central de gestion vers $1 (sinistre)'],
  [/^Fail the Central Management store over to (\S+) \(planned\)$/, 'Basculement planifié du magasin central de gestion vers $1'],
  [/^Find the pool hosting the Central Management store$/, 'Trouver le pool qui héberge le magasin central de gestion'],
  [/^Check that the Central Management store is available$/, 'Vérifier que le magasin central de gestion est disponible'],
  [/^Find the backup pool of the CMS pool (\S+)$/, 'Trouver le pool de sauvegarde du pool $1 (magasin central de gestion)'],
  [/^See which Back End of (\S+) is principal$/, 'Voir quel serveur principal de $1 est le principal SQL'],
  [/^See which Back End is principal for (\S+) on (\S+)$/, 'Voir quel serveur principal est principal SQL pour $1 sur $2'],
  [/^Make the (\S+) Back End principal for (\S+) on (\S+)$/, 'Rendre principal le serveur $1 pour $2 sur $3'],
  [/^Check the Backup Service status of (\S+)$/, 'Vérifier l’état du service de sauvegarde de $1'],
  [/^Start a Backup Service synchronisation on (\S+)(.*)$/, 'Lancer une synchronisation du service de sauvegarde sur $1$2'],
  [/^Copy (\S+)'s conference content back from (\S+)$/, 'Recopier le contenu de conférence de $1 depuis $2'],
  [/^Wait until the conference module of (\S+) is in steady state$/, 'Attendre que le module de conférence de $1 soit en état stable'],
  [/^Point Edge pool (\S+) to next hop (\S+) \(same site, Topology Builder\)$/, 'Faire pointer le pool Edge $1 vers le tronçon suivant $2 (même site, Générateur de topologie)'],
  [/^Point Edge pool (\S+) to next hop (\S+) \(other site\)$/, 'Faire pointer le pool Edge $1 vers le tronçon suivant $2 (autre site)'],
  [/^Move Lync federation from (\S+) to (\S+) in Topology Builder$/, 'Déplacer la fédération Lync de $1 vers $2 dans le Générateur de topologie'],
  [/^Apply the change on Edge server (\S+)$/, 'Appliquer la modification sur le serveur Edge $1'],
  [/^Check the federation DNS SRV records$/, 'Vérifier les enregistrements DNS SRV de fédération'],
  [/^Stop the Lync services on Edge server (\S+)$/, 'Arrêter les services Lync sur le serveur Edge $1'],
  [/^Start the Lync services on Edge server (\S+)$/, 'Démarrer les services Lync sur le serveur Edge $1'],
  [/^Route XMPP federation of site (.+) through (\S+)$/, 'Faire passer la fédération XMPP du site $1 par $2'],
  [/^Point XMPP DNS records to the new Edge pool$/, 'Faire pointer les enregistrements DNS XMPP vers le nouveau pool Edge'],
  [/^Open port 5269 inbound to the new Edge pool$/, 'Ouvrir le port 5269 entrant vers le nouveau pool Edge'],
  [/^Associate Front End pool (\S+) with Edge pool (\S+)$/, 'Associer le pool frontal $1 au pool Edge $2'],
  [/^Restore the latest LIS backup into (\S+)$/, 'Restaurer la dernière sauvegarde LIS dans $1'],
  [/^Import (\S+)'s Response Groups into (\S+)$/, 'Importer les Response Groups de $1 dans $2'],
  [/^Recreate (\S+)'s announcements on (\S+)$/, 'Recréer les annonces de $1 sur $2'],
  [/^Export (\S+)'s Response Groups from (\S+)$/, 'Exporter les Response Groups de $1 depuis $2'],
  [/^Import the Response Groups back into (\S+)$/, 'Réimporter les Response Groups dans $1'],
  [/^Point announcements and unassigned numbers back to (\S+)$/, 'Rediriger les annonces et numéros non attribués vers $1'],
];

const ABC_SUFFIX = /^(.*) \(ABC step ([\d–]+)\)$/;

export function frTitle(title: string): string {
  const abc = ABC_SUFFIX.exec(title);
  if (abc) return `${frTitle(abc[1] as string)} (étape ABC ${abc[2]})`;
  for (const [re, fr] of TITLES) if (re.test(title)) return title.replace(re, fr);
  return title;
}

export function localTitle(title: string, lang: 'en' | 'fr'): string {
  return lang === 'fr' ? frTitle(title) : title;
}

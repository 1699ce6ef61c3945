/* Status reasons from their code and parameters (the planner's policy), in English and French; no browser globals. */
import { when } from './util.js';

const units = { en: 'd', fr: 'j' };
/** A duration in seconds in the policy's words: `31 h`, `2 h 10 min`, `5 d 3 h` (`j` in French). */
export function span(seconds, lang = 'en') {
  const s = Math.round(Math.abs(Number(seconds) || 0));
  // A negative duration keeps its sign (never shown as if it were positive), as the policy says it.
  const sign = Number(seconds) < 0 && s > 0 ? '-' : '';
  if (s < 60) return `${sign}${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${sign}${m} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return sign + (m % 60 ? `${h} h ${m % 60} min` : `${h} h`);
  const d = Math.floor(h / 24);
  return sign + (h % 24 ? `${d} ${units[lang]} ${h % 24} h` : `${d} ${units[lang]}`);
}

const list = (v) => (Array.isArray(v) ? v : []);
const words = (p, key, more, sep = '; ') => list(p[key]).join(sep) + (p.more ? ` (+${p.more} ${more})` : '');

const en = {
  'item.noReport': () => 'no agent has reported on this item yet',
  'item.runFailed': (p) => `the run of ${p.at} failed its checks: ${list(p.findings).length ? words(p, 'findings', 'more') : 'the collector reported a failure'}`,
  'item.noGoodBackup': (p) => `the run of ${p.at} found no good backup`,
  'item.futureLastGood': (p) => `the only good backup reported is dated ${p.lastGood}, ${span(p.aheadSeconds)} ahead of the planner's clock: not taken as a good backup; check the agent's clock`,
  'item.late': (p) => `last good backup ${span(p.ageSeconds)} ago; expected every ${span(p.periodSeconds)} (+${span(p.graceSeconds)} grace)`,
  'item.tooSlow': (p) => `the run of ${p.at} took ${span(p.durationSeconds)}, over its ${span(p.boundSeconds)} bound (too slow)`,
  'item.tooFast': (p) => `the run of ${p.at} took ${span(p.durationSeconds)}, under its ${span(p.boundSeconds)} bound (suspiciously fast: check that it copied the data)`,
  'item.ok': (p) => `last good backup ${span(p.ageSeconds)} ago, within ${span(p.periodSeconds)} + ${span(p.graceSeconds)} grace` +
    (list(p.warnings).length ? `; warnings: ${words(p, 'warnings', 'more')}` : ''),
  'probe.noReport': (p) => `no report from the agent for ${span(p.staleSeconds)}; expected every ${span(p.periodSeconds)}`,
  'probe.failed': (p) => `the probe failed: ${p.message ?? 'no details from the collector'}`,
  'probe.findings': (p) => words(p, 'findings', 'more'),
  'backupService.noModules': () => 'the Backup Service status lists no backup modules',
  'backupService.steady': (p) => `Backup Service in steady state for ${p.modules} module(s)${lag(p, 'lag')}`,
  'backupService.notSteady': (p) => `Backup Service not in steady state: ${modules(p, 'export', 'import', 'missing', ' ')}${lag(p, 'lag')}`,
  'mirror.noDatabases': () => 'the mirror state lists no databases',
  'mirror.synchronized': (p) => `${p.databases} mirrored database(s) synchronized`,
  'mirror.notSynchronized': (p) => `mirroring not synchronized: ${databases(p, 'inaccessible or mirroring not enabled')}`,
  'mirror.notSupported': () => 'SQL mirroring does not exist in this product version (Skype for Business Server 2019): not applicable',
  'cms.noReplicas': () => 'the replication status lists no replicas',
  'cms.upToDate': (p) => `all ${p.replicas} CMS replica(s) up to date`,
  'cms.notUpToDate': (p) => `${list(p.stale).length} of ${p.total} CMS replica(s) not up to date: ${list(p.stale).join(', ')}`,
  'drill.never': (p) => `never drilled; the cadence is every ${p.days} days`,
  'drill.ok': (p) => `drilled ${Math.floor(p.ageSeconds / 86400)} days ago (every ${p.days} days)`,
  'drill.overdue': (p) => `last drilled ${Math.floor(p.ageSeconds / 86400)} days ago; the cadence is every ${p.days} days`,
  'documents.current': (p) => (p.file ? `the printed documents and the deployment match the newest CMS export (${p.file} at ${p.at})` : 'the printed documents match the deployment the planner serves'),
  'documents.unknown': () => 'the newest CMS export\'s topology was too large to send; compare its fingerprint by eye',
  'documents.stale': (p) => ['printed documents are stale',
    p.differs ? `the newest CMS export (${p.file ?? 'reported'} at ${p.at}) differs from the deployment the planner serves: ${list(p.changes).join('; ')}${p.moreChanges ? ` (+${p.moreChanges} more)` : ''}`
      : p.file ? 'they were made from another topology than the newest CMS export\'s' : 'they were made from another topology than the deployment the planner serves',
    list(p.documents).length ? `print again: ${words(p, 'documents', 'more')}` : 'print the documents again once the planner serves the new topology'].join('; '),
  'peer.notPolled': (p) => `peer planner ${p.peer} (${p.url}) not polled yet`,
  'peer.reachable': (p) => {
    const parts = [`peer planner ${p.peer} answers`];
    if (p.behindSeconds > 0) parts.push(`behind by ${span(p.behindSeconds)}`);
    if (p.agentsMissing > 0) parts.push(`no report yet from ${p.agentsMissing} agent(s) this planner has heard`);
    if (p.reportsLacking > 0) parts.push(`${p.reportsLacking} report(s) fewer`);
    if (parts.length === 1) parts.push('up to date');
    return parts.join('; ');
  },
  'peer.noAnswer': (p) => `peer planner ${p.peer} has not answered for ${span(p.forSeconds)}${p.error ? ` (${p.error})` : ''}; down after ${span(p.downAfterSeconds)}`,
  'peer.down': (p) => `peer planner ${p.peer} (${p.url}) has not answered for ${span(p.forSeconds)}${p.lastAnswer ? '' : ', never since this planner started'}${p.error ? ` (${p.error})` : ''}`,
  rpo: (r) => (r.beyond
    ? `; ${r.unhealthySeconds === null ? 'never seen healthy' : `unhealthy for ${span(r.unhealthySeconds)}`}, beyond the ${span(r.rpoSeconds)} RPO`
    : `; within the ${span(r.rpoSeconds)} RPO so far (${span(r.unhealthySeconds)})`),
};

const fr = {
  'item.noReport': () => 'aucun agent n’a encore rendu compte de cet élément',
  'item.runFailed': (p) => `l’exécution du ${at(p)} a échoué à ses contrôles : ${list(p.findings).length ? words(p, 'findings', 'autre(s)', ' ; ') : 'le collecteur a signalé un échec'}`,
  'item.noGoodBackup': (p) => `l’exécution du ${at(p)} n’a trouvé aucune sauvegarde réussie`,
  'item.futureLastGood': (p) => `la seule sauvegarde réussie signalée est datée du ${when(p.lastGood, 'fr')}, ${span(p.aheadSeconds, 'fr')} en avance sur l’horloge du planificateur : elle n’est pas retenue ; vérifiez l’horloge de l’agent`,
  'item.late': (p) => `dernière sauvegarde réussie il y a ${span(p.ageSeconds, 'fr')} ; attendue toutes les ${span(p.periodSeconds, 'fr')} (+ ${span(p.graceSeconds, 'fr')} de tolérance)`,
  'item.tooSlow': (p) => `l’exécution du ${at(p)} a duré ${span(p.durationSeconds, 'fr')}, au-delà de sa limite de ${span(p.boundSeconds, 'fr')} (trop lente)`,
  'item.tooFast': (p) => `l’exécution du ${at(p)} a duré ${span(p.durationSeconds, 'fr')}, en deçà de sa limite de ${span(p.boundSeconds, 'fr')} (anormalement rapide : vérifiez qu’elle a bien copié les données)`,
  'item.ok': (p) => `dernière sauvegarde réussie il y a ${span(p.ageSeconds, 'fr')}, dans la limite de ${span(p.periodSeconds, 'fr')} + ${span(p.graceSeconds, 'fr')} de tolérance` +
    (list(p.warnings).length ? ` ; avertissements : ${words(p, 'warnings', 'autre(s)', ' ; ')}` : ''),
  'probe.noReport': (p) => `aucun rapport de l’agent depuis ${span(p.staleSeconds, 'fr')} ; attendu toutes les ${span(p.periodSeconds, 'fr')}`,
  'probe.failed': (p) => `la sonde a échoué : ${p.message ?? 'aucun détail du collecteur'}`,
  'probe.findings': (p) => words(p, 'findings', 'autre(s)', ' ; '),
  'backupService.noModules': () => 'l’état du service de sauvegarde ne liste aucun module de sauvegarde',
  'backupService.steady': (p) => `service de sauvegarde en état stable pour ${p.modules} module(s)${lag(p, 'décalage de')}`,
  'backupService.notSteady': (p) => `service de sauvegarde hors de l’état stable : ${modules(p, 'exportation', 'importation', 'absente', ' : ')}${lag(p, 'décalage de')}`,
  'mirror.noDatabases': () => 'l’état de la mise en miroir ne liste aucune base de données',
  'mirror.synchronized': (p) => `${p.databases} base(s) de données en miroir synchronisée(s)`,
  'mirror.notSynchronized': (p) => `mise en miroir non synchronisée : ${databases(p, 'inaccessible ou mise en miroir non activée', ' : ')}`,
  'mirror.notSupported': () => 'la mise en miroir SQL n’existe pas dans cette version du produit (Skype Entreprise Server 2019) : sans objet',
  'cms.noReplicas': () => 'l’état de la réplication ne liste aucun réplica',
  'cms.upToDate': (p) => `les ${p.replicas} réplica(s) du magasin central de gestion sont à jour`,
  'cms.notUpToDate': (p) => `${list(p.stale).length} réplica(s) du magasin central de gestion sur ${p.total} pas à jour : ${list(p.stale).join(', ')}`,
  'drill.never': (p) => `jamais exercé ; la fréquence prévue est de ${p.days} jours`,
  'drill.ok': (p) => `exercé il y a ${Math.floor(p.ageSeconds / 86400)} jours (tous les ${p.days} jours)`,
  'drill.overdue': (p) => `dernier exercice il y a ${Math.floor(p.ageSeconds / 86400)} jours ; la fréquence prévue est de ${p.days} jours`,
  'documents.current': (p) => (p.file ? `les documents imprimés et le déploiement correspondent au dernier export du CMS (${p.file}, ${when(p.at, 'fr')})` : 'les documents imprimés correspondent au déploiement que sert le planificateur'),
  'documents.unknown': () => 'la topologie du dernier export du CMS était trop volumineuse pour être envoyée ; comparez son empreinte à l’œil',
  'documents.stale': (p) => ['les documents imprimés ne sont plus à jour',
    p.differs ? `le dernier export du CMS (${p.file ?? 'signalé'}, ${when(p.at, 'fr')}) diffère du déploiement que sert le planificateur : ${list(p.changes).join(' ; ')}${p.moreChanges ? ` (+${p.moreChanges} autre(s))` : ''}`
      : p.file ? 'ils ont été produits d’après une autre topologie que celle du dernier export du CMS' : 'ils ont été produits d’après une autre topologie que celle du déploiement servi',
    list(p.documents).length ? `à réimprimer : ${words(p, 'documents', 'autre(s)', ' ; ')}` : 'réimprimez les documents dès que le planificateur sert la nouvelle topologie'].join(' ; '),
  'peer.notPolled': (p) => `planificateur pair ${p.peer} (${p.url}) pas encore interrogé`,
  'peer.reachable': (p) => {
    const parts = [`le planificateur pair ${p.peer} répond`];
    if (p.behindSeconds > 0) parts.push(`en retard de ${span(p.behindSeconds, 'fr')}`);
    if (p.agentsMissing > 0) parts.push(`encore aucun rapport de ${p.agentsMissing} agent(s) que ce planificateur a reçus`);
    if (p.reportsLacking > 0) parts.push(`${p.reportsLacking} rapport(s) de moins`);
    if (parts.length === 1) parts.push('à jour');
    return parts.join(' ; ');
  },
  'peer.noAnswer': (p) => `le planificateur pair ${p.peer} ne répond plus depuis ${span(p.forSeconds, 'fr')}${p.error ? ` (${p.error})` : ''} ; considéré hors service après ${span(p.downAfterSeconds, 'fr')}`,
  'peer.down': (p) => `le planificateur pair ${p.peer} (${p.url}) ne répond plus depuis ${span(p.forSeconds, 'fr')}${p.lastAnswer ? '' : ', jamais depuis le démarrage de ce planificateur'}${p.error ? ` (${p.error})` : ''}`,
  rpo: (r) => (r.beyond
    ? ` ; ${r.unhealthySeconds === null ? 'jamais vu en bon état' : `en défaut depuis ${span(r.unhealthySeconds, 'fr')}`}, au-delà du RPO de ${span(r.rpoSeconds, 'fr')}`
    : ` ; dans le RPO de ${span(r.rpoSeconds, 'fr')} pour l’instant (${span(r.unhealthySeconds, 'fr')})`),
};

function at(p) {
  return when(p.at, 'fr');
}
function lag(p, word) {
  return typeof p.lagSeconds === 'number' ? ` (${word} ${p.lagSeconds} s)` : '';
}
function modules(p, exp, imp, missing, sep) {
  return list(p.modules).map((m) => {
    const state = (k, w) => `${w} ${m[k] || missing}`;
    const parts = [m.export !== undefined && state('export', exp), m.import !== undefined && state('import', imp)].filter(Boolean);
    return `${m.module}${sep}${parts.join(' / ')}`;
  }).join(', ');
}
function databases(p, inaccessible, sep = ': ') {
  return list(p.databases).map((d) => `${d.name}${sep}${d.state === 'DatabaseInaccessibleOrMirroringNotEnabled' ? inaccessible : d.state}`).join(', ');
}

export const reasonFormats = { en, fr };

/** The reason of a status entry in `lang`, from its code and parameters; the English `reason` when the code is unknown. */
export function formatReason(entry, lang) {
  const f = reasonFormats[lang] ?? en;
  const say = entry.reasonCode && Object.hasOwn(f, entry.reasonCode) && entry.reasonCode !== 'rpo' ? f[entry.reasonCode] : null;
  if (!say) return entry.reason;
  try {
    const p = entry.reasonParams ?? {};
    return say(p) + (p.rpo ? f.rpo(p.rpo) : '');
  } catch {
    return entry.reason;
  }
}

/* global document, navigator, localStorage */
/* English and French text of the dashboard. `t(key, vars)` reads the current language. */
import { formatReason } from './reasons.js';

const en = {
  title: 'lyncdr planner', allDeployments: 'All deployments', deploymentsTitle: 'Deployments', deploymentsName: 'Deployment', deploymentsTopology: 'Topology', deploymentsItems: 'Items', deploymentsAgents: 'Agents connected', deploymentsToken: 'A global admin token (lyncdr agents add <name> --role admin --global)', deploymentsNeedToken: 'The overview needs a global admin token.', tokenSave: 'Save', skip: 'Skip to content', live: 'Live', offline: 'Reconnecting…', language: 'Language',
  token: 'API token', tokenSet: 'Token set', tokenHelp: 'Paste a read token (or an admin token to send "collect now"). It is kept for this browser tab only.',
  save: 'Save', clear: 'Forget', cancel: 'Cancel', needToken: 'The planner needs an API token to show data.',
  tabStatus: 'Backup status', tabAgents: 'Agents', tabOverview: 'Overview', tabDocuments: 'Documents', tabAlerts: 'Alerts & policy',
  ok: 'ok', late: 'late', failed: 'failed', unknown: 'unknown', all: 'All',
  site: 'Site', pool: 'Pool', status: 'Status', search: 'Search', item: 'Item', lastGood: 'Last good backup', age: 'Age / period',
  reason: 'Reason', since: 'Since', history: 'History', hideHistory: 'Hide', shown: '{n} of {total} items shown',
  generated: 'Evaluated {at}', evaluations: 'Evaluations', runs: 'Runs', noHistory: 'No history yet.',
  agent: 'Agent', connected: 'connected', lastSeen: 'last seen {at}', never: 'never seen', version: 'Version', host: 'Host',
  lastRuns: 'Last run per collector', collectNow: 'Collect now', collectSent: '"{collector}" sent to {agent}.', noAgents: 'No agent registered yet (lyncdr agents add <name>).',
  noRuns: 'no run yet', adminNeeded: 'This needs an admin token.',
  agentOutdated: 'older than {min}: upgrade this agent',
  clock: 'Clock', clockAhead: '{d} ahead of the planner', clockBehind: '{d} behind the planner', clockInStep: 'in step with the planner',
  refused: 'Refused by the planner',
  overviewTitle: 'Deployment', legend: 'Colour: worst status of the data held by each pool; arrows: Backup Service per direction.',
  cms: 'CMS', cmsStandby: 'CMS standby', federation: 'Federation', nextHop: 'next hop', noTopology: 'No topology loaded: start the planner with --topology.',
  topologyChanges: 'Topology versions', noChanges: 'no change', backupService: 'Backup Service {from} → {to}: {status}',
  worksheets: 'Worksheets', runbooks: 'Runbooks', plans: 'Failover plan wizard', kind: 'Kind', format: 'Format', download: 'Download',
  procedure: 'Procedure', notApplicable: 'does not apply: {why}', anyPool: '(every pool that applies)',
  goal: 'Goal', step1: '1. Goal', step2: '2. Pools', step3: '3. State (from live data)', step4: '4. Steps',
  down: 'Down', failedOverTo: 'Failed over to', none: '(none)', cmsActive: 'Active CMS', planned: 'Planned (the pool is running)',
  makePlan: 'Plan the steps', checkSteps: 'Check the steps', downloadPlan: 'Download the plan (PDF)', moveUp: 'Move step {n} up',
  moveDown: 'Move step {n} down', remove: 'Remove step {n}', checkOk: 'The {n} steps replay cleanly from this state.',
  violation: 'Step {n} breaks the rule "{rule}": {message}', warnings: 'Warnings', on: 'on', verify: 'Verify', manual: 'Manual step',
  usersOf: 'Users of', by: 'Served by', failedPool: 'Pool lost', newFqdn: 'New pool FQDN', edge: 'Edge pool', to: 'Taking over',
  dbType: 'Database type', liveStatus: 'live status: {status}', stateHint: 'Pools are pre-marked down from the goal; adjust to what you see.',
  alerts: 'Alerts log', policy: 'Policy in force (read-only)', at: 'Time', change: 'Change', channel: 'Channel', delivered: 'Delivered',
  noAlerts: 'No alert yet.', yes: 'yes', no: 'no', defaults: 'Defaults', rules: 'Rules from planner.yaml', noRules: 'No rule: the defaults apply.',
  period: 'Period', grace: 'Grace', periods: 'Expected periods (from the inventory)', items: 'Items',
  graceDefault: '{fraction} % of the period, at least {hours} h', rpoBackup: 'Backup Service RPO', rpoCms: 'CMS replication RPO', probe: 'Probe period',
  tabRuns: 'Drills & runs', runTitle: 'Title', runStartedAt: 'Started', runOutcome: 'Outcome', runOpen: 'Open', runInProgress: 'in progress',
  kind_drill: 'drill', kind_real: 'real run', outcome_completed: 'completed', outcome_abandoned: 'abandoned',
  noDrills: 'No drill or run yet: start one from the plan wizard (Documents) or with lyncdr run start.',
  step_pending: 'to do', step_running: 'running', step_done: 'done', step_failed: 'failed', step_skipped: 'skipped',
  stepStart: 'Start', stepDone: 'Done', stepFail: 'Failed', stepSkip: 'Skip', stepRetry: 'Retry',
  runFinished: 'Finished ({outcome}) at {at}.', runAllDone: 'Every step is done or skipped: finish the run.',
  copy: 'Copy', copied: 'Copied', copyFailed: 'Select the command and copy it', estimate: 'plan: {d}', reasonGiven: 'Reason',
  operator: 'Operator', evStarted: '{kind} started: {title}', evStep: 'step {n} → {status}', evEvidence: 'evidence for step {n}: {name}',
  evFinished: 'run {outcome}', runBy: 'started by {who}, {at}', elapsed: 'Time since the start',
  runInput: 'With the next change', note: 'Note', reasonField: 'Reason (skip, out of order)', evidencePaste: 'Evidence: paste the command output',
  rollbackHint: 'This step failed: retry it, skip it with a reason, abandon the run — or undo what was done with the plan lyncdr plan {plan}.', rollbackNone: 'This step failed: retry it, skip it with a reason, or abandon the run.',
  reasonNeeded: 'Give a reason to skip this step.', reportPdf: 'Drill report (PDF)', runFinish: 'Finish the run', runAbandon: 'Abandon the run',
  runHistory: 'Every change (events)', runTotal: 'Total duration', runUsersDown: 'Users down', runRto: 'Measured RTO', runRtoVs: '{rto} (target {target})',
  step5: '5. Drill', drillTitle: 'Failover drill', startRun: 'Start a run of this plan', runStarted: 'Run started: {title}',
  tabReadiness: 'Readiness', readinessTitle: 'DR readiness',
  readinessHelp: 'Would each failover work right now? Each goal is planned from the newest agent reports and replayed; a fact older than its collector’s period counts as unknown, never as good.',
  rd_ready: 'ready', 'rd_at-risk': 'at risk', rd_blocked: 'blocked', rdBlockers: 'Blockers', rdRpo: 'Data at risk (RPO)', rdRto: 'Estimated RTO',
  rdPlan: 'Plan', rdCli: 'Command line', rdOpenPlan: 'Open the plan', rdPdf: 'Plan (PDF)', rdNoBlocker: 'none', rdStep: 'step {n}', rdFacts: 'Facts used ({n})',
  rdAge: '{d} old', rdUnknown: 'unknown', rdNoTarget: 'no target', rdTarget: 'target {d}', rdOver: 'over the target', rdWithin: 'within the target',
  rdSummary: '{ready} ready, {risk} at risk, {blocked} blocked — judged {at}', rdNone: 'No goal to judge: the deployment has no paired pool, Central Management store, Edge route or mirror.',
  goal_failover: 'Failover of {pool}', goal_failback: 'Failback of {pool}', 'goal_cms-failover': 'Central Management store failover',
  'goal_edge-failover': 'Edge failover of {pool}', 'goal_edge-failback': 'Edge failback of {pool}', 'goal_db-failover': 'Mirror failover of the {type} database of {pool}',
  printed: 'Printed documents', staleTitle: 'Printed documents are stale.', staleExport: 'The newest CMS export ({file}, {at}) differs from the deployment the planner serves.',
  staleOlder: 'Some were made from another topology than the newest one.', staleChanges: 'What changed', staleAgain: 'Print again',
  staleAgainAll: 'Every document: the planner still serves the old topology; load the new one (lyncdr serve --topology), then print them again.',
  staleCurrent: 'The printed documents match the newest CMS export ({file}, {at}).', staleCurrentDeployment: 'The printed documents match the deployment the planner serves.',
  staleUnknown: 'The newest CMS export was too large to compare here: compare its fingerprint (lyncdr topology show) with the documents’ by eye.',
  docKind_worksheet: 'Worksheet', docKind_runbook: 'Runbook', docKind_plan: 'Plan', docTitle: 'Document', docPrinted: 'Generated', docFingerprint: 'Topology fingerprint',
  docReprint: 'print again', docCurrent: 'current', wsKind_all: 'All worksheets', wsKind_database: 'Databases', wsKind_filestore: 'File stores', wsKind_settings: 'Settings',
  wsKind_restore: 'Restoration', probe_documents: 'Printed documents against the newest CMS export', probe_peer: 'Peer planner {name}',
  cat_userdata: 'User data export ({name})', cat_configuration: 'Topology and configuration export ({name})', cat_lis: 'Location Information service export ({name})',
  cat_rgs: 'Response Group export ({name})', cat_archiving: 'Archiving database ({name})', 'cat_monitoring-cdr': 'Call detail recording database ({name})',
  'cat_monitoring-qoe': 'Quality of Experience database ({name})', cat_persistentchat: 'Persistent Chat database ({name})', 'cat_sql-other': 'SQL Server database ({name})',
  'probe_backup-service': 'Backup Service replication', probe_mirror: 'SQL mirroring ({name})', 'probe_cms-replication': 'Central Management store replication', probe_drill: 'Drill cadence ({name})',
  countsFilter: 'Show only the {status} items',
  ovReadiness: 'Readiness:',
  probe_readiness: 'DR readiness: {goal}',
  tokenHow: 'No token yet? On the planner’s host, make a read token (shown once) and paste it here:',
  tokenLink: 'Or open the one-time admin link the planner printed when it started without any API token (planner.admin_link in its log): it signs this browser in without a token.',
  hTimeline: 'Status per evaluation period', hOver: 'Last {n} days:', hShare: '{pct} % of periods on time ({on} of {total})', hNoData: 'no period with data yet',
  hDays: '{n} days', hWindow: 'Time window', hNoEval: 'no evaluation yet', hPeriods: '{n} periods', hStatus: 'status',
  hTimelineLabel: 'Status per evaluation period over the last {days} days: {share}',
  hAge: 'Age of the last good backup against the period and the period + grace', hPeriod: 'period: {d}', hLimit: 'period + grace: {d} (late above this line)',
  hNoGood: 'no good backup known', hAgeLabel: 'Age of the last good backup over the last {days} days: {age} now, late past {limit}.', hAgeOver: 'It went past the limit in this window.',
  error: 'Error: {message}',
};

const fr = {
  title: 'lyncdr planner', allDeployments: 'Tous les déploiements', deploymentsTitle: 'Déploiements', deploymentsName: 'Déploiement', deploymentsTopology: 'Topologie', deploymentsItems: 'Éléments', deploymentsAgents: 'Agents connectés', deploymentsToken: 'Un jeton admin global (lyncdr agents add <nom> --role admin --global)', deploymentsNeedToken: 'La vue d’ensemble demande un jeton admin global.', tokenSave: 'Enregistrer', skip: 'Aller au contenu', live: 'En direct', offline: 'Reconnexion…', language: 'Langue',
  token: 'Jeton d’API', tokenSet: 'Jeton défini', tokenHelp: 'Collez un jeton de lecture (ou d’administration pour « collecter maintenant »). Il n’est gardé que pour cet onglet.',
  save: 'Enregistrer', clear: 'Oublier', cancel: 'Annuler', needToken: 'Le planificateur demande un jeton d’API pour afficher les données.',
  tabStatus: 'État des sauvegardes', tabAgents: 'Agents', tabOverview: 'Vue d’ensemble', tabDocuments: 'Documents', tabAlerts: 'Alertes et politique',
  ok: 'ok', late: 'en retard', failed: 'en échec', unknown: 'inconnu', all: 'Tous',
  site: 'Site', pool: 'Pool', status: 'État', search: 'Rechercher', item: 'Élément', lastGood: 'Dernière sauvegarde réussie', age: 'Âge / période',
  reason: 'Raison', since: 'Depuis', history: 'Historique', hideHistory: 'Masquer', shown: '{n} éléments affichés sur {total}',
  generated: 'Évalué le {at}', evaluations: 'Évaluations', runs: 'Exécutions', noHistory: 'Pas encore d’historique.',
  agent: 'Agent', connected: 'connecté', lastSeen: 'vu le {at}', never: 'jamais vu', version: 'Version', host: 'Hôte',
  lastRuns: 'Dernière exécution par collecteur', collectNow: 'Collecter maintenant', collectSent: '« {collector} » envoyé à {agent}.', noAgents: 'Aucun agent enregistré (lyncdr agents add <nom>).',
  noRuns: 'aucune exécution', adminNeeded: 'Il faut un jeton d’administration.',
  agentOutdated: 'antérieur à {min} : mettez cet agent à jour',
  clock: 'Horloge', clockAhead: '{d} d’avance sur le planificateur', clockBehind: '{d} de retard sur le planificateur', clockInStep: 'à l’heure du planificateur',
  refused: 'Refusé par le planificateur',
  overviewTitle: 'Déploiement', legend: 'Couleur : pire état des données de chaque pool ; flèches : service de sauvegarde dans chaque sens.',
  cms: 'CMS', cmsStandby: 'CMS de secours', federation: 'Fédération', nextHop: 'tronçon suivant', noTopology: 'Aucune topologie : démarrez le planificateur avec --topology.',
  topologyChanges: 'Versions de la topologie', noChanges: 'aucun changement', backupService: 'Service de sauvegarde {from} → {to} : {status}',
  worksheets: 'Fiches de travail', runbooks: 'Procédures', plans: 'Assistant de plan de basculement', kind: 'Type', format: 'Format', download: 'Télécharger',
  procedure: 'Procédure', notApplicable: 'ne s’applique pas : {why}', anyPool: '(tous les pools concernés)',
  goal: 'Objectif', step1: '1. Objectif', step2: '2. Pools', step3: '3. État (données en direct)', step4: '4. Étapes',
  down: 'Hors service', failedOverTo: 'Basculé vers', none: '(aucun)', cmsActive: 'CMS actif', planned: 'Planifié (le pool fonctionne)',
  makePlan: 'Planifier les étapes', checkSteps: 'Vérifier les étapes', downloadPlan: 'Télécharger le plan (PDF)', moveUp: 'Monter l’étape {n}',
  moveDown: 'Descendre l’étape {n}', remove: 'Retirer l’étape {n}', checkOk: 'Les {n} étapes se rejouent sans erreur depuis cet état.',
  violation: 'L’étape {n} enfreint la règle « {rule} » : {message}', warnings: 'Avertissements', on: 'sur', verify: 'Vérifier', manual: 'Étape manuelle',
  usersOf: 'Utilisateurs de', by: 'Servis par', failedPool: 'Pool perdu', newFqdn: 'FQDN du nouveau pool', edge: 'Pool Edge', to: 'Relais',
  dbType: 'Type de base', liveStatus: 'état en direct : {status}', stateHint: 'Les pools sont marqués hors service d’après l’objectif ; corrigez selon ce que vous constatez.',
  alerts: 'Journal des alertes', policy: 'Politique en vigueur (lecture seule)', at: 'Heure', change: 'Changement', channel: 'Canal', delivered: 'Remise',
  noAlerts: 'Aucune alerte.', yes: 'oui', no: 'non', defaults: 'Valeurs par défaut', rules: 'Règles de planner.yaml', noRules: 'Aucune règle : les valeurs par défaut s’appliquent.',
  period: 'Période', grace: 'Tolérance', periods: 'Périodes attendues (d’après l’inventaire)', items: 'Éléments',
  graceDefault: '{fraction} % de la période, au moins {hours} h', rpoBackup: 'RPO du service de sauvegarde', rpoCms: 'RPO de la réplication du CMS', probe: 'Période des sondes',
  tabRuns: 'Exercices et exécutions', runTitle: 'Titre', runStartedAt: 'Début', runOutcome: 'Issue', runOpen: 'Ouvrir', runInProgress: 'en cours',
  kind_drill: 'exercice', kind_real: 'exécution réelle', outcome_completed: 'terminé', outcome_abandoned: 'abandonné',
  noDrills: 'Aucun exercice ni exécution : lancez-en un depuis l’assistant de plan (Documents) ou avec lyncdr run start.',
  step_pending: 'à faire', step_running: 'en cours', step_done: 'fait', step_failed: 'en échec', step_skipped: 'sautée',
  stepStart: 'Commencer', stepDone: 'Fait', stepFail: 'Échec', stepSkip: 'Sauter', stepRetry: 'Reprendre',
  runFinished: 'Terminé ({outcome}) le {at}.', runAllDone: 'Toutes les étapes sont faites ou sautées : terminez l’exécution.',
  copy: 'Copier', copied: 'Copié', copyFailed: 'Sélectionnez la commande et copiez-la', estimate: 'plan : {d}', reasonGiven: 'Raison',
  operator: 'Opérateur', evStarted: '{kind} lancé : {title}', evStep: 'étape {n} → {status}', evEvidence: 'preuve de l’étape {n} : {name}',
  evFinished: 'exécution {outcome}', runBy: 'lancé par {who}, le {at}', elapsed: 'Temps écoulé depuis le début',
  runInput: 'Avec le prochain changement', note: 'Note', reasonField: 'Raison (étape sautée, hors ordre)', evidencePaste: 'Preuve : collez la sortie de la commande',
  rollbackHint: 'Cette étape a échoué : la relancer, la sauter en donnant une raison, abandonner l’exécution — ou annuler ce qui a été fait avec le plan lyncdr plan {plan}.', rollbackNone: 'Cette étape a échoué : la relancer, la sauter en donnant une raison, ou abandonner l’exécution.',
  reasonNeeded: 'Donnez une raison pour sauter cette étape.', reportPdf: 'Rapport d’exercice (PDF)', runFinish: 'Terminer l’exécution', runAbandon: 'Abandonner l’exécution',
  runHistory: 'Tous les changements (événements)', runTotal: 'Durée totale', runUsersDown: 'Utilisateurs privés de service', runRto: 'RTO mesuré', runRtoVs: '{rto} (cible {target})',
  step5: '5. Exercice', drillTitle: 'Exercice de basculement', startRun: 'Lancer une exécution de ce plan', runStarted: 'Exécution lancée : {title}',
  tabReadiness: 'Préparation', readinessTitle: 'Préparation à la reprise',
  readinessHelp: 'Chaque basculement fonctionnerait-il maintenant ? Chaque objectif est planifié d’après les derniers rapports des agents, puis rejoué ; un fait plus ancien que la période de son collecteur compte comme inconnu, jamais comme bon.',
  rd_ready: 'prêt', 'rd_at-risk': 'à risque', rd_blocked: 'bloqué', rdBlockers: 'Obstacles', rdRpo: 'Données exposées (RPO)', rdRto: 'RTO estimé',
  rdPlan: 'Plan', rdCli: 'Ligne de commande', rdOpenPlan: 'Ouvrir le plan', rdPdf: 'Plan (PDF)', rdNoBlocker: 'aucun', rdStep: 'étape {n}', rdFacts: 'Faits utilisés ({n})',
  rdAge: 'il y a {d}', rdUnknown: 'inconnu', rdNoTarget: 'pas de cible', rdTarget: 'cible {d}', rdOver: 'au-delà de la cible', rdWithin: 'dans la cible',
  rdSummary: '{ready} prêt(s), {risk} à risque, {blocked} bloqué(s) — évalué le {at}', rdNone: 'Aucun objectif à évaluer : le déploiement n’a ni pool apparié, ni magasin central de gestion, ni route Edge, ni miroir.',
  goal_failover: 'Basculement de {pool}', goal_failback: 'Restauration automatique de {pool}', 'goal_cms-failover': 'Basculement du magasin central de gestion',
  'goal_edge-failover': 'Basculement Edge de {pool}', 'goal_edge-failback': 'Restauration automatique Edge de {pool}', 'goal_db-failover': 'Basculement du miroir de la base {type} de {pool}',
  printed: 'Documents imprimés', staleTitle: 'Les documents imprimés ne sont plus à jour.', staleExport: 'Le dernier export du CMS ({file}, {at}) diffère du déploiement que sert le planificateur.',
  staleOlder: 'Certains ont été produits d’après une autre topologie que la plus récente.', staleChanges: 'Ce qui a changé', staleAgain: 'À réimprimer',
  staleAgainAll: 'Tous les documents : le planificateur sert encore l’ancienne topologie ; chargez la nouvelle (lyncdr serve --topology), puis réimprimez-les.',
  staleCurrent: 'Les documents imprimés correspondent au dernier export du CMS ({file}, {at}).', staleCurrentDeployment: 'Les documents imprimés correspondent au déploiement que sert le planificateur.',
  staleUnknown: 'Le dernier export du CMS était trop volumineux pour être comparé ici : comparez son empreinte (lyncdr topology show) à celle des documents.',
  docKind_worksheet: 'Fiche de travail', docKind_runbook: 'Procédure', docKind_plan: 'Plan', docTitle: 'Document', docPrinted: 'Produit le', docFingerprint: 'Empreinte de la topologie',
  docReprint: 'à réimprimer', docCurrent: 'à jour', wsKind_all: 'Toutes les fiches', wsKind_database: 'Bases de données', wsKind_filestore: 'Magasins de fichiers', wsKind_settings: 'Paramètres',
  wsKind_restore: 'Restauration', probe_documents: 'Documents imprimés face au dernier export du CMS', probe_peer: 'Planificateur pair {name}',
  cat_userdata: 'Export des données utilisateur ({name})', cat_configuration: 'Export de la topologie et de la configuration ({name})', cat_lis: 'Export du service d’informations d’emplacement ({name})',
  cat_rgs: 'Export Response Group ({name})', cat_archiving: 'Base d’archivage ({name})', 'cat_monitoring-cdr': 'Base des enregistrements des détails des appels ({name})',
  'cat_monitoring-qoe': 'Base de qualité de l’expérience ({name})', cat_persistentchat: 'Base du chat permanent ({name})', 'cat_sql-other': 'Base SQL Server ({name})',
  'probe_backup-service': 'Réplication du service de sauvegarde', probe_mirror: 'Mise en miroir SQL ({name})', 'probe_cms-replication': 'Réplication du magasin central de gestion', probe_drill: 'Cadence des exercices ({name})',
  countsFilter: 'N’afficher que les éléments « {status} »',
  ovReadiness: 'Préparation :',
  probe_readiness: 'Préparation à la reprise : {goal}',
  tokenHow: 'Pas encore de jeton ? Sur l’hôte du planificateur, créez un jeton de lecture (affiché une seule fois) et collez-le ici :',
  tokenLink: 'Ou ouvrez le lien d’administration à usage unique que le planificateur a affiché en démarrant sans aucun jeton d’API (planner.admin_link dans son journal) : il connecte ce navigateur sans jeton.',
  hTimeline: 'État par période d’évaluation', hOver: '{n} derniers jours :', hShare: '{pct} % des périodes à l’heure ({on} sur {total})', hNoData: 'aucune période avec des données pour l’instant',
  hDays: '{n} jours', hWindow: 'Fenêtre de temps', hNoEval: 'pas encore d’évaluation', hPeriods: '{n} périodes', hStatus: 'état',
  hTimelineLabel: 'État par période d’évaluation sur les {days} derniers jours : {share}',
  hAge: 'Âge de la dernière bonne sauvegarde face à la période et à la période + délai de grâce', hPeriod: 'période : {d}', hLimit: 'période + délai de grâce : {d} (en retard au-dessus de cette ligne)',
  hNoGood: 'aucune bonne sauvegarde connue', hAgeLabel: 'Âge de la dernière bonne sauvegarde sur les {days} derniers jours : {age} maintenant, en retard au-delà de {limit}.', hAgeOver: 'Il a dépassé la limite dans cette fenêtre.',
  error: 'Erreur : {message}',
};

const catalogs = { en, fr };
let lang = (() => {
  const saved = localStorage.getItem('lyncdr.lang');
  if (saved === 'en' || saved === 'fr') return saved;
  return (navigator.language || 'en').toLowerCase().startsWith('fr') ? 'fr' : 'en';
})();

export const getLang = () => lang;
export function setLang(l) {
  lang = l === 'fr' ? 'fr' : 'en';
  localStorage.setItem('lyncdr.lang', lang);
  document.documentElement.lang = lang;
}

export function t(key, vars = {}) {
  const text = catalogs[lang][key] ?? en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_m, k) => String(vars[k] ?? ''));
}

/** The reason of a status entry, history row or alert in the current language (the policy's English `reason` in English). */
export function reasonOf(entry) {
  return lang === 'en' ? entry.reason : formatReason(entry, lang);
}

/** Fills every element with `data-i18n="key"` (text) or `data-i18n-label="key"` (aria-label). */
export function translatePage(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-label]')) el.setAttribute('aria-label', t(el.dataset.i18nLabel));
}

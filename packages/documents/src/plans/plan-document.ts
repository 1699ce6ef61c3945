/**
 * Turns a DR plan (from the engine in @lyncdr/domain) into a printable Document: the goal, the state it starts from,
 * warnings, the rules every operator must know, then numbered steps with command, verification, where to run it,
 * expected duration and timing boxes, and a sign-off block.
 */
import type { DrState, Plan, PlanText } from '@lyncdr/domain';
import type { Block, Document, DocumentMeta, Lang, Text } from '../model';
import { renderGoal, renderPlanCommand, renderPlanText } from '../text/plan-text';
import { revisionBlocks, revisionMeta, type RevisionOptions } from '../revision/revision-block';

export interface PlanDocumentOptions extends RevisionOptions {
  lang: Lang;
  /** ISO 8601 time (the injected clock). */
  now: string;
  deployment: string | null;
  inputRevision: string | null;
  /** The state the plan starts from (printed as facts). */
  state: DrState;
}

const L = {
  en: {
    title: 'Disaster recovery plan',
    goal: 'Goal', start: 'Starting state', down: 'Down', failedOver: 'Failed over', cms: 'Active Central Management store', none: 'none',
    warnings: 'Warnings', rules: 'Rules', steps: 'Steps', signOff: 'Sign-off',
    rule1: '-PoolFqdn of Invoke-CsPoolFailOver and Invoke-CsPoolFailBack always names the pool that suffered the disaster (the users\' home pool), in both directions; the failback uses the same FQDN as the failover.',
    rule2: 'Only one direction of a pair can be failed over at a time: fail back first, then fail the other direction over.',
    rule3: 'Restoring conference content is the opposite: Invoke-CsBackupServiceSync -PoolFqdn names the partner of the pool that lost the data.',
    manual: 'Manual step', roles: ['Performed by', 'Verified by', 'Approved by (change owner)'],
    noSteps: 'Nothing to do from this state.',
  },
  fr: {
    title: 'Plan de reprise après sinistre',
    goal: 'Objectif', start: 'État de départ', down: 'Hors service', failedOver: 'Basculés', cms: 'Magasin central de gestion actif', none: 'aucun',
    warnings: 'Avertissements', rules: 'Règles', steps: 'Étapes', signOff: 'Validation',
    rule1: 'Le paramètre -PoolFqdn de Invoke-CsPoolFailOver et Invoke-CsPoolFailBack désigne toujours le pool touché par le sinistre (le pool d’origine des utilisateurs), dans les deux sens ; la restauration automatique utilise le même FQDN que le basculement.',
    rule2: 'Un seul sens d’une paire peut être basculé à la fois : effectuer d’abord la restauration automatique, puis le basculement dans l’autre sens.',
    rule3: 'Pour restaurer le contenu de conférence, c’est l’inverse : Invoke-CsBackupServiceSync -PoolFqdn désigne le partenaire du pool qui a perdu les données.',
    manual: 'Étape manuelle', roles: ['Exécuté par', 'Vérifié par', 'Approuvé par (responsable de la modification)'],
    noSteps: 'Rien à faire depuis cet état.',
  },
} as const;

export function buildPlanDocument(p: Plan, opts: PlanDocumentOptions): Document {
  const l = L[opts.lang];
  const s = opts.state;
  const heading = `${l.title}${opts.lang === 'fr' ? ' : ' : ': '}${renderGoal(p.goalSpec, opts.lang)}`;
  const text = (t: PlanText): string => renderPlanText(t, opts.lang);
  const failed = Object.entries(s.failedOver).map(([h, v]) => `${h} → ${v}`);
  const blocks: Block[] = [
    { type: 'heading', level: 1, text: heading },
    {
      type: 'keyvalue',
      pairs: [
        [l.goal, { text: `lyncdr plan ${p.goal}`, style: 'code' }],
        [l.down, s.down.length ? s.down.join(', ') : l.none],
        [l.failedOver, failed.length ? failed.join(', ') : l.none],
        [l.cms, s.cmsActive ?? l.none],
      ],
    },
    { type: 'heading', level: 2, text: l.rules },
    { type: 'list', ordered: false, items: [l.rule1, l.rule2, l.rule3] },
  ];
  if (p.warnings.length > 0) {
    blocks.push({ type: 'heading', level: 2, text: l.warnings });
    for (const w of p.warnings) blocks.push({ type: 'paragraph', tone: 'warning', text: text(w) });
  }
  blocks.push({ type: 'heading', level: 2, text: l.steps });
  if (p.steps.length === 0) blocks.push({ type: 'paragraph', text: l.noSteps });
  for (const step of p.steps) {
    const body: Text[] = [];
    if (step.instructions.length > 0) body.push(step.instructions.map(text).join(' '));
    for (const n of step.notes) body.push(text(n));
    blocks.push({
      type: 'step',
      n: step.n,
      title: (step.manual ? `${l.manual} — ` : '') + text(step.title),
      ...(body.length > 0 ? { body: body.flatMap((b, i) => (i === 0 ? [b as string] : [' ', b as string])) } : {}),
      commands: step.command ? [renderPlanCommand(step, opts.lang) ?? ''] : [],
      ...(step.check ? { verify: text(step.check) } : {}),
      on: step.on,
      durationMinutes: step.durationMinutes,
      timing: true,
      manual: step.manual,
      ref: step.ref,
    });
  }
  blocks.push({ type: 'heading', level: 2, text: l.signOff }, { type: 'signature', roles: [...l.roles] });
  const meta: DocumentMeta = {
    title: heading,
    lang: opts.lang,
    deployment: opts.deployment,
    generatedAt: opts.now,
    inputRevision: opts.inputRevision,
    ...revisionMeta(opts),
    orientation: 'portrait',
    keywords: ['lyncdr', 'plan', p.goalSpec.kind, 'Lync Server 2013'],
  };
  return { meta, blocks: [...blocks, ...revisionBlocks(meta)] };
}

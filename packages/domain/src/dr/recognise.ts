/**
 * Recognises the operation a plan step performs: its explicit `op` field, or else its PowerShell `command`
 * (cmdlet + parameters). Read-only and unknown commands have no effect on the state; unknown cmdlets and parameters
 * (and the errata parameters) are caught before, by the cmdlet check (cmdlets/validate.ts). A recognised command that
 * misuses a parameter is a violation; an FQDN the deployment does not know is bad input.
 */
import { LyncdrError } from '@lyncdr/errors';
import type { Topology } from '@lyncdr/topology';
import { violation } from './draft';
import { hasSwitch, param, parsePowerShell, type PsCommand } from './powershell';
import { abcStage, type AbcNames } from './operations/abc-stages';
import { REF } from './refs';
import { EMPTY_CONTEXT, type ReplayContext } from './replay-context';
import { findPool, partnerOf, poolOfSqlServer } from './topology-view';
import type { DrState, Op, Violation } from './types';

export interface StepInput {
  command?: string | null;
  op?: Op | null;
  on?: string | null;
}

/** The operation of a step; `implied` are the manual ABC steps a command-only step presupposes, applied first. */
export type Recognised = { op: Op; implied?: Op[] } | { violation: Violation } | null;

function resolver(state: DrState, t: Topology, where: string, ctx: ReplayContext) {
  return (raw: string, what: string): string => {
    const v = raw.replace(/^(EdgeServer|Registrar|service:ApplicationServer|ApplicationServer):/i, '').trim();
    const p = findPool(t, v);
    if (p) return p.fqdn;
    const extra = state.pools.find((x) => x.toLowerCase() === v.toLowerCase());
    if (extra) return extra;
    const abc = Object.values(state.abc).find((a) => a.newPool.toLowerCase() === v.toLowerCase());
    if (abc) return abc.newPool;
    const rebuild = ctx.rebuilds.find((r) => r.c.toLowerCase() === v.toLowerCase());
    if (rebuild) return rebuild.c;
    throw new LyncdrError('E_STEPS', `unknown FQDN "${raw}" (${what}): it is not a pool of the topology; check the spelling`, { location: { where } });
  };
}

/** The pool a step runs on, from -ComputerName or the step's `on` (a pool FQDN or one of its machines). */
function runsOn(state: DrState, t: Topology, cmd: PsCommand, on: string | null | undefined, ctx: ReplayContext): string | null {
  const target = param(cmd, 'ComputerName') || on || '';
  if (!target) return null;
  const key = target.toLowerCase();
  const pool = t.pools.find((p) => p.fqdn.toLowerCase() === key || p.machines.some((m) => m.toLowerCase() === key));
  if (pool) return pool.fqdn;
  return state.pools.find((p) => p.toLowerCase() === key) ?? ctx.rebuilds.find((r) => r.c.toLowerCase() === key)?.c ?? null;
}

function abcFor(state: DrState, pool: string | null, ctx: ReplayContext): [string, { partner: string; newPool: string }] | null {
  if (!pool) return null;
  const hit = Object.entries(state.abc).find(([, p]) => p.newPool === pool || p.partner === pool);
  if (hit) return hit;
  const r = ctx.rebuilds.find((x) => !state.abc[x.a] && (x.c === pool || x.b === pool));
  return r ? [r.a, { partner: r.b, newPool: r.c }] : null;
}

function abcOp(a: string, p: { partner: string; newPool: string }, stage: string): Op {
  return { id: 'abc', args: { failed: a, partner: p.partner, newPool: p.newPool, stage } };
}

export function recogniseStep(step: StepInput, state: DrState, t: Topology, where: string, ctx: ReplayContext = EMPTY_CONTEXT): Recognised {
  if (step.op) return { op: step.op };
  if (!step.command) return null;
  const pool = resolver(state, t, where, ctx);
  for (const cmd of parsePowerShell(step.command)) {
    const name = cmd.name.toLowerCase();
    switch (name) {
      case 'invoke-cspoolfailover':
      case 'invoke-cspoolfailback': {
        const fqdn = param(cmd, 'PoolFqdn');
        if (!fqdn) return { violation: violation('missing-parameter', `${cmd.name} needs -PoolFqdn <the users' home pool>`, REF.failoverCmdlet) };
        const p = pool(fqdn, '-PoolFqdn');
        return { op: { id: name === 'invoke-cspoolfailover' ? 'pool-failover' : 'pool-failback', args: { pool: p, disaster: hasSwitch(cmd, 'DisasterMode') } } };
      }
      case 'invoke-csmanagementserverfailover': {
        if (hasSwitch(cmd, 'WhatIf')) return null;
        const sql = param(cmd, 'BackupSqlServerFqdn');
        if (!sql) return { op: { id: 'cms-failover', args: { planned: true } } };
        if (!hasSwitch(cmd, 'Force')) return { violation: violation('missing-parameter', 'the disaster form of Invoke-CsManagementServerFailover requires -Force', REF.cmsCmdlet) };
        const to = poolOfSqlServer(t, sql) ?? (state.cmsActive ? partnerOf(state, state.cmsActive) : null) ?? '';
        return { op: { id: 'cms-failover', args: { to } } };
      }
      case 'invoke-csdatabasefailover':
        return { op: { id: 'db-failover', args: { pool: pool(param(cmd, 'PoolFqdn'), '-PoolFqdn'), type: param(cmd, 'DatabaseType'), newPrincipal: param(cmd, 'NewPrincipal') } } };
      case 'set-csedgeserver': {
        const hop = param(cmd, 'Registrar');
        if (!hop) return null;
        return { op: { id: 'edge-next-hop', args: { edge: pool(param(cmd, 'Identity') || (cmd.positional[0] ?? ''), '-Identity'), hop: pool(hop, '-Registrar') } } };
      }
      case 'set-cssite': {
        const route = param(cmd, 'XmppFederationRoute');
        if (!route) return null;
        return { op: { id: 'xmpp-federation-route', args: { to: pool(route, '-XmppFederationRoute') } } };
      }
      case 'invoke-csbackupservicesync': {
        const syncPool = pool(param(cmd, 'PoolFqdn'), '-PoolFqdn');
        const module = param(cmd, 'BackupModule');
        if (module.toLowerCase() === 'confservices.dataconf') return { op: conferenceRestore(syncPool, state, ctx) };
        return { op: { id: 'backup-sync', args: { pool: syncPool, module } } };
      }
      default: {
        const abc = recogniseAbc(cmd, name, step, state, t, pool, ctx);
        if (abc) return withImplied(abc, state, t);
      }
    }
  }
  return null;
}

/**
 * `Invoke-CsBackupServiceSync -PoolFqdn X -BackupModule ConfServices.DataConf` restores conference content: X must be
 * the partner of the pool that lost it. The pool that lost it is X itself when X was failed back earlier in the same
 * steps (the page's failback case: the content is copied back to the home pool); otherwise X's partner.
 */
function conferenceRestore(syncPool: string, state: DrState, ctx: ReplayContext): Op {
  const lost = ctx.failedBack.includes(syncPool) ? syncPool : (partnerOf(state, syncPool) ?? syncPool);
  return { id: 'conference-content-restore', args: { pool: lost, syncPool } };
}

/**
 * A command-only ABC step presupposes the manual steps before it that no command shows (Topology Builder build of C,
 * the conference content copy, the re-pairing): they are implied, in order, when they are not done yet.
 */
function withImplied(r: Recognised, state: DrState, t: Topology): Recognised {
  if (!r || !('op' in r) || r.op.id !== 'abc') return r;
  const args = r.op.args;
  const n: AbcNames = { a: String(args.failed), b: String(args.partner), c: String(args.newPool) };
  const done = new Set(state.abc[n.a]?.done ?? []);
  const implied: Op[] = [];
  const visit = (id: string): void => {
    const stage = abcStage(id);
    if (!stage || done.has(id)) return;
    if (stage.when && !stage.when(t, state, n)) return;
    for (const before of stage.after) {
      const prior = abcStage(before);
      if (prior && prior.command === null) visit(before);
    }
    if (stage.command === null) {
      done.add(id);
      implied.push({ id: 'abc', args: { ...args, stage: id } });
    }
  };
  visit(String(args.stage));
  return implied.length > 0 ? { op: r.op, implied } : r;
}

function recogniseAbc(cmd: PsCommand, name: string, step: StepInput, state: DrState, t: Topology, pool: (raw: string, what: string) => string, replay: ReplayContext): Recognised {
  const byName = (fqdn: string): ReturnType<typeof abcFor> => {
    try {
      return abcFor(state, fqdn ? pool(fqdn, 'pool') : null, replay);
    } catch {
      return null;
    }
  };
  const onPool = runsOn(state, t, cmd, step.on, replay);
  const ctx = abcFor(state, onPool, replay);
  const stageOf = (hit: ReturnType<typeof abcFor>, stage: string): Recognised => (hit ? { op: abcOp(hit[0], hit[1], stage) } : null);
  switch (name) {
    case 'move-csuser':
      return stageOf(byName(param(cmd, 'Target')), 'move-users');
    case 'move-csconferencedirectory':
      return stageOf(byName(param(cmd, 'TargetPool')), 'move-conference-directory');
    case 'move-csapplicationendpoint':
      return stageOf(byName(param(cmd, 'TargetApplicationPool')), 'move-caa');
    case 'export-csuserdata':
      return stageOf(byName(param(cmd, 'PoolFqdn')), 'export-userdata');
    case 'import-csuserdata':
      return stageOf(byName(param(cmd, 'PoolFqdn')), 'import-userdata');
    case 'set-cscallparkorbit':
      return stageOf(byName(param(cmd, 'CallParkService')), 'call-park');
    case 'remove-csuserstorebackupdata':
      return stageOf(byName(param(cmd, 'PoolFqdn')), 'remove-backup-data');
    case 'import-csrgsconfiguration': {
      const hit = byName(param(cmd, 'Destination'));
      if (!hit) return null;
      return stageOf(hit, param(cmd, 'Destination').toLowerCase().endsWith(hit[1].newPool.toLowerCase()) ? 'rgs-import-c' : 'rgs-import-b');
    }
    case 'export-csrgsconfiguration':
      return stageOf(byName(param(cmd, 'Source')), hasSwitch(cmd, 'RemoveExportedConfiguration') ? 'rgs-remove-b' : 'rgs-export-b');
    case 'start-cswindowsservice':
    case 'stop-cswindowsservice': {
      if (!ctx || !onPool) return null;
      const isC = onPool === ctx[1].newPool;
      const backup = /^lyncbackup$/i.test(param(cmd, 'Name') || (cmd.positional[0] ?? ''));
      if (name === 'stop-cswindowsservice') return backup && !isC ? stageOf(ctx, 'stop-backup-b') : null;
      if (backup) return stageOf(ctx, isC ? 'start-backup-c' : 'start-backup-b');
      return isC && !param(cmd, 'Name') ? stageOf(ctx, 'start-c') : null;
    }
    case 'start-cspool': {
      const target = param(cmd, 'PoolFqdn') || (cmd.positional[0] ?? '');
      const hit = byName(target);
      return hit && target.toLowerCase() === hit[1].newPool.toLowerCase() ? stageOf(hit, 'start-c') : null;
    }
    case 'install-csdatabase':
      return hasSwitch(cmd, 'CentralManagementDatabase') ? stageOf(byName(param(cmd, 'SqlServerFqdn')), 'standby-cms') : null;
    default:
      if (/bootstrapper\.exe$/i.test(cmd.name) && ctx && onPool === ctx[1].newPool) return stageOf(ctx, 'bootstrap-c');
      return null;
  }
}

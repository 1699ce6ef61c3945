/**
 * One naming scheme of backup files (packages/domain inventory/backup-files.ts): every document that exports or imports
 * a configuration, LIS, user data, Response Group or Persistent Chat file — the worksheets (inventory commands and
 * restoration scenarios) and the backup and restore runbooks — names the same file for the same data, with the
 * defaults and with the overlay's `backupFiles:` override. The deployment is built here: two sites, paired
 * Enterprise Edition pools, Persistent Chat, Edge.
 */
import { describe, expect, it } from 'vitest';
import { allRunbooks, buildWorksheet, restoreScenarios, type Document } from '../packages/documents/src/index';
import { buildInventory, buildState, createSampleTopology, DEFAULT_BACKUP_FILES, plan } from '../packages/domain/src/index';
import { parseOverlay, type Topology } from '../packages/topology/src/index';

const FILE_CMDLETS = /^(Export|Import)-Cs(Configuration|LisConfiguration|UserData|RgsConfiguration|PersistentChatData)$/i;

/** Runbooks whose file is not a backup: restore-member exports the configuration for one Edge Server on the spot. */
const NOT_BACKUPS = new Set(['restore-member']);

function deployment(overlayYaml: string | null): Topology {
  const overlay = overlayYaml ? parseOverlay(overlayYaml, { file: 'lyncdr.yaml' }) : null;
  return createSampleTopology({ domain: 'fabrikam.test', persistentChat: true, edge: true, overlay });
}

function lines(doc: Document): string[] {
  return doc.blocks.flatMap((b) => (b.type === 'step' ? b.commands : b.type === 'code' && b.language === 'powershell' ? b.lines : []));
}

/** Cmdlet noun → file names (without folder) that the commands pass to -FileName. */
function filesByNoun(commands: string[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const line of commands) {
    const m = /^(\S+)\s.*-FileName\s+"([^"]+)"/.exec(line);
    const cmd = m && FILE_CMDLETS.exec(m[1]!);
    if (!m || !cmd) continue;
    const noun = cmd[2]!.toLowerCase();
    const name = m[2]!.split('\\').pop()!;
    out.set(noun, (out.get(noun) ?? new Set()).add(name));
  }
  return out;
}

function everyCommand(t: Topology): string[] {
  const inv = buildInventory(t);
  const out = inv.items.flatMap((i) => (i.command ? [i.command] : []));
  for (const sc of restoreScenarios(t, inv)) for (const st of sc.steps) if (st.command) out.push(st.command);
  out.push(...lines(buildWorksheet('all', t, inv, { lang: 'en', now: '2026-01-15T09:30:00.000Z', inputRevision: 't' })));
  for (const spec of allRunbooks()) {
    if (NOT_BACKUPS.has(spec.id)) continue;
    for (const pools of [[], ...t.pools.map((p) => [p.fqdn])]) {
      const opts = { lang: 'en' as const, pools, now: '2026-01-15T09:30:00.000Z', inputRevision: 't' };
      if (spec.applies(t, opts) === null) out.push(...lines(spec.build(t, opts)));
    }
  }
  return out;
}

describe('one backup file naming scheme across worksheets and runbooks', () => {
  it('the defaults are the Microsoft backup page names, with the pool where there is one file per pool', () => {
    const files = filesByNoun(everyCommand(deployment(null)));
    expect(DEFAULT_BACKUP_FILES.configuration).toBe('Config.zip');
    expect([...files.get('configuration')!]).toEqual(['Config.zip']);
    expect([...files.get('lisconfiguration')!]).toEqual(['E911Config.zip']);
    expect([...files.get('userdata')!].sort()).toEqual(['ExportedUserData-pool-dub.fabrikam.test.zip', 'ExportedUserData-pool-red.fabrikam.test.zip']);
    expect([...files.get('rgsconfiguration')!].every((n) => /^RgsConfiguration-pool-(red|dub)\.fabrikam\.test\.zip$/.test(n))).toBe(true);
    expect([...files.get('persistentchatdata')!]).toEqual(['PersistentChatData-sqlpc-red.fabrikam.test.zip']);
  });

  it('the overlay renames a kind everywhere at once', () => {
    const t = deployment('deployment: Fabrikam\nbackupFiles:\n  configuration: CsConfiguration.zip\n  userData: UserData_{pool}.zip\n');
    const files = filesByNoun(everyCommand(t));
    expect([...files.get('configuration')!]).toEqual(['CsConfiguration.zip']);
    expect([...files.get('userdata')!].sort()).toEqual(['UserData_pool-dub.fabrikam.test.zip', 'UserData_pool-red.fabrikam.test.zip']);
    expect([...files.get('lisconfiguration')!]).toEqual(['E911Config.zip']);
  });

  it('plans name the same files in their blanks (the lost pool\'s LIS and Response Group exports)', () => {
    const t = deployment('deployment: Fabrikam\nbackupFiles:\n  rgs: RGS_{pool}.zip\n  lis: LIS.zip\n');
    const red = 'pool-red.fabrikam.test';
    const files = (goal: Parameters<typeof plan>[0]): string[] =>
      plan(goal, buildState(t, { down: [red] }), t).steps.flatMap((s) => s.blanks.map((b) => String(b.params.file ?? ''))).filter((f) => f !== '');
    expect(files({ kind: 'failover', pool: red })).toContain('RGS_pool-red.fabrikam.test.zip');
    expect(files({ kind: 'rebuild', failed: red, newFqdn: 'pool-red2.fabrikam.test' })).toEqual(expect.arrayContaining(['RGS_pool-red.fabrikam.test.zip', 'LIS.zip']));
  });

  it('the overlay key is checked: a known kind, a file name without folder, the placeholder of per-pool files', () => {
    expect(() => parseOverlay('backupFiles:\n  userdata: x-{pool}.zip\n', { file: 'lyncdr.yaml' })).toThrow(/unknown kind; use configuration, lis, userData, rgs, persistentChat/);
    expect(() => parseOverlay('backupFiles:\n  userData: UserData.zip\n', { file: 'lyncdr.yaml' })).toThrow(/must contain \{pool\}/);
    expect(() => parseOverlay('backupFiles:\n  configuration: C:\\\\x\\\\Config.zip\n', { file: 'lyncdr.yaml' })).toThrow(/a file name only/);
  });
});

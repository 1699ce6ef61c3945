import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exportStates, importStates, normaliseBackupStatus } from './backup-service';
import { normaliseMirrorRows } from './mirror-state';

// Conformance against the real-world captures in ../shared/fixtures/cmdlet-output (never copied into the project).
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const dir = path.resolve(repo, '../shared/fixtures/cmdlet-output');
if (!existsSync(dir)) console.warn(`skipped: cmdlet-output conformance tests (${dir} is absent)`);
const read = (f: string) => readFileSync(path.join(dir, f), 'utf8');

/** Rows of a PowerShell table capture (header, dashes, then whitespace-separated columns), comments dropped. */
function tableRows(text: string): Record<string, string>[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() && !l.startsWith('#'));
  const header = lines[0]!.trim().split(/\s+/);
  return lines.slice(2).map((l) => Object.fromEntries(l.trim().split(/\s+/).map((v, i) => [header[i]!, v])));
}

/** Objects of a Format-List capture (`Name : value` lines, blank lines between properties), comments dropped. */
function listObject(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const l of text.split(/\r?\n/)) {
    const m = /^(\w+)\s*:\s*(.*)$/.exec(l);
    if (m && !l.startsWith('#')) out[m[1]!] = m[2]!.trim();
  }
  return out;
}

describe.skipIf(!existsSync(dir))('bridge normalisers on the cmdlet-output fixtures', () => {
  it('Get-CsBackupServiceStatus BackupModules table (jenstr blog, a pool that is not the CMS master) is healthy', () => {
    const rows = tableRows(read('get-csbackupservicestatus.backupmodules.jenstr-2012.txt'));
    expect(rows.map((r) => r.Identity)).toEqual(['UserServices.PresenceFocus', 'ConfServices.DataConf', 'CentralMgmt.CMSMaster']);
    const r = normaliseBackupStatus('pool.contoso.test', rows, null);
    expect(r.findings).toEqual([]);
    expect(r.modules.every((m) => m.healthy)).toBe(true);
  });

  it('the synthetic status shape parses, and its state vocabulary is ours', () => {
    const raw = JSON.parse(read('backup-service-status.SYNTHETIC.json'));
    const r = normaliseBackupStatus(raw.poolFqdn, raw, raw.backupPoolFqdn);
    expect(r.modules.map((m) => m.identity)).toEqual(['UserServices.PresenceFocus', 'ConfServices.DataConf', 'CentralMgmt.CMSMaster']);
    expect([...exportStates].sort()).toEqual([...raw.allowedExportStates].sort());
    expect([...importStates].sort()).toEqual([...raw.allowedImportStates].sort());
    // The fixture names a different pool as backup, so CMSMaster NotInitialized is acceptable there.
    expect(r.findings).toEqual([]);
  });

  it('Get-CsDatabaseMirrorState Format-List output for a database without a mirror reads as not mirrored', () => {
    const obj = listObject(read('get-csdatabasemirrorstate.lcscdr-not-mirrored.msdocs.txt'));
    expect(obj.DatabaseName).toBe('lcscdr');
    const r = normaliseMirrorRows('pool.contoso.test', obj);
    expect(r.findings).toEqual([]);
    expect(r.databases).toEqual([expect.objectContaining({ databaseName: 'lcscdr', status: 'not-mirrored', mirroringStatusOnMirror: null })]);
  });
});

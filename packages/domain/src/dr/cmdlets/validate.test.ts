import { describe, expect, it } from 'vitest';
import { buildState, checkPlan } from '../index';
import { buildTopology } from '../testing/build-topology';
import { commandProblems } from './validate';
import { commandUses } from './command-uses';

describe('commandUses (the PowerShell line reader of the cmdlet check)', () => {
  it('finds commands in pipelines and script blocks, ignores strings, placeholders and operators', () => {
    expect(commandUses('Get-CsBackupServiceStatus -PoolFqdn "a-b.c" | Select-Object -ExpandProperty BackupModules')).toEqual([
      { command: 'Get-CsBackupServiceStatus', params: ['PoolFqdn'] },
      { command: 'Select-Object', params: ['ExpandProperty'] },
    ]);
    expect(commandUses('$Backup = "\\\\srv\\share -NotAParam"')).toEqual([]);
    expect(commandUses('Get-CsPool | Where-Object { $_.Fqdn -eq "x" } ; Enable-CsTopology -Verbose:$true')).toEqual([
      { command: 'Get-CsPool', params: [] },
      { command: 'Where-Object', params: [] },
      { command: 'Enable-CsTopology', params: ['Verbose'] },
    ]);
    expect(commandUses('robocopy "\\\\a\\b" "c" /E /XF Meeting.Active')).toEqual([{ command: 'robocopy', params: [] }]);
    expect(commandUses('Get-CsUser -Filter {RegistrarPool -eq "p1"} | Move-CsUser -Target <TBD (Get-CsPool -Bogus)> -Force')).toEqual([
      { command: 'Get-CsUser', params: ['Filter'] },
      { command: 'Move-CsUser', params: ['Target', 'Force'] },
    ]);
    expect(commandUses('& "$env:SystemDrive\\Program Files\\Microsoft Lync Server 2013\\Deployment\\Bootstrapper.exe"')).toEqual([{ command: 'Bootstrapper.exe', params: [] }]);
    expect(commandUses('$x = Get-CsPool -Identity p1')).toEqual([{ command: 'Get-CsPool', params: ['Identity'] }]);
  });
});

describe('commandProblems (Lync Server 2013 cmdlet index)', () => {
  it('accepts documented cmdlets, parameters, common parameters and the allowed programs', () => {
    for (const line of [
      'Invoke-CsPoolFailOver -PoolFqdn p1.contoso.com -DisasterMode -Verbose',
      'invoke-cspoolfailover -poolfqdn p1.contoso.com -disastermode -ErrorAction Stop',
      'Import-CsRgsConfiguration -Destination "service:ApplicationServer:p1" -OverwriteOwner -ReplaceExistingRgsSettings -FileName x.zip',
      'robocopy "\\\\a\\b" "c" /E',
      'xcopy a b',
      '& "C:\\x\\Bootstrapper.exe"',
      'Get-CsUser -Filter {RegistrarPool -eq "p1"} | Move-CsUser -Target p3 -Force',
    ]) expect(commandProblems(line), line).toEqual([]);
  });

  it('names an invented cmdlet and the closest real one', () => {
    const [p] = commandProblems('Set-CsPoolBackupRelationship -PoolFqdn p1.contoso.com');
    expect(p).toMatchObject({ rule: 'unknown-cmdlet', command: 'Set-CsPoolBackupRelationship', suggestion: 'Get-CsPoolBackupRelationship' });
    expect(p?.message).toMatch(/closest: Get-CsPoolBackupRelationship/);
    expect(commandProblems('Frobnicate-CsThing')[0]?.rule).toBe('unknown-cmdlet');
    expect(commandProblems('nslookup -type=SRV _sipfederationtls._tcp.contoso.com')[0]?.rule).toBe('unknown-cmdlet');
  });

  it('names every invented parameter and the closest real one', () => {
    const ps = commandProblems('Invoke-CsPoolFailOver -PoolFqdn p1.contoso.com -DisasterModus -TargetPool p2.contoso.com');
    expect(ps.map((p) => [p.rule, p.parameter, p.suggestion])).toEqual([
      ['unknown-parameter', 'DisasterModus', 'DisasterMode'],
      ['unknown-parameter', 'TargetPool', expect.any(String)],
    ]);
    expect(ps[0]?.ref).toBe('cmdlets/Invoke-CsPoolFailOver.md');
  });

  it('tells parameters and cmdlets of later products and the errata of the pages apart', () => {
    expect(commandProblems('Set-CsBackupServiceConfiguration -EnableRgsBackupService $true')[0]).toMatchObject({ rule: 'parameter-not-in-version', parameter: 'EnableRgsBackupService' });
    expect(commandProblems('Test-CsManagementServer')[0]?.rule).toBe('cmdlet-not-in-version');
    expect(commandProblems('Get-CsBackupServiceStatus -PoolFqdn p1 -BackupModule ConfServices.DataConf')[0]?.rule).toBe('erratum-parameter');
    expect(commandProblems('Import-CsRgsConfiguration -Destination "service:ApplicationServer:p1" -ReplaceExistingSettings -FileName x.zip')[0]).toMatchObject({ rule: 'erratum-parameter', parameter: 'ReplaceExistingSettings' });
  });
});

describe('plan check rejects invented cmdlets and parameters (a hand-built two-site deployment)', () => {
  const t = buildTopology({
    pools: [
      { fqdn: 'fe-north.fabrikam.test', site: 'North', kind: 'FrontEnd', machines: ['n1.fabrikam.test', 'n2.fabrikam.test'], sql: { server: 'sqln.fabrikam.test', mirror: null } },
      { fqdn: 'fe-south.fabrikam.test', site: 'South', kind: 'FrontEnd', machines: ['s1.fabrikam.test'], sql: { server: 'sqls.fabrikam.test', mirror: null } },
    ],
    pairs: [['fe-north.fabrikam.test', 'fe-south.fabrikam.test']],
    cmsPool: 'fe-north.fabrikam.test',
  });
  const state = buildState(t, { down: ['fe-north.fabrikam.test'], cmsActive: 'fe-south.fabrikam.test' });

  it('an invented cmdlet no longer replays "cleanly"', () => {
    const r = checkPlan([{ command: 'Get-CsPool' }, { command: 'Set-CsPoolBackupRelationship -PoolFqdn fe-north.fabrikam.test -BackupPoolFqdn fe-south.fabrikam.test' }], state, t);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.violation).toMatchObject({ rule: 'unknown-cmdlet', stepN: 2, ref: 'cmdlets/Get-CsPoolBackupRelationship.md' });
  });

  it('a misspelt switch is reported as such, before the replay rules', () => {
    const r = checkPlan([{ command: 'Invoke-CsPoolFailOver -PoolFqdn fe-north.fabrikam.test -DisasterModus -TargetPool fe-south.fabrikam.test' }], state, t);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.violation.rule).toBe('unknown-parameter');
      expect(r.violation.message).toMatch(/-DisasterModus; closest: -DisasterMode/);
      expect(r.violation.message).toMatch(/-TargetPool/);
    }
    expect(checkPlan([{ command: 'Invoke-CsPoolFailOver -PoolFqdn fe-north.fabrikam.test -DisasterMode' }], state, t).ok).toBe(true);
  });

  it('checks the command of a step that also carries op', () => {
    const r = checkPlan([{ command: 'Invoke-CsPoolFailOver -PoolFqdn fe-north.fabrikam.test -DisasterMod', op: { id: 'pool-failover', args: { pool: 'fe-north.fabrikam.test', disaster: true } } }], state, t);
    expect(r.ok ? null : r.violation.rule).toBe('unknown-parameter');
  });
});

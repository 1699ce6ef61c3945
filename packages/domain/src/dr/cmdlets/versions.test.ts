import { describe, expect, it } from 'vitest';
import { CMDLET_SETS, commandProblems } from './validate';

/**
 * The SfB 2015 and 2019 cmdlet sets (generated from the pages' `applicable:` front matter and per-parameter
 * `> Applicable:` lines, ../shared/reference/docs-en/cmdlets and docs-sfb/cmdlets; docs-sfb/INDEX.md Group 4).
 */
const rules = (line: string, v: keyof typeof CMDLET_SETS) => commandProblems(line, v).map((p) => `${p.rule} ${p.parameter ?? p.command}`);

describe('cmdlet sets per product version', () => {
  it('names each product as its pages do', () => {
    expect(CMDLET_SETS.lync2013.product).toBe('Lync Server 2013');
    expect(CMDLET_SETS.sfb2015.product).toBe('Skype for Business Server 2015');
    expect(CMDLET_SETS.sfb2019.product).toBe('Skype for Business Server 2019');
    expect(CMDLET_SETS.sfb2019.source).toBe('docs-en/cmdlets, docs-sfb/cmdlets');
  });

  it('has no Get-CsDatabaseMirrorState -PoolFqdn in SfB 2019 (mirroring is gone), but has it up to 2015', () => {
    const line = 'Get-CsDatabaseMirrorState -PoolFqdn pool01.contoso.example -DatabaseType User';
    expect(rules(line, 'lync2013')).toEqual([]);
    expect(rules(line, 'sfb2015')).toEqual([]);
    expect(rules(line, 'sfb2019')).toEqual(['parameter-not-in-version PoolFqdn', 'parameter-not-in-version DatabaseType']);
    expect(commandProblems(line, 'sfb2019')[0]!.message).toBe(
      'Get-CsDatabaseMirrorState -PoolFqdn does not exist in Skype for Business Server 2019 (it applies to Lync Server 2013, Skype for Business Server 2015)',
    );
  });

  it('has Start-CsPool and Invoke-CsComputerFailOver/FailBack from SfB 2015 on, not in Lync Server 2013', () => {
    for (const line of [
      'Start-CsPool -PoolFqdn pool01.contoso.example -QuorumLossRecovery',
      'Invoke-CsComputerFailOver -ComputerName fe01a.contoso.example -WaitTime 00:30:00',
      'Invoke-CsComputerFailBack -ComputerName fe01a.contoso.example',
    ]) {
      expect(rules(line, 'sfb2015'), line).toEqual([]);
      expect(rules(line, 'sfb2019'), line).toEqual([]);
      expect(commandProblems(line, 'lync2013').map((p) => p.rule), line).toEqual(['unknown-cmdlet']);
    }
  });

  it('keeps the parameters gained in SfB 2015 out of Lync Server 2013', () => {
    const line = 'Debug-CsInterPoolReplication -PoolFqdn p1 -DatabaseCommandTimeoutInSeconds 600';
    expect(rules(line, 'lync2013')).toEqual(['parameter-not-in-version DatabaseCommandTimeoutInSeconds']);
    expect(rules(line, 'sfb2015')).toEqual([]);
    expect(rules(line, 'sfb2019')).toEqual([]);
  });

  it('knows a cmdlet whose page does not apply to SfB 2019', () => {
    expect(rules('Get-CsPoolUpgradeReadinessState', 'sfb2015')).toEqual([]);
    expect(rules('Get-CsPoolUpgradeReadinessState', 'sfb2019')).toEqual(['cmdlet-not-in-version Get-CsPoolUpgradeReadinessState']);
  });

  it('defaults to Lync Server 2013', () => {
    expect(commandProblems('Start-CsPool -PoolFqdn p1')).toEqual(commandProblems('Start-CsPool -PoolFqdn p1', 'lync2013'));
  });
});

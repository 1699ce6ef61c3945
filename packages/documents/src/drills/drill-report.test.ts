import { describe, expect, it } from 'vitest';
import type { Block, Document, KeyValueBlock, TableBlock, TableCell, Text } from '../model';
import { buildDrillReport, type DrillReportInput } from './drill-report';
import { abandonedRun, completedDrill } from './fixtures';
import { drillEn } from './strings-en';
import { drillFr } from './strings-fr';

const NOW = '2026-12-04T06:30:00.000Z';

/** Plain text of a Text (styles dropped); a blank inline reads as "<blank>". */
function plain(t: Text | TableCell): string {
  if (typeof t === 'string') return t;
  if (Array.isArray(t)) return t.map(plain).join('');
  if ('blank' in t) return '<blank>';
  if ('checkbox' in t) return t.checked ? '[x]' : '[ ]';
  return t.style === 'blank' ? '<blank>' : t.text;
}

function pairs(doc: Document, index: number): Record<string, string> {
  const kv = doc.blocks.filter((b): b is KeyValueBlock => b.type === 'keyvalue')[index]!;
  return Object.fromEntries(kv.pairs.map(([k, v]) => [k, plain(v)]));
}

function table(doc: Document): string[][] {
  const t = doc.blocks.find((b): b is TableBlock => b.type === 'table')!;
  return t.rows.map((r) => r.map(plain));
}

function texts(blocks: Block[]): string[] {
  return blocks.flatMap((b): string[] => {
    switch (b.type) {
      case 'heading':
        return [b.text];
      case 'paragraph':
        return [plain(b.text)];
      case 'list':
        return b.items.map(plain);
      case 'code':
        return b.lines;
      case 'step':
        return [`${b.n}. ${b.title}`, ...(b.body ? [plain(b.body)] : []), ...b.commands];
      case 'signature':
        return b.roles;
      default:
        return [];
    }
  });
}

const en = (input: DrillReportInput = completedDrill()) => buildDrillReport(input, { lang: 'en', now: NOW, inputRevision: '0123456789ab' });
const fr = (input: DrillReportInput = completedDrill()) => buildDrillReport(input, { lang: 'fr', now: NOW, inputRevision: '0123456789ab' });

describe('drill report of a completed drill (English)', () => {
  const doc = en();

  it('has the title, the run as subtitle and the revision block', () => {
    expect(doc.meta).toMatchObject({ title: 'Drill report', subtitle: 'Pool failover rehearsal, Paris to Lyon', lang: 'en', generatedAt: NOW, inputRevision: '0123456789ab', orientation: 'portrait' });
    expect(pairs(doc, 0)).toEqual({
      Run: 'run-20261204-0001',
      Title: 'Pool failover rehearsal, Paris to Lyon',
      Kind: 'Drill (rehearsal)',
      Goal: 'lyncdr plan failover --pool pool01.contoso.example',
      Operator: 'Alice Martin',
      Started: '2026-12-04 06:00:00 UTC',
      Finished: '2026-12-04 06:27:40 UTC',
      Outcome: 'Completed',
      'Topology fingerprint': 'sha256:3f2a9c1b7e04',
      'lyncdr version': '0.9.0',
      Generated: '2026-12-04 06:30:00 UTC',
      'Input revision': '0123456789ab',
    });
  });

  it('prints the measured figures against the overlay’s target, Microsoft’s target with its page, and the estimate', () => {
    expect(pairs(doc, 1)).toEqual({
      'Total duration': '27 min 40 s',
      'Time with users down': '25 min',
      'Measured RTO': '25 min',
      'Target RTO (lyncdr.yaml)': '30 min — met, 5 min under the target',
      'Microsoft’s engineering target': '15–20 min RTO, 5 min RPO — missed by 5 min (reference: docs-sfb/disaster-recovery.md)',
      'Plan’s estimate': '32 min',
      'Difference with the estimate': '−4 min 20 s (shorter than planned)',
      Steps: '4 steps: 3 done, 1 skipped',
      'Recorded changes': '11',
    });
    expect(texts(doc.blocks).some((t) => t.includes('does not include the time to assess the situation') && t.includes('docs-sfb/disaster-recovery.md'))).toBe(true);
  });

  it('lists every step with its status in words, times, durations, estimates and operators', () => {
    expect(table(doc)).toEqual([
      ['1', 'Check the state of the pool pair', 'Done', '06:00:00', '06:02:30', '2 min 30 s', '2 min', 'Alice Martin'],
      ['2', 'Fail the Central Management store over to pool02', 'Done', '06:02:30', '06:12:30', '10 min', '5 min', 'Alice Martin, Bruno Petit'],
      ['3', 'Update the DNS record of the simple URLs (manual)', 'Skipped', '<blank>', '<blank>', '<blank>', '10 min', 'Bruno Petit'],
      ['4', 'Fail pool01 over to pool02', 'Done', '06:12:30', '06:25:00', '12 min 30 s', '15 min', 'Bruno Petit'],
    ]);
  });

  it('details each step: command, notes of the failed then retried attempt, the skip reason and the evidence', () => {
    const steps = doc.blocks.filter((b) => b.type === 'step');
    expect(steps.map((s) => s.n)).toEqual([1, 2, 3, 4]);
    expect(steps[1]).toMatchObject({
      commands: ['Invoke-CsManagementServerFailover -BackupSqlServerFqdn sql02.contoso.example -BackupSqlInstanceName rtc -Force'],
      on: 'pool02.contoso.example',
      durationMinutes: 5,
    });
    expect(plain(steps[1]!.body!)).toBe('Status: Done   ·   Started: 2026-12-04 06:02:30 UTC   ·   Finished: 2026-12-04 06:12:30 UTC   ·   Duration: 10 min   ·   Operators: Alice Martin, Bruno Petit');
    expect(steps[2]).toMatchObject({ manual: true, commands: [] });
    expect(plain(steps[2]!.body!)).toContain('Started: <blank>');
    const all = texts(doc.blocks);
    expect(all).toContain('First attempt failed: sql02 was not reachable on port 1433 (firewall rule missing).');
    expect(all).toContain('Retried after the rule was added; succeeded.');
    const skip = doc.blocks.find((b) => b.type === 'paragraph' && b.tone === 'warning');
    expect(skip && plain((skip as { text: Text }).text)).toBe('Reason for skipping: Drill: the simple URLs stay on Paris; the DNS change is rehearsed with the network team separately.');
    expect(all).toContain(`Evidence: fabric-state.txt   ·   12,583 bytes   ·   SHA-256 ${'9b74c9897bac770ffc029102a200c5de'.repeat(2)}`);
    expect(all).toContain(`Evidence: attempt-1.txt   ·   1 byte   ·   SHA-256 ${'aa'.repeat(32)}`);
    const codes = doc.blocks.filter((b) => b.type === 'code');
    expect(codes.map((c) => c.lines)).toEqual([
      ['PoolFqdn : pool01.contoso.example', 'Status   : Ready    ok'],
      ['Invoke-CsManagementServerFailover : Cannot connect to SQL Server sql02'],
    ]);
  });

  it('signs the summary off (operator, reviewer), then details the steps from a new page', () => {
    const at = doc.blocks.findIndex((b) => b.type === 'heading' && b.text === 'Sign-off');
    expect(doc.blocks[at - 1]?.type).toBe('table');
    expect(doc.blocks[at + 2]).toEqual({ type: 'signature', roles: ['Operator', 'Reviewer'] });
    expect(doc.blocks[at + 3]).toEqual({ type: 'pagebreak' });
    expect(doc.blocks[at + 4]).toEqual({ type: 'heading', level: 2, text: 'Step details' });
  });

  it('records a step done out of order with its reason, and is the same for the same input', () => {
    const input = completedDrill();
    input.steps[3]!.reason = 'Done before step 3 on the change manager’s request.';
    expect(texts(en(input).blocks)).toContain('Done out of the plan’s order: Done before step 3 on the change manager’s request.');
    expect(en()).toEqual(doc);
  });
});

describe('drill report in French', () => {
  const doc = fr();

  it('uses the French title, labels, status words and number formats', () => {
    expect(doc.meta.title).toBe('Rapport d’exercice');
    expect(fr(abandonedRun()).meta.title).toBe('Rapport de basculement');
    expect(pairs(doc, 0)).toMatchObject({ Exécution: 'run-20261204-0001', Type: 'Exercice (répétition)', Résultat: 'Terminé', 'Empreinte de la topologie': 'sha256:3f2a9c1b7e04', 'Généré le': '2026-12-04 06:30:00 UTC' });
    expect(pairs(doc, 1)).toEqual({
      'Durée totale': '27 min 40 s',
      'Durée d’interruption pour les utilisateurs': '25 min',
      'RTO mesuré': '25 min',
      'RTO cible (selon lyncdr.yaml)': '30 min — atteint, 5 min sous la cible',
      'Objectif d’ingénierie de Microsoft': 'RTO de 15–20 min, RPO de 5 min — dépassé de 5 min (référence\u00a0: docs-sfb/disaster-recovery.md)',
      'Estimation du plan': '32 min',
      'Écart avec l’estimation': '−4 min 20 s (plus court que prévu)',
      Étapes: '4 étapes\u00a0: 3 terminées, 1 ignorée',
      'Modifications enregistrées': '11',
    });
    expect(table(doc).map((r) => r[2])).toEqual(['Terminée', 'Terminée', 'Ignorée', 'Terminée']);
    expect(table(doc)[2]![1]).toBe('Update the DNS record of the simple URLs (manuelle)');
    const all = texts(doc.blocks);
    expect(all).toContain(`Preuve\u00a0: fabric-state.txt   ·   12\u202f583 octets   ·   SHA-256 ${'9b74c9897bac770ffc029102a200c5de'.repeat(2)}`);
    expect(all.some((t) => t.startsWith('Motif de l’omission\u00a0: Drill'))).toBe(true);
    expect(doc.blocks.find((b) => b.type === 'signature')).toEqual({ type: 'signature', roles: ['Opérateur', 'Vérificateur'] });
  });

  it('has the same catalog keys as English, each worded differently (but “Notes”)', () => {
    const args: Record<string, unknown[]> = { stepCounts: [3, [['done', 2], ['skipped', 1]]], microsoft: ['15–20', '5'], bytes: [2], moreLines: [3] };
    const leaves = (o: unknown, at: string, out: Map<string, string>): Map<string, string> => {
      const key = at.slice(at.lastIndexOf('.') + 1);
      if (typeof o === 'string') out.set(at, o);
      else if (typeof o === 'function') out.set(at, String((o as (...a: unknown[]) => unknown)(...(args[key] ?? ['X']))));
      else if (o && typeof o === 'object') for (const [k, v] of Object.entries(o)) leaves(v, `${at}.${k}`, out);
      return out;
    };
    const e = leaves(drillEn, '', new Map());
    const f = leaves(drillFr, '', new Map());
    expect([...f.keys()]).toEqual([...e.keys()]);
    expect([...e].filter(([k, v]) => f.get(k) === v).map(([k]) => k)).toEqual(['.details.notes']);
    expect(f.get('.figures.stepCounts')).toBe('3 étapes\u00a0: 2 terminées, 1 ignorée');
    expect(f.get('.details.moreLines')).toMatch(/^… 3 lignes supplémentaires non imprimées/);
  });
});

describe('drill report of an abandoned real run with unmeasured figures', () => {
  const doc = en(abandonedRun());

  it('says the run was abandoned and prints blanks for what was not measured', () => {
    expect(doc.meta.title).toBe('Failover report');
    expect(pairs(doc, 0)).toMatchObject({ Kind: 'Real run', Outcome: 'Abandoned', Finished: '2026-12-06 00:10:00 UTC' });
    expect(texts(doc.blocks)).toContain('This run was abandoned: the steps still marked “Not started” were not performed.');
    expect(pairs(doc, 1)).toEqual({
      'Total duration': '15 min',
      'Time with users down': '<blank>',
      'Measured RTO': '<blank>',
      'Target RTO (lyncdr.yaml)': 'none set in lyncdr.yaml',
      'Microsoft’s engineering target': 'none for this goal',
      'Plan’s estimate': '<blank>',
      'Difference with the estimate': '<blank>',
      Steps: '2 steps: 1 failed, 1 not started',
      'Recorded changes': '3',
    });
    expect(texts(doc.blocks).some((t) => t.includes('does not include the time to assess'))).toBe(false);
    expect(table(doc)).toEqual([
      ['1', 'Check the state of the pool pair', 'Failed', '23:56:00', '2026-12-06 00:02:10', '<blank>', '<blank>', 'Chloé Dubois'],
      ['2', 'Fail pool01 over to pool02', 'Not started', '<blank>', '<blank>', '<blank>', '<blank>', '<blank>'],
    ]);
  });

  it('prints a blank, never a figure, when the RTO is measured but the estimate is not', () => {
    const input = abandonedRun();
    input.summary.measuredRtoMinutes = 12.5;
    input.summary.targetRtoMinutes = 10;
    const p = pairs(en(input), 1);
    expect(p['Measured RTO']).toBe('12 min 30 s');
    expect(p['Target RTO (lyncdr.yaml)']).toBe('10 min — missed by 2 min 30 s');
    expect(p['Difference with the estimate']).toBe('<blank>');
  });

  it('prints the target without a verdict when the RTO was not measured', () => {
    const input = completedDrill();
    input.summary.measuredRtoMinutes = null;
    const p = pairs(en(input), 1);
    expect(p['Measured RTO']).toBe('<blank>');
    expect(p['Target RTO (lyncdr.yaml)']).toBe('30 min');
    expect(p['Microsoft’s engineering target']).toBe('15–20 min RTO, 5 min RPO (reference: docs-sfb/disaster-recovery.md)');
  });

  it('marks an unfinished run as in progress, with a blank end time', () => {
    const input = completedDrill();
    input.outcome = null;
    input.finishedAt = null;
    const d = fr(input);
    expect(pairs(d, 0)).toMatchObject({ Fin: '<blank>', Résultat: 'En cours (non terminé)' });
    expect(texts(d.blocks)).toContain('Cette exécution n’est pas terminée\u00a0: les valeurs sont celles connues au moment où ce rapport a été généré.');
  });

  it('explains what Microsoft’s target counts only for a pool failover or failback goal', () => {
    const note = (goal: string, ref: string) => {
      const input = completedDrill();
      input.goal = goal;
      input.summary.microsoft = { rtoMinutes: '5', rpoMinutes: '5', ref };
      return texts(en(input).blocks).some((t) => t.startsWith('Microsoft’s engineering target counts from the moment'));
    };
    expect(note('failback --pool pool01.contoso.example', 'docs-sfb/disaster-recovery.md')).toBe(true);
    expect(note('serve --users-of pool01.contoso.example --by pool02.contoso.example', 'docs-sfb/disaster-recovery.md')).toBe(true);
    expect(note('cms-failover', 'docs-sfb/disaster-recovery.md')).toBe(false);
    expect(note('db-failover --pool pool01.contoso.example --type user', 'docs-sfb/back-end-server.md')).toBe(false);
  });

  it('prints a multi-line command line by line, no code block for an empty excerpt, and counts the lines left out', () => {
    const input = completedDrill();
    input.steps[0]!.command = 'Get-CsPoolFabricState -PoolFqdn pool01.contoso.example\r\nGet-CsPoolFabricState -PoolFqdn pool02.contoso.example';
    input.steps[0]!.evidence = [
      { name: 'empty.txt', size: 0, sha256: '00'.repeat(32), excerpt: '' },
      { name: 'long.txt', size: 9000, sha256: '11'.repeat(32), excerpt: Array.from({ length: 230 }, (_, i) => `row ${i}`).join('\n') },
    ];
    const d = en(input);
    expect(d.blocks.find((b) => b.type === 'step')).toMatchObject({ commands: ['Get-CsPoolFabricState -PoolFqdn pool01.contoso.example', 'Get-CsPoolFabricState -PoolFqdn pool02.contoso.example'] });
    const codes = d.blocks.filter((b) => b.type === 'code');
    expect(codes[0]!.lines).toHaveLength(200);
    expect(codes[0]!.lines[0]).toBe('row 0');
    expect(texts(d.blocks)).toContain('… 30 more lines not printed (the stored file is identified by its SHA-256 above)');
    expect(texts(d.blocks)).toContain(`Evidence: empty.txt   ·   0 bytes   ·   SHA-256 ${'00'.repeat(32)}`);
  });

  it('says so when the plan has no steps', () => {
    const input = completedDrill();
    input.steps = [];
    const d = en(input);
    expect(d.blocks.some((b) => b.type === 'table' || b.type === 'step' || b.type === 'pagebreak')).toBe(false);
    expect(d.blocks.at(-1)).toEqual({ type: 'signature', roles: ['Operator', 'Reviewer'] });
    expect(texts(d.blocks)).toContain('The plan of this run has no steps.');
  });
});

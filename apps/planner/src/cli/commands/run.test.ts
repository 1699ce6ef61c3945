import { describe, expect, it } from 'vitest';
import { run } from '../../testing/run-cli';

describe('lyncdr run', () => {
  it('lists its four subcommands', async () => {
    const r = await run(['run', '--help']);
    expect(r.code).toBe(0);
    for (const s of ['start', 'step', 'finish', 'report']) expect(r.out).toMatch(new RegExp(`^\\s+${s}\\b`, 'm'));
  });

  it('refuses a step that is not a number, a status it does not know, and a report format it cannot tell', async () => {
    const common = ['--planner', 'http://127.0.0.1:9', '--token-file', 'package.json'];
    const n = await run(['run', 'step', 'r1', 'two', '--status', 'done', ...common]);
    expect([n.code, n.err]).toEqual([2, expect.stringContaining('E_USAGE')]);
    const s = await run(['run', 'step', 'r1', '2', '--status', 'finished', ...common]);
    expect([s.code, s.err]).toEqual([2, expect.stringContaining('--status "finished" is not supported')]);
    const f = await run(['run', 'report', 'r1', '-o', 'report.docx', ...common]);
    expect([f.code, f.err]).toEqual([2, expect.stringContaining('cannot tell the format')]);
  });

  it('needs --planner and --token-file', async () => {
    const r = await run(['run', 'finish', 'r1']);
    expect(r.code).toBe(2);
    expect(r.err).toContain("required option '--planner <url>'");
  });
});

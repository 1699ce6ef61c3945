import { describe, expect, it } from 'vitest';
import { createProgress } from './progress';

describe('createProgress', () => {
  it('draws on a terminal stderr, at most once per 100 ms, the last state before done(), then clears the line', () => {
    let err = '';
    let now = 0;
    const p = createProgress({ stderr: (t) => void (err += t), stderrIsTty: true }, 'work', false, () => now);
    p.update('1/3');
    now = 50;
    p.update('2/3');
    now = 60;
    p.update('3/3');
    p.done();
    expect(err).toBe('\r\x1b[2Kwork: 1/3\r\x1b[2Kwork: 3/3\r\x1b[2K');
  });

  it('draws nothing when stderr is not a terminal, or when quiet (--json)', () => {
    let err = '';
    for (const [tty, quiet] of [[false, false], [true, true]] as const) {
      const p = createProgress({ stderr: (t) => void (err += t), stderrIsTty: tty }, 'work', quiet);
      p.update('1/1');
      p.done();
    }
    expect(err).toBe('');
  });
});

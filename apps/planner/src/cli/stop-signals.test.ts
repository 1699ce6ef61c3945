import { afterEach, describe, expect, it } from 'vitest';
import { SIGNALS_TO_END_AT_ONCE, watchStopSignals, type StopSignals } from './stop-signals';

describe('watchStopSignals', () => {
  let watch: StopSignals | null = null;
  afterEach(() => watch?.dispose());

  it('the first signal asks for a stop, even when it came before anyone waited', async () => {
    watch = watchStopSignals({ stderr: () => {}, exit: () => {} });
    expect(watch.received).toBeNull();
    process.emit('SIGINT', 'SIGINT');
    expect(watch.received).toBe('SIGINT');
    await expect(watch.wait()).resolves.toBe('SIGINT');
  });

  it('the second signal (pnpm relaying the same Ctrl-C, however late) is ignored; the third ends the process with 130', () => {
    const exits: number[] = [];
    let err = '';
    watch = watchStopSignals({ stderr: (t) => void (err += t), exit: (c) => void exits.push(c) });
    expect(SIGNALS_TO_END_AT_ONCE).toBe(3);
    process.emit('SIGINT', 'SIGINT');
    process.emit('SIGINT', 'SIGINT');
    expect(exits).toEqual([]);
    expect(err).toBe('');
    process.emit('SIGTERM', 'SIGTERM');
    expect(exits).toEqual([130]);
    expect(err).toBe('lyncdr serve: SIGTERM again while stopping; ending at once without a clean stop\n');
  });

  it('dispose gives the signals back', () => {
    const before = process.listenerCount('SIGINT');
    const w = watchStopSignals({ stderr: () => {}, exit: () => {} });
    expect(process.listenerCount('SIGINT')).toBe(before + 1);
    w.dispose();
    expect(process.listenerCount('SIGINT')).toBe(before);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { SAME_SIGNAL_MS, watchStopSignals, type StopSignals } from './stop-signals';

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

  it('a signal soon after the first (pnpm relaying the same Ctrl-C) is ignored; a later one ends the process with 130', () => {
    let now = 0;
    const exits: number[] = [];
    let err = '';
    watch = watchStopSignals({ stderr: (t) => void (err += t), exit: (c) => void exits.push(c), clock: () => now });
    process.emit('SIGINT', 'SIGINT');
    now = SAME_SIGNAL_MS - 1;
    process.emit('SIGINT', 'SIGINT');
    expect(exits).toEqual([]);
    expect(err).toBe('');
    now = SAME_SIGNAL_MS;
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

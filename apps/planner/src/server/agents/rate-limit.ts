/** Token bucket: `ratePerMinute` tokens refill continuously up to `burst`. The clock is injected. */
export interface TokenBucket {
  take(): boolean;
  readonly level: number;
}

export function createTokenBucket(ratePerMinute: number, burst: number, now: () => number): TokenBucket {
  let level = burst;
  let last = now();
  const refill = () => {
    const t = now();
    level = Math.min(burst, level + ((t - last) * ratePerMinute) / 60_000);
    last = t;
  };
  return {
    take() {
      refill();
      if (level < 1) return false;
      level -= 1;
      return true;
    },
    get level() {
      refill();
      return level;
    },
  };
}

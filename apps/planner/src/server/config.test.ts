import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePlannerConfig, resolveConfigPaths } from './config';

const example = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../planner.example.yaml');

describe('planner config', () => {
  it('parses the example config and resolves its paths against its folder', () => {
    const c = resolveConfigPaths(parsePlannerConfig(readFileSync(example, 'utf8'), example), path.dirname(example));
    expect(c.port).toBe(8470);
    expect(c.topology).toMatch(/examples\/two-site\/topology\.xml$/);
    expect(c.alerts.silence).toEqual([{ from: '01:00', to: '03:00' }]);
    expect(c.policy.rules['filestore:\\\\fs01.contoso.example\\lyncshare']).toEqual({ periodHours: 24, graceHours: 4, maxDurationMs: 7_200_000 });
  });

  it('gives defaults for an empty file and names the field of a bad one', () => {
    expect(parsePlannerConfig('', 'p.yaml')).toMatchObject({ port: 8470, limits: { burst: 60 }, tls: null });
    expect(() => parsePlannerConfig('limits: { burts: 3 }', 'p.yaml')).toThrow(/Unrecognized key/);
    expect(() => parsePlannerConfig('alerts: { silence: [{ from: "1am", to: "03:00" }] }', 'p.yaml')).toThrow(/HH:MM/);
  });
});

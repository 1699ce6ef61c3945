import type { Topology, TopologyFinding } from '../model';
import { checkPairs } from './check-pairs';
import { checkStructure } from './check-structure';
import { checkVersions } from './check-versions';

/** Every finding the model shows, most severe first (stable order within a severity). */
export function checkTopology(t: Omit<Topology, 'findings'>): TopologyFinding[] {
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return [...checkPairs(t), ...checkStructure(t), ...checkVersions(t)]
    .map((f, i) => ({ f, i }))
    .sort((x, y) => rank[x.f.severity] - rank[y.f.severity] || x.i - y.i)
    .map(({ f }) => f);
}

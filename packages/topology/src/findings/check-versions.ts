import type { Topology, TopologyFinding } from '../model';
import { finding } from './finding';

/** docs-sfb page (../shared/reference/docs-sfb): "SQL Mirroring can't be deployed with Skype for Business Server 2019". */
const SFB2019_DEPRECATED = 'docs-sfb/SfBServer2019/deprecated.md';

/** Version rules: an SfB 2019 pool whose Back End is SQL mirroring is not supported (SFB2019_MIRROR). */
export function checkVersions(t: Pick<Topology, 'pools' | 'sqlStores'>): TopologyFinding[] {
  const out: TopologyFinding[] = [];
  for (const p of t.pools) {
    if (p.product !== 'sfb2019') continue;
    for (const s of t.sqlStores) {
      if (s.kind !== 'BackEnd' || s.haType !== 'mirror' || !s.pools.includes(p.fqdn)) continue;
      out.push(
        finding(
          'SFB2019_MIRROR',
          'error',
          p.fqdn,
          `${p.fqdn} is Skype for Business Server 2019 and its Back End (${s.id}) is SQL mirroring, which 2019 does not support; use an AlwaysOn Availability Group or a failover cluster instance, or correct lyncdr.yaml`,
          SFB2019_DEPRECATED,
        ),
      );
    }
  }
  return out;
}

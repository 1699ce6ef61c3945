import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topologyFingerprint } from '@lyncdr/topology';
import { startDashboardPlanner, type DashboardPlanner } from '../testing/dashboard-planner';

let p: DashboardPlanner;
beforeAll(async () => {
  p = await startDashboardPlanner();
});
afterAll(() => p?.stop());

describe('/api/plan as a document', () => {
  it('prints the fingerprint of the topology the planner serves in the revision block', async () => {
    const headers = { authorization: `Bearer ${p.readToken}` };
    const state = JSON.stringify({ down: ['pool01.contoso.example'], failedOver: {}, cmsActive: 'pool01.contoso.example' });
    const res = await fetch(`${p.url}/api/plan?goal=failover&pool=pool01.contoso.example&state=${encodeURIComponent(state)}&format=md`, { headers });
    expect(res.status).toBe(200);
    const md = await res.text();
    // No agent has reported a version: the planner serves the deployment it was started with.
    const fingerprint = topologyFingerprint(p.topology);
    expect(md).toContain(`- **Topology fingerprint:** \`${fingerprint}\``);
    expect(md).toContain(`topology ${fingerprint.slice(0, 16)}`);
  });
});

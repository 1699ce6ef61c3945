import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlannerConfig, resolveConfigPaths } from '../../server/config';
import { tokenStoreAt } from './token-scope';

const config = (yaml: string) => resolveConfigPaths(parsePlannerConfig(yaml, 'planner.yaml'), '/etc/lyncdr');
const several = config('data: /var/lyncdr\ndeployments: [{ name: contoso, topology: a.xml }, { name: litware-nl, topology: b.xml }]');
const error = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return `${(e as { code: string }).code}: ${(e as Error).message}`;
  }
  return null;
};

describe('where a token command writes', () => {
  it('one deployment: the planner database, as before; --deployment and --global make no sense there', () => {
    const one = config('data: /var/lyncdr');
    expect(tokenStoreAt(one, {})).toEqual({ file: path.join('/var/lyncdr', 'planner.sqlite'), schema: 'lyncdr' });
    expect(error(() => tokenStoreAt(one, { deployment: 'contoso' }))).toMatch(/^E_USAGE: --deployment is for a planner that serves several/);
    expect(error(() => tokenStoreAt(one, { global: true }))).toMatch(/^E_USAGE: --global is for/);
  });

  it("several: the deployment's own database and schema, or the planner's for a global admin token", () => {
    expect(tokenStoreAt(several, { deployment: 'litware-nl' }, 'agent')).toEqual({ file: path.join('/var/lyncdr', 'deployments', 'litware-nl', 'planner.sqlite'), schema: 'd_litware_nl' });
    expect(tokenStoreAt(several, { global: true }, 'admin')).toEqual({ file: path.join('/var/lyncdr', 'planner.sqlite'), schema: 'lyncdr' });
    expect(tokenStoreAt(several, { global: true })).toEqual({ file: path.join('/var/lyncdr', 'planner.sqlite'), schema: 'lyncdr' });
  });

  it('several: no guess (E_USAGE naming the deployments), no global read or agent token, no unknown deployment', () => {
    expect(error(() => tokenStoreAt(several, {}, 'agent'))).toMatch(/^E_USAGE: .*\(contoso, litware-nl\).*--deployment <name>/);
    expect(error(() => tokenStoreAt(several, { global: true }, 'read'))).toMatch(/^E_USAGE: a global token is an admin token/);
    expect(error(() => tokenStoreAt(several, { global: true, deployment: 'contoso' }))).toMatch(/^E_USAGE: give --deployment <name> or --global, not both/);
    expect(error(() => tokenStoreAt(several, { deployment: 'fabrikam' }))).toMatch(/^E_DEPLOYMENT_UNKNOWN: no deployment named "fabrikam"; the planner serves contoso, litware-nl/);
  });
});

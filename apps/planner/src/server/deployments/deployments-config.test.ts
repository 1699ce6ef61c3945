import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlannerConfig, resolveConfigPaths } from '../config';
import { checkDeployments, deploymentDbFile, deploymentSchema, findDeployment } from './deployments-config';

const parse = (yaml: string) => resolveConfigPaths(parsePlannerConfig(yaml, 'planner.yaml'), '/etc/lyncdr');

describe('deployments in planner.yaml', () => {
  it('is absent by default (one deployment, as before)', () => {
    const c = parse('topology: t.xml');
    expect(c.deployments).toBeNull();
    expect(() => checkDeployments(c)).not.toThrow();
  });

  it('resolves each topology and overlay against the config folder and keeps each deployment apart on disk', () => {
    const c = parse('data: /var/lyncdr\ndeployments:\n  - { name: contoso-fr, topology: fr/topology.xml, overlay: fr/lyncdr.yaml }\n  - { name: contoso-de, topology: /srv/de.zip }\n');
    expect(() => checkDeployments(c)).not.toThrow();
    expect(c.deployments).toEqual([
      { name: 'contoso-fr', topology: path.resolve('/etc/lyncdr/fr/topology.xml'), overlay: path.resolve('/etc/lyncdr/fr/lyncdr.yaml') },
      { name: 'contoso-de', topology: path.resolve('/srv/de.zip'), overlay: null },
    ]);
    expect(deploymentDbFile(c, 'contoso-fr')).toBe(path.join('/var/lyncdr', 'deployments', 'contoso-fr', 'planner.sqlite'));
    expect(deploymentSchema('contoso-fr')).toBe('d_contoso_fr');
    expect(findDeployment(c, 'contoso-de').overlay).toBeNull();
  });

  it('refuses bad names, repeated names, an empty list and a list mixed with topology: (E_DEPLOYMENT_CONFIG)', () => {
    const code = (yaml: string) => {
      try {
        checkDeployments(parse(yaml));
        return null;
      } catch (e) {
        return [(e as { code: string }).code, (e as Error).message];
      }
    };
    for (const bad of ['Contoso', 'a/b', '../x', '-a', 'a-', 'a_b', '', 'x'.repeat(41)]) {
      expect(code(`deployments: [{ name: "${bad}", topology: t.xml }]`)).toEqual(['E_DEPLOYMENT_CONFIG', expect.stringMatching(/is not a slug/)]);
    }
    expect(code('deployments: [{ name: a, topology: t.xml }, { name: a, topology: u.xml }]')).toEqual(['E_DEPLOYMENT_CONFIG', expect.stringMatching(/given twice/)]);
    expect(code('deployments: []')).toEqual(['E_DEPLOYMENT_CONFIG', expect.stringMatching(/empty/)]);
    expect(code('topology: t.xml\ndeployments: [{ name: a, topology: t.xml }]')).toEqual(['E_DEPLOYMENT_CONFIG', expect.stringMatching(/both given/)]);
    expect(code('demo: true\ndeployments: [{ name: a, topology: t.xml }]')).toEqual(['E_DEPLOYMENT_CONFIG', expect.stringMatching(/demo/)]);
    expect(code('self: { name: a }\npeers: [{ name: b, url: "https://b.contoso.example:8470", token: t }]\ndeployments: [{ name: a, topology: t.xml }]')).toEqual(['E_DEPLOYMENT_CONFIG', expect.stringMatching(/peers: is for a planner of one deployment/)]);
    expect(() => parse('deployments: [{ name: a }]')).toThrow(expect.objectContaining({ code: 'E_CONFIG', location: expect.objectContaining({ where: 'deployments.0.topology' }) }));
  });

  it('names the deployments there are when one is unknown (E_DEPLOYMENT_UNKNOWN)', () => {
    const c = parse('deployments: [{ name: a, topology: t.xml }, { name: b, topology: u.xml }]');
    expect(() => findDeployment(c, 'c')).toThrow(expect.objectContaining({ code: 'E_DEPLOYMENT_UNKNOWN', message: expect.stringMatching(/serves a, b/) }));
  });
});

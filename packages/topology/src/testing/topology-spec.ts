/**
 * A compact description of a deployment, rendered into both XML forms (published and .tbxml) by render-*.ts.
 * Used to write the bundled examples, the tests' generated topologies and the benchmark input.
 */
export interface SpecSite {
  id: string;
  name: string;
  location?: string;
}

export interface SpecCluster {
  site: string;
  /** ClusterId Number (unique within the site). */
  number: number;
  fqdn: string;
  /** Machine FQDNs; omitted for a single-machine cluster named by its FQDN (SQL, file server, SE server). */
  machines?: string[];
  /** SQL instance names on this cluster ('' for the default instance). */
  sql?: string[];
}

export interface SpecService {
  site: string;
  role: string;
  instance: number;
  /** Cluster FQDN, or the SQL instance (cluster FQDN + instance name). */
  on: string | { sql: string; instance: string };
  /** Ids (`site-Role-instance`) of the services this one depends on. */
  deps?: string[];
  /** Role-specific element (`RegistrarService IsDirector="false"`, `FileStoreService ShareName="…"`, …). */
  element?: { name: string; attrs: Record<string, string> };
  /** `ServiceVersion` written on the Service (default `6`, which lyncdr does not map to a product). */
  serviceVersion?: string;
}

export interface TopologySpec {
  domain: string;
  sites: SpecSite[];
  clusters: SpecCluster[];
  services: SpecService[];
}

export const NS = {
  topology: 'urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008',
  builder: 'urn:schema:Microsoft.Rtc.Management.Deploy.TopologyBuilder.2008',
  writable: 'urn:schema:Microsoft.Rtc.Management.Deploy.WritableTopology.2008',
  roles: 'urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008',
} as const;

export function esc(v: string): string {
  return v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function attrs(a: Record<string, string>): string {
  return Object.entries(a)
    .map(([k, v]) => ` ${k}="${esc(v)}"`)
    .join('');
}

export const serviceId = (s: Pick<SpecService, 'site' | 'role' | 'instance'>): string =>
  `${s.site}-${s.role}-${s.instance}`;

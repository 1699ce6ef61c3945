import type { Site, SourceFormat } from '../model';

/**
 * What a reader takes out of one XML form before the model is built. Both readers (published XML and .tbxml)
 * produce this neutral shape, so both forms end in the same model. Keys are form-specific (`1:2` or a GUID);
 * ids are the `SiteId-RoleName-Instance` strings the model uses.
 */
export interface RawCluster {
  key: string;
  fqdn: string;
  site: string;
  /** Machine FQDNs in ordinal order. */
  machines: string[];
  /** .tbxml `IsSingleMachineOnly`; null when the form does not say. */
  singleMachine: boolean | null;
  line: number;
}

export interface RawSqlInstance {
  key: string;
  clusterKey: string;
  /** Instance name, null for the default instance. */
  name: string | null;
  line: number;
}

export interface RawService {
  key: string;
  id: string;
  site: string;
  role: string;
  instance: string;
  type: string | null;
  installedOn: { cluster: string } | { sql: string } | null;
  /** Keys of the services this one depends on. */
  dependsOn: string[];
  attributes: Record<string, string>;
  /** `Service@ServiceVersion`, null when absent. */
  serviceVersion: string | null;
  line: number;
}

export interface RawTopology {
  format: SourceFormat;
  signature: string | null;
  sites: (Site & { line: number })[];
  clusters: RawCluster[];
  sqlInstances: RawSqlInstance[];
  services: RawService[];
}

/** Namespaces of the two XML forms (REFERENCE §f.3). */
export const NS_TOPOLOGY = 'urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008';
export const NS_TOPOLOGY_BUILDER = 'urn:schema:Microsoft.Rtc.Management.Deploy.TopologyBuilder.2008';
export const NS_WRITABLE = 'urn:schema:Microsoft.Rtc.Management.Deploy.WritableTopology.2008';

export * from './model';
export {
  parseTopologyDocument,
  parseOverlay,
  applyOverlay,
  toShowJson,
  MAX_TOPOLOGY_BYTES,
  type ShowJson,
} from './api';
export {
  backEndOf,
  fileStoreOf,
  findPool,
  isUserPool,
  sameFqdn,
  sameInstance,
  sqlArgs,
  sqlName,
  storesOf,
  userPools,
  type SqlInstance,
} from './query';
export { diffTopologies, type AddedRemoved, type Change, type TopologyDiff } from './diff-topologies';
export { STORE_ROLES } from './build/roles';
export {
  KNOWN_PRODUCTS,
  isKnownProduct,
  poolProduct,
  productOfServiceVersion,
  productsOf,
} from './product/product-version';
export { newestAgentProducts, withAgentProducts, type AgentProduct } from './product/agent-products';
export { DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip/zip-limits';
export { readYaml, type YamlRead } from './yaml/read-yaml';
export {
  FINGERPRINT_VERSION,
  SHORT_FINGERPRINT_LENGTH,
  canonicalJson,
  canonicalTopology,
  shortFingerprint,
  topologyFingerprint,
} from './fingerprint';

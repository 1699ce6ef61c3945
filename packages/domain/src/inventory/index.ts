export * from './model';
export { buildInventory } from './build-inventory';
export { createOverlayLookup, type OverlayLookup } from './overlay-lookup';
export { sqlInstanceName } from './naming';
export { createSampleTopology, type SampleTopologyOptions } from './sample-topology';

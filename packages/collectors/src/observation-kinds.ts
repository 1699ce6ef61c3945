/**
 * The observation kinds each built-in collector produces (`Observation.kind`). The planner accepts from a collector
 * only the kinds it produces, so an agent reports only on what its declared collectors cover.
 */
export const observationKinds: Readonly<Record<string, readonly string[]>> = {
  'file-store': ['file-store'],
  exports: ['export'],
  'backup-service': ['backup-service'],
  'cms-replication': ['cms-replication'],
  'mirror-state': ['mirror-state'],
  'sql-files': ['sql-files'],
  'sql-history': ['sql-history'],
};

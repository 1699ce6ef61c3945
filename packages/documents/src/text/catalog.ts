/**
 * The common text of every printed document, in English and French. French follows Microsoft's terms
 * (REFERENCE §h, shared/reference/docs-fr): failover = « basculement », failback = « restauration automatique »,
 * restore = « restauration », Central Management store = « magasin central de gestion », file store = « magasin de fichiers ».
 */
export interface TextCatalog {
  /** Blank a person must fill in. */
  tbdOwner: string;
  header: { deployment: string; generated: string; inputRevision: string; source: string; language: string };
  footer: { confidential: string; generatedBy: string };
  /**
   * The revision block at the end of every worksheet, runbook and plan (revision/revision-block.ts); `intro` is the
   * note's text before and after the command `lyncdr topology show`.
   */
  revision: { title: string; fingerprint: string; version: string; generated: string; inputRevision: string; planners: string; thisPlanner: string; intro: [before: string, after: string] };
  /** "Page 3 of 12". */
  pageOf: (page: number, total: number) => string;
  status: { ok: string; late: string; failed: string; unknown: string };
  signature: {
    preparedBy: string;
    reviewedBy: string;
    approvedBy: string;
    name: string;
    date: string;
    signature: string;
    approvalTitle: string;
    approvalText: string;
  };
  words: {
    yes: string;
    no: string;
    none: string;
    notes: string;
    reference: string;
    owner: string;
    minutes: (n: number) => string;
    hours: (n: number) => string;
    days: (n: number) => string;
  };
  terms: {
    failover: string;
    failback: string;
    restore: string;
    backup: string;
    backupService: string;
    centralManagementStore: string;
    fileStore: string;
    frontEndPool: string;
    edgePool: string;
    pairedPools: string;
  };
}

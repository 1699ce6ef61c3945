import type { Topology } from '@lyncdr/topology';
import type { Document, Lang } from '../model';
import type { RevisionOptions } from '../revision/revision-block';

/** Options every runbook builder receives. `now` is the injected clock (ISO 8601). */
export interface RunbookOptions extends RevisionOptions {
  lang: Lang;
  /** Pools the admin named with --pool (empty: the builder picks, or documents every applicable pool). */
  pools: string[];
  now: string;
  inputRevision: string | null;
}

/**
 * One runbook procedure. `applies` says why it cannot be built for this deployment (e.g. failover of an unpaired
 * pool) as a message, or null when it applies; `build` is pure and returns the Document.
 */
export interface RunbookSpec {
  /** Short kebab-case id an admin can guess: `pool-failover`, `restore-file-store`, `abc-rebuild`… */
  id: string;
  title: Record<Lang, string>;
  /** Reference pages (file names under shared/reference/docs-en) the procedure comes from. */
  refs: string[];
  applies(topology: Topology, opts: RunbookOptions): string | null;
  build(topology: Topology, opts: RunbookOptions): Document;
}

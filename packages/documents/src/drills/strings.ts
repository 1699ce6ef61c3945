import type { Lang } from '../model';
import { drillEn } from './strings-en';
import { drillFr } from './strings-fr';

export type DrillStepStatus = 'pending' | 'running' | 'done' | 'failed' | 'skipped';

/** Fixed text of the drill report (a rehearsed or real run of a plan), in English and French. */
export interface DrillStrings {
  title: { drill: string; real: string };
  kind: { drill: string; real: string };
  outcome: { completed: string; abandoned: string; inProgress: string };
  status: Record<DrillStepStatus, string>;
  header: {
    run: string;
    runTitle: string;
    kind: string;
    goal: string;
    operator: string;
    started: string;
    finished: string;
    outcome: string;
    fingerprint: string;
    version: string;
    generated: string;
    inputRevision: string;
    timesUtc: string;
  };
  abandonedNote: string;
  inProgressNote: string;
  figures: {
    title: string;
    total: string;
    usersDown: string;
    measuredRto: string;
    targetRto: string;
    microsoftRto: string;
    estimate: string;
    difference: string;
    steps: string;
    events: string;
    noTarget: string;
    noMicrosoft: string;
    /** "met, 12 min 30 s under the target". */
    met: (margin: string) => string;
    /** "missed by 5 min 0 s". */
    missed: (by: string) => string;
    /** Microsoft's targets: RTO and RPO in minutes as printed on the page (e.g. "15–20", "5"). */
    microsoft: (rto: string, rpo: string) => string;
    reference: (page: string) => string;
    longer: (d: string) => string;
    shorter: (d: string) => string;
    asEstimated: string;
    /** "12 steps: 10 done, 1 skipped, 1 failed". */
    stepCounts: (total: number, parts: [DrillStepStatus, number][]) => string;
    /** What Microsoft's engineering target counts (docs-sfb/disaster-recovery.md). */
    microsoftNote: (page: string) => string;
  };
  steps: {
    title: string;
    columns: [string, string, string, string, string, string, string, string];
    manual: string;
    none: string;
  };
  details: {
    title: string;
    status: string;
    started: string;
    finished: string;
    duration: string;
    operators: string;
    notes: string;
    skipReason: string;
    outOfOrder: string;
    evidence: string;
    bytes: (n: number) => string;
    moreLines: (n: number) => string;
  };
  signOff: { title: string; text: string; operator: string; reviewer: string };
  colon: string;
}

export function drillStrings(lang: Lang): DrillStrings {
  return lang === 'fr' ? drillFr : drillEn;
}

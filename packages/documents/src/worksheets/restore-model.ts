import type { Lang } from '../model';

export type Bilingual = Record<Lang, string>;

export interface ScenarioStep {
  text: Bilingual;
  /** Exact PowerShell line for this deployment, or null for a manual step. */
  command: string | null;
  /** Server or pool the step runs on, when it matters. */
  on: string | null;
}

/** One failure scenario of REFERENCE §c (decision table of lync-server-2013-preparing-to-restore-lync-server.md). */
export interface RestoreScenario {
  id: string;
  /** Section of the reference (`c.1` … `c.11`). */
  section: string;
  title: Bilingual;
  /** What failed (server, pool, store or share). */
  subject: string;
  /** Pool the RTO target is looked up for, when the scenario concerns one. */
  pool: string | null;
  ref: string;
  steps: ScenarioStep[];
  /** Backup files the procedure reads. */
  files: string[];
  /** Reference RTO in minutes and its page, when Microsoft gives one for this scenario. */
  referenceRto: { minutes: number; ref: string } | null;
}

export const step = (en: string, fr: string, command: string | null = null, on: string | null = null): ScenarioStep => ({
  text: { en, fr },
  command,
  on,
});

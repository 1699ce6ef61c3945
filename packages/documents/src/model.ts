/**
 * The document model: what worksheets, runbooks and plans are made of, independent of the output format.
 * packages/render turns one Document into PDF, Markdown or HTML; no rendering decision lives here and no domain rule
 * lives in render.
 */
export type Lang = 'en' | 'fr';
export type Paper = 'a4' | 'letter';

/** A planner as a document names it: its name (`self.name` in planner.yaml) and the URL admins open. */
export interface PlannerLink {
  name: string | null;
  url: string;
  /** The planner that made the document. */
  self: boolean;
}

export interface DocumentMeta {
  title: string;
  subtitle?: string;
  lang: Lang;
  deployment: string | null;
  /** ISO 8601 time the document was generated (passed in: the clock is injected). */
  generatedAt: string;
  /** Short hash of the inputs (topology + overlay + status), printed in the header. */
  inputRevision: string | null;
  /**
   * Topology fingerprint (SHA-256 hex of the parsed model and overlay, `topologyFingerprint` in @lyncdr/topology),
   * printed in the revision block and shortened to 16 characters in the page footer; null or absent when not known.
   */
  fingerprint?: string | null;
  /** lyncdr version that generated the document, printed in the revision block. */
  version?: string | null;
  /**
   * The planners that watch the deployment (the one that made the document first), printed under the title and in the
   * revision block; absent for documents made offline.
   */
  planners?: PlannerLink[];
  /** Landscape suits wide tables (worksheets). */
  orientation: 'portrait' | 'landscape';
  /** Free-form keywords for PDF metadata. */
  keywords?: string[];
}

/** Inline text: plain, or spans with emphasis / code / a blank to fill in. */
export type Inline = string | { text: string; style?: 'bold' | 'italic' | 'code' | 'blank' };
export type Text = Inline | Inline[];

export interface HeadingBlock { type: 'heading'; level: 1 | 2 | 3; text: string; id?: string }
export interface ParagraphBlock { type: 'paragraph'; text: Text; tone?: 'normal' | 'note' | 'warning' | 'erratum' }
export interface ListBlock { type: 'list'; ordered: boolean; items: Text[] }

export interface TableColumn {
  header: string;
  /** Relative width (the renderer scales the columns to the page). */
  width: number;
  /** `anywhere` lets FQDNs and UNC paths break at dots and backslashes; `words` breaks at spaces only. */
  wrap?: 'words' | 'anywhere';
  align?: 'left' | 'right' | 'center';
}
/** A cell: text, or a blank ruled cell for a person to fill in (`blank: true`, optional hint such as "TBD — owner"). */
export type TableCell = Text | { blank: true; hint?: string } | { checkbox: true; checked?: boolean };
export interface TableBlock {
  type: 'table';
  caption?: string;
  columns: TableColumn[];
  rows: TableCell[][];
  /** Repeat the header row after a page break (default true). */
  repeatHeader?: boolean;
}

export interface ChecklistItem { text: Text; checked?: boolean }
export interface ChecklistBlock { type: 'checklist'; items: ChecklistItem[] }

/** Exact commands: monospace, copyable, never wrapped mid-token (a long line breaks only at spaces, with a marker). */
export interface CodeBlock { type: 'code'; language: 'powershell' | 'text'; lines: string[] }

/** A numbered procedure step: what to do, the exact command(s), how to verify, where to run it, timing columns. */
export interface StepBlock {
  type: 'step';
  n: number;
  title: string;
  body?: Text;
  commands: string[];
  verify?: Text;
  on?: string | null;
  /** Expected duration in minutes, when known. */
  durationMinutes?: number | null;
  /** Print "Started __:__  Finished __:__  Initials ___" boxes. */
  timing?: boolean;
  /** Who must do it when it is not a command (manual step). */
  manual?: boolean;
  ref?: string | null;
}

export interface SignatureBlock { type: 'signature'; roles: string[] }
export interface PageBreakBlock { type: 'pagebreak' }
export interface KeyValueBlock { type: 'keyvalue'; pairs: [string, Text][] }

export type Block =
  | HeadingBlock
  | ParagraphBlock
  | ListBlock
  | TableBlock
  | ChecklistBlock
  | CodeBlock
  | StepBlock
  | SignatureBlock
  | PageBreakBlock
  | KeyValueBlock;

export interface Document {
  meta: DocumentMeta;
  blocks: Block[];
}

import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { LyncdrError } from '@lyncdr/errors';
import type { Finding } from '@lyncdr/protocol';
import type { Topology } from '@lyncdr/topology';
import { checkZip, defaultZipLimits, type ZipLimits } from '../zip/index';
import { defaultPatterns, matchesPattern, patternWeight, rootElement, type ExportKind } from './kinds';

/** Parses a topology document (published XML or a CMS export zip); @lyncdr/topology's parseTopologyDocument. */
export type ParseTopology = (bytes: Uint8Array, file: string) => Topology;

export interface ExportFileResult {
  file: string;
  kind: ExportKind | null;
  confirmedBy: 'content' | 'name' | null;
  modified: string | null;
  bytes: number;
  ok: boolean;
  documents: string[];
  topology: Topology | null;
  findings: Finding[];
}

export interface VerifyExportOptions {
  parseTopology: ParseTopology;
  /** The kind the caller expects (from the name pattern or the command); content may confirm or contradict it. */
  expect?: ExportKind | null;
  patterns?: Partial<Record<ExportKind, string[]>>;
  limits?: ZipLimits;
  /** Largest zip handed whole to the topology parser when no entry is a topology document by itself. */
  maxWholeZipBytes?: number;
}

const DOC_ITEM_SET = 'docitemset.xml';

/**
 * The kind a file name suggests, from the configured patterns: of the patterns that match, the most specific one
 * (most literal characters) decides, so `E911Config.zip` is LIS and `RgsConfiguration-p.zip` Response Group, although
 * `*config*.zip` matches both.
 */
export function kindFromName(file: string, patterns: Partial<Record<ExportKind, string[]>> = defaultPatterns): ExportKind | null {
  const base = file.split(/[\\/]/).pop() ?? file; // Windows or POSIX separators, whatever the host
  let best: { kind: ExportKind; weight: number } | null = null;
  for (const [kind, list] of Object.entries({ ...defaultPatterns, ...patterns }) as [ExportKind, string[]][]) {
    for (const p of list) {
      if (matchesPattern(base, p) && (!best || patternWeight(p) > best.weight)) best = { kind, weight: patternWeight(p) };
    }
  }
  return best?.kind ?? null;
}

/**
 * Verifies one export zip: it opens, every CRC matches (streamed, within limits), the expected documents are inside
 * (`DocItemSet.xml` for Export-CsConfiguration and Export-CsUserData, REFERENCE §f.2) and, for a configuration
 * export, the topology inside parses. Everything wrong is a finding; nothing throws for a damaged file.
 */
export async function verifyExport(file: string, opts: VerifyExportOptions): Promise<ExportFileResult> {
  const zip = await checkZip(file, opts.limits ?? defaultZipLimits);
  const findings = [...zip.findings];
  const add = (code: string, message: string, severity: Finding['severity'] = 'error') => findings.push({ code, message: `${file}: ${message}`, path: file, severity });
  let modified: string | null = null;
  try {
    modified = (await stat(file)).mtime.toISOString();
  } catch {
    /* reported by checkZip */
  }
  const documents = zip.entries.map((e) => e.name);
  const result: ExportFileResult = { file, kind: opts.expect ?? null, confirmedBy: null, modified, bytes: zip.bytes, ok: false, documents, topology: null, findings };
  if (!zip.opened) return result;
  if (zip.entries.length === 0) add('EXPORT_EMPTY', 'the zip holds no entries');

  const docItemSet = [...zip.heads.entries()].find(([n]) => path.posix.basename(n.replace(/\\/g, '/')).toLowerCase() === DOC_ITEM_SET);
  const topoEntry = [...zip.heads.entries()].find(([n, head]) => /\.xml$/i.test(n) && rootElement(head) === 'Topology');
  const expect = opts.expect ?? kindFromName(file, opts.patterns);
  const looksUserData = docItemSet ? /urn:lcd:|HomedResource/.test(docItemSet[1].toString('utf8')) : false;

  if (expect === 'configuration' || (!expect && (topoEntry || (docItemSet && !looksUserData)))) {
    result.kind = 'configuration';
    if (!docItemSet) add('EXPORT_DOC_MISSING', 'DocItemSet.xml is not in the zip; an Export-CsConfiguration zip carries it (REFERENCE §f.2)');
    result.topology = await parseTopologyFrom(file, zip.bytes, topoEntry?.[1] ?? null, opts, add);
    result.confirmedBy = result.topology ? 'content' : docItemSet ? 'name' : null;
  } else if (expect === 'userdata' || looksUserData) {
    result.kind = 'userdata';
    if (!docItemSet) add('EXPORT_DOC_MISSING', 'DocItemSet.xml is not in the zip; an Export-CsUserData zip carries it (REFERENCE §f.2)');
    result.confirmedBy = looksUserData ? 'content' : null;
    if (docItemSet && !looksUserData) add('EXPORT_CONTENT_UNEXPECTED', 'DocItemSet.xml holds no user items (urn:lcd:…); is this the right export?', 'warning');
  } else if (expect) {
    result.kind = expect;
    result.confirmedBy = 'name';
    add('EXPORT_CONTENT_UNCONFIRMED', `the ${expect} export opens and its CRCs match, but its layout is not documented, so its content was not checked`, 'info');
  }
  result.ok = findings.every((f) => f.severity === 'info');
  return result;
}

async function parseTopologyFrom(
  file: string,
  zipBytes: number,
  entry: Buffer | null,
  opts: VerifyExportOptions,
  add: (code: string, message: string, severity?: Finding['severity']) => void,
): Promise<Topology | null> {
  let bytes: Uint8Array;
  if (entry) bytes = entry;
  else if (zipBytes <= (opts.maxWholeZipBytes ?? 64 * 1024 * 1024)) bytes = await readFile(file);
  else {
    add('CMS_TOPOLOGY_NOT_FOUND', 'no entry of the zip is a topology document (root element Topology)');
    return null;
  }
  try {
    return opts.parseTopology(bytes, file);
  } catch (e) {
    const code = e instanceof LyncdrError ? e.code : 'E_INTERNAL';
    add('CMS_TOPOLOGY_PARSE', `the topology inside does not parse (${code}: ${(e as Error).message})`);
    return null;
  }
}

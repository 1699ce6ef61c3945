import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkZip } from '../../../packages/collectors/src/index';
import { DEFAULT_ZIP_LIMITS } from '../../../packages/topology/src/zip/index';
import type { FuzzTarget } from '../harness/target';
import { zipInputs } from './zip-seeds';

let dir = '';
let file = '';

/** The streamed zip checker of packages/collectors (reads a file: central directory, inflate + CRC per entry). */
export const target: FuzzTarget = {
  name: 'zip-stream',
  input: zipInputs(),
  async setup() {
    dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-fuzz-zip-'));
    file = path.join(dir, 'export.zip');
  },
  async teardown() {
    rmSync(dir, { recursive: true, force: true });
  },
  async run(bytes) {
    writeFileSync(file, bytes);
    const r = await checkZip(file, { ...DEFAULT_ZIP_LIMITS, maxRatio: Number.POSITIVE_INFINITY }, { keepXmlBytes: 8 * 1024 * 1024 });
    if (!r.ok && r.findings.length === 0) throw new Error('a zip judged not ok without a finding');
    // ZIP_UNREADABLE on a file that opened means an unexpected error inside the reader, turned into a finding.
    const unexpected = r.findings.find((f) => f.code === 'ZIP_UNREADABLE');
    if (unexpected) throw new Error(`unexpected error in the zip reader: ${unexpected.message}`);
    return r;
  },
};

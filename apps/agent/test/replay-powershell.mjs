#!/usr/bin/env node
// A stand-in for powershell.exe used by the tests: takes the same arguments (-NoProfile -NonInteractive -File
// <script> -Name value…), looks up a recorded output for that script and those arguments in ./recordings (or
// $LYNCDR_REPLAY_DIR) and replays it: stdout, stderr and exit code, or a hang, or a flood of output (and a file
// written, for a script that writes one).
//
// The product the stand-in plays is $LYNCDR_REPLAY_PRODUCT: lync2013 (the default), sfb2015, sfb2019, or none (a
// computer with neither the Lync nor the SkypeForBusiness module). A recording with a "product" key (one name or a
// list) plays only for those products, one without it for lync2013; a file where no recording has the key (a script
// that does not depend on the Lync version) plays for every product.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const argv = process.argv.slice(2);
const fileAt = argv.indexOf('-File');
if (!argv.includes('-NoProfile') || !argv.includes('-NonInteractive') || fileAt < 0 || !argv[fileAt + 1]) {
  process.stderr.write('replay-powershell: expected -NoProfile -NonInteractive -File <script>\n');
  process.exit(64);
}
const script = path.basename(argv[fileAt + 1], '.ps1');
const args = {};
for (let i = fileAt + 2; i < argv.length; i++) {
  const name = argv[i].replace(/^-/, '');
  const next = argv[i + 1];
  if (next === undefined || next.startsWith('-')) args[name] = true;
  else {
    args[name] = next;
    i++;
  }
}
const dir = process.env.LYNCDR_REPLAY_DIR ?? path.join(path.dirname(fileURLToPath(import.meta.url)), 'recordings');
let cases;
try {
  cases = JSON.parse(readFileSync(path.join(dir, `${script}.json`), 'utf8'));
} catch {
  process.stderr.write(`The term '${script}' has no recording in ${dir}.\n`);
  process.exit(1);
}
const product = process.env.LYNCDR_REPLAY_PRODUCT || 'lync2013';
const versioned = cases.some((c) => c.product !== undefined);
const playsFor = (c) => !versioned || [c.product ?? 'lync2013'].flat().includes(product);
const match = cases.find((c) => playsFor(c) && Object.entries(c.args ?? {}).every(([k, v]) => String(args[k]) === String(v)));
if (!match) {
  process.stderr.write(`Get-Cs…: no recording of ${script} for ${JSON.stringify(args)} on ${product}\n`);
  process.exit(1);
}
if (match.stderr) process.stderr.write(match.stderr);
// A script that changes a file (protect-token.ps1 rewrites the token file): the recording says what it writes.
if (match.writeFile) writeFileSync(match.writeFile.path, match.writeFile.content);
if (match.hang) {
  // A hung cmdlet: this process and a child of its own never finish; the bridge must kill the whole tree.
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  if (process.env.LYNCDR_REPLAY_PIDFILE) writeFileSync(process.env.LYNCDR_REPLAY_PIDFILE, String(child.pid));
  setInterval(() => {}, 1000);
} else if (match.flood) {
  const chunk = Buffer.alloc(1024 * 1024, 0x61);
  let left = match.flood;
  const pump = () => {
    while (left > 0) {
      left -= chunk.length;
      if (!process.stdout.write(chunk)) return void process.stdout.once('drain', pump);
    }
  };
  pump();
} else {
  const out = match.stdoutFile ? readFileSync(path.join(dir, match.stdoutFile), 'utf8') : typeof match.stdout === 'string' ? match.stdout : JSON.stringify(match.stdout ?? null);
  process.stdout.write(out, () => process.exit(match.exit ?? 0));
}

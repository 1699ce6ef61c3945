// Hang detector of a fuzz process: the fuzz loop stores the number of the case it runs in a shared counter; when the
// counter does not move for `hangMs` (a parser stuck in a loop blocks the main thread), this worker names the case on
// stderr and kills the process, so that the parent can rebuild the input from the seed and keep it as a regression.
import { writeSync } from 'node:fs';
import { workerData } from 'node:worker_threads';

const { counter, hangMs } = workerData;
const cells = new Int32Array(counter);
let last = -1;
let since = Date.now();
setInterval(() => {
  const now = Atomics.load(cells, 0);
  if (now !== last) {
    last = now;
    since = Date.now();
    return;
  }
  if (now !== 0 && Atomics.load(cells, 1) === 1 && Date.now() - since > hangMs) {
    const which = now > 0 ? `case=${now - 1}` : `regression=${-now - 1}`;
    writeSync(2, `FUZZ-HANG target=${Atomics.load(cells, 2)} ${which}\n`);
    process.kill(process.pid, 'SIGKILL');
  }
}, 250);

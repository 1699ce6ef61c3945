// Worker-thread side of the PostgreSQL store: owns one `pg` connection and runs the store's operations (pg-ops.mjs)
// on it, one at a time, for the planner's thread, which waits for each answer synchronously (pg-store.ts). The answer
// is posted on the port first, then the shared flag is raised and notified, so the waiting thread finds it there.
// Plain JavaScript: a worker thread gets no TypeScript loader.
import { workerData } from 'node:worker_threads';
import { migrate, openClient, ops } from './pg-ops.mjs';

const { port, flag, url, schema, connectTimeoutMs } = workerData;
let client = null;
/** After a failed connect, calls fail at once for a moment instead of each waiting for the connect timeout again. */
const RETRY_AFTER_MS = 2000;
let failedConnect = null;

/** The connection, opened (again, after a loss) on demand, in the deployment's schema. */
async function connected() {
  if (client) return client;
  if (failedConnect && Date.now() - failedConnect.at < RETRY_AFTER_MS) throw failedConnect.error;
  let c;
  try {
    c = await openClient({ url, schema, connectTimeoutMs, applicationName: 'lyncdr planner', onLost: (lost) => {
      // A lost connection: the next operation opens a new one.
      if (client === lost) client = null;
    } });
  } catch (e) {
    failedConnect = { at: Date.now(), error: e };
    throw e;
  }
  failedConnect = null;
  client = c;
  return c;
}

const handlers = {
  open: async () => {
    const c = await connected();
    return (await c.query('SHOW server_version')).rows[0].server_version;
  },
  migrate: async (migrations, at) => migrate(await connected(), migrations, at),
  close: async () => {
    const c = client;
    client = null;
    await c?.end();
    return true;
  },
};

const answer = (m) => {
  port.postMessage(m);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
};

let chain = Promise.resolve();
port.on('message', (m) => {
  chain = chain.then(async () => {
    try {
      const handler = handlers[m.op];
      const value = handler ? await handler(...m.args) : await ops[m.op](await connected(), ...m.args);
      answer({ id: m.id, value });
    } catch (e) {
      // A broken connection (or one whose statement ran out of time and may still run) is dropped; the next call reconnects.
      if (client && (e.code === 'ECONNRESET' || e.code === 'EPIPE' || /Connection terminated|not queryable|timeout/i.test(String(e.message)))) {
        client.end().catch(() => {});
        client = null;
      }
      answer({ id: m.id, error: { message: String(e.message ?? e), code: e.lyncdrCode ?? null, sqlState: typeof e.code === 'string' ? e.code : null } });
    }
  });
});

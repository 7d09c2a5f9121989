// One collection run in a process of its own, so the kill test can SIGKILL it mid-run. Prints
// `page N` after each committed page; the parent decides when to kill. Arguments: watch id, archive
// folder, lease seconds.
import { runWatch } from '../../../collect/run.ts';
import { connectionFromEnv, openDb } from '../../../queries/connection.ts';

const [id, archiveDir, leaseSeconds] = process.argv.slice(2);
const db = openDb(connectionFromEnv());
const r = await runWatch(db, id!, {
  archiveDir: archiveDir!,
  leaseMs: Number(leaseSeconds) * 1000,
  http: { timeoutMs: 5000, maxAttempts: 2, backoff: { baseMs: 10, capMs: 20 } },
  onPage: (n) => process.stdout.write(`page ${n}\n`),
});
process.stdout.write(`${JSON.stringify(r)}\n`);
await db.close();

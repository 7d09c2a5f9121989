// Integration files run two at a time, each on its own local test Neo4j ("lane"): Neo4j Community
// has one user database per server, and the suites empty it, so two files must never share one.
// Lane 1 is the "test" instance the global setup started; lane 2 ("test-2") is started by the first
// file that needs it and then kept running like the first. A worker process claims a lane with a lock
// file holding its pid (created exclusively, so two workers never take the same one; a lock whose pid
// is gone is taken over) and keeps it for every file it runs. With NEO4J_URI set there is one lane.
//
// Two lanes by default (CARECIRCLE_TEST_LANES=1 runs the files one after another on "test"). They
// were opt-in for a while: in the first CI run with two lanes, 33 files failed on lane 2's
// credentials after the bulk-import test. The likely cause, found since: the kill -9 tests killed
// only the tsx binary, whose child (the real command) ran on orphaned and, in the bulk test, stopped
// and restarted that lane's Neo4j after its file had ended and the lane had passed on. Tests now run
// commands as one process (tests/helpers/cli.ts cliProcess), so a killed command is gone.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { freePort, localInstance, portOpen, processRunning, start, status } from '../../neo4j/instance.ts';
import { connectionFromEnv, openDb } from '../../queries/connection.ts';
import { applySchema } from '../../queries/schema.ts';
import { markTestDatabase } from '../helpers/db.ts';

export const TEST_LANES = process.env.NEO4J_URI
  ? 1
  : Math.max(1, Number(process.env.CARECIRCLE_TEST_LANES ?? 2));

/** The lane this process holds, claimed on first use: 1 … TEST_LANES. */
function claimLane(dir: string): number {
  for (;;) {
    for (let lane = 1; lane <= TEST_LANES; lane++) {
      const lock = path.join(dir, `lane-${lane}.lock`);
      try {
        const fd = openSync(lock, 'wx');
        writeSync(fd, String(process.pid));
        closeSync(fd);
        process.on('exit', () => rmSync(lock, { force: true }));
        return lane;
      } catch {
        const holder = Number(readFileSync(lock, 'utf8') || 0);
        if (holder === process.pid) return lane;
        if (holder > 0 && !processRunning(holder)) rmSync(lock, { force: true });
      }
    }
  }
}

const lanesDir = path.join(path.dirname(localInstance({ CARECIRCLE_NEO4J_INSTANCE: 'test' }).home), 'lanes');

if (TEST_LANES > 1 && !process.env.CARECIRCLE_TEST_LANE) {
  mkdirSync(lanesDir, { recursive: true });
  const lane = claimLane(lanesDir);
  process.env.CARECIRCLE_TEST_LANE = String(lane);
  if (lane > 1) {
    const name = `test-${lane}`;
    const running = status(
      localInstance({ ...process.env, CARECIRCLE_NEO4J_INSTANCE: name, CARECIRCLE_NEO4J_PORT: '' }),
    );
    let port = running.running ? localInstance({ CARECIRCLE_NEO4J_INSTANCE: name }).port : 7688 + lane - 1;
    if (!running.running && (await portOpen(port))) port = await freePort();
    process.env.CARECIRCLE_NEO4J_INSTANCE = name;
    process.env.CARECIRCLE_NEO4J_PORT = String(port);
    await start(localInstance(), { log: (l) => console.log(`[test neo4j lane ${lane}] ${l}`) });
    const db = openDb(connectionFromEnv());
    try {
      await applySchema(db);
      await markTestDatabase(db);
    } finally {
      await db.close();
    }
  }
}

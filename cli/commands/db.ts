// db start | stop | status: the local Neo4j (with NEO4J_URI set, only status does anything: it
// checks that server).
import type { Command } from 'commander';
import { connectionFromEnv, openDb } from '../../queries/connection.ts';
import { localInstance, start, status, stop } from '../../neo4j/instance.ts';
import { NEO4J_VERSION } from '../../neo4j/jars.ts';
import { applySchema } from '../../queries/schema.ts';
import { fail, output } from '../output.ts';

export function register(program: Command): void {
  const db = program
    .command('db')
    .description('start, stop or check the local Neo4j (or the NEO4J_URI server)');

  db.command('start')
    .description(
      `start the local Neo4j ${NEO4J_VERSION} (fetching its jars from Maven Central the first time)`,
    )
    .option('--json', 'machine-readable output')
    .option('--timeout <seconds>', 'how long to wait for Bolt', '120')
    .action(async (o: { json?: boolean; timeout: string }) => {
      const out = output(!!o.json);
      try {
        if (process.env.NEO4J_URI) {
          out.info(`NEO4J_URI is set (${process.env.NEO4J_URI}): nothing to start`);
          out.result({ managed: false, uri: process.env.NEO4J_URI }, () => 'using NEO4J_URI');
          return;
        }
        const r = await start(localInstance(), { log: out.info, timeoutMs: Number(o.timeout) * 1000 });
        const db = openDb(connectionFromEnv());
        try {
          const info = await db.serverInfo();
          await applySchema(db);
          out.result(
            { ...r, version: info.version, edition: info.edition },
            (v: typeof r) => `Neo4j running on ${v.uri}`,
          );
        } finally {
          await db.close();
        }
      } catch (err) {
        fail(err, !!o.json);
      }
    });

  db.command('stop')
    .description('stop the local Neo4j and wait until its Java process is gone')
    .option('--json', 'machine-readable output')
    .action(async (o: { json?: boolean }) => {
      const out = output(!!o.json);
      try {
        if (process.env.NEO4J_URI) {
          out.result({ managed: false, stopped: false }, () => 'NEO4J_URI is set: nothing to stop');
          return;
        }
        const r = await stop(localInstance(), { log: out.info });
        out.result(r, (v: typeof r) => (v.stopped ? 'stopped' : 'was not running'));
      } catch (err) {
        fail(err, !!o.json);
      }
    });

  db.command('status')
    .description('is Neo4j running and reachable, and which version')
    .option('--json', 'machine-readable output')
    .action(async (o: { json?: boolean }) => {
      const out = output(!!o.json);
      try {
        const local = process.env.NEO4J_URI ? null : status(localInstance());
        if (local && !local.running) {
          out.result(
            { managed: true, running: false, uri: local.uri },
            () =>
              `local Neo4j "${local.instance}" is not running (${local.uri}); start it with: npm run cli -- db start`,
          );
          process.exitCode = 1;
          return;
        }
        const conn = connectionFromEnv();
        const db = openDb(conn);
        try {
          const info = await db.serverInfo();
          const value = {
            managed: conn.managed,
            running: true,
            uri: conn.uri,
            pid: local?.pid ?? null,
            ...info,
          };
          out.result(value, () => `Neo4j ${info.version} ${info.edition} reachable at ${conn.uri}`);
        } finally {
          await db.close();
        }
      } catch (err) {
        fail(err, !!o.json);
      }
    });
}

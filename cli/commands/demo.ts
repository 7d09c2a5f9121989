// demo: the README's run command. Starts the local Neo4j (unless NEO4J_URI), prepares the database,
// builds the client when needed and serves it, printing the URL.
import type { Command } from 'commander';
import { localInstance, start } from '../../neo4j/instance.ts';
import { ensureDemoData } from '../../ingest/demo/ensure.ts';
import { ensureDemoMentions } from '../../ingest/demo/mentions.ts';
import { ensureAnalysis } from '../../queries/analysis/run.ts';
import { ensureClientBuilt } from '../../server/client-build.ts';
import { startServer } from '../../server/serve.ts';
import { ensureDemoUser } from '../../queries/users.ts';
import { withDb } from '../context.ts';
import { fail, output } from '../output.ts';

export function register(program: Command): void {
  program
    .command('demo')
    .description(
      'run the app on the built-in demo data: Neo4j started, data loaded, analysis run, URL printed',
    )
    .option('--json', 'print {url} as JSON once listening')
    .action(async (o: { json?: boolean }) => {
      const out = output(!!o.json);
      // Keep the console readable: request logs only when asked for (LOG_LEVEL=info).
      process.env.LOG_LEVEL ??= 'warn';
      try {
        if (!process.env.NEO4J_URI) await start(localInstance(), { log: out.info });
        const login = await withDb({ log: out.info }, async ({ db }) => {
          const info = await db.serverInfo();
          out.info(`Neo4j ${info.version} ${info.edition} at ${info.address}`);
          await ensureDemoData(db, out.info);
          await ensureAnalysis(db, out.info);
          await ensureDemoMentions(db, out.info);
          // Last in this block: a fresh password for the demo admin, printed with the URL.
          return ensureDemoUser(db);
        });
        await ensureClientBuilt(out.info);
        const { url } = await startServer();
        out.result(
          { url, username: login.username, password: login.password },
          () =>
            `\nCarecircle is running at ${url}\nSign in as ${login.username} / ${login.password}\n(Ctrl-C stops the web server; \`npm run cli -- db stop\` stops Neo4j)`,
        );
      } catch (err) {
        fail(err, !!o.json);
      }
    });
}

// serve: the API and the built client on PORT (default 5173), printing the URL.
import type { Command } from 'commander';
import { localInstance, start } from '../../neo4j/instance.ts';
import { ensureClientBuilt } from '../../server/client-build.ts';
import { startServer } from '../../server/serve.ts';
import { withDb } from '../context.ts';
import { fail, output } from '../output.ts';

export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the JSON API and the web client on PORT (starts the local Neo4j if it is ours)')
    .option('--json', 'print {url} as JSON once listening')
    .action(async (o: { json?: boolean }) => {
      const out = output(!!o.json);
      try {
        if (!process.env.NEO4J_URI) await start(localInstance(), { log: out.info });
        await withDb({ log: out.info }, async () => {}); // fail fast, naming the URI, before building anything
        await ensureClientBuilt(out.info);
        const { url } = await startServer();
        out.result({ url }, () => `Carecircle is running at ${url}`);
      } catch (err) {
        fail(err, !!o.json);
      }
    });
}

// The one command-line entry point: `npm run cli -- <command>`. Each command lives in commands/.
import { Command, CommanderError } from 'commander';
import { EXIT } from './output.ts';
import * as db from './commands/db.ts';
import * as serve from './commands/serve.ts';
import * as demo from './commands/demo.ts';
import * as user from './commands/user.ts';
import * as ingest from './commands/ingest.ts';
import * as stats from './commands/stats.ts';
import * as reset from './commands/reset.ts';
import * as analyze from './commands/analyze.ts';
import * as influencers from './commands/influencers.ts';
import * as exportCmd from './commands/export.ts';
import * as purge from './commands/purge.ts';
import * as chats from './commands/chats.ts';
import * as identity from './commands/identity.ts';
import * as listen from './commands/listen.ts';
import * as watch from './commands/watch.ts';

const program = new Command('carecircle')
  .description('Find the people who shape health conversations online and build relationships with them.')
  .showHelpAfterError('(add --help for usage)')
  .exitOverride();

for (const c of [
  db,
  serve,
  demo,
  user,
  ingest,
  stats,
  reset,
  analyze,
  influencers,
  exportCmd,
  purge,
  chats,
  identity,
  listen,
  watch,
])
  c.register(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    // --help and --version are not failures; every other parse problem is bad usage (exit 2).
    process.exit(err.exitCode === 0 ? EXIT.ok : EXIT.usage);
  }
  throw err;
}

// The one command-line entry point: `npm run cli -- <command>`. Each command lives in commands/.
import { Command, CommanderError } from 'commander';
import { EXIT } from './output.ts';

interface CommandModule {
  register(program: Command): void;
}

// Each command module is imported only when its command runs: `serve` and `demo` pull in the whole
// web server, `ingest` the parsers, `purge` the PHI guard, and importing all of them made every
// command take about 2.5 s to start (0.7 s for one). Help, and a name that is no command, load all
// of them, so the listing and commander's suggestions stay complete. The order is the help's order.
const COMMANDS: [names: string[], load: () => Promise<CommandModule>][] = [
  [['db'], () => import('./commands/db.ts')],
  [['serve'], () => import('./commands/serve.ts')],
  [['demo'], () => import('./commands/demo.ts')],
  [['user'], () => import('./commands/user.ts')],
  [['ingest', 'demo-data'], () => import('./commands/ingest.ts')],
  [['stats'], () => import('./commands/stats.ts')],
  [['reset'], () => import('./commands/reset.ts')],
  [['analyze'], () => import('./commands/analyze.ts')],
  [['influencers'], () => import('./commands/influencers.ts')],
  [['export'], () => import('./commands/export.ts')],
  [['purge'], () => import('./commands/purge.ts')],
  [['chats'], () => import('./commands/chats.ts')],
  [['identity'], () => import('./commands/identity.ts')],
  [['listen'], () => import('./commands/listen.ts')],
  [['watch'], () => import('./commands/watch.ts')],
];

const program = new Command('carecircle')
  .description('Find the people who shape health conversations online and build relationships with them.')
  .showHelpAfterError('(add --help for usage)')
  .exitOverride();

// The program has no options of its own, so the first word that is not an option names the command.
const asked = process.argv.slice(2).find((a) => !a.startsWith('-'));
const one = COMMANDS.find(([names]) => asked !== undefined && names.includes(asked));
for (const [, load] of one ? [one] : COMMANDS) (await load()).register(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    // --help and --version are not failures; every other parse problem is bad usage (exit 2).
    process.exit(err.exitCode === 0 ? EXIT.ok : EXIT.usage);
  }
  throw err;
}

// Runs the real server start-up (server/serve.ts: listen, signal handlers) in a process of its own so
// the shutdown test can send it SIGTERM. Prints one JSON line {"url"} once it listens; the pino log
// goes to the same stdout.
import { startServer } from '../../../server/serve.ts';

const { url } = await startServer(process.env);
process.stdout.write(`${JSON.stringify({ url })}\n`);

// Runs the real command line (`npm run cli -- …`) as a child process and captures what it prints.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The command line as one process: node with tsx's loader. The tsx binary would run the command in a
 * child of its own, so a SIGKILL (a test's kill -9, or the timeout below) would end only tsx and leave
 * the command running on, orphaned: still writing, stopping and starting Neo4j after the test moved on.
 */
export function cliProcess(args: string[]): [string, string[]] {
  return [process.execPath, ['--import', 'tsx', 'cli/index.ts', ...args]];
}

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export function runCli(
  args: string[],
  opts: { env?: NodeJS.ProcessEnv; input?: string; timeoutMs?: number } = {},
) {
  return new Promise<CliResult>((resolve, reject) => {
    const started = Date.now();
    const child = spawn(...cliProcess(args), {
      cwd: root,
      env: { ...process.env, ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
    child.stdin.end(opts.input ?? '');
  });
}

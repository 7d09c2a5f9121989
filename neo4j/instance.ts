// The project's own Neo4j instances: .neo4j/<name>/ (conf, data, logs, password, pid), each on its
// own port, started on the machine's JDK with the jars of jars.ts, and stopped again.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setInitialPassword } from './initial-password.ts';
import {
  checkJava,
  ensureJars,
  gdsRequested,
  JVM_OPTIONS,
  LocalNeo4jError,
  NEO4J_VERSION,
  repoRoot,
  stateDir,
  syncPlugins,
  type Log,
} from './jars.ts';
import { neo4jMemory, type Neo4jMemory } from './memory.ts';

export interface LocalInstance {
  name: string;
  port: number;
  uri: string;
  home: string;
  readPassword(): string;
}

/** The port an instance gets when neither CARECIRCLE_NEO4J_PORT nor a running server says another. */
export function defaultPort(name: string): number {
  return name === 'test' ? 7688 : 7687;
}

/** The instance picked by the environment: `dev` on 7687 unless CARECIRCLE_NEO4J_INSTANCE/PORT say otherwise. */
export function localInstance(env: NodeJS.ProcessEnv = process.env): LocalInstance {
  const name = env.CARECIRCLE_NEO4J_INSTANCE || 'dev';
  if (!/^[a-z0-9-]{1,40}$/.test(name)) {
    throw new LocalNeo4jError(
      `CARECIRCLE_NEO4J_INSTANCE must be lower-case letters, digits or '-', got "${name}"`,
    );
  }
  const home = path.join(stateDir, name);
  // A running instance keeps the port it was started on, so `db status` / `db stop` find it without
  // CARECIRCLE_NEO4J_PORT being set again; otherwise the environment or the default decides.
  const port = Number(env.CARECIRCLE_NEO4J_PORT || runningPort(home) || defaultPort(name));
  if (!Number.isInteger(port) || port < 1024 || port > 65535) {
    throw new LocalNeo4jError(
      `CARECIRCLE_NEO4J_PORT must be a port number 1024-65535, got "${env.CARECIRCLE_NEO4J_PORT}"`,
    );
  }
  return {
    name,
    port,
    uri: `bolt://127.0.0.1:${port}`,
    home,
    readPassword() {
      const file = path.join(home, 'password');
      if (!existsSync(file)) {
        throw new LocalNeo4jError(
          `the local Neo4j "${name}" has not been started yet (no ${path.relative(repoRoot, file)}): run \`npm run cli -- db start\`, or set NEO4J_URI`,
        );
      }
      return readFileSync(file, 'utf8').trim();
    },
  };
}

function conf(inst: LocalInstance, memory: Neo4jMemory): string {
  const d = (sub: string) => path.join(inst.home, sub);
  return [
    '# Written by neo4j/local.ts at each start; edit neo4j/local.ts instead.',
    'server.default_listen_address=127.0.0.1',
    `server.bolt.listen_address=127.0.0.1:${inst.port}`,
    'server.bolt.advertised_address=127.0.0.1',
    'server.http.enabled=false',
    'server.https.enabled=false',
    `server.directories.data=${d('data')}`,
    `server.directories.logs=${d('logs')}`,
    `server.directories.run=${d('run')}`,
    `server.directories.plugins=${d('plugins')}`,
    `server.directories.import=${d('import')}`,
    `server.memory.pagecache.size=${memory.pagecache}`,
    'server.memory.off_heap.max_size=0',
    'dbms.usage_report.enabled=false',
    'dbms.security.procedures.unrestricted=gds.*',
    'db.tx_log.rotation.retention_policy=1 files',
    '',
  ].join('\n');
}

/** The Bolt port in the configuration of an instance that is running now, or null. */
function runningPort(home: string): number | null {
  if (readPid({ home }) === null) return null;
  try {
    const conf = readFileSync(path.join(home, 'conf', 'neo4j.conf'), 'utf8');
    const m = /^server\.bolt\.listen_address=[^:\n]*:(\d+)$/m.exec(conf);
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

function pidFile(inst: Pick<LocalInstance, 'home'>) {
  return path.join(inst.home, 'neo4j.pid');
}

/** Whether process `pid` runs: it exists and is not a zombie. Shared by the tests' own checks. */
export function processRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A Neo4j that exited while the process that started it (a test or bench run) is still alive stays a
  // zombie until that parent reaps it; signal 0 still reaches a zombie, but nothing runs there.
  if (!existsSync('/proc/self/stat')) return true; // no /proc (not Linux): signal 0 is all there is
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false; // gone between the signal and the read
  }
}

export function readPid(inst: Pick<LocalInstance, 'home'>): number | null {
  const f = pidFile(inst);
  if (!existsSync(f)) return null;
  const pid = Number(readFileSync(f, 'utf8').trim());
  if (!Number.isInteger(pid) || !processRunning(pid)) return null;
  // A recycled pid would not be java running our entry point.
  try {
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (!cmd.includes('CommunityEntryPoint') || !cmd.includes(inst.home)) return null;
  } catch {
    /* no /proc (not Linux): trust the pid */
  }
  return pid;
}

/** Whether something accepts connections on the local port. */
export function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host: '127.0.0.1', port });
    s.setTimeout(1000);
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
    s.once('timeout', () => {
      s.destroy();
      resolve(false);
    });
  });
}

interface LocalStatus {
  instance: string;
  running: boolean;
  pid: number | null;
  uri: string;
  home: string;
}

/** A local port nothing listens on now (the system's pick). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export function status(inst: LocalInstance = localInstance()): LocalStatus {
  const pid = readPid(inst);
  return { instance: inst.name, running: pid !== null, pid, uri: inst.uri, home: inst.home };
}

interface StartOptions {
  log?: Log;
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

/** Starts the instance (fetching jars the first time) and waits until Bolt accepts the generated password. */
export async function start(
  inst: LocalInstance = localInstance(),
  opts: StartOptions = {},
): Promise<LocalStatus & { started: boolean; jarsCached: boolean }> {
  const log = opts.log ?? (() => {});
  const env = opts.env ?? process.env;
  const timeoutMs = opts.timeoutMs ?? 120_000;
  const current = status(inst);
  if (current.running) {
    log(`Neo4j "${inst.name}" is already running (pid ${current.pid}) on ${inst.uri}`);
    return { ...current, started: false, jarsCached: true };
  }
  checkJava();
  const jars = ensureJars(log);
  if (await portOpen(inst.port)) {
    throw new LocalNeo4jError(
      `port ${inst.port} is already in use by another program: set CARECIRCLE_NEO4J_PORT to a free port, or NEO4J_URI to use that server`,
    );
  }
  for (const sub of ['data', 'logs', 'run', 'plugins', 'import', 'conf']) {
    mkdirSync(path.join(inst.home, sub), { recursive: true });
  }
  const memory = neo4jMemory(env);
  log(`Neo4j memory: heap ${memory.heap}, page cache ${memory.pagecache} (${memory.source})`);
  writeFileSync(path.join(inst.home, 'conf', 'neo4j.conf'), conf(inst, memory));
  const withGds = gdsRequested(env);
  syncPlugins(inst, withGds, log);
  const passwordFile = path.join(inst.home, 'password');
  // Neo4j 5 keeps users in its system database: a data folder without it has never been started, so
  // it still has neo4j/neo4j and gets a new generated password. Otherwise the kept password stays.
  const freshData = !existsSync(path.join(inst.home, 'data', 'databases', 'system'));
  if (freshData || !existsSync(passwordFile)) {
    writeFileSync(passwordFile, randomBytes(18).toString('base64url') + '\n', { mode: 0o600 });
  }
  const consoleLog = path.join(inst.home, 'logs', 'console.log');
  const out = openSync(consoleLog, 'a');
  const child = spawn(
    'java',
    [
      `-Xms${env.NEO4J_HEAP_INITIAL || '512m'}`,
      `-Xmx${memory.heap}`,
      ...JVM_OPTIONS,
      '-cp',
      // GDS registers its procedures through a kernel extension, which Neo4j finds on the class path
      // only (bin/neo4j puts plugins/* there too).
      withGds ? `${jars.dir}/*${path.delimiter}${path.join(inst.home, 'plugins')}/*` : `${jars.dir}/*`,
      'org.neo4j.server.CommunityEntryPoint',
      `--home-dir=${inst.home}`,
      `--config-dir=${path.join(inst.home, 'conf')}`,
    ],
    { detached: true, stdio: ['ignore', out, out] },
  );
  closeSync(out);
  child.unref();
  writeFileSync(pidFile(inst), String(child.pid));
  log(`Neo4j ${NEO4J_VERSION} "${inst.name}" starting (pid ${child.pid}) on ${inst.uri}…`);

  const deadline = Date.now() + timeoutMs;
  while (!(await portOpen(inst.port))) {
    if (!processRunning(child.pid!)) {
      const tail = readFileSync(consoleLog, 'utf8').split('\n').slice(-20).join('\n');
      throw new LocalNeo4jError(`Neo4j exited during start-up; the end of ${consoleLog}:\n${tail}`);
    }
    if (Date.now() > deadline) {
      throw new LocalNeo4jError(
        `Neo4j did not accept Bolt connections on ${inst.uri} within ${Math.round(timeoutMs / 1000)} s; see ${path.join(inst.home, 'logs', 'neo4j.log')}`,
      );
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const password = readFileSync(passwordFile, 'utf8').trim();
  // Bolt may accept connections a moment before authentication is ready.
  for (;;) {
    try {
      if (await setInitialPassword(inst.uri, password)) log('Neo4j: generated password set (kept in .neo4j)');
      break;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  log(`Neo4j "${inst.name}" is ready on ${inst.uri}`);
  return { ...status(inst), started: true, jarsCached: jars.cached };
}

/** Stops the instance and waits until its Java process is gone. */
export async function stop(
  inst: LocalInstance = localInstance(),
  opts: { log?: Log; timeoutMs?: number } = {},
): Promise<{ stopped: boolean }> {
  const log = opts.log ?? (() => {});
  const pid = readPid(inst);
  if (pid === null) {
    rmSync(pidFile(inst), { force: true });
    log(`Neo4j "${inst.name}" is not running`);
    return { stopped: false };
  }
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  while (processRunning(pid)) {
    if (Date.now() > deadline) {
      log(`Neo4j "${inst.name}" did not stop in time; killing pid ${pid}`);
      process.kill(pid, 'SIGKILL');
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  rmSync(pidFile(inst), { force: true });
  log(`Neo4j "${inst.name}" stopped`);
  return { stopped: true };
}

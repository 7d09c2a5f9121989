// The project's own Neo4j: 5.26 Community jars from Maven Central, run on the machine's JDK.
// Instances live in .neo4j/<name>/ (conf, data, logs, password, pid); jars are shared in .neo4j/lib.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setInitialPassword } from '../queries/db.ts';
import { neo4jMemory, type Neo4jMemory } from './memory.ts';

export const NEO4J_VERSION = '5.26.30';
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const stateDir = path.join(repoRoot, '.neo4j');
const libDir = path.join(stateDir, 'lib');
const pomFile = path.join(repoRoot, 'neo4j', 'pom.xml');

export class LocalNeo4jError extends Error {
  override name = 'LocalNeo4jError';
}

type Log = (line: string) => void;

interface LocalInstance {
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

function which(cmd: string, args: string[]): string | null {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.error) return null;
  return `${r.stdout ?? ''}${r.stderr ?? ''}`;
}

/** Java 17+ is required to run the server; returns the version line or throws naming what to install. */
export function checkJava(): string {
  const out = which('java', ['-version']);
  if (out === null) {
    throw new LocalNeo4jError(
      'Java was not found on PATH: the local Neo4j needs a JDK 17 (apt-get install openjdk-17-jdk-headless), or set NEO4J_URI to use another Neo4j',
    );
  }
  const m = /version "(\d+)/.exec(out);
  const major = m ? Number(m[1]) : 0;
  if (major < 17)
    throw new LocalNeo4jError(`Neo4j 5.26 needs Java 17 or newer; found: ${out.split('\n')[0]}`);
  return out.split('\n')[0]!;
}

/** Fetches the Neo4j jars once into .neo4j/lib; later calls reuse them. */
export function ensureJars(log: Log): { cached: boolean; dir: string } {
  const marker = path.join(libDir, '.complete');
  if (existsSync(marker) && readFileSync(marker, 'utf8').trim() === NEO4J_VERSION) {
    log(`Neo4j ${NEO4J_VERSION} jars: reusing the cached copy in ${path.relative(repoRoot, libDir)}`);
    return { cached: true, dir: libDir };
  }
  if (which('mvn', ['-v']) === null) {
    throw new LocalNeo4jError(
      'Maven (mvn) was not found on PATH: it fetches the Neo4j jars from Maven Central once (apt-get install maven), or set NEO4J_URI to use another Neo4j',
    );
  }
  log(`Neo4j ${NEO4J_VERSION} jars: fetching from Maven Central (once; about 120 MB)…`);
  const tmp = `${libDir}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  const r = spawnSync(
    'mvn',
    ['-q', '-B', '-f', pomFile, 'dependency:copy-dependencies', `-DoutputDirectory=${tmp}`],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  if (r.status !== 0) {
    throw new LocalNeo4jError(
      `Maven could not fetch the Neo4j jars (exit ${r.status}):\n${(r.stdout + r.stderr).split('\n').slice(-15).join('\n')}`,
    );
  }
  rmSync(libDir, { recursive: true, force: true });
  renameSync(tmp, libDir);
  writeFileSync(marker, NEO4J_VERSION);
  log(`Neo4j ${NEO4J_VERSION} jars: fetched into ${path.relative(repoRoot, libDir)}`);
  return { cached: false, dir: libDir };
}

const GDS_VERSION = '2.13.9';
const gdsLibDir = path.join(stateDir, 'gds-lib');

/** Graph Data Science is opt-in: CARECIRCLE_NEO4J_GDS=1 (the default run stays lean and fast). */
function gdsRequested(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CARECIRCLE_NEO4J_GDS === '1' || env.CARECIRCLE_NEO4J_GDS === 'true';
}

/**
 * Fetches OpenGDS and the libraries it adds to Neo4j's (the pom's `gds` profile) once into
 * .neo4j/gds-lib. A jar Neo4j already ships is left out: two copies of one library in two class
 * loaders break procedure registration (IllegalAccessError on commons-text, seen with 5.26.30).
 */
function ensureGdsJars(log: Log): string {
  const marker = path.join(gdsLibDir, '.complete');
  if (existsSync(marker) && readFileSync(marker, 'utf8').trim() === GDS_VERSION) return gdsLibDir;
  log(`Graph Data Science ${GDS_VERSION}: fetching from Maven Central (once; about 30 MB)…`);
  const tmp = `${gdsLibDir}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  const r = spawnSync(
    'mvn',
    [
      '-q',
      '-B',
      '-f',
      pomFile,
      '-P',
      'gds',
      'dependency:copy-dependencies',
      '-DincludeScope=provided',
      `-DoutputDirectory=${tmp}`,
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  if (r.status !== 0) {
    throw new LocalNeo4jError(
      `Maven could not fetch Graph Data Science (exit ${r.status}):\n${(r.stdout + r.stderr).split('\n').slice(-15).join('\n')}`,
    );
  }
  const serverJars = new Set(readdirSync(libDir));
  for (const f of readdirSync(tmp)) if (serverJars.has(f)) rmSync(path.join(tmp, f));
  rmSync(gdsLibDir, { recursive: true, force: true });
  renameSync(tmp, gdsLibDir);
  writeFileSync(marker, GDS_VERSION);
  return gdsLibDir;
}

/**
 * Puts the GDS jars in the instance's plugins folder, or takes them out: Neo4j scans that folder for
 * procedures, and GDS procedures without their extension on the class path stop the server.
 */
function syncPlugins(inst: LocalInstance, withGds: boolean, log: Log): void {
  const plugins = path.join(inst.home, 'plugins');
  const wanted = withGds ? readdirSync(ensureGdsJars(log)).filter((f) => f.endsWith('.jar')) : [];
  const known = existsSync(gdsLibDir) ? new Set(readdirSync(gdsLibDir)) : new Set<string>();
  for (const f of readdirSync(plugins)) {
    if (f.endsWith('.jar') && known.has(f) && !wanted.includes(f)) rmSync(path.join(plugins, f));
  }
  for (const f of wanted) {
    if (!existsSync(path.join(plugins, f))) copyFileSync(path.join(gdsLibDir, f), path.join(plugins, f));
  }
  if (withGds) log(`Graph Data Science ${GDS_VERSION}: installed in ${path.relative(repoRoot, plugins)}`);
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

function readPid(inst: Pick<LocalInstance, 'home'>): number | null {
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

/**
 * The JVM options Neo4j's own launcher passes (its default neo4j.conf `server.jvm.additional`). Without
 * the --add-opens ones Neo4j cannot reach the file descriptors of its transaction logs (debug.log warns
 * "Incorrect file descriptor") and falls back to slower I/O paths.
 */
const JVM_OPTIONS = [
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
  '-XX:+UnlockExperimentalVMOptions',
  '-XX:+TrustFinalNonStaticFields',
  '-XX:+DisableExplicitGC',
  '-XX:+ExitOnOutOfMemoryError',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Dlog4j2.disable.jmx=true',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--enable-native-access=ALL-UNNAMED',
  '-Dfile.encoding=UTF-8',
];

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

interface AdminImportInput {
  nodes: { label: string; file: string }[];
  relationships: { type: string; file: string }[];
  /** Files with line breaks inside quoted fields (read in the slower multi-line mode). */
  multiline: string[];
}

interface AdminImportOptions {
  log?: Log;
  env?: NodeJS.ProcessEnv;
  /** Called with the tool's pid once it runs (to sample its memory). */
  onSpawn?: (pid: number) => void;
}

/**
 * The admin tool's memory: a bounded heap and bounded off-heap caches instead of "90% of RAM". Off-heap
 * 2g: with 1g, a million interactions (~1 GiB estimated) were linked in two passes, ~9-10 s instead
 * of ~5 s; the tool takes only what its estimate for the input needs, so small imports use less.
 */
export function adminImportMemory(env: NodeJS.ProcessEnv = process.env): { heap: string; offHeap: string } {
  return { heap: env.NEO4J_IMPORT_HEAP || '1g', offHeap: env.NEO4J_IMPORT_OFF_HEAP || '2g' };
}

/**
 * `neo4j-admin database import full` into the instance's `neo4j` database, replacing its store
 * (--overwrite-destination): the instance must be stopped. Node ids are the integers in the files'
 * :ID columns (--id-type=integer). The tool's output goes to logs/import.log; its report to
 * logs/import.report.
 */
export async function adminImport(
  inst: LocalInstance,
  input: AdminImportInput,
  opts: AdminImportOptions = {},
): Promise<void> {
  const env = opts.env ?? process.env;
  if (readPid(inst) !== null)
    throw new LocalNeo4jError(`Neo4j "${inst.name}" is running: stop it before an import`);
  const confDir = path.join(inst.home, 'conf');
  if (!existsSync(path.join(confDir, 'neo4j.conf')))
    throw new LocalNeo4jError(`Neo4j "${inst.name}" has never been started: run \`npm run cli -- db start\``);
  checkJava();
  const jars = ensureJars(() => {});
  // An import left running by a killed command would write into the same store: end it first.
  const pidFile = path.join(inst.home, 'import.pid');
  const leftover = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').trim()) : NaN;
  if (Number.isInteger(leftover) && processRunning(leftover)) {
    let ours = true;
    try {
      const cmd = readFileSync(`/proc/${leftover}/cmdline`, 'utf8');
      ours = cmd.includes('org.neo4j.cli.AdminTool') && cmd.includes(inst.home);
    } catch {
      /* no /proc: trust the pid file */
    }
    if (ours) {
      opts.log?.(`an earlier neo4j-admin import (pid ${leftover}) is still running: stopping it`);
      process.kill(leftover, 'SIGKILL');
      while (processRunning(leftover)) await new Promise((r) => setTimeout(r, 100));
    }
  }
  const { heap, offHeap } = adminImportMemory(env);
  const logFile = path.join(inst.home, 'logs', 'import.log');
  const args = [
    `-Xmx${heap}`,
    ...JVM_OPTIONS,
    '-cp',
    `${jars.dir}/*`,
    'org.neo4j.cli.AdminTool',
    'database',
    'import',
    'full',
    // The database name comes first: after it, --nodes and --relationships take any number of files.
    'neo4j',
    // The rows are ours, decided and deduplicated already: an error is a bug, so nothing is skipped.
    '--bad-tolerance=0',
    '--overwrite-destination=true',
    '--id-type=integer',
    `--max-off-heap-memory=${offHeap}`,
    `--report-file=${path.join(inst.home, 'logs', 'import.report')}`,
    ...(input.multiline.length
      ? ['--multiline-fields-format=v2', `--multiline-fields=${input.multiline.join(',')}`]
      : []),
    ...input.nodes.map((n) => `--nodes=${n.label}=${n.file}`),
    ...input.relationships.map((r) => `--relationships=${r.type}=${r.file}`),
  ];
  const out = openSync(logFile, 'w');
  const child = spawn('java', args, {
    stdio: ['ignore', out, out],
    env: { ...env, NEO4J_HOME: inst.home, NEO4J_CONF: confDir },
  });
  closeSync(out);
  if (child.pid) {
    writeFileSync(pidFile, String(child.pid));
    opts.onSpawn?.(child.pid);
  }
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  rmSync(pidFile, { force: true });
  if (code !== 0) {
    const tail = readFileSync(logFile, 'utf8').split('\n').slice(-25).join('\n');
    throw new LocalNeo4jError(`neo4j-admin import failed (exit ${code}); the end of ${logFile}:\n${tail}`);
  }
}

// `ingest --bulk`'s first load of an empty database: neo4j-admin's full import into a stopped
// instance, with bounded memory and a pid file so a killed run is found and ended by the next.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { processRunning, readPid, type LocalInstance } from './instance.ts';
import { checkJava, ensureJars, JVM_OPTIONS, LocalNeo4jError, type Log } from './jars.ts';

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

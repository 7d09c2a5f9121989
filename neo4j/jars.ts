// The Neo4j 5.26 Community jars (and, on request, Graph Data Science) from Maven Central, fetched once
// into .neo4j/lib and .neo4j/gds-lib, and how the JVM runs them. The instances (instance.ts) and the
// bulk import (admin-import.ts) both run these jars.
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LocalInstance } from './instance.ts';

export const NEO4J_VERSION = '5.26.30';
export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const stateDir = path.join(repoRoot, '.neo4j');
const libDir = path.join(stateDir, 'lib');
const pomFile = path.join(repoRoot, 'neo4j', 'pom.xml');

export class LocalNeo4jError extends Error {
  override name = 'LocalNeo4jError';
}

export type Log = (line: string) => void;

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
export function gdsRequested(env: NodeJS.ProcessEnv = process.env): boolean {
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
export function syncPlugins(inst: LocalInstance, withGds: boolean, log: Log): void {
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

/**
 * The JVM options Neo4j's own launcher passes (its default neo4j.conf `server.jvm.additional`). Without
 * the --add-opens ones Neo4j cannot reach the file descriptors of its transaction logs (debug.log warns
 * "Incorrect file descriptor") and falls back to slower I/O paths.
 */
export const JVM_OPTIONS = [
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

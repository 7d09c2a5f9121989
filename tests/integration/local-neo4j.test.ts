import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { processRunning } from '../../neo4j/instance.ts';

describe('the local Neo4j manager', () => {
  it('names the missing piece when Java is not installed', async () => {
    // A PATH that has node (to run the CLI) but no java.
    const bin = mkdtempSync(path.join(tmpdir(), 'carecircle-nojava-'));
    symlinkSync(process.execPath, path.join(bin, 'node'));
    const r = await runCli(['db', 'start'], {
      env: { PATH: bin, NEO4J_URI: '', CARECIRCLE_NEO4J_INSTANCE: 'nojava', CARECIRCLE_NEO4J_PORT: '7799' },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Java was not found on PATH.*JDK 17/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('db status says when the local instance is not running', async () => {
    const r = await runCli(['db', 'status', '--json'], {
      env: { NEO4J_URI: '', CARECIRCLE_NEO4J_INSTANCE: 'never-started', CARECIRCLE_NEO4J_PORT: '7798' },
    });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({
      managed: true,
      running: false,
      uri: 'bolt://127.0.0.1:7798',
    });
  });
});

describe('a local instance across restarts', () => {
  const env = { NEO4J_URI: '', CARECIRCLE_NEO4J_INSTANCE: 'restart-check', CARECIRCLE_NEO4J_PORT: '7797' };
  it('keeps its generated password, reuses the cached jars, and leaves no Java process after stop', async () => {
    const first = await runCli(['db', 'start', '--json'], { env });
    expect(first.code, first.stderr).toBe(0);
    expect(await runCli(['db', 'stop'], { env })).toMatchObject({ code: 0 });
    const second = await runCli(['db', 'start'], { env });
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toContain('reusing the cached copy');
    const status = await runCli(['db', 'status', '--json'], { env });
    expect(JSON.parse(status.stdout)).toMatchObject({
      running: true,
      version: expect.stringMatching(/^5\.26\./),
    });
    const pid = JSON.parse(status.stdout).pid as number;
    // Without CARECIRCLE_NEO4J_PORT the running instance is still found on the port it started on.
    const noPort = { ...env, CARECIRCLE_NEO4J_PORT: '' };
    const found = await runCli(['db', 'status', '--json'], { env: noPort });
    expect(JSON.parse(found.stdout)).toMatchObject({ running: true, uri: 'bolt://127.0.0.1:7797', pid });
    expect(await runCli(['db', 'stop'], { env: noPort })).toMatchObject({ code: 0 });
    // Gone, or a zombie nobody has reaped yet (a container's first process may never reap): either
    // way nothing runs.
    expect(processRunning(pid), `pid ${pid} still runs after stop`).toBe(false);
    // Two cold starts of a JVM and two shutdowns: ~40 s on a quiet CI machine, several minutes on a busy one.
  }, 360_000);
});

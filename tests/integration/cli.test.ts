import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';

const unreachable = { NEO4J_URI: 'bolt://127.0.0.1:1', NEO4J_PASSWORD: 'x' };

describe('command line', () => {
  it('prints --help for every command', async () => {
    for (const args of [
      ['--help'],
      ['db', '--help'],
      ['db', 'start', '--help'],
      ['serve', '--help'],
      ['demo', '--help'],
    ]) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout).toMatch(/Usage:/);
    }
  });

  it('exits 2 on bad usage', async () => {
    const r = await runCli(['no-such-command']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command/);
  });

  it('db status with NEO4J_URI unreachable fails fast, naming the URI, without a stack trace', async () => {
    const r = await runCli(['db', 'status'], { env: unreachable });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bolt://127.0.0.1:1');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.ms).toBeLessThan(30_000);
  });

  it('serve with NEO4J_URI unreachable fails fast, naming the URI', async () => {
    const r = await runCli(['serve'], { env: { ...unreachable, PORT: '0' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bolt://127.0.0.1:1');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('db status --json reports the running test server', async () => {
    const r = await runCli(['db', 'status', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ running: true, version: expect.stringMatching(/^5\.26\./) });
  });
});

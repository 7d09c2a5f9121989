// Progress while loading: a bar with rows/s and the percentage of bytes read on a terminal, plain
// periodic lines otherwise (logs, CI), nothing with --json.
import cliProgress from 'cli-progress';
import type { ProgressState } from '../../ingest/pipeline.ts';

interface Progress {
  update(s: ProgressState): void;
  stop(): void;
}

function rate(s: ProgressState): number {
  const secs = (Date.now() - s.started) / 1000;
  return secs > 0 ? Math.round(s.read / secs) : 0;
}

export function progressReporter(mode: 'bar' | 'lines' | 'none', log: (line: string) => void): Progress {
  if (mode === 'none') return { update() {}, stop() {} };
  if (mode === 'bar') {
    const bar = new cliProgress.SingleBar(
      {
        format: 'ingest [{bar}] {percentage}% of bytes | {rows} rows | {rate} rows/s | {eta_formatted} left',
        hideCursor: true,
        stream: process.stderr,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(s) {
        const payload = { rows: s.read.toLocaleString('en-US'), rate: rate(s).toLocaleString('en-US') };
        if (!started) {
          bar.start(Math.max(s.bytesTotal, 1), s.bytesRead, payload);
          started = true;
        } else bar.update(s.bytesRead, payload);
      },
      stop() {
        if (started) bar.stop();
      },
    };
  }
  let last = 0;
  return {
    update(s) {
      const now = Date.now();
      if (now - last < 5_000) return;
      last = now;
      const pct = s.bytesTotal ? ((100 * s.bytesRead) / s.bytesTotal).toFixed(1) : '0';
      log(`ingest: ${s.read.toLocaleString('en-US')} rows read, ${pct}% of bytes, ${rate(s)} rows/s`);
    },
    stop() {},
  };
}

// How a long analysis shows its phases: a bar per phase on a terminal, one line per phase otherwise
// (logs, CI), nothing with --json.
import cliProgress from 'cli-progress';
import type { Phase, Progress } from '../../queries/analysis/run.ts';

const LABEL: Record<Phase, string> = {
  read: 'reading the graph (accounts)',
  communities: 'finding communities',
  scores: 'scoring accounts',
  layout: 'laying out the map',
  topics: 'clustering hashtags',
  'topic-scores': 'scoring voices per topic (steps)',
  write: 'writing results (rows)',
  activity: 'summing each day for the period views',
  chats: 'finding hashtag chats (tags)',
  'warm-up': 'warming the first reads (rankings, graph, an account)',
};

export function phaseReporter(mode: 'bar' | 'lines' | 'none', log: (line: string) => void) {
  let current: Phase | null = null;
  let bar: cliProgress.SingleBar | null = null;
  let started = 0;
  const finish = () => {
    if (!current) return;
    bar?.stop();
    bar = null;
    log(`${LABEL[current]}: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  };
  return {
    update(p: Progress) {
      if (mode === 'none') return;
      if (p.phase !== current) {
        finish();
        current = p.phase;
        started = performance.now();
        if (mode === 'bar' && p.total > 1) {
          bar = new cliProgress.SingleBar(
            { format: `${LABEL[p.phase]} [{bar}] {value}/{total}`, hideCursor: true, stream: process.stderr },
            cliProgress.Presets.shades_classic,
          );
          bar.start(p.total, p.done);
        }
      } else bar?.update(p.done);
    },
    stop() {
      if (mode !== 'none') finish();
      current = null;
    },
  };
}

// Entry of the benchmark page. It is built on its own (build.ts) into dist/bench-client, so the app's
// production bundle carries none of it.
import { runBench } from './run.ts';

runBench(document.getElementById('root')!, new URLSearchParams(window.location.search));

// A load generator for bench:api's routes: `connections` keep-alive connections, each sending the next
// GET as soon as its previous answer has fully arrived, for `seconds`, in a worker thread so it does not
// share the server's event loop. It reads each body as bytes and drops them, as a browser's network
// layer does before the page parses it. Why not autocannon, which the ranking part of bench:api uses:
// autocannon appends every body to a string, and turning a 120 KiB gzip body into text costs its worker
// more than the server spends answering (a bare node:http server sending the same bytes reached only
// 653 req/s under it), so it measured itself rather than the route.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import http from 'node:http';
import { build } from 'hdr-histogram-js';

interface LoadOptions {
  url: string;
  headers?: Record<string, string>;
  connections: number;
  seconds: number;
}
export interface LoadResult {
  p50: number;
  p99: number;
  max: number;
  reqPerS: number;
  requests: number;
  /** Failed connections, timeouts (10 s) and answers other than 2xx. */
  errors: number;
  bytes: number;
}

/** Runs the load in a worker thread and resolves with its figures. */
export function httpLoad(o: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    // This file again, in a worker that first registers tsx (Node 20 workers ignore `--import`).
    const code =
      `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})` +
      `.then((m) => m.register()).then(() => import(${JSON.stringify(import.meta.url)}))`;
    const worker = new Worker(code, { eval: true, workerData: o });
    worker.once('message', (r: LoadResult) => resolve(r));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`http-load worker exited with ${code}`));
    });
  });
}

async function run(o: LoadOptions): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.connections });
  const histogram = build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 60_000_000,
    numberOfSignificantValueDigits: 3,
  });
  const target = new URL(o.url);
  const end = Date.now() + o.seconds * 1000;
  let requests = 0;
  let errors = 0;
  let bytes = 0;
  const once = () =>
    new Promise<void>((done) => {
      const t = process.hrtime.bigint();
      const req = http.get(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname + target.search,
          headers: o.headers,
        },
        (res) => {
          res.on('data', (chunk: Buffer) => (bytes += chunk.length));
          res.on('end', () => {
            histogram.recordValue(Number(process.hrtime.bigint() - t) / 1000); // µs
            requests++;
            if (!res.statusCode || res.statusCode < 200 || res.statusCode >= 300) errors++;
            done();
          });
        },
      );
      req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
      req.on('error', () => {
        errors++;
        requests++;
        done();
      });
    });
  const started = Date.now();
  await Promise.all(
    Array.from({ length: o.connections }, async () => {
      while (Date.now() < end) await once();
    }),
  );
  const seconds = (Date.now() - started) / 1000;
  agent.destroy();
  const ms = (us: number) => Math.round(us / 100) / 10;
  return {
    p50: ms(histogram.getValueAtPercentile(50)),
    p99: ms(histogram.getValueAtPercentile(99)),
    max: ms(histogram.maxValue),
    reqPerS: Math.round(requests / seconds),
    requests,
    errors,
    bytes,
  };
}

if (!isMainThread && parentPort) parentPort.postMessage(await run(workerData as LoadOptions));

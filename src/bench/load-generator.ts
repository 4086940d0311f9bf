/**
 * The load generator, run as its own process so that it does not share an event loop with the servers it
 * measures. It reads a plan (JSON) on stdin, runs autocannon against each target (a warm-up run that is
 * discarded, then the timed run) and writes one JSON line per target on stdout.
 */
import autocannon from 'autocannon';

export interface LoadTarget {
  /** Echoed back, to match results to targets. */
  key: string;
  url: string;
  method: 'GET' | 'POST';
  /** JSON request body, for POST. */
  body?: string;
}

export interface LoadPlan {
  targets: LoadTarget[];
  connections: number;
  /** Seconds per target of an untimed pass over all targets before any is timed; 0 for none. */
  firstPassSeconds: number;
  /** Seconds of the untimed run just before each timed run. */
  warmupSeconds: number;
  durationSeconds: number;
}

export interface LoadResult {
  key: string;
  requests: number;
  requestsPerSecond: number;
  /** Latency percentiles in ms; null when no request completed within the run. */
  p50: number | null;
  p99: number | null;
  /** Responses other than 2xx, plus connection errors and timeouts. */
  failures: number;
}

function run(target: LoadTarget, connections: number, duration: number): Promise<autocannon.Result> {
  return autocannon({
    url: target.url,
    method: target.method,
    body: target.body,
    headers: target.body ? { 'content-type': 'application/json' } : {},
    connections,
    duration,
    // A slow operation at x1000 may take seconds; the default 10 s timeout would count it as an error.
    timeout: 60,
    // autocannon stops at the first sample tick after the duration: 1 s ticks would stretch a 1.5 s run to 2 s.
    sampleInt: 100,
  });
}

async function main(): Promise<void> {
  let input = '';
  for await (const chunk of process.stdin) input += chunk;
  const plan = JSON.parse(input) as LoadPlan;
  // A freshly started JVM and Node need far more than one target's warm-up before their JIT has settled.
  if (plan.firstPassSeconds > 0) for (const target of plan.targets) await run(target, plan.connections, plan.firstPassSeconds);
  for (const target of plan.targets) {
    await run(target, plan.connections, plan.warmupSeconds);
    const result = await run(target, plan.connections, plan.durationSeconds);
    const line: LoadResult = {
      key: target.key,
      requests: result.requests.total,
      // Completed requests over the run's real length: per-second samples are too few in a short run.
      requestsPerSecond: result.requests.total / result.duration,
      p50: result.requests.total ? result.latency.p50 : null,
      p99: result.requests.total ? result.latency.p99 : null,
      failures: result.non2xx + result.errors + result.timeouts,
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
}

main().catch((error: unknown) => {
  console.error('load-generator:', error);
  process.exit(1);
});

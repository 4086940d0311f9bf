/**
 * `npm run fuzz -- --count N --seed S [--concurrency 4] [--url http://127.0.0.1:4000]`: fuzzes a running API (see
 * src/reliability/fuzzer.ts), prints the answers by status and code and each defect with a reproduction, and
 * exits 1 when there is any defect.
 */
import { parseArgs } from 'node:util';
import { fuzz, groupDefects, httpSender } from '../reliability/fuzzer.js';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    concurrency: { type: 'string', default: '4' },
    url: { type: 'string', default: `http://127.0.0.1:${process.env.PORT || 4000}` },
  },
});
const count = Number(values.count);
const seed = Number(values.seed);
const concurrency = Number(values.concurrency);
if (!Number.isInteger(count) || count <= 0 || !Number.isInteger(seed) || !Number.isInteger(concurrency) || concurrency <= 0) {
  console.error('fuzz: --count and --concurrency must be positive whole numbers and --seed a whole number.');
  process.exit(2);
}

const started = performance.now();
let report;
try {
  report = await fuzz({
    send: httpSender(values.url!),
    count,
    seed,
    concurrency,
    onAnswer: (answered) => {
      if (answered % 1000 === 0) console.error(`… ${answered} of ${count}`);
    },
  });
} catch (error) {
  console.error(`fuzz: cannot fuzz ${values.url}: ${(error as Error).message}`);
  process.exit(2);
}
const seconds = (performance.now() - started) / 1000;
console.log(`Sent ${report.sent} requests (${report.distinct} distinct) to ${values.url} (seed ${seed}, ${concurrency} at a time) in ${seconds.toFixed(1)} s.`);
console.log(`By HTTP status: ${Object.entries(report.byStatus).map(([status, n]) => `${status}: ${n}`).join(', ')}`);
console.log(`By code: ${Object.entries(report.byCode).sort((a, b) => b[1] - a[1]).map(([code, n]) => `${code}: ${n}`).join(', ')}`);
const groups = groupDefects(report.defects);
console.log(`Defects: ${report.defects.length} (${groups.length} distinct)`);
for (const { defect, count: times } of groups) {
  console.log(`\n[${defect.kind}] ${defect.field} ×${times}: ${defect.message.slice(0, 200)}`);
  const headers = Object.entries(defect.request.headers).map(([name, value]) => `-H '${name}: ${value}'`).join(' ');
  const body = defect.request.body === undefined ? '' : ` --data-raw '${defect.request.body.slice(0, 2000).replace(/'/g, "'\\''")}'`;
  console.log(`  curl -s -X ${defect.request.method} ${headers}${body} '${new URL(defect.request.path, values.url).href}'`);
}
process.exit(report.defects.length ? 1 : 0);

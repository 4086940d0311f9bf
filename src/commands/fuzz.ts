/**
 * `npm run fuzz -- --count N --seed S [--concurrency 4] [--from I --to J] [--url http://127.0.0.1:4000]`: fuzzes a
 * running API (see src/reliability/fuzzer.ts), prints the answers by status and code and each defect with a
 * reproduction, and exits 1 when there is any defect. `--from`/`--to` send a part of the N requests, so that a long
 * run can be sent in parts.
 */
import { parseArgs } from 'node:util';
import { fuzz, groupDefects, httpSender } from '../reliability/fuzzer.js';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    concurrency: { type: 'string', default: '4' },
    from: { type: 'string', default: '0' },
    to: { type: 'string' },
    url: { type: 'string', default: `http://127.0.0.1:${process.env.PORT || 4000}` },
  },
});
const count = Number(values.count);
const seed = Number(values.seed);
const concurrency = Number(values.concurrency);
const from = Number(values.from);
const to = values.to === undefined ? count : Number(values.to);
if (!Number.isInteger(count) || count <= 0 || !Number.isInteger(seed) || !Number.isInteger(concurrency) || concurrency <= 0) {
  console.error('fuzz: --count and --concurrency must be positive whole numbers and --seed a whole number.');
  process.exit(2);
}
if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to > count || from >= to) {
  console.error('fuzz: --from and --to must pick a part of the --count requests (0 <= from < to <= count).');
  process.exit(2);
}
const part = from > 0 || to < count ? ` (requests ${from} to ${to - 1} of ${count})` : '';

const started = performance.now();
let report;
try {
  report = await fuzz({
    send: httpSender(values.url!),
    count,
    seed,
    concurrency,
    from,
    to,
    onAnswer: (answered) => {
      if (answered % 500 === 0) console.error(`… ${answered} of ${to - from}`);
    },
  });
} catch (error) {
  console.error(`fuzz: cannot fuzz ${values.url}: ${(error as Error).message}`);
  process.exit(2);
}
const seconds = (performance.now() - started) / 1000;
console.log(`Sent ${report.sent} requests${part} (${report.distinct} distinct) to ${values.url} (seed ${seed}, ${concurrency} at a time) in ${seconds.toFixed(1)} s.`);
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

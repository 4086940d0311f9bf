/** Runs the load generator in a child process and hands back each target's result as it arrives. */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { LoadPlan, LoadResult } from './load-generator.js';

const loadGenerator = fileURLToPath(new URL('./load-generator.ts', import.meta.url));

/** Runs the plan's targets one after another in a separate Node process; `onResult` sees each as it finishes. */
export async function runLoad(plan: LoadPlan, onResult: (result: LoadResult) => void): Promise<LoadResult[]> {
  // The child runs TypeScript through the same tsx loader as this process, resolved from here, not from the cwd.
  const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), loadGenerator], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => resolve(code));
  });
  child.stdin.end(JSON.stringify(plan));
  const results: LoadResult[] = [];
  for await (const line of createInterface({ input: child.stdout })) {
    if (!line.trim()) continue;
    const result = JSON.parse(line) as LoadResult;
    results.push(result);
    onResult(result);
  }
  const code = await exited;
  if (code !== 0) throw new Error(`The load generator exited with code ${code}.`);
  return results;
}

/** Helpers for the commands that start the API as a child process and time it (soak, and bench's warm starts). */
import { open } from 'node:fs/promises';
import { createServer } from 'node:net';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A loopback port no one listens on now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A line the API wrote, and when it was read (the file is read every 50 ms). */
export interface ApiLine {
  at: number;
  text: string;
}

/**
 * Follows the API's output file. The API writes to a file, not a pipe: a pipe whose reader is busy (the soak runs
 * autocannon in the same process) would block the API's synchronous log writes and slow it down.
 */
export class OutputFile {
  readonly lines: ApiLine[] = [];
  private offset = 0;
  private partial = '';
  private readonly timer: NodeJS.Timeout;
  /** The read under way: a second one at the same offset would take the same bytes again, and mix their lines. */
  private reading: Promise<void> | undefined;

  constructor(private readonly file: string) {
    this.timer = setInterval(() => void this.read(), 50);
  }

  /** Reads what the file gained since the last read; a call during a read waits for that read instead. */
  read(): Promise<void> {
    this.reading ??= this.readNew().finally(() => (this.reading = undefined));
    return this.reading;
  }

  private async readNew(): Promise<void> {
    const handle = await open(this.file, 'r').catch(() => undefined);
    if (!handle) return;
    try {
      const buffer = Buffer.alloc(1024 * 1024);
      for (;;) {
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, this.offset);
        if (bytesRead === 0) break;
        this.offset += bytesRead;
        const text = this.partial + buffer.subarray(0, bytesRead).toString('utf8');
        const parts = text.split('\n');
        this.partial = parts.pop()!;
        const at = performance.now();
        for (const line of parts) this.lines.push({ at, text: line });
      }
    } finally {
      await handle.close();
    }
  }

  /** The first line after `from` (ms, performance.now()) that matches. */
  find(pattern: RegExp, from = 0): ApiLine | undefined {
    return this.lines.find((line) => line.at >= from && pattern.test(line.text));
  }

  async waitFor(pattern: RegExp, isAlive: () => boolean): Promise<ApiLine> {
    for (;;) {
      const line = this.find(pattern);
      if (line) return line;
      if (!isAlive()) throw new Error(`the API exited before it was ready:\n${this.lines.slice(-15).map((l) => l.text).join('\n')}`);
      await sleep(50);
    }
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

/** POSTs one operation to the API at `base` and returns its parsed answer; gives up after `timeoutMs`. */
export async function postGraphQL(
  base: string,
  operation: { query: string; variables?: Record<string, unknown> },
  timeoutMs: number,
): Promise<{ data?: Record<string, unknown>; errors?: unknown[] }> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(operation),
    signal: AbortSignal.timeout(timeoutMs),
  });
  return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
}

/** Asks a small query every `everyMs` until the API answers it with data; resolves with performance.now() of that answer. */
export async function untilAnswering(base: string, until: number, everyMs = 100): Promise<number | undefined> {
  while (performance.now() < until) {
    try {
      const body = await postGraphQL(base, { query: '{ states { totalCount } }' }, 15_000);
      if (body.data?.states) return performance.now();
    } catch {
      // Refused, reset or timed out: not answering yet.
    }
    await sleep(everyMs);
  }
  return undefined;
}

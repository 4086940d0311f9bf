/** Child processes: Maven, javac and jar run to their end and read line by line, the Neo4j launcher's output tail, and whether a pid lives. */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface RunProcessOptions {
  /** Each line of the command's stdout and stderr, as it comes. */
  onLine: (line: string) => void;
  /** Working directory. Default: this process's. */
  cwd?: string;
  /** Stops the command (SIGTERM). Default: none. */
  signal?: AbortSignal;
}

/** Runs a command to its end; resolves to its exit code, or null when it could not start or a signal ended it. */
export function runProcess(command: string, args: string[], options: RunProcessOptions): Promise<number | null> {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], cwd: options.cwd, signal: options.signal });
  createInterface({ input: child.stdout }).on('line', options.onLine);
  createInterface({ input: child.stderr }).on('line', options.onLine);
  return new Promise((resolve) => {
    // An abort also emits 'error', before the process has exited: only 'close' says it has.
    child.on('error', () => child.pid === undefined && resolve(null));
    child.on('close', (code) => resolve(code));
  });
}

/** The last lines of a process's output, which an error message quotes. */
export class OutputTail {
  readonly lines: string[] = [];

  /** @param keep lines kept. Default 25. */
  constructor(private readonly keep = 25) {}

  push(line: string): void {
    this.lines.push(line);
    if (this.lines.length > this.keep) this.lines.shift();
  }
}

/** Whether a process with this pid exists: one of another user's, which this process may not signal, counts too. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

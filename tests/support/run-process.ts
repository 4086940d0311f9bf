/** Runs a command to its end and collects its output, without blocking the test worker's event loop. */
import { spawn } from 'node:child_process';

export interface ProcessResult {
  /** Exit code; null when the process was killed by a signal or could not start. */
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Written to stdin, which is then closed. */
  input?: string;
}

export function runProcess(command: string, args: string[], options: RunOptions = {}): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error) => reject(new Error(`Could not run ${command}: ${error.message}`, { cause: error })));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    // The pipe breaks when the process exits without reading its input; the exit code and output tell why.
    child.stdin.on('error', () => {});
    child.stdin.end(options.input ?? '');
  });
}

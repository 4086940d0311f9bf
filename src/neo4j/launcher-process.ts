/**
 * The Java launcher's process (launcher/Neo4jLauncher.java): its output protocol, its clean stop, and the stop of
 * every running one when this process exits or gets Ctrl-C.
 */
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { Neo4jStartError } from './neo4j-errors.js';
import { OutputTail } from './run-process.js';

const startupTimeoutMs = 180_000;
const stopTimeoutMs = 60_000;

/** One Java launcher: follows its output protocol, stops it exactly once, and is stopped with this process until it exits. */
export class LauncherProcess {
  readonly ready: Promise<string>;
  readonly exited: Promise<void>;
  /** How the process ended ("SIGKILL", "exit code 1"), once it has. */
  how = 'still running';
  private readonly tail = new OutputTail();
  private isReady = false;
  private hasExited = false;
  private stopping: Promise<void> | undefined;

  constructor(
    readonly child: ChildProcess,
    log: (line: string) => void,
  ) {
    let launcherError: string | undefined;
    let resolveReady!: (uri: string) => void;
    let rejectReady!: (error: Error) => void;
    this.ready = new Promise((resolve, reject) => {
      resolveReady = resolve;
      rejectReady = reject;
    });
    // Rejections are awaited by startManagedNeo4j; this keeps an early exit from being reported as unhandled.
    this.ready.catch(() => {});
    track(this, true);

    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('NEO4J_READY ')) {
        this.isReady = true;
        resolveReady(line.slice('NEO4J_READY '.length).trim());
      } else if (line.startsWith('NEO4J_ERROR ')) {
        launcherError = line.slice('NEO4J_ERROR '.length);
        if (this.isReady) log(launcherError);
      } else if (line.startsWith('NEO4J_LOG ')) {
        log(line.slice('NEO4J_LOG '.length));
      } else if (line !== 'NEO4J_STOPPED') {
        this.tail.push(line);
      }
    });
    // Neo4j logs to files, so anything on stderr is the JVM's own complaint: keep it, and show it once running.
    createInterface({ input: child.stderr! }).on('line', (line) => {
      this.tail.push(line);
      if (this.isReady) log(line);
    });
    // The pipe breaks when the launcher dies; its exit code and output tell the story instead.
    child.stdin!.on('error', () => {});

    const timeout = setTimeout(() => {
      rejectReady(new Neo4jStartError(`Neo4j did not become ready within ${startupTimeoutMs / 1000} s.${this.describeTail()}`));
    }, startupTimeoutMs);
    this.exited = new Promise((resolve) => {
      const gone = (error: Neo4jStartError) => {
        clearTimeout(timeout);
        this.hasExited = true;
        track(this, false);
        rejectReady(error);
        resolve();
      };
      child.on('error', (error) => gone(new Neo4jStartError(`Could not run java: ${error.message}`)));
      child.on('exit', (code, signal) => {
        const how = signal ?? `exit code ${code}`;
        this.how = how;
        if (this.isReady && !this.stopping) log(`Neo4j (pid ${child.pid}) exited unexpectedly (${how}).${this.describeTail()}`);
        gone(new Neo4jStartError(`${launcherError ?? `The Neo4j launcher exited during start-up (${how}).`}${this.describeTail()}`));
      });
    });
    this.ready.then(() => clearTimeout(timeout), () => clearTimeout(timeout));
  }

  /** EOF on stdin and SIGTERM both make the launcher shut Neo4j down cleanly; SIGKILL only if that hangs. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      if (this.hasExited) return;
      this.child.stdin!.end();
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), stopTimeoutMs);
      await this.exited;
      clearTimeout(timer);
    })();
    return this.stopping;
  }

  get isStopping(): boolean {
    return this.stopping !== undefined;
  }

  /** For the 'exit' event, where nothing asynchronous runs: the launcher finishes its clean shutdown alone. */
  stopNow(): void {
    if (!this.hasExited) this.child.kill('SIGTERM');
  }

  private describeTail(): string {
    return this.tail.lines.length ? `\nLast launcher output:\n${this.tail.lines.join('\n')}` : '';
  }
}

const running = new Set<LauncherProcess>();

function track(instance: LauncherProcess, isRunning: boolean): void {
  if (isRunning) running.add(instance);
  else running.delete(instance);
  const installed = process.listeners('exit').includes(onExit);
  if (running.size > 0 && !installed) {
    process.on('exit', onExit);
    process.prependListener('SIGINT', onSignal);
    process.prependListener('SIGTERM', onSignal);
  } else if (running.size === 0 && installed) {
    process.removeListener('exit', onExit);
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}

function onExit(): void {
  for (const instance of running) instance.stopNow();
}

/**
 * Without this, Ctrl-C or SIGTERM would kill Node at once and leave Neo4j to notice the closed pipe. It acts
 * only when nobody else listens for the signal: then it stops Neo4j and re-raises the signal, so the process
 * still ends with the usual code. Being prepended, it runs before `once` listeners remove themselves.
 */
function onSignal(signal: NodeJS.Signals): void {
  if (process.listenerCount(signal) > 1) return;
  // The same two lines as a command's own shutdown (cli.ts), so a Ctrl-C while Neo4j starts is answered too.
  console.error(`Received ${signal}, shutting down…`);
  void Promise.allSettled([...running].map((instance) => instance.stop())).then(() => {
    console.error('Stopped.');
    // The last exit removed this listener, so the re-raised signal takes its default action.
    process.kill(process.pid, signal);
  });
}

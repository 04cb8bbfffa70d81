/**
 * Drives a real process through a pseudo terminal, the way a person at a keyboard does:
 * type keys, wait for text to appear on the screen. Uses util-linux `script` (or Python's
 * `pty` module when `script` is missing) so no native npm dependency is needed.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';

/** True when a pseudo-terminal driver is available on this machine. */
export function ptyAvailable(): boolean {
  return driver() !== undefined;
}

function has(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

let cachedDriver: ((command: string) => [string, string[]]) | undefined | null = null;

function driver(): ((command: string) => [string, string[]]) | undefined {
  if (cachedDriver !== null) return cachedDriver;
  if (has('script') && spawnSync('script', ['-qfec', 'true', '/dev/null'], { stdio: 'ignore' }).status === 0) {
    cachedDriver = (command) => ['script', ['-qfec', command, '/dev/null']];
  } else if (has('python3')) {
    cachedDriver = (command) => ['python3', ['-c', 'import pty,sys; pty.spawn(["sh","-c",sys.argv[1]])', command]];
  } else {
    cachedDriver = undefined;
  }
  return cachedDriver;
}

/** Removes terminal control sequences, leaving the text a person would read. */
export function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>78]/g, '').replace(/\r/g, '');
}

/** A process running in a pseudo terminal. */
export class PtySession {
  private readonly child: ChildProcess;
  /** Everything the process wrote, control sequences included. */
  raw = '';
  /** Where the next {@link waitFor} starts looking. */
  private mark = 0;
  private exitCode: number | null | undefined;
  private readonly exited: Promise<number | null>;

  constructor(command: string, env: NodeJS.ProcessEnv) {
    const make = driver();
    if (make === undefined) throw new Error('no pseudo-terminal driver (script or python3) on this machine');
    const [file, args] = make(command);
    this.child = spawn(file, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout!.on('data', (d: Buffer) => (this.raw += d.toString('utf8')));
    this.child.stderr!.on('data', (d: Buffer) => (this.raw += d.toString('utf8')));
    this.exited = new Promise((resolve) =>
      this.child.on('exit', (code) => {
        this.exitCode = code;
        resolve(code);
      }),
    );
  }

  /** Everything shown so far, control sequences removed. */
  get screen(): string {
    return stripAnsi(this.raw);
  }

  /** Sends keys (`\r` is Enter, `\t` Tab, `\x03` Ctrl-C, `\x04` Ctrl-D). */
  type(keys: string): void {
    this.child.stdin!.write(keys);
  }

  /**
   * Waits until `expected` appears in what was shown since the previous match, then moves
   * the mark past it and returns the text up to the end of the match.
   */
  async waitFor(expected: string | RegExp, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const text = this.screen.slice(this.mark);
      const m = typeof expected === 'string' ? indexMatch(text, expected) : expected.exec(text);
      if (m !== null) {
        const end = m.index + m[0].length;
        this.mark += end;
        return text.slice(0, end);
      }
      if (Date.now() > deadline || this.exitCode !== undefined) {
        throw new Error(`timed out waiting for ${String(expected)}; screen since last match:\n${text}`);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Waits for the process to end; kills it after the timeout. */
  async exit(timeoutMs = 10_000): Promise<number | null> {
    const timer = setTimeout(() => this.kill(), timeoutMs);
    try {
      return await this.exited;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Ends the process if it still runs. */
  kill(): void {
    if (this.exitCode === undefined) this.child.kill('SIGKILL');
  }
}

function indexMatch(text: string, s: string): { index: number; 0: string } | null {
  const index = text.indexOf(s);
  return index < 0 ? null : { index, 0: s };
}

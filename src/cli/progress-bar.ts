/**
 * The progress bar `rhizome FILE` draws on a terminal while it reads a large file: how much
 * of the text the parser has got through, with an estimate of the time left. It is drawn
 * with `cli-progress` on stderr, taken off the screen before anything else is printed, and
 * cleared when the run ends, so the terminal keeps only the program's own output.
 *
 * @module
 */
import { SingleBar } from 'cli-progress';

/** A source at least this long (in characters) gets a bar as soon as progress is reported. */
export const LARGE_SOURCE = 1_000_000;

/** A smaller source gets one once reading it has taken this long. */
export const SLOW_MS = 500;

/** What the bar needs to know about the stream it draws on. */
export interface TerminalStream {
  /** Writes text (escape sequences included) to the terminal, synchronously. */
  write(text: string): void;
  /** Width of the terminal in columns, when known. */
  readonly columns?: number;
}

/** A display of how far a run has read its source. */
export interface ProgressDisplay {
  /** Reports that `done` of `total` characters have been read; may draw or redraw the bar. */
  update(done: number, total: number): void;
  /** Takes the bar off the screen, so that other output starts on a clean line. */
  clear(): void;
  /** Clears the bar for good; later calls do nothing. */
  stop(): void;
}

/** What decides whether a run shows a bar. */
export interface ProgressConditions {
  /** Whether stderr is a terminal. */
  readonly stderrIsTTY: boolean;
  /** The environment (`TERM=dumb` terminals cannot move the cursor). */
  readonly env: NodeJS.ProcessEnv;
  /** Machine-readable output was asked for (`--json`). */
  readonly json: boolean;
  /** Reduction steps are being written to stderr (`--trace`), where the bar would sit. */
  readonly trace: boolean;
  /** The user turned the bar off (`--no-progress`). */
  readonly disabled: boolean;
}

/**
 * True when a progress bar may be drawn: stderr is a terminal that can move its cursor, and
 * neither `--json`, `--trace` nor `--no-progress` was given.
 */
export function progressWanted(c: ProgressConditions): boolean {
  return c.stderrIsTTY && c.env['TERM'] !== 'dumb' && !c.json && !c.trace && !c.disabled;
}

/** cli-progress saves the cursor when a bar starts and restores it when it stops. */
// eslint-disable-next-line no-control-regex
const CURSOR_SAVE_RESTORE = /\x1b[78]/g;

/**
 * A bar for reading the file `label` names, drawn on `stream`. It appears once the source
 * is large ({@link LARGE_SOURCE}) or reading has taken {@link SLOW_MS}, so quick runs never
 * flash one. `now` is the clock (milliseconds), replaceable in tests.
 */
export function terminalProgress(stream: TerminalStream, label: string, now: () => number = Date.now): ProgressDisplay {
  const started = now();
  let bar: SingleBar | undefined;
  let drawn = false;
  let stopped = false;
  /** The first report: the speed is measured from there, after the runner's start-up. */
  let first: { done: number; at: number } | undefined;
  // cli-progress would restore the cursor to where the bar started when it stops, which is
  // above any results printed meanwhile; the bar only ever owns the current line, so the
  // save and restore sequences are dropped.
  const out = {
    isTTY: true,
    columns: stream.columns,
    write(text: string, callback?: () => void): boolean {
      const kept = text.replace(CURSOR_SAVE_RESTORE, '');
      if (kept.length > 0) stream.write(kept);
      drawn = true;
      callback?.();
      return true;
    },
  };

  function start(done: number, total: number): SingleBar {
    const b = new SingleBar({
      stream: out as unknown as NodeJS.WritableStream,
      // The name goes in as a value: braces in it would read as placeholders.
      format: 'reading {file} [{bar}] {percentage}% | {remaining}',
      barsize: 30,
      hideCursor: false,
      // True: cut the bar to the terminal's width. False would switch the terminal's line
      // wrapping off until the bar stops, and leave it off if the run is killed.
      linewrap: true,
      clearOnComplete: true,
      // Redraw after clear() even when the numbers did not change.
      forceRedraw: true,
      gracefulExit: false,
      fps: 10,
    });
    b.start(total, done, { file: label, remaining: remaining(done, total) });
    return b;
  }

  /**
   * The time left at the average speed since the first report (cli-progress's own estimate
   * shows zero until it has seen several of the bar's updates).
   */
  function remaining(done: number, total: number): string {
    if (first === undefined || done <= first.done) return 'ETA --';
    return `ETA ${formatSeconds(((now() - first.at) * (total - done)) / (done - first.done) / 1000)}`;
  }

  return {
    update(done, total) {
      if (stopped) return;
      first ??= { done, at: now() };
      if (bar !== undefined) bar.update(done, { remaining: remaining(done, total) });
      else if (done < total && (total >= LARGE_SOURCE || now() - started >= SLOW_MS)) bar = start(done, total);
    },
    clear() {
      if (!drawn || stopped) return;
      stream.write('\r\x1b[2K');
      drawn = false;
    },
    stop() {
      if (stopped) return;
      stopped = true;
      // Stopping draws the bar one last time, then clears its line.
      bar?.stop();
      bar = undefined;
    },
  };
}

/** Seconds as `7s` or `2m05s`, rounded up. */
export function formatSeconds(seconds: number): string {
  const whole = Math.ceil(seconds);
  if (whole < 60) return `${whole}s`;
  return `${Math.floor(whole / 60)}m${String(whole % 60).padStart(2, '0')}s`;
}

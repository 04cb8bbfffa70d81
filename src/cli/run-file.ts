/**
 * Running a MeTTa file the way the `rhizome` command does: each `!` line printed as soon as
 * it is evaluated, errors reported in words, and an exit code that says how it ended.
 *
 * @module
 */
import { formatAtom } from '../atomspace/format.js';
import type { Atom } from '../atomspace/atom.js';
import { MeTTa, MettaFileError, type RunnerIO } from '../metta/runner.js';
import { toJS, type JSValue } from '../api/convert.js';
import { MettaSyntaxError } from '../metta/syntax-error.js';
import { EvaluationStopped } from '../metta/interpreter/machine.js';
import type { ProgressDisplay } from './progress-bar.js';

/** Exit codes of a run. */
export const EXIT_OK = 0;
/** The program stopped on an error result. */
export const EXIT_ERROR_RESULT = 1;
/** A parse error, or the file could not be read. */
export const EXIT_BAD_INPUT = 2;
/** Evaluation was stopped by a limit or an interrupt, or Rhizome itself failed. */
export const EXIT_STOPPED = 3;

/** The runner's line for one `!`: `[a, b]`. */
export function formatResults(results: readonly Atom[]): string {
  return '[' + results.map(formatAtom).join(', ') + ']';
}

/** Options of {@link runFile}. */
export interface RunFileOptions {
  /** Stop after this many evaluation steps per `!` (0: no limit). */
  readonly maxSteps?: number;
  /** Print one JSON object per `!` instead of the `[a, b]` line. */
  readonly json?: boolean;
  /** Write every reduction step to stderr as `call -> value`. */
  readonly trace?: boolean;
  /** Shows how far the file has been read; cleared before anything else is written. */
  readonly progress?: ProgressDisplay;
}

/**
 * The `--json` line for one `!`: the evaluated atom and its results, both as printed atoms
 * and as plain JSON data (numbers, strings, booleans, symbol names, nested arrays).
 */
export function jsonResultLine(atom: Atom, results: readonly Atom[]): string {
  return JSON.stringify({
    atom: formatAtom(atom),
    results: results.map(formatAtom),
    values: results.map((r) => jsonValue(toJS(r))),
  });
}

/** JSON has no bigint or host objects: big integers become decimal strings, others print. */
function jsonValue(v: JSValue): unknown {
  if (typeof v === 'bigint') return v.toString();
  if (Array.isArray(v)) return v.map(jsonValue);
  if (typeof v === 'object') return formatAtom(v as Atom);
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  return v;
}

/**
 * Runs `path` with a fresh runner, writing result lines and program output to `io`.
 * Returns the exit code: 0 ran to the end, 1 stopped on an error result, 2 bad input.
 */
export async function runFile(path: string, io: RunnerIO, options: RunFileOptions = {}): Promise<number> {
  const progress = options.progress;
  const out = progress === undefined ? io : clearingFirst(io, progress);
  try {
    const trace = options.trace ? (call: Atom, value: Atom) => out.stderr(`${formatAtom(call)} -> ${formatAtom(value)}\n`) : undefined;
    const metta = new MeTTa({ io: out, maxSteps: options.maxSteps, trace });
    const line = options.json ? jsonResultLine : (_atom: Atom, results: readonly Atom[]) => formatResults(results);
    const outcome = metta.runFile(path, {
      onResult: (results, atom) => out.stdout(line(atom, results) + '\n'),
      onProgress: progress === undefined ? undefined : (done, total) => progress.update(done, total),
    });
    progress?.stop();
    return outcome.stoppedOnError ? EXIT_ERROR_RESULT : EXIT_OK;
  } catch (e) {
    progress?.stop();
    return reportFailure(e, io);
  }
}

/** `io` with the progress bar taken off the screen before each write. */
function clearingFirst(io: RunnerIO, progress: ProgressDisplay): RunnerIO {
  return {
    stdout: (text) => {
      progress.clear();
      io.stdout(text);
    },
    stderr: (text) => {
      progress.clear();
      io.stderr(text);
    },
  };
}

/** Writes a failure as a message for people (no host stack trace) and picks the exit code. */
export function reportFailure(e: unknown, io: RunnerIO): number {
  if (e instanceof MettaSyntaxError) {
    io.stderr(e.format() + '\n');
    return EXIT_BAD_INPUT;
  }
  if (e instanceof MettaFileError) {
    io.stderr(`rhizome: ${e.message}\n`);
    return EXIT_BAD_INPUT;
  }
  if (e instanceof EvaluationStopped) {
    io.stderr(`rhizome: ${e.message}\n`);
    return EXIT_STOPPED;
  }
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    io.stderr('rhizome: the program nests atoms too deeply for this stack; run with a larger --stack-size\n');
    return EXIT_STOPPED;
  }
  const message = e instanceof Error ? e.message : String(e);
  io.stderr(`rhizome: internal error: ${message}\n`);
  if (process.env['RHIZOME_DEBUG'] && e instanceof Error) io.stderr(String(e.stack) + '\n');
  return EXIT_STOPPED;
}

/**
 * The state behind a REPL: a runner on a fresh top module, the snapshots that `:undo` goes
 * back to, and the REPL commands that act on them. It knows nothing of terminals: it
 * reports through {@link SessionOutput}, so it runs the same in a worker or a test.
 *
 * @module
 */
import { resolve as resolvePath } from 'node:path';
import type { Atom } from '../atomspace/atom.js';
import { formatAtom } from '../atomspace/format.js';
import type { ReadableSpace } from '../atomspace/space.js';
import { isError } from '../metta/interpreter/symbols.js';
import { MeTTa, type RunnerCheckpoint, type RunnerIO } from '../metta/runner.js';
import { formatResults } from './run-file.js';

/** Where a session's output goes. */
export interface SessionOutput extends RunnerIO {
  /** One `!`'s results in the runner's format, flagged when it holds an error. */
  result(text: string, isError: boolean): void;
  /** A remark of the REPL itself (timings, counts, what `:undo` did). */
  note(text: string): void;
}

/** Settings of a {@link ReplSession}. */
export interface ReplSessionOptions {
  /** Step limit per evaluation (0: none). */
  readonly maxSteps?: number;
  /** Polled during evaluation; true interrupts it. */
  readonly shouldStop?: () => boolean;
  /** How many inputs `:undo` can go back (default 100). */
  readonly undoDepth?: number;
}

/**
 * A point `:undo` returns to: the runner then in use, its top space's contents, and its
 * tokens, imports, loaded modules and pragmas.
 */
interface Checkpoint {
  readonly metta: MeTTa;
  readonly atoms: ReadableSpace;
  readonly runner: RunnerCheckpoint;
}

/** How many atoms `:space` shows. */
const SPACE_SAMPLE = 10;

/** Commands offered for completion and listed by `:help`. */
export const REPL_COMMANDS: ReadonlyArray<readonly [string, string]> = [
  [':help', 'show this help'],
  [':load FILE', 'run a MeTTa file in the session'],
  [':type EXPR', 'show the types of an expression'],
  [':time EXPR', 'evaluate an expression, then show wall time and number of results'],
  [':trace EXPR', 'evaluate an expression, showing every reduction step (call -> value)'],
  [':space', 'show how many atoms the space holds and a few of them'],
  [':reset', 'start again on a fresh top module'],
  [':undo', 'undo the last input that changed the space, its tokens or its imports'],
  [':quit', 'leave (Ctrl-D does too)'],
];

/** A REPL session: a runner, its undo history, and the commands. */
export class ReplSession {
  private metta: MeTTa;
  private readonly undoStack: Checkpoint[] = [];
  private stdlibSymbols: string[] | undefined;
  /** Set by the top space's observer: the current input changed the space. */
  private changed = false;
  /** Receives reduction steps while `:trace` runs; undefined otherwise. */
  private tracer: ((call: Atom, value: Atom) => void) | undefined;

  constructor(
    private readonly out: SessionOutput,
    private readonly options: ReplSessionOptions = {},
  ) {
    this.metta = this.freshRunner();
  }

  /** Runs MeTTa input: atoms are added to the space, `!` atoms print their results. */
  input(text: string): void {
    this.undoable(() => this.run(text));
  }

  /** Runs a file in the session's top module. */
  load(path: string): void {
    this.undoable(() => this.metta.runFile(resolvePath(path), { onResult: (r) => this.printResults(r) }));
  }

  /** Prints the types of an expression (`get-type`), without changing the space. */
  type(text: string): void {
    this.run(`!(get-type ${text})`);
  }

  /** Evaluates an expression and notes the wall time and the number of results. */
  time(text: string): void {
    this.undoable(() => this.timed(text));
  }

  /** Evaluates an expression, noting each reduction step as `call -> value` before its results. */
  trace(text: string): void {
    const source = text.trimStart().startsWith('!') ? text : `!${text}`;
    this.tracer = (call, value) => this.out.note(`${formatAtom(call)} -> ${formatAtom(value)}`);
    try {
      this.undoable(() => this.run(source));
    } finally {
      this.tracer = undefined;
    }
  }

  private timed(text: string): void {
    const source = text.trimStart().startsWith('!') ? text : `!${text}`;
    const start = performance.now();
    const outcome = this.metta.run(source, { file: '<repl>', onResult: (r) => this.printResults(r) });
    const ms = performance.now() - start;
    const count = outcome.results.reduce((n, r) => n + r.length, 0);
    this.out.note(`${formatMs(ms)}, ${count} result${count === 1 ? '' : 's'}`);
  }

  /** Notes the number of atoms in the top space and shows the first few. */
  space(): void {
    const space = this.metta.top.space;
    const sample: string[] = [];
    for (const a of space.atoms()) {
      if (sample.length === SPACE_SAMPLE) break;
      sample.push(formatAtom(a));
    }
    this.out.note(`${space.size} atom${space.size === 1 ? '' : 's'} in the space`);
    for (const line of sample) this.out.stdout(line + '\n');
    if (space.size > sample.length) this.out.note('…');
  }

  /** Starts over on a fresh top module (undoable). */
  reset(): void {
    this.undoStack.push(this.checkpoint());
    this.trimUndo();
    this.metta = this.freshRunner();
    this.out.note('fresh top module');
  }

  /**
   * Goes back to the state before the last input, `:load`, `:time` or `:trace` that changed
   * it, or before the last `:reset`: the top space's atoms, the tokens bound with `bind!`,
   * the imports (their spaces and tokens; modules loaded since are forgotten) and the
   * pragmas. Inputs that only evaluate leave nothing to undo. Changes to other spaces (say,
   * one made with `new-space`) stay.
   */
  undo(): void {
    const last = this.undoStack.pop();
    if (last === undefined) {
      this.out.note('nothing to undo');
      return;
    }
    this.metta = last.metta;
    this.metta.restore(last.runner);
    const space = this.metta.top.space;
    for (const a of [...space.atoms()]) space.remove(a);
    for (const a of last.atoms.atoms()) space.add(a);
    this.out.note(`back to ${space.size} atom${space.size === 1 ? '' : 's'}`);
  }

  /** Names starting with `prefix`: symbols of the space and the standard library. */
  complete(prefix: string): string[] {
    const names = new Set<string>();
    for (const a of this.metta.top.space.atoms()) collectNames(a, names);
    for (const n of this.stdlib()) names.add(n);
    return [...names].filter((n) => n.startsWith(prefix)).sort();
  }

  private run(source: string): void {
    this.metta.run(source, { file: '<repl>', onResult: (r) => this.printResults(r) });
  }

  private printResults(results: Atom[]): void {
    this.out.result(formatResults(results), results.some(isError));
  }

  /** Runs `action`, keeping a checkpoint to undo it when it changed the top module. */
  private undoable(action: () => void): void {
    const before = this.checkpoint();
    this.changed = false;
    try {
      action();
    } finally {
      if (this.changed || this.metta !== before.metta || this.metta.changedSince(before.runner)) {
        this.undoStack.push(before);
        this.trimUndo();
      }
    }
  }

  private checkpoint(): Checkpoint {
    return { metta: this.metta, atoms: this.metta.top.space.snapshot(), runner: this.metta.checkpoint() };
  }

  private trimUndo(): void {
    if (this.undoStack.length > (this.options.undoDepth ?? 100)) this.undoStack.shift();
  }

  private stdlib(): string[] {
    if (this.stdlibSymbols === undefined) {
      const names = new Set<string>();
      for (const a of this.metta.corelib.atoms()) collectNames(a, names);
      this.stdlibSymbols = [...names];
    }
    return this.stdlibSymbols;
  }

  private freshRunner(): MeTTa {
    const metta = new MeTTa({
      io: this.out,
      maxSteps: this.options.maxSteps,
      shouldStop: this.options.shouldStop,
      trace: (call, value) => this.tracer?.(call, value),
    });
    metta.top.space.observe(() => {
      this.changed = true;
    });
    return metta;
  }
}

/** Adds the names of the symbols and operations in `atom` to `into`. */
function collectNames(atom: Atom, into: Set<string>): void {
  switch (atom.kind) {
    case 'symbol':
      into.add(atom.name);
      return;
    case 'expression':
      for (const c of atom.children) collectNames(c, into);
      return;
    case 'grounded': {
      const name = (atom as { name?: unknown }).name;
      if (typeof name === 'string') into.add(name);
      return;
    }
    default:
      return;
  }
}

function formatMs(ms: number): string {
  return ms < 1000 ? `${ms.toFixed(1)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

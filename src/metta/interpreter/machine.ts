/**
 * The evaluation machine: a work stack of tasks and a tree of continuation frames on the heap.
 *
 * MeTTa evaluation is non-deterministic and deeply recursive, so it never runs on the host
 * call stack. Every pending piece of work is a delivery (a value for a frame) on an explicit
 * stack, popped depth-first; every "what to do with a value" is a {@link Frame} whose parent is its
 * continuation. Branches fork by pushing several tasks that share a frame, so frames never
 * change after creation.
 *
 * Some frames need all alternatives of a sub-computation at once (`collapse`, and every
 * expression evaluation, which drops errors when a sibling succeeds). Those are
 * {@link Collector}s: each counts the live deliveries that may still reach it, and finishes
 * when the count drops to zero. A delivery counts in its frame's `owner`, the nearest collector.
 *
 * @module
 */
import type { Atom } from '../../atomspace/atom.js';
import type { Bindings } from '../../atomspace/bindings.js';

/** A continuation: receives a value (with its branch's bindings) and decides what comes next. */
export abstract class Frame {
  /** The collector that counts tasks delivering to this frame. */
  owner!: Collector;
  /** Length of the continuation chain; bounded by `max-stack-depth`. */
  readonly depth: number;

  constructor(readonly parent: Frame | null) {
    this.depth = parent === null ? 0 : parent.depth + 1;
    if (parent !== null) this.owner = parent.owner;
  }

  /** Handles one value of the computation this frame waits for. */
  abstract resume(m: Machine, value: Atom, bindings: Bindings): void;
}

/**
 * A frame that gathers every alternative delivered to it and acts once all branches under it
 * have ended. While alive it holds one token in its parent's collector, so the parent cannot
 * finish first.
 */
export abstract class Collector extends Frame {
  /** Tasks (and child collectors) that may still deliver here. */
  pending = 0;
  readonly values: Atom[] = [];
  readonly bindings: Bindings[] = [];

  constructor(parent: Frame | null) {
    super(parent);
    this.owner = this;
    if (parent !== null) parent.owner.pending++;
  }

  resume(_m: Machine, value: Atom, bindings: Bindings): void {
    this.values.push(value);
    this.bindings.push(bindings);
  }

  /** Called once, when no branch under this collector is alive any more. */
  abstract finish(m: Machine): void;
}

/**
 * Thrown out of an evaluation (`MeTTa.run`, `MeTTa.evaluate` and their relatives) when the
 * runner's `maxSteps` limit or its `shouldStop` hook stops it. Atoms the program added to
 * spaces before stay there; the results of its earlier `!`s are not returned (a run's
 * `onResult` sees them as they come).
 *
 * ```ts
 * const runner = new MeTTa({ maxSteps: 100_000 });
 * try {
 *   runner.run('(= (loop) (loop)) !(loop)');
 * } catch (e) {
 *   if (e instanceof EvaluationStopped && e.reason === 'steps') console.log('gave up');
 *   else throw e;
 * }
 * ```
 */
export class EvaluationStopped extends Error {
  constructor(
    /** Why evaluation stopped: `'steps'` for the step limit, `'interrupted'` when `shouldStop` returned true. */
    readonly reason: 'steps' | 'interrupted',
  ) {
    super(reason === 'steps' ? 'step limit reached' : 'evaluation interrupted');
  }
}

/** Limits and hooks for one run of the machine. */
export interface MachineOptions {
  /** Stop after this many tasks (0 or undefined: no limit). */
  readonly maxSteps?: number;
  /** Polled every few thousand steps; returning true stops evaluation. */
  readonly shouldStop?: () => boolean;
}

/** The scheduler: runs tasks depth-first until no work is left. */
export class Machine {
  // The pending deliveries, as three parallel stacks: no object per delivery on the hot path.
  private readonly frames: Frame[] = [];
  private readonly values: Atom[] = [];
  private readonly binds: Bindings[] = [];
  /** Promises an asynchronous operation is waiting on. */
  private waiting = 0;
  private wake: (() => void) | undefined;
  private steps = 0;

  constructor(private readonly options: MachineOptions = {}) {}

  /** Schedules delivery of `value` to frame `k`. */
  deliver(k: Frame, value: Atom, bindings: Bindings): void {
    k.owner.pending++;
    this.frames.push(k);
    this.values.push(value);
    this.binds.push(bindings);
  }

  /**
   * Keeps `owner` alive while `promise` is pending; `onSettled` runs inside the machine
   * once it settles (it may schedule tasks). Only the asynchronous driver can wait.
   */
  await<T>(owner: Collector, promise: Promise<T>, onSettled: (ok: boolean, value: unknown) => void): void {
    owner.pending++;
    this.waiting++;
    promise.then(
      (value) => this.settle(owner, () => onSettled(true, value)),
      (error: unknown) => this.settle(owner, () => onSettled(false, error)),
    );
  }

  private settle(owner: Collector, action: () => void): void {
    this.waiting--;
    action();
    this.release(owner);
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }

  /** One fewer live task under `c`; finishes collectors whose last branch ended. */
  release(c: Collector): void {
    let cur: Collector | null = c;
    while (cur !== null && --cur.pending === 0) {
      const up: Collector | null = cur.parent === null ? null : cur.parent.owner;
      cur.finish(this);
      cur = up;
    }
  }

  /** Runs until no task is left. Returns false when tasks still wait on promises. */
  runSync(): boolean {
    const { frames, values, binds } = this;
    const max = this.options.maxSteps ?? 0;
    const poll = this.options.shouldStop;
    while (frames.length > 0) {
      const frame = frames.pop()!;
      const owner = frame.owner;
      frame.resume(this, values.pop()!, binds.pop()!);
      this.release(owner);
      // The limit is exact (a small --steps stops where it says); the poll is kept off the hot path.
      if (++this.steps === max) throw new EvaluationStopped('steps');
      if ((this.steps & 4095) === 0) {
        if (poll?.()) throw new EvaluationStopped('interrupted');
      }
    }
    return this.waiting === 0;
  }

  /** Runs until no task is left and no promise is pending, yielding to the event loop as needed. */
  async runAsync(): Promise<void> {
    for (;;) {
      if (this.runSync()) return;
      if (this.frames.length === 0) {
        await new Promise<void>((resolve) => {
          this.wake = resolve;
        });
      }
    }
  }

  /** True when some task waits on a promise. */
  get isWaiting(): boolean {
    return this.waiting > 0;
  }
}

/**
 * Grounded operations: host functions callable from MeTTa (§3.6).
 *
 * An operation receives its arguments (already evaluated as its declared type says) and
 * answers with alternatives. It signals "not for me" by throwing {@link NoReduce} (the call
 * stays as data), and a runtime failure by throwing {@link MettaRuntimeError}, which becomes
 * `(Error <call> <message>)`. It may return a Promise; the asynchronous driver waits for it.
 *
 * @module
 */
import { sym, type Atom, type ExpressionAtom, type GroundedAtom } from '../atomspace/atom.js';
import type { Bindings } from '../atomspace/bindings.js';
import type { Space } from '../atomspace/space.js';

/** What an operation gets besides its arguments. */
export interface OpContext {
  /** The whole call being executed, e.g. `(+ 1 2)`; used in error atoms. */
  readonly call: ExpressionAtom;
  /** The space the evaluation runs in (the current module's space). */
  readonly space: Space;
  /** The current bindings of the branch (read-only; return bindings to extend them). */
  readonly bindings: Bindings;
  /** Host services of the runner (output, modules, tokens); see `runner.ts`. */
  readonly host: OpHost;
}

/** Services the runner offers to operations. Kept narrow so ops stay testable. */
export interface OpHost {
  /** Writes text to the program's standard output (`println!`). */
  stdout(text: string): void;
  /** Writes text to the program's standard error (`trace!`). */
  stderr(text: string): void;
}

/** One answer of an operation: an atom, or an atom with bindings to merge into the branch. */
export type OpAnswer =
  | Atom
  | {
      /** The result atom. */
      readonly atom: Atom;
      /**
       * Variable assignments this answer makes (as `unify` does), merged into the branch's
       * bindings; an answer whose bindings conflict with the branch's is dropped.
       */
      readonly bindings: Bindings;
    };

/** A result of evaluating an atom on behalf of an operation: the value and its bindings. */
export interface Evaluated {
  /** One alternative the requested atom evaluated to. */
  readonly atom: Atom;
  /** The bindings of the branch that produced it, for the operation to pass on in its answer. */
  readonly bindings: Bindings;
}

/**
 * Returned by an operation that needs an atom evaluated before it can answer (`collapse`,
 * `case`, the assertions). The interpreter evaluates `atom` with the full MeTTa semantics,
 * collects every alternative, and calls `then` with them; what `then` returns is the
 * operation's answer. This keeps operations off the host call stack and lets them suspend.
 */
export class EvalRequest {
  constructor(
    /** The atom to evaluate, in the space the operation runs in. */
    readonly atom: Atom,
    /** Receives every alternative the evaluation gave and returns the operation's answer (or another request). */
    readonly then: (results: readonly Evaluated[]) => OpResult,
    /** Expected type of the evaluation; `%Undefined%` when omitted. */
    readonly type?: Atom,
  ) {}
}

/** What an operation returns: its alternatives (empty = no result, i.e. `Empty`), or a request to evaluate first. */
export type OpResult = readonly OpAnswer[] | EvalRequest | Promise<readonly OpAnswer[] | EvalRequest>;

/** The body of a grounded operation. */
export type OpFunction = (args: readonly Atom[], ctx: OpContext) => OpResult;

/** Thrown by an operation to leave the call unreduced (the reference's `NoReduce`/`IncorrectArgument`). */
export class NoReduce extends Error {
  constructor() {
    super('not reducible');
  }
}

/** Thrown by an operation for a runtime failure: becomes `(Error <call> <message>)`. */
export class MettaRuntimeError extends Error {
  /** The message atom; a Symbol unless given otherwise. */
  readonly atom: Atom;
  constructor(message: string | Atom) {
    super(typeof message === 'string' ? message : String(message));
    this.atom = typeof message === 'string' ? sym(message) : message;
  }
}

/** A grounded operation atom; prints as its name. */
export class GroundedOp implements GroundedAtom {
  /** Always `'grounded'`; tell an operation from other grounded atoms with `instanceof GroundedOp`. */
  readonly kind = 'grounded' as const;
  constructor(
    /** The word the operation prints as and is usually registered under, e.g. `+`. */
    readonly name: string,
    /** Declared MeTTa type, e.g. `(-> Number Number Number)`, or `%Undefined%`. */
    readonly type: Atom,
    /** The body, called with the evaluated arguments when the operation heads a call. */
    readonly fn: OpFunction,
  ) {}
  readonly execute = (args: readonly Atom[], ctx: unknown): OpResult => this.fn(args, ctx as OpContext);
  equals(other: GroundedAtom): boolean {
    return other === this || (other instanceof GroundedOp && other.name === this.name && other.fn === this.fn);
  }
  toString(): string {
    return this.name;
  }
  indexKey(): string {
    return 'op:' + this.name;
  }
}

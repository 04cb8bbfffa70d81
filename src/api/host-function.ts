/**
 * Grounded operations made from ordinary TypeScript functions, for
 * {@link MeTTa.register | `MeTTa.register`}.
 *
 * The function sees its arguments as atoms, evaluated and type-checked by the interpreter
 * against the operation's MeTTa type exactly as for built-in operations: an argument of a
 * known, wrong type never reaches it, but one of unknown type (an undeclared symbol, an
 * irreducible untyped expression, a variable) does, as in the reference. What it returns is
 * turned into the operation's results; what it throws into an error atom.
 *
 * @module
 */
import { UNIT, type Atom } from '../atomspace/atom.js';
import { str } from '../atomspace/values.js';
import { GroundedOp, MettaRuntimeError, NoReduce, type OpAnswer } from '../metta/grounded.js';
import { parseAtom } from '../metta/parser.js';
import { fromJS, isAtom, type JSInput } from './convert.js';

/**
 * What a host function may return: an atom or a value {@link fromJS} converts (one result),
 * an array (one result per element; `[]` means no result), or nothing (the unit atom `()`, as
 * for MeTTa operations run for their effect).
 */
export type HostResult = JSInput | void;

/** A TypeScript function callable from MeTTa; it may be `async`. */
export type HostFunction = (...args: Atom[]) => HostResult | Promise<HostResult>;

/**
 * A grounded operation that calls `fn`. `type` is a MeTTa type, e.g. `(-> Number Number)`,
 * given as text or as an atom; the interpreter checks arguments against it before calling
 * `fn`, but lets arguments of unknown type through (see {@link MeTTa.register | `MeTTa.register`}
 * for exactly what reaches `fn`). The operation answers as {@link HostResult} says; a throw (or
 * a rejected promise) becomes `(Error <call> "<message>")`, except that {@link NoReduce}
 * leaves the call unreduced and {@link MettaRuntimeError} keeps its own message atom.
 */
export function hostOp(name: string, type: string | Atom, fn: HostFunction): GroundedOp {
  const typeAtom = typeof type === 'string' ? parseAtom(type) : type;
  return new GroundedOp(name, typeAtom, (args) => {
    let result: HostResult | Promise<HostResult>;
    try {
      result = fn(...args);
    } catch (e) {
      throw asRuntimeError(e);
    }
    if (!isThenable(result)) return answersOf(result);
    const answers = Promise.resolve(result).then(answersOf, (e: unknown) => {
      throw asRuntimeError(e);
    });
    // The synchronous runner refuses promises without awaiting them; a rejection must not
    // then surface as an unhandled one. The asynchronous runner still sees it.
    answers.catch(() => undefined);
    return answers;
  });
}

function answersOf(result: HostResult): OpAnswer[] {
  if (result === undefined) return [UNIT];
  if (Array.isArray(result)) return (result as readonly JSInput[]).map(fromJS);
  return [fromJS(result as JSInput)];
}

function asRuntimeError(e: unknown): unknown {
  if (e instanceof NoReduce || e instanceof MettaRuntimeError) return e;
  return new MettaRuntimeError(str(e instanceof Error ? e.message : String(e)));
}

function isThenable(x: unknown): x is PromiseLike<HostResult> {
  return typeof x === 'object' && x !== null && !isAtom(x) && typeof (x as { then?: unknown }).then === 'function';
}

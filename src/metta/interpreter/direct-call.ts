/**
 * The direct path for calls of grounded operations on values, such as `(+ $acc 1)` once `$acc`
 * is bound: arithmetic and comparisons make up most of the calls of a typical program.
 *
 * Through the general path such a call infers its head's and arguments' types, walks the
 * function type, allocates a collector and several frames, and only then runs the operation.
 * When every argument is a value whose type is a plain symbol that the parameter accepts as
 * it stands, none of that can change the outcome: no type error is possible, no argument needs
 * evaluating, no type variable escapes. {@link directReturnType} recognises those calls from
 * a signature digested once per operation.
 *
 * @module
 */
import type { Atom, ExpressionAtom, GroundedAtom, VariableAtom } from '../../atomspace/atom.js';
import { isFunctionType, isMetaType, metaType } from '../types.js';
import { ATOM_TYPE, EXPRESSION_TYPE, UNDEFINED_TYPE } from './symbols.js';

/** An operation's function type when every parameter and the result are symbols or variables. */
interface Signature {
  readonly formals: readonly Atom[];
  readonly ret: Atom;
}

/** Digested signatures; `null` marks an operation whose type needs the general path. */
const signatures = new WeakMap<GroundedAtom, Signature | null>();

function signatureOf(op: GroundedAtom): Signature | null {
  let sig = signatures.get(op);
  if (sig === undefined) {
    sig = digest(op.type);
    signatures.set(op, sig);
  }
  return sig;
}

function digest(type: Atom): Signature | null {
  if (!isFunctionType(type)) return null;
  const parts = (type as ExpressionAtom).children;
  for (let i = 1; i < parts.length; i++) {
    const kind = parts[i]!.kind;
    if (kind !== 'symbol' && kind !== 'variable') return null;
  }
  return { formals: parts.slice(1, -1), ret: parts[parts.length - 1]! };
}

/**
 * The type the result of `call` is evaluated with, when `call` may take the direct path with
 * `expected` as its expected type; `undefined` when it needs the general one.
 *
 * A call qualifies when its head is a grounded operation with a digestible signature and each
 * argument is either accepted without looking (`Atom`, or the argument's own meta-type) or
 * a grounded value whose type symbol equals the parameter, fills `%Undefined%`, or binds (or
 * agrees with) a type variable. The return type, after those bindings, must be a symbol the
 * expected type accepts without binding anything.
 */
export function directReturnType(call: ExpressionAtom, expected: Atom): Atom | undefined {
  const c = call.children;
  if (c.length === 0) return undefined;
  const op = c[0]!;
  if (op.kind !== 'grounded' || op.execute === undefined) return undefined;
  const sig = signatureOf(op);
  if (sig === null || sig.formals.length !== c.length - 1) return undefined;
  // Type variables are few (one or two per signature): a short list beats a Map.
  let vars: VariableAtom[] | undefined;
  let values: Atom[] | undefined;
  for (let i = 0; i < sig.formals.length; i++) {
    const formal = sig.formals[i]!;
    const arg = c[i + 1]!;
    if (formal === ATOM_TYPE) continue;
    if (isMetaType(formal)) {
      if (metaType(arg) === formal) continue;
      return undefined;
    }
    if (arg.kind !== 'grounded') return undefined;
    const actual = arg.type;
    if (actual.kind !== 'symbol' || actual === UNDEFINED_TYPE) return undefined;
    if (formal === actual || formal === UNDEFINED_TYPE) continue;
    if (formal.kind !== 'variable') return undefined;
    vars ??= [];
    values ??= [];
    const at = vars.indexOf(formal);
    if (at < 0) {
      vars.push(formal);
      values.push(actual);
    } else if (values[at] !== actual) {
      return undefined;
    }
  }
  let ret = sig.ret;
  if (ret.kind === 'variable') {
    const at = vars === undefined ? -1 : vars.indexOf(ret);
    if (at < 0) return undefined;
    ret = values![at]!;
  }
  if (!(expected === UNDEFINED_TYPE || expected === ATOM_TYPE || ret === expected || ret === UNDEFINED_TYPE || ret === ATOM_TYPE)) {
    return undefined;
  }
  return ret === EXPRESSION_TYPE ? UNDEFINED_TYPE : ret;
}

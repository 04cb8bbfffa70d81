/**
 * The result type of a grounded operation applied to values, read off a signature digested
 * once per operation. Arithmetic and comparisons on numbers make up most calls of a typical
 * program; for those, the general checks (infer each argument, walk the function type, match
 * with bindings) always end the same way, and this gives that outcome directly.
 *
 * @module
 */
import { atomEq, exprItem, type Atom, type ExpressionAtom, type GroundedAtom, type VariableAtom } from '../../atomspace/atom.js';
import { isFunctionType, isMetaType, metaType } from './match.js';
import { ATOM_TYPE, UNDEFINED_TYPE } from './symbols.js';

/**
 * An operation's function type when every parameter and the result is a symbol, a variable, or
 * a flat expression of those, like `(StateMonad $t)`.
 */
export interface Signature {
  readonly formals: readonly Atom[];
  readonly ret: Atom;
}

/** Digested signatures; `null` marks an operation whose type needs the general checks. */
const signatures = new WeakMap<GroundedAtom, Signature | null>();

/** The digested signature of `op`, or null when its type has parts other than symbols and variables. */
export function signatureOf(op: GroundedAtom): Signature | null {
  let sig = signatures.get(op);
  if (sig === undefined) {
    sig = signatureOfType(op.type);
    signatures.set(op, sig);
  }
  return sig;
}

/** `type` digested as a {@link Signature}, or null when it is not a function type of that form. */
export function signatureOfType(type: Atom): Signature | null {
  if (!isFunctionType(type)) return null;
  const parts = (type as ExpressionAtom).children;
  for (let i = 1; i < parts.length; i++) if (!isFlatType(parts[i]!)) return null;
  return { formals: parts.slice(1, -1), ret: parts[parts.length - 1]! };
}

/** A symbol, a variable, or a non-empty expression of symbols and variables (not `->`). */
export function isFlatType(t: Atom): boolean {
  if (t.kind === 'symbol' || t.kind === 'variable') return true;
  if (t.kind !== 'expression' || t.children.length === 0 || isFunctionType(t)) return false;
  for (const x of t.children) if (x.kind !== 'symbol' && x.kind !== 'variable') return false;
  return true;
}

/**
 * The type variables of a signature and the types the arguments gave them. Signatures have
 * one or two variables, so two short lists beat a Map.
 */
export class TypeVarTable {
  // Allocated on first use: most signatures (`(-> Number Number Number)`) have no variables.
  private vars: VariableAtom[] | undefined;
  private values: Atom[] | undefined;

  /** What `x` stands for, if anything has given it a value. */
  get(x: VariableAtom): Atom | undefined {
    const at = this.vars === undefined ? -1 : this.vars.indexOf(x);
    return at < 0 ? undefined : this.values![at];
  }

  /** Gives `x` the value `t`; false when it already stands for something else. */
  bind(x: VariableAtom, t: Atom): boolean {
    const at = this.vars === undefined ? -1 : this.vars.indexOf(x);
    if (at >= 0) return atomEq(this.values![at]!, t);
    (this.vars ??= []).push(x);
    (this.values ??= []).push(t);
    return true;
  }
}

/**
 * The one type of `call`'s result when `call` applies a grounded operation to arguments that
 * cannot fail its type check; `undefined` when the general checks are needed.
 *
 * A call qualifies when the operation's type is `(-> P1 … Pn R)` with only symbols and
 * variables, the arity fits, and each argument is either accepted without looking (`Atom`,
 * or the argument's own meta-type) or a grounded value whose type symbol equals its parameter,
 * fills `%Undefined%`, or binds (or agrees with) a type variable. `R`, after those bindings,
 * must not be a variable. Then no argument can be badly typed, none needs evaluating (its
 * parameter type is its own type), and the answer is `R` with nothing else bound.
 */
export function directResultType(call: ExpressionAtom): Atom | undefined {
  // The head first, without copying: data such as a list's tail never needs its elements here.
  const op = exprItem(call, 0);
  if (op === undefined || op.kind !== 'grounded' || op.execute === undefined) return undefined;
  const c = call.children;
  const sig = signatureOf(op);
  if (sig === null || sig.formals.length !== c.length - 1) return undefined;
  let table: TypeVarTable | undefined;
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
    if (actual.kind !== 'symbol' || actual === UNDEFINED_TYPE || actual === ATOM_TYPE) return undefined;
    if (formal === actual || formal === UNDEFINED_TYPE) continue;
    if (formal.kind !== 'variable' || !(table ??= new TypeVarTable()).bind(formal, actual)) return undefined;
  }
  if (sig.ret.kind === 'symbol') return sig.ret;
  // A parametric result type, like `(StateMonad $t)`, is left to the general path.
  return sig.ret.kind === 'variable' ? table?.get(sig.ret) : undefined;
}

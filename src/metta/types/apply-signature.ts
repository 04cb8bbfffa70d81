/**
 * The interpreter's check of a call (§3.4, `check_if_function_type_is_applicable`) of a
 * grounded operation, or of a symbol with exactly one type, for the common signatures made
 * only of symbols and variables, such as `(-> Number Number Number)`, `(-> $t $t Bool)` or
 * `if`'s `(-> Bool Atom Atom $t)`.
 *
 * The general check renames the operation's type, walks it against every type of every
 * argument, and the interpreter then casts the head to that renamed type. When each argument
 * has exactly one type and it is a plain symbol (or `%Undefined%`), that all comes down to
 * comparing symbols, which this does; anything else (an argument with several types, a badly
 * typed one, a mismatch that must become an error) is left to the general check.
 *
 * @module
 */
import { exprItem, exprLength, exprOf, freshVariable, type Atom, type ExpressionAtom } from '../../atomspace/atom.js';
import type { Bindings } from '../../atomspace/bindings.js';
import type { ReadableSpace } from '../../atomspace/space.js';
import { getAtomTypes } from './infer.js';
import { declaredSignature } from './lookup.js';
import { isMetaType, matchTypes, metaType } from './match.js';
import { signatureOf, TypeVarTable, type Signature } from './signature.js';
import { ATOM_TYPE, UNDEFINED_TYPE } from './symbols.js';

/** How a call fits its operation's signature: the expected type of every element and of the result. */
export interface SimpleApplication {
  /** The expected type of each element of the call, the head's first (its own type). */
  readonly types: Atom[];
  /** The type the call's result is evaluated with. */
  readonly ret: Atom;
  /** The caller's bindings, extended when the expected type was a variable the result type fixes. */
  readonly bindings: Bindings;
}

/**
 * The outcome of the general check for `call` with `expected` as the expected result type,
 * when it is sure to succeed with no type variable of the caller's bound; undefined when the
 * general check is needed. Type variables of the signature that no argument fixes get fresh
 * variables, as the general check's renaming would give them.
 */
export function applySimpleSignature(space: ReadableSpace, call: ExpressionAtom, expected: Atom, b: Bindings): SimpleApplication | undefined {
  const fit = fitSignature(space, call);
  if (fit === undefined) return undefined;
  const { sig, table } = fit;
  const op = call.children[0]!;
  const types = new Array<Atom>(sig.formals.length + 1);
  // A grounded head evaluates to itself under its own type. A symbol head would be cast to
  // its function type, which holds by construction and binds only fresh copies of the
  // signature's variables, so it is taken as it is.
  types[0] = op.kind === 'grounded' ? op.type : ATOM_TYPE;
  for (let i = 0; i < sig.formals.length; i++) types[i + 1] = instantiate(sig.formals[i]!, table);
  const ret = instantiate(sig.ret, table);
  if (expected === UNDEFINED_TYPE || expected === ATOM_TYPE || ret === expected || ret === UNDEFINED_TYPE || ret === ATOM_TYPE) {
    return { types, ret, bindings: b };
  }
  // An expected type variable (a branch of `if`, whose result type is `$t`) learns the
  // result's type here, as in the general check, as does a result type variable (the `$t`
  // of an `if` in tail position) the expected type; a mismatch is left to that check's error.
  if (ret.kind === 'symbol' || ret.kind === 'variable') {
    const bindings = matchTypes(ret, expected, b);
    if (bindings !== null) {
      // As the general check does: parameter types too are seen through the new bindings.
      if (bindings !== b) for (let i = 1; i < types.length; i++) types[i] = bindings.apply(types[i]!);
      return { types, ret: bindings.apply(ret), bindings };
    }
  }
  return undefined;
}

/**
 * Matches a flat parametric parameter type against an argument's ground type of the same
 * shape, giving its variables values in `table`; false (the general check decides) when the
 * shapes differ or a position holds `%Undefined%` or `Atom`, which match gradually there.
 */
function bindFlat(formal: ExpressionAtom, actual: ExpressionAtom, table: TypeVarTable): boolean {
  const f = formal.children;
  const a = actual.children;
  if (f.length !== a.length) return false;
  for (let j = 0; j < f.length; j++) {
    const x = f[j]!;
    const y = a[j]!;
    if (y === UNDEFINED_TYPE || y === ATOM_TYPE) return false;
    if (x === y) continue;
    if (x.kind !== 'variable' || !table.bind(x, y)) return false;
  }
  return true;
}

/**
 * The result type of `call` (§4.2) when {@link fitSignature} succeeds: what the general
 * inference would find for it, without renaming and walking the head's type.
 */
export function simpleApplicationType(space: ReadableSpace, call: ExpressionAtom): Atom | undefined {
  const fit = fitSignature(space, call);
  return fit === undefined ? undefined : instantiate(fit.sig.ret, fit.table);
}

/**
 * The signature of `call`'s head (a grounded operation, or a symbol with one simple type) and
 * the values its arguments give its type variables, when every argument has one type that
 * fits its parameter by comparing symbols; undefined when the general check must decide.
 */
function fitSignature(space: ReadableSpace, call: ExpressionAtom): { sig: Signature; table: TypeVarTable } | undefined {
  // The head first, without copying: a list's tail (data, no signature) stops here.
  const op = exprItem(call, 0);
  if (op === undefined) return undefined;
  const sig = op.kind === 'grounded' ? signatureOf(op) : op.kind === 'symbol' ? declaredSignature(space, op) : null;
  if (sig === null || sig.formals.length !== exprLength(call) - 1) return undefined;
  const c = call.children;
  const table = new TypeVarTable();
  for (let i = 0; i < sig.formals.length; i++) {
    const formal = sig.formals[i]!;
    const arg = c[i + 1]!;
    if (formal === ATOM_TYPE || (isMetaType(formal) && metaType(arg) === formal)) continue;
    if (isMetaType(formal)) return undefined;
    const inferred = getAtomTypes(space, arg);
    if (inferred.length !== 1) return undefined;
    const actual = inferred[0]!.type;
    if (actual === undefined) return undefined;
    // `%Undefined%` accepts any one valid type, whatever its form: `(StateMonad Number)` too.
    if (formal === UNDEFINED_TYPE) continue;
    if (actual.kind === 'symbol') {
      // `%Undefined%` and `Atom` match anything at once, binding nothing (§4.3).
      if (actual === UNDEFINED_TYPE || actual === ATOM_TYPE || formal === actual) continue;
    } else if (actual.kind !== 'expression' || !actual.ground) {
      return undefined;
    }
    if (formal.kind === 'expression') {
      // `(StateMonad $t)` against `(StateMonad Number)`: position by position.
      if (actual.kind !== 'expression' || !bindFlat(formal, actual, table)) return undefined;
      continue;
    }
    // A ground expression type, like a list's `(Number Number)`, can only give a variable a value.
    if (formal.kind !== 'variable' || !table.bind(formal, actual)) return undefined;
  }
  return { sig, table };
}

/** `t` with the table's values; a variable no argument fixed stands for itself, freshly named per call. */
function instantiate(t: Atom, table: TypeVarTable): Atom {
  if (t.kind === 'expression') return exprOf(t.children.map((x) => instantiate(x, table)));
  if (t.kind !== 'variable') return t;
  let value = table.get(t);
  if (value === undefined) table.bind(t, (value = freshVariable(t)));
  return value;
}

/**
 * The interpreter's run-time type checks (§3.4): casting an atom to an expected type, and
 * checking a call against one function type of its head before the arguments are evaluated.
 *
 * Both take and extend the interpreter's current bindings, since type variables bound here
 * (`$t` in `(-> $t $t Bool)`) constrain what follows in the same branch.
 *
 * @module
 */
import type { Atom, ExpressionAtom } from '../../atomspace/atom.js';
import type { Bindings } from '../../atomspace/bindings.js';
import type { ReadableSpace } from '../../atomspace/space.js';
import { getAtomTypes, isBadlyTyped, typeErrors, type InferredType } from './infer.js';
import { isFunctionType, isMetaType, matchTypes, metaType } from './match.js';
import { ATOM_TYPE, badArgTypeError, badTypeError, incorrectArityError } from './symbols.js';

/** Outcome of {@link typeCast}. */
export type TypeCastResult =
  | { readonly ok: true; readonly bindings: readonly Bindings[] }
  | { readonly ok: false; readonly errors: readonly Atom[] };

/**
 * `type_cast` (§3.4): does `atom` have a type matching `expected`? `Atom` and the atom's own
 * meta-type accept at once. Otherwise the atom's valid types are tried in order and the first
 * that matches (§4.3) wins, giving `bindings` extended with the type variables it binds
 * (`bindings` of the result always holds exactly one entry: the reference takes the first
 * match only). When none matches the result is one
 * `(Error <atom> (BadType <expected> <actual>))` per type; a badly typed atom gives its own
 * type errors.
 */
export function typeCast(space: ReadableSpace, atom: Atom, expected: Atom, bindings: Bindings): TypeCastResult {
  if (expected === ATOM_TYPE || expected === metaType(atom)) return { ok: true, bindings: [bindings] };
  const types = getAtomTypes(space, atom);
  if (isBadlyTyped(types)) return { ok: false, errors: typeErrors(types) };
  for (const t of types) {
    if (t.type === undefined) continue;
    const b = matchTypes(expected, t.type, bindings);
    if (b !== null) return { ok: true, bindings: [b] };
  }
  const shownExpected = bindings.apply(expected);
  const errors: Atom[] = [];
  for (const t of types) if (t.type !== undefined) errors.push(badTypeError(atom, shownExpected, t.type));
  return { ok: false, errors };
}

/** One way a call fits a function type. */
export interface ApplicableType {
  readonly ok: true;
  /** The caller's bindings extended with the type variables the check bound. */
  readonly bindings: Bindings;
  /** The formal parameter types, with `bindings` applied: the expected type of each argument. */
  readonly argTypes: readonly Atom[];
  /** The return type, with `bindings` applied. */
  readonly returnType: Atom;
}

/**
 * Outcome of {@link checkFunctionApplication}: every way the call fits (a non-empty array),
 * or the errors.
 */
export type FunctionApplicationCheck =
  | readonly ApplicableType[]
  | { readonly ok: false; readonly errors: readonly Atom[] };

/**
 * `check_if_function_type_is_applicable` (§3.4, §4.4): checks `call = (op a1 … an)` against
 * ONE function type of `op` — as returned by {@link getAtomTypes}, whose type variables are
 * already fresh; this function does not rename them — and against the type `expected` of the
 * call's result. Arguments are checked by their static types, before any evaluation:
 *
 * - a parameter typed with a meta-type accepts an argument of that meta-type (`Atom` accepts
 *   anything) without looking further;
 * - otherwise a badly typed argument fails with its own errors, and each of its valid types
 *   either matches the parameter (§4.3, extending the bindings) or gives
 *   `(Error <call> (BadArgType <i> <parameter> <actual>))`;
 * - an arity mismatch gives `(Error <call> IncorrectNumberOfArguments)`;
 * - a return type not matching `expected` gives `(Error <call> (BadType <expected> <return>))`.
 *
 * Error atoms hold `call` exactly as given (the call as written). The answer is an array of
 * every way the call fits, in the reference's order (the interpreter uses the first), or, when
 * there is none, `{ ok: false, errors }` with every error met (several when an argument has
 * several types). Types shown in errors have the bindings of that point applied.
 */
export function checkFunctionApplication(
  space: ReadableSpace,
  call: ExpressionAtom,
  fnType: ExpressionAtom,
  expected: Atom,
  bindings: Bindings,
): FunctionApplicationCheck {
  if (!isFunctionType(fnType)) throw new TypeError('checkFunctionApplication needs a function type (-> …)');
  const formals = fnType.children;
  const arity = formals.length - 2;
  const args = call.children;
  if (args.length - 1 !== arity) return { ok: false, errors: [incorrectArityError(call)] };
  const ret = formals[formals.length - 1]!;

  const matches: ApplicableType[] = [];
  const errors: Atom[] = [];
  // Argument types are looked up once each, and only for arguments that need them.
  const argTypes: (readonly InferredType[] | undefined)[] = new Array(arity);

  const walk = (i: number, b: Bindings): void => {
    if (i === arity) {
      const r = b.apply(ret);
      const m = matchTypes(r, expected, b);
      if (m === null) {
        errors.push(badTypeError(call, b.apply(expected), r));
        return;
      }
      const applied = new Array<Atom>(arity);
      for (let k = 0; k < arity; k++) applied[k] = m.apply(formals[k + 1]!);
      matches.push({ ok: true, bindings: m, argTypes: applied, returnType: m.apply(ret) });
      return;
    }
    const formal = formals[i + 1]!;
    const arg = args[i + 1]!;
    if (isMetaType(formal) && (formal === ATOM_TYPE || formal === metaType(arg))) {
      walk(i + 1, b);
      return;
    }
    let types = argTypes[i];
    if (types === undefined) types = argTypes[i] = getAtomTypes(space, arg);
    if (isBadlyTyped(types)) {
      for (const t of types) errors.push(t.error!);
      return;
    }
    for (const t of types) {
      if (t.type === undefined) continue;
      const next = matchTypes(formal, t.type, b);
      if (next !== null) walk(i + 1, next);
      else errors.push(badArgTypeError(call, i + 1, b.apply(formal), t.type));
    }
  };
  walk(0, bindings);
  return matches.length > 0 ? matches : { ok: false, errors };
}

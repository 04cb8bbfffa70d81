/**
 * The direct path for calls of grounded operations on values, such as `(+ $acc 1)` once `$acc`
 * is bound. Through the general path such a call infers its head's and arguments' types,
 * walks the function type, allocates a collector and several frames, and only then runs the
 * operation; for the calls {@link directResultType} recognises, none of that can change the
 * outcome.
 *
 * @module
 */
import type { Atom, ExpressionAtom } from '../../atomspace/atom.js';
import { directResultType } from '../types/signature.js';
import { ATOM_TYPE, EXPRESSION_TYPE, UNDEFINED_TYPE } from './symbols.js';

/**
 * The type the result of `call` is evaluated with, when `call` may take the direct path with
 * `expected` as its expected type; `undefined` when it needs the general one. Besides
 * {@link directResultType}, the expected type must accept the result type without binding
 * anything (so no type variable of the caller's learns a value here).
 */
export function directReturnType(call: ExpressionAtom, expected: Atom): Atom | undefined {
  const ret = directResultType(call);
  if (ret === undefined) return undefined;
  if (!(expected === UNDEFINED_TYPE || expected === ATOM_TYPE || ret === expected || ret === UNDEFINED_TYPE || ret === ATOM_TYPE)) {
    return undefined;
  }
  return ret === EXPRESSION_TYPE ? UNDEFINED_TYPE : ret;
}

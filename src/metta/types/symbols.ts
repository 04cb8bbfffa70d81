/**
 * The symbols of the type system (§4.1) and the error atoms it produces (§4.4).
 *
 * Symbols are interned, so other modules declaring the same names get the same objects and
 * identity comparison works across them.
 *
 * @module
 */
import { expr, sym, type Atom, type ExpressionAtom, type SymbolAtom } from '../../atomspace/atom.js';
import { int } from '../../atomspace/values.js';

/** `%Undefined%`: the type of untyped atoms; matches every type. */
export const UNDEFINED_TYPE: SymbolAtom = sym('%Undefined%');
/** `Atom`: any atom; a parameter of this type is passed unevaluated. */
export const ATOM_TYPE: SymbolAtom = sym('Atom');
/** Meta-type of symbols. */
export const SYMBOL_TYPE: SymbolAtom = sym('Symbol');
/** Meta-type of variables. */
export const VARIABLE_TYPE: SymbolAtom = sym('Variable');
/** Meta-type of expressions. */
export const EXPRESSION_TYPE: SymbolAtom = sym('Expression');
/** Meta-type of grounded atoms. */
export const GROUNDED_TYPE: SymbolAtom = sym('Grounded');
/** `Type`: the type of types. */
export const TYPE_TYPE: SymbolAtom = sym('Type');
/** `->`: head of function types `(-> A1 … An R)`. */
export const ARROW: SymbolAtom = sym('->');
/** `ErrorType`: the type of `(Error …)` atoms. */
export const ERROR_TYPE: SymbolAtom = sym('ErrorType');
/** `:`: head of type declarations `(: atom type)`. */
export const HAS_TYPE: SymbolAtom = sym(':');
/** `:<`: head of subtype declarations `(:< sub super)`. */
export const SUB_TYPE: SymbolAtom = sym(':<');
/** `Error`: head of error atoms. */
export const ERROR: SymbolAtom = sym('Error');
/** `BadType`: head of the "value has the wrong type" description. */
export const BAD_TYPE: SymbolAtom = sym('BadType');
/** `BadArgType`: head of the "argument has the wrong type" description. */
export const BAD_ARG_TYPE: SymbolAtom = sym('BadArgType');
/** `IncorrectNumberOfArguments`: description of an arity mismatch. */
export const INCORRECT_NUMBER_OF_ARGUMENTS: SymbolAtom = sym('IncorrectNumberOfArguments');

/** `(Error <call> (BadArgType <position> <expected> <actual>))`; `position` counts from 1. */
export function badArgTypeError(call: Atom, position: number, expected: Atom, actual: Atom): ExpressionAtom {
  return expr(ERROR, call, expr(BAD_ARG_TYPE, int(position), expected, actual));
}

/** `(Error <atom> (BadType <expected> <actual>))`. */
export function badTypeError(atom: Atom, expected: Atom, actual: Atom): ExpressionAtom {
  return expr(ERROR, atom, expr(BAD_TYPE, expected, actual));
}

/** `(Error <call> IncorrectNumberOfArguments)`. */
export function incorrectArityError(call: Atom): ExpressionAtom {
  return expr(ERROR, call, INCORRECT_NUMBER_OF_ARGUMENTS);
}

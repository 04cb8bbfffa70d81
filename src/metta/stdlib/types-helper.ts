/**
 * The type atoms grounded operations declare, and a builder for arrow types.
 *
 * Declared types drive argument evaluation (§3.7), so every operation spells its type with
 * these shared atoms instead of ad-hoc strings.
 *
 * @module
 */
import { expr, sym, UNIT, type Atom, type ExpressionAtom, type SymbolAtom } from '../../atomspace/atom.js';

/** The arrow symbol `->` that heads function types. */
export const ARROW: SymbolAtom = sym('->');
/** `%Undefined%`: unknown type, matches anything; its arguments are evaluated. */
export const UNDEFINED_TYPE: SymbolAtom = sym('%Undefined%');
/** `Atom`: any atom; an argument of this type is passed unevaluated. */
export const ATOM_TYPE: SymbolAtom = sym('Atom');
/** `Expression`: the meta-type of expressions. */
export const EXPRESSION_TYPE: SymbolAtom = sym('Expression');
/** `Symbol`: the meta-type of symbols. */
export const SYMBOL_TYPE: SymbolAtom = sym('Symbol');
/** `Variable`: the meta-type of variables. */
export const VARIABLE_TYPE: SymbolAtom = sym('Variable');
/** `Grounded`: the meta-type of grounded atoms. */
export const GROUNDED_TYPE: SymbolAtom = sym('Grounded');
/** `SpaceType`: the type of space atoms. */
export const SPACE_TYPE: SymbolAtom = sym('SpaceType');
/** `(->)`: the type of operations that answer the unit atom `()`. */
export const UNIT_TYPE: ExpressionAtom = expr(ARROW);
/**
 * `()` used as a return type. A few reference operations (`file-write!`, `file-seek!`,
 * `reset-random-generator`) declare the unit *atom* rather than the unit type `(->)`; they
 * keep that declaration here because `get-type` shows it.
 */
export const UNIT_ATOM_TYPE: ExpressionAtom = UNIT;

/** The function type `(-> a1 … an r)`: the last atom is the result type. */
export function arrow(...types: Atom[]): ExpressionAtom {
  return expr(ARROW, ...types);
}

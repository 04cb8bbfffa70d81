/**
 * The type atoms grounded operations declare, and a builder for arrow types.
 *
 * Declared types drive argument evaluation (§3.7), so every operation spells its type with
 * these shared atoms instead of ad-hoc strings.
 *
 * @module
 */
import { expr, UNIT, type Atom, type ExpressionAtom } from '../../atomspace/atom.js';

/** The arrow symbol `->` that heads function types. */
// The type symbols have one home (types/symbols.ts); they are re-exported here for the ops.
export {
  ARROW,
  UNDEFINED_TYPE,
  ATOM_TYPE,
  EXPRESSION_TYPE,
  SYMBOL_TYPE,
  VARIABLE_TYPE,
  GROUNDED_TYPE,
} from '../types/symbols.js';
export { SPACE_TYPE } from '../../atomspace/space-atom.js';
import { ARROW } from '../types/symbols.js';

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

/**
 * Symbols with a fixed meaning to the interpreter (§3.2, §3.3) and helpers to recognise them.
 *
 * @module
 */
import { expr, exprItem, sym, type Atom, type ExpressionAtom } from '../../atomspace/atom.js';
import { ERROR } from '../types/symbols.js';

export {
  ERROR,
  INCORRECT_NUMBER_OF_ARGUMENTS,
  BAD_TYPE,
  BAD_ARG_TYPE,
  UNDEFINED_TYPE,
  ATOM_TYPE,
  SYMBOL_TYPE,
  VARIABLE_TYPE,
  EXPRESSION_TYPE,
  GROUNDED_TYPE,
} from '../types/symbols.js';
export { SPACE_TYPE } from '../../atomspace/space-atom.js';

export const EMPTY = sym('Empty');
export const NOT_REDUCIBLE = sym('NotReducible');
export const EQUALS = sym('=');
export const COLON = sym(':');
export const RETURN = sym('return');
export const FUNCTION = sym('function');
export const STACK_OVERFLOW = sym('StackOverflow');
export const NO_RETURN = sym('NoReturn');

/** Names of the minimal MeTTa instructions the interpreter runs itself (§3.3). */
export const INSTRUCTIONS: ReadonlySet<Atom> = new Set([
  'eval',
  'evalc',
  'chain',
  'unify',
  'cons-atom',
  'decons-atom',
  'function',
  'collapse-bind',
  'superpose-bind',
  'metta',
  'context-space',
].map(sym));

/**
 * True when `atom` is an error expression `(Error <culprit> <message>)`, such as the result
 * of a failed call: the runner stops a run at the first `!` giving one. Exported publicly as
 * `isErrorAtom`, for looking through run results.
 */
export function isError(atom: Atom): atom is ExpressionAtom {
  return atom.kind === 'expression' && exprItem(atom, 0) === ERROR;
}

/** `(Error <atom> <message>)`. */
export function errorAtom(atom: Atom, message: Atom): ExpressionAtom {
  return expr(ERROR, atom, message);
}

/** Is `atom` an expression run as a minimal MeTTa instruction? */
export function isInstruction(atom: Atom): atom is ExpressionAtom {
  if (atom.kind !== 'expression') return false;
  const head = exprItem(atom, 0);
  return head !== undefined && INSTRUCTIONS.has(head);
}


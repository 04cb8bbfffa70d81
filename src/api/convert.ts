/**
 * Conversions between atoms and plain JavaScript values, for programs that embed Rhizome and
 * want numbers, strings and arrays rather than atoms.
 *
 * The mapping is lossy on the way to JavaScript (a Symbol and a String both become a
 * `string`), so {@link fromJS} is not its inverse: it reads strings as String atoms, which is
 * what a value coming from the host usually is.
 *
 * @module
 */
import { exprOf, type Atom, type GroundedAtom, type VariableAtom } from '../atomspace/atom.js';
import type { Bindings } from '../atomspace/bindings.js';
import { BoolAtom, FloatAtom, IntAtom, StringAtom, bool, float, int, type IntValue } from '../atomspace/values.js';

/**
 * A plain value made from an atom by {@link toJS}: numbers (`bigint` for integers beyond
 * 2^53), booleans, strings, arrays for expressions, and any other grounded atom as itself.
 */
export type JSValue = number | bigint | boolean | string | GroundedAtom | readonly JSValue[];

/** A value {@link fromJS} accepts: an atom, or a number, bigint, boolean, string or array of these. */
export type JSInput = Atom | number | bigint | boolean | string | readonly JSInput[];

const ATOM_KINDS: ReadonlySet<unknown> = new Set(['symbol', 'variable', 'expression', 'grounded']);

/** True when `value` is an atom (of any of the four kinds). */
export function isAtom(value: unknown): value is Atom {
  return typeof value === 'object' && value !== null && ATOM_KINDS.has((value as { kind?: unknown }).kind);
}

/**
 * The plain value of an atom: Integer → `number` (or `bigint` beyond the safe range), Float →
 * `number`, Bool → `boolean`, String → its text, Symbol → its name, Variable → `$name`
 * (`$name#id` for a renamed one), Expression → an array of its children's values. Other
 * grounded atoms (spaces, operations, host objects) are returned as they are.
 */
export function toJS(atom: Atom): JSValue {
  switch (atom.kind) {
    case 'symbol':
      return atom.name;
    case 'variable':
      return variableName(atom);
    case 'expression':
      return atom.children.map(toJS);
    case 'grounded':
      if (atom instanceof IntAtom) return atom.value;
      if (atom instanceof FloatAtom) return atom.value;
      if (atom instanceof BoolAtom) return atom.value;
      if (atom instanceof StringAtom) return atom.value;
      return atom;
  }
}

/**
 * The atom for a host value: atoms are kept as they are; an integral `number` becomes an
 * Integer (use `float(2)` for the Float `2.0`) and any other `number` (fractions, `NaN`,
 * infinities, `-0`) a Float; a `bigint` an Integer (wrapped to 64 bits, as MeTTa integers
 * are); a `boolean` a Bool; a `string` a String (use `sym` for a Symbol); an array an
 * Expression of its converted elements. Throws a `TypeError` for anything else (`null`,
 * `undefined`, objects, functions), which has no MeTTa counterpart.
 */
export function fromJS(value: JSInput): Atom {
  if (isAtom(value)) return value;
  switch (typeof value) {
    case 'number':
      return Number.isSafeInteger(value) && !Object.is(value, -0) ? int(value) : float(value);
    case 'bigint':
      return int(value as IntValue);
    case 'boolean':
      return bool(value);
    case 'string':
      return new StringAtom(value);
  }
  if (Array.isArray(value)) return exprOf((value as readonly JSInput[]).map(fromJS));
  throw new TypeError(`cannot convert ${describe(value)} to an atom`);
}

/**
 * The bindings of one query answer as an object keyed by variable name (without the `$`),
 * each value fully resolved: `{ child: <atom> }` for the answer `{ $child <- Ann }`.
 */
export function bindingsToObject(bindings: Bindings): Record<string, Atom> {
  const out: Record<string, Atom> = {};
  for (const [variable] of bindings.entries()) {
    const value = bindings.get(variable);
    if (value !== undefined) out[variableName(variable).slice(1)] = value;
  }
  return out;
}

function variableName(x: VariableAtom): string {
  return x.id === 0 ? '$' + x.name : `$${x.name}#${x.id}`;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return `an object (${Object.prototype.toString.call(value)})`;
  return `a value of type ${typeof value}`;
}

/**
 * Expression ("list") operations that need no interpreter (§5.3): `car-atom`, `cdr-atom`,
 * `size-atom`, `index-atom`, `min-atom`, `max-atom`, and the tuple set operations
 * `unique-atom`, `union-atom`, `intersection-atom`, `subtraction-atom`.
 *
 * @module
 */
import { alphaEq, atomEq, exprItem, exprLength, exprOf, exprTail, type Atom, type ExpressionAtom } from '../../atomspace/atom.js';
import { formatAtom } from '../../atomspace/format.js';
import { BoolAtom, FloatAtom, IntAtom, NUMBER_TYPE, StringAtom, float, int, str } from '../../atomspace/values.js';
import { GroundedOp, MettaRuntimeError } from '../grounded.js';
import { asNumber, toF64, toI64 } from './arithmetic.js';
import { ATOM_TYPE, EXPRESSION_TYPE, UNDEFINED_TYPE, arrow } from './types-helper.js';

/** The reference's text when an expression was expected and something else came. */
export const NOT_AN_EXPRESSION = 'Atom is not an ExpressionAtom';

/**
 * The argument as an expression. A missing argument reports `missing`; a present one of
 * another kind reports {@link NOT_AN_EXPRESSION}, as the reference's conversion does.
 */
function expressionArg(atom: Atom | undefined, missing: string): ExpressionAtom {
  if (atom === undefined) throw new MettaRuntimeError(missing);
  if (atom.kind !== 'expression') throw new MettaRuntimeError(NOT_AN_EXPRESSION);
  return atom;
}

function headOp(name: 'car-atom' | 'cdr-atom', resultType: Atom, pick: (e: ExpressionAtom) => Atom): GroundedOp {
  // The reference defines these in MeTTa with a String message, so the error's message is
  // a String atom here too: `(Error (car-atom ()) "car-atom expects …")`.
  const message = str(`${name} expects a non-empty expression as an argument`);
  return new GroundedOp(name, arrow(EXPRESSION_TYPE, resultType), (args) => {
    const e = args[0];
    if (e === undefined || e.kind !== 'expression' || exprLength(e) === 0) throw new MettaRuntimeError(message);
    return [pick(e)];
  });
}

function sizeAtom(): GroundedOp {
  return new GroundedOp('size-atom', arrow(EXPRESSION_TYPE, NUMBER_TYPE), (args) => {
    const e = expressionArg(args[0], 'size-atom expects one argument: expression');
    return [int(exprLength(e))];
  });
}

function indexAtom(): GroundedOp {
  const message = 'index-atom expects two arguments: expression and atom';
  return new GroundedOp('index-atom', arrow(EXPRESSION_TYPE, NUMBER_TYPE, ATOM_TYPE), (args) => {
    const e = expressionArg(args[0], message);
    const n = asNumber(args[1]);
    if (n === undefined) throw new MettaRuntimeError(message);
    // A Float index is truncated; a negative one is out of bounds (it wraps to a huge
    // unsigned index in the reference).
    const i = toI64(n);
    if (typeof i !== 'number' || i < 0 || i >= exprLength(e)) throw new MettaRuntimeError('Index is out of bounds');
    return [exprItem(e, i)!];
  });
}

/** IEEE maxNum/minNum as Rust's `f64::max`/`min`: a NaN operand is ignored. */
function pickNumber(better: (a: number, b: number) => boolean): (acc: number, x: number) => number {
  return (acc, x) => (Number.isNaN(x) ? acc : Number.isNaN(acc) || better(x, acc) ? x : acc);
}

function extremumAtom(name: 'min-atom' | 'max-atom', start: number, better: (a: number, b: number) => boolean): GroundedOp {
  const step = pickNumber(better);
  return new GroundedOp(name, arrow(UNDEFINED_TYPE, NUMBER_TYPE), (args) => {
    const e = expressionArg(args[0], `${name} expects one argument: expression`);
    if (e.children.length === 0) throw new MettaRuntimeError('Empty expression');
    let acc = start;
    for (const c of e.children) {
      const n = asNumber(c);
      if (n === undefined) throw new MettaRuntimeError(`Only numbers are allowed in expression: ${formatAtom(e)}`);
      acc = step(acc, toF64(n));
    }
    // Always a Float, even for Integer input: `(min-atom (5 4 5.5))` is `4.0`.
    return [float(acc)];
  });
}

function uniqueAtom(): GroundedOp {
  return new GroundedOp('unique-atom', arrow(EXPRESSION_TYPE, ATOM_TYPE), (args) => {
    const e = expressionArg(args[0], 'unique expects single expression atom as an argument');
    const kept: Atom[] = [];
    for (const c of e.children) if (!kept.some((k) => alphaEq(k, c))) kept.push(c);
    return [exprOf(kept)];
  });
}

function unionAtom(): GroundedOp {
  const message = 'union expects and executable LHS and RHS atom';
  return new GroundedOp('union-atom', arrow(EXPRESSION_TYPE, EXPRESSION_TYPE, ATOM_TYPE), (args) => {
    const a = expressionArg(args[0], message);
    const b = expressionArg(args[1], message);
    return [exprOf([...a.children, ...b.children])];
  });
}

function isNumberAtom(a: Atom): boolean {
  return a instanceof IntAtom || a instanceof FloatAtom;
}

/**
 * Equality as the reference's multiset operations see it: like `==`, except that an
 * Integer never equals a Float (their index keys differ there, so `1` and `1.0` do not
 * cancel each other).
 */
export function strictAtomEq(a: Atom, b: Atom): boolean {
  if (a === b) return true;
  if (a.kind === 'expression') {
    if (b.kind !== 'expression' || a.children.length !== b.children.length) return false;
    for (let i = 0; i < a.children.length; i++) if (!strictAtomEq(a.children[i]!, b.children[i]!)) return false;
    return true;
  }
  if (a.kind === 'grounded' && b.kind === 'grounded' && isNumberAtom(a) && isNumberAtom(b)) {
    return a.constructor === b.constructor && a.equals(b);
  }
  return atomEq(a, b);
}

/** A bucket key that equal atoms (by {@link strictAtomEq}) always share. */
function bucketKey(a: Atom): string {
  switch (a.kind) {
    case 'symbol':
      return 'S' + a.name;
    case 'variable':
      return 'V' + a.name;
    case 'expression': {
      // Length prefixes keep the children's keys from running into each other.
      let key = '(';
      for (const c of a.children) {
        const k = bucketKey(c);
        key += k.length + ':' + k;
      }
      return key + ')';
    }
    case 'grounded':
      if (a instanceof IntAtom) return 'I' + String(a.value);
      // `0.0` equals `-0.0`: both print "0" with String().
      if (a instanceof FloatAtom) return 'F' + String(a.value);
      if (a instanceof StringAtom) return 'T' + a.value;
      if (a instanceof BoolAtom) return a.value ? 'B1' : 'B0';
      return 'G';
  }
}

/** Indexes the items of `rhs` so that each can be matched, and consumed, once. */
class MultisetIndex {
  private readonly buckets = new Map<string, Atom[]>();
  constructor(items: readonly Atom[]) {
    for (const item of items) {
      const k = bucketKey(item);
      const bucket = this.buckets.get(k);
      if (bucket === undefined) this.buckets.set(k, [item]);
      else bucket.push(item);
    }
  }
  /** Removes one item equal to `atom`; true when there was one. */
  take(atom: Atom): boolean {
    const bucket = this.buckets.get(bucketKey(atom));
    if (bucket === undefined) return false;
    const i = bucket.findIndex((x) => strictAtomEq(x, atom));
    if (i < 0) return false;
    bucket.splice(i, 1);
    return true;
  }
}

/** `keepFound`: intersection keeps the items found in the second list, subtraction drops them. */
function multisetOp(name: string, message: string, keepFound: boolean): GroundedOp {
  return new GroundedOp(name, arrow(EXPRESSION_TYPE, EXPRESSION_TYPE, ATOM_TYPE), (args) => {
    const a = expressionArg(args[0], message);
    const b = expressionArg(args[1], message);
    const index = new MultisetIndex(b.children);
    return [exprOf(a.children.filter((x) => index.take(x) === keepFound))];
  });
}

/**
 * The expression operations: `car-atom` `(-> Expression %Undefined%)`, `cdr-atom`
 * `(-> Expression Expression)`, `size-atom` `(-> Expression Number)`, `index-atom`
 * `(-> Expression Number Atom)`, `min-atom`/`max-atom` `(-> %Undefined% Number)`,
 * `unique-atom` `(-> Expression Atom)`, `union-atom`/`intersection-atom`/`subtraction-atom`
 * `(-> Expression Expression Atom)`.
 */
export function atomOps(): GroundedOp[] {
  return [
    headOp('car-atom', UNDEFINED_TYPE, (e) => exprItem(e, 0)!),
    // The tail shares the list's storage: walking a list with cdr-atom copies nothing.
    headOp('cdr-atom', EXPRESSION_TYPE, (e) => exprTail(e, 1)),
    sizeAtom(),
    indexAtom(),
    extremumAtom('min-atom', Infinity, (a, b) => a < b),
    extremumAtom('max-atom', -Infinity, (a, b) => a > b),
    uniqueAtom(),
    unionAtom(),
    multisetOp('intersection-atom', 'intersection expects and executable LHS and RHS atom', true),
    multisetOp('subtraction-atom', 'subtraction expects and executable LHS and RHS atom', false),
  ];
}

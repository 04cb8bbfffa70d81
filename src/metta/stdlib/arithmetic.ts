/**
 * Arithmetic, comparison, logic and equality operations (§5.4 `==`, §5.5), plus the number
 * conversions the other numeric operations share.
 *
 * Integers are exact signed 64-bit values that wrap on overflow, as in a release build of
 * the reference. The common case (both operands safe JS integers, safe result) stays in
 * plain `number` arithmetic; anything else is redone in `bigint` and normalised by
 * {@link normInt}. Any Float operand turns the operation into IEEE double arithmetic.
 *
 * @module
 */
import { atomEq, v, type Atom } from '../../atomspace/atom.js';
import {
  BOOL_TYPE,
  BoolAtom,
  FloatAtom,
  IntAtom,
  NUMBER_TYPE,
  bool,
  float,
  int,
  normInt,
  type IntValue,
} from '../../atomspace/values.js';
import { GroundedOp, MettaRuntimeError, NoReduce } from '../grounded.js';
import { arrow } from './types-helper.js';

/** A MeTTa number atom. */
export type NumberAtom = IntAtom | FloatAtom;

const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;
const TWO_POW_63 = 2 ** 63;

/** The atom as a number atom, or undefined when it is not a number. */
export function asNumber(atom: Atom | undefined): NumberAtom | undefined {
  return atom instanceof IntAtom || atom instanceof FloatAtom ? atom : undefined;
}

/** A number as an IEEE double (an Integer is rounded to nearest, as Rust's `as f64`). */
export function toF64(n: NumberAtom): number {
  return n instanceof FloatAtom ? n.value : Number(n.value);
}

/**
 * A double truncated to a 64-bit integer the way Rust's `as i64` does it: toward zero,
 * saturating at the i64 bounds, NaN becoming 0.
 */
export function floatToI64(x: number): IntValue {
  if (Number.isNaN(x)) return 0;
  if (x >= TWO_POW_63) return I64_MAX;
  if (x < -TWO_POW_63) return I64_MIN;
  const t = Math.trunc(x);
  return Number.isSafeInteger(t) ? t + 0 : normInt(BigInt(t));
}

/** A number as a 64-bit integer (Floats truncated as {@link floatToI64} does). */
export function toI64(n: NumberAtom): IntValue {
  return n instanceof IntAtom ? n.value : floatToI64(n.value);
}

// `+ 0` turns a negative zero into a positive one: integers have no sign on zero.
function exact(r: number): IntValue | undefined {
  return Number.isSafeInteger(r) ? r + 0 : undefined;
}

/** i64 addition with wrap-around. */
export function intAdd(a: IntValue, b: IntValue): IntValue {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = exact(a + b);
    if (r !== undefined) return r;
  }
  return normInt(BigInt(a) + BigInt(b));
}

/** i64 subtraction with wrap-around. */
export function intSub(a: IntValue, b: IntValue): IntValue {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = exact(a - b);
    if (r !== undefined) return r;
  }
  return normInt(BigInt(a) - BigInt(b));
}

/** i64 multiplication with wrap-around. */
export function intMul(a: IntValue, b: IntValue): IntValue {
  if (typeof a === 'number' && typeof b === 'number') {
    // A product whose magnitude reaches 2^53 is rounded, but then it is also unsafe, so
    // a safe result is always the exact one.
    const r = exact(a * b);
    if (r !== undefined) return r;
  }
  return normInt(BigInt(a) * BigInt(b));
}

/**
 * i64 division truncating toward zero. The caller rules out a zero divisor. `MIN / -1`
 * overflows; it wraps to `MIN` here (the reference aborts on it).
 */
export function intDiv(a: IntValue, b: IntValue): IntValue {
  if (typeof a === 'number' && typeof b === 'number') {
    // `a % b` is exact for doubles, so `a - r` is an exact multiple of `b` and the
    // quotient below is exact too, unlike `Math.trunc(a / b)`.
    const r = a % b;
    return (a - r) / b + 0;
  }
  return normInt(BigInt(a) / BigInt(b));
}

/** i64 remainder with the sign of the dividend. The caller rules out a zero divisor. */
export function intRem(a: IntValue, b: IntValue): IntValue {
  if (typeof a === 'number' && typeof b === 'number') return (a % b) + 0;
  return normInt(BigInt(a) % BigInt(b));
}

function isZero(v: IntValue): boolean {
  return v === 0 || v === 0n;
}

type IntFn = (a: IntValue, b: IntValue) => IntValue;
type FloatFn = (a: number, b: number) => number;

// Both operands, or NoReduce: the reference leaves `(+ ln 2)` unreduced.
function numberArgs(args: readonly Atom[]): [NumberAtom, NumberAtom] {
  const a = asNumber(args[0]);
  const b = asNumber(args[1]);
  if (a === undefined || b === undefined) throw new NoReduce();
  return [a, b];
}

function numericOp(name: string, onInt: IntFn, onFloat: FloatFn): GroundedOp {
  return new GroundedOp(name, arrow(NUMBER_TYPE, NUMBER_TYPE, NUMBER_TYPE), (args) => {
    const [a, b] = numberArgs(args);
    if (a instanceof IntAtom && b instanceof IntAtom) return [int(onInt(a.value, b.value))];
    return [float(onFloat(toF64(a), toF64(b)))];
  });
}

type Compare = (a: number | bigint, b: number | bigint) => boolean;

function comparisonOp(name: string, cmp: Compare): GroundedOp {
  return new GroundedOp(name, arrow(NUMBER_TYPE, NUMBER_TYPE, BOOL_TYPE), (args) => {
    const [a, b] = numberArgs(args);
    // Mixed number/bigint comparison is exact in JS; a Float operand promotes both to f64.
    if (a instanceof IntAtom && b instanceof IntAtom) return [bool(cmp(a.value, b.value))];
    return [bool(cmp(toF64(a), toF64(b)))];
  });
}

function boolArg(atom: Atom | undefined): boolean {
  if (atom instanceof BoolAtom) return atom.value;
  throw new NoReduce();
}

function binaryBoolOp(name: string, fn: (a: boolean, b: boolean) => boolean): GroundedOp {
  return new GroundedOp(name, arrow(BOOL_TYPE, BOOL_TYPE, BOOL_TYPE), (args) => {
    const a = boolArg(args[0]);
    const b = boolArg(args[1]);
    return [bool(fn(a, b))];
  });
}

const DIVISION_BY_ZERO = 'DivisionByZero';

function divideOp(): GroundedOp {
  return new GroundedOp('/', arrow(NUMBER_TYPE, NUMBER_TYPE, NUMBER_TYPE), (args) => {
    // Unlike the other arithmetic operations, `/` reports bad operands as an error.
    const a = asNumber(args[0]);
    const b = asNumber(args[1]);
    if (a === undefined || b === undefined) {
      throw new MettaRuntimeError('Divide expects two numbers: dividend and divisor');
    }
    if (a instanceof IntAtom && b instanceof IntAtom) {
      if (isZero(b.value)) throw new MettaRuntimeError(DIVISION_BY_ZERO);
      return [int(intDiv(a.value, b.value))];
    }
    return [float(toF64(a) / toF64(b))];
  });
}

function remainderOp(): GroundedOp {
  return new GroundedOp('%', arrow(NUMBER_TYPE, NUMBER_TYPE, NUMBER_TYPE), (args) => {
    const [a, b] = numberArgs(args);
    if (a instanceof IntAtom && b instanceof IntAtom) {
      // The reference panics here; an error atom keeps the program alive.
      if (isZero(b.value)) throw new MettaRuntimeError(DIVISION_BY_ZERO);
      return [int(intRem(a.value, b.value))];
    }
    // JS `%` on doubles is C's fmod: the result has the sign of the dividend.
    return [float(toF64(a) % toF64(b))];
  });
}

function equalOp(): GroundedOp {
  const t = v('t');
  return new GroundedOp('==', arrow(t, t, BOOL_TYPE), (args) => {
    const a = args[0];
    const b = args[1];
    // The reference's text for this case really is "$op expects two arguments".
    if (a === undefined || b === undefined) throw new MettaRuntimeError('$op expects two arguments');
    return [bool(atomEq(a, b))];
  });
}

/**
 * The arithmetic, comparison, logic and equality operations:
 * `+ - * / %` `(-> Number Number Number)`, `< > <= >=` `(-> Number Number Bool)`,
 * `and or xor` `(-> Bool Bool Bool)`, `not` `(-> Bool Bool)`, `==` `(-> $t $t Bool)`.
 */
export function arithmeticOps(): GroundedOp[] {
  return [
    numericOp('+', intAdd, (a, b) => a + b),
    numericOp('-', intSub, (a, b) => a - b),
    numericOp('*', intMul, (a, b) => a * b),
    divideOp(),
    remainderOp(),
    comparisonOp('<', (a, b) => a < b),
    comparisonOp('>', (a, b) => a > b),
    comparisonOp('<=', (a, b) => a <= b),
    comparisonOp('>=', (a, b) => a >= b),
    binaryBoolOp('and', (a, b) => a && b),
    binaryBoolOp('or', (a, b) => a || b),
    binaryBoolOp('xor', (a, b) => a !== b),
    new GroundedOp('not', arrow(BOOL_TYPE, BOOL_TYPE), (args) => [bool(!boolArg(args[0]))]),
    equalOp(),
  ];
}

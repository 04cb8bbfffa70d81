/**
 * Math operations (`*-math`, §5.6) and the `PI` / `EXP` constant tokens.
 *
 * Every operation reports a non-number argument as an error atom whose text is the
 * reference's, e.g. `(Error (sqrt-math A) sqrt-math expects one argument: number)`.
 *
 * @module
 */
import type { Atom } from '../../atomspace/atom.js';
import { BOOL_TYPE, FloatAtom, IntAtom, NUMBER_TYPE, bool, float, int, normInt, type IntValue } from '../../atomspace/values.js';
import { GroundedOp, MettaRuntimeError } from '../grounded.js';
import { asNumber, toF64, type NumberAtom } from './arithmetic.js';
import { arrow } from './types-helper.js';

const I32_MIN = -(2 ** 31);
const I32_MAX = 2 ** 31 - 1;

function numberOrError(atom: Atom | undefined, message: string): NumberAtom {
  const n = asNumber(atom);
  if (n === undefined) throw new MettaRuntimeError(message);
  return n;
}

/**
 * `base` raised to an integer power by repeated squaring, the way the reference's `powi`
 * computes it at run time (so results agree to the last bit more often than `Math.pow`).
 */
function powi(base: number, exponent: number): number {
  let remaining = Math.abs(exponent);
  let square = base;
  let acc = 1;
  for (;;) {
    if (remaining % 2 === 1) acc *= square;
    remaining = Math.floor(remaining / 2);
    if (remaining === 0) break;
    square *= square;
  }
  return exponent < 0 ? 1 / acc : acc;
}

function powMath(): GroundedOp {
  const message = 'pow-math expects two arguments: number (base) and number (power)';
  return new GroundedOp('pow-math', arrow(NUMBER_TYPE, NUMBER_TYPE, NUMBER_TYPE), (args) => {
    const base = toF64(numberOrError(args[0], message));
    const power = numberOrError(args[1], message);
    if (power instanceof FloatAtom) return [float(Math.pow(base, power.value))];
    const n = power.value;
    if (typeof n !== 'number' || n < I32_MIN || n > I32_MAX) {
      throw new MettaRuntimeError('power argument is too big, try using float value');
    }
    return [float(powi(base, n))];
  });
}

function logMath(): GroundedOp {
  const message = 'log-math expects two arguments: base (number) and input value (number)';
  return new GroundedOp('log-math', arrow(NUMBER_TYPE, NUMBER_TYPE, NUMBER_TYPE), (args) => {
    const base = toF64(numberOrError(args[0], message));
    const x = toF64(numberOrError(args[1], message));
    // The reference's `x.log(base)` is defined as ln(x) / ln(base).
    return [float(Math.log(x) / Math.log(base))];
  });
}

/** A one-argument operation that always answers a Float. */
function floatMath(name: string, message: string, fn: (x: number) => number): GroundedOp {
  return new GroundedOp(name, arrow(NUMBER_TYPE, NUMBER_TYPE), (args) => [
    float(fn(toF64(numberOrError(args[0], message)))),
  ]);
}

/** A one-argument operation that keeps an Integer as it is and maps a Float. */
function roundingMath(name: string, fn: (x: number) => number): GroundedOp {
  const message = `${name} expects one argument: input number`;
  return new GroundedOp(name, arrow(NUMBER_TYPE, NUMBER_TYPE), (args) => {
    const n = numberOrError(args[0], message);
    return [n instanceof IntAtom ? n : float(fn(n.value))];
  });
}

/** Rounds half away from zero (Rust's `f64::round`), unlike `Math.round` on negatives. */
export function roundHalfAwayFromZero(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

function intAbs(n: IntValue): IntValue {
  if (typeof n === 'number') return Math.abs(n);
  // |i64::MIN| does not fit; it wraps back to MIN as in a release build.
  return normInt(n < 0n ? -n : n);
}

function absMath(): GroundedOp {
  const message = 'abs-math expects one argument: number';
  return new GroundedOp('abs-math', arrow(NUMBER_TYPE, NUMBER_TYPE), (args) => {
    const n = numberOrError(args[0], message);
    return [n instanceof IntAtom ? int(intAbs(n.value)) : float(Math.abs(n.value))];
  });
}

function floatPredicate(name: string, test: (x: number) => boolean): GroundedOp {
  const message = `${name} expects one argument: input number`;
  return new GroundedOp(name, arrow(NUMBER_TYPE, BOOL_TYPE), (args) => {
    const n = numberOrError(args[0], message);
    // An Integer is never NaN nor infinite.
    return [bool(n instanceof FloatAtom && test(n.value))];
  });
}

function trigMath(name: string, fn: (x: number) => number): GroundedOp {
  return floatMath(name, `${name} expects one argument: input number`, fn);
}

/**
 * The math operations: `pow-math` and `log-math` `(-> Number Number Number)`; `sqrt-math`,
 * `abs-math`, `trunc-math`, `ceil-math`, `floor-math`, `round-math`, `sin-math`,
 * `asin-math`, `cos-math`, `acos-math`, `tan-math`, `atan-math` `(-> Number Number)`;
 * `isnan-math`, `isinf-math` `(-> Number Bool)`.
 */
export function mathOps(): GroundedOp[] {
  return [
    powMath(),
    floatMath('sqrt-math', 'sqrt-math expects one argument: number', Math.sqrt),
    absMath(),
    logMath(),
    roundingMath('trunc-math', Math.trunc),
    roundingMath('ceil-math', Math.ceil),
    roundingMath('floor-math', Math.floor),
    roundingMath('round-math', roundHalfAwayFromZero),
    trigMath('sin-math', Math.sin),
    trigMath('asin-math', Math.asin),
    trigMath('cos-math', Math.cos),
    trigMath('acos-math', Math.acos),
    trigMath('tan-math', Math.tan),
    trigMath('atan-math', Math.atan),
    floatPredicate('isnan-math', Number.isNaN),
    floatPredicate('isinf-math', (x) => x === Infinity || x === -Infinity),
  ];
}

/** The constant tokens: `PI` (π) and `EXP` (e), both Floats. */
export function mathTokens(): Array<[string, Atom]> {
  return [
    ['PI', float(Math.PI)],
    ['EXP', float(Math.E)],
  ];
}

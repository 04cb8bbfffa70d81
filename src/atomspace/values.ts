/**
 * The built-in grounded values every space understands: numbers, booleans and strings.
 *
 * Integers are exact signed 64-bit values. They are held as a JS `number` while they are
 * safe integers (the common, fast case) and as a `bigint` beyond that, so arithmetic stays
 * fast without losing exactness; {@link normInt} keeps that representation canonical.
 *
 * @module
 */
import { sym, type Atom, type GroundedAtom } from './atom.js';
import { formatFloat, formatString } from './format-values.js';

/** The type symbol `Number`, the MeTTa type of {@link IntAtom} and {@link FloatAtom} values. */
export const NUMBER_TYPE = sym('Number');
/** The type symbol `Bool`, the MeTTa type of {@link BoolAtom} values; use it in declared types of operations. */
export const BOOL_TYPE = sym('Bool');
/** The type symbol `String`, the MeTTa type of {@link StringAtom} values; use it in declared types of operations. */
export const STRING_TYPE = sym('String');

/** An exact integer value: a safe-integer `number`, or a `bigint` outside that range. */
export type IntValue = number | bigint;

const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;

/** Canonical form of a 64-bit integer: a number when safe, else a bigint (wrapped to i64). */
export function normInt(x: IntValue): IntValue {
  if (typeof x === 'number') return x;
  const w = x < I64_MIN || x > I64_MAX ? BigInt.asIntN(64, x) : x;
  return w >= -9007199254740991n && w <= 9007199254740991n ? Number(w) : w;
}

/** A MeTTa `Integer` number. */
export class IntAtom implements GroundedAtom {
  /** Always `'grounded'`; tell built-in values apart with `instanceof`. */
  readonly kind = 'grounded' as const;
  readonly type: Atom = NUMBER_TYPE;
  constructor(
    /** The integer: a `number` while it is a safe integer, a `bigint` beyond (see {@link IntValue}). */
    readonly value: IntValue,
  ) {}
  equals(other: GroundedAtom): boolean {
    if (other instanceof IntAtom) return this.value === other.value;
    if (other instanceof FloatAtom) return Number(this.value) === other.value;
    return false;
  }
  toString(): string {
    return String(this.value);
  }
  indexKey(): string {
    return numberKey(Number(this.value));
  }
}

/**
 * The index key of a number: equal numbers (1 and 1.0, 2^60 and 2.0^60) share it. Integers
 * beyond 2^53 compare equal to the float they round to, so the key is taken from that float.
 */
function numberKey(x: number): string {
  return 'n:' + (Number.isInteger(x) ? BigInt(x).toString() : formatFloat(x));
}

/** A MeTTa `Float` number (IEEE double). */
export class FloatAtom implements GroundedAtom {
  /** Always `'grounded'`; tell built-in values apart with `instanceof`. */
  readonly kind = 'grounded' as const;
  readonly type: Atom = NUMBER_TYPE;
  constructor(
    /** The number; it may be `NaN` or infinite, as MeTTa floats may. */
    readonly value: number,
  ) {}
  equals(other: GroundedAtom): boolean {
    if (other instanceof FloatAtom) return this.value === other.value;
    if (other instanceof IntAtom) return this.value === Number(other.value);
    return false;
  }
  toString(): string {
    return formatFloat(this.value);
  }
  indexKey(): string {
    return numberKey(this.value);
  }
}

/** A MeTTa `Bool`. Two shared instances: {@link TRUE} and {@link FALSE}. */
export class BoolAtom implements GroundedAtom {
  /** Always `'grounded'`; tell built-in values apart with `instanceof`. */
  readonly kind = 'grounded' as const;
  readonly type: Atom = BOOL_TYPE;
  private constructor(
    /** The boolean the atom stands for. */
    readonly value: boolean,
  ) {}
  /** The only `True` atom (also exported as {@link TRUE}); compare with `===`. */
  static readonly TRUE = new BoolAtom(true);
  /** The only `False` atom (also exported as {@link FALSE}); compare with `===`. */
  static readonly FALSE = new BoolAtom(false);
  equals(other: GroundedAtom): boolean {
    return other instanceof BoolAtom && other.value === this.value;
  }
  toString(): string {
    return this.value ? 'True' : 'False';
  }
  indexKey(): string {
    return this.value ? 'b:T' : 'b:F';
  }
}

/** A MeTTa `String`. */
export class StringAtom implements GroundedAtom {
  /** Always `'grounded'`; tell built-in values apart with `instanceof`. */
  readonly kind = 'grounded' as const;
  readonly type: Atom = STRING_TYPE;
  constructor(
    /** The text itself, unquoted and unescaped (`toString` gives the quoted MeTTa form). */
    readonly value: string,
  ) {}
  equals(other: GroundedAtom): boolean {
    return other instanceof StringAtom && other.value === this.value;
  }
  /** Display form: quoted and escaped as the reference prints it. */
  toString(): string {
    return formatString(this.value);
  }
  indexKey(): string {
    return 's:' + this.value;
  }
}

/** The MeTTa `True` atom; {@link bool} returns it for `true`. There is no other, so `===` compares. */
export const TRUE = BoolAtom.TRUE;
/** The MeTTa `False` atom; {@link bool} returns it for `false`. There is no other, so `===` compares. */
export const FALSE = BoolAtom.FALSE;

const smallInts: IntAtom[] = [];
for (let i = -128; i <= 1024; i++) smallInts.push(new IntAtom(i));

/** An Integer atom (small values are shared). */
export function int(value: IntValue): IntAtom {
  const n = normInt(value);
  if (typeof n === 'number' && n >= -128 && n <= 1024 && Number.isInteger(n)) return smallInts[n + 128]!;
  return new IntAtom(n);
}

/** A Float atom. */
export function float(value: number): FloatAtom {
  return new FloatAtom(value);
}

/** A Bool atom. */
export function bool(value: boolean): BoolAtom {
  return value ? TRUE : FALSE;
}

/** A String atom. */
export function str(value: string): StringAtom {
  return new StringAtom(value);
}

/** True for Integer and Float atoms. */
export function isNumber(atom: Atom): atom is IntAtom | FloatAtom {
  return atom instanceof IntAtom || atom instanceof FloatAtom;
}

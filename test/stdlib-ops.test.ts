import { describe, expect, it } from 'vitest';
import { UNIT, expr, exprOf, sym, v, freshVariable, type Atom } from '../src/atomspace/atom.js';
import { Bindings } from '../src/atomspace/bindings.js';
import { formatAtom } from '../src/atomspace/format.js';
import type { Space } from '../src/atomspace/space.js';
import { FALSE, FloatAtom, IntAtom, StringAtom, TRUE, bool, float, int, str } from '../src/atomspace/values.js';
import { GroundedOp, MettaRuntimeError, NoReduce, type OpAnswer, type OpContext } from '../src/metta/grounded.js';
import { arithmeticOps, floatToI64 } from '../src/metta/stdlib/arithmetic.js';
import { atomOps } from '../src/metta/stdlib/atoms.js';
import { mathOps, mathTokens, roundHalfAwayFromZero } from '../src/metta/stdlib/math.js';
import { compareCodePoints, formatArgs, textOps } from '../src/metta/stdlib/text.js';
import { arrow, UNIT_TYPE } from '../src/metta/stdlib/types-helper.js';

const ALL_OPS: GroundedOp[] = [...arithmeticOps(), ...mathOps(), ...atomOps(), ...textOps()];
const I64_MAX = 2n ** 63n - 1n;
const I64_MIN = -(2n ** 63n);

function opNamed(name: string): GroundedOp {
  const op = ALL_OPS.find((o) => o.name === name);
  if (op === undefined) throw new Error(`no op ${name}`);
  return op;
}

interface Captured {
  ctx: OpContext;
  stdout: string[];
  stderr: string[];
}

function fakeContext(call: Atom = UNIT): Captured {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const ctx: OpContext = {
    call,
    space: {} as Space,
    bindings: Bindings.EMPTY,
    host: { stdout: (t) => stdout.push(t), stderr: (t) => stderr.push(t) },
  };
  return { ctx, stdout, stderr };
}

function answersOf(result: unknown): Atom[] {
  if (!Array.isArray(result)) throw new Error('expected a synchronous list of answers');
  return (result as OpAnswer[]).map((a) => ('atom' in a && 'bindings' in a ? a.atom : (a as Atom)));
}

/** Runs an op and returns its single answer. */
function call(name: string, ...args: Atom[]): Atom {
  const answers = answersOf(opNamed(name).fn(args, fakeContext().ctx));
  expect(answers).toHaveLength(1);
  return answers[0]!;
}

/** Runs an op that must fail with a runtime error; returns the error's message atom. */
function failure(name: string, ...args: Atom[]): Atom {
  try {
    opNamed(name).fn(args, fakeContext().ctx);
  } catch (e) {
    if (e instanceof MettaRuntimeError) return e.atom;
    throw e;
  }
  throw new Error(`${name} did not fail`);
}

function failureText(name: string, ...args: Atom[]): string {
  const a = failure(name, ...args);
  if (a.kind !== 'symbol') throw new Error(`message is not a symbol: ${formatAtom(a)}`);
  return a.name;
}

function expectNoReduce(name: string, ...args: Atom[]): void {
  expect(() => opNamed(name).fn(args, fakeContext().ctx)).toThrow(NoReduce);
}

const show = (a: Atom) => formatAtom(a);
const ints = (...ns: number[]) => exprOf(ns.map((n) => int(n)));

function expectInt(a: Atom, value: number | bigint): void {
  expect(a).toBeInstanceOf(IntAtom);
  expect((a as IntAtom).value).toBe(value);
}

function expectFloat(a: Atom, value: number): void {
  expect(a).toBeInstanceOf(FloatAtom);
  expect(Object.is((a as FloatAtom).value, value)).toBe(true);
}

describe('declared types', () => {
  const expected: Record<string, string> = {
    '+': '(-> Number Number Number)',
    '-': '(-> Number Number Number)',
    '*': '(-> Number Number Number)',
    '/': '(-> Number Number Number)',
    '%': '(-> Number Number Number)',
    '<': '(-> Number Number Bool)',
    '>': '(-> Number Number Bool)',
    '<=': '(-> Number Number Bool)',
    '>=': '(-> Number Number Bool)',
    and: '(-> Bool Bool Bool)',
    or: '(-> Bool Bool Bool)',
    xor: '(-> Bool Bool Bool)',
    not: '(-> Bool Bool)',
    '==': '(-> $t $t Bool)',
    'pow-math': '(-> Number Number Number)',
    'log-math': '(-> Number Number Number)',
    'sqrt-math': '(-> Number Number)',
    'abs-math': '(-> Number Number)',
    'trunc-math': '(-> Number Number)',
    'ceil-math': '(-> Number Number)',
    'floor-math': '(-> Number Number)',
    'round-math': '(-> Number Number)',
    'sin-math': '(-> Number Number)',
    'asin-math': '(-> Number Number)',
    'cos-math': '(-> Number Number)',
    'acos-math': '(-> Number Number)',
    'tan-math': '(-> Number Number)',
    'atan-math': '(-> Number Number)',
    'isnan-math': '(-> Number Bool)',
    'isinf-math': '(-> Number Bool)',
    'car-atom': '(-> Expression %Undefined%)',
    'cdr-atom': '(-> Expression Expression)',
    'size-atom': '(-> Expression Number)',
    'index-atom': '(-> Expression Number Atom)',
    'min-atom': '(-> %Undefined% Number)',
    'max-atom': '(-> %Undefined% Number)',
    'unique-atom': '(-> Expression Atom)',
    'union-atom': '(-> Expression Expression Atom)',
    'intersection-atom': '(-> Expression Expression Atom)',
    'subtraction-atom': '(-> Expression Expression Atom)',
    'println!': '(-> %Undefined% (->))',
    'format-args': '(-> String Expression String)',
    'sort-strings': '(-> Expression Expression)',
    'trace!': '(-> %Undefined% Atom %Undefined%)',
    'print-alternatives!': '(-> Atom Expression (->))',
  };

  it('covers every op exactly once', () => {
    expect(ALL_OPS.map((o) => o.name).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('%s : %s', (name, type) => {
    expect(show(opNamed(name).type)).toBe(type);
  });

  it('builds arrow types', () => {
    expect(show(arrow(sym('A'), sym('B')))).toBe('(-> A B)');
    expect(show(UNIT_TYPE)).toBe('(->)');
  });
});

describe('integer arithmetic (exact i64)', () => {
  it('adds, subtracts, multiplies small integers as Integers', () => {
    expectInt(call('+', int(40), int(2)), 42);
    expectInt(call('-', int(44), int(2)), 42);
    expectInt(call('*', int(6), int(7)), 42);
  });

  it('multiplies past 2^53 exactly', () => {
    expectInt(call('*', int(3037000499), int(3037000499)), 9223372030926249001n);
  });

  it('crosses the number/bigint boundary both ways', () => {
    const big = call('+', int(Number.MAX_SAFE_INTEGER), int(1));
    expectInt(big, 9007199254740992n);
    expectInt(call('-', big, int(1)), Number.MAX_SAFE_INTEGER);
    expectInt(call('-', int(-Number.MAX_SAFE_INTEGER), int(1)), -9007199254740992n);
  });

  it('wraps on overflow like a release build', () => {
    expectInt(call('+', int(I64_MAX), int(1)), I64_MIN);
    expectInt(call('-', int(I64_MIN), int(1)), I64_MAX);
    expectInt(call('*', int(I64_MAX), int(2)), -2);
    expectInt(call('*', int(2n ** 62n), int(4)), 0);
  });

  it('never produces a negative zero', () => {
    expectInt(call('*', int(-3), int(0)), 0);
    expectInt(call('/', int(0), int(-5)), 0);
    expectInt(call('%', int(-4), int(2)), 0);
  });

  it('divides truncating toward zero', () => {
    expectInt(call('/', int(84), int(2)), 42);
    expectInt(call('/', int(-7), int(2)), -3);
    expectInt(call('/', int(7), int(-2)), -3);
    expectInt(call('/', int(-7), int(-2)), 3);
    expectInt(call('/', int(9007199254740990), int(9007199254740991)), 0);
    expectInt(call('/', int(I64_MAX), int(2)), 4611686018427387903n);
    expectInt(call('/', int(I64_MIN), int(-1)), I64_MIN);
  });

  it('takes the remainder with the sign of the dividend', () => {
    expectInt(call('%', int(85), int(43)), 42);
    expectInt(call('%', int(-7), int(2)), -1);
    expectInt(call('%', int(7), int(-2)), 1);
    expectInt(call('%', int(I64_MIN), int(10)), -8);
    expectInt(call('%', int(I64_MIN), int(-1)), 0);
  });

  it('reports integer division and remainder by zero as DivisionByZero', () => {
    expect(failureText('/', int(5), int(0))).toBe('DivisionByZero');
    expect(failureText('%', int(5), int(0))).toBe('DivisionByZero');
    expect(failureText('/', int(I64_MAX), int(0))).toBe('DivisionByZero');
  });
});

describe('float arithmetic', () => {
  it('promotes to Float when any operand is a Float', () => {
    expectFloat(call('+', int(40), float(2.42)), 42.42);
    expectFloat(call('+', float(40.42), int(2)), 42.42);
    expectFloat(call('-', int(44), float(2.42)), 44 - 2.42);
    expectFloat(call('*', int(4), float(10.5)), 42);
    expectFloat(call('/', int(441), float(10.5)), 42);
    expectFloat(call('/', float(84), int(2)), 42);
  });

  it('follows IEEE for division by zero', () => {
    expectFloat(call('/', float(5), float(0)), Infinity);
    expectFloat(call('/', float(-5), int(0)), -Infinity);
    expect(Number.isNaN((call('/', float(0), float(0)) as FloatAtom).value)).toBe(true);
  });

  it('uses fmod for Float remainders', () => {
    expectFloat(call('%', int(85), float(43.5)), 41.5);
    expectFloat(call('%', float(85.5), int(43)), 42.5);
    expectFloat(call('%', float(-7.5), int(2)), -1.5);
    expect(Number.isNaN((call('%', float(1), float(0)) as FloatAtom).value)).toBe(true);
  });

  it('converts an Integer to f64 by rounding to nearest', () => {
    expectFloat(call('+', int(2n ** 63n - 1n), float(0)), 2 ** 63);
  });
});

describe('bad operands', () => {
  it('leaves + - * % and comparisons unreduced', () => {
    for (const name of ['+', '-', '*', '%', '<', '>', '<=', '>=']) {
      expectNoReduce(name, sym('ln'), int(2));
      expectNoReduce(name, int(2), str('2'));
    }
  });

  it('makes / an error with the reference text', () => {
    expect(failureText('/', sym('A'), int(2))).toBe('Divide expects two numbers: dividend and divisor');
    expect(failureText('/', int(2), TRUE)).toBe('Divide expects two numbers: dividend and divisor');
  });

  it('leaves logic on non-Bools unreduced', () => {
    expectNoReduce('and', TRUE, int(1));
    expectNoReduce('or', sym('True'), FALSE);
    expectNoReduce('xor', str('x'), TRUE);
    expectNoReduce('not', int(0));
  });
});

describe('comparisons', () => {
  it('compares with promotion', () => {
    expect(call('<', int(1), int(2))).toBe(TRUE);
    expect(call('<', int(1), float(1.5))).toBe(TRUE);
    expect(call('>', float(2.5), int(2))).toBe(TRUE);
    expect(call('<=', int(2), float(2))).toBe(TRUE);
    expect(call('>=', int(1), int(2))).toBe(FALSE);
  });

  it('compares big integers exactly', () => {
    expect(call('<', int(9007199254740993n), int(9007199254740994n))).toBe(TRUE);
    expect(call('>', int(I64_MAX), int(I64_MAX - 1n))).toBe(TRUE);
    expect(call('<', int(I64_MIN), int(-1))).toBe(TRUE);
    expect(call('<=', int(9007199254740993n), int(9007199254740992))).toBe(FALSE);
  });

  it('is false against NaN', () => {
    const nan = float(NaN);
    for (const name of ['<', '>', '<=', '>=']) expect(call(name, nan, int(1))).toBe(FALSE);
  });
});

describe('logic', () => {
  const table: Array<[boolean, boolean]> = [
    [true, true],
    [true, false],
    [false, true],
    [false, false],
  ];
  it.each(table)('and/or/xor of %s %s', (a, b) => {
    expect(call('and', bool(a), bool(b))).toBe(bool(a && b));
    expect(call('or', bool(a), bool(b))).toBe(bool(a || b));
    expect(call('xor', bool(a), bool(b))).toBe(bool(a !== b));
  });
  it('negates', () => {
    expect(call('not', TRUE)).toBe(FALSE);
    expect(call('not', FALSE)).toBe(TRUE);
  });
});

describe('==', () => {
  it('is structural equality on any atoms', () => {
    expect(call('==', expr(sym('A'), sym('B')), expr(sym('A'), sym('B')))).toBe(TRUE);
    expect(call('==', expr(sym('A'), sym('B')), expr(sym('A'), sym('C')))).toBe(FALSE);
    expect(call('==', int(1), float(1))).toBe(TRUE);
    expect(call('==', str('a'), str('a'))).toBe(TRUE);
    expect(call('==', str('a'), sym('a'))).toBe(FALSE);
    expect(call('==', v('x'), v('x'))).toBe(TRUE);
    expect(call('==', v('x'), freshVariable('x'))).toBe(FALSE);
    expect(call('==', UNIT, UNIT)).toBe(TRUE);
  });
});

describe('number conversions', () => {
  it('truncates floats to i64 like Rust `as`', () => {
    expect(floatToI64(2.9)).toBe(2);
    expect(floatToI64(-2.9)).toBe(-2);
    expect(floatToI64(-0.5)).toBe(0);
    expect(Object.is(floatToI64(-0.5), 0)).toBe(true);
    expect(floatToI64(NaN)).toBe(0);
    expect(floatToI64(1e300)).toBe(I64_MAX);
    expect(floatToI64(-1e300)).toBe(I64_MIN);
    expect(floatToI64(2 ** 60)).toBe(2n ** 60n);
  });
});

describe('math', () => {
  it('pow-math answers a Float; an Integer power uses repeated squaring', () => {
    expectFloat(call('pow-math', int(5), int(2)), 25);
    expectFloat(call('pow-math', int(2), int(-1)), 0.5);
    expectFloat(call('pow-math', float(1.5), int(0)), 1);
    expectFloat(call('pow-math', int(2), int(62)), 2 ** 62);
    expectFloat(call('pow-math', float(5.5), float(2.3)), Math.pow(5.5, 2.3));
    expectFloat(call('pow-math', int(-8), float(1 / 3)), NaN);
  });

  it('pow-math rejects powers outside i32 and non-numbers', () => {
    expect(failureText('pow-math', int(5), int(200000000000000))).toBe('power argument is too big, try using float value');
    expect(failureText('pow-math', int(5), int(2 ** 31))).toBe('power argument is too big, try using float value');
    expect(failureText('pow-math', int(5), int(2n ** 62n))).toBe('power argument is too big, try using float value');
    expectFloat(call('pow-math', int(1), int(-(2 ** 31))), 1);
    expect(failureText('pow-math', sym('A'), int(2))).toBe('pow-math expects two arguments: number (base) and number (power)');
    expect(failureText('pow-math', int(2), sym('A'))).toBe('pow-math expects two arguments: number (base) and number (power)');
  });

  it('sqrt-math', () => {
    expectFloat(call('sqrt-math', int(4)), 2);
    expect(Number.isNaN((call('sqrt-math', int(-4)) as FloatAtom).value)).toBe(true);
    expect(failureText('sqrt-math', sym('A'))).toBe('sqrt-math expects one argument: number');
  });

  it('abs-math keeps the kind of number', () => {
    expectInt(call('abs-math', int(-5)), 5);
    expectInt(call('abs-math', int(-(2n ** 60n))), 2n ** 60n);
    expectInt(call('abs-math', int(I64_MIN)), I64_MIN);
    expectFloat(call('abs-math', float(-5.5)), 5.5);
    expect(failureText('abs-math', sym('A'))).toBe('abs-math expects one argument: number');
  });

  it('log-math takes the base first', () => {
    expectFloat(call('log-math', int(2), int(8)), 3);
    expectFloat(call('log-math', int(5), int(0)), -Infinity);
    expect(Number.isNaN((call('log-math', int(0), int(0)) as FloatAtom).value)).toBe(true);
    expect(failureText('log-math', sym('A'), int(2))).toBe(
      'log-math expects two arguments: base (number) and input value (number)',
    );
  });

  it('rounding keeps an Integer and maps a Float', () => {
    for (const name of ['trunc-math', 'ceil-math', 'floor-math', 'round-math']) {
      const n = int(2n ** 62n);
      expect(call(name, n)).toBe(n);
      expect(failureText(name, sym('A'))).toBe(`${name} expects one argument: input number`);
    }
    expectFloat(call('trunc-math', float(2.7)), 2);
    expectFloat(call('trunc-math', float(-2.7)), -2);
    expectFloat(call('ceil-math', float(2.1)), 3);
    expectFloat(call('ceil-math', float(-0.5)), -0);
    expectFloat(call('floor-math', float(-2.1)), -3);
    expectFloat(call('round-math', float(2.4)), 2);
  });

  it('round-math rounds half away from zero', () => {
    expectFloat(call('round-math', float(-2.5)), -3);
    expectFloat(call('round-math', float(2.5)), 3);
    expectFloat(call('round-math', float(0.5)), 1);
    expectFloat(call('round-math', float(-0.5)), -1);
    expectFloat(call('round-math', float(-0.4)), -0);
    expectFloat(call('round-math', float(-1.5)), -2);
    expect(roundHalfAwayFromZero(0.49999999999999994)).toBe(0);
    expect(roundHalfAwayFromZero(Infinity)).toBe(Infinity);
  });

  it('trigonometry answers Floats', () => {
    expectFloat(call('sin-math', int(0)), 0);
    expectFloat(call('cos-math', int(0)), 1);
    expectFloat(call('tan-math', int(0)), 0);
    expectFloat(call('asin-math', int(1)), Math.PI / 2);
    expectFloat(call('acos-math', int(1)), 0);
    expectFloat(call('atan-math', int(1)), Math.PI / 4);
    expect(Number.isNaN((call('asin-math', int(2)) as FloatAtom).value)).toBe(true);
    for (const name of ['sin-math', 'asin-math', 'cos-math', 'acos-math', 'tan-math', 'atan-math']) {
      expect(failureText(name, sym('A'))).toBe(`${name} expects one argument: input number`);
    }
  });

  it('isnan-math and isinf-math answer Bools; Integers are neither', () => {
    expect(call('isnan-math', float(NaN))).toBe(TRUE);
    expect(call('isnan-math', float(1))).toBe(FALSE);
    expect(call('isnan-math', int(1))).toBe(FALSE);
    expect(call('isinf-math', float(-Infinity))).toBe(TRUE);
    expect(call('isinf-math', float(NaN))).toBe(FALSE);
    expect(call('isinf-math', int(I64_MAX))).toBe(FALSE);
    expect(failureText('isnan-math', sym('A'))).toBe('isnan-math expects one argument: input number');
    expect(failureText('isinf-math', str('1'))).toBe('isinf-math expects one argument: input number');
  });

  it('provides the PI and EXP tokens', () => {
    const tokens = new Map(mathTokens());
    expectFloat(tokens.get('PI')!, Math.PI);
    expectFloat(tokens.get('EXP')!, Math.E);
    expect(show(tokens.get('PI')!)).toBe('3.141592653589793');
  });
});

describe('expression operations', () => {
  const abc = expr(sym('a'), sym('b'), sym('c'));

  it('car-atom and cdr-atom', () => {
    expect(show(call('car-atom', expr(sym('A'), v('b'))))).toBe('A');
    expect(show(call('cdr-atom', abc))).toBe('(b c)');
    expect(show(call('cdr-atom', expr(sym('a'))))).toBe('()');
    for (const name of ['car-atom', 'cdr-atom']) {
      for (const bad of [UNIT, sym('A'), v('a')]) {
        const message = failure(name, bad);
        expect(message).toBeInstanceOf(StringAtom);
        expect((message as StringAtom).value).toBe(`${name} expects a non-empty expression as an argument`);
      }
    }
  });

  it('size-atom', () => {
    expectInt(call('size-atom', ints(5, 4, 3, 2, 1)), 5);
    expectInt(call('size-atom', UNIT), 0);
    expect(failureText('size-atom', sym('A'))).toBe('Atom is not an ExpressionAtom');
  });

  it('index-atom', () => {
    expectInt(call('index-atom', ints(5, 4, 3, 2, 1), int(2)), 3);
    expect(show(call('index-atom', abc, float(1.7)))).toBe('b');
    expect(show(call('index-atom', abc, float(-0.5)))).toBe('a');
    expect(failureText('index-atom', abc, int(3))).toBe('Index is out of bounds');
    expect(failureText('index-atom', abc, int(-1))).toBe('Index is out of bounds');
    expect(failureText('index-atom', abc, int(I64_MAX))).toBe('Index is out of bounds');
    expect(failureText('index-atom', abc, sym('x'))).toBe('index-atom expects two arguments: expression and atom');
    expect(failureText('index-atom', sym('x'), int(0))).toBe('Atom is not an ExpressionAtom');
  });

  it('min-atom and max-atom always answer a Float', () => {
    expectFloat(call('min-atom', exprOf([int(5), int(4), float(5.5)])), 4);
    expectFloat(call('max-atom', exprOf([int(5), int(4), float(5.5)])), 5.5);
    expectFloat(call('max-atom', ints(7)), 7);
    expectFloat(call('min-atom', exprOf([float(NaN), int(3)])), 3);
    expect(failureText('min-atom', UNIT)).toBe('Empty expression');
    expect(failureText('max-atom', UNIT)).toBe('Empty expression');
    const mixed = exprOf([int(3), sym('A'), sym('B'), int(5)]);
    expect(failureText('min-atom', mixed)).toBe('Only numbers are allowed in expression: (3 A B 5)');
    expect(failureText('max-atom', exprOf([int(4), str('5')]))).toBe('Only numbers are allowed in expression: (4 "5")');
    expect(failureText('max-atom', int(5))).toBe('Atom is not an ExpressionAtom');
  });

  it('unique-atom removes alpha-equivalent repeats, keeping the first', () => {
    const bc = expr(sym('B'), sym('C'));
    const fg = expr(sym('f'), sym('g'));
    const input = exprOf([expr(sym('A'), bc), expr(sym('A'), bc), fg, fg, fg, sym('Z')]);
    expect(show(call('unique-atom', input))).toBe('((A (B C)) (f g) Z)');
    const vars = exprOf([expr(sym('R'), v('x'), v('y')), expr(sym('R'), v('a'), v('b')), expr(sym('R'), v('a'), v('a'))]);
    expect(show(call('unique-atom', vars))).toBe('((R $x $y) (R $a $a))');
    expect(show(call('unique-atom', exprOf([int(1), float(1), int(2)])))).toBe('(1 2)');
    expect(failureText('unique-atom', sym('A'))).toBe('Atom is not an ExpressionAtom');
  });

  it('union-atom concatenates', () => {
    expect(show(call('union-atom', ints(1, 2), ints(2, 3)))).toBe('(1 2 2 3)');
    expect(failureText('union-atom', ints(1), sym('x'))).toBe('Atom is not an ExpressionAtom');
  });

  it('intersection-atom is a multiset intersection in the order of the first', () => {
    const bc = expr(sym('B'), sym('C'));
    const fg = expr(sym('f'), sym('g'));
    const left = exprOf([sym('Z'), expr(sym('A'), bc), expr(sym('A'), bc), fg, fg, fg, expr(sym('P'), sym('b'))]);
    const right = exprOf([fg, fg, expr(sym('A'), bc), sym('p'), sym('p'), expr(sym('Q'), sym('a')), sym('Z')]);
    expect(show(call('intersection-atom', left, right))).toBe('(Z (A (B C)) (f g) (f g))');
    expect(show(call('intersection-atom', ints(5, 4, 3, 2), ints(5, 3)))).toBe('(5 3)');
    expect(show(call('intersection-atom', exprOf([int(1), v('x')]), exprOf([v('x'), float(1)])))).toBe('($x)');
  });

  it('subtraction-atom is a multiset difference', () => {
    const bc = expr(sym('B'), sym('C'));
    const fg = expr(sym('f'), sym('g'));
    const left = exprOf([sym('Z'), sym('S'), sym('S'), expr(sym('A'), bc), expr(sym('A'), bc), fg, fg, fg, expr(sym('P'), sym('b'))]);
    const right = exprOf([fg, expr(sym('A'), bc), sym('p'), sym('P'), expr(sym('Q'), sym('a')), sym('Z'), sym('S'), sym('S'), sym('S')]);
    expect(show(call('subtraction-atom', left, right))).toBe('((A (B C)) (f g) (f g) (P b))');
    expect(show(call('subtraction-atom', exprOf([int(1), float(2), str('s')]), exprOf([float(1), float(2), str('s')])))).toBe(
      '(1)',
    );
    expect(failureText('subtraction-atom', sym('x'), UNIT)).toBe('Atom is not an ExpressionAtom');
  });
});

describe('text operations', () => {
  it('println! prints the raw string form and answers ()', () => {
    const { ctx, stdout } = fakeContext();
    expect(answersOf(opNamed('println!').fn([str('hi "there"')], ctx))).toEqual([UNIT]);
    opNamed('println!').fn([expr(sym('a'), str('b'), float(1))], ctx);
    expect(stdout).toEqual(['hi "there"\n', '(a "b" 1.0)\n']);
  });

  it('trace! prints the Display form to stderr and answers its second argument', () => {
    const { ctx, stdout, stderr } = fakeContext();
    expect(answersOf(opNamed('trace!').fn([str('Here?'), int(42)], ctx))).toEqual([int(42)]);
    opNamed('trace!').fn([expr(str('Hello world!'), sym('A'), int(1)), sym('x')], ctx);
    expect(stderr).toEqual(['"Here?"\n', '("Hello world!" A 1)\n']);
    expect(stdout).toEqual([]);
    expect(failureText('trace!', str('only one'))).toBe('trace! expects two atoms as arguments');
  });

  it('print-alternatives! prints a count, the label and each item indented', () => {
    const { ctx, stdout } = fakeContext();
    const result = opNamed('print-alternatives!').fn([str('results'), expr(str('x'), sym('B'), expr(str('y')))], ctx);
    expect(answersOf(result)).toEqual([UNIT]);
    expect(stdout.join('')).toBe('3 results:\n    x\n    B\n    ("y")\n');
    expect(failureText('print-alternatives!', sym('l'), sym('notexpr'))).toBe('Atom is not an ExpressionAtom');
  });

  it('format-args fills placeholders with the raw string forms of the arguments', () => {
    const fmt = (template: string, ...args: Atom[]) => (call('format-args', str(template), exprOf(args)) as StringAtom).value;
    expect(fmt('{} and {}', int(1), str('s'))).toBe('1 and s');
    expect(fmt('{}-{}-{}', int(1))).toBe('1--');
    expect(fmt('{}', int(1), int(2))).toBe('1');
    expect(fmt('{{}}{}', int(1), int(2))).toBe('{}1');
    expect(fmt('nested {}', expr(str('q'), float(2)))).toBe('nested ("q" 2.0)');
    expect(fmt('no placeholders')).toBe('no placeholders');
    expect(failureText('format-args', sym('notastring'), UNIT)).toBe(
      'format-args expects format string as a first argument and expression as a second argument',
    );
    expect(failureText('format-args', str('{}'), sym('x'))).toBe('Atom is not an ExpressionAtom');
  });

  it('format-args treats stray braces as the reference does', () => {
    const a = ['1', '2', '3'];
    expect(formatArgs('{{}}x{{}{}}y{', a)).toBe('{}x{{}y');
    expect(formatArgs('{{{}}}x{y}', a)).toBe('{1}xy');
    expect(formatArgs('{{{}}}x{{}', a)).toBe('{1}x{');
    expect(formatArgs('abcd{}абвгд{}{}', a)).toBe('abcd1абвгд23');
    expect(formatArgs('}', a)).toBe('');
    expect(formatArgs('a}b', a)).toBe('ab');
  });

  it('sort-strings orders by UTF-8 bytes', () => {
    // U+FF21 sorts before an astral character by code point, after it by UTF-16 unit.
    const sorted = call('sort-strings', exprOf([str('b'), str('😀'), str('\uFF21'), str('a'), str('B')]));
    expect(show(sorted)).toBe('("B" "a" "b" "\uFF21" "😀")');
    expect(compareCodePoints('\uE000', '\u{1F600}')).toBeLessThan(0);
    expect(compareCodePoints('ab', 'a')).toBeGreaterThan(0);
    for (const bad of [sym('x'), exprOf([str('a'), sym('b')])]) {
      expect(failureText('sort-strings', bad)).toBe('sort-strings expects expression with strings as a first argument');
    }
  });
});

/**
 * The binary form keeps every atom exactly, costs little for repeated names, and fails
 * loudly (PersistError with a byte offset) on anything it cannot encode or decode.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expr, freshVariable, sym, v, type Atom, type VariableAtom } from '../src/atomspace/atom.js';
import { GroundingSpace } from '../src/atomspace/grounding-space.js';
import { SpaceAtom } from '../src/atomspace/space-atom.js';
import { float, int, IntAtom, str, StringAtom } from '../src/atomspace/values.js';
import { MeTTa } from '../src/metta/runner.js';
import { decodeAtom, decodeAtoms, encodeAtom, encodeAtoms, RecordEncoder } from '../src/persist/binary-codec.js';
import { PersistError } from '../src/persist/persist-error.js';
import { anyAtom, deepAtom, sameAtom } from './support/persist-atoms.js';

function expectAllSame(back: readonly Atom[], atoms: readonly Atom[]): void {
  expect(back.length).toBe(atoms.length);
  back.forEach((b, i) => expect(sameAtom(b, atoms[i]!)).toBe(true));
}

/** Decoding that may fail only with a PersistError carrying an offset inside the input. */
function decodeOrPersistError(bytes: Uint8Array, decode: (b: Uint8Array) => unknown): void {
  try {
    decode(bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(PersistError);
    const offset = (e as PersistError).offset;
    expect(typeof offset).toBe('number');
    expect(offset).toBeGreaterThanOrEqual(0);
    expect(offset).toBeLessThanOrEqual(bytes.length);
    expect((e as Error).message).toContain(`at byte ${offset}`);
  }
}

describe('decodeAtoms(encodeAtoms(atoms)) is exactly atoms', () => {
  it('for every kind of atom, in order, duplicates included', () => {
    fc.assert(
      fc.property(fc.array(anyAtom, { maxLength: 12 }), fc.nat(), (atoms, dup) => {
        if (atoms.length > 0) atoms.push(atoms[dup % atoms.length]!);
        expectAllSame(decodeAtoms(encodeAtoms(atoms)), atoms);
      }),
      { numRuns: 1500 },
    );
  });

  it('for single records, also through a reused RecordEncoder', () => {
    const encoder = new RecordEncoder();
    fc.assert(
      fc.property(anyAtom, anyAtom, (a, b) => {
        expect(sameAtom(decodeAtom(encodeAtom(a)), a)).toBe(true);
        const first = encoder.encode(a).slice();
        const second = encoder.encode(b);
        expect(sameAtom(decodeAtom(second), b)).toBe(true);
        expect(sameAtom(decodeAtom(first), a)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps the special numbers bit for bit and the JS form of integers', () => {
    const specials = [
      float(NaN),
      float(-0),
      float(0),
      float(Infinity),
      float(-Infinity),
      float(5e-324),
      int(2n ** 63n - 1n),
      int(-(2n ** 63n)),
      int(Number.MAX_SAFE_INTEGER),
      int(-Number.MAX_SAFE_INTEGER),
      new IntAtom(7n),
      new IntAtom(2 ** 60),
      new IntAtom(-0),
    ];
    const back = decodeAtoms(encodeAtoms(specials));
    expectAllSame(back, specials);
    expect(typeof (back[10] as IntAtom).value).toBe('bigint');
    expect(typeof (back[11] as IntAtom).value).toBe('number');
    expect(Object.is((back[12] as IntAtom).value, -0)).toBe(true);
  });

  it('keeps any UTF-16 text: astral characters, a leading BOM, lone surrogates', () => {
    const texts = ['😀 日本 é', '\uFEFFstarts with a BOM', 'lone \uD800 high', 'lone \uDC00 low', '', 'x'.repeat(100_000)];
    const atoms = texts.flatMap((t) => [str(t), sym(t)]);
    const back = decodeAtoms(encodeAtoms(atoms));
    expectAllSame(back, atoms);
    expect((back[2] as StringAtom).value).toBe('\uFEFFstarts with a BOM');
  });

  it('keeps fresh variables distinct, and one object per variable inside an atom', () => {
    const x1 = freshVariable('x');
    const x2 = freshVariable('x');
    const [a] = decodeAtoms(encodeAtoms([expr(sym('f'), x1, x2, x1, v('x'))]));
    const [f, y1, y2, y1again, parsed] = (a as { children: VariableAtom[] }).children as [Atom, VariableAtom, VariableAtom, VariableAtom, VariableAtom];
    expect(f).toBe(sym('f'));
    expect([y1.name, y1.id, y2.name, y2.id]).toEqual(['x', x1.id, 'x', x2.id]);
    expect(y1).not.toBe(y2);
    expect(y1again).toBe(y1);
    expect(parsed).toBe(v('x'));
  });

  it('handles expressions nested 100,000 deep, as streams and as records', () => {
    const deep = deepAtom(100_000);
    expect(sameAtom(decodeAtoms(encodeAtoms([deep, deep]))[1]!, deep)).toBe(true);
    expect(sameAtom(decodeAtom(encodeAtom(deep)), deep)).toBe(true);
  });
});

describe('the encoding is compact', () => {
  it('stores a repeated name once: a repeated 3-symbol fact costs 8 bytes', () => {
    const fact = expr(sym('Parent'), sym('Tom'), sym('Bob'));
    const one = encodeAtoms([fact]).length;
    const many = encodeAtoms(Array.from({ length: 10_001 }, () => fact)).length;
    expect((many - one) / 10_000).toBe(8);
  });

  it('writes small integers in one or two bytes after the tag', () => {
    const base = encodeAtoms([]).length;
    expect(encodeAtoms([int(5)]).length - base).toBe(2);
    expect(encodeAtoms([int(-100)]).length - base).toBe(2);
    expect(encodeAtoms([int(1000)]).length - base).toBe(3);
  });
});

describe('atoms without a binary form are refused by name', () => {
  const runner = new MeTTa({ io: { stdout: () => {}, stderr: () => {} } });
  const plus = runner.top.tokenizer.lookup('+')!;
  const cases: [string, Atom, RegExp][] = [
    [
      'an operation',
      expr(sym('f'), plus),
      /^cannot encode operation \+ of type \(-> Number Number Number\): only numbers, booleans and strings among grounded atoms have a binary form$/,
    ],
    ['a space', new SpaceAtom(new GroundingSpace('kb')), /GroundingSpace-kb/],
    [
      'an app-defined value',
      {
        kind: 'grounded',
        type: sym('Color'),
        equals: () => false,
        toString: () => 'red',
        indexKey: () => undefined,
      },
      /grounded atom red of type Color/,
    ],
    [
      'an app-defined value whose type is an expression',
      {
        kind: 'grounded',
        type: expr(sym('List'), sym('Number')),
        equals: () => false,
        toString: () => '[1, 2]',
        indexKey: () => undefined,
      },
      /grounded atom \[1, 2\] of type \(List Number\):/,
    ],
    ['an integer beyond 64 bits', new IntAtom(2n ** 70n), /outside the signed 64-bit range/],
    ['a subclass of a built-in value', new (class Tagged extends StringAtom {})('s'), /only numbers, booleans and strings/],
  ];
  for (const [what, atom, message] of cases) {
    it(`${what}: PersistError naming it, from streams and records alike`, () => {
      for (const encode of [() => encodeAtoms([sym('ok'), atom]), () => encodeAtom(atom)]) {
        let caught: unknown;
        try {
          encode();
        } catch (e) {
          caught = e;
        }
        expect(caught).toBeInstanceOf(PersistError);
        expect((caught as Error).message).toMatch(message);
        expect((caught as PersistError).atom).toBeDefined();
      }
    });
  }
});

describe('malformed bytes give PersistError with the offset, never a crash or a wrong atom', () => {
  it('every truncation of a valid stream or record is refused', () => {
    fc.assert(
      fc.property(fc.array(anyAtom, { minLength: 1, maxLength: 4 }), (atoms) => {
        const stream = encodeAtoms(atoms);
        const record = encodeAtom(atoms[0]!);
        for (let n = 0; n < stream.length; n++) {
          expect(() => decodeAtoms(stream.subarray(0, n))).toThrow(PersistError);
          decodeOrPersistError(stream.subarray(0, n), decodeAtoms);
        }
        for (let n = 0; n < record.length; n++) decodeOrPersistError(record.subarray(0, n), decodeAtom);
        for (let n = 0; n < record.length; n++) expect(() => decodeAtom(record.subarray(0, n))).toThrow(PersistError);
      }),
      { numRuns: 200 },
    );
  });

  it('corrupted bytes either decode or give PersistError', () => {
    fc.assert(
      fc.property(
        fc.array(anyAtom, { minLength: 1, maxLength: 4 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }),
        (atoms, flips) => {
          for (const bytes of [encodeAtoms(atoms), encodeAtom(atoms[0]!)]) {
            const bad = bytes.slice();
            for (const [at, value] of flips) bad[at % bad.length] = value;
            decodeOrPersistError(bad, bytes[0] === 0x52 ? decodeAtoms : decodeAtom);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('random bytes after a valid header give PersistError or atoms', () => {
    const header = encodeAtoms([]).subarray(0, 5);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (tail) => {
        const bytes = new Uint8Array(header.length + tail.length);
        bytes.set(header);
        bytes.set(tail, header.length);
        decodeOrPersistError(bytes, decodeAtoms);
        const record = new Uint8Array(1 + tail.length);
        record[0] = encodeAtom(sym('a'))[0]!;
        record.set(tail, 1);
        decodeOrPersistError(record, decodeAtom);
      }),
      { numRuns: 3000 },
    );
  });

  it('names the problem: magic, version, end mark, trailing bytes, references, arity', () => {
    const good = encodeAtoms([expr(sym('a'), sym('a'))]);
    const at = (bytes: Uint8Array, decode: (b: Uint8Array) => unknown = decodeAtoms): string => {
      try {
        decode(bytes);
      } catch (e) {
        expect(e).toBeInstanceOf(PersistError);
        return (e as Error).message;
      }
      throw new Error('decoded');
    };
    expect(at(new TextEncoder().encode('(a b)\n'))).toMatch(/not a Rhizome atom stream \(bad magic\) at byte 0/);
    const newer = good.slice();
    newer[4] = 2;
    expect(at(newer)).toMatch(/unsupported format version 2 at byte 4/);
    expect(at(good.subarray(0, good.length - 1))).toMatch(/no end mark/);
    expect(at(Uint8Array.from([...good, 0]))).toMatch(/1 bytes after the end mark/);
    // (a a): tag EXPR, arity 2, SYM new "a", SYM ref 1. Make the reference point past the table.
    const badRef = good.slice();
    badRef[good.length - 2] = 5;
    expect(at(badRef)).toMatch(/name reference 5 beyond the 1 names read at byte 12/);
    const bigArity = good.slice();
    bigArity[6] = 100;
    expect(at(bigArity)).toMatch(/arity 100 exceeds the bytes left at byte 5/);
    expect(at(Uint8Array.from([0xa1, 1, 0, 2, 0xff]), decodeAtom)).toMatch(/invalid UTF-8 text at byte 4/);
    expect(at(Uint8Array.from([0x00]), decodeAtom)).toMatch(/not an atom record/);
  });
});

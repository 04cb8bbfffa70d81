import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNIT, expr, exprOf, freshVariable, sym, v, type Atom } from '../src/atomspace/atom.js';
import { Bindings } from '../src/atomspace/bindings.js';
import { formatAtom } from '../src/atomspace/format.js';
import { GroundingSpace } from '../src/atomspace/grounding-space.js';
import type { Space } from '../src/atomspace/space.js';
import { SpaceAtom } from '../src/atomspace/space-atom.js';
import { FALSE, FloatAtom, IntAtom, StringAtom, TRUE, BoolAtom, float, int, str } from '../src/atomspace/values.js';
import { GroundedOp, MettaRuntimeError, type OpAnswer, type OpContext } from '../src/metta/grounded.js';
import { parseAll } from '../src/metta/parser.js';
import { FileHandle, FILEIO_MODULE_METTA, fileioModule, openFlags, utf8Error } from '../src/metta/modules/fileio.js';
import {
  DEFAULT_JSON_SPACES,
  JSON_MODULE_METTA,
  encodeJson,
  formatJsonFloat,
  jsonModule,
  parseJson,
  type JsonSpaces,
} from '../src/metta/modules/json.js';
import { RandomGenerator, RANDOM_MODULE_METTA, randomModule } from '../src/metta/modules/random.js';

const I64_MAX = 2n ** 63n - 1n;
const I64_MIN = -(2n ** 63n);

const ctx: OpContext = {
  call: UNIT,
  space: {} as Space,
  bindings: Bindings.EMPTY,
  host: { stdout: () => {}, stderr: () => {} },
};

function runner(ops: GroundedOp[]) {
  const byName = new Map(ops.map((o) => [o.name, o]));
  const op = (name: string) => {
    const found = byName.get(name);
    if (found === undefined) throw new Error(`no op ${name}`);
    return found;
  };
  const call = (name: string, ...args: Atom[]): Atom => {
    const answers = op(name).fn(args, ctx);
    if (!Array.isArray(answers) || answers.length !== 1) throw new Error('expected one synchronous answer');
    return answers[0] as Atom;
  };
  const failure = (name: string, ...args: Atom[]): string => {
    try {
      op(name).fn(args, ctx);
    } catch (e) {
      if (e instanceof MettaRuntimeError) return formatAtom(e.atom);
      throw e;
    }
    throw new Error(`${name} did not fail`);
  };
  const types = () => Object.fromEntries(ops.map((o) => [o.name, formatAtom(o.type)]));
  return { call, failure, types, op };
}

function intOf(a: Atom): number | bigint {
  expect(a).toBeInstanceOf(IntAtom);
  return (a as IntAtom).value;
}

function floatOf(a: Atom): number {
  expect(a).toBeInstanceOf(FloatAtom);
  return (a as FloatAtom).value;
}

function stringOf(a: Atom): string {
  expect(a).toBeInstanceOf(StringAtom);
  return (a as StringAtom).value;
}

describe('random module', () => {
  const mod = randomModule();
  const { call, failure, types } = runner(mod.ops);
  const seeded = (seed: number | bigint) => call('new-random-generator', int(seed)) as RandomGenerator;

  it('declares the reference types', () => {
    expect(types()).toEqual({
      'random-int': '(-> RandomGenerator Number Number Number)',
      'random-float': '(-> RandomGenerator Number Number Number)',
      'set-random-seed': '(-> RandomGenerator Number (->))',
      'new-random-generator': '(-> Number RandomGenerator)',
      'reset-random-generator': '(-> RandomGenerator ())',
      flip: '(-> Bool)',
    });
  });

  it('binds &rng to a generator', () => {
    expect(mod.tokens.map(([name]) => name)).toEqual(['&rng']);
    const rng = mod.tokens[0]![1];
    expect(rng).toBeInstanceOf(RandomGenerator);
    expect(formatAtom(rng.type)).toBe('RandomGenerator');
    expect(formatAtom(rng)).toMatch(/^RandomGenerator-0x[0-9a-f]+$/);
  });

  it('repeats a sequence for the same seed', () => {
    const draw = (g: Atom) => Array.from({ length: 20 }, () => intOf(call('random-int', g, int(0), int(1000))));
    const a = draw(seeded(0));
    expect(draw(seeded(0))).toEqual(a);
    expect(draw(seeded(1))).not.toEqual(a);
    const g = seeded(7);
    const first = floatOf(call('random-float', g, int(0), int(5)));
    expect(call('set-random-seed', g, int(7))).toEqual(UNIT);
    expect(floatOf(call('random-float', g, int(0), int(5)))).toBe(first);
  });

  it('treats the seed as an i64 reinterpreted as u64', () => {
    const draw = (g: Atom) => Array.from({ length: 8 }, () => intOf(call('random-int', g, int(0), int(1 << 30))));
    expect(draw(seeded(-1))).toEqual(draw(new RandomGenerator(2n ** 64n - 1n)));
    expect(draw(call('new-random-generator', float(2.9)))).toEqual(draw(seeded(2)));
    expect(draw(seeded(-1))).not.toEqual(draw(seeded(1)));
  });

  it('draws integers from the half-open range', () => {
    const g = seeded(42);
    const seen = new Set<number | bigint>();
    for (let i = 0; i < 400; i++) {
      const x = intOf(call('random-int', g, int(-2), int(3)));
      expect(x >= -2 && x < 3).toBe(true);
      seen.add(x);
    }
    expect([...seen].sort()).toEqual([-1, -2, 0, 1, 2].sort());
    expect(intOf(call('random-int', g, int(5), int(6)))).toBe(5);
  });

  it('draws from ranges wider than 2^53 and up to the whole i64', () => {
    const g = seeded(3);
    for (let i = 0; i < 50; i++) {
      const x = BigInt(intOf(call('random-int', g, int(I64_MIN), int(I64_MAX))));
      expect(x >= I64_MIN && x < I64_MAX).toBe(true);
      const y = BigInt(intOf(call('random-int', g, int(0), int(2n ** 60n))));
      expect(y >= 0n && y < 2n ** 60n).toBe(true);
    }
  });

  it('draws floats from the half-open range', () => {
    const g = seeded(9);
    for (let i = 0; i < 200; i++) {
      const x = floatOf(call('random-float', g, float(-1.5), float(2.5)));
      expect(x >= -1.5 && x < 2.5).toBe(true);
    }
    const wide = floatOf(call('random-float', g, float(-1.7e308), float(1.7e308)));
    expect(Number.isFinite(wide)).toBe(true);
  });

  it('reports empty ranges as RangeIsEmpty', () => {
    const g = seeded(0);
    expect(failure('random-int', g, int(2), int(-2))).toBe('RangeIsEmpty');
    expect(failure('random-int', g, int(3), int(3))).toBe('RangeIsEmpty');
    expect(failure('random-float', g, int(0), int(0))).toBe('RangeIsEmpty');
    expect(failure('random-float', g, float(NaN), int(1))).toBe('RangeIsEmpty');
  });

  it('reports bad arguments with the reference texts', () => {
    const g = seeded(0);
    expect(failure('random-int', sym('g'), int(0), int(5))).toBe('random-int expects a random generator as its argument');
    expect(failure('random-int', g, sym('a'), int(5))).toBe(
      'random-int expects three arguments: random generator, number (start) and number (end)',
    );
    // Bounds are checked before the generator.
    expect(failure('random-float', sym('g'), sym('a'), int(5))).toBe(
      'random-float expects three arguments: random generator, number (start) and number (end)',
    );
    expect(failure('random-float', sym('g'), int(0), int(5))).toBe('random-float expects a random generator as its argument');
    expect(failure('set-random-seed', g, str('s'))).toBe('set-random-seed expects two arguments: random generator and number (seed)');
    expect(failure('set-random-seed', int(1), int(1))).toBe('set-random-seed expects a random generator as its argument');
    expect(failure('new-random-generator', str('s'))).toBe('new-random-generator expects one argument: number (seed)');
    expect(failure('reset-random-generator', int(1))).toBe('set-random-seed expects a random generator as its argument');
  });

  it('reset-random-generator leaves the seeded sequence', () => {
    const a = seeded(0);
    const b = seeded(0);
    expect(call('reset-random-generator', a)).toEqual(UNIT);
    const drawsA = Array.from({ length: 4 }, () => floatOf(call('random-float', a, int(0), int(100))));
    const drawsB = Array.from({ length: 4 }, () => floatOf(call('random-float', b, int(0), int(100))));
    expect(drawsA).not.toEqual(drawsB);
  });

  it('flips both ways', () => {
    const flips = new Set(Array.from({ length: 64 }, () => call('flip')));
    expect(flips).toEqual(new Set([TRUE, FALSE]));
  });

  it('generators equal only themselves', () => {
    const a = seeded(0);
    expect(a.equals(a)).toBe(true);
    expect(a.equals(seeded(0))).toBe(false);
  });

  it('documents every operation', () => {
    const docs = parseAll(RANDOM_MODULE_METTA);
    const documented = docs.map((d) => (d.kind === 'expression' ? formatAtom(d.children[1]!) : ''));
    expect(documented.sort()).toEqual(mod.ops.map((o) => o.name).sort());
  });
});

describe('fileio module', () => {
  const { call, failure, types } = runner(fileioModule().ops);
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rhizome-fileio-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const path = (name: string) => str(join(dir, name));

  it('declares its types and has no tokens', () => {
    expect(types()).toEqual({
      'file-open!': '(-> String String FileHandle)',
      'file-read-to-string!': '(-> FileHandle String)',
      'file-write!': '(-> FileHandle String ())',
      'file-seek!': '(-> FileHandle Number ())',
      'file-read-exact!': '(-> FileHandle Number String)',
      'file-get-size!': '(-> FileHandle Number)',
    });
    expect(fileioModule().tokens).toEqual([]);
  });

  it('writes, seeks, reads and measures a file (the reference test)', () => {
    const h = call('file-open!', path('a.txt'), str('rwc'));
    expect(h).toBeInstanceOf(FileHandle);
    expect(formatAtom(h.type)).toBe('FileHandle');
    expect(call('file-write!', h, str('check write/read'))).toEqual(UNIT);
    expect(call('file-seek!', h, int(0))).toEqual(UNIT);
    expect(stringOf(call('file-read-to-string!', h))).toBe('check write/read');
    call('file-seek!', h, int(4));
    expect(stringOf(call('file-read-to-string!', h))).toBe('k write/read');
    call('file-seek!', h, int(0));
    expect(stringOf(call('file-read-exact!', h, int(5)))).toBe('check');
    expect(stringOf(call('file-read-to-string!', h))).toBe(' write/read');
    expect(intOf(call('file-get-size!', h))).toBe(16);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('check write/read');
  });

  it('pads a short read-exact with NUL characters', () => {
    writeFileSync(join(dir, 'short.txt'), 'abc');
    const h = call('file-open!', path('short.txt'), str('r'));
    call('file-seek!', h, int(1));
    expect(stringOf(call('file-read-exact!', h, int(5)))).toBe('bc\0\0\0');
    expect(stringOf(call('file-read-exact!', h, int(2)))).toBe('\0\0');
    expect(stringOf(call('file-read-exact!', h, float(0.9)))).toBe('');
  });

  it('writes at the cursor, appends with a, truncates with t', () => {
    writeFileSync(join(dir, 'b.txt'), 'hello world');
    const w = call('file-open!', path('b.txt'), str('w'));
    call('file-seek!', w, int(6));
    call('file-write!', w, str('there'));
    expect(readFileSync(join(dir, 'b.txt'), 'utf8')).toBe('hello there');
    const a = call('file-open!', path('b.txt'), str('ra'));
    call('file-seek!', a, int(0));
    call('file-write!', a, str('!'));
    expect(readFileSync(join(dir, 'b.txt'), 'utf8')).toBe('hello there!');
    expect(stringOf(call('file-read-to-string!', a))).toBe('');
    call('file-open!', path('b.txt'), str('wt'));
    expect(readFileSync(join(dir, 'b.txt'), 'utf8')).toBe('');
  });

  it('ignores a negative seek', () => {
    writeFileSync(join(dir, 'c.txt'), 'xyz');
    const h = call('file-open!', path('c.txt'), str('r'));
    call('file-seek!', h, int(1));
    call('file-seek!', h, int(-5));
    expect(stringOf(call('file-read-to-string!', h))).toBe('yz');
  });

  it('counts positions in bytes', () => {
    writeFileSync(join(dir, 'u.txt'), 'héllo');
    const h = call('file-open!', path('u.txt'), str('r'));
    expect(intOf(call('file-get-size!', h))).toBe(6);
    call('file-seek!', h, int(3));
    expect(stringOf(call('file-read-to-string!', h))).toBe('llo');
  });

  it('reports open failures with the path and options', () => {
    const missing = join(dir, 'missing.txt');
    expect(failure('file-open!', str(missing), str('r'))).toBe(
      `Failed to open file with provided path=${missing} and options=r`,
    );
    // `c` needs write access, as in Rust's OpenOptions.
    expect(failure('file-open!', str(missing), str('rc'))).toBe(
      `Failed to open file with provided path=${missing} and options=rc`,
    );
    expect(failure('file-open!', str(missing), str(''))).toBe(`Failed to open file with provided path=${missing} and options=`);
    expect(failure('file-open!', sym('p'), str('r'))).toBe(
      'file-open! expects filepath and options in form of string atoms as an argument',
    );
  });

  it('reports I/O failures in the reference wording', () => {
    writeFileSync(join(dir, 'wo.txt'), 'data');
    const w = call('file-open!', path('wo.txt'), str('w'));
    expect(failure('file-read-to-string!', w)).toBe('Failed to read file contents: Bad file descriptor (os error 9)');
    expect(failure('file-read-exact!', w, int(2))).toBe('Read exact failed: Bad file descriptor (os error 9)');
    const r = call('file-open!', path('wo.txt'), str('r'));
    expect(failure('file-write!', r, str('x'))).toBe('Failed to write content to file: Bad file descriptor (os error 9)');
    expect(failure('file-read-exact!', r, int(-1))).toBe('Read exact failed: capacity overflow');
  });

  it('rejects invalid UTF-8 like Rust', () => {
    writeFileSync(join(dir, 'bin.dat'), Buffer.from([0x61, 0xff, 0x62, 0xe2, 0x82]));
    const h = call('file-open!', path('bin.dat'), str('r'));
    expect(failure('file-read-to-string!', h)).toBe('Failed to read file contents: stream did not contain valid UTF-8');
    call('file-seek!', h, int(0));
    expect(failure('file-read-exact!', h, int(3))).toBe('Read exact failed: invalid utf-8 sequence of 1 bytes from index 1');
    call('file-seek!', h, int(3));
    expect(failure('file-read-exact!', h, int(2))).toBe('Read exact failed: incomplete utf-8 byte sequence from index 0');
  });

  it('reports bad arguments with the reference texts', () => {
    expect(failure('file-read-to-string!', sym('h'))).toBe('file-read! expects filehandle as an argument');
    expect(failure('file-write!', sym('h'), str('x'))).toBe(
      'file-write! expects filehandle and content (string atom) as an arguments',
    );
    const h = call('file-open!', path('args.txt'), str('wc'));
    expect(failure('file-write!', h, sym('x'))).toBe('file-write! expects filehandle and content (string atom) as an arguments');
    expect(failure('file-seek!', h, sym('x'))).toBe('file-seek! expects filehandle and start byte (number) as an arguments');
    expect(failure('file-read-exact!', h, sym('x'))).toBe(
      'file-read-exact! expects filehandle and number of bytes to read (number) as an arguments',
    );
    expect(failure('file-get-size!', int(1))).toBe('file-get-size! expects filehandle as an argument');
  });

  it('maps option letters to open flags as Rust OpenOptions does', () => {
    expect(openFlags('r')).toBeDefined();
    expect(openFlags('w')).toBeDefined();
    expect(openFlags('wc')).toBeDefined();
    expect(openFlags('ac')).toBeDefined();
    expect(openFlags('wt')).toBeDefined();
    expect(openFlags('')).toBeUndefined();
    expect(openFlags('c')).toBeUndefined();
    expect(openFlags('rt')).toBeUndefined();
    expect(openFlags('at')).toBeUndefined();
  });

  it('locates UTF-8 errors as Rust does', () => {
    const bytes = (...b: number[]) => Uint8Array.from(b);
    expect(utf8Error(bytes(0x61, 0xc3, 0xa9))).toBeUndefined();
    expect(utf8Error(bytes(0xf0, 0x9f, 0x98, 0x80))).toBeUndefined();
    expect(utf8Error(bytes(0x61, 0x80))).toEqual({ validUpTo: 1, errorLen: 1 });
    expect(utf8Error(bytes(0xc0, 0x80))).toEqual({ validUpTo: 0, errorLen: 1 });
    expect(utf8Error(bytes(0xed, 0xa0, 0x80))).toEqual({ validUpTo: 0, errorLen: 1 });
    expect(utf8Error(bytes(0xe2, 0x82, 0x41))).toEqual({ validUpTo: 0, errorLen: 2 });
    expect(utf8Error(bytes(0xf0, 0x9f, 0x98, 0x41))).toEqual({ validUpTo: 0, errorLen: 3 });
    expect(utf8Error(bytes(0xf0, 0x9f, 0x98))).toEqual({ validUpTo: 0, errorLen: undefined });
  });

  it('documents every operation', () => {
    const documented = parseAll(FILEIO_MODULE_METTA).map((d) => (d.kind === 'expression' ? formatAtom(d.children[1]!) : ''));
    expect(documented.sort()).toEqual(fileioModule().ops.map((o) => o.name).sort());
  });
});

describe('json module', () => {
  const { call, failure, types } = runner(jsonModule().ops);
  const spaces: JsonSpaces = DEFAULT_JSON_SPACES;
  const encode = (a: Atom) => stringOf(call('json-encode', a));
  const decode = (text: string) => call('json-decode', str(text));
  const dict = (...pairs: Array<[Atom, Atom]>) => {
    const space = new GroundingSpace();
    for (const [k, val] of pairs) space.add(expr(k, val));
    return spaces.spaceAtom(space);
  };

  it('declares its types', () => {
    expect(types()).toEqual({ 'json-encode': '(-> Atom String)', 'json-decode': '(-> String Atom)' });
  });

  it('encodes values', () => {
    expect(encode(int(5))).toBe('5');
    expect(encode(int(I64_MIN))).toBe('-9223372036854775808');
    expect(encode(float(1))).toBe('1.0');
    expect(encode(float(-0.5))).toBe('-0.5');
    expect(encode(float(NaN))).toBe('null');
    expect(encode(TRUE)).toBe('true');
    expect(encode(FALSE)).toBe('false');
    expect(encode(str('a"b\\c\n\u0001é'))).toBe('"a\\"b\\\\c\\n\\u0001é"');
    expect(encode(sym('null'))).toBe('null');
    expect(encode(sym('symbol'))).toBe('"sym!:symbol"');
    expect(encode(v('x'))).toBe('"var!:x"');
    const fresh = freshVariable('y');
    expect(encode(fresh)).toBe(`"var!:y#${fresh.id}"`);
    expect(encode(exprOf([int(5), int(4), int(3)]))).toBe('[5, 4, 3]');
    expect(encode(UNIT)).toBe('[]');
    expect(encode(expr(str('a'), expr(TRUE, sym('null'))))).toBe('["a", [true, null]]');
  });

  it('writes floats in ryu form', () => {
    const cases: Array<[number, string]> = [
      [0, '0.0'],
      [-0, '-0.0'],
      [1234.5, '1234.5'],
      [0.1, '0.1'],
      [1e15, '1000000000000000.0'],
      [1e16, '1e16'],
      [1.5e17, '1.5e17'],
      [0.00001, '0.00001'],
      [0.000012, '0.000012'],
      [1e-6, '1e-6'],
      [1.25e-7, '1.25e-7'],
      [-123456789012345680000, '-1.2345678901234568e20'],
      [Infinity, 'null'],
    ];
    for (const [x, text] of cases) expect(formatJsonFloat(x)).toBe(text);
  });

  it('encodes dictionary spaces as objects', () => {
    expect(encode(dict())).toBe('{}');
    expect(encode(dict([str('k1'), sym('v1')], [str('k2'), exprOf([int(4), str('a')])]))).toBe(
      '{"k1":"sym!:v1", "k2":[4, "a"]}',
    );
  });

  it('refuses spaces that are not dictionaries, and unsupported atoms', () => {
    const notPairs = new GroundingSpace();
    notPairs.add(sym('A'));
    expect(failure('json-encode', spaces.spaceAtom(notPairs))).toBe(
      'Input space must be a dictionary space consists of key-value pairs only or empty space. Use dict-space function',
    );
    expect(failure('json-encode', dict([sym('k'), int(1)]))).toBe('Key/value pair is expected, key must be a string');
    const rng = new RandomGenerator(0n);
    expect(failure('json-encode', exprOf([int(1), rng]))).toBe(`Encode failed for atom (unsupported type): ${formatAtom(rng)}`);
  });

  it('decodes values', () => {
    expect(formatAtom(decode('[5, 4, 3]'))).toBe('(5 4 3)');
    expect(formatAtom(decode(' [ ] '))).toBe('()');
    expect(decode('null')).toBe(sym('null'));
    expect(decode('true')).toBe(TRUE);
    expect(decode('false')).toBeInstanceOf(BoolAtom);
    expect(intOf(decode('-9223372036854775808'))).toBe(I64_MIN);
    expect(intOf(decode('9223372036854775807'))).toBe(I64_MAX);
    expect(floatOf(decode('-9223372036854775809'))).toBe(-9223372036854775809);
    expect(floatOf(decode('123456789012345678901234567890'))).toBe(1.2345678901234568e29);
    expect(floatOf(decode('1.0'))).toBe(1);
    expect(floatOf(decode('-1.5e-3'))).toBe(-0.0015);
    expect(Object.is(floatOf(decode('-0.0')), -0)).toBe(true);
    expect(intOf(decode('-0'))).toBe(0);
    expect(decode('"sym!:symbol"')).toBe(sym('symbol'));
    expect(decode('"var!:x"')).toBe(v('x'));
  });

  it('keeps a decoded plain string in its JSON form, as the reference does', () => {
    expect(stringOf(decode('"hi"'))).toBe('"hi"');
    expect(stringOf(decode('"a\\u0041\\n"'))).toBe('"aA\\n"');
    expect(formatAtom(decode('["x", 1]'))).toBe('("\\"x\\"" 1)');
  });

  it('rejects integers that only fit u64', () => {
    expect(failure('json-decode', str('9223372036854775808'))).toBe('Currently u64 type is not supported');
    expect(failure('json-decode', str('[1, 18446744073709551615]'))).toBe('Currently u64 type is not supported');
    expect(floatOf(decode('18446744073709551616'))).toBe(18446744073709551616);
  });

  it('decodes objects into dictionary spaces ordered by key', () => {
    const atom = decode('{"b": [1, {"x": null}], "a": 2.5, "b": "last"}');
    expect(atom).toBeInstanceOf(SpaceAtom);
    const stored = [...(atom as SpaceAtom).space.atoms()].map(formatAtom);
    expect(stored).toEqual(['("a" 2.5)', '("b" "\\"last\\"")']);
    const nested = decode('{"k": {"x": null}}');
    const inner = [...(nested as SpaceAtom).space.atoms()][0]!;
    expect(inner.kind === 'expression' && inner.children[1] instanceof SpaceAtom).toBe(true);
  });

  it('round-trips through encode and decode', () => {
    const values: Atom[] = [int(5), exprOf([int(5), int(4), int(3)]), FALSE, sym('null'), sym('symbol'), v('x'), float(2.5)];
    for (const value of values) expect(formatAtom(decode(encode(value)))).toBe(formatAtom(value));
    const d = decode(encode(dict([str('k1'), sym('v1')], [str('k2'), int(2)])));
    expect([...(d as SpaceAtom).space.atoms()].map(formatAtom)).toEqual(['("k1" v1)', '("k2" 2)']);
  });

  it('reports syntax errors with serde_json messages and positions', () => {
    const reason = (text: string) => failure('json-decode', str(text)).replace('Failed to decode string. Reason: ', '');
    expect(reason('')).toBe('EOF while parsing a value at line 1 column 0');
    expect(reason('x')).toBe('expected value at line 1 column 1');
    expect(reason('1 2')).toBe('trailing characters at line 1 column 3');
    expect(reason('[')).toBe('EOF while parsing a list at line 1 column 1');
    expect(reason('[1')).toBe('EOF while parsing a list at line 1 column 2');
    expect(reason('[1,')).toBe('EOF while parsing a value at line 1 column 3');
    expect(reason('[1 2]')).toBe('expected `,` or `]` at line 1 column 4');
    expect(reason('[1,]')).toBe('trailing comma at line 1 column 4');
    expect(reason('{')).toBe('EOF while parsing an object at line 1 column 1');
    expect(reason('{1:2}')).toBe('key must be a string at line 1 column 2');
    expect(reason('{"a" 1}')).toBe('expected `:` at line 1 column 6');
    expect(reason('{"a":1 "b":2}')).toBe('expected `,` or `}` at line 1 column 8');
    expect(reason('{"a":1,}')).toBe('trailing comma at line 1 column 8');
    expect(reason('"abc')).toBe('EOF while parsing a string at line 1 column 4');
    expect(reason('"a\\qb"')).toBe('invalid escape at line 1 column 4');
    expect(reason('"a\tb"')).toBe('control character (\\u0000-\\u001F) found while parsing a string at line 1 column 3');
    expect(reason('01')).toBe('invalid number at line 1 column 2');
    expect(reason('-x')).toBe('invalid number at line 1 column 2');
    expect(reason('1.')).toBe('EOF while parsing a value at line 1 column 2');
    expect(reason('1.e3')).toBe('invalid number at line 1 column 3');
    expect(reason('1e400')).toBe('number out of range at line 1 column 5');
    expect(reason('nul')).toBe('EOF while parsing a value at line 1 column 3');
    expect(reason('nulx')).toBe('expected ident at line 1 column 4');
    expect(reason('[\n  1,\n  x]')).toBe('expected value at line 3 column 3');
    expect(reason('"\\ud800"')).toBe('lone leading surrogate in hex escape at line 1 column 7');
    expect(reason('['.repeat(200))).toBe('recursion limit exceeded at line 1 column 128');
    expect(formatAtom(decode('"\\ud83d\\ude00"'))).toBe('"\\"😀\\""');
  });

  it('reports a non-String argument', () => {
    expect(failure('json-decode', int(5))).toBe('json-decode expects string to decode as input');
  });

  it('encodes and parses the same JSON as JSON.parse for plain data', () => {
    const text = '{"list": [1, 2.5, "s", true, null], "nested": {"k": []}}';
    const parsed = parseJson(text);
    expect(parsed.kind).toBe('object');
    expect(encodeJson(jsonAtomFromJs(JSON.parse('[1, "x", [true]]')), spaces)).toBe('[1, "x", [true]]');
  });

  it('defines the dictionary helpers with the reference types', () => {
    const atoms = parseAll(JSON_MODULE_METTA).map(formatAtom);
    expect(atoms).toContain('(: dict-space (-> Expression Grounded))');
    expect(atoms).toContain('(: get-keys (-> Grounded Expression))');
    expect(atoms).toContain('(: get-value (-> Grounded Atom %Undefined%))');
    const equations = atoms.filter((a) => a.startsWith('(= ('));
    expect(equations.map((e) => e.split(' ')[1]!.slice(1))).toEqual(['dict-space', 'get-keys', 'get-value']);
  });
});

/** Plain JSON data (no objects) as atoms, for comparing with the encoder. */
function jsonAtomFromJs(value: unknown): Atom {
  if (Array.isArray(value)) return exprOf(value.map(jsonAtomFromJs));
  if (typeof value === 'number') return Number.isInteger(value) ? int(value) : float(value);
  if (typeof value === 'string') return str(value);
  if (typeof value === 'boolean') return value ? TRUE : FALSE;
  return sym('null');
}

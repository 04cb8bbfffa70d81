/**
 * The text dump: one atom per line in MeTTa syntax that the parser reads back equal, in
 * order and with duplicates; atoms without such a form are refused by name; files in both
 * forms round-trip a space.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { toJS } from '../src/api/convert.js';
import { atomEq, expr, freshVariable, sym, v, type Atom } from '../src/atomspace/atom.js';
import { formatAtom } from '../src/atomspace/format.js';
import { GroundingSpace } from '../src/atomspace/grounding-space.js';
import { float, int, IntAtom, str } from '../src/atomspace/values.js';
import { MeTTa } from '../src/metta/runner.js';
import { MettaSyntaxError } from '../src/metta/syntax-error.js';
import { PersistError } from '../src/persist/persist-error.js';
import { loadSpaceBinary, loadSpaceText, saveSpaceBinary, saveSpaceText } from '../src/persist/space-files.js';
import { dumpText, loadText, TEXT_DUMP_HEADER } from '../src/persist/text-dump.js';
import { deepAtom, printableAtom, sameAtom } from './support/persist-atoms.js';

const dir = mkdtempSync(join(tmpdir(), 'rhizome-text-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const silent = { stdout: () => {}, stderr: () => {} };

describe('loadText(dumpText(atoms)) is atoms', () => {
  it('for every atom MeTTa source can spell, in order, duplicates included', () => {
    fc.assert(
      fc.property(fc.array(printableAtom, { maxLength: 10 }), fc.array(fc.nat(), { maxLength: 3 }), (atoms, dups) => {
        if (atoms.length > 0) for (const d of dups) atoms.push(atoms[d % atoms.length]!);
        const text = dumpText(atoms);
        const lines = text.split('\n');
        expect(lines[0]).toBe(TEXT_DUMP_HEADER);
        // One line per atom, then the final newline.
        expect(lines.length).toBe(atoms.length + 2);
        expect(lines[lines.length - 1]).toBe('');
        lines.slice(1, -1).forEach((line, i) => expect(line).toBe(formatAtom(atoms[i]!)));
        const back = loadText(text);
        expect(back.length).toBe(atoms.length);
        back.forEach((b, i) => expect(sameAtom(b, atoms[i]!)).toBe(true));
      }),
      { numRuns: 2000 },
    );
  });

  it('for expressions nested 100,000 deep', () => {
    const deep = deepAtom(100_000);
    const [back] = loadText(dumpText([deep]));
    expect(sameAtom(back!, deep)).toBe(true);
  });

  it("for a program's space read with the runner's tokenizer: operations are written by name", () => {
    const runner = new MeTTa({ io: silent });
    runner.run('(= (inc $x) (+ $x 1))\n(: inc (-> Number Number))\n(facts "é" 2.5 True -7)');
    const atoms = [...runner.top.space.atoms()];
    expect(atoms.length).toBe(3);
    // With literals only, `+` (an operation) has no text form.
    expect(() => dumpText(atoms)).toThrow(/^cannot write operation \+ of type \(-> Number Number Number\) as text: /);
    const tokenizer = runner.top.tokenizer;
    const text = dumpText(atoms, { tokenizer });
    expect(text).toContain('(= (inc $x) (+ $x 1))\n');
    const back = loadText(text, { tokenizer });
    back.forEach((b, i) => expect(atomEq(b, atoms[i]!)).toBe(true));
    // Loaded into a fresh program, the equation works.
    const other = new MeTTa({ io: silent });
    for (const a of loadText(text, { tokenizer: other.top.tokenizer })) other.top.space.add(a);
    expect(other.run('!(inc 41)').results.map((r) => r.map(formatAtom))).toEqual([['42']]);
  });
});

describe('atoms that would not read back are refused by name', () => {
  const cases: [string, Atom, RegExp][] = [
    ['a symbol with a space', sym('two words'), /symbol "two words" as text: the name would not read back/],
    ['a symbol with a parenthesis', sym('a(b'), /symbol "a\(b"/],
    ['a symbol that reads as a number', sym('42'), /symbol "42"/],
    ['a symbol that reads as a boolean', sym('True'), /symbol "True"/],
    ['a symbol starting with $', sym('$x'), /symbol "\$x"/],
    ['an empty symbol', sym(''), /symbol ""/],
    ['a symbol with a newline', sym('a\nb'), /symbol "a\\nb"/],
    ['a fresh variable', freshVariable('x'), /variable "x" \(fresh, id \d+\).*name#id/],
    ['a variable with #', v('a#b'), /variable "a#b"/],
    ['a NaN', float(NaN), /NaN and infinities/],
    ['an infinity', float(-Infinity), /NaN and infinities/],
    ['a string with NUL', str('a\0b'), /NUL/],
    ['a string with a lone surrogate', str('a\uD800'), /lone surrogate/],
    ['an integer held in a non-canonical form', new IntAtom(5n), /canonical form/],
    ['an integer beyond 2^53 held as a number', new IntAtom(2 ** 60), /canonical form/],
    [
      'a function an app registers',
      new MeTTa({ io: silent }).register('scale', '(-> Number Number Number)', (x, k) => Number(toJS(x)) * Number(toJS(k))),
      /^cannot write operation scale of type \(-> Number Number Number\) as text: the tokenizer does not read/,
    ],
  ];
  for (const [what, atom, message] of cases) {
    it(`${what}, also deep inside an expression`, () => {
      for (const holder of [atom, expr(sym('f'), expr(sym('g'), atom))]) {
        let caught: unknown;
        try {
          dumpText([sym('fine'), holder]);
        } catch (e) {
          caught = e;
        }
        expect(caught).toBeInstanceOf(PersistError);
        expect((caught as Error).message).toMatch(message);
        expect((caught as PersistError).atom).toBe(atom);
      }
    });
  }
});

describe('loading text', () => {
  it('gives syntax errors with the file, line and column', () => {
    let caught: unknown;
    try {
      loadText(`${TEXT_DUMP_HEADER}\n(a b)\n(c "d)\n`, { file: 'kb.metta' });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(MettaSyntaxError);
    const error = caught as MettaSyntaxError;
    expect([error.file, error.line, error.column, error.reason]).toEqual(['kb.metta', 3, 4, 'Unclosed String Literal']);
  });

  it('refuses a dump of a newer text format', () => {
    expect(() => loadText('; Rhizome space dump, text format 2: one atom per line\n(a)\n')).toThrow(PersistError);
  });

  it('reads any MeTTa text of plain atoms, header or not', () => {
    expect(loadText('(a 1) ; comment\n  (b "s")').map(formatAtom)).toEqual(['(a 1)', '(b "s")']);
  });
});

describe('space files', () => {
  const space = new GroundingSpace();
  const facts = [
    expr(sym('Parent'), sym('Tom'), sym('Bob')),
    expr(sym('age'), str('Bob'), int(41), float(-0)),
    expr(sym('Parent'), sym('Tom'), sym('Bob')),
    expr(sym('rule'), v('x'), expr(sym('big'), int(2n ** 62n))),
  ];
  for (const f of facts) space.add(f);

  it('binary: save and load into a new space or an existing one, duplicates kept', () => {
    const path = join(dir, 'kb.bin');
    saveSpaceBinary(space, path);
    const back = loadSpaceBinary(path);
    expect(back).toBeInstanceOf(GroundingSpace);
    const atoms = [...back.atoms()];
    expect(atoms.length).toBe(4);
    atoms.forEach((a, i) => expect(sameAtom(a, facts[i]!)).toBe(true));
    const into = new GroundingSpace();
    into.add(sym('already'));
    expect(loadSpaceBinary(path, into)).toBe(into);
    expect(into.size).toBe(5);
    expect(back.query(expr(sym('Parent'), sym('Tom'), v('w'))).length).toBe(2);
  });

  it('text: save and load, readable in the file', () => {
    const path = join(dir, 'kb.metta');
    saveSpaceText(space, path);
    expect(readFileSync(path, 'utf8')).toBe(
      `${TEXT_DUMP_HEADER}\n(Parent Tom Bob)\n(age "Bob" 41 -0.0)\n(Parent Tom Bob)\n(rule $x (big 4611686018427387904))\n`,
    );
    const atoms = [...loadSpaceText(path).atoms()];
    atoms.forEach((a, i) => expect(sameAtom(a, facts[i]!)).toBe(true));
    const into = new GroundingSpace();
    expect(loadSpaceText(path, into, {})).toBe(into);
    expect(into.size).toBe(4);
  });

  it('text: large spaces are written in blocks and read back whole', () => {
    const big = new GroundingSpace();
    for (let i = 0; i < 20_000; i++) big.add(expr(sym('n'), int(i), str('item ' + i)));
    const path = join(dir, 'big.metta');
    saveSpaceText(big, path);
    const back = [...loadSpaceText(path).atoms()];
    expect(back.length).toBe(20_000);
    expect(formatAtom(back[19_999]!)).toBe('(n 19999 "item 19999")');
  });

  it('a failed save leaves the previous file as it was and no temporary file', () => {
    const sub = mkdtempSync(join(dir, 'keep-'));
    const path = join(sub, 'kb.bin');
    writeFileSync(path, 'previous');
    const bad = new GroundingSpace();
    bad.add(sym('fine'));
    bad.add(float(NaN));
    bad.add(expr(sym('op'), new MeTTa({ io: silent }).top.tokenizer.lookup('+')!));
    expect(() => saveSpaceBinary(bad, path)).toThrow(PersistError);
    expect(() => saveSpaceText(bad, path)).toThrow(PersistError);
    expect(readFileSync(path, 'utf8')).toBe('previous');
    expect(readdirSync(sub)).toEqual(['kb.bin']);
    expect(existsSync(path)).toBe(true);
  });
});

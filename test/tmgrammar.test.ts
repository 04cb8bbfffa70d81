/**
 * The TextMate grammar (grammar/metta.tmLanguage.json): it is up to date with the standard
 * library, it loads in vscode-textmate, and it splits MeTTa text the way Rhizome's own parser
 * does: every atom the parser reads from an example program is one highlighted token of the
 * matching kind, in the same order.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import type { Atom } from '../src/atomspace/atom.js';
import { BoolAtom, FloatAtom, IntAtom, StringAtom } from '../src/atomspace/values.js';
import { GroundedOp } from '../src/metta/grounded.js';
import { INSTRUCTIONS } from '../src/metta/interpreter/symbols.js';
import { parseAll } from '../src/metta/parser.js';
import { MeTTa } from '../src/metta/runner.js';
import { GRAMMAR_PATH, grammarText, libraryNames } from '../grammar/build-tmgrammar.mjs';

const EXAMPLES = join(import.meta.dirname, '..', 'examples');
const NAMES: { functions: string[]; constants: string[] } = libraryNames({ MeTTa, GroundedOp, BoolAtom, INSTRUCTIONS });

/** Every scope a token of a well-formed program may carry besides `source.metta`. */
const ALLOWED = new Set([
  '',
  'comment.line.semicolon.metta',
  'comment.line.semicolon.metta punctuation.definition.comment.metta',
  'string.quoted.double.metta',
  'string.quoted.double.metta punctuation.definition.string.begin.metta',
  'string.quoted.double.metta punctuation.definition.string.end.metta',
  'string.quoted.double.metta constant.character.escape.metta',
  'variable.other.metta',
  'variable.other.metta punctuation.definition.variable.metta',
  'punctuation.section.parens.begin.metta',
  'punctuation.section.parens.end.metta',
  'keyword.operator.eval.metta',
  'keyword.other.equation.metta',
  'keyword.other.type-declaration.metta',
  'keyword.operator.arrow.metta',
  'constant.language.boolean.metta',
  'constant.numeric.integer.metta',
  'constant.numeric.float.metta',
  'support.constant.metta',
  'support.function.builtin.metta',
]);

/** One token: its text and its scopes below `source.metta`, joined by spaces. */
interface Token {
  text: string;
  scope: string;
}

let grammar: textmate.IGrammar;

beforeAll(async () => {
  const require = createRequire(import.meta.url);
  const wasm = readFileSync(join(require.resolve('vscode-oniguruma'), '..', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName) =>
      scopeName === 'source.metta' ? textmate.parseRawGrammar(readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH) : null,
  });
  const loaded = await registry.loadGrammar('source.metta');
  if (loaded === null) throw new Error('the grammar did not load');
  grammar = loaded;
});

/** Tokenizes a whole text, line by line, carrying the rule stack across lines as an editor does. */
function tokenize(text: string): Token[][] {
  let state = textmate.INITIAL;
  return text.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t) => {
      expect(t.scopes[0]).toBe('source.metta');
      return { text: line.slice(t.startIndex, t.endIndex), scope: t.scopes.slice(1).join(' ') };
    });
  });
}

/** The scope of the token whose text is exactly `text` (the first one). */
function scopeOf(tokens: Token[][], text: string): string | undefined {
  return tokens.flat().find((t) => t.text === text)?.scope;
}

/** What kind of atom a highlighted piece of text stands for. */
type Kind = 'variable' | 'string' | 'int' | 'float' | 'bool' | 'function' | 'constant' | 'keyword' | 'symbol';

const KIND_OF_SCOPE: Record<string, Kind> = {
  'keyword.operator.eval.metta': 'keyword',
  'keyword.other.equation.metta': 'keyword',
  'keyword.other.type-declaration.metta': 'keyword',
  'keyword.operator.arrow.metta': 'keyword',
  'constant.language.boolean.metta': 'bool',
  'constant.numeric.integer.metta': 'int',
  'constant.numeric.float.metta': 'float',
  'support.constant.metta': 'constant',
  'support.function.builtin.metta': 'function',
};

/**
 * The atoms the grammar sees, in order: strings and variables joined from their pieces,
 * unscoped text split into words, comments and parentheses dropped.
 */
function lexemes(tokens: Token[][]): Array<{ text: string; kind: Kind }> {
  const out: Array<{ text: string; kind: Kind }> = [];
  let open: { text: string; kind: Kind } | undefined;
  for (const line of tokens) {
    for (const t of line) {
      if (t.scope.startsWith('string.quoted.double.metta')) {
        if (t.scope.endsWith('begin.metta')) open = { text: '', kind: 'string' };
        open!.text += t.text;
        if (t.scope.endsWith('end.metta')) {
          out.push(open!);
          open = undefined;
        }
      } else if (t.scope === 'variable.other.metta punctuation.definition.variable.metta') {
        out.push({ text: t.text, kind: 'variable' });
      } else if (t.scope === 'variable.other.metta') {
        out[out.length - 1]!.text += t.text;
      } else if (t.scope === '') {
        for (const word of t.text.split(/\s+/)) if (word !== '') out.push({ text: word, kind: 'symbol' });
      } else if (KIND_OF_SCOPE[t.scope] !== undefined) {
        out.push({ text: t.text, kind: KIND_OF_SCOPE[t.scope]! });
      }
    }
    if (open !== undefined) open.text += '\n';
  }
  return out;
}

/**
 * The leaves of parsed atoms in reading order, with the kind the grammar should give each.
 * `constants` holds the atoms the library's constant words stand for (`PI` is a Float, but
 * written as a name).
 */
function leaves(atoms: readonly Atom[], constants: ReadonlySet<Atom>): Array<{ text: string | undefined; kind: Kind }> {
  const out: Array<{ text: string | undefined; kind: Kind }> = [];
  const visit = (a: Atom): void => {
    switch (a.kind) {
      case 'expression':
        a.children.forEach(visit);
        return;
      case 'variable':
        out.push({ text: '$' + a.name, kind: 'variable' });
        return;
      case 'symbol': {
        const kind: Kind = ['=', ':', '->', '!'].includes(a.name) ? 'keyword' : NAMES.functions.includes(a.name) ? 'function' : 'symbol';
        out.push({ text: a.name, kind });
        return;
      }
      case 'grounded': {
        // Number and string texts are compared by kind only: the parser keeps values, not spellings.
        if (constants.has(a)) out.push({ text: undefined, kind: 'constant' });
        else if (a instanceof IntAtom) out.push({ text: undefined, kind: 'int' });
        else if (a instanceof FloatAtom) out.push({ text: undefined, kind: 'float' });
        else if (a instanceof StringAtom) out.push({ text: undefined, kind: 'string' });
        else if (a instanceof BoolAtom) out.push({ text: String(a.value === true ? 'True' : 'False'), kind: 'bool' });
        else if (a instanceof GroundedOp) out.push({ text: a.name, kind: 'function' });
        else throw new Error(`unexpected grounded atom ${String(a)}`);
        return;
      }
    }
  };
  atoms.forEach(visit);
  return out;
}

/** Asserts that the grammar's tokens are the parser's atoms, kind for kind and name for name. */
function expectSameAtoms(source: string): void {
  const runner = new MeTTa({ io: { stdout: () => true, stderr: () => true } });
  const tokenizer = runner.top.tokenizer;
  const constants = new Set(NAMES.constants.map((name) => tokenizer.lookup(name)!));
  const expected = leaves(parseAll(source, tokenizer), constants);
  const actual = lexemes(tokenize(source)).map(({ text, kind }) => ({
    text: kind === 'int' || kind === 'float' || kind === 'string' || kind === 'constant' ? undefined : text,
    kind,
  }));
  expect(actual).toEqual(expected);
}

describe('the TextMate grammar', () => {
  it('is up to date with the standard library (regenerate with grammar/build-tmgrammar.mjs)', () => {
    expect(readFileSync(GRAMMAR_PATH, 'utf8')).toBe(grammarText(NAMES));
  });

  it('lists the library names a fresh runner knows', () => {
    for (const name of ['match', 'superpose', 'collapse', '+', '==', 'let*', 'car-atom', 'println!', 'unify', 'chain', 'map-atom', 'foldl-atom']) {
      expect(NAMES.functions).toContain(name);
    }
    expect(NAMES.constants).toEqual(['&self', 'EXP', 'PI']);
    for (const keyword of ['=', ':', '->', '!', 'True', 'False']) expect(NAMES.functions).not.toContain(keyword);
  });

  const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.metta')).sort();

  it('finds the example programs', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  describe.each(files)('examples/%s', (file) => {
    const source = readFileSync(join(EXAMPLES, file), 'utf8');

    it('gives every token an expected scope set', () => {
      for (const [i, line] of tokenize(source).entries()) {
        for (const t of line) {
          expect(ALLOWED.has(t.scope), `line ${i + 1}: ${JSON.stringify(t.text)} has scopes "${t.scope}"`).toBe(true);
        }
      }
    });

    it('highlights the atoms the parser reads, one token each, in order', () => {
      expectSameAtoms(source);
    });
  });

  describe('specific tokens', () => {
    const sample = [
      '; a comment line',
      '(= (area $shape) (* PI 2.5e-3 "say \\"hi\\"\\n"))  ; trailing',
      '!(match &self (likes $x Bob) $x)',
      '(: area (-> Shape Number))',
      '!(if True -7 1.5)',
      'matches match-ish $x;y a"b 1. .5 1e 1E5 "tab\\tend',
      'still in the string" after',
    ].join('\n');
    let tokens: Token[][];
    beforeAll(() => {
      tokens = tokenize(sample);
    });

    it('agrees with the parser on where each atom starts and ends', () => {
      expectSameAtoms(sample);
    });

    it('scopes a whole comment line and a trailing comment', () => {
      expect(tokens[0]).toEqual([
        { text: ';', scope: 'comment.line.semicolon.metta punctuation.definition.comment.metta' },
        { text: ' a comment line', scope: 'comment.line.semicolon.metta' },
      ]);
      expect(tokens[1]!.slice(-2)).toEqual([
        { text: ';', scope: 'comment.line.semicolon.metta punctuation.definition.comment.metta' },
        { text: ' trailing', scope: 'comment.line.semicolon.metta' },
      ]);
    });

    it('scopes strings and their escapes, across lines', () => {
      const line = tokens[1]!;
      const start = line.findIndex((t) => t.text === '"');
      expect(line.slice(start, start + 6)).toEqual([
        { text: '"', scope: 'string.quoted.double.metta punctuation.definition.string.begin.metta' },
        { text: 'say ', scope: 'string.quoted.double.metta' },
        { text: '\\"', scope: 'string.quoted.double.metta constant.character.escape.metta' },
        { text: 'hi', scope: 'string.quoted.double.metta' },
        { text: '\\"', scope: 'string.quoted.double.metta constant.character.escape.metta' },
        { text: '\\n', scope: 'string.quoted.double.metta constant.character.escape.metta' },
      ]);
      expect(scopeOf(tokens, '\\t')).toBe('string.quoted.double.metta constant.character.escape.metta');
      expect(tokens[6]![0]).toEqual({ text: 'still in the string', scope: 'string.quoted.double.metta' });
      expect(scopeOf(tokens, 'after')).toBe('');
    });

    it('flags an escape the parser rejects', () => {
      const [line] = tokenize('"bad \\q and \\x80"');
      expect(line!.filter((t) => t.scope.includes('invalid')).map((t) => t.text)).toEqual(['\\q', '\\x']);
    });

    it('scopes variables, including the characters that do not end one', () => {
      expect(tokens[1]!.find((t) => t.text === '$')?.scope).toBe('variable.other.metta punctuation.definition.variable.metta');
      expect(scopeOf(tokens, 'shape')).toBe('variable.other.metta');
      expect(scopeOf(tokens, 'x;y')).toBe('variable.other.metta');
    });

    it('scopes integers and floats as the standard tokens read them', () => {
      expect(scopeOf(tokens, '2.5e-3')).toBe('constant.numeric.float.metta');
      expect(scopeOf(tokens, '-7')).toBe('constant.numeric.integer.metta');
      expect(scopeOf(tokens, '1.5')).toBe('constant.numeric.float.metta');
      expect(scopeOf(tokens, '1E5')).toBe('constant.numeric.float.metta');
      const plain = tokens[5]!.filter((t) => t.scope === '').flatMap((t) => t.text.split(/\s+/)).filter((w) => w !== '');
      for (const word of ['1.', '.5', '1e', 'matches', 'match-ish', 'a"b']) expect(plain).toContain(word);
    });

    it('scopes `!`, `=`, `:`, `->`, booleans, library names and constants', () => {
      expect(tokens[2]![0]).toEqual({ text: '!', scope: 'keyword.operator.eval.metta' });
      expect(scopeOf(tokens, '=')).toBe('keyword.other.equation.metta');
      expect(scopeOf(tokens, ':')).toBe('keyword.other.type-declaration.metta');
      expect(scopeOf(tokens, '->')).toBe('keyword.operator.arrow.metta');
      expect(scopeOf(tokens, 'True')).toBe('constant.language.boolean.metta');
      expect(scopeOf(tokens, 'match')).toBe('support.function.builtin.metta');
      expect(scopeOf(tokens, 'if')).toBe('support.function.builtin.metta');
      expect(scopeOf(tokens, '*')).toBe('support.function.builtin.metta');
      expect(scopeOf(tokens, 'PI')).toBe('support.constant.metta');
      expect(scopeOf(tokens, '&self')).toBe('support.constant.metta');
    });

    it('leaves ordinary symbols unscoped', () => {
      const line = tokens[2]!;
      const words = line.filter((t) => t.scope === '').flatMap((t) => t.text.split(/\s+/)).filter((w) => w !== '');
      expect(words).toEqual(['likes', 'Bob']);
      expect(scopeOf(tokens, 'area')).toBe('');
      expect(scopeOf(tokens, 'Shape')).toBe('');
    });
  });
});

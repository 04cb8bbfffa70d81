#!/usr/bin/env node
/**
 * Generates `metta.tmLanguage.json`, the TextMate grammar editors use to highlight MeTTa.
 *
 * The lexical rules are written out here by hand (they follow `metta.ebnf`); the standard
 * library names are read from a live runner, so the grammar highlights exactly the names a
 * fresh Rhizome runner knows. Run it after adding or renaming a library operation:
 *
 * ```sh
 * npm run build && node grammar/build-tmgrammar.mjs          # rewrite the JSON
 * npm run build && node grammar/build-tmgrammar.mjs --check  # exit 1 when it is stale
 * ```
 *
 * `test/tmgrammar.test.ts` calls the exported functions against the TypeScript sources and
 * fails when the committed JSON differs from what they produce.
 *
 * @module
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the generated grammar lives. */
export const GRAMMAR_PATH = join(dirname(fileURLToPath(import.meta.url)), 'metta.tmLanguage.json');

/** Words the grammar gives their own keyword scopes, so they are left out of the library list. */
export const KEYWORDS = ['=', ':', '->', '!'];

/**
 * The names of the standard library of a fresh runner.
 *
 * `functions`: the grounded operations its tokenizer knows, the interpreter's instructions,
 * and the functions the core library defines in MeTTa (heads of its `=` equations and names
 * it declares with an arrow type). `constants`: the other named grounded atoms its tokenizer
 * knows (`PI`, `EXP`, `&self`), except the booleans, which the grammar handles itself.
 *
 * @param {{ MeTTa: new (options?: object) => any, GroundedOp: Function, BoolAtom: Function, INSTRUCTIONS: ReadonlySet<any> }} lib
 *   the runner and atom classes and the instruction set, all from `src/` or all from `dist/`
 * @returns {{ functions: string[], constants: string[] }} both sorted and free of duplicates
 */
export function libraryNames({ MeTTa, GroundedOp, BoolAtom, INSTRUCTIONS }) {
  const runner = new MeTTa({ io: { stdout() {}, stderr() {} } });
  const tokenizer = runner.top.tokenizer;
  // The tokenizer keeps its exact-word entries in a private map; reading it is the only way to
  // list them, and a change there must break this script loudly rather than empty the list.
  const literals = tokenizer.literals;
  if (!(literals instanceof Map)) throw new Error('Tokenizer no longer keeps a `literals` map: update build-tmgrammar.mjs');

  const functions = new Set();
  const constants = new Set();
  for (const word of literals.keys()) {
    const atom = tokenizer.lookup(word);
    if (atom === undefined || atom.kind !== 'grounded') continue;
    if (atom instanceof GroundedOp) functions.add(word);
    else if (!(atom instanceof BoolAtom)) constants.add(word);
  }
  for (const instruction of INSTRUCTIONS) functions.add(instruction.name);
  for (const atom of runner.corelib.atoms()) {
    const name = definedFunction(atom);
    if (name !== undefined) functions.add(name);
  }
  for (const k of KEYWORDS) functions.delete(k);
  if (functions.size === 0) throw new Error('no library functions found');
  return { functions: [...functions].sort(), constants: [...constants].sort() };
}

/** The function name an atom of the core library defines, if it is `(= (f …) …)` or `(: f (-> …))`. */
function definedFunction(atom) {
  if (atom.kind !== 'expression' || atom.children.length !== 3) return undefined;
  const [head, subject, body] = atom.children;
  if (head.kind !== 'symbol') return undefined;
  if (head.name === '=' && subject.kind === 'expression' && subject.children[0]?.kind === 'symbol') {
    return subject.children[0].name;
  }
  const isArrow = body.kind === 'expression' && body.children[0]?.kind === 'symbol' && body.children[0].name === '->';
  if (head.name === ':' && subject.kind === 'symbol' && isArrow) return subject.name;
  return undefined;
}

/** Escapes a word for use inside an Oniguruma regex. */
function escapeRegex(word) {
  // Only true metacharacters: in Oniguruma some escaped punctuation has a meaning of its own.
  return word.replace(/[\\^$.|?*+()[\]{}]/g, (c) => '\\' + c);
}

/** An alternation of whole words, longest first so that no name shadows a longer one. */
function wordsPattern(words) {
  return [...words].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map(escapeRegex).join('|');
}

// A word runs until whitespace, a parenthesis or a comment (metta.ebnf WORD); a rule for a
// particular word must end exactly there, or `matches` would highlight the `match` in it.
const WORD_END = '(?=[\\s();]|$)';

/**
 * The TextMate grammar as a JSON-ready object.
 *
 * @param {{ functions: string[], constants: string[] }} names from {@link libraryNames}
 * @returns {object}
 */
export function buildGrammar({ functions, constants }) {
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'MeTTa',
    scopeName: 'source.metta',
    fileTypes: ['metta'],
    comment: 'Generated by grammar/build-tmgrammar.mjs from the lexical rules in grammar/metta.ebnf and the standard library of Rhizome. Do not edit by hand.',
    patterns: [
      { include: '#comment' },
      { include: '#string' },
      { include: '#variable' },
      { include: '#parens' },
      { include: '#word' },
    ],
    repository: {
      comment: {
        match: '(;).*$',
        name: 'comment.line.semicolon.metta',
        captures: { 1: { name: 'punctuation.definition.comment.metta' } },
      },
      string: {
        begin: '"',
        end: '"',
        name: 'string.quoted.double.metta',
        beginCaptures: { 0: { name: 'punctuation.definition.string.begin.metta' } },
        endCaptures: { 0: { name: 'punctuation.definition.string.end.metta' } },
        patterns: [
          {
            // \x takes ASCII values only; \u{…} tolerates extra '{' as the reference does.
            match: '\\\\(?:["\'\\\\nrt]|x[0-7][0-9a-fA-F]|u\\{\\{*(?:[0-9a-fA-F]\\{*){0,8}\\})',
            name: 'constant.character.escape.metta',
          },
          { match: '\\\\.?', name: 'invalid.illegal.escape.metta' },
        ],
      },
      variable: {
        // ';' and '"' do not end a variable name (metta.ebnf VARIABLE).
        match: '(\\$)[^\\s()]*',
        name: 'variable.other.metta',
        captures: { 1: { name: 'punctuation.definition.variable.metta' } },
      },
      parens: {
        patterns: [
          { match: '\\(', name: 'punctuation.section.parens.begin.metta' },
          { match: '\\)', name: 'punctuation.section.parens.end.metta' },
        ],
      },
      word: {
        patterns: [
          { match: `!${WORD_END}`, name: 'keyword.operator.eval.metta' },
          { match: `=${WORD_END}`, name: 'keyword.other.equation.metta' },
          { match: `:${WORD_END}`, name: 'keyword.other.type-declaration.metta' },
          { match: `->${WORD_END}`, name: 'keyword.operator.arrow.metta' },
          { match: `(?:True|False)${WORD_END}`, name: 'constant.language.boolean.metta' },
          { match: `[-+]?[0-9]+(?:\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[eE][-+]?[0-9]+)${WORD_END}`, name: 'constant.numeric.float.metta' },
          { match: `[-+]?[0-9]+${WORD_END}`, name: 'constant.numeric.integer.metta' },
          { match: `(?:${wordsPattern(constants)})${WORD_END}`, name: 'support.constant.metta' },
          { match: `(?:${wordsPattern(functions)})${WORD_END}`, name: 'support.function.builtin.metta' },
          // Any other word is a plain symbol: consumed whole so that nothing inside it (a '"',
          // a '$', a digit) is taken for the start of another token.
          { match: '[^\\s()";$][^\\s();]*' },
        ],
      },
    },
  };
}

/** The grammar file's text for the given names: stable key order, two-space indent, final newline. */
export function grammarText(names) {
  return JSON.stringify(buildGrammar(names), null, 2) + '\n';
}

async function main() {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const { MeTTa, GroundedOp, BoolAtom } = await import(join(root, 'dist/index.js'));
  const { INSTRUCTIONS } = await import(join(root, 'dist/metta/interpreter/symbols.js'));
  const text = grammarText(libraryNames({ MeTTa, GroundedOp, BoolAtom, INSTRUCTIONS }));
  if (process.argv.includes('--check')) {
    const current = readFileSync(GRAMMAR_PATH, 'utf8');
    if (current !== text) {
      console.error(`${GRAMMAR_PATH} is out of date: run node grammar/build-tmgrammar.mjs`);
      process.exit(1);
    }
    return;
  }
  writeFileSync(GRAMMAR_PATH, text);
  console.log(`wrote ${GRAMMAR_PATH}`);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) await main();

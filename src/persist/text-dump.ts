/**
 * The text form of a space: a header comment, then one atom per line in MeTTa syntax, as
 * {@link formatAtom} prints it, readable by the MeTTa parser (and by people, and by `diff`).
 *
 * Not every atom has such a form. A symbol whose name holds a parenthesis or a space, or
 * reads as a number; a fresh variable `$x#3` (`#` is reserved in source text); a string
 * holding NUL; a NaN; an operation the reading tokenizer does not know: each would read back
 * as something else or not at all. The dump checks every leaf as it prints it and throws
 * {@link PersistError} naming the first such atom, so a dump that is written is a dump that
 * loads back equal (line order and duplicates included: spaces are multisets).
 *
 * Printing walks expressions with an explicit stack, so nesting depth is not limited by the
 * call stack (the parser is iterative too).
 *
 * @module
 */
import { atomEq, type Atom, type ExpressionAtom, type GroundedAtom, type SymbolAtom, type VariableAtom } from '../atomspace/atom.js';
import { formatAtom } from '../atomspace/format.js';
import { BoolAtom, FloatAtom, IntAtom, normInt, StringAtom } from '../atomspace/values.js';
import { isMettaWhitespace } from '../metta/lexer.js';
import { parseAll } from '../metta/parser.js';
import { registerStandardTokens, Tokenizer } from '../metta/tokenizer.js';
import { describeAtom, PersistError } from './persist-error.js';

/** Version of the text format written by this module. */
export const TEXT_FORMAT_VERSION = 1;

/** The first line of every dump. */
export const TEXT_DUMP_HEADER = `; Rhizome space dump, text format ${TEXT_FORMAT_VERSION}: one atom per line, MeTTa syntax`;

const HEADER_RE = /^; Rhizome space dump, text format (\d+)/;
const LONE_SURROGATE = /\p{Cs}/u;

/** Options of a text dump or load. */
export interface TextDumpOptions {
  /**
   * The tokenizer the text is (to be) read with. A dump checks that every atom reads back
   * equal through it, so with a runner's tokenizer, operations such as `+` may be dumped
   * by name. Default: one knowing only the literals (numbers, strings, `True`, `False`).
   */
  readonly tokenizer?: Tokenizer;
}

/** Options of {@link loadText}. */
export interface TextLoadOptions extends TextDumpOptions {
  /** File name shown in syntax error messages. */
  readonly file?: string;
}

let literalTokenizer: Tokenizer | undefined;

/** A tokenizer with the standard literals only, shared (it is never changed). */
function literalsOnly(): Tokenizer {
  if (literalTokenizer === undefined) {
    literalTokenizer = new Tokenizer();
    registerStandardTokens(literalTokenizer);
  }
  return literalTokenizer;
}

/** Prints atoms as lines, checking each leaf reads back as itself. */
class LinePrinter {
  private readonly tokenizer: Tokenizer;
  /** Whether each symbol met so far prints re-readably (symbols are interned). */
  private readonly symbolOk = new Map<SymbolAtom, boolean>();
  private readonly variableOk = new Map<VariableAtom, boolean>();
  private readonly stack: (Atom | string)[] = [];

  constructor(tokenizer: Tokenizer) {
    this.tokenizer = tokenizer;
  }

  line(root: Atom): string {
    if (root.kind !== 'expression') return this.leaf(root);
    const stack = this.stack;
    stack.length = 0;
    stack.push(root);
    let out = '';
    while (stack.length > 0) {
      const item = stack.pop()!;
      if (typeof item === 'string') {
        out += item;
      } else if (item.kind === 'expression') {
        const c = item.children;
        out += '(';
        stack.push(')');
        for (let i = c.length - 1; i >= 0; i--) {
          stack.push(c[i]!);
          if (i > 0) stack.push(' ');
        }
      } else {
        out += this.leaf(item);
      }
    }
    return out;
  }

  private leaf(a: Exclude<Atom, ExpressionAtom>): string {
    switch (a.kind) {
      case 'symbol': {
        let ok = this.symbolOk.get(a);
        if (ok === undefined) {
          ok = isWord(a.name) && this.readsAsSymbol(a.name);
          this.symbolOk.set(a, ok);
        }
        if (!ok) this.reject(a, 'the name would not read back as this symbol');
        return a.name;
      }
      case 'variable': {
        let ok = this.variableOk.get(a);
        if (ok === undefined) {
          ok = a.id === 0 && isVariableName(a.name);
          this.variableOk.set(a, ok);
        }
        if (!ok) {
          this.reject(a, a.id === 0 ? 'the name would not read back as this variable' : "a fresh variable's name#id is not valid source text");
        }
        return formatAtom(a);
      }
      case 'grounded':
        return this.grounded(a);
    }
  }

  private grounded(a: GroundedAtom): string {
    const ctor = a.constructor;
    if (ctor === IntAtom) {
      const x = (a as IntAtom).value;
      // Text cannot tell a number from a bigint: only the canonical form reads back as itself.
      const canonical = typeof x === 'number' ? Number.isSafeInteger(x) : normInt(x) === x;
      if (!canonical) this.reject(a, 'the integer is not in canonical form (a safe number or a 64-bit bigint beyond it)');
    } else if (ctor === FloatAtom) {
      if (!Number.isFinite((a as FloatAtom).value)) this.reject(a, 'NaN and infinities have no MeTTa literal');
    } else if (ctor === StringAtom) {
      const s = (a as StringAtom).value;
      if (s.includes('\0')) this.reject(a, 'NUL has no escape the parser accepts');
      if (LONE_SURROGATE.test(s)) this.reject(a, 'a lone surrogate cannot be written as UTF-8');
    } else if (ctor !== BoolAtom) {
      let text: string;
      try {
        text = formatAtom(a);
      } catch {
        return this.reject(a, 'it cannot be printed');
      }
      if (!isWord(text) || !this.readsAs(text, a)) this.reject(a, 'the tokenizer does not read its printed form back as this atom');
      return text;
    }
    return formatAtom(a);
  }

  private readsAsSymbol(name: string): boolean {
    try {
      return this.tokenizer.lookup(name) === undefined;
    } catch {
      return false;
    }
  }

  private readsAs(text: string, atom: Atom): boolean {
    try {
      const back = this.tokenizer.lookup(text);
      return back !== undefined && atomEq(back, atom);
    } catch {
      return false;
    }
  }

  private reject(a: Atom, why: string): never {
    throw new PersistError(`cannot write ${describeAtom(a)} as text: ${why}`, { atom: a });
  }
}

/** True when `text` lexes as one word token (the parser then asks the tokenizer about it). */
function isWord(text: string): boolean {
  if (text.length === 0 || text[0] === '"' || text[0] === '$') return false;
  return !hasSeparator(text, '();') && !LONE_SURROGATE.test(text);
}

/** True when `$name` lexes as one variable token the parser accepts. */
function isVariableName(name: string): boolean {
  return !hasSeparator(name, '()#') && !LONE_SURROGATE.test(name);
}

function hasSeparator(text: string, specials: string): boolean {
  for (const ch of text) if (specials.includes(ch) || isMettaWhitespace(ch)) return true;
  return false;
}

/**
 * The lines of a dump of `atoms`, header first, produced one at a time (for writing a large
 * space to a file without building one huge string). Throws {@link PersistError} at the
 * first atom without a re-readable text form.
 */
export function* dumpTextLines(atoms: Iterable<Atom>, options: TextDumpOptions = {}): Generator<string, void, undefined> {
  const printer = new LinePrinter(options.tokenizer ?? literalsOnly());
  yield TEXT_DUMP_HEADER;
  for (const a of atoms) yield printer.line(a);
}

/** A dump of `atoms` as one string: the header and one line per atom, each ending in `\n`. */
export function dumpText(atoms: Iterable<Atom>, options: TextDumpOptions = {}): string {
  let out = '';
  for (const line of dumpTextLines(atoms, options)) out += line + '\n';
  return out;
}

/**
 * The atoms of a dump, in order. Any MeTTa text of plain atoms loads (the header is only a
 * comment); a header naming a newer text format is refused with {@link PersistError}.
 * Syntax errors throw the parser's `MettaSyntaxError`, with line and column.
 */
export function loadText(text: string, options: TextLoadOptions = {}): Atom[] {
  const header = HEADER_RE.exec(text);
  if (header !== null && Number(header[1]) > TEXT_FORMAT_VERSION) {
    throw new PersistError(`text dump of format ${header[1]}; this version reads format ${TEXT_FORMAT_VERSION}`);
  }
  return parseAll(text, options.tokenizer ?? literalsOnly(), options.file === undefined ? undefined : { file: options.file });
}

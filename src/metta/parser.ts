/**
 * The MeTTa S-expression parser (spec §1.1–1.4): text to atoms, one top-level atom at a time.
 *
 * The language (see `grammar/metta.ebnf`) is
 *
 *     atom := WORD | STRING | VARIABLE | '(' atom* ')'
 *
 * parsed by a chevrotain {@link EmbeddedActionsParser} over the tokens of `lexer.ts` whose
 * actions build atoms directly. Words and strings go through the {@link Tokenizer} as it is
 * when {@link SExprParser.next} is called, so a `bind!` run between two calls changes how the
 * rest of the text is read. Errors are raised only when the parser reaches them: every atom
 * before a bad spot is returned first.
 *
 * The chevrotain rule is the iterative form of that grammar: it reads the tokens of one
 * top-level atom in a loop and keeps the open expressions on an explicit stack, instead of
 * recursing once per `(`. Nesting depth is then limited by memory rather than by the JS call
 * stack (the recursive form overflowed at about 650 levels), and no rule is invoked per
 * nested expression.
 *
 * Error precedence follows the reference, which builds a whole top-level syntax tree before
 * making atoms of its tokens: inside one top-level atom a syntax error wins over a token
 * constructor failure, and of several constructor failures the last one is reported.
 *
 * @module
 */
import { EmbeddedActionsParser, EOF, type IOrAlt, type IToken } from 'chevrotain';
import { exprOf, sym, v, type Atom } from '../atomspace/atom.js';
import {
  ChunkedLexer,
  decodeStringImage,
  LParen,
  METTA_TOKENS,
  RParen,
  StringLiteral,
  UnclosedString,
  Variable,
  Word,
  type TokenChunk,
} from './lexer.js';
import { codePointCount, LineIndex, MettaSyntaxError, type SourcePosition } from './syntax-error.js';
import { registerStandardTokens, Tokenizer } from './tokenizer.js';

export type { SourcePosition } from './syntax-error.js';

/** Options of a parse. */
export interface ParseOptions {
  /** File name shown in error messages. */
  readonly file?: string;
}

/** What the grammar's actions call to turn tokens into atoms and to report errors. */
interface AtomBuilder {
  word(token: IToken): Atom;
  string(token: IToken): Atom;
  variable(token: IToken): Atom;
  unclosedString(token: IToken): never;
  strayRightBracket(token: IToken): never;
  unclosedExpression(open: IToken): never;
}

const NO_BUILDER: AtomBuilder = new Proxy({} as AtomBuilder, {
  get() {
    throw new Error('MeTTa grammar used without a builder');
  },
});

/** What actions return while chevrotain records the grammar (their results are unused then). */
const RECORDED = undefined as unknown as Atom;

/**
 * The chevrotain grammar, one rule:
 *
 *     topLevel := step ( {inside an expression}? step )*
 *     step     := '(' | ')' | WORD | VARIABLE | STRING | UNCLOSED_STRING
 *
 * `(` opens a frame on the stack, `)` closes the innermost one (or, with none open, is the
 * "Unexpected right bracket" error), and a leaf goes into the innermost frame or, outside any,
 * is the result. Reaching the end of the input with frames open is "Unexpected end of
 * expression". One instance parses for one {@link SExprParser} at a time.
 *
 * It runs once per token of files with millions of facts, so the alternatives are built once
 * rather than per call and actions test `RECORDING_PHASE` instead of allocating `ACTION`
 * closures.
 */
class MettaGrammar extends EmbeddedActionsParser {
  builder: AtomBuilder = NO_BUILDER;
  /** Children of the open expressions, innermost last. */
  private readonly frames: Atom[][] = [];
  /** The `(` tokens of the open expressions, innermost last. */
  private readonly opens: IToken[] = [];
  /** The completed top-level atom. */
  private result: Atom | undefined;

  constructor() {
    super(METTA_TOKENS, { maxLookahead: 1, recoveryEnabled: false });
    this.performSelfAnalysis();
  }

  /**
   * The alternatives of `step`. Chevrotain tells apart the places a token is consumed by an
   * index, so the first step (index 0) and the loop's step (index 1) get their own copies.
   */
  private makeSteps(idx: number): IOrAlt<void>[] {
    return [
      {
        ALT: () => {
          const t = this.consume(idx, LParen);
          if (!this.RECORDING_PHASE) {
            this.frames.push([]);
            this.opens.push(t);
          }
        },
      },
      {
        ALT: () => {
          const t = this.consume(idx, RParen);
          if (this.RECORDING_PHASE) return;
          const children = this.frames.pop();
          if (children === undefined) this.builder.strayRightBracket(t);
          this.opens.pop();
          this.place(exprOf(children));
        },
      },
      {
        ALT: () => {
          const t = this.consume(idx, Word);
          if (!this.RECORDING_PHASE) this.place(this.builder.word(t));
        },
      },
      {
        ALT: () => {
          const t = this.consume(idx, Variable);
          if (!this.RECORDING_PHASE) this.place(this.builder.variable(t));
        },
      },
      {
        ALT: () => {
          const t = this.consume(idx, StringLiteral);
          if (!this.RECORDING_PHASE) this.place(this.builder.string(t));
        },
      },
      {
        ALT: () => {
          const t = this.consume(idx, UnclosedString);
          if (!this.RECORDING_PHASE) this.builder.unclosedString(t);
        },
      },
    ];
  }

  private readonly firstSteps = this.makeSteps(0);
  private readonly innerSteps = this.makeSteps(1);

  private readonly insideExpression = (): boolean => this.frames.length > 0;

  private readonly innerStep = (): void => this.OR1(this.innerSteps);

  readonly topLevel = this.RULE('topLevel', (): Atom => {
    if (!this.RECORDING_PHASE) {
      this.frames.length = 0;
      this.opens.length = 0;
      this.result = undefined;
    }
    this.OR(this.firstSteps);
    this.MANY({ GATE: this.insideExpression, DEF: this.innerStep });
    if (this.RECORDING_PHASE) return RECORDED;
    if (this.frames.length > 0) this.builder.unclosedExpression(this.opens[this.opens.length - 1]!);
    return this.result!;
  });

  /** Puts a finished atom into the innermost open expression, or makes it the result. */
  private place(atom: Atom): void {
    const frames = this.frames;
    if (frames.length > 0) frames[frames.length - 1]!.push(atom);
    else this.result = atom;
  }

  /** True when every token of the current input has been parsed. */
  atEnd(): boolean {
    return this.LA(1).tokenType === EOF;
  }

  /** Offset (within the current input) of the next token to parse. */
  nextOffset(): number {
    return this.LA(1).startOffset;
  }

  /**
   * Replaces chevrotain's end-of-parse hook, which records an error when input is left after
   * the root rule: here the root rule is called once per top-level atom of the input. Only
   * its other duty is kept, taking off the end-of-input sentinels it appended.
   */
  onAfterParse(): void {
    const tokens = this.input;
    while (tokens.length > 0 && tokens[tokens.length - 1]!.tokenType === EOF) tokens.pop();
  }
}

/** Idle grammar instances (building one runs chevrotain's grammar analysis). */
const idleGrammars: MettaGrammar[] = [];

function acquireGrammar(): MettaGrammar {
  return idleGrammars.pop() ?? new MettaGrammar();
}

/**
 * The grammar's productions as chevrotain serializes them (`ISerializedGast[]`), for tools
 * that draw or document it, such as the railroad diagrams in `grammar/`.
 */
export function grammarProductions(): ReturnType<MettaGrammar['getSerializedGastProductions']> {
  const g = acquireGrammar();
  try {
    return g.getSerializedGastProductions();
  } finally {
    releaseGrammar(g);
  }
}

function releaseGrammar(g: MettaGrammar): void {
  g.builder = NO_BUILDER;
  g.input = [];
  if (idleGrammars.length < 8) idleGrammars.push(g);
}

/**
 * The grammar's actions for one text: turns tokens into atoms with the current tokenizer and
 * builds errors that point into the text.
 */
class AtomMaker implements AtomBuilder {
  /** Offset of the current chunk, to which token offsets are relative. */
  base = 0;
  tokenizer: Tokenizer | undefined;
  /** The last constructor failure of the top-level atom being parsed. */
  constructorError: MettaSyntaxError | undefined;

  constructor(
    private readonly text: string,
    readonly lines: LineIndex,
    private readonly file: string | undefined,
  ) {}

  word(token: IToken): Atom {
    return this.lookup(token, token.image);
  }

  string(token: IToken): Atom {
    const image = token.image;
    if (image.indexOf('\\') < 0) return this.lookup(token, image);
    const decoded = decodeStringImage(image, true);
    if (typeof decoded !== 'string') this.escapeError(token, decoded.reason, decoded.offset);
    // The tokenizer sees the token with its quotes, escapes applied.
    return this.lookup(token, '"' + decoded + '"');
  }

  variable(token: IToken): Atom {
    const image = token.image;
    const hash = image.indexOf('#');
    if (hash >= 0) {
      throw this.error("'#' char is reserved for internal usage", this.offsetOf(token) + hash, 'a variable name without #');
    }
    return v(image.slice(1));
  }

  unclosedString(token: IToken): never {
    // The reference reports a bad escape met before the end of the text, not the missing quote.
    const decoded = decodeStringImage(token.image, false);
    if (typeof decoded !== 'string') this.escapeError(token, decoded.reason, decoded.offset);
    throw this.error('Unclosed String Literal', this.offsetOf(token), 'a closing "');
  }

  strayRightBracket(token: IToken): never {
    throw this.error('Unexpected right bracket', this.offsetOf(token), 'an atom or the end of the text');
  }

  unclosedExpression(open: IToken): never {
    throw this.error('Unexpected end of expression', this.offsetOf(open), "')' to close this expression");
  }

  error(reason: string, offset: number, expected?: string): MettaSyntaxError {
    return new MettaSyntaxError(reason, this.lines.locate(offset, this.file), expected);
  }

  private escapeError(token: IToken, reason: string, offset: number): never {
    const expected =
      reason === 'Invalid escape sequence'
        ? 'one of \\" \\\' \\\\ \\n \\r \\t \\xHH (at most 7F) \\u{H...} (1 to 8 hex digits)'
        : 'an escaped character after the backslash';
    throw this.error(reason, this.offsetOf(token) + offset, expected);
  }

  /** Runs the tokenizer; a constructor failure is kept and reported once the atom is complete. */
  private lookup(token: IToken, text: string): Atom {
    let atom: Atom | undefined;
    try {
      atom = this.tokenizer!.lookup(text);
    } catch (e) {
      const start = this.offsetOf(token);
      // The reference counts characters (Unicode scalar values), despite saying "byte".
      const from = codePointCount(this.text, 0, start);
      const to = from + codePointCount(this.text, start, start + token.image.length);
      const message = e instanceof Error ? e.message : String(e);
      this.constructorError = this.error(`byte range = (${from}..${to}) | ${message}`, start);
    }
    return atom ?? sym(text);
  }

  private offsetOf(token: IToken): number {
    return this.base + token.startOffset;
  }
}

/**
 * An incremental parser of one text: each {@link next} call reads one top-level atom.
 *
 * After an error (or the end) every further call returns null: a parse error ends the run
 * of a program, and the reference swallows the rest of the text on most errors.
 */
export class SExprParser {
  private readonly lexer: ChunkedLexer;
  private readonly maker: AtomMaker;
  private chunk: TokenChunk | undefined;
  private grammar: MettaGrammar | undefined;
  private finished = false;
  private lastOffset = 0;

  constructor(text: string, options?: ParseOptions) {
    this.lexer = new ChunkedLexer(text);
    this.maker = new AtomMaker(text, new LineIndex(text), options?.file);
  }

  /** Position where the atom last returned by {@link next} starts. */
  get lastPosition(): SourcePosition {
    return this.maker.lines.position(this.lastOffset);
  }

  /**
   * Parses the next top-level atom, reading words and strings with `tokenizer` as it is now.
   * Returns null at the end of the text. Throws {@link MettaSyntaxError}.
   */
  next(tokenizer: Tokenizer): Atom | null {
    if (this.finished) return null;
    const grammar = this.grammar ?? (this.grammar = acquireGrammar());
    while (this.chunk === undefined || grammar.atEnd()) {
      const chunk = this.lexer.next();
      if (chunk === null) {
        this.finish();
        return null;
      }
      this.chunk = chunk;
      grammar.input = chunk.tokens;
    }
    const maker = this.maker;
    const start = this.chunk.base + grammar.nextOffset();
    maker.base = this.chunk.base;
    maker.tokenizer = tokenizer;
    maker.constructorError = undefined;
    grammar.builder = maker;
    let atom: Atom;
    try {
      atom = grammar.topLevel();
    } catch (e) {
      this.finish();
      throw e;
    } finally {
      grammar.builder = NO_BUILDER;
      maker.tokenizer = undefined;
    }
    if (maker.constructorError !== undefined) {
      this.finish();
      throw maker.constructorError;
    }
    this.lastOffset = start;
    return atom;
  }

  private finish(): void {
    this.finished = true;
    this.chunk = undefined;
    if (this.grammar !== undefined) {
      releaseGrammar(this.grammar);
      this.grammar = undefined;
    }
  }
}

/** A new tokenizer holding the standard value tokens (numbers, booleans, strings). */
function standardTokenizer(): Tokenizer {
  const t = new Tokenizer();
  registerStandardTokens(t);
  return t;
}

/**
 * Every top-level atom of a text. The default tokenizer is a fresh one with the standard
 * tokens (no operations: `+` is the symbol `+`).
 */
export function parseAll(text: string, tokenizer?: Tokenizer, options?: ParseOptions): Atom[] {
  const t = tokenizer ?? standardTokenizer();
  const parser = new SExprParser(text, options);
  const atoms: Atom[] = [];
  for (let atom = parser.next(t); atom !== null; atom = parser.next(t)) atoms.push(atom);
  return atoms;
}

/** The one atom a text holds; throws {@link MettaSyntaxError} if it holds none or several. */
export function parseAtom(text: string, tokenizer?: Tokenizer): Atom {
  const t = tokenizer ?? standardTokenizer();
  const parser = new SExprParser(text);
  const atom = parser.next(t);
  const lines = new LineIndex(text);
  if (atom === null) {
    throw new MettaSyntaxError('Unexpected end of input', lines.locate(text.length, undefined), 'an atom');
  }
  if (parser.next(t) !== null) {
    const at = parser.lastPosition.offset;
    throw new MettaSyntaxError('Unexpected atom after the first one', lines.locate(at, undefined), 'the end of the text');
  }
  return atom;
}

/**
 * The lexical layer of MeTTa's surface syntax (spec §1.1), built on chevrotain.
 *
 * The token rules are total: every character of any input belongs to some token, so the
 * chevrotain lexer never reports an error. Malformed input is lexed into tokens the parser
 * recognises as errors (an unclosed string, a variable containing `#`, an invalid escape
 * inside a string), so an error late in a file is raised only when the parser reaches it.
 *
 * Input is lexed in chunks that end at top-level atom boundaries ({@link ChunkedLexer}), so
 * a large file never holds more than one chunk of token objects in memory.
 *
 * @module
 */
import { createToken, Lexer, type IToken, type TokenType } from 'chevrotain';

/**
 * The whitespace characters, as a regex character-class body: exactly Unicode's
 * `White_Space` property, which is what the reference's `char::is_whitespace` tests. (JS `\s`
 * differs: it includes U+FEFF and lacks U+0085.)
 */
const WS = '\\t-\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';

const WHITESPACE_RE = new RegExp(`^[${WS}]$`);

/** True when `ch` (one character) separates tokens. */
export function isMettaWhitespace(ch: string): boolean {
  return WHITESPACE_RE.test(ch);
}

/** Runs of whitespace; skipped. */
export const Whitespace = createToken({
  name: 'Whitespace',
  pattern: new RegExp(`[${WS}]+`),
  group: Lexer.SKIPPED,
  line_breaks: true,
});

/** `;` up to, not including, the next line feed; skipped. */
export const Comment = createToken({ name: 'Comment', pattern: /;[^\n]*/, group: Lexer.SKIPPED });

/** `(` */
export const LParen = createToken({ name: 'LParen', pattern: /\(/, label: "'('" });

/** `)` */
export const RParen = createToken({ name: 'RParen', pattern: /\)/, label: "')'" });

/**
 * A closed string literal, quotes included. Escapes are validated and decoded by the parser
 * ({@link decodeStringImage}) so that a bad escape is reported only when it is reached.
 */
export const StringLiteral = createToken({
  name: 'StringLiteral',
  pattern: /"[^"\\]*(?:\\[\s\S][^"\\]*)*"/,
  line_breaks: true,
  label: 'string',
});

/**
 * A string literal with no closing quote: it runs to the end of the lexed text (possibly
 * ending in a lone backslash). Tried after {@link StringLiteral}, so it only matches when
 * there is no closing quote.
 */
export const UnclosedString = createToken({
  name: 'UnclosedString',
  pattern: /"[^"\\]*(?:\\[\s\S][^"\\]*)*\\?/,
  line_breaks: true,
  label: 'unclosed string',
});

/**
 * `$` and every following character up to whitespace or a parenthesis; `;` and `"` do not end
 * a variable. A `#` in the name is an error the parser reports.
 */
export const Variable = createToken({
  name: 'Variable',
  pattern: new RegExp(`\\$[^${WS}()]*`),
  label: 'variable',
});

/**
 * Any other token: starts with a character that begins no other token, runs up to
 * whitespace, a parenthesis or `;` (a `"` or `$` after the first character stays in the word).
 */
export const Word = createToken({
  name: 'Word',
  pattern: new RegExp(`[^${WS}();"$][^${WS}();]*`),
  // chevrotain cannot analyse a negated class; listing the start characters keeps its
  // first-character dispatch (it only needs UTF-16 units, astral characters start with a
  // high surrogate).
  start_chars_hint: wordStartCodes(),
  label: 'word',
});

function wordStartCodes(): number[] {
  const codes: number[] = [];
  for (let c = 0; c < 0x10000; c++) {
    const ch = String.fromCharCode(c);
    if (!'();"$'.includes(ch) && !isMettaWhitespace(ch)) codes.push(c);
  }
  return codes;
}

/** Every token type, in the order the lexer tries them. */
export const METTA_TOKENS: TokenType[] = [
  Whitespace,
  Comment,
  LParen,
  RParen,
  StringLiteral,
  UnclosedString,
  Variable,
  Word,
];

/** The chevrotain lexer for MeTTa (offsets only: lines and columns are computed on demand). */
export const mettaLexer = new Lexer(METTA_TOKENS, {
  positionTracking: 'onlyOffset',
  ensureOptimizations: true,
});

/** Tokens of one stretch of the input; token offsets are relative to `base`. */
export interface TokenChunk {
  /** Offset (UTF-16 units) of the chunk in the whole text. */
  readonly base: number;
  readonly tokens: IToken[];
}

/**
 * Characters lexed per chunk before it is extended to a line end and a top-level boundary.
 * Small chunks keep token objects short-lived enough to die in the young generation: on a
 * file of 1M facts 16K-character chunks parse about a third faster than 256K ones.
 */
const DEFAULT_CHUNK = 1 << 14;

/**
 * Lexes a text one chunk at a time. Each chunk holds only whole top-level atoms: it is cut
 * after a line feed (no token other than a string spans one) and then back to the end of
 * the last complete top-level atom; the rest is lexed again as part of the next chunk. A
 * chunk with no complete atom (a huge expression or multi-line string) is retried at double
 * the size. The last chunk runs to the end of the text and may end inside an atom, which the
 * parser then reports.
 */
export class ChunkedLexer {
  private pos = 0;

  constructor(
    private readonly text: string,
    private readonly chunkSize: number = DEFAULT_CHUNK,
  ) {}

  /** True when the whole text has been handed out. */
  get done(): boolean {
    return this.pos >= this.text.length;
  }

  /** The next chunk (possibly with no tokens, if it held only whitespace and comments), or null at the end. */
  next(): TokenChunk | null {
    const text = this.text;
    const base = this.pos;
    if (base >= text.length) return null;
    for (let size = this.chunkSize; ; size *= 2) {
      let end = base + size;
      if (end >= text.length) end = text.length;
      else {
        const nl = text.indexOf('\n', end);
        end = nl < 0 ? text.length : nl + 1;
      }
      const slice = base === 0 && end === text.length ? text : text.slice(base, end);
      const tokens = mettaLexer.tokenize(slice).tokens;
      if (end === text.length) {
        this.pos = end;
        return { base, tokens };
      }
      const cut = completeAtomCount(tokens);
      if (cut === tokens.length) {
        this.pos = end;
        return { base, tokens };
      }
      if (cut > 0) {
        this.pos = base + tokens[cut]!.startOffset;
        tokens.length = cut;
        return { base, tokens };
      }
    }
  }
}

/**
 * How many leading tokens form complete top-level items: atoms, and stray `)` (an error the
 * parser reports, after which nothing else is read). An unclosed string is never complete,
 * since its closing quote may lie beyond the lexed text.
 */
function completeAtomCount(tokens: readonly IToken[]): number {
  let depth = 0;
  let complete = 0;
  for (let i = 0; i < tokens.length; i++) {
    const type = tokens[i]!.tokenType;
    if (type === LParen) depth++;
    else if (type === RParen) {
      if (depth > 0) depth--;
      if (depth === 0) complete = i + 1;
    } else if (type === UnclosedString) return complete;
    else if (depth === 0) complete = i + 1;
  }
  return complete;
}

/** Why a string literal could not be decoded, and where (offset of the backslash in the image). */
export interface EscapeFailure {
  readonly reason: 'Invalid escape sequence' | 'Escaping sequence is not finished';
  readonly offset: number;
}

/**
 * The content of a string literal image (`"..."`, or `"...` when `closed` is false) with its
 * escapes applied: `\" \' \\ \n \r \t`, `\xHH` (two hex digits, at most 0x7F) and `\u{H...}`
 * (up to 8 hex digits naming a Unicode scalar value). The reference's quirks are kept: extra
 * `{` inside `\u{...}` are skipped and `\u{}` is NUL. Returns an {@link EscapeFailure} for the
 * first bad escape; a lone backslash at the very end of an unclosed literal is "not finished".
 */
export function decodeStringImage(image: string, closed: boolean): string | EscapeFailure {
  const end = closed ? image.length - 1 : image.length;
  let slash = image.indexOf('\\', 1);
  if (slash < 0 || slash >= end) return image.slice(1, end);
  let out = '';
  let from = 1;
  while (slash >= 0 && slash < end) {
    out += image.slice(from, slash);
    let i = slash + 1;
    if (i >= end) return { reason: 'Escaping sequence is not finished', offset: slash };
    const c = image[i++]!;
    let decoded: string | undefined;
    switch (c) {
      case '"':
      case "'":
      case '\\':
        decoded = c;
        break;
      case 'n':
        decoded = '\n';
        break;
      case 'r':
        decoded = '\r';
        break;
      case 't':
        decoded = '\t';
        break;
      case 'x': {
        const hi = i < end ? hexDigit(image.charCodeAt(i)) : -1;
        const lo = i + 1 < end ? hexDigit(image.charCodeAt(i + 1)) : -1;
        i += 2;
        const code = hi * 16 + lo;
        if (hi >= 0 && lo >= 0 && code <= 0x7f) decoded = String.fromCharCode(code);
        break;
      }
      case 'u': {
        const r = decodeUnicodeEscape(image, i, end);
        if (r !== undefined) {
          decoded = r.text;
          i = r.next;
        }
        break;
      }
    }
    if (decoded === undefined) return { reason: 'Invalid escape sequence', offset: slash };
    out += decoded;
    from = i;
    slash = image.indexOf('\\', i);
  }
  return out + image.slice(from, end);
}

/** Decodes `{H...}` at `i`; undefined when malformed or not a Unicode scalar value. */
function decodeUnicodeEscape(image: string, i: number, end: number): { text: string; next: number } | undefined {
  if (i >= end || image[i] !== '{') return undefined;
  i++;
  let value = 0;
  let digits = 0;
  for (;;) {
    if (i >= end) return undefined;
    const code = image.charCodeAt(i++);
    if (code === 0x7b /* { */) continue;
    if (code === 0x7d /* } */) break;
    if (++digits > 8) return undefined;
    const d = hexDigit(code);
    if (d < 0) return undefined;
    value = value * 16 + d;
  }
  if (value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) return undefined;
  return { text: String.fromCodePoint(value), next: i };
}

function hexDigit(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 102) return code - 87;
  if (code >= 65 && code <= 70) return code - 55;
  return -1;
}

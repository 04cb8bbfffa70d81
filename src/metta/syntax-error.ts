/**
 * Parse errors of MeTTa source text and the source positions they point at.
 *
 * The error's {@link MettaSyntaxError.reason} (also its `message`) is the reference's own text
 * (§1.4), since programs and tests compare it; the position and the caret display are
 * Rhizome's additions for people.
 *
 * @module
 */

/** A place in source text. `line` and `column` are 1-based; columns count Unicode characters. */
export interface SourcePosition {
  /** Offset in the text, in UTF-16 code units (JS string indices). */
  readonly offset: number;
  /** Line number, counted from 1. */
  readonly line: number;
  /** Column number, counted from 1 in Unicode characters (a surrogate pair is one column). */
  readonly column: number;
}

/** Where an error is: its position, the file, and the text of its line. */
export interface SyntaxErrorLocation extends SourcePosition {
  /** The file the text came from, as given to the parser; undefined for text from no file. */
  readonly file: string | undefined;
  /** The whole source line the position is on, without its line terminator. */
  readonly sourceLine: string;
}

/** Shown instead of a file name when the text came from no file. */
const NO_FILE = '<input>';

/** Longest source line shown whole by {@link MettaSyntaxError.format}. */
const MAX_SHOWN_LINE = 160;

/** A syntax error in MeTTa text, with the position it was found at. */
export class MettaSyntaxError extends Error {
  /** Always `'MettaSyntaxError'`: recognises the error where `instanceof` cannot (across bundles, say). */
  override readonly name = 'MettaSyntaxError';
  /** The file the text came from, as given to the parser (`RunOptions.file`); undefined for text from no file. */
  readonly file: string | undefined;
  /** Line of the error, counted from 1. */
  readonly line: number;
  /** Column of the error, counted from 1 in Unicode characters; {@link format} puts its caret there. */
  readonly column: number;
  /** Offset of the error in the text (UTF-16 code units). */
  readonly offset: number;
  /** The text of the line the error is on. */
  readonly sourceLine: string;
  /** The reference's message, e.g. "Unexpected right bracket", "Unclosed String Literal". */
  readonly reason: string;
  /** What was expected there, in words (undefined when nothing in particular). */
  readonly expected: string | undefined;

  constructor(reason: string, location: SyntaxErrorLocation, expected?: string) {
    super(reason);
    this.reason = reason;
    this.expected = expected;
    this.file = location.file;
    this.line = location.line;
    this.column = location.column;
    this.offset = location.offset;
    this.sourceLine = location.sourceLine;
  }

  /**
   * Text for users: `file:line:col: error: <reason> (expected ...)`, then the source line,
   * then a caret under the column. Very long lines are shown as an excerpt around the column.
   */
  format(): string {
    const head =
      `${this.file ?? NO_FILE}:${this.line}:${this.column}: error: ${this.reason}` +
      (this.expected === undefined ? '' : ` (expected ${this.expected})`);
    const chars = [...this.sourceLine];
    let from = 0;
    let to = chars.length;
    if (chars.length > MAX_SHOWN_LINE) {
      from = Math.max(0, this.column - 1 - MAX_SHOWN_LINE / 2);
      to = Math.min(chars.length, from + MAX_SHOWN_LINE);
    }
    const shown = (from > 0 ? '…' : '') + chars.slice(from, to).join('') + (to < chars.length ? '…' : '');
    // Tabs are kept in the padding so the caret lines up however tabs are displayed.
    const pad = (from > 0 ? ' ' : '') + chars.slice(from, this.column - 1).map((c) => (c === '\t' ? '\t' : ' ')).join('');
    return `${head}\n${shown}\n${pad}^`;
  }
}

/**
 * Lines and columns of a text, computed on demand: the line-start table is built on the first
 * query, so parsing a text whose positions are never asked for pays nothing.
 */
export class LineIndex {
  private starts: number[] | undefined;

  constructor(readonly text: string) {}

  /** The 1-based line and column of an offset (columns count code points). */
  position(offset: number): SourcePosition {
    const starts = this.lineStarts();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { offset, line: lo + 1, column: 1 + codePointCount(this.text, starts[lo]!, offset) };
  }

  /** The text of a 1-based line, without its terminator (`\n` or `\r\n`). */
  lineText(line: number): string {
    const starts = this.lineStarts();
    const start = starts[line - 1] ?? this.text.length;
    let end = line < starts.length ? starts[line]! - 1 : this.text.length;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return this.text.slice(start, end);
  }

  /** Everything an error at `offset` needs to show where it is. */
  locate(offset: number, file: string | undefined): SyntaxErrorLocation {
    const pos = this.position(offset);
    return { ...pos, file, sourceLine: this.lineText(pos.line) };
  }

  private lineStarts(): number[] {
    if (this.starts === undefined) {
      const starts = [0];
      const text = this.text;
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.starts = starts;
    }
    return this.starts;
  }
}

/** Number of code points in `text[from, to)` (a surrogate pair counts once). */
export function codePointCount(text: string, from: number, to: number): number {
  let n = to - from;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff && i > from) {
      const p = text.charCodeAt(i - 1);
      if (p >= 0xd800 && p <= 0xdbff) n--;
    }
  }
  return n;
}

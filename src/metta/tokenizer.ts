/**
 * The Tokenizer (spec §1.2): the table that turns word and string tokens into atoms.
 *
 * It is an ordered list of (pattern, constructor) entries searched from the most recent
 * registration backwards; the first pattern that matches the whole token wins. A token no
 * pattern matches is left to the caller (which makes a Symbol of it).
 *
 * "Whole token" follows the reference (Rust `Regex::find_at(token, 0)`): the regex's
 * leftmost-first match must start at 0 and end at the token's end. A sticky regex tried at
 * offset 0 finds exactly that match, so `a|ab` does not accept `ab` (its first alternative
 * wins at offset 0 and ends early), unlike an anchored `^(?:a|ab)$`.
 *
 * Patterns without regex metacharacters (operator names like `match` or `\+`, `&self`) are
 * kept in a hash map instead of being run as regexes, so a table of hundreds of operations
 * costs a map lookup plus the few real regexes per token.
 *
 * @module
 */
import type { Atom } from '../atomspace/atom.js';
import { FALSE, int, float, str, TRUE } from '../atomspace/values.js';

/**
 * Makes an atom from a token's text. May throw an `Error`: the parse then fails with the
 * reason `byte range = (<start>..<end>) | <message>`.
 */
export type TokenConstructor = (token: string) => Atom;

/** One registration. Exactly one of `literal` and `regex` is set. */
interface TokenEntry {
  /** The token text this entry accepts, when its pattern has no metacharacters. */
  readonly literal: string | undefined;
  /** The compiled sticky regex otherwise. */
  readonly regex: RegExp | undefined;
  readonly ctor: TokenConstructor;
}

/** An ordered, overridable table from token patterns to atom constructors. */
export class Tokenizer {
  /** Every entry in registration order (later = higher priority). */
  private readonly entries: TokenEntry[] = [];
  /** For each literal, the index of its latest entry. */
  private readonly literals = new Map<string, number>();
  /** Indices of regex entries, increasing. */
  private readonly regexIndices: number[] = [];

  /**
   * Adds an entry; it takes priority over every earlier one. A string pattern is a regex used
   * verbatim (so the name given to `bind!` is a regex: `a+b` means "a, one or more times,
   * then b"). Patterns use JavaScript regex syntax, with the `u` flag where the pattern
   * allows it; a leading inline flag group `(?i)`, `(?m)`, `(?s)` (as in Rust) is honoured.
   * Throws an `Error` when the pattern is not a valid regex.
   */
  register(pattern: RegExp | string, ctor: TokenConstructor): void {
    this.add({ ...compilePattern(pattern), ctor });
  }

  /** Registers a pattern whose tokens all stand for one constant atom. */
  registerAtom(pattern: RegExp | string, atom: Atom): void {
    this.register(pattern, () => atom);
  }

  /**
   * The atom for a token, made by the highest-priority entry that matches the whole token;
   * undefined when no entry matches. Exceptions of the constructor propagate.
   */
  lookup(token: string): Atom | undefined {
    const literal = this.literals.get(token) ?? -1;
    const indices = this.regexIndices;
    for (let k = indices.length - 1; k >= 0; k--) {
      const i = indices[k]!;
      if (i < literal) break;
      const entry = this.entries[i]!;
      const re = entry.regex!;
      re.lastIndex = 0;
      // After a sticky match lastIndex is where the match ended.
      if (re.test(token) && re.lastIndex === token.length) return entry.ctor(token);
    }
    return literal >= 0 ? this.entries[literal]!.ctor(token) : undefined;
  }

  /** An independent copy: later registrations on either side do not affect the other. */
  clone(): Tokenizer {
    const copy = new Tokenizer();
    copy.copyFrom(this);
    return copy;
  }

  /**
   * The exact words this tokenizer knows (tokens registered with a pattern that has no
   * regex metacharacters, such as operation names), each once. Editors and the library
   * reference list the vocabulary from here.
   */
  words(): string[] {
    return [...this.literals.keys()];
  }

  /**
   * A mark of the table as it is now, for {@link rewind}. Registrations only ever add
   * entries, so the number of entries identifies every earlier state of the table.
   */
  mark(): number {
    return this.entries.length;
  }

  /**
   * Forgets every registration made since `mark` was taken, as the REPL's `:undo` does with
   * the tokens of an undone `bind!` or import. Marks taken after `mark` become meaningless.
   * Throws a `RangeError` for a mark this table never had.
   */
  rewind(mark: number): void {
    if (!Number.isInteger(mark) || mark < 0 || mark > this.entries.length) {
      throw new RangeError(`no tokenizer mark ${mark}: the table has ${this.entries.length} entries`);
    }
    if (mark === this.entries.length) return;
    const kept = this.entries.splice(0);
    kept.length = mark;
    this.literals.clear();
    this.regexIndices.length = 0;
    for (const entry of kept) this.add(entry);
  }

  /**
   * Registers all of `other`'s entries here, in their order, after (so above) the entries
   * already present: what importing a module does to the importer's tokenizer.
   */
  copyFrom(other: Tokenizer): void {
    for (const entry of [...other.entries]) this.add(entry);
  }

  private add(entry: TokenEntry): void {
    const index = this.entries.length;
    this.entries.push(entry);
    if (entry.literal !== undefined) this.literals.set(entry.literal, index);
    else this.regexIndices.push(index);
  }
}

const REGEX_META = new Set('\\^$.|?*+()[]{}');
const INLINE_FLAGS = /^\(\?([ims]+)\)/;

/** A pattern as a literal (when it has no metacharacters) or as a sticky regex. */
function compilePattern(pattern: RegExp | string): Pick<TokenEntry, 'literal' | 'regex'> {
  let source: string;
  let flags: string;
  if (typeof pattern === 'string') {
    const inline = INLINE_FLAGS.exec(pattern);
    source = inline === null ? pattern : pattern.slice(inline[0].length);
    flags = inline === null ? '' : [...new Set(inline[1]!)].join('');
  } else {
    source = pattern.source;
    flags = pattern.flags.replace(/[gyd]/g, '');
  }
  if (!flags.includes('i')) {
    const literal = literalOf(source);
    if (literal !== undefined) return { literal, regex: undefined };
  }
  return { literal: undefined, regex: compileSticky(source, flags) };
}

function compileSticky(source: string, flags: string): RegExp {
  if (!flags.includes('u') && !flags.includes('v')) {
    // Unicode mode makes `.` and classes work on code points, as Rust's regexes do; patterns
    // that are only valid without it (e.g. `\-` outside a class) are compiled without.
    try {
      return new RegExp(source, flags + 'uy');
    } catch {
      // fall through
    }
  }
  try {
    return new RegExp(source, flags + 'y');
  } catch (e) {
    throw new Error(`Invalid token pattern /${source}/: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * The text a pattern matches when it is a plain literal: no metacharacters except escapes of
 * punctuation (`\+`, `\-`, `\*`). Undefined for a real regex.
 */
function literalOf(source: string): string | undefined {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (!REGEX_META.has(c)) {
      out += c;
      continue;
    }
    if (c !== '\\') return undefined;
    const next = source[i + 1];
    if (next === undefined || /[0-9A-Za-z]/.test(next) || next.charCodeAt(0) > 0x7f) return undefined;
    out += next;
    i++;
  }
  return out;
}

const I64_MAX = 9223372036854775807n;

/**
 * An Integer from a token of the integer pattern, exactly as Rust's `i64::from_str` reads
 * it (the pattern's `\d` is Unicode, so non-ASCII digits reach here and are rejected the same
 * way): digits are checked and accumulated left to right and the first problem is reported.
 */
export function parseIntegerToken(token: string): Atom {
  if (token.length <= 15 && /^[+-]?[0-9]+$/.test(token)) return int(Number(token));
  const negative = token[0] === '-';
  const start = token[0] === '-' || token[0] === '+' ? 1 : 0;
  const fail = (why: string): never => {
    throw new Error(`Could not parse integer: '${token}', ${why}`);
  };
  if (start === token.length) fail('invalid digit found in string');
  let value = 0n;
  for (let i = start; i < token.length; i++) {
    const d = token.charCodeAt(i) - 48;
    if (d < 0 || d > 9) fail('invalid digit found in string');
    value = value * 10n + BigInt(d);
    if (negative ? value > I64_MAX + 1n : value > I64_MAX) {
      fail(negative ? 'number too small to fit in target type' : 'number too large to fit in target type');
    }
  }
  return int(negative ? -value : value);
}

/**
 * A Float from a token of one of the float patterns, as Rust's `f64::from_str` reads it:
 * ASCII forms are read with correct rounding (overflow gives infinity); non-ASCII digits
 * are rejected.
 */
export function parseFloatToken(token: string): Atom {
  if (!/^[+-]?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$/.test(token)) {
    throw new Error(`Could not parse float: '${token}', invalid float literal`);
  }
  return float(Number(token));
}

/**
 * Registers the standard value tokens of corelib: Integer (`[\-\+]?\d+`), Float
 * (`[\-\+]?\d+\.\d+` and `[\-\+]?\d+(\.\d+)?[eE][\-\+]?\d+`), `True`/`False`, and strings
 * (`"..."`, quotes stripped; escapes were applied by the parser). `\d` is Unicode, as in the
 * reference. Operations and `&self` are registered by the runner.
 */
export function registerStandardTokens(t: Tokenizer): void {
  t.register(/[\-\+]?\p{Nd}+/u, parseIntegerToken);
  t.register(/[\-\+]?\p{Nd}+\.\p{Nd}+/u, parseFloatToken);
  t.register(/[\-\+]?\p{Nd}+(\.\p{Nd}+)?[eE][\-\+]?\p{Nd}+/u, parseFloatToken);
  // `True|False` as two literals: the same whole-token matches, found by a map lookup.
  t.registerAtom('True', TRUE);
  t.registerAtom('False', FALSE);
  t.register(/^".*"$/su, (token) => str(token.slice(1, -1)));
}

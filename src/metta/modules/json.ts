/**
 * The `json` built-in module (§5.14): `json-encode` and `json-decode` between atoms and
 * JSON text, plus the MeTTa-level dictionary helpers `dict-space`, `get-keys`, `get-value`.
 *
 * The mapping is the reference's: numbers, booleans and strings map to themselves,
 * expressions to arrays, dictionary spaces (spaces holding only `(<String key> <value>)`
 * pairs) to objects, the symbol `null` to `null`, other symbols to `"sym!:<name>"` and
 * variables to `"var!:<name>"`. Output is formatted like the reference's `serde_json`
 * (`[1, 2]` with a space after commas, floats in `ryu` form), and decoding errors carry
 * `serde_json`'s messages with line and column.
 *
 * One reference quirk is kept on purpose: a decoded JSON string that is not a symbol or a
 * variable becomes a String atom holding the string's JSON form, quotes and escapes
 * included (`json-decode "\"hi\""` gives the MeTTa string `"\"hi\""`).
 *
 * @module
 */
import { exprOf, sym, v, type Atom } from '../../atomspace/atom.js';
import { formatAtom } from '../../atomspace/format.js';
import { formatString } from '../../atomspace/format-values.js';
import { GroundingSpace } from '../../atomspace/grounding-space.js';
import type { Space } from '../../atomspace/space.js';
import { SpaceAtom } from '../../atomspace/space-atom.js';
import { BoolAtom, FloatAtom, IntAtom, STRING_TYPE, StringAtom, bool, float, int, normInt, str, type IntValue } from '../../atomspace/values.js';
import { GroundedOp, MettaRuntimeError } from '../grounded.js';
import { spaceAtomOf } from '../space-atoms.js';
import { compareCodePoints } from '../stdlib/text.js';
import { ATOM_TYPE, arrow } from '../stdlib/types-helper.js';

/** UTF-8 lengths for error columns (the reference counts bytes). */
const utf8 = new TextEncoder();

/** How the module reaches spaces: it makes them for objects and reads them for encoding. */
export interface JsonSpaces {
  /** A fresh, empty in-memory space. */
  newSpace(): Space;
  /** The atom that stands for `space`. */
  spaceAtom(space: Space): Atom;
  /** The space behind a space atom; undefined for any other atom. */
  spaceOf(atom: Atom): Space | undefined;
}

/** In-memory grounding spaces behind the shared space atoms. */
export const DEFAULT_JSON_SPACES: JsonSpaces = {
  newSpace: () => new GroundingSpace(),
  spaceAtom: spaceAtomOf,
  spaceOf: (atom) => (atom instanceof SpaceAtom ? atom.space : undefined),
};

// ---------------------------------------------------------------------------------------
// Encoding

/**
 * A finite double as `serde_json` writes it (the `ryu` format): shortest round-trip digits,
 * plain notation for 1e-5 <= |x| < 1e16 (`0.00001`, `1.0`, `1234.5`), exponent notation
 * outside it (`1e16`, `1.5e-7`). Non-finite values are written as `null`.
 */
export function formatJsonFloat(x: number): string {
  if (!Number.isFinite(x)) return 'null';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  const [mantissa, expText] = Math.abs(x).toExponential().split('e') as [string, string];
  const digits = mantissa.replace('.', '');
  // The value is 0.d1d2…dn × 10^point.
  const point = Number(expText) + 1;
  const n = digits.length;
  let body: string;
  if (point >= n && point <= 16) body = digits + '0'.repeat(point - n) + '.0';
  else if (point > 0 && point <= 16) body = digits.slice(0, point) + '.' + digits.slice(point);
  else if (point > -5 && point <= 0) body = '0.' + '0'.repeat(-point) + digits;
  else body = (n === 1 ? digits : digits[0] + '.' + digits.slice(1)) + 'e' + (point - 1);
  return sign + body;
}

const NOT_A_DICTIONARY =
  'Input space must be a dictionary space consists of key-value pairs only or empty space. Use dict-space function';

/** The JSON text for an atom, or a runtime error for atoms JSON cannot express. */
export function encodeJson(atom: Atom, spaces: JsonSpaces): string {
  switch (atom.kind) {
    case 'expression':
      return '[' + atom.children.map((c) => encodeJson(c, spaces)).join(', ') + ']';
    case 'symbol':
      return atom.name === 'null' ? 'null' : JSON.stringify('sym!:' + atom.name);
    case 'variable':
      return JSON.stringify('var!:' + (atom.id === 0 ? atom.name : `${atom.name}#${atom.id}`));
    case 'grounded': {
      if (atom instanceof IntAtom) return String(atom.value);
      if (atom instanceof FloatAtom) return formatJsonFloat(atom.value);
      const space = spaces.spaceOf(atom);
      if (space !== undefined) return encodeDictionary(space, spaces);
      if (atom instanceof BoolAtom) return atom.value ? 'true' : 'false';
      if (atom instanceof StringAtom) return JSON.stringify(atom.value);
      throw new MettaRuntimeError(`Encode failed for atom (unsupported type): ${formatAtom(atom)}`);
    }
  }
}

function encodeDictionary(space: Space, spaces: JsonSpaces): string {
  const entries: string[] = [];
  for (const pair of space.atoms()) {
    if (pair.kind !== 'expression' || pair.children.length !== 2) throw new MettaRuntimeError(NOT_A_DICTIONARY);
    const [key, value] = pair.children as [Atom, Atom];
    if (!(key instanceof StringAtom)) throw new MettaRuntimeError('Key/value pair is expected, key must be a string');
    // The key is written in the String's display form, which is JSON for ordinary text.
    entries.push(formatString(key.value) + ':' + encodeJson(value, spaces));
  }
  return '{' + entries.join(', ') + '}';
}

// ---------------------------------------------------------------------------------------
// Parsing

/** A parsed JSON value; integers keep the distinctions `serde_json` makes. */
export type JsonValue =
  | { readonly kind: 'null' }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'int'; readonly value: IntValue }
  /** A non-negative integer above i64::MAX that still fits u64. */
  | { readonly kind: 'u64' }
  | { readonly kind: 'float'; readonly value: number }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'array'; readonly items: readonly JsonValue[] }
  | { readonly kind: 'object'; readonly entries: ReadonlyMap<string, JsonValue> };

/** A JSON syntax error with `serde_json`'s wording, e.g. `expected value at line 1 column 1`. */
export class JsonSyntaxError extends Error {}

const MAX_DEPTH = 128;
const U64_MAX = 2n ** 64n - 1n;
const I64_MAX = 2n ** 63n - 1n;

class JsonParser {
  private i = 0;
  private depth = 0;
  constructor(private readonly text: string) {}

  parseDocument(): JsonValue {
    const value = this.parseValue();
    this.skipWhitespace();
    if (this.i < this.text.length) this.failAt('trailing characters', this.i);
    return value;
  }

  /** Fails with the column just past the text before `end`. */
  private fail(message: string, end: number): never {
    throw new JsonSyntaxError(`${message} at ${this.location(end)}`);
  }

  /** Fails at the character at `index`: the column counts that character. */
  private failAt(message: string, index: number): never {
    return this.fail(message, Math.min(index + 1, this.text.length));
  }

  /** Fails at the end of the input. */
  private failAtEnd(message: string): never {
    return this.fail(message, this.text.length);
  }

  /** `line L column C` for the text before `end`; the column counts UTF-8 bytes. */
  private location(end: number): string {
    let line = 1;
    let lineStart = 0;
    for (let k = 0; k < end; k++) {
      if (this.text.charCodeAt(k) === 0x0a) {
        line++;
        lineStart = k + 1;
      }
    }
    return `line ${line} column ${utf8.encode(this.text.slice(lineStart, end)).length}`;
  }

  private skipWhitespace(): void {
    const t = this.text;
    while (this.i < t.length) {
      const c = t.charCodeAt(this.i);
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
      this.i++;
    }
  }

  private parseValue(): JsonValue {
    this.skipWhitespace();
    if (this.i >= this.text.length) this.failAtEnd('EOF while parsing a value');
    const c = this.text[this.i]!;
    switch (c) {
      case 'n':
        return this.parseWord('null', { kind: 'null' });
      case 't':
        return this.parseWord('true', { kind: 'bool', value: true });
      case 'f':
        return this.parseWord('false', { kind: 'bool', value: false });
      case '"':
        this.i++;
        return { kind: 'string', value: this.parseString() };
      case '[':
        return this.parseArray();
      case '{':
        return this.parseObject();
      default:
        if (c === '-' || (c >= '0' && c <= '9')) return this.parseNumber();
        return this.failAt('expected value', this.i);
    }
  }

  private parseWord(word: string, value: JsonValue): JsonValue {
    for (let k = 0; k < word.length; k++) {
      if (this.i + k >= this.text.length) this.failAtEnd('EOF while parsing a value');
      if (this.text[this.i + k] !== word[k]) this.failAt('expected ident', this.i + k);
    }
    this.i += word.length;
    return value;
  }

  private enter(): void {
    if (++this.depth >= MAX_DEPTH) this.failAt('recursion limit exceeded', this.i);
  }

  private parseArray(): JsonValue {
    this.enter();
    this.i++;
    const items: JsonValue[] = [];
    this.skipWhitespace();
    if (this.i >= this.text.length) this.failAtEnd('EOF while parsing a list');
    if (this.text[this.i] === ']') {
      this.i++;
    } else {
      for (;;) {
        // Input ending right after a comma is reported by parseValue, as serde_json does.
        items.push(this.parseValue());
        this.skipWhitespace();
        if (this.i >= this.text.length) this.failAtEnd('EOF while parsing a list');
        const c = this.text[this.i];
        if (c === ']') {
          this.i++;
          break;
        }
        if (c !== ',') this.failAt('expected `,` or `]`', this.i);
        this.i++;
        this.skipWhitespace();
        if (this.text[this.i] === ']') this.failAt('trailing comma', this.i);
      }
    }
    this.depth--;
    return { kind: 'array', items };
  }

  private parseObject(): JsonValue {
    this.enter();
    this.i++;
    // serde_json's default map is ordered by key, and a repeated key keeps its last value.
    const entries = new Map<string, JsonValue>();
    this.skipWhitespace();
    if (this.i >= this.text.length) this.failAtEnd('EOF while parsing an object');
    if (this.text[this.i] === '}') {
      this.i++;
    } else {
      for (;;) {
        this.skipWhitespace();
        if (this.i >= this.text.length) this.failAtEnd('EOF while parsing a value');
        if (this.text[this.i] !== '"') this.failAt('key must be a string', this.i);
        this.i++;
        const key = this.parseString();
        this.skipWhitespace();
        if (this.i >= this.text.length) this.failAtEnd('EOF while parsing an object');
        if (this.text[this.i] !== ':') this.failAt('expected `:`', this.i);
        this.i++;
        entries.set(key, this.parseValue());
        this.skipWhitespace();
        if (this.i >= this.text.length) this.failAtEnd('EOF while parsing an object');
        const c = this.text[this.i];
        if (c === '}') {
          this.i++;
          break;
        }
        if (c !== ',') this.failAt('expected `,` or `}`', this.i);
        this.i++;
        this.skipWhitespace();
        if (this.text[this.i] === '}') this.failAt('trailing comma', this.i);
      }
    }
    this.depth--;
    const sorted = new Map([...entries].sort(([a], [b]) => compareCodePoints(a, b)));
    return { kind: 'object', entries: sorted };
  }

  /** The rest of a string whose opening quote was consumed. */
  private parseString(): string {
    const t = this.text;
    let out = '';
    for (;;) {
      let j = this.i;
      while (j < t.length) {
        const c = t.charCodeAt(j);
        if (c === 0x22 || c === 0x5c || c < 0x20) break;
        j++;
      }
      out += t.slice(this.i, j);
      this.i = j;
      if (j >= t.length) this.failAtEnd('EOF while parsing a string');
      const c = t.charCodeAt(j);
      if (c === 0x22) {
        this.i++;
        return out;
      }
      if (c < 0x20) this.failAt('control character (\\u0000-\\u001F) found while parsing a string', j);
      out += this.parseEscape();
    }
  }

  private parseEscape(): string {
    const t = this.text;
    this.i++; // the backslash
    if (this.i >= t.length) this.failAtEnd('EOF while parsing a string');
    const e = t[this.i]!;
    this.i++;
    switch (e) {
      case '"':
        return '"';
      case '\\':
        return '\\';
      case '/':
        return '/';
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'u':
        return this.parseUnicodeEscape();
      default:
        return this.failAt('invalid escape', this.i - 1);
    }
  }

  private hex4(): number {
    const t = this.text;
    let n = 0;
    for (let k = 0; k < 4; k++) {
      if (this.i >= t.length) this.failAtEnd('EOF while parsing a string');
      const d = parseInt(t[this.i]!, 16);
      if (Number.isNaN(d)) this.failAt('invalid escape', this.i);
      n = n * 16 + d;
      this.i++;
    }
    return n;
  }

  private parseUnicodeEscape(): string {
    const first = this.hex4();
    if (first >= 0xdc00 && first <= 0xdfff) this.failAt('invalid unicode code point', this.i - 1);
    if (first < 0xd800 || first > 0xdbff) return String.fromCharCode(first);
    const t = this.text;
    if (t[this.i] !== '\\' || t[this.i + 1] !== 'u') this.failAt('lone leading surrogate in hex escape', this.i - 1);
    this.i += 2;
    const second = this.hex4();
    if (second < 0xdc00 || second > 0xdfff) this.failAt('invalid unicode code point', this.i - 1);
    return String.fromCharCode(first, second);
  }

  private parseNumber(): JsonValue {
    const t = this.text;
    const start = this.i;
    const isDigit = (k: number) => k < t.length && t.charCodeAt(k) >= 0x30 && t.charCodeAt(k) <= 0x39;
    if (t[this.i] === '-') this.i++;
    if (this.i >= t.length) this.failAtEnd('EOF while parsing a value');
    if (t[this.i] === '0') {
      this.i++;
      if (isDigit(this.i)) this.failAt('invalid number', this.i);
    } else if (isDigit(this.i)) {
      while (isDigit(this.i)) this.i++;
    } else {
      this.failAt('invalid number', this.i);
    }
    let integral = true;
    if (t[this.i] === '.') {
      integral = false;
      this.i++;
      this.requireDigit();
      while (isDigit(this.i)) this.i++;
    }
    if (t[this.i] === 'e' || t[this.i] === 'E') {
      integral = false;
      this.i++;
      if (t[this.i] === '+' || t[this.i] === '-') this.i++;
      this.requireDigit();
      while (isDigit(this.i)) this.i++;
    }
    const literal = t.slice(start, this.i);
    if (integral) {
      const n = BigInt(literal);
      if (n >= 0n && n <= U64_MAX) return n > I64_MAX ? { kind: 'u64' } : { kind: 'int', value: normInt(n) };
      if (n < 0n && n >= -(I64_MAX + 1n)) return { kind: 'int', value: normInt(n) };
      // Integers beyond 64 bits are read as floats.
    }
    const value = Number(literal);
    if (!Number.isFinite(value)) this.fail('number out of range', this.i);
    return { kind: 'float', value };
  }

  private requireDigit(): void {
    if (this.i >= this.text.length) this.failAtEnd('EOF while parsing a value');
    const c = this.text.charCodeAt(this.i);
    if (c < 0x30 || c > 0x39) this.failAt('invalid number', this.i);
  }
}

/** Parses JSON text; throws {@link JsonSyntaxError} with `serde_json`'s message. */
export function parseJson(text: string): JsonValue {
  return new JsonParser(text).parseDocument();
}

// ---------------------------------------------------------------------------------------
// Decoding

/** The atom for a parsed JSON value (objects become new dictionary spaces). */
export function jsonToAtom(value: JsonValue, spaces: JsonSpaces): Atom {
  switch (value.kind) {
    case 'null':
      return sym('null');
    case 'bool':
      return bool(value.value);
    case 'int':
      return int(value.value);
    case 'u64':
      throw new MettaRuntimeError('Currently u64 type is not supported');
    case 'float':
      return float(value.value);
    case 'string': {
      // The reference inspects the string's JSON form, quotes included, and keeps that
      // form for plain strings.
      const json = JSON.stringify(value.value);
      if (json.startsWith('"sym!:')) return sym(json.slice(6, -1));
      if (json.startsWith('"var!:')) return v(json.slice(6, -1));
      return str(json);
    }
    case 'array':
      return exprOf(value.items.map((item) => jsonToAtom(item, spaces)));
    case 'object': {
      const space = spaces.newSpace();
      for (const [key, item] of value.entries) space.add(exprOf([str(key), jsonToAtom(item, spaces)]));
      return spaces.spaceAtom(space);
    }
  }
}

function jsonEncode(spaces: JsonSpaces): GroundedOp {
  return new GroundedOp('json-encode', arrow(ATOM_TYPE, STRING_TYPE), (args) => {
    const atom = args[0];
    if (atom === undefined) throw new MettaRuntimeError('json-encode expects atom to encode as input');
    return [str(encodeJson(atom, spaces))];
  });
}

function jsonDecode(spaces: JsonSpaces): GroundedOp {
  return new GroundedOp('json-decode', arrow(STRING_TYPE, ATOM_TYPE), (args) => {
    const text = args[0];
    if (!(text instanceof StringAtom)) throw new MettaRuntimeError('json-decode expects string to decode as input');
    let parsed: JsonValue;
    try {
      parsed = parseJson(text.value);
    } catch (e) {
      if (e instanceof JsonSyntaxError) throw new MettaRuntimeError(`Failed to decode string. Reason: ${e.message}`);
      throw e;
    }
    return [jsonToAtom(parsed, spaces)];
  });
}

/**
 * The `json` module's operations: `json-encode` `(-> Atom String)` and `json-decode`
 * `(-> String Atom)`. No tokens; its MeTTa-level helpers are in {@link JSON_MODULE_METTA}.
 */
export function jsonModule(spaces: JsonSpaces = DEFAULT_JSON_SPACES): { ops: GroundedOp[]; tokens: Array<[string, Atom]> } {
  return { ops: [jsonEncode(spaces), jsonDecode(spaces)], tokens: [] };
}

/**
 * MeTTa source of the module: the dictionary helpers and the documentation atoms.
 * `dict-space` `(-> Expression Grounded)` builds a space from `((key value) …)` pairs (the
 * pairs are evaluated, as `add-reducts` does); `get-keys` `(-> Grounded Expression)`
 * answers every key as an alternative; `get-value` `(-> Grounded Atom %Undefined%)` answers
 * the values stored under a key, nothing when it is absent.
 */
export const JSON_MODULE_METTA = `
(@doc dict-space
  (@desc "Makes a new space holding the given key-value pairs, a dictionary that json-encode writes as a JSON object")
  (@params (
    (@param "Expression of (key value) pairs; keys are Strings")))
  (@return "The new space"))
(: dict-space (-> Expression Grounded))
(= (dict-space $pairs)
   (let $dict (new-space)
     (let () (add-reducts $dict $pairs) $dict)))

(@doc get-keys
  (@desc "Lists the keys of a dictionary space")
  (@params (
    (@param "Dictionary space")))
  (@return "Each key of the space, as a separate result"))
(: get-keys (-> Grounded Expression))
(= (get-keys $dict) (match $dict ($key $_) $key))

(@doc get-value
  (@desc "Looks a key up in a dictionary space")
  (@params (
    (@param "Dictionary space")
    (@param "Key")))
  (@return "The value stored under the key; no result when the key is absent"))
(: get-value (-> Grounded Atom %Undefined%))
(= (get-value $dict $key) (match $dict ($key $value) $value))

(@doc json-encode
  (@desc "Writes an atom as JSON text: numbers, Bools and Strings as themselves, expressions as arrays, dictionary spaces as objects, the symbol null as null, other symbols as \\"sym!:<name>\\" and variables as \\"var!:<name>\\"")
  (@params (
    (@param "Atom to encode")))
  (@return "JSON text (String)"))

(@doc json-decode
  (@desc "Reads JSON text back into atoms: arrays become expressions, objects become dictionary spaces of (key value) pairs, null becomes the symbol null")
  (@params (
    (@param "JSON text (String)")))
  (@return "The decoded atom"))
`;

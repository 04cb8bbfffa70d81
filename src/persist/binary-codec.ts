/**
 * The binary form of atoms: compact, exact, and readable anywhere (no Node imports; only
 * `Uint8Array`, `DataView`, `TextEncoder` and `TextDecoder`), so a browser build can use it.
 *
 * An atom is written in prefix order, one tag byte per node:
 *
 * | tag | node | followed by |
 * | --- | --- | --- |
 * | 1 | Symbol | name |
 * | 2 | Variable | name, id (varint; 0 for a parsed variable) |
 * | 3 | String | name |
 * | 4 | Expression | arity (varint), then each child |
 * | 5 / 6 | Integer `n` ≥ 0 / < 0, a safe JS number | varint `n` / `-n - 1` |
 * | 7 | Integer held as a `bigint` | 8 bytes, signed, little-endian |
 * | 8 | Integer held as a number that is not a safe integer (or -0) | 8-byte double |
 * | 9 | Float | 8-byte double, little-endian (so NaN, -0 and infinities are kept) |
 * | 10 / 11 | `True` / `False` | — |
 *
 * Varints are unsigned LEB128 of at most 8 bytes. A *name* is a reference into a table of the
 * texts seen so far in the same stream: varint `k` > 0 means the `k`-th text; 0 means a new
 * text follows, as varint `2·bytes` plus UTF-8 bytes, or, for text holding lone surrogates
 * (which UTF-8 cannot carry), varint `2·units + 1` plus UTF-16 code units. Symbols and strings
 * share the table, so a name repeated a million times is stored once.
 *
 * Two containers use it:
 * - a *stream* (a file): the magic `RZAT`, a version byte, the atoms, then tag 0;
 * - a *record* (one atom, as a database value): a mark byte (`0xA0 + version`), then the atom,
 *   with a table of its own.
 *
 * Integers keep their JS representation (number or bigint) and floats their bits, so decoding
 * gives atoms equal to the originals by every test, `Object.is` on the value included. Fresh
 * variables keep their name and id, so `$x#3` and `$x#4` stay distinct. Grounded atoms other
 * than numbers, booleans and strings (operations, spaces, values an application defines) have
 * no binary form: encoding one throws {@link PersistError} naming it. Decoding checks every
 * length and reference against the input, so malformed or truncated bytes give a
 * `PersistError` with the offset, never a `RangeError` or a wrong atom.
 *
 * @module
 */
import { exprOf, sym, v, type Atom, type GroundedAtom, type SymbolAtom, type VariableAtom } from '../atomspace/atom.js';
import { BoolAtom, FloatAtom, IntAtom, StringAtom, int } from '../atomspace/values.js';
import { describeAtom, PersistError } from './persist-error.js';

/** Version of the binary format written by this module (the only one it reads). */
export const BINARY_FORMAT_VERSION = 1;

/** The first four bytes of a stream: "RZAT". */
const MAGIC = [0x52, 0x5a, 0x41, 0x54] as const;
/** The first byte of a record. */
const RECORD_MARK = 0xa0 + BINARY_FORMAT_VERSION;

const END = 0;
const SYMBOL = 1;
const VARIABLE = 2;
const STRING = 3;
const EXPRESSION = 4;
const INT_POS = 5;
const INT_NEG = 6;
const INT_BIG = 7;
const INT_DOUBLE = 8;
const FLOAT = 9;
const TRUE_TAG = 10;
const FALSE_TAG = 11;

const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;
/** A varint never takes more bytes than this (enough for every safe integer). */
const MAX_VARINT_BYTES = 8;

const utf8Encoder = new TextEncoder();
// ignoreBOM keeps a leading U+FEFF as text instead of dropping it as a byte-order mark.
const utf8Decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/** Matches a lone surrogate (a pair is one code point under the `u` flag, so it does not). */
const LONE_SURROGATE = /\p{Cs}/u;

/** Writes atoms into a growing byte buffer. */
class AtomWriter {
  bytes: Uint8Array;
  private view: DataView;
  pos = 0;
  /** Index of each text in the table of the current stream or record. */
  private readonly names = new Map<string, number>();
  /** The same for symbols, by atom: symbols are interned, and an identity lookup is cheaper than hashing text. */
  private readonly symbolRefs = new Map<SymbolAtom, number>();
  /** Atoms still to write, next on top: the walk never recurses, so depth is unlimited. */
  private readonly stack: Atom[] = [];

  constructor(capacity: number) {
    this.bytes = new Uint8Array(capacity);
    this.view = new DataView(this.bytes.buffer);
  }

  /** Forgets the contents and the name table, keeping the buffer. */
  reset(): void {
    this.pos = 0;
    this.names.clear();
    this.symbolRefs.clear();
  }

  byte(b: number): void {
    if (this.pos >= this.bytes.length) this.grow(1);
    this.bytes[this.pos++] = b;
  }

  /** Unsigned LEB128 of a safe non-negative integer. */
  varint(n: number): void {
    if (this.pos + MAX_VARINT_BYTES > this.bytes.length) this.grow(MAX_VARINT_BYTES);
    const b = this.bytes;
    let p = this.pos;
    while (n >= 0x80) {
      // `& 0x7f` works on the low 32 bits, which hold the low 7 bits even above 2^32.
      b[p++] = (n & 0x7f) | 0x80;
      n = Math.floor(n / 128);
    }
    b[p++] = n;
    this.pos = p;
  }

  double(x: number): void {
    if (this.pos + 8 > this.bytes.length) this.grow(8);
    this.view.setFloat64(this.pos, x, true);
    this.pos += 8;
  }

  int64(x: bigint): void {
    if (this.pos + 8 > this.bytes.length) this.grow(8);
    this.view.setBigInt64(this.pos, x, true);
    this.pos += 8;
  }

  /** A symbol's name, looked up by the atom first. */
  symbolName(a: SymbolAtom): void {
    let ref = this.symbolRefs.get(a);
    if (ref === undefined) {
      ref = this.names.get(a.name);
      if (ref === undefined) {
        this.symbolRefs.set(a, this.names.size);
        this.name(a.name);
        return;
      }
      this.symbolRefs.set(a, ref);
    }
    this.varint(ref + 1);
  }

  /** A name: a reference to the table, or a new text added to it. */
  name(s: string): void {
    const known = this.names.get(s);
    if (known !== undefined) {
      this.varint(known + 1);
      return;
    }
    this.names.set(s, this.names.size);
    this.varint(0);
    const n = s.length;
    let ascii = true;
    for (let i = 0; i < n; i++) {
      if (s.charCodeAt(i) >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      this.varint(2 * n);
      if (this.pos + n > this.bytes.length) this.grow(n);
      const b = this.bytes;
      let p = this.pos;
      for (let i = 0; i < n; i++) b[p++] = s.charCodeAt(i);
      this.pos = p;
    } else if (!LONE_SURROGATE.test(s)) {
      const utf8 = utf8Encoder.encode(s);
      this.varint(2 * utf8.length);
      if (this.pos + utf8.length > this.bytes.length) this.grow(utf8.length);
      this.bytes.set(utf8, this.pos);
      this.pos += utf8.length;
    } else {
      this.varint(2 * n + 1);
      if (this.pos + 2 * n > this.bytes.length) this.grow(2 * n);
      const b = this.bytes;
      let p = this.pos;
      for (let i = 0; i < n; i++) {
        const c = s.charCodeAt(i);
        b[p++] = c & 0xff;
        b[p++] = c >>> 8;
      }
      this.pos = p;
    }
  }

  /** Writes one atom, iteratively. */
  atom(root: Atom): void {
    const stack = this.stack;
    stack.length = 0;
    stack.push(root);
    while (stack.length > 0) {
      const a = stack.pop()!;
      switch (a.kind) {
        case 'symbol':
          this.byte(SYMBOL);
          this.symbolName(a);
          break;
        case 'variable':
          if (!Number.isSafeInteger(a.id) || a.id < 0) {
            throw new PersistError(`cannot encode ${describeAtom(a)}: its id is not a non-negative integer`, { atom: a });
          }
          this.byte(VARIABLE);
          this.name(a.name);
          this.varint(a.id);
          break;
        case 'expression': {
          const c = a.children;
          this.byte(EXPRESSION);
          this.varint(c.length);
          for (let i = c.length - 1; i >= 0; i--) stack.push(c[i]!);
          break;
        }
        case 'grounded':
          this.grounded(a);
      }
    }
  }

  private grounded(a: GroundedAtom): void {
    // Exact classes only: a subclass may carry state the built-in form would lose.
    const ctor = a.constructor;
    if (ctor === IntAtom) {
      const x = (a as IntAtom).value;
      if (typeof x === 'bigint') {
        if (x < I64_MIN || x > I64_MAX) {
          throw new PersistError(`cannot encode ${describeAtom(a)}: the integer is outside the signed 64-bit range`, { atom: a });
        }
        this.byte(INT_BIG);
        this.int64(x);
      } else if (Number.isSafeInteger(x) && !Object.is(x, -0)) {
        if (x >= 0) {
          this.byte(INT_POS);
          this.varint(x);
        } else {
          this.byte(INT_NEG);
          this.varint(-x - 1);
        }
      } else {
        this.byte(INT_DOUBLE);
        this.double(x);
      }
    } else if (ctor === FloatAtom) {
      this.byte(FLOAT);
      this.double((a as FloatAtom).value);
    } else if (ctor === BoolAtom) {
      this.byte((a as BoolAtom).value ? TRUE_TAG : FALSE_TAG);
    } else if (ctor === StringAtom) {
      this.byte(STRING);
      this.name((a as StringAtom).value);
    } else {
      throw new PersistError(
        `cannot encode ${describeAtom(a)}: only numbers, booleans and strings among grounded atoms have a binary form`,
        { atom: a },
      );
    }
  }

  private grow(need: number): void {
    let size = this.bytes.length * 2;
    while (size < this.pos + need) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.bytes.subarray(0, this.pos));
    this.bytes = next;
    this.view = new DataView(next.buffer);
  }
}

/**
 * Reads atoms from bytes, checking everything against the input's bounds. One reader can be
 * pointed at new input ({@link AtomReader.load}), so decoding many small records allocates
 * little beyond the atoms themselves.
 */
class AtomReader {
  bytes: Uint8Array = new Uint8Array(0);
  pos = 0;
  end = 0;
  private view: DataView | undefined;
  private readonly names: string[] = [];
  /** The symbol (or string) atom of each table entry, made on first use. */
  private readonly symbols: (SymbolAtom | undefined)[] = [];
  private readonly strings: (StringAtom | undefined)[] = [];
  /** Fresh variables met so far, by `name#id`: one object per variable, as in the original. */
  private readonly variables = new Map<string, VariableAtom>();
  /** Children of the open expressions, innermost last, and how many each still needs. */
  private readonly frames: Atom[][] = [];
  private readonly missing: number[] = [];

  /** Starts reading `bytes` from `start`, with an empty name table. */
  load(bytes: Uint8Array, start: number): this {
    this.bytes = bytes;
    this.pos = start;
    // `length`, not `byteLength`: a database's reused read buffer sets only `length` to the value's size.
    this.end = bytes.length;
    this.view = undefined;
    this.names.length = 0;
    this.symbols.length = 0;
    this.strings.length = 0;
    if (this.variables.size > 0) this.variables.clear();
    return this;
  }

  fail(what: string, at: number = this.pos): never {
    throw new PersistError(`malformed atom data: ${what} at byte ${at}`, { offset: at });
  }

  byte(): number {
    if (this.pos >= this.end) this.fail('unexpected end of data');
    return this.bytes[this.pos++]!;
  }

  varint(): number {
    const at = this.pos;
    let b = this.byte();
    if (b < 0x80) return b;
    let result = b & 0x7f;
    let scale = 128;
    for (let i = 1; ; i++) {
      if (i >= MAX_VARINT_BYTES) this.fail('varint longer than 8 bytes', at);
      b = this.byte();
      result += (b & 0x7f) * scale;
      if (b < 0x80) break;
      scale *= 128;
    }
    if (result > Number.MAX_SAFE_INTEGER) this.fail('varint beyond the safe integer range', at);
    return result;
  }

  /** The view of the input for an 8-byte value, after checking that one is there. */
  private eight(): DataView {
    if (this.end - this.pos < 8) this.fail('8-byte value cut short');
    return (this.view ??= new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength));
  }

  private double(): number {
    const x = this.eight().getFloat64(this.pos, true);
    this.pos += 8;
    return x;
  }

  private int64(): bigint {
    const x = this.eight().getBigInt64(this.pos, true);
    this.pos += 8;
    return x;
  }

  /** A name's index in the table (reading and adding the text when it is new). */
  name(): number {
    const at = this.pos;
    const ref = this.varint();
    if (ref > 0) {
      if (ref > this.names.length) this.fail(`name reference ${ref} beyond the ${this.names.length} names read`, at);
      return ref - 1;
    }
    const head = this.varint();
    const n = Math.floor(head / 2);
    const start = this.pos;
    let text: string;
    if (head % 2 === 0) {
      if (n > this.end - start) this.fail(`text of ${n} bytes runs past the end`, at);
      text = this.utf8(start, start + n);
      this.pos = start + n;
    } else {
      if (n > (this.end - start) / 2) this.fail(`text of ${n} UTF-16 units runs past the end`, at);
      const b = this.bytes;
      const units = new Array<number>(n);
      for (let i = 0; i < n; i++) units[i] = b[start + 2 * i]! | (b[start + 2 * i + 1]! << 8);
      text = stringFromUnits(units);
      this.pos = start + 2 * n;
    }
    this.names.push(text);
    return this.names.length - 1;
  }

  private utf8(start: number, stop: number): string {
    const b = this.bytes;
    if (stop - start <= 64) {
      // Short ASCII names are the common case; building them directly beats a decoder call.
      let s = '';
      let i = start;
      for (; i < stop; i++) {
        const c = b[i]!;
        if (c >= 0x80) break;
        s += String.fromCharCode(c);
      }
      if (i === stop) return s;
    }
    try {
      return utf8Decoder.decode(b.subarray(start, stop));
    } catch {
      return this.fail('invalid UTF-8 text', start);
    }
  }

  /** Reads one atom, iteratively. */
  atom(): Atom {
    const frames = this.frames;
    const missing = this.missing;
    frames.length = 0;
    missing.length = 0;
    for (;;) {
      const at = this.pos;
      const tag = this.byte();
      let atom: Atom;
      switch (tag) {
        case SYMBOL: {
          const i = this.name();
          atom = this.symbols[i] ??= sym(this.names[i]!);
          break;
        }
        case VARIABLE: {
          const name = this.names[this.name()]!;
          const id = this.varint();
          atom = id === 0 ? v(name) : this.variable(name, id);
          break;
        }
        case STRING: {
          const i = this.name();
          atom = this.strings[i] ??= new StringAtom(this.names[i]!);
          break;
        }
        case EXPRESSION: {
          const n = this.varint();
          if (n === 0) {
            atom = exprOf([]);
            break;
          }
          // Every child takes at least one byte, so a larger arity is malformed.
          if (n > this.end - this.pos) this.fail(`arity ${n} exceeds the bytes left`, at);
          frames.push([]);
          missing.push(n);
          continue;
        }
        case INT_POS:
          atom = int(this.varint());
          break;
        case INT_NEG:
          atom = int(-this.varint() - 1);
          break;
        case INT_BIG:
          atom = new IntAtom(this.int64());
          break;
        case INT_DOUBLE:
          atom = new IntAtom(this.double());
          break;
        case FLOAT:
          atom = new FloatAtom(this.double());
          break;
        case TRUE_TAG:
          atom = BoolAtom.TRUE;
          break;
        case FALSE_TAG:
          atom = BoolAtom.FALSE;
          break;
        default:
          return this.fail(`unknown tag ${tag}`, at);
      }
      // Put the atom into its expression, closing every expression it completes.
      for (;;) {
        const depth = frames.length;
        if (depth === 0) return atom;
        const children = frames[depth - 1]!;
        children.push(atom);
        if (--missing[depth - 1]! > 0) break;
        frames.pop();
        missing.pop();
        atom = exprOf(children);
      }
    }
  }

  private variable(name: string, id: number): VariableAtom {
    const key = name + '#' + id;
    let atom = this.variables.get(key);
    if (atom === undefined) {
      atom = { kind: 'variable', name, id };
      this.variables.set(key, atom);
    }
    return atom;
  }
}

function stringFromUnits(units: number[]): string {
  let s = '';
  // Chunked: spreading a huge array into one call would exceed the argument limit.
  for (let i = 0; i < units.length; i += 4096) s += String.fromCharCode(...units.slice(i, i + 4096));
  return s;
}

/** A stream holding `atoms`, in order: header, atoms, end mark. */
export function encodeAtoms(atoms: Iterable<Atom>): Uint8Array {
  const w = new AtomWriter(1024);
  for (const b of MAGIC) w.byte(b);
  w.byte(BINARY_FORMAT_VERSION);
  for (const a of atoms) w.atom(a);
  w.byte(END);
  return w.bytes.slice(0, w.pos);
}

/** The atoms of a stream made by {@link encodeAtoms}. Throws {@link PersistError} on bad input. */
export function decodeAtoms(bytes: Uint8Array): Atom[] {
  const r = new AtomReader().load(bytes, 0);
  for (let i = 0; i < MAGIC.length; i++) {
    if (r.end <= i || bytes[i] !== MAGIC[i]) r.fail('not a Rhizome atom stream (bad magic)', i);
  }
  r.pos = MAGIC.length;
  const version = r.byte();
  if (version !== BINARY_FORMAT_VERSION) r.fail(`unsupported format version ${version}`, MAGIC.length);
  const out: Atom[] = [];
  for (;;) {
    if (r.pos >= r.end) r.fail('no end mark (truncated stream)');
    if (bytes[r.pos] === END) break;
    out.push(r.atom());
  }
  r.pos++;
  if (r.pos !== r.end) r.fail(`${r.end - r.pos} bytes after the end mark`);
  return out;
}

const recordReader = new AtomReader();

/** The record of one atom (a fresh array). */
export function encodeAtom(atom: Atom): Uint8Array {
  const w = new AtomWriter(64);
  w.byte(RECORD_MARK);
  w.atom(atom);
  return w.bytes.slice(0, w.pos);
}

/** The atom of a record made by {@link encodeAtom}. Throws {@link PersistError} on bad input. */
export function decodeAtom(bytes: Uint8Array): Atom {
  // Shared: decoding runs no outside code, so it never re-enters.
  const r = recordReader.load(bytes, 0);
  const mark = r.byte();
  if (mark !== RECORD_MARK) r.fail(`not an atom record of format ${BINARY_FORMAT_VERSION} (mark byte ${mark})`, 0);
  const atom = r.atom();
  if (r.pos !== r.end) r.fail(`${r.end - r.pos} bytes after the atom`);
  return atom;
}

/**
 * Encodes many records with one buffer: each result is a view that stays valid only until
 * the next call. For writers that copy the bytes at once (a database put).
 */
export class RecordEncoder {
  private readonly writer = new AtomWriter(256);

  /** The record of `atom`, as a view of the shared buffer. */
  encode(atom: Atom): Uint8Array {
    const w = this.writer;
    w.reset();
    w.byte(RECORD_MARK);
    w.atom(atom);
    return w.bytes.subarray(0, w.pos);
  }
}

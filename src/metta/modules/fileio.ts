/**
 * The `fileio` built-in module (§5.14): files opened as grounded `FileHandle` atoms, read,
 * written and positioned with synchronous `node:fs` calls.
 *
 * A handle keeps its own cursor and uses positioned reads and writes, because Node has no
 * `lseek`; opening follows the reference's option letters and their validity rules (those
 * of Rust's `OpenOptions`), and error texts follow the reference's, including the wording
 * of the operating-system error (`Bad file descriptor (os error 9)`).
 *
 * @module
 */
import { closeSync, constants, fstatSync, openSync, readSync, writeSync } from 'node:fs';
import { constants as bufferConstants } from 'node:buffer';
import { sym, UNIT, type Atom, type GroundedAtom } from '../../atomspace/atom.js';
import { NUMBER_TYPE, STRING_TYPE, StringAtom, int, str } from '../../atomspace/values.js';
import { GroundedOp, MettaRuntimeError } from '../grounded.js';
import { asNumber, toI64 } from '../stdlib/arithmetic.js';
import { UNIT_ATOM_TYPE, arrow } from '../stdlib/types-helper.js';

/** The type of file handle atoms. */
export const FILE_HANDLE_TYPE = sym('FileHandle');

// Descriptors of handles the program dropped are closed when the handle is collected.
const closer = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // Already closed: nothing left to release.
  }
});

let nextHandleId = 1;

/** An open file with its cursor; equal only to itself. */
export class FileHandle implements GroundedAtom {
  readonly kind = 'grounded' as const;
  readonly type: Atom = FILE_HANDLE_TYPE;
  /** Byte offset of the next read or write (ignored by appending writes). */
  position = 0;
  private readonly id = nextHandleId++;
  constructor(
    /** The operating-system file descriptor. */
    readonly fd: number,
    /** Opened with `a`: every write goes to the end of the file. */
    readonly appending: boolean,
  ) {
    closer.register(this, fd);
  }
  equals(other: GroundedAtom): boolean {
    return other === this;
  }
  toString(): string {
    return `FileHandle-0x${this.id.toString(16).padStart(12, '0')}`;
  }
  /** Unique per handle, since a handle equals only itself. */
  indexKey(): string {
    return 'file:' + this.id;
  }
}

/**
 * The `open(2)` flags for the reference's option letters — `r` read, `w` write, `c` create,
 * `a` append, `t` truncate — or undefined for a combination Rust's `OpenOptions` rejects
 * (no access mode, `c`/`t` without write access, `t` with `a`).
 */
export function openFlags(options: string): number | undefined {
  const read = options.includes('r');
  const write = options.includes('w');
  const create = options.includes('c');
  const append = options.includes('a');
  const truncate = options.includes('t');
  let flags: number;
  if (append) flags = (read ? constants.O_RDWR : constants.O_WRONLY) | constants.O_APPEND;
  else if (read && write) flags = constants.O_RDWR;
  else if (write) flags = constants.O_WRONLY;
  else if (read) flags = constants.O_RDONLY;
  else return undefined;
  if (!write && !append && (create || truncate)) return undefined;
  if (append && truncate) return undefined;
  if (create) flags |= constants.O_CREAT;
  if (truncate) flags |= constants.O_TRUNC;
  return flags;
}

// strerror texts for the errors file operations meet, as Rust prints them.
const OS_ERRORS: Readonly<Record<string, [number, string]>> = {
  EPERM: [1, 'Operation not permitted'],
  ENOENT: [2, 'No such file or directory'],
  EIO: [5, 'Input/output error'],
  EBADF: [9, 'Bad file descriptor'],
  EACCES: [13, 'Permission denied'],
  EEXIST: [17, 'File exists'],
  ENOTDIR: [20, 'Not a directory'],
  EISDIR: [21, 'Is a directory'],
  EINVAL: [22, 'Invalid argument'],
  EFBIG: [27, 'File too large'],
  ENOSPC: [28, 'No space left on device'],
  EROFS: [30, 'Read-only file system'],
};

/** An I/O failure worded like Rust's `io::Error` display. */
function osErrorText(e: unknown): string {
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && code in OS_ERRORS) {
    const [n, text] = OS_ERRORS[code]!;
    return `${text} (os error ${n})`;
  }
  return e instanceof Error ? e.message : String(e);
}

/**
 * Where UTF-8 decoding of `bytes` fails, as Rust's `Utf8Error` reports it: the length of
 * the valid prefix, and the length of the bad sequence (undefined when the input ends in
 * the middle of a character). Undefined when the bytes are valid UTF-8.
 */
export function utf8Error(bytes: Uint8Array): { validUpTo: number; errorLen: number | undefined } | undefined {
  const n = bytes.length;
  const inRange = (b: number | undefined, lo: number, hi: number) => b !== undefined && b >= lo && b <= hi;
  let i = 0;
  while (i < n) {
    const b0 = bytes[i]!;
    if (b0 < 0x80) {
      i++;
      continue;
    }
    const width = b0 >= 0xc2 && b0 <= 0xdf ? 2 : b0 >= 0xe0 && b0 <= 0xef ? 3 : b0 >= 0xf0 && b0 <= 0xf4 ? 4 : 0;
    if (width === 0) return { validUpTo: i, errorLen: 1 };
    if (i + 1 >= n) return { validUpTo: i, errorLen: undefined };
    // The second byte's range depends on the first: it excludes overlong forms,
    // surrogates and code points beyond U+10FFFF.
    const lo = b0 === 0xe0 ? 0xa0 : b0 === 0xf0 ? 0x90 : 0x80;
    const hi = b0 === 0xed ? 0x9f : b0 === 0xf4 ? 0x8f : 0xbf;
    if (!inRange(bytes[i + 1], lo, hi)) return { validUpTo: i, errorLen: 1 };
    for (let k = 2; k < width; k++) {
      if (i + k >= n) return { validUpTo: i, errorLen: undefined };
      if (!inRange(bytes[i + k], 0x80, 0xbf)) return { validUpTo: i, errorLen: k };
    }
    i += width;
  }
  return undefined;
}

/** Rust's `FromUtf8Error` display for an invalid buffer. */
function utf8ErrorText(err: { validUpTo: number; errorLen: number | undefined }): string {
  return err.errorLen === undefined
    ? `incomplete utf-8 byte sequence from index ${err.validUpTo}`
    : `invalid utf-8 sequence of ${err.errorLen} bytes from index ${err.validUpTo}`;
}

/** Reads from the handle's cursor to the end of the file, advancing the cursor. */
function readToEnd(handle: FileHandle): Buffer {
  const chunks: Buffer[] = [];
  for (;;) {
    const chunk = Buffer.allocUnsafe(64 * 1024);
    const n = readSync(handle.fd, chunk, 0, chunk.length, handle.position);
    if (n === 0) break;
    chunks.push(chunk.subarray(0, n));
    handle.position += n;
  }
  return Buffer.concat(chunks);
}

function handleArg(atom: Atom | undefined, message: string): FileHandle {
  if (atom instanceof FileHandle) return atom;
  throw new MettaRuntimeError(message);
}

function fileOpen(): GroundedOp {
  const message = 'file-open! expects filepath and options in form of string atoms as an argument';
  return new GroundedOp('file-open!', arrow(STRING_TYPE, STRING_TYPE, FILE_HANDLE_TYPE), (args) => {
    const path = args[0];
    const options = args[1];
    if (!(path instanceof StringAtom) || !(options instanceof StringAtom)) throw new MettaRuntimeError(message);
    const failure = `Failed to open file with provided path=${path.value} and options=${options.value}`;
    const flags = openFlags(options.value);
    if (flags === undefined) throw new MettaRuntimeError(failure);
    let fd: number;
    try {
      fd = openSync(path.value, flags, 0o666);
    } catch {
      throw new MettaRuntimeError(failure);
    }
    return [new FileHandle(fd, (flags & constants.O_APPEND) !== 0)];
  });
}

function fileReadToString(): GroundedOp {
  return new GroundedOp('file-read-to-string!', arrow(FILE_HANDLE_TYPE, STRING_TYPE), (args) => {
    if (args[0] === undefined) throw new MettaRuntimeError('file-read-to-string! expects filehandle as an argument');
    // The reference still names the operation's old name here.
    const handle = handleArg(args[0], 'file-read! expects filehandle as an argument');
    let bytes: Buffer;
    try {
      bytes = readToEnd(handle);
    } catch (e) {
      throw new MettaRuntimeError(`Failed to read file contents: ${osErrorText(e)}`);
    }
    if (utf8Error(bytes) !== undefined) {
      throw new MettaRuntimeError('Failed to read file contents: stream did not contain valid UTF-8');
    }
    return [str(bytes.toString('utf8'))];
  });
}

function fileWrite(): GroundedOp {
  const message = 'file-write! expects filehandle and content (string atom) as an arguments';
  return new GroundedOp('file-write!', arrow(FILE_HANDLE_TYPE, STRING_TYPE, UNIT_ATOM_TYPE), (args) => {
    const handle = handleArg(args[0], message);
    const content = args[1];
    if (!(content instanceof StringAtom)) throw new MettaRuntimeError(message);
    const bytes = Buffer.from(content.value, 'utf8');
    try {
      if (handle.appending) {
        // O_APPEND ignores any position; the cursor then sits at the new end.
        for (let done = 0; done < bytes.length; ) done += writeSync(handle.fd, bytes, done, bytes.length - done, null);
        handle.position = fstatSync(handle.fd).size;
      } else {
        for (let done = 0; done < bytes.length; ) {
          const n = writeSync(handle.fd, bytes, done, bytes.length - done, handle.position);
          done += n;
          handle.position += n;
        }
      }
    } catch (e) {
      // The reference aborts the program here; an error atom is the closest safe answer.
      throw new MettaRuntimeError(`Failed to write content to file: ${osErrorText(e)}`);
    }
    return [UNIT];
  });
}

function fileSeek(): GroundedOp {
  const message = 'file-seek! expects filehandle and start byte (number) as an arguments';
  return new GroundedOp('file-seek!', arrow(FILE_HANDLE_TYPE, NUMBER_TYPE, UNIT_ATOM_TYPE), (args) => {
    const handle = handleArg(args[0], message);
    const n = asNumber(args[1]);
    if (n === undefined) throw new MettaRuntimeError(message);
    const offset = toI64(n);
    // A negative offset becomes a huge unsigned one in the reference, which the OS
    // refuses, and the failure is ignored: the cursor stays where it was.
    if (offset >= 0) handle.position = Number(offset);
    return [UNIT];
  });
}

function fileReadExact(): GroundedOp {
  const message = 'file-read-exact! expects filehandle and number of bytes to read (number) as an arguments';
  return new GroundedOp('file-read-exact!', arrow(FILE_HANDLE_TYPE, NUMBER_TYPE, STRING_TYPE), (args) => {
    const handle = handleArg(args[0], message);
    const n = asNumber(args[1]);
    if (n === undefined) throw new MettaRuntimeError(message);
    const count = toI64(n);
    if (count < 0 || count > bufferConstants.MAX_LENGTH) throw new MettaRuntimeError('Read exact failed: capacity overflow');
    // One read into a zeroed buffer of the requested size, and the whole buffer is the
    // answer: near the end of the file the missing bytes come back as NUL characters, as
    // in the reference.
    const buffer = Buffer.alloc(Number(count));
    try {
      handle.position += readSync(handle.fd, buffer, 0, buffer.length, handle.position);
    } catch (e) {
      throw new MettaRuntimeError(`Read exact failed: ${osErrorText(e)}`);
    }
    const bad = utf8Error(buffer);
    if (bad !== undefined) throw new MettaRuntimeError(`Read exact failed: ${utf8ErrorText(bad)}`);
    return [str(buffer.toString('utf8'))];
  });
}

function fileGetSize(): GroundedOp {
  return new GroundedOp('file-get-size!', arrow(FILE_HANDLE_TYPE, NUMBER_TYPE), (args) => {
    const handle = handleArg(args[0], 'file-get-size! expects filehandle as an argument');
    try {
      return [int(fstatSync(handle.fd).size)];
    } catch (e) {
      throw new MettaRuntimeError(`Get size failed: ${osErrorText(e)}`);
    }
  });
}

/**
 * The `fileio` module: `file-open!` `(-> String String FileHandle)`, `file-read-to-string!`
 * `(-> FileHandle String)`, `file-write!` `(-> FileHandle String ())`, `file-seek!`
 * `(-> FileHandle Number ())`, `file-read-exact!` `(-> FileHandle Number String)`,
 * `file-get-size!` `(-> FileHandle Number)`. No tokens.
 */
export function fileioModule(): { ops: GroundedOp[]; tokens: Array<[string, Atom]> } {
  return {
    ops: [fileOpen(), fileReadToString(), fileWrite(), fileSeek(), fileReadExact(), fileGetSize()],
    tokens: [],
  };
}

/** Documentation atoms of the module, loaded into its space. */
export const FILEIO_MODULE_METTA = `
(@doc file-open!
  (@desc "Opens the file at a path with the given options and returns a handle to it")
  (@params (
    (@param "Path of the file (String)")
    (@param "Options (String) made of letters: r to read, w to write, c to create the file when it is missing (needs w or a), a to append every write, t to truncate the file (needs w)")))
  (@return "A file handle, or an error when the file cannot be opened with those options"))

(@doc file-read-to-string!
  (@desc "Reads from the handle's current position to the end of the file")
  (@params (
    (@param "File handle")))
  (@return "The text read (String)"))

(@doc file-write!
  (@desc "Writes text at the handle's current position (at the end when opened with a)")
  (@params (
    (@param "File handle")
    (@param "Text to write (String)")))
  (@return "Unit atom"))

(@doc file-seek!
  (@desc "Moves the handle's position to a byte offset from the start of the file")
  (@params (
    (@param "File handle")
    (@param "Byte offset (Number)")))
  (@return "Unit atom"))

(@doc file-read-exact!
  (@desc "Reads up to the given number of bytes from the handle's current position")
  (@params (
    (@param "File handle")
    (@param "Number of bytes to read")))
  (@return "The bytes read, as a String"))

(@doc file-get-size!
  (@desc "Size of the file in bytes")
  (@params (
    (@param "File handle")))
  (@return "Size in bytes (Number)"))
`;

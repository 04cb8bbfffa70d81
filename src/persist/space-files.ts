/**
 * Saving a space to a file and loading it back, in the binary or the text form (Node only:
 * it uses `node:fs`).
 *
 * A save writes a temporary file next to the target and renames it over the target, so a
 * crash during the save leaves the previous file whole (the new one is flushed before the rename). A load adds the file's atoms to a
 * given space, or to a new {@link GroundingSpace}; a space with a bulk `addAll` (such as an
 * LMDB space) gets them through it, in a few large transactions.
 *
 * @module
 */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { Atom } from '../atomspace/atom.js';
import { GroundingSpace } from '../atomspace/grounding-space.js';
import type { ReadableSpace, Space } from '../atomspace/space.js';
import { decodeAtoms, encodeAtoms } from './binary-codec.js';
import { dumpTextLines, loadText, type TextDumpOptions, type TextLoadOptions } from './text-dump.js';

/** A space that can take many atoms in one call. */
interface BulkSpace extends Space {
  addAll(atoms: Iterable<Atom>): number;
}

function hasAddAll(space: Space): space is BulkSpace {
  return typeof (space as Partial<BulkSpace>).addAll === 'function';
}

function addInto(atoms: readonly Atom[], into: Space): void {
  if (hasAddAll(into)) into.addAll(atoms);
  else for (const a of atoms) into.add(a);
}

/** Writes `write`'s output to a temporary file and renames it to `path` once complete. */
function replaceFile(path: string, write: (fd: number) => void): void {
  const temp = `${path}.tmp-${process.pid}-${Date.now().toString(36)}`;
  const fd = openSync(temp, 'w');
  try {
    write(fd);
    // On disk before the rename makes it the file, so a power loss cannot leave a torn one.
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw e;
  }
  closeSync(fd);
  renameSync(temp, path);
}

/** Saves every atom of `space` to `path` in the binary form (see `binary-codec.ts`). */
export function saveSpaceBinary(space: ReadableSpace, path: string): void {
  const bytes = encodeAtoms(space.atoms());
  replaceFile(path, (fd) => writeFileSync(fd, bytes));
}

/** Loads a binary file into a new {@link GroundingSpace}. */
export function loadSpaceBinary(path: string): GroundingSpace;
/** Loads a binary file into `into`, adding to what it holds. */
export function loadSpaceBinary<S extends Space>(path: string, into: S): S;
export function loadSpaceBinary(path: string, into: Space = new GroundingSpace()): Space {
  addInto(decodeAtoms(readFileSync(path)), into);
  return into;
}

/** Saves every atom of `space` to `path` as a text dump (see `text-dump.ts`), in UTF-8. */
export function saveSpaceText(space: ReadableSpace, path: string, options: TextDumpOptions = {}): void {
  replaceFile(path, (fd) => {
    // Lines are gathered into blocks so a large space takes few writes and no huge string.
    let block = '';
    for (const line of dumpTextLines(space.atoms(), options)) {
      block += line + '\n';
      if (block.length >= 1 << 16) {
        writeFileSync(fd, block);
        block = '';
      }
    }
    writeFileSync(fd, block);
  });
}

/** Loads a text dump into a new {@link GroundingSpace}. */
export function loadSpaceText(path: string, options?: TextLoadOptions): GroundingSpace;
/** Loads a text dump into `into`, adding to what it holds. */
export function loadSpaceText<S extends Space>(path: string, into: S, options?: TextLoadOptions): S;
export function loadSpaceText(path: string, intoOrOptions?: Space | TextLoadOptions, maybeOptions?: TextLoadOptions): Space {
  const into = isSpace(intoOrOptions) ? intoOrOptions : new GroundingSpace();
  const options = isSpace(intoOrOptions) ? (maybeOptions ?? {}) : (intoOrOptions ?? {});
  addInto(loadText(readFileSync(path, 'utf8'), { file: path, ...options }), into);
  return into;
}

function isSpace(x: Space | TextLoadOptions | undefined): x is Space {
  return x !== undefined && typeof (x as Space).add === 'function';
}

/**
 * The one error type of persistence: an atom that has no saved form, bytes or text that do
 * not decode, or a database that cannot be used.
 *
 * @module
 */
import type { Atom } from '../atomspace/atom.js';
import { formatAtom } from '../atomspace/format.js';

/**
 * Saving or loading failed. Nothing is ever dropped silently: an atom without a saved form
 * is named in the message (and kept in {@link PersistError.atom}), and malformed input gives
 * the byte offset where decoding stopped ({@link PersistError.offset}).
 */
export class PersistError extends Error {
  /** Byte offset in the input where decoding failed, when the error comes from decoding. */
  readonly offset: number | undefined;
  /** The atom that could not be saved, when the error is about one. */
  readonly atom: Atom | undefined;

  constructor(message: string, details: { offset?: number; atom?: Atom } = {}) {
    super(message);
    this.name = 'PersistError';
    this.offset = details.offset;
    this.atom = details.atom;
  }
}

/** A short description of an atom for an error message; never throws, never huge. */
export function describeAtom(atom: Atom): string {
  let text: string;
  switch (atom.kind) {
    case 'symbol':
      text = `symbol ${JSON.stringify(atom.name)}`;
      break;
    case 'variable':
      text = `variable ${JSON.stringify(atom.name)}` + (atom.id === 0 ? '' : ` (fresh, id ${atom.id})`);
      break;
    case 'expression':
      text = `expression of ${atom.children.length} children`;
      break;
    case 'grounded':
      try {
        // Operations are the usual culprit in a program's space; calling them that, with
        // their full signature, tells the reader which `+` or registered function it was.
        const what = atom.execute === undefined ? 'grounded atom' : 'operation';
        text = `${what} ${String(atom)} of type ${formatAtom(atom.type)}`;
      } catch {
        text = 'grounded atom that cannot be printed';
      }
  }
  return text.length > 200 ? text.slice(0, 200) + '…' : text;
}

/**
 * Printing atoms in the reference's Display format (§1.5), which is also what the parser
 * reads back: parse(format(a)) equals a for every parsable atom.
 *
 * @module
 */
import type { Atom } from './atom.js';
import { StringAtom } from './values.js';

/** The Display form of an atom: `(foo $x "s" 1.0)`; renamed variables print as `$x#12`. */
export function formatAtom(atom: Atom): string {
  switch (atom.kind) {
    case 'symbol':
      return atom.name;
    case 'variable':
      return atom.id === 0 ? '$' + atom.name : `$${atom.name}#${atom.id}`;
    case 'expression': {
      const c = atom.children;
      if (c.length === 0) return '()';
      let s = '(' + formatAtom(c[0]!);
      for (let i = 1; i < c.length; i++) s += ' ' + formatAtom(c[i]!);
      return s + ')';
    }
    case 'grounded':
      return atom.toString();
  }
}

/**
 * Like {@link formatAtom}, except a top-level String prints raw, without quotes or escapes
 * (what `println!` and `format-args` show).
 */
export function atomToString(atom: Atom): string {
  return atom instanceof StringAtom ? atom.value : formatAtom(atom);
}

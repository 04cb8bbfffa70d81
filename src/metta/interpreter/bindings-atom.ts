/**
 * Bindings wrapped as a grounded atom, as `collapse-bind` returns them and `superpose-bind`
 * reads them back.
 *
 * @module
 */
import { sym, type Atom, type GroundedAtom } from '../../atomspace/atom.js';
import type { Bindings } from '../../atomspace/bindings.js';
import { formatAtom } from '../../atomspace/format.js';

const BINDINGS_TYPE = sym('Bindings');

/** A grounded atom holding a set of bindings; prints as `{ $x <- A, $y = $z }`. */
export class BindingsAtom implements GroundedAtom {
  readonly kind = 'grounded' as const;
  readonly type: Atom = BINDINGS_TYPE;
  constructor(readonly bindings: Bindings) {}
  equals(other: GroundedAtom): boolean {
    return other instanceof BindingsAtom && other.toString() === this.toString();
  }
  toString(): string {
    return this.bindings.toString(formatAtom);
  }
  indexKey(): undefined {
    return undefined;
  }
}

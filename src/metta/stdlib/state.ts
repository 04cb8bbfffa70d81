/**
 * State atoms (§5.9): a mutable cell holding an atom, typed `(StateMonad <type>)`.
 *
 * @module
 */
import { atomEq, expr, sym, type Atom, type GroundedAtom } from '../../atomspace/atom.js';
import { formatAtom } from '../../atomspace/format.js';

const STATE_MONAD = sym('StateMonad');

/** A state cell. Equality compares the wrapped value and type, not identity (§2.2). */
export class StateAtom implements GroundedAtom {
  readonly kind = 'grounded' as const;
  readonly type: Atom;
  constructor(
    public value: Atom,
    /** The type of the wrapped value, fixed at creation. */
    readonly valueType: Atom,
  ) {
    this.type = expr(STATE_MONAD, valueType);
  }
  equals(other: GroundedAtom): boolean {
    return other === this || (other instanceof StateAtom && atomEq(other.value, this.value) && atomEq(other.valueType, this.valueType));
  }
  toString(): string {
    return `(State ${formatAtom(this.value)})`;
  }
  indexKey(): undefined {
    return undefined;
  }
}

/**
 * A space as an atom (§2.1): grounded, of type `SpaceType`, matching a pattern by querying
 * the space with it (§2.4 rule 5).
 *
 * @module
 */
import { sym, type Atom, type CustomMatcher, type GroundedAtom, type SymbolAtom } from './atom.js';
import type { Space } from './space.js';

/** The type of space atoms. */
export const SPACE_TYPE: SymbolAtom = sym('SpaceType');

/** A grounded atom wrapping a space; two are equal when they wrap the same space object. */
export class SpaceAtom implements GroundedAtom {
  /** Always `'grounded'`; tell a space atom from other grounded atoms with `instanceof SpaceAtom`. */
  readonly kind = 'grounded' as const;
  readonly type: Atom = SPACE_TYPE;
  /** Matching another atom queries the space with it: one answer per query answer. */
  readonly match: CustomMatcher;

  constructor(
    /** The space itself: what `&self`, `new-space` or `MeTTa.bind` stand for, to query or change from TypeScript. */
    readonly space: Space,
  ) {
    // A property, not a method: the unifier calls the matcher detached from the atom.
    this.match = (other) => space.query(other).map((answer) => new Map(answer.entries()));
  }

  equals(other: GroundedAtom): boolean {
    return other instanceof SpaceAtom && other.space === this.space;
  }

  /** `GroundingSpace-<name>`, as the reference prints a space, unless the space describes itself. */
  toString(): string {
    return this.space.describe?.() ?? 'GroundingSpace-' + this.space.name;
  }

  /** Spaces are matched by querying them, so the index treats them as open. */
  indexKey(): undefined {
    return undefined;
  }
}

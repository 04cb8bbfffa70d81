/**
 * One space atom per space, so the same space always shows up as the same atom
 * (`&self`, `(context-space)` and `(mod-space! top)` compare equal).
 *
 * @module
 */
import type { Space } from '../atomspace/space.js';
import { SpaceAtom } from '../atomspace/space-atom.js';

const atoms = new WeakMap<Space, SpaceAtom>();

/** The atom that stands for `space`. */
export function spaceAtomOf(space: Space): SpaceAtom {
  let a = atoms.get(space);
  if (a === undefined) {
    a = new SpaceAtom(space);
    atoms.set(space, a);
  }
  return a;
}

/**
 * The atomspace: atoms, values, printing, bindings, unification and spaces.
 *
 * @module
 */
export * from './atom.js';
export * from './values.js';
export * from './format-values.js';
export * from './format.js';
export * from './bindings.js';
export * from './unify.js';
export * from './space.js';
export * from './space-query.js';
export * from './grounding-space.js';
export * from './space-atom.js';

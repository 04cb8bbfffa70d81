/**
 * The MeTTa type system (§4) as pure functions over a space: type inference, the
 * interpreter's run-time checks, and the static check behind `pragma! type-check auto`.
 *
 * The interpreter does the evaluation; these functions only read declarations
 * (`(: atom type)`, `(:< sub super)`) and compare types.
 *
 * @module
 */
export {
  ARROW,
  ATOM_TYPE,
  BAD_ARG_TYPE,
  BAD_TYPE,
  ERROR,
  ERROR_TYPE,
  EXPRESSION_TYPE,
  GROUNDED_TYPE,
  HAS_TYPE,
  INCORRECT_NUMBER_OF_ARGUMENTS,
  SUB_TYPE,
  SYMBOL_TYPE,
  TYPE_TYPE,
  UNDEFINED_TYPE,
  VARIABLE_TYPE,
  badArgTypeError,
  badTypeError,
  incorrectArityError,
} from './types/symbols.js';
export { isFunctionType, isMetaType, matchTypes, matchTypesGradually, metaType } from './types/match.js';
export { addSuperTypes, declaredTypes } from './types/lookup.js';
export {
  getAtomTypes,
  isBadlyTyped,
  staticTypeErrors,
  typeErrors,
  validTypes,
  type InferredType,
} from './types/infer.js';
export {
  checkFunctionApplication,
  typeCast,
  type ApplicableType,
  type FunctionApplicationCheck,
  type TypeCastResult,
} from './types/check.js';

/**
 * Rhizome: a MeTTa interpreter and atomspace for TypeScript. This is the package's public
 * face; everything an embedding program needs is exported from here.
 *
 * ```ts
 * import { MeTTa, metta, sym, toJS } from 'rhizome';
 *
 * const runner = new MeTTa();
 * runner.register('square', '(-> Number Number)', (x) => Number(toJS(x)) ** 2);
 * runner.run('!(square 3)').results.map((r) => r.map(toJS)); // [[9]]
 * runner.run('(= (twice $x) (* 2 $x))');
 * runner.evaluate(metta`(twice ${21})`).map(toJS); // [42]
 * ```
 *
 * @module
 */

// Atoms and values
export {
  type Atom,
  type SymbolAtom,
  type VariableAtom,
  type ExpressionAtom,
  type GroundedAtom,
  type CustomMatcher,
  sym,
  v,
  freshVariable,
  expr,
  exprOf,
  UNIT,
  isGround,
  isExpr,
  isSym,
  headOf,
  atomEq,
  alphaEq,
  variablesOf,
  substitute,
  renameVariables,
} from './atomspace/atom.js';
export {
  type IntValue,
  IntAtom,
  FloatAtom,
  BoolAtom,
  StringAtom,
  int,
  float,
  bool,
  str,
  TRUE,
  FALSE,
  isNumber,
  NUMBER_TYPE,
  BOOL_TYPE,
  STRING_TYPE,
} from './atomspace/values.js';
export { formatAtom, atomToString } from './atomspace/format.js';

// Matching
export { Bindings } from './atomspace/bindings.js';
export { matchAtoms, unify, mergeBindings } from './atomspace/unify.js';

// Spaces
export type { Space, ReadableSpace, SpaceEvent } from './atomspace/space.js';
export { GroundingSpace, GroundingSpaceSnapshot } from './atomspace/grounding-space.js';
export { SpaceAtom, SPACE_TYPE } from './atomspace/space-atom.js';

// Parsing
export { parseAtom, parseAll, SExprParser, type ParseOptions } from './metta/parser.js';
export { Tokenizer, type TokenConstructor } from './metta/tokenizer.js';
export { MettaSyntaxError, type SourcePosition, type SyntaxErrorLocation } from './metta/syntax-error.js';

// Running MeTTa
export {
  MeTTa,
  Module,
  MettaFileError,
  type MeTTaOptions,
  type RunOptions,
  type RunOutcome,
  type RunnerIO,
} from './metta/runner.js';
export { ModuleSpace } from './metta/module-space.js';
export {
  GroundedOp,
  NoReduce,
  MettaRuntimeError,
  type OpContext,
  type OpHost,
  type OpFunction,
  type OpResult,
  type OpAnswer,
  EvalRequest,
  type Evaluated,
} from './metta/grounded.js';

// Host conveniences
export { toJS, fromJS, isAtom, bindingsToObject, type JSValue, type JSInput } from './api/convert.js';
export { metta, mettaTemplate, type MettaTemplate } from './api/template.js';
export { hostOp, type HostFunction, type HostResult } from './api/host-function.js';

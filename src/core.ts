/**
 * The part of Rhizome's public API that runs anywhere: atoms, spaces, the parser, the
 * runner and the host conveniences. The Node entry (`index.ts`) and the browser entry
 * (`browser.ts`) both re-export it and add what their host offers.
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
export { querySpace, type CandidateSource } from './atomspace/space-query.js';
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
  PROGRESS_INTERVAL_MS,
  type MeTTaOptions,
  type RunOptions,
  type RunOutcome,
  type RunnerIO,
  type RunnerCheckpoint,
} from './metta/runner.js';
export { EvaluationStopped } from './metta/interpreter/machine.js';
export { isError as isErrorAtom } from './metta/interpreter/symbols.js';
export { ModuleSpace } from './metta/module-space.js';
export { type ModuleFiles, NoModuleFiles } from './metta/module-files.js';
export { MemoryModuleFiles } from './metta/module-files-memory.js';
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

// Persistence without files: the binary codec and the text dump (pure, so a page can keep
// atoms in IndexedDB or localStorage; files and LMDB are in the Node entry)
export { PersistError } from './persist/persist-error.js';
export { BINARY_FORMAT_VERSION, encodeAtoms, decodeAtoms, encodeAtom, decodeAtom } from './persist/binary-codec.js';
export {
  TEXT_FORMAT_VERSION,
  TEXT_DUMP_HEADER,
  dumpText,
  dumpTextLines,
  loadText,
  type TextDumpOptions,
  type TextLoadOptions,
} from './persist/text-dump.js';

// Host conveniences
export { toJS, fromJS, isAtom, bindingsToObject, type JSValue, type JSInput } from './api/convert.js';
export { metta, mettaTemplate, type MettaTemplate } from './api/template.js';
export { hostOp, type HostFunction, type HostResult } from './api/host-function.js';

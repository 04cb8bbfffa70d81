/**
 * The standard library reference (`docs/stdlib.md`), generated from the library's own `@doc`
 * atoms.
 *
 * Every entry is what `get-doc` answers for a documented atom in a fresh runner: the core
 * library's facts (`DOCS_METTA`) and those of the built-in modules, paired with the types the
 * library declares. Because the reference is computed rather than written, it cannot say
 * anything `help!` does not; the test suite regenerates it and compares it with the checked-in
 * file.
 *
 * @module
 */
import { sym, substitute, v, variablesOf, type Atom, type VariableAtom } from '../../atomspace/atom.js';
import { formatAtom } from '../../atomspace/format.js';
import type { ReadableSpace, Space } from '../../atomspace/space.js';
import { StringAtom } from '../../atomspace/values.js';
import { ModuleSpace } from '../module-space.js';
import { MeTTa } from '../runner.js';
import { getDoc } from './docs.js';

/**
 * The sections of the core library's reference, in the order they are printed, each with the
 * documented atoms it holds (as `formatAtom` prints them). A documented atom listed in none
 * goes under "Other", so a new `@doc` fact is never left out of the reference.
 */
export const STDLIB_SECTIONS: ReadonlyArray<readonly [title: string, names: readonly string[]]> = [
  [
    'Control flow and binding',
    ['if', 'let', 'let*', 'case', 'switch', 'switch-minimal', 'switch-internal', 'if-equal', 'if-error', 'return-on-error', 'if-decons-expr', 'id', 'noeval', 'quote', 'unquote', 'nop', 'empty', 'atom-subst', 'sealed', 'capture', 'pragma!'],
  ],
  ['Non-determinism', ['superpose', 'collapse', 'unique', 'union', 'intersection', 'subtraction', 'Empty']],
  [
    'Expressions as lists',
    ['car-atom', 'cdr-atom', 'size-atom', 'index-atom', 'min-atom', 'max-atom', 'unique-atom', 'union-atom', 'intersection-atom', 'subtraction-atom', 'map-atom', 'filter-atom', 'foldl-atom', 'for-each-in-atom'],
  ],
  ['Equality', ['==', '=alpha', 'noreduce-eq']],
  ['Arithmetic and logic', ['+', '-', '*', '/', '%', '<', '>', '<=', '>=', 'and', 'or', 'xor', 'not', 'True', 'False']],
  [
    'Mathematics',
    ['pow-math', 'sqrt-math', 'abs-math', 'log-math', 'trunc-math', 'ceil-math', 'floor-math', 'round-math', 'sin-math', 'asin-math', 'cos-math', 'acos-math', 'tan-math', 'atan-math', 'isnan-math', 'isinf-math'],
  ],
  ['Spaces', ['match', 'add-atom', 'add-reduct', 'add-atoms', 'add-reducts', 'remove-atom', 'get-atoms', 'new-space']],
  ['State', ['new-state', 'get-state', 'change-state!']],
  [
    'Types',
    [':', ':<', '->', 'Type', '%Undefined%', 'Atom', 'Symbol', 'Variable', 'Expression', 'Grounded', 'Number', 'Bool', 'String', 'SpaceType', 'StateMonad',
      'get-type', 'get-type-space', 'get-metatype', 'is-function', 'match-types', 'match-type-or', 'first-from-pair', 'type-cast'],
  ],
  ['Equations and errors', ['=', 'Error', 'ErrorType', 'ErrorDescription', 'BadType', 'BadArgType', 'IncorrectNumberOfArguments']],
  [
    'Assertions',
    ['assertEqual', 'assertEqualMsg', 'assertEqualToResult', 'assertEqualToResultMsg', 'assertAlphaEqual', 'assertAlphaEqualMsg', 'assertAlphaEqualToResult', 'assertAlphaEqualToResultMsg', 'assertIncludes', 'assert'],
  ],
  ['Modules and tokens', ['import!', 'include', 'bind!', 'mod-space!', 'module-space-no-deps', 'register-module!', 'git-module!', 'print-mods!']],
  ['Output and strings', ['println!', 'format-args', 'sort-strings', 'trace!', 'print-alternatives!']],
  [
    'Documentation',
    ['@doc', '@desc', '@params', '@param', '@return', '@doc-formal', '@item', '(@kind function)', '(@kind atom)', '@type',
      'DocDescription', 'DocInformal', 'DocFormal', 'DocItem', 'DocKindFunction', 'DocKindAtom', 'DocType', 'DocParameters', 'DocParameter', 'DocParameterInformal', 'DocReturn', 'DocReturnInformal',
      'get-doc', 'get-doc-single-atom', 'get-doc-function', 'get-doc-atom', 'get-doc-params', 'undefined-doc-function-type', 'help!', 'help-internal!', 'help-space!', 'help-param!'],
  ],
  [
    'Minimal instructions',
    ['eval', 'evalc', 'chain', 'unify', 'cons-atom', 'decons-atom', 'function', 'return', 'collapse-bind', 'superpose-bind', 'metta', 'context-space', 'NotReducible'],
  ],
];

/** Title of the section for core library atoms that {@link STDLIB_SECTIONS} does not list. */
export const OTHER_SECTION = 'Other';

/** The built-in modules documented after the core library, in this order. */
export const REFERENCE_MODULES: readonly string[] = ['random', 'json', 'fileio'];

const DOC = sym('@doc');

/** One documented atom and the `@doc-formal` answers `get-doc` gives for it. */
interface Entry {
  readonly name: string;
  readonly formals: readonly Atom[];
}

/** One section of the reference. */
interface Section {
  readonly title: string;
  readonly intro?: string;
  readonly entries: readonly Entry[];
}

/**
 * The standard library reference as Markdown: the core library grouped by
 * {@link STDLIB_SECTIONS}, then each of {@link REFERENCE_MODULES}. Each entry gives the
 * atom's type, description, parameters and result exactly as `get-doc` reports them.
 * Throws when the documentation of an atom contradicts its declared type, or when a
 * documented atom gets no documentation back (both mean the library is inconsistent).
 */
export function stdlibReference(): string {
  const metta = new MeTTa({ io: { stdout: () => undefined, stderr: () => undefined } });
  for (const name of REFERENCE_MODULES) {
    const outcome = metta.run(`!(import! &self ${name})`);
    if (outcome.stoppedOnError) throw new Error(`cannot import the ${name} module: ${formatAtom(outcome.results.at(-1)![0]!)}`);
  }
  // Reading through the top module is what `get-doc &self` does after those imports.
  const top = metta.top.space;
  const sections = [...coreSections(top, documentedItems(metta.corelib)), ...REFERENCE_MODULES.map((name) => moduleSection(top, name))];
  return render(sections);
}

/** The atoms a space documents, in the order their facts were written, each once. */
function documentedItems(space: ReadableSpace): Atom[] {
  const seen = new Set<string>();
  const items: Atom[] = [];
  for (const a of space.atoms()) {
    if (a.kind !== 'expression' || a.children.length < 3 || a.children[0] !== DOC) continue;
    const item = a.children[1]!;
    const key = formatAtom(item);
    if (seen.has(key)) continue;
    seen.add(key);
    items.push(item);
  }
  return items;
}

function entryOf(space: ReadableSpace, item: Atom): Entry {
  const name = formatAtom(item);
  const formals = getDoc(space, item).map((d) => d.atom);
  if (formals.length === 0) throw new Error(`get-doc gives no documentation for the documented atom ${name}`);
  return { name, formals };
}

function coreSections(space: ReadableSpace, items: readonly Atom[]): Section[] {
  const sectionOf = new Map<string, string>();
  for (const [title, names] of STDLIB_SECTIONS) for (const n of names) sectionOf.set(n, title);
  const byTitle = new Map<string, Entry[]>();
  for (const item of items) {
    const entry = entryOf(space, item);
    const title = sectionOf.get(entry.name) ?? OTHER_SECTION;
    byTitle.set(title, [...(byTitle.get(title) ?? []), entry]);
  }
  const titles = [...STDLIB_SECTIONS.map(([title]) => title), OTHER_SECTION];
  return titles.filter((t) => byTitle.has(t)).map((title) => ({ title, entries: byTitle.get(title)! }));
}

function moduleSection(top: Space, name: string): Section {
  const own = top instanceof ModuleSpace ? top.dependencies.find((d) => d.name === name) : undefined;
  if (own === undefined) throw new Error(`the ${name} module's space is not among the top module's dependencies`);
  return {
    title: `The ${name} module`,
    intro: `Loaded with \`!(import! &self ${name})\`.`,
    entries: documentedItems(own).map((item) => entryOf(top, item)),
  };
}

// ---------------------------------------------------------------------------------------
// Markdown

const HEADER = `# Standard library reference

<!-- Generated from the library's @doc atoms by \`npm run docs:stdlib\` (scripts/gen-stdlib-docs.mjs); do not edit. -->

Every operation, instruction and special symbol of Rhizome's standard library, as
\`get-doc\` and \`help!\` describe them: this page is generated from the library's own
\`@doc\` atoms, and the test suite checks that it is up to date. The core library is
available to every program; the modules at the end are loaded with \`import!\`.

Types are the ones the library declares (what \`get-type\` gives); \`%Undefined%\` marks a
parameter or result whose type is not declared. A parameter of type \`Atom\`, \`Expression\`,
\`Symbol\` or \`Variable\` receives its argument unevaluated; other arguments are evaluated
before the call.
`;

function render(sections: readonly Section[]): string {
  const out: string[] = [HEADER, '## Contents\n'];
  for (const s of sections) out.push(`- [${s.title}](#${slug(s.title)}) (${s.entries.length})`);
  for (const s of sections) {
    out.push('', `## ${s.title}`, '');
    if (s.intro !== undefined) out.push(s.intro, '');
    for (const e of s.entries) out.push(...renderEntry(e));
  }
  return out.join('\n').replace(/\n+$/, '') + '\n';
}

/** The anchor GitHub gives a heading. */
function slug(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9 _-]/g, '').replace(/ /g, '-');
}

function renderEntry(entry: Entry): string[] {
  const out = [`### \`${entry.name}\``, ''];
  let lastDesc: string | undefined;
  for (const formal of entry.formals) {
    const parts = formalParts(shownVariables(formal), entry.name);
    out.push(`\`${formatAtom(parts.type)}\``, '');
    if (parts.desc !== lastDesc) out.push(markdownText(parts.desc), '');
    lastDesc = parts.desc;
    if (parts.params === undefined) continue;
    if (parts.params.length === 0) out.push('No parameters.', '');
    else out.push('Parameters:', '', ...parts.params.map((p, i) => `${i + 1}. \`${formatAtom(p.type)}\`: ${markdownText(p.desc)}`), '');
    out.push(`Returns \`${formatAtom(parts.ret!.type)}\`: ${markdownText(parts.ret!.desc)}`, '');
  }
  return out;
}

/** A typed description: `(@param (@type T) (@desc d))` or `(@return (@type T) (@desc d))`. */
interface Typed {
  readonly type: Atom;
  readonly desc: string;
}

/** The parts of a `@doc-formal`: `params` and `ret` only for a function. */
interface FormalParts {
  readonly type: Atom;
  readonly desc: string;
  readonly params?: readonly Typed[];
  readonly ret?: Typed;
}

/** Reads a `@doc-formal` answer of `get-doc`; throws on any other shape. */
function formalParts(formal: Atom, name: string): FormalParts {
  const bad = (): never => {
    throw new Error(`unexpected documentation of ${name}: ${formatAtom(formal)}`);
  };
  if (formal.kind !== 'expression' || (formal.children.length !== 5 && formal.children.length !== 7)) return bad();
  const [, , , typePart, descPart, paramsPart, retPart] = formal.children;
  const type = inner(typePart, '@type') ?? bad();
  const desc = descText(descPart) ?? bad();
  if (paramsPart === undefined) return { type, desc };
  const list = inner(paramsPart, '@params');
  if (list?.kind !== 'expression') return bad();
  return { type, desc, params: list.children.map((p) => typed(p, '@param') ?? bad()), ret: typed(retPart, '@return') ?? bad() };
}

/** `x` of `(<head> x)`, or undefined. */
function inner(a: Atom | undefined, head: string): Atom | undefined {
  return a?.kind === 'expression' && a.children.length === 2 && a.children[0] === sym(head) ? a.children[1] : undefined;
}

function descText(a: Atom | undefined): string | undefined {
  const d = inner(a, '@desc');
  if (d === undefined) return undefined;
  return d instanceof StringAtom ? d.value : formatAtom(d);
}

function typed(a: Atom | undefined, head: string): Typed | undefined {
  if (a?.kind !== 'expression' || a.children.length !== 3 || a.children[0] !== sym(head)) return undefined;
  const type = inner(a.children[1], '@type');
  const desc = descText(a.children[2]);
  return type === undefined || desc === undefined ? undefined : { type, desc };
}

/**
 * `atom` with its variables under their written names (`$t`, not `$t#12`): the numbers of
 * renamed variables change from run to run, and the reference must not. Distinct variables
 * that share a name get `_2`, `_3`, … after the first.
 */
function shownVariables(atom: Atom): Atom {
  const vars = variablesOf(atom);
  if (vars.length === 0) return atom;
  const key = (x: VariableAtom): string => `${x.name}#${x.id}`;
  const shown = new Map<string, VariableAtom>();
  const count = new Map<string, number>();
  for (const x of vars) {
    if (shown.has(key(x))) continue;
    const k = (count.get(x.name) ?? 0) + 1;
    count.set(x.name, k);
    shown.set(key(x), v(k === 1 ? x.name : `${x.name}_${k}`));
  }
  return substitute(atom, (x) => shown.get(key(x)));
}

/** Description text as Markdown that shows it literally: one line, no markup. */
function markdownText(text: string): string {
  const flat = text.replace(/\s*\n\s*/g, ' ').replace(/[\\`*_<>[\]~|$]/g, '\\$&');
  // A leading list, heading or rule marker would change the block's kind.
  return flat.replace(/^[#+=-]/, '\\$&').replace(/^(\d+)([.)])/, '$1\\$2');
}

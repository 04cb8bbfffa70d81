/**
 * Output, string and debugging operations (§5.7): `println!`, `format-args`,
 * `sort-strings`, `trace!`, `print-alternatives!`.
 *
 * Output goes through the runner's host (`ctx.host.stdout` / `stderr`), never straight to
 * the process, so programs can be run and tested with their output captured.
 *
 * @module
 */
import { UNIT, exprOf } from '../../atomspace/atom.js';
import { atomToString, formatAtom } from '../../atomspace/format.js';
import { STRING_TYPE, StringAtom, str } from '../../atomspace/values.js';
import { GroundedOp, MettaRuntimeError } from '../grounded.js';
import { NOT_AN_EXPRESSION } from './atoms.js';
import { ATOM_TYPE, EXPRESSION_TYPE, UNDEFINED_TYPE, UNIT_TYPE, arrow } from './types-helper.js';

/**
 * Fills `{}` placeholders of `template` with `args` in order, with the reference's rules:
 * missing arguments print as nothing, extra ones are ignored, and a brace that does not
 * open a `{}` pair is dropped while the character after it is kept as it is (so `{{` is
 * `{`, `}}` is `}`, `{x` is `x`); a brace at the very end is dropped.
 */
export function formatArgs(template: string, args: readonly string[]): string {
  let out = '';
  let next = 0;
  let i = 0;
  const n = template.length;
  while (i < n) {
    const c = template.charCodeAt(i);
    if (c !== 0x7b /* { */ && c !== 0x7d /* } */) {
      let j = i + 1;
      while (j < n && template.charCodeAt(j) !== 0x7b && template.charCodeAt(j) !== 0x7d) j++;
      out += template.slice(i, j);
      i = j;
      continue;
    }
    if (i + 1 >= n) break;
    if (c === 0x7b && template.charCodeAt(i + 1) === 0x7d) {
      if (next < args.length) out += args[next++];
    } else {
      out += template[i + 1];
    }
    i += 2;
  }
  return out;
}

/**
 * Orders strings by their UTF-8 bytes (Rust's `str` order), i.e. by code point; plain
 * UTF-16 comparison would put U+E000–U+FFFF after astral characters.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

// Surrogates (astral code points) move above U+E000–U+FFFF; the order within each group,
// and against the rest of the BMP, is unchanged.
function codePointRank(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  if (unit >= 0xe000) return unit - 0x800;
  return unit;
}

function println(): GroundedOp {
  return new GroundedOp('println!', arrow(UNDEFINED_TYPE, UNIT_TYPE), (args, ctx) => {
    const atom = args[0];
    if (atom === undefined) throw new MettaRuntimeError('println! expects single atom as an argument');
    ctx.host.stdout(atomToString(atom) + '\n');
    return [UNIT];
  });
}

function formatArgsOp(): GroundedOp {
  const message = 'format-args expects format string as a first argument and expression as a second argument';
  return new GroundedOp('format-args', arrow(STRING_TYPE, EXPRESSION_TYPE, STRING_TYPE), (args) => {
    const template = args[0];
    if (!(template instanceof StringAtom)) throw new MettaRuntimeError(message);
    const list = args[1];
    if (list === undefined) throw new MettaRuntimeError(message);
    if (list.kind !== 'expression') throw new MettaRuntimeError(NOT_AN_EXPRESSION);
    return [str(formatArgs(template.value, list.children.map(atomToString)))];
  });
}

function sortStrings(): GroundedOp {
  const message = 'sort-strings expects expression with strings as a first argument';
  return new GroundedOp('sort-strings', arrow(EXPRESSION_TYPE, EXPRESSION_TYPE), (args) => {
    const list = args[0];
    if (list === undefined || list.kind !== 'expression') throw new MettaRuntimeError(message);
    const values: string[] = [];
    for (const c of list.children) {
      if (!(c instanceof StringAtom)) throw new MettaRuntimeError(message);
      values.push(c.value);
    }
    values.sort(compareCodePoints);
    return [exprOf(values.map(str))];
  });
}

function trace(): GroundedOp {
  return new GroundedOp('trace!', arrow(UNDEFINED_TYPE, ATOM_TYPE, UNDEFINED_TYPE), (args, ctx) => {
    const message = args[0];
    const value = args[1];
    if (message === undefined || value === undefined) throw new MettaRuntimeError('trace! expects two atoms as arguments');
    // Display form: unlike println!, a String keeps its quotes here.
    ctx.host.stderr(formatAtom(message) + '\n');
    return [value];
  });
}

function printAlternatives(): GroundedOp {
  const message = 'print-alternatives! expects format string as a first argument and expression as a second argument';
  return new GroundedOp('print-alternatives!', arrow(ATOM_TYPE, EXPRESSION_TYPE, UNIT_TYPE), (args, ctx) => {
    const label = args[0];
    const list = args[1];
    if (label === undefined || list === undefined) throw new MettaRuntimeError(message);
    if (list.kind !== 'expression') throw new MettaRuntimeError(NOT_AN_EXPRESSION);
    let text = `${list.children.length} ${atomToString(label)}:\n`;
    for (const c of list.children) text += `    ${atomToString(c)}\n`;
    ctx.host.stdout(text);
    return [UNIT];
  });
}

/**
 * The text operations: `println!` `(-> %Undefined% (->))`, `format-args`
 * `(-> String Expression String)`, `sort-strings` `(-> Expression Expression)`, `trace!`
 * `(-> %Undefined% Atom %Undefined%)`, `print-alternatives!` `(-> Atom Expression (->))`.
 */
export function textOps(): GroundedOp[] {
  return [println(), formatArgsOp(), sortStrings(), trace(), printAlternatives()];
}

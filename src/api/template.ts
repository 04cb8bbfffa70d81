/**
 * The `metta` tagged template: MeTTa source with atoms and host values spliced in.
 *
 * Each `${…}` is replaced in the text by a placeholder word that the tokenizer maps straight
 * to the interpolated atom, so the atom lands in the parsed tree as the very object given:
 * nothing is printed and parsed again, and grounded atoms, fresh variables or strings with
 * odd characters survive unchanged.
 *
 * @module
 */
import type { Atom } from '../atomspace/atom.js';
import { parseAtom } from '../metta/parser.js';
import { registerStandardTokens, Tokenizer } from '../metta/tokenizer.js';
import { fromJS, type JSInput } from './convert.js';

/** A tag function that parses a template into one atom. */
export type MettaTemplate = (strings: TemplateStringsArray, ...values: JSInput[]) => Atom;

/**
 * Makes a `metta` tag that reads words with `tokenizer` as it is at each use (a runner's
 * `top.tokenizer` makes `+` the grounded addition rather than the symbol `+`).
 */
export function mettaTemplate(tokenizer: Tokenizer): MettaTemplate {
  return (strings, ...values) => parseTemplate(strings, values, tokenizer);
}

const standard = new Tokenizer();
registerStandardTokens(standard);

/**
 * Parses MeTTa text with interpolations into one atom, using the standard tokens (numbers,
 * `True`/`False`, strings; `+` stays a symbol). An interpolated atom is used as is, any other
 * value is converted with {@link fromJS}:
 *
 * ```ts
 * const who = sym('Tom');
 * metta`(Parent ${who} $child)`; // (Parent Tom $child)
 * metta`(age ${'Ann'} ${42})`;  // (age "Ann" 42)
 * ```
 *
 * The text is read raw, as in a `.metta` file: `"a\nb"` is MeTTa's escape, not JavaScript's.
 * Each interpolation must stand alone as an atom: one inside a string literal, a comment, or
 * glued to other characters (`a${x}`) is an error. Throws `MettaSyntaxError` for bad syntax
 * and `TypeError` for values {@link fromJS} rejects.
 */
export const metta: MettaTemplate = mettaTemplate(standard);

function parseTemplate(strings: TemplateStringsArray, values: readonly JSInput[], base: Tokenizer): Atom {
  const atoms = values.map(fromJS);
  const raw = strings.raw;
  const mark = placeholderMark(raw);
  let text = raw[0]!;
  for (let i = 0; i < atoms.length; i++) text += `${mark}${i}${mark}` + raw[i + 1]!;

  const used = new Set<number>();
  const tokenizer = base.clone();
  // Registered last, so it wins over every pattern of the base tokenizer.
  tokenizer.register(new RegExp(`${mark}(\\d+)${mark}`), (token) => {
    const i = Number(token.slice(mark.length, -mark.length));
    used.add(i);
    return atoms[i]!;
  });
  const atom = parseAtom(text, tokenizer);
  if (used.size !== atoms.length) {
    const lost = atoms.findIndex((_, i) => !used.has(i));
    throw new SyntaxError(`metta template: interpolation #${lost + 1} is not an atom of its own (inside a string, a comment, or joined to other characters)`);
  }
  return atom;
}

/**
 * A delimiter for placeholders that occurs nowhere in the template's own text, so no user text
 * can be taken for a placeholder.
 */
function placeholderMark(parts: readonly string[]): string {
  let mark = '\u{E000}';
  while (parts.some((p) => p.includes(mark))) mark += '\u{E001}';
  return mark;
}

/**
 * Whether a piece of MeTTa text is finished, so the REPL knows when to stop asking for more
 * lines: every `(` closed and no string left open. Comments (`;` to the end of the line)
 * do not count, nor do parentheses inside strings.
 *
 * @module
 */

/**
 * True when `text` has no unclosed `(` and no unclosed string. Extra `)` also count as
 * finished: more lines cannot mend them, so the parser should report them now.
 */
export function isBalanced(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
    } else if (c === ';') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '(') {
      depth++;
    } else if (c === ')') {
      depth--;
      if (depth < 0) return true;
    }
  }
  return depth === 0 && !inString;
}

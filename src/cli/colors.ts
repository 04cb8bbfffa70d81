/**
 * Terminal colors for the REPL: on for a terminal, off when output is not a TTY or the
 * `NO_COLOR` convention (https://no-color.org) asks for none.
 *
 * @module
 */

/** Styles the REPL applies to what it prints; each is the identity when colors are off. */
export interface Palette {
  readonly error: (text: string) => string;
  readonly result: (text: string) => string;
  readonly note: (text: string) => string;
  readonly prompt: (text: string) => string;
}

function sgr(open: number, close: number): (text: string) => string {
  return (text) => `\x1b[${open}m${text}\x1b[${close}m`;
}

const plain = (text: string): string => text;

/** Whether to color output written to a stream with this `isTTY`, under this environment. */
export function colorsWanted(isTTY: boolean | undefined, env: NodeJS.ProcessEnv): boolean {
  const noColor = env['NO_COLOR'];
  return isTTY === true && (noColor === undefined || noColor === '');
}

/** The palette: ANSI styles when `enabled`, plain text otherwise. */
export function palette(enabled: boolean): Palette {
  if (!enabled) return { error: plain, result: plain, note: plain, prompt: plain };
  return { error: sgr(31, 39), result: sgr(32, 39), note: sgr(2, 22), prompt: sgr(1, 22) };
}

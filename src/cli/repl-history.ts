/**
 * The REPL's history file: the lines typed in earlier sessions, oldest first, one a line.
 * It lives in the home directory unless `RHIZOME_HISTORY` names another file.
 *
 * @module
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** How many lines the file keeps. */
export const HISTORY_SIZE = 1000;

/** Where the history lives under this environment. */
export function historyPath(env: NodeJS.ProcessEnv): string {
  return env['RHIZOME_HISTORY'] || join(homedir(), '.rhizome_history');
}

/** The saved lines, newest first (the order `readline` keeps them in); none when unreadable. */
export function loadHistory(path: string): string[] {
  try {
    return readFileSync(path, 'utf8').split('\n').filter((l) => l !== '').reverse().slice(0, HISTORY_SIZE);
  } catch {
    return [];
  }
}

/**
 * Saves `newestFirst` to `path`. A history that cannot be written (read-only home, no
 * home at all) must not break the session, so failures are ignored.
 */
export function saveHistory(path: string, newestFirst: readonly string[]): void {
  try {
    writeFileSync(path, [...newestFirst].slice(0, HISTORY_SIZE).reverse().join('\n') + '\n');
  } catch {
    // Nothing to do: the session goes on without saved history.
  }
}

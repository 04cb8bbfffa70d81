/**
 * Conformance suite: runs every `test/conformance/*.metta` file through the
 * same code path as the `rhizome` CLI and checks its exit code, its stdout
 * (when a `.stdout` golden file exists) and, for parse errors, its stderr.
 *
 * File conventions (see test/conformance/README.md):
 * - `; expect-exit: N` in the leading comment block sets the expected exit
 *   code (default 0: the file ran to the end; 1: stopped on an error result;
 *   2: parse error or unreadable file).
 * - `; expect-stderr: TEXT` (repeatable) requires TEXT in stderr.
 * - An exit code of 2 also requires `<file name>:<line>:<col>` in stderr.
 * - `X.stdout` next to `X.metta` holds the exact expected stdout.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runFile } from '../src/cli/run-file.js';

const CONFORMANCE_DIR = join(dirname(fileURLToPath(import.meta.url)), 'conformance');

/** Deep recursion files need far more than vitest's default per-test budget. */
const FILE_TIMEOUT_MS = 300_000;

/** What one conformance file is expected to do. */
interface Expectation {
  /** Exit code `runFile` must return. */
  exitCode: number;
  /** Substrings that must all occur in stderr. */
  stderrIncludes: string[];
  /** Exact stdout, when the file has a golden `.stdout` companion. */
  stdout: string | undefined;
}

/** Everything a run of `runFile` produced. */
interface RunOutcome {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/**
 * Reads the directives of the leading comment block; directives further down
 * are ignored so that ordinary comments can never change what is checked.
 */
function readExpectation(mettaPath: string): Expectation {
  const expectation: Expectation = { exitCode: 0, stderrIncludes: [], stdout: undefined };
  for (const line of readFileSync(mettaPath, 'utf8').split('\n')) {
    if (!line.startsWith(';')) break;
    const directive = /^;\s*expect-(exit|stderr):\s*(.*?)\s*$/.exec(line);
    if (directive === null) continue;
    const [, key, value] = directive;
    if (key === 'exit') {
      if (!/^\d+$/.test(value)) throw new Error(`${mettaPath}: bad expect-exit value '${value}'`);
      expectation.exitCode = Number(value);
    } else {
      expectation.stderrIncludes.push(value);
    }
  }
  const goldenPath = mettaPath.replace(/\.metta$/, '.stdout');
  if (existsSync(goldenPath)) expectation.stdout = readFileSync(goldenPath, 'utf8');
  return expectation;
}

async function runConformanceFile(mettaPath: string): Promise<RunOutcome> {
  let stdout = '';
  let stderr = '';
  const exitCode = await runFile(mettaPath, {
    stdout(text: string): void {
      stdout += text;
    },
    stderr(text: string): void {
      stderr += text;
    },
  });
  return { exitCode, stdout, stderr };
}

/** The lines that make a failure readable: every printed error result. */
function errorReport(outcome: RunOutcome): string {
  const errorLines = outcome.stdout.split('\n').filter((line) => line.includes('(Error'));
  const shown = errorLines.length > 0 ? errorLines.join('\n') : '(no "(Error" lines in stdout)';
  return `exit code ${outcome.exitCode}\nerror results:\n${shown}\nstderr:\n${outcome.stderr}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const mettaFiles = readdirSync(CONFORMANCE_DIR)
  .filter((name) => name.endsWith('.metta'))
  .sort();

describe('conformance suite layout', () => {
  it('has its MeTTa files', () => {
    expect(mettaFiles.length).toBeGreaterThanOrEqual(30);
  });

  it('has no golden stdout file without a MeTTa file', () => {
    const orphans = readdirSync(CONFORMANCE_DIR)
      .filter((name) => name.endsWith('.stdout'))
      .filter((name) => !mettaFiles.includes(name.replace(/\.stdout$/, '.metta')));
    expect(orphans).toEqual([]);
  });
});

describe('conformance', () => {
  for (const name of mettaFiles) {
    it(
      name,
      async () => {
        const mettaPath = join(CONFORMANCE_DIR, name);
        const expectation = readExpectation(mettaPath);
        const outcome = await runConformanceFile(mettaPath);
        const report = errorReport(outcome);

        expect(outcome.exitCode, report).toBe(expectation.exitCode);
        if (expectation.stdout !== undefined) {
          expect(outcome.stdout, report).toBe(expectation.stdout);
        }
        if (expectation.exitCode === 2) {
          const location = new RegExp(`${escapeRegExp(basename(mettaPath))}:\\d+:\\d+`);
          expect(outcome.stderr, report).toMatch(location);
        }
        for (const text of expectation.stderrIncludes) {
          expect(outcome.stderr, report).toContain(text);
        }
      },
      FILE_TIMEOUT_MS,
    );
  }
});

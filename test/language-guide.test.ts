/**
 * docs/language-guide.md is executable documentation: every ```metta block paired with an
 * ```output block is run as a program through the CLI's `runFile`, and what it prints must be
 * exactly the output shown. A ```metta file=NAME block is a companion file (a module the
 * examples import) and is written next to the programs instead of being run.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_ERROR_RESULT, EXIT_OK, runFile } from '../src/cli/run-file.js';

const guidePath = join(import.meta.dirname, '..', 'docs', 'language-guide.md');

/** A fenced block of the guide: its info string (after the backticks), body and first line. */
interface Fence {
  readonly info: string;
  readonly body: string;
  readonly line: number;
}

/** One runnable example: the program, the output the guide shows, and whether it ends on an error. */
interface Example {
  readonly program: string;
  readonly output: string;
  readonly expectError: boolean;
  readonly line: number;
}

/** Every fenced block in document order, with the blank-line-only gap to the next one. */
function fences(markdown: string): { fence: Fence; gapAfter: string }[] {
  const lines = markdown.split('\n');
  const found: { fence: Fence; start: number; end: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const close = lines.findIndex((l, j) => j > i && l === '```');
    if (close < 0) throw new Error(`unclosed fence at line ${i + 1}`);
    const body = lines.slice(i + 1, close).map((l) => l + '\n').join('');
    found.push({ fence: { info: open[1]!.trim(), body, line: i + 1 }, start: i, end: close });
    i = close;
  }
  return found.map((f, k) => ({
    fence: f.fence,
    gapAfter: k + 1 < found.length ? lines.slice(f.end + 1, found[k + 1]!.start).join('\n') : 'end',
  }));
}

/** Splits the guide into companion files and examples; a metta block that is neither is an error. */
function parseGuide(markdown: string): { files: Map<string, string>; examples: Example[] } {
  const files = new Map<string, string>();
  const examples: Example[] = [];
  const all = fences(markdown);
  for (let k = 0; k < all.length; k++) {
    const { fence, gapAfter } = all[k]!;
    const words = fence.info.split(/\s+/);
    if (words[0] !== 'metta') continue;
    const file = words.find((w) => w.startsWith('file='));
    if (file) {
      files.set(file.slice('file='.length), fence.body);
      continue;
    }
    const next = all[k + 1]?.fence;
    if (!next || next.info !== 'output' || gapAfter.trim() !== '') {
      throw new Error(`the metta block at line ${fence.line} is not immediately followed by an output block`);
    }
    examples.push({ program: fence.body, output: next.body, expectError: words.includes('expect-error'), line: fence.line });
    k++;
  }
  return { files, examples };
}

const guide = parseGuide(readFileSync(guidePath, 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'rhizome-guide-'));
for (const [name, text] of guide.files) writeFileSync(join(dir, name), text);

/** Runs one program the way `rhizome FILE` does and collects what it prints. */
async function run(program: string, name: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const path = join(dir, name);
  writeFileSync(path, program);
  let stdout = '';
  let stderr = '';
  const code = await runFile(path, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

describe('docs/language-guide.md', () => {
  it('has enough examples that the check means something', () => {
    expect(guide.examples.length).toBeGreaterThanOrEqual(20);
    expect(guide.examples.filter((e) => e.expectError).length).toBeGreaterThan(0);
  });

  it('pairs each example with a non-empty output block', () => {
    for (const e of guide.examples) expect(e.output, `example at line ${e.line}`).not.toBe('');
  });

  it.each(guide.examples.map((e) => [e.line, e] as const))('example at line %i prints what the guide shows', async (line, e) => {
    const r = await run(e.program, `example-${line}.metta`);
    expect(r.stdout).toBe(e.output);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(e.expectError ? EXIT_ERROR_RESULT : EXIT_OK);
  });
});

describe('the guide parser', () => {
  it('rejects a metta block without its output', () => {
    expect(() => parseGuide('```metta\n!(+ 1 2)\n```\n\ntext\n')).toThrow(/not immediately followed/);
  });

  it('reads examples, error marks and companion files', () => {
    const g = parseGuide('```metta file=m.metta\n(a)\n```\n\n```metta expect-error\n!(f)\n```\n\n```output\n[(f)]\n```\n');
    expect(g.files.get('m.metta')).toBe('(a)\n');
    expect(g.examples).toEqual([{ program: '!(f)\n', output: '[(f)]\n', expectError: true, line: 5 }]);
  });
});

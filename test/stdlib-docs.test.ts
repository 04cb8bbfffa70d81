/**
 * The generated standard library reference (docs/stdlib.md): it is up to date with the
 * library's `@doc` atoms, it documents every operation the runner registers, and each entry
 * says what `help!` says about the same atom.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GroundedOp } from '../src/metta/grounded.js';
import { INSTRUCTIONS } from '../src/metta/interpreter/symbols.js';
import { MeTTa } from '../src/metta/runner.js';
import { OTHER_SECTION, REFERENCE_MODULES, STDLIB_SECTIONS, stdlibReference } from '../src/metta/stdlib/reference.js';
import type { Tokenizer } from '../src/metta/tokenizer.js';

const CHECKED_IN = readFileSync(fileURLToPath(new URL('../docs/stdlib.md', import.meta.url)), 'utf8');
const GENERATED = stdlibReference();

/** The reference split into its `## ` sections (but the contents), each a map from entry name to the entry's text. */
function sectionsOf(markdown: string): Map<string, Map<string, string>> {
  const sections = new Map<string, Map<string, string>>();
  for (const part of markdown.split(/^## /m).slice(1)) {
    const [title, ...rest] = part.split('\n');
    if (title === 'Contents') continue;
    const entries = new Map<string, string>();
    for (const block of rest.join('\n').split(/^### /m).slice(1)) {
      const m = /^`(.*)`\n([\s\S]*)$/.exec(block);
      if (m === null) throw new Error(`entry heading without a name: ${block.slice(0, 40)}`);
      entries.set(m[1]!, m[2]!);
    }
    sections.set(title!, entries);
  }
  return sections;
}

const SECTIONS = sectionsOf(GENERATED);
const ALL_ENTRIES = new Map([...SECTIONS.values()].flatMap((s) => [...s]));

/**
 * The names of the grounded operations a tokenizer holds under a plain name: what the runner
 * really registers, not a list kept beside it.
 */
function registeredOps(tokenizer: Tokenizer): Set<string> {
  const names = new Set<string>();
  for (const word of tokenizer.words()) {
    const atom = tokenizer.lookup(word);
    if (atom instanceof GroundedOp && atom.name === word) names.add(atom.name);
  }
  return names;
}

function silentRunner(): { metta: MeTTa; out: { text: string } } {
  const out = { text: '' };
  const metta = new MeTTa({ io: { stdout: (t) => (out.text += t), stderr: () => undefined } });
  return { metta, out };
}

describe('docs/stdlib.md', () => {
  it('is what the generator makes from the current @doc atoms (regenerate: npm run build && npm run docs:stdlib)', () => {
    expect(CHECKED_IN).toBe(GENERATED);
  });

  it('comes out the same on every run, whatever variables were renamed before', () => {
    const { metta } = silentRunner();
    metta.run('!(let $x (get-type if) $x)');
    expect(stdlibReference()).toBe(GENERATED);
    expect(GENERATED).not.toMatch(/\$[^\s`)]*#\d/);
  });
});

describe('the reference covers the library', () => {
  it('documents every operation registered in the runner', () => {
    const { metta } = silentRunner();
    const ops = registeredOps(metta.top.tokenizer);
    // Far fewer would mean the tokenizer was read wrongly, not that all is documented.
    expect(ops.size).toBeGreaterThan(100);
    const missing = [...ops].filter((name) => !ALL_ENTRIES.has(name));
    expect(missing).toEqual([]);
  });

  it('documents each built-in module operation in its module section', () => {
    const { metta } = silentRunner();
    const core = registeredOps(metta.top.tokenizer);
    for (const name of REFERENCE_MODULES) {
      const { metta: withModule } = silentRunner();
      expect(withModule.run(`!(import! &self ${name})`).stoppedOnError).toBe(false);
      const own = [...registeredOps(withModule.top.tokenizer)].filter((op) => !core.has(op));
      expect(own.length, name).toBeGreaterThan(0);
      const section = SECTIONS.get(`The ${name} module`);
      expect(section, name).toBeDefined();
      expect(own.filter((op) => !section!.has(op))).toEqual([]);
    }
  });

  it('documents the minimal instructions in their section', () => {
    const section = SECTIONS.get('Minimal instructions')!;
    expect([...INSTRUCTIONS].map((i) => (i as { name: string }).name).filter((n) => !section.has(n))).toEqual([]);
  });

  it('puts every atom of the grouping table in its section, and has no stale rows', () => {
    for (const [title, names] of STDLIB_SECTIONS) {
      const section = SECTIONS.get(title);
      expect(section, title).toBeDefined();
      expect(names.filter((n) => !section!.has(n)), title).toEqual([]);
    }
  });

  it('lists the sections in the contents with their entry counts', () => {
    for (const [title, entries] of SECTIONS) {
      const anchor = title.toLowerCase().replace(/[^a-z0-9 _-]/g, '').replace(/ /g, '-');
      expect(GENERATED).toContain(`- [${title}](#${anchor}) (${entries.size})`);
    }
    // Today every documented atom of the core library has a home in the table.
    expect(SECTIONS.has(OTHER_SECTION)).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------
// Agreement with help!

/** Markdown text back to the plain text it shows. */
function plain(markdown: string): string {
  return markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/**
 * An entry of the reference written the way `help!` prints it, so the two can be compared:
 * `Function <name>: <type> <desc>` with its parameter and return lines, or
 * `Atom <name>: <type> <desc>`.
 */
function asHelpText(name: string, entry: string): string {
  const blocks = entry.split('\n\n').map((b) => b.trim()).filter((b) => b.length > 0);
  let out = '';
  let desc = '';
  for (let i = 0; i < blocks.length; i++) {
    const type = /^`([^`]*)`$/.exec(blocks[i]!);
    if (type === null) throw new Error(`${name}: expected a type line, found ${blocks[i]}`);
    if (i + 1 < blocks.length && !/^`[^`]*`$/.test(blocks[i + 1]!) && !blocks[i + 1]!.startsWith('Parameters:') && blocks[i + 1] !== 'No parameters.') {
      desc = plain(blocks[++i]!);
    }
    const next = blocks[i + 1];
    if (next !== 'No parameters.' && next !== 'Parameters:') {
      out += `Atom ${name}: ${type[1]} ${desc}\n`;
      continue;
    }
    out += `Function ${name}: ${type[1]} ${desc}\nParameters:\n`;
    i += 1;
    if (next === 'Parameters:') {
      for (const line of blocks[++i]!.split('\n')) {
        const m = /^\d+\. `([^`]*)`: (.*)$/.exec(line);
        if (m === null) throw new Error(`${name}: bad parameter line ${line}`);
        out += `  (type ${m[1]}) ${plain(m[2]!)}\n`;
      }
    }
    const ret = /^Returns `([^`]*)`: (.*)$/.exec(blocks[++i] ?? '');
    if (ret === null) throw new Error(`${name}: expected a Returns line`);
    out += `Return: (type ${ret[1]}) ${plain(ret[2]!)}\n`;
  }
  return out;
}

describe('the reference agrees with help!', () => {
  const { metta, out } = silentRunner();
  for (const name of REFERENCE_MODULES) metta.run(`!(import! &self ${name})`);
  const cases = [...ALL_ENTRIES].map(([name, entry]) => [name, entry] as const);

  it.each(cases)('%s', (name, entry) => {
    out.text = '';
    const outcome = metta.run(`!(help! ${name})`);
    expect(outcome.stoppedOnError).toBe(false);
    expect(asHelpText(name, entry)).toBe(out.text);
  });

  it('checks every entry', () => {
    expect(cases.length).toBeGreaterThan(190);
  });
});

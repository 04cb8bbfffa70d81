/**
 * The railroad diagrams (grammar/diagrams.html, grammar/diagrams/*.svg): regenerated from the
 * parser's chevrotain grammar they equal the committed files, every rule of the grammar is
 * drawn, and the page needs nothing from the network.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { grammarProductions } from '../src/metta/parser.js';
import {
  HTML_PATH,
  diagramsHtml,
  generatedFiles,
  ruleNames,
  ruleSvgs,
  serializedGrammar,
  svgFiles,
} from '../grammar/build-diagrams.mjs';

const productions = serializedGrammar({ grammarProductions });
const rules: string[] = ruleNames(productions);

describe('grammar diagrams', () => {
  it('come from a grammar with rules and every token of the parser', () => {
    expect(rules).toContain('topLevel');
    const terminals = new Set<string>();
    const walk = (p: { type: string; name?: string; definition?: unknown[] }): void => {
      if (p.type === 'Terminal') terminals.add(p.name!);
      for (const d of p.definition ?? []) walk(d as typeof p);
    };
    productions.forEach(walk);
    expect([...terminals].sort()).toEqual(['LParen', 'RParen', 'StringLiteral', 'UnclosedString', 'Variable', 'Word']);
  });

  it('are up to date (run `npm run grammar:diagrams` after changing the parser)', () => {
    for (const [path, text] of generatedFiles(productions)) {
      expect({ path, text: readFileSync(path, 'utf8') }).toEqual({ path, text });
    }
    expect(svgFiles().map((p: string) => basename(p, '.svg')).sort()).toEqual([...rules].sort());
  });

  it('draw every rule on the page, with the data and scripts inline', () => {
    const html = diagramsHtml(productions);
    const grammarJson = /window\.serializedGrammar = (\[[\s\S]*?\]);\n<\/script>/.exec(html);
    expect(grammarJson).not.toBeNull();
    expect(ruleNames(JSON.parse(grammarJson![1]!))).toEqual(rules);
    for (const rule of rules) expect(html).toContain(`"name": "${rule}"`);
    // Nothing is fetched: no external script, style sheet or image.
    expect(html).not.toMatch(/<(script|link|img)\b[^>]*\b(src|href)=/i);
    expect(html).toContain('drawDiagramsFromSerializedGrammar');
    expect(html).toContain('function buildSyntaxDiagramsText');
    expect(html).toContain('svg.railroad-diagram path');
    expect(readFileSync(HTML_PATH, 'utf8')).toBe(html);
  });

  it('draw one standalone SVG per rule, showing each token', () => {
    const svgs: Map<string, string> = ruleSvgs(productions);
    expect([...svgs.keys()]).toEqual(rules);
    const top = svgs.get('topLevel')!;
    expect(top).toMatch(/^<\?xml [^\n]*\n<!--[^\n]*-->\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="railroad-diagram" width="\d+" height="\d+"/);
    for (const label of ["'('", "')'", 'word', 'variable', 'string', 'unclosed string']) {
      expect(top).toContain(`>${label}</text>`);
    }
    expect(top.trimEnd().endsWith('</svg>')).toBe(true);
  });
});

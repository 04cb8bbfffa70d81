#!/usr/bin/env node
// Writes docs/stdlib.md, the standard library reference, from the library's @doc atoms.
// The generator lives in src/metta/stdlib/reference.ts (so the test suite can run it from
// the sources); this script runs the built copy: `npm run build` first.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { stdlibReference } from '../dist/metta/stdlib/reference.js';

const target = fileURLToPath(new URL('../docs/stdlib.md', import.meta.url));
writeFileSync(target, stdlibReference());
console.log(`wrote ${target}`);

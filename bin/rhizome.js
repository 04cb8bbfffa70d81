#!/usr/bin/env node
// The `rhizome` command: the compiled CLI lives in dist/ (built by `npm ci` / `npm run build`).
import('../dist/cli/main.js').catch((e) => {
  if (e && e.code === 'ERR_MODULE_NOT_FOUND') {
    process.stderr.write('rhizome: not built yet; run `npm ci` or `npm run build` in the rhizome package first\n');
    process.exit(3);
  }
  throw e;
});

#!/usr/bin/env node
// The `salvo` CLI: a thin loader for the bundle built by `npm run build` (scripts/build-cli.mjs).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../out/cli/salvo.js', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write('salvo: the CLI is not built yet; run `npm run build` first.\n');
  process.exit(2);
}
await import(bundle);

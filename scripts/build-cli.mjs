// Bundles the plain-Node entry points (the `salvo` CLI and the browser-mode server); dependencies stay external.
import { rm } from 'node:fs/promises';
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
};

// The CLI: `salvo.js` is what bin/salvo.js loads; `salvo-main.js` exports the same `main` for
// in-process callers (`npm run bench` measures exactly the code users run). Split into chunks,
// so both entries share one copy of the code and each subcommand loads only its own modules.
await rm('out/cli/chunks', { recursive: true, force: true });
await build({
  ...common,
  entryPoints: { salvo: 'electron/cli/bin.ts', 'salvo-main': 'electron/cli/main.ts' },
  outdir: 'out/cli',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
});

await build({ ...common, entryPoints: ['electron/web/main.ts'], outfile: 'out/cli/web.js' });

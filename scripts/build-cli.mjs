// Bundles the plain-Node entry points (the `salvo` CLI and the browser-mode server); dependencies stay external.
import { build } from 'esbuild';

const entries = [
  { in: 'electron/cli/bin.ts', out: 'out/cli/salvo.js' },
  { in: 'electron/web/main.ts', out: 'out/cli/web.js' },
];

for (const entry of entries) {
  await build({
    entryPoints: [entry.in],
    outfile: entry.out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
}

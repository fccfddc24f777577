// Bundles the `salvo` CLI (electron/cli) for plain Node; dependencies stay external (node_modules).
import { build } from 'esbuild';

await build({
  entryPoints: ['electron/cli/bin.ts'],
  outfile: 'out/cli/salvo.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
